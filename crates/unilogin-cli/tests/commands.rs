//! Runs `unilogin plan`, `check` and `password` and checks their output and exit status.
#![cfg(test)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_unilogin");

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

fn exec(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

// ---- plan -----------------------------------------------------------------------------------

#[test]
fn plan_text_numbers_the_steps_with_actor_and_prerequisites() {
    let run = exec(&["plan", "--legal-basis", "kommunal", "--lang", "en"], None);
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "Onboarding to Unilogin: Municipal daycare institution (section 19(2) of the Day Care Act)"
    );
    assert!(run.stdout.contains("\n1. "), "{}", run.stdout);
    assert!(run.stdout.contains("   After step: "), "{}", run.stdout);
    assert!(run.stdout.contains("(approve_request)"), "{}", run.stdout);

    let da = exec(&["plan", "--legal-basis", "privat"], None);
    assert!(da
        .stdout
        .starts_with("Tilslutning til Unilogin: Privatinstitution"));
    assert!(da.stdout.contains("   Efter trin: 1\n"), "{}", da.stdout);
}

#[test]
fn plan_json_is_the_plan_as_data_and_mermaid_a_flowchart() {
    for basis in ["kommunal", "selvejet", "privat"] {
        let run = exec(&["plan", "--legal-basis", basis, "--format", "json"], None);
        assert_eq!(run.code, 0, "{run:?}");
        let plan = run.json();
        assert_eq!(plan["legal_basis"], basis);
        let steps = plan["steps"].as_array().unwrap();
        assert!(steps.len() >= 5, "{basis}: {steps:?}");
        for step in steps {
            assert!(step["title"]["da"].is_string() && step["title"]["en"].is_string());
        }
    }
    let run = exec(
        &[
            "plan",
            "--legal-basis",
            "privat",
            "--format",
            "mermaid",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("flowchart TD\n"));
    assert!(run
        .stdout
        .contains("vendor_sends_request --> approve_request"));
}

#[test]
fn plan_refuses_other_legal_bases_with_status_2() {
    for args in [
        vec!["plan", "--legal-basis", "udliciteret"],
        vec!["plan"],
        vec!["plan", "--legal-basis", "privat", "--format", "svg"],
    ] {
        let run = exec(&args, None);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stdout.is_empty());
    }
}

// ---- check ----------------------------------------------------------------------------------

