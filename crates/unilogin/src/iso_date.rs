//! Calendar dates written `YYYY-MM-DD` (a policy's `as_of`, the command's `--as-of`), read
//! without chrono's general format parser, which would be most of chrono in the WebAssembly
//! form module.
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// The date `text` writes as `YYYY-MM-DD` (four, two and two ASCII digits), if it exists.
pub(crate) fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0_u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Serde: an optional `YYYY-MM-DD` date (`null` or absent is none).
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date: use YYYY-MM-DD"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use chrono::NaiveDate;

    #[test]
    fn only_real_dates_in_the_one_form() {
        assert_eq!(parse("2026-08-15"), NaiveDate::from_ymd_opt(2026, 8, 15));
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2025-02-29",
            "2026-8-15",
            "2026-08-15 ",
            "20260815",
            "2026/08/15",
            "15-08-2026",
            "2026-13-01",
            "2026-00-10",
            "2026-08-00",
            "+2026-08-1",
            "２０２６-08-15",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
