//! Progress through an onboarding plan: an append-only list of completions, checked against the
//! plan, stored as versioned JSON and rebuilt by replay.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Actor, Plan, Requirement, Step, StepId};
use crate::history::{self, Replay, Stored};
use crate::{Ctx, CtxValue, ErrorType, FieldError, LegalBasis};

/// One completed step: which, by whom, and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// The step that was completed.
    pub step: StepId,
    /// Who completed it (always the step's responsible actor).
    pub actor: Actor,
    /// When it was completed (UTC; serialised as RFC 3339, e.g. `2025-03-03T09:00:00Z`).
    pub at: DateTime<Utc>,
}

/// Where an onboarding stands: done, actionable now, and blocked steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// How many steps are done.
    pub done: usize,
    /// How many steps can be done now (not done, every mandatory prerequisite done).
    pub remaining: usize,
    /// How many steps wait for a mandatory prerequisite.
    pub blocked: usize,
    /// The done steps, in plan order.
    pub done_steps: Vec<StepId>,
    /// The steps that can be done now, in plan order.
    pub remaining_steps: Vec<StepId>,
    /// The steps that wait for a mandatory prerequisite, in plan order.
    pub blocked_steps: Vec<StepId>,
    /// How many conditional steps were passed over: not done, and a step that follows them is
    /// (asking STIL for an institution number once the daycare went on without one).
    #[serde(default)]
    pub skipped: usize,
    /// The skipped steps, in plan order.
    #[serde(default)]
    pub skipped_steps: Vec<StepId>,
    /// Whether every mandatory step is done (recommended and advisory steps may still be open).
    pub complete: bool,
}

/// The progress of one daycare through the onboarding plan of its legal basis.
///
/// A plain value: the legal basis plus an append-only list of [`Completion`]s. Every completion
/// passes the checks of [`Progress::complete`], so the list never breaks the plan. Serialises as
/// a versioned JSON document:
///
/// ```json
/// {"version": 1, "legal_basis": "privat",
///  "completions": [{"step": "institution_number", "actor": "daycare", "at": "2025-03-03T09:00:00Z"}]}
/// ```
///
/// Loading ([`Progress::from_json`], or any serde deserialiser) checks the version and replays
/// every completion through the same checks (the shared history envelope), so a stored document
/// that breaks the plan does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    plan: Plan,
    completions: Vec<Completion>,
}

impl Progress {
    /// The version of the JSON document this library writes and reads.
    pub const FORMAT_VERSION: u32 = 1;

