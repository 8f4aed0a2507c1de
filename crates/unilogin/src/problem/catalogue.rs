//! The catalogue: every error type with its stable code and its Danish and English message
//! templates, and the languages messages are rendered in.

use std::fmt;

use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// The language a message is rendered in. Danish is the default.
///
/// `#[non_exhaustive]`: a later version may add a language, so a `match` outside the crate
/// needs a `_` arm (the command falls back to English there):
///
/// ```compile_fail
/// fn word(lang: unilogin::Lang) -> &'static str {
///     match lang {
///         unilogin::Lang::Da => "række",
///         unilogin::Lang::En => "row",
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Danish (`da`), the default.
    #[default]
    Da,
    /// English (`en`).
    En,
}

impl Lang {
    /// Parses a language tag: `da` or `en` (case-insensitive; `da-DK`, `en-GB` and the like too).
    ///
    /// ```
    /// use unilogin::Lang;
    /// assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::parse("sv"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("da") {
            Some(Self::Da)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The language tag: `da` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Da => "da",
            Self::En => "en",
        }
    }
}

macro_rules! error_types {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal { da: $da:literal, en: $en:literal } )*) => {
        /// Every kind of problem the library can report, with a stable `snake_case` code.
        ///
        /// The codes are part of the public contract (they appear as `type` in every binding and
        /// in `docs/errors.md`); they never change meaning once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorType {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorType {
            /// Every error type, in catalogue order.
            pub const ALL: &'static [ErrorType] = &[ $( ErrorType::$variant, )* ];

            /// The stable `snake_case` code, e.g. `cvr_checksum`.
            pub fn code(self) -> &'static str {
                match self { $( ErrorType::$variant => $code, )* }
            }

            /// The message template in `lang`; `{name}` placeholders are filled from the context.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (ErrorType::$variant, Lang::Da) => $da, (ErrorType::$variant, Lang::En) => $en, )*
                }
            }

            /// Looks an error type up by its code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some(ErrorType::$variant), )* _ => None }
            }
        }
    };
}

