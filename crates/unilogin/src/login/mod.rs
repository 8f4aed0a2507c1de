//! Activation and login help: how a user gets their Unilogin username and first password, what
//! to do about a forgotten password, and who can help when a login fails with "Ingen adgang".
//!
//! Every answer is a [`Guide`]: ordered steps with stable ids ([`StepId`]), who carries each one
//! out ([`Actor`]), groups of alternatives ([`Choice`]), who can help ([`HelperId`]) and who
//! cannot, with texts in Danish and English. Guides are plain serialisable data.
//!
//! The steps depend on [`UserFacts`]: the role (and grade) from [`crate::people::Role`],
//! whether the user has their own MitID, and their age. Pupils may use their own MitID to
//! create a password from 13 (the 'MitID/NemID' button, also for a forgotten one) and to reset a
//! forgotten one through 'Glemt adgangskode' from 15; the ages are policy values
//! ([`LoginPolicy`]). Pupils who cannot use their own MitID get help from their parents (with
//! the parents' MitID) or a teacher (Elevadgang). A helpdesk can also start from the message
//! the user saw ([`Guide::for_message`]).
//!
//! Sources: STIL's guide "Tilslutning til Unilogin" and its Unilogin help pages on
//! viden.stil.dk ("Aktiver dit Unilogin og få dit brugernavn", "Lav din adgangskode", "Har du
//! glemt adgangskoden til dit Unilogin?", "Hvis du har problemer med at logge ind");
//! Confidence H; of the pupil ages, 15 is H and 13 is M. See `docs/login.md`.
//!
//! ```
//! use unilogin::login::{Guide, HelperId, LoginPolicy, StepId, UserFacts};
//! use unilogin::people::Role;
//! use unilogin::Lang;
//!
//! // A pupil in 2. klasse without MitID: parents or a teacher help.
//! let pupil = UserFacts::new(Role::parse("elev", Some("2"))?, false, Some(8));
//! let guide = Guide::forgotten_password(&pupil, &LoginPolicy::default());
//! assert_eq!(guide.step_ids(), [
//!     StepId::OpenUniloginLogin,
//!     StepId::EnterUsername,
//!     StepId::TeacherIssuesPassword,
//!     StepId::ParentCreatesPassword,
//!     StepId::AcceptPicturePassword,
//! ]);
//! assert_eq!(guide.helper_ids(), [HelperId::Teacher, HelperId::Parent]);
//!
//! // An employee with MitID helps themselves.
//! let employee = UserFacts::new(Role::parse("medarbejder", None)?, true, None);
//! let guide = Guide::forgotten_password(&employee, &LoginPolicy::default());
//! assert_eq!(guide.steps[2].text.get(Lang::Da), "Klik på linket 'Få en ny adgangskode' på adgangskodebilledet.");
//!
//! // A role the library does not know is refused when the facts are built.
//! assert_eq!(Role::parse("rektor", None).unwrap_err().kind().code(), "role_unknown");
//! # Ok::<(), unilogin::FieldError>(())
//! ```

mod ids;
mod message;
mod texts;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::onboarding::Localized;
use crate::people::{Role, UserGroup};
use crate::Lang;

pub use ids::{Actor, Choice, FailureCause, HelperId, StepId, Task};
pub use message::{causes_of_message, MAX_MESSAGE_CHARS};

/// The ages at which pupils may use their own MitID with Unilogin. Policy data
/// with STIL's defaults; "over N år" in STIL's texts is read as "N years or older".
///
/// ```
/// use unilogin::login::{LoginPolicy, UserFacts};
/// use unilogin::people::Role;
/// let policy = LoginPolicy::default();
/// let pupil = |age| UserFacts::new(Role::parse("elev", Some("8")).unwrap(), true, Some(age));
/// assert!(policy.can_activate_with_own_mitid(&pupil(13)));
/// assert!(!policy.can_reset_with_own_mitid(&pupil(14)));
/// assert!(policy.can_reset_with_own_mitid(&pupil(15)));
/// assert!(!policy.can_activate_with_own_mitid(&pupil(12)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginPolicy {
    /// From this age a pupil with their own MitID can create their password with it
    /// (confidence M: "over 13 år der har eget MitID"). Default: 13.
    pub own_mitid_create_min_age: u8,
    /// From this age a pupil may reset a forgotten password with their own MitID
    /// (confidence H: "over 15"). Default: 15.
    pub own_mitid_reset_min_age: u8,
}

