//! A deterministic benchmark corpus for `unilogin`: institution-number requests and
//! Dagtilbudsregisteret export rows, as the text people type and exports contain.
//!
//! Everything is derived from a seed with [`SplitMix64`], so the same `(kind, rows, seed)` gives
//! the same data in every run. Benchmarks in other languages (the Python and JS bindings) should
//! read the CSV written by [`write_csv`] (the `gen_corpus` binary) rather than re-implement the
//! generator, so every language measures the very same records.
//!
//! About [`FAULT_PERCENT`] % of the rows carry one or two realistic errors (a mistyped CVR, a
//! register row without P-number, two phone numbers in one field, …). Each [`GeneratedRow`]
//! lists them as [`Fault`]s: the column, the canonical field key the library reports the problem
//! at, and the expected error code.
//!
//! ```
//! use unilogin_benches::Corpus;
//! let rows = unilogin_benches::requests(3, unilogin_benches::DEFAULT_SEED);
//! assert_eq!(rows.len(), 3);
//! assert_eq!(rows[0].len(), unilogin_benches::columns(Corpus::Request).len());
//! ```

use std::io::{self, Write};

use unilogin::record::Field;
use unilogin::{RecordKind, RegisterField, RequestField};

/// The record kinds the corpus generator produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Corpus {
    /// Institution-number requests.
    Request,
    /// Dagtilbudsregisteret rows.
    Register,
}

impl Corpus {
    /// The core's record kind of this corpus.
    pub fn record_kind(self) -> RecordKind {
        match self {
            Self::Request => RecordKind::Request,
            Self::Register => RecordKind::Register,
        }
    }

    /// The corpus for a kind name (`request` or `register`).
    pub fn from_name(name: &str) -> Option<Self> {
        match RecordKind::from_name(name)? {
            RecordKind::Request => Some(Self::Request),
            RecordKind::Register => Some(Self::Register),
            RecordKind::User => None,
        }
    }
}

/// The seed the benchmarks and `gen_corpus` use unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x00DA_61DB_2026_0001;

/// The share of rows (in percent) that carry one or two intentional errors.
pub const FAULT_PERCENT: u64 = 10;

/// The share of faulty rows (in percent) that carry a second error in another field.
pub const SECOND_FAULT_PERCENT: u64 = 30;

/// One record as `(column, value)` pairs, in [`columns`] order.
pub type Pairs = Vec<(String, String)>;

/// The columns of a request: the canonical field keys.
pub const REQUEST_COLUMNS: [&str; 12] = [
    "cvr",
    "p_number",
    "institution_name",
    "street",
    "house_number",
    "postal_code",
    "city",
    "municipality",
    "email",
    "phone",
    "legal_basis",
    "institution_type",
];

/// The columns of a register row: the register's own export column names, including three the
/// validator ignores (`geoBredde`, `geoLaengde`, `aktivitetsstatus`).
pub const REGISTER_COLUMNS: [&str; 19] = [
    "anvisningsenhedsNummer",
    "daginstitutionsNummer",
    "dagtilbudsNavn",
    "instType3",
    "ejerformKode",
    "kommuneKode_Tekst",
    "admKommuneKode_Tekst",
    "vejNavn",
    "husNummer",
    "postNummer",
    "byNavn",
    "supplerendeBynavn",
    "email",
    "telefonNummer",
    "geoBredde",
    "geoLaengde",
    "aktivitetsstatus",
    "cvrNummer",
    "pNummer",
];

/// The columns of `kind`, in the order rows and CSV files hold them.
pub fn columns(kind: Corpus) -> &'static [&'static str] {
    match kind {
        Corpus::Request => &REQUEST_COLUMNS,
        Corpus::Register => &REGISTER_COLUMNS,
    }
}

/// The CSV field separator of `kind`: `,` for requests, `;` for register rows (as the
/// register's own export).
pub fn separator(kind: Corpus) -> u8 {
    match kind {
        Corpus::Request => b',',
        Corpus::Register => b';',
    }
}

/// The canonical field key the library reports problems of `column` at, if it uses the column.
pub fn field_key(kind: Corpus, column: &str) -> Option<&'static str> {
    match kind {
        Corpus::Request => RequestField::from_column(column).map(Field::key),
        Corpus::Register => RegisterField::from_column(column).map(Field::key),
    }
}

/// One intentional error in a generated row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fault {
    /// The column holding the wrong value.
    pub column: &'static str,
    /// The canonical field key the problem is reported at (`loc`).
    pub key: &'static str,
    /// The expected error code (`type`), e.g. `cvr_checksum`.
    pub code: &'static str,
}

/// A generated record and the errors put into it on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedRow {
    /// The `(column, value)` pairs, in [`columns`] order.
    pub pairs: Pairs,
    /// The intentional errors; empty for a row that must validate.
    pub faults: Vec<Fault>,
}

impl GeneratedRow {
    /// Whether the row is meant to validate.
    pub fn is_valid(&self) -> bool {
        self.faults.is_empty()
    }

