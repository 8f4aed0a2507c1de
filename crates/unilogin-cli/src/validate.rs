//! `unilogin validate`: every row of an export, checked as one record kind.

use std::io::{self, IsTerminal, Read};
use std::ops::ControlFlow;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;
use unilogin::export::{ExportOptions, ExportReport, Syntax};
use unilogin::{form, Lang, RecordKind, ValidationPolicy};

use crate::exit::{Fatal, Verdict};
use crate::input;
use crate::progress::Progress;
use crate::report::{Format, Report};

pub(crate) const AFTER_HELP: &str = "\
Input:
  The syntax is chosen by FILE's extension: .csv, .tsv and .txt are CSV; .jsonl, .ndjson and
  .json are JSON Lines: one JSON object per line (a .json file too), blank lines skipped;
  strings are taken as text, numbers and booleans as written (1e400 is checked in its row),
  null as absent; a field named twice (\"cvr\", \"CVR\") is a problem of its row
  (json_key_duplicate) and only the first value is checked. `-` reads standard input as
  JSON Lines, or as CSV with --input-format csv. A line ends at LF, CRLF or a lone CR.
  CSV: the first non-blank line is the header; the delimiter is the one of `;`, `,` and tab
  that occurs most in it. Fields may be quoted with `\"` (`\"\"` inside quotes is one quote);
  a quote never closed is an input error at its line (csv_quote_unclosed). Blank lines are
  skipped. The text may be UTF-8 (a byte-order mark is skipped) or
  Windows-1252, as spreadsheet programs save CSV on Danish Windows: each field is read as UTF-8
  when it is valid UTF-8 and as Windows-1252 otherwise, so Æ, Ø and Å survive. UTF-16
  (\"Unicode text\") and workbooks (.xlsx) are refused: save the sheet as CSV.
  Columns are matched to fields by canonical key (cvr, p_number, ...) or by the register's
  column names (cvrNummer, pNummer, ...), case-insensitively; one name twice (cvr;CVR) is an
  input error (csv_column_duplicate). Other columns are ignored and listed in the summary (the
  first 100, and a count of the rest), with the closest known name when one is close
  (telefonNumer: did you mean telefonNummer?). Every row must have as many fields as the
  header.
  A file without data rows (a CSV header alone, a JSON Lines file without an object) is an
  input error (file_no_rows), never a valid file.
  User rows (--kind user) take cpr, alias, first_name, last_name, role, grade,
  institution_number, username and email, or Danish column names (cprnr, personnummer,
  fornavn, efternavn, rolle, klassetrin, klasse, institutionsnummer, instnr, brugernavn,
  e-mail, ...). A CPR number is never printed whole: the input of a problem at `cpr` shows
  DDMMYY-****, or one * per character when the text is not in the CPR format. The alias of a
  protected person is the name shown instead of the real name: with one, a problem at
  first_name or last_name shows one * per character. --as-of DATE checks the rows against
  that date (a CPR number born after it, a pupil's age against the grade band).

Rows:
  `row N` (Danish `række N`) is the 0-based index of the data row: the header and blank
  lines are not counted, and it is the number that starts `loc` in the JSON output.
  `line N` (`linje N`) is the 1-based line of the file where the row starts.

Output:
  text   one line per problem; then the ignored columns, the encoding if not UTF-8, the
         count per error type, and last a line with the rows read, rows with problems and
         problems.
  json   one JSON object: {\"problems\": [{type, loc, msg, input, ctx, line}, ...],
         \"summary\": {rows, rows_with_problems, problems, problems_by_type, encoding,
         delimiter, columns, unknown_columns, complete, max_errors_reached, ...},
         \"error\": null}; after an input error, \"error\" is a problem {type, loc, msg, input,
         ctx, line} with loc [] and input null, and \"summary\" covers the rows before it.
         Python's unilogin.check_export returns the same object.
  jsonl  one JSON object per problem, then one line {\"summary\": {...}} (or {\"error\": ...}).
  csv    a header row,line,field,type,message,input and one row per problem; the summary
         goes to standard error. A cell starting with =, +, -, @, tab or CR gets a leading '
         and quotes, so a spreadsheet shows it and does not run it (docs/cli.md).
  excel-csv  the same for Excel on Danish Windows: `;`, UTF-8 with a byte-order mark, CRLF.
  html   one self-contained page to open in a browser or mail: totals, problems per type, a
         table that filters by type and field, and CSV (excel-csv) and JSON downloads; the
         npm package's checker page with the report inlined, fetching nothing when opened.
         It holds every problem, so its memory grows with them.
  Control characters from the file (ESC, C1, bidi overrides) are shown as \\u{XX}.
  A progress bar is drawn on standard error while a large file is read, only when standard
  error is a terminal (--progress never turns it off).

Speed:
  Rows are read one at a time and checked on one thread per CPU (--jobs, at most 32), about
  ten megabytes of memory whatever the file's size; the output is the same with any --jobs.

Exit status:
  0  every row is valid
  1  problems were found (also when --max-errors stopped the run)
  2  usage or input error (missing file, no data rows, UTF-16 or binary data, a ragged CSV
     row, a quote never closed, a column named twice, a line that is not a JSON object); the
     message and its error type are on standard error, and the output covers the rows before
     the failure

Examples:
  unilogin validate --kind register examples/register.csv
  unilogin validate --kind register --lang en --max-errors 100 eksport.csv
  unilogin validate --kind request --format json --lang en examples/requests.jsonl
  unilogin validate --kind user --format csv examples/users.csv > problems.csv
  cat requests.jsonl | unilogin validate --kind request -
  unilogin validate --kind register --input-format csv - < eksport.csv";

/// When to draw the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProgressMode {
    /// For files of 1 MB or more, when standard error is a terminal.
    Auto,
    /// Always (also when standard error is not a terminal).
    Always,
    /// Never.
    Never,
}

/// The input syntax, when the extension does not tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// CSV with a header line.
    Csv,
    /// JSON Lines.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What each row is: `request` (an institution-number request to STIL), `register` (a
    /// Dagtilbudsregisteret export row) or `user` (a user roster row: CPR number, alias,
    /// names, role and grade, institution number).
    #[arg(long, value_parser = kind_parser())]
    kind: RecordKind,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Language of the messages: `da` or `en` (`da-DK`, `en-GB` and the like too).
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    pub(crate) lang: Lang,

    /// Stop reading after the row where the N-th problem is found (0: never stop).
    #[arg(long, value_name = "N", default_value_t = 0)]
    max_errors: usize,

    /// The input syntax, overriding the extension (for standard input, say).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,

    /// Do not check the P-number's modulus-11 check digit (a rule inferred from public data,
    /// not published by the CVR register).
    #[arg(long)]
    no_p_number_checksum: bool,

    /// The date the rows are checked on, `YYYY-MM-DD` or `today` (the system's date, UTC):
    /// user rows then refuse a CPR number born after it (`cpr_date_in_future`) and report a
    /// pupil whose age does not fit the grade band (`age_outside_grade_band`). Without it no
    /// row is checked against a date.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    as_of: Option<chrono::NaiveDate>,
    /// A JSON file of validation-policy overrides, for the rules of medium or low confidence:
    /// `p_number_checksum`, `p_number_weight_switch`, `ownership_codes`,
    /// `request_institution_types`, `register_institution_types` (see docs/cli.md).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,

    /// When to draw a progress bar on standard error.
    #[arg(long, value_enum, default_value_t = ProgressMode::Auto)]
    progress: ProgressMode,

    /// Threads that check rows while the file is read (0: one per CPU; 1: check on the
    /// reading thread). The output is the same in any case.
    #[arg(long, value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// The file to validate (.csv, .tsv, .txt, .jsonl, .ndjson, .json), or `-` for standard
    /// input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// `--as-of`: a date `YYYY-MM-DD`, or `today` for the system's date (UTC).
fn parse_as_of(text: &str) -> Result<chrono::NaiveDate, String> {
    if text.trim().eq_ignore_ascii_case("today") {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs();
        return i64::try_from(seconds)
            .ok()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| t.date_naive())
            .ok_or_else(|| "the system's date is out of range".to_owned());
    }
    unilogin::form::as_of(text).map_err(|e| format!("{e}, or `today`"))
}

fn kind_parser() -> impl TypedValueParser<Value = RecordKind> {
    PossibleValuesParser::new(RecordKind::ALL.map(RecordKind::name)).try_map(|name| {
        RecordKind::from_name(&name).ok_or_else(|| format!("unknown kind `{name}`"))
    })
}

/// Files at least this large get a progress bar in `auto` mode.
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

/// The largest `--policy` file read, in bytes.
const MAX_POLICY_BYTES: u64 = 64 * 1024;

/// STIL's validation policy with the overrides in the `--policy` file, if any, and the
/// checksum off for `--no-p-number-checksum`.
fn policy(args: &Args) -> Result<ValidationPolicy, Fatal> {
    let overrides = match &args.policy {
        None => None,
        Some(path) => {
            let name = path.display();
            let mut text = String::new();
            std::fs::File::open(path)
                .and_then(|f| f.take(MAX_POLICY_BYTES).read_to_string(&mut text))
                .map_err(|e| {
                    Fatal::new(
                        format!("{name}: kan ikke læse politikken: {e}"),
                        format!("{name}: cannot read the policy: {e}"),
                    )
                })?;
            let json = serde_json::from_str(&text).map_err(|e| {
                Fatal::new(
                    format!("{name}: politikken er ikke JSON: {e}"),
                    format!("{name}: the policy is not JSON: {e}"),
                )
            })?;
            Some(json)
        }
    };
    // `--as-of` wins over an `as_of` in the policy file.
    form::validation_policy(overrides.as_ref(), !args.no_p_number_checksum, args.as_of).map_err(
        |e| {
            let reason = match &e {
                form::CallError::Problem(p) => p.message(args.lang),
                form::CallError::Argument(a) => a.message().to_owned(),
            };
            Fatal::new(
                format!("--policy: {reason} [{}]", e.code()),
                format!("--policy: {reason} [{}]", e.code()),
            )
        },
    )
}

pub(crate) fn run(args: &Args) -> Result<Verdict, Fatal> {
    let options = ExportOptions {
        lang: args.lang,
        policy: policy(args)?,
        max_errors: args.max_errors,
        jobs: args.jobs,
    };
    let syntax = args.input_format.map(|f| match f {
        InputFormat::Csv => Syntax::Csv,
        InputFormat::Jsonl => Syntax::JsonLines,
    });
    let stdout = io::stdout();
    let mut report = Report::new(io::BufWriter::new(stdout.lock()), args.format, args.lang)
        .named(input::display_name(&args.file));
    report.start()?;
    let size = input::size(&args.file);
    let mut progress = Progress::new(match args.progress {
        ProgressMode::Never => false,
        ProgressMode::Always => true,
        ProgressMode::Auto => {
            io::stderr().is_terminal() && size.is_some_and(|s| s >= PROGRESS_MIN_BYTES)
        }
    })
    .with_total(size);
    let source = input::source(&args.file, syntax);
    let (outcome, failed) = ExportReport::stream(source, args.kind, &options, |row| {
        progress.update(row.bytes_read, row.index + 1, args.lang);
        match report.row(&row) {
            Ok(()) => ControlFlow::Continue(()),
            Err(fatal) => ControlFlow::Break(fatal),
        }
    });
    progress.finish();
    if let Some(fatal) = failed {
        // Standard output cannot be written to: nothing more goes there.
        return Err(fatal);
    }
    report.finish(&outcome)?;
    match (outcome.error, outcome.summary) {
        (Some(error), _) => Err(Fatal::export(&input::display_name(&args.file), error)),
        (None, summary) => Ok(Verdict::of(summary.is_none_or(|s| s.problems == 0))),
    }
}
