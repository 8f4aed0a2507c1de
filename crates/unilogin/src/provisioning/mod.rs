//! Provisioning: when a user created in an administrative system can expect Unilogin to work.
//!
//! User data flows from the institution's administrative system (brugeradministrationssystem)
//! into Unilogin in scheduled imports. STIL's guide "Tilslutning til Unilogin" says the transfer
//! "sker typisk en gang i døgnet" and that it "tager ca. et døgn fra oprettelsestidspunktet"
//! until the users can use their Unilogin. It rarely takes two days (confidence H), and a user
//! who already has Unilogin (at another institution) can use it immediately.
//!
//! [`ProvisioningPolicy::estimate`] turns a creation time into an [`Estimate`]: the next import
//! after creation (in UTC and in Danish local time), the typical ready time and the latest ready
//! time. The schedule and the lags are policy values with STIL's defaults
//! ([`ProvisioningPolicy::stil`]): one import a day at 02:00 Danish time (a model choice: STIL
//! does not publish the time), ready typically one day after creation, at the latest two days
//! after the import. Danish local time, including the skipped and repeated hours of the
//! daylight-saving changes, is handled by [`danish_time`] without a time-zone database.
//!
//! Time is always an input: nothing here reads a clock. See `docs/provisioning.md`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use unilogin::provisioning::{ProvisioningPolicy, Status};
//!
//! let policy = ProvisioningPolicy::default(); // one import a day at 02:00 Danish time
//! // Created on Wednesday 15 January 2025 at 10:00 Danish time (09:00 UTC).
//! let created = Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap();
//! let estimate = policy.estimate(created, false);
//! let next = estimate.next_import.as_ref().unwrap();
//! assert_eq!(next.local.to_rfc3339(), "2025-01-16T02:00:00+01:00");
//! assert_eq!(estimate.typical_ready, Utc.with_ymd_and_hms(2025, 1, 16, 9, 0, 0).unwrap());
//! assert_eq!(estimate.latest_ready, Utc.with_ymd_and_hms(2025, 1, 18, 1, 0, 0).unwrap());
//!
//! let now = Utc.with_ymd_and_hms(2025, 1, 15, 20, 0, 0).unwrap();
//! assert_eq!(estimate.status(now), Status::AwaitingImport);
//!
//! // A user who already has Unilogin at another institution: immediately.
//! let moved = policy.estimate(created, true);
//! assert!(moved.next_import.is_none());
//! assert_eq!(moved.typical_ready, created);
//! ```

pub mod danish_time;
mod schedule;

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, FixedOffset, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::onboarding::Localized;
use crate::Lang;

pub use danish_time::ClockKind;
pub use schedule::{ImportSchedule, TimeOfDay};

/// Where the rules come from (docs/sources.md, S-private and S-provisioning).
const SOURCE: &str = "STIL, \"Unilogin | For daginstitutioner\", \"Privat daginstitution\" \
     (https://viden.stil.dk/pages/viewpage.action?pageId=135200876): \"ca. et døgn fra \
     oprettelsestidspunktet\", import \"typisk en gang i døgnet\"; STIL, \"Hvor lang tid går der, \
     fra en institution opretter en ny bruger …\" \
     (https://viden.stil.dk/pages/viewpage.action?pageId=121964018): imports \"typisk 1-2 gange i \
     døgnet\", \"i sjældne tilfælde … op til to døgn\" (confidence H); import time 02:00 and the \
     lag anchors are model choices (docs/provisioning.md)";

/// The provisioning policy: the import schedule and how long after it a user typically and at
/// the latest can use Unilogin. Policy data with STIL's defaults; every
/// field may be left out of the JSON form to keep its default.
///
/// - `typical_ready` = the later of the next import and creation + `typical_hours_after_creation`
///   (STIL: "ca. et døgn fra oprettelsestidspunktet"). Because the next import never comes before
///   creation, this is at most `typical_hours_after_creation` after the import. Setting it to 0
///   makes the typical ready time the import itself.
/// - `latest_ready` = the next import + `latest_hours_after_import` ("rarely two"
///   days), and never before `typical_ready`.
///
/// ```
/// use unilogin::provisioning::ProvisioningPolicy;
/// let policy: ProvisioningPolicy =
///     serde_json::from_str(r#"{"schedule": ["06:00", "18:00"]}"#).unwrap();
/// assert_eq!(policy.typical_hours_after_creation, 24);
/// assert_eq!(policy.latest_hours_after_import, 48);
/// assert!(serde_json::from_str::<ProvisioningPolicy>(r#"{"schedule": ["6"]}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProvisioningPolicy {
    /// The Danish local times at which imports run, every day. Default: 02:00.
    pub schedule: ImportSchedule,
    /// Hours after creation by which a user typically can use Unilogin. Default: 24.
    pub typical_hours_after_creation: u16,
    /// Hours after the import by which a user at the latest can use Unilogin. Default: 48.
    pub latest_hours_after_import: u16,
}

