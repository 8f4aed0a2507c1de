use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::canonical_string_type;
use super::name::name_text;
use crate::text::{text_value, trim};
use crate::{Ctx, ErrorType, FieldError};

/// The lowest Danish postal code of an address (0800, Høje Taastrup, a business code).
pub const POSTAL_CODE_MIN: u16 = 800;
/// The highest Danish postal code (9990, Skagen).
pub const POSTAL_CODE_MAX: u16 = 9990;

/// PostNord's list of Danish postal codes with their towns (`postnummer,by`, one a line,
/// sorted by code): `data/postal_codes.csv`, whose source `docs/sources.md` names.
const POSTAL_LIST: &str = include_str!("../../data/postal_codes.csv");

/// The list's codes with their towns, in the list's order (by code), read from the text once:
/// a binary search over about 1,100 entries, the fast path of every address checked.
fn postal_towns() -> &'static [([u8; 4], &'static str)] {
    static TOWNS: OnceLock<Vec<([u8; 4], &'static str)>> = OnceLock::new();
    TOWNS.get_or_init(|| {
        let body = POSTAL_LIST.split_once('\n').map_or("", |(_, body)| body);
        body.lines()
            .filter_map(|line| {
                let line = line.trim_end_matches('\r');
                let code: [u8; 4] = line.as_bytes().get(..4)?.try_into().ok()?;
                Some((code, line.get(5..)?))
            })
            .collect()
    })
}

/// The town of `code` in PostNord's list, if the code is listed.
fn listed_town(code: [u8; 4]) -> Option<&'static str> {
    let towns = postal_towns();
    let i = towns
        .binary_search_by(|(listed, _)| listed.cmp(&code))
        .ok()?;
    towns.get(i).map(|&(_, town)| town)
}

/// A Danish postal code: four digits in 0800–9990 that PostNord's list holds. A `DK-` prefix
/// is tolerated.
///
/// ```
/// use unilogin::identifiers::PostalCode;
/// let code = PostalCode::parse("DK-2100")?;
/// assert_eq!((code.as_str(), code.town()), ("2100", "København Ø"));
/// assert_eq!(PostalCode::parse("0700").unwrap_err().kind().code(), "postal_code_range");
/// assert_eq!(PostalCode::parse("3900").unwrap_err().kind().code(), "postal_code_unknown");
/// assert_eq!(PostalCode::parse("800").unwrap_err().kind().code(), "postal_code_leading_zero");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode([u8; 4]);

