use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::canonical_string_type;
use super::municipality_table::MUNICIPALITIES;
use crate::text::trim;
use crate::{Ctx, ErrorType, FieldError};

/// Christiansø has code 411 but is administered by the state: it is not a municipality.
const CHRISTIANSOE: (u16, &str) = (411, "Christiansø");

/// One of Denmark's 98 municipalities (kommuner).
///
/// Parsed from a 3- or 4-digit code (`101`, `0101`) or from a name written the many ways people
/// write it: with or without "Kommune", in the genitive ("Københavns"), in any case, and with
/// ASCII spellings (`aa`/`å`, `oe`/`ø`, `ae`/`æ`, or the letters dropped: "Kobenhavn").
/// Displays and serialises as the official name.
///
/// ```
/// use unilogin::identifiers::Municipality;
/// let m: Municipality = "Koebenhavns Kommune".parse()?;
/// assert_eq!((m.code(), m.name()), (101, "København"));
/// assert_eq!(Municipality::parse("0169")?.name(), "Høje-Taastrup");
/// assert_eq!(
///     Municipality::parse("411").unwrap_err().kind().code(),
///     "municipality_not_a_municipality"
/// );
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Municipality(u8);

impl Municipality {
    /// Parses a municipality from a code or a name.
    ///
    /// # Errors
    /// [`ErrorType::MunicipalityNotAMunicipality`] for Christiansø (411);
    /// [`ErrorType::MunicipalitySuggestion`] when the input is close to exactly one name;
    /// [`ErrorType::MunicipalityUnknown`] otherwise.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::visible(input)?;
        let trimmed = trim(input);
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Self::parse_code(trimmed);
        }
        if let Some(&i) = by_name().get(trimmed) {
            return Ok(Self(i));
        }
        // The skeleton in a stack buffer (folding never lengthens: each character gives at
        // most as many bytes as it takes); a long input takes the allocating path.
        let mut buf = [0_u8; 64];
        let heap: String;
        let key = if let Some(key) = skeleton_into(trimmed, &mut buf) {
            key
        } else {
            heap = skeleton(trimmed);
            heap.as_str()
        };
        if let Some(&i) = by_skeleton().get(key) {
            return Ok(Self(i));
        }
        if key == christiansoe_skeleton() {
            return Err(not_a_municipality());
        }
        Err(match suggest(key) {
            Some(m) => FieldError::with_ctx(
                ErrorType::MunicipalitySuggestion,
                Ctx::new().with("suggestion", m.name()),
            ),
            None => FieldError::new(ErrorType::MunicipalityUnknown),
        })
    }

    fn parse_code(digits: &str) -> Result<Self, FieldError> {
        let code: u16 = match digits.len() {
            3 | 4 => digits
                .parse()
                .map_err(|_| FieldError::new(ErrorType::MunicipalityUnknown))?,
            _ => return Err(FieldError::new(ErrorType::MunicipalityUnknown)),
        };
        if code == CHRISTIANSOE.0 {
            return Err(not_a_municipality());
        }
        Self::from_code(code).ok_or(FieldError::new(ErrorType::MunicipalityUnknown))
    }

    /// The municipality with this code, if there is one.
    pub fn from_code(code: u16) -> Option<Self> {
        MUNICIPALITIES
            .binary_search_by_key(&code, |&(c, _)| c)
            .ok()
            .and_then(|i| u8::try_from(i).ok())
            .map(Self)
    }

    /// All 98 municipalities, ordered by code.
    pub fn all() -> impl ExactSizeIterator<Item = Self> {
        (0..MUNICIPALITIES.len())
            .filter_map(|i| u8::try_from(i).ok())
            .map(Self)
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Municipalities whose name, or a part of it after a hyphen or space, starts with `prefix`
    /// (matched like [`Municipality::parse`] matches names), ordered by name; for autocomplete.
    ///
    /// ```
    /// use unilogin::identifiers::Municipality;
    /// let names: Vec<_> = Municipality::search("hoje").map(|m| m.name()).collect();
    /// assert_eq!(names, ["Høje-Taastrup"]);
    /// ```
    ///
    /// The words around a name are looked through as [`Municipality::parse`] does: "Aarhus
    /// Kommune", "Municipality of Aar", "Gladsaxe Municipality" and "Københavns" find their
    /// municipality, and so does the English "Copenhagen".
    pub fn search(prefix: &str) -> impl Iterator<Item = Self> {
        let folded = fold(prefix);
        let found = Self::search_folded(&folded);
        if !found.is_empty() {
            return found.into_iter();
        }
        // Nothing starts so: try the stem without the words around it (and a genitive `s`),
        // and without a last word that is the start of "Kommune" or "Municipality".
        let stem = strip_words(&folded);
        let mut tries = vec![stem.to_owned()];
        if let Some(genitive) = stem.strip_suffix('s').filter(|s| !s.is_empty()) {
            tries.push(genitive.to_owned());
        }
        if let Some((before, last)) = prefix.trim().rsplit_once([' ', '-']) {
            let last = fold(last);
            let partial = NAME_SUFFIXES
                .iter()
                .chain(["regional", "regions"].iter())
                .any(|w| w.starts_with(&last));
            if partial && !last.is_empty() {
                let stem = strip_words(&fold(before)).to_owned();
                tries.push(stem.strip_suffix('s').unwrap_or(&stem).to_owned());
                tries.push(stem);
            }
        }
        tries
            .iter()
            .filter(|t| **t != folded)
            .map(|t| Self::search_folded(t))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
            .into_iter()
    }

    /// The municipalities a folded prefix starts one of the names of, ordered by name.
    fn search_folded(key: &str) -> Vec<Self> {
        // Kept in order of the folded name as it is built: an insertion by binary search over at
        // most 98 names, which needs no sort routine in the WebAssembly module.
        let mut found: Vec<(String, Self)> = Vec::new();
        if key.is_empty() {
            return Vec::new();
        }
        for m in Self::all().filter(|&m| {
            let english = m.0 == COPENHAGEN.1 && COPENHAGEN.0[0].starts_with(key);
            english
                || m.name()
                    .split(['-', ' '])
                    .chain(std::iter::once(m.name()))
                    .any(|part| fold(part).starts_with(key))
        }) {
            let name = fold(m.name());
            let at = found.partition_point(|(other, _)| *other <= name);
            found.insert(at, (name, m));
        }
        found.into_iter().map(|(_, m)| m).collect()
    }

    fn entry(self) -> (u16, &'static str) {
        MUNICIPALITIES
            .get(usize::from(self.0))
            .copied()
            .unwrap_or((0, ""))
    }

    /// The 3-digit municipality code, e.g. 101.
    pub fn code(self) -> u16 {
        self.entry().0
    }

    /// The code zero-padded to four digits as in address data, e.g. `0101`.
    pub fn code4(self) -> String {
        format!("{:04}", self.code())
    }

    /// The official name, e.g. `København`.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// The canonical form: the official name.
    pub fn as_str(&self) -> &'static str {
        self.name()
    }
}

