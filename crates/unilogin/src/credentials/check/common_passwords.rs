//! The list of common passwords and the seasons, searched in one pass.
//!
//! Built once (on first use) from `data/common-passwords.txt`:
//! - a sorted list of every entry in both folds, for exact look-ups by binary search;
//! - an Aho–Corasick automaton over the four seasons (both spellings of forår and efterår) and
//!   every entry of at least [`CONTAINMENT_MIN_CHARS`] characters, so one pass over the folded
//!   password finds a season and any long common password it contains.

use std::collections::VecDeque;
use std::sync::OnceLock;

use zeroize::Zeroizing;

use super::fold::{fold, Fold};

/// The list as shipped: one entry a line, `#` comments. Sources in its header.
const LIST: &str = include_str!("../../../data/common-passwords.txt");

/// Entries at least this long are refused anywhere inside a password, not only as the whole
/// password: a list entry of this length would on its own satisfy STIL's minimum length, so
/// padding it does not make a password hard to guess.
pub const CONTAINMENT_MIN_CHARS: usize = 8;

/// The seasons as searched (folded spellings) and the Danish word each stands for (for tests
/// and the scan's callers; no report names the season found).
const SEASONS: [(&str, &str); 6] = [
    ("foraar", "forår"),
    ("forar", "forår"),
    ("sommer", "sommer"),
    ("efteraar", "efterår"),
    ("efterar", "efterår"),
    ("vinter", "vinter"),
];

/// The output bit of states where a long common password ends; the low bits hold the season
/// (index into [`SEASONS`] + 1, 0 for none).
const COMMON_BIT: u8 = 0x80;

/// What one pass over a folded password found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Found {
    /// The first season (Danish word) that ends in the text (never reported to the user).
    pub season: Option<&'static str>,
    /// Whether a common password of at least [`CONTAINMENT_MIN_CHARS`] characters occurs.
    pub long_common: bool,
}

struct Lists {
    /// Every entry, full and short fold, sorted and without duplicates.
    exact: Vec<Box<str>>,
    automaton: Automaton,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut exact = Vec::with_capacity(2_600);
        let mut long: Vec<Box<str>> = Vec::new();
        for entry in LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            for folded in [fold(entry, Fold::Full), fold(entry, Fold::Short)] {
                if folded.is_empty() {
                    continue;
                }
                let folded = folded.into_boxed_str();
                if folded.chars().count() >= CONTAINMENT_MIN_CHARS {
                    // `Box<str>` like `exact`: one sort for both (a smaller WebAssembly module).
                    long.push(folded.clone());
                }
                exact.push(folded);
            }
        }
        exact.sort_unstable();
        exact.dedup();
        long.sort_unstable();
        long.dedup();
        let mut patterns: Vec<(&[u8], u8)> = SEASONS
            .iter()
            .zip(1_u8..)
            .map(|((spelling, _), tag)| (spelling.as_bytes(), tag))
            .collect();
        patterns.extend(long.iter().map(|p| (p.as_bytes(), COMMON_BIT)));
        Lists {
            exact,
            automaton: Automaton::build(&patterns),
        }
    })
}

/// Searches the full fold of a password for seasons and long common passwords.
pub(super) fn scan(full: &str) -> Found {
    let (tag, long_common) = lists().automaton.scan(full.as_bytes());
    let season = usize::from(tag)
        .checked_sub(1)
        .and_then(|i| SEASONS.get(i))
        .map(|(_, word)| *word);
    Found {
        season,
        long_common,
    }
}

/// Whether the full fold of a password is on the list, whole or without the digits at either
/// end (`fodbold2024`, `123password`).
pub(super) fn is_listed(full: &str) -> bool {
    let exact = &lists().exact;
    let listed = |s: &str| exact.binary_search_by(|e| (**e).cmp(s)).is_ok();
    let core = full.trim_matches(|c: char| !c.is_alphabetic());
    listed(full) || (core.len() != full.len() && !core.is_empty() && listed(core))
}

