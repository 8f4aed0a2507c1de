//! Printing the problems of `validate` as text, JSON, JSON Lines or CSV, and the summary.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;
use unilogin::export::{Encoding, ExportReport, ExportRow, ExportSummary, ReportProblem};
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
    /// CSV: one row per problem (the summary goes to standard error).
    Csv,
}

/// Writes the problems of each row as soon as it is checked, then the summary: the JSON
/// formats give the core's [`ExportReport`], row by row.
#[derive(Debug)]
pub(crate) struct Report<W: Write> {
    out: W,
    format: Format,
    lang: Lang,
    problems: usize,
}

impl<W: Write> Report<W> {
    pub(crate) fn new(out: W, format: Format, lang: Lang) -> Self {
        Self {
            out,
            format,
            lang,
            problems: 0,
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Fatal> {
        self.out.write_all(bytes).map_err(|e| Fatal::write(&e))
    }

    fn json(&mut self, value: &impl Serialize) -> Result<(), Fatal> {
        serde_json::to_writer(&mut self.out, value).map_err(|e| Fatal::write(&io::Error::other(e)))
    }

    /// Starts the output: the CSV header, or the JSON object's opening.
    pub(crate) fn start(&mut self) -> Result<(), Fatal> {
        match self.format {
            Format::Json => self.write(b"{\"problems\": ["),
            Format::Csv => self.write(b"row,line,field,type,message,input\n"),
            Format::Text | Format::Jsonl => Ok(()),
        }
    }

    /// Prints the problems of one checked row.
    pub(crate) fn row(&mut self, row: &ExportRow) -> Result<(), Fatal> {
        for entry in row.entries(self.lang) {
            match self.format {
                Format::Text => {
                    let line = text_line(row, entry.problem(), self.lang);
                    self.write(line.as_bytes())?;
                    self.write(b"\n")?;
                }
                Format::Json => {
                    self.write(if self.problems == 0 { b"\n" } else { b",\n" })?;
                    self.json(&entry)?;
                }
                Format::Jsonl => {
                    self.json(&entry)?;
                    self.write(b"\n")?;
                }
                Format::Csv => {
                    let line = csv_line(row, &entry);
                    self.write(line.as_bytes())?;
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
            (Format::Csv, Some(summary), None) => {
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
            (Format::Text | Format::Csv, _, _) => {}
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

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One problem as a CSV line `row,line,field,type,message,input` (with its line break).
fn csv_line(row: &ExportRow, entry: &ReportProblem<'_>) -> String {
    let problem = entry.problem();
    format!(
        "{},{},{},{},{},{}\n",
        row.index,
        entry.line().unwrap_or(row.line),
        csv_field(&field(problem)),
        problem.kind(),
        csv_field(&entry.msg()),
        csv_field(problem.input().unwrap_or_default()),
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counts line, e.g. `12 rows read, 2 rows with problems, 3 problems`.
pub(crate) fn counts_line(summary: &ExportSummary, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} read, {} with problems, {}",
            plural(summary.rows, "row", "rows"),
            plural(summary.rows_with_problems, "row", "rows"),
            plural(summary.problems, "problem", "problems"),
        ),
        Lang::Da => format!(
            "{} læst, {} med fejl, {}",
            plural(summary.rows, "række", "rækker"),
            plural(summary.rows_with_problems, "række", "rækker"),
            plural(summary.problems, "fejl", "fejl"),
        ),
    }
}

/// The summary in text: warnings about columns, the encoding when it is not UTF-8, where a
/// `--max-errors` run stopped, the count per error type, and last the counts line.
pub(crate) fn summary_text(summary: &ExportSummary, stopped: bool, lang: Lang) -> String {
    let mut lines = Vec::new();
    let warning = tr(lang, "advarsel", "warning");
    let mut ignored = Vec::new();
    for column in &summary.unknown_columns {
        if column.suggestion.is_some() {
            lines.push(format!("{warning}: {}", column.warning().message(lang)));
        } else {
            ignored.push(column.column.as_str());
        }
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
            Lang::En => format!("Encoding: Windows-1252 (from line {line})"),
        });
    }
    if stopped {
        lines.push(match lang {
            Lang::Da => format!(
                "Stoppet efter {} (--max-errors); resten af filen er ikke læst",
                plural(summary.problems, "fejl", "fejl")
            ),
            Lang::En => format!(
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
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("cvr"), "cvr");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("\"x\""), "\"\"\"x\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
    }
}