impl PostalCode {
    /// Parses a postal code.
    ///
    /// # Errors
    /// [`ErrorType::PostalCodeLeadingZero`] for three digits that are a listed code with the
    /// leading zero a spreadsheet dropped (`800`, `ctx.postal_code` `0800`);
    /// [`ErrorType::PostalCodeFormat`] unless four digits; [`ErrorType::PostalCodeRange`]
    /// outside 0800–9990; [`ErrorType::PostalCodeUnknown`] for a code PostNord's list does
    /// not hold (3900 is Nuuk in Greenland, 1234 no code at all).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let trimmed = trim(input);
        let body = match trimmed.get(..3) {
            Some(p) if p.eq_ignore_ascii_case("dk-") => &trimmed[3..],
            _ => trimmed,
        };
        if let Ok(&[a, b, c]) = <&[u8; 3]>::try_from(body.as_bytes()) {
            let padded = [b'0', a, b, c];
            if let Ok(code) = Self::from_digits(padded) {
                return Err(FieldError::with_ctx(
                    ErrorType::PostalCodeLeadingZero,
                    Ctx::new().with("postal_code", code.as_str().to_owned()),
                ));
            }
        }
        let bytes: [u8; 4] = body
            .as_bytes()
            .try_into()
            .map_err(|_| FieldError::new(ErrorType::PostalCodeFormat))?;
        Self::from_digits(bytes)
    }

    /// The code of four bytes, if they are digits of a listed code in range.
    fn from_digits(bytes: [u8; 4]) -> Result<Self, FieldError> {
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(FieldError::new(ErrorType::PostalCodeFormat));
        }
        let value = bytes
            .iter()
            .fold(0_u16, |acc, &d| acc * 10 + u16::from(d - b'0'));
        if !(POSTAL_CODE_MIN..=POSTAL_CODE_MAX).contains(&value) {
            return Err(FieldError::with_ctx(
                ErrorType::PostalCodeRange,
                Ctx::new().with("min", "0800").with("max", "9990"),
            ));
        }
        if listed_town(bytes).is_none() {
            let code = std::str::from_utf8(&bytes).unwrap_or_default();
            return Err(FieldError::with_ctx(
                ErrorType::PostalCodeUnknown,
                Ctx::new().with("postal_code", code.to_owned()),
            ));
        }
        Ok(Self(bytes))
    }

    /// Every postal code this type accepts, in order: the codes of PostNord's list in
    /// 0800–9990.
    ///
    /// ```
    /// use unilogin::identifiers::PostalCode;
    /// let first = PostalCode::all().next().unwrap();
    /// assert_eq!((first.as_str(), first.town()), ("0800", "Høje Taastrup"));
    /// ```
    pub fn all() -> impl Iterator<Item = Self> {
        postal_towns()
            .iter()
            .filter_map(|&(digits, _)| Self::from_digits(digits).ok())
    }

    /// The canonical four digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The code's town (postal district) as PostNord's list names it, e.g. `Aarhus C`.
    pub fn town(&self) -> &'static str {
        listed_town(self.0).unwrap_or_default()
    }

    /// Whether `town` names this code's town: equal to [`PostalCode::town`] but for case,
    /// spaces, hyphens and dots, and the ASCII spellings of æ, ø and å (`Hoje-Taastrup` is
    /// `Høje Taastrup`).
    pub fn is_town(&self, town: &str) -> bool {
        super::municipality::same_folded(town, self.town())
    }

    /// `town` if it names this code's town ([`PostalCode::is_town`]).
    ///
    /// ```
    /// use unilogin::identifiers::PostalCode;
    /// let code = PostalCode::parse("8000")?;
    /// assert!(code.check_town("aarhus c").is_ok());
    /// let err = code.check_town("Odense C").unwrap_err();
    /// assert_eq!(err.kind().code(), "postal_code_town_mismatch");
    /// assert_eq!(err.message(unilogin::Lang::En), "Postal code 8000 is Aarhus C; the town does not match the postal code");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::PostalCodeTownMismatch`], with the code and its town (`suggestion`).
    pub fn check_town(&self, town: &str) -> Result<(), FieldError> {
        if self.is_town(town) {
            return Ok(());
        }
        Err(FieldError::with_ctx(
            ErrorType::PostalCodeTownMismatch,
            Ctx::new()
                .with("postal_code", self.as_str().to_owned())
                .with("suggestion", self.town()),
        ))
    }
}

canonical_string_type!(PostalCode);

/// A Danish house number (husnummer): 1–999, optionally followed by one letter A–Z
/// (the address regulation allows no Æ, Ø or Å as house letter).
///
/// A space before the letter and a lower-case letter are accepted; the canonical form is
/// e.g. `12B`.
///
/// ```
/// use unilogin::identifiers::HouseNumber;
/// assert_eq!(HouseNumber::parse("12 b")?.to_string(), "12B");
/// assert_eq!(HouseNumber::parse("0").unwrap_err().kind().code(), "house_number_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
///
/// Held inline (at most three digits and a letter), so parsing does not allocate. `Debug`,
/// `Hash`, `Eq` and `Ord` are those of the canonical string, as when it was a `String`.
#[derive(Clone)]
pub struct HouseNumber {
    bytes: [u8; 4],
    len: u8,
}

