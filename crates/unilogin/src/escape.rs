//! Text from a file made safe to show: in a terminal, and in a spreadsheet's cell.
//!
//! Text read from an export (a column name, a value, a message that quotes one) is shown by
//! hosts that interpret some characters:
//! - a terminal runs control sequences (`ESC [2J` clears the screen, others retitle the window
//!   or rewrite what was printed), and bidirectional overrides reorder what is shown;
//! - a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
//!   (`=HYPERLINK(…)`, `+cmd|…`): "CSV injection", OWASP's page
//!   <https://owasp.org/www-community/attacks/CSV_Injection>.
//!
//! [`terminal`] escapes the characters a terminal acts on; [`spreadsheet_cell`] and
//! [`csv_field`] neutralise a cell the way OWASP's guidance says. The command, Python and WASM
//! hosts call these rather than their own copies.
//!
//! ```
//! use unilogin::escape::{csv_field, terminal};
//! assert_eq!(terminal("navn\u{1b}[2J"), "navn\\u{1B}[2J");
//! assert_eq!(csv_field("=HYPERLINK(\"x\")", ','), "\"'=HYPERLINK(\"\"x\"\")\"");
//! assert_eq!(csv_field("Ida Ågård", ';'), "Ida Ågård");
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a terminal acts on `c` rather than showing it: C0 controls (U+0000–U+001F, tab and
/// line breaks included), DEL (U+007F), C1 controls (U+0080–U+009F, which some terminals read as
/// `ESC` sequences), the bidirectional controls that reorder text (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators (U+2028, U+2029).
pub fn is_terminal_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every character a terminal acts on ([`is_terminal_control`]) written as
/// `\u{XX}` (its code point in upper-case hexadecimal), so it is shown and not run: an `ESC`
/// becomes `\u{1B}`, a line break `\u{A}`, a right-to-left override `\u{202E}`. Every other
/// character, Æ, Ø, Å and backslashes included, is kept. Text without such characters is
/// returned as it is, without a copy.
///
/// ```
/// use unilogin::escape::terminal;
/// assert_eq!(terminal("Ærø Kommune"), "Ærø Kommune");
/// assert_eq!(terminal("a\tb\r\n"), "a\\u{9}b\\u{D}\\u{A}");
/// assert_eq!(terminal("\u{202e}gpj.exe"), "\\u{202E}gpj.exe");
/// assert_eq!(terminal("\u{9b}31m"), "\\u{9B}31m");
/// ```
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_where(text, is_terminal_control)
}

/// Lines of text for a terminal: [`terminal`] for each line, the line breaks (LF) between them
/// kept.
///
/// ```
/// use unilogin::escape::terminal_lines;
/// assert_eq!(terminal_lines("a\u{1b}c\nb\r\n"), "a\\u{1B}c\nb\\u{D}\n");
/// ```
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_terminal_control(c))
}

/// `text` with the characters `escaped` says written as `\u{XX}`.
fn escape_where(text: &str, escaped: impl Fn(char) -> bool) -> Cow<'_, str> {
    replace_where(text, escaped, |out, c| {
        // Writing to a String cannot fail.
        let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
    })
}

