//! Column names a record kind knows, and the closest one to a name it does not know.

use std::borrow::Cow;

use crate::record::Field;
use crate::RecordKind;

/// Every column name `kind` accepts, with the index of its field: canonical keys and aliases,
/// in field order.
pub(crate) fn known_columns(kind: RecordKind) -> Vec<(usize, &'static str)> {
    fn of<F: Field>() -> Vec<(usize, &'static str)> {
        F::ALL
            .iter()
            .enumerate()
            .flat_map(|(i, f)| {
                std::iter::once(f.key())
                    .chain(f.aliases().iter().copied())
                    .map(move |name| (i, name))
            })
            .collect()
    }
    match kind {
        RecordKind::Request => of::<crate::RequestField>(),
        RecordKind::Register => of::<crate::RegisterField>(),
        RecordKind::User => of::<crate::people::UserField>(),
    }
}

/// A name folded for comparison: lower case, letters and digits only, `æøå` spelt out as
/// exports without Danish letters do (`ae`, `oe`, `aa`).
fn fold(name: &str) -> String {
    crate::text::fold_danish(name, None)
}

/// Optimal-string-alignment distance over characters: insertions, deletions, substitutions
/// and transpositions of neighbours each cost 1.
fn distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut previous: Vec<usize> = (0..width).collect();
    let mut before_previous = vec![0; width];
    let mut current = vec![0; width];
    for (i, &ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX / 2);
            let mut value = (at(&previous, j) + usize::from(ca != cb))
                .min(at(&previous, j + 1) + 1)
                .min(at(&current, j) + 1);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca);
            if swapped {
                value = value.min(at(&before_previous, j - 1) + 1);
            }
            if let Some(slot) = current.get_mut(j + 1) {
                *slot = value;
            }
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// The known column closest to `name`, if one is close enough to be what was meant: after
/// folding case, punctuation and `æøå`, at most one edit per four characters (at least one),
/// and a best that denotes one field (the first name of that field wins). Failing that, a
/// name that holds a known name of at least three characters whole (`CVR-nr.` holds `cvr`,
/// `Kontakt e-mail` holds `email`) gets the longest such name, if it denotes one field. Names
/// longer than 64 characters get no suggestion.
pub(crate) fn suggestion(kind: RecordKind, name: &str) -> Option<&'static str> {
    let folded: Vec<char> = fold(name).chars().collect();
    if folded.is_empty() || folded.len() > 64 {
        return None;
    }
    closest(kind, &folded).or_else(|| containing(kind, &folded.iter().collect::<String>()))
}

/// The longest known name of at least three characters that `folded` holds whole, if the
/// longest ones denote one field.
fn containing(kind: RecordKind, folded: &str) -> Option<&'static str> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    let mut tie = false;
    for (field, known) in known_columns(kind) {
        let candidate = fold(known);
        let length = candidate.chars().count();
        if length < 3 || !folded.contains(&candidate) {
            continue;
        }
        match best {
            Some((b, _, _)) if length < b => {}
            Some((b, f, _)) if length == b => tie |= f != field,
            _ => {
                best = Some((length, field, known));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, _, known)| known)
}

/// The known name within the edit limit of `folded`, if the nearest denote one field.
fn closest(kind: RecordKind, folded: &[char]) -> Option<&'static str> {
    let limit = (folded.len() / 4).max(1);
    let mut best: Option<(usize, usize, &'static str)> = None;
    let mut tie = false;
    for (field, known) in known_columns(kind) {
        let candidate: Vec<char> = fold(known).chars().collect();
        if candidate.len().abs_diff(folded.len()) > limit {
            continue;
        }
        let d = distance(folded, &candidate);
        match best {
            _ if d > limit => {}
            Some((b, _, _)) if d > b => {}
            Some((b, f, _)) if d == b => tie |= f != field,
            _ => {
                best = Some((d, field, known));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, _, known)| known)
}

/// A column name as an error message or warning shows it. A file without a header line has a
/// data row there, so a cell with six or more digits (a CPR number, say) is masked like a CPR
/// field.
pub(crate) fn shown(column: &str) -> Cow<'_, str> {
    if column.bytes().filter(u8::is_ascii_digit).count() >= 6 {
        crate::people::Cpr::redact(column)
    } else {
        Cow::Borrowed(column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance(&chars("pnummer"), &chars("pnummer")), 0);
        assert_eq!(distance(&chars("pnumer"), &chars("pnummer")), 1);
        assert_eq!(distance(&chars("pnmumer"), &chars("pnummer")), 1);
        assert_eq!(distance(&chars(""), &chars("abc")), 3);
        assert_eq!(distance(&chars("kitten"), &chars("sitting")), 3);
    }

    #[test]
    fn close_names_get_a_suggestion() {
        let register = RecordKind::Register;
        assert_eq!(suggestion(register, "P-nummer"), Some("pNummer"));
        // As close to `p_number` as to `pNummer`: the field's first name.
        assert_eq!(suggestion(register, "pNumer"), Some("p_number"));
        assert_eq!(suggestion(register, "CVR-numer"), Some("cvrNummer"));
        // It holds a known name whole (was no suggestion: every ignored column that looks
        // like a known one gets one).
        assert_eq!(suggestion(register, "CVR-nr"), Some("cvr"));
        assert_eq!(suggestion(register, "geoBredde"), None);
        // `navn` is in the names of the institution, the street and the city: no one of them.
        assert_eq!(suggestion(register, "Navn"), None);
        let request = RecordKind::Request;
        assert_eq!(suggestion(request, "CVR nummer"), Some("CVR-nummer"));
        assert_eq!(
            suggestion(request, "Institutionens navn:"),
            Some("Institutionens navn")
        );
        assert_eq!(suggestion(request, "Kontakt e-mail"), Some("email"));
        assert_eq!(
            suggestion(request, "Lovgrundlag (§ 19)"),
            Some("Lovgrundlag")
        );
        assert_eq!(suggestion(register, ""), None);
        assert_eq!(suggestion(RecordKind::User, "Fornvan"), Some("fornavn"));
    }

    #[test]
    fn cpr_like_columns_are_masked() {
        assert_eq!(shown("150320-4120"), "150320-****");
        assert_eq!(shown("fornavn"), "fornavn");
    }
}
