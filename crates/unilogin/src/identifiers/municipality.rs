use std::collections::HashMap;
use std::sync::OnceLock;

use super::canonical_string_type;
use super::municipality_table::MUNICIPALITIES;
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
        let trimmed = input.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Self::parse_code(trimmed);
        }
        if let Some(&i) = by_name().get(trimmed) {
            return Ok(Self(i));
        }
        let key = skeleton(trimmed);
        if let Some(&i) = by_skeleton().get(key.as_str()) {
            return Ok(Self(i));
        }
        if key == christiansoe_skeleton() {
            return Err(not_a_municipality());
        }
        Err(match suggest(&key) {
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
    pub fn search(prefix: &str) -> impl Iterator<Item = Self> {
        let key = fold(prefix);
        let mut found: Vec<Self> = if key.is_empty() {
            Vec::new()
        } else {
            Self::all()
                .filter(|m| {
                    m.name()
                        .split(['-', ' '])
                        .chain(std::iter::once(m.name()))
                        .any(|part| fold(part).starts_with(&key))
                })
                .collect()
        };
        found.sort_by_key(|m| fold(m.name()));
        found.into_iter()
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
    // The last pushed byte, while it may still start a collapsing pair (`aa`, `ae`, `oe`).
    let mut open: Option<u8> = None;
    let mut push = |b: u8, out: &mut String| match (open, b) {
        (Some(b'a'), b'a' | b'e') | (Some(b'o'), b'e') => open = None,
        _ => {
            out.push(char::from(b));
            open = Some(b);
        }
    };
    for c in input.chars() {
        match c {
            'a'..='z' | '0'..='9' => push(c as u8, &mut out),
            'A'..='Z' => push(c.to_ascii_lowercase() as u8, &mut out),
            'æ' | 'Æ' | 'ä' | 'Ä' => {
                push(b'a', &mut out);
                push(b'e', &mut out);
            }
            'ø' | 'Ø' | 'ö' | 'Ö' => {
                push(b'o', &mut out);
                push(b'e', &mut out);
            }
            'å' | 'Å' => {
                push(b'a', &mut out);
                push(b'a', &mut out);
            }
            'é' | 'è' | 'É' | 'È' => push(b'e', &mut out),
            'ü' | 'Ü' => push(b'u', &mut out),
            _ => {}
        }
    }
    out
}

/// The folded name without a "kommune" suffix and without a genitive `s`.
fn skeleton(input: &str) -> String {
    let mut key = fold(input);
    // "Kommune", "Regionskommune" (Bornholm) and two common misspellings.
    let stem = ["regionskommune", "kommune", "komune", "kommun"]
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .map(str::len);
    if let Some(len) = stem {
        key.truncate(len);
    }
    if key.ends_with('s') {
        key.pop();
    }
    key
}

/// Official name → table index, for the exact-match fast path.
fn by_name() -> &'static HashMap<&'static str, u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .enumerate()
            .filter_map(|(i, (_, name))| Some((*name, u8::try_from(i).ok()?)))
            .collect()
    })
}

/// Skeleton → table index.
fn by_skeleton() -> &'static HashMap<&'static str, u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| index().iter().map(|(k, i)| (k.as_str(), *i)).collect())
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
    let unique = |mut it: Box<dyn Iterator<Item = u8> + '_>| match (it.next(), it.next()) {
        (Some(i), None) => Some(Municipality(i)),
        _ => None,
    };
    if key.len() >= 4 {
        if let Some(m) = unique(Box::new(
            index()
                .iter()
                .filter(|(k, _)| k.starts_with(key))
                .map(|(_, i)| *i),
        )) {
            return Some(m);
        }
    }
    let limit = if key.len() >= 7 { 2 } else { 1 };
    let distances: Vec<(usize, u8)> = index()
        .iter()
        .filter(|(k, _)| k.len().abs_diff(key.len()) <= limit)
        .map(|(k, i)| (edit_distance(k, key), *i))
        .collect();
    let best = distances.iter().map(|(d, _)| *d).min()?;
    if best > limit {
        return None;
    }
    let closest: Vec<u8> = distances
        .iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, i)| *i)
        .collect();
    // On a tie, the candidate with exactly the same letters (a swap, "Vejel") wins.
    let same_letters = |i: &u8| {
        let sorted = |s: &str| {
            let mut b = s.as_bytes().to_vec();
            b.sort_unstable();
            b
        };
        index()
            .iter()
            .any(|(k, j)| j == i && sorted(k) == sorted(key))
    };
    match closest.as_slice() {
        [only] => Some(Municipality(*only)),
        several => unique(Box::new(several.iter().copied().filter(same_letters))),
    }
}

/// Optimal-string-alignment distance over bytes (inputs are folded ASCII): insertions,
/// deletions, substitutions and transpositions of neighbours each cost 1, so "Vejel" is one
/// step from "Vejle".
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let width = b.len() + 1;
    let mut d = vec![0_usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        if let Some(x) = d.get_mut(at(i, 0)) {
            *x = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(x) = d.get_mut(at(0, j)) {
            *x = j;
        }
    }
    for (i, &ca) in a.iter().enumerate() {
        for (j, &cb) in b.iter().enumerate() {
            let get = |i, j| d.get(at(i, j)).copied().unwrap_or(usize::MAX - 1);
            let mut value = (get(i, j) + usize::from(ca != cb))
                .min(get(i, j + 1) + 1)
                .min(get(i + 1, j) + 1);
            if i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca) {
                value = value.min(get(i - 1, j - 1) + 1);
            }
            if let Some(x) = d.get_mut(at(i + 1, j + 1)) {
                *x = value;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