    /// A progress with nothing done yet.
    ///
    /// ```
    /// use unilogin::onboarding::Progress;
    /// use unilogin::LegalBasis;
    /// assert_eq!(Progress::new(LegalBasis::Privat)?.summary().done, 0);
    /// assert!(Progress::new(LegalBasis::Udliciteret).is_err());
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::OnboardingNotCovered`] for § 19, stk. 4, as [`Plan::for_legal_basis`].
    pub fn new(legal_basis: LegalBasis) -> Result<Self, FieldError> {
        Ok(Self {
            plan: Plan::for_legal_basis(legal_basis)?,
            completions: Vec::new(),
        })
    }

    /// The legal basis.
    pub fn legal_basis(&self) -> LegalBasis {
        self.plan.legal_basis
    }

    /// The plan the progress follows.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The completions, in the order they were recorded.
    pub fn completions(&self) -> &[Completion] {
        &self.completions
    }

    /// The completion of `step`, if it is done.
    pub fn completion(&self, step: StepId) -> Option<&Completion> {
        self.completions.iter().find(|c| c.step == step)
    }

    /// Whether `step` is done.
    pub fn is_done(&self, step: StepId) -> bool {
        self.completion(step).is_some()
    }

    /// The mandatory prerequisites of `step` that are not done yet, in the order the plan lists
    /// them (empty for a step not in the plan).
    pub fn open_prerequisites(&self, step: StepId) -> Vec<StepId> {
        self.plan
            .step(step)
            .map(|s| self.open_of(s))
            .unwrap_or_default()
    }

    fn open_of(&self, step: &Step) -> Vec<StepId> {
        step.prerequisites
            .iter()
            .copied()
            .filter(|&p| {
                // A prerequisite the plan lacks cannot be satisfied, so it stays open.
                let blocks = self.plan.step(p).is_none_or(|s| s.requirement.blocks());
                blocks && !self.is_done(p)
            })
            .collect()
    }

    /// Checks whether `actor` may complete `step` now, without recording anything.
    ///
    /// # Errors
    /// As [`Progress::complete`].
    pub fn check(&self, step: StepId, actor: Actor) -> Result<(), FieldError> {
        let Some(planned) = self.plan.step(step) else {
            return Err(FieldError::with_ctx(
                ErrorType::OnboardingUnknownStep,
                Ctx::new()
                    .with("step", step.key())
                    .with("legal_basis", self.legal_basis().key()),
            ));
        };
        if self.is_done(step) {
            return Err(FieldError::with_ctx(
                ErrorType::OnboardingStepDone,
                Ctx::new().with("step", step.key()),
            ));
        }
        let open = self.open_of(planned);
        if !open.is_empty() {
            let open: Vec<&str> = open.iter().map(|s| s.key()).collect();
            return Err(FieldError::with_ctx(
                ErrorType::OnboardingPrerequisitesOpen,
                Ctx::new()
                    .with("step", step.key())
                    .with("open", open.join(", ")),
            ));
        }
        if planned.actor != actor {
            return Err(wrong_actor(step, planned.actor, actor.term()));
        }
        Ok(())
    }

    /// Records that `actor` completed `step` at `at`.
    ///
    /// Recommended and advisory steps can be completed like any other, but never block: a
    /// step's open prerequisites are its open *mandatory* prerequisites.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::onboarding::{Actor, Progress, StepId};
    /// use unilogin::{Lang, LegalBasis};
    ///
    /// let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    /// let mut progress = Progress::new(LegalBasis::Privat)?;
    /// progress.complete(StepId::InstitutionNumber, Actor::Daycare, at)?;
    ///
    /// // The vendor cannot find its own institution number for the daycare.
    /// let err = progress
    ///     .complete(StepId::AdministrativeSystem, Actor::Vendor, at)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Da),
    ///     "Trinnet administrative_system udføres af dagtilbuddet, ikke leverandøren"
    /// );
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// Checked in this order, nothing recorded on error:
    /// - [`ErrorType::OnboardingUnknownStep`] when the plan has no such step (`ctx`: `step`,
    ///   `legal_basis` as its key);
    /// - [`ErrorType::OnboardingStepDone`] when the step is already done (`ctx`: `step`);
    /// - [`ErrorType::OnboardingPrerequisitesOpen`] when mandatory prerequisites are open
    ///   (`ctx`: `step`, `open` = their ids joined with `", "`);
    /// - [`ErrorType::OnboardingWrongActor`] when `actor` is not the step's actor (`ctx`:
    ///   `step`, `expected`, `actual` as actor keys; the message names the actors in its
    ///   language).
    pub fn complete(
        &mut self,
        step: StepId,
        actor: Actor,
        at: DateTime<Utc>,
    ) -> Result<(), FieldError> {
        self.check(step, actor)?;
        self.completions.push(Completion { step, actor, at });
        Ok(())
    }

    /// The steps that can be done now (not done, not skipped, every mandatory prerequisite
    /// done), in plan order; only `actor`'s steps when given.
    pub fn next_steps(&self, actor: Option<Actor>) -> Vec<&Step> {
        self.plan
            .steps
            .iter()
            .filter(|s| actor.is_none_or(|a| s.actor == a))
            .filter(|s| !self.is_done(s.id) && !self.is_skipped(s) && self.open_of(s).is_empty())
            .collect()
    }

    /// Whether `step` is a conditional step that was passed over: not done, and a step that
    /// lists it as a prerequisite is done. It can still be completed.
    fn is_skipped(&self, step: &Step) -> bool {
        step.requirement == Requirement::Conditional
            && !self.is_done(step.id)
            && self
                .plan
                .steps
                .iter()
                .any(|later| later.prerequisites.contains(&step.id) && self.is_done(later.id))
    }

    /// Whether every mandatory step is done.
    pub fn is_complete(&self) -> bool {
        self.plan
            .steps
            .iter()
            .filter(|s| s.requirement.blocks())
            .all(|s| self.is_done(s.id))
    }

    /// Counts and ids of the done, actionable, blocked and skipped steps.
    pub fn summary(&self) -> Summary {
        let mut done_steps = Vec::new();
        let mut remaining_steps = Vec::new();
        let mut blocked_steps = Vec::new();
        let mut skipped_steps = Vec::new();
        for step in &self.plan.steps {
            if self.is_done(step.id) {
                done_steps.push(step.id);
            } else if self.is_skipped(step) {
                skipped_steps.push(step.id);
            } else if self.open_of(step).is_empty() {
                remaining_steps.push(step.id);
            } else {
                blocked_steps.push(step.id);
            }
        }
        Summary {
            done: done_steps.len(),
            remaining: remaining_steps.len(),
            blocked: blocked_steps.len(),
            done_steps,
            remaining_steps,
            blocked_steps,
            skipped: skipped_steps.len(),
            skipped_steps,
            complete: self.is_complete(),
        }
    }

    /// Rebuilds a progress by completing each of `completions` in order, through the same
    /// checks as [`Progress::complete`].
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use unilogin::onboarding::{Actor, Completion, Progress, StepId};
    /// use unilogin::LegalBasis;
    ///
    /// let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    /// let first = Completion { step: StepId::RegisterMasterData, actor: Actor::Municipality, at };
    /// let progress = Progress::replay(LegalBasis::Kommunal, [first.clone()])?;
    /// assert_eq!(progress.completions(), &[first.clone()]);
    ///
    /// let twice = Progress::replay(LegalBasis::Kommunal, [first.clone(), first]).unwrap_err();
    /// assert_eq!(twice.kind().code(), "history_invalid");
    /// assert_eq!(twice.ctx().get("reason").unwrap().to_string(), "onboarding_step_done");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::OnboardingNotCovered`] for stk. 4, then [`ErrorType::HistoryInvalid`] for
    /// the first completion that [`Progress::complete`] refuses (`ctx`: `index`, its position;
    /// `reason`, the code of the error `complete` gives).
    pub fn replay(
        legal_basis: LegalBasis,
        completions: impl IntoIterator<Item = Completion>,
    ) -> Result<Self, FieldError> {
        history::replay(Self::new(legal_basis)?, completions)
    }

    /// Loads a stored JSON document, checking its version and replaying its completions.
    ///
    /// ```
    /// use unilogin::onboarding::Progress;
    /// use unilogin::Lang;
    ///
    /// let progress = Progress::from_json(r#"{"version": 1, "legal_basis": "privat", "completions": [
    ///     {"step": "institution_number", "actor": "daycare", "at": "2025-03-03T09:00:00Z"}]}"#)?;
    /// assert_eq!(progress.summary().done, 1);
    ///
    /// let err = Progress::from_json(r#"{"version": 2, "legal_basis": "privat", "completions": []}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.message(Lang::En), "Format version 2 is not supported (at most 1)");
    ///
    /// // A stored approval before the request was sent does not load.
    /// let err = Progress::from_json(r#"{"version": 1, "legal_basis": "kommunal", "completions": [
    ///     {"step": "approve_request", "actor": "municipality", "at": "2025-03-03T09:00:00Z"}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::En),
    ///     "The history cannot be replayed: event 0 is invalid (onboarding_prerequisites_open)"
    /// );
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// - [`ErrorType::JsonInvalid`] when the text is not JSON, or not a version-1 document
    ///   (a missing or misspelt field, an unknown field, a timestamp that is not RFC 3339)
    ///   (`ctx`: `reason`);
    /// - [`ErrorType::UnsupportedVersion`] when `version` is a whole number other than 1
    ///   (`ctx`: `version`, `supported`);
    /// - [`ErrorType::LegalBasisUnknown`] when `legal_basis` is not a key (`kommunal`,
    ///   `selvejet`, `udliciteret`, `privat`); [`ErrorType::OnboardingNotCovered`] for
    ///   `udliciteret`;
    /// - [`ErrorType::HistoryInvalid`] for the first completion that breaks the plan (`ctx`:
    ///   `index`; `reason`, the code [`Progress::complete`] gives, an unknown step key
    ///   `onboarding_unknown_step`, an unknown actor key `onboarding_wrong_actor`).
    pub fn from_json(text: &str) -> Result<Self, FieldError> {
        history::load(text, Self::FORMAT_VERSION).and_then(Self::from_document)
    }

    /// Loads a stored document already parsed as JSON; see [`Progress::from_json`].
    ///
    /// # Errors
    /// As [`Progress::from_json`].
    pub fn from_value(value: serde_json::Value) -> Result<Self, FieldError> {
        history::load_value(value, Self::FORMAT_VERSION).and_then(Self::from_document)
    }

    fn from_document(doc: DocumentV1) -> Result<Self, FieldError> {
        let legal_basis = LegalBasis::ALL
            .into_iter()
            .find(|b| b.key() == doc.legal_basis)
            .ok_or_else(|| FieldError::new(ErrorType::LegalBasisUnknown))?;
        history::replay(Self::new(legal_basis)?, doc.completions)
    }
}