error_types! {
    /// A mandatory field is absent or blank.
    Missing = "missing" {
        da: "Feltet skal udfyldes",
        en: "Field required"
    }
    /// A text is longer than the register allows.
    StringTooLong = "string_too_long" {
        da: "Må højst være {max_length} tegn langt (er {actual_length})",
        en: "Must be at most {max_length} characters long (is {actual_length})"
    }
    /// A text contains control characters (line breaks, tabs, NUL, …).
    StringControlCharacters = "string_control_characters" {
        da: "Må ikke indeholde linjeskift, tabulatorer eller andre kontroltegn",
        en: "Must not contain line breaks, tabs or other control characters"
    }
    /// A CVR number that is not eight digits starting with 1–9.
    CvrFormat = "cvr_format" {
        da: "Et CVR-nummer består af 8 cifre og starter ikke med 0",
        en: "A CVR number is 8 digits and does not start with 0"
    }
    /// A CVR number whose modulus-11 check fails.
    CvrChecksum = "cvr_checksum" {
        da: "CVR-nummeret {cvr} er ugyldigt (kontrolcifferet passer ikke)",
        en: "CVR number {cvr} is invalid (its check digit does not match)"
    }
    /// A P-number that is not ten digits starting with 1–9.
    PNumberFormat = "p_number_format" {
        da: "Et P-nummer består af 10 cifre og starter ikke med 0",
        en: "A P-number is 10 digits and does not start with 0"
    }
    /// A P-number whose modulus-11 check fails (a host may treat this as a warning).
    PNumberChecksum = "p_number_checksum" {
        da: "P-nummeret {p_number} er ugyldigt (kontrolcifferet passer ikke)",
        en: "P-number {p_number} is invalid (its check digit does not match)"
    }
    /// An institution number that is not `G` followed by five digits.
    InstitutionNumberFormat = "institution_number_format" {
        da: "Et institutionsnummer er et G efterfulgt af 5 cifre, f.eks. G18062",
        en: "An institution number is a G followed by 5 digits, e.g. G18062"
    }
    /// A legacy A-number, phased out by 1 January 2021.
    InstitutionNumberLegacy = "institution_number_legacy" {
        da: "{number} er et gammelt A-nummer, som blev udfaset 1. januar 2021; brug anvisningsenhedens G-nummer",
        en: "{number} is a legacy A-number, phased out on 1 January 2021; use the placement unit's G-number"
    }
    /// Neither a municipality name nor a municipality code, and nothing close.
    MunicipalityUnknown = "municipality_unknown" {
        da: "Ukendt kommune; angiv kommunens navn eller kommunekode",
        en: "Unknown municipality; give the municipality's name or code"
    }
    /// Not a municipality, but close to one.
    MunicipalitySuggestion = "municipality_suggestion" {
        da: "Ukendt kommune; mente du {suggestion}?",
        en: "Unknown municipality; did you mean {suggestion}?"
    }
    /// Christiansø (code 411) has a municipality code but is not a municipality.
    MunicipalityNotAMunicipality = "municipality_not_a_municipality" {
        da: "{name} ({code}) har en kommunekode, men er ikke en kommune",
        en: "{name} ({code}) has a municipality code but is not a municipality"
    }
    /// A phone number that is not eight digits (optionally with +45 or 0045).
    PhoneFormat = "phone_format" {
        da: "Et telefonnummer består af 8 cifre, evt. med +45 foran",
        en: "A phone number is 8 digits, optionally preceded by +45"
    }
    /// An eight-digit phone number starting with 0 or 1.
    PhoneFirstDigit = "phone_first_digit" {
        da: "Danske telefonnumre starter ikke med 0 eller 1",
        en: "Danish phone numbers do not start with 0 or 1"
    }
    /// More than one phone number in one field.
    PhoneMultiple = "phone_multiple" {
        da: "Angiv ét telefonnummer, ikke flere",
        en: "Give one phone number, not several"
    }
    /// An email address with invalid syntax.
    EmailFormat = "email_format" {
        da: "Ugyldig e-mailadresse",
        en: "Invalid email address"
    }
    /// A postal code that is not four digits.
    PostalCodeFormat = "postal_code_format" {
        da: "Et postnummer består af 4 cifre",
        en: "A postal code is 4 digits"
    }
    /// A four-digit postal code outside 0800–9990.
    PostalCodeRange = "postal_code_range" {
        da: "Danske postnumre ligger mellem {min} og {max}",
        en: "Danish postal codes lie between {min} and {max}"
    }
    /// A house number that is not 1–999 with an optional letter.
    HouseNumberFormat = "house_number_format" {
        da: "Et husnummer er et tal fra 1 til 999, evt. efterfulgt af et bogstav, f.eks. 12B",
        en: "A house number is a number from 1 to 999, optionally followed by a letter, e.g. 12B"
    }
    /// A legal basis that is not recognised at all.
    LegalBasisUnknown = "legal_basis_unknown" {
        da: "Ukendt lovgrundlag; vælg dagtilbudslovens § 19, stk. 2 (kommunal), stk. 3 (selvejende) eller stk. 5 (privat)",
        en: "Unknown legal basis; choose section 19(2) (municipal), 19(3) (self-governing) or 19(5) (private) of the Day Care Act"
    }
    /// A recognised legal basis that this form does not accept (§ 19, stk. 4).
    LegalBasisNotAccepted = "legal_basis_not_accepted" {
        da: "{label} (dagtilbudslovens § 19, stk. {stk}) kan ikke vælges her; kun stk. 2, 3 og 5",
        en: "{label} (section 19({stk}) of the Day Care Act) cannot be chosen here; only 19(2), 19(3) and 19(5)"
    }
    /// An institution type that is not recognised at all.
    InstitutionTypeUnknown = "institution_type_unknown" {
        da: "Ukendt institutionstype; vælg 6010 (0-2 år), 6011 (3-5 år) eller 6012 (0-5 år)",
        en: "Unknown institution type; choose 6010 (ages 0-2), 6011 (ages 3-5) or 6012 (ages 0-5)"
    }
    /// A recognised institution type that this form does not accept.
    InstitutionTypeNotAccepted = "institution_type_not_accepted" {
        da: "{code} ({label}) kan ikke vælges her; kun 6010, 6011 og 6012",
        en: "{code} ({label}) cannot be chosen here; only 6010, 6011 and 6012"
    }
    /// A register unit without a P-number cannot get Unilogin users.
    UniloginRequiresPNumber = "unilogin_requires_p_number" {
        da: "P-nummer mangler; uden det kan enheden ikke få Unilogin-brugere",
        en: "P-number missing; without it the unit cannot get Unilogin users"
    }
    /// § 19, stk. 4 has no onboarding journey in STIL's guide.
    OnboardingNotCovered = "onboarding_not_covered" {
        da: "STIL's vejledning beskriver ikke tilslutning for {label} (dagtilbudslovens § 19, stk. {stk})",
        en: "STIL's guide does not describe onboarding for {label} (section 19({stk}) of the Day Care Act)"
    }
    /// A step id that is not part of this legal basis' plan.
    OnboardingUnknownStep = "onboarding_unknown_step" {
        da: "Trinnet {step} findes ikke i forløbet for {legal_basis}",
        en: "Step {step} is not part of the {legal_basis} journey"
    }
    /// A step completed a second time.
    OnboardingStepDone = "onboarding_step_done" {
        da: "Trinnet {step} er allerede gennemført",
        en: "Step {step} is already completed"
    }
    /// A step whose prerequisites are not completed yet.
    OnboardingPrerequisitesOpen = "onboarding_prerequisites_open" {
        da: "Trinnet {step} kræver først: {open}",
        en: "Step {step} first requires: {open}"
    }
    /// A step completed by someone other than its responsible actor.
    OnboardingWrongActor = "onboarding_wrong_actor" {
        da: "Trinnet {step} udføres af {expected}, ikke {actual}",
        en: "Step {step} is done by {expected}, not {actual}"
    }
    /// No agreement with this id.
    AgreementNotFound = "agreement_not_found" {
        da: "Der findes ingen dataaftale med id {id}",
        en: "There is no data-access agreement with id {id}"
    }
    /// A data-access request naming no institution.
    AgreementNoInstitutions = "agreement_no_institutions" {
        da: "Anmodningen om dataadgang skal nævne mindst ét institutionsnummer",
        en: "The data-access request must name at least one institution number"
    }
    /// A pending or approved agreement already covers this vendor, system and institution.
    AgreementDuplicate = "agreement_duplicate" {
        da: "{vendor} har allerede en aftale om {system} for {institution}, der venter eller er godkendt",
        en: "{vendor} already has a pending or approved agreement on {system} for {institution}"
    }
    /// The person acts for a party that may not decide requests for this institution.
    AgreementWrongParty = "agreement_wrong_party" {
        da: "Anmodningen for {institution} godkendes eller afvises af {expected}, ikke {actual}",
        en: "The request for {institution} is approved or rejected by {expected}, not {actual}"
    }
    /// The deciding person lacks the Tilslutning right.
    AgreementMissingRight = "agreement_missing_right" {
        da: "Personen mangler NemLog-in-rettigheden \"Tilslutning: Ret til at administrere aftaler på tilslutning.stil.dk\"",
        en: "The person lacks the NemLog-in right \"Tilslutning: Ret til at administrere aftaler på tilslutning.stil.dk\""
    }
    /// A private daycare's deciding person lacks MitID Erhverv with key file.
    AgreementMissingKeyFile = "agreement_missing_key_file" {
        da: "En privat daginstitutions medarbejder skal have MitID Erhverv med nøglefil for at godkende eller afvise",
        en: "A private daycare's employee needs MitID Erhverv with key file to approve or reject"
    }
    /// A transition the agreement's state does not allow (deciding twice, deciding a closed or
    /// withdrawn request, closing a pending one, …).
    AgreementIllegalTransition = "agreement_illegal_transition" {
        da: "En aftale med status {state} kan ikke {action}",
        en: "An agreement with status {state} cannot be {action}"
    }
    /// Approval without a data processing agreement (a warning unless the host's policy is strict).
    AgreementDpaMissing = "agreement_dpa_missing" {
        da: "Der bør være indgået en databehandleraftale mellem institution og leverandør før godkendelsen",
        en: "A data processing agreement between institution and vendor should be in place before approval"
    }
    /// Only the actor who may take an action may take it (e.g. only the vendor withdraws).
    AgreementWrongActor = "agreement_wrong_actor" {
        da: "Kun {expected} kan {action}",
        en: "Only {expected} can {action}"
    }
    /// A CPR number that is not ten digits (DDMMYY-SSSS).
    CprFormat = "cpr_format" {
        da: "Et CPR-nummer består af 10 cifre: DDMMÅÅ-SSSS",
        en: "A CPR number is 10 digits: DDMMYY-SSSS"
    }
    /// A CPR number whose first six digits are not a date (under the century rule).
    CprDate = "cpr_date" {
        da: "CPR-nummerets første seks cifre er ikke en gyldig dato",
        en: "The first six digits of the CPR number are not a valid date"
    }
    /// A Unilogin username that is not four letters and four digits.
    UsernameFormat = "username_format" {
        da: "Et Unilogin-brugernavn består af 4 bogstaver efterfulgt af 4 cifre, f.eks. abcd1234",
        en: "A Unilogin username is 4 letters followed by 4 digits, e.g. abcd1234"
    }
    /// A role that is not pupil, youth-education student, employee or parent.
    RoleUnknown = "role_unknown" {
        da: "Ukendt rolle; vælg elev, elev på ungdomsuddannelse, medarbejder eller forælder",
        en: "Unknown role; choose pupil, youth-education student, employee or parent"
    }
    /// A grade that is not a school grade 0–10.
    GradeRange = "grade_range" {
        da: "Klassetrinnet skal være et tal fra {min} til {max}",
        en: "The grade must be a number from {min} to {max}"
    }
    /// A pupil without a grade.
    GradeRequired = "grade_required" {
        da: "En elev skal have et klassetrin",
        en: "A pupil must have a grade"
    }
    /// A grade given for a role that has none.
    GradeNotApplicable = "grade_not_applicable" {
        da: "Kun elever i grundskolen har et klassetrin, ikke {role}",
        en: "Only pupils in school have a grade, not {role}"
    }
    /// A password shorter than the group's minimum.
    PasswordTooShort = "password_too_short" {
        da: "Adgangskoden skal være mindst {min_length} tegn lang",
        en: "The password must be at least {min_length} characters long"
    }
    /// A password longer than the group's maximum.
    PasswordTooLong = "password_too_long" {
        da: "Adgangskoden må højst være {max_length} tegn lang",
        en: "The password must be at most {max_length} characters long"
    }
    /// A password without a lower-case letter where the group requires one.
    PasswordNeedsLowercase = "password_needs_lowercase" {
        da: "Adgangskoden skal indeholde et lille bogstav",
        en: "The password must contain a lower-case letter"
    }
    /// A password without an upper-case letter where the group requires one.
    PasswordNeedsUppercase = "password_needs_uppercase" {
        da: "Adgangskoden skal indeholde et stort bogstav",
        en: "The password must contain an upper-case letter"
    }
    /// A password without a digit where the group requires one.
    PasswordNeedsDigit = "password_needs_digit" {
        da: "Adgangskoden skal indeholde et tal",
        en: "The password must contain a digit"
    }
    /// A password with characters Unilogin does not accept (control characters, line breaks).
    PasswordCharacters = "password_characters" {
        da: "Adgangskoden må ikke indeholde linjeskift eller andre kontroltegn",
        en: "The password must not contain line breaks or other control characters"
    }
    /// A password containing the user's first or last name.
    PasswordContainsName = "password_contains_name" {
        da: "Adgangskoden må ikke indeholde dit navn",
        en: "The password must not contain your name"
    }
    /// A password containing a season (forår, sommer, efterår, vinter). The message names the
    /// rule, never the season found: that would tell a part of the password.
    PasswordContainsSeason = "password_contains_season" {
        da: "Adgangskoden må ikke indeholde en årstid",
        en: "The password must not contain a season"
    }
    /// A password on the list of common passwords.
    PasswordCommon = "password_common" {
        da: "Adgangskoden er for almindelig; vælg en, der er sværere at gætte",
        en: "The password is too common; choose one that is harder to guess"
    }
    /// A password equal to one of the user's recent passwords.
    PasswordReused = "password_reused" {
        da: "Adgangskoden må ikke være den samme som en af dine seneste {count} adgangskoder",
        en: "The password must not be the same as one of your last {count} passwords"
    }
    /// A chosen password for a group that cannot choose its own (indskoling).
    PasswordNotChoosable = "password_not_choosable" {
        da: "Elever i {group} kan ikke vælge deres egen adgangskode; de får en billedadgangskode",
        en: "Pupils in {group} cannot choose their own password; they get a picture password"
    }
    /// The issuer has the teacher role but no class affiliation with the pupil.
    ResetNoClassAffiliation = "reset_no_class_affiliation" {
        da: "Læreren er ikke tilknyttet en klasse med eleven",
        en: "The teacher has no class affiliation with the pupil"
    }
    /// The issuer is neither a teacher nor a user administrator with the ElevAdgang right.
    ResetNotAuthorised = "reset_not_authorised" {
        da: "Kun en lærer med klassetilknytning eller en brugeradministrator i ElevAdgang kan give en ny adgangskode",
        en: "Only a teacher with a class affiliation or a user administrator in ElevAdgang can issue a new password"
    }
    /// No grant for this user.
    ResetNoGrant = "reset_no_grant" {
        da: "Der er ikke givet en ny adgangskode til denne bruger",
        en: "No new password has been issued for this user"
    }
    /// A grant used after its five minutes.
    ResetExpired = "reset_expired" {
        da: "De {minutes} minutter til at bruge den nye adgangskode er gået",
        en: "The {minutes} minutes to use the new password have passed"
    }
    /// A grant used before it was issued (a clock in the future or the past).
    ResetNotYetValid = "reset_not_yet_valid" {
        da: "Tidspunktet ligger før adgangskoden blev givet",
        en: "The time lies before the password was issued"
    }
    /// A grant already redeemed.
    ResetUsed = "reset_used" {
        da: "Den nye adgangskode er allerede brugt",
        en: "The new password has already been used"
    }
    /// A grant replaced by a newer one for the same pupil.
    ResetSuperseded = "reset_superseded" {
        da: "Der er givet en nyere adgangskode til eleven",
        en: "A newer password has been issued for the pupil"
    }
    /// A wrong one-time code.
    ResetWrongCode = "reset_wrong_code" {
        da: "Forkert engangskode",
        en: "Wrong one-time code"
    }
    /// An entered one-time code that is not a code of the store's format (too short, too
    /// long, a character outside the alphabet). `ctx`: `format` (`digits6`, `crockford8`) and
    /// `length`, the characters of a code.
    ResetCodeFormat = "reset_code_format" {
        da: "Engangskoden har {length} tegn (mellemrum og bindestreger tæller ikke med); tjek, at den er skrevet, som du fik den",
        en: "The one-time code has {length} characters (spaces and dashes do not count); check that it is typed as you were given it"
    }
    /// Too many wrong one-time codes.
    ResetTooManyAttempts = "reset_too_many_attempts" {
        da: "For mange forkerte forsøg ({max_attempts}); bed om en ny adgangskode",
        en: "Too many wrong attempts ({max_attempts}); ask for a new password"
    }
    /// A clock time that is not HH:MM.
    TimeFormat = "time_format" {
        da: "Et klokkeslæt skrives TT:MM, f.eks. 06:30",
        en: "A time of day is written HH:MM, e.g. 06:30"
    }
    /// A stored JSON document that is not valid JSON of the expected shape.
    JsonInvalid = "json_invalid" {
        da: "Ugyldig JSON: {reason}",
        en: "Invalid JSON: {reason}"
    }
    /// A stored history (agreement ledger, reset grants, onboarding progress) one of whose
    /// events breaks the rules when replayed: `index` is its position, `reason` the rule.
    HistoryInvalid = "history_invalid" {
        da: "Historikken kan ikke genskabes: hændelse {index} er ugyldig ({reason})",
        en: "The history cannot be replayed: event {index} is invalid ({reason})"
    }
    /// A stored JSON document of an unknown format version.
    UnsupportedVersion = "unsupported_version" {
        da: "Formatversion {version} understøttes ikke (højst {supported})",
        en: "Format version {version} is not supported (at most {supported})"
    }
    /// An export file that cannot be opened or read (missing, a directory, no permission, …).
    FileUnreadable = "file_unreadable" {
        da: "Filen kan ikke læses: {reason}",
        en: "The file cannot be read: {reason}"
    }
    /// An export file whose extension names no format the reader knows (a spreadsheet, say).
    FileFormatUnknown = "file_format_unknown" {
        da: "Filendelsen {extension} er hverken CSV (.csv, .tsv, .txt) eller JSON Lines (.jsonl, .ndjson, .json); gem filen som CSV",
        en: "The extension {extension} is neither CSV (.csv, .tsv, .txt) nor JSON Lines (.jsonl, .ndjson, .json); save the file as CSV"
    }
    /// A CSV export without even a header line.
    FileEmpty = "file_empty" {
        da: "Filen er tom; en CSV-fil starter med en overskriftslinje",
        en: "The file is empty; a CSV file starts with a header line"
    }
    /// An export that is not text in UTF-8 or Windows-1252 (UTF-16, or a binary file).
    EncodingInvalid = "encoding_invalid" {
        da: "Linje {line} er ikke tekst i UTF-8 eller Windows-1252 ({encoding}); gem filen som CSV (UTF-8)",
        en: "Line {line} is not text in UTF-8 or Windows-1252 ({encoding}); save the file as CSV (UTF-8)"
    }
    /// A record longer than the reader accepts (usually a quote that is never closed).
    RecordTooLong = "record_too_long" {
        da: "Rækken, der starter på linje {line}, er længere end {max_bytes} bytes; mangler der et afsluttende anførselstegn?",
        en: "The record starting on line {line} is longer than {max_bytes} bytes; is a closing quote missing?"
    }
    /// A CSV header none of whose columns names a field of the record kind.
    CsvNoKnownColumn = "csv_no_known_column" {
        da: "Ingen kolonne i overskriften er et felt i {kind} (fandt {found}; forventede nogle af {expected}); tjek slags række og overskriftslinjen",
        en: "No column of the header names a {kind} field (found {found}; expected some of {expected}); check the record kind and the header line"
    }
    /// A CSV header that fits another record kind better than the one it is checked as (issue
    /// 14): fewer than half of its columns name a field of the kind, and another kind's fields
    /// name more than half of them.
    CsvKindMismatch = "csv_kind_mismatch" {
        da: "Overskriften ligner en {looks_like}-fil, ikke {kind}: {looks_like_known} kolonner er felter i {looks_like}, kun {known} af {columns} er felter i {kind}; kontrollér filen som {looks_like}",
        en: "The header looks like a {looks_like} file, not {kind}: {looks_like_known} columns are {looks_like} fields, only {known} of {columns} are {kind} fields; check the file as {looks_like}"
    }
    /// A CSV row with more or fewer fields than the header.
    CsvRowLength = "csv_row_length" {
        da: "Række {row} (linje {line}) har {fields} felter, men overskriften har {expected}; sæt felter, der indeholder skilletegnet, i anførselstegn",
        en: "Row {row} (line {line}) has {fields} fields, but the header has {expected}; quote fields that contain the delimiter"
    }
    /// A line of a JSON Lines file that is not valid JSON.
    JsonLineInvalid = "json_line_invalid" {
        da: "Linje {line} er ikke gyldig JSON (kolonne {column}): {reason}",
        en: "Line {line} is not valid JSON (column {column}): {reason}"
    }
    /// A line of a JSON Lines file that is JSON but not an object.
    JsonLineNotObject = "json_line_not_object" {
        da: "Linje {line} er ikke et JSON-objekt, men {found}; skriv ét objekt pr. linje (JSON Lines)",
        en: "Line {line} is not a JSON object but {found}; write one object per line (JSON Lines)"
    }
    /// A column no field of the record kind uses (ignored; a warning, not a row problem).
    ColumnUnknown = "column_unknown" {
        da: "Kolonnen {column} bruges ikke og ignoreres",
        en: "Column {column} is not used and is ignored"
    }
    /// A column no field uses, whose name is close to one that is (ignored; a warning).
    ColumnSuggestion = "column_suggestion" {
        da: "Kolonnen {column} bruges ikke og ignoreres; mente du {suggestion}?",
        en: "Column {column} is not used and is ignored; did you mean {suggestion}?"
    }
    // issue 12 (B)
    /// A value holding an invisible or formatting character (a zero-width character, a
    /// bidirectional control, a line or paragraph separator, a soft hyphen, a byte-order mark,
    /// …): `code_point` (`U+200B`) and `name` (its Unicode name) say which, `index` (from 0) and
    /// `position` (from 1) where, counted in characters of the input as given.
    InvisibleCharacter = "invisible_character" {
        da: "Indeholder et usynligt tegn, {code_point} ({name}), som tegn nr. {position}; slet det (det kommer ofte med, når tekst kopieres)",
        en: "Contains an invisible character, {code_point} ({name}), at character {position}; delete it (it often comes along when text is copied)"
    }
    /// A field other than a user's `cpr` holding a CPR-shaped number (`DDMMYY-SSSS` or
    /// `DDMMYYSSSS` whose first six digits are a real date): personal data in the wrong place.
    /// `index` (from 0) and `position` (from 1) say where it starts; the number itself is never
    /// shown (the problem's `input` masks it as `DDMMYY-****`).
    CprInWrongField = "cpr_in_wrong_field" {
        da: "Indeholder noget, der ligner et CPR-nummer (fra tegn nr. {position}); et CPR-nummer hører kun hjemme i en brugers cpr-felt",
        en: "Contains what looks like a CPR number (from character {position}); a CPR number belongs only in a user's cpr field"
    }
    // issue 12 (A)
    /// An export with no data rows: a CSV file with only its header line, or a JSON Lines file
    /// with no object (an input error, like an empty file).
    FileNoRows = "file_no_rows" {
        da: "Filen har ingen datarækker, så intet er kontrolleret (linjer læst: {lines}); er det den rigtige fil?",
        en: "The file has no data rows, so nothing was checked (lines read: {lines}); is it the right file?"
    }
    /// A quoted CSV field whose closing quote never comes: the rest of the file would be one
    /// field.
    CsvQuoteUnclosed = "csv_quote_unclosed" {
        da: "Anførselstegnet på linje {line} lukkes aldrig, så resten af filen ville blive ét felt; luk det eller fjern det",
        en: "The quote opened on line {line} is never closed, so the rest of the file would be one field; close it or remove it"
    }
    /// A CSV header naming one field in several columns: which value is meant is unclear.
    CsvColumnDuplicate = "csv_column_duplicate" {
        da: "Overskriften på linje {line} har feltet {field} flere gange ({columns}); behold én af kolonnerne",
        en: "The header on line {line} has field {field} more than once ({columns}); keep one of the columns"
    }
    /// A JSON Lines object naming one field under several keys with the same name: only the
    /// first is checked.
    JsonKeyDuplicate = "json_key_duplicate" {
        da: "Objektet har feltet {field} flere gange ({keys}); kun den første værdi er kontrolleret",
        en: "The object has field {field} more than once ({keys}); only the first value was checked"
    }
    // issue 12 (D)
    /// An event dated before the last one of its history (an agreement ledger, a reset-grant
    /// store): histories are recorded in time order.
    EventOutOfOrder = "event_out_of_order" {
        da: "Tidspunktet {at} ligger før den seneste hændelse ({last}); hændelser registreres i tidsorden",
        en: "The time {at} lies before the last event ({last}); events are recorded in time order"
    }
    /// A time (or the end of a reset window) outside the years 1–9999 that stored histories
    /// and the bindings can hold.
    TimeOutOfRange = "time_out_of_range" {
        da: "Tidspunktet {at} ligger uden for årene 1–9999",
        en: "The time {at} lies outside the years 1–9999"
    }
    /// A key id the store's keyring does not hold: a one-time code stored with it, or the
    /// current key named.
    ResetKeyUnknown = "reset_key_unknown" {
        da: "Nøglen {key_id} til engangskoder er ikke i nøgleringen",
        en: "The one-time code key {key_id} is not in the keyring"
    }
    /// A key for one-time codes with an unusable id or too short a secret.
    ResetKeyInvalid = "reset_key_invalid" {
        da: "En nøgle til engangskoder skal have et id på 1–64 bogstaver, cifre, '.', '_' eller '-' og en hemmelighed på mindst 32 bytes",
        en: "A key for one-time codes needs an id of 1–64 letters, digits, '.', '_' or '-' and a secret of at least 32 bytes"
    }
    // issue 13 (p)
    /// A pasted login message that names neither cause of a failed login nor "Ingen adgang".
    LoginMessageUnknown = "login_message_unknown" {
        da: "Beskeden ligner ikke en af Unilogins loginfejl; indsæt fejlbeskeden, f.eks. \"Ingen adgang\" eller \"Forkert brugernavn eller adgangskode\"",
        en: "The message does not look like one of Unilogin's login errors; paste the error message, e.g. \"Ingen adgang\" or \"Forkert brugernavn eller adgangskode\""
    }
    // issue 13 (r)
    /// A legal basis whose words name one base and whose subsection names another
    /// ("Kommunal, dagtilbudslovens §19, stk. 3"): `label` is the base the words name,
    /// `label_stk` its subsection, `stk` the subsection given.
    LegalBasisContradictory = "legal_basis_contradictory" {
        da: "Lovgrundlaget modsiger sig selv: {label} er dagtilbudslovens § 19, stk. {label_stk}, ikke stk. {stk}; ret enten ordet eller stykket",
        en: "The legal basis contradicts itself: {label} is section 19({label_stk}) of the Day Care Act, not 19({stk}); correct either the word or the subsection"
    }
    /// An institution type whose code, name and age label do not name the same type
    /// ("6012 - Alderen omkring 0-2 år", "Vuggestue 6012"): `first_code` and `first` (the
    /// type's name) for the first indication, `second_code` and `second` for the one that
    /// disagrees with it, in the order code, name, age label.
    InstitutionTypeContradictory = "institution_type_contradictory" {
        da: "Institutionstypen modsiger sig selv: den angiver både {first_code} ({first}) og {second_code} ({second}); angiv én af 6010 (0-2 år), 6011 (3-5 år) og 6012 (0-5 år)",
        en: "The institution type contradicts itself: it names both {first_code} ({first}) and {second_code} ({second}); give one of 6010 (ages 0-2), 6011 (ages 3-5) and 6012 (ages 0-5)"
    }
    /// Ten digits starting with `45` without `+` or `00` in front (`4533663366`): most likely
    /// the country code without its `+`, but not taken so silently. `number` is the eight
    /// digits after the `45` in the canonical form (a host may treat this as a warning and use
    /// it).
    PhoneCountryCodeWithoutPlus = "phone_country_code_without_plus" {
        da: "Nummeret ligner +45 {number} uden + foran; skriv +45 {number} eller {number}",
        en: "The number looks like +45 {number} without the +; write +45 {number} or {number}"
    }
    /// A CPR number whose birth date is after the reference date the records are checked on
    /// (`as_of`, `YYYY-MM-DD`; `ValidationPolicy::as_of`): a person not yet born.
    CprDateInFuture = "cpr_date_in_future" {
        da: "Fødselsdatoen i CPR-nummeret ligger efter {as_of}, datoen der kontrolleres på; tjek CPR-nummeret",
        en: "The birth date in the CPR number is after {as_of}, the date checked on; check the CPR number"
    }
    /// A pupil whose age on the reference date (`as_of`) is outside the ages expected in the
    /// grade band (`min_age`–`max_age`): a wrong grade or a wrong CPR number. Its own type, so
    /// a host can treat it as a warning. `ctx`: `age`, `grade`, `band`, `min_age`, `max_age`,
    /// `as_of`.
    AgeOutsideGradeBand = "age_outside_grade_band" {
        da: "Eleven er {age} år den {as_of}, men elever i {band} er normalt {min_age}–{max_age} år; tjek klassetrin ({grade}) og CPR-nummer",
        en: "The pupil is {age} years old on {as_of}, but pupils in the {band} are usually {min_age}–{max_age}; check the grade ({grade}) and the CPR number"
    }
    // issue 13 (s)
    /// A recognised institution type outside the host's set (`ValidationPolicy`'s
    /// `request_institution_types` or `register_institution_types` other than STIL's).
    InstitutionTypeNotInPolicy = "institution_type_not_in_policy" {
        da: "{code} ({label}) modtages ikke her; kun {accepted}",
        en: "{code} ({label}) is not accepted here; only {accepted}"
    }
    // issue 13 (e): item 6, internationalised email addresses
    /// An email address whose local part (before `@`) is longer than 64 octets (RFC 5321
    /// §4.5.3.1.1; a letter outside ASCII such as `ø` counts two).
    EmailLocalPartTooLong = "email_local_part_too_long" {
        da: "Delen før @ i e-mailadressen fylder {actual_length} bytes; højst {max_length} (æ, ø og å tæller to)",
        en: "The part of the email address before the @ is {actual_length} bytes long; at most {max_length} (æ, ø and å count two)"
    }
    /// An email domain with a label longer than 63 octets in its ASCII (`xn--`) form.
    EmailDomainLabelTooLong = "email_domain_label_too_long" {
        da: "Delen \"{label}\" af domænet efter @ fylder {actual_length} tegn i ASCII-form (punycode); højst {max_length}",
        en: "The part \"{label}\" of the domain after the @ is {actual_length} characters long in ASCII form (punycode); at most {max_length}"
    }
    /// An email domain longer than 253 octets in its ASCII (`xn--`) form.
    EmailDomainTooLong = "email_domain_too_long" {
        da: "Domænet efter @ fylder {actual_length} tegn i ASCII-form (punycode); højst {max_length}",
        en: "The domain after the @ is {actual_length} characters long in ASCII form (punycode); at most {max_length}"
    }
    // issue 13 (a): item 8, postal codes and towns, floors and doors, the address on one line
    /// Four digits in 0800–9990 that are not a Danish postal code: PostNord's list does not
    /// hold them (3900 is Nuuk in Greenland, 1234 no code at all). `ctx.postal_code`.
    PostalCodeUnknown = "postal_code_unknown" {
        da: "{postal_code} er ikke et dansk postnummer",
        en: "{postal_code} is not a Danish postal code"
    }
    /// Three digits that are a Danish postal code with its leading zero dropped, as a
    /// spreadsheet does (`800` for 0800). `ctx.postal_code` is the code with the zero.
    PostalCodeLeadingZero = "postal_code_leading_zero" {
        da: "Et postnummer består af 4 cifre; mente du {postal_code}? (et regneark fjerner ofte det foranstillede 0)",
        en: "A postal code is 4 digits; did you mean {postal_code}? (spreadsheets often drop the leading 0)"
    }
    /// A town (postal district) that is not the one PostNord's list gives the postal code.
    /// `ctx`: `postal_code` and `suggestion`, the code's town. A host may switch the check off
    /// (`ValidationPolicy::postal_town`).
    PostalCodeTownMismatch = "postal_code_town_mismatch" {
        da: "Postnummer {postal_code} er {suggestion}; bynavnet passer ikke til postnummeret",
        en: "Postal code {postal_code} is {suggestion}; the town does not match the postal code"
    }
    /// A floor that is not `st`, `1`–`99`, `kl` or `k2`–`k9`.
    FloorFormat = "floor_format" {
        da: "En etage er st., 1.–99., kl. eller k2–k9, f.eks. 2.",
        en: "A floor is st. (ground floor), 1–99, kl. (basement) or k2–k9, e.g. 2."
    }
    /// A door that is not `tv`, `th`, `mf` or a door number or code of 1–4 letters and digits
    /// with at least one digit.
    DoorFormat = "door_format" {
        da: "En dør er tv, th, mf eller et dørnummer på 1–4 tegn med mindst ét ciffer, f.eks. 3",
        en: "A door is tv (left), th (right), mf (middle) or a door number of 1–4 characters with a digit, e.g. 3"
    }
    /// An address on one line without a street, a house number, a postal code or a town where
    /// they belong ("Nørregade 12, 2. tv, 8000 Aarhus C").
    AddressLineFormat = "address_line_format" {
        da: "Skriv adressen som vejnavn, husnummer, evt. etage og dør, postnummer og by, f.eks. Nørregade 12, 2. tv, 8000 Aarhus C",
        en: "Write the address as street, house number, floor and door if any, postal code and town, e.g. Nørregade 12, 2. tv, 8000 Aarhus C"
    }
    /// A part of the address given twice with different values: in its own field and in the
    /// address line, or a floor or door in its own field and after the house number. `ctx`:
    /// `part` (the field's key), `given` (this field's value), `other` (the other value).
    AddressConflict = "address_conflict" {
        da: "Adressen har to forskellige værdier for {part}: {given} og {other}",
        en: "The address has two different values for {part}: {given} and {other}"
    }
}

impl fmt::Display for ErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for ErrorType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &t in ErrorType::ALL {
            assert!(seen.insert(t.code()), "duplicate code {}", t.code());
            assert!(t
                .code()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(ErrorType::from_code(t.code()), Some(t));
        }
    }

    #[test]
    fn every_placeholder_in_both_languages_is_the_same_set() {
        fn names(t: &str) -> Vec<&str> {
            let mut v: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
                .collect();
            v.sort_unstable();
            v
        }
        for &t in ErrorType::ALL {
            assert_eq!(
                names(t.template(Lang::Da)),
                names(t.template(Lang::En)),
                "{t}"
            );
        }
    }
}
