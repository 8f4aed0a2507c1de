//! The Danish and English texts of the login guides.
//!
//! Danish UI terms are quoted exactly as STIL writes them ('Få mit eller mit barns brugernavn',
//! 'Andre muligheder', 'MitID/NemID', 'Klik for at oprette bruger', 'Afslut', 'Næste',
//! 'Få en ny adgangskode', 'Glemt adgangskode', 'Brug MitID', 'Bekræft', "Ingen adgang").
//! The English texts keep them in Danish, because the Unilogin screens are in Danish, and add
//! a translation in parentheses.

use super::ids::{Actor, Choice, HelperId, StepId};
use crate::onboarding::Localized;

impl StepId {
    /// Who carries out the step.
    pub fn actor(self) -> Actor {
        match self {
            Self::ParentGetsUsername | Self::ParentCreatesPassword => Actor::Parent,
            Self::TeacherHelpsWithUsername | Self::TeacherIssuesPassword => Actor::Teacher,
            _ => Actor::User,
        }
    }

    /// The group of alternatives the step belongs to, if any.
    pub fn choice(self) -> Option<Choice> {
        match self {
            Self::ParentGetsUsername | Self::TeacherHelpsWithUsername => Some(Choice::UsernameHelp),
            Self::TeacherIssuesPassword | Self::ParentCreatesPassword => Some(Choice::PasswordHelp),
            _ => None,
        }
    }

