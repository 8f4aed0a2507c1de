//! The CPR office's date and century rule, CPR-shaped numbers found in any text, and the
//! word-at-a-time classification of a text's bytes ([`classify`]) that this search and the
//! text checks of `crate::text` start with.
//!
//! A leaf module: it imports nothing from the crate, so every other module (the problem module
//! that masks personal data in every problem, the record checks, [`super::Cpr`]) can use it.

use std::borrow::Cow;

use chrono::NaiveDate;

/// The number of digits in a CPR number.
pub(crate) const DIGITS: usize = 10;

/// The birth date of ten ASCII digits under the CPR office's century rule (see
/// [`super::Cpr`]), or `None` when the first six digits are not a date in that century.
pub(crate) fn birth_date(digits: [u8; DIGITS]) -> Option<NaiveDate> {
    let [d1, d2, m1, m2, y1, y2, seventh, ..] = digits.map(|b| u32::from(b.saturating_sub(b'0')));
    let day = d1 * 10 + d2;
    let month = m1 * 10 + m2;
    let yy = y1 * 10 + y2;
    let century = match (seventh, yy) {
        (0..=3, _) | (4 | 9, 37..) => 1900,
        (4 | 9, _) | (5..=8, 0..=57) => 2000,
        (5..=8, _) => 1800,
        _ => return None,
    };
    let year = i32::try_from(century + yy).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A separator people write between a CPR number's date and serial number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | ' ' | '\u{a0}' | '\u{202f}'
    )
}

/// A CPR-shaped number found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The byte offset of its first digit.
    pub(crate) start: usize,
    /// The byte offset after its last digit.
    pub(crate) end: usize,
    /// The byte offsets of the four digits of its serial number.
    pub(crate) serial: [usize; 4],
}

/// A run of ASCII digits (characters `transparent` says to skip may sit inside it): the byte
/// offsets of its first digit and after its last one, and how many digits it has.
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    len: usize,
}

/// The first CPR-shaped number in `text`: ten digits (`DDMMYYSSSS`), or six and four digits
/// with one separator between them (`DDMMYY-SSSS`, also with `‐`, `‑`, `–` or a space), not
/// part of a longer run of digits, whose first six digits are a date under the century rule.
/// Characters for which `transparent` is true are skipped wherever they are (so an invisible
/// character cannot hide a number).
///
/// Text shorter than ten bytes or with fewer than ten ASCII digits (names, streets, most
/// values) is ruled out by its length and one pass over its bytes; other text takes one pass
/// over its characters, and only a run of the right shape is read again for its date.
#[inline]
pub(crate) fn find(text: &str, transparent: impl Fn(char) -> bool) -> Option<Found> {
    if text.len() < DIGITS || !may_hold_one(text.as_bytes()) {
        return None;
    }
    scan(text, transparent)
}

/// [`find`] for text that [`may_hold_one`].
fn scan(text: &str, transparent: impl Fn(char) -> bool) -> Option<Found> {
    let mut current: Option<Run> = None;
    // A run of six digits, and the separators seen since it ended.
    let mut previous: Option<Run> = None;
    let mut separators = 0_usize;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            let run = current.get_or_insert(Run {
                start: i,
                end: i,
                len: 0,
            });
            run.len += 1;
            run.end = i + 1;
        } else if !transparent(c) {
            if let Some(run) = current.take() {
                if let Some(found) = close(text, run, &mut previous, &mut separators) {
                    return Some(found);
                }
            }
            if is_separator(c) {
                separators += 1;
            } else {
                previous = None;
            }
        }
    }
    current.and_then(|run| close(text, run, &mut previous, &mut separators))
}

/// Whether `bytes` may hold a CPR-shaped number: ten ASCII digits at least, and six of them
/// in a row unless a non-ASCII character (which may be skipped inside a number) is among them.
/// One pass, ending early once both hold; a CVR number (eight digits) or a phone number
/// (`+45 33 66 33 66`: no run of six) never starts the scan of characters.
#[inline]
fn may_hold_one(bytes: &[u8]) -> bool {
    if classify(bytes).digits < DIGITS {
        return false;
    }
    let (mut run, mut ascii) = (0_usize, true);
    for &b in bytes {
        if b.is_ascii_digit() {
            run += 1;
            if run == 6 {
                return true;
            }
        } else {
            run = 0;
            ascii &= b.is_ascii();
        }
    }
    !ascii
}

