//! The result of a password check: every violation, and the status of every rule.

use serde::{Deserialize, Serialize};

use crate::problem::render;
use crate::{Ctx, ErrorType, FieldError, Lang, Loc, Problems};

/// One of the password rules, with a stable id (`length`, `lowercase`, …) for forms and
/// bindings. The rules are checked, reported and rendered in the order of [`PasswordRule::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordRule {
    /// Between the policy's minimum and maximum number of characters.
    Length,
    /// At least one lower-case letter.
    Lowercase,
    /// At least one upper-case letter.
    Uppercase,
    /// At least one digit 0–9.
    Digit,
    /// No control characters (line breaks, tabs, NUL, …).
    Characters,
    /// Not containing a part of the user's name.
    NoName,
    /// Not containing a season.
    NoSeason,
    /// Not a common password.
    NotCommon,
    /// Not one of the user's most recent passwords.
    NotRecent,
}

impl PasswordRule {
    /// Every rule, in report order.
    pub const ALL: [Self; 9] = [
        Self::Length,
        Self::Lowercase,
        Self::Uppercase,
        Self::Digit,
        Self::Characters,
        Self::NoName,
        Self::NoSeason,
        Self::NotCommon,
        Self::NotRecent,
    ];

    /// The stable id: `length`, `lowercase`, `uppercase`, `digit`, `characters`, `no_name`,
    /// `no_season`, `not_common`, `not_recent`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Length => "length",
            Self::Lowercase => "lowercase",
            Self::Uppercase => "uppercase",
            Self::Digit => "digit",
            Self::Characters => "characters",
            Self::NoName => "no_name",
            Self::NoSeason => "no_season",
            Self::NotCommon => "not_common",
            Self::NotRecent => "not_recent",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The label template in `lang`; `{min_length}`, `{max_length}` and `{count}` are filled
    /// from the policy.
    pub fn label_template(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Length, Lang::Da) => "Mellem {min_length} og {max_length} tegn",
            (Self::Length, Lang::En) => "Between {min_length} and {max_length} characters",
            (Self::Lowercase, Lang::Da) => "Mindst ét lille bogstav",
            (Self::Lowercase, Lang::En) => "At least one lower-case letter",
            (Self::Uppercase, Lang::Da) => "Mindst ét stort bogstav",
            (Self::Uppercase, Lang::En) => "At least one upper-case letter",
            (Self::Digit, Lang::Da) => "Mindst ét tal",
            (Self::Digit, Lang::En) => "At least one digit",
            (Self::Characters, Lang::Da) => "Ingen linjeskift eller andre kontroltegn",
            (Self::Characters, Lang::En) => "No line breaks or other control characters",
            (Self::NoName, Lang::Da) => "Ikke dit navn",
            (Self::NoName, Lang::En) => "Not your name",
            (Self::NoSeason, Lang::Da) => "Ingen årstider (forår, sommer, efterår, vinter)",
            (Self::NoSeason, Lang::En) => "No seasons (forår, sommer, efterår, vinter)",
            (Self::NotCommon, Lang::Da) => "Ikke en af de mest almindelige adgangskoder",
            (Self::NotCommon, Lang::En) => "Not one of the most common passwords",
            (Self::NotRecent, Lang::Da) => "Ikke en af dine seneste {count} adgangskoder",
            (Self::NotRecent, Lang::En) => "Not one of your last {count} passwords",
        }
    }
}

/// Whether a password meets a rule: met, not met, not checked (the check lacked what the rule
/// needs), or not applicable (the policy does not apply it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// The rule applies and is met.
    Met,
    /// The rule applies and is not met; the report has a violation for it.
    NotMet,
    /// The policy does not apply the rule (e.g. upper case in mellemtrin).
    NotApplicable,
    /// The rule applies but could not be checked: no name was given (`no_name`), or no
    /// earlier passwords (`not_recent`). It is neither met nor a violation.
    NotChecked,
}

