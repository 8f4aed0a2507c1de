//! Text as every value's parser meets it: a fast trim, the control-character scan, the
//! invisible-character check every value passes ([`visible`]), lower case without allocating, the length and cleanliness checks of free text, and [`TextValue`], a
//! text value that can be checked without being built.
//!
//! The ground floor of the crate: it uses nothing but the problem types and the CPR office's
//! date rule ([`crate::people::cpr_shape`], a leaf module), with which it finds a CPR number
//! in text that should not hold one ([`misplaced_cpr`], [`mask_cpr`]).

use std::borrow::Cow;

use crate::people::cpr_shape;
use crate::{Ctx, ErrorType, FieldError};

/// `s.trim()`, without the Unicode scan in the common case of a value that starts and ends
/// with a visible ASCII character.
///
/// Bytes `0x21..=0x7F` are ASCII and never white space, so such a value has nothing to trim;
/// anything else (a space, a control, a non-ASCII character) takes the full `str::trim`.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let visible_ascii = |b: Option<&u8>| matches!(b, Some(0x21..=0x7F));
    let bytes = s.as_bytes();
    if visible_ascii(bytes.first()) && visible_ascii(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

/// Whether `c` is an invisible or formatting character no value may hold: Unicode's
/// `Default_Ignorable_Code_Point` set (`DerivedCoreProperties.txt`: zero-width characters U+200B–
/// U+200D, the word joiner U+2060 and invisible operators U+2061–U+2064, the byte-order mark
/// U+FEFF, the soft hyphen U+00AD, the bidirectional controls U+200E/U+200F/U+061C, U+202A–
/// U+202E and U+2066–U+2069, the deprecated format characters U+206A–U+206F, the combining
/// grapheme joiner, Hangul fillers, Mongolian and other variation selectors, the tag characters
/// U+E0000–U+E0FFF, …), the line and paragraph separators U+2028/U+2029 and the interlinear
/// annotation characters U+FFF9–U+FFFB.
///
/// Their UTF-8 forms start with one of a few lead bytes, which [`suspicious`] relies on (a test
/// checks every character).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Whether `s` may hold an invisible character ([`is_invisible`]), or with `c1` also a C1
/// control (U+0080–U+009F), by its UTF-8 bytes: ASCII text is ruled out a word at a time;
/// other text in one pass that reads the bytes after a lead byte only for the few leads such a
/// character has, so Danish letters (`ø` is `0xC3 0xB8`), `§` (`0xC2 0xA7`) and `–`
/// (`0xE2 0x80 0x93`) stay on the fast path. `true` may be a false alarm for the rarer leads
/// (`0xE1`, `0xE3`, `0xEF`, `0xF0`, `0xF3`); the caller then reads the characters.
#[inline]
fn suspicious(s: &str, c1: bool) -> bool {
    !s.is_ascii() && cpr_shape::classify(s.as_bytes()).rare && suspicious_bytes(s.as_bytes(), c1)
}

/// [`suspicious`] for text that is not ASCII.
fn suspicious_bytes(bytes: &[u8], c1: bool) -> bool {
    bytes.iter().enumerate().any(|(i, &lead)| {
        if lead < 0xC2 {
            // ASCII, a continuation byte, or an invalid lead.
            return false;
        }
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        match lead {
            0xC2 => next(1) == 0xAD || (c1 && matches!(next(1), 0x80..=0x9F)),
            0xCD => next(1) == 0x8F,
            0xD8 => next(1) == 0x9C,
            0xE2 => match next(1) {
                0x80 => matches!(next(2), 0x8B..=0x8F | 0xA8..=0xAE),
                0x81 => matches!(next(2), 0xA0..=0xAF),
                _ => false,
            },
            0xE1 | 0xE3 | 0xEF | 0xF0 | 0xF3 => true,
            _ => false,
        }
    })
}

/// The first invisible character of `s` ([`is_invisible`]) and its index in characters.
pub(crate) fn find_invisible(s: &str) -> Option<(usize, char)> {
    if !suspicious(s, false) {
        return None;
    }
    s.chars().enumerate().find(|&(_, c)| is_invisible(c))
}

/// The Unicode name of an invisible character (`ZERO WIDTH SPACE`), or the code point label of
/// an unassigned one (`<reserved-2065>`).
pub(crate) fn invisible_name(c: char) -> Cow<'static, str> {
    let n = u32::from(c);
    let name = match n {
        0xAD => "SOFT HYPHEN",
        0x34F => "COMBINING GRAPHEME JOINER",
        0x61C => "ARABIC LETTER MARK",
        0x115F => "HANGUL CHOSEONG FILLER",
        0x1160 => "HANGUL JUNGSEONG FILLER",
        0x17B4 => "KHMER VOWEL INHERENT AQ",
        0x17B5 => "KHMER VOWEL INHERENT AA",
        0x180B => "MONGOLIAN FREE VARIATION SELECTOR ONE",
        0x180C => "MONGOLIAN FREE VARIATION SELECTOR TWO",
        0x180D => "MONGOLIAN FREE VARIATION SELECTOR THREE",
        0x180E => "MONGOLIAN VOWEL SEPARATOR",
        0x180F => "MONGOLIAN FREE VARIATION SELECTOR FOUR",
        0x200B => "ZERO WIDTH SPACE",
        0x200C => "ZERO WIDTH NON-JOINER",
        0x200D => "ZERO WIDTH JOINER",
        0x200E => "LEFT-TO-RIGHT MARK",
        0x200F => "RIGHT-TO-LEFT MARK",
        0x2028 => "LINE SEPARATOR",
        0x2029 => "PARAGRAPH SEPARATOR",
        0x202A => "LEFT-TO-RIGHT EMBEDDING",
        0x202B => "RIGHT-TO-LEFT EMBEDDING",
        0x202C => "POP DIRECTIONAL FORMATTING",
        0x202D => "LEFT-TO-RIGHT OVERRIDE",
        0x202E => "RIGHT-TO-LEFT OVERRIDE",
        0x2060 => "WORD JOINER",
        0x2061 => "FUNCTION APPLICATION",
        0x2062 => "INVISIBLE TIMES",
        0x2063 => "INVISIBLE SEPARATOR",
        0x2064 => "INVISIBLE PLUS",
        0x2066 => "LEFT-TO-RIGHT ISOLATE",
        0x2067 => "RIGHT-TO-LEFT ISOLATE",
        0x2068 => "FIRST STRONG ISOLATE",
        0x2069 => "POP DIRECTIONAL ISOLATE",
        0x206A => "INHIBIT SYMMETRIC SWAPPING",
        0x206B => "ACTIVATE SYMMETRIC SWAPPING",
        0x206C => "INHIBIT ARABIC FORM SHAPING",
        0x206D => "ACTIVATE ARABIC FORM SHAPING",
        0x206E => "NATIONAL DIGIT SHAPES",
        0x206F => "NOMINAL DIGIT SHAPES",
        0x3164 => "HANGUL FILLER",
        0xFEFF => "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)",
        0xFFA0 => "HALFWIDTH HANGUL FILLER",
        0xFFF9 => "INTERLINEAR ANNOTATION ANCHOR",
        0xFFFA => "INTERLINEAR ANNOTATION SEPARATOR",
        0xFFFB => "INTERLINEAR ANNOTATION TERMINATOR",
        0x1BCA0 => "SHORTHAND FORMAT LETTER OVERLAP",
        0x1BCA1 => "SHORTHAND FORMAT CONTINUING OVERLAP",
        0x1BCA2 => "SHORTHAND FORMAT DOWN STEP",
        0x1BCA3 => "SHORTHAND FORMAT UP STEP",
        0x1D173 => "MUSICAL SYMBOL BEGIN BEAM",
        0x1D174 => "MUSICAL SYMBOL END BEAM",
        0x1D175 => "MUSICAL SYMBOL BEGIN TIE",
        0x1D176 => "MUSICAL SYMBOL END TIE",
        0x1D177 => "MUSICAL SYMBOL BEGIN SLUR",
        0x1D178 => "MUSICAL SYMBOL END SLUR",
        0x1D179 => "MUSICAL SYMBOL BEGIN PHRASE",
        0x1D17A => "MUSICAL SYMBOL END PHRASE",
        0xE0001 => "LANGUAGE TAG",
        0xE007F => "CANCEL TAG",
        0xFE00..=0xFE0F => return Cow::Owned(format!("VARIATION SELECTOR-{}", n - 0xFE00 + 1)),
        0xE0100..=0xE01EF => return Cow::Owned(format!("VARIATION SELECTOR-{}", n - 0xE0100 + 17)),
        0xE0020..=0xE007E => {
            let ascii = char::from_u32(n - 0xE0000).unwrap_or(' ');
            return Cow::Owned(format!("TAG {}", ascii_name(ascii)));
        }
        _ => return Cow::Owned(format!("<reserved-{n:04X}>")),
    };
    Cow::Borrowed(name)
}