/// What [`classify`] finds in a text's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Classes {
    /// How many ASCII digits.
    pub(crate) digits: usize,
    /// Whether a C0 control or DELETE (a byte below `0x20`, or `0x7F`) is among them.
    pub(crate) control: bool,
    /// Whether a byte that may start a C1 control or a character of U+0100 and above is among
    /// them: `0xC2` or a lead byte from `0xC4` (so text of ASCII and Danish letters, `0xC3`,
    /// has none).
    pub(crate) rare: bool,
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// The ASCII digits, controls and non-ASCII bytes of `bytes`, eight at a time: every value of
/// every row passes through this (for the CPR-shape and control-character checks), so it reads
/// a word per step instead of a byte. For each byte `b` of a word, with `y = b & 0x7F` (so no
/// sum carries into the next byte), `y + c` has its high bit set exactly when `y >= 0x80 - c`.
pub(crate) fn classify(bytes: &[u8]) -> Classes {
    let mut out = Classes::default();
    let mut flags = 0_u64;
    let mut rare = 0_u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0_u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_ne_bytes(w);
        let high = x & HIGH;
        let y = x & !HIGH;
        let digit_or_above = y.wrapping_add(0x50 * ONES) & HIGH;
        let above_digits = y.wrapping_add(0x46 * ONES) & HIGH;
        let printable = y.wrapping_add(0x60 * ONES) & HIGH;
        let delete = y.wrapping_add(ONES) & HIGH;
        let ascii = !high & HIGH;
        out.digits += (digit_or_above & !above_digits & ascii).count_ones() as usize;
        flags |= ((!printable & HIGH) | delete) & ascii;
        // 0xC4 and above; 0xC2 by the zero-byte test on `x ^ 0xC2…`.
        let lead_0xc4_up = y.wrapping_add(0x3C * ONES) & high;
        let z = x ^ (0xC2 * ONES);
        let is_0xc2 = !((z & !HIGH).wrapping_add(!HIGH) | z) & HIGH;
        rare |= lead_0xc4_up | is_0xc2;
    }
    out.control = flags != 0;
    out.rare = rare != 0;
    for &b in words.remainder() {
        out.digits += usize::from(b.is_ascii_digit());
        out.control |= b < 0x20 || b == 0x7F;
        out.rare |= b == 0xC2 || b >= 0xC4;
    }
    out
}

/// Ends a run of `text`: the CPR number it completes, if any.
fn close(
    text: &str,
    run: Run,
    previous: &mut Option<Run>,
    separators: &mut usize,
) -> Option<Found> {
    let found = match run.len {
        DIGITS => candidate(text, run.start, run.end),
        4 => previous
            .filter(|_| *separators == 1)
            .and_then(|date| candidate(text, date.start, run.end)),
        _ => None,
    };
    *previous = (run.len == 6).then_some(run);
    *separators = 0;
    found
}

/// The CPR number whose ten digits lie between the byte offsets `start` and `end` of `text`
/// (with separators or skipped characters between them), if its date is real.
fn candidate(text: &str, start: usize, end: usize) -> Option<Found> {
    let mut digits = [0_u8; DIGITS];
    let mut at = [0_usize; DIGITS];
    let mut count = 0;
    for (offset, &b) in text.as_bytes().get(start..end)?.iter().enumerate() {
        if b.is_ascii_digit() {
            *digits.get_mut(count)? = b;
            *at.get_mut(count)? = start + offset;
            count += 1;
        }
    }
    let [.., s1, s2, s3, s4] = at;
    (count == DIGITS && birth_date(digits).is_some()).then_some(Found {
        start,
        end,
        serial: [s1, s2, s3, s4],
    })
}

