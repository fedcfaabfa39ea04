//! Config files on disk: the shipped default, valid and invalid fixtures.
use docbao::config::{Config, ConfigError, RatingStyle};
use std::path::Path;

fn load(name: &str) -> Result<Config, ConfigError> {
    Config::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/config")
            .join(name),
    )
}

#[test]
fn shipped_config_loads_as_the_defaults() {
    assert_eq!(
        Config::parse(docbao::assets::DEFAULT_CONFIG, "config.toml").unwrap(),
        Config::default()
    );
}

/// The documented values are the real defaults: uncomment every `# key = value` line.
#[test]
fn shipped_config_documents_the_real_defaults() {
    let mut keys = Vec::new();
    let uncommented: String = docbao::assets::DEFAULT_CONFIG
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest)
                if rest.split_once(" = ").is_some_and(|(k, _)| {
                    k.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                }) =>
            {
                keys.push(rest.split_once(" = ").unwrap().0.to_owned());
                format!("{rest}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    assert_eq!(
        keys,
        [
            "keep_days",
            "full_text",
            "refresh_on_start",
            "refresh_interval",
            "notify_command",
            "jobs",
            "max_items_per_feed",
            "images",
            "image_max_rows",
            "image_cache_mb",
            "rating_style",
            "group_stories",
            "mark_story_read",
            "osc52"
        ]
    );
    assert_eq!(
        Config::parse(&uncommented, "config.toml").unwrap(),
        Config::default()
    );
    for example in ["lang = ", "[keys]", "[theme]", "[[rules]]"] {
        assert!(
            docbao::assets::DEFAULT_CONFIG.contains(example),
            "{example}"
        );
    }
}

#[test]
fn valid_file() {
    let c = load("valid.toml").unwrap();
    assert_eq!(c.lang, Some(docbao::i18n::Lang::Vi));
    assert_eq!((c.keep_days, c.jobs, c.full_text), (30, 16, true));
    assert_eq!(c.rating_style, RatingStyle::Ascii);
    assert_eq!(c.keys["quit"], ["Q", "ctrl-c"]);
    assert_eq!(c.theme["selected"], "yellow");
}

#[test]
fn invalid_files_name_file_line_and_key() {
    let cases = [
        (
            "unknown_key.toml",
            "unknown_key.toml line 4: unknown key `kep_days`, expected one of",
        ),
        (
            "bad_jobs.toml",
            "bad_jobs.toml line 2: bad value for `jobs`: expected a number from 1 to 64",
        ),
        (
            "bad_type.toml",
            "bad_type.toml line 3: bad value for `refresh_on_start`: ",
        ),
        (
            "bad_keys.toml",
            "bad_keys.toml line 6: bad value for `keys.quit`: ",
        ),
        ("broken.toml", "broken.toml line 2: "),
    ];
    for (file, start) in cases {
        let err = load(file).unwrap_err().to_string();
        assert!(err.contains(start), "{file}: {err}");
        assert!(!err.contains('\n'), "{file}: {err}");
    }
}

#[test]
fn missing_file_is_the_defaults() {
    assert_eq!(load("does-not-exist.toml").unwrap(), Config::default());
}

/// The shipped file lists every `[keys]` action and `[theme]` element the reader knows.
#[test]
fn shipped_config_names_every_action_and_element() {
    let text = docbao::assets::DEFAULT_CONFIG;
    for action in docbao::app::action::Action::ALL {
        assert!(text.contains(action.name()), "{} missing", action.name());
    }
    for element in docbao::view::theme::El::ALL {
        assert!(text.contains(element.name()), "{} missing", element.name());
    }
}

/// The `[[rules]]` example of the shipped file is a working config.
#[test]
fn shipped_rules_example_parses() {
    let text = docbao::assets::DEFAULT_CONFIG;
    let start = text.find("#   [[rules]]").unwrap();
    let example: String = text[start..]
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{}\n", l.trim_start_matches('#').trim()))
        .collect();
    let c = Config::parse(&example, "example.toml").unwrap();
    assert_eq!(c.rules.len(), 2);
    assert_eq!(c.arrival().unwrap().rules.name(0), "Không xem tử vi");
}
