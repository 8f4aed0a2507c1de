//! The address fields of a record checked together: street, house number (which may carry the
//! floor and door), floor, door, postal code and town, or the whole address on one line
//! ([`Address::parse_line`]); parts given twice must agree, and the town must be the postal
//! code's when the policy says so.
//!
//! Generic over the record's [`Field`]s, so a record kind passes its own fields in and this
//! module needs none of the kinds.

use super::checker::Checker;
use super::field::Field;
use crate::identifiers::{Address, City, Door, Floor, HouseNumber, PostalCode, Street};
use crate::text::TextValue;
use crate::{Ctx, ErrorType, FieldError, ValidationPolicy};

/// A record kind's address fields. `line` is the field of the address on one line, if the
/// kind has one.
pub(crate) struct AddressFields<F> {
    pub(crate) line: Option<F>,
    pub(crate) street: F,
    pub(crate) house_number: F,
    pub(crate) floor: F,
    pub(crate) door: F,
    pub(crate) postal_code: F,
    pub(crate) city: F,
}

/// Each address field's value as the checks give it (`None` where missing, invalid, or a text
/// field only checked), and the whole address when every part is valid and built.
pub(crate) struct CheckedAddress {
    pub(crate) line: Option<Address>,
    pub(crate) street: Option<Street>,
    pub(crate) house_number: Option<HouseNumber>,
    pub(crate) floor: Option<Floor>,
    pub(crate) door: Option<Door>,
    pub(crate) postal_code: Option<PostalCode>,
    pub(crate) city: Option<City>,
    pub(crate) address: Option<Address>,
}

/// The value of an optional field, noting in `bad` that it was invalid.
fn note<T>(bad: &mut bool, result: Result<Option<T>, ()>) -> Option<T> {
    *bad |= result.is_err();
    result.ok().flatten()
}

/// The value of a field read as optional, with [`ErrorType::Missing`] reported when it is
/// `required` and absent (as a required read reports it); `bad` notes an invalid value.
fn need<F: Field, T>(
    c: &mut Checker<'_, '_, F>,
    bad: &mut bool,
    field: F,
    required: bool,
    result: Result<Option<T>, ()>,
) -> Option<T> {
    if required && c.value(field).is_none() {
        c.report(field, FieldError::new(ErrorType::Missing));
    }
    note(bad, result)
}

/// The problem of a part given twice with two values.
fn conflict(part: &'static str, given: &str, other: &str) -> FieldError {
    FieldError::with_ctx(
        ErrorType::AddressConflict,
        Ctx::new()
            .with("part", part)
            .with("given", given.to_owned())
            .with("other", other.to_owned()),
    )
}

