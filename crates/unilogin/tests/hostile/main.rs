//! The shared hostile-input vectors (`tests/vectors/hostile/*.json`): files and calls a hostile
//! or careless user makes, each naming the exit code or error type it must get. One module per
//! vector file runs the cases of the surfaces the core has; the command's suite
//! (`crates/unilogin-cli/tests/hostile.rs`), Python's and the WASM package's run the same files.
#![cfg(test)]

#[path = "../support/mod.rs"]
mod support;

mod output;
mod text;

use std::collections::BTreeSet;

use serde_json::Value;

mod export;

/// Every surface a hostile case can name, and which suites run it (documented in each file's
/// `description`).
const SURFACES: &[&str] = &[
    "export",   // a whole file: core check, command exit code, Python check_export
    "command",  // a command line with standard input: the command's suite only
    "record",   // one record's fields: core, Python, WASM
    "value",    // one value of a kind: core, Python, WASM
    "password", // a password check: core, Python, WASM
    "ledger",   // a sequence of agreement-ledger operations: core, Python
    "grants",   // a sequence of reset-grant operations: core, Python
];

/// Every hostile vector file, by file name.
pub fn files() -> Vec<(String, Value)> {
    support::load_dir("hostile")
}

/// The cases of every hostile file on `surface` the core runs.
pub fn cases(surface: &str) -> Vec<Value> {
    support::hostile_cases(surface, "core")
}

#[test]
fn every_case_is_well_formed() {
    let mut names = BTreeSet::new();
    let files = files();
    assert!(!files.is_empty(), "no hostile vector files");
    for (file, doc) in files {
        assert!(doc["description"].is_string(), "{file}: no description");
        let cases = doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: no cases"));
        assert!(!cases.is_empty(), "{file}: no cases");
        for case in cases {
            let name = case["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: a case without a name"));
            assert!(
                names.insert(name.to_owned()),
                "{file}: case name {name:?} is not unique"
            );
            let surface = case["surface"].as_str().unwrap_or_default();
            assert!(
                SURFACES.contains(&surface),
                "{file}: {name}: unknown surface {surface:?}"
            );
            assert!(case["item"].is_u64(), "{file}: {name}: no issue item");
            let expect = case["expect"]
                .as_object()
                .unwrap_or_else(|| panic!("{file}: {name}: no expect"));
            assert!(!expect.is_empty(), "{file}: {name}: expects nothing");
        }
    }
}
mod state;
