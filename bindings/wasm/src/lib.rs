//! WebAssembly bindings of the `unilogin` core: the npm package `unilogin`.
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

use serde::Serialize;
use unilogin::form::{
    self, ArgumentError, CallError, FieldCheck, PasswordArguments, Validation, ValueKind,
};
use unilogin::login::{Guide, LoginPolicy, UserFacts};
use unilogin::onboarding::Plan;
use unilogin::people::Role;
use unilogin::{Lang, Problem, RecordKind, ValidationPolicy};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = assign, catch)]
    fn object_assign(target: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_name = Error)]
    type JsError;
    #[wasm_bindgen(constructor, js_class = Error)]
    fn new(message: &str) -> JsError;

    #[wasm_bindgen(js_name = TypeError)]
    type JsTypeError;
    #[wasm_bindgen(constructor, js_class = TypeError)]
    fn new(message: &str) -> JsTypeError;
}

// ---- conversions ----------------------------------------------------------------------------

/// A `TypeError` with `code` `invalid_argument`.
fn invalid_argument(message: &str) -> JsValue {
    let error: JsValue = JsTypeError::new(message).into();
    let _ = reflect_set(&error, &"code".into(), &ArgumentError::CODE.into());
    error
}

/// The core's argument error as a `TypeError` with `code` `invalid_argument` and `argument`,
/// the argument's name.
fn argument(error: ArgumentError) -> JsValue {
    let name = error.argument();
    let thrown = invalid_argument(&error.into_message());
    let _ = reflect_set(&thrown, &"argument".into(), &name.into());
    thrown
}

/// Serialises `value` as JSON and parses it on the JavaScript side.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| invalid_argument(&format!("cannot serialise the result: {e}")))?;
    json_parse(&text)
}

/// An `Error` carrying the problem's fields, its message in `lang`.
fn problem_error(problem: &Problem, lang: Lang) -> JsValue {
    let rendered = problem.rendered(lang);
    let error: JsValue = JsError::new(&rendered.msg).into();
    if let Ok(fields) = to_js(&rendered) {
        let _ = object_assign(&error, &fields);
    }
    let _ = reflect_set(&error, &"code".into(), &problem.kind().code().into());
    error
}

/// A boundary call's error: a `TypeError` for a bad argument, an `Error` for a problem.
fn call_error(error: CallError, lang: Lang) -> JsValue {
    match error {
        CallError::Argument(e) => argument(e),
        CallError::Problem(p) => problem_error(&p, lang),
    }
}

/// A string argument.
fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_argument(&format!("`{name}` must be a string")))
}

/// The message language: `da` (the default, also for `undefined` and `null`) or `en`; tags
/// such as `da-DK` and `en-GB` are accepted.
fn lang_arg(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::Da);
    }
    form::lang(&string_arg(value, "lang")?).map_err(argument)
}

/// Any JSON-compatible value, through `JSON.stringify` (which refuses cycles and `BigInt`s
/// with an exception, and drops functions and symbols).
fn json_arg(value: &JsValue, name: &str) -> Result<serde_json::Value, JsValue> {
    let text = json_stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| invalid_argument(&format!("`{name}` must be a JSON-compatible value")))?;
    serde_json::from_str(&text)
        .map_err(|e| invalid_argument(&format!("`{name}` is not valid JSON: {e}")))
}

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

// ---- passwords ------------------------------------------------------------------------------

/// Checks a password a user of a group chooses, with the live checklist: every violation and
/// the status of every rule.
///
/// # Errors
/// `password_not_choosable` (indskoling) and `json_invalid` (policy overrides) as an `Error`
/// carrying `.code`; `invalid_argument` for a wrong argument (an unknown group, a history
/// entry that is neither an Argon2id PHC string nor the old `sha256$<salt>$<digest>`).
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PasswordReport")]
pub fn check_password_js(
    #[wasm_bindgen(unchecked_param_type = "string")] password: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "PasswordOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let password = string_arg(password, "password")?;
    let options: PasswordArguments = serde_json::from_value(json_arg(options, "options")?)
        .map_err(|e| invalid_argument(&format!("`options`: {e}")))?;
    let report =
        form::check_password(&password, &options, "history").map_err(|e| call_error(e, lang))?;
    to_js(&report.rendered(lang))
}

// ---- login help -------------------------------------------------------------------------------

/// The user of a login guide as roster exports give it: `{role, grade?, has_own_mitid, age?}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginUserArg {
    role: String,
    #[serde(default)]
    grade: Option<serde_json::Value>,
    has_own_mitid: bool,
    #[serde(default)]
    age: Option<u8>,
}

