//! `docs/errors.md` catalogues every error type with both message templates. This test fails
//! when the code can emit a type the catalogue lacks, when the catalogue lists a type the code
//! does not have, or when a template differs. Run with `UNILOGIN_BLESS=1` to rewrite the table.

#![cfg(test)]

use std::fmt::Write as _;
use std::path::PathBuf;

use unilogin::{ErrorType, Lang};

const START: &str = "<!-- catalogue:start -->";
const END: &str = "<!-- catalogue:end -->";

fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split('}').next())
        .collect()
}

fn expected_table() -> String {
    let mut out = String::from("| type | ctx | Danish (da) | English (en) |\n|---|---|---|---|\n");
    for &t in ErrorType::ALL {
        let ctx = placeholders(t.template(Lang::Da))
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            t.code(),
            ctx,
            t.template(Lang::Da),
            t.template(Lang::En)
        );
    }
    out
}

#[test]
fn error_catalogue_matches_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/errors.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (head, rest) = doc.split_once(START).expect("catalogue start marker");
    let (table, tail) = rest.split_once(END).expect("catalogue end marker");
    let want = expected_table();
    if std::env::var_os("UNILOGIN_BLESS").is_some() {
        std::fs::write(&path, format!("{head}{START}\n{want}{END}{tail}")).unwrap();
        return;
    }
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let declared: Vec<&str> = ErrorType::ALL.iter().map(|t| t.code()).collect();
    let missing: Vec<_> = declared.iter().filter(|c| !listed.contains(c)).collect();
    let extra: Vec<_> = listed.iter().filter(|c| !declared.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "types the code can emit but docs/errors.md lacks: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "types docs/errors.md lists but the code lacks: {extra:?}"
    );
    assert_eq!(
        table.trim(),
        want.trim(),
        "docs/errors.md templates differ; run with UNILOGIN_BLESS=1"
    );
}