canonical_string_type!(Municipality);

fn not_a_municipality() -> FieldError {
    FieldError::with_ctx(
        ErrorType::MunicipalityNotAMunicipality,
        Ctx::new()
            .with("name", CHRISTIANSOE.1)
            .with("code", i64::from(CHRISTIANSOE.0)),
    )
}

/// Lower-cases, spells æ/ø/å (and ä/ö/ü/é) in ASCII, drops everything but letters and digits,
/// then collapses the ASCII spellings (`aa`→`a`, `ae`→`a`, `oe`→`o`) so that "Københavns",
/// "Koebenhavns" and "Kobenhavns" fold alike.
fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 4);
    fold_each(input, |b| out.push(char::from(b)));
    out
}

/// [`fold`], giving each ASCII byte of the result to `emit`. The result is never longer than
/// `input` in bytes: a character gives at most two bytes, and the ones that give two (`æ`, `ø`,
/// …) take two in UTF-8.
fn fold_each(input: &str, mut emit: impl FnMut(u8)) {
    // The last pushed byte, while it may still start a collapsing pair (`aa`, `ae`, `oe`).
    let mut open: Option<u8> = None;
    let mut push = |b: u8| match (open, b) {
        (Some(b'a'), b'a' | b'e') | (Some(b'o'), b'e') => open = None,
        _ => {
            emit(b);
            open = Some(b);
        }
    };
    for c in input.chars() {
        match c {
            'a'..='z' | '0'..='9' => push(c as u8),
            'A'..='Z' => push(c.to_ascii_lowercase() as u8),
            'æ' | 'Æ' | 'ä' | 'Ä' => {
                push(b'a');
                push(b'e');
            }
            'ø' | 'Ø' | 'ö' | 'Ö' => {
                push(b'o');
                push(b'e');
            }
            'å' | 'Å' => {
                push(b'a');
                push(b'a');
            }
            'é' | 'è' | 'É' | 'È' => push(b'e'),
            'ü' | 'Ü' => push(b'u'),
            _ => {}
        }
    }
}

