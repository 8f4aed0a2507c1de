//! When a Unilogin password must be changed, and from when to warn.
//!
//! STIL's rules (confidence H): a pupil must change password within **30 days**
//! after moving from indskoling to mellemtrin and from mellemtrin to udskoling; from 7. klasse,
//! and for youth-education students, employees and parents, every **365 days**; users are warned
//! before expiry. How long before is not published: the warning lead time is a policy value
//! (model choice: 14 days).
//!
//! A pupil's band change is derived from their grade and the school year: the Danish school
//! year begins on 1 August (folkeskoleloven § 14 a), so a pupil in grade *g* on a date moved
//! band at the start of the school year in which they entered grade 4 (mellemtrin) or grade 7
//! (udskoling), assuming one grade per school year. A host that knows the real date passes it
//! to [`PasswordExpiry::for_group`] instead.
//!
//! Calendar dates (band changes) are taken at 00:00 UTC; instants (password changes) are kept
//! as given. Time is always a parameter. See `docs/expiry.md`.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use unilogin::credentials::expiry::{ExpiryPolicy, ExpiryStatus, PasswordExpiry};
//! use unilogin::people::Grade;
//!
//! // A pupil in 7. klasse whose password is from 6. klasse: change within 30 days of 1 August.
//! let on = NaiveDate::from_ymd_opt(2026, 8, 20).unwrap();
//! let last_change = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
//! let expiry = PasswordExpiry::for_pupil(Grade::new(7)?, on, last_change, &ExpiryPolicy::STIL);
//! assert_eq!(expiry.must_change_by, Some(Utc.with_ymd_and_hms(2026, 8, 31, 0, 0, 0).unwrap()));
//! assert_eq!(expiry.status(Utc.with_ymd_and_hms(2026, 8, 20, 8, 0, 0).unwrap()), ExpiryStatus::Warn);
//! assert_eq!(expiry.status(Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap()), ExpiryStatus::Expired);
//! # Ok::<(), unilogin::FieldError>(())
//! ```

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::people::{Grade, GradeBand, Role, UserGroup};

/// The first day of the school year, as a month and day. Folkeskoleloven § 14 a: "Skoleåret
/// begynder den 1. august." February 29 is not accepted (it does not occur every year).
///
/// Serialises as `{"month": 8, "day": 1}`.
///
/// ```
/// use chrono::NaiveDate;
/// use unilogin::credentials::expiry::SchoolYearStart;
/// let start = SchoolYearStart::AUGUST_1;
/// assert_eq!(start.school_year_of(NaiveDate::from_ymd_opt(2027, 7, 31).unwrap()), 2026);
/// assert_eq!(start.school_year_of(NaiveDate::from_ymd_opt(2027, 8, 1).unwrap()), 2027);
/// assert!(SchoolYearStart::new(2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MonthDay", into = "MonthDay")]
pub struct SchoolYearStart {
    month: u32,
    day: u32,
}

#[derive(Serialize, Deserialize)]
struct MonthDay {
    month: u32,
    day: u32,
}

impl SchoolYearStart {
    /// 1 August, the start of the Danish school year.
    pub const AUGUST_1: Self = Self { month: 8, day: 1 };

    /// The start on `month`/`day`, if that date exists in every year.
    pub fn new(month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(2001, month, day).map(|_| Self { month, day })
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day
    }

    /// The first day of the school year that starts in `year`.
    pub fn start_in(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// The calendar year in which the school year containing `date` started.
    pub fn school_year_of(self, date: NaiveDate) -> i32 {
        match self.start_in(date.year()) {
            Some(start) if date < start => date.year().saturating_sub(1),
            _ => date.year(),
        }
    }
}

impl Default for SchoolYearStart {
    fn default() -> Self {
        Self::AUGUST_1
    }
}

impl TryFrom<MonthDay> for SchoolYearStart {
    type Error = &'static str;
    fn try_from(md: MonthDay) -> Result<Self, Self::Error> {
        Self::new(md.month, md.day).ok_or("not a month and day that occurs every year")
    }
}

impl From<SchoolYearStart> for MonthDay {
    fn from(s: SchoolYearStart) -> Self {
        Self {
            month: s.month,
            day: s.day,
        }
    }
}

/// The expiry rules as data: STIL's published periods, the warning
/// lead time the library chooses, and the start of the school year.
///
/// ```
/// use unilogin::credentials::expiry::ExpiryPolicy;
/// let policy: ExpiryPolicy = serde_json::from_str(r#"{"warn_days": 7}"#).unwrap();
/// assert_eq!((policy.band_change_days, policy.yearly_days, policy.warn_days), (30, 365, 7));
/// assert!(serde_json::from_str::<ExpiryPolicy>(r#"{"school_year_start": {"month": 2, "day": 30}}"#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpiryPolicy {
    /// Days after a band change (indskoling → mellemtrin, mellemtrin → udskoling) within
    /// which the password must be changed: 30 (STIL, H).
    pub band_change_days: u32,
    /// Days a password lasts from 7. klasse and for youth education, employees and parents:
    /// 365 (STIL, H). Counted in days, not calendar years.
    pub yearly_days: u32,
    /// Days before the deadline from which to warn: 14 (model choice, L: STIL says users are
    /// warned, not how early).
    pub warn_days: u32,
    /// The first day of the school year: 1 August (folkeskoleloven § 14 a, H).
    pub school_year_start: SchoolYearStart,
}

