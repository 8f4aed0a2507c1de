//! Mermaid flowcharts of onboarding plans.

use std::fmt::Write as _;

use super::{Actor, Plan, Requirement};
use crate::Lang;

/// Fill, stroke and text colour per actor (distinct, light fills that keep black text legible).
fn colours(actor: Actor) -> &'static str {
    match actor {
        Actor::Municipality => "fill:#cfe2ff,stroke:#084298,color:#000",
        Actor::Vendor => "fill:#ffe5d0,stroke:#984c0c,color:#000",
        Actor::Daycare => "fill:#d1e7dd,stroke:#0f5132,color:#000",
        Actor::Stil => "fill:#e2d9f3,stroke:#3d0a91,color:#000",
        Actor::EmployeeOrParent => "fill:#fff3cd,stroke:#997404,color:#000",
    }
}

/// Escapes text for a quoted Mermaid label: quotes and angle brackets become entity codes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            _ => out.push(c),
        }
    }
    out
}

impl Plan {
    /// The plan as a Mermaid `flowchart TD`, with titles in `lang`.
    ///
    /// One node per step, labelled with its title and id; an edge from each prerequisite to the
    /// step; one class per actor (`classDef` with a distinct fill). Recommended and advisory steps
    /// carry a marker in their label (`[bør]`/`[recommended]`, `[råd]`/`[advice]`), a dashed
    /// border, and dashed edges. The output is deterministic: same plan, same text.
    ///
    /// ```
    /// use unilogin::onboarding::Plan;
    /// use unilogin::{Lang, LegalBasis};
    ///
    /// let chart = Plan::for_legal_basis(LegalBasis::Privat)?.to_mermaid(Lang::En);
    /// assert!(chart.starts_with("flowchart TD\n"));
    /// assert!(chart.contains("    vendor_sends_request --> approve_request\n"));
    /// assert!(chart.contains("    data_processing_agreement -.-> approve_request\n"));
    /// # Ok::<(), unilogin::FieldError>(())
    /// ```
    pub fn to_mermaid(&self, lang: Lang) -> String {
        let mut out = String::from("flowchart TD\n");
        let label = self.legal_basis.label(lang);
        let stk = self.legal_basis.stk();
        let _ = match lang {
            Lang::Da => writeln!(
                out,
                "    %% Tilslutning til Unilogin: {label} (dagtilbudslovens § 19, stk. {stk})"
            ),
            Lang::En => writeln!(
                out,
                "    %% Onboarding to Unilogin: {label} (section 19({stk}) of the Day Care Act)"
            ),
        };
        for step in &self.steps {
            let marker = if step.requirement == Requirement::Mandatory {
                String::new()
            } else {
                format!(" [{}]", step.requirement.label(lang))
            };
            let _ = writeln!(
                out,
                "    {}[\"{}{}<br/>({})\"]",
                step.id,
                escape(step.title.get(lang)),
                escape(&marker),
                step.id
            );
        }
        for step in &self.steps {
            for prerequisite in &step.prerequisites {
                let optional = step.requirement != Requirement::Mandatory
                    || self
                        .step(*prerequisite)
                        .is_some_and(|p| p.requirement != Requirement::Mandatory);
                let arrow = if optional { "-.->" } else { "-->" };
                let _ = writeln!(out, "    {prerequisite} {arrow} {}", step.id);
            }
        }
        for actor in Actor::ALL {
            let _ = writeln!(out, "    classDef {actor} {}", colours(actor));
        }
        for actor in Actor::ALL {
            let ids: Vec<&str> = self.steps_for(actor).map(|s| s.id.key()).collect();
            if !ids.is_empty() {
                let _ = writeln!(out, "    class {} {actor}", ids.join(","));
            }
        }
        for step in &self.steps {
            if step.requirement != Requirement::Mandatory {
                let _ = writeln!(out, "    style {} stroke-dasharray: 5 5", step.id);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::onboarding::StepId;
    use crate::LegalBasis;

    #[test]
    fn escapes_quotes_and_brackets() {
        assert_eq!(escape(r#"a "b" <c>"#), "a #quot;b#quot; #lt;c#gt;");
        let chart = Plan::for_legal_basis(LegalBasis::Privat)
            .unwrap()
            .to_mermaid(Lang::Da);
        assert!(chart.contains(
            "tilslutning_right[\"Tildel rettigheden #quot;Tilslutning: Ret til at administrere \
             aftaler på tilslutning.stil.dk#quot;<br/>(tilslutning_right)\"]"
        ));
        // The only raw quotes are the label delimiters: two per node line.
        for line in chart.lines().filter(|l| l.contains("[\"")) {
            assert_eq!(line.matches('"').count(), 2, "{line}");
        }
    }

    #[test]
    fn optional_steps_are_marked_and_dashed() {
        let plan = Plan::for_legal_basis(LegalBasis::Privat).unwrap();
        let chart = plan.to_mermaid(Lang::En);
        assert!(chart.contains("[recommended]<br/>(data_processing_agreement)"));
        assert!(chart.contains("[advice]<br/>(language_assessment_advice)"));
        assert!(chart.contains("    administrative_system -.-> data_processing_agreement\n"));
        assert!(chart.contains("    style data_processing_agreement stroke-dasharray: 5 5\n"));
        assert!(chart.contains("    style language_assessment_advice stroke-dasharray: 5 5\n"));
        assert!(!chart.contains(&format!("style {} ", StepId::ApproveRequest)));
        assert_eq!(chart, plan.to_mermaid(Lang::En));
    }
}
