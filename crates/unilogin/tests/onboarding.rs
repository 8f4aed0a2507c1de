//! Onboarding plans and progress: the journeys per legal basis, the refusals, the JSON form,
//! replay, Mermaid output, golden files, the shared scenarios in
//! `tests/vectors/onboarding/scenarios.json`, and the generated sections of `docs/onboarding.md`.
//!
//! `UNILOGIN_BLESS=1` rewrites the plan files in `tests/vectors/onboarding/` and the generated
//! sections of `docs/onboarding.md`. The progress file is only ever written when it is missing:
//! it guards that documents stored today still load tomorrow.

#![cfg(test)]

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;
use unilogin::onboarding::{Actor, Completion, Plan, Progress, Requirement, Step, StepId, Summary};
use unilogin::{ErrorType, Lang, LegalBasis};

fn plan(basis: LegalBasis) -> Plan {
    Plan::for_legal_basis(basis).unwrap()
}

fn ids(steps: &[&Step]) -> Vec<StepId> {
    steps.iter().map(|s| s.id).collect()
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, day, hour, 0, 0).unwrap()
}

fn blessing() -> bool {
    std::env::var_os("UNILOGIN_BLESS").is_some()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ---------------------------------------------------------------------------------------------
// Plans

#[test]
fn kommunal_and_selvejet_differ_exactly_in_who_receives_and_who_approves() {
    let kommunal = plan(LegalBasis::Kommunal);
    let selvejet = plan(LegalBasis::Selvejet);
    assert_eq!(kommunal.step_ids(), selvejet.step_ids());
    assert_eq!(
        kommunal.step_ids(),
        [
            StepId::RegisterMasterData,
            StepId::VendorSendsRequest,
            StepId::ApproveRequest,
            StepId::OrderReadAccess,
            StepId::GuideUsers,
            StepId::CreateUsers,
            StepId::ActivateUnilogin,
        ]
    );

    let differing: Vec<StepId> = kommunal
        .steps
        .iter()
        .zip(&selvejet.steps)
        .filter(|(k, s)| k != s)
        .map(|(k, _)| k.id)
        .collect();
    assert_eq!(
        differing,
        [StepId::VendorSendsRequest, StepId::ApproveRequest]
    );

    // The request: same sender, same prerequisites and level; only the recipient (and the texts
    // and section naming it) differ.
    let (k, s) = (
        kommunal.step(StepId::VendorSendsRequest).unwrap(),
        selvejet.step(StepId::VendorSendsRequest).unwrap(),
    );
    assert_eq!((k.actor, s.actor), (Actor::Vendor, Actor::Vendor));
    assert_eq!(k.recipient, Some(Actor::Municipality));
    assert_eq!(s.recipient, Some(Actor::Daycare));
    assert_eq!(
        Step {
            recipient: k.recipient,
            title: k.title.clone(),
            explanation: k.explanation.clone(),
            source: k.source.clone(),
            ..s.clone()
        },
        *k
    );
    assert!(k.title.da.ends_with("til kommunen"));
    assert!(s.title.da.ends_with("til dagtilbuddet"));

    // The approval: only the actor (and the texts and section naming it) differ.
    let (k, s) = (
        kommunal.step(StepId::ApproveRequest).unwrap(),
        selvejet.step(StepId::ApproveRequest).unwrap(),
    );
    assert_eq!(k.actor, Actor::Municipality);
    assert_eq!(s.actor, Actor::Daycare);
    assert_eq!(
        Step {
            actor: k.actor,
            title: k.title.clone(),
            explanation: k.explanation.clone(),
            source: k.source.clone(),
            ..s.clone()
        },
        *k
    );
    assert!(k.title.da.contains("dagtilbudsansvarlige"));
    assert!(s.title.da.contains("medarbejder på dagtilbuddet"));

    // Steps 4 and 5 stay with the municipality in both.
    for p in [&kommunal, &selvejet] {
        for id in [StepId::OrderReadAccess, StepId::GuideUsers] {
            assert_eq!(p.step(id).unwrap().actor, Actor::Municipality);
        }
    }
}

#[test]
fn privat_has_the_guides_steps_in_order() {
    let privat = plan(LegalBasis::Privat);
    assert_eq!(
        privat.step_ids(),
        [
            StepId::InstitutionNumber,
            StepId::RequestInstitutionNumber,
            StepId::AdministrativeSystem,
            StepId::LanguageAssessmentAdvice,
            StepId::MitidErhvervKeyFile,
            StepId::TilslutningRight,
            StepId::DataProcessingAgreement,
            StepId::VendorSendsRequest,
            StepId::ApproveRequest,
            StepId::EnterUsers,
            StepId::CreateUsers,
            StepId::ActivateUnilogin,
        ]
    );
    let level = |id| privat.step(id).unwrap().requirement;
    assert_eq!(
        level(StepId::DataProcessingAgreement),
        Requirement::Recommended
    );
    assert_eq!(
        level(StepId::LanguageAssessmentAdvice),
        Requirement::Advisory
    );
    // Asking STIL for a number is needed only when the look-up finds none.
    assert_eq!(
        level(StepId::RequestInstitutionNumber),
        Requirement::Conditional
    );
    assert_eq!(
        privat
            .step(StepId::RequestInstitutionNumber)
            .unwrap()
            .prerequisites,
        [StepId::InstitutionNumber]
    );
    let optional: Vec<StepId> = privat
        .steps
        .iter()
        .filter(|s| s.requirement != Requirement::Mandatory)
        .map(|s| s.id)
        .collect();
    assert_eq!(
        optional,
        [
            StepId::RequestInstitutionNumber,
            StepId::LanguageAssessmentAdvice,
            StepId::DataProcessingAgreement
        ]
    );
    let actor = |id| privat.step(id).unwrap().actor;
    assert_eq!(actor(StepId::VendorSendsRequest), Actor::Vendor);
    assert_eq!(
        privat.step(StepId::VendorSendsRequest).unwrap().recipient,
        Some(Actor::Daycare)
    );
    assert_eq!(actor(StepId::ApproveRequest), Actor::Daycare);
    assert_eq!(actor(StepId::CreateUsers), Actor::Stil);
    assert_eq!(actor(StepId::ActivateUnilogin), Actor::EmployeeOrParent);
    assert_eq!(
        privat.step(StepId::ApproveRequest).unwrap().prerequisites,
        [
            StepId::TilslutningRight,
            StepId::DataProcessingAgreement,
            StepId::VendorSendsRequest
        ]
    );
    let right = privat.step(StepId::TilslutningRight).unwrap();
    assert!(right
        .title
        .en
        .contains("\"Tilslutning: Ret til at administrere aftaler på tilslutning.stil.dk\""));
    assert!(right
        .explanation
        .en
        .contains("NemLog-in user administrator"));
    assert!(privat
        .step(StepId::MitidErhvervKeyFile)
        .unwrap()
        .explanation
        .da
        .contains("nøglefil"));
}

/// Staff and parents of every daycare are created in Unilogin and activate it with MitID: every
/// plan ends with the same two steps.
#[test]
fn every_plan_ends_with_user_creation_and_activation() {
    let plans: Vec<Plan> = [
        LegalBasis::Kommunal,
        LegalBasis::Selvejet,
        LegalBasis::Privat,
    ]
    .into_iter()
    .map(plan)
    .collect();
    for p in &plans {
        let ids = p.step_ids();
        assert_eq!(
            ids[ids.len() - 2..],
            [StepId::CreateUsers, StepId::ActivateUnilogin],
            "{}",
            p.legal_basis
        );
        let create = p.step(StepId::CreateUsers).unwrap();
        assert_eq!(create.actor, Actor::Stil);
        assert!(create.prerequisites.contains(&StepId::ApproveRequest));
        let activate = p.step(StepId::ActivateUnilogin).unwrap();
        assert_eq!(activate.actor, Actor::EmployeeOrParent);
        assert_eq!(activate.prerequisites, [StepId::CreateUsers]);
        assert!(activate.title.en.contains("Employees and parents"));
        let first = plans[0].step(StepId::ActivateUnilogin).unwrap();
        assert_eq!(
            (&activate.title, &activate.explanation),
            (&first.title, &first.explanation)
        );
    }
    // The municipal approval step also says who may approve other agreements.
    for p in &plans[..2] {
        let approve = p.step(StepId::ApproveRequest).unwrap();
        assert!(approve
            .explanation
            .da
            .contains("dagtilbuddet eller en medarbejder fra kommunen"));
    }
}

#[test]
fn stk_4_has_no_journey() {
    for err in [
        Plan::for_legal_basis(LegalBasis::Udliciteret).unwrap_err(),
        Progress::new(LegalBasis::Udliciteret).unwrap_err(),
        Progress::replay(LegalBasis::Udliciteret, []).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorType::OnboardingNotCovered);
        assert_eq!(
            serde_json::to_value(err.ctx()).unwrap(),
            serde_json::json!({"label": "udliciteret", "stk": 4})
        );
        assert_eq!(
            err.message(Lang::Da),
            "STIL's vejledning beskriver ikke tilslutning for Udliciteret daginstitution \
             (dagtilbudslovens § 19, stk. 4)"
        );
        assert_eq!(
            err.message(Lang::En),
            "STIL's guide does not describe onboarding for Contracted-out daycare institution \
             (section 19(4) of the Day Care Act)"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Progress

/// Completes `steps` with their plan's actors, one hour apart from 3 March 2025 08:00.
fn progressed(basis: LegalBasis, steps: &[StepId]) -> Progress {
    let mut progress = Progress::new(basis).unwrap();
    for (i, &step) in steps.iter().enumerate() {
        let actor = progress.plan().step(step).unwrap().actor;
        let hour = u32::try_from(i).unwrap();
        progress
            .complete(step, actor, at(3, 8) + Duration::hours(i64::from(hour)))
            .unwrap();
    }
    progress
}

#[test]
fn open_prerequisites_are_named_in_both_languages() {
    let mut progress = progressed(LegalBasis::Privat, &[StepId::InstitutionNumber]);
    let err = progress
        .complete(StepId::ApproveRequest, Actor::Daycare, at(4, 9))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorType::OnboardingPrerequisitesOpen);
    // The recommended DPA is a prerequisite but never blocks, so it is not named.
    assert_eq!(
        err.message(Lang::Da),
        "Trinnet approve_request kræver først: tilslutning_right, vendor_sends_request"
    );
    assert_eq!(
        err.message(Lang::En),
        "Step approve_request first requires: tilslutning_right, vendor_sends_request"
    );
    assert_eq!(
        progress.open_prerequisites(StepId::ApproveRequest),
        [StepId::TilslutningRight, StepId::VendorSendsRequest]
    );
    assert_eq!(progress.completions().len(), 1);
}

#[test]
fn the_wrong_actor_is_refused() {
    let mut progress = progressed(
        LegalBasis::Kommunal,
        &[StepId::RegisterMasterData, StepId::VendorSendsRequest],
    );
    // A municipal daycare's own employee cannot approve: the municipality does.
    let err = progress
        .complete(StepId::ApproveRequest, Actor::Daycare, at(4, 9))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorType::OnboardingWrongActor);
    assert_eq!(
        serde_json::to_value(err.ctx()).unwrap(),
        serde_json::json!({
            "step": "approve_request", "expected": "municipality", "actual": "daycare"
        })
    );
    assert_eq!(
        err.message(Lang::Da),
        "Trinnet approve_request udføres af kommunen, ikke dagtilbuddet"
    );
    assert_eq!(
        err.message(Lang::En),
        "Step approve_request is done by the municipality, not the daycare"
    );
    // In a self-governing daycare it is the other way round.
    let mut selvejet = progressed(
        LegalBasis::Selvejet,
        &[StepId::RegisterMasterData, StepId::VendorSendsRequest],
    );
    assert_eq!(
        selvejet
            .complete(StepId::ApproveRequest, Actor::Municipality, at(4, 9))
            .unwrap_err()
            .kind(),
        ErrorType::OnboardingWrongActor
    );
    selvejet
        .complete(StepId::ApproveRequest, Actor::Daycare, at(4, 9))
        .unwrap();
}

#[test]
fn a_step_is_done_once() {
    let mut progress = progressed(LegalBasis::Privat, &[StepId::InstitutionNumber]);
    let err = progress
        .complete(StepId::InstitutionNumber, Actor::Daycare, at(4, 9))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorType::OnboardingStepDone);
    assert_eq!(
        err.message(Lang::Da),
        "Trinnet institution_number er allerede gennemført"
    );
    assert_eq!(progress.completions().len(), 1);
    assert_eq!(progress.completions()[0].at, at(3, 8));
}

