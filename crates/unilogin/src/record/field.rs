//! The fields of a record kind: canonical keys, the column names they also accept, masking.

use std::borrow::Cow;
use std::fmt;

/// The fields of one record kind.
pub trait Field: Copy + Eq + fmt::Debug + 'static {
    /// Every field, in the order problems are reported.
    const ALL: &'static [Self];

    /// The canonical key, e.g. `p_number`.
    fn key(self) -> &'static str;

    /// The other column names accepted for this field (matched case-insensitively).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// The position of this field in [`Field::ALL`].
    fn index(self) -> usize {
        Self::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }

    /// Whether the field holds a CPR number (the user kind's `cpr`). Every other field refuses
    /// a CPR-shaped number (`DDMMYY-SSSS` or `DDMMYYSSSS` with a real date) anywhere in its
    /// value as [`crate::ErrorType::CprInWrongField`], and masks it wherever it shows the value.
    fn holds_cpr(self) -> bool {
        false
    }

    /// The raw value as problems (their `input`) and `Debug` output show it. By default the
    /// value as given with any CPR-shaped number masked (`150320-****`); a field holding
    /// personal data overrides this, e.g. the user kind's `cpr` field shows only
    /// `DDMMYY-****` ([`crate::people::Cpr::redact`]).
    fn mask_input(self, raw: &str) -> Cow<'_, str> {
        crate::text::mask_cpr(raw)
    }

    /// The field whose non-blank value withholds this field's value wherever a problem or
    /// `Debug` output would show it (then shown as one `*` per character): a user row's first
    /// and last name when the row gives an alias for a protected person. `None` by default.
    fn hidden_by(self) -> Option<Self> {
        None
    }

    /// The field a column name denotes: its canonical key or an alias, case-insensitively,
    /// ignoring surrounding whitespace and a byte-order mark.
    fn from_column(name: &str) -> Option<Self> {
        if let Some(exact) = Self::ALL.iter().copied().find(|f| f.key() == name) {
            return Some(exact);
        }
        let name = name.trim().trim_start_matches('\u{feff}').trim();
        Self::ALL.iter().copied().find(|f| {
            f.key().eq_ignore_ascii_case(name)
                || f.aliases().iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }
}
