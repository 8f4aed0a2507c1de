//! `unilogin plan`: the onboarding plan of a legal basis as text, JSON or a Mermaid chart.

use std::fmt::Write as _;
use std::io::{self, Write};

use clap::ValueEnum;
use unilogin::onboarding::Plan;
use unilogin::{escape, Lang, LegalBasis};

use crate::exit::{Fatal, Verdict};
use crate::lang::tr;

pub(crate) const AFTER_HELP: &str = "\
The plans follow STIL's guide \"Tilslutning til Unilogin\" (viden.stil.dk); docs/onboarding.md
gives the sources. § 19, stk. 4 (udliciteret) has no journey in the guide.

Output:
  text     the steps in order: who does each, whether it is mandatory, what comes first.
  json     the plan as data: {legal_basis, source, steps: [{id, actor, recipient,
           requirement, prerequisites, title: {da, en}, explanation: {da, en}, source}]}.
  mermaid  a Mermaid flowchart (mandatory prerequisites solid, others dotted).

Exit status: 0, or 2 for a usage error.

Examples:
  unilogin plan --legal-basis kommunal
  unilogin plan --legal-basis privat --lang en --format mermaid > privat.mmd
  unilogin plan --legal-basis selvejet --format json";

/// The legal bases with an onboarding journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Basis {
    /// Municipal daycare (dagtilbudsloven § 19, stk. 2).
    Kommunal,
    /// Self-governing daycare (§ 19, stk. 3).
    Selvejet,
    /// Private daycare (§ 19, stk. 5).
    Privat,
}

/// Output formats of `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Numbered steps.
    Text,
    /// The plan as JSON data.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The institution's legal basis.
    #[arg(long, value_enum)]
    legal_basis: Basis,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the text: `da` or `en`.
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    pub(crate) lang: Lang,
}

pub(crate) fn run(args: &Args) -> Result<Verdict, Fatal> {
    let basis = match args.legal_basis {
        Basis::Kommunal => LegalBasis::Kommunal,
        Basis::Selvejet => LegalBasis::Selvejet,
        Basis::Privat => LegalBasis::Privat,
    };
    let plan = Plan::for_legal_basis(basis)
        .map_err(|e| Fatal::new(e.message(Lang::Da), e.message(Lang::En)))?;
    // The plan's text is the core's own; escaped all the same, as every output.
    let text = match args.format {
        Format::Text => escape::terminal_lines(&text(&plan, args.lang)).into_owned(),
        Format::Json => {
            let json = serde_json::to_string_pretty(&plan)
                .map_err(|e| Fatal::write(&io::Error::other(e)))?;
            format!("{}\n", escape::json(&json))
        }
        Format::Mermaid => escape::terminal_lines(&plan.to_mermaid(args.lang)).into_owned(),
    };
    io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::Valid)
}

/// The plan as numbered steps.
fn text(plan: &Plan, lang: Lang) -> String {
    let basis = plan.legal_basis;
    let mut out = match lang {
        Lang::Da => format!(
            "Tilslutning til Unilogin: {} (dagtilbudslovens § 19, stk. {})\n",
            basis.label(lang),
            basis.stk()
        ),
        _ => format!(
            "Onboarding to Unilogin: {} (section 19({}) of the Day Care Act)\n",
            basis.label(lang),
            basis.stk()
        ),
    };
    let _ = writeln!(out, "{}: {}\n", tr(lang, "Kilde", "Source"), plan.source);
    let number = |id| {
        plan.steps
            .iter()
            .position(|s| s.id == id)
            .map_or_else(|| id.to_string(), |i| (i + 1).to_string())
    };
    for (i, step) in plan.steps.iter().enumerate() {
        let actor = match step.recipient {
            Some(recipient) => format!("{} → {}", step.actor.label(lang), recipient.label(lang)),
            None => step.actor.label(lang).to_owned(),
        };
        let _ = writeln!(
            out,
            "{}. {} [{}; {}] ({})",
            i + 1,
            step.title.get(lang),
            actor,
            step.requirement.label(lang),
            step.id
        );
        let _ = writeln!(out, "   {}", step.explanation.get(lang));
        if !step.prerequisites.is_empty() {
            let after: Vec<String> = step.prerequisites.iter().map(|&p| number(p)).collect();
            let _ = writeln!(
                out,
                "   {}: {}",
                tr(lang, "Efter trin", "After step"),
                after.join(", ")
            );
        }
        if !step.source.is_empty() {
            let _ = writeln!(out, "   {}: {}", tr(lang, "Kilde", "Source"), step.source);
        }
    }
    out
}