    /// The pairs borrowed as `(&str, &str)`, the form `RawRecord::from_pairs` takes.
    pub fn str_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// `rows` generated records of `kind` from `seed`, with their intentional errors.
pub fn generate(kind: Corpus, rows: usize, seed: u64) -> Vec<GeneratedRow> {
    let mut generator = Generator::new(kind, seed);
    (0..rows).map(|_| generator.row()).collect()
}

/// `rows` institution-number requests as `(column, value)` pairs.
pub fn requests(rows: usize, seed: u64) -> Vec<Pairs> {
    generate(Corpus::Request, rows, seed)
        .into_iter()
        .map(|r| r.pairs)
        .collect()
}

/// `rows` Dagtilbudsregisteret rows as `(column, value)` pairs.
pub fn register_rows(rows: usize, seed: u64) -> Vec<Pairs> {
    generate(Corpus::Register, rows, seed)
        .into_iter()
        .map(|r| r.pairs)
        .collect()
}

/// Writes `rows` as CSV with a header line of [`columns`]`(kind)`, separated by
/// [`separator`]`(kind)`, lines ended by `\n`. Fields holding the separator, a quote or a line
/// break are quoted (RFC 4180). A column missing from a row is written empty.
///
/// # Errors
/// Any error of `out`.
pub fn write_csv<W: Write>(kind: Corpus, rows: &[Pairs], mut out: W) -> io::Result<()> {
    let sep = separator(kind);
    let cols = columns(kind);
    write_csv_line(&mut out, sep, cols.iter().copied())?;
    for row in rows {
        write_csv_line(
            &mut out,
            sep,
            cols.iter().map(|c| {
                row.iter()
                    .find(|(k, _)| k == c)
                    .map_or("", |(_, v)| v.as_str())
            }),
        )?;
    }
    out.flush()
}

/// Writes the intentional errors of `rows` as CSV: `row;column;key;code`, one line per fault,
/// rows counted from 0 (the first data line after the header).
///
/// # Errors
/// Any error of `out`.
pub fn write_faults_csv<W: Write>(rows: &[GeneratedRow], mut out: W) -> io::Result<()> {
    writeln!(out, "row;column;key;code")?;
    for (i, row) in rows.iter().enumerate() {
        for f in &row.faults {
            writeln!(out, "{i};{};{};{}", f.column, f.key, f.code)?;
        }
    }
    out.flush()
}

fn write_csv_line<'a, W: Write>(
    out: &mut W,
    sep: u8,
    fields: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.write_all(&[sep])?;
        }
        if field
            .bytes()
            .any(|b| b == sep || b == b'"' || b == b'\n' || b == b'\r')
        {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// `SplitMix64`: a tiny, fast, seedable generator (Steele, Lea & Flood 2014). Not for secrets.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0). The modulo bias is irrelevant for test data.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// `true` with a probability of `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index in `0..len`.
    pub fn index(&mut self, len: usize) -> usize {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(n)).unwrap_or(0)
    }

    /// One element of `items` (the default value when `items` is empty).
    pub fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        items
            .get(self.index(items.len()))
            .copied()
            .unwrap_or_default()
    }

    /// One element of `items`, chosen with the given relative weights.
    pub fn weighted<T: Copy + Default>(&mut self, items: &[(u64, T)]) -> T {
        let total: u64 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total);
        for &(w, item) in items {
            if roll < w {
                return item;
            }
            roll -= w;
        }
        T::default()
    }

    /// A decimal digit in `lo..=hi` (both clamped to 0–9).
    pub fn digit(&mut self, lo: u8, hi: u8) -> u8 {
        let (lo, hi) = (lo.min(9), hi.min(9).max(lo.min(9)));
        lo + u8::try_from(self.below(u64::from(hi - lo) + 1)).unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------------------------
// Identifiers with valid check digits.

const CVR_WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];
const P_NUMBER_WEIGHTS: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

fn digit_string(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

/// Sets the last digit so that the weighted sum is divisible by 11 (the last weight is 1).
/// Returns `false` when that digit would have to be 10.
fn complete_mod11(digits: &mut [u8], weights: &[u32]) -> bool {
    let len = digits.len();
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .take(len.saturating_sub(1))
        .map(|(&d, &w)| u32::from(d) * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    match (digits.last_mut(), u8::try_from(check)) {
        (Some(last), Ok(check)) if check < 10 => {
            *last = check;
            true
        }
        _ => false,
    }
}

/// A valid CVR number: 8 digits, the first not 0, weights 2,7,6,5,4,3,2,1, sum ≡ 0 (mod 11).
pub fn valid_cvr(rng: &mut SplitMix64) -> String {
    loop {
        let mut d = [0_u8; 8];
        for (i, slot) in d.iter_mut().enumerate() {
            *slot = if i == 0 {
                rng.digit(1, 9)
            } else {
                rng.digit(0, 9)
            };
        }
        if complete_mod11(&mut d, &CVR_WEIGHTS) {
            return digit_string(&d);
        }
    }
}

/// A valid P-number of the current series: 10 digits starting with `10`, above 1006959421,
/// weights 4,3,2,7,6,5,4,3,2,1, sum ≡ 0 (mod 11).
pub fn valid_p_number(rng: &mut SplitMix64) -> String {
    loop {
        // The first nine digits lie in 100700000..=109999999, so the number exceeds the
        // weight switch at 1006959421 whatever the check digit.
        let prefix = 100_700_000 + rng.below(9_300_000);
        let mut d = [0_u8; 10];
        let mut rest = prefix;
        for slot in d.iter_mut().take(9).rev() {
            *slot = u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
        }
        if complete_mod11(&mut d, &P_NUMBER_WEIGHTS) {
            return digit_string(&d);
        }
    }
}

/// Changes one of the digits at positions `from..` of a digit string to another digit.
/// With a prime modulus and weights 1–7 this always breaks a modulus-11 check.
fn corrupt_digit(rng: &mut SplitMix64, digits: &str, from: usize) -> String {
    let len = digits.len();
    let pos = from + rng.index(len.saturating_sub(from));
    digits
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if i == pos {
                let d = b - b'0';
                char::from(b'0' + (d + rng.digit(1, 9)) % 10)
            } else {
                char::from(b)
            }
        })
        .collect()
}