impl ExpiryPolicy {
    /// STIL's rules and the library's 14-day warning.
    pub const STIL: Self = Self {
        band_change_days: 30,
        yearly_days: 365,
        warn_days: 14,
        school_year_start: SchoolYearStart::AUGUST_1,
    };

    /// The date on which a pupil in `grade` on `on` last moved band (entered mellemtrin or
    /// udskoling), assuming one grade per school year; `None` in indskoling.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::credentials::expiry::ExpiryPolicy;
    /// use unilogin::people::Grade;
    /// let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    /// let p = ExpiryPolicy::STIL;
    /// assert_eq!(p.band_changed_on(Grade::new(9)?, on), NaiveDate::from_ymd_opt(2024, 8, 1));
    /// assert_eq!(p.band_changed_on(Grade::new(2)?, on), None);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn band_changed_on(&self, grade: Grade, on: NaiveDate) -> Option<NaiveDate> {
        let entry_grade: u8 = match grade.band() {
            GradeBand::Indskoling => return None,
            GradeBand::Mellemtrin => 4,
            GradeBand::Udskoling => 7,
        };
        let years_ago = i32::from(grade.value().saturating_sub(entry_grade));
        let start = self.school_year_start;
        start.start_in(start.school_year_of(on).checked_sub(years_ago)?)
    }

    /// The date on which a pupil in `grade` on `on` will next move band, assuming one grade
    /// per school year; `None` in udskoling.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use unilogin::credentials::expiry::ExpiryPolicy;
    /// use unilogin::people::Grade;
    /// let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    /// let p = ExpiryPolicy::STIL;
    /// assert_eq!(p.next_band_change(Grade::new(5)?, on), NaiveDate::from_ymd_opt(2028, 8, 1));
    /// assert_eq!(p.next_band_change(Grade::new(8)?, on), None);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn next_band_change(&self, grade: Grade, on: NaiveDate) -> Option<NaiveDate> {
        let entry_grade: u8 = match grade.band() {
            GradeBand::Indskoling => 4,
            GradeBand::Mellemtrin => 7,
            GradeBand::Udskoling => return None,
        };
        let years_ahead = i32::from(entry_grade.saturating_sub(grade.value()));
        let start = self.school_year_start;
        start.start_in(start.school_year_of(on).checked_add(years_ahead)?)
    }
}

impl Default for ExpiryPolicy {
    fn default() -> Self {
        Self::STIL
    }
}

/// Why a password expires (or does not yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ExpiryReason {
    /// The pupil moved band after the password was last changed: change within the policy's
    /// `band_change_days` of the move.
    BandChange {
        /// The band moved from.
        from: GradeBand,
        /// The band moved to.
        to: GradeBand,
        /// The date of the move.
        changed_on: NaiveDate,
    },
    /// The yearly rule: `yearly_days` after the last change.
    Yearly,
    /// No deadline now (indskoling, or mellemtrin after changing since the move): the password
    /// lasts until the next band change, if known.
    UntilBandChange {
        /// The date of the next band change, when derived from the grade.
        next_band_change: Option<NaiveDate>,
    },
}

/// Whether a password is fine, due soon, or overdue at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpiryStatus {
    /// Nothing to do.
    Ok,
    /// Within the warning lead time: ask the user to change soon.
    Warn,
    /// At or after the deadline: the password must be changed now.
    Expired,
}

/// When a password must be changed and from when to warn, with the reason.
///
/// Serialises as `{"must_change_by": …, "warn_from": …, "reason": "band_change", "from":
/// "mellemtrin", "to": "udskoling", "changed_on": "2026-08-01"}` (or `"reason": "yearly"`, or
/// `"reason": "until_band_change", "next_band_change": …` with null deadlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PasswordExpiry {
    /// The first instant at which the password is expired; `None` when no change is due.
    pub must_change_by: Option<DateTime<Utc>>,
    /// The first instant at which to warn: `warn_days` before the deadline, but not before the
    /// obligation began (the band change or the last password change).
    pub warn_from: Option<DateTime<Utc>>,
    /// Why.
    #[serde(flatten)]
    pub reason: ExpiryReason,
}

fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

fn plus_days(at: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    Duration::try_days(i64::from(days))
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn minus_days(at: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    Duration::try_days(i64::from(days))
        .and_then(|d| at.checked_sub_signed(d))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

impl PasswordExpiry {
    fn deadline(
        since: DateTime<Utc>,
        days: u32,
        policy: &ExpiryPolicy,
        reason: ExpiryReason,
    ) -> Self {
        let must = plus_days(since, days);
        Self {
            must_change_by: Some(must),
            warn_from: Some(minus_days(must, policy.warn_days).max(since)),
            reason,
        }
    }

    fn none(next_band_change: Option<NaiveDate>) -> Self {
        Self {
            must_change_by: None,
            warn_from: None,
            reason: ExpiryReason::UntilBandChange { next_band_change },
        }
    }

    /// The expiry for a user in `group` whose password was last changed at `last_change`;
    /// for pupils in mellemtrin and udskoling, `band_changed_on` is the date they moved into
    /// that band (ignored for other groups; `None` if unknown, when only the yearly rule can
    /// apply).
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use unilogin::credentials::expiry::{ExpiryPolicy, ExpiryReason, PasswordExpiry};
    /// use unilogin::people::UserGroup;
    /// let last = Utc.with_ymd_and_hms(2027, 3, 1, 7, 30, 0).unwrap();
    /// let e = PasswordExpiry::for_group(UserGroup::Parent, last, None, &ExpiryPolicy::STIL);
    /// // 365 days, not a calendar year: 2028 is a leap year.
    /// assert_eq!(e.must_change_by, Some(Utc.with_ymd_and_hms(2028, 2, 29, 7, 30, 0).unwrap()));
    /// assert_eq!(e.reason, ExpiryReason::Yearly);
    ///
    /// // A mellemtrin pupil who changed after moving up has no deadline.
    /// let moved = NaiveDate::from_ymd_opt(2026, 8, 1);
    /// let e = PasswordExpiry::for_group(UserGroup::Mellemtrin, last, moved, &ExpiryPolicy::STIL);
    /// assert_eq!(e.must_change_by, None);
    /// ```
    pub fn for_group(
        group: UserGroup,
        last_change: DateTime<Utc>,
        band_changed_on: Option<NaiveDate>,
        policy: &ExpiryPolicy,
    ) -> Self {
        let moved = |from, to| {
            band_changed_on
                .filter(|&d| last_change < midnight(d))
                .map(|changed_on| {
                    Self::deadline(
                        midnight(changed_on),
                        policy.band_change_days,
                        policy,
                        ExpiryReason::BandChange {
                            from,
                            to,
                            changed_on,
                        },
                    )
                })
        };
        let yearly = || {
            Self::deadline(
                last_change,
                policy.yearly_days,
                policy,
                ExpiryReason::Yearly,
            )
        };
        match group {
            UserGroup::Indskoling => Self::none(None),
            UserGroup::Mellemtrin => {
                moved(GradeBand::Indskoling, GradeBand::Mellemtrin).unwrap_or(Self::none(None))
            }
            UserGroup::Udskoling => {
                moved(GradeBand::Mellemtrin, GradeBand::Udskoling).unwrap_or_else(yearly)
            }
            UserGroup::YouthEducation | UserGroup::Employee | UserGroup::Parent => yearly(),
        }
    }

    /// The expiry for a pupil in `grade` on the date `on` (normally today), the band change
    /// derived from the grade and the school year (see [`ExpiryPolicy::band_changed_on`]).
    pub fn for_pupil(
        grade: Grade,
        on: NaiveDate,
        last_change: DateTime<Utc>,
        policy: &ExpiryPolicy,
    ) -> Self {
        let group = Role::Pupil { grade }.group();
        let mut expiry = Self::for_group(
            group,
            last_change,
            policy.band_changed_on(grade, on),
            policy,
        );
        if let ExpiryReason::UntilBandChange { next_band_change } = &mut expiry.reason {
            *next_band_change = policy.next_band_change(grade, on);
        }
        expiry
    }

    /// The expiry for a user with `role` on the date `on`: pupils by [`PasswordExpiry::for_pupil`],
    /// everyone else by the yearly rule.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use unilogin::credentials::expiry::{ExpiryPolicy, ExpiryReason, PasswordExpiry};
    /// use unilogin::people::Role;
    /// let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    /// let last = Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap();
    /// let pupil = Role::parse("elev", Some("2"))?;
    /// let e = PasswordExpiry::for_role(pupil, on, last, &ExpiryPolicy::STIL);
    /// assert_eq!(e.reason, ExpiryReason::UntilBandChange { next_band_change: NaiveDate::from_ymd_opt(2028, 8, 1) });
    /// let e = PasswordExpiry::for_role(Role::parse("medarbejder", None)?, on, last, &ExpiryPolicy::STIL);
    /// assert_eq!(e.reason, ExpiryReason::Yearly);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn for_role(
        role: Role,
        on: NaiveDate,
        last_change: DateTime<Utc>,
        policy: &ExpiryPolicy,
    ) -> Self {
        match role {
            Role::Pupil { grade } => Self::for_pupil(grade, on, last_change, policy),
            other => Self::for_group(other.group(), last_change, None, policy),
        }
    }

    /// The status at `now`: expired from `must_change_by` on (the deadline is the first
    /// expired instant), warn from `warn_from` on, otherwise ok.
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use unilogin::credentials::expiry::{ExpiryPolicy, ExpiryStatus, PasswordExpiry};
    /// use unilogin::people::UserGroup;
    /// let last = Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap();
    /// let e = PasswordExpiry::for_group(UserGroup::Employee, last, None, &ExpiryPolicy::STIL);
    /// assert_eq!(e.status(last + Duration::days(350)), ExpiryStatus::Ok);
    /// assert_eq!(e.status(last + Duration::days(351)), ExpiryStatus::Warn);
    /// assert_eq!(e.status(last + Duration::days(365)), ExpiryStatus::Expired);
    /// ```
    pub fn status(&self, now: DateTime<Utc>) -> ExpiryStatus {
        match (self.must_change_by, self.warn_from) {
            (Some(must), _) if now >= must => ExpiryStatus::Expired,
            (Some(_), Some(warn)) if now >= warn => ExpiryStatus::Warn,
            _ => ExpiryStatus::Ok,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn band_changes_follow_the_school_year() {
        let p = ExpiryPolicy::STIL;
        let g = |n| Grade::new(n).unwrap();
        // 31 July still belongs to the school year that began the previous August.
        assert_eq!(p.band_changed_on(g(4), d(2026, 7, 31)), Some(d(2025, 8, 1)));
        assert_eq!(p.band_changed_on(g(4), d(2026, 8, 1)), Some(d(2026, 8, 1)));
        assert_eq!(p.band_changed_on(g(6), d(2026, 8, 1)), Some(d(2024, 8, 1)));
        assert_eq!(
            p.band_changed_on(g(10), d(2026, 12, 1)),
            Some(d(2023, 8, 1))
        );
        assert_eq!(
            p.next_band_change(g(0), d(2026, 12, 1)),
            Some(d(2030, 8, 1))
        );
        assert_eq!(p.next_band_change(g(6), d(2027, 7, 1)), Some(d(2027, 8, 1)));
        assert_eq!(p.next_band_change(g(7), d(2027, 7, 1)), None);
    }

    #[test]
    fn warning_never_starts_before_the_obligation() {
        let policy = ExpiryPolicy {
            warn_days: 60,
            ..ExpiryPolicy::STIL
        };
        let last = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let e = PasswordExpiry::for_group(UserGroup::Udskoling, last, Some(d(2026, 8, 1)), &policy);
        assert_eq!(e.warn_from, Some(midnight(d(2026, 8, 1))));
        assert_eq!(e.status(midnight(d(2026, 7, 31))), ExpiryStatus::Ok);
        assert_eq!(e.status(midnight(d(2026, 8, 1))), ExpiryStatus::Warn);
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let policy = ExpiryPolicy {
            band_change_days: u32::MAX,
            yearly_days: u32::MAX,
            warn_days: u32::MAX,
            school_year_start: SchoolYearStart::new(12, 31).unwrap(),
        };
        for at in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            for n in 0..=10 {
                let grade = Grade::new(n).unwrap();
                for on in [NaiveDate::MIN, NaiveDate::MAX] {
                    let e = PasswordExpiry::for_pupil(grade, on, at, &policy);
                    let _ = e.status(at);
                    let e = PasswordExpiry::for_pupil(grade, on, at, &ExpiryPolicy::STIL);
                    let _ = e.status(at);
                }
            }
        }
    }

    #[test]
    fn serialises_flat() {
        let last = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let e = PasswordExpiry::for_pupil(
            Grade::new(7).unwrap(),
            d(2026, 8, 20),
            last,
            &ExpiryPolicy::STIL,
        );
        let json = serde_json::to_value(e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "must_change_by": "2026-08-31T00:00:00Z",
                "warn_from": "2026-08-17T00:00:00Z",
                "reason": "band_change",
                "from": "mellemtrin",
                "to": "udskoling",
                "changed_on": "2026-08-01"
            })
        );
        let back: PasswordExpiry = serde_json::from_value(json).unwrap();
        assert_eq!(back, e);
    }
}
