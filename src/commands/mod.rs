//! The headless commands. Each takes its parsed arguments and a [`Ctx`].
mod add;
pub mod articles;
pub mod generate;
mod marks;
mod output;
pub mod read;
mod refresh;
mod rules;
mod saved;
pub mod setup;
mod subscriptions;
pub mod sync;

use crate::cli::{Command, Global};
use crate::config::{self, Config};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use anyhow::{Context, bail};
use std::path::PathBuf;

/// What every command gets: resolved paths, config and flags.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub data_dir: PathBuf,
    pub config: Config,
    pub lang: Lang,
    pub offline: bool,
    pub no_defaults: bool,
}

impl Ctx {
    /// Resolves the data dir, loads the config and picks the language:
    /// `--lang`, then the config, then LC_ALL / LC_MESSAGES / LANG, else English.
    pub fn from_global(global: &Global) -> anyhow::Result<Ctx> {
        let data_dir = match &global.data_dir {
            Some(dir) => dir.clone(),
            None => config::default_data_dir()
                .context("no data directory: set --data-dir or DOCBAO_DATA_DIR")?,
        };
        let config = match global.config.clone().or_else(config::default_path) {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        };
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        let lang = global
            .lang
            .or(config.lang)
            .or_else(|| Lang::from_locale(locale.as_deref()))
            .unwrap_or_default();
        Ok(Ctx {
            data_dir,
            config,
            lang,
            offline: global.offline,
            no_defaults: global.no_defaults,
        })
    }

    pub fn cache_path(&self) -> PathBuf {
        self.data_dir.join("cache.db")
    }

    /// Opens the cache to change it, subscribing a new one to the defaults (see [`setup`]).
    /// A cache that can only be read is an error that says so.
    pub fn open_store(&self) -> anyhow::Result<Store> {
        let path = self.cache_path();
        let mut store = match Store::open(&path) {
            Ok(store) => store,
            // Busy is another docbao writing, not a cache that cannot be written.
            Err(e) if !matches!(e, StoreError::Busy) && Store::open_read_only(&path).is_ok() => {
                tracing::info!("cache {} cannot be written: {e}", path.display());
                bail!(
                    "cannot save changes: the cache {} is read-only (a read-only file system, \
                     or another user's file)",
                    path.display()
                )
            }
            Err(e) => return Err(e).with_context(|| format!("cannot open {}", path.display())),
        };
        if store.created() && !self.no_defaults {
            setup::subscribe_defaults(&mut store)?;
        }
        Ok(store)
    }

    /// Opens the cache to read it: read-only when it cannot be written.
    pub fn open_store_to_read(&self) -> anyhow::Result<Store> {
        let path = self.cache_path();
        match Store::open(&path) {
            Ok(mut store) => {
                if store.created() && !self.no_defaults {
                    setup::subscribe_defaults(&mut store)?;
                }
                Ok(store)
            }
            Err(e) => match Store::open_read_only(&path) {
                Ok(store) => {
                    tracing::info!("cache {} opened read-only: {e}", path.display());
                    Ok(store)
                }
                Err(_) => Err(e).with_context(|| format!("cannot open {}", path.display())),
            },
        }
    }
}

/// Runs one headless command.
pub fn run(command: Command, ctx: &Ctx) -> anyhow::Result<()> {
    match command {
        Command::Add {
            url,
            title,
            category,
        } => add::add(ctx, &url, title.as_deref(), category.as_deref()),
        Command::Remove { feed } => subscriptions::remove(ctx, &feed),
        Command::Import { file } => subscriptions::import(ctx, &file),
        Command::Export { file } => subscriptions::export(ctx, file.as_deref()),
        Command::Feeds { json } => subscriptions::list(ctx, json),
        Command::Refresh(args) => refresh::run(ctx, &args),
        Command::Articles(args) => articles::list(ctx, &args),
        Command::Read(args) => read::run(&args, ctx),
        Command::Search(args) => saved::search(ctx, &args),
        Command::Rate { article, stars } => articles::rate(ctx, article, stars),
        Command::Mark(args) => marks::run(ctx, &args),
        Command::Searches { json } => saved::list(ctx, json),
        Command::Rules { command } => rules::run(ctx, &command),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man { command } => generate::man(command.as_deref()),
        Command::Sync { json } => sync::run(ctx, json),
    }
}

/// Arguments that parse but do not fit together: exit status 2, like clap's own errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The exit status of a failed command: 2 for a usage error, else 1.
pub fn exit_status(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        2
    } else {
        1
    }
}

/// An error chain as one clean line: "cannot open x: permission denied".
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = crate::text::clean_line(&cause.to_string());
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}