/// Splits a digit string into groups of the given sizes joined by `sep`.
fn grouped(digits: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + sizes.len() * sep.len());
    let mut rest = digits;
    for (i, &n) in sizes.iter().enumerate() {
        let (head, tail) = rest.split_at(n.min(rest.len()));
        if i > 0 && !head.is_empty() {
            out.push_str(sep);
        }
        out.push_str(head);
        rest = tail;
    }
    out.push_str(rest);
    out
}

fn cvr_form(rng: &mut SplitMix64, cvr: &str) -> String {
    match rng.weighted(&[(60, 0), (10, 1), (6, 2), (6, 3), (6, 4), (6, 5), (6, 6)]) {
        1 => format!("DK{cvr}"),
        2 => format!("DK-{cvr}"),
        3 => format!("DK {}", grouped(cvr, &[2, 2, 2, 2], " ")),
        4 => grouped(cvr, &[4, 4], " "),
        5 => grouped(cvr, &[2, 2, 2, 2], " "),
        6 => grouped(cvr, &[2, 2, 2, 2], "."),
        _ => cvr.to_owned(),
    }
}

fn p_number_form(rng: &mut SplitMix64, p: &str) -> String {
    match rng.weighted(&[(70, 0), (12, 1), (10, 2), (8, 3)]) {
        1 => grouped(p, &[2, 4, 4], " "),
        2 => grouped(p, &[4, 3, 3], " "),
        3 => grouped(p, &[2, 4, 4], "-"),
        _ => p.to_owned(),
    }
}

fn phone_digits(rng: &mut SplitMix64) -> String {
    (0..8)
        .map(|i| {
            let d = if i == 0 {
                rng.digit(2, 9)
            } else {
                rng.digit(0, 9)
            };
            char::from(b'0' + d)
        })
        .collect()
}

/// A Danish phone number in one of the ways people write it ("33 66 33 66", "+4533663366", …).
fn phone_form(rng: &mut SplitMix64, digits: &str) -> String {
    let pairs = grouped(digits, &[2, 2, 2, 2], " ");
    match rng.weighted(&[
        (25, 0),
        (30, 1),
        (8, 2),
        (8, 3),
        (6, 4),
        (5, 5),
        (6, 6),
        (6, 7),
        (3, 8),
        (3, 9),
    ]) {
        1 => pairs,
        2 => format!("+45{digits}"),
        3 => format!("+45 {pairs}"),
        4 => format!("0045 {digits}"),
        5 => format!("(+45) {pairs}"),
        6 => grouped(digits, &[4, 4], " "),
        7 => grouped(digits, &[2, 2, 2, 2], "-"),
        8 => format!("45{digits}"),
        9 => format!("+45 {}", grouped(digits, &[4, 4], "-")),
        _ => digits.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Municipalities and other text.

/// The official municipality list shipped with the core.
const MUNICIPALITIES_CSV: &str = include_str!("../../crates/unilogin/data/municipalities.csv");

/// The 98 municipalities as (code, official name), from `crates/unilogin/data/municipalities.csv`.
pub fn municipalities() -> Vec<(u16, &'static str)> {
    MUNICIPALITIES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = f.next()?.trim().parse().ok()?;
            let _code4 = f.next()?;
            Some((code, f.next()?.trim()))
        })
        .collect()
}

/// Spells æ, ø, å in ASCII the way people do when they lack the keys: `ae`, `oe`, `aa`.
fn ascii_spelled(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'Æ' => out.push_str("Ae"),
            'Ø' => out.push_str("Oe"),
            'Å' => out.push_str("Aa"),
            c => out.push(c),
        }
    }
    out
}

/// Drops the marks instead: `a`, `o`, `a` ("Kobenhavn").
fn ascii_dropped(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'æ' | 'å' => 'a',
            'ø' => 'o',
            'Æ' | 'Å' => 'A',
            'Ø' => 'O',
            c => c,
        })
        .collect()
}

/// Every way the generator writes a municipality, most common first; all must parse to `code`.
pub fn municipality_spellings(code: u16, name: &str) -> Vec<String> {
    let genitive = if name.ends_with('s') {
        format!("{name} Kommune")
    } else {
        format!("{name}s Kommune")
    };
    vec![
        name.to_owned(),
        format!("{name} Kommune"),
        genitive,
        name.to_uppercase(),
        name.to_lowercase(),
        ascii_spelled(name),
        ascii_dropped(name),
        format!("{} Kommune", ascii_spelled(name)),
        name.replace('-', " "),
        code.to_string(),
        format!("{code:04}"),
    ]
}

