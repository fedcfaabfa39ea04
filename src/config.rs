//! `config.toml`: serde with defaults in code; unknown keys and bad values are errors that
//! name the file, the line and the key. Every setting is documented in `assets/config.toml`.
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Largest `jobs`: more concurrent fetches gain nothing and look like an attack.
pub const MAX_JOBS: usize = 64;

/// Largest `max_items_per_feed`: the items of one feed are held in memory while it is stored.
pub const MAX_ITEMS_PER_FEED: usize = 10_000;

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
    /// Minutes between background refreshes while the reader is open; 0: never.
    pub refresh_interval: u32,
    /// A program and its arguments, run (no shell) after a background refresh that brought
    /// new articles, with their count and titles as further arguments; empty: none.
    pub notify_command: Vec<String>,
    /// Concurrent fetches in all (at most 2 per host).
    pub jobs: usize,
    /// Items kept per feed and refresh, the newest.
    pub max_items_per_feed: usize,
    pub rating_style: RatingStyle,
    /// Action name -> keys, e.g. `quit = ["Q", "ctrl-c"]`. Checked by the TUI's keymap.
    pub keys: BTreeMap<String, Vec<String>>,
    /// Element -> colour, e.g. `selected = "yellow"`. Checked by the TUI's theme.
    pub theme: BTreeMap<String, String>,
    // Arrival (issue 10): rules applied to new articles, and story grouping.
    /// `[[rules]]`: checked (regexes compiled) when the config is parsed.
    pub rules: Vec<crate::arrival::RuleSpec>,
    /// Group the versions of one story told by several feeds.
    pub group_stories: bool,
    /// In the reader, marking one version of a story read marks the others read.
    pub mark_story_read: bool,
    /// The copy key puts addresses on the clipboard with the OSC 52 escape.
    pub osc52: bool,
    /// How the reader draws pictures.
    pub images: ImageMode,
    /// The most terminal rows one picture takes in the article.
    pub image_max_rows: u16,
    /// The picture cache's budget in MiB (least recently used out first; rated articles'
    /// pictures stay).
    pub image_cache_mb: u32,
    /// The aggregator to sync with; none: no sync.
    pub sync: Option<SyncConfig>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncService {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).
    Greader,
    /// The Fever API.
    Fever,
}

impl SyncService {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncService::Greader => "greader",
            SyncService::Fever => "fever",
        }
    }
}

/// `[sync]`. The password comes from `password_command` (run without a shell), else the
/// environment variable `DOCBAO_SYNC_PASSWORD`, else `password` (accepted only in a file
/// that other users cannot read).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncConfig {
    pub service: SyncService,
    /// The API's base: FreshRSS `https://host/api/greader.php`, Miniflux `https://host`;
    /// Fever: the endpoint itself (`https://host/api/fever.php`).
    pub url: String,
    pub username: String,
    #[serde(default)]
    pub password_command: Option<String>,
    #[serde(default)]
    pub password: Option<Secret>,
    /// Allow plain http to a host other than a loopback address.
    #[serde(default)]
    pub allow_http: bool,
    /// Stars given to an item starred elsewhere with no known number (1 to 5).
    #[serde(default = "default_star_rating")]
    pub star_rating: u8,
}

fn default_star_rating() -> u8 {
    5
}

/// A password: compared, never printed (`Debug` shows a placeholder).
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The longest `refresh_interval`: a week, in minutes.
pub const MAX_REFRESH_INTERVAL: u32 = 7 * 24 * 60;

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            keep_days: 90,
            full_text: false,
            refresh_on_start: true,
            refresh_interval: 0,
            notify_command: Vec::new(),
            jobs: 8,
            max_items_per_feed: crate::feed::parse::DEFAULT_MAX_ITEMS,
            rating_style: RatingStyle::Stars,
            keys: BTreeMap::new(),
            theme: BTreeMap::new(),
            rules: Vec::new(),
            // Off until it is cheap enough: see README ("One story, many papers").
            group_stories: false,
            mark_story_read: true,
            osc52: true,
            images: ImageMode::Auto,
            image_max_rows: 12,
            image_cache_mb: 200,
            sync: None,
        }
    }
}