/// Whether `password` is a common password under the `not_common` rule: on the list after
/// folding (whole, or without digits at either end), or containing a list entry of at least
/// [`CONTAINMENT_MIN_CHARS`] characters. Folding: lower case, letters and digits only, æ/ø/å
/// as ae/oe/aa (the list holds both spellings). See `docs/passwords.md`.
///
/// ```
/// use unilogin::credentials::check::is_common_password;
/// assert!(is_common_password("Password"));
/// assert!(is_common_password("Fodbold2024!"));
/// assert!(is_common_password("Hej med dig"));
/// assert!(is_common_password("MinAdgangskode7"));
/// assert!(!is_common_password("Hestesko-Bilvask-12"));
/// ```
pub fn is_common_password(password: &str) -> bool {
    // A copy of the password: wiped when dropped.
    let full = Zeroizing::new(fold(password, Fold::Full));
    is_listed(&full) || scan(&full).long_common
}

/// A dense Aho–Corasick automaton over byte classes (bytes that occur in no pattern share
/// class 0 and lead back to the start).
struct Automaton {
    classes: [u8; 256],
    width: usize,
    /// `next[state * width + class]`: the complete transition function.
    next: Vec<u16>,
    /// Per state: [`COMMON_BIT`] and the season tag of every pattern ending there.
    out: Vec<u8>,
}

const NONE: u16 = u16::MAX;

impl Automaton {
    /// Builds the automaton. Patterns that would need more than `u16::MAX - 1` states are left
    /// out (the shipped list needs a few thousand; a unit test checks nothing is left out).
    fn build(patterns: &[(&[u8], u8)]) -> Self {
        let mut classes = [0_u8; 256];
        let mut width = 1_u8;
        for &b in patterns.iter().flat_map(|(p, _)| p.iter()) {
            if let Some(class) = classes.get_mut(usize::from(b)) {
                if *class == 0 && width < u8::MAX {
                    *class = width;
                    width += 1;
                }
            }
        }
        let width = usize::from(width);
        let class_of = |b: u8| usize::from(classes.get(usize::from(b)).copied().unwrap_or(0));

        // The trie.
        let mut next = vec![NONE; width];
        let mut out = vec![0_u8];
        'patterns: for &(pattern, tag) in patterns {
            let mut state = 0_usize;
            for &b in pattern {
                let slot = state * width + class_of(b);
                match next.get(slot).copied() {
                    Some(s) if s != NONE => state = usize::from(s),
                    _ => {
                        let Ok(id) = u16::try_from(out.len()) else {
                            break 'patterns;
                        };
                        if id == NONE {
                            break 'patterns;
                        }
                        if let Some(cell) = next.get_mut(slot) {
                            *cell = id;
                        }
                        next.resize(next.len() + width, NONE);
                        out.push(0);
                        state = usize::from(id);
                    }
                }
            }
            if let Some(o) = out.get_mut(state) {
                *o = merge(*o, tag);
            }
        }