fn municipality_form(rng: &mut SplitMix64, code: u16, name: &str, official_percent: u64) -> String {
    if rng.chance(official_percent) {
        return name.to_owned();
    }
    let forms = municipality_spellings(code, name);
    forms
        .get(1 + rng.index(forms.len().saturating_sub(1)))
        .cloned()
        .unwrap_or_else(|| name.to_owned())
}

/// (postal code, city, municipality code) of real places.
const PLACES: [(&str, &str, u16); 36] = [
    ("1165", "København K", 101),
    ("2100", "København Ø", 101),
    ("2300", "København S", 101),
    ("2400", "København NV", 101),
    ("1850", "Frederiksberg C", 147),
    ("2750", "Ballerup", 151),
    ("2605", "Brøndby", 153),
    ("2791", "Dragør", 155),
    ("2900", "Hellerup", 157),
    ("2860", "Søborg", 159),
    ("2600", "Glostrup", 161),
    ("2730", "Herlev", 163),
    ("2650", "Hvidovre", 167),
    ("2630", "Taastrup", 169),
    ("0800", "Høje Taastrup", 169),
    ("2800", "Kongens Lyngby", 173),
    ("3000", "Helsingør", 217),
    ("3400", "Hillerød", 219),
    ("4000", "Roskilde", 265),
    ("4300", "Holbæk", 316),
    ("4700", "Næstved", 370),
    ("3700", "Rønne", 400),
    ("5000", "Odense C", 461),
    ("5700", "Svendborg", 479),
    ("5960", "Marstal", 492),
    ("6000", "Kolding", 621),
    ("6400", "Sønderborg", 540),
    ("6700", "Esbjerg", 561),
    ("7100", "Vejle", 630),
    ("7400", "Herning", 657),
    ("8000", "Aarhus C", 751),
    ("8210", "Aarhus V", 751),
    ("8900", "Randers C", 730),
    ("9000", "Aalborg", 851),
    ("9600", "Aars", 820),
    ("9990", "Skagen", 813),
];

const NAME_PREFIXES: [&str; 10] = [
    "Børnehuset",
    "Børnehaven",
    "Vuggestuen",
    "Privatinstitutionen",
    "Naturbørnehaven",
    "Den Integrerede Institution",
    "Daginstitutionen",
    "Skovbørnehaven",
    "Børnegården",
    "Menighedsbørnehaven",
];

const NAME_STEMS: [&str; 20] = [
    "Mælkebøtten",
    "Solsikken",
    "Regnbuen",
    "Troldehøj",
    "Skovly",
    "Bikuben",
    "Myretuen",
    "Spiren",
    "Egebakken",
    "Lærkereden",
    "Søstjernen",
    "Humlebien",
    "Mariehønen",
    "Kastanjen",
    "Ørkenrotten",
    "Åkanden",
    "Fuglereden",
    "Hyldebærhuset",
    "Tumlingen",
    "Græshoppen",
];

const STREETS: [&str; 20] = [
    "Nørregade",
    "Skolevej",
    "Kirkevej",
    "Vestergade",
    "Østergade",
    "Søndergade",
    "Bakkevej",
    "Engvej",
    "Åboulevarden",
    "H.C. Andersens Boulevard",
    "Jernbanegade",
    "Lærkevej",
    "Møllevej",
    "Strandvejen",
    "Birkevej",
    "Rådhuspladsen",
    "Dr. Tværgade",
    "Gl. Kongevej",
    "Præstø Allé",
    "Sankt Peders Stræde",
];

const SUPPLEMENTARY_CITIES: [&str; 6] = [
    "Strib",
    "Vester Hassing",
    "Ejby",
    "Tune",
    "Snekkersten",
    "Øster Ulslev",
];

const EMAIL_LOCALS: [&str; 6] = ["kontakt", "info", "leder", "post", "dagtilbud", "kontoret"];
const EMAIL_FREEMAIL: [&str; 4] = ["gmail.com", "outlook.dk", "hotmail.com", "mail.dk"];

/// Lower-case ASCII for an email address or domain: æ/ø/å spelled out, words joined by `-`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in ascii_spelled(&text.to_lowercase()).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Legal bases as the request form receives them, by kind: kommunal, selvejende, privat.
const LEGAL_KOMMUNAL: [&str; 5] = [
    "kommunal",
    "Kommunal",
    "Kommunal, dagtilbudslovens §19, stk. 2",
    "stk. 2",
    "§ 19, stk. 2",
];
const LEGAL_SELVEJET: [&str; 5] = [
    "selvejende",
    "Selvejende institution",
    "Selveje, dagtilbudslovens §19, stk. 3",
    "stk. 3",
    "§ 19 stk. 3",
];
const LEGAL_PRIVAT: [&str; 6] = [
    "stk. 5",
    "Privatinstitution, dagtilbudslovens §19, stk. 5",
    "privat",
    "Privatinstitution",
    "§19 stk.5",
    "§ 19, stk. 5",
];

