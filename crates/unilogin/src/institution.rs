//! Legal bases (dagtilbudsloven § 19) and institution types (instType3) of daycares.
//!
//! Sources: dagtilbudsloven § 19 (retsinformation.dk); STIL's guide "Tilslutning til Unilogin"
//! (the institution-number form offers only stk. 2, 3 and 5, and types 6010–6012); codes beyond
//! 6012 from third-party register mappings (low confidence). See `docs/domain.md`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::text::{lowercase_into, trim};
use crate::{Ctx, ErrorType, FieldError, Lang, Term};

/// Room for the lower-cased text of a legal basis or institution type on the stack; longer
/// text is lower-cased on the heap.
const LOWER_BUF: usize = 128;

/// The legal basis of a daycare institution: dagtilbudsloven § 19, stk. 2, 3, 4 or 5.
///
/// Serialises as a lower-case key (`kommunal`, `selvejet`, `udliciteret`, `privat`).
///
/// ```
/// use unilogin::LegalBasis;
/// assert_eq!(LegalBasis::parse("Kommunal, dagtilbudslovens §19, stk. 2")?, LegalBasis::Kommunal);
/// assert_eq!(LegalBasis::parse("selvejende")?.stk(), 3);
/// assert_eq!(
///     LegalBasis::parse_accepted("§ 19, stk. 4").unwrap_err().kind().code(),
///     "legal_basis_not_accepted"
/// );
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegalBasis {
    /// § 19, stk. 2: run by one or more municipalities.
    Kommunal,
    /// § 19, stk. 3: self-governing, run by a private operator under agreement with the
    /// municipal council.
    Selvejet,
    /// § 19, stk. 4: contracted out by tender. In the register, but not in STIL's form.
    Udliciteret,
    /// § 19, stk. 5: a private institution approved by the municipal council.
    Privat,
}

impl LegalBasis {
    /// Every legal basis, in order of the statute.
    pub const ALL: [Self; 4] = [
        Self::Kommunal,
        Self::Selvejet,
        Self::Udliciteret,
        Self::Privat,
    ];

    /// The bases STIL's institution-number form accepts (stk. 2, 3 and 5).
    pub const ACCEPTED: [Self; 3] = [Self::Kommunal, Self::Selvejet, Self::Privat];

    /// The subsection (stk.) of dagtilbudsloven § 19.
    pub fn stk(self) -> u8 {
        match self {
            Self::Kommunal => 2,
            Self::Selvejet => 3,
            Self::Udliciteret => 4,
            Self::Privat => 5,
        }
    }