impl LoginPolicy {
    /// STIL's rules as documented: create from 13, reset from 15.
    pub const STIL: Self = Self {
        own_mitid_create_min_age: 13,
        own_mitid_reset_min_age: 15,
    };

    /// Whether `user` can activate Unilogin (get the username, create the first password) with
    /// their own MitID. Employees and parents can if they have MitID; pupils and students also
    /// need to be at least [`LoginPolicy::own_mitid_create_min_age`] (an unknown age is not held
    /// against them).
    pub fn can_activate_with_own_mitid(&self, user: &UserFacts) -> bool {
        user.has_own_mitid && old_enough(*user, self.own_mitid_create_min_age)
    }

    /// Whether `user` can reset a forgotten password with their own MitID (pupils and students
    /// from [`LoginPolicy::own_mitid_reset_min_age`]).
    pub fn can_reset_with_own_mitid(&self, user: &UserFacts) -> bool {
        user.has_own_mitid && old_enough(*user, self.own_mitid_reset_min_age)
    }
}

/// Whether the age rules let `user` use their own MitID (they bind pupils and students only;
/// an unknown age is not held against them).
fn old_enough(user: UserFacts, min_age: u8) -> bool {
    !user.is_pupil() || user.age.is_none_or(|age| age >= min_age)
}

impl Default for LoginPolicy {
    fn default() -> Self {
        Self::STIL
    }
}

/// What the guides need to know about a user.
///
/// JSON form: the role's fields (`{"role": "pupil", "grade": 5}`, `{"role": "employee"}`, …)
/// next to `has_own_mitid` and an optional `age` in whole years.
///
/// ```
/// use unilogin::login::UserFacts;
/// let user: UserFacts =
///     serde_json::from_str(r#"{"role": "pupil", "grade": 5, "has_own_mitid": false, "age": 11}"#)
///         .unwrap();
/// assert_eq!(user.role.group().key(), "mellemtrin");
/// assert!(serde_json::from_str::<UserFacts>(r#"{"role": "pupil", "has_own_mitid": false}"#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserFacts {
    /// The role, with the grade for pupils.
    #[serde(flatten)]
    pub role: Role,
    /// Whether the user has their own MitID.
    pub has_own_mitid: bool,
    /// The age in whole years, if known. Only pupils' and students' ages matter.
    #[serde(default)]
    pub age: Option<u8>,
}

impl UserFacts {
    /// Facts from their parts.
    pub fn new(role: Role, has_own_mitid: bool, age: Option<u8>) -> Self {
        Self {
            role,
            has_own_mitid,
            age,
        }
    }

    /// Whether the user is a pupil or a youth-education student ("elev" in STIL's guides), to
    /// whom the age rules and the help of parents and teachers apply.
    pub fn is_pupil(&self) -> bool {
        matches!(self.role, Role::Pupil { .. } | Role::YouthEducation)
    }

    /// Whether Unilogin assigns a picture password (indskoling: 0.–3. klasse).
    fn picture_password(self) -> bool {
        self.role.group() == UserGroup::Indskoling
    }
}

/// One step of a guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpStep {
    /// The stable id.
    pub id: StepId,
    /// Who carries the step out.
    pub actor: Actor,
    /// The group of alternatives the step belongs to: consecutive steps with the same choice
    /// are alternatives, one of which is enough. `null` for a step everyone takes.
    pub choice: Option<Choice>,
    /// The instruction, addressed to the user.
    pub text: Localized,
}

impl HelpStep {
    fn new(id: StepId) -> Self {
        Self {
            id,
            actor: id.actor(),
            choice: id.choice(),
            text: id.text(),
        }
    }
}

