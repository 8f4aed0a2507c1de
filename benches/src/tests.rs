//! The corpus validates exactly as intended, is deterministic, and is written as CSV correctly.

use std::collections::BTreeSet;

use unilogin::identifiers::{Cvr, Municipality, PNumber};
use unilogin::{InstitutionNumberRequest, Problems, RawRegisterRow, RawRequest, RegisterRecord};

use super::*;
use crate::identifiers::corrupt_digit;

const ROWS: usize = 5_000;

fn problem_set(problems: &Problems) -> BTreeSet<(String, String)> {
    problems
        .iter()
        .map(|p| {
            // A ten-digit P-number failing its checksum whose first six digits are a date is
            // reported as a CPR number in the wrong field (issue 12 item 8) instead.
            let code = match (p.loc().to_string().as_str(), p.kind().code()) {
                ("p_number", "cpr_in_wrong_field") => "p_number_checksum",
                (_, code) => code,
            };
            (p.loc().to_string(), code.to_owned())
        })
        .collect()
}

fn fault_set(row: &GeneratedRow) -> BTreeSet<(String, String)> {
    row.faults
        .iter()
        .map(|f| (f.key.to_owned(), f.code.to_owned()))
        .collect()
}

fn check_corpus(kind: Corpus, validate: impl Fn(&GeneratedRow) -> Result<(), Problems>) {
    let rows = generate(kind, ROWS, DEFAULT_SEED);
    let mut faulty = 0;
    for (i, row) in rows.iter().enumerate() {
        match validate(row) {
            Ok(()) => assert!(row.is_valid(), "row {i} should fail: {row:?}"),
            Err(problems) => {
                assert!(
                    !row.is_valid(),
                    "row {i} should pass: {row:?}\n{problems:?}"
                );
                assert_eq!(problem_set(&problems), fault_set(row), "row {i}: {row:?}");
                faulty += 1;
            }
        }
    }
    // About FAULT_PERCENT % of the rows are faulty.
    assert!(
        (ROWS * 7 / 100..ROWS * 13 / 100).contains(&faulty),
        "{faulty}"
    );
}

#[test]
fn requests_validate_exactly_as_intended() {
    check_corpus(Corpus::Request, |row| {
        InstitutionNumberRequest::validate(&RawRequest::from_pairs(row.str_pairs())).map(drop)
    });
}

#[test]
fn register_rows_validate_exactly_as_intended() {
    check_corpus(Corpus::Register, |row| {
        RegisterRecord::validate(&RawRegisterRow::from_pairs(row.str_pairs())).map(drop)
    });
}

#[test]
fn both_fault_counts_occur() {
    let rows = generate(Corpus::Register, ROWS, DEFAULT_SEED);
    assert!(rows.iter().any(|r| r.faults.len() == 1));
    assert!(rows.iter().any(|r| r.faults.len() == 2));
    assert!(rows.iter().all(|r| r.faults.len() <= 2));
}

#[test]
fn generated_identifiers_are_valid() {
    let mut rng = SplitMix64::new(7);
    for _ in 0..10_000 {
        let cvr = valid_cvr(&mut rng);
        assert!(Cvr::parse(&cvr).is_ok(), "{cvr}");
        let p = valid_p_number(&mut rng);
        assert!(p.starts_with("10") && p.parse::<u64>().unwrap() > 1_006_959_421);
        assert!(PNumber::parse(&p).is_ok(), "{p}");
        assert!(Cvr::parse(&corrupt_digit(&mut rng, &cvr, 1)).is_err());
        assert!(PNumber::parse(&corrupt_digit(&mut rng, &p, 9)).is_err());
    }
}

#[test]
fn every_municipality_spelling_parses() {
    let all = municipalities();
    assert_eq!(all.len(), 98);
    for (code, name) in all {
        for form in municipality_spellings(code, name) {
            assert_eq!(
                Municipality::parse(&form).map(Municipality::code),
                Ok(code),
                "{form}"
            );
        }
    }
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(requests(200, 1), requests(200, 1));
    assert_ne!(requests(200, 1), requests(200, 2));
    assert_eq!(register_rows(200, 1), register_rows(200, 1));
}

#[test]
fn a_smaller_corpus_is_a_prefix_of_a_larger_one() {
    // The benchmarks use the first rows of what `gen_corpus` writes for the same seed.
    for kind in [Corpus::Request, Corpus::Register] {
        let large = generate(kind, 300, DEFAULT_SEED);
        assert_eq!(generate(kind, 100, DEFAULT_SEED), large[..100]);
    }
}

#[test]
fn register_columns_are_the_registers() {
    let ignored = ["geoBredde", "geoLaengde", "aktivitetsstatus"];
    for column in REGISTER_COLUMNS {
        assert_eq!(
            field_key(Corpus::Register, column).is_none(),
            ignored.contains(&column),
            "{column}"
        );
    }
    for column in REQUEST_COLUMNS {
        assert_eq!(field_key(Corpus::Request, column), Some(column));
    }
}

#[test]
fn csv_quotes_what_needs_quoting() {
    let rows = vec![vec![
        ("cvr".to_owned(), "13585628".to_owned()),
        (
            "legal_basis".to_owned(),
            "Privatinstitution, dagtilbudslovens §19, stk. 5".to_owned(),
        ),
        ("institution_name".to_owned(), "Det \"gule\" hus".to_owned()),
    ]];
    let mut out = Vec::new();
    write_csv(Corpus::Request, &rows, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), REQUEST_COLUMNS.join(","));
    assert_eq!(
        lines.next().unwrap(),
        "13585628,,\"Det \"\"gule\"\" hus\",,,,,,,,\
             \"Privatinstitution, dagtilbudslovens §19, stk. 5\","
    );

    let mut out = Vec::new();
    write_csv(Corpus::Register, &register_rows(5, 3), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 6);
    assert!(text.starts_with("anvisningsenhedsNummer;daginstitutionsNummer;"));
}
