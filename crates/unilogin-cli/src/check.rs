//! `unilogin check`: single values, each printed in its canonical form or with why it is invalid.

use std::io::{self, Write};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;
use serde::Serialize;
use unilogin::escape;
use unilogin::form::{ValueCheck, ValueKind};
use unilogin::{Ctx, ErrorType, Lang};

use crate::exit::{Fatal, Verdict};
use crate::input::{Lines, MAX_LINE_BYTES};

pub(crate) const AFTER_HELP: &str = "\
Kinds:
  cvr, p-number, institution-number, municipality, phone, email, cpr, and also email-ascii,
  postal-code, house-number, street, city, institution-name, legal-basis, legal-basis-accepted,
  institution-type, institution-type-accepted, username, grade, floor, door, address
  (a whole address on one line: \"Nørregade 12, 2. tv, 8000 Aarhus C\").
  The canonical form is what the library stores: a CVR number's eight digits, a phone number
  as `33 66 33 66`, a municipality's official name, a legal basis' key, a type's code, an
  email address with its domain in lower case and Unicode (with its ASCII form, `xn--…`, when
  the domain is not ASCII; `email-ascii` gives that form as the canonical one).
  A CPR number is never printed whole: it shows as DDMMYY-**** with the birth date. Give CPR
  numbers on standard input rather than as arguments, so they stay out of the shell history.

Input:
  The values are the arguments after the kind; with none, standard input is read, one value
  per line (blank lines are skipped), each checked and printed as it is read. A line longer
  than 65536 bytes, or one that is not UTF-8, is an input error (exit status 2).

Output:
  text  one line per value: `input → canonical`, or `input: message [type]`.
  json  a JSON array of {kind, input, valid, canonical, error: {type, msg, ctx} | null}, with
        `birth_date` for a CPR number and `ascii` for an email address whose domain is not ASCII.

Exit status: 0 every value valid, 1 some value invalid, 2 usage or input error.

Examples:
  unilogin check cvr 13585628 \"DK-1358 5627\"
  unilogin check municipality \"Koebenhavns Kommune\" 851 Frederiksbærg
  unilogin check phone --format json \"+45 3366 3366\"
  unilogin check email sb@taastrup.børnegalaxen.dk
  unilogin check cpr < cpr-numbers.txt";

/// The kinds `check` knows, as named on the command line: the core's value kinds with dashes.
fn kind_parser() -> impl TypedValueParser<Value = ValueKind> {
    PossibleValuesParser::new(ValueKind::ALL.map(|kind| kind.name().replace('_', "-")))
        .try_map(|name| ValueKind::from_name(&name).ok_or_else(|| format!("unknown kind `{name}`")))
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One line per value.
    Text,
    /// A JSON array.
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What the values are.
    #[arg(value_name = "KIND", value_parser = kind_parser())]
    kind: ValueKind,

    /// The values; with none, one value per line on standard input.
    #[arg(value_name = "VALUE")]
    values: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the messages: `da` or `en`.
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    pub(crate) lang: Lang,
}

/// The result for one value, as printed.
#[derive(Debug, Serialize)]
struct Outcome {
    kind: String,
    /// The input as given (masked for CPR numbers).
    input: String,
    valid: bool,
    canonical: Option<String>,
    /// The birth date of a valid CPR number.
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<String>,
    /// The ASCII form of a valid email address whose domain is not ASCII.
    #[serde(skip_serializing_if = "Option::is_none")]
    ascii: Option<String>,
    error: Option<Error>,
}

#[derive(Debug, Serialize)]
struct Error {
    #[serde(rename = "type")]
    kind: ErrorType,
    msg: String,
    ctx: Ctx,
}

fn check(kind: ValueKind, input: &str, lang: Lang) -> Outcome {
    let check = ValueCheck::new(kind, input);
    Outcome {
        kind: kind.name().replace('_', "-"),
        input: check.input().to_owned(),
        valid: check.error().is_none(),
        canonical: check.shown().map(str::to_owned),
        birth_date: check.birth_date().map(|d| d.to_string()),
        ascii: check.ascii().map(str::to_owned),
        error: check.error().map(|error| Error {
            kind: error.kind(),
            msg: error.message(lang),
            ctx: error.ctx().clone(),
        }),
    }
}

fn text_line(outcome: &Outcome, lang: Lang) -> String {
    let input = serde_json::to_string(&outcome.input).unwrap_or_default();
    match (&outcome.canonical, &outcome.error) {
        (Some(canonical), _) => match (&outcome.birth_date, &outcome.ascii, lang) {
            (Some(date), _, Lang::Da) => format!("{input} → {canonical} (født {date})"),
            (Some(date), _, _) => format!("{input} → {canonical} (born {date})"),
            (None, Some(ascii), _) => format!("{input} → {canonical} (ASCII: {ascii})"),
            (None, None, _) => format!("{input} → {canonical}"),
        },
        (None, Some(error)) => format!("{input}: {} [{}]", error.msg, error.kind),
        (None, None) => input,
    }
}

pub(crate) fn run(args: &Args) -> Result<Verdict, Fatal> {
    let mut out = Output::new(io::BufWriter::new(io::stdout().lock()), args.format);
    let mut valid = true;
    let mut one = |input: &str| {
        let outcome = check(args.kind, input, args.lang);
        valid &= outcome.valid;
        out.outcome(&outcome, args.lang)
    };
    let read = if args.values.is_empty() {
        // One value per line, each checked and printed as it is read: constant memory for
        // endless input, and a line longer than the bound is an input error.
        let mut lines = Lines::new(io::stdin().lock(), MAX_LINE_BYTES);
        let mut read = Ok(());
        let mut values = 0_usize;
        while let Some(line) = lines.next_line() {
            match line {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => {
                    values += 1;
                    one(line)?;
                }
                Err(e) => {
                    read = Err(e.fatal("en værdi", "a value"));
                    break;
                }
            }
        }
        // Empty input is not a valid result: nothing was checked.
        if values == 0 && read.is_ok() {
            read = Err(Fatal::new(
                "ingen værdier på standard input: skriv én værdi pr. linje, eller giv dem som argumenter",
                "no values on standard input: write one value per line, or give them as arguments",
            ));
        }
        read
    } else {
        args.values.iter().try_for_each(|value| one(value))
    };
    // The values before an input error are printed, as a complete text or JSON array.
    out.finish()?;
    read?;
    Ok(Verdict::of(valid))
}

/// Prints outcomes as they come: one line each, or the elements of one JSON array.
struct Output<W: Write> {
    out: W,
    format: Format,
    count: usize,
}

impl<W: Write> Output<W> {
    fn new(out: W, format: Format) -> Self {
        Self {
            out,
            format,
            count: 0,
        }
    }

    fn outcome(&mut self, outcome: &Outcome, lang: Lang) -> Result<(), Fatal> {
        let written = match self.format {
            // The input and messages quoting it come from the user's text: escaped.
            Format::Text => writeln!(self.out, "{}", escape::terminal(&text_line(outcome, lang))),
            Format::Json => {
                // As `to_writer_pretty` prints the whole array: each element indented by two
                // spaces (a raw line break only occurs between tokens: strings escape theirs).
                let element = serde_json::to_string_pretty(outcome)
                    .map_err(io::Error::other)
                    .map(|json| escape::json(&json).replace('\n', "\n  "));
                let separator = if self.count == 0 { "[\n  " } else { ",\n  " };
                element.and_then(|json| write!(self.out, "{separator}{json}"))
            }
        };
        self.count += 1;
        written.map_err(|e| Fatal::write(&e))
    }

    fn finish(mut self) -> Result<(), Fatal> {
        let end = match (self.format, self.count) {
            (Format::Text, _) => "",
            (Format::Json, 0) => "[]\n",
            (Format::Json, _) => "\n]\n",
        };
        self.out
            .write_all(end.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|e| Fatal::write(&e))
    }
}