/// The Unicode name of a printable ASCII character, for the tag characters' names.
fn ascii_name(c: char) -> Cow<'static, str> {
    let name = match c {
        ' ' => "SPACE",
        '!' => "EXCLAMATION MARK",
        '"' => "QUOTATION MARK",
        '#' => "NUMBER SIGN",
        '$' => "DOLLAR SIGN",
        '%' => "PERCENT SIGN",
        '&' => "AMPERSAND",
        '\'' => "APOSTROPHE",
        '(' => "LEFT PARENTHESIS",
        ')' => "RIGHT PARENTHESIS",
        '*' => "ASTERISK",
        '+' => "PLUS SIGN",
        ',' => "COMMA",
        '-' => "HYPHEN-MINUS",
        '.' => "FULL STOP",
        '/' => "SOLIDUS",
        ':' => "COLON",
        ';' => "SEMICOLON",
        '<' => "LESS-THAN SIGN",
        '=' => "EQUALS SIGN",
        '>' => "GREATER-THAN SIGN",
        '?' => "QUESTION MARK",
        '@' => "COMMERCIAL AT",
        '[' => "LEFT SQUARE BRACKET",
        '\\' => "REVERSE SOLIDUS",
        ']' => "RIGHT SQUARE BRACKET",
        '^' => "CIRCUMFLEX ACCENT",
        '_' => "LOW LINE",
        '`' => "GRAVE ACCENT",
        '{' => "LEFT CURLY BRACKET",
        '|' => "VERTICAL LINE",
        '}' => "RIGHT CURLY BRACKET",
        '~' => "TILDE",
        '0'..='9' => {
            const DIGITS: [&str; 10] = [
                "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
            ];
            let word = DIGITS.get(usize::from(c as u8 - b'0')).unwrap_or(&"");
            return Cow::Owned(format!("DIGIT {word}"));
        }
        'A'..='Z' => return Cow::Owned(format!("LATIN CAPITAL LETTER {c}")),
        'a'..='z' => return Cow::Owned(format!("LATIN SMALL LETTER {}", c.to_ascii_uppercase())),
        _ => "",
    };
    Cow::Borrowed(name)
}

