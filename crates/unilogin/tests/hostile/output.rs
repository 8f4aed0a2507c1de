//! `tests/vectors/hostile/output.json`, surface `password`: a violation names the rule it
//! breaks, never the part of the password that breaks it (the command's surface runs in the
//! command's suite).

use std::fmt::Write as _;

use serde_json::Value;
use unilogin::credentials::check::{check_password, PasswordContext, PasswordPolicy};
use unilogin::people::UserGroup;
use unilogin::{Lang, Loc};

use crate::support;

#[test]
fn output_password_cases() {
    let doc = support::load("hostile/output.json");
    let cases: Vec<&Value> = doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|case| case["surface"] == "password")
        .collect();
    assert!(cases.len() >= 5, "{}", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let group = UserGroup::from_key(case["group"].as_str().unwrap()).expect(name);
        let names: Vec<String> = serde_json::from_value(case["names"].clone()).expect(name);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let password = case["password"].as_str().unwrap();
        let context = PasswordContext::new(group).with_names(&names);
        let report = check_password(password, &context, &PasswordPolicy::stil(group)).expect(name);
        let types: Vec<&str> = report
            .violations()
            .iter()
            .map(|v| v.kind().code())
            .collect();
        for wanted in case["expect"]["problem_types"].as_array().unwrap() {
            assert!(
                types.contains(&wanted.as_str().unwrap()),
                "{name}: {wanted} not among {types:?}"
            );
        }
        // Everything a host shows of the violations: messages in both languages, ctx,
        // problems (with their input) and Debug output.
        let mut shown = String::new();
        for lang in [Lang::Da, Lang::En] {
            let rendered = report.rendered(lang);
            shown += &serde_json::to_string(&rendered.violations).unwrap();
            let problems = report.problems(&Loc::key("password"));
            shown += &serde_json::to_string(&problems.rendered(lang)).unwrap();
        }
        write!(shown, "{:?}", report.violations()).unwrap();
        for absent in case["expect"]["absent"].as_array().unwrap() {
            let absent = absent.as_str().unwrap();
            assert!(
                !shown.contains(absent),
                "{name}: {absent:?} shown in {shown}"
            );
        }
    }
}
