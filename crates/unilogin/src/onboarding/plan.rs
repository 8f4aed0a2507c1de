//! The onboarding plans of STIL's guide "Tilslutning til Unilogin", one per legal basis.

use serde::{Deserialize, Serialize};

use super::{Actor, Localized, Requirement, StepId};
use crate::{Ctx, ErrorType, FieldError, LegalBasis};

/// Where the plans of municipal and self-governing daycares come from (docs/sources.md, S-guide).
const SOURCE_MUNICIPAL: &str = "STIL, \"Unilogin | For daginstitutioner\", \"Tilslutning til \
     Unilogin\", https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner \
     (confidence H)";
/// Where the plan of private daycares comes from (docs/sources.md, S-private).
const SOURCE_PRIVATE: &str = "STIL, \"Unilogin | For daginstitutioner\", \"Privat \
     daginstitution\", https://viden.stil.dk/pages/viewpage.action?pageId=135200876 (confidence H)";

/// One step of an onboarding journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The stable id.
    pub id: StepId,
    /// Who carries the step out (and who may record it as done).
    pub actor: Actor,
    /// Who receives what the step sends, for steps that send something to another party (the
    /// vendor's data-access request); `null` otherwise.
    pub recipient: Option<Actor>,
    /// How binding the step is.
    pub requirement: Requirement,
    /// The steps that come first, in plan order. Only mandatory ones block this step.
    pub prerequisites: Vec<StepId>,
    /// A short title.
    pub title: Localized,
    /// What the step involves, in the guide's terms.
    pub explanation: Localized,
    /// The section of STIL's guide the step comes from (in Danish, as the guide names it).
    pub source: String,
}

impl Step {
    fn new(id: StepId, actor: Actor, title: (&str, &str), explanation: (&str, &str)) -> Self {
        Self {
            id,
            actor,
            recipient: None,
            requirement: Requirement::Mandatory,
            prerequisites: Vec::new(),
            title: Localized::new(title.0, title.1),
            explanation: Localized::new(explanation.0, explanation.1),
            source: String::new(),
        }
    }

    fn after(mut self, prerequisites: &[StepId]) -> Self {
        self.prerequisites = prerequisites.to_vec();
        self
    }

    fn to(mut self, recipient: Actor) -> Self {
        self.recipient = Some(recipient);
        self
    }

    fn level(mut self, requirement: Requirement) -> Self {
        self.requirement = requirement;
        self
    }

    fn cited(mut self, section: &str) -> Self {
        section.clone_into(&mut self.source);
        self
    }
}

/// The onboarding journey of one legal basis: its steps in the guide's order.
///
/// In the plans [`Plan::for_legal_basis`] gives, every prerequisite of a step comes earlier in
/// [`Plan::steps`], so a plan has no cycles.
/// Plans are plain data: serialise them to JSON, draw them with [`Plan::to_mermaid`], or read
/// them step by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The legal basis the journey is for.
    pub legal_basis: LegalBasis,
    /// Where the journey comes from.
    pub source: String,
    /// The steps, in the guide's order.
    pub steps: Vec<Step>,
}

