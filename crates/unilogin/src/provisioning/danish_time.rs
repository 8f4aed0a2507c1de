//! Danish local time (Europe/Copenhagen) without a time-zone database.
//!
//! Denmark keeps Central European Time (CET, UTC+1) in winter and Central European Summer Time
//! (CEST, UTC+2) in summer. Under EU Directive 2000/84/EC summer time begins at 01:00 UTC on the
//! last Sunday of March and ends at 01:00 UTC on the last Sunday of October, the same instant in
//! every member state. This module implements exactly that rule, for every year chrono can
//! represent (applied proleptically: Danish summer time before 1996 followed other dates, which
//! does not matter for the user-creation times this crate reasons about).
//!
//! Local clock times around the changes:
//!
//! - **Spring (skipped hour):** on the last Sunday of March the clocks jump from 02:00 to 03:00;
//!   local times from 02:00 up to (not including) 03:00 do not exist. [`resolve`] reads such a
//!   time with the offset in force *before* the gap (CET), so 02:30 becomes 01:30 UTC, which the
//!   clock shows as 03:30 CEST: the event happens one hour "late" by the wall clock.
//! - **Autumn (repeated hour):** on the last Sunday of October the clocks go back from 03:00 to
//!   02:00; local times from 02:00 up to (not including) 03:00 occur twice. [`resolve`] picks the
//!   *first* occurrence (still CEST), so 02:30 becomes 00:30 UTC.
//!
//! This is the rule of RFC 5545 (iCalendar, §3.3.5) and the "compatible" disambiguation of
//! Temporal and jiff: a scheduled event runs once, never zero times and never twice.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, Utc,
};
use serde::{Deserialize, Serialize};

/// Seconds east of UTC in winter (CET, UTC+1).
const CET_SECONDS: i32 = 3600;
/// Seconds east of UTC in summer (CEST, UTC+2).
const CEST_SECONDS: i32 = 7200;

/// How a local clock time maps to an instant on its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// The local time occurs exactly once (every day but two a year, and most times on those).
    Normal,
    /// The local time does not exist: it falls in the hour skipped in spring (02:00–02:59 on the
    /// last Sunday of March). It is read with the winter offset, i.e. one hour later by the clock.
    Skipped,
    /// The local time occurs twice: it falls in the hour repeated in autumn (02:00–02:59 on the
    /// last Sunday of October). The first occurrence (summer time) is used.
    Repeated,
}

impl ClockKind {
    /// The stable key: `normal`, `skipped` or `repeated`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::Skipped => "skipped",
            Self::Repeated => "repeated",
        }
    }
}

/// A local date and clock time resolved to one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Resolved {
    /// The instant.
    pub instant: DateTime<Utc>,
    /// Whether the local time was normal, skipped or repeated.
    pub kind: ClockKind,
}

/// The instants summer time begins and ends in `year` (01:00 UTC on the last Sundays of March
/// and October), or `None` at the very edge of chrono's range.
///
/// ```
/// use unilogin::provisioning::danish_time::summer_time;
/// let (start, end) = summer_time(2025).unwrap();
/// assert_eq!(start.to_rfc3339(), "2025-03-30T01:00:00+00:00");
/// assert_eq!(end.to_rfc3339(), "2025-10-26T01:00:00+00:00");
/// assert_eq!(summer_time(i32::MAX), None); // not a representable year
/// ```
pub fn summer_time(year: i32) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let (start, end) = summer_time_naive(year)?;
    Some((start.and_utc(), end.and_utc()))
}

fn summer_time_naive(year: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let one_am = NaiveTime::from_hms_opt(1, 0, 0)?;
    let start = last_sunday(year, 3)?.and_time(one_am);
    let end = last_sunday(year, 10)?.and_time(one_am);
    Some((start, end))
}

/// The last Sunday of `month` (1–11) in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(TimeDelta::days(i64::from(back)))
}

/// Whether summer time (CEST) is in force in Denmark at the UTC time `utc`.
fn is_summer_naive(utc: NaiveDateTime) -> bool {
    summer_time_naive(utc.year()).is_some_and(|(start, end)| start <= utc && utc < end)
}

/// Whether Denmark keeps summer time (CEST, UTC+2) at `instant`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use unilogin::provisioning::danish_time::is_summer_time;
/// assert!(is_summer_time(Utc.with_ymd_and_hms(2025, 3, 30, 1, 0, 0).unwrap()));
/// assert!(!is_summer_time(Utc.with_ymd_and_hms(2025, 3, 30, 0, 59, 59).unwrap()));
/// assert!(!is_summer_time(Utc.with_ymd_and_hms(2025, 10, 26, 1, 0, 0).unwrap()));
/// ```
pub fn is_summer_time(instant: DateTime<Utc>) -> bool {
    is_summer_naive(instant.naive_utc())
}

fn offset_seconds(utc: NaiveDateTime) -> i32 {
    if is_summer_naive(utc) {
        CEST_SECONDS
    } else {
        CET_SECONDS
    }
}

