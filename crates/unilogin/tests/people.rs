//! Property tests for people: CPR numbers and user roster rows. No input panics the parsers,
//! every valid CPR number round-trips, and no problem or `Debug` output holds a whole CPR number.

#![cfg(test)]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use unilogin::people::{Cpr, RawUserRecord, UserField, UserRecord};
use unilogin::record::{Field, RecordKind};
use unilogin::{ErrorType, Lang};

/// The 7th digits that give `date`'s century for its two-digit year (the CPR office's table).
fn seventh_digits(date: NaiveDate) -> Vec<u32> {
    let year = date.year();
    let yy = year.rem_euclid(100);
    match (year / 100, yy) {
        (19, 37..) => vec![0, 1, 2, 3, 4, 9],
        (19, _) => vec![0, 1, 2, 3],
        (20, ..=36) => vec![4, 5, 6, 7, 8, 9],
        (18 | 20, _) => vec![5, 6, 7, 8],
        _ => Vec::new(),
    }
}

/// A date the century rule can express: 1858-01-01 to 2057-12-31.
fn cpr_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1858, 1, 1)
        .unwrap()
        .num_days_from_ce();
    let last = NaiveDate::from_ymd_opt(2057, 12, 31)
        .unwrap()
        .num_days_from_ce();
    (first..=last).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
}

/// A valid CPR number as its canonical text, with its birth date.
fn valid_cpr() -> impl Strategy<Value = (String, NaiveDate)> {
    (cpr_date(), any::<prop::sample::Index>(), 0..1000_u32).prop_map(|(date, pick, serial)| {
        let digits = seventh_digits(date);
        let seventh = digits[pick.index(digits.len())];
        let text = format!(
            "{:02}{:02}{:02}-{seventh}{serial:03}",
            date.day(),
            date.month(),
            date.year().rem_euclid(100)
        );
        (text, date)
    })
}

/// Ways people write a canonical `DDMMYY-SSSS`.
fn written(canonical: &str, style: u8) -> String {
    let (date, serial) = canonical.split_once('-').unwrap();
    match style % 4 {
        0 => canonical.to_owned(),
        1 => format!("{date}{serial}"),
        2 => format!(" {date} {serial} "),
        _ => format!(
            "{} {} {} - {} {}",
            &date[..2],
            &date[2..4],
            &date[4..],
            &serial[..2],
            &serial[2..]
        ),
    }
}

/// Every field of a user row, set from `values` in field order.
fn raw_user(values: &[String]) -> RawUserRecord<'_> {
    let mut raw = RawUserRecord::new();
    for (field, value) in UserField::ALL.iter().zip(values) {
        raw.set(*field, value.as_str());
    }
    raw
}

/// Text in which a CPR number's digits appear: alone, with a dash, or inside other text.
fn cpr_like_input() -> impl Strategy<Value = (String, String)> {
    (
        "[0-9]{10}",
        prop::sample::select(vec!["", " ", "0", "x", "cpr ", "\u{a0}", "-", "+45 "]),
        prop::sample::select(vec!["", " ", "0", "x", "-", "\n", "1"]),
        any::<bool>(),
    )
        .prop_map(|(digits, before, after, dash)| {
            let body = if dash {
                format!("{}-{}", &digits[..6], &digits[6..])
            } else {
                digits.clone()
            };
            (digits, format!("{before}{body}{after}"))
        })
}