impl ProvisioningPolicy {
    /// The default typical lag: 24 hours after creation ("ca. et døgn").
    pub const DEFAULT_TYPICAL_HOURS: u16 = 24;
    /// The default latest lag: 48 hours after the import ("rarely two" days).
    pub const DEFAULT_LATEST_HOURS: u16 = 48;

    /// STIL's defaults (the same as [`Default`]): one import a day at 02:00, typically 24 hours
    /// after creation, at the latest 48 hours after the import.
    pub fn stil() -> Self {
        Self {
            schedule: ImportSchedule::default(),
            typical_hours_after_creation: Self::DEFAULT_TYPICAL_HOURS,
            latest_hours_after_import: Self::DEFAULT_LATEST_HOURS,
        }
    }

    /// The default lags with another schedule.
    ///
    /// ```
    /// use unilogin::provisioning::{ImportSchedule, ProvisioningPolicy};
    /// let policy = ProvisioningPolicy::with_schedule("06:00, 18:00".parse().unwrap());
    /// assert_eq!(policy.schedule.times().len(), 2);
    /// ```
    pub fn with_schedule(schedule: ImportSchedule) -> Self {
        Self {
            schedule,
            ..Self::stil()
        }
    }

    /// When a user created at `created_at` in the administrative system can expect Unilogin to
    /// work. `already_has_unilogin`: the user already has Unilogin at another institution, so it
    /// works immediately.
    ///
    /// The next import is the first scheduled time strictly after `created_at` (an import that
    /// starts at the very instant of creation is taken not to include the user). Times that do
    /// not fit chrono's range (beyond the year 262 000) saturate at its maximum.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::provisioning::{ClockKind, ImportSchedule, ProvisioningPolicy};
    ///
    /// // 02:30 does not exist on Sunday 30 March 2025: that import runs at 03:30 CEST.
    /// let policy = ProvisioningPolicy::with_schedule("02:30".parse().unwrap());
    /// let created = Utc.with_ymd_and_hms(2025, 3, 29, 12, 0, 0).unwrap();
    /// let next = policy.estimate(created, false).next_import.unwrap();
    /// assert_eq!(next.local.to_rfc3339(), "2025-03-30T03:30:00+02:00");
    /// assert_eq!(next.clock, ClockKind::Skipped);
    ///
    /// // A bad schedule never gets this far: parsing reports `time_format`.
    /// let bad = "02:30, 26:00".parse::<ImportSchedule>().unwrap_err();
    /// assert_eq!(bad.as_slice()[0].kind().code(), "time_format");
    /// ```
    pub fn estimate(&self, created_at: DateTime<Utc>, already_has_unilogin: bool) -> Estimate {
        if already_has_unilogin {
            return Estimate {
                created_at,
                readiness: Readiness::Immediately,
                next_import: None,
                typical_ready: created_at,
                latest_ready: created_at,
            };
        }
        let next_import = next_import(&self.schedule, created_at);
        let import_at = next_import
            .as_ref()
            .map_or(DateTime::<Utc>::MAX_UTC, |n| n.at);
        let typical_ready = import_at.max(add_hours(created_at, self.typical_hours_after_creation));
        let latest_ready = add_hours(import_at, self.latest_hours_after_import).max(typical_ready);
        Estimate {
            created_at,
            readiness: Readiness::AfterImport,
            next_import,
            typical_ready,
            latest_ready,
        }
    }
}

impl Default for ProvisioningPolicy {
    fn default() -> Self {
        Self::stil()
    }
}