#[test]
fn a_step_of_another_journey_is_unknown() {
    let mut progress = Progress::new(LegalBasis::Privat).unwrap();
    let err = progress
        .complete(StepId::OrderReadAccess, Actor::Municipality, at(3, 8))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorType::OnboardingUnknownStep);
    assert_eq!(
        serde_json::to_value(err.ctx()).unwrap(),
        serde_json::json!({"step": "order_read_access", "legal_basis": "privat"})
    );
    assert_eq!(
        err.message(Lang::Da),
        "Trinnet order_read_access findes ikke i forløbet for privat"
    );
}

/// "Look up your number" and "ask STIL for one" are two steps; the second is needed only when
/// the first finds nothing, and is passed over once the daycare goes on without it.
#[test]
fn the_request_for_an_institution_number_is_only_needed_when_the_look_up_finds_none() {
    let looked_up = progressed(LegalBasis::Privat, &[StepId::InstitutionNumber]);
    let daycare = ids(&looked_up.next_steps(Some(Actor::Daycare)));
    assert_eq!(
        daycare[..2],
        [
            StepId::RequestInstitutionNumber,
            StepId::AdministrativeSystem
        ]
    );
    // Found: the daycare goes on; the request is skipped, not outstanding, and not needed.
    let found = progressed(
        LegalBasis::Privat,
        &[StepId::InstitutionNumber, StepId::AdministrativeSystem],
    );
    assert!(!ids(&found.next_steps(None)).contains(&StepId::RequestInstitutionNumber));
    assert_eq!(
        found.summary().skipped_steps,
        [StepId::RequestInstitutionNumber]
    );
    // Not found: the daycare asks STIL first, and the step is done like any other.
    let asked = progressed(
        LegalBasis::Privat,
        &[
            StepId::InstitutionNumber,
            StepId::RequestInstitutionNumber,
            StepId::AdministrativeSystem,
        ],
    );
    let summary = asked.summary();
    assert_eq!(summary.skipped, 0);
    assert!(summary
        .done_steps
        .contains(&StepId::RequestInstitutionNumber));
    // Asking STIL needs the look-up first.
    let fresh = Progress::new(LegalBasis::Privat).unwrap();
    assert_eq!(
        fresh.open_prerequisites(StepId::RequestInstitutionNumber),
        [StepId::InstitutionNumber]
    );
}

