//! Text as every value's parser meets it: a fast trim, the control-character scan, lower case
//! without allocating, the length and cleanliness checks of free text, and [`TextValue`], a
//! text value that can be checked without being built.
//!
//! The ground floor of the crate: it uses nothing but the problem types.

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

/// Whether `s` holds a control character (`char::is_control`: U+0000–U+001F and
/// U+007F–U+009F), by a byte scan: in UTF-8 these are the bytes below `0x20`, `0x7F`, and
/// `0xC2` followed by `0x80..=0x9F` (`0xC2` is always a lead byte, so the pair is one character).
pub(crate) fn has_control(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Without early exit, so that the compiler can check many bytes at once.
    let c0_or_delete = bytes
        .iter()
        .fold(0_u8, |found, &b| found | u8::from(b < 0x20 || b == 0x7F));
    c0_or_delete != 0
        || (bytes.contains(&0xC2)
            && bytes
                .windows(2)
                .any(|pair| matches!(pair, [0xC2, 0x80..=0x9F])))
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
/// allocation, so bulk checks only check it.
pub(crate) trait TextValue: Sized {
    /// Parses the value.
    fn parse(input: &str) -> Result<Self, FieldError>;

    /// Checks `input` exactly as [`TextValue::parse`] does, without building the value.
    fn check(input: &str) -> Result<(), FieldError>;
}

/// Trims `input` and checks it is 1–`max` characters without control characters.
pub(crate) fn clean_text(input: &str, max: usize) -> Result<&str, FieldError> {
    let trimmed = trim(input);
    if trimmed.is_empty() {
        return Err(FieldError::new(ErrorType::Missing));
    }
    if has_control(trimmed) {
        return Err(FieldError::new(ErrorType::StringControlCharacters));
    }
    at_most(trimmed, max)?;
    Ok(trimmed)
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
    fn control_scan_matches_char_is_control() {
        for (c, strings) in every_char_in_context() {
            for s in &strings {
                assert_eq!(has_control(s), c.is_control(), "{c:?} in {s:?}");
            }
        }
        assert!(!has_control(""));
        assert!(has_control("Børne\u{85}have"));
        assert!(!has_control("Børne\u{a0}have"));
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
