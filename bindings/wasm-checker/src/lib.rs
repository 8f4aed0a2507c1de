//! The export checker for the browser: the core's export reader (the command's and Python's:
//! the same delimiter and encoding detection, problems and summary) fed with the chunks of a
//! `File.stream()` as they come, in constant memory. A module of its own, so the form module
//! (`unilogin`) does not carry the reader; only the checker page loads it.
//!
//! ```js
//! const session = new ExportSession("", "csv", "da");   // "" : the kind the header shows
//! for await (const chunk of file.stream()) {
//!   session.push(chunk);
//!   const problems = JSON.parse(session.drain());      // the rows the bytes so far complete
//! }
//! session.end();
//! const last = JSON.parse(session.drain());
//! const report = JSON.parse(session.report());         // {problems: [], summary, error}
//! ```
//!
//! Nothing here can panic; a bad argument is a `TypeError` with `code` `invalid_argument`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

use unilogin::escape;
use unilogin::export::{
    detect_kind, ExportOptions, ExportStream, ReportProblem, Syntax, CSV_COLUMNS, MAX_RECORD_BYTES,
};
use unilogin::form::{self, ArgumentError};
use unilogin::{Lang, RecordKind};
use unilogin_wasm_convert::argument;
use wasm_bindgen::prelude::*;

/// The format of a file named `name`, as the command decides it from the extension: JSON
/// text `{"format": "csv"}` (`.csv`, `.txt`, `.tsv`) or `{"format": "jsonl"}` (`.jsonl`,
/// `.ndjson`), or `{"error": {type, loc, msg, input, ctx, line}}` (`file_format_unknown`, for
/// a spreadsheet's `.xlsx`, say), its message in `lang`.
///
/// # Errors
/// A `TypeError` (`code` `invalid_argument`) for an unknown language.
#[wasm_bindgen(js_name = formatOf)]
pub fn format_of(name: &str, lang: &str) -> Result<String, JsValue> {
    let lang = form::lang(lang).map_err(argument)?;
    let value = match Syntax::of_path(std::path::Path::new(name)) {
        Ok(syntax) => serde_json::json!({ "format": syntax.name() }),
        Err(error) => {
            let problem = error.problem();
            let entry = ReportProblem::new(&problem, error.line(), lang);
            serde_json::json!({ "error": entry })
        }
    };
    Ok(value.to_string())
}

/// The problems `drain` gave (as a JSON array) as CSV for Excel on Danish Windows, as the
/// command's `--format excel-csv` writes it: a byte-order mark, `;`, CRLF, the columns of
/// [`CSV_COLUMNS`], every cell neutralised for spreadsheets (a leading `=`, `+`, `-`, `@`,
/// tab or CR gets a `'`) and quoted as needed.
///
/// # Errors
/// A `TypeError` (`code` `invalid_argument`) when `problems` is not such an array.
#[wasm_bindgen(js_name = excelCsv)]
pub fn excel_csv(problems: &str) -> Result<String, JsValue> {
    let problems: Vec<serde_json::Value> = serde_json::from_str(problems).map_err(|e| {
        argument(ArgumentError::new(
            "problems",
            format!("not a JSON array of problems: {e}"),
        ))
    })?;
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[&str]| {
        let cells: Vec<_> = fields.iter().map(|f| escape::csv_field(f, ';')).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    line(&CSV_COLUMNS);
    for problem in &problems {
        let loc = problem["loc"].as_array().map_or(&[][..], Vec::as_slice);
        let row = loc.first().map(text).unwrap_or_default();
        let field = loc.iter().skip(1).map(text).collect::<Vec<_>>().join(".");
        line(&[
            &row,
            &text(&problem["line"]),
            &field,
            &text(&problem["type"]),
            &text(&problem["msg"]),
            &text(&problem["input"]),
        ]);
    }
    Ok(out)
}

/// Bytes that must be buffered before a row is read while more input may come: a record is at
/// most [`MAX_RECORD_BYTES`] long, so with this much buffered no row runs out of bytes before
/// the input has ended.
const READ_AHEAD: usize = MAX_RECORD_BYTES + 64 * 1024;

/// The bytes pushed and not yet read.
#[derive(Debug, Default)]
struct Queue {
    bytes: VecDeque<u8>,
    ended: bool,
}

/// The core's reader reads from the queue; it is only asked to when the queue holds a whole
/// record or the input has ended.
#[derive(Debug)]
struct QueueReader(Rc<RefCell<Queue>>);

impl Read for QueueReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().bytes.read(buf)
    }
}

