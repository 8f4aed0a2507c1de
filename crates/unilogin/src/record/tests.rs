//! The record machinery on its own, with a small field set that keeps every default of
//! [`Field`] (the record kinds all override some): indexes, column names, the rule that a blank
//! value never replaces a non-blank one, and the kinds' pair validation. These pin down what
//! the mutation run found no test for (`docs/mutation-testing.md`).

use super::raw::RawRecord;
use super::{Field, RecordKind};
use crate::ValidationPolicy;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toy {
    A,
    B,
    C,
}

impl Field for Toy {
    const ALL: &'static [Self] = &[Self::A, Self::B, Self::C];

    fn key(self) -> &'static str {
        match self {
            Self::A => "a_key",
            Self::B => "b_key",
            Self::C => "c_key",
        }
    }
}

#[test]
fn a_field_by_default_has_its_position_and_no_other_names() {
    assert_eq!(
        Toy::ALL.iter().map(|f| f.index()).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    assert!(Toy::ALL.iter().all(|f| f.aliases().is_empty()));
    assert_eq!(Toy::from_column(" B_KEY "), Some(Toy::B));
    assert_eq!(Toy::from_column("\u{feff}c_key"), Some(Toy::C));
    for unknown in ["", "b", "xyzzy", "a_key_2"] {
        assert_eq!(Toy::from_column(unknown), None, "{unknown:?}");
    }
}

#[test]
fn with_sets_one_field_and_leaves_the_others_absent() {
    let raw = RawRecord::<Toy>::new()
        .with(Toy::B, "x")
        .with(Toy::C, String::from("y"));
    assert_eq!(
        Toy::ALL.iter().map(|&f| raw.get(f)).collect::<Vec<_>>(),
        [None, Some("x"), Some("y")]
    );
    // A later value for the same field replaces the earlier one.
    assert_eq!(raw.with(Toy::B, "z").get(Toy::B), Some("z"));
}

#[test]
fn a_blank_column_never_replaces_a_value_another_column_gave() {
    let mut raw = RawRecord::<Toy>::new();
    assert!(raw.set_column("a_key", "101"));
    assert!(raw.set_column("A_KEY", "  "));
    assert_eq!(raw.get(Toy::A), Some("101"));
    // A value replaces a blank one, and a value another value.
    assert!(raw.set_column("b_key", ""));
    assert!(raw.set_column("b_key", "2"));
    assert!(raw.set_column("b_key", "3"));
    assert_eq!(raw.get(Toy::B), Some("3"));
    // An unknown column stores nothing and says so.
    assert!(!raw.set_column("nope", "9"));
    assert_eq!(raw.get(Toy::C), None);
}

#[test]
fn a_row_laid_out_by_column_keeps_the_first_value_over_a_later_blank() {
    let fields = [Some(0), Some(0), None, Some(2), Some(1), Some(1)];
    let values = [
        Some("1"),
        Some(" "),
        Some("ignored"),
        None,
        Some(""),
        Some("b"),
    ];
    let raw = RawRecord::<Toy>::from_indexed_sparse(&fields, values);
    assert_eq!(raw.get(Toy::A), Some("1"));
    assert_eq!(raw.get(Toy::B), Some("b"));
    assert_eq!(raw.get(Toy::C), None);
    let dense = RawRecord::<Toy>::from_indexed(&[Some(2), Some(2)], ["", "c"]);
    assert_eq!(dense.get(Toy::C), Some("c"));
    assert_eq!(dense.get(Toy::A), None);
}

#[test]
fn pairs_validate_to_the_canonical_record_or_every_problem() {
    let valid = [
        ("cvr", "DK 1358 5628"),
        ("p_number", "1029829825"),
        ("institution_name", "Børnehuset Mælkebøtten"),
        ("street", "Nørregade"),
        ("house_number", "12B"),
        ("postal_code", "1165"),
        ("city", "København K"),
        ("municipality", "Københavns Kommune"),
        ("email", "kontakt@maelkeboetten.dk"),
        ("phone", "+45 33 66 33 66"),
        ("legal_basis", "stk. 5"),
        ("institution_type", "6012"),
    ];
    let json = RecordKind::Request.validate_pairs(valid).unwrap();
    assert_eq!(json["cvr"], "13585628");
    // The same record as JSON validates to the same canonical record.
    let object: serde_json::Map<String, serde_json::Value> = valid
        .iter()
        .map(|&(k, v)| (k.to_owned(), v.into()))
        .collect();
    assert_eq!(RecordKind::Request.validate_json(&object).unwrap(), json);
    let bad_checksum = valid.map(|(k, v)| (k, if k == "p_number" { "1029829824" } else { v }));
    let problems = RecordKind::Request
        .validate_pairs(bad_checksum)
        .unwrap_err();
    let types: Vec<&str> = problems.iter().map(|p| p.kind().code()).collect();
    assert_eq!(types, ["p_number_checksum"]);
    // Under a host's policy without the checksum the same pairs are valid.
    let lenient = ValidationPolicy::STIL.with_p_number_checksum(false);
    let json = RecordKind::Request
        .validate_pairs_with(bad_checksum, &lenient)
        .unwrap();
    assert_eq!(json["p_number"], "1029829824");
}

#[test]
fn a_header_looks_like_another_kind_only_when_that_kind_knows_more_than_half_of_it() {
    use RecordKind::{Register, Request, User};
    // One column, the register's own: not a user roster.
    assert_eq!(
        User.header(["anvisningsenhedsNummer"]).looks_like(),
        Some((Register, 1))
    );
    // A kind that knows half of the columns is never questioned, whatever the others know.
    assert_eq!(User.header(["email", "pNummer"]).looks_like(), None);
    // Another kind that knows only half is no reason either ("adresse" is a request field).
    assert_eq!(Register.header(["navn", "adresse"]).looks_like(), None);
    assert!(Request.header(["navn", "adresse"]).looks_like().is_none());
    // Only the first columns are compared.
    let mut wide = vec!["anvisningsenhedsNummer"; super::Header::KIND_SAMPLE];
    wide.extend(["email"; 1000]);
    assert_eq!(
        User.header(wide).looks_like(),
        Some((Register, super::Header::KIND_SAMPLE))
    );
}
