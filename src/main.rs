//! The `docbao` binary: parses the command line and hands over to the library.
//! (Interim shell for the article branch: only `read` is wired; the integrator owns this file.)
use clap::Parser;
use docbao::cli::{Cli, Command};
use docbao::commands::Ctx;
use docbao::i18n::Lang;

fn main() {
    let cli = Cli::parse();
    let lang = cli
        .global
        .lang
        .or_else(|| Lang::from_locale(std::env::var("LANG").ok().as_deref()))
        .unwrap_or_default();
    let data_dir = cli
        .global
        .data_dir
        .clone()
        .unwrap_or_else(std::env::temp_dir);
    let ctx = Ctx {
        data_dir,
        config: Default::default(),
        lang,
        offline: cli.global.offline,
        no_defaults: cli.global.no_defaults,
    };
    let result = match &cli.command {
        Some(Command::Read(args)) => docbao::commands::read::run(args, &ctx),
        _ => Err(anyhow::anyhow!("only `read` is available in this build")),
    };
    if let Err(e) = result {
        eprintln!("docbao: {}", docbao::text::clean_line(&format!("{e:#}")));
        std::process::exit(1);
    }
}