/// Someone who can (or cannot) help, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helper {
    /// The stable id.
    pub id: HelperId,
    /// The name.
    pub name: Localized,
    /// What they do (or why they cannot help) in this guide.
    pub how: Localized,
}

/// A guide: ordered steps, who can help, and who cannot.
///
/// JSON form: `{"task", "cause", "title": {da, en}, "steps": [{"id", "actor", "choice", "text":
/// {da, en}}], "helpers": [{"id", "name": {da, en}, "how": {da, en}}], "cannot_help": […],
/// "source"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// What the guide helps with.
    pub task: Task,
    /// For a failed login, its cause; `null` otherwise.
    pub cause: Option<FailureCause>,
    /// A short title.
    pub title: Localized,
    /// The steps, in order.
    pub steps: Vec<HelpStep>,
    /// Who can help, most direct first.
    pub helpers: Vec<Helper>,
    /// Who cannot help, although users might expect it (STIL, for access to services).
    pub cannot_help: Vec<Helper>,
    /// Where the guide comes from.
    pub source: String,
}

/// How the user can do MitID steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// With their own MitID.
    OwnMitid,
    /// A pupil who cannot use their own MitID: parents or a teacher.
    ParentOrTeacher,
    /// An adult without MitID: get MitID first.
    ObtainMitid,
}

fn route(user: UserFacts, own_mitid_allowed: bool) -> Route {
    if own_mitid_allowed {
        Route::OwnMitid
    } else if user.is_pupil() {
        Route::ParentOrTeacher
    } else {
        Route::ObtainMitid
    }
}

// The public pages behind the guides (docs/sources.md: S-guide, S-stil-unilogin, S-policy-draft).
const SOURCE_ACTIVATION: &str = "STIL, \"Unilogin | For daginstitutioner\": \"Aktiver dit Unilogin \
     og få dit brugernavn\", \"Lav din adgangskode\" \
     (https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner; H); \
     own MitID from 15: STIL, \"Unilogin\" (https://www.stil.dk/administration-og-infrastruktur/unilogin; \
     H); from 13: STIL, \"Ny politik for adgangskoder\" \
     (https://viden.stil.dk/pages/viewpage.action?pageId=61014089; M)";
const SOURCE_FORGOTTEN: &str = "STIL, \"Unilogin | For daginstitutioner\": \"Har du glemt \
     adgangskoden til dit Unilogin?\" \
     (https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner; H); \
     own MitID from 15: STIL, \"Unilogin\" (https://www.stil.dk/administration-og-infrastruktur/unilogin; \
     H); from 13: STIL, \"Ny politik for adgangskoder\" \
     (https://viden.stil.dk/pages/viewpage.action?pageId=61014089; M)";
const SOURCE_CHANGE: &str = "STIL, \"Unilogin | For daginstitutioner\": \"Har du glemt \
     adgangskoden til dit Unilogin?\" (\"Hvis du godt kan huske din nuværende adgangskode og blot \
     ønsker at skifte den\"; https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner; \
     H); STIL, \"Om adgangskodeskift i Unilogin\" (\"Du kan skifte din adgangskode med MitID\"; \
     https://viden.stil.dk/display/STILVIDENOFFENTLIG/Om+adgangskodeskift+i+Unilogin; H); the \
     steps are inferred (L)";
const SOURCE_FAILED: &str =
    "STIL, \"Unilogin | For daginstitutioner\": \"Hvis du har problemer med \
     at logge ind\" (\"Ingen adgang\"; \
     https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner; H)";

