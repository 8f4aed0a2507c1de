#![doc = include_str!("../../../README.md")]
//!
//! # Crate layout
//!
//! - [`identifiers`]: CVR, P-number, institution number, municipality, phone, email, address.
//! - [`institution`]: legal bases (dagtilbudsloven § 19) and institution types.
//! - [`request`]: the institution-number request to STIL.
//! - [`register`]: rows of a Dagtilbudsregisteret export.
//! - [`record`]: raw records keyed by canonical field keys and column names.
//! - [`policy`]: medium-confidence checks a host can switch (P-number checksum).
//! - [`onboarding`]: onboarding journeys per legal basis, progress, Mermaid diagrams.
//! - [`agreement`]: data-access agreements and their append-only history.
//! - [`problem`]: the one error shape `{type, loc, msg, input, ctx}` and its catalogue.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod agreement;
pub mod identifiers;
pub mod institution;
pub mod onboarding;
pub mod policy;
pub mod problem;
pub mod record;
pub mod register;
pub mod request;

pub use institution::{InstitutionType, LegalBasis};
pub use policy::ValidationPolicy;
pub use problem::{
    Ctx, CtxValue, ErrorType, FieldError, Lang, Loc, LocItem, Problem, Problems, RenderedProblem,
    Term,
};
pub use record::{Field, RawRecord, RecordKind};
pub use register::{RawRegisterRow, RegisterField, RegisterRecord};
pub use request::{InstitutionNumberRequest, RawRequest, RequestField};
