//! Reading JSON Lines: one JSON object per line, blank lines skipped.

use std::io::Read;

use super::decode::decode;
use super::error::ExportError;
use super::lines::Lines;
use crate::{ErrorType, Term};

/// A JSON object as read from one line.
pub(crate) type Object = serde_json::Map<String, serde_json::Value>;

/// One JSON object per line, read in constant memory.
#[derive(Debug)]
pub(crate) struct JsonLinesReader<R> {
    lines: Lines<R>,
    buf: Vec<u8>,
    /// Whether the last line read was read as Windows-1252.
    windows_1252: bool,
}

impl<R: Read> JsonLinesReader<R> {
    pub(crate) fn new(reader: R) -> Self {
        Self {
            lines: Lines::new(reader),
            buf: Vec::new(),
            windows_1252: false,
        }
    }

    /// Whether the last object's line was read as Windows-1252.
    pub(crate) fn windows_1252(&self) -> bool {
        self.windows_1252
    }

    pub(crate) fn bom(&self) -> bool {
        self.lines.bom()
    }

    pub(crate) fn lines_read(&self) -> u64 {
        self.lines.line()
    }

    pub(crate) fn bytes_read(&self) -> u64 {
        self.lines.bytes()
    }

    /// The next object and the line it is on, or `None` at the end.
    pub(crate) fn next_object(&mut self) -> Result<Option<(u64, Object)>, ExportError> {
        loop {
            self.buf.clear();
            let line = self.lines.line() + 1;
            if !self.lines.read_line(&mut self.buf, line)? {
                return Ok(None);
            }
            let (text, windows_1252) = decode(&self.buf);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            self.windows_1252 = windows_1252;
            return match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Object(object)) => Ok(Some((line, object))),
                Ok(other) => Err(ExportError::at_line(
                    ErrorType::JsonLineNotObject,
                    line,
                    |c| c.with("found", json_kind(&other)),
                )),
                Err(e) => {
                    // serde_json counts lines within the one line it was given; keep the column.
                    let message = e.to_string();
                    let position = format!(" at line {} column {}", e.line(), e.column());
                    let reason = message.strip_suffix(&position).unwrap_or(&message);
                    Err(ExportError::at_line(
                        ErrorType::JsonLineInvalid,
                        line,
                        |c| {
                            c.with("column", e.column())
                                .with("reason", reason.to_owned())
                        },
                    ))
                }
            };
        }
    }
}

/// The kinds of JSON value, as `json_line_not_object` names them.
pub(crate) mod kinds {
    use crate::Term;

    /// `null`.
    pub static NULL: Term = Term {
        key: "null",
        da: "null",
        en: "null",
    };
    /// `true` or `false`.
    pub static BOOLEAN: Term = Term {
        key: "boolean",
        da: "en sandhedsværdi",
        en: "a boolean",
    };
    /// A number.
    pub static NUMBER: Term = Term {
        key: "number",
        da: "et tal",
        en: "a number",
    };
    /// A string.
    pub static STRING: Term = Term {
        key: "string",
        da: "en tekst",
        en: "a string",
    };
    /// An array.
    pub static ARRAY: Term = Term {
        key: "array",
        da: "en liste",
        en: "an array",
    };
}

fn json_kind(value: &serde_json::Value) -> &'static Term {
    match value {
        serde_json::Value::Null => &kinds::NULL,
        serde_json::Value::Bool(_) => &kinds::BOOLEAN,
        serde_json::Value::Number(_) => &kinds::NUMBER,
        serde_json::Value::String(_) => &kinds::STRING,
        // An object is never an error; arrays are the common mistake.
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => &kinds::ARRAY,
    }
}