/// Checks the address fields of one record, reporting every problem to `c`.
///
/// Without a line, street, house number, postal code and town are mandatory. With a line, its
/// parts are the address and a part also given in its own field must have the same value
/// (`address_conflict` at that field). A floor or a door after the house number and in its own
/// field must agree too. Then, under `policy.postal_town`, the town must be the postal code's
/// (`postal_code_town_mismatch` at the town's field, or at the line).
pub(crate) fn check_address<F: Field>(
    c: &mut Checker<'_, '_, F>,
    f: &AddressFields<F>,
    policy: ValidationPolicy,
) -> CheckedAddress {
    let line_field = f.line.filter(|&l| c.value(l).is_some());
    let line = line_field.and_then(|l| c.optional(l, Address::parse_line).ok().flatten());
    let mut bad = line_field.is_some() && line.is_none();
    // Without a line, street, house number, postal code and town are required: one set of
    // optional reads for both cases, with `missing` reported where a required one is absent.
    let required = line_field.is_none();
    let street = c.optional_text::<Street>(f.street);
    let street = need(c, &mut bad, f.street, required, street);
    let house = c.optional_exact(f.house_number, HouseNumber::parse_with_unit);
    let house = need(c, &mut bad, f.house_number, required, house);
    let postal_code = c.optional_exact(f.postal_code, PostalCode::parse);
    let postal_code = need(c, &mut bad, f.postal_code, required, postal_code);
    let city = c.optional_text::<City>(f.city);
    let city = need(c, &mut bad, f.city, required, city);
    let floor = note(&mut bad, c.optional_exact(f.floor, Floor::parse));
    let door = note(&mut bad, c.optional_exact(f.door, Door::parse));
    let (house_number, unit_floor, unit_door) = match house {
        Some((h, fl, d)) => (Some(h), fl, d),
        None => (None, None, None),
    };

    let mut clash = unit_conflicts(c, f, (floor, unit_floor), (door, unit_door));
    let floor_value = floor.or(unit_floor);
    let door_value = door.or(unit_door);
    if let Some(line) = &line {
        let values = [
            house_number.as_ref().map(HouseNumber::as_str),
            postal_code.as_ref().map(PostalCode::as_str),
            floor_value.as_ref().map(Floor::as_str),
            door_value.as_ref().map(Door::as_str),
        ];
        clash |= line_conflicts(c, f, line, values);
    }

    // The town against the postal code.
    let (code, town, town_field) = match (&line, line_field) {
        (Some(line), Some(l)) => (Some(line.postal_code), Some(line.city.as_str()), l),
        _ => (
            postal_code,
            c.value(f.city)
                .map(crate::text::trim)
                .filter(|t| City::check(t).is_ok()),
            f.city,
        ),
    };
    if policy.postal_town && !clash {
        if let (Some(code), Some(town)) = (code, town) {
            if let Err(e) = code.check_town(town) {
                c.report(town_field, e);
                clash = true;
            }
        }
    }

    let address = if bad || clash {
        None
    } else if let Some(line) = &line {
        Some(Address {
            floor: line.floor.or(floor_value),
            door: line.door.or(door_value),
            ..line.clone()
        })
    } else {
        match (
            street.clone(),
            house_number.clone(),
            postal_code,
            city.clone(),
        ) {
            (Some(street), Some(house_number), Some(postal_code), Some(city)) => Some(Address {
                street,
                house_number,
                floor: floor_value,
                door: door_value,
                postal_code,
                city,
            }),
            _ => None,
        }
    };
    CheckedAddress {
        line,
        street,
        house_number,
        floor: floor_value,
        door: door_value,
        postal_code,
        city,
        address,
    }
}

/// Reports a floor or a door given after the house number and in its own field with two
/// values (each pair: the field's, the house number's); whether one was.
fn unit_conflicts<F: Field>(
    c: &mut Checker<'_, '_, F>,
    f: &AddressFields<F>,
    floors: (Option<Floor>, Option<Floor>),
    doors: (Option<Door>, Option<Door>),
) -> bool {
    let mut clash = false;
    if let (Some(a), Some(b)) = floors {
        if a != b {
            c.report(f.floor, conflict(f.floor.key(), a.as_str(), b.as_str()));
            clash = true;
        }
    }
    if let (Some(a), Some(b)) = doors {
        if a != b {
            c.report(f.door, conflict(f.door.key(), a.as_str(), b.as_str()));
            clash = true;
        }
    }
    clash
}

/// Reports the parts given both on the line and in their own field with two values; whether
/// one was. `values` are the house number, postal code, floor and door the fields gave. Text
/// parts are compared as written (trimmed), when their field is valid text, so that a check
/// that only checks finds the same.
fn line_conflicts<F: Field>(
    c: &mut Checker<'_, '_, F>,
    f: &AddressFields<F>,
    line: &Address,
    values: [Option<&str>; 4],
) -> bool {
    let mut clash = false;
    let texts = [
        (
            f.street,
            line.street.as_str(),
            Street::check as fn(&str) -> Result<(), FieldError>,
        ),
        (f.city, line.city.as_str(), City::check),
    ];
    for (field, part, check) in texts {
        if let Some(v) = c.value(field) {
            let v = crate::text::trim(v);
            if check(v).is_ok() && v != part {
                c.report(field, conflict(field.key(), v, part));
                clash = true;
            }
        }
    }
    let [house_number, postal_code, floor, door] = values;
    let exact = [
        (
            f.house_number,
            house_number,
            Some(line.house_number.as_str()),
        ),
        (f.postal_code, postal_code, Some(line.postal_code.as_str())),
        (f.floor, floor, line.floor.as_ref().map(Floor::as_str)),
        (f.door, door, line.door.as_ref().map(Door::as_str)),
    ];
    for (field, value, part) in exact {
        if let (Some(v), Some(part)) = (value, part) {
            if v != part {
                // A floor or door from the house number field is reported there.
                let at = if c.value(field).is_some() {
                    field
                } else {
                    f.house_number
                };
                c.report(at, conflict(field.key(), v, part));
                clash = true;
            }
        }
    }
    clash
}