impl Guide {
    /// How `user` gets their username and first password.
    ///
    /// ```
    /// use unilogin::login::{Guide, LoginPolicy, StepId, UserFacts};
    /// use unilogin::people::Role;
    /// let parent = UserFacts::new(Role::Parent, true, None);
    /// let ids = Guide::activation(&parent, &LoginPolicy::default()).step_ids();
    /// assert_eq!(ids, [
    ///     StepId::OpenUniloginLogin,
    ///     StepId::ChooseGetUsername,
    ///     StepId::LogInWithOwnMitid,
    ///     StepId::CreateUser,
    ///     StepId::NoteUsername,
    ///     StepId::FirstLogin,
    ///     StepId::CreatePasswordWithOwnMitid,
    ///     StepId::ChooseOrConfirmPassword,
    /// ]);
    /// // Invalid facts cannot be built: a pupil needs a grade.
    /// assert_eq!(Role::parse("elev", None).unwrap_err().kind().code(), "grade_required");
    /// ```
    pub fn activation(user: &UserFacts, policy: &LoginPolicy) -> Self {
        let route = route(*user, policy.can_activate_with_own_mitid(user));
        let mut ids = Vec::new();
        match route {
            Route::OwnMitid | Route::ObtainMitid => {
                if route == Route::ObtainMitid {
                    ids.push(StepId::ObtainMitid);
                }
                ids.extend([
                    StepId::OpenUniloginLogin,
                    StepId::ChooseGetUsername,
                    StepId::LogInWithOwnMitid,
                    StepId::CreateUser,
                    StepId::NoteUsername,
                    StepId::FirstLogin,
                    StepId::CreatePasswordWithOwnMitid,
                ]);
            }
            Route::ParentOrTeacher => ids.extend([
                StepId::ParentGetsUsername,
                StepId::TeacherHelpsWithUsername,
                StepId::NoteUsername,
                StepId::FirstLogin,
                StepId::TeacherIssuesPassword,
                StepId::ParentCreatesPassword,
            ]),
        }
        ids.push(final_password_step(*user));
        Self::credentials(
            Task::Activation,
            None,
            Localized::new(
                "Aktivér dit Unilogin: få dit brugernavn og lav din adgangskode",
                "Activate your Unilogin: get your username and create your password",
            ),
            &ids,
            *user,
            SOURCE_ACTIVATION,
        )
    }

    /// What `user` does about a forgotten password.
    ///
    /// ```
    /// use unilogin::login::{Guide, HelperId, LoginPolicy, StepId, UserFacts};
    /// use unilogin::people::Role;
    /// let policy = LoginPolicy::default();
    /// let pupil = |age| UserFacts::new(Role::parse("elev", Some("9")).unwrap(), true, Some(age));
    /// // 15 and older: self-service with their own MitID.
    /// assert!(Guide::forgotten_password(&pupil(15), &policy).step_ids().contains(&StepId::UseMitid));
    /// // 14: not 'Glemt adgangskode' yet, but the 'MitID/NemID' button with their own MitID;
    /// // the teacher and the parents can help too.
    /// let guide = Guide::forgotten_password(&pupil(14), &policy);
    /// assert!(!guide.step_ids().contains(&StepId::UseMitid));
    /// assert!(guide.step_ids().contains(&StepId::CreatePasswordWithOwnMitid));
    /// assert_eq!(guide.helper_ids(), [HelperId::SelfService, HelperId::Teacher, HelperId::Parent]);
    /// // Without MitID: parents or a teacher.
    /// let no_mitid = UserFacts::new(Role::parse("elev", Some("9")).unwrap(), false, Some(14));
    /// assert!(Guide::forgotten_password(&no_mitid, &policy).step_ids().contains(&StepId::TeacherIssuesPassword));
    /// ```
    pub fn forgotten_password(user: &UserFacts, policy: &LoginPolicy) -> Self {
        Self::new_password(
            Task::ForgottenPassword,
            Localized::new(
                "Har du glemt adgangskoden til dit Unilogin?",
                "Forgotten your Unilogin password?",
            ),
            &reset_steps(*user, *policy, true),
            *user,
            SOURCE_FORGOTTEN,
        )
    }