impl HouseNumber {
    /// Parses a house number.
    ///
    /// # Errors
    /// [`ErrorType::HouseNumberFormat`] for anything but 1–999 with an optional letter.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new(ErrorType::HouseNumberFormat);
        let trimmed = trim(input);
        let split = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (number, letter) = trimmed.split_at(split);
        let letter = letter.trim_start();
        if number.is_empty() || number.len() > 3 || number.starts_with('0') {
            return Err(err());
        }
        let mut bytes = [0_u8; 4];
        let mut len = number.len();
        bytes
            .get_mut(..len)
            .ok_or_else(err)?
            .copy_from_slice(number.as_bytes());
        let mut letters = letter.chars();
        match (letters.next(), letters.next()) {
            (None, _) => {}
            (Some(c), None) if c.is_ascii_alphabetic() => {
                *bytes.get_mut(len).ok_or_else(err)? = c.to_ascii_uppercase() as u8;
                len += 1;
            }
            _ => return Err(err()),
        }
        Ok(Self {
            bytes,
            len: u8::try_from(len).map_err(|_| err())?,
        })
    }

    /// Parses a house number that may carry the floor and door after it, as address fields
    /// hold them (`12B, 2. tv`, `12 st.`, `4, 1. th`, `7 kl`): the house number, then after a
    /// comma or space a floor ([`Floor`]) and a door ([`Door`]), or a door alone (`12, tv`).
    ///
    /// ```
    /// use unilogin::identifiers::HouseNumber;
    /// let (number, floor, door) = HouseNumber::parse_with_unit("12b, 2. tv")?;
    /// assert_eq!(number.as_str(), "12B");
    /// assert_eq!(floor.map(|f| f.to_string()).as_deref(), Some("2"));
    /// assert_eq!(door.map(|d| d.to_string()).as_deref(), Some("tv"));
    /// assert_eq!(HouseNumber::parse_with_unit("12, 2. xyzzy").unwrap_err().kind().code(), "door_format");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::HouseNumberFormat`] for the number; [`ErrorType::FloorFormat`] or
    /// [`ErrorType::DoorFormat`] for what follows it.
    pub fn parse_with_unit(input: &str) -> Result<(Self, Option<Floor>, Option<Door>), FieldError> {
        crate::text::or_invisible(input, Self::parse_with_unit_chars(input))
    }

    fn parse_with_unit_chars(
        input: &str,
    ) -> Result<(Self, Option<Floor>, Option<Door>), FieldError> {
        let (number, unit) = split_house_number(trim(input))?;
        let number = Self::parse_chars(number)?;
        if unit.is_empty() {
            return Ok((number, None, None));
        }
        let (floor, door) = parse_unit(unit)?;
        Ok((number, floor, door))
    }

    /// The canonical form, e.g. `12B`.
    pub fn as_str(&self) -> &str {
        // ASCII digits and a letter by construction.
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for HouseNumber {
    /// `HouseNumber("12B")`, as the derived form of the former `HouseNumber(String)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("HouseNumber").field(&self.as_str()).finish()
    }
}

