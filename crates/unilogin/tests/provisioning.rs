//! Provisioning: the shared vectors in `tests/vectors/provisioning.json` and property tests.

#![cfg(test)]

mod support;

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use serde_json::Value;
use unilogin::provisioning::danish_time::{self, ClockKind};
use unilogin::provisioning::{
    Estimate, ImportSchedule, ProvisioningPolicy, Readiness, Status, TimeOfDay,
};
use unilogin::Lang;

use support::load;

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn policy_of(case: &Value) -> Result<ProvisioningPolicy, unilogin::Problems> {
    let mut policy = match &case["schedule"] {
        Value::Null => ProvisioningPolicy::default(),
        Value::Array(items) => {
            let strings: Vec<&str> = items.iter().map(|s| s.as_str().unwrap()).collect();
            ProvisioningPolicy::with_schedule(ImportSchedule::parse(&strings)?)
        }
        other => panic!("schedule must be null or a list, not {other}"),
    };
    if let Some(h) = case.get("typical_hours_after_creation") {
        policy.typical_hours_after_creation = u16::try_from(h.as_u64().unwrap()).unwrap();
    }
    if let Some(h) = case.get("latest_hours_after_import") {
        policy.latest_hours_after_import = u16::try_from(h.as_u64().unwrap()).unwrap();
    }
    Ok(policy)
}

fn check_estimate(label: &str, e: &Estimate, want: &Value) {
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["readiness"], want["readiness"], "{label}: readiness");
    match (&e.next_import, &want["next_import"]) {
        (None, Value::Null) => {}
        (Some(next), w) if !w.is_null() => {
            assert_eq!(next.at, time(w), "{label}: next_import");
            if let Some(local) = want.get("local") {
                assert_eq!(
                    next.local.to_rfc3339(),
                    local.as_str().unwrap(),
                    "{label}: local"
                );
            }
            if let Some(s) = want.get("scheduled") {
                assert_eq!(
                    next.scheduled.to_string(),
                    s.as_str().unwrap(),
                    "{label}: scheduled"
                );
            }
            if let Some(c) = want.get("clock") {
                assert_eq!(next.clock.key(), c.as_str().unwrap(), "{label}: clock");
            }
        }
        (got, w) => panic!("{label}: next_import {got:?}, expected {w}"),
    }
    assert_eq!(
        e.typical_ready,
        time(&want["typical_ready"]),
        "{label}: typical_ready"
    );
    assert_eq!(
        e.latest_ready,
        time(&want["latest_ready"]),
        "{label}: latest_ready"
    );
    // The serialised form uses RFC 3339 UTC with `Z`, as the vectors do.
    assert_eq!(
        json["typical_ready"], want["typical_ready"],
        "{label}: typical_ready JSON"
    );
    assert_eq!(
        json["latest_ready"], want["latest_ready"],
        "{label}: latest_ready JSON"
    );
}

#[test]
fn provisioning_vectors() {
    let doc = load("provisioning.json");
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let label = case["name"].as_str().unwrap();
        let created = time(&case["created_at"]);
        let already = case["already_has_unilogin"].as_bool().unwrap();
        match (policy_of(case), case.get("expect"), case.get("errors")) {
            (Ok(policy), Some(want), None) => {
                let e = policy.estimate(created, already);
                check_estimate(label, &e, want);
                for check in case
                    .get("status_at")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let status = e.status(time(&check["now"]));
                    assert_eq!(
                        status.key(),
                        check["status"].as_str().unwrap(),
                        "{label}: status"
                    );
                }
            }
            (Err(problems), None, Some(want)) => {
                let want = want.as_array().unwrap();
                assert_eq!(problems.len(), want.len(), "{label}: {problems:?}");
                for (p, w) in problems.iter().zip(want) {
                    let r = serde_json::to_value(p.rendered(Lang::Da)).unwrap();
                    assert_eq!(r["type"], w["type"], "{label}: type");
                    assert_eq!(r["loc"], w["loc"], "{label}: loc");
                    if let Some(input) = w.get("input") {
                        assert_eq!(&r["input"], input, "{label}: input");
                    }
                    if let Some(msg) = w.get("msg") {
                        assert_eq!(p.message(Lang::Da), msg["da"].as_str().unwrap(), "{label}");
                        assert_eq!(p.message(Lang::En), msg["en"].as_str().unwrap(), "{label}");
                    }
                }
            }
            (got, _, _) => panic!("{label}: got {got:?}"),
        }
    }
}

#[test]
fn vectors_cover_both_changes_and_every_clock_kind() {
    let doc = load("provisioning.json");
    let mut kinds = std::collections::BTreeSet::new();
    for case in doc["cases"].as_array().unwrap() {
        if let Some(c) = case.pointer("/expect/clock") {
            kinds.insert(c.as_str().unwrap().to_owned());
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["normal", "repeated", "skipped"]
    );
}

/// Any instant chrono can represent.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    (min..=max, 0..1_000_000_000_u32)
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap_or(DateTime::<Utc>::MIN_UTC))
}

/// Instants in years 1900–2200, weighted towards the days around the clock changes.
fn realistic_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let plain = (-2_208_988_800_i64..7_258_118_400_i64)
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap());
    let near_change = (1900_i32..2200, any::<bool>(), -3 * 86_400_i64..3 * 86_400).prop_map(
        |(year, spring, delta)| {
            let (start, end) = danish_time::summer_time(year).unwrap();
            (if spring { start } else { end }) + Duration::seconds(delta)
        },
    );
    prop_oneof![plain, near_change]
}

