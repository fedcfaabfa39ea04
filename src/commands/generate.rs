//! `completions` and `man`: generated from the one clap definition in [`crate::cli`], so they
//! cannot drift from the parser. The packaged copies under `assets/` are checked against
//! these by a test.
use crate::cli::Cli;
use anyhow::Context;
use clap::CommandFactory;
use clap::error::ErrorKind;
use std::io::Write;

/// The completion script of `shell`.
pub fn completions_text(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "docbao", &mut out);
    out
}

/// Names of the commands that have a man page of their own (`docbao-NAME(1)`).
pub fn man_commands() -> Vec<String> {
    let mut cmd = Cli::command();
    cmd.build();
    cmd.get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// The man page of docbao (`None`) or of one command; `None` when there is no such command.
pub fn man_text(command: Option<&str>) -> anyhow::Result<Option<Vec<u8>>> {
    let mut cmd = Cli::command();
    // Built so that subcommands carry the global options and their "docbao-NAME" title.
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) if sub.get_name() != "help" => sub.clone(),
            _ => return Ok(None),
        },
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        // Every page names the program and its version (a command's would name the command).
        .source(format!("docbao {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .context("cannot render the man page")?;
    Ok(Some(out))
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    print(&completions_text(shell))
}

/// Prints the page; an unknown command is a usage error (exit 2), as clap's own are.
pub fn man(command: Option<&str>) -> anyhow::Result<()> {
    match man_text(command)? {
        Some(page) => print(&page),
        None => Cli::command()
            .error(
                ErrorKind::InvalidValue,
                format!(
                    "no command named '{}' (one of: {})",
                    command.unwrap_or_default(),
                    man_commands().join(", ")
                ),
            )
            .exit(),
    }
}

fn print(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .context("cannot write to stdout")
}
