//! Assigned passwords: what Unilogin gives a user when it assigns a password (at activation or
//! after a teacher's five-minute reset).
//!
//! - indskoling (0.–3. klasse): four pictures, order matters (four different pictures);
//! - mellemtrin (4.–6. klasse): two compound words, lower case (`solhatsnebold`);
//! - udskoling, youth education, employees and parents: two compound words and two digits, with
//!   the first letter of each word in upper case so the group's composition rule is met
//!   (`SolhatSnebold42`).
//!
//! Drawn uniformly with the caller's CSPRNG from the embedded lists in `data/` (see
//! `docs/word-list.md` for their sources, review and the entropy of each scheme). A drawn text
//! password that breaks the group's own policy (it contains the user's name, a season or a
//! common password) is drawn again, so every assigned password passes its group's policy.
//! Source of the schemes: STIL's Unilogin password guidance (confidence H; the
//! lower case of mellemtrin is M; the capitalisation and the picture set are model choices).

use std::fmt;
use std::sync::OnceLock;

use rand_core::{CryptoRng, RngCore};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::check::{check_password, Password, PasswordContext, PasswordPolicy};
use crate::people::UserGroup;
use crate::Lang;

const WORDS: &str = include_str!("../../data/compound-words-da.txt");
const PICTURES: &str = include_str!("../../data/pictures.tsv");

/// How many pictures an indskoling password has.
pub const PICTURES_PER_PASSWORD: usize = 4;

/// How many draws are tried before giving up on finding a password that passes the policy
/// (with the shipped lists a redraw is rare; 64 failures in a row means the names or a host's
/// policy exclude almost everything).
const MAX_DRAWS: usize = 64;

/// One picture of the indskoling set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Picture {
    /// The stable id, e.g. `sun`.
    pub id: &'static str,
    /// The Danish name, e.g. `sol`.
    pub da: &'static str,
    /// The English name, e.g. `sun`.
    pub en: &'static str,
}

impl Picture {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }

    /// The picture with this id.
    pub fn from_id(id: &str) -> Option<&'static Picture> {
        pictures().iter().find(|p| p.id == id)
    }
}

impl Serialize for Picture {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id)
    }
}

/// The picture set (from `data/pictures.tsv`).
pub fn pictures() -> &'static [Picture] {
    static SET: OnceLock<Vec<Picture>> = OnceLock::new();
    SET.get_or_init(|| {
        PICTURES
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some(Picture {
                    id: f.next()?,
                    da: f.next()?,
                    en: f.next()?,
                })
            })
            .collect()
    })
}

/// The compound-word list (from `data/compound-words-da.txt`).
pub fn words() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// An assigned password. `Debug` never shows it; [`AssignedPassword::reveal`] does, for the one
/// screen that shows it to its user.
pub enum AssignedPassword {
    /// Four pictures in order (indskoling).
    Pictures([&'static Picture; PICTURES_PER_PASSWORD]),
    /// A text password (mellemtrin and older).
    Text(Password),
}

impl AssignedPassword {
    /// The password as text: the text itself, or the pictures' names in `lang` joined by
    /// spaces (`sol hund bil træ`).
    pub fn reveal(&self, lang: Lang) -> String {
        match self {
            Self::Text(p) => p.reveal().to_owned(),
            Self::Pictures(ps) => ps
                .iter()
                .map(|p| p.name(lang))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The picture ids in order, for a picture password.
    pub fn picture_ids(&self) -> Option<[&'static str; PICTURES_PER_PASSWORD]> {
        match self {
            Self::Pictures(ps) => Some(ps.map(|p| p.id)),
            Self::Text(_) => None,
        }
    }
}

impl fmt::Debug for AssignedPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pictures(_) => f.write_str("AssignedPassword::Pictures(<redacted>)"),
            Self::Text(_) => f.write_str("AssignedPassword::Text(<redacted>)"),
        }
    }
}

/// Serialises the revealed password, for the host's one screen that shows it:
/// `{"kind": "pictures", "pictures": ["sun", …]}` or `{"kind": "text", "text": "…"}`.
impl Serialize for AssignedPassword {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("AssignedPassword", 2)?;
        match self {
            Self::Pictures(ps) => {
                st.serialize_field("kind", "pictures")?;
                st.serialize_field("pictures", &ps.map(|p| p.id))?;
            }
            Self::Text(p) => {
                st.serialize_field("kind", "text")?;
                st.serialize_field("text", p.reveal())?;
            }
        }
        st.end()
    }
}