    /// A guide to a new password. When it has the pupil use the 'MitID/NemID' button below the
    /// reset age, for which STIL documents no 'Glemt adgangskode' route, the teacher and the
    /// parents stay at hand.
    fn new_password(
        task: Task,
        title: Localized,
        ids: &[StepId],
        user: UserFacts,
        source: &str,
    ) -> Self {
        let mut guide = Self::credentials(task, None, title, ids, user, source);
        if ids.contains(&StepId::CreatePasswordWithOwnMitid) {
            guide.add_pupil_helpers();
        }
        guide
    }

    /// How `user` changes a password they still know. STIL's guide sends them to "Hvordan kan
    /// jeg skifte min adgangskode?", and STIL's password FAQ says "Du kan skifte din adgangskode
    /// med MitID": the steps are those of a new password with MitID, without 'Glemt
    /// adgangskode' (an inference, confidence L). Pupils who cannot use their own MitID get the
    /// teacher or the parents, as for a forgotten password.
    ///
    /// ```
    /// use unilogin::login::{Guide, LoginPolicy, StepId, UserFacts};
    /// use unilogin::people::Role;
    /// let employee = UserFacts::new(Role::Employee, true, None);
    /// let ids = Guide::change_password(&employee, &LoginPolicy::default()).step_ids();
    /// assert_eq!(ids, [
    ///     StepId::OpenUniloginLogin,
    ///     StepId::EnterUsername,
    ///     StepId::ChooseGetNewPassword,
    ///     StepId::UseMitid,
    ///     StepId::ChooseOrConfirmPassword,
    /// ]);
    /// ```
    pub fn change_password(user: &UserFacts, policy: &LoginPolicy) -> Self {
        let ids: Vec<StepId> = reset_steps(*user, *policy, true)
            .into_iter()
            .filter(|&id| id != StepId::ChooseForgotPassword)
            .collect();
        Self::new_password(
            Task::ChangePassword,
            Localized::new(
                "Skift din adgangskode til Unilogin",
                "Change your Unilogin password",
            ),
            &ids,
            *user,
            SOURCE_CHANGE,
        )
    }

    /// The help for a failed login, from the message the user saw: one
    /// [`Guide::login_failed`] per cause the message points to ([`causes_of_message`]), the most
    /// specific first; "Ingen adgang" alone gives both causes' guides.
    ///
    /// ```
    /// use unilogin::login::{FailureCause, Guide, LoginPolicy, UserFacts};
    /// use unilogin::people::Role;
    /// let parent = UserFacts::new(Role::Parent, true, None);
    /// let policy = LoginPolicy::default();
    /// let guides = Guide::for_message("Du har ikke adgang til tjenesten", &parent, &policy)?;
    /// assert_eq!(guides.len(), 1);
    /// assert_eq!(guides[0].cause, Some(FailureCause::NoAccessToService));
    /// assert_eq!(Guide::for_message("Ingen adgang", &parent, &policy)?.len(), 2);
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// As [`causes_of_message`]: `missing`, `string_too_long`, `login_message_unknown`.
    pub fn for_message(
        message: &str,
        user: &UserFacts,
        policy: &LoginPolicy,
    ) -> Result<Vec<Self>, crate::FieldError> {
        Ok(causes_of_message(message)?
            .into_iter()
            .map(|cause| Self::login_failed(cause, user, policy))
            .collect())
    }

