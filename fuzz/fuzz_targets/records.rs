//! The record validators of every `RecordKind`: a JSON object (`validate_json`,
//! `check_json_with`) and a tab-separated row under the kind's own header (`validate_row`,
//! `check_row`). Checking (which skips building valid values) finds exactly the problems that
//! validating finds.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use unilogin::{RecordKind, ValidationPolicy};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = RecordKind::ALL[usize::from(first) % RecordKind::ALL.len()];
    // The top bits choose the policy: the P-number checksum off, a reference date (which turns
    // on the CPR birth-date and grade-band age checks of user rows), the town check off.
    let policy = ValidationPolicy::STIL
        .with_p_number_checksum(first & 0x80 == 0)
        .with_as_of((first & 0x40 != 0).then(|| NaiveDate::from_ymd_opt(2026, 8, 15)).flatten())
        .with_postal_town(first & 0x20 == 0);
    let text = String::from_utf8_lossy(rest);
    if let Ok(serde_json::Value::Object(object)) = serde_json::from_str(&text) {
        let validated = kind.validate_json_with(&object, &policy);
        let checked = kind.check_json_with(&object, &policy);
        assert_eq!(validated.err().unwrap_or_default(), checked);
    }
    let header = kind.header(kind.keys());
    let values: Vec<&str> = text.split('\t').collect();
    let validated = kind.validate_row_with(&header, values.iter().copied(), &policy);
    let checked = kind.check_row_with(&header, values.iter().copied(), &policy);
    assert_eq!(validated.err().unwrap_or_default(), checked);
    let pairs = kind.keys().into_iter().zip(values.iter().copied());
    let _ = kind.validate_pairs_with(pairs, &policy);
});