const REQUEST_TYPES: [&str; 12] = [
    "6010",
    "6011",
    "6012",
    "Vuggestue",
    "Børnehave",
    "Aldersintegreret",
    "aldersintegreret institution",
    "6010 - Alderen omkring 0-2 år",
    "6011 - Alderen omkring 3-5 år",
    "6012 - Alderen omkring 0-5 år",
    "Bornehave",
    "6012",
];

// ---------------------------------------------------------------------------------------------
// The generator.

struct Generator {
    kind: Corpus,
    rng: SplitMix64,
    municipalities: Vec<(u16, &'static str)>,
}

/// The fields an address is made of, shared by both kinds.
struct Place {
    municipality_code: u16,
    municipality_name: &'static str,
    postal_code: String,
    city: String,
}

impl Generator {
    fn new(kind: Corpus, seed: u64) -> Self {
        // Different kinds from the same seed should not share their random stream.
        let salt = match kind {
            Corpus::Request => 0x5245_5155_4553_5400,
            Corpus::Register => 0x5245_4749_5354_4552,
        };
        Self {
            kind,
            rng: SplitMix64::new(seed ^ salt),
            municipalities: municipalities(),
        }
    }

    fn row(&mut self) -> GeneratedRow {
        let mut pairs = match self.kind {
            Corpus::Request => self.request(),
            Corpus::Register => self.register_row(),
        };
        let mut faults = Vec::new();
        if self.rng.chance(FAULT_PERCENT) {
            let wanted = if self.rng.chance(SECOND_FAULT_PERCENT) {
                2
            } else {
                1
            };
            while faults.len() < wanted {
                let (column, value, code) = match self.kind {
                    Corpus::Request => self.request_fault(),
                    Corpus::Register => self.register_fault(),
                };
                if faults.iter().any(|f: &Fault| f.column == column) {
                    continue;
                }
                set(&mut pairs, column, value);
                faults.push(Fault {
                    column,
                    key: field_key(self.kind, column).unwrap_or(column),
                    code,
                });
            }
        }
        GeneratedRow { pairs, faults }
    }

    fn empty_row(&self) -> Pairs {
        columns(self.kind)
            .iter()
            .map(|c| ((*c).to_owned(), String::new()))
            .collect()
    }

    fn municipality(&mut self) -> (u16, &'static str) {
        self.rng.pick(&self.municipalities)
    }

    fn place(&mut self) -> Place {
        let (code, name) = self.municipality();
        let known: Vec<&(&str, &str, u16)> = PLACES.iter().filter(|p| p.2 == code).collect();
        let (postal_code, city) = if known.is_empty() {
            // A postal code somewhere in the valid range; the town named after the municipality.
            let postal = 1000 + self.rng.below(8990);
            (format!("{postal:04}"), name.to_owned())
        } else {
            let p = known
                .get(self.rng.index(known.len()))
                .copied()
                .copied()
                .unwrap_or(("2100", "København Ø", 101));
            (p.0.to_owned(), p.1.to_owned())
        };
        Place {
            municipality_code: code,
            municipality_name: name,
            postal_code,
            city,
        }
    }

    fn institution_name(&mut self) -> (String, &'static str) {
        let stem = self.rng.pick(&NAME_STEMS);
        let name = if self.rng.chance(25) {
            stem.to_owned()
        } else {
            format!("{} {stem}", self.rng.pick(&NAME_PREFIXES))
        };
        (name, stem)
    }

    fn house_number(&mut self) -> String {
        let highest = if self.rng.chance(80) { 60 } else { 250 };
        let n = 1 + self.rng.below(highest);
        let letter = char::from(b'A' + self.rng.digit(0, 5));
        match self.rng.weighted(&[(80, 0), (10, 1), (5, 2), (5, 3)]) {
            1 => format!("{n}{letter}"),
            2 => format!("{n}{}", letter.to_ascii_lowercase()),
            3 => format!("{n} {letter}"),
            _ => n.to_string(),
        }
    }

    fn email(&mut self, stem: &str, municipality: &str) -> String {
        let local = if self.rng.chance(20) {
            slug(stem)
        } else {
            self.rng.pick(&EMAIL_LOCALS).to_owned()
        };
        let domain = match self.rng.weighted(&[(55, 0), (25, 1), (20, 2)]) {
            1 => format!("{}.dk", slug(municipality)),
            2 => self.rng.pick(&EMAIL_FREEMAIL).to_owned(),
            _ => format!("{}.dk", slug(stem)),
        };
        if self.rng.chance(5) {
            // Capitalised as typed; the domain is case-insensitive.
            let mut chars = local.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            format!(
                "{}{}@{}",
                first.map(String::from).unwrap_or_default(),
                chars.as_str(),
                domain.to_uppercase()
            )
        } else {
            format!("{local}@{domain}")
        }
    }

