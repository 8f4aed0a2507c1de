//! Writing a corpus and its intentional errors as CSV.

use std::io::{self, Write};

use crate::{columns, Corpus, GeneratedRow, Pairs};

/// The CSV field separator of `kind`: `,` for requests, `;` for register rows (as the
/// register's own export).
pub fn separator(kind: Corpus) -> u8 {
    match kind {
        Corpus::Request => b',',
        Corpus::Register => b';',
    }
}

/// Writes `rows` as CSV with a header line of [`columns`]`(kind)`, separated by
/// [`separator`]`(kind)`, lines ended by `\n`. Fields holding the separator, a quote or a line
/// break are quoted (RFC 4180). A column missing from a row is written empty.
///
/// # Errors
/// Any error of `out`.
pub fn write_csv<W: Write>(kind: Corpus, rows: &[Pairs], mut out: W) -> io::Result<()> {
    let sep = separator(kind);
    let cols = columns(kind);
    write_csv_line(&mut out, sep, cols.iter().copied())?;
    for row in rows {
        write_csv_line(
            &mut out,
            sep,
            cols.iter().map(|c| {
                row.iter()
                    .find(|(k, _)| k == c)
                    .map_or("", |(_, v)| v.as_str())
            }),
        )?;
    }
    out.flush()
}

/// Writes the intentional errors of `rows` as CSV: `row;column;key;code`, one line per fault,
/// rows counted from 0 (the first data line after the header).
///
/// # Errors
/// Any error of `out`.
pub fn write_faults_csv<W: Write>(rows: &[GeneratedRow], mut out: W) -> io::Result<()> {
    writeln!(out, "row;column;key;code")?;
    for (i, row) in rows.iter().enumerate() {
        for f in &row.faults {
            writeln!(out, "{i};{};{};{}", f.column, f.key, f.code)?;
        }
    }
    out.flush()
}

fn write_csv_line<'a, W: Write>(
    out: &mut W,
    sep: u8,
    fields: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.write_all(&[sep])?;
        }
        if field
            .bytes()
            .any(|b| b == sep || b == b'"' || b == b'\n' || b == b'\r')
        {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}