/// The folded name without a "kommune" suffix and without a genitive `s`.
fn skeleton(input: &str) -> String {
    strip_skeleton(&fold(input)).to_owned()
}

/// [`skeleton`] written into `buf`; `None` if it does not fit.
fn skeleton_into<'a>(input: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    fold_into(input, buf).map(strip_skeleton)
}

/// The Danish and English words around a municipality's name, folded: suffixes ("Kommune",
/// "Regionskommune" as Bornholm is called, two common misspellings, and the English
/// "Municipality" and "Regional Municipality"), and the English prefix "Municipality of".
const NAME_SUFFIXES: [&str; 6] = [
    "regionskommune",
    "kommune",
    "komune",
    "kommun",
    "regionalmunicipality",
    "municipality",
];
const NAME_PREFIX: &str = "municipalityof";

/// A folded name without the words around it ([`NAME_SUFFIXES`], [`NAME_PREFIX`]): the stem
/// that is left, if one is.
fn strip_words(folded: &str) -> &str {
    let key = folded
        .strip_prefix(NAME_PREFIX)
        .filter(|stem| !stem.is_empty())
        .unwrap_or(folded);
    NAME_SUFFIXES
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .unwrap_or(key)
}

/// A folded name without a "kommune" or "municipality" around it and without a genitive `s`.
fn strip_skeleton(folded: &str) -> &str {
    let key = strip_words(folded);
    key.strip_suffix('s').unwrap_or(key)
}

/// The one municipality whose English name is not its Danish name with English words around it:
/// København, "Copenhagen" ("Copenhagen Municipality", "City of Copenhagen"). Its skeletons
/// (folded as [`skeleton`] folds) and its table index.
const COPENHAGEN: ([&str; 2], u8) = (["copenhagen", "cityofcopenhagen"], 0);

/// Whether `a` and `b` fold alike ([`fold`]: case, spaces, hyphens, dots and the ASCII
/// spellings of æ, ø and å do not count), without allocating for short text.
pub(super) fn same_folded(a: &str, b: &str) -> bool {
    let mut left = [0_u8; 64];
    let mut right = [0_u8; 64];
    match (fold_into(a, &mut left), fold_into(b, &mut right)) {
        (Some(x), Some(y)) => x == y,
        _ => fold(a) == fold(b),
    }
}

/// [`fold`] written into `buf`; `None` if it does not fit.
fn fold_into<'a>(input: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    if input.len() > buf.len() {
        return None;
    }
    let mut len = 0;
    fold_each(input, |b| {
        if let Some(slot) = buf.get_mut(len) {
            *slot = b;
        }
        len += 1;
    });
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// A small, fast hasher for the two name maps (`FxHash`'s multiply-rotate): the keys are 98
/// fixed names, so `SipHash`'s resistance to chosen keys buys nothing here.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        let mut add = |word: u64| self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Official name → table index, for the exact-match fast path.
fn by_name() -> &'static FxMap<&'static str, u8> {
    static MAP: OnceLock<FxMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .enumerate()
            .filter_map(|(i, (_, name))| Some((*name, u8::try_from(i).ok()?)))
            .collect()
    })
}

/// Skeleton → table index.
fn by_skeleton() -> &'static FxMap<&'static str, u8> {
    static MAP: OnceLock<FxMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let english = COPENHAGEN.0.map(|k| (k, COPENHAGEN.1));
        index()
            .iter()
            .map(|(k, i)| (k.as_str(), *i))
            .chain(english)
            .collect()
    })
}

fn christiansoe_skeleton() -> &'static str {
    static KEY: OnceLock<String> = OnceLock::new();
    KEY.get_or_init(|| skeleton(CHRISTIANSOE.1))
}

/// (skeleton, table index) for every municipality.
fn index() -> &'static [(String, u8)] {
    static INDEX: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .enumerate()
            .filter_map(|(i, (_, name))| Some((skeleton(name), u8::try_from(i).ok()?)))
            .collect()
    })
}

