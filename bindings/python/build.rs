//! The Python docstrings of the native module's functions and classes come from the stubs
//! (`python/unilogin/_unilogin.pyi`), where they are written once and run as doctests: this
//! script copies each top-level `def`'s and `class`'s docstring, as written, into
//! `$OUT_DIR/pydoc/<name>.txt`, which `pydoc!("<name>")` includes as the item's `#[doc]`, so
//! `help(unilogin.validate_records)` shows it at run time. A name the stubs give no docstring
//! has no file, and its `pydoc!` fails to compile.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::string_slice,
    reason = "a build script: any failure stops the build with its message"
)]

use std::fs;
use std::path::PathBuf;

const STUB: &str = "python/unilogin/_unilogin.pyi";

/// The name a top-level `def name(` or `class name` line declares.
fn declared(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("def ")
        .or_else(|| line.strip_prefix("class "))?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&rest[..end])
}

fn main() {
    println!("cargo::rerun-if-changed={STUB}");
    let text = fs::read_to_string(STUB).expect("the stubs are part of the package");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("pydoc");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(name) = declared(lines[i]) else {
            i += 1;
            continue;
        };
        // The header ends on the first line ending with `:` (a one-line stub ends with `...`
        // instead and has no docstring); the docstring is the first line after it.
        let mut j = i;
        while j < lines.len() && !lines[j].trim_end().ends_with(':') {
            if lines[j].trim_end().ends_with("...") {
                break;
            }
            j += 1;
        }
        j += 1;
        while j < lines.len() && lines[j].trim().is_empty() {
            j += 1;
        }
        if j < lines.len() && lines[j].trim_start().starts_with("\"\"\"") {
            let first = lines[j].trim_start().trim_start_matches("\"\"\"");
            let mut doc = String::new();
            let mut k = j;
            let mut line = first;
            loop {
                if let Some(end) = line.find("\"\"\"") {
                    doc.push_str(&line[..end]);
                    break;
                }
                doc.push_str(line);
                doc.push('\n');
                k += 1;
                match lines.get(k) {
                    Some(next) => line = next,
                    None => panic!("{STUB}: the docstring of {name} is not closed"),
                }
            }
            fs::write(out.join(format!("{name}.txt")), doc).expect("OUT_DIR is writable");
            i = k + 1;
        } else {
            i = j;
        }
    }
}
