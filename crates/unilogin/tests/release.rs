//! One release (issue 14): the crate, the command, the wheel and the npm package carry one
//! version and both licence texts, and the CHANGELOG has the version's section; the crates'
//! packages hold what docs.rs and a build from crates.io need, and nothing of the repository's
//! tests.
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

/// The files `cargo package --list` puts in `package`, relative to its directory.
fn packaged_files(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(cargo)
        .args([
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "--locked",
            "-p",
            package,
        ])
        .current_dir(support::repo())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo package --list -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Every `.rs` file under `dir`, relative to `base`, with `/` separators.
fn rust_files(base: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(base, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(base).unwrap();
            let parts: Vec<_> = relative.iter().map(|p| p.to_str().unwrap()).collect();
            out.push(parts.join("/"));
        }
    }
}

/// `path` with its `.` and `..` components resolved, without following links.
fn lexical(path: &std::path::Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The files the sources under `crate_dir/src` embed with `include_str!` or `include_bytes!`,
/// relative to `crate_dir`; a file outside the crate's directory fails the test (the package
/// could not build).
fn embedded_files(crate_dir: &std::path::Path) -> Vec<String> {
    let crate_dir = crate_dir.canonicalize().unwrap();
    let mut sources = Vec::new();
    rust_files(&crate_dir, &crate_dir.join("src"), &mut sources);
    let mut embedded = Vec::new();
    for source in sources {
        let text = fs::read_to_string(crate_dir.join(&source)).unwrap();
        for macro_name in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(macro_name) {
                let rest = &text[at + macro_name.len()..];
                let target = &rest[..rest.find('"').unwrap()];
                // Resolved lexically, not through links: a link inside the crate (the
                // command's assets/checker/ links to the npm package's page) is packaged as
                // the file it points to.
                let path = lexical(&crate_dir.join(&source).parent().unwrap().join(target));
                assert!(path.exists(), "{source}: {target} does not exist");
                let inside = path.strip_prefix(&crate_dir).unwrap_or_else(|_| {
                    panic!("{source} embeds {target}, outside the crate's directory")
                });
                let parts: Vec<_> = inside.iter().map(|p| p.to_str().unwrap()).collect();
                embedded.push(parts.join("/"));
            }
        }
    }
    embedded
}

#[test]
fn the_crate_package_holds_its_sources_data_readme_and_licences_only() {
    let crate_dir = support::repo().join("crates/unilogin");
    let files = packaged_files("unilogin");
    for required in [
        "Cargo.toml",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "src/lib.rs",
    ] {
        assert!(
            files.iter().any(|f| f == required),
            "the package lacks {required}: {files:?}"
        );
    }
    let mut sources = Vec::new();
    rust_files(&crate_dir, &crate_dir.join("src"), &mut sources);
    let embedded = embedded_files(&crate_dir);
    assert!(
        embedded.iter().any(|f| f == "data/municipalities.csv"),
        "the scan of include_str! found {embedded:?}"
    );
    for needed in sources.iter().chain(&embedded) {
        assert!(files.contains(needed), "the package lacks {needed}");
    }
    // Every data file in the package is one the sources embed.
    for file in files.iter().filter(|f| f.starts_with("data/")) {
        assert!(
            embedded.contains(file),
            "{file} is packaged but no source embeds it"
        );
    }
    for file in &files {
        assert!(
            ![
                "tests/",
                "benches/",
                "fuzz/",
                "examples/",
                "docs/",
                "data/word-review/"
            ]
            .iter()
            .any(|dir| file.starts_with(dir))
                && !file.contains("vectors"),
            "{file} does not belong in the package"
        );
    }
}

#[test]
fn the_command_package_holds_its_sources_readme_and_licences_only() {
    let crate_dir = support::repo().join("crates/unilogin-cli");
    let files = packaged_files("unilogin-cli");
    for required in [
        "Cargo.toml",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "src/main.rs",
    ] {
        assert!(
            files.iter().any(|f| f == required),
            "the package lacks {required}: {files:?}"
        );
    }
    let mut sources = Vec::new();
    rust_files(&crate_dir, &crate_dir.join("src"), &mut sources);
    for needed in sources.iter().chain(&embedded_files(&crate_dir)) {
        assert!(files.contains(needed), "the package lacks {needed}");
    }
    assert!(
        !files.iter().any(|f| f.starts_with("tests/")),
        "tests are packaged: {files:?}"
    );
}

#[test]
fn the_crate_documents_itself_without_the_repository_readme() {
    // docs.rs builds the package alone: the crate docs and its README live inside it.
    let lib = fs::read_to_string(support::repo().join("crates/unilogin/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with("//! "),
        "lib.rs starts with its own crate docs"
    );
    let readme = fs::read_to_string(support::repo().join("crates/unilogin/README.md")).unwrap();
    assert!(
        readme.contains("cargo add unilogin"),
        "crates/unilogin/README.md"
    );
    let cli = fs::read_to_string(support::repo().join("crates/unilogin-cli/README.md")).unwrap();
    assert!(
        cli.contains("cargo install unilogin-cli"),
        "crates/unilogin-cli/README.md"
    );
}

#[test]
fn the_command_depends_on_the_core_by_path_and_by_this_version() {
    // crates.io needs a version for every dependency; it must be this release's.
    let root = fs::read_to_string(support::repo().join("Cargo.toml")).unwrap();
    let line = root
        .lines()
        .find(|l| l.starts_with("unilogin = {"))
        .expect("the workspace dependency `unilogin`");
    assert!(line.contains(r#"path = "crates/unilogin""#), "{line}");
    assert!(
        line.contains(&format!(r#"version = "{VERSION}""#)),
        "{line}"
    );
}
