//! Printing the problems of `validate` as text, JSON, JSON Lines or CSV, and the summary.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;
use serde::Serialize;
use unilogin::escape;
use unilogin::export::{
    Encoding, ExportReport, ExportRow, ExportSummary, ReportProblem, CSV_COLUMNS,
};
use unilogin::{ErrorType, Lang, Problem};

use crate::exit::Fatal;
use crate::lang::tr;

/// The output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One readable line per problem and a summary.
    Text,
    /// One JSON object with every problem and the summary.
    Json,
    /// One JSON object per line: each problem, then the summary.
    Jsonl,
    /// CSV: one row per problem (the summary goes to standard error): `,`, UTF-8, LF.
    Csv,
    /// CSV for Excel on Danish Windows (opens with a double click): `;`, UTF-8 with a
    /// byte-order mark, CRLF.
    ExcelCsv,
    /// One self-contained HTML page (the npm package's checker page, the report inlined):
    /// totals, problems per type, a table that filters, CSV and JSON downloads; nothing is
    /// fetched when it is opened. It holds every problem, so memory grows with them.
    Html,
}

/// How a CSV format writes its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CsvProfile {
    delimiter: char,
    line_end: &'static str,
    bom: bool,
    /// Standard output is a terminal: the cells' control characters are escaped too.
    terminal: bool,
}

impl CsvProfile {
    /// `excel-csv` written into a file (the HTML report's download), never to a terminal.
    const EXCEL_FILE: Self = Self {
        delimiter: ';',
        line_end: "\r\n",
        bom: true,
        terminal: false,
    };

    fn of(format: Format) -> Option<Self> {
        let (delimiter, line_end, bom) = match format {
            Format::Csv => (',', "\n", false),
            Format::ExcelCsv => (';', "\r\n", true),
            Format::Text | Format::Json | Format::Jsonl | Format::Html => return None,
        };
        Some(Self {
            delimiter,
            line_end,
            bom,
            terminal: io::stdout().is_terminal(),
        })
    }

    /// A text field: neutralised for spreadsheets (a leading `=`, `+`, `-`, `@`, tab or CR gets
    /// a `'`), quoted as needed, and with its control characters escaped on a terminal.
    fn field<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let field = escape::csv_field(text, self.delimiter);
        if self.terminal {
            Cow::Owned(escape::terminal(&field).into_owned())
        } else {
            field
        }
    }

    /// One line of fields, with its line break.
    fn line(&self, fields: &[&str]) -> String {
        let mut line = fields
            .iter()
            .map(|f| self.field(f))
            .collect::<Vec<_>>()
            .join(self.delimiter.encode_utf8(&mut [0; 4]));
        line.push_str(self.line_end);
        line
    }
}

/// Writes the problems of each row as soon as it is checked, then the summary: the JSON
/// formats give the core's [`ExportReport`], row by row.
#[derive(Debug)]
pub(crate) struct Report<W: Write> {
    out: W,
    format: Format,
    csv: Option<CsvProfile>,
    lang: Lang,
    problems: usize,
    /// For HTML: the problems so far, and the same as Excel CSV lines; the file's name.
    page: Option<PageData>,
}

/// What the HTML report collects while the rows are checked.
#[derive(Debug)]
struct PageData {
    name: String,
    problems: Vec<serde_json::Value>,
    excel_csv: String,
}

impl<W: Write> Report<W> {
    pub(crate) fn new(out: W, format: Format, lang: Lang) -> Self {
        Self {
            out,
            format,
            csv: CsvProfile::of(format),
            lang,
            problems: 0,
            page: None,
        }
    }

