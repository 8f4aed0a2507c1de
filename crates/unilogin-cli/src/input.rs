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

/// Whether `path` means standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name an error message gives `path`.
pub(crate) fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The size of the file at `path`, if it is a file.
pub(crate) fn size(path: &Path) -> Option<u64> {
    if is_stdin(path) {
        return None;
    }
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// Opens `path` (standard input for `-`, read as `syntax` or JSON Lines) and starts checking it
/// as `kind`: for CSV, reads and resolves the header line.
pub(crate) fn open(
    path: &Path,
    syntax: Option<Syntax>,
    kind: RecordKind,
    policy: ValidationPolicy,
) -> Result<ExportChecker<Input>, Fatal> {
    let name = display_name(path);
    let at = |e| Fatal::export(&name, e);
    let (input, syntax) = if is_stdin(path) {
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
