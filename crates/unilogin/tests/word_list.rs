//! The data that Unilogin's assigned passwords are drawn from (STIL's rules; docs/sources.md):
//! `data/compound-words-da.txt` (mellemtrin: two compound words; udskoling, youth education,
//! staff and parents: two compound words and two digits) and `data/pictures.tsv` (indskoling:
//! four pictures, order matters). Every rule stated in `docs/word-list.md` is checked here.
//!
//! Each rule is a function returning *all* offending entries (never just the first); the
//! `*_data` tests run the rules on the shipped files, and `rules_catch_broken_data` feeds the
//! same rules deliberately broken input so that a rule which silently stops checking fails too.
//! In every data file a line beginning with '#' is a comment.

#![cfg(test)]

use std::collections::{BTreeMap, HashSet};

const WORDS: &str = include_str!("../data/compound-words-da.txt");
const BLOCKLIST: &str = include_str!("../data/word-review/blocklist.txt");
const REJECTED: &str = include_str!("../data/word-review/rejected.txt");
const PICTURES: &str = include_str!("../data/pictures.tsv");
const DOC: &str = include_str!("../../../docs/word-list.md");

const MIN_WORDS: usize = 2_000;
const MIN_LEN: usize = 5;
const MAX_LEN: usize = 11;
/// STIL's password policy (S-policy-draft): passwords are 8–24 characters.
const PASSWORD_MIN: usize = 8;
const PASSWORD_MAX: usize = 24;
/// STIL (S-change): seasons are forbidden in passwords; ASCII-folded spellings count too.
const SEASONS: &[&str] = &[
    "forår", "foraar", "forar", "sommer", "efterår", "efteraar", "efterar", "vinter",
];
/// STIL (S-change): the most common passwords are forbidden.
const COMMON: &[&str] = &["password", "kodeord", "qwerty", "123", "abc"];
const MIN_PICTURES: usize = 32;
const MAX_PICTURES: usize = 64;
const PICTURE_HEADER: &str = "id\tda\ten";
/// Review reasons allowed in `word-review/rejected.txt`.
const REASONS: &[&str] = &[
    "obscure",
    "not-compound",
    "unsuitable",
    "proper",
    "common-password",
];
/// Core patterns named in docs/word-list.md; the blocklist must keep every one of them.
const REQUIRED_PATTERNS: &[&str] = &[
    "død",
    "blod",
    "dræb",
    "våben",
    "krig",
    "bombe",
    "pistol",
    "gift",
    "^øl",
    "rødvin",
    "sprut",
    "^ryge",
    "tobak",
    "spøgelse",
];

// ---------------------------------------------------------------------------------------------
// parsing

/// The non-comment lines of a data file.
fn entries(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('#')).collect()
}

fn words() -> Vec<&'static str> {
    entries(WORDS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Anywhere,
    Start,
    End,
    Whole,
}

/// One blocklist line: `stem` (substring), `^stem` (prefix), `stem$` (suffix), `^word$` (whole).
#[derive(Debug, Clone, Copy)]
struct Pattern<'a> {
    raw: &'a str,
    stem: &'a str,
    anchor: Anchor,
}

impl<'a> Pattern<'a> {
    fn parse(raw: &'a str) -> Self {
        let start = raw.starts_with('^');
        let body = raw.strip_prefix('^').unwrap_or(raw);
        let end = body.ends_with('$');
        let stem = body.strip_suffix('$').unwrap_or(body);
        let anchor = match (start, end) {
            (false, false) => Anchor::Anywhere,
            (true, false) => Anchor::Start,
            (false, true) => Anchor::End,
            (true, true) => Anchor::Whole,
        };
        Pattern { raw, stem, anchor }
    }

    fn matches(&self, word: &str) -> bool {
        match self.anchor {
            Anchor::Anywhere => word.contains(self.stem),
            Anchor::Start => word.starts_with(self.stem),
            Anchor::End => word.ends_with(self.stem),
            Anchor::Whole => word == self.stem,
        }
    }
}

fn blocklist() -> Vec<Pattern<'static>> {
    entries(BLOCKLIST)
        .into_iter()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(Pattern::parse)
        .collect()
}

/// The ASCII spellings of a word typed without a Danish keyboard: å→aa, æ→ae, ø→oe, and the
/// short forms å→a, æ→a, ø→o (as the password checker folds them).
fn ascii_folds(word: &str) -> [String; 2] {
    [
        word.replace('å', "aa")
            .replace('æ', "ae")
            .replace('ø', "oe"),
        word.replace(['å', 'æ'], "a").replace('ø', "o"),
    ]
}

