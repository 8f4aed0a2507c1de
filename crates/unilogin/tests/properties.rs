//! Property tests: round-trips, checksum sensitivity, and no panics on any input.

#![cfg(test)]
#![allow(
    clippy::unnecessary_to_owned,
    reason = "round-trips go through `Display` on purpose"
)]

use proptest::prelude::*;
use unilogin::form::ValueKind;
use unilogin::identifiers::{
    Cvr, Email, HouseNumber, InstitutionNumber, Municipality, PNumber, PhoneNumber, PostalCode,
};
use unilogin::record::RecordKind;
use unilogin::{ErrorType, InstitutionType, LegalBasis};

const CVR_WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
const P_LOW: [u32; 10] = [1, 5, 6, 7, 3, 6, 4, 8, 9, 1];
const P_HIGH: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const P_SWITCH: u64 = 1_006_959_421;

fn sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

fn to_string(digits: &[u32]) -> String {
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}

fn value(digits: &[u32]) -> u64 {
    digits.iter().fold(0, |acc, &d| acc * 10 + u64::from(d))
}

/// A valid CVR number: the first 7 digits at random, the last one completing the check.
fn valid_cvr() -> impl Strategy<Value = Vec<u32>> {
    (1..=9_u32, proptest::collection::vec(0..=9_u32, 6))
        .prop_map(|(first, rest)| {
            let mut d = vec![first];
            d.extend(rest);
            let check = (11 - sum(&d, &CVR_WEIGHTS) % 11) % 11;
            d.push(check);
            d
        })
        .prop_filter("check digit 10 has no CVR number", |d| d[7] < 10)
}

fn p_valid(d: &[u32]) -> bool {
    let w = if value(d) <= P_SWITCH {
        &P_LOW
    } else {
        &P_HIGH
    };
    d[0] != 0 && sum(d, w) % 11 == 0
}

