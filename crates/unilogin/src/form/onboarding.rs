//! The onboarding calls of a binding: a plan or a progress for a legal basis given as text.

use crate::onboarding::{Plan, Progress};
use crate::{FieldError, LegalBasis, Loc, Problem};

fn at_legal_basis(text: &str) -> impl Fn(FieldError) -> Problem + '_ {
    move |e| e.at(Loc::key("legal_basis"), Some(text))
}

/// The legal basis a binding's `legal_basis` argument names: its key or any wording
/// [`LegalBasis::parse`] reads.
///
/// # Errors
/// `legal_basis_unknown` at `legal_basis`, with the text as input.
pub fn legal_basis(text: &str) -> Result<LegalBasis, Problem> {
    LegalBasis::parse(text).map_err(at_legal_basis(text))
}

/// The onboarding plan for the legal basis named by `text`.
///
/// ```
/// let plan = unilogin::form::onboarding_plan("Privatinstitution, dagtilbudslovens §19, stk. 5")?;
/// assert_eq!(plan.legal_basis, unilogin::LegalBasis::Privat);
/// let unknown = unilogin::form::onboarding_plan("nonsense").unwrap_err();
/// assert_eq!(unknown.kind().code(), "legal_basis_unknown");
/// # Ok::<(), unilogin::Problem>(())
/// ```
///
/// # Errors
/// `legal_basis_unknown`, or `onboarding_not_covered` for § 19, stk. 4, at `legal_basis`.
pub fn onboarding_plan(text: &str) -> Result<Plan, Problem> {
    Plan::for_legal_basis(legal_basis(text)?).map_err(at_legal_basis(text))
}

/// A fresh onboarding progress for the legal basis named by `text`.
///
/// # Errors
/// As [`onboarding_plan`].
pub fn onboarding_progress(text: &str) -> Result<Progress, Problem> {
    Progress::new(legal_basis(text)?).map_err(at_legal_basis(text))
}
