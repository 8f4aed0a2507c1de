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
//! The crate's rooms: `random` (the seedable source), `identifiers` (CVR and P-numbers with the
//! core's check-digit weights, phone numbers, and how people write them), `places`
//! (municipalities and their spellings, postal places, streets), `names` (institution names,
//! e-mail words), `rows` (the row builders), `faults` (the intentional errors), `columns` (each
//! corpus's columns) and `csv` (writing a corpus and its faults). The binaries: `gen_corpus`
//! writes the corpus; `bare_read` reads a CSV file with the core's reader alone, for the
//! command's benchmark in `benches/cli/`.
//!
//! ```
//! use unilogin_benches::Corpus;
//! let rows = unilogin_benches::requests(3, unilogin_benches::DEFAULT_SEED);
//! assert_eq!(rows.len(), 3);
//! assert_eq!(rows[0].len(), unilogin_benches::columns(Corpus::Request).len());
//! ```

// The repository README's Rust snippets run with this crate's doctests (`cargo test --doc
// -p unilogin-benches`): the published `unilogin` crate documents itself with its own README.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct RootReadme;

mod columns;
mod csv;
mod faults;
mod identifiers;
mod names;
mod places;
mod random;
mod rows;
#[cfg(test)]
mod tests;

pub use columns::{columns, field_key, REGISTER_COLUMNS, REQUEST_COLUMNS};
pub use csv::{separator, write_csv, write_faults_csv};
pub use faults::Fault;
pub use identifiers::{valid_cvr, valid_p_number};
pub use places::{municipalities, municipality_spellings};
pub use random::SplitMix64;

use unilogin::RecordKind;

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
            // User rosters, and any kind a later version adds, have no corpus.
            _ => None,
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
    let mut generator = rows::Generator::new(kind, seed);
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
