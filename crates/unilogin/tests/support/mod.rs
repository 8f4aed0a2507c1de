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
