//! Password expiry: the shared vectors and properties.
#![cfg(test)]

mod support;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use unilogin::credentials::expiry::{
    ExpiryPolicy, ExpiryReason, ExpiryStatus, PasswordExpiry, SchoolYearStart,
};
use unilogin::people::{Grade, GradeBand, Role, UserGroup};

use support::vectors;

fn date(v: &Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn expiry_vectors() {
    let text = std::fs::read_to_string(vectors().join("expiry.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 1);
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let label = case["name"].as_str().unwrap();
        let policy: ExpiryPolicy = case
            .get("policy")
            .map(|p| serde_json::from_value(p.clone()).unwrap())
            .unwrap_or_default();
        let last = time(&case["last_change"]);
        let got = match (case.get("grade"), case.get("group"), case.get("role")) {
            (Some(g), None, None) => {
                let grade = Grade::new(u8::try_from(g.as_u64().unwrap()).unwrap()).unwrap();
                PasswordExpiry::for_pupil(grade, date(&case["on"]), last, &policy)
            }
            (None, Some(g), None) => {
                let group = UserGroup::from_key(g.as_str().unwrap()).unwrap();
                let band = case.get("band_changed_on").map(date);
                PasswordExpiry::for_group(group, last, band, &policy)
            }
            (None, None, Some(r)) => {
                let role: Role = serde_json::from_value(r.clone()).unwrap();
                PasswordExpiry::for_role(role, date(&case["on"]), last, &policy)
            }
            _ => panic!("{label}: give one of grade, group, role"),
        };
        assert_eq!(
            serde_json::to_value(got).unwrap(),
            case["expect"],
            "{label}"
        );
        let back: PasswordExpiry = serde_json::from_value(case["expect"].clone()).unwrap();
        assert_eq!(back, got, "{label}: round trip");
        for pair in case["status"].as_array().unwrap() {
            let now = time(&pair[0]);
            assert_eq!(json!(got.status(now)), pair[1], "{label}: status at {now}");
        }
    }
}

// ---- properties ------------------------------------------------------------------------

fn some_date() -> impl Strategy<Value = NaiveDate> {
    // 1990–2060.
    (0..25_567_i64).prop_map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(d))
}

fn some_time() -> impl Strategy<Value = DateTime<Utc>> {
    (0..2_208_988_800_i64)
        .prop_map(|s| Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap() + Duration::seconds(s))
}

fn policy() -> impl Strategy<Value = ExpiryPolicy> {
    (1..60_u32, 1..800_u32, 0..90_u32, 1..=12_u32, 1..=28_u32).prop_map(
        |(band_change_days, yearly_days, warn_days, month, day)| ExpiryPolicy {
            band_change_days,
            yearly_days,
            warn_days,
            school_year_start: SchoolYearStart::new(month, day).unwrap(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Status moves ok → warn → expired as time passes, never back; the warning starts at or
    /// before the deadline and never before the obligation began.
    #[test]
    fn status_is_monotone_and_warning_precedes_deadline(
        grade in 0..=10_u8,
        on in some_date(),
        last in some_time(),
        policy in policy(),
        times in proptest::collection::vec(some_time(), 1..12),
    ) {
        let e = PasswordExpiry::for_pupil(Grade::new(grade).unwrap(), on, last, &policy);
        let mut times = times;
        times.sort();
        let rank = |s| match s { ExpiryStatus::Ok => 0, ExpiryStatus::Warn => 1, ExpiryStatus::Expired => 2 };
        let ranks: Vec<_> = times.iter().map(|&t| rank(e.status(t))).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        match (e.must_change_by, e.warn_from) {
            (Some(must), Some(warn)) => {
                prop_assert!(warn <= must);
                let start = match e.reason {
                    ExpiryReason::BandChange { changed_on, .. } => changed_on.and_hms_opt(0, 0, 0).unwrap().and_utc(),
                    ExpiryReason::Yearly => last,
                    ExpiryReason::UntilBandChange { .. } => panic!("a deadline without a reason"),
                };
                prop_assert!(warn >= start);
                prop_assert_eq!(e.status(must), ExpiryStatus::Expired);
            }
            (None, None) => {
                prop_assert!(matches!(e.reason, ExpiryReason::UntilBandChange { .. }), "{:?}", e.reason);
                prop_assert!(grade <= 6);
            }
            other => panic!("deadline and warning disagree: {other:?}"),
        }
    }

    /// Band changes are school-year starts: the last one on or before `on`, the next one after,
    /// the right number of years apart for the grade.
    #[test]
    fn band_changes_are_school_year_starts(grade in 0..=10_u8, on in some_date(), policy in policy()) {
        let g = Grade::new(grade).unwrap();
        let start = policy.school_year_start;
        if let Some(changed) = policy.band_changed_on(g, on) {
            prop_assert!(changed <= on);
            prop_assert_eq!((changed.month(), changed.day()), (start.month(), start.day()));
            let entry = if g.band() == GradeBand::Mellemtrin { 4 } else { 7 };
            prop_assert_eq!(start.school_year_of(on) - changed.year(), i32::from(grade - entry));
        } else {
            prop_assert_eq!(g.band(), GradeBand::Indskoling);
        }
        if let Some(next) = policy.next_band_change(g, on) {
            prop_assert!(next > on);
            prop_assert_eq!((next.month(), next.day()), (start.month(), start.day()));
        } else {
            prop_assert_eq!(g.band(), GradeBand::Udskoling);
        }
    }

    /// The rules as stated: yearly groups by 365 days; a pupil whose password predates the
    /// band change must change within 30 days of it; one who changed since has the yearly rule
    /// (udskoling) or none (mellemtrin).
    #[test]
    fn the_rules_as_stated(grade in 4..=10_u8, on in some_date(), last in some_time()) {
        let policy = ExpiryPolicy::STIL;
        let g = Grade::new(grade).unwrap();
        let e = PasswordExpiry::for_pupil(g, on, last, &policy);
        let changed = policy.band_changed_on(g, on).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        if last < changed {
            prop_assert_eq!(e.must_change_by, Some(changed + Duration::days(30)));
        } else if g.band() == GradeBand::Udskoling {
            prop_assert_eq!(e.must_change_by, Some(last + Duration::days(365)));
        } else {
            prop_assert_eq!(e.must_change_by, None);
        }
        for group in [UserGroup::YouthEducation, UserGroup::Employee, UserGroup::Parent] {
            let e = PasswordExpiry::for_group(group, last, Some(on), &policy);
            prop_assert_eq!(e.must_change_by, Some(last + Duration::days(365)));
            prop_assert_eq!(e.warn_from, Some(last + Duration::days(365 - 14)));
        }
    }

    /// No input panics, however far out, and every result survives JSON.
    #[test]
    fn no_input_panics(
        grade in 0..=10_u8,
        on_days in any::<i32>(),
        last_secs in any::<i64>(),
        now_secs in any::<i64>(),
        days in any::<(u32, u32, u32)>(),
        month in any::<u32>(),
        day in any::<u32>(),
    ) {
        let on = NaiveDate::from_num_days_from_ce_opt(on_days).unwrap_or(NaiveDate::MAX);
        let at = |s: i64| DateTime::from_timestamp(s / 1000, 0).unwrap_or(DateTime::<Utc>::MIN_UTC);
        let policy = ExpiryPolicy {
            band_change_days: days.0,
            yearly_days: days.1,
            warn_days: days.2,
            school_year_start: SchoolYearStart::new(month, day).unwrap_or_default(),
        };
        let e = PasswordExpiry::for_pupil(Grade::new(grade).unwrap(), on, at(last_secs), &policy);
        let _ = e.status(at(now_secs));
        let back: PasswordExpiry = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        prop_assert_eq!(back, e);
    }
}
