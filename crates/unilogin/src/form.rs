//! What an interactive form needs from the core, as plain values that serialise to JSON: one
//! field of the institution-number request checked on its own (for per-keystroke feedback), a
//! whole record checked at once, municipality suggestions for autocomplete, the choices of the
//! form's selects, and the error catalogue.
//!
//! Bindings (WASM, Python) serialise these values as they are; they hold no rules of their own.
//!
//! ```
//! use unilogin::form::{self, Validation};
//! use unilogin::{Lang, ValidationPolicy};
//!
//! // One field, as the user types it: the canonical value, or the problem at its key.
//! let ok = form::check_request_field("phone", Some("+45 3366 3366"), &ValidationPolicy::STIL);
//! assert_eq!(ok.map(|c| c.value().cloned()), Some(Some(serde_json::json!("33 66 33 66"))));
//! let bad = form::check_request_field("legal_basis", Some("§ 19, stk. 4"), &ValidationPolicy::STIL);
//! let problem = bad.as_ref().and_then(|c| c.problem());
//! assert_eq!(problem.map(|p| p.kind().code()), Some("legal_basis_not_accepted"));
//!
//! // The whole request: the valid record, or every problem.
//! let record = serde_json::json!({"cvr": "13585627"});
//! let validation = Validation::of_json(
//!     unilogin::RecordKind::Request,
//!     record.as_object().unwrap(),
//!     &ValidationPolicy::STIL,
//! );
//! let shown = serde_json::to_value(validation.rendered(Lang::En)).unwrap();
//! assert_eq!(shown["ok"], false);
//! assert_eq!(shown["problems"][0]["type"], "cvr_checksum");
//! ```

use serde::Serialize;

use crate::identifiers::{
    City, Cvr, Email, HouseNumber, InstitutionName, Municipality, PhoneNumber, PostalCode, Street,
};
use crate::people::UserGroup;
use crate::record::{Field, RecordKind};
use crate::{
    ErrorType, FieldError, InstitutionType, Lang, LegalBasis, Loc, Problem, Problems,
    RenderedProblem, RequestField, ValidationPolicy,
};

/// The result of checking one field of an institution-number request on its own, with the
/// request's rules: the field is mandatory, the legal basis must be one the form accepts
/// (§ 19, stk. 2, 3 or 5), the institution type 6010–6012, the P-number under the host's
/// [`ValidationPolicy`]. The problem, if any, is exactly the one validating the whole request
/// reports at this field's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCheck {
    field: RequestField,
    outcome: Result<serde_json::Value, Problem>,
}

impl FieldCheck {
    /// The field.
    pub fn field(&self) -> RequestField {
        self.field
    }

    /// The canonical value as the valid request's JSON holds it (`"33 66 33 66"`, `6012`), or
    /// `None` when the field has a problem.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok()
    }

    /// The problem, located at the field's canonical key, or `None` when the value is valid.
    pub fn problem(&self) -> Option<&Problem> {
        self.outcome.as_ref().err()
    }

    /// The check in its JSON shape, with the message in `lang`:
    /// `{key, ok, value, problems: [{type, loc, msg, input, ctx}]}` (at most one problem).
    pub fn rendered(&self, lang: Lang) -> RenderedFieldCheck<'_> {
        RenderedFieldCheck {
            key: self.field.key(),
            ok: self.outcome.is_ok(),
            value: self.value(),
            problems: self
                .problem()
                .map(|p| p.rendered(lang))
                .into_iter()
                .collect(),
        }
    }
}

/// A [`FieldCheck`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedFieldCheck<'a> {
    /// The field's canonical key.
    pub key: &'static str,
    /// Whether the value is valid.
    pub ok: bool,
    /// The canonical value, or `null`.
    pub value: Option<&'a serde_json::Value>,
    /// The problem, if any, in the shared shape (an array, like a record's problems).
    pub problems: Vec<RenderedProblem<'a>>,
}