/// A valid P-number: 9 digits at random (often starting with 10, as real ones do), and the
/// check digit that satisfies the weight set of the resulting number.
fn valid_p_number() -> impl Strategy<Value = Vec<u32>> {
    let prefix = prop_oneof![
        (1..=9_u32, proptest::collection::vec(0..=9_u32, 8)).prop_map(|(f, r)| {
            let mut d = vec![f];
            d.extend(r);
            d
        }),
        proptest::collection::vec(0..=9_u32, 7).prop_map(|r| {
            let mut d = vec![1, 0];
            d.extend(r);
            d
        }),
    ];
    prefix.prop_filter_map("no check digit", |d| {
        (0..=9)
            .map(|c| [d.clone(), vec![c]].concat())
            .find(|full| p_valid(full))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_cvr_numbers_are_accepted_and_round_trip(d in valid_cvr(), style in 0..4_u8) {
        let s = to_string(&d);
        let messy = match style {
            0 => s.clone(),
            1 => format!("DK{s}"),
            2 => format!("DK-{} {}", &s[..4], &s[4..]),
            _ => format!("{}.{}.{}.{}", &s[..2], &s[2..4], &s[4..6], &s[6..]),
        };
        let cvr = Cvr::parse(&messy).unwrap();
        prop_assert_eq!(cvr.to_string(), s.clone());
        prop_assert_eq!(Cvr::parse(&cvr.to_string()).unwrap(), cvr);
        let json = serde_json::to_string(&cvr).unwrap();
        prop_assert_eq!(serde_json::from_str::<Cvr>(&json).unwrap(), cvr);
    }

    #[test]
    fn every_single_digit_change_of_a_cvr_is_rejected(d in valid_cvr(), pos in 0..8_usize, delta in 1..=9_u32) {
        let mut changed = d.clone();
        changed[pos] = (changed[pos] + delta) % 10;
        prop_assert!(Cvr::parse(&to_string(&changed)).is_err());
    }

    #[test]
    fn generated_p_numbers_are_accepted_and_round_trip(d in valid_p_number()) {
        let s = to_string(&d);
        let p = PNumber::parse(&format!(" {} {} ", &s[..4], &s[4..])).unwrap();
        prop_assert_eq!(p.value(), s.parse::<u64>().unwrap());
        prop_assert_eq!(p.to_string(), s);
        prop_assert_eq!(PNumber::parse(&p.to_string()).unwrap(), p);
    }

    /// A single-digit change is always caught by the modulus-11 check within one weight set.
    /// A change that moves the number across the weight switch (1006959421) is checked with the
    /// other weight set, where a collision is arithmetically possible; those are excluded.
    #[test]
    fn every_single_digit_change_of_a_p_number_is_rejected(d in valid_p_number(), pos in 0..10_usize, delta in 1..=9_u32) {
        let mut changed = d.clone();
        changed[pos] = (changed[pos] + delta) % 10;
        let same_side = (value(&d) <= P_SWITCH) == (value(&changed) <= P_SWITCH);
        prop_assume!(same_side);
        prop_assert!(PNumber::parse(&to_string(&changed)).is_err());
    }

    #[test]
    fn phone_numbers_in_any_common_format_round_trip(first in 2..=9_u32, rest in proptest::collection::vec(0..=9_u32, 7), style in 0..5_u8) {
        let mut d = vec![first];
        d.extend(rest);
        let s = to_string(&d);
        let spaced = format!("{} {} {} {}", &s[..2], &s[2..4], &s[4..6], &s[6..]);
        let messy = match style {
            0 => s.clone(),
            1 => format!("+45{s}"),
            2 => format!("0045 {spaced}"),
            3 => format!("{} {}", &s[..4], &s[4..]),
            _ => format!("(+45) {spaced}"),
        };
        let phone = PhoneNumber::parse(&messy).unwrap();
        prop_assert_eq!(phone.to_string(), spaced);
        prop_assert_eq!(PhoneNumber::parse(&phone.to_string()).unwrap(), phone);
    }

    #[test]
    fn institution_numbers_and_house_numbers_round_trip(n in 0..100_000_u32, house in 1..=999_u32, letter in proptest::option::of(proptest::char::range('a', 'z'))) {
        let number = InstitutionNumber::parse(&format!("g{n:05}")).unwrap();
        prop_assert_eq!(number.to_string(), format!("G{n:05}"));
        prop_assert_eq!(InstitutionNumber::parse(number.as_str()).unwrap(), number);
        let raw = letter.map_or(house.to_string(), |l| format!("{house} {l}"));
        let h = HouseNumber::parse(&raw).unwrap();
        prop_assert_eq!(HouseNumber::parse(h.as_str()).unwrap(), h);
    }

    #[test]
    fn postal_codes_in_range_round_trip_or_are_unknown(code in 800..=9990_u32) {
        let text = format!("{code:04}");
        match PostalCode::parse(&text) {
            Ok(p) => {
                prop_assert_eq!(PostalCode::parse(p.as_str()).unwrap(), p);
                prop_assert!(p.is_town(p.town()));
                prop_assert!(PostalCode::all().any(|q| q == p));
            }
            Err(e) => {
                prop_assert_eq!(e.kind().code(), "postal_code_unknown");
                prop_assert!(PostalCode::all().all(|q| q.as_str() != text));
            }
        }
    }

    #[test]
    fn house_numbers_take_any_floor_and_door(house in 1..=999_u32, floor in 0..=101_u32, door in proptest::sample::select(vec!["tv", "th", "mf", "1", "12", "a3", "", "xyzzy"])) {
        let floor_text = match floor { 0 => "st".to_owned(), 100 => "kl".to_owned(), 101 => "k2".to_owned(), n => format!("{n}.") };
        let raw = format!("{house}, {floor_text} {door}");
        let parsed = HouseNumber::parse_with_unit(&raw);
        if door == "xyzzy" {
            prop_assert_eq!(parsed.unwrap_err().kind().code(), "door_format");
        } else {
            let (h, f, d) = parsed.unwrap();
            prop_assert_eq!(h.as_str(), house.to_string());
            prop_assert_eq!(f.unwrap().to_string(), floor_text.trim_end_matches('.'));
            prop_assert_eq!(d.map(|d| d.to_string()).unwrap_or_default(), door);
        }
    }

    #[test]
    fn municipality_names_resolve_in_any_case_and_with_suffix(index in 0..98_usize, upper in any::<bool>(), suffix in any::<bool>()) {
        let m = Municipality::all().nth(index).unwrap();
        let mut name = if upper { m.name().to_uppercase() } else { m.name().to_lowercase() };
        if suffix {
            name.push_str(" Kommune");
        }
        prop_assert_eq!(Municipality::parse(&name).unwrap(), m);
        prop_assert_eq!(Municipality::parse(&m.to_string()).unwrap(), m);
    }

    /// Whatever a parser accepts, its canonical form parses to the same value (idempotence).
    #[test]
    fn canonical_forms_are_fixed_points(kind_index in 0..ValueKind::ALL.len(), input in ".{0,40}") {
        let kind = ValueKind::ALL[kind_index];
        if let Ok(canonical) = kind.canonical(&input) {
            prop_assert_eq!(kind.canonical(&canonical).unwrap(), canonical);
        }
    }

    /// No input string makes any parser panic; failures are typed errors.
    #[test]
    fn no_string_makes_a_parser_panic(input in any::<String>()) {
        for kind in ValueKind::ALL {
            if let Err(e) = kind.canonical(&input) {
                prop_assert!(!e.message(unilogin::Lang::Da).is_empty());
            }
        }
        let _ = LegalBasis::parse(&input);
        let _ = InstitutionType::parse(&input);
        let _ = Municipality::search(&input).count();
    }

    #[test]
    fn no_record_makes_validation_panic(pairs in proptest::collection::vec((prop_oneof![
        Just("cvr".to_owned()), Just("p_number".to_owned()), Just("municipality".to_owned()),
        Just("pNummer".to_owned()), Just("telefonNummer".to_owned()), Just("ejerformKode".to_owned()),
        Just("instType3".to_owned()), any::<String>()
    ], any::<String>()), 0..20)) {
        for kind in RecordKind::ALL {
            if let Err(problems) = kind.validate_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(kind.keys().contains(&p.loc().to_string().as_str()));
                }
            }
        }
    }

    /// Every address this library accepts with an ASCII local part, the `validator` crate
    /// accepts too (its local part is ASCII only; its domain goes through `idna`).
    #[test]
    fn accepted_emails_are_accepted_by_validator(local in "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,20}", labels in proptest::collection::vec("[a-z0-9æøå]([a-z0-9æøå-]{0,8}[a-z0-9æøå])?", 1..4), noise in ".{0,3}") {
        use validator::ValidateEmail;
        for candidate in [format!("{local}@{}", labels.join(".")), format!("{local}{noise}@{}.dk", labels.join("."))] {
            if let Ok(email) = Email::parse(&candidate) {
                if email.as_str().split('@').next().is_some_and(str::is_ascii) {
                    prop_assert!(email.as_str().validate_email(), "{}", email);
                    prop_assert!(email.ascii().validate_email(), "{}", email.ascii());
                }
            }
        }
    }

    /// An accepted address's ASCII form is its domain as the `idna` crate encodes it, and
    /// reads back as the same address (issue 13 item 6).
    #[test]
    fn email_ascii_forms_are_idna(local in "[a-zA-Z0-9æøåÆØÅ_.+-]{1,12}", labels in proptest::collection::vec("[a-zæøåäöüéßçñ0-9][a-zæøåäöüéßçñÆØÅ0-9-]{0,12}", 2..4)) {
        let candidate = format!("{local}@{}", labels.join("."));
        if let Ok(email) = Email::parse(&candidate) {
            let (_, domain) = email.as_str().rsplit_once('@').unwrap();
            let ascii = email.ascii();
            let (_, ascii_domain) = ascii.rsplit_once('@').unwrap();
            prop_assert_eq!(Ok(ascii_domain.to_owned()), idna::domain_to_ascii(domain).map_err(|e| e.to_string()));
            prop_assert_eq!(Email::parse(&ascii), Ok(email.clone()));
            prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
        }
    }
}

