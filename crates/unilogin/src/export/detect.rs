//! Which record kind an export holds, read off its header (a CSV file's first line, a JSON
//! Lines file's first object): for hosts that let the user drop any export and check it as
//! what it is (the browser checker), with the kind still open to change.

use super::{CsvReader, Syntax};
use crate::RecordKind;

/// The record kind whose fields most of the header's columns name (for JSON Lines, the keys of
/// the first object), or `None` when no column names a field of any kind or the header cannot
/// be read. `head` is the start of the file: it needs to hold the header line and no more.
/// Two kinds that know as many columns are told apart in [`RecordKind::ALL`]'s order.
///
/// ```
/// use unilogin::export::{detect_kind, Syntax};
/// use unilogin::RecordKind;
/// let head = b"anvisningsenhedsNummer;dagtilbudsNavn;cvrNummer;pNummer\nG10234;Solsikken;";
/// assert_eq!(detect_kind(head, Syntax::Csv), Some(RecordKind::Register));
/// let roster = "CPR-nr;Fornavn;Efternavn;Rolle\n".as_bytes();
/// assert_eq!(detect_kind(roster, Syntax::Csv), Some(RecordKind::User));
/// let jsonl = br#"{"cvr": "13585628", "p_number": "1029829825", "institution_name": "A"}"#;
/// assert_eq!(detect_kind(jsonl, Syntax::JsonLines), Some(RecordKind::Request));
/// assert_eq!(detect_kind(b"a;b;c\n", Syntax::Csv), None);
/// ```
pub fn detect_kind(head: &[u8], syntax: Syntax) -> Option<RecordKind> {
    let columns: Vec<String> = match syntax {
        Syntax::Csv => CsvReader::new(head).ok()?.header().to_vec(),
        Syntax::JsonLines => {
            let line = head
                .split(|&b| b == b'\n')
                .find(|l| !l.trim_ascii().is_empty())?;
            let object: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(line).ok()?;
            object.into_iter().map(|(key, _)| key).collect()
        }
    };
    let known = |kind: &RecordKind| columns.iter().filter(|c| kind.knows_column(c)).count();
    let best = RecordKind::ALL
        .iter()
        .copied()
        .rev()
        .max_by_key(|kind| known(kind))?;
    (known(&best) > 0).then_some(best)
}
