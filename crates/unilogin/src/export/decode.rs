//! Text decoding for exports: UTF-8 where the bytes are UTF-8, Windows-1252 where they are not.
//!
//! Spreadsheet programs on Danish Windows machines save CSV as Windows-1252 ("ANSI"): `Ø` is the
//! single byte `0xD8`, which is never valid UTF-8 on its own. Danish text in Windows-1252 that
//! happens to be valid UTF-8 needs a letter from `Â`–`ß` followed by one of `€`…`¿`, which does
//! not occur in names and addresses, so the choice is made per field without a setting.

use std::borrow::Cow;

/// The characters of the bytes `0x80`–`0x9F` in Windows-1252 (WHATWG's table). The five bytes
/// the code page leaves undefined (`0x81`, `0x8D`, `0x8F`, `0x90`, `0x9D`) map to the C1 control
/// characters of the same number, as browsers decode them. Bytes `0xA0`–`0xFF` are the Unicode
/// characters of the same number (Latin-1), and `0x00`–`0x7F` are ASCII.
const HIGH: [char; 32] = [
    '\u{20ac}', '\u{0081}', '\u{201a}', '\u{0192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02c6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008d}', '\u{017d}', '\u{008f}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02dc}', '\u{2122}', '\u{0161}', '\u{203a}', '\u{0153}', '\u{009d}', '\u{017e}', '\u{0178}',
];

/// The character of one Windows-1252 byte.
pub(crate) fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9f => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// Decodes Windows-1252 bytes (every byte sequence decodes).
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| windows_1252_char(b)).collect()
}

/// The bytes as text, and whether they had to be read as Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (Cow::Owned(windows_1252(bytes)), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_letters_and_the_euro_sign_survive() {
        assert_eq!(
            windows_1252(b"\xd8ster \xc6blevej, \xc5rhus \xe6\xf8\xe5 \x80 \x96"),
            "Øster Æblevej, Århus æøå € –"
        );
    }

    #[test]
    fn every_byte_decodes_to_one_character() {
        let all: Vec<u8> = (0..=255).collect();
        let text = windows_1252(&all);
        assert_eq!(text.chars().count(), 256);
        assert!(!text.contains(char::REPLACEMENT_CHARACTER));
        assert_eq!(windows_1252_char(0x81), '\u{81}');
        assert_eq!(windows_1252_char(0x9f), 'Ÿ');
        assert_eq!(windows_1252_char(0xa0), '\u{a0}');
    }

    #[test]
    fn valid_utf8_is_kept() {
        assert_eq!(decode("Ø".as_bytes()), (Cow::Borrowed("Ø"), false));
        assert_eq!(decode(b"\xd8"), (Cow::Owned("Ø".to_owned()), true));
    }
}
