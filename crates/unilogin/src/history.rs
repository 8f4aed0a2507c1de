//! The versioned JSON envelope of an append-only history, shared by the agreement ledger, the
//! reset-grant store and onboarding progress.
//!
//! A stored history is one JSON object: `{"version": N, …the owner's fields…}`, the owner's
//! fields holding its header (if any) and its events. One version rule for all: `version`
//! must be a whole number from 1 to the owner's current version; any other whole number is
//! [`ErrorType::UnsupportedVersion`], and text that is not JSON of the owner's shape (no
//! `version`, a `version` that is not a whole number, a missing or misspelt field) is
//! [`ErrorType::JsonInvalid`]. Loading replays every event through the owner's
//! [`Replay::apply`], the same rules its commands use, and the first event that breaks one is
//! [`ErrorType::HistoryInvalid`] naming its position and the rule.
//!
//! Every history is in time order: an event dated before the one recorded last is
//! [`ErrorType::EventOutOfOrder`] when a command makes it and, on loading, `history_invalid`
//! with that reason; a time outside the years 1–9999 (which RFC 3339 text and the bindings'
//! date types hold) is [`ErrorType::TimeOutOfRange`].

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::problem::serde_input::{self, ReadError};
use crate::{Ctx, CtxValue, ErrorType, FieldError, LocItem};

/// An owner of a history: applies one event of type `E`, checked by its rules.
pub(crate) trait Replay<E> {
    /// Checks `event` against the current state and, if it passes, records it.
    fn apply_event(&mut self, event: E) -> Result<(), FieldError>;
}

/// Applies `events` in order to `history`; the first that fails is
/// [`ErrorType::HistoryInvalid`] with its position (`index`) and `reason`: the broken rule's
/// code, or the reason of a structural fault the owner reports as `json_invalid`.
pub(crate) fn replay<H: Replay<E>, E>(
    mut history: H,
    events: impl IntoIterator<Item = E>,
) -> Result<H, FieldError> {
    for (index, event) in events.into_iter().enumerate() {
        history.apply_event(event).map_err(|e| broken(index, &e))?;
    }
    Ok(history)
}

/// [`ErrorType::HistoryInvalid`] for the event at `index` that broke `error`'s rule.
pub(crate) fn broken(index: usize, error: &FieldError) -> FieldError {
    let reason = match error.ctx().get("reason") {
        Some(reason) if error.kind() == ErrorType::JsonInvalid => reason.to_string(),
        _ => error.kind().code().to_owned(),
    };
    FieldError::with_ctx(
        ErrorType::HistoryInvalid,
        Ctx::new().with("index", index).with("reason", reason),
    )
}

/// RFC 3339 text of `at`, as events are stored.
pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `Ok` unless `at` lies before `last`, the time of the last event (or the latest time the
/// owner has been told of): [`ErrorType::EventOutOfOrder`].
pub(crate) fn check_order(
    last: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<(), FieldError> {
    match last {
        Some(last) if at < last => Err(FieldError::with_ctx(
            ErrorType::EventOutOfOrder,
            Ctx::new()
                .with("at", time_text(at))
                .with("last", time_text(last)),
        )),
        _ => Ok(()),
    }
}

/// `Ok` if `at` lies within the years 1–9999: [`ErrorType::TimeOutOfRange`] otherwise.
pub(crate) fn check_storable(at: DateTime<Utc>) -> Result<(), FieldError> {
    if (1..=9999).contains(&at.year()) {
        Ok(())
    } else {
        Err(FieldError::with_ctx(
            ErrorType::TimeOutOfRange,
            Ctx::new().with("at", time_text(at)),
        ))
    }
}

pub(crate) use crate::problem::serde_input::json_invalid;

/// Reads the owner's fields `B` of a stored document in JSON text whose version must be at most
/// `supported`.
pub(crate) fn load<B: DeserializeOwned>(text: &str, supported: u32) -> Result<B, FieldError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_invalid(e.to_string()))?;
    load_value(value, supported)
}

/// Reads the owner's fields `B` of a stored document already parsed as JSON; the version is
/// checked first, then `B` is read from the other fields.
pub(crate) fn load_value<B: DeserializeOwned>(
    mut value: Value,
    supported: u32,
) -> Result<B, FieldError> {
    check_version(&value, supported)?;
    if let Some(fields) = value.as_object_mut() {
        fields.remove("version");
    }
    serde_input::read(&value).map_err(|e| match e {
        // A domain value of an event (an A-number, a grade 11) breaks the history at that
        // event, as a rule its replay checks does: `history_invalid` naming it.
        ReadError::Domain { error, loc, .. } => match loc.items() {
            [LocItem::Key(events), LocItem::Index(index), ..] if events == "events" => {
                broken(*index, &error)
            }
            _ => error,
        },
        ReadError::Shape(error) => error,
    })
}

/// Deserialises a stored document for an owner's serde `Deserialize`: reads its fields `B` as
/// [`load_value`] does, then builds the owner with `build` (its replay); either error becomes
/// the deserialiser's, with the English message.
pub(crate) fn deserialize<'de, D, B, T, E>(
    deserializer: D,
    supported: u32,
    build: impl FnOnce(B) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    B: DeserializeOwned,
    E: std::fmt::Display,
{
    use serde::de::Error as _;
    use serde::Deserialize as _;
    let value = Value::deserialize(deserializer)?;
    let fields = load_value(value, supported).map_err(D::Error::custom)?;
    build(fields).map_err(D::Error::custom)
}