#[test]
fn next_steps_per_actor() {
    let progress = Progress::new(LegalBasis::Privat).unwrap();
    assert_eq!(
        ids(&progress.next_steps(None)),
        [
            StepId::InstitutionNumber,
            StepId::LanguageAssessmentAdvice,
            StepId::MitidErhvervKeyFile
        ]
    );
    assert!(progress.next_steps(Some(Actor::Vendor)).is_empty());

    let progress = progressed(
        LegalBasis::Privat,
        &[StepId::InstitutionNumber, StepId::AdministrativeSystem],
    );
    assert_eq!(
        ids(&progress.next_steps(Some(Actor::Vendor))),
        [StepId::VendorSendsRequest]
    );
    assert_eq!(
        ids(&progress.next_steps(Some(Actor::Daycare))),
        [
            StepId::LanguageAssessmentAdvice,
            StepId::MitidErhvervKeyFile,
            StepId::DataProcessingAgreement,
            StepId::EnterUsers
        ]
    );
    assert!(progress.next_steps(Some(Actor::Stil)).is_empty());

    let kommunal = progressed(
        LegalBasis::Kommunal,
        &[
            StepId::RegisterMasterData,
            StepId::VendorSendsRequest,
            StepId::ApproveRequest,
        ],
    );
    assert_eq!(
        ids(&kommunal.next_steps(Some(Actor::Municipality))),
        [StepId::OrderReadAccess, StepId::GuideUsers]
    );
    assert!(kommunal.next_steps(Some(Actor::Vendor)).is_empty());
}