/// The first season found in a text or in one of its ASCII spellings.
fn contains_season(text: &str) -> Option<&'static str> {
    let folds = ascii_folds(text);
    SEASONS
        .iter()
        .copied()
        .find(|s| text.contains(s) || folds.iter().any(|f| f.contains(s)))
}

fn is_danish_lower(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'æ' | 'ø' | 'å')
}

// ---------------------------------------------------------------------------------------------
// rules for the word list: each returns every offending entry

fn bad_charset(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.is_empty() || !w.chars().all(is_danish_lower))
        .map(|w| format!("{w:?}"))
        .collect()
}

fn bad_length(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !(MIN_LEN..=MAX_LEN).contains(&w.chars().count()))
        .map(|w| format!("{w} ({} letters)", w.chars().count()))
        .collect()
}

fn duplicates(words: &[&str]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in words {
        *counts.entry(w).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(w, n)| format!("{w} ({n} times)"))
        .collect()
}

/// Sorted by Unicode code point (Rust's `str` order, so å < æ < ø after z), strictly.
fn unsorted(words: &[&str]) -> Vec<String> {
    words
        .windows(2)
        .filter(|p| p[0] >= p[1])
        .map(|p| format!("{} before {}", p[0], p[1]))
        .collect()
}

fn with_season(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter_map(|w| contains_season(w).map(|s| format!("{w} contains {s}")))
        .collect()
}

fn with_common_password(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .filter_map(|w| {
            COMMON
                .iter()
                .find(|s| w.contains(*s))
                .map(|s| format!("{w} contains {s}"))
        })
        .collect()
}

fn blocklisted(words: &[&str], patterns: &[Pattern]) -> Vec<String> {
    words
        .iter()
        .filter_map(|w| {
            patterns
                .iter()
                .find(|p| p.matches(w))
                .map(|p| format!("{w} matches {}", p.raw))
        })
        .collect()
}

/// Two words plus two digits must fit the password length rules, and two words alone
/// (mellemtrin) must reach the minimum.
fn bad_password_lengths(words: &[&str]) -> Vec<String> {
    let lens = words.iter().map(|w| w.chars().count());
    let (Some(min), Some(max)) = (lens.clone().min(), lens.max()) else {
        return vec!["no words".to_owned()];
    };
    let mut bad = Vec::new();
    if 2 * min < PASSWORD_MIN {
        bad.push(format!(
            "two shortest words give {} < {PASSWORD_MIN}",
            2 * min
        ));
    }
    if 2 * max + 2 > PASSWORD_MAX {
        bad.push(format!(
            "two longest words + two digits give {} > {PASSWORD_MAX}",
            2 * max + 2
        ));
    }
    bad
}

fn header_problems(text: &str, count: usize) -> Vec<String> {
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    let mut bad = Vec::new();
    if header.is_empty() {
        bad.push("no '#' header at the top".to_owned());
    }
    let joined = header.join("\n");
    let stated = format!("Words: {count}.");
    for needle in [
        stated.as_str(),
        "STO",
        "wordfreq",
        "docs/word-list.md",
        "blocklist",
    ] {
        if !joined.contains(needle) {
            bad.push(format!("header does not mention {needle:?}"));
        }
    }
    let late = text
        .lines()
        .skip(header.len())
        .filter(|l| l.starts_with('#'))
        .count();
    if late > 0 {
        bad.push(format!("{late} comment lines after the header"));
    }
    bad
}

// ---------------------------------------------------------------------------------------------
// rules for the picture set

