//! Reading JSON Lines: one JSON object per line, blank lines skipped.
//!
//! Each object is read as its keys and values in the order written, so that a key given twice
//! is seen (a JSON map keeps only the last), and each value as text: a string unescaped, `null`
//! as absent, and a number, boolean, array or object as written. A number is never converted:
//! `1e400` or a 30-digit integer is the text of the value, checked like any other in its row.

use std::fmt;
use std::io::Read;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::decode::decode;
use super::error::ExportError;
use super::lines::Lines;
use crate::{ErrorType, Term};

/// A JSON object as read from one line: its keys in order (a key given twice is there twice)
/// and the value of each as text, `None` for `null`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Object {
    pub(crate) keys: Vec<String>,
    pub(crate) values: Vec<Option<String>>,
}

impl<'de> serde::Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Object;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut object = Object::default();
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    object.keys.push(key);
                    object.values.push(text(value).map_err(de::Error::custom)?);
                }
                Ok(object)
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// A value as the text a field is checked with: a string unescaped, `null` as absent, anything
/// else as written.
fn text(value: &RawValue) -> Result<Option<String>, serde_json::Error> {
    let raw = value.get();
    match raw.as_bytes().first() {
        Some(b'"') => serde_json::from_str(raw).map(Some),
        Some(b'n') => Ok(None),
        _ => Ok(Some(raw.to_owned())),
    }
}

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
            let parsed = if text.starts_with('{') {
                serde_json::from_str::<Object>(text).map(Ok)
            } else {
                // Not an object: which kind of JSON it is, if it is JSON at all.
                serde_json::from_str::<&RawValue>(text).map(|value| Err(json_kind(value)))
            };
            return match parsed {
                Ok(Ok(object)) => Ok(Some((line, object))),
                Ok(Err(found)) => Err(ExportError::at_line(
                    ErrorType::JsonLineNotObject,
                    line,
                    |c| c.with("found", found),
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

/// The kind of a JSON value other than an object, by its first character.
fn json_kind(value: &RawValue) -> &'static Term {
    match value.get().as_bytes().first() {
        Some(b'n') => &kinds::NULL,
        Some(b't' | b'f') => &kinds::BOOLEAN,
        Some(b'"') => &kinds::STRING,
        Some(b'[') => &kinds::ARRAY,
        _ => &kinds::NUMBER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(line: &str) -> Object {
        let mut reader = JsonLinesReader::new(line.as_bytes());
        reader.next_object().unwrap().unwrap().1
    }

    #[test]
    fn keys_are_kept_in_order_with_duplicates_and_values_as_written() {
        let got = object(
            r#"{"cvr": 1e400, "p": 135856280000000000000000000000, "cvr": "a\"b", "n": null, "b": true, "x": [1, 2.50]}"#,
        );
        assert_eq!(got.keys, ["cvr", "p", "cvr", "n", "b", "x"]);
        assert_eq!(
            got.values,
            [
                Some("1e400".to_owned()),
                Some("135856280000000000000000000000".to_owned()),
                Some("a\"b".to_owned()),
                None,
                Some("true".to_owned()),
                Some("[1, 2.50]".to_owned()),
            ]
        );
    }

    #[test]
    fn a_line_that_is_no_object_is_named_by_its_kind() {
        for (line, kind) in [
            ("1e400", "number"),
            ("[{}]", "array"),
            ("\"x\"", "string"),
            ("null", "null"),
            ("false", "boolean"),
        ] {
            let mut reader = JsonLinesReader::new(line.as_bytes());
            let error = reader.next_object().unwrap_err();
            assert_eq!(error.kind(), ErrorType::JsonLineNotObject, "{line}");
            assert_eq!(
                error.ctx().get("found"),
                Some(&crate::CtxValue::Term(match kind {
                    "number" => &kinds::NUMBER,
                    "array" => &kinds::ARRAY,
                    "string" => &kinds::STRING,
                    "null" => &kinds::NULL,
                    _ => &kinds::BOOLEAN,
                }))
            );
        }
        let mut reader = JsonLinesReader::new(&b"{\"cvr\": 01}\n"[..]);
        assert_eq!(
            reader.next_object().unwrap_err().kind(),
            ErrorType::JsonLineInvalid
        );
    }
}
