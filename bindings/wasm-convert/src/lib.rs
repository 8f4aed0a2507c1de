//! The conversions the unilogin WebAssembly modules (the form module `unilogin`, the account
//! module `unilogin/account`, the export checker) share: JavaScript arguments to the core's,
//! the core's results and errors to JavaScript. No rule lives here.
//!
//! Results cross the boundary as JSON text that JavaScript parses (`JSON.parse`), arguments
//! that are objects as `JSON.stringify` text, so a cyclic or hostile object becomes a thrown
//! error instead of a trap. Nothing here can panic: every conversion is fallible, and a failure
//! is thrown as an `Error` carrying `.code`:
//!
//! - a problem the core reports: an `Error` with the problem's fields `{code, type, loc, msg,
//!   input, ctx}`, `code` equal to `type`, `message` equal to `msg`;
//! - a wrong argument (an unknown key, a number where a string belongs): a `TypeError` with
//!   `code` `invalid_argument`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use unilogin::form::{self, ArgumentError, CallError};
use unilogin::{Lang, Problem, Problems};
use wasm_bindgen::prelude::*;

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
pub fn invalid_argument(message: &str) -> JsValue {
    let error: JsValue = JsTypeError::new(message).into();
    let _ = reflect_set(&error, &"code".into(), &ArgumentError::CODE.into());
    error
}

/// An `Error` with `message` and `.code` `code`, for a failure that is not a problem of the
/// catalogue (no random source, no assigned password found).
pub fn error_with_code(message: &str, code: &str) -> JsValue {
    let error: JsValue = JsError::new(message).into();
    let _ = reflect_set(&error, &"code".into(), &code.into());
    error
}

/// The core's argument error as a `TypeError` with `code` `invalid_argument` and `argument`,
/// the argument's name.
pub fn argument(error: ArgumentError) -> JsValue {
    let name = error.argument();
    let thrown = invalid_argument(&error.into_message());
    let _ = reflect_set(&thrown, &"argument".into(), &name.into());
    thrown
}

/// Serialises `value` as JSON and parses it on the JavaScript side.
///
/// # Errors
/// `invalid_argument` if the value does not serialise (no result of the core does that).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| invalid_argument(&format!("cannot serialise the result: {e}")))?;
    json_parse(&text)
}

/// An `Error` carrying the problem's fields, its message in `lang`.
pub fn problem_error(problem: &Problem, lang: Lang) -> JsValue {
    let rendered = problem.rendered(lang);
    let error: JsValue = JsError::new(&rendered.msg).into();
    if let Ok(fields) = to_js(&rendered) {
        let _ = object_assign(&error, &fields);
    }
    let _ = reflect_set(&error, &"code".into(), &problem.kind().code().into());
    error
}

/// Several problems of one argument (a schedule's bad entries) as one `Error`: the first
/// problem's fields and `.code`, and `.problems`, every problem in `lang`, so none is lost.
pub fn problems_error(problems: &Problems, lang: Lang) -> JsValue {
    let Some(first) = problems.iter().next() else {
        return invalid_argument("no problem to report");
    };
    let error = problem_error(first, lang);
    if let Ok(all) = to_js(&problems.rendered(lang)) {
        let _ = reflect_set(&error, &"problems".into(), &all);
    }
    error
}

/// A boundary call's error: a `TypeError` for a bad argument, an `Error` for a problem.
pub fn call_error(error: CallError, lang: Lang) -> JsValue {
    match error {
        CallError::Argument(e) => argument(e),
        CallError::Problem(p) => problem_error(&p, lang),
    }
}

/// A string argument.
///
/// # Errors
/// `invalid_argument` for any other value.
pub fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_argument(&format!("`{name}` must be a string")))
}

/// The message language: `da` (the default, also for `undefined` and `null`) or `en`; tags
/// such as `da-DK` and `en-GB` are accepted.
///
/// # Errors
/// `invalid_argument` for another language or a value that is not a string.
pub fn lang_arg(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::Da);
    }
    form::lang(&string_arg(value, "lang")?).map_err(argument)
}

/// Any JSON-compatible value, through `JSON.stringify` (which refuses cycles and `BigInt`s
/// with an exception, and drops functions and symbols).
///
/// # Errors
/// `invalid_argument` for a value `JSON.stringify` refuses.
pub fn json_arg(value: &JsValue, name: &str) -> Result<serde_json::Value, JsValue> {
    let text = json_stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| invalid_argument(&format!("`{name}` must be a JSON-compatible value")))?;
    serde_json::from_str(&text)
        .map_err(|e| invalid_argument(&format!("`{name}` is not valid JSON: {e}")))
}

/// An optional object argument of type `T` (options, policy overrides): `T::default()` for
/// `undefined` and `null`.
///
/// # Errors
/// `invalid_argument` for a value that is not JSON-compatible or not a `T`.
pub fn options_arg<T: DeserializeOwned + Default>(
    value: &JsValue,
    name: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    object_arg(value, name)
}

/// An object argument of type `T`.
///
/// # Errors
/// `invalid_argument` for a value that is not JSON-compatible or not a `T`.
pub fn object_arg<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    serde_json::from_value(json_arg(value, name)?)
        .map_err(|e| invalid_argument(&format!("`{name}`: {e}")))
}
