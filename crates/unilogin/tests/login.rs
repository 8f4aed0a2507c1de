//! Activation and login help: the shared vectors in `tests/vectors/login.json`, and the texts
//! and JSON forms of the guides.

#![cfg(test)]

mod support;

use proptest::prelude::*;
use serde_json::{json, Value};
use unilogin::login::{
    Choice, FailureCause, Guide, HelperId, LoginPolicy, StepId, Task, UserFacts,
};
use unilogin::people::{Grade, Role};
use unilogin::{FieldError, Lang};

use support::load;

fn user_of(v: &Value) -> Result<UserFacts, FieldError> {
    let role = Role::parse(v["role"].as_str().unwrap(), v["grade"].as_str())?;
    let age = v["age"].as_u64().map(|a| u8::try_from(a).unwrap());
    Ok(UserFacts::new(
        role,
        v["has_own_mitid"].as_bool().unwrap(),
        age,
    ))
}

fn guide_of(case: &Value, user: UserFacts) -> Guide {
    let policy: LoginPolicy = case.get("policy").map_or_else(LoginPolicy::default, |p| {
        serde_json::from_value(p.clone()).unwrap()
    });
    match case["guide"].as_str().unwrap() {
        "activation" => Guide::activation(&user, &policy),
        "forgotten_password" => Guide::forgotten_password(&user, &policy),
        "change_password" => Guide::change_password(&user, &policy),
        "login_failed" => {
            let why = FailureCause::parse(case["cause"].as_str().unwrap()).unwrap();
            Guide::login_failed(why, &user, &policy)
        }
        other => panic!("unknown guide {other}"),
    }
}

fn keys<T: serde::Serialize>(items: &[T]) -> Value {
    serde_json::to_value(items).unwrap()
}

#[test]
fn login_vectors() {
    let doc = load("login.json");
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let label = case["name"].as_str().unwrap();
        match (
            user_of(&case["user"]),
            case.get("expect"),
            case.get("error"),
        ) {
            (Ok(user), Some(want), None) => {
                let guide = guide_of(case, user);
                assert_eq!(keys(&guide.step_ids()), want["steps"], "{label}: steps");
                assert_eq!(
                    keys(&guide.helper_ids()),
                    want["helpers"],
                    "{label}: helpers"
                );
                let cannot: Vec<HelperId> = guide.cannot_help.iter().map(|h| h.id).collect();
                assert_eq!(keys(&cannot), want["cannot_help"], "{label}: cannot_help");
                assert_eq!(guide.task.key(), case["guide"].as_str().unwrap(), "{label}");
            }
            (Err(err), None, Some(want)) => {
                assert_eq!(err.kind().code(), want["type"].as_str().unwrap(), "{label}");
            }
            (got, _, _) => panic!("{label}: got {got:?}"),
        }
    }
}

#[test]
fn message_vectors() {
    let doc = load("login.json");
    let cases = doc["messages"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        let label = case["name"].as_str().unwrap();
        let user = user_of(&case["user"]).unwrap();
        let message = case["message"].as_str().unwrap();
        match (
            Guide::for_message(message, &user, &LoginPolicy::default()),
            case.get("expect"),
            case.get("error"),
        ) {
            (Ok(guides), Some(want), None) => {
                let found: Vec<_> = guides.iter().map(|g| g.cause.unwrap()).collect();
                assert_eq!(keys(&found), want["causes"], "{label}: causes");
                assert!(
                    guides.iter().all(|g| g.task == Task::LoginFailed),
                    "{label}"
                );
                for (key, got) in [
                    ("steps", keys(&guides[0].step_ids())),
                    ("helpers", keys(&guides[0].helper_ids())),
                ] {
                    if let Some(w) = want.get(key) {
                        assert_eq!(&got, w, "{label}: {key}");
                    }
                }
            }
            (Err(err), None, Some(want)) => {
                assert_eq!(err.kind().code(), want["type"].as_str().unwrap(), "{label}");
                // The message renders in both languages.
                assert!(!err.message(Lang::Da).is_empty() && !err.message(Lang::En).is_empty());
            }
            (got, _, _) => panic!("{label}: got {got:?}"),
        }
    }
}

#[test]
fn vectors_use_every_step_and_helper() {
    let doc = load("login.json");
    let text = doc.to_string();
    for id in StepId::ALL {
        assert!(
            text.contains(&format!("\"{}\"", id.key())),
            "no vector uses step {id}"
        );
    }
    for id in HelperId::ALL {
        assert!(
            text.contains(&format!("\"{}\"", id.key())),
            "no vector uses helper {id}"
        );
    }
}

#[test]
fn the_json_form_of_a_guide() {
    let pupil = UserFacts::new(
        Role::Pupil {
            grade: Grade::new(2).unwrap(),
        },
        false,
        Some(8),
    );
    let guide = Guide::forgotten_password(&pupil, &LoginPolicy::default());
    let json = serde_json::to_value(&guide).unwrap();
    assert_eq!(json["task"], "forgotten_password");
    assert_eq!(json["cause"], Value::Null);
    assert_eq!(
        json["steps"][2],
        json!({
            "id": "teacher_issues_password",
            "actor": "teacher",
            "choice": "password_help",
            "text": {
                "da": "Fortæl din lærer, at du har brug for en adgangskode. Læreren giver dig en ny adgangskode via Elevadgang (elevadgang.unilogin.dk); derefter har du fem minutter til at logge ind med dit brugernavn.",
                "en": "Tell your teacher that you need a password. The teacher gives you a new password via Elevadgang (elevadgang.unilogin.dk); you then have five minutes to log in with your username."
            }
        })
    );
    assert_eq!(json["steps"][3]["actor"], "parent");
    assert_eq!(json["steps"][0]["choice"], Value::Null);
    assert_eq!(json["helpers"][0]["id"], "teacher");
    assert_eq!(
        json["helpers"][0]["name"],
        json!({"da": "Din lærer", "en": "Your teacher"})
    );
    let source = json["source"].as_str().unwrap();
    assert!(
        source.contains(
            "https://viden.stil.dk/display/STILVIDENOFFENTLIG/Unilogin+%7C+For+daginstitutioner"
        ),
        "{source}"
    );
    let back: Guide = serde_json::from_value(json).unwrap();
    assert_eq!(back, guide);
}