/// How the reader draws pictures: `auto` asks the terminal once at start (kitty, sixel,
/// else half blocks), `halfblocks` skips the question, `off` shows captions only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageMode {
    #[default]
    Auto,
    Halfblocks,
    Off,
}

impl Config {
    /// The picture cache's budget in bytes, or None when pictures are off.
    pub fn picture_budget(&self) -> Option<u64> {
        (self.images != ImageMode::Off).then(|| u64::from(self.image_cache_mb) * 1024 * 1024)
    }
}

/// A config file that cannot be used. `Display` is one line naming the file (and the line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: {message}")]
    Io { file: String, message: String },
    #[error("{file} line {line}: {message}")]
    At {
        file: String,
        line: usize,
        message: String,
    },
}

impl Config {
    /// Reads a config file; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = crate::text::clean_line(&path.display().to_string());
        let bytes = match crate::files::read_limited(path, crate::files::MAX_CONFIG_BYTES) {
            Ok(bytes) => bytes,
            Err(e) if e.is_not_found() => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Io {
                    file,
                    message: e.reason(),
                });
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => {
                let config = Config::parse(&text, &file)?;
                check_private(path, &text, &config)?;
                Ok(config)
            }
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                Err(ConfigError::At {
                    line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                    file,
                    message: "not UTF-8 text".into(),
                })
            }
        }
    }

    /// Parses and validates config text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let at = |line: usize, message: String| ConfigError::At {
            file: file.to_owned(),
            line,
            message: crate::text::clean_line(&message),
        };
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let line = crate::feed::parse::line_at(text, offset as u64);
            let message = e.message().trim().replace("unknown field", "unknown key");
            match key_on_line(text, line) {
                Some(key) if !message.starts_with("unknown key") => {
                    at(line, format!("bad value for `{key}`: {message}"))
                }
                _ => at(line, message),
            }
        })?;
        let check = |ok: bool, key: &str, expected: &str| -> Result<(), ConfigError> {
            if ok {
                return Ok(());
            }
            let line = top_level_key_line(text, key).unwrap_or(1);
            Err(at(
                line,
                format!("bad value for `{key}`: expected {expected}"),
            ))
        };
        check(
            (1..=MAX_JOBS).contains(&config.jobs),
            "jobs",
            "a number from 1 to 64",
        )?;
        check(config.keep_days >= 1, "keep_days", "at least 1 (days)")?;
        check(
            config.refresh_interval <= MAX_REFRESH_INTERVAL,
            "refresh_interval",
            "minutes from 0 (off) to 10080 (a week)",
        )?;
        check(
            config.notify_command.len() <= 32
                && config
                    .notify_command
                    .first()
                    .is_none_or(|p| !p.trim().is_empty())
                && config.notify_command.iter().all(|a| a.len() <= 4096),
            "notify_command",
            "a program and its arguments, e.g. [\"notify-send\", \"docbao\"] (at most 32)",
        )?;
        config.arrival().map_err(|e| {
            let line = crate::feed::parse::line_at(text, e.offset as u64);
            at(line, e.message)
        })?;
        check(
            (1..=MAX_ITEMS_PER_FEED).contains(&config.max_items_per_feed),
            "max_items_per_feed",
            "a number from 1 to 10000",
        )?;
        check(
            (1..=200).contains(&config.image_max_rows),
            "image_max_rows",
            "from 1 to 200 (rows)",
        )?;
        if let Some(sync) = &config.sync {
            let line = |key: &str| table_key_line(text, "sync", key).unwrap_or(1);
            if !(1..=5).contains(&sync.star_rating) {
                return Err(at(
                    line("star_rating"),
                    "bad value for `sync.star_rating`: expected 1 to 5 (stars)".into(),
                ));
            }
            if sync.password.is_some() && sync.password_command.is_some() {
                return Err(at(
                    line("password"),
                    "`sync.password` and `sync.password_command` are both set: keep one".into(),
                ));
            }
        }
        Ok(config)
    }

    /// The arrival settings of a refresh: the rules compiled (once per call).
    pub fn arrival(&self) -> Result<crate::arrival::Arrival, crate::arrival::RuleError> {
        Ok(crate::arrival::Arrival {
            rules: crate::arrival::Rules::compile(&self.rules)?,
            group_stories: self.group_stories,
        })
    }
}

