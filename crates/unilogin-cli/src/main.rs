//! The `unilogin` command: validates exports (institution-number requests, Dagtilbudsregisteret
//! rows, user rosters), prints onboarding plans, checks single values and passwords, and
//! generates assigned passwords, all with the `unilogin` core.
//!
//! The command only reads input and prints; every rule lives in the core.

mod check;
mod input;
mod password;
mod plan;
mod progress;
mod report;
mod validate;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use unilogin::export::ExportError;
use unilogin::Lang;

const TOP_AFTER_HELP: &str = "\
Examples:
  unilogin validate --kind register examples/register.csv
  unilogin plan --legal-basis privat --format mermaid
  unilogin check cvr 13585628 \"DK-1358 5627\"
  unilogin password check --group parent --name \"Ida Ågård\" < password.txt
  unilogin password generate --group mellemtrin

Every command takes --format json for scripts and --lang da|en for messages.
Exit status: 0 valid, 1 invalid or problems found, 2 usage or input error.
`unilogin <command> --help` tells more about each command.";

/// Validate Danish daycare and school data for Unilogin: exports (institution-number requests,
/// Dagtilbudsregisteret rows, user rosters), single values, passwords and onboarding plans.
#[derive(Debug, Parser)]
#[command(
    name = "unilogin",
    version,
    propagate_version = true,
    after_help = TOP_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every row of a CSV or JSON Lines export and report each problem.
    #[command(after_help = validate::AFTER_HELP)]
    Validate(validate::Args),
    /// Print the onboarding plan of a legal basis: its steps, who does them, in what order.
    #[command(after_help = plan::AFTER_HELP)]
    Plan(plan::Args),
    /// Check single values (CVR, P-number, institution number, municipality, phone, email, CPR
    /// number, …) and print each one's canonical form or why it is invalid.
    #[command(after_help = check::AFTER_HELP)]
    Check(check::Args),
    /// Check a password against STIL's rules, or generate an assigned password.
    #[command(
        subcommand,
        after_help = "Examples:\n  unilogin password check --group parent --name \"Ida Ågård\"\n  \
                      unilogin password generate --group mellemtrin"
    )]
    Password(password::Command),
}

/// Parses `--lang`.
pub(crate) fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| format!("unknown language `{tag}`; use da or en"))
}

/// The Danish or the English text.
pub(crate) fn tr(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// A failure that stops the command with exit status 2.
#[derive(Debug)]
pub(crate) enum Fatal {
    /// A message of the command itself, in both languages.
    Message { da: String, en: String },
    /// An error reading the input named `name`.
    Export { name: String, error: ExportError },
}

impl Fatal {
    pub(crate) fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Message {
            da: da.into(),
            en: en.into(),
        }
    }

    pub(crate) fn export(name: &str, error: ExportError) -> Self {
        Self::Export {
            name: name.to_owned(),
            error,
        }
    }

    /// Writing to standard output failed.
    pub(crate) fn write(error: &io::Error) -> Self {
        Self::new(
            format!("kan ikke skrive til standard output: {error}"),
            format!("cannot write to standard output: {error}"),
        )
    }

    /// The message in `lang`, with the error type of an input error.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            Self::Message { da, en } => match lang {
                Lang::Da => da.clone(),
                Lang::En => en.clone(),
            },
            Self::Export { name, error } => {
                let hint = match error.kind() {
                    unilogin::ErrorType::CsvNoKnownColumn => " (--kind)",
                    _ => "",
                };
                format!("{name}: {}{hint} [{}]", error.message(lang), error.kind())
            }
        }
    }

    /// Prints the message on standard error and returns exit status 2.
    pub(crate) fn report(&self, lang: Lang) -> ExitCode {
        // Nothing more can be done if standard error is gone too.
        let _ = writeln!(io::stderr(), "unilogin: {}", self.message(lang));
        ExitCode::from(2)
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Everything valid: exit status 0.
    Valid,
    /// Something invalid or problems found: exit status 1.
    Invalid,
}

impl Verdict {
    pub(crate) fn of(valid: bool) -> Self {
        if valid {
            Self::Valid
        } else {
            Self::Invalid
        }
    }
}

fn exit(result: Result<Verdict, Fatal>, lang: Lang) -> ExitCode {
    match result {
        Ok(Verdict::Valid) => ExitCode::SUCCESS,
        Ok(Verdict::Invalid) => ExitCode::from(1),
        Err(fatal) => fatal.report(lang),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => exit(validate::run(&args), args.lang),
        Command::Plan(args) => exit(plan::run(&args), args.lang),
        Command::Check(args) => exit(check::run(&args), args.lang),
        Command::Password(command) => {
            let lang = command.lang();
            exit(password::run(&command), lang)
        }
    }
}