    /// The canonical key: `kommunal`, `selvejet`, `udliciteret` or `privat`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Kommunal => "kommunal",
            Self::Selvejet => "selvejet",
            Self::Udliciteret => "udliciteret",
            Self::Privat => "privat",
        }
    }

    /// The label as a [`Term`] (key: the canonical key), for messages in either language.
    pub fn term(self) -> &'static Term {
        match self {
            Self::Kommunal => &Term {
                key: "kommunal",
                da: "Kommunal daginstitution",
                en: "Municipal daycare institution",
            },
            Self::Selvejet => &Term {
                key: "selvejet",
                da: "Selvejende daginstitution",
                en: "Self-governing daycare institution",
            },
            Self::Udliciteret => &Term {
                key: "udliciteret",
                da: "Udliciteret daginstitution",
                en: "Contracted-out daycare institution",
            },
            Self::Privat => &Term {
                key: "privat",
                da: "Privatinstitution",
                en: "Private daycare institution",
            },
        }
    }

    /// A short label: "Kommunal daginstitution" / "Municipal daycare institution".
    pub fn label(self, lang: Lang) -> &'static str {
        self.term().text(lang)
    }

    /// The wording of STIL's form, e.g. "Kommunal, dagtilbudslovens §19, stk. 2".
    pub fn form_text(self, lang: Lang) -> String {
        let word = match (self, lang) {
            (Self::Kommunal, Lang::Da) => "Kommunal",
            (Self::Selvejet, Lang::Da) => "Selveje",
            (Self::Udliciteret, Lang::Da) => "Udliciteret",
            (Self::Privat, Lang::Da) => "Privatinstitution",
            (Self::Kommunal, Lang::En) => "Municipal",
            (Self::Selvejet, Lang::En) => "Self-governing",
            (Self::Udliciteret, Lang::En) => "Contracted out",
            (Self::Privat, Lang::En) => "Private institution",
        };
        match lang {
            Lang::Da => format!("{word}, dagtilbudslovens §19, stk. {}", self.stk()),
            Lang::En => format!("{word}, section 19({}) of the Day Care Act", self.stk()),
        }
    }

    /// The register's ownership code (ejerformKode): 1 kommunal, 2 selvejende, 3 privat,
    /// 4 udliciteret.
    pub fn ownership_code(self) -> u8 {
        match self {
            Self::Kommunal => 1,
            Self::Selvejet => 2,
            Self::Privat => 3,
            Self::Udliciteret => 4,
        }
    }

    /// The legal basis for a register ownership code (ejerformKode 1–4).
    pub fn from_ownership_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Kommunal),
            2 => Some(Self::Selvejet),
            3 => Some(Self::Privat),
            4 => Some(Self::Udliciteret),
            _ => None,
        }
    }

    /// The legal basis for a subsection number (2, 3, 4 or 5).
    pub fn from_stk(stk: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.stk() == stk)
    }

    /// The legal basis with this key (`kommunal`, `selvejet`, `udliciteret`, `privat`; case is
    /// ignored), or `None`. [`LegalBasis::parse`] reads every other wording too.
    ///
    /// ```
    /// use unilogin::LegalBasis;
    /// assert_eq!(LegalBasis::from_key("Privat"), Some(LegalBasis::Privat));
    /// assert_eq!(LegalBasis::from_key("stk. 5"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|b| b.key().eq_ignore_ascii_case(key))
    }

    /// Parses the forms people write: the form's own wording ("Kommunal, dagtilbudslovens §19,
    /// stk. 2"), a bare subsection ("§ 19 stk. 3", "stk. 5"), a word ("selvejende",
    /// "privatinstitution", "municipal") or the canonical key. Bare numbers are not accepted
    /// (they are ambiguous between a subsection and a register ownership code).
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisUnknown`] when nothing is recognised, or the text's words name
    /// two bases; [`ErrorType::LegalBasisContradictory`] when a word and a subsection name
    /// different bases ("Kommunal, dagtilbudslovens §19, stk. 3").
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::visible(input)?;
        let trimmed = trim(input);
        // Fast path: the canonical key, as a form's select sends it.
        if let Some(basis) = Self::from_key(trimmed) {
            return Ok(basis);
        }
        let mut buf = [0_u8; LOWER_BUF];
        let heap: String;
        let lower = if let Some(lower) = lowercase_into(trimmed, &mut buf) {
            lower
        } else {
            heap = trimmed.to_lowercase();
            heap.as_str()
        };
        let by_stk = stk_number(lower).map(Self::from_stk);
        let mut named = Self::ALL
            .into_iter()
            .filter(|b| b.words().iter().any(|w| find(lower, w).is_some()));
        let by_word = named.next();
        if named.next().is_some() {
            // Two bases named ("selvejende, ikke kommunal"): refuse rather than guess.
            return Err(unknown_basis());
        }
        match (by_stk, by_word) {
            (Some(Some(by_stk)), Some(by_word)) if by_stk != by_word => Err(FieldError::with_ctx(
                ErrorType::LegalBasisContradictory,
                Ctx::new()
                    .with("label", by_word.term())
                    .with("label_stk", i64::from(by_word.stk()))
                    .with("stk", i64::from(by_stk.stk())),
            )),
            (Some(Some(a)), _) => Ok(a),
            (None, Some(b)) => Ok(b),
            _ => Err(unknown_basis()),
        }
    }

    /// Parses like [`LegalBasis::parse`] and refuses § 19, stk. 4, which STIL's
    /// institution-number form does not offer.
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisUnknown`] as in [`LegalBasis::parse`];
    /// [`ErrorType::LegalBasisNotAccepted`] for stk. 4 (udliciteret).
    pub fn parse_accepted(input: &str) -> Result<Self, FieldError> {
        Self::parse(input)?.accepted()
    }

    /// `self` if STIL's form accepts it (stk. 2, 3, 5).
    ///
    /// # Errors
    /// [`ErrorType::LegalBasisNotAccepted`] for stk. 4.
    pub fn accepted(self) -> Result<Self, FieldError> {
        if Self::ACCEPTED.contains(&self) {
            Ok(self)
        } else {
            Err(FieldError::with_ctx(
                ErrorType::LegalBasisNotAccepted,
                Ctx::new()
                    .with("label", self.term())
                    .with("stk", i64::from(self.stk())),
            ))
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Self::Kommunal => &["kommunal", "municipal"],
            Self::Selvejet => &["selvej", "self-governing", "self governing", "self-owned"],
            Self::Udliciteret => &["udlicit", "contracted", "outsourced"],
            Self::Privat => &["privat", "private"],
        }
    }
}

