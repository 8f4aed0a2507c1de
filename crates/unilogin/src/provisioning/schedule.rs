//! Import schedules: the Danish local clock times at which an administrative system's user data
//! is imported into Unilogin.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::{ErrorType, FieldError, Loc, LocItem, Problems};

/// A clock time of day, `HH:MM`, in Danish local time (Europe/Copenhagen).
///
/// Parsing accepts one or two hour digits (`0`–`23`), a colon (or the Danish full stop, as in
/// `kl. 02.00`), and exactly two minute digits (`00`–`59`), with surrounding spaces ignored.
/// It always displays and serialises as `HH:MM`.
///
/// ```
/// use unilogin::provisioning::TimeOfDay;
/// assert_eq!(TimeOfDay::parse("2:00")?.to_string(), "02:00");
/// assert_eq!(TimeOfDay::parse("14.30")?.to_string(), "14:30");
/// assert_eq!(TimeOfDay::parse("24:00").unwrap_err().kind().code(), "time_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay {
    /// Minutes after midnight, 0–1439.
    minutes: u16,
}

impl TimeOfDay {
    /// Midnight, `00:00`.
    pub const MIDNIGHT: Self = Self { minutes: 0 };

    /// The time `hour`:`minute`.
    ///
    /// # Errors
    /// [`ErrorType::TimeFormat`] unless `hour` is 0–23 and `minute` 0–59.
    pub fn new(hour: u8, minute: u8) -> Result<Self, FieldError> {
        if hour < 24 && minute < 60 {
            Ok(Self {
                minutes: u16::from(hour) * 60 + u16::from(minute),
            })
        } else {
            Err(FieldError::new(ErrorType::TimeFormat))
        }
    }

    /// Parses `HH:MM` (see the type's docs for the accepted forms).
    ///
    /// ```
    /// use unilogin::provisioning::TimeOfDay;
    /// let t = TimeOfDay::parse(" 06:30 ")?;
    /// assert_eq!((t.hour(), t.minute()), (6, 30));
    /// for bad in ["", "6", "06:3", "06:60", "0630", "06:30:00", "-1:00", "ab:cd"] {
    ///     assert_eq!(TimeOfDay::parse(bad).unwrap_err().kind().code(), "time_format");
    /// }
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::TimeFormat`] for anything else.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(ErrorType::TimeFormat);
        let (hour, minute) = input.trim().split_once([':', '.']).ok_or_else(bad)?;
        let digits = |s: &str, min_len: usize| {
            (min_len..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(hour, 1) || !digits(minute, 2) {
            return Err(bad());
        }
        let hour: u8 = hour.parse().map_err(|_| bad())?;
        let minute: u8 = minute.parse().map_err(|_| bad())?;
        Self::new(hour, minute)
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u8 {
        u8::try_from(self.minutes / 60).unwrap_or(0)
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u8 {
        u8::try_from(self.minutes % 60).unwrap_or(0)
    }

    /// The time as a chrono [`NaiveTime`].
    pub fn to_naive(self) -> NaiveTime {
        NaiveTime::from_hms_opt(u32::from(self.hour()), u32::from(self.minute()), 0)
            .unwrap_or(NaiveTime::MIN)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl FromStr for TimeOfDay {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<TimeOfDay> for String {
    fn from(t: TimeOfDay) -> Self {
        t.to_string()
    }
}

/// When Unilogin imports user data from the administrative systems: one or more Danish local
/// clock times, every day. Policy data.
///
/// STIL's guide says the transfer happens "typisk en gang i døgnet" (typically once a day) but
/// does not publish the time; the default is one import at [`ImportSchedule::DEFAULT_TIME`]
/// (02:00), a model choice documented in `docs/provisioning.md`. Times are kept sorted and
/// without duplicates; a schedule is never empty.
///
/// ```
/// use unilogin::provisioning::ImportSchedule;
/// let schedule = ImportSchedule::parse(&["18:00", "6:00", "06:00"]).unwrap();
/// assert_eq!(schedule.to_string(), "06:00, 18:00");
/// assert_eq!(ImportSchedule::default().to_string(), "02:00");
///
/// let problems = ImportSchedule::parse(&["02:00", "25:00", "2"]).unwrap_err();
/// let found: Vec<_> = problems.iter().map(|p| (p.kind().code(), p.loc().to_string())).collect();
/// assert_eq!(found, [("time_format", "1".to_owned()), ("time_format", "2".to_owned())]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct ImportSchedule {
    times: Vec<TimeOfDay>,
}

impl ImportSchedule {
    /// The default import time, 02:00 Danish time: a model choice (STIL does not publish the
    /// time; nightly batch imports are the common pattern).
    pub const DEFAULT_TIME: TimeOfDay = TimeOfDay { minutes: 2 * 60 };

