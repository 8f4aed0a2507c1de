//! What an export file is written in: its syntax (CSV or JSON Lines, by extension or name) and
//! the text encoding it was read in.

use std::path::Path;

use serde::ser::Serializer;
use serde::Serialize;

use super::ExportError;
use crate::{Ctx, ErrorType};

/// The syntax of an export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Syntax {
    /// CSV with a header line; the delimiter is detected.
    Csv,
    /// JSON Lines: one JSON object per line.
    JsonLines,
}

impl Syntax {
    /// The syntax a file name's extension names, case-insensitively: `.csv`, `.tsv` and `.txt`
    /// are CSV; `.jsonl`, `.ndjson` and `.json` are JSON Lines.
    ///
    /// ```
    /// use std::path::Path;
    /// use unilogin::export::Syntax;
    /// assert_eq!(Syntax::from_path(Path::new("eksport.CSV")), Some(Syntax::Csv));
    /// assert_eq!(Syntax::from_path(Path::new("x.ndjson")), Some(Syntax::JsonLines));
    /// assert_eq!(Syntax::from_path(Path::new("eksport.xlsx")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "jsonl" | "ndjson" | "json" => Some(Self::JsonLines),
            _ => None,
        }
    }

    /// Like [`Syntax::from_path`], with the error to report when the extension names no syntax.
    ///
    /// # Errors
    /// [`ErrorType::FileFormatUnknown`], with the extension (`.xlsx`) in `ctx`.
    pub fn of_path(path: &Path) -> Result<Self, ExportError> {
        Self::from_path(path).ok_or_else(|| unknown_format(path))
    }

    /// The name: `csv` or `jsonl`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::JsonLines => "jsonl",
        }
    }

    /// The syntax with this name (`csv`, `jsonl`; also `json_lines`, `ndjson`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "jsonl" | "json_lines" | "ndjson" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// The text encoding an export was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark (ASCII included).
    Utf8,
    /// UTF-8 with a byte-order mark, as spreadsheet programs save "CSV UTF-8".
    Utf8Bom,
    /// Windows-1252 ("ANSI" on Danish Windows): some field was not valid UTF-8.
    Windows1252,
}

impl Encoding {
    /// The name: `utf-8`, `utf-8-bom` or `windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Windows1252 => "windows-1252",
        }
    }
}

impl Serialize for Encoding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// How `file_format_unknown` names a file without an extension.
static NO_EXTENSION: crate::Term = crate::Term {
    key: "none",
    da: "(ingen)",
    en: "(none)",
};

/// The [`ErrorType::FileFormatUnknown`] error for `path`.
pub(crate) fn unknown_format(path: &Path) -> ExportError {
    let extension: crate::CtxValue = match path.extension() {
        Some(e) => format!(".{}", e.to_string_lossy()).into(),
        None => (&NO_EXTENSION).into(),
    };
    ExportError::new(
        ErrorType::FileFormatUnknown,
        Ctx::new().with("extension", extension),
        None,
    )
}