/// `text` with each character `escaped` says replaced by what `write` writes for it; `text`
/// itself, without a copy, when there is none.
fn replace_where(
    text: &str,
    escaped: impl Fn(char) -> bool,
    write: impl Fn(&mut String, char),
) -> Cow<'_, str> {
    if !text.contains(&escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON with the characters a terminal acts on that JSON leaves raw (DEL, C1
/// controls, bidirectional controls, line and paragraph separators) written as `\uXXXX`
/// escapes: the same JSON value, safe to print. A JSON serialiser already escapes C0 controls
/// inside strings, so a raw line break or tab in `json` is layout between tokens and is kept.
///
/// ```
/// use unilogin::escape::json;
/// assert_eq!(json("{\"column\": \"a\u{9b}2J\u{202e}\"}"), "{\"column\": \"a\\u009b2J\\u202e\"}");
/// assert_eq!(json("[\n  \"Ærø\"\n]"), "[\n  \"Ærø\"\n]");
/// ```
pub fn json(json: &str) -> Cow<'_, str> {
    let raw = |c: char| is_terminal_control(c) && !matches!(c, '\n' | '\t' | '\r');
    replace_where(json, raw, |out, c| {
        // Writing to a String cannot fail; every such character is in the BMP.
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

/// The characters that make a spreadsheet read a cell as a formula when it starts with one:
/// `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would read a cell holding `text` as a formula: it starts with one of
/// [`FORMULA_TRIGGERS`].
pub fn is_formula(text: &str) -> bool {
    text.starts_with(FORMULA_TRIGGERS)
}

/// The content of a spreadsheet cell showing `text` as text: prefixed with a single quote `'`
/// when it starts with one of [`FORMULA_TRIGGERS`] (the quote tells the spreadsheet the cell is
/// text, and Excel does not show it), otherwise `text` as it is. A negative number such as `-2`
/// is prefixed too: in a list of problems an input is shown, never computed with.
///
/// ```
/// use unilogin::escape::spreadsheet_cell;
/// assert_eq!(spreadsheet_cell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
/// assert_eq!(spreadsheet_cell("-2+3"), "'-2+3");
/// assert_eq!(spreadsheet_cell("2-3"), "2-3");
/// ```
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    if is_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as one field of a CSV line separated by `delimiter`, safe to open in a spreadsheet:
/// neutralised as [`spreadsheet_cell`] says and then, as OWASP's guidance and RFC 4180 say,
/// quoted with `"` (a `"` inside doubled) when it was neutralised or holds the delimiter, a
/// quote or a line break, so no part of it starts a cell of its own.
///
/// ```
/// use unilogin::escape::csv_field;
/// assert_eq!(csv_field("cvr", ','), "cvr");
/// assert_eq!(csv_field("a;b", ';'), "\"a;b\"");
/// assert_eq!(csv_field("a;b", ','), "a;b");
/// assert_eq!(csv_field("=1+2\";=1+2", ';'), "\"'=1+2\"\";=1+2\"");
/// assert_eq!(csv_field("\tx", ','), "\"'\tx\"");
/// ```
pub fn csv_field(text: &str, delimiter: char) -> Cow<'_, str> {
    let neutralised = is_formula(text);
    let needs_quotes = neutralised || text.contains([delimiter, '"', '\n', '\r']);
    if !needs_quotes {
        return Cow::Borrowed(text);
    }
    let prefix = if neutralised { "'" } else { "" };
    Cow::Owned(format!("\"{prefix}{}\"", text.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_a_terminal_acts_on_is_escaped() {
        for c in ('\u{0}'..='\u{1f}').chain('\u{7f}'..='\u{9f}').chain([
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{2028}', '\u{2029}', '\u{202a}', '\u{202b}',
            '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ]) {
            let escaped = terminal(&format!("a{c}b")).into_owned();
            assert_eq!(escaped, format!("a\\u{{{:X}}}b", u32::from(c)));
            assert!(!escaped.contains(is_terminal_control), "{escaped:?}");
        }
    }

    #[test]
    fn json_stays_the_same_value_without_raw_controls() {
        let value = serde_json::json!({"a\u{1b}[2J": "\u{7f}\u{85}\u{9b}\u{61c}\u{2028}\u{202e}\u{2066}x\ny"});
        for text in [value.to_string(), format!("{value:#}")] {
            let safe = json(&text);
            assert!(
                !safe.contains(|c| is_terminal_control(c) && c != '\n'),
                "{safe:?}"
            );
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
                value
            );
        }
    }

    #[test]
    fn printable_text_is_kept_without_a_copy() {
        for text in [
            "",
            "Ærø Kommune",
            "C:\\sti\\fil.csv",
            "→ ✓ 🙂",
            "\u{a0}\u{200b}x",
        ] {
            assert!(
                matches!(terminal(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn cells_starting_with_a_trigger_are_neutralised_and_quoted() {
        for (text, field) in [
            (
                "=HYPERLINK(\"http://x\",\"klik\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"",
            ),
            (
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "\"'@SUM(1+1)*cmd|' /C calc'!A0\"",
            ),
            ("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""),
            ("-2+3", "\"'-2+3\""),
            ("\t=1+1", "\"'\t=1+1\""),
            ("\r=1+1", "\"'\r=1+1\""),
        ] {
            assert_eq!(csv_field(text, ','), field, "{text:?}");
            assert_eq!(csv_field(text, ';'), field, "{text:?}");
            assert!(spreadsheet_cell(text).starts_with('\''), "{text:?}");
        }
        // Only the first character counts; a delimiter still gets quotes.
        assert_eq!(csv_field("1=1", ','), "1=1");
        assert_eq!(csv_field("a,=1", ','), "\"a,=1\"");
        assert_eq!(csv_field("'=1", ','), "'=1");
        assert_eq!(csv_field("a\nb", ','), "\"a\nb\"");
    }
}
