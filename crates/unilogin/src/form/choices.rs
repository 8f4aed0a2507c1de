//! The choices of a form: municipality suggestions for autocomplete and the options of the selects.

use serde::Serialize;

use crate::identifiers::Municipality;
use crate::people::UserGroup;
use crate::{InstitutionType, Lang, LegalBasis};

/// A municipality as an autocomplete suggestion: `{code, name}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MunicipalityChoice {
    /// The 3-digit code, e.g. 169.
    pub code: u16,
    /// The official name, e.g. `Høje-Taastrup`.
    pub name: &'static str,
}

/// Up to `limit` municipalities for an autocomplete, as [`Municipality::search`] finds them
/// (ASCII and Danish spellings alike: `hoje` finds Høje-Taastrup).
///
/// ```
/// use unilogin::form::municipalities;
/// let found = municipalities("hoje", 10);
/// assert_eq!((found[0].code, found[0].name), (169, "Høje-Taastrup"));
/// assert_eq!(municipalities("Høje", 10), found);
/// assert_eq!(municipalities("s", 3).len(), 3);
/// ```
pub fn municipalities(prefix: &str, limit: usize) -> Vec<MunicipalityChoice> {
    Municipality::search(prefix)
        .take(limit)
        .map(|m| MunicipalityChoice {
            code: m.code(),
            name: m.name(),
        })
        .collect()
}

/// A limit on suggestions as a host passes it (a JavaScript number, say) as a count: rounded
/// down, and at most the number of municipalities, since no search finds more. `None` for a
/// negative number or NaN.
///
/// ```
/// use unilogin::form::suggestion_limit;
/// assert_eq!(suggestion_limit(2.9), Some(2));
/// assert_eq!(suggestion_limit(1e9), Some(98));
/// assert_eq!(suggestion_limit(-1.0), None);
/// ```
pub fn suggestion_limit(requested: f64) -> Option<usize> {
    let all = Municipality::all().len();
    if requested.is_nan() || requested < 0.0 {
        return None;
    }
    (0..=all)
        .rev()
        .find(|&n| u32::try_from(n).is_ok_and(|n| f64::from(n) <= requested))
}

/// One option of a select: the value a form submits and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The value to submit (the canonical key or code).
    pub value: String,
    /// The label in the requested language.
    pub label: String,
}

/// The options of a form's selects, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choices {
    /// The legal bases the institution-number form accepts (§ 19, stk. 2, 3 and 5), in the
    /// form's wording; values `kommunal`, `selvejet`, `privat`.
    pub legal_basis: Vec<Choice>,
    /// The institution types the form accepts; values `6010`, `6011`, `6012`.
    pub institution_type: Vec<Choice>,
    /// The user groups of the password rules; values `indskoling`, …, `parent`.
    pub user_group: Vec<Choice>,
}

/// The options of the institution-number form's selects and of the password section's user
/// group, labelled in `lang`.
///
/// ```
/// use unilogin::Lang;
/// let choices = unilogin::form::choices(Lang::Da);
/// assert_eq!(choices.legal_basis[2].value, "privat");
/// assert_eq!(choices.legal_basis[2].label, "Privatinstitution, dagtilbudslovens §19, stk. 5");
/// assert_eq!(choices.institution_type[0].label, "6010 Vuggestue (0-2 år)");
/// assert_eq!(choices.user_group[5].label, "Forældre");
/// ```
pub fn choices(lang: Lang) -> Choices {
    Choices {
        legal_basis: LegalBasis::ACCEPTED
            .iter()
            .map(|b| Choice {
                value: b.key().to_owned(),
                label: b.form_text(lang),
            })
            .collect(),
        institution_type: InstitutionType::ACCEPTED
            .iter()
            .map(|t| Choice {
                value: t.code().to_string(),
                label: institution_type_label(*t, lang),
            })
            .collect(),
        user_group: UserGroup::ALL
            .iter()
            .map(|g| Choice {
                value: g.key().to_owned(),
                label: capitalised(g.label(lang)),
            })
            .collect(),
    }
}

fn institution_type_label(t: InstitutionType, lang: Lang) -> String {
    match (t.age_range(), lang) {
        (Some((from, to)), Lang::Da) => {
            format!("{} {} ({from}-{to} år)", t.code(), t.label(lang))
        }
        (Some((from, to)), Lang::En) => {
            format!("{} {} (ages {from}-{to})", t.code(), t.label(lang))
        }
        (None, _) => format!("{} {}", t.code(), t.label(lang)),
    }
}

/// The label with its first letter in upper case. The labels are the glossary's own Danish and
/// English words, so ASCII and `æ ø å` cover them (a test checks every label against
/// `char::to_uppercase`); other letters stay as they are. Not calling `to_uppercase` keeps
/// Unicode's upper-case table (about 12 KB) out of the WebAssembly module.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        let upper = match first {
            'æ' => 'Æ',
            'ø' => 'Ø',
            'å' => 'Å',
            c => c.to_ascii_uppercase(),
        };
        std::iter::once(upper).chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_label_is_capitalised_as_unicode_would() {
        for group in UserGroup::ALL {
            for lang in [Lang::Da, Lang::En] {
                let label = group.label(lang);
                let mut chars = label.chars();
                let expected: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                assert_eq!(capitalised(label), expected, "{group:?} in {lang:?}");
            }
        }
        assert_eq!(capitalised("øvrige"), "Øvrige");
        assert_eq!(capitalised("ældre"), "Ældre");
        assert_eq!(capitalised("åben"), "Åben");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn municipalities_fold_danish_letters_and_respect_the_limit() {
        assert_eq!(
            municipalities("hoje", 10),
            [MunicipalityChoice {
                code: 169,
                name: "Høje-Taastrup"
            }]
        );
        assert_eq!(municipalities("Høje", 10), municipalities("hoeje", 10));
        assert_eq!(municipalities("s", 3).len(), 3);
        assert!(municipalities("", 10).is_empty());
    }

    #[test]
    fn choices_cover_the_accepted_values() {
        for lang in [Lang::Da, Lang::En] {
            let c = choices(lang);
            for choice in &c.legal_basis {
                assert!(LegalBasis::parse_accepted(&choice.value).is_ok());
                assert!(LegalBasis::parse_accepted(&choice.label).is_ok() || lang == Lang::En);
            }
            for choice in &c.institution_type {
                assert!(InstitutionType::parse_accepted(&choice.value).is_ok());
            }
            for choice in &c.user_group {
                assert!(UserGroup::from_key(&choice.value).is_some());
            }
        }
        assert_eq!(
            choices(Lang::En).institution_type[1].label,
            "6011 Kindergarten (ages 3-5)"
        );
    }
}
