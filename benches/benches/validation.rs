//! Validation throughput of the core on the generated corpus (see `unilogin_benches`).
//!
//! Groups:
//! - `request`: institution-number requests, from `(&str, &str)` pairs to a validated request;
//! - `register`: Dagtilbudsregisteret rows (the register's column names) likewise;
//! - `request_fields`: each request field's parser alone over its corpus column;
//! - `identifiers`: single-value parses, for context.
//!
//! Every record benchmark runs over a fixed batch of [`ROWS`] records per iteration and reports
//! elements (records) per second. `mixed` is the corpus as generated (about 10 % of the rows
//! with one or two errors); `valid` keeps only the rows meant to validate. `from_pairs+validate`
//! is the end-to-end cost a host pays per record; `from_pairs` and `validate` split it.
//!
//! Run with `cargo bench -p unilogin-benches`; `cargo test -p unilogin-benches --benches` runs
//! every benchmark once as a smoke test.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks are not library code: a broken setup should stop the run loudly"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use unilogin::identifiers::{
    City, Cvr, Email, HouseNumber, InstitutionName, Municipality, PNumber, PhoneNumber, PostalCode,
    Street,
};
use unilogin::record::{Field, RawRecord};
use unilogin::{InstitutionNumberRequest, InstitutionType, LegalBasis, Problems, RegisterRecord};
use unilogin_benches::{columns, generate, Corpus, GeneratedRow, DEFAULT_SEED};

/// Records per benchmark iteration.
const ROWS: usize = 1_000;

/// Short enough that the whole run takes well under two minutes on two cores.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1_500))
        .sample_size(30)
}

/// Records borrowed as `(column, value)` pairs.
type Rows<'a> = Vec<Vec<(&'a str, &'a str)>>;

