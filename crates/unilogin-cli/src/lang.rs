//! The language of messages: parsing `--lang` and choosing the Danish or the English text.

use unilogin::Lang;

/// Parses `--lang`.
pub(crate) fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| format!("unknown language `{tag}`; use da or en"))
}

/// The Danish or the English text (English for any language a later core adds).
pub(crate) fn tr(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        _ => en,
    }
}