    fn request(&mut self) -> Pairs {
        let rng = &mut self.rng;
        let cvr = valid_cvr(rng);
        let cvr = cvr_form(rng, &cvr);
        let p = valid_p_number(rng);
        let p = p_number_form(rng, &p);
        let (name, stem) = self.institution_name();
        let name = if self.rng.chance(3) {
            format!("  {name} ")
        } else {
            name
        };
        let street = self.rng.pick(&STREETS).to_owned();
        let house = self.house_number();
        let place = self.place();
        let postal = if self.rng.chance(4) {
            format!("DK-{}", place.postal_code)
        } else {
            place.postal_code.clone()
        };
        let municipality = municipality_form(
            &mut self.rng,
            place.municipality_code,
            place.municipality_name,
            40,
        );
        let email = self.email(stem, place.municipality_name);
        let phone = phone_digits(&mut self.rng);
        let phone = phone_form(&mut self.rng, &phone);
        let legal = match self.rng.weighted(&[(20, 0), (20, 1), (60, 2)]) {
            0 => self.rng.pick(&LEGAL_KOMMUNAL),
            1 => self.rng.pick(&LEGAL_SELVEJET),
            _ => self.rng.pick(&LEGAL_PRIVAT),
        };
        let kind = self.rng.pick(&REQUEST_TYPES);
        let mut row = self.empty_row();
        for (column, value) in [
            ("cvr", cvr),
            ("p_number", p),
            ("institution_name", name),
            ("street", street),
            ("house_number", house),
            ("postal_code", postal),
            ("city", place.city),
            ("municipality", municipality),
            ("email", email),
            ("phone", phone),
            ("legal_basis", legal.to_owned()),
            ("institution_type", kind.to_owned()),
        ] {
            set(&mut row, column, value);
        }
        row
    }

    fn register_row(&mut self) -> Pairs {
        let number = |rng: &mut SplitMix64| format!("G{:05}", 10_000 + rng.below(90_000));
        let unit = number(&mut self.rng);
        let daycare = if self.rng.chance(50) {
            number(&mut self.rng)
        } else {
            String::new()
        };
        let (name, stem) = self.institution_name();
        let inst_type = self.rng.weighted(&[
            (20, "6010"),
            (25, "6011"),
            (30, "6012"),
            (10, "6013"),
            (1, "6014"),
            (8, "6020"),
            (4, "6021"),
            (2, "6022"),
        ]);
        let ownership = self
            .rng
            .weighted(&[(55, "1"), (20, "2"), (20, "3"), (5, "4")]);
        let place = self.place();
        let municipality = municipality_form(
            &mut self.rng,
            place.municipality_code,
            place.municipality_name,
            75,
        );
        let admin = if self.rng.chance(60) {
            place.municipality_name.to_owned()
        } else {
            String::new()
        };
        let street = self.rng.pick(&STREETS).to_owned();
        let house = self.house_number();
        let supplementary = if self.rng.chance(15) {
            self.rng.pick(&SUPPLEMENTARY_CITIES).to_owned()
        } else {
            String::new()
        };
        let email = if self.rng.chance(80) {
            self.email(stem, place.municipality_name)
        } else {
            String::new()
        };
        let phone = if self.rng.chance(85) {
            let digits = phone_digits(&mut self.rng);
            phone_form(&mut self.rng, &digits)
        } else {
            String::new()
        };
        // Denmark lies within 54.56–57.75 °N and 8.07–15.20 °E.
        let lat = 54_560_000 + self.rng.below(3_190_000);
        let lon = 8_070_000 + self.rng.below(7_130_000);
        let status = self.rng.weighted(&[(95, "Aktiv"), (5, "Under oprettelse")]);
        let cvr = if self.rng.chance(80) {
            valid_cvr(&mut self.rng)
        } else {
            String::new()
        };
        let p = valid_p_number(&mut self.rng);
        let mut row = self.empty_row();
        for (column, value) in [
            ("anvisningsenhedsNummer", unit),
            ("daginstitutionsNummer", daycare),
            ("dagtilbudsNavn", name),
            ("instType3", inst_type.to_owned()),
            ("ejerformKode", ownership.to_owned()),
            ("kommuneKode_Tekst", municipality),
            ("admKommuneKode_Tekst", admin),
            ("vejNavn", street),
            ("husNummer", house),
            ("postNummer", place.postal_code),
            ("byNavn", place.city),
            ("supplerendeBynavn", supplementary),
            ("email", email),
            ("telefonNummer", phone),
            (
                "geoBredde",
                format!("{}.{:06}", lat / 1_000_000, lat % 1_000_000),
            ),
            (
                "geoLaengde",
                format!("{}.{:06}", lon / 1_000_000, lon % 1_000_000),
            ),
            ("aktivitetsstatus", status.to_owned()),
            ("cvrNummer", cvr),
            ("pNummer", p),
        ] {
            set(&mut row, column, value);
        }
        row
    }

