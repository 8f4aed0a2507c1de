//! Printing problems as text lines or as one JSON array, and the summary.

use std::io::{self, Write};

use unilogin::{Lang, Problem};

use crate::{Fatal, Format};
use unilogin::export::ExportRow as Row;

/// What was read and found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    pub(crate) rows: usize,
    pub(crate) rows_with_problems: usize,
    pub(crate) problems: usize,
}

impl Summary {
    /// The summary line in `lang`.
    pub(crate) fn line(&self, lang: Lang) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match lang {
            Lang::En => format!(
                "{} read, {} with problems, {}",
                plural(self.rows, "row", "rows"),
                plural(self.rows_with_problems, "row", "rows"),
                plural(self.problems, "problem", "problems"),
            ),
            Lang::Da => format!(
                "{} læst, {} med fejl, {}",
                plural(self.rows, "række", "rækker"),
                plural(self.rows_with_problems, "række", "rækker"),
                plural(self.problems, "fejl", "fejl"),
            ),
        }
    }
}

/// Writes the problems of each row as soon as it is checked.
#[derive(Debug)]
pub(crate) struct Report<W: Write> {
    out: W,
    format: Format,
    lang: Lang,
    summary: Summary,
    json_started: bool,
}

fn write_error(error: &io::Error) -> Fatal {
    Fatal::new(format!("cannot write to standard output: {error}"))
}

impl<W: Write> Report<W> {
    pub(crate) fn new(out: W, format: Format, lang: Lang) -> Self {
        Self {
            out,
            format,
            lang,
            summary: Summary::default(),
            json_started: false,
        }
    }

    /// Counts and prints one checked row.
    pub(crate) fn row(&mut self, row: &Row) -> Result<(), Fatal> {
        self.summary.rows += 1;
        if !row.problems.is_empty() {
            self.summary.rows_with_problems += 1;
            self.summary.problems += row.problems.len();
        }
        match self.format {
            Format::Text => {
                for problem in &row.problems {
                    writeln!(self.out, "{}", text_line(row, problem, self.lang))
                        .map_err(|e| write_error(&e))?;
                }
            }
            Format::Json => {
                for rendered in row.problems.rendered(self.lang) {
                    let separator: &[u8] = if self.json_started { b",\n" } else { b"[\n" };
                    self.json_started = true;
                    self.out.write_all(separator).map_err(|e| write_error(&e))?;
                    serde_json::to_writer(&mut self.out, &rendered)
                        .map_err(|e| write_error(&io::Error::other(e)))?;
                }
            }
        }
        Ok(())
    }

    /// Ends the output: the summary line (text, only when every row was read) or the closing
    /// bracket (JSON; `[]` when every row was read and none had problems, nothing when the input
    /// failed before any problem was printed).
    pub(crate) fn finish(mut self, complete: bool) -> Result<Summary, Fatal> {
        match self.format {
            Format::Text if complete => {
                writeln!(self.out, "{}", self.summary.line(self.lang))
            }
            Format::Json if self.json_started => self.out.write_all(b"\n]\n"),
            Format::Json if complete => self.out.write_all(b"[]\n"),
            Format::Text | Format::Json => Ok(()),
        }
        .and_then(|()| self.out.flush())
        .map_err(|e| write_error(&e))?;
        Ok(self.summary)
    }
}

/// One problem as a readable line, e.g.
/// `row 3 (line 5), cvr: CVR number 13585627 is invalid (…) [cvr_checksum] (input: "13585627")`.
fn text_line(row: &Row, problem: &Problem, lang: Lang) -> String {
    let (row_word, line_word) = match lang {
        Lang::Da => ("række", "linje"),
        Lang::En => ("row", "line"),
    };
    // The first item of the location is the row index, shown as the row.
    let field: Vec<String> = problem
        .loc()
        .items()
        .iter()
        .skip(1)
        .map(ToString::to_string)
        .collect();
    let field = if field.is_empty() {
        String::new()
    } else {
        format!(", {}", field.join("."))
    };
    let input = problem.input().map_or_else(String::new, |input| {
        let quoted = serde_json::to_string(input).unwrap_or_else(|_| format!("{input:?}"));
        format!(" (input: {quoted})")
    });
    format!(
        "{row_word} {index} ({line_word} {line}){field}: {message} [{code}]{input}",
        index = row.index,
        line = row.line,
        message = problem.message(lang),
        code = problem.kind(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_in_both_languages() {
        let summary = Summary {
            rows: 12,
            rows_with_problems: 2,
            problems: 3,
        };
        assert_eq!(
            summary.line(Lang::En),
            "12 rows read, 2 rows with problems, 3 problems"
        );
        assert_eq!(
            summary.line(Lang::Da),
            "12 rækker læst, 2 rækker med fejl, 3 fejl"
        );
        let one = Summary {
            rows: 1,
            rows_with_problems: 1,
            problems: 1,
        };
        assert_eq!(
            one.line(Lang::En),
            "1 row read, 1 row with problems, 1 problem"
        );
        assert_eq!(one.line(Lang::Da), "1 række læst, 1 række med fejl, 1 fejl");
    }
}
