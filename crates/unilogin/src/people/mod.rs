//! People: roles, school grades and grade bands, and the user groups the credential rules
//! depend on.
//!
//! Sources: STIL, "Adgangskoder til Unilogin" and "Regler for adgangskoder" (viden.stil.dk):
//! indskoling is 0.–3. klasse, mellemtrin 4.–6., udskoling 7.–10.; youth-education students,
//! employees and parents follow the udskoling rules. See `docs/people.md`.

mod cpr;
pub(crate) mod cpr_shape;
mod user;
mod username;

pub use cpr::Cpr;
pub use user::{
    Alias, PersonName, RawUserRecord, UserField, UserRecord, MAX_ALIAS_CHARS, MAX_PERSON_NAME_CHARS,
};
pub use username::Username;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Ctx, ErrorType, FieldError, Lang, Term};

/// A school grade (klassetrin) 0–10: 0 is børnehaveklasse, 10 is 10. klasse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub struct Grade(u8);

/// Reads a whole number 0–10; any other whole number is the domain error `grade_range`, kept
/// as itself for the bindings (not `json_invalid`).
impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        u8::try_from(n)
            .map_err(|_| grade_range())
            .and_then(Self::new)
            .map_err(crate::problem::serde_input::domain)
    }
}

impl Grade {
    /// The lowest grade (børnehaveklasse).
    pub const MIN: u8 = 0;
    /// The highest grade (10. klasse).
    pub const MAX: u8 = 10;

    /// The grade `n`, if 0–10.
    ///
    /// # Errors
    /// [`ErrorType::GradeRange`].
    pub fn new(n: u8) -> Result<Self, FieldError> {
        if n <= Self::MAX {
            Ok(Self(n))
        } else {
            Err(grade_range())
        }
    }

    /// Parses a grade: `0`–`10`, also written `0.`, `7. klasse`, `0. kl.`, or `bh` /
    /// `børnehaveklasse` for 0.
    ///
    /// ```
    /// use unilogin::people::Grade;
    /// assert_eq!(Grade::parse("7. klasse")?.value(), 7);
    /// assert_eq!(Grade::parse("børnehaveklasse")?.value(), 0);
    /// assert_eq!(Grade::parse("11").unwrap_err().kind().code(), "grade_range");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::GradeRange`] for anything else.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        crate::text::or_invisible(input, Self::parse_chars(input))
    }

    /// [`Self::parse`] but for invisible characters: it accepts none, so one can only make
    /// it fail, and is looked for only then.
    fn parse_chars(input: &str) -> Result<Self, FieldError> {
        let lower = input.trim().to_lowercase();
        if matches!(
            lower.as_str(),
            "bh" | "bh." | "bhkl" | "bh.kl." | "børnehaveklasse" | "0. klasse"
        ) {
            return Ok(Self(0));
        }
        let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
        let rest = lower[digits.len()..].trim_start_matches('.').trim();
        let suffix_ok = matches!(rest, "" | "klasse" | "kl" | "kl." | "grade");
        match (digits.parse::<u8>(), suffix_ok) {
            (Ok(n), true) => Self::new(n),
            _ => Err(grade_range()),
        }
    }

    /// The number 0–10.
    pub fn value(self) -> u8 {
        self.0
    }

    /// The grade band this grade belongs to.
    pub fn band(self) -> GradeBand {
        match self.0 {
            0..=3 => GradeBand::Indskoling,
            4..=6 => GradeBand::Mellemtrin,
            _ => GradeBand::Udskoling,
        }
    }
}

fn grade_range() -> FieldError {
    FieldError::with_ctx(
        ErrorType::GradeRange,
        Ctx::new()
            .with("min", i64::from(Grade::MIN))
            .with("max", i64::from(Grade::MAX)),
    )
}

