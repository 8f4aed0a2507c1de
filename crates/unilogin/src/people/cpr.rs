use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

use super::cpr_shape::{self, DIGITS};
use crate::identifiers::canonical_string_type;
use crate::{ErrorType, FieldError};

/// A Danish CPR number (personnummer): `DDMMYY-SSSS`, a birth date and a four-digit serial
/// number (confidence H).
///
/// **Accepted input.** Ten digits, optionally with one dash between the date and the serial
/// number (`-`, `‐`, `‑` or `–`), and spaces (also non-breaking) anywhere: `010203-4567`,
/// `0102034567`, `010203 4567`, ` 01 02 03 - 45 67 `. Anything else is `cpr_format`.
///
/// **Date and century.** The first six digits must be a real date. The century comes from the
/// 7th digit (the first digit of the serial number) and the two-digit year, following the CPR
/// office's table ("Personnummeret i CPR-systemet"):
///
/// | 7th digit | year 00–36 | year 37–57 | year 58–99 |
/// |---|---|---|---|
/// | 0–3 | 1900s | 1900s | 1900s |
/// | 4, 9 | 2000s | 1900s | 1900s |
/// | 5–8 | 2000s | 2000s | 1800s |
///
/// So `290204-4xxx` is 29 February 2004, while `290200-0xxx` is refused: 1900 was no leap
/// year. A date that is not a real date under this rule is `cpr_date`. Parsing does not compare
/// the date with today's (the core reads no clock); a user row validated under a policy with a
/// reference date ([`crate::ValidationPolicy::as_of`]) refuses a birth date after it
/// ([`Cpr::born_by`]).
///
/// **No modulus-11 check.** The CPR office has issued numbers that fail the old modulus-11
/// check since 1 October 2007, and asks every system to accept them; this type never checks it.
///
/// **Personal data.** [`Display`](fmt::Display), [`Cpr::as_str`] and serialisation give the
/// canonical form `DDMMYY-SSSS` with every digit, because that is the value. [`Debug`] shows
/// only [`Cpr::masked`] (`DDMMYY-****`), so a CPR number never lands whole in a log line
/// through `{:?}`. [`Cpr::redact`] masks any raw text the way problems show it.
///
/// ```
/// use unilogin::people::Cpr;
/// let cpr = Cpr::parse("290204 4131")?;
/// assert_eq!(cpr.to_string(), "290204-4131");
/// assert_eq!(cpr.birth_date().to_string(), "2004-02-29");
/// assert_eq!(cpr.masked(), "290204-****");
/// assert_eq!(format!("{cpr:?}"), "Cpr(290204-****)");
///
/// assert_eq!(Cpr::parse("290200-0131").unwrap_err().kind().code(), "cpr_date");
/// assert_eq!(Cpr::parse("29020-41313").unwrap_err().kind().code(), "cpr_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cpr {
    /// The canonical text `DDMMYY-SSSS` (ASCII).
    text: [u8; 11],
    birth_date: NaiveDate,
}

