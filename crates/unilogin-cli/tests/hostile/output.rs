//! `tests/vectors/hostile/output.json`, surface `command`: each command line run with its
//! standard input, its exit status and output checked (see the file's description).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::{cases, BIN};

/// What one run printed.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `case`'s command line with its standard input: the text, or that many NUL bytes
/// written by a thread that stops when the command stops reading.
fn run(case: &Value) -> Run {
    let args: Vec<&str> = case["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(|a| a.as_str().expect("args are strings"))
        .collect();
    let mut child = Command::new(BIN)
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut stdin = child.stdin.take().unwrap();
    let text = case["stdin"].as_str().unwrap_or_default().to_owned();
    let zeros = case["stdin_zero_bytes"]
        .as_u64()
        .map(|n| usize::try_from(n).unwrap());
    let writer = std::thread::spawn(move || {
        // A command that stops reading early closes the pipe: that is no failure here.
        match zeros {
            Some(mut left) => {
                let chunk = vec![0_u8; 1 << 16];
                while left > 0 {
                    let n = left.min(chunk.len());
                    if stdin.write_all(&chunk[..n]).is_err() {
                        return;
                    }
                    left -= n;
                }
            }
            None => {
                let _ = stdin.write_all(text.as_bytes());
            }
        }
    });
    let output = child.wait_with_output().expect("the command ends");
    writer.join().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn output_command_cases() {
    let cases = cases("command");
    assert!(cases.len() >= 15, "{}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let run = run(case);
        let mut fail = |what: String| failures.push(format!("{name}: {what}\n  {run:?}"));
        if let Some(exit) = expect["exit"].as_i64() {
            if run.code != Some(i32::try_from(exit).unwrap()) {
                fail(format!("exit status {:?}, expected {exit}", run.code));
            }
        }
        for absent in strings(&expect["absent"]) {
            if run.stdout.contains(absent) || run.stderr.contains(absent) {
                fail(format!("output contains {absent:?}"));
            }
        }
        for wanted in strings(&expect["stdout_contains"]) {
            if !run.stdout.contains(wanted) {
                fail(format!("standard output lacks {wanted:?}"));
            }
        }
        for wanted in strings(&expect["stderr_contains"]) {
            if !run.stderr.contains(wanted) {
                fail(format!("standard error lacks {wanted:?}"));
            }
        }
        if let Some(start) = expect["stdout_starts_with"].as_str() {
            if !run.stdout.starts_with(start) {
                fail(format!("standard output does not start with {start:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
