//! The one error shape used everywhere: `{type, loc, msg, input, ctx}`.
//!
//! Every problem the library reports has a stable `snake_case` [`ErrorType`] code, a location
//! ([`Loc`]) made of field keys and row indices, the raw input that caused it (if any), and a
//! context map ([`Ctx`]) holding the values the message template needs. Messages are rendered in
//! Danish or English from the type and the context, never translated from message text.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// The language a message is rendered in. Danish is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
    /// The deciding party is not the one who decides for this institution.
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
    /// A password containing a season (forår, sommer, efterår, vinter).
    PasswordContainsSeason = "password_contains_season" {
        da: "Adgangskoden må ikke indeholde en årstid ({season})",
        en: "The password must not contain a season ({season})"
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

/// One value in a problem's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CtxValue {
    /// A whole number, e.g. a maximum length.
    Int(i64),
    /// A text, e.g. a suggested municipality name.
    Str(Cow<'static, str>),
    /// A term with a stable key that messages render in their own language (e.g. a status).
    Term(&'static Term),
}

/// A word or phrase with a stable key and its Danish and English renderings, used in a context
/// where the message language decides the wording (statuses, actions, parties).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// The stable key, as serialised in `ctx`.
    pub key: &'static str,
    /// The Danish rendering.
    pub da: &'static str,
    /// The English rendering.
    pub en: &'static str,
}

impl Term {
    /// The rendering in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

impl CtxValue {
    /// The value as it appears in a message in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Self::Int(n) => Cow::Owned(n.to_string()),
            Self::Str(s) => Cow::Borrowed(s),
            Self::Term(t) => Cow::Borrowed(t.text(lang)),
        }
    }
}

impl fmt::Display for CtxValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(n) => write!(f, "{n}"),
            Self::Str(s) => f.write_str(s),
            Self::Term(t) => f.write_str(t.key),
        }
    }
}

impl Serialize for CtxValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Int(n) => serializer.serialize_i64(*n),
            Self::Str(s) => serializer.serialize_str(s),
            Self::Term(t) => serializer.serialize_str(t.key),
        }
    }
}

impl From<i64> for CtxValue {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl From<usize> for CtxValue {
    fn from(n: usize) -> Self {
        Self::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&'static str> for CtxValue {
    fn from(s: &'static str) -> Self {
        Self::Str(Cow::Borrowed(s))
    }
}

impl From<&'static Term> for CtxValue {
    fn from(t: &'static Term) -> Self {
        Self::Term(t)
    }
}

impl From<String> for CtxValue {
    fn from(s: String) -> Self {
        Self::Str(Cow::Owned(s))
    }
}

/// The template values of a problem, in insertion order. Serialises as a JSON object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ctx(Vec<(&'static str, CtxValue)>);

impl Ctx {
    /// An empty context.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds a value (builder style).
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<CtxValue>) -> Self {
        self.0.push((key, value.into()));
        self
    }

    /// The value for `key`, if present.
    pub fn get(&self, key: &str) -> Option<&CtxValue> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Whether the context is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &CtxValue)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl Serialize for Ctx {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Fills `{name}` placeholders in `template` from `ctx`, terms in `lang`. Unknown placeholders
/// stay as written.
pub(crate) fn render(template: &str, ctx: &Ctx, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            if let Some(value) = ctx.get(name) {
                out.push_str(&value.text(lang));
            } else {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            rest = &after[close + 1..];
        } else {
            out.push_str(&rest[open..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

/// The problem of one value, before it is placed in a record: a type and its context.
///
/// Every parser in [`crate::identifiers`] and [`crate::institution`] returns this on failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct FieldError {
    kind: ErrorType,
    ctx: Ctx,
}

impl FieldError {
    /// A field error of `kind` with an empty context.
    pub fn new(kind: ErrorType) -> Self {
        Self {
            kind,
            ctx: Ctx::new(),
        }
    }

    /// A field error of `kind` with `ctx`.
    pub fn with_ctx(kind: ErrorType, ctx: Ctx) -> Self {
        Self { kind, ctx }
    }

    /// The error type.
    pub fn kind(&self) -> ErrorType {
        self.kind
    }

    /// The template values.
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(self.kind.template(lang), &self.ctx, lang)
    }

    /// Places this error at `loc`, recording the raw `input`.
    pub fn at(self, loc: Loc, input: Option<&str>) -> Problem {
        Problem {
            kind: self.kind,
            loc,
            input: input.map(str::to_owned),
            ctx: self.ctx,
        }
    }
}

/// One step of a location: a field key or a row index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum LocItem {
    /// A 0-based row index.
    Index(usize),
    /// A canonical field key.
    Key(Cow<'static, str>),
}

impl fmt::Display for LocItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Index(i) => write!(f, "{i}"),
            Self::Key(k) => f.write_str(k),
        }
    }
}

