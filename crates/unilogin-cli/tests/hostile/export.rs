//! The hostile whole files (surface `export`) through `unilogin validate`: the exit status,
//! the `--format json` report, and the same status with `--format text`; no output holds what
//! a case says must be absent.

use std::path::Path;

use serde_json::Value;

#[path = "../../../unilogin/tests/hostile/export/check.rs"]
pub mod check;

/// One case: the file written to a temporary directory with its syntax's extension.
fn run(case: &Value) {
    let label = check::name(case);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("unilogin-cli-hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{label}.{}", check::extension(case)));
    std::fs::write(&path, check::content(case)).unwrap();
    let path = path.to_str().unwrap();
    let kind = case["kind"].as_str().unwrap();
    let validate = |format: &str| {
        let args = [
            "validate", "--kind", kind, "--lang", "en", "--format", format, path,
        ];
        super::run(&args)
    };
    let json = validate("json");
    let stdout = String::from_utf8_lossy(&json.stdout);
    let stderr = String::from_utf8_lossy(&json.stderr);
    let code = i64::from(json.status.code().expect("an exit status"));
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{label}: stdout is not JSON ({e}): {stdout}\n{stderr}"));
    check::check_report(case, &report, code);
    assert_eq!(code, check::verdict(&report), "{label}: status and report");
    if let Some(error) = report["error"]["type"].as_str() {
        assert!(stderr.contains(&format!("[{error}]")), "{label}: {stderr}");
    }
    check::check_absent(case, &stderr);
    let text = validate("text");
    assert_eq!(
        text.status.code(),
        json.status.code(),
        "{label}: text status"
    );
    check::check_absent(case, &String::from_utf8_lossy(&text.stdout));
    check::check_absent(case, &String::from_utf8_lossy(&text.stderr));
}

#[test]
fn hostile_export_files() {
    check::run_all(&super::cases("export"), run);
}
