//! `config.toml`: serde with defaults in code; unknown keys and bad values are errors that
//! name the key and line. Every setting is documented in `assets/config.toml`.
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingStyle {
    /// ★★★★☆
    #[default]
    Stars,
    /// [****-]
    Ascii,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Interface language; unset: from LANG.
    pub lang: Option<Lang>,
    /// Days to keep read, unrated articles.
    pub keep_days: u32,
    /// Prefetch the full article of every new item on refresh.
    pub full_text: bool,
    /// Refresh all feeds in the background when the reader starts.
    pub refresh_on_start: bool,
    /// Concurrent fetches in all (at most 2 per host).
    pub jobs: usize,
    pub rating_style: RatingStyle,
    /// Action name -> keys, e.g. `quit = ["Q", "ctrl-c"]`. Checked by the TUI's keymap.
    pub keys: BTreeMap<String, Vec<String>>,
    /// Element -> colour, e.g. `selected = "yellow"`. Checked by the TUI's theme.
    pub theme: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            keep_days: 90,
            full_text: false,
            refresh_on_start: true,
            jobs: 8,
            rating_style: RatingStyle::Stars,
            keys: BTreeMap::new(),
            theme: BTreeMap::new(),
        }
    }
}