    /// One realistic error of a request: (column, wrong value, expected error code).
    fn request_fault(&mut self) -> (&'static str, String, &'static str) {
        let rng = &mut self.rng;
        match rng.below(20) {
            0 | 1 => {
                let cvr = valid_cvr(rng);
                ("cvr", corrupt_digit(rng, &cvr, 1), "cvr_checksum")
            }
            2 => (
                "cvr",
                rng.pick(&["1358562", "DK 1358 562", "3358562800"])
                    .to_owned(),
                "cvr_format",
            ),
            3 => {
                let p = valid_p_number(rng);
                ("p_number", corrupt_digit(rng, &p, 9), "p_number_checksum")
            }
            4 => ("p_number", String::new(), "missing"),
            5 => (
                "institution_name",
                "Børnehuset\nSolsikken".to_owned(),
                "string_control_characters",
            ),
            6 => ("street", "  ".to_owned(), "missing"),
            7 => (
                "house_number",
                rng.pick(&["12-14", "7ø", "0", "12 BC"]).to_owned(),
                "house_number_format",
            ),
            8 => (
                "postal_code",
                rng.pick(&["0700", "9999", "0100"]).to_owned(),
                "postal_code_range",
            ),
            9 => (
                "postal_code",
                rng.pick(&["21OO", "210", "DK 2100 Ø"]).to_owned(),
                "postal_code_format",
            ),
            10 => municipality_fault(rng, "municipality"),
            11 | 12 => email_fault(rng, "email"),
            13 => ("phone", "33663366 / 40404040".to_owned(), "phone_multiple"),
            14 => (
                "phone",
                rng.pick(&["13663366", "03 66 33 66"]).to_owned(),
                "phone_first_digit",
            ),
            15 => (
                "phone",
                rng.pick(&["3366336", "tlf. 33663366"]).to_owned(),
                "phone_format",
            ),
            16 => (
                "legal_basis",
                rng.pick(&["§ 19, stk. 4", "Udliciteret"]).to_owned(),
                "legal_basis_not_accepted",
            ),
            17 => (
                "legal_basis",
                rng.pick(&["andelsforening", "stk. 6", "Kommunal, stk. 5"])
                    .to_owned(),
                "legal_basis_unknown",
            ),
            18 => (
                "institution_type",
                rng.pick(&["6013", "Dagpleje", "SFO"]).to_owned(),
                "institution_type_not_accepted",
            ),
            _ => (
                "institution_type",
                rng.pick(&["skole", "6099"]).to_owned(),
                "institution_type_unknown",
            ),
        }
    }