impl PartialEq for HouseNumber {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for HouseNumber {}

impl std::hash::Hash for HouseNumber {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for HouseNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HouseNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

canonical_string_type!(HouseNumber);

/// Splits `12B, 2. tv` into the house number (`12B`) and what follows it (`2. tv`): the
/// number's digits, a letter if one stands alone after them (`12 b`), then a comma or a space
/// and the rest.
fn split_house_number(trimmed: &str) -> Result<(&str, &str), FieldError> {
    let err = || FieldError::new(ErrorType::HouseNumberFormat);
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let after = trimmed.get(digits..).unwrap_or_default();
    let spaced = after.trim_start();
    let mut end = digits;
    let mut chars = spaced.chars();
    if let Some(c) = chars.next() {
        let alone = chars
            .next()
            .is_none_or(|next| next == ',' || next.is_whitespace());
        if c.is_ascii_alphabetic() && alone {
            end = trimmed.len() - spaced.len() + 1;
        }
    }
    let (number, rest) = trimmed.split_at(end);
    let Some(first) = rest.chars().next() else {
        return Ok((number, ""));
    };
    if first != ',' && !first.is_whitespace() {
        return Err(err());
    }
    let unit = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    if unit.is_empty() {
        return Err(err());
    }
    Ok((number, unit))
}

/// A floor and a door (`2. tv`, `st`, `1.th`, `3 sal`), or a door alone (`tv`).
fn parse_unit(unit: &str) -> Result<(Option<Floor>, Option<Door>), FieldError> {
    let unit = trim(unit);
    let token_end = unit
        .find(|c: char| c == ',' || c.is_whitespace())
        .unwrap_or(unit.len());
    let (mut floor, mut rest) = unit.split_at(token_end);
    // `2.tv`, `st.th`: the floor ends at its dot.
    if let Some(dot) = floor.find('.') {
        if dot + 1 < floor.len() {
            (floor, rest) = unit.split_at(dot + 1);
        }
    }
    let floor = match Floor::parse_chars(floor) {
        Ok(floor) => floor,
        // Not a floor: a door alone; a wrong floor if it starts with a digit; otherwise not a
        // house number with a floor after it (`12 BC`).
        Err(e) => {
            return Door::parse_chars(unit)
                .map(|d| (None, Some(d)))
                .map_err(|_| {
                    if floor.starts_with(|c: char| c.is_ascii_digit()) {
                        e
                    } else {
                        FieldError::new(ErrorType::HouseNumberFormat)
                    }
                })
        }
    };
    let mut rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    // `2. sal tv`
    if let Some(after) = rest.get(..3).filter(|w| w.eq_ignore_ascii_case("sal")) {
        let tail = rest.get(after.len()..).unwrap_or_default();
        if tail.is_empty() || tail.starts_with(|c: char| c == ',' || c == '.' || c.is_whitespace())
        {
            rest = tail.trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
        }
    }
    if rest.is_empty() {
        return Ok((Some(floor), None));
    }
    Ok((Some(floor), Some(Door::parse_chars(rest)?)))
}

/// A few ASCII bytes held inline: the canonical form of a [`Floor`] or a [`Door`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Short<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> Short<N> {
    /// `text` if it is ASCII and at most `N` bytes long.
    fn new(text: &str) -> Option<Self> {
        let mut bytes = [0_u8; N];
        bytes
            .get_mut(..text.len())?
            .copy_from_slice(text.as_bytes());
        Some(Self {
            bytes,
            len: u8::try_from(text.len()).ok()?,
        })
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// `input` lower-cased without dots and spaces, into `buf`; `None` if longer than `buf` or
/// holding a character other than ASCII letters and digits, `æ`, `ø` or `å`.
fn squeezed<'b>(input: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let mut len = 0;
    for c in input.chars() {
        if matches!(c, '.' | ' ' | '\u{a0}' | '\t') {
            continue;
        }
        let lower = c.to_lowercase().next()?;
        if !(lower.is_ascii_alphanumeric() || matches!(lower, 'æ' | 'ø' | 'å')) {
            return None;
        }
        let mut utf8 = [0_u8; 4];
        let bytes = lower.encode_utf8(&mut utf8).as_bytes();
        buf.get_mut(len..len + bytes.len())?.copy_from_slice(bytes);
        len += bytes.len();
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// A floor (etagebetegnelse) as the Danish address rules name them: `st` (the ground floor),
/// `1` to `99`, `kl` (the basement) and `k2`–`k9` below it. Read from the ways people write
/// them: `st.`, `stuen`, `2.`, `2. sal`, `kl.`, `kælder`, in any case.
///
/// ```
/// use unilogin::identifiers::Floor;
/// assert_eq!(Floor::parse("St.")?.as_str(), "st");
/// assert_eq!(Floor::parse("2. sal")?.as_str(), "2");
/// assert_eq!(Floor::parse("kælder")?.as_str(), "kl");
/// assert_eq!(Floor::parse("100").unwrap_err().kind().code(), "floor_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Floor(Short<2>);

impl Floor {
    /// Parses a floor.
    ///
    /// # Errors
    /// [`ErrorType::FloorFormat`] for anything but the floors above.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new(ErrorType::FloorFormat);
        let mut buf = [0_u8; 16];
        let key = squeezed(input, &mut buf).ok_or_else(err)?;
        let key = key
            .strip_suffix("sal")
            .filter(|stem| stem.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or(key);
        let canonical = match key {
            "st" | "stuen" | "stue" => "st",
            "kl" | "k1" | "kælder" | "kaelder" => "kl",
            _ => {
                let bytes = key.as_bytes();
                let basement = matches!(bytes, [b'k', b'2'..=b'9']);
                let level = matches!(bytes, [b'1'..=b'9'] | [b'1'..=b'9', b'0'..=b'9']);
                if !(basement || level) {
                    return Err(err());
                }
                key
            }
        };
        Short::new(canonical).map(Self).ok_or_else(err)
    }

    /// The canonical form: `st`, `kl`, `k2`, `1`, … `99`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The floor as an address line writes it: `st.`, `kl.`, `2.`, `k2`.
    fn written(self) -> String {
        match self.as_str() {
            k if k.starts_with('k') && k != "kl" => k.to_owned(),
            other => format!("{other}."),
        }
    }
}

impl std::fmt::Debug for Floor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Floor").field(&self.as_str()).finish()
    }
}

canonical_string_type!(Floor);

/// A door (dørbetegnelse) as the Danish address rules name them: `tv` (left), `th` (right),
/// `mf` (middle), or a door number or code of one to four letters and digits with at least one
/// digit (`1`, `12`, `a3`). Read from `t.v.`, `TH`, `til venstre`, … ; stored in lower case.
///
/// ```
/// use unilogin::identifiers::Door;
/// assert_eq!(Door::parse("t.v.")?.as_str(), "tv");
/// assert_eq!(Door::parse("til højre")?.as_str(), "th");
/// assert_eq!(Door::parse("12")?.as_str(), "12");
/// assert_eq!(Door::parse("venstre dør").unwrap_err().kind().code(), "door_format");
/// # Ok::<(), unilogin::FieldError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Door(Short<4>);

impl Door {
    /// Parses a door.
    ///
    /// # Errors
    /// [`ErrorType::DoorFormat`] for anything but the doors above.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new(ErrorType::DoorFormat);
        let mut buf = [0_u8; 16];
        let key = squeezed(input, &mut buf).ok_or_else(err)?;
        let canonical = match key {
            "tv" | "th" | "mf" => key,
            "tilvenstre" | "venstre" => "tv",
            "tilhøjre" | "tilhoejre" | "højre" | "hoejre" => "th",
            "midtfor" => "mf",
            _ => {
                let bytes = key.as_bytes();
                let code = (1..=4).contains(&bytes.len())
                    && bytes.iter().all(u8::is_ascii_alphanumeric)
                    // Letters alone are no door code (`bc` is likelier a typo than a door).
                    && bytes.iter().any(u8::is_ascii_digit)
                    && !(bytes.iter().all(u8::is_ascii_digit) && bytes.first() == Some(&b'0'));
                if !code {
                    return Err(err());
                }
                key
            }
        };
        Short::new(canonical).map(Self).ok_or_else(err)
    }