fn add_hours(instant: DateTime<Utc>, hours: u16) -> DateTime<Utc> {
    instant
        .checked_add_signed(TimeDelta::hours(i64::from(hours)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The first scheduled import strictly after `created_at`; ties between schedule entries that
/// resolve to the same instant (possible only on the spring change day) go to the earlier entry.
fn next_import(schedule: &ImportSchedule, created_at: DateTime<Utc>) -> Option<NextImport> {
    let today = danish_time::local_naive(created_at.naive_utc())?.date();
    let mut best: Option<(danish_time::Resolved, TimeOfDay)> = None;
    // Every scheduled time on the creation's local date and the next two days: an import on the
    // next day always comes after creation, so the answer is among these.
    let days = std::iter::successors(Some(today), chrono::NaiveDate::succ_opt).take(3);
    for day in days {
        for &time in schedule.times() {
            let Some(resolved) = danish_time::resolve(day, time.to_naive()) else {
                continue;
            };
            let better = best
                .as_ref()
                .is_none_or(|(b, _)| resolved.instant < b.instant);
            if resolved.instant > created_at && better {
                best = Some((resolved, time));
            }
        }
    }
    best.map(|(resolved, scheduled)| NextImport {
        at: resolved.instant,
        local: danish_time::to_local(resolved.instant),
        scheduled,
        clock: resolved.kind,
    })
}

/// Whether Unilogin works right away or after an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    /// The user already has Unilogin at another institution: it works immediately.
    Immediately,
    /// The user is new to Unilogin: it works after the next import.
    AfterImport,
}

impl Readiness {
    /// The stable key: `immediately` or `after_import`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Immediately => "immediately",
            Self::AfterImport => "after_import",
        }
    }
}

/// The next import after a user's creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextImport {
    /// The instant, in UTC (serialised as RFC 3339 with `Z`).
    pub at: DateTime<Utc>,
    /// The same instant in Danish local time (serialised as RFC 3339 with `+01:00` or `+02:00`).
    pub local: DateTime<FixedOffset>,
    /// The schedule entry that produced it. It differs from the local clock time only for a
    /// time in the hour skipped in spring (`02:30` runs at 03:30 CEST).
    pub scheduled: TimeOfDay,
    /// Whether the scheduled time was normal, skipped (spring) or repeated (autumn) that day.
    pub clock: ClockKind,
}

/// When a user can expect Unilogin to work: the result of [`ProvisioningPolicy::estimate`].
///
/// JSON form (times RFC 3339; UTC with `Z`):
/// `{"created_at", "readiness": "after_import" | "immediately", "next_import": {"at", "local",
/// "scheduled", "clock"} | null, "typical_ready", "latest_ready"}`.
/// Invariants: `created_at` ≤ `typical_ready` ≤ `latest_ready`, and after an import also
/// `created_at` < `next_import.at` ≤ `typical_ready`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// When the user was created in the administrative system.
    pub created_at: DateTime<Utc>,
    /// Immediately, or after an import.
    pub readiness: Readiness,
    /// The next import after creation; `None` when Unilogin works immediately (and, beyond the
    /// year 262 000, when no import time is representable).
    pub next_import: Option<NextImport>,
    /// By when the user typically can use Unilogin.
    pub typical_ready: DateTime<Utc>,
    /// By when the user at the latest can use Unilogin.
    pub latest_ready: DateTime<Utc>,
}

impl Estimate {
    /// Where the user stands at `now`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::provisioning::{ProvisioningPolicy, Status};
    /// let created = Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap();
    /// let e = ProvisioningPolicy::default().estimate(created, false);
    /// let at = |d, h| e.status(Utc.with_ymd_and_hms(2025, 1, d, h, 0, 0).unwrap());
    /// assert_eq!(at(15, 8), Status::NotCreatedYet);
    /// assert_eq!(at(15, 9), Status::AwaitingImport);
    /// assert_eq!(at(16, 1), Status::Imported);
    /// assert_eq!(at(16, 9), Status::ShouldWork);
    /// assert_eq!(at(18, 1), Status::Overdue);
    /// ```
    pub fn status(&self, now: DateTime<Utc>) -> Status {
        if now < self.created_at {
            return Status::NotCreatedYet;
        }
        if self.readiness == Readiness::Immediately {
            return Status::ShouldWork;
        }
        match self.next_import {
            Some(next) if now < next.at => Status::AwaitingImport,
            None => Status::AwaitingImport,
            Some(_) if now < self.typical_ready => Status::Imported,
            Some(_) if now < self.latest_ready => Status::ShouldWork,
            Some(_) => Status::Overdue,
        }
    }