fn unknown_basis() -> FieldError {
    FieldError::new(ErrorType::LegalBasisUnknown)
}

fn unknown_type() -> FieldError {
    FieldError::new(ErrorType::InstitutionTypeUnknown)
}

/// Two institution types named by one text (a code and a name or an age label that disagree).
fn contradictory(first: InstitutionType, second: InstitutionType) -> FieldError {
    FieldError::with_ctx(
        ErrorType::InstitutionTypeContradictory,
        Ctx::new()
            .with("first_code", i64::from(first.code()))
            .with("first", first.term())
            .with("second_code", i64::from(second.code()))
            .with("second", second.term()),
    )
}

/// The position of `word` in `folded` where it starts a word (at the start, or after a
/// character that is not a letter), if anywhere.
fn word_at(folded: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = folded.get(from..).and_then(|rest| rest.find(word)) {
        let pos = from + rel;
        let boundary = folded
            .get(..pos)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphabetic());
        if boundary {
            return Some(pos);
        }
        from = pos + word.len();
    }
    None
}

/// The numbers in an institution type's text: a four-digit code, and an age range written
/// as two numbers of one or two digits ("0-2 år").
struct Numbers {
    code: Option<InstitutionType>,
    ages: Option<(u8, u8)>,
}

impl Numbers {
    /// Reads the runs of ASCII digits in `text`.
    ///
    /// # Errors
    /// [`ErrorType::InstitutionTypeUnknown`] for a run of three or five or more digits, an
    /// unknown code, or small numbers other than two;
    /// [`ErrorType::InstitutionTypeContradictory`] for two different codes.
    fn read(text: &str) -> Result<Self, FieldError> {
        let mut code: Option<InstitutionType> = None;
        // The numbers of one or two digits: the first two, and how many there are.
        let mut small = [0_u8; 2];
        let mut smalls = 0_usize;
        for run in text.split(|c: char| !c.is_ascii_digit()) {
            match run.len() {
                0 => {}
                1 | 2 => {
                    if let Some(slot) = small.get_mut(smalls) {
                        *slot = run.parse().map_err(|_| unknown_type())?;
                    }
                    smalls += 1;
                }
                4 => {
                    let named = run
                        .parse()
                        .ok()
                        .and_then(InstitutionType::from_code)
                        .ok_or_else(unknown_type)?;
                    match code {
                        Some(first) if first != named => return Err(contradictory(first, named)),
                        _ => code = Some(named),
                    }
                }
                _ => return Err(unknown_type()),
            }
        }
        let ages = match (smalls, small) {
            (0, _) => None,
            (2, [from, to]) => Some((from, to)),
            _ => return Err(unknown_type()),
        };
        Ok(Self { code, ages })
    }
}

/// `haystack.find(needle)`, by a plain scan: for the short text of a legal basis this beats
/// setting up `str::find`'s searcher for each of a dozen needles. A match of whole UTF-8 text
/// always starts on a character boundary, so comparing bytes finds the same position.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.first() == Some(&first) && w.get(1..) == Some(rest))
}