    /// The canonical form: `tv`, `th`, `mf` or the door's number or code in lower case.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::fmt::Debug for Door {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Door").field(&self.as_str()).finish()
    }
}

canonical_string_type!(Door);

/// A street name (vejnavn): 1–132 characters, trimmed, without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Street(String);

impl Street {
    /// Parses a street name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`], [`ErrorType::StringControlCharacters`], [`ErrorType::StringTooLong`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        name_text(input).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(Street);
text_value!(Street, name_text);

/// A city or postal district name (by / postdistrikt): 1–132 characters, trimmed, without
/// control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct City(String);

impl City {
    /// Parses a city name.
    ///
    /// # Errors
    /// [`ErrorType::Missing`], [`ErrorType::StringControlCharacters`], [`ErrorType::StringTooLong`].
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        name_text(input).map(|s| Self(s.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

canonical_string_type!(City);
text_value!(City, name_text);

/// A Danish street address: street, house number, floor and door if any, postal code and city.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// The street name.
    pub street: Street,
    /// The house number, e.g. `12B`.
    pub house_number: HouseNumber,
    /// The floor, if the address has one (`st`, `2`, `kl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Floor>,
    /// The door, if the address has one (`tv`, `th`, `3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub door: Option<Door>,
    /// The postal code.
    pub postal_code: PostalCode,
    /// The city (postal district).
    pub city: City,
}

impl Address {
    /// Parses an address written on one line, as STIL's request form asks for it
    /// ("Adresseoplysninger"): street, house number, then floor and door if any, then postal
    /// code and town, with commas or without.
    ///
    /// ```
    /// use unilogin::identifiers::Address;
    /// let a = Address::parse_line("Nørregade 12, 2. tv, 8000 Aarhus C")?;
    /// assert_eq!((a.street.as_str(), a.house_number.as_str()), ("Nørregade", "12"));
    /// assert_eq!(a.floor.map(|f| f.to_string()).as_deref(), Some("2"));
    /// assert_eq!(a.door.map(|d| d.to_string()).as_deref(), Some("tv"));
    /// assert_eq!((a.postal_code.as_str(), a.city.as_str()), ("8000", "Aarhus C"));
    /// assert_eq!(a.to_string(), "Nørregade 12, 2. tv, 8000 Aarhus C");
    /// assert_eq!(Address::parse_line("Nørregade").unwrap_err().kind().code(), "address_line_format");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// The town is not compared with the postal code here ([`PostalCode::check_town`] does,
    /// and record validation does it as the host's policy says).
    ///
    /// # Errors
    /// [`ErrorType::AddressLineFormat`] when the line has no street, house number, postal code
    /// or town where they belong; otherwise the error of the part that is wrong
    /// ([`ErrorType::PostalCodeUnknown`], [`ErrorType::FloorFormat`], …).
    pub fn parse_line(input: &str) -> Result<Self, FieldError> {
        crate::text::visible(input)?;
        let err = || FieldError::new(ErrorType::AddressLineFormat);
        let line = trim(input);
        let separator = |c: char| c == ',' || c.is_whitespace();
        // The tokens' start and end offsets.
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in line
            .char_indices()
            .chain(std::iter::once((line.len(), ' ')))
        {
            match (separator(c), start) {
                (true, Some(s)) => {
                    tokens.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        let text = |(s, e): (usize, usize)| line.get(s..e).unwrap_or_default();
        let postal_like = |t: &str| {
            let digits = match t.get(..3) {
                Some(p) if p.eq_ignore_ascii_case("dk-") => t.get(3..).unwrap_or_default(),
                _ => t,
            };
            (3..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        };
        // The postal code: the last such token with a town after it.
        let at = (0..tokens.len().saturating_sub(1))
            .rev()
            .find(|&i| tokens.get(i).is_some_and(|&t| postal_like(text(t))))
            .ok_or_else(err)?;
        let (code_start, code_end) = *tokens.get(at).ok_or_else(err)?;
        let town = line
            .get(code_end..)
            .unwrap_or_default()
            .trim_matches(|c: char| separator(c));
        let before = line
            .get(..code_start)
            .unwrap_or_default()
            .trim_end_matches(|c: char| separator(c));
        // The house number: the first token after the street that starts with a digit.
        let number_start = tokens
            .iter()
            .take(at)
            .skip(1)
            .map(|&(s, _)| s)
            .find(|&s| {
                line.get(s..)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            })
            .ok_or_else(err)?;
        let street = line
            .get(..number_start)
            .unwrap_or_default()
            .trim_end_matches(|c: char| separator(c));
        let number = before.get(number_start..).unwrap_or_default();
        if street.is_empty() || town.is_empty() {
            return Err(err());
        }
        let (house_number, floor, door) = HouseNumber::parse_with_unit(number)?;
        Ok(Self {
            street: Street::parse(street)?,
            house_number,
            floor,
            door,
            postal_code: PostalCode::parse(text((code_start, code_end)))?,
            city: City::parse(town)?,
        })
    }
}

impl std::fmt::Display for Address {
    /// `Street 12B, 2100 City`, with floor and door after the house number (`Street 12, 2. tv,
    /// 8000 City`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.street, self.house_number)?;
        match (self.floor, self.door) {
            (Some(floor), Some(door)) => write!(f, ", {} {door}", floor.written())?,
            (Some(floor), None) => write!(f, ", {}", floor.written())?,
            (None, Some(door)) => write!(f, ", {door}")?,
            (None, None) => {}
        }
        write!(f, ", {} {}", self.postal_code, self.city)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes() {
        assert!(PostalCode::parse("0800").is_ok());
        assert!(PostalCode::parse("9990").is_ok());
        let kind = |s: &str| PostalCode::parse(s).unwrap_err().kind();
        assert_eq!(kind("9991"), ErrorType::PostalCodeRange);
        assert_eq!(kind("0555"), ErrorType::PostalCodeRange);
        assert_eq!(kind("800"), ErrorType::PostalCodeLeadingZero);
        assert_eq!(kind("920"), ErrorType::PostalCodeFormat);
        assert_eq!(kind("080"), ErrorType::PostalCodeFormat);
        assert_eq!(kind("21OO"), ErrorType::PostalCodeFormat);
        assert_eq!(kind("3900"), ErrorType::PostalCodeUnknown);
        assert_eq!(kind("1234"), ErrorType::PostalCodeUnknown);
        assert_eq!(kind("9989"), ErrorType::PostalCodeUnknown);
        let err = PostalCode::parse("DK-877").unwrap_err();
        assert_eq!(err.kind(), ErrorType::PostalCodeLeadingZero);
        assert_eq!(
            err.message(crate::Lang::En),
            "A postal code is 4 digits; did you mean 0877? (spreadsheets often drop the leading 0)"
        );
    }

    /// The shipped list is sorted by code with one line per code, so the binary search finds
    /// every line; and every code in range parses with its own town.
    #[test]
    fn the_postal_list_is_sorted_and_every_code_is_found() {
        let mut header = POSTAL_LIST.lines();
        assert_eq!(header.next(), Some("postnummer,by"));
        let rows: Vec<(&str, &str)> = header.map(|l| l.split_once(',').unwrap()).collect();
        assert_eq!(rows.len(), 1197);
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "sorted, unique");
        let mut accepted = 0;
        for (code, town) in &rows {
            assert_eq!(code.len(), 4);
            let digits: [u8; 4] = code.as_bytes().try_into().unwrap();
            assert_eq!(listed_town(digits), Some(*town), "{code}");
            let value: u16 = code.parse().unwrap();
            if (POSTAL_CODE_MIN..=POSTAL_CODE_MAX).contains(&value) {
                let parsed = PostalCode::parse(code).unwrap();
                assert_eq!(parsed.town(), *town);
                assert!(parsed.is_town(town));
                accepted += 1;
            }
        }
        assert_eq!(PostalCode::all().count(), accepted);
        // All but 0555 and 0783 below the range and 9992–9998 above it, which are PostNord's
        // codes for its own services, not addresses.
        assert_eq!(accepted, 1190);
        // Codes between listed ones are not found.
        for code in [
            "0000", "0801", "1234", "3900", "9989", "9999", "0554", "0556",
        ] {
            assert_eq!(
                listed_town(code.as_bytes().try_into().unwrap()),
                None,
                "{code}"
            );
        }
    }

    #[test]
    fn towns_match_their_code_but_for_spelling() {
        let code = PostalCode::parse("2630").unwrap();
        assert_eq!(code.town(), "Taastrup");
        let hoeje = PostalCode::parse("0800").unwrap();
        for town in [
            "Høje Taastrup",
            "høje-taastrup",
            "HOEJE TAASTRUP",
            "Hoje Taastrup",
            " Høje  Taastrup ",
        ] {
            assert!(hoeje.is_town(town), "{town}");
        }
        for town in ["Taastrup", "Høje", "Høje Taastrup C", ""] {
            assert!(!hoeje.is_town(town), "{town}");
        }
        let err = PostalCode::parse("8000")
            .unwrap()
            .check_town("Aarhus N")
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::PostalCodeTownMismatch);
        assert_eq!(
            err.message(crate::Lang::Da),
            "Postnummer 8000 er Aarhus C; bynavnet passer ikke til postnummeret"
        );
    }

    #[test]
    fn floors_and_doors() {
        for (s, want) in [
            ("st", "st"),
            ("St.", "st"),
            ("stuen", "st"),
            ("kl.", "kl"),
            ("Kælder", "kl"),
            ("k2", "k2"),
            ("1", "1"),
            ("2.", "2"),
            ("2. sal", "2"),
            ("99", "99"),
        ] {
            assert_eq!(
                Floor::parse(s).map(|f| f.to_string()).as_deref(),
                Ok(want),
                "{s}"
            );
        }
        for s in ["0", "100", "01", "k1x", "k0", "tv", "", "2 tv", "første"] {
            assert_eq!(
                Floor::parse(s).unwrap_err().kind(),
                ErrorType::FloorFormat,
                "{s}"
            );
        }
        for (s, want) in [
            ("tv", "tv"),
            ("TH", "th"),
            ("t.v.", "tv"),
            ("m.f.", "mf"),
            ("til venstre", "tv"),
            ("3", "3"),
            ("1234", "1234"),
            ("a3", "a3"),
        ] {
            assert_eq!(
                Door::parse(s).map(|d| d.to_string()).as_deref(),
                Ok(want),
                "{s}"
            );
        }
        for s in ["0", "12345", "t-v", "", "dør 3", "ø", "bc", "abcd"] {
            assert_eq!(
                Door::parse(s).unwrap_err().kind(),
                ErrorType::DoorFormat,
                "{s}"
            );
        }
        assert_eq!(
            format!("{:?}", Floor::parse("st").unwrap()),
            "Floor(\"st\")"
        );
        assert_eq!(format!("{:?}", Door::parse("tv").unwrap()), "Door(\"tv\")");
    }

    #[test]
    fn house_numbers_with_floor_and_door() {
        let show = |s: &str| {
            HouseNumber::parse_with_unit(s).map(|(h, f, d)| {
                (
                    h.to_string(),
                    f.map(|f| f.to_string()),
                    d.map(|d| d.to_string()),
                )
            })
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(show("12"), Ok(("12".into(), None, None)));
        assert_eq!(show("12 b"), Ok(("12B".into(), None, None)));
        assert_eq!(
            show("12B, 2. tv"),
            Ok(("12B".into(), some("2"), some("tv")))
        );
        assert_eq!(
            show("12 b, 2.tv"),
            Ok(("12B".into(), some("2"), some("tv")))
        );
        assert_eq!(show("12, st."), Ok(("12".into(), some("st"), None)));
        assert_eq!(show("12 st. th"), Ok(("12".into(), some("st"), some("th"))));
        assert_eq!(show("4, 1. th"), Ok(("4".into(), some("1"), some("th"))));
        assert_eq!(show("7 kl"), Ok(("7".into(), some("kl"), None)));
        assert_eq!(show("7 k2"), Ok(("7".into(), some("k2"), None)));
        assert_eq!(
            show("3, 2. sal tv"),
            Ok(("3".into(), some("2"), some("tv")))
        );
        assert_eq!(show("3, 4. 12"), Ok(("3".into(), some("4"), some("12"))));
        assert_eq!(show("3, tv"), Ok(("3".into(), None, some("tv"))));
        assert_eq!(show("3 t.v."), Ok(("3".into(), None, some("tv"))));
        let kind = |s: &str| HouseNumber::parse_with_unit(s).unwrap_err().kind();
        for s in [
            "",
            "0",
            "12-14",
            "12BC",
            "12 BC",
            "12,",
            "7ø",
            "B12",
            "1000, st",
            "12, femte",
        ] {
            assert_eq!(kind(s), ErrorType::HouseNumberFormat, "{s}");
        }
        assert_eq!(kind("12, 100. tv"), ErrorType::FloorFormat);
        assert_eq!(kind("12, 2. xyzzy"), ErrorType::DoorFormat);
    }

    #[test]
    fn address_lines() {
        let a = Address::parse_line("Nørregade 12, 2. tv, 8000 Aarhus C").unwrap();
        assert_eq!(a.street.as_str(), "Nørregade");
        assert_eq!(a.house_number.as_str(), "12");
        assert_eq!(a.floor.map(|f| f.to_string()).as_deref(), Some("2"));
        assert_eq!(a.door.map(|d| d.to_string()).as_deref(), Some("tv"));
        assert_eq!(a.postal_code.as_str(), "8000");
        assert_eq!(a.city.as_str(), "Aarhus C");
        assert_eq!(a.to_string(), "Nørregade 12, 2. tv, 8000 Aarhus C");
        for (line, shown) in [
            (
                "Nørregade 12 2. tv 8000 Aarhus C",
                "Nørregade 12, 2. tv, 8000 Aarhus C",
            ),
            (
                "H.C. Andersens Boulevard 27, 1553 København V",
                "H.C. Andersens Boulevard 27, 1553 København V",
            ),
            ("Skolevej 4, st., 9600 Aars", "Skolevej 4, st., 9600 Aars"),
            (
                "Gl. Kongevej 5B, kl., DK-1610 København V",
                "Gl. Kongevej 5B, kl., 1610 København V",
            ),
            (
                "Åløkkevej 18 A, 5000 Odense C",
                "Åløkkevej 18A, 5000 Odense C",
            ),
        ] {
            assert_eq!(
                Address::parse_line(line).map(|a| a.to_string()).as_deref(),
                Ok(shown),
                "{line}"
            );
        }
        let kind = |s: &str| Address::parse_line(s).unwrap_err().kind();
        for s in [
            "Nørregade",
            "Nørregade 12",
            "8000 Aarhus C",
            "12, 8000 Aarhus C",
            "Nørregade 12, 8000",
            "",
        ] {
            assert_eq!(kind(s), ErrorType::AddressLineFormat, "{s}");
        }
        assert_eq!(
            kind("Nørregade 12, 3900 Nuuk"),
            ErrorType::PostalCodeUnknown
        );
        assert_eq!(
            kind("Nørregade 12, 800 Høje Taastrup"),
            ErrorType::PostalCodeLeadingZero
        );
        assert_eq!(
            kind("Nørregade 12, 100. tv, 8000 Aarhus C"),
            ErrorType::FloorFormat
        );
        assert_eq!(
            kind("Nørregade 12-14, 8000 Aarhus C"),
            ErrorType::HouseNumberFormat
        );
        assert_eq!(
            kind("Nørregade\u{200b} 12, 8000 Aarhus C"),
            ErrorType::InvisibleCharacter
        );
    }

    #[test]
    fn house_numbers_compare_hash_and_debug_as_their_string() {
        use std::hash::{BuildHasher, RandomState};
        let state = RandomState::new();
        let inputs = ["1", "12", "12B", "12 c", "2", "999", "999Z", "9A"];
        for a in inputs {
            let house = HouseNumber::parse(a).unwrap();
            let text = house.to_string();
            assert_eq!(format!("{house:?}"), format!("HouseNumber({text:?})"));
            assert_eq!(
                format!("{house:#?}"),
                format!("HouseNumber(\n    {text:?},\n)")
            );
            assert_eq!(state.hash_one(&house), state.hash_one(&text));
            for b in inputs {
                let other = HouseNumber::parse(b).unwrap();
                assert_eq!(house.cmp(&other), text.cmp(&other.to_string()), "{a} {b}");
                assert_eq!(house == other, text == other.to_string(), "{a} {b}");
            }
        }
    }

    #[test]
    fn house_numbers() {
        for (s, want) in [("1", "1"), ("999", "999"), ("12B", "12B"), ("12 b", "12B")] {
            assert_eq!(
                HouseNumber::parse(s).map(|h| h.to_string()).as_deref(),
                Ok(want)
            );
        }
        for s in ["", "0", "012", "1000", "12BC", "B12", "12-14", "12,", "7ø"] {
            assert_eq!(
                HouseNumber::parse(s).unwrap_err().kind(),
                ErrorType::HouseNumberFormat,
                "{s}"
            );
        }
    }
}
