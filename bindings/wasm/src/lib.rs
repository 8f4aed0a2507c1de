//! WebAssembly bindings of the `unilogin` core: the form module, the npm package's main
//! entry `unilogin` (records, fields, single values, the form's choices, the error
//! catalogue). Passwords, resets, expiry, provisioning, login help and onboarding are in the
//! account module `unilogin/account` (bindings/wasm-account), the export reader in the
//! checker module (bindings/wasm-checker), so a form page loads only what it uses.
//!
//! Every export converts its arguments, calls the core and converts the result; no rule lives
//! here. Results cross the boundary as JSON text that JavaScript parses
//! (`JSON.parse`), arguments that are objects as `JSON.stringify` text, so a cyclic or hostile
//! object becomes a thrown error instead of a trap. Nothing here can panic: every conversion is
//! fallible, and a failure is thrown as an `Error` carrying `.code`:
//!
//! - a problem the core reports (`formatPhone("0")`): an `Error` with the problem's fields
//!   `{code, type, loc, msg, input, ctx}`, `code` equal to `type`, `message` equal to `msg`;
//! - a wrong argument (an unknown field key, a number where a string belongs): a `TypeError`
//!   with `code` `invalid_argument`.

use unilogin::form::{self, FieldCheck, Validation, ValueKind};
use unilogin::{Lang, RecordKind, ValidationPolicy};
use unilogin_wasm_convert::{
    argument, call_error, invalid_argument, json_arg, lang_arg, problem_error, string_arg, to_js,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COMMON_TYPES: &'static str = include_str!("../../wasm-convert/src/common.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// A record: a plain object with field keys or column names.
fn record_arg(value: &JsValue) -> Result<serde_json::Map<String, serde_json::Value>, JsValue> {
    match json_arg(value, "record")? {
        serde_json::Value::Object(map) => Ok(map),
        _ => Err(invalid_argument("`record` must be an object")),
    }
}

/// A field's raw text as a record would hold it: a string as written, a number or boolean as
/// its JSON text, `null` or `undefined` as absent.
fn raw_value_arg(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(text) = value.as_string() {
        return Ok(Some(text));
    }
    Ok(match json_arg(value, "value")? {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(text),
        other => Some(other.to_string()),
    })
}

fn kind_arg(value: &JsValue) -> Result<RecordKind, JsValue> {
    form::record_kind(&string_arg(value, "kind")?).map_err(argument)
}

// ---- records and fields ---------------------------------------------------------------------

/// Validates an institution-number request given as an object with canonical keys: `{ok,
/// value, problems}`, the canonical request or every problem, messages in `lang`, under STIL's
/// validation policy with the host's `policy` overrides, if given.
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument (a record that is not an
/// object or cannot go through `JSON.stringify`, an unknown language); an `Error` with `code`
/// `json_invalid` for `policy` overrides that are not an object of the policy's fields.
#[wasm_bindgen(js_name = validateRequest, unchecked_return_type = "Validation<InstitutionNumberRequest>")]
pub fn validate_request(
    #[wasm_bindgen(unchecked_param_type = "RequestInput")] record: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidationPolicyOverrides")] policy: &JsValue,
) -> Result<JsValue, JsValue> {
    validate_kind(RecordKind::Request, record, lang, policy)
}

/// Validates a record of any kind: `request`, `register` (a Dagtilbudsregisteret row) or `user`
/// (a roster row).
///
/// The policy's `as_of` (`YYYY-MM-DD`) is the date the record is checked on: a user row then
/// refuses a CPR number born after it (`cpr_date_in_future`) and reports a pupil whose age does
/// not fit the grade band (`age_outside_grade_band`). Without it the record is not checked
/// against a date.
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument; an `Error` with `code`
/// `json_invalid` for bad `policy` overrides.
#[wasm_bindgen(js_name = validateRecord, unchecked_return_type = "Validation")]
pub fn validate_record(
    #[wasm_bindgen(unchecked_param_type = "RecordKind")] kind: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] record: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidationPolicyOverrides")] policy: &JsValue,
) -> Result<JsValue, JsValue> {
    validate_kind(kind_arg(kind)?, record, lang, policy)
}

/// The validation policy: STIL's with the host's overrides, if given
/// ([`form::validation_policy`]).
fn policy_arg(value: &JsValue, lang: Lang) -> Result<ValidationPolicy, JsValue> {
    let overrides = if value.is_undefined() || value.is_null() {
        None
    } else {
        Some(json_arg(value, "policy")?)
    };
    form::validation_policy(overrides.as_ref(), true, None).map_err(|e| call_error(e, lang))
}

fn validate_kind(
    kind: RecordKind,
    record: &JsValue,
    lang: &JsValue,
    policy: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let policy = policy_arg(policy, lang)?;
    let record = record_arg(record)?;
    let validation = Validation::of_json(kind, &record, &policy);
    to_js(&validation.rendered(lang))
}

/// Checks one field of the institution-number request by its canonical key, with the
/// request's rules: `{key, ok, value, problems}` (at most one problem).
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument (an unknown key).
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "FieldValidation")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "RequestKey")] key: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | number | null | undefined")] value: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let field = form::request_field(&string_arg(key, "key")?).map_err(argument)?;
    let raw = raw_value_arg(value)?;
    to_js(&FieldCheck::new(field, raw.as_deref(), &ValidationPolicy::STIL).rendered(lang))
}