/// The error for the invisible character `c` at character `index` of the input.
fn invisible_error(c: char, index: usize) -> FieldError {
    FieldError::with_ctx(
        ErrorType::InvisibleCharacter,
        Ctx::new()
            .with("code_point", format!("U+{:04X}", u32::from(c)))
            .with("name", invisible_name(c).into_owned())
            .with("index", index)
            .with("position", index + 1),
    )
}

/// The number of characters `trimmed`, a slice of `input` that [`trim`] gave, starts after.
fn chars_before(input: &str, trimmed: &str) -> usize {
    let start = input.len() - input.trim_start().len();
    debug_assert!(trimmed.is_empty() || input.get(start..).is_some_and(|r| r.starts_with(trimmed)));
    input
        .get(..start)
        .map_or(0, |before| before.chars().count())
}

/// [`ErrorType::InvisibleCharacter`] when `input`, trimmed, holds an invisible character
/// ([`is_invisible`]), naming the first one and its index in `input`'s characters. Every
/// value's parser calls this first, so no kind of value lets one through.
///
/// Trimming is white space as [`str::trim`] sees it, which takes a line or paragraph separator
/// (U+2028, U+2029) at either end of a value as it takes a line break there.
///
/// # Errors
/// [`ErrorType::InvisibleCharacter`].
#[inline]
pub(crate) fn visible(input: &str) -> Result<(), FieldError> {
    // ASCII (checked a word at a time) and Danish letters (ø is `0xC3 0xB8`) hold no rare
    // byte: the common case.
    if !suspicious(input, false) {
        return Ok(());
    }
    visible_slow(input)
}

