//! `validate --format html`: the export checker page of the npm package (its HTML, style and
//! scripts, `assets/checker/`) as one self-contained file with the report inlined, so a data
//! team can mail a report. Nothing in it is fetched: the style and the script are inline,
//! allowed by their SHA-256 hashes in the page's Content-Security-Policy (nothing else may run
//! or load), and the report is a JSON data block the script reads.

use sha2::{Digest, Sha256};
use unilogin::Lang;

const PAGE: &str = include_str!("../assets/checker/index.html");
const STYLE: &str = include_str!("../assets/checker/style.css");
const REPORT_JS: &str = include_str!("../assets/checker/report.js");
const APP_JS: &str = include_str!("../assets/checker/app.js");

/// Standard base64 of `bytes`, as a CSP hash source takes it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                let index = usize::try_from((n >> shift) & 63).unwrap_or(0);
                out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'=')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source allowing exactly `text` inline.
fn hash_source(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

/// JSON text safe inside a `<script>` data block: `<`, `>` and `&` (which can only occur inside
/// JSON strings) written as `\u` escapes, so no `</script>` in the data can end the block.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The page's script: the report module and the page module as one inline module (the page's
/// import of the report module dropped: its exports are defined just above).
fn script() -> String {
    let app: Vec<&str> = APP_JS
        .lines()
        .filter(|line| !(line.starts_with("import ") && line.contains("\"./report.js\"")))
        .collect();
    format!("{REPORT_JS}\n{}\n", app.join("\n"))
}

/// Replaces the element of `page` that starts with `start` (up to its first `>`) by `with`.
fn replace_tag(page: &str, start: &str, with: &str) -> String {
    match page.find(start) {
        Some(at) => {
            let end = page
                .get(at..)
                .and_then(|rest| rest.find('>'))
                .map_or(page.len(), |i| at + i + 1);
            format!(
                "{}{with}{}",
                page.get(..at).unwrap_or(""),
                page.get(end..).unwrap_or("")
            )
        }
        None => page.to_owned(),
    }
}

/// The self-contained report page: `report` is the command's JSON report
/// (`{problems, summary, error}`), `file` the name shown, `excel_csv` the problems as
/// `--format excel-csv` writes them (the page's CSV download).
pub(crate) fn page(report: &serde_json::Value, file: &str, lang: Lang, excel_csv: &str) -> String {
    let data = serde_json::json!({
        "report": report,
        "file": file,
        "lang": match lang {
            Lang::Da => "da",
            _ => "en",
        },
        "excel_csv": excel_csv,
    });
    let script = script();
    let policy = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src {}; \
         style-src {}; img-src data:; base-uri 'none'; form-action 'none'\">",
        hash_source(&script),
        hash_source(STYLE),
    );
    let page = replace_tag(
        PAGE,
        "<meta http-equiv=\"Content-Security-Policy\"",
        &policy,
    );
    let body = format!(
        "<script type=\"application/json\" id=\"report-data\">{}</script>\n  <script type=\"module\">{script}</script>",
        script_safe(&data.to_string())
    );
    page.replacen(
        "<link rel=\"stylesheet\" href=\"style.css\">",
        &format!("<style>{STYLE}</style>"),
        1,
    )
    .replacen("<script type=\"module\" src=\"app.js\"></script>", &body, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_alphabet_with_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // The hash of the empty string, as browsers write it.
        assert_eq!(
            hash_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_page_fetches_nothing_and_nothing_in_the_data_ends_its_block() {
        let report = serde_json::json!({"problems": [{"msg": "</script><script>alert(1)</script>"}], "summary": null, "error": null});
        let page = page(&report, "a&b.csv", Lang::En, "row;line\r\n");
        assert!(!page.contains("src=\"app.js\"") && !page.contains("href=\"style.css\""));
        assert!(!page.contains("'self'") && page.contains("default-src 'none'"));
        assert_eq!(
            page.matches("<script").count(),
            2,
            "the data block and the module"
        );
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
        assert!(
            !page.contains("import {"),
            "the report module is inlined, not imported"
        );
        assert!(page.contains(&hash_source(STYLE)) && page.contains(&hash_source(&script())));
    }
}