#[test]
fn summary_counts_and_lists() {
    let progress = progressed(
        LegalBasis::Privat,
        &[
            StepId::InstitutionNumber,
            StepId::AdministrativeSystem,
            StepId::MitidErhvervKeyFile,
        ],
    );
    let summary = progress.summary();
    assert_eq!(
        summary,
        Summary {
            done: 3,
            remaining: 5,
            blocked: 3,
            done_steps: vec![
                StepId::InstitutionNumber,
                StepId::AdministrativeSystem,
                StepId::MitidErhvervKeyFile
            ],
            remaining_steps: vec![
                StepId::LanguageAssessmentAdvice,
                StepId::TilslutningRight,
                StepId::DataProcessingAgreement,
                StepId::VendorSendsRequest,
                StepId::EnterUsers
            ],
            blocked_steps: vec![
                StepId::ApproveRequest,
                StepId::CreateUsers,
                StepId::ActivateUnilogin
            ],
            // The daycare went on to its administrative system: it found its number.
            skipped: 1,
            skipped_steps: vec![StepId::RequestInstitutionNumber],
            complete: false,
        }
    );
    let json = serde_json::to_value(&summary).unwrap();
    assert_eq!(json["done"], 3);
    assert_eq!(json["blocked_steps"][0], "approve_request");
    assert_eq!(serde_json::from_value::<Summary>(json).unwrap(), summary);

    let all = plan(LegalBasis::Kommunal).step_ids();
    let finished = progressed(LegalBasis::Kommunal, &all);
    let summary = finished.summary();
    assert_eq!(
        (summary.done, summary.remaining, summary.blocked),
        (7, 0, 0)
    );
    assert!(summary.complete && finished.is_complete());
}