    /// A one-paragraph explanation in Danish and English, with times in Danish local time.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::provisioning::ProvisioningPolicy;
    /// use unilogin::Lang;
    /// let created = Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap();
    /// let text = ProvisioningPolicy::default().estimate(created, false).summary();
    /// assert_eq!(
    ///     text.get(Lang::Da),
    ///     "Brugeren kommer med i næste import fra administrationssystemet den 16.01.2025 kl. \
    ///      02:00 (dansk tid). Unilogin virker typisk fra den 16.01.2025 kl. 10:00 og senest \
    ///      fra den 18.01.2025 kl. 02:00."
    /// );
    /// assert!(text.get(Lang::En).ends_with(
    ///     "Unilogin should typically work on 16 January 2025 at 10:00, and at the latest on \
    ///      18 January 2025 at 02:00."
    /// ));
    /// let moved = ProvisioningPolicy::default().estimate(created, true).summary();
    /// assert!(moved.get(Lang::En).starts_with("The user already has Unilogin"));
    /// ```
    pub fn summary(&self) -> Localized {
        if self.readiness == Readiness::Immediately {
            return Localized::new(
                "Brugeren har allerede Unilogin på en anden institution, så det virker med det \
                 samme på den nye institution.",
                "The user already has Unilogin at another institution, so it works immediately \
                 at the new one.",
            );
        }
        let typical_da = local_text(self.typical_ready, Lang::Da);
        let typical_en = local_text(self.typical_ready, Lang::En);
        let latest_da = local_text(self.latest_ready, Lang::Da);
        let latest_en = local_text(self.latest_ready, Lang::En);
        let (import_da, import_en) = match self.next_import {
            Some(next) => {
                let mut da = format!(
                    "Brugeren kommer med i næste import fra administrationssystemet {} (dansk tid).",
                    local_text(next.at, Lang::Da)
                );
                let mut en = format!(
                    "The user is included in the next import from the administrative system {} \
                     (Danish time).",
                    local_text(next.at, Lang::En)
                );
                match next.clock {
                    ClockKind::Normal => {}
                    ClockKind::Skipped => {
                        let _ = write!(
                            da,
                            " Importen kl. {} kører kl. {} den dag, fordi uret springer en time \
                             frem (sommertid begynder).",
                            next.scheduled,
                            clock(next.at)
                        );
                        let _ = write!(
                            en,
                            " The {} import runs at {} that day because the clocks go forward \
                             an hour (summer time begins).",
                            next.scheduled,
                            clock(next.at)
                        );
                    }
                    ClockKind::Repeated => {
                        da.push_str(
                            " Uret stilles en time tilbage den nat (sommertid slutter); importen \
                             kører første gang klokken viser tidspunktet.",
                        );
                        en.push_str(
                            " The clocks go back an hour that night (summer time ends); the \
                             import runs the first time the clock shows its time.",
                        );
                    }
                }
                (da, en)
            }
            None => (String::new(), String::new()),
        };
        let da = format!(
            "{import_da} Unilogin virker typisk fra {typical_da} og senest fra {latest_da}."
        );
        let en = format!(
            "{import_en} Unilogin should typically work {typical_en}, and at the latest \
             {latest_en}."
        );
        Localized::new(da.trim_start(), en.trim_start())
    }

    /// Where the rules behind the estimate come from.
    pub fn source() -> &'static str {
        SOURCE
    }
}