/// The number after "stk" (or inside "19(3)"), if any; `Some(0)` when "stk" has no number.
fn stk_number(lower: &str) -> Option<u8> {
    let rest = if let Some(pos) = find(lower, "stk") {
        &lower[pos + 3..]
    } else if let Some(pos) = find(lower, "19(") {
        &lower[pos + 3..]
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(['.', ' ', '\u{a0}']);
    let digits = rest
        .split_at(rest.bytes().take_while(u8::is_ascii_digit).count())
        .0;
    Some(digits.parse().unwrap_or(0))
}

impl fmt::Display for LegalBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for LegalBasis {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A daycare's institution type (instType3 in Dagtilbudsregisteret).
///
/// STIL's institution-number form accepts 6010, 6011 and 6012; the other codes appear in
/// register exports (low-confidence names from third-party mappings). Serialises as the code.
///
/// ```
/// use unilogin::InstitutionType;
/// assert_eq!(InstitutionType::parse("Aldersintegreret")?, InstitutionType::Aldersintegreret);
/// assert_eq!(InstitutionType::parse("6010")?.code(), 6010);
/// assert_eq!(
///     InstitutionType::parse_accepted("6013").unwrap_err().kind().code(),
///     "institution_type_not_accepted"
/// );
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InstitutionType {
    /// 6010 Vuggestue: ages about 0–2.
    Vuggestue,
    /// 6011 Børnehave: ages about 3–5.
    Boernehave,
    /// 6012 Aldersintegreret institution: ages about 0–5.
    Aldersintegreret,
    /// 6013 Dagpleje (childminding), seen in register exports.
    Dagpleje,
    /// 6014, seen in register exports; its name is not published.
    Type6014,
    /// 6020 SFO / fritidshjem (after-school care), seen in register exports.
    Fritidshjem,
    /// 6021 Klub (youth club), seen in register exports.
    Klub,
    /// 6022 Andet (other), seen in register exports.
    Andet,
}

impl InstitutionType {
    /// Every recognised type, in code order.
    pub const ALL: [Self; 8] = [
        Self::Vuggestue,
        Self::Boernehave,
        Self::Aldersintegreret,
        Self::Dagpleje,
        Self::Type6014,
        Self::Fritidshjem,
        Self::Klub,
        Self::Andet,
    ];

    /// The types STIL's institution-number form accepts.
    pub const ACCEPTED: [Self; 3] = [Self::Vuggestue, Self::Boernehave, Self::Aldersintegreret];

    /// The instType3 code.
    pub fn code(self) -> u16 {
        match self {
            Self::Vuggestue => 6010,
            Self::Boernehave => 6011,
            Self::Aldersintegreret => 6012,
            Self::Dagpleje => 6013,
            Self::Type6014 => 6014,
            Self::Fritidshjem => 6020,
            Self::Klub => 6021,
            Self::Andet => 6022,
        }
    }

    /// The type with this code, if recognised.
    pub fn from_code(code: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The name as a [`Term`] (key: the code), for messages in either language.
    pub fn term(self) -> &'static Term {
        match self {
            Self::Vuggestue => &Term {
                key: "6010",
                da: "Vuggestue",
                en: "Nursery",
            },
            Self::Boernehave => &Term {
                key: "6011",
                da: "Børnehave",
                en: "Kindergarten",
            },
            Self::Aldersintegreret => &Term {
                key: "6012",
                da: "Aldersintegreret institution",
                en: "Age-integrated institution",
            },
            Self::Dagpleje => &Term {
                key: "6013",
                da: "Dagpleje",
                en: "Childminding",
            },
            Self::Type6014 => &Term {
                key: "6014",
                da: "Institutionstype 6014",
                en: "Institution type 6014",
            },
            Self::Fritidshjem => &Term {
                key: "6020",
                da: "SFO/fritidshjem",
                en: "After-school care",
            },
            Self::Klub => &Term {
                key: "6021",
                da: "Klub",
                en: "Youth club",
            },
            Self::Andet => &Term {
                key: "6022",
                da: "Andet",
                en: "Other",
            },
        }
    }

    /// The name, e.g. "Vuggestue" / "Nursery".
    pub fn label(self, lang: Lang) -> &'static str {
        self.term().text(lang)
    }

    /// The approximate age range in years, as STIL's form states it ("Alderen omkring 0-2 år"),
    /// for the three types the form accepts.
    pub fn age_range(self) -> Option<(u8, u8)> {
        match self {
            Self::Vuggestue => Some((0, 2)),
            Self::Boernehave => Some((3, 5)),
            Self::Aldersintegreret => Some((0, 5)),
            _ => None,
        }
    }

    /// Parses a code ("6012"), a name in Danish or English ("Aldersintegreret", "børnehave",
    /// "nursery"), the form's wording ("6010 - Alderen omkring 0-2 år"), or the form's age
    /// label alone ("Alderen omkring 0-5 år", "0-5 år").
    ///
    /// A code, a name and an age label may be given together, but must name the same type:
    /// "6012 - Alderen omkring 0-2 år" and "Vuggestue 6012" are refused.
    ///
    /// ```
    /// use unilogin::InstitutionType;
    /// assert_eq!(InstitutionType::parse("Alderen omkring 0-5 år")?.code(), 6012);
    /// assert_eq!(
    ///     InstitutionType::parse("Vuggestue 6012").unwrap_err().kind().code(),
    ///     "institution_type_contradictory"
    /// );
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::InstitutionTypeUnknown`] when nothing is recognised (an unknown code, an
    /// age range the form does not name, a number that is not a four-digit code);
    /// [`ErrorType::InstitutionTypeContradictory`] when a code, a name and an age label name
    /// different types.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::visible(input)?;
        let trimmed = input.trim();
        // Fast path: a bare four-digit code, as in register exports.
        if let Ok(code) = <[u8; 4]>::try_from(trimmed.as_bytes()) {
            if code.iter().all(u8::is_ascii_digit) {
                let n = code
                    .iter()
                    .fold(0_u16, |acc, &d| acc * 10 + u16::from(d - b'0'));
                return Self::from_code(n).ok_or_else(unknown_type);
            }
        }
        let mut buf = [0_u8; LOWER_BUF];
        let heap: String;
        let mut folded = if let Some(lower) = lowercase_into(trimmed, &mut buf) {
            lower
        } else {
            heap = trimmed.to_lowercase();
            heap.as_str()
        };
        let replaced: String;
        if folded.contains('ø') {
            replaced = folded.replace('ø', "oe");
            folded = replaced.as_str();
        }
        // Lower-casing leaves ASCII digits alone and turns nothing else into one (a test
        // checks every character), so the numbers are read from the folded text.
        let numbers = Numbers::read(folded)?;
        let by_code = numbers.code;
        let by_ages = numbers
            .ages
            .map(|ages| {
                Self::ACCEPTED
                    .into_iter()
                    .find(|t| t.age_range() == Some(ages))
                    .ok_or(ages)
            })
            .transpose();
        let by_word = Self::named(folded);
        // Every indication given must name the same type, in the order code, name, ages.
        let mut found: Option<Self> = None;
        for next in [by_code, by_word, by_ages.unwrap_or(None)]
            .into_iter()
            .flatten()
        {
            match found {
                Some(first) if first != next => return Err(contradictory(first, next)),
                _ => found = Some(next),
            }
        }
        match (found, by_ages) {
            (Some(t), Ok(_)) => Ok(t),
            // Nothing named, or an age range the form does not name ("0-3 år").
            _ => Err(unknown_type()),
        }
    }

    /// The type the earliest recognised name in `folded` (lower case, ø as oe) names.
    fn named(folded: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .flat_map(|t| {
                t.words()
                    .iter()
                    .filter_map(move |w| word_at(folded, w).map(|pos| (pos, t)))
            })
            .min_by_key(|&(pos, _)| pos)
            .map(|(_, t)| t)
    }

    /// Parses like [`InstitutionType::parse`] and refuses the types STIL's form does not offer.
    ///
    /// # Errors
    /// [`ErrorType::InstitutionTypeUnknown`] as in [`InstitutionType::parse`];
    /// [`ErrorType::InstitutionTypeNotAccepted`] for a recognised type other than 6010–6012.
    pub fn parse_accepted(input: &str) -> Result<Self, FieldError> {
        let parsed = Self::parse(input)?;
        if Self::ACCEPTED.contains(&parsed) {
            Ok(parsed)
        } else {
            Err(FieldError::with_ctx(
                ErrorType::InstitutionTypeNotAccepted,
                Ctx::new()
                    .with("code", i64::from(parsed.code()))
                    .with("label", parsed.term()),
            ))
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            Self::Vuggestue => &["vuggestue", "nursery", "creche", "crèche"],
            Self::Boernehave => &["boernehave", "bornehave", "kindergarten"],
            Self::Aldersintegreret => &["aldersintegr", "age-integrated", "age integrated"],
            Self::Dagpleje => &["dagpleje", "childmind"],
            Self::Type6014 => &[],
            Self::Fritidshjem => &["sfo", "fritidshjem", "after-school", "after school"],
            Self::Klub => &["klub", "fritidsklub", "youth club", "club"],
            Self::Andet => &["andet", "other"],
        }
    }
}

impl fmt::Display for InstitutionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl FromStr for InstitutionType {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for InstitutionType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.code())
    }
}

impl<'de> Deserialize<'de> for InstitutionType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(d)?;
        Self::from_code(code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown institution type `{code}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_basis_forms_people_write() {
        for (input, want) in [
            (
                "Kommunal, dagtilbudslovens §19, stk. 2",
                LegalBasis::Kommunal,
            ),
            (
                "Selveje, dagtilbudslovens §19, stk. 3",
                LegalBasis::Selvejet,
            ),
            (
                "Privatinstitution, dagtilbudslovens §19, stk. 5",
                LegalBasis::Privat,
            ),
            ("§ 19 stk. 3", LegalBasis::Selvejet),
            ("stk. 5", LegalBasis::Privat),
            ("stk 2", LegalBasis::Kommunal),
            ("selvejende", LegalBasis::Selvejet),
            ("privatinstitution", LegalBasis::Privat),
            ("KOMMUNAL", LegalBasis::Kommunal),
            ("Udliciteret", LegalBasis::Udliciteret),
            ("section 19(5)", LegalBasis::Privat),
            ("municipal", LegalBasis::Kommunal),
        ] {
            assert_eq!(LegalBasis::parse(input), Ok(want), "{input}");
        }
        for input in [
            "",
            "2",
            "§ 19",
            "stk. 1",
            "stk. 6",
            "andelsbolig",
            "Selvejende, ikke kommunal",
        ] {
            assert_eq!(
                LegalBasis::parse(input).map_err(|e| e.kind()),
                Err(ErrorType::LegalBasisUnknown),
                "{input}"
            );
        }
    }

    #[test]
    fn a_word_and_a_subsection_that_disagree_are_contradictory() {
        for (input, label, stk) in [
            ("Kommunal, dagtilbudslovens §19, stk. 3", "kommunal", 3),
            ("Kommunal, stk. 5", "kommunal", 5),
            ("Selveje, dagtilbudslovens §19, stk. 2", "selvejet", 2),
            ("private, section 19(4)", "privat", 4),
        ] {
            let err = LegalBasis::parse(input).unwrap_err();
            assert_eq!(err.kind(), ErrorType::LegalBasisContradictory, "{input}");
            assert_eq!(
                serde_json::to_value(err.ctx()).unwrap(),
                serde_json::json!({"label": label, "label_stk": LegalBasis::from_key(label).unwrap().stk(), "stk": stk}),
                "{input}"
            );
        }
        assert_eq!(
            LegalBasis::parse("Kommunal, dagtilbudslovens §19, stk. 3")
                .unwrap_err()
                .message(Lang::Da),
            "Lovgrundlaget modsiger sig selv: Kommunal daginstitution er dagtilbudslovens § 19, stk. 2, ikke stk. 3; ret enten ordet eller stykket"
        );
        // A subsection the statute does not have stays unknown, word or not.
        assert_eq!(
            LegalBasis::parse("Kommunal, stk. 6").map_err(|e| e.kind()),
            Err(ErrorType::LegalBasisUnknown)
        );
    }

    #[test]
    fn stk_4_is_recognised_then_refused_precisely() {
        assert_eq!(
            LegalBasis::parse("§ 19, stk. 4"),
            Ok(LegalBasis::Udliciteret)
        );
        let err = LegalBasis::parse_accepted("§ 19, stk. 4").unwrap_err();
        assert_eq!(err.kind(), ErrorType::LegalBasisNotAccepted);
        assert_eq!(
            err.message(Lang::Da),
            "Udliciteret daginstitution (dagtilbudslovens § 19, stk. 4) kan ikke vælges her; kun stk. 2, 3 og 5"
        );
    }

    #[test]
    fn ownership_codes_round_trip() {
        for b in LegalBasis::ALL {
            assert_eq!(LegalBasis::from_ownership_code(b.ownership_code()), Some(b));
            assert_eq!(LegalBasis::from_stk(b.stk()), Some(b));
            assert_eq!(LegalBasis::parse(b.key()), Ok(b));
            assert_eq!(LegalBasis::parse(&b.form_text(Lang::Da)), Ok(b));
            assert_eq!(LegalBasis::parse(&b.form_text(Lang::En)), Ok(b));
        }
        assert_eq!(LegalBasis::from_ownership_code(5), None);
    }

    #[test]
    fn find_matches_str_find() {
        let texts = [
            "",
            "s",
            "stk",
            "§ 19, stk. 4",
            "section 19(5)",
            "kommunal, dagtilbudslovens §19, stk. 2",
            "sstk",
            "ståk stk",
            "self governing",
        ];
        for hay in texts {
            for needle in texts.iter().chain(&["19(", "§", "k", "tk.", "ø"]) {
                assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn lower_casing_makes_no_digits() {
        for c in char::MIN..=char::MAX {
            let first = c.to_lowercase().next();
            assert_eq!(
                first.is_some_and(|l| l.is_ascii_digit()),
                c.is_ascii_digit(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn institution_types() {
        for (input, want) in [
            ("6010", InstitutionType::Vuggestue),
            ("6011 - Alderen omkring 3-5 år", InstitutionType::Boernehave),
            ("Aldersintegreret", InstitutionType::Aldersintegreret),
            (
                "aldersintegreret institution",
                InstitutionType::Aldersintegreret,
            ),
            ("Børnehave", InstitutionType::Boernehave),
            ("bornehave", InstitutionType::Boernehave),
            ("Vuggestue", InstitutionType::Vuggestue),
            ("6013", InstitutionType::Dagpleje),
            ("6010 - Alderen omkring 0-2 år", InstitutionType::Vuggestue),
            (
                "6012 - Alderen omkring 0-5 år",
                InstitutionType::Aldersintegreret,
            ),
            ("Alderen omkring 0-5 år", InstitutionType::Aldersintegreret),
            ("alderen omkring 3-5 år", InstitutionType::Boernehave),
            ("0-2 år", InstitutionType::Vuggestue),
            ("Vuggestue 6010", InstitutionType::Vuggestue),
            ("6011 Børnehave", InstitutionType::Boernehave),
            ("Børnehave (3-5 år)", InstitutionType::Boernehave),
            ("Integreret børnehave", InstitutionType::Boernehave),
            ("after-school club", InstitutionType::Fritidshjem),
        ] {
            assert_eq!(InstitutionType::parse(input), Ok(want), "{input}");
        }
        for input in [
            "Alderen omkring 0-3 år",
            "6010 - Alderen omkring 0-3 år",
            "601",
            "60100",
            "6010 - 0-2-5 år",
            "mother",
        ] {
            assert_eq!(
                InstitutionType::parse(input).map_err(|e| e.kind()),
                Err(ErrorType::InstitutionTypeUnknown),
                "{input}"
            );
        }
        for (input, first, second) in [
            ("6012 - Alderen omkring 0-2 år", 6012, 6010),
            ("Vuggestue 6012", 6012, 6010),
            ("6010 Børnehave", 6010, 6011),
            ("Vuggestue - Alderen omkring 3-5 år", 6010, 6011),
            ("6010/6011", 6010, 6011),
        ] {
            let err = InstitutionType::parse(input).unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorType::InstitutionTypeContradictory,
                "{input}"
            );
            assert_eq!(
                serde_json::to_value(err.ctx()).unwrap(),
                serde_json::json!({
                    "first_code": first, "first": first.to_string(),
                    "second_code": second, "second": second.to_string()
                }),
                "{input}"
            );
        }
        assert_eq!(
            InstitutionType::parse_accepted("6012 - Alderen omkring 0-2 år")
                .unwrap_err()
                .message(Lang::En),
            "The institution type contradicts itself: it names both 6012 (Age-integrated institution) and 6010 (Nursery); give one of 6010 (ages 0-2), 6011 (ages 3-5) and 6012 (ages 0-5)"
        );
        assert_eq!(
            InstitutionType::parse("6099").map_err(|e| e.kind()),
            Err(ErrorType::InstitutionTypeUnknown)
        );
        assert_eq!(
            InstitutionType::parse("skole").map_err(|e| e.kind()),
            Err(ErrorType::InstitutionTypeUnknown)
        );
        let err = InstitutionType::parse_accepted("Dagpleje").unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "6013 (Childminding) cannot be chosen here; only 6010, 6011 and 6012"
        );
        assert_eq!(
            err.message(Lang::Da),
            "6013 (Dagpleje) kan ikke vælges her; kun 6010, 6011 og 6012"
        );
        assert_eq!(
            serde_json::to_value(err.ctx()).unwrap(),
            serde_json::json!({"code": 6013, "label": "6013"})
        );
        assert_eq!(InstitutionType::Boernehave.age_range(), Some((3, 5)));
    }
}
