//! The account module of the unilogin core for the browser, the npm package's
//! `unilogin/account`: what a host's sign-up, password and help pages need. Passwords (the
//! live checklist, assigned passwords, history hashes, expiry), the reset-code field, when a
//! new user can log in, login help and the onboarding journey. A module of its own, so the
//! form module (`unilogin`) stays small; a page loads this one when it shows one of these.
//!
//! Every export converts its arguments, calls the core and converts the result; no rule lives
//! here. Errors are thrown as the form module throws them: an `Error` carrying the problem's
//! fields and `.code`, or a `TypeError` with `code` `invalid_argument` for a wrong argument.
//!
//! ```js
//! import init, { checkPassword, provisioningEstimate } from "unilogin/account";
//! await init();
//! checkPassword("Hestesko-Bilvask-12", { group: "udskoling" }, "en").ok;   // true
//! provisioningEstimate("2025-01-15T09:00:00Z", { at: "2025-01-15T12:00:00Z" }).status;
//! // "awaiting_import"
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use unilogin::credentials::assigned::{self, AssignError};
use unilogin::credentials::check::HashedPassword;
use unilogin::credentials::expiry::ExpiryPolicy;
use unilogin::form::{self, EstimateArguments, ExpiryArguments, PasswordArguments};
use unilogin::login::{Guide, LoginPolicy, UserFacts};
use unilogin::onboarding::Plan;
use unilogin::people::Role;
use unilogin::rand_core::{OsRng, RngCore as _};
use unilogin::Lang;
use unilogin_wasm_convert::{
    argument, call_error, error_with_code, invalid_argument, lang_arg, object_arg, options_arg,
    problem_error, problems_error, string_arg, to_js,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COMMON_TYPES: &'static str = include_str!("../../wasm-convert/src/common.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

// ---- shared arguments --------------------------------------------------------------------------

/// A value of the core's JSON form (a role, a policy, a time) from `value`: its problem
/// (`json_invalid`, or the domain type's own) thrown as an `Error` in `lang`.
fn domain<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    lang: Lang,
) -> Result<T, JsValue> {
    form::from_json(value).map_err(|p| problem_error(&p, lang))
}

/// An instant given as RFC 3339 text (a `Date` passes as its ISO text).
fn instant(value: &JsValue, name: &str, lang: Lang) -> Result<DateTime<Utc>, JsValue> {
    let text = match value.as_string() {
        Some(text) => text,
        None => object_arg::<String>(value, name)?,
    };
    domain(serde_json::Value::String(text), lang)
}

/// The optional instant `at` of an options object, and the status computed at it.
fn status_at<S: serde::Serialize>(
    at: Option<String>,
    lang: Lang,
    status: impl FnOnce(DateTime<Utc>) -> S,
) -> Result<Option<serde_json::Value>, JsValue> {
    let Some(at) = at else { return Ok(None) };
    let at: DateTime<Utc> = domain(serde_json::Value::String(at), lang)?;
    serde_json::to_value(status(at))
        .map(Some)
        .map_err(|e| invalid_argument(&format!("cannot serialise the status: {e}")))
}

/// `result` (an object) with each given field added (a `None` is left out).
fn with_field(
    result: &impl serde::Serialize,
    fields: &[(&str, Option<serde_json::Value>)],
) -> Result<JsValue, JsValue> {
    let mut value = serde_json::to_value(result)
        .map_err(|e| invalid_argument(&format!("cannot serialise the result: {e}")))?;
    if let Some(object) = value.as_object_mut() {
        for (key, extra) in fields {
            if let Some(extra) = extra {
                object.insert((*key).to_owned(), extra.clone());
            }
        }
    }
    to_js(&value)
}

/// The browser's CSPRNG, checked before use: a page without `crypto.getRandomValues` gets an
/// `Error` with `code` `random_unavailable` instead of a trap.
fn rng() -> Result<OsRng, JsValue> {
    let mut probe = [0_u8; 1];
    OsRng
        .try_fill_bytes(&mut probe)
        .map_err(|e| error_with_code(&format!("no random source: {e}"), "random_unavailable"))?;
    Ok(OsRng)
}

// ---- passwords ---------------------------------------------------------------------------------