#[test]
fn json_round_trip_and_replay_reproduce_the_state() {
    let progress = progressed(
        LegalBasis::Privat,
        &[
            StepId::InstitutionNumber,
            StepId::MitidErhvervKeyFile,
            StepId::AdministrativeSystem,
            StepId::VendorSendsRequest,
        ],
    );
    let text = serde_json::to_string(&progress).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["legal_basis"], "privat");
    assert_eq!(
        value["completions"][3],
        serde_json::json!({"step": "vendor_sends_request", "actor": "vendor", "at": "2025-03-03T11:00:00Z"})
    );
    assert_eq!(Progress::from_json(&text).unwrap(), progress);
    assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), progress);
    assert_eq!(
        Progress::replay(LegalBasis::Privat, progress.completions().to_vec()).unwrap(),
        progress
    );
}

#[test]
fn a_stored_document_that_breaks_the_plan_does_not_load() {
    let doc = |completions: &str| {
        format!(r#"{{"version": 1, "legal_basis": "selvejet", "completions": [{completions}]}}"#)
    };
    let first = r#"{"step": "register_master_data", "actor": "municipality", "at": "2025-03-03T08:00:00Z"}"#;
    for (completions, kind) in [
        (format!("{first}, {first}"), ErrorType::OnboardingStepDone),
        (
            r#"{"step": "vendor_sends_request", "actor": "vendor", "at": "2025-03-03T08:00:00Z"}"#
                .to_owned(),
            ErrorType::OnboardingPrerequisitesOpen,
        ),
        (
            r#"{"step": "enter_users", "actor": "daycare", "at": "2025-03-03T08:00:00Z"}"#
                .to_owned(),
            ErrorType::OnboardingUnknownStep,
        ),
        (
            r#"{"step": "no_such_step", "actor": "daycare", "at": "2025-03-03T08:00:00Z"}"#
                .to_owned(),
            ErrorType::OnboardingUnknownStep,
        ),
        (
            r#"{"step": "register_master_data", "actor": "vendor", "at": "2025-03-03T08:00:00Z"}"#
                .to_owned(),
            ErrorType::OnboardingWrongActor,
        ),
    ] {
        let err = Progress::from_json(&doc(&completions)).unwrap_err();
        assert_eq!(err.kind(), ErrorType::HistoryInvalid, "{completions}");
        let reason = err.ctx().get("reason").map(ToString::to_string);
        assert_eq!(reason.as_deref(), Some(kind.code()), "{completions}");
    }
    let err = Progress::from_json(&doc(&format!(
        r#"{first}, {{"step": "no_such_step", "actor": "daycare", "at": "2025-03-03T08:00:00Z"}}"#
    )))
    .unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "The history cannot be replayed: event 1 is invalid (onboarding_unknown_step)"
    );
}

