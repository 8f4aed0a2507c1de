//! Identifiers with valid check digits (CVR and P-numbers, from the core's weights), the ways
//! people write them, and phone numbers.

use unilogin::identifiers::{Cvr, PNumber};

use crate::SplitMix64;

fn digit_string(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

/// Sets the last digit so that the weighted sum is divisible by 11 (the last weight is 1).
/// Returns `false` when that digit would have to be 10.
fn complete_mod11(digits: &mut [u8], weights: &[u32]) -> bool {
    let len = digits.len();
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .take(len.saturating_sub(1))
        .map(|(&d, &w)| u32::from(d) * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    match (digits.last_mut(), u8::try_from(check)) {
        (Some(last), Ok(check)) if check < 10 => {
            *last = check;
            true
        }
        _ => false,
    }
}

/// A valid CVR number: 8 digits, the first not 0, with the check digit of the core's
/// [`Cvr::WEIGHTS`].
pub fn valid_cvr(rng: &mut SplitMix64) -> String {
    loop {
        let mut d = [0_u8; 8];
        for (i, slot) in d.iter_mut().enumerate() {
            *slot = if i == 0 {
                rng.digit(1, 9)
            } else {
                rng.digit(0, 9)
            };
        }
        if complete_mod11(&mut d, &Cvr::WEIGHTS) {
            return digit_string(&d);
        }
    }
}

/// A valid P-number of the current series: 10 digits starting with `10`, above 1006959421,
/// with the check digit of the core's [`PNumber::WEIGHTS`].
pub fn valid_p_number(rng: &mut SplitMix64) -> String {
    loop {
        // The first nine digits lie in 100700000..=109999999, so the number exceeds the
        // weight switch at 1006959421 whatever the check digit.
        let prefix = 100_700_000 + rng.below(9_300_000);
        let mut d = [0_u8; 10];
        let mut rest = prefix;
        for slot in d.iter_mut().take(9).rev() {
            *slot = u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
        }
        if complete_mod11(&mut d, &PNumber::WEIGHTS) {
            return digit_string(&d);
        }
    }
}

/// Changes one of the digits at positions `from..` of a digit string to another digit.
/// With a prime modulus and weights 1–7 this always breaks a modulus-11 check.
pub(crate) fn corrupt_digit(rng: &mut SplitMix64, digits: &str, from: usize) -> String {
    let len = digits.len();
    let pos = from + rng.index(len.saturating_sub(from));
    digits
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if i == pos {
                let d = b - b'0';
                char::from(b'0' + (d + rng.digit(1, 9)) % 10)
            } else {
                char::from(b)
            }
        })
        .collect()
}

/// Splits a digit string into groups of the given sizes joined by `sep`.
pub(crate) fn grouped(digits: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + sizes.len() * sep.len());
    let mut rest = digits;
    for (i, &n) in sizes.iter().enumerate() {
        let (head, tail) = rest.split_at(n.min(rest.len()));
        if i > 0 && !head.is_empty() {
            out.push_str(sep);
        }
        out.push_str(head);
        rest = tail;
    }
    out.push_str(rest);
    out
}

pub(crate) fn cvr_form(rng: &mut SplitMix64, cvr: &str) -> String {
    match rng.weighted(&[(60, 0), (10, 1), (6, 2), (6, 3), (6, 4), (6, 5), (6, 6)]) {
        1 => format!("DK{cvr}"),
        2 => format!("DK-{cvr}"),
        3 => format!("DK {}", grouped(cvr, &[2, 2, 2, 2], " ")),
        4 => grouped(cvr, &[4, 4], " "),
        5 => grouped(cvr, &[2, 2, 2, 2], " "),
        6 => grouped(cvr, &[2, 2, 2, 2], "."),
        _ => cvr.to_owned(),
    }
}

pub(crate) fn p_number_form(rng: &mut SplitMix64, p: &str) -> String {
    match rng.weighted(&[(70, 0), (12, 1), (10, 2), (8, 3)]) {
        1 => grouped(p, &[2, 4, 4], " "),
        2 => grouped(p, &[4, 3, 3], " "),
        3 => grouped(p, &[2, 4, 4], "-"),
        _ => p.to_owned(),
    }
}

pub(crate) fn phone_digits(rng: &mut SplitMix64) -> String {
    (0..8)
        .map(|i| {
            let d = if i == 0 {
                rng.digit(2, 9)
            } else {
                rng.digit(0, 9)
            };
            char::from(b'0' + d)
        })
        .collect()
}

/// A Danish phone number in one of the ways people write it ("33 66 33 66", "+4533663366", …).
pub(crate) fn phone_form(rng: &mut SplitMix64, digits: &str) -> String {
    let pairs = grouped(digits, &[2, 2, 2, 2], " ");
    match rng.weighted(&[
        (25, 0),
        (30, 1),
        (8, 2),
        (8, 3),
        (6, 4),
        (5, 5),
        (6, 6),
        (6, 7),
        (3, 8),
        (3, 9),
    ]) {
        1 => pairs,
        2 => format!("+45{digits}"),
        3 => format!("+45 {pairs}"),
        4 => format!("0045 {digits}"),
        5 => format!("(+45) {pairs}"),
        6 => grouped(digits, &[4, 4], " "),
        7 => grouped(digits, &[2, 2, 2, 2], "-"),
        8 => format!("0045{digits}"),
        9 => format!("+45 {}", grouped(digits, &[4, 4], "-")),
        _ => digits.to_owned(),
    }
}