/// Checks a password a user of a group chooses, with the live checklist: every violation and
/// the status of every rule.
///
/// # Errors
/// `password_not_choosable` (indskoling) and `json_invalid` (policy overrides) as an `Error`
/// carrying `.code`; `invalid_argument` for a wrong argument (an unknown group, a history
/// entry that is neither an Argon2id PHC string nor the old `sha256$<salt>$<digest>`).
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PasswordReport")]
pub fn check_password(
    #[wasm_bindgen(unchecked_param_type = "string")] password: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "PasswordOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let password = string_arg(password, "password")?;
    let options: PasswordArguments = object_arg(options, "options")?;
    let report =
        form::check_password(&password, &options, "history").map_err(|e| call_error(e, lang))?;
    to_js(&report.rendered(lang))
}

/// The options of an assigned password: the user's names (a password never contains them)
/// and the host's policy overrides.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AssignOptions {
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    policy: Option<serde_json::Value>,
}

/// A password assigned to a user of `group`, drawn from the browser's CSPRNG: four pictures
/// for indskoling (`{kind: "pictures", pictures, shown}`), two Danish words and a number for
/// the older groups (`{kind: "text", text, shown}`); `shown` is the text to show the user,
/// the pictures' names in `lang`.
///
/// # Errors
/// `invalid_argument` for a wrong argument (an unknown group or option); `json_invalid` for
/// bad policy overrides; an `Error` with `code` `assignment_exhausted` when the policy and the
/// names exclude almost every password; `random_unavailable` without a random source.
#[wasm_bindgen(js_name = assignPassword, unchecked_return_type = "AssignedPassword")]
pub fn assign_password(
    #[wasm_bindgen(unchecked_param_type = "UserGroup")] group: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AssignOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let group = form::user_group(&string_arg(group, "group")?).map_err(argument)?;
    let options: AssignOptions = options_arg(options, "options")?;
    let policy =
        form::password_policy(group, options.policy.as_ref()).map_err(|e| call_error(e, lang))?;
    let names: Vec<&str> = options.names.iter().map(String::as_str).collect();
    match assigned::assign_with(group, &names, &policy, &mut rng()?) {
        Ok(password) => {
            let shown = serde_json::Value::String(password.reveal(lang));
            with_field(&password, &[("shown", Some(shown))])
        }
        Err(e @ AssignError::Exhausted(_)) => {
            Err(error_with_code(&e.to_string(), "assignment_exhausted"))
        }
    }
}

/// A history entry for a password (Argon2id, a fresh salt from the browser's CSPRNG), the
/// text `checkPassword`'s `history` takes.
///
/// # Errors
/// An `Error` with `code` `random_unavailable` without a random source; `invalid_argument` for a password that is not a
/// string.
#[wasm_bindgen(js_name = hashPassword, unchecked_return_type = "string")]
pub fn hash_password(
    #[wasm_bindgen(unchecked_param_type = "string")] password: &JsValue,
) -> Result<JsValue, JsValue> {
    let password = string_arg(password, "password")?;
    Ok(HashedPassword::new(&password, &mut rng()?)
        .to_string()
        .into())
}

/// Whose password it is, for its expiry: exactly one of `group`, `grade` or `role`, with the
/// date `on` a grade or a role is taken on and, for a group, the date it moved band.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpiryUser {
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    grade: Option<u8>,
    #[serde(default)]
    role: Option<serde_json::Value>,
    #[serde(default)]
    on: Option<NaiveDate>,
    #[serde(default)]
    band_changed_on: Option<NaiveDate>,
}

/// The options of an expiry or an estimate: the instant to give the status at and the
/// host's policy overrides.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AtOptions {
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    policy: Option<serde_json::Value>,
}

/// When a password changed at `lastChange` must be changed again (STIL: 365 days; 30 days
/// after a pupil moves grade band): `{must_change_by, warn_from, reason, …}`, with `status`
/// (`ok`, `warn`, `expired`) at `options.at` when given.
///
/// # Errors
/// `grade_range`, `json_invalid` (a time, date or policy that is not one) and the role's
/// problems as an `Error` carrying `.code`; `invalid_argument` unless exactly one of group,
/// grade and role is given, for a grade or role without `on`, and for an unknown group.
#[wasm_bindgen(js_name = passwordExpiry, unchecked_return_type = "PasswordExpiry")]
pub fn password_expiry(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] last_change: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExpiryUser")] user: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExpiryOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let last_change = instant(last_change, "lastChange", lang)?;
    let user: ExpiryUser = object_arg(user, "user")?;
    let options: AtOptions = options_arg(options, "options")?;
    let policy: ExpiryPolicy = match options.policy {
        Some(policy) => domain(policy, lang)?,
        None => ExpiryPolicy::STIL,
    };
    let role: Option<Role> = user.role.map(|r| domain(r, lang)).transpose()?;
    let args = ExpiryArguments {
        group: user.group.as_deref(),
        grade: user.grade,
        role,
        on: user.on,
        band_changed_on: user.band_changed_on,
    };
    let expiry =
        form::password_expiry(&args, last_change, &policy).map_err(|e| call_error(e, lang))?;
    let status = status_at(options.at, lang, |at| expiry.status(at))?;
    with_field(&expiry, &[("status", status)])
}

