//! `unilogin password check` and `unilogin password generate`.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Subcommand, ValueEnum};
use unilogin::credentials::assigned::{assign, entropy_bits};
use unilogin::credentials::check::{
    check_password, HashedPassword, Password, PasswordContext, PasswordPolicy, PasswordReport,
    PasswordRule, RuleStatus,
};
use unilogin::people::UserGroup;
use unilogin::rand_core::OsRng;
use unilogin::{escape, form, Lang};

use crate::exit::{Fatal, Verdict};
use crate::input::{LineError, Lines, MAX_PASSWORD_BYTES};
use crate::lang::tr;

const CHECK_AFTER_HELP: &str = "\
The password is read from standard input: typed at a prompt without echo when standard input
is a terminal, or the first line of piped input. It is never printed, no message contains it,
and it is wiped from memory after the check. No input, an empty first line, or a first line
longer than 1024 bytes is an input error (exit status 2).

Groups: indskoling (0.-3. klasse: picture passwords, cannot choose one), mellemtrin (4.-6.),
udskoling (7.-10.), youth-education, employee, parent. The rules per group are STIL's (see
docs/passwords.md): length, letters and digits, no name, no season, not a common password.

A rule is checked only with what it needs: the name rule with --name, the rule on the last
passwords with --history, a file of the user's earlier password hashes (one a line, most
recent first, as hash_password makes them or the old sha256$<salt hex>$<digest hex>; blank
lines and lines starting with # are skipped). Without them those rules are not checked: they
are shown as [?], never as met.

Output:
  text  the checklist of rules ([x] met, [ ] not met, [?] not checked, [-] does not apply),
        then each violation with its error type, then the rules not checked.
  json  {group, ok, complete, violations: [{type, msg, ctx}],
         rules: [{rule, label, status, met}]}; status is met, not_met, not_checked or
        not_applicable; complete is false when a rule was not checked.

Exit status: 0 the password breaks no rule that was checked, 1 it breaks one, 2 usage or
input error (also a --history file that cannot be read or has a line that is not a hash).

Examples:
  unilogin password check --group parent --name \"Ida Ågård\" --history hashes.txt
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

    /// A file of the user's earlier password hashes, one a line, most recent first; the
    /// password must not be one of the last ones. Without it that rule is not checked.
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Language of the messages: `da` or `en`.
    #[arg(long, default_value = "da", value_parser = crate::lang::parse_lang)]
    lang: Lang,
}

/// The largest `--history` file read, in bytes: thousands of hashes, far more than the rule
/// looks at.
const MAX_HISTORY_BYTES: u64 = 1024 * 1024;

