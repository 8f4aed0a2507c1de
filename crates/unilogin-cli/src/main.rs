//! The `unilogin` command: validates exports (institution-number requests, Dagtilbudsregisteret
//! rows, user rosters), prints onboarding plans, checks single values and passwords, and
//! generates assigned passwords, all with the `unilogin` core.
//!
//! The command only reads input and prints; every rule lives in the core.

mod check;
mod exit;
mod html;
mod input;
mod lang;
mod password;
mod plan;
mod progress;
mod report;
mod shell;
mod validate;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::exit::status;

const TOP_AFTER_HELP: &str = "\
Examples:
  unilogin validate --kind register examples/register.csv
  unilogin plan --legal-basis privat --format mermaid
  unilogin check cvr 13585628 \"DK-1358 5627\"
  unilogin password check --group parent --name \"Ida Ågård\" < password.txt
  unilogin password generate --group mellemtrin

Every command takes --format json for scripts and --lang da|en for messages.
Exit status: 0 valid, 1 invalid or problems found, 2 usage or input error.
`unilogin <command> --help` tells more about each command.";

/// Validate Danish daycare and school data for Unilogin: exports (institution-number requests,
/// Dagtilbudsregisteret rows, user rosters), single values, passwords and onboarding plans.
#[derive(Debug, Parser)]
#[command(
    name = "unilogin",
    version,
    propagate_version = true,
    after_help = TOP_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate every row of a CSV or JSON Lines export and report each problem.
    #[command(after_help = validate::AFTER_HELP)]
    Validate(validate::Args),
    /// Print the onboarding plan of a legal basis: its steps, who does them, in what order.
    #[command(after_help = plan::AFTER_HELP)]
    Plan(plan::Args),
    /// Check single values (CVR, P-number, institution number, municipality, phone, email, CPR
    /// number, …) and print each one's canonical form or why it is invalid.
    #[command(after_help = check::AFTER_HELP)]
    Check(check::Args),
    /// Check a password against STIL's rules, or generate an assigned password.
    #[command(
        subcommand,
        after_help = "Examples:\n  unilogin password check --group parent --name \"Ida Ågård\"\n  \
                      unilogin password generate --group mellemtrin"
    )]
    Password(password::Command),
    /// Print the shell completions of the command (bash, zsh, fish, powershell, elvish).
    #[command(after_help = shell::COMPLETIONS_AFTER_HELP)]
    Completions(shell::CompletionsArgs),
    /// Print the command's manual page (roff, for `man`).
    #[command(after_help = shell::MAN_AFTER_HELP)]
    Man,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => status(validate::run(&args), args.lang),
        Command::Plan(args) => status(plan::run(&args), args.lang),
        Command::Check(args) => status(check::run(&args), args.lang),
        Command::Password(command) => {
            let lang = command.lang();
            status(password::run(&command), lang)
        }
        Command::Completions(args) => shell::completions(&args, Cli::command()),
        Command::Man => shell::man(Cli::command()),
    }
}