    /// Names the file in the HTML report's title.
    pub(crate) fn named(mut self, name: String) -> Self {
        if self.format == Format::Html {
            self.page = Some(PageData {
                name,
                problems: Vec::new(),
                excel_csv: format!("\u{feff}{}", CsvProfile::EXCEL_FILE.line(&CSV_COLUMNS)),
            });
        }
        self
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Fatal> {
        self.out.write_all(bytes).map_err(|e| Fatal::write(&e))
    }

    /// `value` as JSON, with the control characters JSON leaves raw escaped too.
    fn json(&mut self, value: &impl Serialize) -> Result<(), Fatal> {
        let json = serde_json::to_string(value).map_err(|e| Fatal::write(&io::Error::other(e)))?;
        self.write(escape::json(&json).as_bytes())
    }

    /// Text for a terminal: one line, every control character escaped.
    fn text(&mut self, line: &str) -> Result<(), Fatal> {
        self.write(escape::terminal(line).as_bytes())?;
        self.write(b"\n")
    }

    /// Starts the output: the CSV header, or the JSON object's opening.
    pub(crate) fn start(&mut self) -> Result<(), Fatal> {
        match (self.format, self.csv) {
            (Format::Json, _) => self.write(b"{\"problems\": ["),
            (_, Some(csv)) => {
                if csv.bom {
                    self.write("\u{feff}".as_bytes())?;
                }
                let header = csv.line(&CSV_COLUMNS);
                self.write(header.as_bytes())
            }
            (
                Format::Text | Format::Jsonl | Format::Csv | Format::ExcelCsv | Format::Html,
                None,
            ) => Ok(()),
        }
    }

    /// Prints the problems of one checked row.
    pub(crate) fn row(&mut self, row: &ExportRow) -> Result<(), Fatal> {
        for entry in row.entries(self.lang) {
            match self.format {
                Format::Text => {
                    let line = text_line(row, entry.problem(), self.lang);
                    self.text(&line)?;
                }
                Format::Json => {
                    self.write(if self.problems == 0 { b"\n" } else { b",\n" })?;
                    self.json(&entry)?;
                }
                Format::Jsonl => {
                    self.json(&entry)?;
                    self.write(b"\n")?;
                }
                Format::Csv | Format::ExcelCsv => {
                    if let Some(csv) = self.csv {
                        let line = csv_line(csv, row, &entry);
                        self.write(line.as_bytes())?;
                    }
                }
                Format::Html => {
                    if let Some(page) = &mut self.page {
                        let value = serde_json::to_value(entry)
                            .map_err(|e| Fatal::write(&io::Error::other(e)))?;
                        page.problems.push(value);
                        page.excel_csv
                            .push_str(&csv_line(CsvProfile::EXCEL_FILE, row, &entry));
                    }
                }
            }
            self.problems += 1;
        }
        Ok(())
    }

    /// Ends the output after every row (or `--max-errors` rows) was read, or after the error
    /// that stopped reading: the JSON formats give the report's summary and error (the error's
    /// message itself goes to standard error in every format).
    pub(crate) fn finish(mut self, report: &ExportReport) -> Result<(), Fatal> {
        match (self.format, &report.summary, &report.error) {
            (Format::Text, Some(summary), None) => {
                let text = summary_text(summary, report.max_errors_reached, self.lang);
                self.write(text.as_bytes())?;
            }
            (Format::Csv | Format::ExcelCsv, Some(summary), None) => {
                let text = summary_text(summary, report.max_errors_reached, self.lang);
                // Standard output holds only CSV; nothing more can be done if standard error
                // is gone.
                let _ = io::stderr().write_all(text.as_bytes());
            }
            (Format::Json, _, _) => {
                self.write(if self.problems == 0 { b"" } else { b"\n" })?;
                self.write(b"],\n\"summary\": ")?;
                self.json(&report.summary_entry())?;
                self.write(b",\n\"error\": ")?;
                self.json(&report.error_entry())?;
                self.write(b"}\n")?;
            }
            (Format::Jsonl, _, None) => {
                self.json(&serde_json::json!({ "summary": report.summary_entry() }))?;
                self.write(b"\n")?;
            }
            (Format::Jsonl, _, Some(_)) => {
                self.json(&serde_json::json!({ "error": report.error_entry() }))?;
                self.write(b"\n")?;
            }
            (Format::Html, _, _) => {
                if let Some(page) = self.page.take() {
                    let report = serde_json::json!({
                        "problems": page.problems,
                        "summary": report.summary_entry(),
                        "error": report.error_entry(),
                    });
                    let html = crate::html::page(&report, &page.name, self.lang, &page.excel_csv);
                    self.write(html.as_bytes())?;
                }
            }
            (Format::Text | Format::Csv | Format::ExcelCsv, _, _) => {}
        }
        self.out.flush().map_err(|e| Fatal::write(&e))
    }
}

/// The field part of a problem's location (everything after the row index), e.g. `cvr`.
fn field(problem: &Problem) -> String {
    problem
        .loc()
        .items()
        .iter()
        .skip(1)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// One problem as a readable line, e.g.
/// `row 3 (line 5), cvr: CVR number 13585627 is invalid (…) [cvr_checksum] (input: "13585627")`.
fn text_line(row: &ExportRow, problem: &Problem, lang: Lang) -> String {
    let field = field(problem);
    let field = if field.is_empty() {
        String::new()
    } else {
        format!(", {field}")
    };
    let input = problem.input().map_or_else(String::new, |input| {
        let quoted = serde_json::to_string(input).unwrap_or_else(|_| format!("{input:?}"));
        format!(" (input: {quoted})")
    });
    format!(
        "{row_word} {index} ({line_word} {line}){field}: {message} [{code}]{input}",
        row_word = tr(lang, "række", "row"),
        line_word = tr(lang, "linje", "line"),
        index = row.index,
        line = row.line,
        message = problem.message(lang),
        code = problem.kind(),
    )
}

/// One problem as a CSV line `row,line,field,type,message,input` (with its line break).
fn csv_line(csv: CsvProfile, row: &ExportRow, entry: &ReportProblem<'_>) -> String {
    let problem = entry.problem();
    csv.line(&[
        &row.index.to_string(),
        &entry.line().unwrap_or(row.line).to_string(),
        &field(problem),
        problem.kind().code(),
        &entry.msg(),
        problem.input().unwrap_or_default(),
    ])
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counts line, e.g. `12 rows read, 2 rows with problems, 3 problems`.
pub(crate) fn counts_line(summary: &ExportSummary, lang: Lang) -> String {
    match lang {
        Lang::Da => format!(
            "{} læst, {} med fejl, {}",
            plural(summary.rows, "række", "rækker"),
            plural(summary.rows_with_problems, "række", "rækker"),
            plural(summary.problems, "fejl", "fejl"),
        ),
        _ => format!(
            "{} read, {} with problems, {}",
            plural(summary.rows, "row", "rows"),
            plural(summary.rows_with_problems, "row", "rows"),
            plural(summary.problems, "problem", "problems"),
        ),
    }
}

/// The summary in text: warnings about columns, the encoding when it is not UTF-8, where a
/// `--max-errors` run stopped, the count per error type, and last the counts line.
pub(crate) fn summary_text(summary: &ExportSummary, stopped: bool, lang: Lang) -> String {
    let mut lines = Vec::new();
    let warning = tr(lang, "advarsel", "warning");
    let mut ignored: Vec<String> = Vec::new();
    for column in &summary.unknown_columns {
        if column.suggestion.is_some() {
            lines.push(format!("{warning}: {}", column.warning().message(lang)));
        } else {
            ignored.push(column.column.clone());
        }
    }
    let omitted = summary.unknown_columns_omitted;
    if omitted > 0 {
        // The summary lists the first unknown columns only; say how many more were ignored.
        ignored.push(match lang {
            Lang::Da => format!("og {omitted} flere"),
            _ => format!("and {omitted} more"),
        });
    }
    if !ignored.is_empty() {
        lines.push(format!(
            "{}: {}",
            tr(lang, "Ignorerede kolonner", "Ignored columns"),
            ignored.join(", ")
        ));
    }
    if let (Encoding::Windows1252, Some(line)) = (summary.encoding, summary.windows_1252_line) {
        lines.push(match lang {
            Lang::Da => format!("Tegnsæt: Windows-1252 (fra linje {line})"),
            _ => format!("Encoding: Windows-1252 (from line {line})"),
        });
    }
    if stopped {
        lines.push(match lang {
            Lang::Da => format!(
                "Stoppet efter {} (--max-errors); resten af filen er ikke læst",
                plural(summary.problems, "fejl", "fejl")
            ),
            _ => format!(
                "Stopped after {} (--max-errors); the rest of the file was not read",
                plural(summary.problems, "problem", "problems")
            ),
        });
    }
    if !summary.problems_by_type.is_empty() {
        let mut by_type: Vec<(&ErrorType, &usize)> = summary.problems_by_type.iter().collect();
        by_type.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
        lines.push(format!(
            "{}: {}",
            tr(lang, "Fejl pr. type", "Problems per type"),
            list.join(", ")
        ));
    }
    lines.push(counts_line(summary, lang));
    // Column names come from the file: escaped, so each line is one line.
    let mut text = lines
        .iter()
        .map(|line| escape::terminal(line))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed_and_neutralised() {
        for format in [Format::Csv, Format::ExcelCsv] {
            let mut csv = CsvProfile::of(format).unwrap();
            csv.terminal = false;
            let d = csv.delimiter;
            assert_eq!(csv.field("cvr"), "cvr");
            assert_eq!(csv.field(&format!("a{d} b")), format!("\"a{d} b\""));
            assert_eq!(csv.field("\"x\""), "\"\"\"x\"\"\"");
            assert_eq!(csv.field("a\nb"), "\"a\nb\"");
            assert_eq!(csv.field("=1+1"), "\"'=1+1\"");
            assert_eq!(csv.field("a\u{1b}b"), "a\u{1b}b");
            csv.terminal = true;
            assert_eq!(csv.field("a\u{1b}b"), "a\\u{1B}b");
            assert_eq!(csv.field("\t=1"), "\"'\\u{9}=1\"");
        }
        assert_eq!(
            CsvProfile::of(Format::ExcelCsv)
                .unwrap()
                .line(&["a", "b;c"]),
            "a;\"b;c\"\r\n"
        );
    }
}
