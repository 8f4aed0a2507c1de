//! Every single-value parser: identifiers (all `ValueKind`s), CPR numbers, usernames, grades,
//! roles, legal bases, institution types, times and import schedules, language tags, keys.
//! Besides not panicking: canonical forms parse to themselves, and a masked CPR number shows
//! no more than its six date digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unilogin::credentials::reset::{CodeFormat, OneTimeCode};
use unilogin::form::ValueKind;
use unilogin::onboarding::{Actor, StepId};
use unilogin::people::{Cpr, Grade, Role, UserGroup, Username};
use unilogin::provisioning::{ImportSchedule, TimeOfDay};
use unilogin::{InstitutionType, Lang, LegalBasis, RecordKind};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    for kind in ValueKind::ALL {
        if let Ok(canonical) = kind.canonical(text) {
            assert_eq!(
                kind.canonical(&canonical).as_deref(),
                Ok(canonical.as_str()),
                "{kind:?}: the canonical form of {text:?} does not parse to itself"
            );
        }
    }
    if let Ok(cpr) = Cpr::parse(text) {
        assert_eq!(
            Cpr::parse(cpr.as_str()).map(|c| c.masked()),
            Ok(cpr.masked())
        );
    }
    let redacted = Cpr::redact(text);
    if redacted != text {
        assert!(redacted.bytes().filter(u8::is_ascii_digit).count() <= 6);
    }
    if let Ok(username) = Username::parse(text) {
        assert_eq!(Username::parse(username.as_str()), Ok(username));
    }
    let _ = Grade::parse(text);
    let (role, grade) = text.split_once('|').unwrap_or((text, ""));
    let _ = Role::parse(role, Some(grade));
    let _ = Role::parse(role, None);
    let _ = LegalBasis::parse(text);
    let _ = LegalBasis::parse_accepted(text);
    let _ = InstitutionType::parse(text);
    let _ = InstitutionType::parse_accepted(text);
    if let Ok(time) = TimeOfDay::parse(text) {
        assert_eq!(TimeOfDay::parse(&time.to_string()), Ok(time));
    }
    let times: Vec<&str> = text.split(',').collect();
    if let Ok(schedule) = ImportSchedule::parse(&times) {
        let _ = schedule.to_string();
    }
    let _ = Lang::parse(text);
    let _ = UserGroup::from_key(text);
    let _ = RecordKind::from_name(text);
    let _ = ValueKind::from_name(text);
    let _ = StepId::parse(text);
    let _ = Actor::parse(text);
    for format in [CodeFormat::Digits6, CodeFormat::Crockford8] {
        if let Some(code) = OneTimeCode::parse(format, text) {
            let _ = code.grouped();
        }
    }
});
