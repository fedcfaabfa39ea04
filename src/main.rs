//! The `docbao` binary: parses the command line, builds the [`Ctx`], and hands over to the
//! library: [`docbao::runtime::run`] for the reader, [`docbao::commands`] for the rest.
use clap::Parser;
use docbao::cli::{Cli, Command};
use docbao::commands::{self, Ctx};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Before anything can parse a feed: a feed-rs panic is caught and must print nothing.
    docbao::feed::parse::install_quiet_hook();
    let cli = Cli::parse();
    let result = match cli.command {
        // Made from the command definitions alone: a broken config or no data dir must not
        // stop a package build or a shell from getting them.
        Some(Command::Completions { shell }) => commands::generate::completions(shell),
        Some(Command::Man { command }) => commands::generate::man(command.as_deref()),
        command => Ctx::from_global(&cli.global).and_then(|ctx| match command {
            None => docbao::runtime::run(ctx),
            Some(command) => {
                // What the commands log (a full text that could not be fetched, ...) goes to
                // the reader's log file; a data dir that cannot hold one is the command's
                // concern.
                if std::fs::create_dir_all(&ctx.data_dir).is_ok() {
                    let _ = docbao::runtime::logging::init(&ctx.data_dir);
                }
                commands::run(command, &ctx)
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("docbao: {}", commands::one_line(&err));
            ExitCode::from(commands::exit_status(&err))
        }
    }
}