    /// What `user` does after a login failed with "Ingen adgang" for `cause`.
    ///
    /// ```
    /// use unilogin::login::{FailureCause, Guide, HelperId, LoginPolicy, StepId, UserFacts};
    /// use unilogin::people::Role;
    /// let employee = UserFacts::new(Role::Employee, true, None);
    /// let guide = Guide::login_failed(FailureCause::NoAccessToService, &employee, &LoginPolicy::default());
    /// assert_eq!(guide.step_ids(), [StepId::ReadErrorMessage, StepId::ContactSchoolOrServiceSupport]);
    /// assert_eq!(guide.helper_ids(), [HelperId::Institution, HelperId::ServiceSupport]);
    /// assert_eq!(guide.cannot_help[0].id, HelperId::Stil);
    /// // Causes are parsed from their keys only.
    /// assert_eq!(FailureCause::parse("wrong password"), None);
    /// ```
    pub fn login_failed(cause: FailureCause, user: &UserFacts, policy: &LoginPolicy) -> Self {
        match cause {
            FailureCause::WrongUsernameOrPassword => {
                let mut ids = vec![StepId::ReadErrorMessage];
                let username = route(*user, policy.can_activate_with_own_mitid(user));
                match username {
                    Route::OwnMitid => ids.push(StepId::FindUsername),
                    Route::ObtainMitid => ids.extend([StepId::ObtainMitid, StepId::FindUsername]),
                    Route::ParentOrTeacher => {
                        ids.extend([StepId::ParentGetsUsername, StepId::TeacherHelpsWithUsername]);
                    }
                }
                ids.extend(reset_steps(*user, *policy, username != Route::ObtainMitid));
                let mut guide = Self::credentials(
                    Task::LoginFailed,
                    Some(cause),
                    Localized::new(
                        "\"Ingen adgang\": dit brugernavn eller din adgangskode er forkert",
                        "\"Ingen adgang\" (no access): your username or password is wrong",
                    ),
                    &ids,
                    *user,
                    SOURCE_FAILED,
                );
                // STIL: "Er du elev, kan din lærer hjælpe dig. Dine forældre kan evt. også
                // hjælpe dig."
                if user.is_pupil() {
                    guide.add_pupil_helpers();
                }
                guide
            }
            FailureCause::NoAccessToService => Self {
                task: Task::LoginFailed,
                cause: Some(cause),
                title: Localized::new(
                    "\"Ingen adgang\": du har ikke adgang til tjenesten",
                    "\"Ingen adgang\" (no access): you have no access to the service",
                ),
                steps: [
                    StepId::ReadErrorMessage,
                    StepId::ContactSchoolOrServiceSupport,
                ]
                .into_iter()
                .map(HelpStep::new)
                .collect(),
                helpers: [HelperId::Institution, HelperId::ServiceSupport]
                    .into_iter()
                    .map(|id| helper(id, texts::access_help(id)))
                    .collect(),
                cannot_help: vec![helper(HelperId::Stil, texts::access_help(HelperId::Stil))],
                source: SOURCE_FAILED.to_owned(),
            },
        }
    }

    /// A guide about credentials, its helpers derived from its steps.
    fn credentials(
        task: Task,
        cause: Option<FailureCause>,
        title: Localized,
        ids: &[StepId],
        user: UserFacts,
        source: &str,
    ) -> Self {
        let has = |wanted: &[StepId]| ids.iter().any(|id| wanted.contains(id));
        let mut helper_ids = Vec::new();
        if has(&[
            StepId::LogInWithOwnMitid,
            StepId::CreatePasswordWithOwnMitid,
            StepId::FindUsername,
            StepId::UseMitid,
        ]) {
            helper_ids.push(HelperId::SelfService);
        }
        if has(&[
            StepId::TeacherHelpsWithUsername,
            StepId::TeacherIssuesPassword,
        ]) {
            helper_ids.push(HelperId::Teacher);
        }
        if has(&[StepId::ParentGetsUsername, StepId::ParentCreatesPassword]) {
            helper_ids.push(HelperId::Parent);
        }
        if has(&[StepId::ObtainMitid]) && !user.is_pupil() {
            helper_ids.push(HelperId::Institution);
        }
        Self {
            task,
            cause,
            title,
            steps: ids.iter().copied().map(HelpStep::new).collect(),
            helpers: helper_ids
                .into_iter()
                .map(|id| helper(id, texts::credentials_help(id)))
                .collect(),
            cannot_help: Vec::new(),
            source: source.to_owned(),
        }
    }

    /// Adds the teacher and the parents as helpers, unless they are there already.
    fn add_pupil_helpers(&mut self) {
        for id in [HelperId::Teacher, HelperId::Parent] {
            if !self.helpers.iter().any(|h| h.id == id) {
                self.helpers.push(helper(id, texts::credentials_help(id)));
            }
        }
    }

