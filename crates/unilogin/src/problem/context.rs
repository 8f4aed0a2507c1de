//! A problem's context: the values its message template needs, and the rendering of a template
//! from them.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::Lang;

/// One value in a problem's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CtxValue {
    /// A whole number, e.g. a maximum length.
    Int(i64),
    /// A text, e.g. a suggested municipality name.
    Str(Cow<'static, str>),
    /// A term with a stable key that messages render in their own language (e.g. a status).
    Term(&'static Term),
}

/// A word or phrase with a stable key and its Danish and English renderings, used in a context
/// where the message language decides the wording (statuses, actions, parties).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// The stable key, as serialised in `ctx`.
    pub key: &'static str,
    /// The Danish rendering.
    pub da: &'static str,
    /// The English rendering.
    pub en: &'static str,
}

impl Term {
    /// The rendering in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

impl CtxValue {
    /// The value as it appears in a message in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Self::Int(n) => Cow::Owned(n.to_string()),
            Self::Str(s) => Cow::Borrowed(s),
            Self::Term(t) => Cow::Borrowed(t.text(lang)),
        }
    }
}

impl fmt::Display for CtxValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(n) => write!(f, "{n}"),
            Self::Str(s) => f.write_str(s),
            Self::Term(t) => f.write_str(t.key),
        }
    }
}

impl Serialize for CtxValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Int(n) => serializer.serialize_i64(*n),
            Self::Str(s) => serializer.serialize_str(s),
            Self::Term(t) => serializer.serialize_str(t.key),
        }
    }
}

impl From<i64> for CtxValue {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl From<usize> for CtxValue {
    fn from(n: usize) -> Self {
        Self::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&'static str> for CtxValue {
    fn from(s: &'static str) -> Self {
        Self::Str(Cow::Borrowed(s))
    }
}

impl From<&'static Term> for CtxValue {
    fn from(t: &'static Term) -> Self {
        Self::Term(t)
    }
}

impl From<String> for CtxValue {
    fn from(s: String) -> Self {
        Self::Str(Cow::Owned(s))
    }
}

/// The template values of a problem, in insertion order. Serialises as a JSON object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ctx(Vec<(&'static str, CtxValue)>);

impl Ctx {
    /// An empty context.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds a value (builder style). A text is kept with any CPR-shaped number in it masked
    /// (`150320-****`), so personal data never reaches a message.
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<CtxValue>) -> Self {
        let mut value = value.into();
        if let CtxValue::Str(text) = &value {
            if let Cow::Owned(masked) = super::mask_personal(text) {
                value = CtxValue::Str(Cow::Owned(masked));
            }
        }
        self.0.push((key, value));
        self
    }

    /// The value for `key`, if present.
    pub fn get(&self, key: &str) -> Option<&CtxValue> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Whether the context is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &CtxValue)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl Serialize for Ctx {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Fills `{name}` placeholders in `template` from `ctx`, terms in `lang`. Unknown placeholders
/// stay as written.
pub(crate) fn render(template: &str, ctx: &Ctx, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            if let Some(value) = ctx.get(name) {
                out.push_str(&value.text(lang));
            } else {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            rest = &after[close + 1..];
        } else {
            out.push_str(&rest[open..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorType;

    #[test]
    fn render_fills_known_and_keeps_unknown_placeholders() {
        let ctx = Ctx::new()
            .with("max_length", 132_i64)
            .with("actual_length", 140_i64);
        assert_eq!(
            render(ErrorType::StringTooLong.template(Lang::En), &ctx, Lang::En),
            "Must be at most 132 characters long (is 140)"
        );
        assert_eq!(render("a {x} b {", &Ctx::new(), Lang::Da), "a {x} b {");
    }
}
