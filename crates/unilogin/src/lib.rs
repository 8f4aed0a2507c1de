#![doc = include_str!("../../../README.md")]
//!
//! # Crate layout
//!
//! Values and the error shape:
//! - [`problem`]: the one error shape `{type, loc, msg, input, ctx}`: the catalogue of error
//!   types with Danish and English messages, the context, the location.
//! - [`identifiers`]: CVR, P-number, institution number, municipality, phone, email, address.
//! - [`institution`]: legal bases (dagtilbudsloven § 19) and institution types.
//! - [`people`]: roles, grades and grade bands, user groups, CPR numbers, usernames, roster rows.
//!
//! Records and files:
//! - [`record`]: raw records keyed by canonical field keys and column names, the record kinds
//!   ([`RecordKind`]) and files' headers resolved once.
//! - [`request`]: the institution-number request to STIL.
//! - [`register`]: rows of a Dagtilbudsregisteret export.
//! - [`policy`]: [`ValidationPolicy`], the medium-confidence check a host can switch (the
//!   P-number checksum).
//! - [`export`]: whole export files (CSV, JSON Lines) read row by row in constant memory, on
//!   one thread or several, and the report of a whole file.
//!
//! Journeys and credentials:
//! - [`onboarding`]: onboarding journeys per legal basis, progress, Mermaid diagrams.
//! - [`agreement`]: data-access agreements and their append-only history.
//! - [`credentials`]: password rules, assigned passwords, expiry, the five-minute reset.
//! - [`provisioning`]: when a new user can expect Unilogin to work, by the import schedule.
//! - [`login`]: activation steps and help for failed logins.
//!
//! The boundary:
//! - [`form`]: what bindings and interactive forms call: arguments parsed by name with typed
//!   errors, one request field checked alone, whole-record results, single values by kind,
//!   the password check, municipality suggestions, select choices, the error catalogue.
//!
//! Time and randomness are inputs: functions take `now`/`at` and a CSPRNG; hosts that want the
//! operating system's generator use [`rand_core::OsRng`] (re-exported as [`rand_core`]).
//! Histories (agreements, reset grants, onboarding progress) are stored as versioned JSON and
//! replayed through the same rules when loaded.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use rand_core;

pub mod agreement;
pub mod credentials;
pub mod escape;
pub mod export;
pub mod form;
mod history;
pub mod identifiers;
pub mod institution;
pub mod login;
pub mod onboarding;
pub mod people;
/// [`ValidationPolicy`] and the types of its host-overridable rules ([`policy::OwnershipCodes`],
/// [`policy::InstitutionTypes`]); the types live in `validation_policy.rs`.
pub mod policy {
    pub use crate::validation_policy::{InstitutionTypes, OwnershipCodes, ValidationPolicy};
}
pub mod problem;
pub mod provisioning;
pub mod record;
pub mod register;
pub mod request;
mod text;
mod validation_policy;

pub use institution::{InstitutionType, LegalBasis};
pub use problem::{
    Ctx, CtxValue, ErrorType, FieldError, Lang, Loc, LocItem, Problem, Problems, RenderedProblem,
    Term,
};
pub use record::{Field, RawRecord, RecordKind};
pub use register::{RawRegisterRow, RegisterField, RegisterRecord};
pub use request::{InstitutionNumberRequest, RawRequest, RequestField};
pub use validation_policy::ValidationPolicy;