    /// The step ids, in order.
    pub fn step_ids(&self) -> Vec<StepId> {
        self.steps.iter().map(|s| s.id).collect()
    }

    /// The ids of those who can help, in order.
    pub fn helper_ids(&self) -> Vec<HelperId> {
        self.helpers.iter().map(|h| h.id).collect()
    }

    /// The guide as plain text in `lang`: the title, numbered steps (alternatives under one
    /// number, as "Enten …" / "Eller …"), then who can help and who cannot.
    ///
    /// ```
    /// use unilogin::login::{Guide, LoginPolicy, UserFacts};
    /// use unilogin::people::Role;
    /// use unilogin::Lang;
    /// let pupil = UserFacts::new(Role::parse("elev", Some("5")).unwrap(), false, Some(11));
    /// let text = Guide::forgotten_password(&pupil, &LoginPolicy::default()).to_text(Lang::En);
    /// assert!(text.contains("\n3. Either: Tell your teacher"));
    /// assert!(text.contains("\n   Or: Your parents click"));
    /// assert!(text.contains("\n4. The system assigns"));
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let (either, or, who, not) = match lang {
            Lang::Da => ("Enten", "Eller", "Hvem kan hjælpe", "Kan ikke hjælpe"),
            Lang::En => ("Either", "Or", "Who can help", "Cannot help"),
        };
        let mut out = String::from(self.title.get(lang));
        out.push('\n');
        let mut number = 0;
        let mut previous: Option<Choice> = None;
        for step in &self.steps {
            let text = step.text.get(lang);
            match step.choice {
                Some(choice) if previous == Some(choice) => {
                    let _ = write!(out, "\n   {or}: {text}");
                }
                Some(_) => {
                    number += 1;
                    let _ = write!(out, "\n{number}. {either}: {text}");
                }
                None => {
                    number += 1;
                    let _ = write!(out, "\n{number}. {text}");
                }
            }
            previous = step.choice;
        }
        for (heading, list) in [(who, &self.helpers), (not, &self.cannot_help)] {
            if !list.is_empty() {
                let _ = write!(out, "\n\n{heading}:");
                for h in list {
                    let _ = write!(out, "\n- {}: {}", h.name.get(lang), h.how.get(lang));
                }
            }
        }
        out.push('\n');
        out
    }
}

/// The last step of every password route: choose or confirm, or a picture password.
fn final_password_step(user: UserFacts) -> StepId {
    if user.picture_password() {
        StepId::AcceptPicturePassword
    } else {
        StepId::ChooseOrConfirmPassword
    }
}

/// The steps of a password reset; `with_obtain` adds "get MitID" for adults without it.
fn reset_steps(user: UserFacts, policy: LoginPolicy, with_obtain: bool) -> Vec<StepId> {
    let mut ids = Vec::new();
    if !policy.can_reset_with_own_mitid(&user) && policy.can_activate_with_own_mitid(&user) {
        // A pupil with their own MitID below the reset age: STIL's "Lav din adgangskode": "Hvis
        // du selv har MitID, og du forsøger at lave en adgangskode til dig selv, skal du klikke
        // på MitID/NemID knappen".
        ids.extend([
            StepId::OpenUniloginLogin,
            StepId::EnterUsername,
            StepId::CreatePasswordWithOwnMitid,
        ]);
        ids.push(final_password_step(user));
        return ids;
    }
    match route(user, policy.can_reset_with_own_mitid(&user)) {
        route @ (Route::OwnMitid | Route::ObtainMitid) => {
            if route == Route::ObtainMitid && with_obtain {
                ids.push(StepId::ObtainMitid);
            }
            ids.extend([
                StepId::OpenUniloginLogin,
                StepId::EnterUsername,
                StepId::ChooseGetNewPassword,
                StepId::ChooseForgotPassword,
                StepId::UseMitid,
            ]);
        }
        Route::ParentOrTeacher => ids.extend([
            StepId::OpenUniloginLogin,
            StepId::EnterUsername,
            StepId::TeacherIssuesPassword,
            StepId::ParentCreatesPassword,
        ]),
    }
    ids.push(final_password_step(user));
    ids
}

