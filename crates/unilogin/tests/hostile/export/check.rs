//! The hostile `export` cases (`tests/vectors/hostile/export.json` describes their format):
//! a case's file and the check of a report against its `expect`, shared by the core's runner
//! and the command's (`crates/unilogin-cli/tests/hostile/export.rs` includes this file).

use serde_json::Value;

/// Runs every case with `run`, and fails after all of them with the names of those that
/// failed (each failure's message is printed as it happens).
pub fn run_all(cases: &[Value], run: impl Fn(&Value)) {
    assert!(!cases.is_empty(), "no export cases");
    let failed: Vec<String> = cases
        .iter()
        .filter(|case| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(case))).is_err()
        })
        .map(|case| name(case).to_owned())
        .collect();
    assert!(failed.is_empty(), "{} failed: {failed:?}", failed.len());
}

/// The case's name.
pub fn name(case: &Value) -> &str {
    case["name"].as_str().unwrap_or_default()
}

/// The file's bytes: `content` as a string, or a list of strings and `{repeat, count}` parts.
pub fn content(case: &Value) -> Vec<u8> {
    let parts = match &case["content"] {
        Value::String(text) => return text.as_bytes().to_vec(),
        Value::Array(parts) => parts,
        other => panic!("{}: content is {other}", name(case)),
    };
    let mut out = Vec::new();
    for part in parts {
        match part {
            Value::String(text) => out.extend_from_slice(text.as_bytes()),
            Value::Object(_) => {
                let text = part["repeat"].as_str().expect("repeat");
                let count = usize::try_from(part["count"].as_u64().expect("count")).unwrap();
                out.extend_from_slice(text.repeat(count).as_bytes());
            }
            other => panic!("{}: content part {other}", name(case)),
        }
    }
    out
}

/// The file name extension of the case's syntax: `csv` or `jsonl`.
pub fn extension(case: &Value) -> &str {
    match case["syntax"].as_str() {
        Some("csv") => "csv",
        Some("jsonl") => "jsonl",
        other => panic!("{}: syntax {other:?}", name(case)),
    }
}

/// The exit status a report `{problems, summary, error}` stands for: 2 with an error, else 1
/// with problems, else 0.
pub fn verdict(report: &Value) -> i64 {
    if report["error"].is_null() {
        i64::from(report["summary"]["problems"].as_u64().unwrap_or(0) > 0)
    } else {
        2
    }
}

/// Whether `got` has every key of `want` with the same value.
fn matches(got: &Value, want: &Value) -> bool {
    match want {
        Value::Object(want) => want.iter().all(|(key, value)| matches(&got[key], value)),
        _ => got == want,
    }
}

/// Checks the report (`--format json`'s object) against the case's `expect`; `exit` is the
/// command's status, or the report's [`verdict`].
pub fn check_report(case: &Value, report: &Value, exit: i64) {
    let label = name(case);
    let expect = &case["expect"];
    assert_eq!(
        Some(exit),
        expect["exit"].as_i64(),
        "{label}: exit\n{report:#}"
    );
    match expect.get("error") {
        Some(Value::Null) => assert!(report["error"].is_null(), "{label}: {}", report["error"]),
        Some(want) => assert!(
            !report["error"].is_null() && matches(&report["error"], want),
            "{label}: error {want}\n{report:#}"
        ),
        None => {}
    }
    match expect.get("summary") {
        Some(Value::Null) => assert!(report["summary"].is_null(), "{label}: a summary"),
        Some(want) => assert!(
            matches(&report["summary"], want),
            "{label}: summary {want}\n{:#}",
            report["summary"]
        ),
        None => {}
    }
    if let Some(listed) = expect.get("unknown_columns_listed") {
        let got = report["summary"]["unknown_columns"]
            .as_array()
            .map(Vec::len);
        assert_eq!(
            got.map(|n| n as u64),
            listed.as_u64(),
            "{label}: unknown columns"
        );
    }
    let problems = report["problems"].as_array().cloned().unwrap_or_default();
    for want in expect["problems"].as_array().into_iter().flatten() {
        assert!(
            problems.iter().any(|p| matches(p, want)),
            "{label}: no problem {want} in {problems:#?}"
        );
    }
    let types: Vec<&str> = problems
        .iter()
        .chain(std::iter::once(&report["error"]))
        .filter_map(|p| p["type"].as_str())
        .collect();
    for want in expect["problem_types"].as_array().into_iter().flatten() {
        assert!(
            types.contains(&want.as_str().unwrap()),
            "{label}: no {want} in {types:?}"
        );
    }
    for absent in expect["absent_types"].as_array().into_iter().flatten() {
        assert!(
            !types.contains(&absent.as_str().unwrap()),
            "{label}: {absent} in {types:?}"
        );
    }
    check_absent(case, &report.to_string());
}

/// Checks that none of the case's `absent` texts is in `output`.
pub fn check_absent(case: &Value, output: &str) {
    for absent in case["expect"]["absent"].as_array().into_iter().flatten() {
        let absent = absent.as_str().unwrap();
        assert!(
            !output.contains(absent),
            "{}: {absent:?} in the output",
            name(case)
        );
    }
}