/// A password in a file that other users can read is refused (the file's mode decides).
#[cfg(unix)]
fn check_private(path: &Path, text: &str, config: &Config) -> Result<(), ConfigError> {
    use std::os::unix::fs::PermissionsExt;
    if config.sync.as_ref().is_none_or(|s| s.password.is_none()) {
        return Ok(());
    }
    let file = path.display().to_string();
    let mode = std::fs::metadata(path)
        .map_err(|e| ConfigError::Io {
            file: file.clone(),
            message: e.to_string(),
        })?
        .permissions()
        .mode();
    if mode & 0o044 != 0 {
        return Err(ConfigError::At {
            file: file.clone(),
            line: table_key_line(text, "sync", "password").unwrap_or(1),
            message: format!(
                "`sync.password` is in a file other users can read (mode {:o}): run \
                 `chmod 600 {file}`, or use `password_command` or DOCBAO_SYNC_PASSWORD",
                mode & 0o777
            ),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path, _: &str, _: &Config) -> Result<(), ConfigError> {
    Ok(())
}

/// The line of `key = ...` inside `[table]`.
fn table_key_line(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.starts_with('[') {
            inside = l.trim_matches(['[', ']', ' ']) == table;
            continue;
        }
        if inside
            && let Some((k, _)) = l.split_once('=')
            && k.trim().trim_matches(['"', '\'']) == key
        {
            return Some(i + 1);
        }
    }
    None
}

/// `<platform config dir>/docbao/config.toml` (Linux: `$XDG_CONFIG_HOME/docbao/config.toml`).
pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The platform data dir (Linux: `$XDG_DATA_HOME/docbao`).
pub fn default_data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "docbao")
}

/// The dotted key assigned on a line (`table.key` inside `[table]`), if the line assigns one.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (key, _) = lines.get(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.starts_with('#') || key.starts_with('[') {
        return None;
    }
    let table = lines[..line - 1].iter().rev().find_map(|l| {
        let l = l.trim();
        (l.starts_with('[') && !l.starts_with("[[")).then(|| l.trim_matches(['[', ']', ' ']))
    });
    let key = match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_owned(),
    };
    // The line is for a person to find: a hostile key must not make it endless.
    Some(match key.char_indices().nth(MAX_KEY_SHOWN) {
        Some((cut, _)) => format!("{}…", &key[..cut]),
        None => key,
    })
}

/// Characters of a key quoted in an error.
const MAX_KEY_SHOWN: usize = 60;