/// Checks one export as its bytes arrive.
#[derive(Debug)]
#[wasm_bindgen]
pub struct ExportSession {
    queue: Rc<RefCell<Queue>>,
    kind: Option<RecordKind>,
    syntax: Syntax,
    options: ExportOptions,
    stream: Option<ExportStream<QueueReader>>,
    bytes_pushed: f64,
    rows: u32,
}

#[wasm_bindgen]
impl ExportSession {
    /// A session for an export of `kind` (`request`, `register`, `user`, or `""` for the kind
    /// its header shows: `detectedKind` says which), in `format` `csv` or `jsonl`, with
    /// messages in `lang`; `maxErrors` (0: no limit) stops reading after the row where that
    /// many problems are found, as the command's `--max-errors` does.
    ///
    /// # Errors
    /// A `TypeError` (`code` `invalid_argument`) for an unknown kind, format or language.
    #[wasm_bindgen(constructor)]
    pub fn new(
        kind: &str,
        format: &str,
        lang: &str,
        max_errors: u32,
    ) -> Result<ExportSession, JsValue> {
        let kind = if kind.is_empty() {
            None
        } else {
            Some(form::record_kind(kind).map_err(argument)?)
        };
        let syntax = form::syntax(format).map_err(argument)?;
        let lang: Lang = form::lang(lang).map_err(argument)?;
        Ok(Self {
            queue: Rc::default(),
            kind,
            syntax,
            options: ExportOptions {
                lang,
                max_errors: max_errors as usize,
                ..ExportOptions::default()
            },
            stream: None,
            bytes_pushed: 0.0,
            rows: 0,
        })
    }

    /// Adds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.queue.borrow_mut().bytes.extend(chunk);
        #[allow(clippy::cast_precision_loss, reason = "chunk sizes are far below 2^52")]
        {
            self.bytes_pushed += chunk.len() as f64;
        }
    }

    /// Says that the whole file has been pushed.
    pub fn end(&mut self) {
        self.queue.borrow_mut().ended = true;
    }

    /// Reads and checks every row the bytes pushed so far surely complete (every row, once
    /// the input has ended) and returns their problems as JSON text: an array of
    /// `{type, loc, msg, input, ctx, line}`, `loc` starting with the row.
    pub fn drain(&mut self) -> String {
        let mut out = Vec::new();
        if !ready(&self.queue) {
            return String::from("[]");
        }
        let lang = self.options.lang;
        let queue = Rc::clone(&self.queue);
        let Some(stream) = self.open() else {
            return String::from("[]");
        };
        let mut rows = 0_u32;
        while ready(&queue) {
            let Some(row) = stream.next() else { break };
            rows += 1;
            for problem in &row.problems {
                let entry = ReportProblem::new(problem, Some(row.line), lang);
                if let Ok(text) = serde_json::to_string(&entry) {
                    out.push(text);
                }
            }
        }
        self.rows += rows;
        format!("[{}]", out.join(","))
    }

    /// The report so far as JSON text, the command's `validate --format json` object without
    /// its problems (those came from `drain`): `{problems: [], summary, error}`; `summary` is
    /// `null` until reading has ended.
    pub fn report(&self) -> String {
        let report = self.stream.as_ref().map(ExportStream::report);
        serde_json::to_string(&report).unwrap_or_else(|_| String::from("null"))
    }

    /// Whether reading has ended: the whole file was read, `maxErrors` was reached, or an
    /// error stopped it (the report's `error`).
    #[wasm_bindgen(getter)]
    pub fn ended(&self) -> bool {
        self.stream.as_ref().is_some_and(ExportStream::is_ended)
    }

    /// The kind the rows are checked as (the one asked for, or the one the header showed;
    /// `register` when it showed none), `null` until the header has been read.
    #[wasm_bindgen(getter, js_name = kind)]
    pub fn checked_kind(&self) -> Option<String> {
        self.stream
            .as_ref()
            .and(self.kind)
            .map(|k| k.name().to_owned())
    }

    /// The bytes pushed so far.
    #[wasm_bindgen(getter, js_name = bytesPushed)]
    pub fn bytes_pushed(&self) -> f64 {
        self.bytes_pushed
    }

    /// The rows read so far.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> u32 {
        self.rows
    }
}