impl Replay<Completion> for Progress {
    fn apply_event(&mut self, c: Completion) -> Result<(), FieldError> {
        self.complete(c.step, c.actor, c.at)
    }
}

/// A stored completion is checked as the plan's: an unknown step key is a step the plan lacks,
/// an unknown actor key a wrong actor.
impl Replay<RawCompletion> for Progress {
    fn apply_event(&mut self, raw: RawCompletion) -> Result<(), FieldError> {
        let step = StepId::parse(&raw.step)
            .filter(|&s| self.plan.contains(s))
            .ok_or_else(|| {
                FieldError::with_ctx(
                    ErrorType::OnboardingUnknownStep,
                    Ctx::new()
                        .with("step", raw.step.clone())
                        .with("legal_basis", self.legal_basis().key()),
                )
            })?;
        let Some(actor) = Actor::parse(&raw.actor) else {
            let expected = self.plan.step(step).map_or(Actor::Daycare, |s| s.actor);
            return Err(wrong_actor(step, expected, raw.actor));
        };
        self.complete(step, actor, raw.at)
    }
}

/// `ctx` holds actor keys (stable); messages render the actors' names in their language.
fn wrong_actor(step: StepId, expected: Actor, actual: impl Into<CtxValue>) -> FieldError {
    FieldError::with_ctx(
        ErrorType::OnboardingWrongActor,
        Ctx::new()
            .with("step", step.key())
            .with("expected", expected.term())
            .with("actual", actual),
    )
}