/// The canonical keys of a record kind's fields, in report order.
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument (an unknown kind).
#[wasm_bindgen(js_name = recordKeys, unchecked_return_type = "string[]")]
pub fn record_keys(
    #[wasm_bindgen(unchecked_param_type = "RecordKind")] kind: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&kind_arg(kind)?.keys())
}

// ---- single values --------------------------------------------------------------------------

/// Parses one value of a kind (`cvr`, `p_number`, `municipality`, `phone`, …) and returns its
/// canonical text.
///
/// # Errors
/// The value's problem as an `Error` carrying `{code, type, loc, msg, input, ctx}`; a
/// `TypeError` with `code` `invalid_argument` for a wrong argument.
#[wasm_bindgen(js_name = parseValue, unchecked_return_type = "string")]
pub fn parse_value(
    #[wasm_bindgen(unchecked_param_type = "ValueKind")] kind: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let kind = form::value_kind(&string_arg(kind, "kind")?).map_err(argument)?;
    canonical(kind, input, lang)
}

/// Formats a Danish phone number canonically (`+45 3366-3366` → `33 66 33 66`).
///
/// # Errors
/// The number's problem (`phone_format`, `phone_first_digit`, `phone_multiple`,
/// `phone_country_code_without_plus`, `missing`) as an `Error` carrying `.code`;
/// `invalid_argument` for a wrong argument.
#[wasm_bindgen(js_name = formatPhone, unchecked_return_type = "string")]
pub fn format_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    canonical(ValueKind::Phone, input, lang_arg(lang)?)
}

fn canonical(kind: ValueKind, input: &JsValue, lang: Lang) -> Result<JsValue, JsValue> {
    let input = string_arg(input, "input")?;
    form::parse_value(kind, Some(&input))
        .map(JsValue::from)
        .map_err(|p| problem_error(&p, lang))
}

/// Municipalities for an autocomplete: names (or parts after a hyphen or space) starting with
/// `prefix`, in ASCII or Danish spelling, ordered by name; at most `limit` (default 10).
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument (a negative limit).
#[wasm_bindgen(js_name = searchMunicipalities, unchecked_return_type = "MunicipalityChoice[]")]
pub fn search_municipalities(
    #[wasm_bindgen(unchecked_param_type = "string")] prefix: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] limit: &JsValue,
) -> Result<JsValue, JsValue> {
    let prefix = string_arg(prefix, "prefix")?;
    let limit = if limit.is_undefined() || limit.is_null() {
        10
    } else {
        limit
            .as_f64()
            .and_then(form::suggestion_limit)
            .ok_or_else(|| invalid_argument("`limit` must be a number of at least 0"))?
    };
    to_js(&form::municipalities(&prefix, limit))
}

// ---- choices, catalogue ------------------------------------------------------------------

/// The options of the form's selects (legal basis, institution type, user group) in `lang`.
///
/// # Errors
/// A `TypeError` with `code` `invalid_argument` for a wrong argument (an unknown language).
#[wasm_bindgen(js_name = formChoices, unchecked_return_type = "FormChoices")]
pub fn form_choices(
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&form::choices(lang_arg(lang)?))
}

/// Every error type with its placeholders and its Danish and English templates.
///
/// # Errors
/// None in practice (the catalogue always serialises).
#[wasm_bindgen(js_name = errorCatalogue, unchecked_return_type = "CatalogueEntry[]")]
pub fn error_catalogue() -> Result<JsValue, JsValue> {
    to_js(&form::catalogue())
}