fn fixed(seconds: i32) -> FixedOffset {
    FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix())
}

/// Denmark's offset from UTC at `instant`: `+01:00` (CET) or `+02:00` (CEST).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use unilogin::provisioning::danish_time::utc_offset;
/// let july = Utc.with_ymd_and_hms(2025, 7, 1, 12, 0, 0).unwrap();
/// assert_eq!(utc_offset(july).to_string(), "+02:00");
/// let january = Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap();
/// assert_eq!(utc_offset(january).to_string(), "+01:00");
/// ```
pub fn utc_offset(instant: DateTime<Utc>) -> FixedOffset {
    fixed(offset_seconds(instant.naive_utc()))
}

/// The Danish wall-clock date and time at the UTC time `utc`, if representable.
pub(crate) fn local_naive(utc: NaiveDateTime) -> Option<NaiveDateTime> {
    utc.checked_add_signed(TimeDelta::seconds(i64::from(offset_seconds(utc))))
}

/// `instant` in Danish local time, with its offset (`+01:00` or `+02:00`).
///
/// At the very end of chrono's range, where the local time is not representable, the instant
/// is returned with offset `+00:00` instead of panicking.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use unilogin::provisioning::danish_time::to_local;
/// let instant = Utc.with_ymd_and_hms(2025, 3, 30, 1, 30, 0).unwrap();
/// assert_eq!(to_local(instant).to_rfc3339(), "2025-03-30T03:30:00+02:00");
/// ```
pub fn to_local(instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    let utc = instant.naive_utc();
    let offset = if local_naive(utc).is_some() {
        fixed(offset_seconds(utc))
    } else {
        Utc.fix()
    };
    DateTime::from_naive_utc_and_offset(utc, offset)
}

/// The instant of the Danish local `date` and `time`, resolving the skipped spring hour with the
/// winter offset and the repeated autumn hour to its first occurrence (see the module docs).
/// `None` only at the edges of chrono's range.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime};
/// use unilogin::provisioning::danish_time::{resolve, ClockKind};
/// let at = |y, m, d, h, min| {
///     resolve(NaiveDate::from_ymd_opt(y, m, d).unwrap(), NaiveTime::from_hms_opt(h, min, 0).unwrap())
///         .unwrap()
/// };
/// // An ordinary winter night: 02:00 CET is 01:00 UTC.
/// let r = at(2025, 1, 15, 2, 0);
/// assert_eq!((r.instant.to_rfc3339().as_str(), r.kind), ("2025-01-15T01:00:00+00:00", ClockKind::Normal));
/// // 02:30 does not exist on 30 March 2025: it runs at 03:30 CEST = 01:30 UTC.
/// let r = at(2025, 3, 30, 2, 30);
/// assert_eq!((r.instant.to_rfc3339().as_str(), r.kind), ("2025-03-30T01:30:00+00:00", ClockKind::Skipped));
/// // 02:30 happens twice on 26 October 2025: the first time, 00:30 UTC, is used.
/// let r = at(2025, 10, 26, 2, 30);
/// assert_eq!((r.instant.to_rfc3339().as_str(), r.kind), ("2025-10-26T00:30:00+00:00", ClockKind::Repeated));
/// ```
pub fn resolve(date: NaiveDate, time: NaiveTime) -> Option<Resolved> {
    let local = date.and_time(time);
    let as_winter = local.checked_sub_signed(TimeDelta::seconds(i64::from(CET_SECONDS)));
    let as_summer = local.checked_sub_signed(TimeDelta::seconds(i64::from(CEST_SECONDS)));
    let winter_ok = as_winter.filter(|u| !is_summer_naive(*u));
    let summer_ok = as_summer.filter(|u| is_summer_naive(*u));
    let (utc, kind) = match (summer_ok, winter_ok) {
        (Some(first), Some(_)) => (first, ClockKind::Repeated),
        (Some(only), None) | (None, Some(only)) => (only, ClockKind::Normal),
        (None, None) => (as_winter?, ClockKind::Skipped),
    };
    Some(Resolved {
        instant: utc.and_utc(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn last_sundays_of_march_and_october() {
        for (year, march, october) in [
            (2023, 26, 29),
            (2024, 31, 27),
            (2025, 30, 26),
            (2026, 29, 25),
            (2027, 28, 31),
        ] {
            assert_eq!(last_sunday(year, 3), Some(date(year, 3, march)));
            assert_eq!(last_sunday(year, 10), Some(date(year, 10, october)));
            assert_eq!(date(year, 3, march).weekday(), chrono::Weekday::Sun);
        }
    }

    #[test]
    fn edges_of_the_range_do_not_panic() {
        for instant in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let _ = is_summer_time(instant);
            let _ = to_local(instant).to_rfc3339();
        }
        let midnight = NaiveTime::MIN;
        assert!(resolve(NaiveDate::MIN, midnight).is_none());
        let _ = resolve(NaiveDate::MAX, midnight);
        assert_eq!(summer_time(i32::MIN), None);
    }
}
