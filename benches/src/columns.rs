//! The columns of each corpus and the field keys the library reports them at.

use unilogin::record::Field;
use unilogin::{RegisterField, RequestField};

use crate::Corpus;

/// The columns of a request: the canonical field keys.
pub const REQUEST_COLUMNS: [&str; 12] = [
    "cvr",
    "p_number",
    "institution_name",
    "street",
    "house_number",
    "postal_code",
    "city",
    "municipality",
    "email",
    "phone",
    "legal_basis",
    "institution_type",
];

/// The columns of a register row: the register's own export column names, including three the
/// validator ignores (`geoBredde`, `geoLaengde`, `aktivitetsstatus`).
pub const REGISTER_COLUMNS: [&str; 19] = [
    "anvisningsenhedsNummer",
    "daginstitutionsNummer",
    "dagtilbudsNavn",
    "instType3",
    "ejerformKode",
    "kommuneKode_Tekst",
    "admKommuneKode_Tekst",
    "vejNavn",
    "husNummer",
    "postNummer",
    "byNavn",
    "supplerendeBynavn",
    "email",
    "telefonNummer",
    "geoBredde",
    "geoLaengde",
    "aktivitetsstatus",
    "cvrNummer",
    "pNummer",
];

/// The columns of `kind`, in the order rows and CSV files hold them.
pub fn columns(kind: Corpus) -> &'static [&'static str] {
    match kind {
        Corpus::Request => &REQUEST_COLUMNS,
        Corpus::Register => &REGISTER_COLUMNS,
    }
}

/// The canonical field key the library reports problems of `column` at, if it uses the column.
pub fn field_key(kind: Corpus, column: &str) -> Option<&'static str> {
    match kind {
        Corpus::Request => RequestField::from_column(column).map(Field::key),
        Corpus::Register => RegisterField::from_column(column).map(Field::key),
    }
}
