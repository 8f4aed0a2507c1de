//! Password checks: the shared vectors in `tests/vectors/passwords.json`, and properties (no
//! panics, violations are exactly the rules not met, the password never shows).

#![cfg(test)]

mod support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde_json::{json, Value};
use unilogin::credentials::check::{
    check_password, HashedPassword, Password, PasswordContext, PasswordPolicy, PasswordReport,
    PasswordRule, RuleCheck, RuleStatus,
};
use unilogin::people::UserGroup;
use unilogin::{ErrorType, Lang, Loc};

fn load() -> Value {
    support::load("passwords.json")
}

/// The rule each violation type belongs to.
fn rule_of(kind: ErrorType) -> PasswordRule {
    match kind {
        ErrorType::PasswordTooShort | ErrorType::PasswordTooLong => PasswordRule::Length,
        ErrorType::PasswordNeedsLowercase => PasswordRule::Lowercase,
        ErrorType::PasswordNeedsUppercase => PasswordRule::Uppercase,
        ErrorType::PasswordNeedsDigit => PasswordRule::Digit,
        ErrorType::PasswordCharacters => PasswordRule::Characters,
        ErrorType::PasswordContainsName => PasswordRule::NoName,
        ErrorType::PasswordContainsSeason => PasswordRule::NoSeason,
        ErrorType::PasswordCommon => PasswordRule::NotCommon,
        ErrorType::PasswordReused => PasswordRule::NotRecent,
        other => panic!("not a password violation: {other}"),
    }
}

fn check_messages(label: &str, actual: &[(String, String)], expected: &Value) {
    let expected = expected.as_array().unwrap();
    assert_eq!(actual.len(), expected.len(), "{label}: number of messages");
    for ((da, en), want) in actual.iter().zip(expected) {
        assert_eq!(da, want["da"].as_str().unwrap(), "{label}: msg da");
        assert_eq!(en, want["en"].as_str().unwrap(), "{label}: msg en");
    }
}

/// The case's earlier passwords; `None` without a `history` key: they are not known, and
/// `not_recent` is not checked.
fn history_of(case: &Value) -> Option<Vec<HashedPassword>> {
    case.get("history").map(|h| {
        h.as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap().parse().unwrap())
            .collect()
    })
}

/// The optional `status` (rule id → status key) and `complete` of a case; `complete` is always
/// whether no rule was left unchecked.
fn check_statuses(label: &str, report: &PasswordReport, rendered: &Value, expect: &Value) {
    if let Some(statuses) = expect.get("status") {
        for (id, status) in statuses.as_object().unwrap() {
            let rule = PasswordRule::from_id(id).unwrap();
            assert_eq!(
                report.status(rule).key(),
                status.as_str().unwrap(),
                "{label}: status of {id}"
            );
        }
    }
    if let Some(complete) = expect.get("complete") {
        assert_eq!(&rendered["complete"], complete, "{label}: complete");
    }
    assert_eq!(
        rendered["complete"],
        json!(report.not_checked().next().is_none()),
        "{label}"
    );
}