fn any_schedule() -> impl Strategy<Value = ImportSchedule> {
    // Minutes chosen so that the skipped and repeated hours (02:00–02:59) come up often.
    let time = prop_oneof![
        (0_u8..24, 0_u8..60),
        (Just(2_u8), 0_u8..60),
        (Just(3_u8), prop_oneof![Just(0_u8), 0_u8..60]),
    ]
    .prop_map(|(h, m)| TimeOfDay::new(h, m).unwrap());
    prop::collection::vec(time, 1..6).prop_map(|t| ImportSchedule::new(t).unwrap())
}

fn any_policy() -> impl Strategy<Value = ProvisioningPolicy> {
    (any_schedule(), any::<u16>(), any::<u16>()).prop_map(|(schedule, typical, latest)| {
        ProvisioningPolicy {
            schedule,
            typical_hours_after_creation: typical,
            latest_hours_after_import: latest,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_for_any_time_or_schedule(
        created in any_instant(),
        now in any_instant(),
        policy in any_policy(),
        already in any::<bool>(),
    ) {
        let e = policy.estimate(created, already);
        let _ = e.status(now);
        let _ = e.summary();
        let _ = serde_json::to_string(&e).unwrap();
        prop_assert!(e.typical_ready >= e.created_at);
        prop_assert!(e.latest_ready >= e.typical_ready);
    }

    #[test]
    fn parsing_any_string_never_panics(s in "\\PC{0,12}", list in prop::collection::vec("[0-9:. a-z]{0,6}", 0..5)) {
        let _ = TimeOfDay::parse(&s);
        let _ = s.parse::<ImportSchedule>();
        let _ = ImportSchedule::parse(&list);
    }

    #[test]
    fn estimates_keep_their_invariants(
        created in realistic_instant(),
        policy in any_policy(),
    ) {
        let e = policy.estimate(created, false);
        prop_assert_eq!(e.readiness, Readiness::AfterImport);
        let next = e.next_import.expect("an import within two days");
        // Never before creation; ready never before the import.
        prop_assert!(next.at > created);
        prop_assert!(e.typical_ready >= next.at);
        prop_assert!(e.latest_ready >= e.typical_ready);
        prop_assert!(e.typical_ready >= created);
        // The typical time is at most the typical lag after the import.
        prop_assert!(
            e.typical_ready <= next.at + Duration::hours(i64::from(policy.typical_hours_after_creation))
        );
        // With at least one import a day, the next one comes within a day (plus the hour a
        // skipped time may be moved).
        prop_assert!(next.at <= created + Duration::hours(25));
        // The next import is one of the scheduled local times, on its local date.
        prop_assert!(policy.schedule.contains(next.scheduled));
        let local = next.local.naive_local();
        let resolved = danish_time::resolve(local.date(), next.scheduled.to_naive()).unwrap();
        prop_assert_eq!(resolved.instant, next.at);
        prop_assert_eq!(resolved.kind, next.clock);
        let shown = TimeOfDay::new(
            u8::try_from(chrono::Timelike::hour(&local)).unwrap(),
            u8::try_from(chrono::Timelike::minute(&local)).unwrap(),
        ).unwrap();
        if next.clock == ClockKind::Skipped {
            // Read with the winter offset: one hour later by the summer-time clock.
            prop_assert_eq!(local.time(), next.scheduled.to_naive() + Duration::hours(1));
        } else {
            prop_assert_eq!(shown, next.scheduled);
        }
        // No scheduled import lies strictly between creation and the next one.
        let today = local.date() - Duration::days(2);
        for day in today.iter_days().take(4) {
            for t in policy.schedule.times() {
                let r = danish_time::resolve(day, t.to_naive()).unwrap();
                prop_assert!(!(r.instant > created && r.instant < next.at), "{} {} is earlier", day, t);
            }
        }
        // A user who already has Unilogin is ready at creation.
        let moved = policy.estimate(created, true);
        prop_assert!(moved.next_import.is_none());
        prop_assert_eq!(moved.typical_ready, created);
        prop_assert_eq!(moved.status(created), Status::ShouldWork);
    }

    #[test]
    fn local_time_round_trips_outside_the_repeated_hour(instant in realistic_instant()) {
        let local = danish_time::to_local(instant);
        let offset = local.offset().local_minus_utc();
        prop_assert!(offset == 3600 || offset == 7200);
        prop_assert_eq!(offset == 7200, danish_time::is_summer_time(instant));
        let naive = local.naive_local();
        let r = danish_time::resolve(naive.date(), naive.time()).unwrap();
        match r.kind {
            ClockKind::Normal => prop_assert_eq!(r.instant, instant),
            // The second pass through the repeated hour resolves to the first.
            ClockKind::Repeated => prop_assert!(r.instant == instant || r.instant == instant - Duration::hours(1)),
            ClockKind::Skipped => prop_assert!(false, "a shown local time is never skipped"),
        }
    }

    #[test]
    fn status_follows_time(created in realistic_instant(), policy in any_policy(), a in 0_i64..400_000, b in 0_i64..400_000) {
        let e = policy.estimate(created, false);
        let (early, late) = (created + Duration::seconds(a.min(b)), created + Duration::seconds(a.max(b)));
        prop_assert!(e.status(early) <= e.status(late));
    }
}