/// The stored form's fields, version 1, as read (the envelope has checked and removed
/// `version`; strings are checked by the replay, not by serde).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentV1 {
    legal_basis: String,
    completions: Vec<RawCompletion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompletion {
    step: String,
    actor: String,
    at: DateTime<Utc>,
}

/// The stored form's fields, version 1, as written after `version`.
#[derive(Serialize)]
struct DocumentV1Ref<'a> {
    legal_basis: LegalBasis,
    completions: &'a [Completion],
}

impl Serialize for Progress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = DocumentV1Ref {
            legal_basis: self.legal_basis(),
            completions: &self.completions,
        };
        Stored::new(Self::FORMAT_VERSION, fields).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Progress {
    /// Reads the versioned document and replays it, as [`Progress::from_value`]; the error
    /// carries the English message.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        history::deserialize(deserializer, Self::FORMAT_VERSION, Self::from_document)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::Lang;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, day, 9, 0, 0).unwrap()
    }

    #[test]
    fn checks_come_in_the_documented_order() {
        let mut p = Progress::new(LegalBasis::Kommunal).unwrap();
        // Unknown before anything else.
        let e = p.check(StepId::EnterUsers, Actor::Vendor).unwrap_err();
        assert_eq!(e.kind(), ErrorType::OnboardingUnknownStep);
        assert_eq!(
            e.message(Lang::En),
            "Step enter_users is not part of the kommunal journey"
        );
        // Prerequisites before the actor.
        let e = p.check(StepId::ApproveRequest, Actor::Vendor).unwrap_err();
        assert_eq!(e.kind(), ErrorType::OnboardingPrerequisitesOpen);
        p.complete(StepId::RegisterMasterData, Actor::Municipality, at(3))
            .unwrap();
        // Done before the actor.
        let e = p
            .check(StepId::RegisterMasterData, Actor::Vendor)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorType::OnboardingStepDone);
        let e = p
            .check(StepId::VendorSendsRequest, Actor::Municipality)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorType::OnboardingWrongActor);
        assert_eq!(
            e.message(Lang::En),
            "Step vendor_sends_request is done by the vendor, not the municipality"
        );
        let ctx = serde_json::to_value(e.ctx()).unwrap();
        assert_eq!(
            ctx,
            serde_json::json!({
                "step": "vendor_sends_request", "expected": "vendor", "actual": "municipality"
            })
        );
        assert_eq!(p.completions().len(), 1);
    }

    #[test]
    fn optional_steps_never_block_but_can_be_done() {
        let mut p = Progress::new(LegalBasis::Privat).unwrap();
        for (step, actor) in [
            (StepId::InstitutionNumber, Actor::Daycare),
            (StepId::AdministrativeSystem, Actor::Daycare),
            (StepId::MitidErhvervKeyFile, Actor::Daycare),
            (StepId::TilslutningRight, Actor::Daycare),
            (StepId::VendorSendsRequest, Actor::Vendor),
        ] {
            p.complete(step, actor, at(3)).unwrap();
        }
        // The DPA is open, yet approval is possible.
        assert!(!p.is_done(StepId::DataProcessingAgreement));
        assert!(p.open_prerequisites(StepId::ApproveRequest).is_empty());
        p.complete(StepId::ApproveRequest, Actor::Daycare, at(4))
            .unwrap();
        p.complete(StepId::DataProcessingAgreement, Actor::Daycare, at(5))
            .unwrap();
        p.complete(StepId::LanguageAssessmentAdvice, Actor::Daycare, at(5))
            .unwrap();
        assert!(!p.is_complete());
        for (step, actor) in [
            (StepId::EnterUsers, Actor::Daycare),
            (StepId::CreateUsers, Actor::Stil),
            (StepId::ActivateUnilogin, Actor::EmployeeOrParent),
        ] {
            p.complete(step, actor, at(6)).unwrap();
        }
        assert!(p.is_complete());
        assert!(p.summary().complete);
    }

    #[test]
    fn an_unknown_actor_key_in_a_document_is_a_wrong_actor() {
        let err = Progress::from_json(
            r#"{"version": 1, "legal_basis": "privat", "completions": [
                {"step": "institution_number", "actor": "kommunen", "at": "2025-03-03T09:00:00Z"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "The history cannot be replayed: event 0 is invalid (onboarding_wrong_actor)"
        );
        let raw = RawCompletion {
            step: "institution_number".into(),
            actor: "kommunen".into(),
            at: at(3),
        };
        let mut progress = Progress::new(LegalBasis::Privat).unwrap();
        let err = progress.apply_event(raw).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "Step institution_number is done by the daycare, not kommunen"
        );
    }

    #[test]
    fn malformed_documents_are_refused_with_a_reason() {
        for text in [
            "",
            "[]",
            r#"{"legal_basis": "privat", "completions": []}"#,
            r#"{"version": "1", "legal_basis": "privat", "completions": []}"#,
            r#"{"version": 1.5, "legal_basis": "privat", "completions": []}"#,
            r#"{"version": 1, "legal_basis": "privat"}"#,
            r#"{"version": 1, "legal_basis": "privat", "completions": [], "extra": 1}"#,
            r#"{"version": 1, "legal_basis": "privat", "completions": [
                {"step": "institution_number", "actor": "daycare", "at": "yesterday"}]}"#,
        ] {
            let err = Progress::from_json(text).unwrap_err();
            assert_eq!(err.kind(), ErrorType::JsonInvalid, "{text}");
        }
        let err = Progress::from_json(r#"{"version": 1, "legal_basis": "privat"}"#).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "Invalid JSON: missing field `completions`"
        );
        for (version, shown) in [
            ("0", "0"),
            ("-1", "-1"),
            ("2", "2"),
            ("18446744073709551615", "18446744073709551615"),
        ] {
            let err = Progress::from_json(&format!(
                r#"{{"version": {version}, "legal_basis": "privat", "completions": []}}"#
            ))
            .unwrap_err();
            assert_eq!(err.kind(), ErrorType::UnsupportedVersion);
            assert_eq!(
                err.message(Lang::En),
                format!("Format version {shown} is not supported (at most 1)")
            );
        }
        let err = Progress::from_json(r#"{"version": 1, "legal_basis": "x", "completions": []}"#)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorType::LegalBasisUnknown);
        let err = Progress::from_json(
            r#"{"version": 1, "legal_basis": "udliciteret", "completions": []}"#,
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorType::OnboardingNotCovered);
    }

    #[test]
    fn serde_deserialize_validates_like_from_json() {
        let ok: Progress =
            serde_json::from_str(r#"{"version": 1, "legal_basis": "selvejet", "completions": []}"#)
                .unwrap();
        assert_eq!(ok.legal_basis(), LegalBasis::Selvejet);
        let err = serde_json::from_str::<Progress>(
            r#"{"version": 7, "legal_basis": "selvejet", "completions": []}"#,
        )
        .unwrap_err();
        assert!(err
            .to_string()
            .contains("Format version 7 is not supported"));
    }
}