fn check_case(i: usize, case: &Value) {
    let name = case["name"].as_str().unwrap();
    let label = format!("passwords #{i} {name}");
    let group = UserGroup::from_key(case["group"].as_str().unwrap()).unwrap();
    let overrides = case.get("policy").cloned().unwrap_or_else(|| json!({}));
    let policy = PasswordPolicy::stil_with_overrides(group, &overrides).unwrap();
    let password = case["password"].as_str().unwrap();
    let names: Vec<&str> = case["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let history = history_of(case);
    let mut context = PasswordContext::new(group).with_names(&names);
    if let Some(history) = &history {
        context = context.with_history(history);
    }
    let expect = &case["expect"];
    let result = check_password(password, &context, &policy);

    if let Some(error) = expect.get("error") {
        let err = result.expect_err(&label);
        let problem = err.clone().at(Loc::key("password"), None);
        let rendered = serde_json::to_value(problem.rendered(Lang::Da)).unwrap();
        assert_eq!(rendered["type"], error["type"], "{label}: type");
        assert_eq!(rendered["ctx"], error["ctx"], "{label}: ctx");
        if let Some(msg) = error.get("msg") {
            assert_eq!(
                err.message(Lang::Da),
                msg["da"].as_str().unwrap(),
                "{label}"
            );
            assert_eq!(
                err.message(Lang::En),
                msg["en"].as_str().unwrap(),
                "{label}"
            );
        }
        return;
    }

    let report = result.unwrap_or_else(|e| panic!("{label}: refused with {e}"));
    let rendered = serde_json::to_value(report.rendered(Lang::Da)).unwrap();
    let got: Vec<Value> = rendered["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| json!({"type": v["type"], "ctx": v["ctx"]}))
        .collect();
    assert_eq!(
        &Value::from(got),
        &expect["violations"],
        "{label}: violations"
    );
    assert_eq!(
        rendered["ok"],
        json!(report.violations().is_empty()),
        "{label}"
    );

    let rules: BTreeMap<&str, Value> = rendered["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["rule"].as_str().unwrap(), r["met"].clone()))
        .collect();
    let want: BTreeMap<&str, Value> = expect["rules"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    assert_eq!(rules, want, "{label}: rules");
    check_statuses(&label, &report, &rendered, expect);

    if let Some(msgs) = expect.get("msg") {
        let actual: Vec<(String, String)> = report
            .violations()
            .iter()
            .map(|v| (v.message(Lang::Da), v.message(Lang::En)))
            .collect();
        check_messages(&label, &actual, msgs);
    }
    if let Some(labels) = expect.get("labels") {
        for (tag, lang) in [("da", Lang::Da), ("en", Lang::En)] {
            for (id, text) in labels[tag].as_object().unwrap() {
                let rule = PasswordRule::from_id(id).unwrap();
                let check = report.rules().iter().find(|r| r.rule() == rule).unwrap();
                assert_eq!(
                    check.label(lang),
                    text.as_str().unwrap(),
                    "{label}: {id} {tag}"
                );
            }
        }
    }
    if password.chars().count() >= 10 {
        assert_no_leak(&label, password, &report);
    }
}

#[test]
fn password_vectors() {
    let doc = load();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 40);
    for (i, case) in cases.iter().enumerate() {
        check_case(i, case);
    }
}

#[test]
fn vectors_cover_every_password_type_and_group() {
    let doc = load();
    let text = doc.to_string();
    for kind in ErrorType::ALL
        .iter()
        .filter(|t| t.code().starts_with("password_"))
    {
        assert!(
            text.contains(&format!("\"type\":\"{}\"", kind.code())),
            "no vector for {kind}"
        );
    }
    let cases = doc["cases"].as_array().unwrap();
    for group in UserGroup::ALL {
        let all_met = cases.iter().any(|c| {
            c["group"] == group.key()
                && c.get("policy").is_none()
                && c["expect"]["violations"] == json!([])
        });
        let refused = cases.iter().any(|c| {
            c["group"] == group.key() && c["expect"]["error"]["type"] == "password_not_choosable"
        });
        assert!(all_met || refused, "no all-rules-met case for {group}");
    }
}

/// The password appears nowhere in the report: rendered JSON in both languages (raw and as a
/// JSON string), messages, problems, `Debug`.
fn assert_no_leak(label: &str, password: &str, report: &PasswordReport) {
    let escaped = serde_json::to_string(password).unwrap();
    let escaped = &escaped[1..escaped.len() - 1];
    let mut outputs = vec![format!("{report:?}"), format!("{report:#?}")];
    for lang in [Lang::Da, Lang::En] {
        outputs.push(serde_json::to_string(&report.rendered(lang)).unwrap());
        let problems = report.problems(&Loc::key("password"));
        outputs.push(serde_json::to_string(&problems.rendered(lang)).unwrap());
        outputs.push(format!("{problems:?} {problems}"));
        for v in report.violations() {
            outputs.push(v.message(lang));
            outputs.push(format!("{v:?}"));
        }
        for r in report.rules() {
            outputs.push(r.label(lang));
        }
    }
    for out in &outputs {
        assert!(!out.contains(password), "{label}: password in {out}");
        assert!(!out.contains(escaped), "{label}: password in {out}");
    }
    for p in &report.problems(&Loc::key("password")) {
        assert_eq!(p.input(), None, "{label}");
    }
}

fn groups() -> impl Strategy<Value = UserGroup> {
    proptest::sample::select(UserGroup::ALL.to_vec())
}

/// Passwords made of pieces that trigger the rules, and a marker no catalogue text contains.
fn tricky_password() -> impl Strategy<Value = String> {
    let pieces = proptest::sample::select(vec![
        "sommer",
        "Forår",
        "efteraar",
        "VINTER",
        "Søren",
        "soeren",
        "Ågård",
        "aagaard",
        "password",
        "Fodbold",
        "hejmeddig",
        "kærlighed",
        "123",
        "7",
        "Æ",
        "ø",
        "hest",
        "Bil",
        " ",
        "-",
        "\n",
        "\t",
        "\u{0}",
        "é",
        "ß",
        "İ",
        "ﬀ",
        "🙂",
        "a",
        "A",
    ]);
    (
        proptest::collection::vec(pieces.clone(), 0..6),
        proptest::collection::vec(pieces, 0..6),
    )
        .prop_map(|(before, after)| format!("{}☃{}", before.concat(), after.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_string_panics(
        password in any::<String>(),
        names in proptest::collection::vec(any::<String>(), 0..3),
        group in groups(),
        depth in 0_u32..8,
    ) {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let history = [HashedPassword::with_salt(&password, [3; 16])];
        let context = PasswordContext::new(group).with_names(&names).with_history(&history);
        let mut policy = PasswordPolicy::stil(group);
        policy.history_depth = depth;
        if let Ok(report) = check_password(&password, &context, &policy) {
            for lang in [Lang::Da, Lang::En] {
                serde_json::to_string(&report.rendered(lang)).unwrap();
            }
            prop_assert_eq!(
                report.status(PasswordRule::NotRecent) == RuleStatus::NotMet,
                depth > 0
            );
        }
    }

    #[test]
    fn violations_are_exactly_the_rules_not_met(
        password in "\\PC{0,30}|[a-zA-ZæøåÆØÅ0-9 \\-\n]{0,30}",
        group in groups(),
        require in any::<[bool; 6]>(),
        depth in 0_u32..3,
    ) {
        let mut policy = PasswordPolicy::stil(group);
        policy.may_choose = true;
        policy.require_lowercase = require[0];
        policy.require_uppercase = require[1];
        policy.require_digit = require[2];
        policy.forbid_names = require[3];
        policy.forbid_seasons = require[4];
        policy.forbid_common = require[5];
        policy.history_depth = depth;
        let history = [HashedPassword::with_salt("Hestesko-Bilvask-12", [1; 16])];
        let names = ["Søren Ågård"];
        let context = PasswordContext::new(group).with_names(&names).with_history(&history);
        let report = check_password(&password, &context, &policy).unwrap();
        let ids: Vec<PasswordRule> = report.rules().iter().map(RuleCheck::rule).collect();
        prop_assert_eq!(ids, PasswordRule::ALL.to_vec());
        let not_met: Vec<PasswordRule> = report
            .rules()
            .iter()
            .filter(|r| r.status() == RuleStatus::NotMet)
            .map(RuleCheck::rule)
            .collect();
        let violated: Vec<PasswordRule> =
            report.violations().iter().map(|v| rule_of(v.kind())).collect();
        prop_assert_eq!(&not_met, &violated);
        prop_assert_eq!(report.is_ok(), not_met.is_empty());
        let applies = [
            true,
            policy.require_lowercase,
            policy.require_uppercase,
            policy.require_digit,
            true,
            policy.forbid_names,
            policy.forbid_seasons,
            policy.forbid_common,
            depth > 0,
        ];
        for (check, applies) in report.rules().iter().zip(applies) {
            prop_assert_eq!(check.status() == RuleStatus::NotApplicable, !applies);
        }
        let rendered = serde_json::to_value(report.rendered(Lang::En)).unwrap();
        prop_assert_eq!(rendered["violations"].as_array().unwrap().len(), violated.len());
        prop_assert_eq!(rendered["ok"].as_bool().unwrap(), report.is_ok());
    }

    #[test]
    fn the_password_never_shows(
        password in tricky_password(),
        group in groups(),
        reuse in any::<bool>(),
    ) {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let history = [HashedPassword::new(if reuse { &password } else { "Andet-1" }, &mut rng)];
        let names = ["Søren Ågård"];
        let context = PasswordContext::new(group).with_names(&names).with_history(&history);
        match check_password(&password, &context, &PasswordPolicy::stil(group)) {
            Ok(report) => {
                assert_no_leak("proptest", &password, &report);
                prop_assert_eq!(report.status(PasswordRule::NotRecent) == RuleStatus::NotMet, reuse);
            }
            Err(err) => {
                let shown = format!(
                    "{err:?} {err} {} {}",
                    err.message(Lang::Da),
                    serde_json::to_string(err.ctx()).unwrap()
                );
                let leaked = shown.contains(&password);
                prop_assert!(!leaked);
            }
        }
        let wrapped = Password::new(password.clone());
        let debug = format!("{wrapped:?} {:?}", history[0]);
        prop_assert!(!debug.contains(&password));
    }

    #[test]
    fn a_name_is_found_in_any_spelling(
        before in "[a-z0-9]{0,5}",
        after in "[a-z0-9]{0,5}",
        name in proptest::sample::select(vec![
            "Søren", "Ågård", "Bjørn", "Mæhle", "Kjærgaard", "Østergaard", "Aase", "Michael",
        ]),
        choices in any::<[bool; 6]>(),
        upper in any::<bool>(),
    ) {
        // Spell every æ, ø, å (and ASCII aa) as the choices say: as written, full or short.
        let mut spelled = String::new();
        let mut i = 0;
        for c in name.chars() {
            let choice = choices[i % choices.len()];
            let piece = match (c.to_lowercase().next().unwrap(), choice) {
                ('æ', true) => "ae",
                ('ø', true) => "oe",
                ('å', true) => "aa",
                ('æ' | 'å', false) => "a",
                ('ø', false) => "o",
                _ => {
                    spelled.push(c);
                    continue;
                }
            };
            i += 1;
            spelled.push_str(piece);
        }
        let spelled = if upper { spelled.to_uppercase() } else { spelled };
        let password = format!("{before}{spelled}{after}");
        let names = [name];
        let context = PasswordContext::new(UserGroup::Mellemtrin).with_names(&names);
        let report =
            check_password(&password, &context, &PasswordPolicy::stil(UserGroup::Mellemtrin))
                .unwrap();
        prop_assert_eq!(report.status(PasswordRule::NoName), RuleStatus::NotMet, "{}", password);
    }

    #[test]
    fn stored_hashes_round_trip(password in any::<String>(), salt in any::<[u8; 16]>()) {
        let stored = HashedPassword::with_salt(&password, salt);
        let again: HashedPassword = stored.to_string().parse().unwrap();
        prop_assert!(again.matches(&password));
        prop_assert_eq!(again, stored);
    }
}

mod assigned_passwords {
    use proptest::prelude::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;
    use unilogin::credentials::assigned::assign;
    use unilogin::credentials::check::{check_password, PasswordContext, PasswordPolicy};
    use unilogin::people::UserGroup;
    use unilogin::Lang;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Every assigned text password passes its own group's policy (with choosing allowed,
        /// since the user does not choose it), for any seed and any user names.
        #[test]
        fn generated_passwords_always_pass_their_policy(
            seed in any::<u64>(),
            group in prop_oneof![
                Just(UserGroup::Mellemtrin), Just(UserGroup::Udskoling),
                Just(UserGroup::YouthEducation), Just(UserGroup::Employee), Just(UserGroup::Parent)
            ],
            first in "[A-ZÆØÅ][a-zæøå]{2,8}",
            last in "[A-ZÆØÅ][a-zæøå]{2,10}",
        ) {
            let mut rng = ChaCha20Rng::seed_from_u64(seed);
            let full = format!("{first} {last}");
            let names = [full.as_str()];
            let password = assign(group, &names, &mut rng).unwrap();
            let text = password.reveal(Lang::Da);
            let policy = PasswordPolicy { may_choose: true, ..PasswordPolicy::stil(group) };
            let report = check_password(&text, &PasswordContext::new(group).with_names(&names), &policy).unwrap();
            prop_assert!(report.is_ok(), "{text}: {:?}", report.violations());
            let debug = format!("{password:?}");
            prop_assert!(!debug.contains(&text));
        }
    }
}