    /// A schedule of the given times (sorted, duplicates removed).
    ///
    /// ```
    /// use unilogin::provisioning::{ImportSchedule, TimeOfDay};
    /// let s = ImportSchedule::new([TimeOfDay::parse("14:00")?, TimeOfDay::parse("02:00")?])?;
    /// assert_eq!(s.times().len(), 2);
    /// assert_eq!(ImportSchedule::new([]).unwrap_err().kind().code(), "missing");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::Missing`] when there are no times.
    pub fn new(times: impl IntoIterator<Item = TimeOfDay>) -> Result<Self, FieldError> {
        let mut times: Vec<TimeOfDay> = times.into_iter().collect();
        times.sort_unstable();
        times.dedup();
        if times.is_empty() {
            Err(FieldError::new(ErrorType::Missing))
        } else {
            Ok(Self { times })
        }
    }

    /// Parses a list of `HH:MM` strings, reporting every bad one at its index.
    ///
    /// # Errors
    /// One [`ErrorType::TimeFormat`] problem per bad string (`loc` its 0-based index, `input`
    /// the string), or one [`ErrorType::Missing`] problem (empty `loc`) for an empty list.
    pub fn parse<S: AsRef<str>>(times: &[S]) -> Result<Self, Problems> {
        let mut problems = Problems::new();
        let mut parsed = Vec::with_capacity(times.len());
        for (i, raw) in times.iter().enumerate() {
            let raw = raw.as_ref();
            match TimeOfDay::parse(raw) {
                Ok(t) => parsed.push(t),
                Err(e) => {
                    let mut loc = Loc::root();
                    loc.push(LocItem::Index(i));
                    problems.push(e.at(loc, Some(raw)));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Self::new(parsed).map_err(|e| {
            let mut problems = Problems::new();
            problems.push(e.at(Loc::root(), None));
            problems
        })
    }

    /// The times, earliest first.
    pub fn times(&self) -> &[TimeOfDay] {
        &self.times
    }

    /// Whether `time` is one of the scheduled times.
    pub fn contains(&self, time: TimeOfDay) -> bool {
        self.times.binary_search(&time).is_ok()
    }
}

impl Default for ImportSchedule {
    fn default() -> Self {
        Self {
            times: vec![Self::DEFAULT_TIME],
        }
    }
}

impl fmt::Display for ImportSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.times.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{t}")?;
        }
        Ok(())
    }
}

/// Parses times separated by commas, semicolons or spaces: `"02:00, 14:00"`.
///
/// ```
/// use unilogin::provisioning::ImportSchedule;
/// let s: ImportSchedule = "02:00; 14:00".parse()?;
/// assert_eq!(s.times().len(), 2);
/// assert!("02:00, 2 pm".parse::<ImportSchedule>().is_err());
/// # Ok::<(), unilogin::Problems>(())
/// ```
impl FromStr for ImportSchedule {
    type Err = Problems;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        Self::parse(&parts)
    }
}

impl TryFrom<Vec<String>> for ImportSchedule {
    type Error = Problems;
    fn try_from(times: Vec<String>) -> Result<Self, Self::Error> {
        Self::parse(&times)
    }
}

impl From<ImportSchedule> for Vec<String> {
    fn from(s: ImportSchedule) -> Self {
        s.times.iter().map(ToString::to_string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_valid_time_round_trips() {
        for h in 0..24 {
            for m in 0..60 {
                let t = TimeOfDay::new(h, m).unwrap();
                assert_eq!(TimeOfDay::parse(&t.to_string()), Ok(t));
                assert_eq!((t.hour(), t.minute()), (h, m));
            }
        }
        assert!(TimeOfDay::new(24, 0).is_err());
        assert!(TimeOfDay::new(0, 60).is_err());
    }

    #[test]
    fn non_ascii_input_is_a_format_error_not_a_panic() {
        for bad in [
            "１２:００",
            "ø:00",
            "12:0ø",
            "12:ååå",
            "٣:٣٣",
            ":",
            "::",
            "1:2:3",
        ] {
            assert_eq!(
                TimeOfDay::parse(bad).unwrap_err().kind(),
                ErrorType::TimeFormat,
                "{bad}"
            );
        }
    }

    #[test]
    fn schedule_serde_round_trip_and_errors() {
        let s: ImportSchedule = serde_json::from_str(r#"["14:00","2:00"]"#).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"["02:00","14:00"]"#);
        assert!(serde_json::from_str::<ImportSchedule>("[]").is_err());
        assert!(serde_json::from_str::<ImportSchedule>(r#"["99:00"]"#).is_err());
        let p = ImportSchedule::parse::<&str>(&[]).unwrap_err();
        assert_eq!(p.as_slice()[0].kind(), ErrorType::Missing);
    }
}
