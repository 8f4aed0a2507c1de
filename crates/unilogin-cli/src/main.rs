//! The `unilogin` command: validates institution-number requests, Dagtilbudsregisteret export
//! rows and user roster rows with the `unilogin` core, row by row, and reports every problem.
//!
//! The command only reads files and prints; every rule lives in the core.

mod input;
mod report;

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use unilogin::{Lang, RecordKind};

use unilogin::export::ExportError;
use unilogin::ValidationPolicy;

use crate::report::{Report, Summary};

const VALIDATE_AFTER_HELP: &str = "\
Input:
  The format is chosen by FILE's extension: .csv and .tsv are CSV; .jsonl, .ndjson and .json
  are JSON Lines: one JSON object per line (a .json file too), blank lines skipped; strings,
  numbers and booleans are taken as text, null as absent. `-` reads JSON Lines from standard
  input.
  CSV: the first line is the header; the delimiter is the one of `;`, `,` and tab that occurs
  most in it. Fields may be quoted with `\"` (`\"\"` inside quotes is one quote). Blank lines
  are skipped. The text may be UTF-8 (a byte-order mark is skipped) or Windows-1252, as
  spreadsheet programs save CSV on Danish Windows; each field is read as UTF-8 when it is
  valid UTF-8 and as Windows-1252 otherwise, so Æ, Ø and Å survive. Columns are matched
  to fields by canonical key (cvr, p_number, ...) or by the register's column names
  (cvrNummer, pNummer, ...), case-insensitively; other columns are ignored. Every row must
  have as many fields as the header, or the command stops with status 2.
  User rows (--kind user) take cpr or alias, first_name, last_name, role, grade,
  institution_number, username and email, or Danish column names (cprnr, personnummer,
  fornavn, efternavn, rolle, klassetrin, klasse, institutionsnummer, instnr, brugernavn,
  e-mail, ...). A CPR number is never printed whole: the input of a problem at `cpr` shows
  DDMMYY-****, or one * per character when the text is not in the CPR format.

Rows:
  `row N` (Danish `række N`) is the 0-based index of the data row: the header and blank
  lines are not counted, and it is the number that starts `loc` in the JSON output.
  `line N` (`linje N`) is the 1-based line of the file where the row starts.

Output:
  text  one line per problem, then a summary line.
  json  one JSON array of {type, loc, msg, input, ctx} objects, `[]` when there is none.

Exit status:
  0  every row is valid
  1  problems were found
  2  usage or input error (missing file, UTF-16 or binary data, a ragged CSV row, a line that
     is not a JSON object); the message and its error type are on standard error, and the
     output covers at most the rows before the failure

Examples:
  unilogin validate --kind register examples/register.csv
  unilogin validate --kind request --format json --lang en examples/requests.jsonl
  unilogin validate --kind user --lang en examples/users.csv
  cat requests.jsonl | unilogin validate --kind request -";

/// Validate Danish daycare institution-number requests, Dagtilbudsregisteret exports and user
/// rosters for Unilogin.
#[derive(Debug, Parser)]
#[command(
    name = "unilogin",
    version,
    propagate_version = true,
    after_help = "Example:\n  unilogin validate --kind register examples/register.csv\n\n\
                  `unilogin validate --help` tells the input formats, the output and the exit status."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every row of a CSV or JSON Lines file and report each problem.
    #[command(after_help = VALIDATE_AFTER_HELP)]
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// What each row is: `request` (an institution-number request to STIL), `register` (a
    /// Dagtilbudsregisteret export row) or `user` (a user roster row: CPR number or alias,
    /// names, role and grade, institution number).
    #[arg(long, value_parser = kind_parser())]
    kind: RecordKind,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the messages: `da` or `en` (`da-DK`, `en-GB` and the like too).
    #[arg(long, default_value = "da", value_parser = parse_lang)]
    lang: Lang,

    /// The file to validate (.csv, .tsv, .jsonl, .ndjson, .json), or `-` for JSON Lines on
    /// standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One readable line per problem and a summary line.
    Text,
    /// One JSON array of `{type, loc, msg, input, ctx}` objects.
    Json,
}

fn kind_parser() -> impl TypedValueParser<Value = RecordKind> {
    PossibleValuesParser::new(RecordKind::ALL.map(RecordKind::name)).try_map(|name| {
        RecordKind::from_name(&name).ok_or_else(|| format!("unknown kind `{name}`"))
    })
}

fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| format!("unknown language `{tag}`; use da or en"))
}

/// A failure that stops the command with exit status 2.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// A message of the command itself.
    Message(String),
    /// An error reading the input named `name`.
    Export { name: String, error: ExportError },
}

impl Fatal {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self::Message(message.into())
    }

    pub(crate) fn export(name: &str, error: ExportError) -> Self {
        Self::Export {
            name: name.to_owned(),
            error,
        }
    }

    /// The message in `lang`, with the error type of an input error.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            Self::Message(message) => message.clone(),
            Self::Export { name, error } => {
                let hint = match error.kind() {
                    unilogin::ErrorType::CsvNoKnownColumn => " (--kind)",
                    _ => "",
                };
                format!("{name}: {}{hint} [{}]", error.message(lang), error.kind())
            }
        }
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate(&args),
    }
}

fn validate(args: &ValidateArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut report = Report::new(io::BufWriter::new(stdout.lock()), args.format, args.lang);
    let outcome =
        input::open(&args.file, None, args.kind, ValidationPolicy::STIL).and_then(|mut checker| {
            let name = input::display_name(&args.file);
            while let Some(row) = checker.next_row().map_err(|e| Fatal::export(&name, e))? {
                report.row(&row)?;
            }
            Ok(())
        });
    let complete = outcome.is_ok();
    match (outcome, report.finish(complete)) {
        (Ok(()), Ok(summary)) => exit_for(&summary),
        (Err(fatal), _) | (Ok(()), Err(fatal)) => {
            // Nothing more can be done if standard error is gone too.
            let _ = writeln!(io::stderr(), "unilogin: {}", fatal.message(args.lang));
            ExitCode::from(2)
        }
    }
}

fn exit_for(summary: &Summary) -> ExitCode {
    if summary.problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