/// Parsed rows (id, da, en) and every problem found while parsing.
fn parse_pictures(text: &str) -> (Vec<(&str, &str, &str)>, Vec<String>) {
    let lines = entries(text);
    let mut bad = Vec::new();
    if lines.first() != Some(&PICTURE_HEADER) {
        bad.push(format!(
            "first line is {:?}, expected {PICTURE_HEADER:?}",
            lines.first()
        ));
    }
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if let [id, da, en] = fields[..] {
            rows.push((id, da, en));
        } else {
            bad.push(format!(
                "line {}: {} fields in {line:?}",
                i + 1,
                fields.len()
            ));
        }
    }
    (rows, bad)
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('_')
        && !id.contains("__")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn picture_problems(rows: &[(&str, &str, &str)]) -> Vec<String> {
    let mut bad = Vec::new();
    if !(MIN_PICTURES..=MAX_PICTURES).contains(&rows.len()) {
        bad.push(format!(
            "{} pictures, expected {MIN_PICTURES}..={MAX_PICTURES}",
            rows.len()
        ));
    }
    let (mut ids, mut das, mut ens) = (HashSet::new(), HashSet::new(), HashSet::new());
    for &(id, da, en) in rows {
        if !is_snake_case(id) {
            bad.push(format!("id {id:?} is not ascii snake_case"));
        }
        for (col, v) in [("da", da), ("en", en)] {
            if v.trim().is_empty() || v.trim() != v {
                bad.push(format!("{id}: {col} name {v:?} is empty or padded"));
            }
        }
        if !da.chars().all(|c| is_danish_lower(c) || c == ' ') {
            bad.push(format!(
                "{id}: da name {da:?} is not lower-case Danish letters"
            ));
        }
        if let Some(s) = contains_season(da) {
            bad.push(format!("{id}: da name {da:?} contains the season {s}"));
        }
        if !ids.insert(id) {
            bad.push(format!("duplicate id {id}"));
        }
        if !das.insert(da.to_lowercase()) {
            bad.push(format!("duplicate da name {da}"));
        }
        if !ens.insert(en.to_lowercase()) {
            bad.push(format!("duplicate en name {en}"));
        }
    }
    bad
}