impl RuleStatus {
    /// Every status.
    pub const ALL: [Self; 4] = [
        Self::Met,
        Self::NotMet,
        Self::NotChecked,
        Self::NotApplicable,
    ];

    /// `Some(true)` met, `Some(false)` not met, `None` not checked or not applicable.
    pub fn met(self) -> Option<bool> {
        match self {
            Self::Met => Some(true),
            Self::NotMet => Some(false),
            Self::NotChecked | Self::NotApplicable => None,
        }
    }

    /// The stable key: `met`, `not_met`, `not_checked`, `not_applicable`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::NotMet => "not_met",
            Self::NotChecked => "not_checked",
            Self::NotApplicable => "not_applicable",
        }
    }

    /// The checklist's mark in text: `[x]` met, `[ ]` not met, `[?]` not checked, `[-]` not
    /// applicable.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Met => "[x]",
            Self::NotMet => "[ ]",
            Self::NotChecked => "[?]",
            Self::NotApplicable => "[-]",
        }
    }

    /// The status in words, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Met, Lang::Da) => "opfyldt",
            (Self::Met, Lang::En) => "met",
            (Self::NotMet, Lang::Da) => "ikke opfyldt",
            (Self::NotMet, Lang::En) => "not met",
            (Self::NotChecked, Lang::Da) => "ikke kontrolleret",
            (Self::NotChecked, Lang::En) => "not checked",
            (Self::NotApplicable, Lang::Da) => "gælder ikke",
            (Self::NotApplicable, Lang::En) => "does not apply",
        }
    }
}

/// One rule of a report: its status, and the values its label needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    rule: PasswordRule,
    status: RuleStatus,
    ctx: Ctx,
}

impl RuleCheck {
    /// The rule.
    pub fn rule(&self) -> PasswordRule {
        self.rule
    }

    /// Its status.
    pub fn status(&self) -> RuleStatus {
        self.status
    }

    /// The label in `lang`, e.g. "Mellem 8 og 24 tegn".
    pub fn label(&self, lang: Lang) -> String {
        render(self.rule.label_template(lang), &self.ctx, lang)
    }
}

/// The result of [`super::check_password`]: every violation (in rule order, at most one per
/// rule) and the status of every rule, for a form's live checklist. It holds no part of the
/// password: a violation names the rule, never the fragment that breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReport {
    violations: Vec<FieldError>,
    rules: Vec<RuleCheck>,
}

impl PasswordReport {
    pub(super) fn with_capacity() -> Self {
        Self {
            violations: Vec::new(),
            rules: Vec::with_capacity(PasswordRule::ALL.len()),
        }
    }

    /// Records `rule`: not applicable unless `applies`; otherwise met unless `violation`.
    pub(super) fn record(
        &mut self,
        rule: PasswordRule,
        applies: bool,
        violation: Option<FieldError>,
        ctx: Ctx,
    ) {
        let status = match (applies, violation) {
            (false, _) => RuleStatus::NotApplicable,
            (true, None) => RuleStatus::Met,
            (true, Some(v)) => {
                self.violations.push(v);
                RuleStatus::NotMet
            }
        };
        self.rules.push(RuleCheck { rule, status, ctx });
    }

    /// Records `rule` as applying but not checked.
    pub(super) fn record_not_checked(&mut self, rule: PasswordRule, ctx: Ctx) {
        self.rules.push(RuleCheck {
            rule,
            status: RuleStatus::NotChecked,
            ctx,
        });
    }

    /// Whether the password breaks no rule that was checked. A rule that could not be checked
    /// ([`RuleStatus::NotChecked`]) does not make it fail: see [`PasswordReport::is_complete`].
    pub fn is_ok(&self) -> bool {
        self.violations.is_empty()
    }

    /// Whether every rule that applies was checked (none is [`RuleStatus::NotChecked`]).
    pub fn is_complete(&self) -> bool {
        self.rules
            .iter()
            .all(|r| r.status != RuleStatus::NotChecked)
    }