/// The earlier passwords in the `--history` file at `path`.
fn read_history(path: &Path) -> Result<Vec<HashedPassword>, Fatal> {
    let name = path.display();
    let unreadable = |e: &dyn std::fmt::Display| {
        Fatal::new(
            format!("{name}: kan ikke læse historikken: {e}"),
            format!("{name}: cannot read the history: {e}"),
        )
    };
    let file = File::open(path).map_err(|e| unreadable(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_HISTORY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > MAX_HISTORY_BYTES {
        return Err(Fatal::new(
            format!("{name}: historikken er større end {MAX_HISTORY_BYTES} bytes"),
            format!("{name}: the history is larger than {MAX_HISTORY_BYTES} bytes"),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Fatal::new(
            format!("{name}: historikken er ikke UTF-8-tekst"),
            format!("{name}: the history is not UTF-8 text"),
        )
    })?;
    form::password_history_text(&text).map_err(|e| {
        Fatal::new(
            format!("{name}: {}", e.message()),
            format!("{name}: {}", e.message()),
        )
    })
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

/// Whether the password prompt is reading (see [`read_password`]).
static PROMPTING: AtomicBool = AtomicBool::new(false);

/// The exit status of a command ended by Ctrl-C, as shells report it (128 + SIGINT).
const INTERRUPTED: i32 = 130;

/// Reads the password: at a prompt without echo when standard input is a terminal (the
/// `rpassword` crate: the terminal's own settings on Unix and Windows, restored after Enter or
/// Ctrl-C), or the first line of piped input without its line break. At most
/// [`MAX_PASSWORD_BYTES`] bytes are read; no input at all, or an empty first line, is an input
/// error. The text is wiped from memory when the [`Password`] is dropped.
fn read_password(lang: Lang) -> Result<Password, Fatal> {
    let password = if io::stdin().is_terminal() {
        let prompt = format!("{}: ", tr(lang, "Adgangskode", "Password"));
        // The prompt reads Ctrl-C as a key and raises SIGINT; handled, the signal no longer ends
        // the command before the prompt has restored the terminal's echo. A Ctrl-C outside the
        // prompt ends the command as usual.
        PROMPTING.store(true, Ordering::SeqCst);
        let _ = ctrlc::set_handler(|| {
            if !PROMPTING.load(Ordering::SeqCst) {
                std::process::exit(INTERRUPTED);
            }
        });
        let read = rpassword::prompt_password(prompt);
        PROMPTING.store(false, Ordering::SeqCst);
        match read {
            Ok(text) => Password::from(text),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                // Ctrl-C: the prompt has restored the terminal; end as an interrupted command.
                std::process::exit(INTERRUPTED);
            }
            Err(e) => return Err(LineError::Io(e).fatal("adgangskoden", "the password")),
        }
    } else {
        let mut lines = Lines::new(io::stdin().lock(), MAX_PASSWORD_BYTES);
        match lines.next_line() {
            Some(Ok(text)) => Password::new(text),
            Some(Err(e)) => return Err(e.fatal("adgangskoden", "the password")),
            None => return Err(no_password()),
        }
    };
    if password.reveal().len() > MAX_PASSWORD_BYTES {
        return Err(LineError::TooLong {
            line: 1,
            limit: MAX_PASSWORD_BYTES,
        }
        .fatal("adgangskoden", "the password"));
    }
    if password.reveal().is_empty() {
        return Err(no_password());
    }
    Ok(password)
}

/// Standard input gave no password (nothing, or an empty first line).
fn no_password() -> Fatal {
    Fatal::new(
        "standard input: ingen adgangskode (input er tomt, eller første linje er tom)",
        "standard input: no password (the input is empty, or its first line is)",
    )
}

fn check(args: &CheckArgs) -> Result<Verdict, Fatal> {
    // The history is read first: a bad file stops the command before the password is asked.
    let history = args.history.as_deref().map(read_history).transpose()?;
    let password = read_password(args.lang)?;
    let names: Vec<&str> = args.names.iter().map(String::as_str).collect();
    let mut context = PasswordContext::new(args.group).with_names(&names);
    if let Some(history) = &history {
        context = context.with_history(history);
    }
    let policy = PasswordPolicy::stil(args.group);
    let lang = args.lang;
    let result = check_password(password.reveal(), &context, &policy);
    drop(password);
    let (ok, text, json) = match &result {
        Ok(report) => {
            let mut text = String::new();
            for rule in report.rules() {
                let _ = writeln!(text, "{} {}", rule.status().mark(), rule.label(lang));
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
            for rule in report.rules() {
                if rule.status() == RuleStatus::NotChecked {
                    let _ = writeln!(
                        text,
                        "{}: {} ({})",
                        RuleStatus::NotChecked.label(lang),
                        rule.label(lang),
                        not_checked_hint(rule.rule(), lang)
                    );
                }
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
                "complete": false,
            });
            (false, text, json)
        }
    };
    let complete = result.as_ref().is_ok_and(PasswordReport::is_complete);
    let verdict = match (ok, complete, lang) {
        (true, true, Lang::Da) => "Adgangskoden opfylder reglerne for gruppen.\n",
        (true, true, _) => "The password meets the group's rules.\n",
        (true, false, Lang::Da) => {
            "Adgangskoden opfylder de regler for gruppen, der kunne kontrolleres.\n"
        }
        (true, false, _) => "The password meets the group's rules that could be checked.\n",
        (false, _, Lang::Da) => "Adgangskoden opfylder ikke reglerne for gruppen.\n",
        (false, _, _) => "The password does not meet the group's rules.\n",
    };
    // No text from the password is in the output; escaped all the same, as every output.
    let output = match args.format {
        Format::Text => format!("{}{verdict}", escape::terminal_lines(&text)),
        Format::Json => format!("{}\n", escape::json(&format!("{json:#}"))),
    };
    io::stdout()
        .write_all(output.as_bytes())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::of(ok))
}

/// The option that would let `rule` be checked.
fn not_checked_hint(rule: PasswordRule, lang: Lang) -> &'static str {
    match rule {
        PasswordRule::NoName => tr(lang, "angiv --name", "give --name"),
        PasswordRule::NotRecent => tr(lang, "angiv --history", "give --history"),
        _ => "",
    }
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
        Format::Text => format!("{}\n", escape::terminal(&shown)),
        Format::Json => {
            let mut json = serde_json::to_value(&password).unwrap_or_default();
            if let Some(object) = json.as_object_mut() {
                object.insert("group".to_owned(), args.group.key().into());
                object.insert("shown".to_owned(), shown.into());
                object.insert("entropy_bits".to_owned(), entropy_bits(args.group).into());
            }
            format!("{}\n", escape::json(&format!("{json:#}")))
        }
    };
    io::stdout()
        .write_all(output.as_bytes())
        .map_err(|e| Fatal::write(&e))?;
    Ok(Verdict::Valid)
}