    /// The instruction, in Danish and English, addressed to the user.
    ///
    /// ```
    /// use unilogin::login::StepId;
    /// use unilogin::Lang;
    /// assert_eq!(
    ///     StepId::ChooseForgotPassword.text().get(Lang::Da),
    ///     "Vælg 'Glemt adgangskode'."
    /// );
    /// ```
    #[allow(
        clippy::too_many_lines,
        reason = "one literal table of texts reads best whole"
    )]
    pub fn text(self) -> Localized {
        let (da, en) = match self {
            Self::ObtainMitid => (
                "Du skal bruge MitID for at aktivere dit Unilogin og for at få en ny adgangskode. \
                 Få MitID på mitid.dk eller i Borgerservice.",
                "You need MitID to activate your Unilogin and to get a new password. Get MitID at \
                 mitid.dk or at Borgerservice (citizen service).",
            ),
            Self::ReadErrorMessage => (
                "Læs fejlbeskeden ved login: den fortæller, om dit brugernavn eller din \
                 adgangskode er forkert, eller om du ikke har adgang til tjenesten.",
                "Read the error message at login: it tells whether your username or password is \
                 wrong, or whether you have no access to the service.",
            ),
            Self::OpenUniloginLogin => (
                "Gå til en side med Unilogin, og vælg Unilogin i loginvælgeren.",
                "Go to a page that uses Unilogin and choose Unilogin in the login selector.",
            ),
            Self::ChooseGetUsername => (
                "Klik på 'Få mit eller mit barns brugernavn' under 'Andre muligheder'.",
                "Click 'Få mit eller mit barns brugernavn' (get my or my child's username) under \
                 'Andre muligheder' (other options).",
            ),
            Self::LogInWithOwnMitid => (
                "Klik på 'MitID/NemID', og log ind med dit MitID.",
                "Click 'MitID/NemID' and log in with your MitID.",
            ),
            Self::CreateUser => (
                "Klik på 'Klik for at oprette bruger'.",
                "Click 'Klik for at oprette bruger' (click to create user).",
            ),
            Self::NoteUsername => (
                "Husk dit brugernavn, og klik på 'Afslut'.",
                "Note your username and click 'Afslut' (finish).",
            ),
            Self::ParentGetsUsername => (
                "Din forælder går til en side med Unilogin, klikker på 'Få mit eller mit barns \
                 brugernavn' under 'Andre muligheder', logger ind med sit eget MitID via \
                 'MitID/NemID' og får dit brugernavn.",
                "Your parent goes to a page that uses Unilogin, clicks 'Få mit eller mit barns \
                 brugernavn' (get my or my child's username) under 'Andre muligheder' (other \
                 options), logs in with their own MitID via 'MitID/NemID' and gets your username.",
            ),
            Self::TeacherHelpsWithUsername => (
                "Bed en lærer på din skole om hjælp til at få dit brugernavn.",
                "Ask a teacher at your school for help getting your username.",
            ),
            Self::FindUsername => (
                "Find dit brugernavn: gå til en side med Unilogin, klik på 'Få mit eller mit \
                 barns brugernavn' under 'Andre muligheder', og log ind med dit MitID \
                 (vejledningen 'Hvad er mit Unilogin brugernavn?').",
                "Find your username: go to a page that uses Unilogin, click 'Få mit eller mit \
                 barns brugernavn' (get my or my child's username) under 'Andre muligheder' \
                 (other options) and log in with your MitID (STIL's guide 'Hvad er mit Unilogin \
                 brugernavn?').",
            ),
            Self::FirstLogin => (
                "Første gang du logger ind: gå til en side med Unilogin, vælg Unilogin i \
                 loginvælgeren, indtast dit brugernavn i feltet, og tryk 'Næste'.",
                "The first time you log in: go to a page that uses Unilogin, choose Unilogin in \
                 the login selector, enter your username in the field and press 'Næste' (next).",
            ),
            Self::EnterUsername => (
                "Indtast dit brugernavn i login-billedet, og tryk 'Næste'.",
                "Enter your username in the login screen and press 'Næste' (next).",
            ),
            Self::CreatePasswordWithOwnMitid => (
                "Klik på knappen 'MitID/NemID', og log ind med dit MitID for at lave din \
                 adgangskode.",
                "Click the 'MitID/NemID' button and log in with your MitID to create your \
                 password.",
            ),
            Self::ChooseGetNewPassword => (
                "Klik på linket 'Få en ny adgangskode' på adgangskodebilledet.",
                "Click the link 'Få en ny adgangskode' (get a new password) on the password \
                 screen.",
            ),
            Self::ChooseForgotPassword => (
                "Vælg 'Glemt adgangskode'.",
                "Choose 'Glemt adgangskode' (forgotten password).",
            ),
            Self::UseMitid => (
                "Tryk på 'Brug MitID', og log ind med dit MitID for at få en ny adgangskode.",
                "Press 'Brug MitID' (use MitID) and log in with your MitID to get a new password.",
            ),
            Self::TeacherIssuesPassword => (
                "Fortæl din lærer, at du har brug for en adgangskode. Læreren giver dig en ny \
                 adgangskode via Elevadgang (elevadgang.unilogin.dk); derefter har du fem \
                 minutter til at logge ind med dit brugernavn.",
                "Tell your teacher that you need a password. The teacher gives you a new password \
                 via Elevadgang (elevadgang.unilogin.dk); you then have five minutes to log in \
                 with your username.",
            ),
            Self::ParentCreatesPassword => (
                "Dine forældre klikker på linket nederst på adgangskodebilledet og bruger deres \
                 eget MitID til at lave en ny adgangskode til dig.",
                "Your parents click the link at the bottom of the password screen and use their \
                 own MitID to make a new password for you.",
            ),
            Self::ChooseOrConfirmPassword => (
                "Systemet tildeler en ny adgangskode. Lav en adgangskode selv, eller klik \
                 'Bekræft' for at bruge den systemtildelte (anbefales, hvis din egen ikke \
                 accepteres). Gentag den nye adgangskode, og tryk 'Næste'.",
                "The system assigns a new password. Make your own password, or click 'Bekræft' \
                 (confirm) to use the assigned one (recommended if your own is not accepted). \
                 Repeat the new password and press 'Næste' (next).",
            ),
            Self::AcceptPicturePassword => (
                "Unilogin tildeler en billedadgangskode: fire billeder, hvor rækkefølgen har \
                 betydning. Elever i indskolingen kan ikke selv vælge deres adgangskode.",
                "Unilogin assigns a picture password: four pictures, in an order that matters. \
                 Pupils in grades 0–3 cannot choose their own password.",
            ),
            Self::ContactSchoolOrServiceSupport => (
                "Kontakt skolen eller supporten for den eller de tjenester, du ikke har adgang \
                 til. Styrelsen for It og Læring (STIL) kan desværre ikke hjælpe med adgang til \
                 tjenester.",
                "Contact the school or the support of the service or services you have no access \
                 to. STIL (the Danish Agency for IT and Learning) cannot help with access to \
                 services.",
            ),
        };
        Localized::new(da, en)
    }
}