/// Fails unless `text` holds neither the ten digits nor `DDMMYY-SSSS`.
fn assert_hidden(text: &str, digits: &str, what: &str) {
    let dashed = format!("{}-{}", &digits[..6], &digits[6..]);
    assert!(
        !text.contains(digits) && !text.contains(&dashed),
        "{what} shows the CPR number {digits}: {text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn cpr_parse_never_panics(s in any::<String>()) {
        let _ = Cpr::parse(&s);
        let _ = Cpr::redact(&s);
    }

    #[test]
    fn cpr_parse_never_panics_on_near_misses(s in "[0-9 \\-\u{2013}\u{a0}]{0,16}") {
        match Cpr::parse(&s) {
            Ok(cpr) => prop_assert_eq!(Cpr::parse(cpr.as_str()), Ok(cpr)),
            Err(e) => prop_assert!(matches!(e.kind(), ErrorType::CprFormat | ErrorType::CprDate)),
        }
    }

    #[test]
    fn user_validation_never_panics(values in prop::collection::vec(any::<String>(), 9)) {
        let raw = raw_user(&values);
        let _ = format!("{raw:?}");
        match UserRecord::validate(&raw) {
            Ok(user) => {
                let json = serde_json::to_value(&user).unwrap();
                if user.alias.is_none() {
                    prop_assert_eq!(serde_json::from_value::<UserRecord>(json).unwrap(), user);
                } else {
                    // A protected person's real name is withheld, so the object does not read back.
                    prop_assert!(json["first_name"].is_null() && json["last_name"].is_null());
                }
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn user_validation_never_panics_on_plausible_rows(
        cpr in "[0-9]{6}-?[0-9]{4}",
        role in prop::sample::select(vec!["elev", "forælder", "medarbejder", "gymnasieelev", "x", ""]),
        grade in "(|[0-9]{1,2}|[0-9]\\.?[A-Za-zæøå]|bh|[0-9]\\. klasse)",
        username in "(|[a-zA-Z]{4}[0-9]{4}|[a-z0-9]{0,9})",
    ) {
        let values = [cpr, String::new(), "Ida".into(), "Testesen".into(), role.into(), grade,
            "G18062".into(), username, String::new()];
        let _ = UserRecord::validate(&raw_user(&values));
    }

    #[test]
    fn valid_cpr_numbers_round_trip((canonical, date) in valid_cpr(), style in any::<u8>()) {
        let input = written(&canonical, style);
        let cpr = Cpr::parse(&input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        prop_assert_eq!(cpr.to_string(), canonical.clone());
        prop_assert_eq!(cpr.birth_date(), date);
        prop_assert_eq!(cpr.masked(), format!("{}-****", &canonical[..6]));
        prop_assert_eq!(Cpr::parse(cpr.as_str()), Ok(cpr));
        let json = serde_json::to_value(cpr).unwrap();
        prop_assert_eq!(serde_json::from_value::<Cpr>(json).unwrap(), cpr);
        let debug = format!("{cpr:?}");
        assert_hidden(&debug, &canonical.replace('-', ""), "Debug of Cpr");
    }

    #[test]
    fn the_seventh_digit_picks_the_century(date in cpr_date(), seventh in 0..10_u32) {
        let text = format!(
            "{:02}{:02}{:02}{seventh}000",
            date.day(),
            date.month(),
            date.year().rem_euclid(100)
        );
        let parsed = Cpr::parse(&text).map(|c| c.birth_date());
        if seventh_digits(date).contains(&seventh) {
            prop_assert_eq!(parsed, Ok(date));
        } else {
            // The same day and month in the century the digit does name.
            prop_assert_ne!(parsed, Ok(date));
        }
    }

    #[test]
    fn no_problem_or_debug_output_shows_a_cpr_number(
        (digits, input) in cpr_like_input(),
        role in prop::sample::select(vec!["elev", "forælder", "rektor", ""]),
        grade in prop::sample::select(vec!["", "3", "11"]),
        name in "[a-zæøå ]{0,6}",
    ) {
        let raw = RawUserRecord::from_pairs([
            ("cpr", input.as_str()), ("fornavn", name.as_str()), ("efternavn", "Testesen"),
            ("rolle", role), ("klasse", grade), ("instnr", "G18062"),
        ]);
        assert_hidden(&format!("{raw:?}"), &digits, "Debug of RawRecord");
        match UserRecord::validate(&raw) {
            Ok(user) => assert_hidden(&format!("{user:?}"), &digits, "Debug of UserRecord"),
            Err(problems) => {
                assert_hidden(&format!("{problems:?}"), &digits, "Debug of Problems");
                assert_hidden(&problems.to_string(), &digits, "Display of Problems");
                for p in &problems {
                    assert_hidden(p.input().unwrap_or_default(), &digits, "input");
                    assert_hidden(&p.message(Lang::Da), &digits, "message");
                    assert_hidden(&p.message(Lang::En), &digits, "message");
                    let rendered = serde_json::to_string(&p.rendered(Lang::En)).unwrap();
                    assert_hidden(&rendered, &digits, "rendered problem");
                }
            }
        }
        // The same through the dispatch the command and the bindings use.
        if let Err(problems) = RecordKind::User.validate_pairs([("cpr", input.as_str())]) {
            assert_hidden(&format!("{problems:?}"), &digits, "RecordKind::User problems");
        }
    }

    /// Issue 13 item 16: with an alias, no problem, `Debug` output or JSON shows the real name,
    /// whatever is wrong with it or the rest of the row.
    #[test]
    fn no_output_shows_the_real_name_of_a_protected_person(
        first in "Zq[a-zæøå]{2,6}",
        first_tail in prop::sample::select(vec!["", "\t", "\u{200b}", " 150320-4000", "x".repeat(140).leak()]),
        last in "Xv[a-zæøå]{2,6}",
        cpr in prop::sample::select(vec!["150320-4000", "", "12", "310220-4000"]),
        grade in prop::sample::select(vec!["", "3", "11"]),
    ) {
        let first = format!("{first}{first_tail}");
        let raw = RawUserRecord::from_pairs([
            ("cpr", cpr), ("alias", "Er.Navne.Beskyttet"), ("fornavn", first.as_str()),
            ("efternavn", last.as_str()), ("rolle", "elev"), ("klasse", grade),
            ("instnr", "G18062"),
        ]);
        let hidden = |text: &str, what: &str| {
            assert!(!text.contains("Zq") && !text.contains("Xv"), "{what} shows the real name: {text}");
        };
        hidden(&format!("{raw:?}"), "Debug of RawRecord");
        match UserRecord::validate(&raw) {
            Ok(user) => {
                hidden(&format!("{user:?}"), "Debug of UserRecord");
                hidden(&serde_json::to_string(&user).unwrap(), "JSON of UserRecord");
            }
            Err(problems) => {
                hidden(&format!("{problems:?}"), "Debug of Problems");
                for p in &problems {
                    hidden(&serde_json::to_string(&p.rendered(Lang::Da)).unwrap(), "problem");
                    hidden(&serde_json::to_string(&p.rendered(Lang::En)).unwrap(), "problem");
                }
            }
        }
        let pairs = [("cpr", cpr), ("alias", "E.N.B."), ("first_name", first.as_str()), ("last_name", last.as_str())];
        if let Err(problems) = RecordKind::User.validate_pairs(pairs) {
            hidden(&format!("{problems:?}"), "RecordKind::User problems");
        }
    }
}

#[test]
fn every_field_masks_a_cpr_number_and_only_the_cpr_field_masks_other_text() {
    for &field in UserField::ALL {
        assert_eq!(field.mask_input("150320-4000"), "150320-****", "{field:?}");
        let masked = field.mask_input("Freja 1503204000");
        if field == UserField::Cpr {
            assert_eq!(masked, "****************");
        } else {
            assert_eq!(masked, "Freja 150320****", "{field:?}");
            assert_eq!(field.mask_input("Freja"), "Freja", "{field:?}");
        }
    }
}

#[test]
fn the_user_kind_is_dispatched_by_name() {
    let kind = RecordKind::from_name("user").unwrap();
    assert_eq!(kind, RecordKind::User);
    assert_eq!(
        kind.keys(),
        [
            "cpr",
            "alias",
            "first_name",
            "last_name",
            "role",
            "grade",
            "institution_number",
            "username",
            "email"
        ]
    );
    for column in ["CPR-nr", "Fornavn", "klassetrin", "Brugernavn", "alias"] {
        assert!(kind.knows_column(column), "{column}");
    }
    assert!(!kind.knows_column("pNummer"));
}