/// `text` with the serial number of every CPR-shaped number ([`find`]) replaced by `*`, in
/// place (`150320-4000` becomes `150320-****`, `1503204000` becomes `150320****`), so positions
/// in the text stay the same. Borrowed when there is none.
pub(crate) fn mask(text: &str, transparent: impl Fn(char) -> bool + Copy) -> Cow<'_, str> {
    let mut masked: Option<Vec<u8>> = None;
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| find(rest, transparent)) {
        let bytes = masked.get_or_insert_with(|| text.as_bytes().to_vec());
        for at in found.serial {
            // Each offset is an ASCII digit's: replacing it with `*` keeps the text UTF-8.
            if let Some(b) = bytes.get_mut(from + at) {
                *b = b'*';
            }
        }
        from += found.end;
    }
    match masked {
        None => Cow::Borrowed(text),
        Some(bytes) => Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Option<(usize, usize)> {
        find(text, |_| false).map(|f| (f.start, f.end))
    }

    #[test]
    fn finds_both_shapes_with_a_real_date() {
        assert_eq!(plain("150320-4000"), Some((0, 11)));
        assert_eq!(plain("1503204000"), Some((0, 10)));
        assert_eq!(plain("Freja 150320 4000"), Some((6, 17)));
        assert_eq!(plain("150320\u{2013}4000"), Some((0, 13)));
        assert_eq!(plain("ida1503204000@x.dk"), Some((3, 13)));
        assert_eq!(plain("a 12 150320-4000"), Some((5, 16)));
        assert_eq!(plain("x 290204-4131 y"), Some((2, 13)));
    }

    #[test]
    fn refuses_what_is_not_cpr_shaped() {
        for text in [
            "",
            "150320-400",
            "15032040001",
            "115032040001",
            "150320--4000",
            "150320 - 4000",
            "15 03 20 40 00",
            "1503-204000",
            // Not dates: day 32, month 13, 29 February 1900, a pseudo day (+60).
            "320120-4000",
            "151320-4000",
            "290200-0131",
            "750101-0002",
            "33 66 33 66",
            "+4533663366",
            "1029829824",
            "150320x4000",
        ] {
            assert_eq!(plain(text), None, "{text:?}");
        }
    }

    #[test]
    fn transparent_characters_cannot_hide_a_number() {
        let zwsp = |c: char| c == '\u{200b}';
        for text in [
            "15032\u{200b}04000",
            "150320\u{200b}-4000",
            "150320-\u{200b}4000",
        ] {
            assert!(find(text, zwsp).is_some(), "{text:?}");
            assert_eq!(find(text, |_| false), None, "{text:?}");
        }
    }

    #[test]
    fn classify_counts_like_a_byte_loop() {
        let slow = |bytes: &[u8]| Classes {
            digits: bytes.iter().filter(|b| b.is_ascii_digit()).count(),
            control: bytes.iter().any(|&b| b < 0x20 || b == 0x7F),
            rare: bytes.iter().any(|&b| b == 0xC2 || b >= 0xC4),
        };
        // Every byte at every position of a word and of the remainder, among others.
        for b in 0..=u8::MAX {
            for at in 0..19 {
                let mut bytes = b"a1b2c3d4e5f6g7h8i9j".to_vec();
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = b;
                }
                assert_eq!(classify(&bytes), slow(&bytes), "{b:#x} at {at}");
            }
        }
        for text in [
            "",
            "1503204000",
            "Nørregade 12\t",
            "\u{7f}x",
            "ø0123456789ø",
        ] {
            assert_eq!(classify(text.as_bytes()), slow(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn mask_keeps_the_date_and_positions() {
        assert_eq!(mask("150320-4000", |_| false), "150320-****");
        assert_eq!(mask("1503204000", |_| false), "150320****");
        assert_eq!(
            mask("a 150320-4000 og 2902044131.", |_| false),
            "a 150320-**** og 290204****."
        );
        assert_eq!(mask("ø150320-4000ø", |_| false), "ø150320-****ø");
        assert!(matches!(mask("Nørregade 12", |_| false), Cow::Borrowed(_)));
        assert_eq!(
            mask("15032\u{200b}04000", |c| c == '\u{200b}'),
            "15032\u{200b}0****"
        );
    }
}
