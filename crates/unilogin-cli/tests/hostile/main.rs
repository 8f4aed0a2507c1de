//! The shared hostile-input vectors (`tests/vectors/hostile/*.json`) the command's suite runs:
//! the `export` cases (whole files through `unilogin validate`) and the `command` cases (a
//! command line with standard input). One module per vector file.
#![cfg(test)]

#[path = "../../../unilogin/tests/support/mod.rs"]
mod support;

use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod export;
mod output;

/// The `unilogin` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_unilogin");

/// The cases of every hostile vector file on `surface` the command's suite runs, in file-name
/// order.
pub fn cases(surface: &str) -> Vec<Value> {
    support::hostile_cases(surface, "command")
}

/// Runs the command with `args`, standard input closed.
///
/// # Panics
/// When the command cannot be started.
pub fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{BIN}: {e}"))
}
