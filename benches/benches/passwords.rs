//! Password checks (`unilogin::credentials::check::check_password`) for a pupil in udskoling,
//! against the target of under 2 µs per check of a 24-character candidate on one core.
//!
//! Benchmarks (group `password_check`, one check per iteration):
//! - `valid_24`: a 24-character password that meets every rule (the whole common-password
//!   look-up runs and finds nothing), with the user's names and no history;
//! - `common_24`: a 24-character password containing a common password (`password`);
//! - `danish_24`: a valid 24-character password with æ, ø and å (both folds are built);
//! - `valid_24_history5`: `valid_24` against five stored `sha256$…` history entries, to show
//!   what the history adds (five salted SHA-256 hashes).
//!
//! Before criterion starts, the first check (which builds the common-password tables once) is
//! timed and printed.
//!
//! Run with `cargo bench -p unilogin-benches --bench passwords`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks are not library code: a broken setup should stop the run loudly"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unilogin::credentials::check::{
    check_password, HashedPassword, PasswordContext, PasswordPolicy,
};
use unilogin::people::UserGroup;

const VALID: &str = "Hestesko-Bilvask-Tavle12";
const COMMON: &str = "Password-Hestesko-Bil-12";
const DANISH: &str = "Blåbærgrød-Øllebrød-1234";
const NAMES: [&str; 1] = ["Søren Aabye Kierkegaard"];

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30)
}

fn checks(c: &mut Criterion) {
    for p in [VALID, COMMON, DANISH] {
        assert_eq!(p.chars().count(), 24, "{p}");
    }
    let group = UserGroup::Udskoling;
    let policy = PasswordPolicy::stil(group);
    let context = PasswordContext::new(group).with_names(&NAMES);

    let start = Instant::now();
    let first = check_password(VALID, &context, &policy).unwrap();
    eprintln!(
        "first check, including building the common-password tables: {:?}",
        start.elapsed()
    );
    assert!(first.is_ok());
    assert!(!check_password(COMMON, &context, &policy).unwrap().is_ok());
    assert!(check_password(DANISH, &context, &policy).unwrap().is_ok());

    let history: Vec<HashedPassword> = (1..=5_u8)
        .map(|i| HashedPassword::with_salt(&format!("Gammel-Kode-{i}"), [i; 16]))
        .collect();
    let with_history = context.with_history(&history);
    assert!(check_password(VALID, &with_history, &policy)
        .unwrap()
        .is_ok());

    let mut group = c.benchmark_group("password_check");
    group.throughput(Throughput::Elements(1));
    for (name, password, context) in [
        ("valid_24", VALID, &context),
        ("common_24", COMMON, &context),
        ("danish_24", DANISH, &context),
        ("valid_24_history5", VALID, &with_history),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| check_password(black_box(password), context, &policy).map(|r| r.is_ok()));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = checks
}
criterion_main!(benches);
