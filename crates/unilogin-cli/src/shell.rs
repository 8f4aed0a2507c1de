//! The command's shell completions and manual page, generated from its clap definition, so a
//! `cargo install unilogin-cli` can install them: `unilogin completions SHELL` and
//! `unilogin man`.

use std::io::{self, Write};
use std::process::ExitCode;

use clap_complete::Shell;
use unilogin::Lang;

use crate::exit::{status, Fatal, Verdict};

pub(crate) const COMPLETIONS_AFTER_HELP: &str = "\
Install (the directories are the shells' usual ones):
  unilogin completions bash > ~/.local/share/bash-completion/completions/unilogin
  unilogin completions zsh > ~/.zfunc/_unilogin      # with fpath+=~/.zfunc before compinit
  unilogin completions fish > ~/.config/fish/completions/unilogin.fish
  unilogin completions powershell >> $PROFILE";

pub(crate) const MAN_AFTER_HELP: &str = "\
Install:
  unilogin man > ~/.local/share/man/man1/unilogin.1 && man unilogin";

#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

/// Prints the completions of `command` for the shell asked for.
pub(crate) fn completions(args: &CompletionsArgs, mut command: clap::Command) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "unilogin", &mut out);
    print(&out)
}

/// Prints the manual page of `command`.
pub(crate) fn man(command: clap::Command) -> ExitCode {
    let mut out = Vec::new();
    match clap_mangen::Man::new(command).render(&mut out) {
        Ok(()) => print(&out),
        Err(e) => status(Err(Fatal::write(&e)), Lang::En),
    }
}

fn print(bytes: &[u8]) -> ExitCode {
    let result = io::stdout()
        .lock()
        .write_all(bytes)
        .map(|()| Verdict::Valid)
        .map_err(|e| Fatal::write(&e));
    status(result, Lang::En)
}
