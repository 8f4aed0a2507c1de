//! Legal bases and institution types as a binding's arguments give them: text read strictly or
//! (with `accepted`) in every form the registers use, and a type by its code.

use crate::{FieldError, InstitutionType, LegalBasis, Loc, Problem};

/// How a value is read from text: strictly, or (when the host checks it will be accepted)
/// refusing what is not accepted.
type Parse<T> = fn(&str) -> Result<T, FieldError>;

fn parse<T>(
    text: &str,
    accepted: bool,
    strict: Parse<T>,
    refusing: Parse<T>,
) -> Result<T, Problem> {
    let parse = if accepted { refusing } else { strict };
    parse(text).map_err(|e| e.at(Loc::root(), Some(text)))
}

/// The legal basis `text` names: [`LegalBasis::parse_accepted`] when `accepted`, else
/// [`LegalBasis::parse`].
///
/// # Errors
/// The parse's problem at the root, with the text as input.
pub fn parse_legal_basis(text: &str, accepted: bool) -> Result<LegalBasis, Problem> {
    parse(
        text,
        accepted,
        LegalBasis::parse,
        LegalBasis::parse_accepted,
    )
}

/// The institution type `text` names: [`InstitutionType::parse_accepted`] when `accepted`,
/// else [`InstitutionType::parse`].
///
/// # Errors
/// The parse's problem at the root, with the text as input.
pub fn parse_institution_type(text: &str, accepted: bool) -> Result<InstitutionType, Problem> {
    let strict = InstitutionType::parse;
    parse(text, accepted, strict, InstitutionType::parse_accepted)
}

/// The institution type with this code.
///
/// ```
/// let first = unilogin::InstitutionType::ALL[0];
/// assert_eq!(unilogin::form::institution_type(first.code())?, first);
/// assert_eq!(unilogin::form::institution_type(9999).unwrap_err().input(), Some("9999"));
/// # Ok::<(), unilogin::Problem>(())
/// ```
///
/// # Errors
/// The problem of the code's text, at the root.
pub fn institution_type(code: u16) -> Result<InstitutionType, Problem> {
    parse_institution_type(&code.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_refuses_what_is_not_accepted_and_problems_keep_their_input() {
        for basis in LegalBasis::ALL {
            assert_eq!(parse_legal_basis(basis.key(), false), Ok(basis));
        }
        let refused = parse_legal_basis("udliciteret", true).unwrap_err();
        assert_eq!(refused.kind().code(), "legal_basis_not_accepted");
        for t in InstitutionType::ALL {
            assert_eq!(institution_type(t.code()), Ok(t));
        }
        let bad = parse_legal_basis("nonsense", false).unwrap_err();
        assert_eq!((bad.loc(), bad.input()), (&Loc::root(), Some("nonsense")));
        assert!(parse_institution_type("nonsense", true).is_err());
    }
}
