//! What a record kind is to the library: its fields and how a raw record becomes one.

use super::checker::Checker;
use super::field::Field;
use super::raw::RawRecord;
use crate::{Problems, ValidationPolicy};

/// A record kind: the typed record its validation builds ([`crate::InstitutionNumberRequest`],
/// [`crate::RegisterRecord`], [`crate::people::UserRecord`]). [`super::RecordKind`] picks the
/// type for a kind's name in one place and calls these functions; a new kind implements this
/// trait, and `RecordKind` gains a variant and one arm of that dispatch.
pub(crate) trait RecordType: serde::Serialize + Sized {
    /// The kind's fields.
    type Field: Field;

    /// The kind's name, as [`super::RecordKind::name`] gives it.
    const NAME: &'static str;

    /// Reads every field of the record through `checker` and builds the record, or returns
    /// every problem. A checker that only checks ([`Checker::checking`]) builds no text value,
    /// so the record cannot be built and the problems (perhaps none) come back as the error.
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    fn check_fields(
        checker: Checker<'_, '_, Self::Field>,
        policy: ValidationPolicy,
    ) -> Result<Self, Problems>;

    /// Validates a raw record under `policy`, reporting every problem at once.
    ///
    /// # Errors
    /// Every problem of the record, located at canonical field keys.
    fn validate_with(
        raw: &RawRecord<'_, Self::Field>,
        policy: ValidationPolicy,
    ) -> Result<Self, Problems> {
        Self::check_fields(Checker::new(raw), policy)
    }

    /// The problems of a raw record (empty when it is valid), found without building its
    /// values: the fast path for bulk checks. The same problems as [`RecordType::validate_with`].
    fn problems(raw: &RawRecord<'_, Self::Field>, policy: ValidationPolicy) -> Problems {
        Self::check_fields(Checker::checking(raw), policy)
            .err()
            .unwrap_or_default()
    }
}