impl TryFrom<u8> for Grade {
    type Error = FieldError;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Self::new(n)
    }
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> Self {
        g.0
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The grade bands of the Danish school, which decide password rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeBand {
    /// Indskoling: 0.–3. klasse.
    Indskoling,
    /// Mellemtrin: 4.–6. klasse.
    Mellemtrin,
    /// Udskoling: 7.–10. klasse.
    Udskoling,
}

impl GradeBand {
    /// Every band, youngest first.
    pub const ALL: [Self; 3] = [Self::Indskoling, Self::Mellemtrin, Self::Udskoling];

    /// The grades of the band, inclusive.
    pub fn grades(self) -> (u8, u8) {
        match self {
            Self::Indskoling => (0, 3),
            Self::Mellemtrin => (4, 6),
            Self::Udskoling => (7, 10),
        }
    }

    /// The ages in whole years a pupil of the band is expected to have, inclusive: a child
    /// starts børnehaveklasse (grade 0) in the calendar year it turns 6, so during a school
    /// year a pupil in grade `g` is `5 + g` to `7 + g` years old; one year more on each side
    /// allows for a deferred or early start and a repeated or skipped year (a model choice).
    /// Indskoling 4–11, mellemtrin 8–14, udskoling 11–18.
    ///
    /// ```
    /// use unilogin::people::GradeBand;
    /// assert_eq!(GradeBand::Udskoling.ages(), (11, 18));
    /// ```
    pub fn ages(self) -> (u8, u8) {
        let (first, last) = self.grades();
        (first + 4, last + 8)
    }

    /// The band as a term ("indskoling (0.–3. klasse)" / "lower school (grades 0–3)").
    pub fn term(self) -> &'static Term {
        match self {
            Self::Indskoling => &Term {
                key: "indskoling",
                da: "indskolingen (0.–3. klasse)",
                en: "lower school (grades 0–3)",
            },
            Self::Mellemtrin => &Term {
                key: "mellemtrin",
                da: "mellemtrinnet (4.–6. klasse)",
                en: "middle school (grades 4–6)",
            },
            Self::Udskoling => &Term {
                key: "udskoling",
                da: "udskolingen (7.–10. klasse)",
                en: "upper school (grades 7–10)",
            },
        }
    }
}

/// A user's role in Unilogin as found in roster exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    /// A pupil in grundskolen, with a grade 0–10.
    Pupil {
        /// The pupil's grade.
        grade: Grade,
    },
    /// A student in youth education (ungdomsuddannelse).
    YouthEducation,
    /// An employee.
    Employee,
    /// A parent.
    Parent,
}