impl Plan {
    /// The journey STIL's guide describes for `legal_basis`.
    ///
    /// ```
    /// use unilogin::onboarding::{Actor, Plan, StepId};
    /// use unilogin::{Lang, LegalBasis};
    ///
    /// let selvejet = Plan::for_legal_basis(LegalBasis::Selvejet)?;
    /// let approve = selvejet.step(StepId::ApproveRequest).unwrap();
    /// assert_eq!(approve.actor, Actor::Daycare);
    ///
    /// let err = Plan::for_legal_basis(LegalBasis::Udliciteret).unwrap_err();
    /// assert_eq!(err.kind().code(), "onboarding_not_covered");
    /// assert_eq!(
    ///     err.message(Lang::Da),
    ///     "STIL's vejledning beskriver ikke tilslutning for Udliciteret daginstitution \
    ///      (dagtilbudslovens § 19, stk. 4)"
    /// );
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::OnboardingNotCovered`] for § 19, stk. 4 (udliciteret), which the guide does
    /// not cover; `ctx`: `label` (the Danish label) and `stk`.
    pub fn for_legal_basis(legal_basis: LegalBasis) -> Result<Self, FieldError> {
        let steps = match legal_basis {
            LegalBasis::Kommunal | LegalBasis::Selvejet => municipal_steps(legal_basis),
            LegalBasis::Privat => private_steps(),
            LegalBasis::Udliciteret => {
                return Err(FieldError::with_ctx(
                    ErrorType::OnboardingNotCovered,
                    Ctx::new()
                        .with("label", legal_basis.term())
                        .with("stk", i64::from(legal_basis.stk())),
                ))
            }
        };
        Ok(Self {
            legal_basis,
            source: if legal_basis == LegalBasis::Privat {
                SOURCE_PRIVATE
            } else {
                SOURCE_MUNICIPAL
            }
            .to_owned(),
            steps,
        })
    }

    /// The step with this id, if the plan has it.
    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Whether the plan has a step with this id.
    pub fn contains(&self, id: StepId) -> bool {
        self.step(id).is_some()
    }

    /// The step ids, in plan order.
    pub fn step_ids(&self) -> Vec<StepId> {
        self.steps.iter().map(|s| s.id).collect()
    }

    /// The steps `actor` carries out, in plan order.
    pub fn steps_for(&self, actor: Actor) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(move |s| s.actor == actor)
    }
}

/// Kommunal (stk. 2) and selvejet (stk. 3): the guide's five steps, differing only in who
/// receives the vendor's request and who approves it, then the user creation and activation every
/// daycare's staff and parents go through.
#[allow(
    clippy::too_many_lines,
    reason = "one literal list of steps reads best whole"
)]
fn municipal_steps(legal_basis: LegalBasis) -> Vec<Step> {
    let selvejet = legal_basis == LegalBasis::Selvejet;
    // Steps 2 and 3 cite their own section; steps 1, 4 and 5 read the same in both sections.
    let own = |n: u8| {
        if selvejet {
            format!("Selvejet daginstitution, punkt {n}")
        } else {
            format!("Kommunal daginstitution, punkt {n}")
        }
    };
    let both = |n: u8| format!("Kommunal daginstitution og Selvejet daginstitution, punkt {n}");

    let send = if selvejet {
        Step::new(
            StepId::VendorSendsRequest,
            Actor::Vendor,
            (
                "Leverandøren sender en anmodning om dataadgang til dagtilbuddet",
                "The vendor sends a data-access request to the daycare",
            ),
            (
                "Leverandøren af kommunens pladsanvisningssystem og Aula sender en anmodning om \
                 dataadgang (dataanmodning) til dagtilbuddet via tilslutning.stil.dk.",
                "The vendor of the municipality's placement system (pladsanvisningssystem) and of \
                 Aula sends a data-access request to the daycare via tilslutning.stil.dk.",
            ),
        )
        .to(Actor::Daycare)
    } else {
        Step::new(
            StepId::VendorSendsRequest,
            Actor::Vendor,
            (
                "Leverandøren sender en anmodning om dataadgang til kommunen",
                "The vendor sends a data-access request to the municipality",
            ),
            (
                "Leverandøren af kommunens pladsanvisningssystem og Aula sender en anmodning om \
                 dataadgang (dataanmodning) til kommunen via tilslutning.stil.dk.",
                "The vendor of the municipality's placement system (pladsanvisningssystem) and of \
                 Aula sends a data-access request to the municipality via tilslutning.stil.dk.",
            ),
        )
        .to(Actor::Municipality)
    };

    let approve = if selvejet {
        Step::new(
            StepId::ApproveRequest,
            Actor::Daycare,
            (
                "En medarbejder på dagtilbuddet godkender anmodningen",
                "An employee of the daycare approves the request",
            ),
            (
                "En medarbejder på dagtilbuddet logger på tilslutning.stil.dk og godkender \
                 dataanmodningerne. En godkendt dataadgang tillader leverandøren at sende eller \
                 hente brugernes data, så medarbejdere og forældre bliver oprettet og får tildelt \
                 et Unilogin. Andre aftaler om dataadgang, f.eks. til digitale læremidler, kan \
                 godkendes af dagtilbuddet eller en medarbejder fra kommunen.",
                "An employee of the daycare logs in to tilslutning.stil.dk and approves the \
                 data-access requests. An approved data access lets the vendor send or fetch the \
                 users' data, so employees and parents are created and get a Unilogin. Other \
                 data-access agreements, e.g. for digital learning materials, can be approved by \
                 the daycare or by an employee of the municipality.",
            ),
        )
    } else {
        Step::new(
            StepId::ApproveRequest,
            Actor::Municipality,
            (
                "Kommunens dagtilbudsansvarlige godkender anmodningen",
                "The municipality's person responsible for daycare approves the request",
            ),
            (
                "Kommunens dagtilbudsansvarlige logger på tilslutning.stil.dk og godkender \
                 dataanmodningerne. En godkendt dataadgang tillader leverandøren at sende eller \
                 hente brugernes data, så medarbejdere og forældre bliver oprettet og får tildelt \
                 et Unilogin. Andre aftaler om dataadgang, f.eks. til digitale læremidler, kan \
                 godkendes af dagtilbuddet eller en medarbejder fra kommunen.",
                "The municipality's person responsible for daycare (dagtilbudsansvarlig) logs in \
                 to tilslutning.stil.dk and approves the data-access requests. An approved data \
                 access lets the vendor send or fetch the users' data, so employees and parents \
                 are created and get a Unilogin. Other data-access agreements, e.g. for digital \
                 learning materials, can be approved by the daycare or by an employee of the \
                 municipality.",
            ),
        )
    };

    vec![
        Step::new(
            StepId::RegisterMasterData,
            Actor::Municipality,
            (
                "Registrér stamdata i pladsanvisningssystemet",
                "Register master data in the placement system",
            ),
            (
                "Kommunen sørger for, at alle stamdata og personoplysninger er korrekt registreret \
                 i kommunens pladsanvisningssystem.",
                "The municipality makes sure all master data and personal data are registered \
                 correctly in its placement system (pladsanvisningssystem).",
            ),
        )
        .cited(&both(1)),
        send.after(&[StepId::RegisterMasterData])
            .cited(&own(2)),
        approve
            .after(&[StepId::VendorSendsRequest])
            .cited(&own(3)),
        Step::new(
            StepId::OrderReadAccess,
            Actor::Municipality,
            (
                "Bestil læseadgang til Unilogin brugeradministration",
                "Order read access to Unilogin user administration",
            ),
            (
                "Kommunens dagtilbudsansvarlige bestiller læseadgang til Unilogin \
                 brugeradministration via formularen 'Bestilling af læseadgang til Unilogin \
                 brugeradministration'.",
                "The municipality's person responsible for daycare orders read access to Unilogin \
                 user administration with the form 'Bestilling af læseadgang til Unilogin \
                 brugeradministration'.",
            ),
        )
        .after(&[StepId::ApproveRequest])
        .cited(&both(4)),
        Step::new(
            StepId::GuideUsers,
            Actor::Municipality,
            (
                "Vejled medarbejdere og forældre i at tage Unilogin i brug",
                "Guide employees and parents in taking Unilogin into use",
            ),
            (
                "Kommunens dagtilbudsansvarlige er ansvarlig for at vejlede medarbejdere og \
                 forældre i ibrugtagning af Unilogin.",
                "The municipality's person responsible for daycare is responsible for guiding \
                 employees and parents in taking Unilogin into use.",
            ),
        )
        .after(&[StepId::ApproveRequest])
        .cited(&both(5)),
        create_users(
            (
                "De brugerdata om medarbejdere og forældre, kommunens pladsanvisningssystem \
                 sender, overføres til Unilogin, og der oprettes et Unilogin til hver af dem.",
                "The user data on employees and parents that the municipality's placement system \
                 sends is transferred to Unilogin, and a Unilogin is created for each of them.",
            ),
            "Kommunal daginstitution og Selvejet daginstitution, punkt 3 (brugerdata på \
             medarbejdere og forældre)",
        )
        .after(&[StepId::ApproveRequest]),
        activate_unilogin("Få dit Unilogin brugernavn som medarbejder: Aktiver dit Unilogin og få \
             dit brugernavn; Lav din adgangskode"),
    ]
}

/// The step where the user data reaches Unilogin and the users are created (STIL runs it).
fn create_users(explanation: (&str, &str), section: &str) -> Step {
    Step::new(
        StepId::CreateUsers,
        Actor::Stil,
        (
            "Brugerdata overføres, og Unilogin opretter brugerne",
            "User data is transferred and Unilogin creates the users",
        ),
        explanation,
    )
    .cited(section)
}

/// The last step of every plan: employees and parents activate their Unilogin with MitID and
/// create their first password.
fn activate_unilogin(section: &str) -> Step {
    Step::new(
        StepId::ActivateUnilogin,
        Actor::EmployeeOrParent,
        (
            "Medarbejdere og forældre aktiverer deres Unilogin med MitID",
            "Employees and parents activate their Unilogin with MitID",
        ),
        (
            "Ca. et døgn efter oprettelsen kan medarbejdere og forældre bruge deres Unilogin. \
             Første gang vælger de 'Få mit eller mit barns brugernavn' ved et Unilogin-login, \
             logger ind med MitID og får deres brugernavn; ved første login laver de deres \
             adgangskode med MitID. Forældre finder hjælp i STIL's vejledning for forældre og \
             elever.",
            "About a day after creation, employees and parents can use their Unilogin. The \
             first time, they choose 'Få mit eller mit barns brugernavn' at a Unilogin login, \
             log in with MitID and get their username; at their first login they create their \
             password with MitID. Parents find help in STIL's guide for parents and pupils.",
        ),
    )
    .after(&[StepId::CreateUsers])
    .cited(section)
}

/// Privat (stk. 5): the institution owns the tasks; twelve steps (the guide's nine, with the
/// institution number split into the look-up and the request to STIL that only a failed look-up
/// needs, and the request and the user transfer split where two actors act).
#[allow(
    clippy::too_many_lines,
    reason = "one literal list of steps reads best whole"
)]
fn private_steps() -> Vec<Step> {
    vec![
        Step::new(
            StepId::InstitutionNumber,
            Actor::Daycare,
            (
                "Slå institutionsnummeret op i Dagtilbudsregisteret",
                "Look up the institution number in Dagtilbudsregisteret",
            ),
            (
                "Institutionen skal være registreret i Dagtilbudsregisteret med et \
                 institutionsnummer. Slå først op på dagtilbudsregister.stil.dk: det er G-nummeret \
                 for anvisningsenheden eller den alternative adresse, der bruges til Unilogin og \
                 Tilslutning. Er I allerede oprettet, springer I det næste trin over.",
                "The institution must be registered in Dagtilbudsregisteret with an institution \
                 number. Look it up first on dagtilbudsregister.stil.dk: the G-number of the \
                 placement unit (anvisningsenhed) or alternative address is the one used for \
                 Unilogin and Tilslutning. If you are registered already, skip the next step.",
            ),
        )
        .cited("Privat daginstitution: Registrering i Dagtilbudsregisteret"),
        Step::new(
            StepId::RequestInstitutionNumber,
            Actor::Daycare,
            (
                "Anmod STIL om et institutionsnummer, hvis opslaget ikke finder et",
                "Ask STIL for an institution number if the look-up finds none",
            ),
            (
                "Kun hvis opslaget ikke finder et institutionsnummer: anmod STIL om et via den \
                 skriftlige kontaktformular; alle oplysninger er obligatoriske (CVR- og P-nummer, \
                 adresse, kommune, institutionens navn, e-mail, telefon, lovgrundlag og \
                 institutionstype).",
                "Only if the look-up finds no institution number: ask STIL for one through the \
                 written contact form; every field is mandatory (CVR and P-number, address, \
                 municipality, institution name, email, phone, legal basis and institution \
                 type).",
            ),
        )
        .level(Requirement::Conditional)
        .after(&[StepId::InstitutionNumber])
        .cited("Privat daginstitution: Tildeling af institutionsnummer"),
        Step::new(
            StepId::AdministrativeSystem,
            Actor::Daycare,
            (
                "Skaf et administrativt system",
                "Obtain an administrative system",
            ),
            (
                "Brugere, der skal have et Unilogin, registreres i et administrativt system, der \
                 kan sende brugerdata til Unilogin. Dagtilbuddet skal selv skaffe adgang til et \
                 sådant system, enten via sin kommunale forvaltning eller hos en privat udbyder.",
                "Users who are to get a Unilogin are registered in an administrative system that \
                 can send user data to Unilogin. The daycare itself must obtain access to such a \
                 system, either through its municipal administration or from a private vendor.",
            ),
        )
        .after(&[StepId::InstitutionNumber, StepId::RequestInstitutionNumber])
        .cited("Privat daginstitution: Etablering af administrationssystem"),
        Step::new(
            StepId::LanguageAssessmentAdvice,
            Actor::Daycare,
            (
                "Afklar it-understøttelse af sprogvurdering",
                "Clarify IT support for language assessment",
            ),
            (
                "Hvis kommunen har pålagt jer at foretage sprogvurderinger, anbefaler STIL at \
                 kontakte brancheorganisationen eller drøfte med kommunen, om kommunen er \
                 forpligtet til at understøtte med relevante it-systemer. Et råd, ikke et krav.",
                "If the municipality has delegated language assessments (sprogvurdering) to you, \
                 STIL advises contacting your trade organisation or discussing with the \
                 municipality whether it must support them with suitable IT systems. Advice, not \
                 a requirement.",
            ),
        )
        .level(Requirement::Advisory)
        .cited("Privat daginstitution: Hvis I skal foretage sprogvurdering"),
        Step::new(
            StepId::MitidErhvervKeyFile,
            Actor::Daycare,
            (
                "Skaf MitID Erhverv med nøglefil",
                "Get MitID Erhverv with a key file",
            ),
            (
                "Den medarbejder, der har ansvaret for adgangen til STIL's systemer, skal have \
                 MitID Erhverv med nøglefil; det er et krav for at få NemLog-in-rettigheder. Har \
                 medarbejderen det ikke, skal det bestilles (hjælp fås hos Erhvervsstyrelsens \
                 support).",
                "The employee responsible for access to STIL's systems needs MitID Erhverv with a \
                 key file (nøglefil); it is required for NemLog-in rights. If the employee does \
                 not have it, it must be ordered (help: the Danish Business Authority's support).",
            ),
        )
        .cited("Privat daginstitution: Opret MitID Erhverv (NemLog-in)"),
        Step::new(
            StepId::TilslutningRight,
            Actor::Daycare,
            (
                "Tildel rettigheden \"Tilslutning: Ret til at administrere aftaler på \
                 tilslutning.stil.dk\"",
                "Grant the right \"Tilslutning: Ret til at administrere aftaler på \
                 tilslutning.stil.dk\"",
            ),
            (
                "Organisationens brugeradministrator i NemLog-in (ikke en brugeradministrator i \
                 Unilogin) tildeler medarbejderen rettigheden via brugeradministration.nemlog-in.dk. \
                 Først da kan medarbejderen logge på tilslutning.stil.dk og godkende \
                 leverandørens anmodning.",
                "The organisation's NemLog-in user administrator (not a Unilogin user \
                 administrator) grants the employee this right in \
                 brugeradministration.nemlog-in.dk. Only then can the employee log in to \
                 tilslutning.stil.dk and approve the vendor's request.",
            ),
        )
        .after(&[StepId::MitidErhvervKeyFile])
        .cited("Privat daginstitution: Institutionens adgang til Tilslutning.stil.dk"),
        Step::new(
            StepId::DataProcessingAgreement,
            Actor::Daycare,
            (
                "Indgå en databehandleraftale med leverandøren",
                "Make a data processing agreement with the vendor",
            ),
            (
                "Der bør være indgået en databehandleraftale mellem institution og leverandør, før \
                 dataaftalen godkendes. Den indgås udelukkende mellem leverandør og institution; \
                 STIL er ikke part i den.",
                "A data processing agreement (databehandleraftale) between institution and vendor \
                 should be in place before the data-access agreement is approved. It is made \
                 between vendor and institution only; STIL is not a party to it.",
            ),
        )
        .level(Requirement::Recommended)
        .after(&[StepId::AdministrativeSystem])
        .cited("Privat daginstitution: Godkendelse af dataaftale i Tilslutning.stil.dk (bemærk)"),
        Step::new(
            StepId::VendorSendsRequest,
            Actor::Vendor,
            (
                "Leverandøren sender en anmodning om dataadgang til dagtilbuddet",
                "The vendor sends a data-access request to the daycare",
            ),
            (
                "Leverandøren af det administrative system, I har indgået aftale med, sender jer en \
                 anmodning om dataadgang via tilslutning.stil.dk.",
                "The vendor of the administrative system you have an agreement with sends you a \
                 data-access request via tilslutning.stil.dk.",
            ),
        )
        .to(Actor::Daycare)
        .after(&[StepId::AdministrativeSystem])
        .cited("Privat daginstitution: Godkendelse af dataaftale mellem institution og leverandør"),
        Step::new(
            StepId::ApproveRequest,
            Actor::Daycare,
            (
                "En medarbejder på dagtilbuddet godkender anmodningen",
                "An employee of the daycare approves the request",
            ),
            (
                "Medarbejderen med rettigheden logger på tilslutning.stil.dk og godkender \
                 leverandørens anmodning om dataadgang. Som dataejere godkender I leverandøren, \
                 fordi den skal behandle og sende brugerdata på jeres vegne.",
                "The employee holding the right logs in to tilslutning.stil.dk and approves the \
                 vendor's data-access request. As data owners you approve the vendor, because it \
                 processes and sends user data on your behalf.",
            ),
        )
        .after(&[
            StepId::TilslutningRight,
            StepId::DataProcessingAgreement,
            StepId::VendorSendsRequest,
        ])
        .cited("Privat daginstitution: Godkendelse af dataaftale i Tilslutning.stil.dk"),
        Step::new(
            StepId::EnterUsers,
            Actor::Daycare,
            (
                "Indtast brugerne i det administrative system",
                "Enter the users in the administrative system",
            ),
            (
                "Når I har adgang til brugeradministrationssystemet, indtaster I institutionens \
                 brugere heri. Support til systemet fås hos leverandøren.",
                "Once you have access to the user administration system, enter the institution's \
                 users there. Support for the system comes from its vendor.",
            ),
        )
        .after(&[StepId::AdministrativeSystem])
        .cited("Privat daginstitution: Administration af institutionens brugere"),
        create_users(
            (
                "De indtastede brugerdata overføres fra det administrative system til Unilogin, \
                 typisk en gang i døgnet, og der oprettes et Unilogin til hver af institutionens \
                 brugere.",
                "The entered user data is transferred from the administrative system to \
                 Unilogin, typically once a day, and a Unilogin is created for each of the \
                 institution's users.",
            ),
            "Privat daginstitution: Administration af institutionens brugere",
        )
        .after(&[StepId::ApproveRequest, StepId::EnterUsers]),
        activate_unilogin("Privat daginstitution: Brugernes Unilogin brugernavn og adgangskode"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn plans() -> Vec<Plan> {
        LegalBasis::ACCEPTED
            .into_iter()
            .map(|b| Plan::for_legal_basis(b).unwrap())
            .collect()
    }

    #[test]
    fn ids_are_unique_and_prerequisites_come_earlier() {
        for plan in plans() {
            let mut seen = Vec::new();
            for step in &plan.steps {
                assert!(
                    !seen.contains(&step.id),
                    "{}: duplicate {}",
                    plan.legal_basis,
                    step.id
                );
                for p in &step.prerequisites {
                    assert!(
                        seen.contains(p),
                        "{}: {} before {p}",
                        plan.legal_basis,
                        step.id
                    );
                }
                seen.push(step.id);
            }
        }
    }

    #[test]
    fn every_step_has_texts_and_a_source() {
        for plan in plans() {
            for step in &plan.steps {
                for lang in [Lang::Da, Lang::En] {
                    assert!(!step.title.get(lang).is_empty(), "{}", step.id);
                    assert!(step.explanation.get(lang).ends_with('.'), "{}", step.id);
                }
                assert!(!step.source.is_empty(), "{}", step.id);
                assert_eq!(
                    step.recipient.is_some(),
                    step.id == StepId::VendorSendsRequest,
                    "{}",
                    step.id
                );
            }
        }
    }

    #[test]
    fn udliciteret_is_not_covered() {
        let err = Plan::for_legal_basis(LegalBasis::Udliciteret).unwrap_err();
        assert_eq!(err.kind(), ErrorType::OnboardingNotCovered);
        assert_eq!(
            err.message(Lang::En),
            "STIL's guide does not describe onboarding for Contracted-out daycare institution \
             (section 19(4) of the Day Care Act)"
        );
    }

    #[test]
    fn the_tilslutning_right_is_named_exactly() {
        let plan = Plan::for_legal_basis(LegalBasis::Privat).unwrap();
        let step = plan.step(StepId::TilslutningRight).unwrap();
        assert!(step
            .title
            .da
            .contains("\"Tilslutning: Ret til at administrere aftaler på tilslutning.stil.dk\""));
    }
}