/// `result`, with [`ErrorType::InvisibleCharacter`] ([`visible`]) in place of its error when
/// `input` holds an invisible character: for a parser whose accepted characters include no
/// invisible one, so that one can only make it fail, the check costs nothing on valid input.
///
/// # Errors
/// The error of `result`, or [`ErrorType::InvisibleCharacter`].
#[inline]
pub(crate) fn or_invisible<T>(input: &str, result: Result<T, FieldError>) -> Result<T, FieldError> {
    result.map_err(|e| visible(input).err().unwrap_or(e))
}

/// [`visible`] for text that may hold an invisible character.
fn visible_slow(input: &str) -> Result<(), FieldError> {
    let trimmed = trim(input);
    match find_invisible(trimmed) {
        None => Ok(()),
        Some((index, c)) => Err(invisible_error(c, chars_before(input, trimmed) + index)),
    }
}

/// [`ErrorType::CprInWrongField`] when `text`, a value of a field or kind that does not hold
/// a CPR number, holds a CPR-shaped number ([`cpr_shape::find`]: `DDMMYY-SSSS` or
/// `DDMMYYSSSS` with a real date; invisible characters inside it are skipped, so they cannot
/// hide it), with the character index and position where it starts.
#[inline]
pub(crate) fn misplaced_cpr(text: &str) -> Option<FieldError> {
    let found = cpr_shape::find(text, is_invisible)?;
    let index = text
        .get(..found.start)
        .map_or(0, |before| before.chars().count());
    Some(FieldError::with_ctx(
        ErrorType::CprInWrongField,
        Ctx::new().with("index", index).with("position", index + 1),
    ))
}

/// `text`, a value that does not hold a CPR number, as problems and `Debug` output show it:
/// the serial number of every CPR-shaped number in it masked in place (`150320-****`).
pub(crate) fn mask_cpr(text: &str) -> Cow<'_, str> {
    cpr_shape::mask(text, is_invisible)
}

/// `s.to_lowercase()` written into `buf`, without allocating. `None` when it does not fit, or
/// when `s` holds a capital sigma (whose lower case depends on its neighbours): then call
/// `str::to_lowercase`. Every other character lowers on its own, as `str::to_lowercase` does.
pub(crate) fn lowercase_into<'a>(s: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let mut len = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(len)? = c.to_ascii_lowercase() as u8;
            len += 1;
        } else if c == '\u{3a3}' {
            return None;
        } else {
            for lower in c.to_lowercase() {
                let end = len + lower.len_utf8();
                lower.encode_utf8(buf.get_mut(len..end)?);
                len = end;
            }
        }
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// A value that owns its text (a name, a street, an email address): building it costs an
/// allocation, so bulk checks only check it. Both functions refuse a CPR-shaped number
/// ([`misplaced_cpr`]) themselves, so a record's checker does not look for one again.
pub(crate) trait TextValue: Sized {
    /// Parses the value.
    fn parse(input: &str) -> Result<Self, FieldError>;

    /// Checks `input` exactly as [`TextValue::parse`] does, without building the value.
    fn check(input: &str) -> Result<(), FieldError>;
}

/// The first character of `s` that is a control character (`char::is_control`: U+0000–U+001F
/// and U+007F–U+009F) or an invisible one ([`is_invisible`]), with its index in characters;
/// `classes` is [`cpr_shape::classify`] of `s`, which decides the common case: only text with
/// a C0 control, or with a rare byte and a [`suspicious`] lead, is read by character.
fn unclean_after(s: &str, classes: cpr_shape::Classes) -> Option<(usize, char)> {
    if !(classes.control || (classes.rare && suspicious_bytes(s.as_bytes(), true))) {
        return None;
    }
    s.chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() || is_invisible(c))
}

#[cfg(test)]
fn unclean(s: &str) -> Option<(usize, char)> {
    unclean_after(s, cpr_shape::classify(s.as_bytes()))
}

/// Trims `input` and checks it is 1–`max` characters without a CPR-shaped number
/// ([`misplaced_cpr`]: free text never holds one), control characters
/// ([`ErrorType::StringControlCharacters`]) or invisible ones ([`visible`]); of the last two,
/// the first character that is either decides. One pass over the bytes finds what to look at
/// more closely.
pub(crate) fn clean_text(input: &str, max: usize) -> Result<&str, FieldError> {
    let trimmed = trim(input);
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    let classes = cpr_shape::classify(trimmed.as_bytes());
    if classes.digits >= cpr_shape::DIGITS {
        if let Some(e) = misplaced_cpr(input) {
            return Err(e);
        }
    }
    match unclean_after(trimmed, classes) {
        Some((_, c)) if c.is_control() => Err(FieldError::new(ErrorType::StringControlCharacters)),
        Some((index, c)) => Err(invisible_error(c, chars_before(input, trimmed) + index)),
        None => Ok(()),
    }?;
    at_most(trimmed, max)?;
    Ok(trimmed)
}

