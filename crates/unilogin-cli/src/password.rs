//! `unilogin password check` and `unilogin password generate`.

use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Write};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Subcommand, ValueEnum};
use unilogin::credentials::assigned::{assign, entropy_bits};
use unilogin::credentials::check::{
    check_password, Password, PasswordContext, PasswordPolicy, RuleStatus,
};
use unilogin::people::UserGroup;
use unilogin::rand_core::OsRng;
use unilogin::Lang;

use crate::exit::{Fatal, Verdict};
use crate::lang::tr;

const CHECK_AFTER_HELP: &str = "\
The password is read from standard input: typed at a prompt without echo when standard input
is a terminal, or the first line of piped input. It is never printed, and no message contains
it.

Groups: indskoling (0.-3. klasse: picture passwords, cannot choose one), mellemtrin (4.-6.),
udskoling (7.-10.), youth-education, employee, parent. The rules per group are STIL's (see
docs/passwords.md): length, letters and digits, no name, no season, not a common password.

Output:
  text  the checklist of rules ([x] met, [ ] not met, [-] does not apply), then each
        violation with its error type.
  json  {group, ok, violations: [{type, msg, ctx}], rules: [{rule, label, status, met}]}.

Exit status: 0 the password meets every rule, 1 it does not, 2 usage or input error.

Examples:
  unilogin password check --group parent --name \"Ida Ågård\"
  printf '%s\\n' \"$NEW_PASSWORD\" | unilogin password check --group udskoling --format json";

const GENERATE_AFTER_HELP: &str = "\
Generates a password as Unilogin assigns them, with the operating system's random generator:
four pictures for indskoling (printed as the pictures' names), two words from a reviewed
Danish compound-word list for mellemtrin, two capitalised words and two digits for older
groups. The password passes the group's rules (and contains none of the --name parts). It is
printed once, on standard output; nothing is stored.

Output:
  text  the password (picture names separated by spaces).
  json  {group, kind: \"text\" | \"pictures\", text | pictures (ids), shown, entropy_bits}.

Exit status: 0, or 2 for a usage error.

Examples:
  unilogin password generate --group mellemtrin
  unilogin password generate --group indskoling --lang en --format json";

/// The `password` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check a password from standard input against STIL's rules for a user group.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Generate an assigned password for a user group.
    #[command(after_help = GENERATE_AFTER_HELP)]
    Generate(GenerateArgs),
}

impl Command {
    pub(crate) fn lang(&self) -> Lang {
        match self {
            Self::Check(args) => args.lang,
            Self::Generate(args) => args.lang,
        }
    }
}

/// Output formats of `password`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// The user groups as named on the command line: the core's keys with dashes.
fn group_parser() -> impl TypedValueParser<Value = UserGroup> {
    PossibleValuesParser::new(UserGroup::ALL.map(|group| group.key().replace('_', "-")))
        .try_map(|name| UserGroup::from_key(&name).ok_or_else(|| format!("unknown group `{name}`")))
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// The user's group.
    #[arg(long, value_parser = group_parser())]
    group: UserGroup,

    /// The user's name, whole or in parts (repeat for several); the password must not
    /// contain it.
    #[arg(long = "name", value_name = "NAME")]
    names: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the messages: `da` or `en`.
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    lang: Lang,
}

#[derive(Debug, clap::Args)]
pub(crate) struct GenerateArgs {
    /// The user's group.
    #[arg(long, value_parser = group_parser())]
    group: UserGroup,

    /// The user's name (repeat for several); the password will not contain it.
    #[arg(long = "name", value_name = "NAME")]
    names: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the picture names: `da` or `en`.
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    lang: Lang,
}

pub(crate) fn run(command: &Command) -> Result<Verdict, Fatal> {
    match command {
        Command::Check(args) => check(args),
        Command::Generate(args) => generate(args),
    }
}

fn input_error(error: &io::Error) -> Fatal {
    Fatal::new(
        format!("kan ikke læse adgangskoden fra standard input: {error}"),
        format!("cannot read the password from standard input: {error}"),
    )
}

/// Turns terminal echo off while it lives (via `stty`, so no unsafe code), and back on.
struct NoEcho {
    active: bool,
}

impl NoEcho {
    fn new() -> Self {
        Self {
            active: stty("-echo"),
        }
    }
}

impl Drop for NoEcho {
    fn drop(&mut self) {
        if self.active {
            stty("echo");
            // The user's Enter was not echoed.
            let _ = writeln!(io::stderr());
        }
    }
}

/// Runs `stty` on the terminal on standard input; whether it succeeded.
fn stty(setting: &str) -> bool {
    std::process::Command::new("stty")
        .arg(setting)
        .stdin(std::process::Stdio::inherit())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Reads the password: at a prompt without echo from a terminal, or the first line of piped
/// input, without its line break.
fn read_password(lang: Lang) -> Result<Password, Fatal> {
    let stdin = io::stdin();
    let mut line = String::new();
    if stdin.is_terminal() {
        let _ = write!(io::stderr(), "{}: ", tr(lang, "Adgangskode", "Password"));
        let _ = io::stderr().flush();
        let no_echo = NoEcho::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| input_error(&e))?;
        drop(no_echo);
    } else {
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| input_error(&e))?;
    }
    let password = line
        .strip_suffix('\n')
        .map_or(line.as_str(), |l| l.strip_suffix('\r').unwrap_or(l));
    Ok(Password::new(password))
}