    /// One realistic error of a register row: (column, wrong value, expected error code).
    fn register_fault(&mut self) -> (&'static str, String, &'static str) {
        let rng = &mut self.rng;
        match rng.below(18) {
            // The most common reason a unit cannot get Unilogin users.
            0..=2 => ("pNummer", String::new(), "unilogin_requires_p_number"),
            3 => {
                let p = valid_p_number(rng);
                ("pNummer", corrupt_digit(rng, &p, 9), "p_number_checksum")
            }
            4 => {
                let cvr = valid_cvr(rng);
                ("cvrNummer", corrupt_digit(rng, &cvr, 1), "cvr_checksum")
            }
            5 => (
                "anvisningsenhedsNummer",
                format!("A{:05}", 10_000 + rng.below(90_000)),
                "institution_number_legacy",
            ),
            6 => (
                "anvisningsenhedsNummer",
                rng.pick(&["G1806", "101001", "G18O62"]).to_owned(),
                "institution_number_format",
            ),
            7 => ("dagtilbudsNavn", String::new(), "missing"),
            8 => (
                "instType3",
                rng.pick(&["6099", "skole"]).to_owned(),
                "institution_type_unknown",
            ),
            9 => (
                "ejerformKode",
                rng.pick(&["7", "0"]).to_owned(),
                "legal_basis_unknown",
            ),
            10 => municipality_fault(rng, "kommuneKode_Tekst"),
            11 => (
                "husNummer",
                rng.pick(&["12-14", "0"]).to_owned(),
                "house_number_format",
            ),
            12 => (
                "postNummer",
                rng.pick(&["0700", "9999"]).to_owned(),
                "postal_code_range",
            ),
            13 => email_fault(rng, "email"),
            14 => (
                "telefonNummer",
                "33663366 / 40404040".to_owned(),
                "phone_multiple",
            ),
            15 => (
                "telefonNummer",
                "33 66 33 66 / 40 40 40 40".to_owned(),
                "phone_multiple",
            ),
            16 => ("telefonNummer", "13663366".to_owned(), "phone_first_digit"),
            _ => (
                "byNavn",
                "Aars\tØst".to_owned(),
                "string_control_characters",
            ),
        }
    }
}

fn municipality_fault(
    rng: &mut SplitMix64,
    column: &'static str,
) -> (&'static str, String, &'static str) {
    let (value, code) = rng.pick(&[
        ("Kobenhvn", "municipality_suggestion"),
        ("Vesthimmer", "municipality_suggestion"),
        ("Christiansø", "municipality_not_a_municipality"),
        ("411", "municipality_not_a_municipality"),
        ("Region Hovedstaden", "municipality_unknown"),
        ("102", "municipality_unknown"),
    ]);
    (column, value.to_owned(), code)
}

fn email_fault(rng: &mut SplitMix64, column: &'static str) -> (&'static str, String, &'static str) {
    let value = rng.pick(&[
        "kontakt@solsikken",
        "kontakt(at)solsikken.dk",
        "kontakt@solsikken..dk",
        "kontakt@solsikken.dk, leder@solsikken.dk",
        "børnehuset@solsikken.dk",
    ]);
    (column, value.to_owned(), "email_format")
}

fn set(row: &mut Pairs, column: &str, value: String) {
    if let Some(slot) = row.iter_mut().find(|(k, _)| k == column) {
        slot.1 = value;
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use std::collections::BTreeSet;

    use unilogin::identifiers::{Cvr, Municipality, PNumber};
    use unilogin::{
        InstitutionNumberRequest, Problems, RawRegisterRow, RawRequest, RegisterRecord,
    };

    use super::*;

    const ROWS: usize = 5_000;

    fn problem_set(problems: &Problems) -> BTreeSet<(String, String)> {
        problems
            .iter()
            .map(|p| (p.loc().to_string(), p.kind().code().to_owned()))
            .collect()
    }

    fn fault_set(row: &GeneratedRow) -> BTreeSet<(String, String)> {
        row.faults
            .iter()
            .map(|f| (f.key.to_owned(), f.code.to_owned()))
            .collect()
    }

    fn check_corpus(kind: Corpus, validate: impl Fn(&GeneratedRow) -> Result<(), Problems>) {
        let rows = generate(kind, ROWS, DEFAULT_SEED);
        let mut faulty = 0;
        for (i, row) in rows.iter().enumerate() {
            match validate(row) {
                Ok(()) => assert!(row.is_valid(), "row {i} should fail: {row:?}"),
                Err(problems) => {
                    assert!(
                        !row.is_valid(),
                        "row {i} should pass: {row:?}\n{problems:?}"
                    );
                    assert_eq!(problem_set(&problems), fault_set(row), "row {i}: {row:?}");
                    faulty += 1;
                }
            }
        }
        // About FAULT_PERCENT % of the rows are faulty.
        assert!(
            (ROWS * 7 / 100..ROWS * 13 / 100).contains(&faulty),
            "{faulty}"
        );
    }

    #[test]
    fn requests_validate_exactly_as_intended() {
        check_corpus(Corpus::Request, |row| {
            InstitutionNumberRequest::validate(&RawRequest::from_pairs(row.str_pairs())).map(drop)
        });
    }

    #[test]
    fn register_rows_validate_exactly_as_intended() {
        check_corpus(Corpus::Register, |row| {
            RegisterRecord::validate(&RawRegisterRow::from_pairs(row.str_pairs())).map(drop)
        });
    }

    #[test]
    fn both_fault_counts_occur() {
        let rows = generate(Corpus::Register, ROWS, DEFAULT_SEED);
        assert!(rows.iter().any(|r| r.faults.len() == 1));
        assert!(rows.iter().any(|r| r.faults.len() == 2));
        assert!(rows.iter().all(|r| r.faults.len() <= 2));
    }

    #[test]
    fn generated_identifiers_are_valid() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..10_000 {
            let cvr = valid_cvr(&mut rng);
            assert!(Cvr::parse(&cvr).is_ok(), "{cvr}");
            let p = valid_p_number(&mut rng);
            assert!(p.starts_with("10") && p.parse::<u64>().unwrap() > 1_006_959_421);
            assert!(PNumber::parse(&p).is_ok(), "{p}");
            assert!(Cvr::parse(&corrupt_digit(&mut rng, &cvr, 1)).is_err());
            assert!(PNumber::parse(&corrupt_digit(&mut rng, &p, 9)).is_err());
        }
    }

    #[test]
    fn every_municipality_spelling_parses() {
        let all = municipalities();
        assert_eq!(all.len(), 98);
        for (code, name) in all {
            for form in municipality_spellings(code, name) {
                assert_eq!(
                    Municipality::parse(&form).map(Municipality::code),
                    Ok(code),
                    "{form}"
                );
            }
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(requests(200, 1), requests(200, 1));
        assert_ne!(requests(200, 1), requests(200, 2));
        assert_eq!(register_rows(200, 1), register_rows(200, 1));
    }

    #[test]
    fn a_smaller_corpus_is_a_prefix_of_a_larger_one() {
        // The benchmarks use the first rows of what `gen_corpus` writes for the same seed.
        for kind in [Corpus::Request, Corpus::Register] {
            let large = generate(kind, 300, DEFAULT_SEED);
            assert_eq!(generate(kind, 100, DEFAULT_SEED), large[..100]);
        }
    }

    #[test]
    fn register_columns_are_the_registers() {
        let ignored = ["geoBredde", "geoLaengde", "aktivitetsstatus"];
        for column in REGISTER_COLUMNS {
            assert_eq!(
                field_key(Corpus::Register, column).is_none(),
                ignored.contains(&column),
                "{column}"
            );
        }
        for column in REQUEST_COLUMNS {
            assert_eq!(field_key(Corpus::Request, column), Some(column));
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let rows = vec![vec![
            ("cvr".to_owned(), "13585628".to_owned()),
            (
                "legal_basis".to_owned(),
                "Privatinstitution, dagtilbudslovens §19, stk. 5".to_owned(),
            ),
            ("institution_name".to_owned(), "Det \"gule\" hus".to_owned()),
        ]];
        let mut out = Vec::new();
        write_csv(Corpus::Request, &rows, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), REQUEST_COLUMNS.join(","));
        assert_eq!(
            lines.next().unwrap(),
            "13585628,,\"Det \"\"gule\"\" hus\",,,,,,,,\
             \"Privatinstitution, dagtilbudslovens §19, stk. 5\","
        );

        let mut out = Vec::new();
        write_csv(Corpus::Register, &register_rows(5, 3), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 6);
        assert!(text.starts_with("anvisningsenhedsNummer;daginstitutionsNummer;"));
    }
}
