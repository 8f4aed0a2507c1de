//! Naming the input: a file, or standard input for `-`.

use std::io;
use std::path::Path;

use unilogin::export::{ExportSource, Syntax};

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

/// The export at `path`: standard input for `-` (read as `syntax` or JSON Lines), else the file
/// (read as `syntax` or as its extension tells).
pub(crate) fn source(path: &Path, syntax: Option<Syntax>) -> ExportSource<'_> {
    if is_stdin(path) {
        ExportSource::Reader {
            reader: Box::new(io::stdin()),
            syntax: syntax.unwrap_or(Syntax::JsonLines),
        }
    } else {
        ExportSource::Path { path, syntax }
    }
}
