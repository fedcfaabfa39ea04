//! The `docbao` binary: parses the command line, builds the [`Ctx`], and hands over to the
//! library: [`docbao::runtime::run`] for the reader, [`docbao::commands`] for the rest.
use clap::Parser;
use docbao::cli::Cli;
use docbao::commands::{self, Ctx};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Ctx::from_global(&cli.global).and_then(|ctx| match cli.command {
        None => docbao::runtime::run(ctx),
        Some(command) => commands::run(command, &ctx),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("docbao: {}", commands::one_line(&err));
            ExitCode::from(1)
        }
    }
}