/// Checks one field of an institution-number request, given by its canonical key (or another
/// name [`RequestField`] accepts, matched like a column name). `raw` is the text as typed;
/// `None` means the field is absent (its problem then has no `input`). Returns `None` when `key`
/// names no request field.
pub fn check_request_field(
    key: &str,
    raw: Option<&str>,
    policy: &ValidationPolicy,
) -> Option<FieldCheck> {
    let field = RequestField::from_column(key)?;
    let outcome =
        parse_request_field(field, raw, *policy).map_err(|e| e.at(Loc::key(field.key()), raw));
    Some(FieldCheck { field, outcome })
}

fn to_value<T: Serialize>(value: &T) -> serde_json::Value {
    // Our own plain values serialise to JSON without fail.
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// The parser each request field uses in [`crate::InstitutionNumberRequest::validate_with`].
fn parse_request_field(
    field: RequestField,
    raw: Option<&str>,
    policy: ValidationPolicy,
) -> Result<serde_json::Value, FieldError> {
    use RequestField as F;
    let Some(raw) = raw.filter(|v| !v.trim().is_empty()) else {
        return Err(FieldError::new(ErrorType::Missing));
    };
    Ok(match field {
        F::Cvr => to_value(&Cvr::parse(raw)?),
        F::PNumber => to_value(&policy.p_number(raw)?),
        F::InstitutionName => to_value(&InstitutionName::parse(raw)?),
        F::Street => to_value(&Street::parse(raw)?),
        F::HouseNumber => to_value(&HouseNumber::parse(raw)?),
        F::PostalCode => to_value(&PostalCode::parse(raw)?),
        F::City => to_value(&City::parse(raw)?),
        F::Municipality => to_value(&Municipality::parse(raw)?),
        F::Email => to_value(&Email::parse(raw)?),
        F::Phone => to_value(&PhoneNumber::parse(raw)?),
        F::LegalBasis => to_value(&LegalBasis::parse_accepted(raw)?),
        F::InstitutionType => to_value(&InstitutionType::parse_accepted(raw)?),
    })
}

/// A whole record checked at once: its canonical JSON when valid, otherwise every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    outcome: Result<serde_json::Value, Problems>,
}

impl Validation {
    /// Wraps the result of a record validation (e.g. [`RecordKind::validate_json`]).
    pub fn new(outcome: Result<serde_json::Value, Problems>) -> Self {
        Self { outcome }
    }

    /// Validates one record given as a JSON object (see [`RecordKind::validate_json_with`]).
    pub fn of_json(
        kind: RecordKind,
        object: &serde_json::Map<String, serde_json::Value>,
        policy: &ValidationPolicy,
    ) -> Self {
        Self::new(kind.validate_json_with(object, policy))
    }

    /// The valid record's canonical JSON, if it is valid.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok()
    }

    /// The problems; empty when the record is valid.
    pub fn problems(&self) -> &[Problem] {
        self.outcome.as_ref().err().map_or(&[], Problems::as_slice)
    }

    /// The result in its JSON shape, with messages in `lang`:
    /// `{ok, value, problems: [{type, loc, msg, input, ctx}]}`.
    pub fn rendered(&self, lang: Lang) -> RenderedValidation<'_> {
        RenderedValidation {
            ok: self.outcome.is_ok(),
            value: self.value(),
            problems: self.problems().iter().map(|p| p.rendered(lang)).collect(),
        }
    }
}