/// Accepts an object whose `version` is a whole number from 1 to `supported`.
fn check_version(value: &Value, supported: u32) -> Result<(), FieldError> {
    let Some(version) = value.get("version") else {
        return Err(json_invalid("missing field `version`"));
    };
    let number = version
        .as_i64()
        .map(CtxValue::from)
        .or_else(|| version.as_u64().map(|v| CtxValue::from(v.to_string())));
    match number {
        Some(CtxValue::Int(v)) if (1..=i64::from(supported)).contains(&v) => Ok(()),
        Some(v) => Err(FieldError::with_ctx(
            ErrorType::UnsupportedVersion,
            Ctx::new()
                .with("version", v)
                .with("supported", i64::from(supported)),
        )),
        None => Err(json_invalid("`version` must be a whole number")),
    }
}

/// The owner's fields of a history without a header: `{"events": […]}`.
#[derive(Serialize, serde::Deserialize)]
pub(crate) struct Events<E> {
    /// The events, oldest first.
    pub(crate) events: E,
}

/// The stored form as written: `version` first, then the owner's fields `B`.
#[derive(Serialize)]
pub(crate) struct Stored<B: Serialize> {
    version: u32,
    #[serde(flatten)]
    fields: B,
}

impl<B: Serialize> Stored<B> {
    /// The document of `fields` at `version`.
    pub(crate) fn new(version: u32, fields: B) -> Self {
        Self { version, fields }
    }

    /// The compact JSON text.
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Serialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Fields {
        events: Vec<u32>,
    }

    #[derive(Debug)]
    struct Ascending(Vec<u32>);

    impl Replay<u32> for Ascending {
        fn apply_event(&mut self, event: u32) -> Result<(), FieldError> {
            if self.0.last().is_some_and(|&last| last >= event) {
                return Err(json_invalid(format!("{event} is not above the last")));
            }
            self.0.push(event);
            Ok(())
        }
    }

    fn version_error(text: &str) -> (ErrorType, String) {
        let e = load::<Fields>(text, 2).unwrap_err();
        (e.kind(), e.message(crate::Lang::En))
    }

    #[test]
    fn versions_from_one_to_the_supported_one_load() {
        for v in [1, 2] {
            let text = format!(r#"{{"version": {v}, "events": [1, 2]}}"#);
            assert_eq!(load::<Fields>(&text, 2).unwrap().events, [1, 2]);
        }
        for (v, shown) in [
            ("0", "0"),
            ("-1", "-1"),
            ("3", "3"),
            ("18446744073709551615", "18446744073709551615"),
        ] {
            let (kind, msg) = version_error(&format!(r#"{{"version": {v}, "events": []}}"#));
            assert_eq!(kind, ErrorType::UnsupportedVersion);
            assert_eq!(
                msg,
                format!("Format version {shown} is not supported (at most 2)")
            );
        }
        for text in [
            "[]",
            r#"{"events": []}"#,
            r#"{"version": "1", "events": []}"#,
            r#"{"version": 1.5, "events": []}"#,
            r#"{"version": 1}"#,
            r#"{"version": 1, "events": [], "x": 0}"#,
            "{",
        ] {
            assert_eq!(version_error(text).0, ErrorType::JsonInvalid, "{text}");
        }
    }

    #[test]
    fn saving_writes_the_version_first() {
        let fields = Fields { events: vec![3] };
        let text = Stored::new(1, &fields).to_json();
        assert_eq!(text, r#"{"version":1,"events":[3]}"#);
        assert_eq!(load::<Fields>(&text, 1).unwrap(), fields);
    }

    #[test]
    fn serde_deserialisation_checks_like_loading() {
        let read = |text: &str| {
            let mut d = serde_json::Deserializer::from_str(text);
            deserialize(&mut d, 1, |f: Fields| replay(Ascending(vec![]), f.events))
        };
        assert_eq!(
            read(r#"{"version": 1, "events": [1, 4]}"#).unwrap().0,
            [1, 4]
        );
        let err = read(r#"{"version": 2, "events": []}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Format version 2 is not supported (at most 1)"
        );
        let err = read(r#"{"version": 1, "events": [4, 1]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The history cannot be replayed: event 1 is invalid (1 is not above the last)"
        );
    }

    #[test]
    fn times_are_in_order_and_storable() {
        use chrono::TimeZone;
        let nine = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        assert!(check_order(None, nine).is_ok());
        assert!(check_order(Some(nine), nine).is_ok());
        let e = check_order(Some(nine), nine - chrono::Duration::seconds(1)).unwrap_err();
        assert_eq!(
            e.message(crate::Lang::En),
            "The time 2026-11-02T08:59:59Z lies before the last event (2026-11-02T09:00:00Z); events are recorded in time order"
        );
        assert!(check_storable(nine).is_ok());
        let far = Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap();
        assert!(check_storable(far).is_ok());
        let e = check_storable(far + chrono::Duration::seconds(1)).unwrap_err();
        assert_eq!(e.kind(), ErrorType::TimeOutOfRange);
        assert!(check_storable(DateTime::<Utc>::MIN_UTC).is_err());
    }

    #[test]
    fn replay_names_the_first_broken_event() {
        assert_eq!(replay(Ascending(vec![]), [1, 2, 5]).unwrap().0, [1, 2, 5]);
        let e = replay(Ascending(vec![]), [1, 3, 2, 0]).unwrap_err();
        assert_eq!(e.kind(), ErrorType::HistoryInvalid);
        assert_eq!(
            e.message(crate::Lang::En),
            "The history cannot be replayed: event 2 is invalid (2 is not above the last)"
        );
    }
}