/// Whether the queue holds enough to read the next row.
fn ready(queue: &RefCell<Queue>) -> bool {
    let queue = queue.borrow();
    queue.ended || queue.bytes.len() >= READ_AHEAD
}

impl ExportSession {
    /// The stream, started on first use: the kind read off the header when none was given.
    fn open(&mut self) -> Option<&mut ExportStream<QueueReader>> {
        if self.stream.is_none() {
            let kind = self.kind.unwrap_or_else(|| {
                let queue = self.queue.borrow();
                let head: Vec<u8> = queue.bytes.iter().take(MAX_RECORD_BYTES).copied().collect();
                detect_kind(&head, self.syntax).unwrap_or(RecordKind::Register)
            });
            self.kind = Some(kind);
            let reader = QueueReader(Rc::clone(&self.queue));
            self.stream = Some(ExportStream::new(reader, self.syntax, kind, &self.options));
        }
        self.stream.as_mut()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use unilogin::export::{ExportOptions, ExportReport, ExportSource};
    use unilogin::Lang;

    use super::*;

    fn session(kind: &str, format: &str) -> ExportSession {
        let syntax = form::syntax(format).unwrap();
        ExportSession {
            queue: Rc::default(),
            kind: (!kind.is_empty()).then(|| form::record_kind(kind).unwrap()),
            syntax,
            options: ExportOptions {
                lang: Lang::En,
                ..ExportOptions::default()
            },
            stream: None,
            bytes_pushed: 0.0,
            rows: 0,
        }
    }

    /// Pushes `bytes` in chunks of `chunk`, draining after each, and returns every problem
    /// and the final report as JSON values.
    fn check(
        session: &mut ExportSession,
        bytes: &[u8],
        chunk: usize,
    ) -> (Vec<serde_json::Value>, serde_json::Value) {
        let mut problems = Vec::new();
        for part in bytes.chunks(chunk) {
            session.push(part);
            let drained: Vec<serde_json::Value> = serde_json::from_str(&session.drain()).unwrap();
            problems.extend(drained);
        }
        session.end();
        let drained: Vec<serde_json::Value> = serde_json::from_str(&session.drain()).unwrap();
        problems.extend(drained);
        (problems, serde_json::from_str(&session.report()).unwrap())
    }

    fn examples() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
    }

    #[test]
    fn every_example_pushed_in_chunks_gives_the_report_of_the_file() {
        for (name, kind, format) in [
            ("register.csv", "register", "csv"),
            ("register-windows-1252.csv", "register", "csv"),
            ("requests.csv", "request", "csv"),
            ("requests.jsonl", "request", "jsonl"),
            ("users.csv", "user", "csv"),
        ] {
            let path = examples().join(name);
            let bytes = std::fs::read(&path).unwrap();
            let kind = form::record_kind(kind).unwrap();
            let options = ExportOptions {
                lang: Lang::En,
                ..ExportOptions::default()
            };
            let source = ExportSource::Path {
                path: &path,
                syntax: None,
            };
            let expected =
                serde_json::to_value(ExportReport::check(source, kind, &options)).unwrap();
            for chunk in [1, 7, 4096, bytes.len()] {
                // The kind left open: read off the header.
                let mut auto = session("", format);
                let (problems, report) = check(&mut auto, &bytes, chunk);
                assert_eq!(auto.checked_kind().as_deref(), Some(kind.name()), "{name}");
                assert_eq!(
                    serde_json::Value::Array(problems),
                    expected["problems"],
                    "{name} in chunks of {chunk}"
                );
                assert_eq!(report["summary"], expected["summary"], "{name}");
                assert_eq!(report["error"], expected["error"], "{name}");
                assert!(auto.ended());
            }
        }
    }