#[test]
fn an_unknown_version_is_refused() {
    let err = Progress::from_json(r#"{"version": 2, "legal_basis": "privat", "completions": []}"#)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorType::UnsupportedVersion);
    assert_eq!(
        serde_json::to_value(err.ctx()).unwrap(),
        serde_json::json!({"version": 2, "supported": 1})
    );
    assert_eq!(
        err.message(Lang::Da),
        "Formatversion 2 understøttes ikke (højst 1)"
    );
    let err = Progress::from_json("{").unwrap_err();
    assert_eq!(err.kind(), ErrorType::JsonInvalid);
}

// ---------------------------------------------------------------------------------------------
// Mermaid

#[test]
fn mermaid_has_every_step_edge_and_actor_class() {
    for basis in LegalBasis::ACCEPTED {
        let plan = plan(basis);
        for lang in [Lang::Da, Lang::En] {
            let chart = plan.to_mermaid(lang);
            assert!(chart.starts_with("flowchart TD\n"));
            assert_eq!(chart, plan.to_mermaid(lang), "deterministic");
            for step in &plan.steps {
                let node = format!("    {}[\"", step.id);
                assert_eq!(chart.matches(&node).count(), 1, "{basis} {}", step.id);
                assert!(chart.contains(&format!("({})\"]\n", step.id)));
                for p in &step.prerequisites {
                    let solid = format!("    {p} --> {}\n", step.id);
                    let dashed = format!("    {p} -.-> {}\n", step.id);
                    assert!(
                        chart.contains(&solid) ^ chart.contains(&dashed),
                        "{basis}: edge {p} -> {}",
                        step.id
                    );
                }
            }
            let edges = chart
                .lines()
                .filter(|l| l.contains("-->") || l.contains("-.->"));
            let want: usize = plan.steps.iter().map(|s| s.prerequisites.len()).sum();
            assert_eq!(edges.count(), want);
            for actor in Actor::ALL {
                assert!(chart.contains(&format!("    classDef {actor} fill:#")));
            }
            for actor in Actor::ALL {
                let members: Vec<&str> = plan.steps_for(actor).map(|s| s.id.key()).collect();
                if !members.is_empty() {
                    assert!(chart.contains(&format!("    class {} {actor}\n", members.join(","))));
                }
            }
        }
    }
    let privat = plan(LegalBasis::Privat).to_mermaid(Lang::Da);
    assert!(privat.contains("    data_processing_agreement -.-> approve_request\n"));
    assert!(privat.contains("    vendor_sends_request --> approve_request\n"));
    assert!(privat.contains("Indgå en databehandleraftale med leverandøren [bør]"));
    assert!(privat.contains("[råd]<br/>(language_assessment_advice)"));
}

// ---------------------------------------------------------------------------------------------
// Properties

fn any_basis() -> impl Strategy<Value = LegalBasis> {
    prop::sample::select(LegalBasis::ACCEPTED.to_vec())
}

/// An attempt: a step (any id, also of other journeys), and either the step's own actor (`None`)
/// or any actor; plus minutes since the previous attempt.
fn attempts() -> impl Strategy<Value = Vec<(StepId, Option<Actor>, i64)>> {
    prop::collection::vec(
        (
            prop::sample::select(StepId::ALL.to_vec()),
            prop::option::weighted(0.3, prop::sample::select(Actor::ALL.to_vec())),
            0_i64..3_000,
        ),
        0..80,
    )
}

proptest! {
    #[test]
    fn random_completions_keep_the_plan_and_replay(basis in any_basis(), tries in attempts()) {
        let mut progress = Progress::new(basis).unwrap();
        let mut now = at(3, 8);
        for (step, actor, minutes) in tries {
            now += Duration::minutes(minutes);
            let actor = actor
                .or_else(|| progress.plan().step(step).map(|s| s.actor))
                .unwrap_or(Actor::Daycare);
            let before = progress.completions().len();
            let checked = progress.check(step, actor);
            let result = progress.complete(step, actor, now);
            prop_assert_eq!(checked.is_ok(), result.is_ok());
            prop_assert_eq!(progress.completions().len(), before + usize::from(result.is_ok()));
        }

        // No completion breaks the plan.
        let plan = progress.plan();
        for (i, c) in progress.completions().iter().enumerate() {
            let step = plan.step(c.step);
            prop_assert!(step.is_some());
            let step = step.unwrap();
            prop_assert_eq!(c.actor, step.actor);
            let earlier: Vec<StepId> = progress.completions()[..i].iter().map(|c| c.step).collect();
            prop_assert!(!earlier.contains(&c.step));
            for p in &step.prerequisites {
                if plan.step(*p).unwrap().requirement == Requirement::Mandatory {
                    prop_assert!(earlier.contains(p), "{} before {}", c.step, p);
                }
            }
        }

        // The summary partitions the plan.
        let s = progress.summary();
        prop_assert_eq!(s.done + s.remaining + s.blocked + s.skipped, plan.steps.len());
        prop_assert_eq!(s.done, progress.completions().len());
        prop_assert_eq!(s.remaining_steps, ids(&progress.next_steps(None)));

        // Replay and the JSON form reproduce the state.
        let replayed = Progress::replay(basis, progress.completions().to_vec()).unwrap();
        prop_assert_eq!(&replayed, &progress);
        let text = serde_json::to_string(&progress).unwrap();
        prop_assert_eq!(Progress::from_json(&text).unwrap(), progress);
    }

    #[test]
    fn replaying_any_completions_never_panics(
        basis in prop::sample::select(LegalBasis::ALL.to_vec()),
        tries in attempts(),
    ) {
        let completions: Vec<Completion> = tries
            .into_iter()
            .map(|(step, actor, minutes)| Completion {
                step,
                actor: actor.unwrap_or(Actor::Vendor),
                at: at(3, 8) + Duration::minutes(minutes),
            })
            .collect();
        if let Ok(progress) = Progress::replay(basis, completions.clone()) {
            prop_assert_eq!(progress.completions(), &completions[..]);
        }
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = Progress::from_json(&text);
    }
}

// ---------------------------------------------------------------------------------------------
// Golden files

fn vectors() -> PathBuf {
    root().join("tests/vectors/onboarding")
}

fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

#[test]
fn plan_files_equal_todays_plans() {
    for basis in LegalBasis::ACCEPTED {
        let plan = plan(basis);
        let path = vectors().join(format!("{}.json", basis.key()));
        if blessing() {
            std::fs::create_dir_all(vectors()).unwrap();
            std::fs::write(&path, pretty(&plan)).unwrap();
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UNILOGIN_BLESS=1", path.display()));
        let stored: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            stored,
            serde_json::to_value(&plan).unwrap(),
            "{} differs from today's plan; review, then run with UNILOGIN_BLESS=1",
            path.display()
        );
        assert_eq!(serde_json::from_str::<Plan>(&text).unwrap(), plan);
    }
}

/// The progress stored in `progress-privat-v1.json`: a private daycare halfway, with the
/// recommended DPA done and the advisory step left open.
fn golden_progress() -> Progress {
    let mut p = Progress::new(LegalBasis::Privat).unwrap();
    for (step, actor, day, hour) in [
        (StepId::InstitutionNumber, Actor::Daycare, 3, 9),
        (StepId::MitidErhvervKeyFile, Actor::Daycare, 3, 10),
        (StepId::AdministrativeSystem, Actor::Daycare, 5, 13),
        (StepId::TilslutningRight, Actor::Daycare, 6, 8),
        (StepId::DataProcessingAgreement, Actor::Daycare, 7, 11),
        (StepId::VendorSendsRequest, Actor::Vendor, 10, 14),
        (StepId::ApproveRequest, Actor::Daycare, 11, 9),
        (StepId::EnterUsers, Actor::Daycare, 11, 15),
    ] {
        p.complete(step, actor, at(day, hour)).unwrap();
    }
    p
}

#[test]
fn the_version_1_progress_file_still_loads() {
    let path = vectors().join("progress-privat-v1.json");
    if !path.exists() && blessing() {
        // Written once; never rewritten, so that it keeps guarding backward compatibility.
        std::fs::create_dir_all(vectors()).unwrap();
        std::fs::write(&path, pretty(&golden_progress())).unwrap();
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UNILOGIN_BLESS=1", path.display()));
    let loaded = Progress::from_json(&text).unwrap();
    assert_eq!(loaded, golden_progress());
    assert_eq!(
        serde_json::to_value(&loaded).unwrap(),
        serde_json::from_str::<Value>(&text).unwrap()
    );
    assert_eq!(
        ids(&loaded.next_steps(Some(Actor::Stil))),
        [StepId::CreateUsers]
    );
}

// ---------------------------------------------------------------------------------------------
// Shared vectors: tests/vectors/onboarding/scenarios.json

/// Checks an actual result against an expected `{ok}` or `{error: {type, ctx?, msg?}}`.
fn check_outcome(label: &str, actual: Result<(), unilogin::FieldError>, expected: &Value) {
    match (actual, expected.get("error")) {
        (Ok(()), None) => assert_eq!(expected["ok"], true, "{label}: expectation"),
        (Ok(()), Some(e)) => panic!("{label}: succeeded, expected {e}"),
        (Err(err), None) => panic!("{label}: {err} [{}]", err.kind()),
        (Err(err), Some(e)) => {
            assert_eq!(err.kind().code(), e["type"], "{label}: type");
            if let Some(ctx) = e.get("ctx") {
                assert_eq!(
                    &serde_json::to_value(err.ctx()).unwrap(),
                    ctx,
                    "{label}: ctx"
                );
            }
            if let Some(msg) = e.get("msg") {
                assert_eq!(err.message(Lang::Da), msg["da"], "{label}: msg da");
                assert_eq!(err.message(Lang::En), msg["en"], "{label}: msg en");
            }
        }
    }
}

fn step_ids(value: &Value) -> Vec<StepId> {
    serde_json::from_value(value.clone()).unwrap()
}

#[test]
fn shared_scenarios() {
    let path = vectors().join("scenarios.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(doc["version"], 1);
    for scenario in doc["scenarios"].as_array().unwrap() {
        let name = scenario["name"].as_str().unwrap();
        let basis: LegalBasis = serde_json::from_value(scenario["legal_basis"].clone()).unwrap();
        let mut progress = match Progress::new(basis) {
            Ok(p) => p,
            Err(err) => {
                check_outcome(name, Err(err), &scenario["expect"]);
                continue;
            }
        };
        assert!(
            scenario.get("expect").is_none(),
            "{name}: expected an error"
        );
        for (i, step) in scenario["steps"].as_array().unwrap().iter().enumerate() {
            let label = format!("{name} #{i}");
            let expect = &step["expect"];
            match step["op"].as_str().unwrap() {
                "complete" => {
                    let before = progress.clone();
                    let result = progress.complete(
                        serde_json::from_value(step["step"].clone()).unwrap(),
                        serde_json::from_value(step["actor"].clone()).unwrap(),
                        serde_json::from_value(step["at"].clone()).unwrap(),
                    );
                    if result.is_err() {
                        assert_eq!(progress, before, "{label}: recorded despite the error");
                    }
                    check_outcome(&label, result, expect);
                }
                "next_steps" => {
                    let actor: Option<Actor> =
                        serde_json::from_value(step["actor"].clone()).unwrap();
                    assert_eq!(
                        ids(&progress.next_steps(actor)),
                        step_ids(expect),
                        "{label}"
                    );
                }
                "summary" => {
                    assert_eq!(
                        &serde_json::to_value(progress.summary()).unwrap(),
                        expect,
                        "{label}"
                    );
                }
                "document" => {
                    assert_eq!(&serde_json::to_value(&progress).unwrap(), expect, "{label}");
                }
                op => panic!("{label}: unknown op {op}"),
            }
        }
        let replayed = Progress::replay(basis, progress.completions().to_vec()).unwrap();
        assert_eq!(replayed, progress, "{name}: replay");
    }
    for case in doc["loading"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let text = match case.get("text") {
            Some(text) => text.as_str().unwrap().to_owned(),
            None => case["document"].to_string(),
        };
        let loaded = Progress::from_json(&text);
        if let Ok(progress) = &loaded {
            assert_eq!(
                &serde_json::to_value(progress).unwrap(),
                &case["document"],
                "{name}"
            );
        }
        check_outcome(name, loaded.map(|_| ()), &case["expect"]);
    }
}

// ---------------------------------------------------------------------------------------------
// docs/onboarding.md

fn start_marker(basis: LegalBasis) -> String {
    format!("<!-- onboarding:{}:start -->", basis.key())
}

fn end_marker(basis: LegalBasis) -> String {
    format!("<!-- onboarding:{}:end -->", basis.key())
}

fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The generated part of a journey's section: its diagram (English) and its table of steps.
fn expected_section(plan: &Plan) -> String {
    // The public source of the plan's steps, as its id in docs/sources.md.
    let source = if plan.legal_basis == LegalBasis::Privat {
        "S-private"
    } else {
        "S-guide"
    };
    let mut out = format!("```mermaid\n{}```\n\n", plan.to_mermaid(Lang::En));
    out.push_str("| # | step | title (en) | titel (da) | actor | level | after | source |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for (i, step) in plan.steps.iter().enumerate() {
        let after = if step.prerequisites.is_empty() {
            "—".to_owned()
        } else {
            step.prerequisites
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let actor = match step.recipient {
            Some(to) => format!("`{}` → `{to}`", step.actor),
            None => format!("`{}`", step.actor),
        };
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {} | [{source}](sources.md#{}), {} (H) |",
            i + 1,
            step.id,
            escape_cell(&step.title.en),
            escape_cell(&step.title.da),
            actor,
            step.requirement.label(Lang::En),
            after,
            source.to_lowercase(),
            escape_cell(&step.source),
        );
    }
    out
}

#[test]
fn docs_show_the_generated_diagrams_and_tables() {
    let path = root().join("docs/onboarding.md");
    let mut doc = std::fs::read_to_string(&path).unwrap();
    for basis in LegalBasis::ACCEPTED {
        let plan = plan(basis);
        let (start, end) = (start_marker(basis), end_marker(basis));
        let (head, rest) = doc.split_once(&start).expect("start marker");
        let (body, tail) = rest.split_once(&end).expect("end marker");
        let want = expected_section(&plan);
        if blessing() {
            doc = format!("{head}{start}\n{want}{end}{tail}");
            continue;
        }
        // The diagram in the doc is exactly today's English output.
        let diagram = body
            .split_once("```mermaid\n")
            .and_then(|(_, d)| d.split_once("```"))
            .map(|(d, _)| d)
            .expect("a mermaid block");
        assert_eq!(
            diagram,
            plan.to_mermaid(Lang::En),
            "docs/onboarding.md: the {basis} diagram is stale; run with UNILOGIN_BLESS=1"
        );
        assert_eq!(
            body.trim(),
            want.trim(),
            "docs/onboarding.md: the {basis} section is stale; run with UNILOGIN_BLESS=1"
        );
    }
    if blessing() {
        std::fs::write(&path, doc).unwrap();
    }
}
