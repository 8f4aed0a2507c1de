//! `unilogin check`: single values, each printed in its canonical form or with why it is invalid.

use std::io::{self, BufRead, Write};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;
use serde::Serialize;
use unilogin::form::{ValueCheck, ValueKind};
use unilogin::{Ctx, ErrorType, Lang};

use crate::exit::{Fatal, Verdict};

pub(crate) const AFTER_HELP: &str = "\
Kinds:
  cvr, p-number, institution-number, municipality, phone, email, cpr, and also postal-code,
  house-number, street, city, institution-name, legal-basis, legal-basis-accepted,
  institution-type, institution-type-accepted, username, grade.
  The canonical form is what the library stores: a CVR number's eight digits, a phone number
  as `33 66 33 66`, a municipality's official name, a legal basis' key, a type's code.
  A CPR number is never printed whole: it shows as DDMMYY-**** with the birth date. Give CPR
  numbers on standard input rather than as arguments, so they stay out of the shell history.

Input:
  The values are the arguments after the kind; with none, standard input is read, one value
  per line (blank lines are skipped).

Output:
  text  one line per value: `input → canonical`, or `input: message [type]`.
  json  a JSON array of {kind, input, valid, canonical, error: {type, msg, ctx} | null}.

Exit status: 0 every value valid, 1 some value invalid, 2 usage error.

Examples:
  unilogin check cvr 13585628 \"DK-1358 5627\"
  unilogin check municipality \"Koebenhavns Kommune\" 851 Frederiksbærg
  unilogin check phone --format json \"+45 3366 3366\"
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
        (Some(canonical), _) => match (&outcome.birth_date, lang) {
            (Some(date), Lang::Da) => format!("{input} → {canonical} (født {date})"),
            (Some(date), Lang::En) => format!("{input} → {canonical} (born {date})"),
            (None, _) => format!("{input} → {canonical}"),
        },
        (None, Some(error)) => format!("{input}: {} [{}]", error.msg, error.kind),
        (None, None) => input,
    }
}

pub(crate) fn run(args: &Args) -> Result<Verdict, Fatal> {
    let values = if args.values.is_empty() {
        let mut values = Vec::new();
        for line in io::stdin().lock().lines() {
            let line = line.map_err(|e| {
                Fatal::new(
                    format!("kan ikke læse standard input: {e}"),
                    format!("cannot read standard input: {e}"),
                )
            })?;
            if !line.trim().is_empty() {
                values.push(line);
            }
        }
        values
    } else {
        args.values.clone()
    };
    let outcomes: Vec<Outcome> = values
        .iter()
        .map(|v| check(args.kind, v, args.lang))
        .collect();
    let mut out = io::stdout().lock();
    let written = match args.format {
        Format::Text => outcomes
            .iter()
            .try_for_each(|o| writeln!(out, "{}", text_line(o, args.lang))),
        Format::Json => serde_json::to_writer_pretty(&mut out, &outcomes)
            .map_err(io::Error::other)
            .and_then(|()| writeln!(out)),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::of(outcomes.iter().all(|o| o.valid)))
}