    #[test]
    fn rows_wait_until_a_whole_record_is_buffered_or_the_input_ends() {
        let mut file = String::from("cvr;pNummer\n");
        for _ in 0..1000 {
            file.push_str("13585627;1029829825\n");
        }
        let mut s = session("register", "csv");
        s.push(file.as_bytes());
        // Less than a record's limit buffered: nothing is read yet, nothing is lost.
        assert_eq!(s.drain(), "[]");
        assert_eq!((s.rows(), s.ended()), (0, false));
        s.end();
        let problems: Vec<serde_json::Value> = serde_json::from_str(&s.drain()).unwrap();
        assert_eq!(s.rows(), 1000);
        assert!(problems
            .iter()
            .any(|p| p["type"] == "cvr_checksum" && p["line"] == 1001));
        assert!(s.ended());
        // A large file is read while it comes, in constant memory.
        let mut big = session("register", "csv");
        big.push(b"cvr;pNummer\n");
        let row = b"13585628;1029829825\n";
        let mut drained_rows = 0;
        for _ in 0..100 {
            big.push(&row.repeat(2_000));
            big.drain();
            drained_rows = big.rows();
            assert!(big.queue.borrow().bytes.len() < READ_AHEAD + 2_000 * row.len());
        }
        // All but what the queue and the reader's own buffer hold (about two megabytes) was
        // read while the input came.
        assert!(
            drained_rows as usize > 200_000 - 2 * READ_AHEAD / row.len(),
            "{drained_rows}"
        );
        big.end();
        big.drain();
        assert_eq!(big.rows(), 200_000);
        #[allow(
            clippy::float_cmp,
            clippy::cast_precision_loss,
            reason = "an exact count of bytes, far below 2^52"
        )]
        {
            assert_eq!(big.bytes_pushed(), (12 + 100 * 2_000 * row.len()) as f64);
        }
    }

    #[test]
    fn the_csv_download_is_the_commands_excel_csv() {
        let problems = r#"[{"type":"cvr_checksum","loc":[3,"cvr"],"msg":"=bad; \"x\"","input":"+4512","ctx":{},"line":5},
            {"type":"missing","loc":[4,"address","street"],"msg":"Field required","input":null,"ctx":{},"line":6}]"#;
        let csv = excel_csv(problems).unwrap();
        assert_eq!(
            csv,
            "\u{feff}row;line;field;type;message;input\r\n\
             3;5;cvr;cvr_checksum;\"'=bad; \"\"x\"\"\";\"'+4512\"\r\n\
             4;6;address.street;missing;Field required;\r\n"
        );
        assert_eq!(
            format_of("Eksport.CSV", "da").unwrap(),
            r#"{"format":"csv"}"#
        );
        assert_eq!(
            format_of("a.ndjson", "en").unwrap(),
            r#"{"format":"jsonl"}"#
        );
        let refused: serde_json::Value =
            serde_json::from_str(&format_of("a.xlsx", "en").unwrap()).unwrap();
        assert_eq!(refused["error"]["type"], "file_format_unknown");
    }

    #[test]
    fn an_empty_file_and_a_header_alone_are_reported_as_the_command_reports_them() {
        let mut empty = session("", "csv");
        let (problems, report) = check(&mut empty, b"", 10);
        assert!(problems.is_empty());
        assert_eq!(report["error"]["type"], "file_empty");
        let mut header = session("register", "csv");
        let (_, report) = check(&mut header, b"cvrNummer;pNummer\n", 10);
        assert_eq!(report["error"]["type"], "file_no_rows");
    }
}
