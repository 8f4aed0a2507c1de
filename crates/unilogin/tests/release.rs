//! One release (issue 14): the crate, the command, the wheel and the npm package carry one
//! version and both licence texts, and the CHANGELOG has the version's section.

#![cfg(test)]

mod support;

use std::fs;

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn the_npm_package_has_the_workspace_version() {
    let text = fs::read_to_string(support::repo().join("bindings/wasm/npm/package.json")).unwrap();
    let package: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        package["version"], VERSION,
        "bindings/wasm/npm/package.json"
    );
    assert_eq!(package["license"], "MIT OR Apache-2.0");
    let files: Vec<&str> = package["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(
            files.contains(&licence),
            "the npm package's files lack {licence}"
        );
    }
}

#[test]
fn every_package_manifest_reads_the_workspace_version() {
    for manifest in [
        "crates/unilogin/Cargo.toml",
        "crates/unilogin-cli/Cargo.toml",
        "bindings/python/Cargo.toml",
        "bindings/wasm/Cargo.toml",
    ] {
        let text = fs::read_to_string(support::repo().join(manifest)).unwrap();
        assert!(
            text.lines().any(|l| l.trim() == "version.workspace = true"),
            "{manifest} must take the workspace's version"
        );
        assert!(
            text.lines().any(|l| l.trim() == "license.workspace = true"),
            "{manifest} must take the workspace's licence"
        );
    }
    // The wheel's version is the crate's (maturin reads it), never written in pyproject.toml.
    let pyproject =
        fs::read_to_string(support::repo().join("bindings/python/pyproject.toml")).unwrap();
    assert!(
        pyproject.contains(r#"dynamic = ["version"]"#),
        "pyproject.toml"
    );
    assert!(
        !pyproject.lines().any(|l| l.starts_with("version")),
        "pyproject.toml"
    );
}

#[test]
fn the_changelog_has_a_section_for_this_version() {
    let text = fs::read_to_string(support::repo().join("CHANGELOG.md")).unwrap();
    let heading = format!("## [{VERSION}]");
    assert!(
        text.lines().any(|l| l.starts_with(&heading)),
        "CHANGELOG.md has no `{heading}` section"
    );
}

#[test]
fn both_licence_texts_are_at_the_root_and_in_every_package() {
    let root = support::repo();
    let mit = fs::read_to_string(root.join("LICENSE-MIT")).unwrap();
    let apache = fs::read_to_string(root.join("LICENSE-APACHE")).unwrap();
    assert!(mit.starts_with("MIT License"), "LICENSE-MIT");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    for package in ["crates/unilogin", "crates/unilogin-cli", "bindings/python"] {
        // Links to the root's files: `cargo package` and maturin copy what they point to.
        assert_eq!(
            fs::read_to_string(root.join(package).join("LICENSE-MIT")).unwrap(),
            mit
        );
        assert_eq!(
            fs::read_to_string(root.join(package).join("LICENSE-APACHE")).unwrap(),
            apache
        );
    }
}