/// A [`Validation`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedValidation<'a> {
    /// Whether the record is valid.
    pub ok: bool,
    /// The valid record's canonical JSON, or `null`.
    pub value: Option<&'a serde_json::Value>,
    /// Every problem, in field order.
    pub problems: Vec<RenderedProblem<'a>>,
}

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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One entry of the error catalogue: `{type, ctx, da, en}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    /// The stable code.
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// The names of the template's placeholders, in order of appearance.
    pub ctx: Vec<&'static str>,
    /// The Danish template.
    pub da: &'static str,
    /// The English template.
    pub en: &'static str,
}

/// Every error type with its templates, in catalogue order (as `docs/errors.md` lists them).
///
/// ```
/// let catalogue = unilogin::form::catalogue();
/// assert_eq!(catalogue[0].kind.code(), "missing");
/// let checksum = catalogue.iter().find(|e| e.kind.code() == "cvr_checksum").unwrap();
/// assert_eq!(checksum.ctx, ["cvr"]);
/// ```
pub fn catalogue() -> Vec<CatalogueEntry> {
    ErrorType::ALL
        .iter()
        .map(|&kind| {
            let da = kind.template(Lang::Da);
            CatalogueEntry {
                kind,
                ctx: placeholders(da),
                da,
                en: kind.template(Lang::En),
            }
        })
        .collect()
}

fn placeholders(template: &'static str) -> Vec<&'static str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn request_vectors() -> Vec<Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/vectors/requests.json");
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["cases"].as_array().unwrap().clone()
    }

    /// Every field of every request vector, checked alone, agrees with the whole request:
    /// the same problem at its key, or the same canonical value.
    #[test]
    fn a_field_alone_agrees_with_the_whole_request() {
        let policy = ValidationPolicy::STIL;
        for case in request_vectors() {
            let input = case["input"].as_object().unwrap();
            // Field by field only where the vector uses canonical keys alone.
            if !input
                .keys()
                .all(|k| RecordKind::Request.keys().contains(&k.as_str()))
            {
                continue;
            }
            let whole = Validation::of_json(RecordKind::Request, input, &policy);
            for &field in RequestField::ALL {
                let raw = input.get(field.key()).and_then(|v| match v {
                    Value::Null => None,
                    Value::String(s) => Some(s.clone()),
                    other => Some(other.to_string()),
                });
                let check = check_request_field(field.key(), raw.as_deref(), &policy).unwrap();
                let expected: Vec<&Problem> = whole
                    .problems()
                    .iter()
                    .filter(|p| p.loc() == &Loc::key(field.key()))
                    .collect();
                assert_eq!(
                    check.problem().into_iter().collect::<Vec<_>>(),
                    expected,
                    "{}: {}",
                    case["name"],
                    field.key()
                );
                if let Some(valid) = whole.value() {
                    assert_eq!(check.value(), valid.get(field.key()), "{}", case["name"]);
                }
            }
        }
    }

    #[test]
    fn the_field_check_renders_like_a_record() {
        let check = check_request_field("cvr", Some("13585627"), &ValidationPolicy::STIL).unwrap();
        assert_eq!(
            serde_json::to_value(check.rendered(Lang::Da)).unwrap(),
            json!({"key": "cvr", "ok": false, "value": null, "problems": [{
                "type": "cvr_checksum", "loc": ["cvr"],
                "msg": "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)",
                "input": "13585627", "ctx": {"cvr": "13585627"}}]})
        );
        let absent = check_request_field("email", None, &ValidationPolicy::STIL).unwrap();
        assert_eq!(absent.problem().unwrap().input(), None);
        let typed = check_request_field(
            "institution_type",
            Some("Børnehave"),
            &ValidationPolicy::STIL,
        );
        assert_eq!(typed.unwrap().value(), Some(&json!(6011)));
        assert!(check_request_field("no_such_field", Some("x"), &ValidationPolicy::STIL).is_none());
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
    fn choices_and_catalogue_cover_the_accepted_values() {
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
        let catalogue = catalogue();
        assert_eq!(catalogue.len(), ErrorType::ALL.len());
        let long = catalogue
            .iter()
            .find(|e| e.kind == ErrorType::StringTooLong)
            .unwrap();
        assert_eq!(long.ctx, ["max_length", "actual_length"]);
    }
}
