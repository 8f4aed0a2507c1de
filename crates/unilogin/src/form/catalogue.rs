//! The error catalogue: every error type with its templates.

use serde::Serialize;

use crate::{ErrorType, Lang};

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

    #[test]
    fn the_catalogue_covers_every_error_type() {
        let catalogue = catalogue();
        assert_eq!(catalogue.len(), ErrorType::ALL.len());
        let long = catalogue
            .iter()
            .find(|e| e.kind == ErrorType::StringTooLong)
            .unwrap();
        assert_eq!(long.ctx, ["max_length", "actual_length"]);
    }
}
