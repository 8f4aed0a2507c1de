//! How a command ends: valid (exit status 0), invalid (1), or failed (2, with a message).

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use unilogin::export::ExportError;
use unilogin::Lang;

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
                _ => en.clone(),
            },
            Self::Export { name, error } => {
                let hint = match error.kind() {
                    unilogin::ErrorType::CsvNoKnownColumn
                    | unilogin::ErrorType::CsvKindMismatch => " (--kind)",
                    _ => "",
                };
                format!("{name}: {}{hint} [{}]", error.message(lang), error.kind())
            }
        }
    }

    /// Prints the message on standard error and returns exit status 2.
    pub(crate) fn report(&self, lang: Lang) -> ExitCode {
        // Nothing more can be done if standard error is gone too.
        let _ = writeln!(
            io::stderr(),
            "unilogin: {}",
            unilogin::escape::terminal(&self.message(lang))
        );
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

/// The exit status of `result`; a failure's message goes to standard error in `lang`.
pub(crate) fn status(result: Result<Verdict, Fatal>, lang: Lang) -> ExitCode {
    match result {
        Ok(Verdict::Valid) => ExitCode::SUCCESS,
        Ok(Verdict::Invalid) => ExitCode::from(1),
        Err(fatal) => fatal.report(lang),
    }
}
