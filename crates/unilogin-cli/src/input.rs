//! Reading rows from CSV and JSON Lines, one at a time, and handing each to the core.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use unilogin::{Problems, RecordKind, ValidationPolicy};

use crate::Fatal;

/// A UTF-8 byte-order mark, skipped at the start of a file.
pub(crate) const BOM: &[u8] = "\u{feff}".as_bytes();

/// One checked row.
#[derive(Debug)]
pub(crate) struct Row {
    /// The 0-based index of the data row (header and blank lines not counted).
    pub(crate) index: usize,
    /// The 1-based line of the file where the row starts.
    pub(crate) line: u64,
    /// The row's problems, located under `index`; empty when the row is valid.
    pub(crate) problems: Problems,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Csv,
    JsonLines,
}

/// An opened input.
pub(crate) struct Source {
    name: String,
    syntax: Syntax,
    reader: Box<dyn BufRead>,
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("name", &self.name)
            .field("syntax", &self.syntax)
            .finish_non_exhaustive()
    }
}

impl Source {
    /// Opens `path` (or standard input for `-`) and chooses the syntax by its extension.
    pub(crate) fn open(path: &Path) -> Result<Self, Fatal> {
        if path.as_os_str() == "-" {
            return Ok(Self {
                name: "standard input".to_owned(),
                syntax: Syntax::JsonLines,
                reader: Box::new(BufReader::new(io::stdin())),
            });
        }
        let name = path.display().to_string();
        let syntax = syntax_of(path).ok_or_else(|| {
            Fatal::new(format!(
                "cannot tell the format of {name} from its extension; \
                 use .csv or .tsv for CSV, .jsonl, .ndjson or .json for JSON Lines"
            ))
        })?;
        let file = File::open(path).map_err(|e| Fatal::new(format!("cannot open {name}: {e}")))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Fatal::new(format!("cannot read {name}: it is a directory")));
        }
        Ok(Self {
            name,
            syntax,
            reader: Box::new(BufReader::new(file)),
        })
    }

    /// Validates every row as `kind`, handing each checked row to `on_row` as soon as it is read.
    pub(crate) fn check_rows(
        self,
        kind: RecordKind,
        on_row: impl FnMut(Row) -> Result<(), Fatal>,
    ) -> Result<(), Fatal> {
        match self.syntax {
            Syntax::Csv => crate::csv_rows::check_csv(&self.name, self.reader, kind, on_row),
            Syntax::JsonLines => check_json_lines(&self.name, self.reader, kind, on_row),
        }
    }
}

fn syntax_of(path: &Path) -> Option<Syntax> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" | "tsv" => Some(Syntax::Csv),
        "jsonl" | "ndjson" | "json" => Some(Syntax::JsonLines),
        _ => None,
    }
}

pub(crate) fn read_error(name: &str, error: &io::Error) -> Fatal {
    Fatal::new(format!("cannot read {name}: {error}"))
}

fn check_json_lines(
    name: &str,
    mut reader: Box<dyn BufRead>,
    kind: RecordKind,
    mut on_row: impl FnMut(Row) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let mut bytes = Vec::new();
    let mut line: u64 = 0;
    let mut index = 0;
    loop {
        bytes.clear();
        let read = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| read_error(name, &e))?;
        if read == 0 {
            break;
        }
        line += 1;
        let content = if line == 1 {
            bytes.strip_prefix(BOM).unwrap_or(&bytes)
        } else {
            &bytes
        };
        let text = std::str::from_utf8(content)
            .map_err(|_| Fatal::new(format!("{name}: line {line}: not valid UTF-8")))?
            .trim();
        if text.is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(other) => {
                return Err(Fatal::new(format!(
                    "{name}: line {line}: not a JSON object: found {}{}",
                    json_kind(&other),
                    if other.is_array() {
                        "; write one object per line (JSON Lines)"
                    } else {
                        ""
                    }
                )))
            }
            Err(e) => {
                // serde_json counts lines within the one line it was given; give the column only.
                let message = e.to_string();
                let position = format!(" at line {} column {}", e.line(), e.column());
                let message = message.strip_suffix(&position).unwrap_or(&message);
                return Err(Fatal::new(format!(
                    "{name}: line {line}: not a JSON object: invalid JSON at column {}: {message}",
                    e.column()
                )));
            }
        };
        let problems = kind
            .check_json_with(&object, &ValidationPolicy::STIL)
            .in_row(index);
        on_row(Row {
            index,
            line,
            problems,
        })?;
        index += 1;
    }
    Ok(())
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_follows_the_extension_case_insensitively() {
        assert_eq!(syntax_of(Path::new("x.CSV")), Some(Syntax::Csv));
        assert_eq!(syntax_of(Path::new("x.ndjson")), Some(Syntax::JsonLines));
        assert_eq!(syntax_of(Path::new("x.xlsx")), None);
        assert_eq!(syntax_of(Path::new("x")), None);
    }
}