#[test]
fn p_number_weight_switch_is_where_the_rules_put_it() {
    assert!(
        PNumber::parse("1006959421").is_ok(),
        "highest known number of the low series"
    );
    assert!(
        PNumber::parse("1006959438").is_ok(),
        "first numbers of the high series"
    );
    assert_eq!(
        PNumber::parse("1000000010").unwrap_err().kind(),
        ErrorType::PNumberChecksum
    );
}

/// A valid value for every key of every record kind.
fn valid_value(key: &str) -> &'static str {
    match key {
        "cvr" => "13585628",
        "p_number" => "1029829825",
        "placement_unit_number" | "institution_number" => "G18062",
        "institution_name" => "Solsikken",
        "institution_type" => "6012",
        "legal_basis" => "stk. 5",
        "municipality" => "Koebenhavns Kommune",
        "street" => "Skolevej",
        "house_number" => "12b",
        "postal_code" => "9600",
        "city" => "Aars",
        "email" => "kontakt@solsikken.dk",
        "phone" => "98 62 12 34",
        "cpr" => "150320-4000",
        "first_name" => "Freja",
        "last_name" => "Testesen",
        "role" => "forælder",
        _ => "",
    }
}

/// Another value for a field: near misses, values of other fields, and noise.
fn other_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(vec![
            "", " ", "13585627", "1029829824", "A18062", "6013", "4", "stk. 5", "Vejel", "0",
            "a\nb", "kontakt@", "12 34 56 78 98 76 54 32", "Christiansø", "\u{a0}Aars\u{a0}",
            "elev", "5a", "freja123", "G18062", "13585628", "1029829825", "Solsikken",
        ]).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// A row of `keys`: each field's valid value, or its change where there is one.
fn row_values<'a>(keys: &[&'static str], changes: &'a [Option<String>]) -> Vec<&'a str> {
    keys.iter()
        .zip(changes)
        .map(|(k, change)| change.as_deref().unwrap_or_else(|| valid_value(k)))
        .collect()
}