/// Why no password could be assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    /// Every draw broke the group's policy (the names or a host's policy exclude almost every
    /// word); a host should report this to an administrator.
    #[error("no assigned password passing the group's policy was found in {0} draws")]
    Exhausted(usize),
}

/// A uniformly random index below `n` (rejection sampling: no modulo bias). `n` must be > 0.
fn uniform(rng: &mut (impl RngCore + CryptoRng), n: usize) -> usize {
    let n64 = u64::try_from(n).unwrap_or(u64::MAX).max(1);
    let zone = u64::MAX - (u64::MAX % n64);
    loop {
        let x = rng.next_u64();
        if x < zone {
            return usize::try_from(x % n64).unwrap_or(0);
        }
    }
}

fn pick<T: Copy>(rng: &mut (impl RngCore + CryptoRng), items: &[T]) -> Option<T> {
    if items.is_empty() {
        return None;
    }
    items.get(uniform(rng, items.len())).copied()
}

/// Upper-cases the first letter of `word` (æ, ø and å included).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Draws one candidate for `group`.
fn draw(group: UserGroup, rng: &mut (impl RngCore + CryptoRng)) -> Option<AssignedPassword> {
    match group {
        UserGroup::Indskoling => {
            let set = pictures();
            if set.len() < PICTURES_PER_PASSWORD {
                return None;
            }
            // Four different pictures: draw without replacement.
            let mut chosen: Vec<&'static Picture> = Vec::with_capacity(PICTURES_PER_PASSWORD);
            while chosen.len() < PICTURES_PER_PASSWORD {
                let p = set.get(uniform(rng, set.len()))?;
                if !chosen.iter().any(|c| c.id == p.id) {
                    chosen.push(p);
                }
            }
            <[&'static Picture; PICTURES_PER_PASSWORD]>::try_from(chosen)
                .ok()
                .map(AssignedPassword::Pictures)
        }
        UserGroup::Mellemtrin => {
            let (a, b) = (pick(rng, words())?, pick(rng, words())?);
            Some(AssignedPassword::Text(Password::new(format!("{a}{b}"))))
        }
        _ => {
            let (a, b) = (pick(rng, words())?, pick(rng, words())?);
            let digits = uniform(rng, 100);
            Some(AssignedPassword::Text(Password::new(format!(
                "{}{}{digits:02}",
                capitalised(a),
                capitalised(b)
            ))))
        }
    }
}

/// Assigns a password for a user of `group` with `names`, drawn with `rng` (a CSPRNG, e.g.
/// `rand_core::OsRng`), passing the group's policy.
///
/// ```
/// use rand_core::OsRng;
/// use unilogin::credentials::assigned::{assign, AssignedPassword};
/// use unilogin::people::UserGroup;
/// use unilogin::Lang;
///
/// let pictures = assign(UserGroup::Indskoling, &[], &mut OsRng)?;
/// assert_eq!(pictures.picture_ids().map(|ids| ids.len()), Some(4));
/// let text = assign(UserGroup::Udskoling, &["Søren Ågård"], &mut OsRng)?;
/// let shown = text.reveal(Lang::Da);
/// assert!(shown.len() >= 12 && shown.chars().filter(char::is_ascii_digit).count() == 2);
/// assert_eq!(format!("{text:?}"), "AssignedPassword::Text(<redacted>)");
/// # Ok::<(), unilogin::credentials::assigned::AssignError>(())
/// ```
///
/// # Errors
/// [`AssignError::Exhausted`] when no candidate passes the policy in 64 draws.
pub fn assign(
    group: UserGroup,
    names: &[&str],
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<AssignedPassword, AssignError> {
    assign_with(group, names, &PasswordPolicy::stil(group), rng)
}

/// Assigns like [`assign`] under a host's `policy` for text passwords. Picture passwords have no
/// text rules; a text password is drawn again until it passes `policy` with `names` (a policy
/// that forbids choosing is checked as if choosing were allowed, since the user does not choose).
///
/// # Errors
/// [`AssignError::Exhausted`] when no candidate passes the policy in 64 draws.
pub fn assign_with(
    group: UserGroup,
    names: &[&str],
    policy: &PasswordPolicy,
    rng: &mut (impl RngCore + CryptoRng),
) -> Result<AssignedPassword, AssignError> {
    let policy = PasswordPolicy {
        may_choose: true,
        ..*policy
    };
    let context = PasswordContext::new(group).with_names(names);
    for _ in 0..MAX_DRAWS {
        let Some(candidate) = draw(group, rng) else {
            break;
        };
        let passes = match &candidate {
            AssignedPassword::Pictures(_) => true,
            AssignedPassword::Text(p) => {
                check_password(p.reveal(), &context, &policy).is_ok_and(|r| r.is_ok())
            }
        };
        if passes {
            return Ok(candidate);
        }
    }
    Err(AssignError::Exhausted(MAX_DRAWS))
}

/// The entropy in bits of the scheme for `group` with the embedded lists (before the rare
/// redraws, which remove a negligible share of the space).
pub fn entropy_bits(group: UserGroup) -> f64 {
    let n = f64::from(u32::try_from(words().len()).unwrap_or(u32::MAX));
    let p = f64::from(u32::try_from(pictures().len()).unwrap_or(u32::MAX));
    match group {
        UserGroup::Indskoling => (p * (p - 1.0) * (p - 2.0) * (p - 3.0)).log2(),
        UserGroup::Mellemtrin => (n * n).log2(),
        _ => (n * n * 100.0).log2(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    #[test]
    fn the_lists_load() {
        assert!(words().len() >= 2000);
        assert!(pictures().len() >= 32);
        assert!(words()
            .iter()
            .all(|w| (5..=11).contains(&w.chars().count())));
    }

    #[test]
    fn schemes_have_the_documented_shape() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        for _ in 0..200 {
            let p = assign(UserGroup::Indskoling, &[], &mut rng).unwrap();
            let ids = p.picture_ids().unwrap();
            let mut unique = ids.to_vec();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), 4, "four different pictures");

            let m = assign(UserGroup::Mellemtrin, &[], &mut rng)
                .unwrap()
                .reveal(Lang::Da);
            assert!(m.chars().all(char::is_lowercase), "{m}");
            assert!((10..=22).contains(&m.chars().count()));

            let u = assign(UserGroup::Employee, &[], &mut rng)
                .unwrap()
                .reveal(Lang::Da);
            assert_eq!(u.chars().filter(char::is_ascii_digit).count(), 2, "{u}");
            assert!(u.chars().filter(|c| c.is_uppercase()).count() == 2, "{u}");
            assert!((12..=24).contains(&u.chars().count()));
        }
    }

    #[test]
    fn names_are_avoided() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        // "sol" is a part of many words; a user named Sol never gets one of them.
        for _ in 0..300 {
            let p = assign(UserGroup::Mellemtrin, &["Sol Hansen"], &mut rng).unwrap();
            assert!(!p.reveal(Lang::Da).contains("sol"));
        }
    }

    #[test]
    fn a_policy_that_excludes_everything_is_reported() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let impossible = PasswordPolicy {
            min_length: 30,
            ..PasswordPolicy::stil(UserGroup::Parent)
        };
        assert_eq!(
            assign_with(UserGroup::Parent, &[], &impossible, &mut rng).unwrap_err(),
            AssignError::Exhausted(64)
        );
    }

    #[test]
    fn uniform_stays_below_n() {
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        for n in [1, 2, 3, 7, 100, 2710] {
            assert!((0..1000).all(|_| uniform(&mut rng, n) < n));
        }
    }

    #[test]
    fn entropy_matches_the_list_sizes() {
        assert!(entropy_bits(UserGroup::Mellemtrin) > 22.0);
        assert!(entropy_bits(UserGroup::Udskoling) > entropy_bits(UserGroup::Mellemtrin) + 6.0);
        assert!(entropy_bits(UserGroup::Indskoling) > 20.0);
    }
}