/// The line of a top-level `key = ...` (before any table header).
fn top_level_key_line(text: &str, key: &str) -> Option<usize> {
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.starts_with('[') {
            return None;
        }
        if let Some((k, _)) = l.split_once('=')
            && k.trim().trim_matches(['"', '\'']) == key
        {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Config::parse(text, "config.toml").unwrap_err().to_string()
    }

    #[test]
    fn a_hostile_key_is_quoted_short_and_deep_nesting_is_an_error() {
        let long = format!("{}b = 1", "a.".repeat(100_000));
        let message = err(&long);
        assert!(message.starts_with("config.toml line 1: "), "{message}");
        assert!(message.chars().count() < 200, "{}", message.len());
        let deep = format!("keep_days = {}", "[".repeat(100_000));
        assert!(err(&deep).starts_with("config.toml line 1: "));
    }

    #[test]
    fn every_field_is_read() {
        let text = "lang = \"vi\"\nkeep_days = 30\nfull_text = true\nrefresh_on_start = false\n\
                    jobs = 4\nrating_style = \"ascii\"\n[keys]\nquit = [\"Q\", \"ctrl-c\"]\n\
                    [theme]\nselected = \"yellow\"\n";
        let c = Config::parse(text, "config.toml").unwrap();
        assert_eq!(c.lang, Some(Lang::Vi));
        assert_eq!(
            (c.keep_days, c.full_text, c.refresh_on_start, c.jobs),
            (30, true, false, 4)
        );
        assert_eq!(c.rating_style, RatingStyle::Ascii);
        assert_eq!(c.keys["quit"], ["Q", "ctrl-c"]);
        assert_eq!(c.theme["selected"], "yellow");
        assert_eq!(Config::parse("", "c").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_file_line_and_key() {
        let e = err("# docbao\njobs = 4\nkep_days = 3\n");
        assert!(
            e.starts_with("config.toml line 3: unknown key `kep_days`, expected one of"),
            "{e}"
        );
        let e = err("jobs = 4\n\nlang = \"fr\"\n");
        assert!(
            e.starts_with("config.toml line 3: bad value for `lang`: unknown variant `fr`"),
            "{e}"
        );
        let e = err("[keys]\nquit = \"Q\"\n");
        assert!(
            e.starts_with("config.toml line 2: bad value for `keys.quit`: "),
            "{e}"
        );
        let e = err("keep_days = -1\n");
        assert!(
            e.starts_with("config.toml line 1: bad value for `keep_days`"),
            "{e}"
        );
        let e = err("full_text = yes\n");
        assert!(e.starts_with("config.toml line 1: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn sync_section_is_read_and_checked() {
        let text = "[sync]\nservice = \"greader\"\nurl = \"https://h/api/greader.php\"\n\
                    username = \"lan\"\npassword_command = \"pass show rss\"\n";
        let c = Config::parse(text, "c").unwrap();
        let sync = c.sync.unwrap();
        assert_eq!(sync.service, SyncService::Greader);
        assert_eq!(sync.star_rating, 5);
        assert!(!sync.allow_http);
        let e =
            err("[sync]\nservice = \"fever\"\nurl = \"x\"\nusername = \"u\"\nstar_rating = 9\n");
        assert!(
            e.starts_with("config.toml line 5: bad value for `sync.star_rating`"),
            "{e}"
        );
        let e = err("[sync]\nservice = \"rss\"\n");
        assert!(e.contains("line 2"), "{e}");
        let secret = Secret::new("hunter2-mật-khẩu".into());
        assert!(!format!("{secret:?}").contains("hunter2"));
    }

    #[cfg(unix)]
    #[test]
    fn a_password_in_a_readable_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "[sync]\nservice = \"fever\"\nurl = \"https://h/fever\"\nusername = \"u\"\n\
                    password = \"hunter2-mật-khẩu\"\n";
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = Config::load(&path).unwrap_err().to_string();
        assert!(e.contains("line 5") && e.contains("chmod 600"), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(
            c.sync.unwrap().password.unwrap().expose(),
            "hunter2-mật-khẩu"
        );
    }

    #[test]
    fn ranges_are_checked() {
        assert_eq!(
            err("lang = \"en\"\njobs = 0\n"),
            "config.toml line 2: bad value for `jobs`: expected a number from 1 to 64"
        );
        assert!(err("jobs = 65").contains("`jobs`"));
        assert_eq!(
            err("max_items_per_feed = 0"),
            "config.toml line 1: bad value for `max_items_per_feed`: expected a number from 1 to 10000"
        );
        assert_eq!(
            err("keep_days = 0"),
            "config.toml line 1: bad value for `keep_days`: expected at least 1 (days)"
        );
    }

    #[test]
    fn missing_file_gives_defaults_and_paths_end_in_docbao() {
        let dir = std::env::temp_dir().join("docbao-config-test-missing-dir-x");
        assert_eq!(
            Config::load(&dir.join("none.toml")).unwrap(),
            Config::default()
        );
        if let Some(p) = default_path() {
            assert!(p.ends_with("docbao/config.toml"), "{}", p.display());
        }
        if let Some(p) = default_data_dir() {
            assert!(p.ends_with("docbao"), "{}", p.display());
        }
    }
}