/// `text` folded for comparison: lower case, letters and digits only, `æøå` spelt out as text
/// without Danish letters does (`ae`, `oe`, `aa`); any other character is dropped, or becomes
/// `gap` when one is given (to keep words apart).
pub(crate) fn fold_danish(text: &str, gap: Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.extend(gap),
        }
    }
    out
}

/// [`ErrorType::StringTooLong`] when `text` has more than `max` characters.
pub(crate) fn at_most(text: &str, max: usize) -> Result<(), FieldError> {
    // Bytes bound characters from above: count characters only when it can matter.
    if text.len() <= max {
        return Ok(());
    }
    let length = text.chars().count();
    if length > max {
        return Err(FieldError::with_ctx(
            ErrorType::StringTooLong,
            Ctx::new()
                .with("max_length", max)
                .with("actual_length", length),
        ));
    }
    Ok(())
}

/// Implements [`TextValue`] for a text newtype whose `parse` keeps the text `$text(input)`
/// returns (`$text` a function or a closure): checking runs `$text` without keeping it.
macro_rules! text_value {
    ($ty:ident, $text:expr) => {
        impl $crate::text::TextValue for $ty {
            fn parse(input: &str) -> Result<Self, $crate::FieldError> {
                Self::parse(input)
            }

            fn check(input: &str) -> Result<(), $crate::FieldError> {
                let text = $text;
                text(input).map(drop)
            }
        }
    };
}
pub(crate) use text_value;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character, alone and between letters.
    fn every_char_in_context() -> impl Iterator<Item = (char, [String; 4])> {
        (char::MIN..=char::MAX).map(|c| {
            (
                c,
                [
                    format!("{c}"),
                    format!("a{c}"),
                    format!("{c}b"),
                    format!("a{c}b"),
                ],
            )
        })
    }

    #[test]
    fn trim_matches_str_trim() {
        for s in [
            "",
            " ",
            "x",
            " x",
            "x ",
            "\u{a0}x",
            "x\u{2003}",
            "\u{85}x",
            "x\u{3000}",
            "\tx\n",
            "\u{7f}x\u{7f}",
            "!x~",
            "\u{1c}x",
            "ø",
            " ø ",
            "\u{feff}x",
            "a b",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                assert_eq!(trim(s), s.trim(), "{c:?}");
            }
        }
    }

    #[test]
    fn the_scans_find_every_control_and_invisible_character() {
        for (c, strings) in every_char_in_context() {
            let invisible = is_invisible(c);
            for s in &strings {
                let at = s.chars().position(|x| x == c);
                assert_eq!(
                    unclean(s).map(|(i, _)| i),
                    at.filter(|_| c.is_control() || invisible),
                    "{c:?} in {s:?}"
                );
                assert_eq!(
                    find_invisible(s),
                    at.filter(|_| invisible).map(|i| (i, c)),
                    "{c:?} in {s:?}"
                );
            }
            if invisible {
                let name = invisible_name(c);
                assert!(!name.is_empty() && !name.ends_with(' '), "{c:?}: {name:?}");
            }
        }
        assert_eq!(unclean(""), None);
        assert_eq!(unclean("Børne\u{85}have"), Some((5, '\u{85}')));
        assert_eq!(unclean("Børne\u{a0}have"), None);
        assert_eq!(unclean("Søren Åge Ærø"), None);
    }

    #[test]
    fn invisible_characters_are_named_with_their_position_in_the_input() {
        let ctx = |input: &str| {
            let e = visible(input).unwrap_err();
            assert_eq!(e.kind(), ErrorType::InvisibleCharacter);
            ["code_point", "name", "index", "position"]
                .map(|k| e.ctx().get(k).map(ToString::to_string).unwrap_or_default())
        };
        assert_eq!(
            ctx("Ida\u{200b}Marie"),
            ["U+200B", "ZERO WIDTH SPACE", "3", "4"]
        );
        assert_eq!(
            ctx("  ø\u{202e}x "),
            ["U+202E", "RIGHT-TO-LEFT OVERRIDE", "3", "4"]
        );
        assert_eq!(
            ctx("\u{feff}x")[1],
            "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)"
        );
        assert_eq!(ctx("a\u{2028}b")[1], "LINE SEPARATOR");
        assert_eq!(ctx("a\u{e0041}")[1], "TAG LATIN CAPITAL LETTER A");
        assert_eq!(ctx("a\u{e0061}")[1], "TAG LATIN SMALL LETTER A");
        assert_eq!(ctx("a\u{e0035}")[1], "TAG DIGIT FIVE");
        assert_eq!(ctx("a\u{e0040}")[1], "TAG COMMERCIAL AT");
        assert_eq!(ctx("a\u{fe0f}")[1], "VARIATION SELECTOR-16");
        assert_eq!(ctx("a\u{e01ef}")[1], "VARIATION SELECTOR-256");
        assert_eq!(ctx("a\u{2065}")[1], "<reserved-2065>");
        // A line separator at either end is white space, trimmed like a line break.
        assert!(visible("Ida\u{2028}").is_ok());
        assert!(visible("Søren Åge").is_ok());
        let e = visible("x\u{2066}y").unwrap_err();
        assert_eq!(
            e.message(crate::Lang::En),
            "Contains an invisible character, U+2066 (LEFT-TO-RIGHT ISOLATE), at character 2; \
             delete it (it often comes along when text is copied)"
        );
        assert_eq!(
            e.message(crate::Lang::Da),
            "Indeholder et usynligt tegn, U+2066 (LEFT-TO-RIGHT ISOLATE), som tegn nr. 2; \
             slet det (det kommer ofte med, når tekst kopieres)"
        );
    }

    #[test]
    fn clean_text_reports_the_first_unclean_character() {
        fn kind(s: &str) -> Result<&str, ErrorType> {
            clean_text(s, 132).map_err(|e| e.kind())
        }
        assert_eq!(
            kind("a\tb\u{200b}"),
            Err(ErrorType::StringControlCharacters)
        );
        assert_eq!(kind("a\u{200b}\tb"), Err(ErrorType::InvisibleCharacter));
        assert_eq!(kind("a\u{ad}b"), Err(ErrorType::InvisibleCharacter));
        assert_eq!(kind("a\u{85}b"), Err(ErrorType::StringControlCharacters));
        assert_eq!(kind(" Nørregade "), Ok("Nørregade"));
        assert_eq!(kind("Freja 150320-4000"), Err(ErrorType::CprInWrongField));
        assert_eq!(kind("Freja 150320-4000\t"), Err(ErrorType::CprInWrongField));
        let e = clean_text(" Ida 15032\u{200b}04000", 132).unwrap_err();
        assert_eq!(
            (e.kind(), e.ctx().get("index").map(ToString::to_string)),
            (ErrorType::CprInWrongField, Some("5".to_owned()))
        );
        assert_eq!(mask_cpr("Ida 15032\u{200b}04000"), "Ida 15032\u{200b}0****");
        assert_eq!(kind("Børnehuset 2020"), Ok("Børnehuset 2020"));
    }

    #[test]
    fn lowercase_into_matches_str_to_lowercase() {
        let mut buf = [0_u8; 64];
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                match lowercase_into(s, &mut buf) {
                    Some(lower) => assert_eq!(lower, s.to_lowercase(), "{c:?}"),
                    None => assert_eq!(c, 'Σ'),
                }
            }
        }
        for s in [
            "Kommunal, dagtilbudslovens §19, stk. 2",
            "BØRNEHAVE",
            "İ",
            "K",
            "",
        ] {
            assert_eq!(
                lowercase_into(s, &mut buf).map(str::to_owned),
                Some(s.to_lowercase())
            );
        }
        // Too long for the buffer, including a character split at its end.
        assert_eq!(lowercase_into(&"a".repeat(65), &mut buf), None);
        assert_eq!(
            lowercase_into(&format!("{}Ø", "a".repeat(63)), &mut buf),
            None
        );
        assert_eq!(lowercase_into("ΣΑΣ", &mut buf), None);
    }
}