/// The options of a login guide: the failure cause and the host's age policy.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LoginOptionsArg {
    #[serde(default)]
    cause: Option<String>,
    #[serde(default)]
    policy: Option<LoginPolicy>,
}

/// The user facts (the role parsed as the core parses roster roles) and the options.
fn login_args(
    user: &JsValue,
    options: &JsValue,
    lang: Lang,
) -> Result<(UserFacts, LoginOptionsArg), JsValue> {
    let user: LoginUserArg = serde_json::from_value(json_arg(user, "user")?)
        .map_err(|e| invalid_argument(&format!("`user`: {e}")))?;
    let grade = match user.grade {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(text),
        Some(other) => Some(other.to_string()),
    };
    let role = Role::parse(&user.role, grade.as_deref())
        .map_err(|e| problem_error(&e.at(unilogin::Loc::root(), Some(&user.role)), lang))?;
    let options = if options.is_undefined() || options.is_null() {
        LoginOptionsArg::default()
    } else {
        serde_json::from_value(json_arg(options, "options")?)
            .map_err(|e| invalid_argument(&format!("`options`: {e}")))?
    };
    Ok((UserFacts::new(role, user.has_own_mitid, user.age), options))
}

/// A login guide for `task` (`activation`, `forgotten_password`, `login_failed` with
/// `options.cause`, `change_password`).
///
/// # Errors
/// The problem of the user's role or grade (`role_unknown`, `grade_required`, …) as an `Error`
/// carrying `.code`; `invalid_argument` for a wrong argument (an unknown task or cause, a cause
/// where none belongs, an unknown field).
#[wasm_bindgen(js_name = loginGuide, unchecked_return_type = "LoginGuide")]
pub fn login_guide(
    #[wasm_bindgen(unchecked_param_type = "LoginTask")] task: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LoginUser")] user: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LoginOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let task = string_arg(task, "task")?;
    let (user, options) = login_args(user, options, lang)?;
    let policy = options.policy.unwrap_or_default();
    let guide =
        form::login_guide(&task, options.cause.as_deref(), &user, &policy).map_err(argument)?;
    to_js(&guide)
}

/// Login help from the message the user saw: one guide per cause the message points to
/// ("Ingen adgang" alone gives both).
///
/// # Errors
/// `login_message_unknown`, `missing` and `string_too_long` for the message, and the problem
/// of the user's role or grade, as an `Error` carrying `.code`; `invalid_argument` for a wrong
/// argument.
#[wasm_bindgen(js_name = loginHelp, unchecked_return_type = "LoginGuide[]")]
pub fn login_help(
    #[wasm_bindgen(unchecked_param_type = "string")] message: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LoginUser")] user: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LoginOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let message = string_arg(message, "message")?;
    let (user, options) = login_args(user, options, lang)?;
    if options.cause.is_some() {
        return Err(invalid_argument(
            "`options.cause`: the message gives the cause",
        ));
    }
    let policy = options.policy.unwrap_or_default();
    let guides = Guide::for_message(&message, &user, &policy)
        .map_err(|e| problem_error(&e.at(unilogin::Loc::root(), Some(&message)), lang))?;
    to_js(&guides)
}

// ---- onboarding, choices, catalogue ----------------------------------------------------------

fn plan_arg(legal_basis: &JsValue, lang: Lang) -> Result<Plan, JsValue> {
    let input = string_arg(legal_basis, "legalBasis")?;
    form::onboarding_plan(&input).map_err(|p| problem_error(&p, lang))
}

/// The onboarding journey STIL's guide describes for a legal basis (`kommunal`, `selvejet`,
/// `privat`, or the form's wording).
///
/// # Errors
/// `onboarding_not_covered` for § 19, stk. 4 and `legal_basis_unknown` as an `Error` carrying
/// `.code`, the message in `lang`; `invalid_argument` for a wrong argument.
#[wasm_bindgen(js_name = onboardingPlan, unchecked_return_type = "OnboardingPlan")]
pub fn onboarding_plan(
    #[wasm_bindgen(unchecked_param_type = "string")] legal_basis: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&plan_arg(legal_basis, lang_arg(lang)?)?)
}

/// The onboarding journey as a Mermaid flowchart in `lang`.
///
/// # Errors
/// As [`onboarding_plan`].
#[wasm_bindgen(js_name = onboardingMermaid, unchecked_return_type = "string")]
pub fn onboarding_mermaid(
    #[wasm_bindgen(unchecked_param_type = "string")] legal_basis: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    Ok(plan_arg(legal_basis, lang)?.to_mermaid(lang).into())
}

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