/// Where a problem is: a path of row indices and field keys, outermost first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Loc(Vec<LocItem>);

impl Loc {
    /// The empty location (the value itself).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// A location of one field key.
    pub fn key(key: &'static str) -> Self {
        Self(vec![LocItem::Key(Cow::Borrowed(key))])
    }

    /// Appends `item` at the end (a deeper step).
    pub fn push(&mut self, item: LocItem) {
        self.0.push(item);
    }

    /// Puts `item` in front (e.g. the row index when a record becomes part of a file).
    pub fn prepend(&mut self, item: LocItem) {
        self.0.insert(0, item);
    }

    /// The items, outermost first.
    pub fn items(&self) -> &[LocItem] {
        &self.0
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

/// One problem: `{type, loc, msg, input, ctx}`; `msg` is rendered on demand in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    kind: ErrorType,
    loc: Loc,
    input: Option<String>,
    ctx: Ctx,
}

impl Problem {
    /// The error type.
    pub fn kind(&self) -> ErrorType {
        self.kind
    }

    /// The location.
    pub fn loc(&self) -> &Loc {
        &self.loc
    }

    /// The raw input that caused the problem, exactly as it arrived (a blank value is `""`);
    /// `None` when the field was absent altogether.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }

    /// The template values.
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(self.kind.template(lang), &self.ctx, lang)
    }

    /// Puts a row index in front of the location.
    #[must_use]
    pub fn in_row(mut self, row: usize) -> Self {
        self.loc.prepend(LocItem::Index(row));
        self
    }

    /// The problem in the shared shape, with its message in `lang`, ready to serialise.
    pub fn rendered(&self, lang: Lang) -> RenderedProblem<'_> {
        RenderedProblem {
            kind: self.kind,
            loc: &self.loc,
            msg: self.message(lang),
            input: self.input.as_deref(),
            ctx: &self.ctx,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.loc,
            self.message(Lang::En),
            self.kind
        )
    }
}

/// A problem in the serialised shape `{type, loc, msg, input, ctx}`.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedProblem<'a> {
    /// The stable error code.
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// Where the problem is.
    pub loc: &'a Loc,
    /// The rendered message.
    pub msg: String,
    /// The raw input, or `null` when missing.
    pub input: Option<&'a str>,
    /// The template values.
    pub ctx: &'a Ctx,
}

/// Every problem found in one value or record; never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
#[error("{} problem(s): {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds a problem.
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems in the order they were found (field order).
    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// Puts a row index in front of every location.
    #[must_use]
    pub fn in_row(self, row: usize) -> Self {
        Self(self.0.into_iter().map(|p| p.in_row(row)).collect())
    }

    /// The problems in the shared shape with messages in `lang`.
    pub fn rendered(&self, lang: Lang) -> Vec<RenderedProblem<'_>> {
        self.0.iter().map(|p| p.rendered(lang)).collect()
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
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

    #[test]
    fn render_fills_known_and_keeps_unknown_placeholders() {
        let ctx = Ctx::new()
            .with("max_length", 132_i64)
            .with("actual_length", 140_i64);
        assert_eq!(
            render(ErrorType::StringTooLong.template(Lang::En), &ctx, Lang::En),
            "Must be at most 132 characters long (is 140)"
        );
        assert_eq!(render("a {x} b {", &Ctx::new(), Lang::Da), "a {x} b {");
    }

    #[test]
    fn rendered_problem_has_the_shared_shape() {
        let p = FieldError::with_ctx(ErrorType::CvrChecksum, Ctx::new().with("cvr", "13585627"))
            .at(Loc::key("cvr"), Some("13585627"))
            .in_row(3);
        let json = serde_json::to_value(p.rendered(Lang::Da)).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "cvr_checksum",
                "loc": [3, "cvr"],
                "msg": "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)",
                "input": "13585627",
                "ctx": {"cvr": "13585627"}
            })
        );
    }
}
