//! Raw records: the text values of one form submission or one export row, keyed by field.
//!
//! A record kind ([`crate::request`], [`crate::register`], [`crate::people::UserRecord`]) defines
//! its fields with canonical keys (the same in JSON, CSV headers, Python dicts and JS objects)
//! and the column names it also accepts. A [`RawRecord`] holds whatever text arrived for each
//! field; validation turns it into a typed value or every problem at once.
//!
//! A field holding personal data masks its raw value ([`Field::mask_input`]) wherever the
//! library shows it: in a problem's `input` and in `Debug` output of a [`RawRecord`].
//!
//! [`RecordKind`] names the kinds for hosts that dispatch on a name; a [`Header`] resolves a
//! file's column names against a kind once, so each row is read by position.

mod address;
mod checker;
pub mod columnar;
mod field;
mod header;
mod kind;
mod raw;
mod record_type;
#[cfg(test)]
mod tests;

pub(crate) use address::{check_address, AddressFields};
pub(crate) use checker::Checker;
pub use field::Field;
pub use header::Header;
pub use kind::RecordKind;
pub use raw::RawRecord;
pub(crate) use record_type::RecordType;
