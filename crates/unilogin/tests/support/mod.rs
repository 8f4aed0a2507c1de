//! Helpers the integration tests share: where the repository's files are, loading a shared
//! vector file, the bless switch, and the check of a diagram a doc shows.
#![allow(
    dead_code,
    reason = "each test binary uses only some of the shared helpers"
)]

use std::path::PathBuf;

use serde_json::Value;
use unilogin::Lang;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared, language-neutral vectors: `tests/vectors/`.
pub fn vectors() -> PathBuf {
    repo().join("tests/vectors")
}

/// A vector file under `tests/vectors/`, parsed; its `version` must be 1.
pub fn load(name: &str) -> Value {
    let path = vectors().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(doc["version"], 1, "{name}: unexpected vector version");
    doc
}

/// Every vector file directly under `tests/vectors/<dir>/`, by file name, in name order.
///
/// # Panics
/// When the directory cannot be read or a file is not a version-1 vector file.
pub fn load_dir(dir: &str) -> Vec<(String, Value)> {
    let path = vectors().join(dir);
    let mut names: Vec<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| {
            std::path::Path::new(name)
                .extension()
                .is_some_and(|ext| ext == "json")
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let doc = load(&format!("{dir}/{name}"));
            (name, doc)
        })
        .collect()
}

/// The cases of every hostile vector file (`tests/vectors/hostile/`) on `surface` that `suite`
/// runs: a case limited to other suites (`"only": ["python"]`) is left to them.
///
/// # Panics
/// As [`load_dir`].
pub fn hostile_cases(surface: &str, suite: &str) -> Vec<Value> {
    load_dir("hostile")
        .into_iter()
        .flat_map(|(_, doc)| doc["cases"].as_array().cloned().unwrap_or_default())
        .filter(|case| case["surface"] == surface)
        .filter(|case| {
            case["only"]
                .as_array()
                .is_none_or(|only| only.iter().any(|s| s == suite))
        })
        .collect()
}

/// Whether `UNILOGIN_BLESS` asks the tests to rewrite generated files instead of checking them.
pub fn bless() -> bool {
    std::env::var_os("UNILOGIN_BLESS").is_some()
}

/// Checks that the doc `docs/<doc>` shows, between its `<!-- diagram:{da,en}:start -->` and
/// `…:end -->` markers, the Mermaid diagram `diagram` generates in each language; with
/// [`bless`], rewrites them instead.
pub fn check_state_diagrams(doc: &str, diagram: impl Fn(Lang) -> String) {
    let path = repo().join("docs").join(doc);
    let mut text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc}: {e}"));
    for (lang, tag) in [(Lang::En, "en"), (Lang::Da, "da")] {
        let start = format!("<!-- diagram:{tag}:start -->\n");
        let end = format!("<!-- diagram:{tag}:end -->");
        let want = format!("```mermaid\n{}```\n", diagram(lang));
        let (head, rest) = text
            .split_once(&start)
            .unwrap_or_else(|| panic!("docs/{doc}: no {start:?}"));
        let (body, tail) = rest
            .split_once(&end)
            .unwrap_or_else(|| panic!("docs/{doc}: no {end:?}"));
        if bless() {
            text = format!("{head}{start}{want}{end}{tail}");
        } else {
            assert_eq!(body, want, "docs/{doc} diagram ({tag}) is stale");
        }
    }
    if bless() {
        std::fs::write(&path, text).unwrap();
    }
}