    /// The rules that apply but were not checked, in report order.
    pub fn not_checked(&self) -> impl Iterator<Item = PasswordRule> + '_ {
        self.rules
            .iter()
            .filter(|r| r.status == RuleStatus::NotChecked)
            .map(|r| r.rule)
    }

    /// The violations, in rule order.
    pub fn violations(&self) -> &[FieldError] {
        &self.violations
    }

    /// Every rule with its status, in the order of [`PasswordRule::ALL`].
    pub fn rules(&self) -> &[RuleCheck] {
        &self.rules
    }

    /// The status of `rule`.
    pub fn status(&self, rule: PasswordRule) -> RuleStatus {
        self.rules
            .iter()
            .find(|r| r.rule == rule)
            .map_or(RuleStatus::NotApplicable, |r| r.status)
    }

    /// The violations as problems at `loc` (e.g. `Loc::key("password")`), to merge with a
    /// form's other problems. Their `input` is always `None`: the password is never echoed.
    pub fn problems(&self, loc: &Loc) -> Problems {
        let mut problems = Problems::new();
        for v in &self.violations {
            problems.push(v.clone().at(loc.clone(), None));
        }
        problems
    }

    /// The report in its JSON shape, with messages and labels in `lang`:
    /// `{ok, complete, violations: [{type, msg, ctx}], rules: [{rule, label, status, met}]}`.
    pub fn rendered(&self, lang: Lang) -> RenderedPasswordReport<'_> {
        RenderedPasswordReport {
            ok: self.is_ok(),
            complete: self.is_complete(),
            violations: self
                .violations
                .iter()
                .map(|v| RenderedViolation {
                    kind: v.kind(),
                    msg: v.message(lang),
                    ctx: v.ctx(),
                })
                .collect(),
            rules: self
                .rules
                .iter()
                .map(|r| RenderedRule {
                    rule: r.rule,
                    label: r.label(lang),
                    status: r.status,
                    met: r.status.met(),
                })
                .collect(),
        }
    }
}

/// A [`PasswordReport`] ready to serialise.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedPasswordReport<'a> {
    /// Whether no checked rule is broken.
    pub ok: bool,
    /// Whether every applicable rule was checked (no rule is `not_checked`).
    pub complete: bool,
    /// The violations, in rule order.
    pub violations: Vec<RenderedViolation<'a>>,
    /// Every rule, in the order of [`PasswordRule::ALL`].
    pub rules: Vec<RenderedRule>,
}

/// One violation: `{type, msg, ctx}`.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedViolation<'a> {
    /// The stable error code, e.g. `password_too_short`.
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// The message.
    pub msg: String,
    /// The template values.
    pub ctx: &'a Ctx,
}

/// One rule: `{rule, label, status, met}`; `met` is `null` when the rule was not checked or
/// does not apply.
#[derive(Debug, Clone, Serialize)]
pub struct RenderedRule {
    /// The stable rule id.
    pub rule: PasswordRule,
    /// The label.
    pub label: String,
    /// `met`, `not_met`, `not_checked` or `not_applicable`.
    pub status: RuleStatus,
    /// `true`, `false`, or `null` when not checked or not applicable.
    pub met: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for rule in PasswordRule::ALL {
            assert_eq!(PasswordRule::from_id(rule.id()), Some(rule));
            assert_eq!(
                serde_json::to_value(rule).unwrap(),
                serde_json::json!(rule.id())
            );
        }
        for status in RuleStatus::ALL {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::json!(status.key())
            );
        }
    }

    #[test]
    fn labels_have_the_same_placeholders_in_both_languages() {
        for rule in PasswordRule::ALL {
            let names = |t: &str| {
                let mut v: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split('}').next().map(str::to_owned))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(rule.label_template(Lang::Da)),
                names(rule.label_template(Lang::En))
            );
        }
    }
}