#[test]
fn user_facts_json_carries_the_role_inline() {
    let user: UserFacts = serde_json::from_value(
        json!({"role": "pupil", "grade": 4, "has_own_mitid": true, "age": 10}),
    )
    .unwrap();
    assert_eq!(user.role.group().key(), "mellemtrin");
    assert_eq!(user.age, Some(10));
    let employee: UserFacts =
        serde_json::from_value(json!({"role": "employee", "has_own_mitid": true})).unwrap();
    assert_eq!(employee.age, None);
    assert!(serde_json::from_value::<UserFacts>(
        json!({"role": "pupil", "grade": 11, "has_own_mitid": true})
    )
    .is_err());
    assert!(serde_json::from_value::<UserFacts>(json!({"role": "employee"})).is_err());
}

#[test]
fn no_access_says_stil_cannot_help_in_both_languages() {
    let user = UserFacts::new(Role::Employee, true, None);
    let guide = Guide::login_failed(
        FailureCause::NoAccessToService,
        &user,
        &LoginPolicy::default(),
    );
    assert_eq!(guide.task, Task::LoginFailed);
    let da = guide.to_text(Lang::Da);
    let en = guide.to_text(Lang::En);
    assert!(
        da.starts_with("\"Ingen adgang\": du har ikke adgang til tjenesten\n"),
        "{da}"
    );
    assert!(
        da.contains(
            "Kan ikke hjælpe:\n- Styrelsen for It og Læring (STIL): Kan desværre ikke hjælpe"
        ),
        "{da}"
    );
    assert!(
        en.contains("Who can help:\n- The school or institution:"),
        "{en}"
    );
    assert!(
        en.contains("\n2. Contact the school or the support of the service"),
        "{en}"
    );
}

#[test]
fn text_rendering_numbers_alternatives_once() {
    let pupil = UserFacts::new(
        Role::Pupil {
            grade: Grade::new(5).unwrap(),
        },
        false,
        Some(11),
    );
    let text = Guide::activation(&pupil, &LoginPolicy::default()).to_text(Lang::Da);
    let expected_starts = [
        "1. Enten: Din forælder går til en side med Unilogin",
        "   Eller: Bed en lærer på din skole",
        "2. Husk dit brugernavn, og klik på 'Afslut'.",
        "3. Første gang du logger ind:",
        "4. Enten: Fortæl din lærer",
        "   Eller: Dine forældre klikker på linket nederst",
        "5. Systemet tildeler en ny adgangskode.",
    ];
    let lines: Vec<&str> = text.lines().skip(2).take(expected_starts.len()).collect();
    for (line, start) in lines.iter().zip(expected_starts) {
        assert!(
            line.starts_with(start),
            "{line:?} should start with {start:?}\n{text}"
        );
    }
}

fn any_user() -> impl Strategy<Value = UserFacts> {
    let role = prop_oneof![
        (0_u8..=10).prop_map(|g| Role::Pupil {
            grade: Grade::new(g).unwrap()
        }),
        Just(Role::YouthEducation),
        Just(Role::Employee),
        Just(Role::Parent),
    ];
    (role, any::<bool>(), proptest::option::of(any::<u8>()))
        .prop_map(|(role, mitid, age)| UserFacts::new(role, mitid, age))
}

proptest! {
    #[test]
    fn guides_hold_their_shape_for_any_user_and_policy(
        user in any_user(),
        create in any::<u8>(),
        reset in any::<u8>(),
    ) {
        let policy = LoginPolicy { own_mitid_create_min_age: create, own_mitid_reset_min_age: reset };
        let guides = [
            Guide::activation(&user, &policy),
            Guide::forgotten_password(&user, &policy),
            Guide::login_failed(FailureCause::WrongUsernameOrPassword, &user, &policy),
        ];
        for guide in &guides {
            let ids = guide.step_ids();
            // Every credentials guide ends with the password, and the picture password is for
            // indskoling only.
            let last = *ids.last().unwrap();
            let indskoling = user.role.group().key() == "indskoling";
            prop_assert_eq!(last == StepId::AcceptPicturePassword, indskoling);
            // Own-MitID steps only for users allowed to use their own MitID.
            if ids.contains(&StepId::UseMitid) {
                prop_assert!(policy.can_reset_with_own_mitid(&user) || !user.has_own_mitid);
            }
            // Parents' and teachers' steps only for pupils and students, always in pairs.
            let helped = ids.iter().filter(|s| s.choice().is_some()).count();
            prop_assert!(helped == 0 || user.is_pupil());
            prop_assert!(helped % 2 == 0);
            for step in &guide.steps {
                prop_assert_eq!(step.choice, step.id.choice());
                if step.choice == Some(Choice::PasswordHelp) {
                    prop_assert!(!policy.can_reset_with_own_mitid(&user) || guide.task == Task::Activation);
                }
            }
            prop_assert!(!guide.helpers.is_empty());
            prop_assert!(guide.cannot_help.is_empty());
        }
    }
}
