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
        // A command that stops reading early (input over a bound) closes the pipe: not a
        // failure of the test; what it printed is checked.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
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

/// Issue 13 item 6: internationalised addresses, with the domain's ASCII form.
#[test]
fn check_email_shows_the_ascii_form_of_an_internationalised_domain() {
    let run = exec(&["check", "email", "sb@taastrup.børnegalaxen.dk"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "\"sb@taastrup.børnegalaxen.dk\" → sb@taastrup.børnegalaxen.dk \
         (ASCII: sb@taastrup.xn--brnegalaxen-ggb.dk)\n"
    );
    let run = exec(
        &[
            "check",
            "email",
            "--format",
            "json",
            "børnehusetskovshoved@gentofte.dk",
            "sb@taastrup.børnegalaxen.dk",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let outcomes = run.json();
    assert_eq!(outcomes[0]["canonical"], "børnehusetskovshoved@gentofte.dk");
    assert_eq!(
        outcomes[0].get("ascii"),
        None,
        "an ASCII domain has no other form"
    );
    assert_eq!(outcomes[1]["ascii"], "sb@taastrup.xn--brnegalaxen-ggb.dk");
    let run = exec(
        &["check", "email-ascii", "sb@taastrup.børnegalaxen.dk"],
        None,
    );
    assert_eq!(
        run.stdout,
        "\"sb@taastrup.børnegalaxen.dk\" → sb@taastrup.xn--brnegalaxen-ggb.dk\n"
    );
    let long = format!("{}@b.dk", "ø".repeat(33));
    let run = exec(&["check", "email", "--lang", "en", &long], None);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.ends_with(
            ": The part of the email address before the @ is 66 bytes long; at most 64 \
             (æ, ø and å count two) [email_local_part_too_long]\n"
        ),
        "{run:?}"
    );
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
fn check_with_no_values_on_stdin_is_an_input_error_not_a_silent_pass() {
    for (stdin, format) in [
        (None, "text"),
        (Some(""), "text"),
        (Some("\n \n\t\n"), "json"),
    ] {
        let run = exec(&["check", "cvr", "--format", format, "--lang", "en"], stdin);
        assert_eq!(run.code, 2, "{stdin:?}: {run:?}");
        assert!(
            run.stderr.contains("no values on standard input"),
            "{stdin:?}: {run:?}"
        );
        if format == "json" {
            assert_eq!(run.json(), serde_json::json!([]), "{run:?}");
        }
    }
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
    assert!(run
        .stdout
        .contains("problem: The password must not contain a season [password_contains_season]"));
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

/// Writes `contents` to a fresh file named `name` in the test scratch directory.
fn scratch(name: &str, contents: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("unilogin-commands-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

/// `sha256$…` of "Hestesko-Bilvask-12" and of another password, salt 000102…0f (as in
/// tests/vectors/passwords.json).
const CURRENT: &str = "sha256$000102030405060708090a0b0c0d0e0f$2fb1441326b434cfe0ac7b080e6fa1d4e5adb84185f69238887700f37e17e7e3";
const OTHER: &str = "sha256$000102030405060708090a0b0c0d0e0f$0dc10b4720471a31332cbe9e5e49d74c215b51dcc1f7653213b0b6670faa370a";

#[test]
fn password_check_marks_rules_without_their_input_not_checked() {
    // No --name, no --history: the two rules are not checked, never shown as met.
    let bare = exec(
        &["password", "check", "--group", "parent", "--lang", "en"],
        Some("Hestesko-Bilvask-12\n"),
    );
    assert_eq!(bare.code, 0, "{bare:?}");
    assert!(bare.stdout.contains("[?] Not your name\n"), "{bare:?}");
    assert!(
        bare.stdout
            .contains("[?] Not one of your last 5 passwords\n"),
        "{bare:?}"
    );
    assert!(
        !bare.stdout.contains("[x] Not one of your last"),
        "{bare:?}"
    );
    assert!(bare
        .stdout
        .contains("not checked: Not one of your last 5 passwords (give --history)"));
    assert!(bare
        .stdout
        .ends_with("The password meets the group's rules that could be checked.\n"));
    let json = exec(
        &["password", "check", "--group", "parent", "--format", "json"],
        Some("Hestesko-Bilvask-12\n"),
    )
    .json();
    assert_eq!(json["complete"], false);
    assert_eq!(
        json["rules"][5],
        json!({"rule": "no_name", "label": "Ikke dit navn", "status": "not_checked", "met": null})
    );
    assert_eq!(json["rules"][8]["status"], "not_checked");

    // With a name and a history file, every rule is checked.
    let history = scratch("history.txt", &format!("# newest first\n{OTHER}\n\n"));
    let args = [
        "password",
        "check",
        "--group",
        "parent",
        "--lang",
        "en",
        "--name",
        "Ida Ågård",
        "--history",
        &history,
    ];
    let full = exec(&args, Some("Hestesko-Bilvask-12\n"));
    assert_eq!(full.code, 0, "{full:?}");
    assert!(full.stdout.contains("[x] Not your name\n"), "{full:?}");
    assert!(
        full.stdout
            .contains("[x] Not one of your last 5 passwords\n"),
        "{full:?}"
    );
    assert!(!full.stdout.contains("[?]"), "{full:?}");
    assert!(full
        .stdout
        .ends_with("The password meets the group's rules.\n"));

    // The password in the history is refused.
    let reused = scratch("reused.txt", &format!("{CURRENT}\n{OTHER}\n"));
    let args = [
        "password",
        "check",
        "--group",
        "parent",
        "--lang",
        "en",
        "--history",
        &reused,
        "--format",
        "json",
    ];
    let run = exec(&args, Some("Hestesko-Bilvask-12\n"));
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["violations"][0]["type"], "password_reused");
    assert_eq!(report["rules"][8]["status"], "not_met");
    assert_eq!(report["rules"][5]["status"], "not_checked");
}

#[test]
fn a_bad_history_file_is_an_input_error() {
    let bad = scratch("bad-history.txt", &format!("{OTHER}\nplain-text\n"));
    let run = exec(
        &[
            "password",
            "check",
            "--group",
            "parent",
            "--lang",
            "en",
            "--history",
            &bad,
        ],
        Some("Hestesko-Bilvask-12\n"),
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("line 2 is not a password hash"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("plain-text"), "{run:?}");
    let missing = exec(
        &[
            "password",
            "check",
            "--group",
            "parent",
            "--history",
            "/nonexistent/history.txt",
        ],
        Some("Hestesko-Bilvask-12\n"),
    );
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(missing.stdout.is_empty(), "{missing:?}");
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

/// Runs `password check` on a new pseudo-terminal (its controlling terminal, through
/// `setsid --ctty`), types `keys` once the prompt shows, and returns the exit status (`None`
/// when a signal ended it), whether the terminal echoes afterwards, and what it showed.
#[cfg(target_os = "linux")]
fn at_the_prompt(keys: &str) -> (Option<i32>, bool, String) {
    use std::fs::{File, OpenOptions};
    use std::io::Read;
    use std::sync::mpsc;

    use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
    use rustix::termios::{tcgetattr, LocalModes};

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let master = File::from(master);
    let echoes = |file: &File| {
        tcgetattr(file)
            .unwrap()
            .local_modes
            .contains(LocalModes::ECHO)
    };
    assert!(echoes(&master), "a new terminal echoes");
    let slave = OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .unwrap();
    let mut child = Command::new("setsid")
        .args([
            "--ctty", "--wait", BIN, "password", "check", "--group", "parent",
        ])
        .args(["--lang", "en"])
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .spawn()
        .expect("setsid runs");
    let (sender, shown) = mpsc::channel();
    let mut reader = master.try_clone().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0_u8; 1024];
        // Ends with an error once the command has closed the terminal.
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            if sender.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut output = Vec::new();
    while !String::from_utf8_lossy(&output).contains("Password: ") {
        output.extend(shown.recv().expect("the prompt shows"));
    }
    // Typed only once the prompt has turned echo off (as the terminal would echo keys typed
    // before), waiting for that as long as it takes.
    while echoes(&master) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    (&master).write_all(keys.as_bytes()).unwrap();
    let status = child.wait().unwrap();
    while let Ok(more) = shown.recv() {
        output.extend(more);
    }
    (
        status.code(),
        echoes(&master),
        String::from_utf8_lossy(&output).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn the_password_prompt_does_not_echo_and_ctrl_c_restores_the_terminal() {
    if Command::new("setsid").arg("--version").output().is_err() {
        eprintln!("skipped: no setsid (util-linux) to give the command a terminal");
        return;
    }
    let (code, echoes, shown) = at_the_prompt("Hestesko-Bilvask-12\r");
    assert_eq!(code, Some(0), "{shown}");
    assert!(echoes, "{shown}");
    assert!(
        !shown.contains("Hestesko"),
        "the password was echoed: {shown}"
    );
    // No --name and no --history: two rules are not checked.
    assert!(
        shown.contains("The password meets the group's rules that could be checked."),
        "{shown}"
    );

    // Ctrl-C: the command ends as interrupted (130), not killed with echo left off.
    let (code, echoes, shown) = at_the_prompt("Hest\u{3}");
    assert_eq!(code, Some(130), "{shown}");
    assert!(echoes, "echo is off after Ctrl-C: {shown}");
    assert!(!shown.contains("Hest"), "{shown}");
}

#[test]
fn a_line_over_the_bound_is_an_input_error_after_the_values_before_it() {
    // Endless input (100 MB of zeros) is a case of tests/vectors/hostile/output.json.
    // The values before the long line are printed; JSON stays one complete array.
    let long = format!("13585628\n{}\n", "1".repeat(70_000));
    let run = exec(&["check", "cvr", "--format", "json"], Some(&long));
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.json()[0]["canonical"], "13585628");
    assert!(
        run.stderr.contains("linje 2 er længere end 65536 bytes"),
        "{run:?}"
    );
    // A line at the bound is read and checked.
    let run = exec(&["check", "street"], Some(&"a".repeat(65_536)));
    assert_ne!(run.code, 2, "{run:?}");
    let run = exec(&["check", "cvr", "--lang", "en"], Some("13585628\r\n"));
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn check_reads_lines_that_are_not_utf8_as_an_input_error() {
    let mut child = Command::new(BIN)
        .args(["check", "cvr", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"13585628\n\xff\xfe\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "unilogin: standard input: line 2 is not UTF-8 text\n"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("13585628"));
}

#[test]
fn long_or_empty_input_to_password_check_is_an_input_error() {
    // Endless input (100 MB of zeros) is a case of tests/vectors/hostile/output.json.
    let args = ["password", "check", "--group", "parent", "--lang", "en"];
    let run = exec(&args, Some(&"x".repeat(2000)));
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "unilogin: standard input: line 1 is longer than 1024 bytes (the password is too long \
         to read)\n"
    );
    assert!(run.stdout.is_empty(), "{run:?}");
    for empty in ["", "\n", "\r\n"] {
        let run = exec(&args, Some(empty));
        assert_eq!(run.code, 2, "{empty:?}: {run:?}");
        assert_eq!(
            run.stderr,
            "unilogin: standard input: no password (the input is empty, or its first line is)\n"
        );
        assert!(run.stdout.is_empty(), "{run:?}");
    }
    // Within the bound, a long password is checked (and too long for the rules).
    let run = exec(&args, Some(&format!("{}\n", "Ab1".repeat(300))));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("[password_too_long]"), "{run:?}");
}