impl Role {
    /// The role's key: `pupil`, `youth_education`, `employee`, `parent`.
    pub fn key(self) -> &'static str {
        self.kind_term().key
    }

    /// The role as a term ("elev" / "pupil"), without the grade.
    pub fn kind_term(self) -> &'static Term {
        match self {
            Self::Pupil { .. } => &Term {
                key: "pupil",
                da: "elev",
                en: "pupil",
            },
            Self::YouthEducation => &Term {
                key: "youth_education",
                da: "elev på ungdomsuddannelse",
                en: "youth-education student",
            },
            Self::Employee => &Term {
                key: "employee",
                da: "medarbejder",
                en: "employee",
            },
            Self::Parent => &Term {
                key: "parent",
                da: "forælder",
                en: "parent",
            },
        }
    }

    /// The user group whose credential rules apply.
    pub fn group(self) -> UserGroup {
        match self {
            Self::Pupil { grade } => match grade.band() {
                GradeBand::Indskoling => UserGroup::Indskoling,
                GradeBand::Mellemtrin => UserGroup::Mellemtrin,
                GradeBand::Udskoling => UserGroup::Udskoling,
            },
            Self::YouthEducation => UserGroup::YouthEducation,
            Self::Employee => UserGroup::Employee,
            Self::Parent => UserGroup::Parent,
        }
    }

    /// Builds a role from its name and an optional grade, as roster exports give them.
    /// Names: `pupil`/`elev`, `youth_education`/`ungdomsuddannelse`/`gymnasieelev`,
    /// `employee`/`medarbejder`/`ansat`/`lærer`/`pædagog`, `parent`/`forælder`/`forældre`.
    ///
    /// ```
    /// use unilogin::people::Role;
    /// assert_eq!(Role::parse("Elev", Some("5"))?.group().key(), "mellemtrin");
    /// assert_eq!(Role::parse("elev", None).unwrap_err().kind().code(), "grade_required");
    /// assert_eq!(Role::parse("forælder", Some("3")).unwrap_err().kind().code(), "grade_not_applicable");
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorType::RoleUnknown`], [`ErrorType::GradeRequired`] (pupil without grade),
    /// [`ErrorType::GradeNotApplicable`] (grade for another role), [`ErrorType::GradeRange`].
    pub fn parse(role: &str, grade: Option<&str>) -> Result<Self, FieldError> {
        crate::text::visible(role)?;
        let key = role.trim().to_lowercase().replace(['-', ' '], "_");
        let grade = grade.map(str::trim).filter(|g| !g.is_empty());
        let without_grade = match key.as_str() {
            "pupil" | "elev" | "student" => {
                let grade = grade.ok_or(FieldError::new(ErrorType::GradeRequired))?;
                return Ok(Self::Pupil {
                    grade: Grade::parse(grade)?,
                });
            }
            "youth_education"
            | "ungdomsuddannelse"
            | "elev_på_ungdomsuddannelse"
            | "gymnasieelev" => Self::YouthEducation,
            "employee" | "medarbejder" | "ansat" | "lærer" | "laerer" | "pædagog" | "paedagog" => {
                Self::Employee
            }
            "parent" | "forælder" | "foraelder" | "forældre" | "foraeldre" => Self::Parent,
            _ => return Err(FieldError::new(ErrorType::RoleUnknown)),
        };
        if grade.is_some() {
            return Err(FieldError::with_ctx(
                ErrorType::GradeNotApplicable,
                Ctx::new().with("role", without_grade.kind_term()),
            ));
        }
        Ok(without_grade)
    }
}

/// The groups STIL's password rules distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserGroup {
    /// Pupils in 0.–3. klasse: picture passwords, cannot choose their own.
    Indskoling,
    /// Pupils in 4.–6. klasse.
    Mellemtrin,
    /// Pupils in 7.–10. klasse.
    Udskoling,
    /// Youth-education students.
    YouthEducation,
    /// Employees.
    Employee,
    /// Parents.
    Parent,
}

impl UserGroup {
    /// Every group.
    pub const ALL: [Self; 6] = [
        Self::Indskoling,
        Self::Mellemtrin,
        Self::Udskoling,
        Self::YouthEducation,
        Self::Employee,
        Self::Parent,
    ];

    /// The key: `indskoling`, `mellemtrin`, `udskoling`, `youth_education`, `employee`, `parent`.
    pub fn key(self) -> &'static str {
        self.term().key
    }

    /// The group with this key.
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().to_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The group as a term for messages.
    pub fn term(self) -> &'static Term {
        match self {
            Self::Indskoling => GradeBand::Indskoling.term(),
            Self::Mellemtrin => GradeBand::Mellemtrin.term(),
            Self::Udskoling => GradeBand::Udskoling.term(),
            Self::YouthEducation => &Term {
                key: "youth_education",
                da: "ungdomsuddannelse",
                en: "youth education",
            },
            Self::Employee => &Term {
                key: "employee",
                da: "medarbejdere",
                en: "employees",
            },
            Self::Parent => &Term {
                key: "parent",
                da: "forældre",
                en: "parents",
            },
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.term().text(lang)
    }

    /// Whether the group is a school grade band (pupils in grundskolen).
    pub fn band(self) -> Option<GradeBand> {
        match self {
            Self::Indskoling => Some(GradeBand::Indskoling),
            Self::Mellemtrin => Some(GradeBand::Mellemtrin),
            Self::Udskoling => Some(GradeBand::Udskoling),
            _ => None,
        }
    }
}

impl fmt::Display for UserGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_grades() {
        let band = |n| Grade::new(n).unwrap().band();
        assert_eq!(
            [band(0), band(3), band(4), band(6), band(7), band(10)],
            [
                GradeBand::Indskoling,
                GradeBand::Indskoling,
                GradeBand::Mellemtrin,
                GradeBand::Mellemtrin,
                GradeBand::Udskoling,
                GradeBand::Udskoling
            ]
        );
        assert_eq!(Grade::new(11).unwrap_err().kind(), ErrorType::GradeRange);
    }

    #[test]
    fn grades_in_the_forms_rosters_use() {
        for (s, n) in [
            ("0", 0),
            ("7.", 7),
            ("7. klasse", 7),
            ("10 kl.", 10),
            ("bh", 0),
        ] {
            assert_eq!(Grade::parse(s).map(Grade::value), Ok(n), "{s}");
        }
        for s in ["", "11", "-1", "7a", "syv"] {
            assert_eq!(
                Grade::parse(s).unwrap_err().kind(),
                ErrorType::GradeRange,
                "{s}"
            );
        }
    }

    #[test]
    fn roles_and_groups() {
        assert_eq!(
            Role::parse("elev", Some("2")).unwrap().group(),
            UserGroup::Indskoling
        );
        assert_eq!(
            Role::parse("Medarbejder", None).unwrap().group(),
            UserGroup::Employee
        );
        assert_eq!(
            Role::parse("x", None).unwrap_err().kind(),
            ErrorType::RoleUnknown
        );
        let err = Role::parse("parent", Some("3")).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "Only pupils in school have a grade, not parent"
        );
        for g in UserGroup::ALL {
            assert_eq!(UserGroup::from_key(g.key()), Some(g));
        }
    }
}