/// A field and its parser, returning whether the value is valid.
type Parser = (&'static str, fn(&str) -> bool);

/// A named single-value parse: (benchmark name, input, parse returning whether it is valid).
type Case = (&'static str, &'static str, fn(&str) -> bool);

/// The corpus borrowed as `(&str, &str)` pairs: all rows, and the rows meant to validate.
fn borrowed(rows: &[GeneratedRow]) -> (Rows<'_>, Rows<'_>) {
    let all = rows.iter().map(|r| r.str_pairs().collect()).collect();
    let valid = rows
        .iter()
        .filter(|r| r.is_valid())
        .map(|r| r.str_pairs().collect())
        .collect();
    (all, valid)
}

fn elements(rows: &[Vec<(&str, &str)>]) -> Throughput {
    Throughput::Elements(u64::try_from(rows.len()).unwrap())
}

/// The four record benchmarks of one kind: end to end on mixed and valid rows, and the two
/// halves on mixed rows.
fn record_benches<F: Field, T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    rows: &[GeneratedRow],
    validate: fn(&RawRecord<'_, F>) -> Result<T, Problems>,
) {
    let (all, valid) = borrowed(rows);
    for (label, set) in [("mixed", &all), ("valid", &valid)] {
        group.throughput(elements(set));
        group.bench_function(format!("from_pairs+validate/{label}"), |b| {
            b.iter(|| {
                for row in set {
                    let raw = RawRecord::<F>::from_pairs(black_box(row).iter().copied());
                    black_box(validate(&raw).is_ok());
                }
            });
        });
    }
    group.throughput(elements(&all));
    group.bench_function("from_pairs/mixed", |b| {
        b.iter(|| {
            for row in &all {
                black_box(RawRecord::<F>::from_pairs(black_box(row).iter().copied()));
            }
        });
    });
    let built: Vec<RawRecord<'_, F>> = all
        .iter()
        .map(|row| RawRecord::from_pairs(row.iter().copied()))
        .collect();
    group.bench_function("validate/mixed", |b| {
        b.iter(|| {
            for raw in &built {
                black_box(validate(black_box(raw)).is_ok());
            }
        });
    });
}

/// The way files are checked: the header resolved once, each row matched by position and
/// checked through the name-dispatched API that the command uses (problems only, no JSON of
/// valid records).
fn header_bench(group: &mut BenchmarkGroup<'_, WallTime>, corpus: Corpus, rows: &[GeneratedRow]) {
    let kind = corpus.record_kind();
    let header = kind.header(columns(corpus));
    let table: Vec<Vec<&str>> = rows
        .iter()
        .map(|row| row.pairs.iter().map(|(_, v)| v.as_str()).collect())
        .collect();
    group.throughput(elements_of(table.len()));
    group.bench_function("header_row+check/mixed", |b| {
        b.iter(|| {
            for values in &table {
                black_box(
                    kind.check_row(&header, black_box(values).iter().copied())
                        .is_empty(),
                );
            }
        });
    });
}

fn elements_of(n: usize) -> Throughput {
    Throughput::Elements(u64::try_from(n).unwrap())
}

fn requests(c: &mut Criterion) {
    let rows = generate(Corpus::Request, ROWS, DEFAULT_SEED);
    let mut group = c.benchmark_group("request");
    record_benches(&mut group, &rows, InstitutionNumberRequest::validate);
    header_bench(&mut group, Corpus::Request, &rows);
    group.finish();
}

fn register(c: &mut Criterion) {
    let rows = generate(Corpus::Register, ROWS, DEFAULT_SEED);
    let mut group = c.benchmark_group("register");
    record_benches(&mut group, &rows, RegisterRecord::validate);
    header_bench(&mut group, Corpus::Register, &rows);
    group.finish();
}

/// Each request field's parser alone over that column of the corpus (blank values, which the
/// record reports as missing without parsing, left out): where the time of `validate` goes.
fn request_fields(c: &mut Criterion) {
    let rows = generate(Corpus::Request, ROWS, DEFAULT_SEED);
    let mut group = c.benchmark_group("request_fields");
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    let parsers: [Parser; 12] = [
        ("cvr", |s| Cvr::parse(s).is_ok()),
        ("p_number", |s| PNumber::parse(s).is_ok()),
        ("institution_name", |s| InstitutionName::parse(s).is_ok()),
        ("street", |s| Street::parse(s).is_ok()),
        ("house_number", |s| HouseNumber::parse(s).is_ok()),
        ("postal_code", |s| PostalCode::parse(s).is_ok()),
        ("city", |s| City::parse(s).is_ok()),
        ("municipality", |s| Municipality::parse(s).is_ok()),
        ("email", |s| Email::parse(s).is_ok()),
        ("phone", |s| PhoneNumber::parse(s).is_ok()),
        ("legal_basis", |s| LegalBasis::parse_accepted(s).is_ok()),
        ("institution_type", |s| {
            InstitutionType::parse_accepted(s).is_ok()
        }),
    ];
    for (column, parse) in parsers {
        let values: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.pairs.iter().find(|(k, _)| k == column))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
            .collect();
        group.throughput(Throughput::Elements(u64::try_from(values.len()).unwrap()));
        group.bench_function(column, |b| {
            b.iter(|| {
                for v in &values {
                    black_box(parse(black_box(v)));
                }
            });
        });
    }
    group.finish();
}

fn identifiers(c: &mut Criterion) {
    let mut group = c.benchmark_group("identifiers");
    group.throughput(Throughput::Elements(1));
    group.measurement_time(Duration::from_secs(1));
    let cases: [Case; 11] = [
        ("cvr/plain", "13585628", |s| Cvr::parse(s).is_ok()),
        ("cvr/messy", "DK-13 58 56 28", |s| Cvr::parse(s).is_ok()),
        ("p_number/plain", "1029829825", |s| {
            PNumber::parse(s).is_ok()
        }),
        ("municipality/official", "København", |s| {
            Municipality::parse(s).is_ok()
        }),
        ("municipality/ascii_kommune", "Koebenhavns Kommune", |s| {
            Municipality::parse(s).is_ok()
        }),
        ("municipality/last_in_table", "Hjørring", |s| {
            Municipality::parse(s).is_ok()
        }),
        ("municipality/code", "0101", |s| {
            Municipality::parse(s).is_ok()
        }),
        ("municipality/typo_suggestion", "Kobenhvn", |s| {
            Municipality::parse(s).is_ok()
        }),
        ("phone/spaced", "33 66 33 66", |s| {
            PhoneNumber::parse(s).is_ok()
        }),
        ("phone/plus45", "+4533663366", |s| {
            PhoneNumber::parse(s).is_ok()
        }),
        ("phone/multiple", "33663366 / 40404040", |s| {
            PhoneNumber::parse(s).is_ok()
        }),
    ];
    for (name, input, parse) in cases {
        group.bench_function(name, |b| b.iter(|| parse(black_box(input))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = requests, register, request_fields, identifiers
}
criterion_main!(benches);