/// Checks the one-time code a pupil types on the reset page (the five-minute code a teacher
/// gave), before the host redeems it: `{code, grouped}`, the canonical code and the code
/// grouped for reading (`482 915`, `7KQM-2XWD`). Read leniently: spaces and dashes are
/// ignored, and for `crockford8` case too, O reads as 0 and I and L as 1.
///
/// # Errors
/// `reset_code_format` (ctx `format`, `length`) as an `Error` carrying `.code`, its message in
/// `lang`; `invalid_argument` for an unknown format (`digits6`, the default, or `crockford8`).
#[wasm_bindgen(js_name = checkResetCode, unchecked_return_type = "ResetCode")]
pub fn check_reset_code(
    #[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CodeFormat")] format: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let text = string_arg(code, "code")?;
    let format = if format.is_undefined() || format.is_null() {
        "digits6".to_owned()
    } else {
        string_arg(format, "format")?
    };
    to_js(&form::check_reset_code(&format, &text).map_err(|e| call_error(e, lang))?)
}

// ---- provisioning ------------------------------------------------------------------------------

/// The options of a provisioning estimate: STIL's policy with the host's schedule and lags.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EstimateOptions {
    #[serde(default)]
    already_has_unilogin: bool,
    #[serde(default)]
    schedule: Option<Vec<String>>,
    #[serde(default)]
    typical_hours_after_creation: Option<u16>,
    #[serde(default)]
    latest_hours_after_import: Option<u16>,
    #[serde(default)]
    at: Option<String>,
}

/// When a user created in an administrative system at `createdAt` can expect to log in
/// ("when can I log in?"): `{created_at, readiness, next_import, typical_ready, latest_ready,
/// summary}`, `summary` in `lang`, with `status` at `options.at` when given.
///
/// # Errors
/// `json_invalid` for a time that is not RFC 3339 as an `Error` carrying `.code`; the
/// schedule's problems (each at its index) as one `Error`, the first problem's fields with
/// `.problems`, all of them; `invalid_argument` for an unknown option.
#[wasm_bindgen(js_name = provisioningEstimate, unchecked_return_type = "ProvisioningEstimate")]
pub fn provisioning_estimate(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] created_at: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EstimateOptions")] options: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: &JsValue,
) -> Result<JsValue, JsValue> {
    let lang = lang_arg(lang)?;
    let created_at = instant(created_at, "createdAt", lang)?;
    let options: EstimateOptions = options_arg(options, "options")?;
    let args = EstimateArguments {
        schedule: options.schedule.as_deref(),
        typical_hours_after_creation: options.typical_hours_after_creation,
        latest_hours_after_import: options.latest_hours_after_import,
    };
    let policy = form::provisioning_policy(&args).map_err(|p| problems_error(&p, lang))?;
    let estimate = policy.estimate(created_at, options.already_has_unilogin);
    let summary = serde_json::Value::String(estimate.summary().get(lang).to_owned());
    let status = status_at(options.at, lang, |at| estimate.status(at).key())?;
    with_field(&estimate, &[("summary", Some(summary)), ("status", status)])
}

// ---- login help --------------------------------------------------------------------------------

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
    let user: LoginUserArg = object_arg(user, "user")?;
    let grade = match user.grade {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(text),
        Some(other) => Some(other.to_string()),
    };
    let role = Role::parse(&user.role, grade.as_deref())
        .map_err(|e| problem_error(&e.at(unilogin::Loc::root(), Some(&user.role)), lang))?;
    let options: LoginOptionsArg = options_arg(options, "options")?;
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

// ---- onboarding --------------------------------------------------------------------------------

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
