//! `tests/vectors/hostile/text.json`: invisible characters and CPR numbers outside the `cpr`
//! field (issue 12, items 3 and 8), on the record and value surfaces: each record validated
//! whole and checked on the bulk path, each value parsed and checked as the command prints it;
//! every problem must appear with its `ctx`, and no output in either language may hold a string
//! the case names as absent.

use serde_json::{json, Map, Value};
use unilogin::form::{parse_value, ValueCheck, ValueKind};
use unilogin::record::RecordKind;
use unilogin::{Lang, Problem, Problems, ValidationPolicy};

fn cases(surface: &str) -> Vec<Value> {
    let doc = crate::support::load("hostile/text.json");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["surface"] == surface)
        .cloned()
        .collect()
}

/// A problem as every binding shows it, in both languages.
fn rendered(problem: &Problem) -> Vec<Value> {
    [Lang::Da, Lang::En]
        .map(|lang| serde_json::to_value(problem.rendered(lang)).expect("problem as JSON"))
        .to_vec()
}

fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list[key]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Checks that no output holds a string the case names as absent.
fn assert_absent(name: &str, expect: &Value, outputs: &[String]) {
    for absent in strings(expect, "absent") {
        for output in outputs {
            assert!(
                !output.contains(absent),
                "{name}: {absent:?} appears in {output}"
            );
        }
    }
}

/// Whether `actual` (a rendered problem) has every entry of `want`'s `ctx`.
fn has_ctx(actual: &Value, want: &Value) -> bool {
    want.as_object()
        .is_none_or(|ctx| ctx.iter().all(|(k, v)| &actual["ctx"][k] == v))
}

fn check_record(case: &Value) {
    let name = case["name"].as_str().expect("name");
    let kind = RecordKind::from_name(case["kind"].as_str().expect("kind")).expect("record kind");
    let fields: &Map<String, Value> = case["fields"].as_object().expect("fields");
    let expect = &case["expect"];
    let problems: Problems = kind.validate_json(fields).err().unwrap_or_default();
    // The bulk path (a header resolved once, values by position) finds the same problems.
    let header = kind.header(fields.keys());
    let values = fields.values().map(|v| v.as_str().unwrap_or_default());
    let bulk = kind.check_row_with(&header, values, &ValidationPolicy::STIL);
    assert_eq!(bulk, problems, "{name}: bulk path");
    let shown: Vec<Value> = problems.iter().flat_map(rendered).collect();
    let types: Vec<&str> = problems.iter().map(|p| p.kind().code()).collect();
    if expect["valid"] == true {
        assert!(problems.is_empty(), "{name}: {shown:?}");
    }
    for want in strings(expect, "problem_types") {
        assert!(types.contains(&want), "{name}: no {want} in {types:?}");
    }
    for want in expect["problems"].as_array().into_iter().flatten() {
        assert!(
            shown.iter().any(|p| p["type"] == want["type"]
                && p["loc"] == want["loc"]
                && has_ctx(p, &want["ctx"])),
            "{name}: no {want} in {shown:#?}"
        );
    }
    let mut outputs: Vec<String> = shown.iter().map(Value::to_string).collect();
    outputs.extend(problems.iter().map(ToString::to_string));
    assert_absent(name, expect, &outputs);
}

fn check_value(case: &Value) {
    let name = case["name"].as_str().expect("name");
    let kind =
        ValueKind::from_name(case["value_kind"].as_str().expect("value_kind")).expect("value kind");
    let text = case["value"].as_str().expect("value");
    let expect = &case["expect"];
    let problem = parse_value(kind, Some(text)).expect_err(name);
    let shown = rendered(&problem);
    for want in strings(expect, "problem_types") {
        assert_eq!(problem.kind().code(), want, "{name}");
    }
    for lang in &shown {
        assert!(
            has_ctx(lang, &expect["ctx"]),
            "{name}: {lang} lacks {}",
            expect["ctx"]
        );
    }
    // What the command's `check` prints: the input as shown and the error.
    let check = ValueCheck::new(kind, text);
    let error = check.error().expect("an error");
    assert_eq!(error.kind(), problem.kind(), "{name}: ValueCheck");
    let mut outputs: Vec<String> = shown.iter().map(Value::to_string).collect();
    outputs.push(check.input().to_owned());
    outputs.push(error.to_string());
    outputs.push(json!(error.message(Lang::Da)).to_string());
    assert_absent(name, expect, &outputs);
}

#[test]
fn records() {
    let cases = cases("record");
    assert!(!cases.is_empty());
    for case in &cases {
        check_record(case);
    }
}

#[test]
fn values() {
    let cases = cases("value");
    assert!(!cases.is_empty());
    for case in &cases {
        check_value(case);
    }
}