#[test]
fn check_prints_canonical_forms_and_reasons() {
    let run = exec(&["check", "cvr", "DK-1358 5628", "13585627"], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "\"DK-1358 5628\" → 13585628\n\
         \"13585627\": CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke) \
         [cvr_checksum]\n"
    );
    let run = exec(&["check", "phone", "+45 3366 3366", "--lang", "en"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "\"+45 3366 3366\" → 33 66 33 66\n");
}

#[test]
fn check_knows_every_kind_the_issue_names() {
    for (kind, value, canonical) in [
        ("cvr", "13585628", "13585628"),
        ("p-number", "1029829825", "1029829825"),
        ("institution-number", "g18062", "G18062"),
        ("municipality", "Koebenhavns Kommune", "København"),
        ("phone", "0045 33663366", "33 66 33 66"),
        ("email", "Kontakt@Egernet.dk", "Kontakt@egernet.dk"),
        ("cpr", "150320-4120", "150320-****"),
    ] {
        let run = exec(&["check", kind, "--format", "json", value], None);
        assert_eq!(run.code, 0, "{kind}: {run:?}");
        let outcome = &run.json()[0];
        assert_eq!(outcome["valid"], true, "{kind}: {outcome}");
        assert_eq!(outcome["canonical"], canonical, "{kind}: {outcome}");
        assert_eq!(outcome["error"], Value::Null);
    }
}

#[test]
fn check_json_gives_type_msg_and_ctx() {
    let run = exec(
        &[
            "check",
            "municipality",
            "--format",
            "json",
            "--lang",
            "en",
            "Frederiksbærg",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.json(),
        json!([{
            "kind": "municipality",
            "input": "Frederiksbærg",
            "valid": false,
            "canonical": null,
            "error": {
                "type": "municipality_suggestion",
                "msg": "Unknown municipality; did you mean Frederiksberg?",
                "ctx": {"suggestion": "Frederiksberg"}
            }
        }])
    );
}

#[test]
fn check_reads_values_from_stdin_and_never_prints_a_whole_cpr_number() {
    let input = "150320-4120\n\n3102214060\n0102031234x\n";
    let run = exec(&["check", "cpr", "--lang", "en"], Some(input));
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "\"150320-****\" → 150320-**** (born 2020-03-15)\n\
         \"310221-****\": The first six digits of the CPR number are not a valid date [cpr_date]\n\
         \"***********\": A CPR number is 10 digits: DDMMYY-SSSS [cpr_format]\n"
    );
    for secret in ["4120", "4060", "1234"] {
        assert!(!run.stdout.contains(secret), "{secret}: {run:?}");
    }
    let json = exec(&["check", "cpr", "--format", "json"], Some(input));
    assert_eq!(json.json()[0]["birth_date"], "2020-03-15");
    assert!(!json.stdout.contains("4120"));
}

#[test]
fn check_usage_errors_exit_2() {
    for args in [vec!["check"], vec!["check", "colour", "red"]] {
        let run = exec(&args, None);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(!run.stderr.is_empty());
    }
}

// ---- password -------------------------------------------------------------------------------

#[test]
fn password_check_reads_stdin_and_never_prints_the_password() {
    let password = "Sommer-Kage-2024";
    let run = exec(
        &["password", "check", "--group", "parent", "--lang", "en"],
        Some(&format!("{password}\n")),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("[x] Between 8 and 24 characters"),
        "{run:?}"
    );
    assert!(run.stdout.contains("[ ] No seasons"), "{run:?}");
    assert!(run.stdout.contains(
        "problem: The password must not contain a season (sommer) [password_contains_season]"
    ));
    assert!(run
        .stdout
        .ends_with("The password does not meet the group's rules.\n"));
    for output in [&run.stdout, &run.stderr] {
        assert!(!output.contains(password), "{run:?}");
        assert!(!output.contains("Kage"), "{run:?}");
    }
}

#[test]
fn password_check_json_and_names() {
    let run = exec(
        &[
            "password",
            "check",
            "--group",
            "employee",
            "--name",
            "Ida Ågård",
            "--format",
            "json",
        ],
        Some("Idaaagaard-77\r\n"),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["group"], "employee");
    assert_eq!(report["ok"], false);
    let types: Vec<&str> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["type"].as_str().unwrap())
        .collect();
    assert!(types.contains(&"password_contains_name"), "{types:?}");
    assert!(!run.stdout.contains("Idaaagaard"));

    let ok = exec(
        &[
            "password",
            "check",
            "--group",
            "udskoling",
            "--format",
            "json",
        ],
        Some("Hestesko-Bilvask-12\n"),
    );
    assert_eq!(ok.code, 0, "{ok:?}");
    assert_eq!(ok.json()["ok"], true);
}

#[test]
fn indskoling_cannot_choose_a_password() {
    let run = exec(
        &["password", "check", "--group", "indskoling", "--lang", "en"],
        Some("Hestesko-Bilvask-12\n"),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("[password_not_choosable]"), "{run:?}");
}

#[test]
fn password_generate_for_each_group() {
    let pictures = exec(
        &[
            "password",
            "generate",
            "--group",
            "indskoling",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(pictures.code, 0, "{pictures:?}");
    let json = pictures.json();
    assert_eq!(json["kind"], "pictures");
    assert_eq!(json["pictures"].as_array().unwrap().len(), 4);
    assert!(json["entropy_bits"].as_f64().unwrap() > 10.0);

    for group in [
        "mellemtrin",
        "udskoling",
        "youth-education",
        "employee",
        "parent",
    ] {
        let run = exec(&["password", "generate", "--group", group], None);
        assert_eq!(run.code, 0, "{group}: {run:?}");
        let password = run.stdout.trim_end();
        assert!(password.chars().count() >= 8, "{group}: {password}");
        // What it generates passes its own check.
        let check = exec(
            &["password", "check", "--group", group],
            Some(&format!("{password}\n")),
        );
        assert_eq!(check.code, 0, "{group}: {check:?}");
    }
    let a = exec(&["password", "generate", "--group", "employee"], None);
    let b = exec(&["password", "generate", "--group", "employee"], None);
    assert_ne!(a.stdout, b.stdout);
}

// ---- help -----------------------------------------------------------------------------------

#[test]
fn every_command_has_help_with_examples() {
    for args in [
        vec!["--help"],
        vec!["validate", "--help"],
        vec!["plan", "--help"],
        vec!["check", "--help"],
        vec!["password", "check", "--help"],
        vec!["password", "generate", "--help"],
    ] {
        let run = exec(&args, None);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        assert!(run.stdout.contains("Example"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("unilogin "), "{args:?}");
    }
    let top = exec(&["--help"], None);
    for command in ["validate", "plan", "check", "password"] {
        assert!(top.stdout.contains(command), "{command}: {}", top.stdout);
    }
}