        // Failure links in breadth-first order, folded into the transition table.
        let mut fail = vec![0_u16; out.len()];
        let mut queue = VecDeque::new();
        for cell in next.iter_mut().take(width) {
            if *cell == NONE {
                *cell = 0;
            } else {
                queue.push_back(usize::from(*cell));
            }
        }
        while let Some(r) = queue.pop_front() {
            let r_fail = usize::from(fail.get(r).copied().unwrap_or(0));
            for class in 0..width {
                let via_fail = next.get(r_fail * width + class).copied().unwrap_or(0);
                let Some(cell) = next.get_mut(r * width + class) else {
                    continue;
                };
                if *cell == NONE {
                    *cell = via_fail;
                } else {
                    let s = usize::from(*cell);
                    if let Some(f) = fail.get_mut(s) {
                        *f = via_fail;
                    }
                    let inherited = out.get(usize::from(via_fail)).copied().unwrap_or(0);
                    if let Some(o) = out.get_mut(s) {
                        *o = merge(*o, inherited);
                    }
                    queue.push_back(s);
                }
            }
        }
        Self {
            classes,
            width,
            next,
            out,
        }
    }

    /// One pass over `text`: the first season tag seen, and whether a common pattern occurs.
    fn scan(&self, text: &[u8]) -> (u8, bool) {
        let mut state = 0_usize;
        let mut season = 0_u8;
        let mut common = false;
        for &b in text {
            let class = usize::from(self.classes.get(usize::from(b)).copied().unwrap_or(0));
            state = usize::from(
                self.next
                    .get(state * self.width + class)
                    .copied()
                    .unwrap_or(0),
            );
            let o = self.out.get(state).copied().unwrap_or(0);
            common |= o & COMMON_BIT != 0;
            if season == 0 {
                season = o & !COMMON_BIT;
            }
        }
        (season, common)
    }

    #[cfg(test)]
    fn states(&self) -> usize {
        self.out.len()
    }
}

/// Combines outputs: the common bit of either, the season of `own` if it has one.
fn merge(own: u8, other: u8) -> u8 {
    let season = (if own & !COMMON_BIT != 0 { own } else { other }) & !COMMON_BIT;
    ((own | other) & COMMON_BIT) | season
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_at_least_a_thousand_entries_in_lower_case() {
        let entries: Vec<&str> = LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(entries.len() >= 1_000, "{}", entries.len());
        for e in &entries {
            assert_eq!(*e, e.to_lowercase(), "not lower case: {e}");
            assert!(e.chars().count() >= 4, "shorter than 4: {e}");
        }
        let mut unique = entries.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), entries.len(), "duplicate entries");
    }

    #[test]
    fn every_long_entry_fits_the_automaton() {
        let lists = lists();
        let long: usize = lists
            .exact
            .iter()
            .filter(|e| e.chars().count() >= CONTAINMENT_MIN_CHARS)
            .map(|e| e.len())
            .sum();
        assert!(lists.automaton.states() <= long + 64);
        assert!(lists.automaton.states() < usize::from(NONE));
        for e in lists
            .exact
            .iter()
            .filter(|e| e.chars().count() >= CONTAINMENT_MIN_CHARS)
        {
            assert!(scan(&format!("x{e}y")).long_common, "{e}");
        }
    }

    #[test]
    fn seasons_in_both_spellings() {
        for (text, season) in [
            ("mitforaar", Some("forår")),
            ("forar", Some("forår")),
            ("xxsommerxx", Some("sommer")),
            ("efterar1", Some("efterår")),
            ("efteraar", Some("efterår")),
            ("vinterogsommer", Some("vinter")),
            ("hestesko", None),
        ] {
            assert_eq!(scan(text).season, season, "{text}");
        }
    }

    #[test]
    fn exact_core_and_containment() {
        assert!(is_common_password("password"));
        assert!(is_common_password("PASSWORD"));
        assert!(is_common_password("Kærlighed"));
        assert!(is_common_password("kaerlighed"));
        assert!(is_common_password("karlighed"));
        assert!(is_common_password("2024Fodbold!!"));
        assert!(is_common_password("Hej-med-dig"));
        assert!(is_common_password("xyzIloveyouxyz"));
        assert!(!is_common_password("fodboldhest"));
        assert!(!is_common_password(""));
        assert!(!is_common_password("12"));
    }

    #[test]
    fn automaton_finds_overlapping_patterns() {
        let a = Automaton::build(&[(b"he", 1), (b"she", COMMON_BIT), (b"hers", 2)]);
        assert_eq!(a.scan(b"ushers"), (1, true));
        assert_eq!(a.scan(b"hxrs"), (0, false));
        assert_eq!(a.scan("ø".as_bytes()), (0, false));
    }
}
