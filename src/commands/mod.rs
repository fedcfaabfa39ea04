//! The headless commands. Each takes its parsed arguments and a [`Ctx`].
pub mod read;

use crate::config::Config;
use crate::i18n::Lang;
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
