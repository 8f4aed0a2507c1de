//! The hostile state vectors (`tests/vectors/hostile/state.json`): the agreement ledger and the
//! reset-grant store driven out of time order, failed calls that must change nothing, keyed
//! one-time codes, and password-history entries (see the file's `description`).

use chrono::{DateTime, Utc};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde_json::{json, Value};
use unilogin::agreement::{AgreementId, DataAccessRequest, Decision, Ledger, Person};
use unilogin::credentials::check::HashedPassword;
use unilogin::credentials::reset::{GrantStore, Issuer, Keyring, ResetPolicy};
use unilogin::form::{self, GrantCode, PasswordArguments};
use unilogin::{FieldError, Loc, Problem};

use super::support;

fn doc() -> Value {
    support::load("hostile/state.json")
}

fn cases(surface: &str) -> Vec<Value> {
    let cases: Vec<Value> = doc()["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["surface"] == surface)
        .cloned()
        .collect();
    assert!(!cases.is_empty(), "no {surface} cases");
    cases
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str()
        .expect("a time")
        .parse()
        .expect("an RFC 3339 time")
}

/// `expect.error` (with `ctx` and `loc` if given) against a problem.
fn check_problem(label: &str, problem: &Problem, want: &Value) {
    assert_eq!(problem.kind().code(), want["error"], "{label}: {problem:?}");
    if let Some(ctx) = want.get("ctx") {
        assert_eq!(
            &serde_json::to_value(problem.ctx()).unwrap(),
            ctx,
            "{label}: ctx"
        );
    }
    if let Some(loc) = want.get("loc") {
        assert_eq!(
            &serde_json::to_value(problem.loc()).unwrap(),
            loc,
            "{label}: loc"
        );
    }
}

/// An operation's outcome against its `expect`: the result's fields, or the error and (with
/// `unchanged`) that the state after the call is the state before it.
fn check_outcome<S: PartialEq + std::fmt::Debug>(
    label: &str,
    result: Result<Value, Problem>,
    want: &Value,
    before: &S,
    after: &S,
) {
    match result {
        Ok(got) if want.get("error").is_none() => {
            for (k, v) in want.as_object().unwrap() {
                if k != "ok" {
                    assert_eq!(&got[k], v, "{label}: {k}");
                }
            }
        }
        Err(problem) if want.get("error").is_some() => {
            check_problem(label, &problem, want);
            if want["unchanged"] == true {
                assert_eq!(after, before, "{label}: the state changed");
            }
        }
        other => panic!("{label}: got {other:?}, want {want}"),
    }
}

/// The case's summary `expect.error` is the error of its last failing operation.
fn check_summary(label: &str, case: &Value) {
    let last_error = case["operations"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find_map(|op| op["expect"].get("error"));
    if let Some(error) = case["expect"].get("error") {
        assert_eq!(Some(error), last_error, "{label}: summary error");
    }
    if case["expect"]["state_unchanged"] == true {
        let unchanged = case["operations"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|op| op["expect"].get("error").is_some())
            .map(|op| op["expect"]["unchanged"] == true);
        assert_eq!(unchanged, Some(true), "{label}: summary state_unchanged");
    }
}

// ---- ledger -------------------------------------------------------------------------------

#[test]
fn ledger_cases() {
    let doc = doc();
    let people = &doc["people"];
    let person = |key: &Value| -> Person {
        serde_json::from_value(people[key.as_str().unwrap()].clone()).expect("a person")
    };
    for case in cases("ledger") {
        let name = case["name"].as_str().unwrap();
        check_summary(name, &case);
        let mut ledger = Ledger::new();
        for (i, op) in case["operations"].as_array().unwrap().iter().enumerate() {
            let label = format!("{name} / {i} {}", op["op"]);
            let want = &op["expect"];
            let before = ledger.to_json();
            let id = || AgreementId(op["id"].as_u64().unwrap());
            let result: Result<Value, Problem> = match op["op"].as_str().unwrap() {
                "request" => {
                    let request: DataAccessRequest =
                        serde_json::from_value(op["request"].clone()).unwrap();
                    ledger
                        .request(&request, &person(&op["by"]), time(&op["at"]))
                        .map(|ids| json!({"ids": ids}))
                        .map_err(|p| p.as_slice()[0].clone())
                }
                "decide" => {
                    let decision = match op["decision"].as_str().unwrap() {
                        "approve" => Decision::Approve {
                            dpa_in_place: op["dpa_in_place"] == true,
                        },
                        _ => Decision::Reject,
                    };
                    ledger
                        .decide(id(), decision, &person(&op["by"]), time(&op["at"]), None)
                        .map(|_| json!({"ok": true}))
                        .map_err(|e| e.at(Loc::root(), None))
                }
                end @ ("close" | "withdraw") => {
                    let call = if end == "close" {
                        Ledger::close
                    } else {
                        Ledger::withdraw
                    };
                    call(&mut ledger, id(), &person(&op["by"]), time(&op["at"]), None)
                        .map(|()| json!({"ok": true}))
                        .map_err(|e| e.at(Loc::root(), None))
                }
                "load" => Ledger::from_json(op["json"].as_str().unwrap())
                    .map(|l| {
                        ledger = l;
                        json!({"ok": true})
                    })
                    .map_err(|e| e.at(Loc::root(), None)),
                "reload" => {
                    let again = Ledger::from_json(&ledger.to_json()).expect("reloads");
                    assert_eq!(again, ledger, "{label}");
                    Ok(json!({"ok": true}))
                }
                other => panic!("{label}: unknown op {other}"),
            };
            check_outcome(&label, result, want, &before, &ledger.to_json());
        }
    }
}

// ---- grants -------------------------------------------------------------------------------

/// The keyring of an operation's `keys` ({id: hex}) and `key_id`.
fn keyring(op: &Value) -> Result<Keyring, FieldError> {
    let Some(keys) = op.get("keys").and_then(Value::as_object) else {
        return Ok(Keyring::default());
    };
    let keys: Vec<(String, Vec<u8>)> = keys
        .iter()
        .map(|(id, hex)| (id.clone(), unhex(hex.as_str().unwrap())))
        .collect();
    Keyring::from_keys(op["key_id"].as_str().unwrap(), keys).map_err(FieldError::from)
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn inspect(label: &str, store: &GrantStore, want: &Value) {
    let text = store.to_json();
    if let Some(keyed) = want.get("keyed") {
        assert_eq!(json!(store.is_keyed()), *keyed, "{label}: keyed");
    }
    if let Some(ids) = want.get("unkeyed_codes") {
        assert_eq!(json!(store.unkeyed_codes()), *ids, "{label}: unkeyed_codes");
    }
    if let Some(map) = want.get("code_keyed").and_then(Value::as_object) {
        for (id, keyed) in map {
            let grant = store.grant(unilogin::credentials::reset::GrantId(id.parse().unwrap()));
            assert_eq!(
                json!(grant.unwrap().code_is_keyed()),
                *keyed,
                "{label}: grant {id}"
            );
        }
    }
    if let Some(policy) = want.get("policy") {
        assert_eq!(json!(store.policy()), *policy, "{label}: policy");
    }
    for absent in want
        .get("json_absent")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        assert!(
            !text.contains(absent.as_str().unwrap()),
            "{label}: {absent} in {text}"
        );
    }
    for present in want
        .get("json_contains")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        assert!(
            text.contains(present.as_str().unwrap()),
            "{label}: no {present} in {text}"
        );
    }
}

#[test]
fn grants_cases() {
    let mut rng = ChaCha20Rng::seed_from_u64(12);
    for case in cases("grants") {
        let name = case["name"].as_str().unwrap();
        check_summary(name, &case);
        let mut store = GrantStore::new();
        for (i, op) in case["operations"].as_array().unwrap().iter().enumerate() {
            let label = format!("{name} / {i} {}", op["op"]);
            let want = &op["expect"];
            let before = (store.to_json(), store.last_time());
            let result: Result<Value, FieldError> = match op["op"].as_str().unwrap() {
                "create" => {
                    let policy: ResetPolicy = op
                        .get("policy")
                        .map(|p| serde_json::from_value(p.clone()).unwrap())
                        .unwrap_or_default();
                    keyring(op).map(|keys| {
                        store = GrantStore::with_policy(policy).with_keys(keys);
                        json!({"ok": true})
                    })
                }
                "issue" => {
                    let issuer: Issuer = serde_json::from_value(op["by"].clone()).unwrap();
                    let pupil = form::reset_pupil(op["pupil"].clone()).unwrap();
                    let code = op["code"]
                        .as_str()
                        .map_or(GrantCode::Without, |c| GrantCode::Given(c.to_owned()));
                    form::issue_reset_grant(
                        &mut store,
                        &issuer,
                        &pupil,
                        time(&op["at"]),
                        code,
                        &mut rng,
                    )
                    .map(|issued| json!({"grant": issued.grant, "expires_at": issued.expires_at}))
                    .map_err(|e| match e {
                        form::GrantError::Reset(p) | form::GrantError::Shape(p) => {
                            FieldError::with_ctx(p.kind(), p.ctx().clone())
                        }
                        form::GrantError::Argument(a) => panic!("{label}: {a:?}"),
                    })
                }
                "redeem" => {
                    let user = form::reset_username(op["username"].as_str().unwrap()).unwrap();
                    store
                        .redeem(&user, op["code"].as_str(), time(&op["at"]))
                        .map(|r| json!({"grant": r.grant}))
                        .map_err(FieldError::from)
                }
                "load" => keyring(op).and_then(|keys| {
                    GrantStore::from_json(op["json"].as_str().unwrap())
                        .map(|s| {
                            store = s.with_keys(keys);
                            json!({"ok": true})
                        })
                        .map_err(FieldError::from)
                }),
                "reload" => {
                    let keys = keyring(op).expect("keys");
                    let again = GrantStore::from_json(&store.to_json()).expect("reloads");
                    assert_eq!(again.to_json(), store.to_json(), "{label}");
                    assert_eq!(again.last_time(), store.last_time(), "{label}");
                    store = again.with_keys(keys);
                    Ok(json!({"ok": true}))
                }
                "inspect" => {
                    inspect(&label, &store, want);
                    continue;
                }
                other => panic!("{label}: unknown op {other}"),
            };
            let after = (store.to_json(), store.last_time());
            check_outcome(
                &label,
                result.map_err(|e| e.at(Loc::root(), None)),
                want,
                &before,
                &after,
            );
        }
    }
}

// ---- password history ---------------------------------------------------------------------

#[test]
fn password_cases() {
    for case in cases("password") {
        let name = case["name"].as_str().unwrap();
        let want = &case["expect"];
        let history: Vec<String> = serde_json::from_value(case["history"].clone()).unwrap();
        let args = PasswordArguments {
            group: case["group"].as_str().unwrap().to_owned(),
            names: Vec::new(),
            history: Some(history.clone()),
            policy: None,
        };
        let report = form::check_password(case["password"].as_str().unwrap(), &args, "history");
        match (report, want.get("error")) {
            (Ok(report), None) => {
                let types: Vec<&str> = report
                    .violations()
                    .iter()
                    .map(|v| v.kind().code())
                    .collect();
                assert_eq!(json!(types), want["problem_types"], "{name}");
                let rehash: Vec<bool> = history
                    .iter()
                    .map(|h| HashedPassword::parse(h).unwrap().needs_rehash())
                    .collect();
                assert_eq!(json!(rehash), want["needs_rehash"], "{name}");
            }
            (Err(e), Some(code)) => {
                assert_eq!(e.code(), code, "{name}");
                assert!(
                    history.iter().all(|h| HashedPassword::parse(h).is_err()),
                    "{name}"
                );
            }
            (got, _) => panic!("{name}: got {got:?}, want {want}"),
        }
    }
}