/// The problems validating a row of `kind` (laid out in key order) finds, once its bulk check
/// (which skips building valid values) is shown to find exactly the same.
fn checked_as_validated(
    kind: RecordKind,
    values: &[&str],
) -> Result<unilogin::Problems, TestCaseError> {
    let header = kind.header(kind.keys());
    let validated = kind.validate_row(&header, values.iter().copied());
    let validated = validated.err().unwrap_or_default();
    prop_assert_eq!(&kind.check_row(&header, values.iter().copied()), &validated);
    Ok(validated)
}

/// A value for a field of a user roster row: valid ones, blanks, near misses, names around
/// the length limits, and noise.
fn user_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            "", " ", "150320-4000", "310220-4000", "150320-40001", "12", "beskyttet-0042",
            "a\u{7}", "Freja", " Søren Åge ", "Ida\tMarie", "elev", "forælder", "pædagog",
            "rektor", "0", "5.A", "7. klasse", "11", "G18062", "A12345", "abcd1234", "ab12",
            "freja@skole.dk", "ida@",
        ]).prop_map(str::to_owned),
        1 => "[a-zæøå ]{60,140}",
        1 => any::<String>(),
    ]
}

proptest! {
    /// The user kind's bulk check (which builds no name, alias or email) finds exactly the
    /// problems that validation finds, whether a row names its person by a CPR number, an
    /// alias, both or neither.
    #[test]
    fn checking_a_user_row_finds_what_validating_it_finds(
        changes in proptest::collection::vec(proptest::option::weighted(0.6, user_value()), 9)
    ) {
        let keys = RecordKind::User.keys();
        checked_as_validated(RecordKind::User, &row_values(&keys, &changes))?;
    }

    /// The bulk check (which skips building valid values) finds exactly the problems that
    /// validation finds, for CSV rows and for JSON objects.
    #[test]
    fn checking_a_row_finds_what_validating_it_finds(
        changes in proptest::collection::vec(proptest::option::weighted(0.15, other_value()), 16)
    ) {
        for kind in RecordKind::ALL {
            let keys = kind.keys();
            let values = row_values(&keys, &changes);
            let validated = checked_as_validated(kind, &values)?;
            let object: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .zip(&values)
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
                .collect();
            let checked = kind.check_json_with(&object, &unilogin::ValidationPolicy::STIL);
            prop_assert_eq!(&checked, &validated);
        }
    }

    /// A row with holes checks like the JSON object without those keys.
    #[test]
    fn a_sparse_row_checks_like_the_object_without_its_absent_keys(
        changes in proptest::collection::vec(proptest::option::weighted(0.15, other_value()), 16),
        holes in proptest::collection::vec(any::<bool>(), 16),
    ) {
        let policy = unilogin::ValidationPolicy::STIL;
        for kind in RecordKind::ALL {
            let keys = kind.keys();
            let header = kind.header(&keys);
            let values: Vec<Option<&str>> = keys
                .iter()
                .zip(changes.iter().zip(&holes))
                .map(|(k, (change, &hole))| {
                    (!hole).then(|| change.as_deref().unwrap_or_else(|| valid_value(k)))
                })
                .collect();
            let object: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .zip(&values)
                .filter_map(|(k, v)| v.map(|v| ((*k).to_owned(), serde_json::Value::from(v))))
                .collect();
            prop_assert_eq!(
                kind.check_sparse_row_with(&header, values.iter().copied(), &policy),
                kind.check_json_with(&object, &policy)
            );
        }
    }
}

#[test]
fn rows_of_valid_values_are_valid_when_checked_and_validated() {
    for kind in RecordKind::ALL {
        let keys = kind.keys();
        let header = kind.header(&keys);
        let values = || keys.iter().map(|k| valid_value(k));
        assert!(kind.validate_row(&header, values()).is_ok(), "{kind:?}");
        assert!(kind.check_row(&header, values()).is_empty(), "{kind:?}");
    }
}

#[test]
fn records_validated_without_the_p_number_checksum_read_back() {
    let lenient = unilogin::ValidationPolicy::STIL.with_p_number_checksum(false);
    let keys = RecordKind::Register.keys();
    let header = RecordKind::Register.header(&keys);
    let values: Vec<&str> = keys
        .iter()
        .map(|k| match *k {
            "p_number" => "1029829824",
            other => valid_value(other),
        })
        .collect();
    let json = RecordKind::Register
        .validate_row_with(&header, values.iter().copied(), &lenient)
        .unwrap();
    let record: unilogin::RegisterRecord = serde_json::from_value(json.clone()).unwrap();
    assert!(!record.p_number.has_valid_checksum());
    assert_eq!(serde_json::to_value(&record).unwrap(), json);
}