/// `HH:MM` of `instant` in Danish local time.
fn clock(instant: DateTime<Utc>) -> String {
    let local = danish_time::local_naive(instant.naive_utc()).unwrap_or(instant.naive_utc());
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// "den 16.01.2025 kl. 10:00" / "on 16 January 2025 at 10:00", in Danish local time.
fn local_text(instant: DateTime<Utc>, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let local = danish_time::local_naive(instant.naive_utc()).unwrap_or(instant.naive_utc());
    let (d, m, y) = (local.day(), local.month(), local.year());
    let hm = format!("{:02}:{:02}", local.hour(), local.minute());
    match lang {
        Lang::Da => format!("den {d:02}.{m:02}.{y} kl. {hm}"),
        Lang::En => {
            let month = MONTHS
                .get(usize::try_from(m).unwrap_or(1).saturating_sub(1))
                .copied()
                .unwrap_or_default();
            format!("on {d} {month} {y} at {hm}")
        }
    }
}

/// Where a new user stands at a given moment, from [`Estimate::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// `now` is before the creation time.
    NotCreatedYet,
    /// Created, but the next import has not run yet.
    AwaitingImport,
    /// The import has run; Unilogin typically works by the typical ready time.
    Imported,
    /// Unilogin should work now (rarely it takes until the latest ready time). Also the status
    /// of a user who already had Unilogin.
    ShouldWork,
    /// Past the latest ready time: something is wrong.
    Overdue,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Self; 5] = [
        Self::NotCreatedYet,
        Self::AwaitingImport,
        Self::Imported,
        Self::ShouldWork,
        Self::Overdue,
    ];

    /// The stable key, e.g. `awaiting_import`.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotCreatedYet => "not_created_yet",
            Self::AwaitingImport => "awaiting_import",
            Self::Imported => "imported",
            Self::ShouldWork => "should_work",
            Self::Overdue => "overdue",
        }
    }

    /// What the status means and what to do, in Danish and English.
    pub fn advice(self) -> Localized {
        let (da, en) = match self {
            Self::NotCreatedYet => (
                "Brugeren er endnu ikke oprettet i administrationssystemet.",
                "The user has not been created in the administrative system yet.",
            ),
            Self::AwaitingImport => (
                "Brugeren venter på næste import til Unilogin. Vent til efter importen.",
                "The user is waiting for the next import into Unilogin. Wait until after the \
                 import.",
            ),
            Self::Imported => (
                "Importen har kørt. Unilogin virker typisk inden for ca. et døgn fra \
                 oprettelsen; aktivér derefter Unilogin med MitID.",
                "The import has run. Unilogin typically works within about a day of creation; \
                 then activate Unilogin with MitID.",
            ),
            Self::ShouldWork => (
                "Unilogin bør virke nu: aktivér det via 'Få mit eller mit barns brugernavn'. I \
                 sjældne tilfælde tager det op til to døgn efter importen.",
                "Unilogin should work now: activate it via 'Få mit eller mit barns brugernavn' \
                 (get my or my child's username). Rarely it takes up to two days after the \
                 import.",
            ),
            Self::Overdue => (
                "Unilogin burde virke nu. Bed institutionens brugeradministrator om at kontrollere, \
                 at brugeren er oprettet korrekt i administrationssystemet.",
                "Unilogin should work by now. Ask the institution's user administrator to check \
                 that the user is registered correctly in the administrative system.",
            ),
        };
        Localized::new(da, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn json_shape() {
        let e = ProvisioningPolicy::default().estimate(utc(2025, 3, 29, 12, 0), false);
        assert_eq!(
            serde_json::to_value(e).unwrap(),
            serde_json::json!({
                "created_at": "2025-03-29T12:00:00Z",
                "readiness": "after_import",
                "next_import": {
                    "at": "2025-03-30T01:00:00Z",
                    "local": "2025-03-30T03:00:00+02:00",
                    "scheduled": "02:00",
                    "clock": "skipped"
                },
                "typical_ready": "2025-03-30T12:00:00Z",
                "latest_ready": "2025-04-01T01:00:00Z"
            })
        );
        let back: Estimate = serde_json::from_value(serde_json::to_value(e).unwrap()).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn policy_json_round_trip() {
        let p = ProvisioningPolicy::default();
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "schedule": ["02:00"],
                "typical_hours_after_creation": 24,
                "latest_hours_after_import": 48
            })
        );
        assert_eq!(
            serde_json::from_value::<ProvisioningPolicy>(json).unwrap(),
            p
        );
        assert!(serde_json::from_str::<ProvisioningPolicy>(r#"{"lag": 1}"#).is_err());
    }

    #[test]
    fn status_keys_match_serde() {
        for s in Status::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.key());
            assert_ne!(s.advice().da, "");
        }
        for r in [Readiness::Immediately, Readiness::AfterImport] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.key());
        }
        for c in [ClockKind::Normal, ClockKind::Skipped, ClockKind::Repeated] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.key());
        }
    }

    #[test]
    fn extremes_saturate_without_panicking() {
        let policy = ProvisioningPolicy {
            typical_hours_after_creation: u16::MAX,
            latest_hours_after_import: u16::MAX,
            ..ProvisioningPolicy::default()
        };
        for created in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let e = policy.estimate(created, false);
            assert!(e.typical_ready >= e.created_at);
            assert!(e.latest_ready >= e.typical_ready);
            let _ = serde_json::to_string(&e).unwrap();
            let _ = e.summary();
            let _ = e.status(created);
        }
    }

    #[test]
    fn summaries_mention_the_clock_changes() {
        let spring = ProvisioningPolicy::with_schedule("02:30".parse().unwrap())
            .estimate(utc(2025, 3, 29, 12, 0), false)
            .summary();
        assert!(
            spring.da.contains("Importen kl. 02:30 kører kl. 03:30"),
            "{}",
            spring.da
        );
        let autumn = ProvisioningPolicy::default()
            .estimate(utc(2025, 10, 25, 12, 0), false)
            .summary();
        assert!(autumn.en.contains("clocks go back"), "{}", autumn.en);
        assert!(
            autumn.en.contains("on 26 October 2025 at 02:00"),
            "{}",
            autumn.en
        );
    }
}