impl Cpr {
    /// Parses a CPR number.
    ///
    /// # Errors
    /// [`ErrorType::CprFormat`] unless ten digits (with the separators described on [`Cpr`]);
    /// [`ErrorType::CprDate`] when the first six digits are not a date under the century rule.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let digits = compact(input).ok_or(FieldError::new(ErrorType::CprFormat))?;
        let birth_date =
            cpr_shape::birth_date(digits).ok_or(FieldError::new(ErrorType::CprDate))?;
        let [d1, d2, m1, m2, y1, y2, s1, s2, s3, s4] = digits;
        Ok(Self {
            text: [d1, d2, m1, m2, y1, y2, b'-', s1, s2, s3, s4],
            birth_date,
        })
    }

    /// The canonical form, `DDMMYY-SSSS`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The birth date, with the century from the 7th digit.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// `Ok` if the person was born on or before `as_of`, the date a record is checked on.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::people::Cpr;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
    /// assert!(Cpr::parse("150320-4120")?.born_by(as_of).is_ok());
    /// // 15 March 2037: the 7th digit 5 puts year 37 in the 2000s.
    /// let err = Cpr::parse("150337-5120")?.born_by(as_of).unwrap_err();
    /// assert_eq!(err.kind().code(), "cpr_date_in_future");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::CprDateInFuture`], with `as_of` (`YYYY-MM-DD`) in `ctx`.
    pub fn born_by(&self, as_of: NaiveDate) -> Result<(), FieldError> {
        if self.birth_date <= as_of {
            Ok(())
        } else {
            Err(FieldError::with_ctx(
                ErrorType::CprDateInFuture,
                crate::Ctx::new().with("as_of", as_of.to_string()),
            ))
        }
    }

    /// The age in whole years on `date`, or `None` before the birth date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::people::Cpr;
    /// let cpr = Cpr::parse("150320-4120")?;
    /// let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cpr.age_on(on(2026, 3, 14)), Some(5));
    /// assert_eq!(cpr.age_on(on(2026, 3, 15)), Some(6));
    /// assert_eq!(cpr.age_on(on(2019, 1, 1)), None);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        date.years_since(self.birth_date)
    }

    /// The number with its serial number masked: `DDMMYY-****`.
    pub fn masked(&self) -> String {
        let date = self.as_str().get(..6).unwrap_or_default();
        format!("{date}-****")
    }

    /// Masks raw text from a CPR field the way problems and `Debug` output show it: text in the
    /// CPR format becomes `DDMMYY-****` (also when its date is invalid, so the date can be
    /// corrected); any other non-blank text becomes a `*` for each of its characters; blank
    /// text stays as it is.
    ///
    /// ```
    /// use unilogin::people::Cpr;
    /// assert_eq!(Cpr::redact(" 310299 1234"), "310299-****");
    /// assert_eq!(Cpr::redact("0102031234x"), "***********");
    /// ```
    pub fn redact(input: &str) -> Cow<'_, str> {
        if input.trim().is_empty() {
            return Cow::Borrowed(input);
        }
        match compact(input) {
            Some([d1, d2, m1, m2, y1, y2, ..]) => {
                let date: String = [d1, d2, m1, m2, y1, y2]
                    .iter()
                    .map(|&b| char::from(b))
                    .collect();
                Cow::Owned(format!("{date}-****"))
            }
            None => Cow::Owned("*".repeat(input.chars().count())),
        }
    }
}

