//! The stable ids of the login guides: steps, actors, helpers, choices, tasks and causes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares a fieldless enum with stable `snake_case` keys, `ALL`, `key`, `parse` and `Display`.
macro_rules! keyed {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$doc:meta])* $variant:ident = $key:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$doc])* #[serde(rename = $key)] $variant, )*
        }

        impl $name {
            /// Every value, in a fixed order.
            pub const ALL: &'static [Self] = &[ $( Self::$variant, )* ];

            /// The stable `snake_case` key, as serialised.
            pub fn key(self) -> &'static str {
                match self { $( Self::$variant => $key, )* }
            }

            /// The value with this key, if any (keys only, not labels).
            pub fn parse(key: &str) -> Option<Self> {
                match key { $( $key => Some(Self::$variant), )* _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

keyed! {
    /// The stable id of a step in a login guide. Which steps a guide has depends on the task and
    /// the user; see [`Guide`](super::Guide).
    ///
    /// ```
    /// use unilogin::login::StepId;
    /// assert_eq!(StepId::parse("choose_get_username"), Some(StepId::ChooseGetUsername));
    /// assert_eq!(StepId::UseMitid.key(), "use_mitid");
    /// assert_eq!(StepId::parse("Brug MitID"), None);
    /// ```
    pub enum StepId {
        /// Adults without MitID: get MitID first.
        ObtainMitid = "obtain_mitid",
        /// "Ingen adgang": read what the error message says.
        ReadErrorMessage = "read_error_message",
        /// Go to a page with Unilogin and choose Unilogin in the login selector.
        OpenUniloginLogin = "open_unilogin_login",
        /// Click "Få mit eller mit barns brugernavn" under "Andre muligheder".
        ChooseGetUsername = "choose_get_username",
        /// Click "MitID/NemID" and log in with one's own MitID.
        LogInWithOwnMitid = "log_in_with_own_mitid",
        /// Click "Klik for at oprette bruger".
        CreateUser = "create_user",
        /// Note the username and click "Afslut".
        NoteUsername = "note_username",
        /// A pupil without MitID: a parent gets the username with their own MitID.
        ParentGetsUsername = "parent_gets_username",
        /// A pupil without MitID: a teacher at the school helps with the username.
        TeacherHelpsWithUsername = "teacher_helps_with_username",
        /// Forgotten username: get it again with MitID ("Hvad er mit Unilogin brugernavn?").
        FindUsername = "find_username",
        /// First login: open Unilogin, enter the username and press "Næste".
        FirstLogin = "first_login",
        /// Enter the username in the login screen and press "Næste".
        EnterUsername = "enter_username",
        /// First login: click the "MitID/NemID" button to create the password with own MitID.
        CreatePasswordWithOwnMitid = "create_password_with_own_mitid",
        /// On the password screen, click the link "Få en ny adgangskode".
        ChooseGetNewPassword = "choose_get_new_password",
        /// Choose "Glemt adgangskode".
        ChooseForgotPassword = "choose_forgot_password",
        /// Press "Brug MitID" and log in with one's own MitID.
        UseMitid = "use_mitid",
        /// A pupil without MitID: the teacher issues a new password in Elevadgang; the pupil has
        /// five minutes to log in.
        TeacherIssuesPassword = "teacher_issues_password",
        /// A pupil without MitID: a parent makes a new password with their own MitID.
        ParentCreatesPassword = "parent_creates_password",
        /// Make one's own password or confirm the assigned one ("Bekræft"), repeat it, "Næste".
        ChooseOrConfirmPassword = "choose_or_confirm_password",
        /// Indskoling: Unilogin assigns a picture password (four pictures, order matters).
        AcceptPicturePassword = "accept_picture_password",
        /// "Ingen adgang" to a service: contact the school or the service's support.
        ContactSchoolOrServiceSupport = "contact_school_or_service_support",
    }
}

keyed! {
    /// Who carries out a step.
    pub enum Actor {
        /// The user (employee, parent, pupil or student).
        User = "user",
        /// A parent of the pupil.
        Parent = "parent",
        /// A teacher at the pupil's school.
        Teacher = "teacher",
    }
}

keyed! {
    /// The stable id of someone who can help.
    ///
    /// ```
    /// use unilogin::login::HelperId;
    /// assert_eq!(HelperId::parse("service_support"), Some(HelperId::ServiceSupport));
    /// assert_eq!(HelperId::parse("STIL"), None);
    /// ```
    pub enum HelperId {
        /// The user, with their own MitID (self-service).
        SelfService = "self_service",
        /// The pupil's teacher (Elevadgang).
        Teacher = "teacher",
        /// The pupil's parents, with their own MitID.
        Parent = "parent",
        /// The school, daycare or other institution.
        Institution = "institution",
        /// The support of the service the user cannot access.
        ServiceSupport = "service_support",
        /// STIL (Styrelsen for It og Læring), which runs Unilogin.
        Stil = "stil",
    }
}

keyed! {
    /// A group of alternative steps: consecutive steps with the same choice are alternatives,
    /// and doing one of them is enough.
    pub enum Choice {
        /// Who helps a pupil without MitID with the username: a parent or a teacher.
        UsernameHelp = "username_help",
        /// Who helps a pupil without MitID with the password: a teacher or a parent.
        PasswordHelp = "password_help",
    }
}

keyed! {
    /// What a guide helps with.
    pub enum Task {
        /// Activating Unilogin: getting the username and the first password.
        Activation = "activation",
        /// A forgotten password.
        ForgottenPassword = "forgotten_password",
        /// A failed login ("Ingen adgang").
        LoginFailed = "login_failed",
        /// Changing a password one still knows.
        ChangePassword = "change_password",
    }
}

keyed! {
    /// Why a login failed with "Ingen adgang" (STIL's Unilogin help: two causes).
    ///
    /// ```
    /// use unilogin::login::FailureCause;
    /// assert_eq!(FailureCause::parse("no_access_to_service"), Some(FailureCause::NoAccessToService));
    /// assert_eq!(FailureCause::parse("ingen adgang"), None);
    /// ```
    pub enum FailureCause {
        /// "Dit brugernavn eller adgangskode er forkert."
        WrongUsernameOrPassword = "wrong_username_or_password",
        /// "Du har ikke rettighed/adgang til den tjeneste, du forsøger at logge ind på."
        NoAccessToService = "no_access_to_service",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T>(all: &[T], key: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
    where
        T: Serialize + Copy + fmt::Display + PartialEq + fmt::Debug,
    {
        let mut seen = std::collections::HashSet::new();
        for &v in all {
            assert!(seen.insert(key(v)), "duplicate key {}", key(v));
            assert_eq!(serde_json::to_value(v).unwrap(), key(v));
            assert_eq!(parse(key(v)), Some(v));
            assert_eq!(v.to_string(), key(v));
        }
    }

    #[test]
    fn keys_are_unique_and_round_trip() {
        check(StepId::ALL, StepId::key, StepId::parse);
        check(Actor::ALL, Actor::key, Actor::parse);
        check(HelperId::ALL, HelperId::key, HelperId::parse);
        check(Choice::ALL, Choice::key, Choice::parse);
        check(Task::ALL, Task::key, Task::parse);
        check(FailureCause::ALL, FailureCause::key, FailureCause::parse);
    }
}