fn check(args: &CheckArgs) -> Result<Verdict, Fatal> {
    let password = read_password(args.lang)?;
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let context = PasswordContext::new(args.group).with_names(&names);
    let policy = PasswordPolicy::stil(args.group);
    let lang = args.lang;
    let result = check_password(password.reveal(), &context, &policy);
    drop(password);
    let (ok, text, json) = match &result {
        Ok(report) => {
            let mut text = String::new();
            for rule in report.rules() {
                let mark = match rule.status() {
                    RuleStatus::Met => "[x]",
                    RuleStatus::NotMet => "[ ]",
                    RuleStatus::NotApplicable => "[-]",
                };
                let _ = writeln!(text, "{mark} {}", rule.label(lang));
            }
            for violation in report.violations() {
                let _ = writeln!(
                    text,
                    "{}: {} [{}]",
                    tr(lang, "fejl", "problem"),
                    violation.message(lang),
                    violation.kind()
                );
            }
            let mut json = serde_json::to_value(report.rendered(lang)).unwrap_or_default();
            if let Some(object) = json.as_object_mut() {
                object.insert("group".to_owned(), args.group.key().into());
            }
            (report.is_ok(), text, json)
        }
        Err(refused) => {
            let text = format!(
                "{}: {} [{}]\n",
                tr(lang, "fejl", "problem"),
                refused.message(lang),
                refused.kind()
            );
            let json = serde_json::json!({
                "group": args.group.key(),
                "ok": false,
                "violations": [{
                    "type": refused.kind(),
                    "msg": refused.message(lang),
                    "ctx": refused.ctx(),
                }],
                "rules": [],
            });
            (false, text, json)
        }
    };
    let verdict = match (ok, lang) {
        (true, Lang::Da) => "Adgangskoden opfylder reglerne for gruppen.\n",
        (true, Lang::En) => "The password meets the group's rules.\n",
        (false, Lang::Da) => "Adgangskoden opfylder ikke reglerne for gruppen.\n",
        (false, Lang::En) => "The password does not meet the group's rules.\n",
    };
    let output = match args.format {
        Format::Text => format!("{text}{verdict}"),
        Format::Json => format!("{json:#}\n"),
    };
    io::stdout()
        .write_all(output.as_bytes())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::of(ok))
}

fn generate(args: &GenerateArgs) -> Result<Verdict, Fatal> {
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let password = assign(args.group, &names, &mut OsRng).map_err(|e| {
        Fatal::new(
            format!("ingen adgangskode kunne dannes: {e}"),
            format!("no password could be generated: {e}"),
        )
    })?;
    let shown = password.reveal(args.lang);
    let output = match args.format {
        Format::Text => format!("{shown}\n"),
        Format::Json => {
            let mut json = serde_json::to_value(&password).unwrap_or_default();
            if let Some(object) = json.as_object_mut() {
                object.insert("group".to_owned(), args.group.key().into());
                object.insert("shown".to_owned(), shown.into());
                object.insert("entropy_bits".to_owned(), entropy_bits(args.group).into());
            }
            format!("{json:#}\n")
        }
    };
    io::stdout()
        .write_all(output.as_bytes())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::Valid)
}