/// The ten ASCII digits of `input`, or `None` unless it is ten digits with spaces anywhere and
/// at most one dash, right after the sixth digit.
fn compact(input: &str) -> Option<[u8; DIGITS]> {
    let mut digits = [0_u8; DIGITS];
    let mut count = 0;
    let mut dash = false;
    for c in input.trim().chars() {
        match c {
            '0'..='9' => {
                *digits.get_mut(count)? = u8::try_from(c).ok()?;
                count += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' if count == 6 && !dash => dash = true,
            _ => return None,
        }
    }
    (count == DIGITS).then_some(digits)
}

impl fmt::Debug for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

canonical_string_type!(Cpr);

#[cfg(test)]
mod tests {
    use super::*;

    fn date(input: &str) -> Result<String, ErrorType> {
        Cpr::parse(input)
            .map(|c| c.birth_date().to_string())
            .map_err(|e| e.kind())
    }

    #[test]
    fn separators_people_type() {
        for s in [
            "0102034567",
            "010203-4567",
            "010203 4567",
            " 01 02 03 - 45 67 ",
            "010203\u{2013}4567",
            "010203\u{a0}4567",
        ] {
            assert_eq!(
                Cpr::parse(s).map(|c| c.to_string()).as_deref(),
                Ok("010203-4567"),
                "{s:?}"
            );
        }
        for s in [
            "",
            "010203-456",
            "010203-45678",
            "01-02-03-4567",
            "0102-034567",
            "010203--4567",
            "010203-4567x",
            "010203/4567",
            "O10203-4567",
            "０１０２０３４５６７",
            "010203\t4567",
        ] {
            assert_eq!(
                Cpr::parse(s).unwrap_err().kind(),
                ErrorType::CprFormat,
                "{s:?}"
            );
        }
    }

    #[test]
    fn century_follows_the_seventh_digit() {
        // 7th digit 0–3: always the 1900s.
        assert_eq!(date("150100-0002").as_deref(), Ok("1900-01-15"));
        assert_eq!(date("311299-3998").as_deref(), Ok("1999-12-31"));
        // 4 and 9: the 2000s up to year 36, then the 1900s.
        assert_eq!(date("150136-4002").as_deref(), Ok("2036-01-15"));
        assert_eq!(date("150137-4002").as_deref(), Ok("1937-01-15"));
        assert_eq!(date("150136-9002").as_deref(), Ok("2036-01-15"));
        assert_eq!(date("150137-9002").as_deref(), Ok("1937-01-15"));
        // 5–8: the 2000s up to year 57, then the 1800s.
        assert_eq!(date("150157-5002").as_deref(), Ok("2057-01-15"));
        assert_eq!(date("150158-5002").as_deref(), Ok("1858-01-15"));
        assert_eq!(date("150157-8002").as_deref(), Ok("2057-01-15"));
        assert_eq!(date("311299-8002").as_deref(), Ok("1899-12-31"));
    }

    #[test]
    fn the_date_must_exist_in_its_century() {
        assert_eq!(date("290204-4002").as_deref(), Ok("2004-02-29"));
        assert_eq!(date("290200-4002").as_deref(), Ok("2000-02-29"));
        assert_eq!(date("290200-0002"), Err(ErrorType::CprDate)); // 1900 was no leap year
        assert_eq!(date("290203-4002"), Err(ErrorType::CprDate));
        assert_eq!(date("290296-0002").as_deref(), Ok("1996-02-29"));
        assert_eq!(date("290296-5002").as_deref(), Ok("1896-02-29"));
        assert_eq!(date("290297-5002"), Err(ErrorType::CprDate));
        for s in [
            "000101-0002",
            "320101-0002",
            "310401-0002",
            "151301-0002",
            "150001-0002",
        ] {
            assert_eq!(date(s), Err(ErrorType::CprDate), "{s}");
        }
        // Pseudo-CPR numbers with 60 added to the day are not dates.
        assert_eq!(date("750101-0002"), Err(ErrorType::CprDate));
    }

    #[test]
    fn modulus_11_is_not_checked() {
        // 4,3,2,7,6,5,4,3,2,1-weighted sums of these are not divisible by 11.
        for s in ["150320-4000", "150320-4001"] {
            let sum: u32 = s
                .bytes()
                .filter(u8::is_ascii_digit)
                .zip([4, 3, 2, 7, 6, 5, 4, 3, 2, 1])
                .map(|(b, w)| u32::from(b - b'0') * w)
                .sum();
            assert_ne!(sum % 11, 0, "{s}");
            assert!(Cpr::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn debug_is_masked_display_is_canonical() {
        let cpr = Cpr::parse("150320-4000").unwrap();
        assert_eq!(format!("{cpr:?}"), "Cpr(150320-****)");
        assert_eq!(format!("{:?}", Some(cpr)), "Some(Cpr(150320-****))");
        assert_eq!(cpr.to_string(), "150320-4000");
        assert_eq!(serde_json::to_value(cpr).unwrap(), "150320-4000");
        let back: Cpr = serde_json::from_value(serde_json::json!("1503204000")).unwrap();
        assert_eq!(back, cpr);
    }

    #[test]
    fn redact_never_shows_the_serial_number() {
        assert_eq!(Cpr::redact("150320-4000"), "150320-****");
        assert_eq!(Cpr::redact("1503204000"), "150320-****");
        assert_eq!(Cpr::redact("310299-4000"), "310299-****");
        assert_eq!(Cpr::redact("15032040000"), "***********");
        assert_eq!(Cpr::redact("cpr: 1503204000"), "***************");
        assert_eq!(Cpr::redact("ø"), "*");
        assert_eq!(Cpr::redact(""), "");
        assert_eq!(Cpr::redact("  "), "  ");
    }
}