fn report(what: &str, bad: &[String]) {
    assert!(
        bad.is_empty(),
        "{} {what}:\n  {}",
        bad.len(),
        bad.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------------
// the shipped data

#[test]
fn word_list_data_has_its_header() {
    report("header problems", &header_problems(WORDS, words().len()));
}

#[test]
fn word_list_data_is_large_enough() {
    let n = words().len();
    assert!(n >= MIN_WORDS, "{n} words, need at least {MIN_WORDS}");
}

#[test]
fn word_list_data_uses_only_lower_case_danish_letters() {
    report(
        "words outside a-z æ ø å (or blank lines)",
        &bad_charset(&words()),
    );
}

#[test]
fn word_list_data_words_are_5_to_11_letters() {
    report("words of the wrong length", &bad_length(&words()));
}

#[test]
fn word_list_data_fits_the_password_length_rules() {
    report("password length problems", &bad_password_lengths(&words()));
}

#[test]
fn word_list_data_is_unique() {
    report("duplicated words", &duplicates(&words()));
}

#[test]
fn word_list_data_is_sorted() {
    report("words out of order", &unsorted(&words()));
}

#[test]
fn word_list_data_has_no_season() {
    report("words containing a season", &with_season(&words()));
}

#[test]
fn word_list_data_has_no_common_password() {
    report(
        "words containing a common password",
        &with_common_password(&words()),
    );
}

#[test]
fn word_list_data_has_no_blocklisted_stem() {
    report("blocklisted words", &blocklisted(&words(), &blocklist()));
}

#[test]
fn word_list_data_leaves_out_every_rejected_word() {
    let list: HashSet<&str> = words().into_iter().collect();
    let mut bad = Vec::new();
    let mut seen = 0;
    for line in entries(REJECTED) {
        seen += 1;
        match line.split_once('\t') {
            Some((word, reason)) => {
                if list.contains(word) {
                    bad.push(format!("{word} was rejected ({reason}) but is listed"));
                }
                if !REASONS.contains(&reason) {
                    bad.push(format!("{word}: unknown reason {reason:?}"));
                }
            }
            None => bad.push(format!("malformed line {line:?}")),
        }
    }
    assert!(seen > 0, "rejected.txt is empty");
    report("review problems", &bad);
}

#[test]
fn blocklist_data_is_well_formed() {
    let patterns = blocklist();
    let mut bad = Vec::new();
    for p in &patterns {
        if p.stem.is_empty() || !p.stem.chars().all(is_danish_lower) {
            bad.push(format!(
                "pattern {:?} is not a lower-case Danish stem",
                p.raw
            ));
        }
    }
    for required in REQUIRED_PATTERNS {
        if !patterns.iter().any(|p| p.raw == *required) {
            bad.push(format!("required pattern {required:?} is missing"));
        }
    }
    report("blocklist problems", &bad);
}

#[test]
fn picture_data_is_well_formed() {
    let (rows, mut bad) = parse_pictures(PICTURES);
    bad.extend(picture_problems(&rows));
    report("picture problems", &bad);
}

/// `docs/word-list.md` states the sizes and the entropy of each scheme; keep it in step.
#[test]
fn doc_states_current_counts_and_entropy() {
    let n = words().len();
    let (rows, _) = parse_pictures(PICTURES);
    let p = rows.len();
    let log2 = |x: usize| f64::from(u32::try_from(x).unwrap()).log2();
    let ordered_distinct = p * (p - 1) * (p - 2) * (p - 3);
    let expected = [
        format!("N = {n}"),
        format!("P = {p}"),
        format!("{:.2} bits", 4.0 * log2(p)),
        format!("{:.2} bits", log2(ordered_distinct)),
        format!("{:.2} bits", 2.0 * log2(n)),
        format!("{:.2} bits", 2.0 * log2(n) + log2(100)),
    ];
    let missing: Vec<String> = expected
        .iter()
        .filter(|s| !DOC.contains(s.as_str()))
        .map(|s| format!("docs/word-list.md lacks {s:?}"))
        .collect();
    report("stale numbers", &missing);
}

// ---------------------------------------------------------------------------------------------
// the rules themselves

#[test]
fn blocklist_anchors_work() {
    let start = Pattern::parse("^øl");
    assert!(start.matches("ølflaske"));
    assert!(!start.matches("bølge"));
    let end = Pattern::parse("røv$");
    assert!(end.matches("xrøv"));
    assert!(!end.matches("prøve"));
    let whole = Pattern::parse("^bøn$");
    assert!(whole.matches("bøn"));
    assert!(!whole.matches("bønne"));
    assert!(Pattern::parse("blod").matches("næseblod"));
}

#[test]
fn rules_catch_broken_data() {
    let patterns = [Pattern::parse("blod"), Pattern::parse("^øl")];
    assert_eq!(
        bad_charset(&["snebold", "Snebold", "sne-bold", "sne2", ""]).len(),
        4
    );
    assert_eq!(bad_length(&["isbjørn", "sol", "regnbueskole"]).len(), 2);
    assert_eq!(duplicates(&["hestesko", "hestesko", "solhat"]).len(), 1);
    assert_eq!(unsorted(&["solhat", "regnbue", "sne", "sne"]).len(), 2);
    assert_eq!(unsorted(&["zebra", "åkande", "æble", "ønske"]).len(), 0);
    assert_eq!(
        with_season(&[
            "sommerfugl",
            "vinterjakke",
            "foraarsdag",
            "forårsdag",
            "efteraarsferie",
            "efterarsferie",
            "regnbue"
        ])
        .len(),
        6
    );
    assert_eq!(
        with_common_password(&["mypassword", "kodeordbog", "abcbog", "x123x", "qwertyx"]).len(),
        5
    );
    assert_eq!(
        blocklisted(&["blodbank", "ølflaske", "bølge"], &patterns).len(),
        2
    );
    assert_eq!(bad_password_lengths(&["abcdefghijkl", "abc"]).len(), 2);
    assert!(bad_password_lengths(&["solhat", "regnbuesten"]).is_empty());
    assert!(!header_problems("snebold\n", 1).is_empty());
    assert!(!header_problems(
        "# Words: 2. STO wordfreq docs/word-list.md blocklist\nsol\n",
        1
    )
    .is_empty());
    assert!(header_problems(
        "# Words: 1. STO wordfreq docs/word-list.md blocklist\nsolhat\n",
        1
    )
    .is_empty());

    let (rows, bad) = parse_pictures("id\tda\ten\nsun\tsol\tsun\nCat\tkat\ncat\tsol\tsun\n");
    assert_eq!(bad.len(), 1, "{bad:?}"); // the two-field row
    let problems = picture_problems(&rows);
    // too few, duplicate da, duplicate en
    assert_eq!(problems.len(), 3, "{problems:?}");
    let (_, bad) = parse_pictures("id,da,en\n");
    assert_eq!(bad.len(), 1);
    assert!(!is_snake_case("ice-cream"));
    assert!(!is_snake_case("IceCream"));
    assert!(!is_snake_case("_ice"));
    assert!(is_snake_case("ice_cream"));
    assert_eq!(
        picture_problems(&[("butterfly", "sommerfugl", "butterfly")]).len(),
        2
    );
}