/// The one municipality `key` is close to: a unique prefix of at least four letters, or a
/// unique name within a small edit distance.
fn suggest(key: &str) -> Option<Municipality> {
    if key.len() < 3 {
        return None;
    }
    if key.len() >= 4 {
        if let Some(m) = unique(
            index()
                .iter()
                .filter(|(k, _)| k.starts_with(key))
                .map(|(_, i)| *i),
        ) {
            return Some(m);
        }
    }
    let limit = if key.len() >= 7 { 2 } else { 1 };
    // The distance to each name within `limit` of `key`, `usize::MAX` for the others: only
    // the closest names within the limit matter below. Two cheap bounds skip most names: the
    // lengths differ by at most the distance, and so do the sets of letters, twice over (see
    // `letter_set`).
    let key_letters = letter_set(key);
    let mut distances = [usize::MAX; MUNICIPALITIES.len()];
    for ((k, _), d) in index().iter().zip(&mut distances) {
        let letters_differ = (letter_set(k) ^ key_letters).count_ones() as usize;
        if k.len().abs_diff(key.len()) <= limit && letters_differ <= 2 * limit {
            *d = edit_distance_within(k, key, limit).unwrap_or(usize::MAX);
        }
    }
    let best = distances.iter().copied().min()?;
    if best > limit {
        return None;
    }
    let mut closest = index()
        .iter()
        .zip(distances)
        .filter(|&(_, d)| d == best)
        .map(|(entry, _)| entry);
    match (closest.next(), closest.next()) {
        (Some((_, only)), None) => Some(Municipality(*only)),
        (Some(first), Some(second)) => {
            // On a tie, the candidate with exactly the same letters (a swap, "Vejel") wins.
            // The same letters: the same count of every byte (a histogram, not a sort, which
            // keeps a sort routine out of the WebAssembly module).
            let letters_of = |s: &str| {
                let mut counts = [0_u8; 256];
                for &b in s.as_bytes() {
                    if let Some(n) = counts.get_mut(usize::from(b)) {
                        *n = n.saturating_add(1);
                    }
                }
                counts
            };
            let letters = letters_of(key);
            unique(
                [first, second]
                    .into_iter()
                    .chain(closest)
                    .filter(|(k, _)| letters_of(k) == letters)
                    .map(|(_, i)| *i),
            )
        }
        (None, _) => None,
    }
}

/// The bytes of `s` as a set of bits (`b & 63`, so a few bytes share a bit). One edit adds or
/// removes at most one byte (a substitution one of each, a transposition none), so it changes
/// at most two bits: two strings `d` edits apart differ in at most `2 * d` bits.
fn letter_set(s: &str) -> u64 {
    s.bytes().fold(0, |set, b| set | 1 << (b & 63))
}

/// The municipality at the only index `it` yields.
fn unique(mut it: impl Iterator<Item = u8>) -> Option<Municipality> {
    match (it.next(), it.next()) {
        (Some(i), None) => Some(Municipality(i)),
        _ => None,
    }
}

/// The optimal-string-alignment distance between `a` and `b` if it is at most `limit`.
///
/// The distance is over bytes (inputs are folded ASCII): insertions, deletions, substitutions
/// and transpositions of neighbours each cost 1, so "Vejel" is one step from "Vejle".
///
/// Keeps three rows of the table (a transposition looks two rows back), on the stack for the
/// short names of municipalities. Every entry of a row is at least the smaller of the previous
/// row's minimum and the one before's plus one, so once two rows in a row exceed `limit`, so
/// does the distance, and the computation stops.
fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    const INLINE: usize = 40;
    let width = b.len() + 1;
    if width <= INLINE {
        let mut rows = [[0_usize; INLINE]; 3];
        let [r0, r1, r2] = &mut rows;
        edit_distance_in(a.as_bytes(), b.as_bytes(), limit, [r0, r1, r2])
    } else {
        let mut rows = vec![vec![0_usize; width]; 3];
        match rows.as_mut_slice() {
            [r0, r1, r2] => edit_distance_in(a.as_bytes(), b.as_bytes(), limit, [r0, r1, r2]),
            _ => None,
        }
    }
}