fn helper(id: HelperId, how: Localized) -> Helper {
    Helper {
        id,
        name: id.name(),
        how,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Grade;

    fn pupil(grade: u8, mitid: bool, age: Option<u8>) -> UserFacts {
        UserFacts::new(
            Role::Pupil {
                grade: Grade::new(grade).unwrap(),
            },
            mitid,
            age,
        )
    }

    fn every_user() -> Vec<UserFacts> {
        let mut users = Vec::new();
        for mitid in [false, true] {
            for age in [
                None,
                Some(6),
                Some(12),
                Some(13),
                Some(14),
                Some(15),
                Some(17),
                Some(40),
            ] {
                for grade in [0, 3, 4, 6, 7, 10] {
                    users.push(pupil(grade, mitid, age));
                }
                for role in [Role::YouthEducation, Role::Employee, Role::Parent] {
                    users.push(UserFacts::new(role, mitid, age));
                }
            }
        }
        users
    }

    fn every_guide() -> Vec<Guide> {
        let p = LoginPolicy::default();
        every_user()
            .iter()
            .flat_map(|u| {
                [
                    Guide::activation(u, &p),
                    Guide::forgotten_password(u, &p),
                    Guide::change_password(u, &p),
                    Guide::login_failed(FailureCause::WrongUsernameOrPassword, u, &p),
                    Guide::login_failed(FailureCause::NoAccessToService, u, &p),
                ]
            })
            .collect()
    }

    #[test]
    fn guides_are_well_formed() {
        for g in every_guide() {
            let ids = g.step_ids();
            let unique: std::collections::HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "duplicate step in {ids:?}");
            assert!(!g.helpers.is_empty(), "{ids:?}");
            // Alternatives come in runs of at least two.
            let mut i = 0;
            while i < g.steps.len() {
                if let Some(c) = g.steps[i].choice {
                    let run = g.steps[i..]
                        .iter()
                        .take_while(|s| s.choice == Some(c))
                        .count();
                    assert!(run >= 2, "{ids:?}");
                    i += run;
                } else {
                    i += 1;
                }
            }
            for s in &g.steps {
                assert!(!s.text.da.is_empty() && !s.text.en.is_empty());
            }
            let json = serde_json::to_value(&g).unwrap();
            assert_eq!(serde_json::from_value::<Guide>(json).unwrap(), g);
        }
    }

    #[test]
    fn password_steps_end_every_credentials_guide() {
        for g in every_guide() {
            if g.cause == Some(FailureCause::NoAccessToService) {
                continue;
            }
            let last = g.steps.last().unwrap().id;
            assert!(matches!(
                last,
                StepId::ChooseOrConfirmPassword | StepId::AcceptPicturePassword
            ));
        }
    }

    #[test]
    fn user_facts_json_round_trip() {
        for u in every_user() {
            let json = serde_json::to_value(u).unwrap();
            assert_eq!(serde_json::from_value::<UserFacts>(json).unwrap(), u);
        }
        let p: LoginPolicy = serde_json::from_str(r#"{"own_mitid_reset_min_age": 16}"#).unwrap();
        assert_eq!(p.own_mitid_create_min_age, 13);
        assert!(serde_json::from_str::<LoginPolicy>(r#"{"age": 1}"#).is_err());
    }

    #[test]
    fn danish_ui_terms_are_quoted_as_stil_writes_them() {
        let all: String = StepId::ALL.iter().map(|s| s.text().da).collect();
        for term in [
            "'Få mit eller mit barns brugernavn'",
            "'Andre muligheder'",
            "'MitID/NemID'",
            "'Klik for at oprette bruger'",
            "'Afslut'",
            "'Næste'",
            "'Få en ny adgangskode'",
            "'Glemt adgangskode'",
            "'Brug MitID'",
            "'Bekræft'",
        ] {
            assert!(all.contains(term), "{term}");
        }
    }
}
