//! The intentional errors: what a fault records, and the realistic errors of each kind.

use crate::identifiers::{corrupt_digit, valid_cvr, valid_p_number};
use crate::SplitMix64;

/// One intentional error in a generated row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fault {
    /// The column holding the wrong value.
    pub column: &'static str,
    /// The canonical field key the problem is reported at (`loc`).
    pub key: &'static str,
    /// The expected error code (`type`), e.g. `cvr_checksum`.
    pub code: &'static str,
}

/// One realistic error of a request: (column, wrong value, expected error code).
pub(crate) fn request_fault(rng: &mut SplitMix64) -> (&'static str, String, &'static str) {
    match rng.below(20) {
        0 | 1 => {
            let cvr = valid_cvr(rng);
            ("cvr", corrupt_digit(rng, &cvr, 1), "cvr_checksum")
        }
        2 => (
            "cvr",
            rng.pick(&["1358562", "DK 1358 562", "3358562800"])
                .to_owned(),
            "cvr_format",
        ),
        3 => {
            let p = valid_p_number(rng);
            ("p_number", corrupt_digit(rng, &p, 9), "p_number_checksum")
        }
        4 => ("p_number", String::new(), "missing"),
        5 => (
            "institution_name",
            "Børnehuset\nSolsikken".to_owned(),
            "string_control_characters",
        ),
        6 => ("street", "  ".to_owned(), "missing"),
        7 => (
            "house_number",
            rng.pick(&["12-14", "7ø", "0", "12 BC"]).to_owned(),
            "house_number_format",
        ),
        8 => (
            "postal_code",
            rng.pick(&["0700", "9999", "0100"]).to_owned(),
            "postal_code_range",
        ),
        9 => (
            "postal_code",
            rng.pick(&["21OO", "210", "DK 2100 Ø"]).to_owned(),
            "postal_code_format",
        ),
        10 => municipality_fault(rng, "municipality"),
        11 | 12 => email_fault(rng, "email"),
        13 => ("phone", "33663366 / 40404040".to_owned(), "phone_multiple"),
        14 => (
            "phone",
            rng.pick(&["13663366", "03 66 33 66"]).to_owned(),
            "phone_first_digit",
        ),
        15 => (
            "phone",
            rng.pick(&["3366336", "tlf. 33663366"]).to_owned(),
            "phone_format",
        ),
        16 => (
            "legal_basis",
            rng.pick(&["§ 19, stk. 4", "Udliciteret"]).to_owned(),
            "legal_basis_not_accepted",
        ),
        17 => (
            "legal_basis",
            rng.pick(&["andelsforening", "stk. 6", "Kommunal, stk. 6"])
                .to_owned(),
            "legal_basis_unknown",
        ),
        18 => (
            "institution_type",
            rng.pick(&["6013", "Dagpleje", "SFO"]).to_owned(),
            "institution_type_not_accepted",
        ),
        _ => (
            "institution_type",
            rng.pick(&["skole", "6099"]).to_owned(),
            "institution_type_unknown",
        ),
    }
}

/// One realistic error of a register row: (column, wrong value, expected error code).
pub(crate) fn register_fault(rng: &mut SplitMix64) -> (&'static str, String, &'static str) {
    match rng.below(18) {
        // The most common reason a unit cannot get Unilogin users.
        0..=2 => ("pNummer", String::new(), "unilogin_requires_p_number"),
        3 => {
            let p = valid_p_number(rng);
            ("pNummer", corrupt_digit(rng, &p, 9), "p_number_checksum")
        }
        4 => {
            let cvr = valid_cvr(rng);
            ("cvrNummer", corrupt_digit(rng, &cvr, 1), "cvr_checksum")
        }
        5 => (
            "anvisningsenhedsNummer",
            format!("A{:05}", 10_000 + rng.below(90_000)),
            "institution_number_legacy",
        ),
        6 => (
            "anvisningsenhedsNummer",
            rng.pick(&["G1806", "101001", "G18O62"]).to_owned(),
            "institution_number_format",
        ),
        7 => ("dagtilbudsNavn", String::new(), "missing"),
        8 => (
            "instType3",
            rng.pick(&["6099", "skole"]).to_owned(),
            "institution_type_unknown",
        ),
        9 => (
            "ejerformKode",
            rng.pick(&["7", "0"]).to_owned(),
            "legal_basis_unknown",
        ),
        10 => municipality_fault(rng, "kommuneKode_Tekst"),
        11 => (
            "husNummer",
            rng.pick(&["12-14", "0"]).to_owned(),
            "house_number_format",
        ),
        12 => (
            "postNummer",
            rng.pick(&["0700", "9999"]).to_owned(),
            "postal_code_range",
        ),
        13 => email_fault(rng, "email"),
        14 => (
            "telefonNummer",
            "33663366 / 40404040".to_owned(),
            "phone_multiple",
        ),
        15 => (
            "telefonNummer",
            "33 66 33 66 / 40 40 40 40".to_owned(),
            "phone_multiple",
        ),
        16 => ("telefonNummer", "13663366".to_owned(), "phone_first_digit"),
        _ => (
            "byNavn",
            "Aars\tØst".to_owned(),
            "string_control_characters",
        ),
    }
}

fn municipality_fault(
    rng: &mut SplitMix64,
    column: &'static str,
) -> (&'static str, String, &'static str) {
    let (value, code) = rng.pick(&[
        ("Kobenhvn", "municipality_suggestion"),
        ("Vesthimmer", "municipality_suggestion"),
        ("Christiansø", "municipality_not_a_municipality"),
        ("411", "municipality_not_a_municipality"),
        ("Region Hovedstaden", "municipality_unknown"),
        ("102", "municipality_unknown"),
    ]);
    (column, value.to_owned(), code)
}

fn email_fault(rng: &mut SplitMix64, column: &'static str) -> (&'static str, String, &'static str) {
    let value = rng.pick(&[
        "kontakt@solsikken",
        "kontakt(at)solsikken.dk",
        "kontakt@solsikken..dk",
        "kontakt@solsikken.dk, leder@solsikken.dk",
        "kontakt..leder@solsikken.dk",
    ]);
    (column, value.to_owned(), "email_format")
}