/// [`edit_distance_within`] with three scratch rows of at least `b.len() + 1` entries:
/// `before` is row `i - 1`, `prev` row `i`, `cur` receives row `i + 1`.
fn edit_distance_in(
    a: &[u8],
    b: &[u8],
    limit: usize,
    [mut before, mut prev, mut cur]: [&mut [usize]; 3],
) -> Option<usize> {
    let get = |row: &[usize], j: usize| row.get(j).copied().unwrap_or(usize::MAX - 1);
    for (j, x) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *x = j;
    }
    // The minimum of row i (row 0 starts at 0).
    let mut prev_min = 0;
    for (i, &ca) in a.iter().enumerate() {
        if let Some(x) = cur.first_mut() {
            *x = i + 1;
        }
        let mut cur_min = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let mut value = (get(prev, j) + usize::from(ca != cb))
                .min(get(prev, j + 1) + 1)
                .min(get(cur, j) + 1);
            if i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca) {
                value = value.min(get(before, j - 1) + 1);
            }
            if let Some(x) = cur.get_mut(j + 1) {
                *x = value;
            }
            cur_min = cur_min.min(value);
        }
        if prev_min > limit && cur_min > limit {
            return None;
        }
        prev_min = cur_min;
        // Row i + 1 is done: shift the window down by one.
        (before, prev, cur) = (prev, cur, before);
    }
    Some(get(prev, b.len())).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full distance.
    fn edit_distance(a: &str, b: &str) -> usize {
        edit_distance_within(a, b, usize::MAX - 2).unwrap()
    }

    /// The textbook full-table optimal-string-alignment distance, to check the rolling one.
    fn reference_distance(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, x) in d[0].iter_mut().enumerate() {
            *x = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j - 1] + cost)
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn letter_sets_bound_the_distance() {
        let words: Vec<&str> = index().iter().map(|(k, _)| k.as_str()).collect();
        for a in &words {
            for b in &words {
                let bits = (letter_set(a) ^ letter_set(b)).count_ones() as usize;
                assert!(bits <= 2 * edit_distance(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn bounded_distance_matches_the_full_table() {
        let mut words: Vec<String> = index().iter().map(|(k, _)| k.clone()).collect();
        words.extend(
            [
                "",
                "a",
                "ab",
                "ba",
                "vejel",
                "kobenhvn",
                "abcdefghij",
                "ca",
                "abc",
                "acb",
            ]
            .map(str::to_owned),
        );
        // Longer than the stack rows.
        words.push("ab".repeat(30));
        words.push("ba".repeat(31));
        for a in &words {
            for b in &words {
                let full = reference_distance(a.as_bytes(), b.as_bytes());
                assert_eq!(edit_distance(a, b), full, "{a} {b}");
                for limit in 0..=3 {
                    assert_eq!(
                        edit_distance_within(a, b, limit),
                        Some(full).filter(|&d| d <= limit),
                        "{a} {b} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn table_matches_the_official_list() {
        let csv = include_str!("../../data/municipalities.csv");
        let rows: Vec<(u16, String, String)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[0].parse().unwrap(), f[1].to_owned(), f[2].to_owned())
            })
            .collect();
        assert_eq!(rows.len(), 98);
        for (code, code4, name) in rows {
            let m = Municipality::from_code(code).unwrap();
            assert_eq!((m.name(), m.code4()), (name.as_str(), code4));
        }
    }

    #[test]
    fn copenhagen_is_koebenhavn_by_its_folded_names() {
        assert_eq!(MUNICIPALITIES[usize::from(COPENHAGEN.1)].0, 101);
        for (key, name) in COPENHAGEN
            .0
            .iter()
            .zip(["Copenhagen", "City of Copenhagen"])
        {
            assert_eq!(*key, skeleton(name));
        }
    }

    #[test]
    fn skeletons_are_unique() {
        let mut keys: Vec<&String> = index().iter().map(|(k, _)| k).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 98);
        assert!(index().iter().all(|(k, _)| *k != skeleton(CHRISTIANSOE.1)));
    }

    #[test]
    fn every_official_name_and_code_parses_back() {
        for m in Municipality::all() {
            assert_eq!(Municipality::parse(m.name()), Ok(m));
            assert_eq!(Municipality::parse(&format!("{} Kommune", m.name())), Ok(m));
            assert_eq!(Municipality::parse(&m.name().to_uppercase()), Ok(m));
            assert_eq!(Municipality::parse(&m.code().to_string()), Ok(m));
            assert_eq!(Municipality::parse(&m.code4()), Ok(m));
        }
    }

    #[test]
    fn real_world_spellings_resolve() {
        for (input, code) in [
            ("Københavns Kommune", 101),
            ("KØBENHAVN", 101),
            ("Kobenhavn", 101),
            ("Koebenhavn", 101),
            ("Høje Taastrup", 169),
            ("Hoeje-Taastrup Kommune", 169),
            ("Vesthimmerland", 820),
            ("Vesthimmerlands", 820),
            ("Vesthimmerlands Kommune", 820),
            ("Nordfyn", 480),
            ("Aarhus", 751),
            ("Århus", 751),
            ("Aabenraa", 580),
            ("Åbenrå", 580),
            ("Aeroe", 492),
            ("lyngby-taarbæk", 173),
            ("Ringkobing Skjern", 760),
            ("Bornholms Regionskommune", 400),
        ] {
            assert_eq!(
                Municipality::parse(input).map(Municipality::code),
                Ok(code),
                "{input}"
            );
        }
    }

    #[test]
    fn english_names_resolve() {
        for (input, code) in [
            ("Gladsaxe Municipality", 159),
            ("gladsaxe municipality", 159),
            ("Municipality of Aarhus", 751),
            ("Aarhus municipality", 751),
            ("MUNICIPALITY OF AARHUS", 751),
            ("Aarhus Municipality", 751),
            ("Municipality of Høje-Taastrup", 169),
            ("Hoeje-Taastrup Municipality", 169),
            ("Bornholm Regional Municipality", 400),
            ("Vesthimmerland Municipality", 820),
            ("Copenhagen Municipality", 101),
            ("Municipality of Copenhagen", 101),
            ("City of Copenhagen", 101),
            ("Copenhagen", 101),
        ] {
            assert_eq!(
                Municipality::parse(input).map(Municipality::code),
                Ok(code),
                "{input}"
            );
        }
        let kind = |s: &str| Municipality::parse(s).map_err(|e| e.kind());
        assert_eq!(kind("Municipality"), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(kind("Municipality of"), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(
            kind("Christiansø Municipality"),
            Err(ErrorType::MunicipalityNotAMunicipality)
        );
        let err = Municipality::parse("Gladsaxxe Municipality").unwrap_err();
        assert_eq!(
            err.message(crate::Lang::En),
            "Unknown municipality; did you mean Gladsaxe?"
        );
    }

    #[test]
    fn refusals_are_precise() {
        let kind = |s: &str| Municipality::parse(s).map_err(|e| e.kind());
        assert_eq!(kind("411"), Err(ErrorType::MunicipalityNotAMunicipality));
        assert_eq!(kind("0411"), Err(ErrorType::MunicipalityNotAMunicipality));
        assert_eq!(
            kind("Christiansø"),
            Err(ErrorType::MunicipalityNotAMunicipality)
        );
        assert_eq!(kind("102"), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(kind("1"), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(kind(""), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(kind("Kommune"), Err(ErrorType::MunicipalityUnknown));
        assert_eq!(
            kind("Region Hovedstaden"),
            Err(ErrorType::MunicipalityUnknown)
        );
        assert_eq!(
            kind("Vejle Komune"),
            Ok(Municipality::from_code(630).unwrap()).map_err(|_: FieldError| ErrorType::Missing)
        );
        assert_eq!(
            Municipality::parse("Vejel")
                .unwrap_err()
                .message(crate::Lang::En),
            "Unknown municipality; did you mean Vejle?"
        );
        assert_eq!(edit_distance("vejel", "vejle"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        let err = Municipality::parse("Kobenhvn").unwrap_err();
        assert_eq!(err.kind(), ErrorType::MunicipalitySuggestion);
        assert_eq!(
            err.message(crate::Lang::En),
            "Unknown municipality; did you mean København?"
        );
        assert_eq!(
            Municipality::parse("Vesthimmer")
                .unwrap_err()
                .message(crate::Lang::Da),
            "Ukendt kommune; mente du Vesthimmerlands?"
        );
    }

    #[test]
    fn search_for_autocomplete() {
        let names = |q: &str| {
            Municipality::search(q)
                .map(Municipality::name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("hoje"), ["Høje-Taastrup"]);
        assert_eq!(names("Høje"), ["Høje-Taastrup"]);
        assert_eq!(names("taastrup"), ["Høje-Taastrup"]);
        assert_eq!(
            names("fre"),
            [
                "Fredensborg",
                "Fredericia",
                "Frederiksberg",
                "Frederikshavn",
                "Frederikssund"
            ]
        );
        assert!(names("").is_empty());
        assert!(names("zzz").is_empty());
        assert_eq!(names("Gladsaxe Municipality"), ["Gladsaxe"]);
        assert_eq!(names("Gladsaxe Mun"), ["Gladsaxe"]);
        assert_eq!(names("Municipality of Aarh"), ["Aarhus"]);
        assert_eq!(names("aarhus kommune"), ["Aarhus"]);
        assert_eq!(names("Københavns"), ["København"]);
        assert_eq!(names("Copenh"), ["København"]);
        assert_eq!(names("Faaborg M"), ["Faaborg-Midtfyn"]);
        assert!(names("Municipality").is_empty());
    }
}
