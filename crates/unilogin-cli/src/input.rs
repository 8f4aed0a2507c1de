//! Opening the input and handing it to the core's export reader.

use std::fs::File;
use std::io;
use std::path::Path;

use unilogin::export::{self, ExportChecker, Syntax};
use unilogin::{RecordKind, ValidationPolicy};

use crate::Fatal;

/// An opened input: a file or standard input.
#[derive(Debug)]
pub(crate) enum Input {
    File(File),
    Stdin(io::Stdin),
}

impl io::Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(f) => f.read(buf),
            Self::Stdin(s) => s.read(buf),
        }
    }
}

/// The name an error message gives `path`.
pub(crate) fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Opens `path` (standard input for `-`, read as `syntax` or JSON Lines) and starts checking it.
pub(crate) fn open(
    path: &Path,
    syntax: Option<Syntax>,
    kind: RecordKind,
    policy: ValidationPolicy,
) -> Result<ExportChecker<Input>, Fatal> {
    let name = display_name(path);
    let at = |e| Fatal::export(&name, e);
    let (input, syntax) = if path.as_os_str() == "-" {
        (
            Input::Stdin(io::stdin()),
            syntax.unwrap_or(Syntax::JsonLines),
        )
    } else {
        let syntax = match syntax {
            Some(syntax) => syntax,
            None => Syntax::of_path(path).map_err(at)?,
        };
        (Input::File(export::open(path).map_err(at)?), syntax)
    };
    ExportChecker::new(input, syntax, kind, &policy).map_err(at)
}