impl Actor {
    /// A short label: "Du" / "You", "Forælder" / "Parent", "Lærer" / "Teacher".
    pub fn label(self) -> Localized {
        let (da, en) = match self {
            Self::User => ("Du", "You"),
            Self::Parent => ("Forælder", "Parent"),
            Self::Teacher => ("Lærer", "Teacher"),
        };
        Localized::new(da, en)
    }
}

impl HelperId {
    /// The helper's name, in Danish and English.
    pub fn name(self) -> Localized {
        let (da, en) = match self {
            Self::SelfService => ("Dig selv med MitID", "Yourself, with MitID"),
            Self::Teacher => ("Din lærer", "Your teacher"),
            Self::Parent => ("Dine forældre", "Your parents"),
            Self::Institution => ("Skolen eller institutionen", "The school or institution"),
            Self::ServiceSupport => ("Tjenestens support", "The service's support"),
            Self::Stil => (
                "Styrelsen for It og Læring (STIL)",
                "STIL (the Danish Agency for IT and Learning)",
            ),
        };
        Localized::new(da, en)
    }
}

/// What the helper does, for a guide about credentials (activation, forgotten password, wrong
/// username or password).
pub(super) fn credentials_help(id: HelperId) -> Localized {
    let (da, en) = match id {
        HelperId::SelfService => (
            "Du kan selv få dit brugernavn og lave en ny adgangskode med dit MitID.",
            "You can get your username and make a new password yourself with your MitID.",
        ),
        HelperId::Teacher => (
            "Din lærer kan hjælpe dig med dit brugernavn og give dig en ny adgangskode via \
             Elevadgang; du har derefter fem minutter til at logge ind.",
            "Your teacher can help you with your username and give you a new password via \
             Elevadgang; you then have five minutes to log in.",
        ),
        HelperId::Parent => (
            "Dine forældre kan med deres eget MitID få dit brugernavn og lave en ny adgangskode \
             til dig (vejledningen 'Hvordan kan jeg skifte mit barns adgangskode?').",
            "Your parents can use their own MitID to get your username and make a new password \
             for you (STIL's guide 'Hvordan kan jeg skifte mit barns adgangskode?').",
        ),
        HelperId::Institution => (
            "Kan du ikke få MitID, så kontakt institutionen; for forældre uden MitID tager \
             institutionen kontakt til STIL's support.",
            "If you cannot get MitID, contact the institution; for parents without MitID the \
             institution contacts STIL's support.",
        ),
        HelperId::ServiceSupport | HelperId::Stil => (
            "Hjælper ikke med brugernavn og adgangskode; se de andre muligheder.",
            "Does not help with username and password; see the other options.",
        ),
    };
    Localized::new(da, en)
}

/// What the helper does (or cannot do) when the user has no access to a service.
pub(super) fn access_help(id: HelperId) -> Localized {
    let (da, en) = match id {
        HelperId::Institution => (
            "Skolen giver adgang til de tjenester, den bruger, og kan undersøge, hvorfor du ikke \
             har adgang.",
            "The school grants access to the services it uses and can look into why you have no \
             access.",
        ),
        HelperId::ServiceSupport => (
            "Kontakt supporten for den eller de tjenester, du ikke har adgang til.",
            "Contact the support of the service or services you have no access to.",
        ),
        HelperId::Stil => (
            "Kan desværre ikke hjælpe, når du ikke har adgang til en tjeneste.",
            "Cannot help when you have no access to a service.",
        ),
        HelperId::SelfService | HelperId::Teacher | HelperId::Parent => (
            "Kan ikke give adgang til en tjeneste; kontakt skolen eller tjenestens support.",
            "Cannot grant access to a service; contact the school or the service's support.",
        ),
    };
    Localized::new(da, en)
}
