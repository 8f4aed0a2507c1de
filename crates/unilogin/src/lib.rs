//! Rules and types for connecting Danish daycare institutions (*dagtilbud*) to Unilogin, the
//! national education login run by STIL (Styrelsen for It og Læring), and for the credentials
//! that follow.
//!
//! - **Values**: CVR, P-number, institution number, municipality, phone, email and address
//!   ([`identifiers`]), the legal bases of dagtilbudsloven § 19 and the institution types
//!   ([`institution`]), roles, grades, user groups and CPR numbers ([`people`]), each a type that
//!   can only hold a valid value, parsed from messy input.
//! - **Records and files**: the institution-number request a private daycare sends STIL
//!   ([`InstitutionNumberRequest`]), rows of Dagtilbudsregisteret exports ([`RegisterRecord`])
//!   and user rosters, and whole CSV or JSON Lines export files read row by row in constant
//!   memory ([`export`]).
//! - **Journeys**: the onboarding plan per legal basis and its progress ([`onboarding`]), and
//!   data-access agreements with their history ([`agreement`]).
//! - **Credentials and help**: password rules per user group with a live checklist, assigned
//!   passwords, expiry and the five-minute teacher-issued reset ([`credentials`]), when a new
//!   user can expect Unilogin to work ([`provisioning`]), and activation and login help
//!   ([`login`]).
//!
//! Every rule comes from STIL's published guidance (viden.stil.dk) or Danish law; each module's
//! documentation names its sources and how sure they are. The longer guides the module docs
//! name (`docs/domain.md`, `docs/passwords.md`, …) are in the source repository's `docs/`
//! directory, with the list of public sources; they are not part of this package.
//!
//! # The main types
//!
//! - [`FieldError`]: one problem with one value: an [`ErrorType`] (a stable `snake_case` code,
//!   [`ErrorType::code`]) and its context, rendered in Danish or English ([`Lang`]) by
//!   [`FieldError::message`].
//! - [`Problem`] and [`Problems`]: a [`FieldError`] at a location ([`Loc`]) with the input it
//!   was found in, and every problem of a record at once. Every problem has the one shape
//!   `{type, loc, msg, input, ctx}` ([`RenderedProblem`]) that the command, the Python package
//!   and the npm package give as well.
//! - [`RawRequest`], [`RawRegisterRow`] and [`RawRecord`]: field values as read, by canonical
//!   key or column name; [`InstitutionNumberRequest`] and [`RegisterRecord`]: the same values
//!   validated. [`RecordKind`] names the kinds of record files hold.
//! - [`ValidationPolicy`]: the rules a host may change, [`ValidationPolicy::STIL`] by default.
//! - [`export::ExportChecker`] and [`export::check_reader`]: whole files, with their
//!   [`export::ExportSummary`].
//!
//! Time and randomness are inputs: functions take `now` or `at` and a CSPRNG, and nothing
//! reads a clock. Hosts that want the operating system's generator use [`rand_core::OsRng`]
//! (the crate re-exports [`rand_core`]). Histories (agreements, reset grants, onboarding
//! progress) are stored as versioned JSON and replayed through the same rules when loaded. A
//! password or CPR number never appears in a message, a context or `Debug` output.
//!
//! # Examples
//!
//! ## Identifiers
//!
//! ```
//! use unilogin::identifiers::{Cvr, InstitutionNumber, Municipality, PNumber, PhoneNumber};
//! use unilogin::Lang;
//!
//! let cvr: Cvr = "DK-1358 5628".parse()?;
//! assert_eq!(cvr.to_string(), "13585628");
//! assert_eq!(Municipality::parse("Koebenhavns Kommune")?.code(), 101);
//! assert_eq!(PhoneNumber::parse("+45 3366 3366")?.as_str(), "33 66 33 66");
//! assert_eq!(InstitutionNumber::parse("g18062")?.to_string(), "G18062");
//!
//! let err = PNumber::parse("1029829824").unwrap_err();
//! assert_eq!(err.kind().code(), "p_number_checksum");
//! assert_eq!(
//!     err.message(Lang::En),
//!     "P-number 1029829824 is invalid (its check digit does not match)"
//! );
//! # Ok::<(), unilogin::FieldError>(())
//! ```
//!
//! ## The institution-number request
//!
//! ```
//! use unilogin::{InstitutionNumberRequest, Lang, RawRequest};
//!
//! // A request is validated as a whole; every problem is reported at once.
//! let raw = RawRequest::from_pairs([("cvr", "13585627"), ("legal_basis", "§ 19, stk. 4")]);
//! let problems = InstitutionNumberRequest::validate(&raw).unwrap_err();
//! let first = &problems.as_slice()[0];
//! assert_eq!(first.kind().code(), "cvr_checksum");
//! assert_eq!(first.loc().to_string(), "cvr");
//! assert_eq!(
//!     first.message(Lang::En),
//!     "CVR number 13585627 is invalid (its check digit does not match)"
//! );
//! assert_eq!(problems.len(), 12); // the checksum, stk. 4 refused, ten fields missing
//! ```
//!
//! ## Export files
//!
//! ```
//! use std::ops::ControlFlow;
//! use unilogin::export::{check_reader, Encoding, Syntax};
//! use unilogin::{RecordKind, ValidationPolicy};
//!
//! // A semicolon-separated register export saved by a spreadsheet as Windows-1252.
//! let file = b"anvisningsenhedsNummer;dagtilbudsNavn;instType3;ejerformKode;kommuneKode_Tekst;\
//!              vejNavn;husNummer;postNummer;byNavn;pNummer;telefonNummer\n\
//!              G18062;Skovb\xf8rnehaven Egernet;6011;3;Vesthimmerland;Skolevej;4;9600;Aars;\
//!              1029829825;98 62 12 34\n\
//!              A14672;\xd8stergades B\xf8rnehus;6011;1;Aarhus;\xd8stergade;2;8000;Aarhus C;\
//!              1029829825;\n";
//! let mut problems = Vec::new();
//! let summary = check_reader(
//!     &file[..],
//!     Syntax::Csv,
//!     RecordKind::Register,
//!     &ValidationPolicy::STIL,
//!     |row| {
//!         problems.extend(row.problems);
//!         ControlFlow::Continue(())
//!     },
//! )?;
//! assert_eq!((summary.rows, summary.rows_with_problems), (2, 1));
//! assert_eq!(summary.encoding, Encoding::Windows1252);
//! assert_eq!(problems[0].loc().to_string(), "1.placement_unit_number");
//! assert_eq!(problems[0].kind().code(), "institution_number_legacy");
//! # Ok::<(), unilogin::export::ExportError>(())
//! ```
//!
//! ## Onboarding
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use unilogin::onboarding::{Actor, Plan, Progress, StepId};
//! use unilogin::{Lang, LegalBasis};
//!
//! let plan = Plan::for_legal_basis(LegalBasis::Kommunal)?;
//! assert_eq!(plan.steps[0].id, StepId::RegisterMasterData);
//!
//! let mut progress = Progress::new(LegalBasis::Kommunal)?;
//! let now = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
//! progress.complete(StepId::RegisterMasterData, Actor::Municipality, now)?;
//! assert_eq!(progress.next_steps(Some(Actor::Vendor))[0].id, StepId::VendorSendsRequest);
//!
//! // The municipality cannot approve a request the vendor has not sent yet.
//! let err = progress
//!     .complete(StepId::ApproveRequest, Actor::Municipality, now)
//!     .unwrap_err();
//! assert_eq!(
//!     err.message(Lang::En),
//!     "Step approve_request first requires: vendor_sends_request"
//! );
//! # Ok::<(), unilogin::FieldError>(())
//! ```
//!
//! ## Agreements
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use unilogin::agreement::{
//!     DataAccessRequest, Decision, Institution, Ledger, Party, Person, Vendor,
//! };
//! use unilogin::identifiers::{InstitutionNumber, Municipality};
//! use unilogin::LegalBasis;
//!
//! let vendor = Vendor::parse("Skolesystemer A/S", "13585628", "1029829825")?;
//! let sender = Person::new("Vera Vendor", Party::Vendor(vendor.cvr));
//! let number = InstitutionNumber::parse("G18062")?;
//! let request = DataAccessRequest {
//!     vendor,
//!     system: "Pladsanvisning".into(),
//!     service: None,
//!     institutions: vec![Institution {
//!         number,
//!         legal_basis: LegalBasis::Privat,
//!         municipality: Municipality::parse("Aarhus")?,
//!     }],
//!     comment: None,
//!     placement_system: false,
//! };
//! let mut ledger = Ledger::new();
//! let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
//! let ids = ledger.request(&request, &sender, at)?;
//! assert_eq!(ledger.agreement(ids[0])?.state.to_string(), "pending");
//!
//! // A private daycare's employee decides, with the Tilslutning right and a key file.
//! let leader = Person::new("Dorte Daycare", Party::Daycare(number))
//!     .with_tilslutning_right()
//!     .with_key_file();
//! let approve = Decision::Approve { dpa_in_place: true };
//! ledger.decide(ids[0], approve, &leader, at + Duration::hours(1), None)?;
//! assert_eq!(ledger.agreement(ids[0])?.state.to_string(), "approved");
//!
//! // The history is stored as JSON and replayed through the same rules when loaded.
//! assert_eq!(Ledger::from_json(&ledger.to_json())?.agreements(), ledger.agreements());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Passwords
//!
//! ```
//! use unilogin::credentials::assigned::assign;
//! use unilogin::credentials::check::{check_password, PasswordContext, PasswordPolicy};
//! use unilogin::people::UserGroup;
//! use unilogin::rand_core::OsRng;
//! use unilogin::Lang;
//!
//! let names = ["Søren Kierkegaard"];
//! let context = PasswordContext::new(UserGroup::Udskoling).with_names(&names);
//! let policy = PasswordPolicy::stil(UserGroup::Udskoling);
//! assert!(check_password("Hestesko-Bilvask-12", &context, &policy)?.is_ok());
//!
//! // Every broken rule at once, never the part of the password that breaks it.
//! let report = check_password("soeren2024", &context, &policy)?;
//! let codes: Vec<_> = report.violations().iter().map(|v| v.kind().code()).collect();
//! assert_eq!(codes, ["password_needs_uppercase", "password_contains_name", "password_common"]);
//! assert_eq!(report.violations()[1].message(Lang::Da), "Adgangskoden må ikke indeholde dit navn");
//!
//! // Pupils in indskoling get four pictures; the Debug output hides a password.
//! let assigned = assign(UserGroup::Indskoling, &[], &mut OsRng)?;
//! assert_eq!(assigned.picture_ids().map(|ids| ids.len()), Some(4));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The five-minute reset
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use unilogin::credentials::reset::{GrantStore, Issuer, Pupil};
//! use unilogin::people::{Grade, Username};
//! use unilogin::Lang;
//!
//! let mut store = GrantStore::new();
//! let teacher = Issuer::teacher("lærer-17", true);
//! let pupil = Pupil::with_grade(Username::parse("abcd1234")?, Grade::new(5)?);
//! let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
//! store.issue(&teacher, &pupil, at)?;
//!
//! let redeemed = store.redeem(&pupil.username, None, at + Duration::minutes(4))?;
//! assert!(redeemed.may_choose_own);
//! // A grant is used once; the pupil sees only a message that does not say why.
//! let err = store.redeem(&pupil.username, None, at + Duration::minutes(4)).unwrap_err();
//! assert_eq!(err.kind().code(), "reset_used");
//! assert_eq!(
//!     err.public_message(Lang::Da),
//!     "Det lykkedes ikke. Bed din lærer om en ny adgangskode."
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Provisioning
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use unilogin::provisioning::{ProvisioningPolicy, Status};
//!
//! let policy = ProvisioningPolicy::default(); // one import a day at 02:00 Danish time
//! // Created on Wednesday 15 January 2025 at 10:00 Danish time (09:00 UTC).
//! let created = Utc.with_ymd_and_hms(2025, 1, 15, 9, 0, 0).unwrap();
//! let estimate = policy.estimate(created, false);
//! let next = estimate.next_import.as_ref().unwrap();
//! assert_eq!(next.local.to_rfc3339(), "2025-01-16T02:00:00+01:00");
//! assert_eq!(estimate.typical_ready, Utc.with_ymd_and_hms(2025, 1, 16, 9, 0, 0).unwrap());
//! let now = Utc.with_ymd_and_hms(2025, 1, 15, 20, 0, 0).unwrap();
//! assert_eq!(estimate.status(now), Status::AwaitingImport);
//! ```
//!
//! ## Login help
//!
//! ```
//! use unilogin::login::{Guide, HelperId, LoginPolicy, StepId, UserFacts};
//! use unilogin::people::Role;
//!
//! // A pupil in 2. klasse without MitID: parents or a teacher help.
//! let pupil = UserFacts::new(Role::parse("elev", Some("2"))?, false, Some(8));
//! let guide = Guide::forgotten_password(&pupil, &LoginPolicy::default());
//! assert_eq!(guide.helper_ids(), [HelperId::Teacher, HelperId::Parent]);
//! assert!(guide.step_ids().contains(&StepId::TeacherIssuesPassword));
//! # Ok::<(), unilogin::FieldError>(())
//! ```
//!
//! # Modules
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
//! - [`escape`]: text from a file made safe to show in a terminal or a spreadsheet cell.
//! - [`form`]: what bindings and interactive forms call: arguments parsed by name with typed
//!   errors, one request field checked alone, whole-record results, single values by kind,
//!   the password check, municipality suggestions, select choices, the error catalogue.
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
mod iso_date;
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

// The crate README's example (crates.io shows it) runs with the doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadme;
