//! Properties of OPML import/export and of config parsing (issue 7, "keep them gone").
//!
//! - Any tree of categories and feeds, with titles of any Unicode ("/", "&", quotes,
//!   backslashes, control characters, decomposed marks) and any nesting: written, imported,
//!   exported and imported again, the feeds, titles and categories are the same, and they
//!   are what the source said once cleaned (NFC, no controls) and bounded (16 levels,
//!   200-character names).
//! - Any text given as OPML is a list of clean entries or an error, never a panic.
//! - Any text given as a config is a config or one line naming the file and a line that
//!   exists, never a panic.
use crate::fuzz;
use docbao::config::Config;
use docbao::feed::opml::{MAX_DEPTH, Opml, OpmlEntry, parse_opml, write_opml};
use docbao::store::{MAX_CATEGORY_CHARS, Store};
use docbao::text::clean_line;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Characters that break naive code, then anything at all.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '/', '\\', '&', '"', '\'', '<', '>', ';', ' ', '\t', '\n', '\r', '\u{1b}', '\u{0}',
            '\u{7}', '\u{85}', '\u{9b}', '\u{202e}', '\u{feff}', '\u{300}', '\u{323}', 'ệ', 'Đ',
            'ư', 'ơ', '\u{fffe}', '\u{ffff}', '#', ']', '[', '=',
        ]),
        1 => any::<char>(),
        4 => prop::char::range('a', 'z'),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// A tree: category i's parent is one of the categories before it (often the one just
/// before, so that chains grow deeper than the cap), feeds in any of them.
fn tree() -> impl Strategy<Value = Opml> {
    let categories = prop::collection::vec(
        (text(12), prop::option::weighted(0.8, any::<usize>())),
        0..40,
    );
    let entries = prop::collection::vec((text(16), prop::option::of(any::<usize>())), 0..24);
    (categories, entries, any::<bool>()).prop_map(|(cats, entries, chain)| {
        let mut opml = Opml::default();
        for (i, (name, parent)) in cats.into_iter().enumerate() {
            let parent = match (i, parent) {
                (0, _) | (_, None) => None,
                _ if chain => Some(i - 1),
                (_, Some(p)) => Some(p % i),
            };
            opml.add_category(parent, &name);
        }
        let n = opml.categories.len();
        for (i, (title, category)) in entries.into_iter().enumerate() {
            opml.entries.push(OpmlEntry {
                title,
                xml_url: format!("http://127.0.0.1/f{i}?a=1&b=\"x\""),
                html_url: None,
                category: category.filter(|_| n > 0).map(|c| c % n),
            });
        }
        opml
    })
}

/// (url, title, category path) of every subscription, in the store's order.
fn subscriptions(store: &Store) -> Vec<(String, String, Option<String>)> {
    store
        .feeds()
        .unwrap()
        .into_iter()
        .map(|f| (f.url, f.title, f.category.as_deref().map(str::to_owned)))
        .collect()
}

fn import(text: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.import_opml(&parse_opml(text).unwrap()).unwrap();
    store
}

/// What the source says a feed's category is once cleaned: blank names are no category
/// level, the first 16 levels are kept, each name cut to 200 characters.
fn expected_names(opml: &Opml, category: Option<usize>) -> Vec<String> {
    let mut chain = Vec::new();
    let mut at = category;
    while let Some(c) = at {
        chain.push(opml.categories[c].name.as_str());
        at = opml.parent_of(c);
    }
    let mut names: Vec<String> = chain
        .into_iter()
        .rev()
        .map(clean)
        .filter(|n| !n.is_empty())
        .collect();
    names.truncate(MAX_DEPTH);
    names
        .into_iter()
        .map(|n| {
            n.chars()
                .take(MAX_CATEGORY_CHARS)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect()
}

/// As docbao cleans a line, less what XML cannot carry (U+FFFE, U+FFFF).
fn clean(s: &str) -> String {
    clean_line(&s.replace(['\u{fffe}', '\u{ffff}'], ""))
}

fn is_clean(s: &str) -> bool {
    s.chars().all(|c| !c.is_control()) && s.nfc().eq(s.chars())
}

proptest! {
    #![proptest_config(fuzz::config(48))]

    #[test]
    fn prop_opml_round_trip_keeps_feeds_titles_and_categories(source in tree()) {
        let first = import(&write_opml(&source, "nguồn"));
        let once = subscriptions(&first);
        let again = subscriptions(&import(&write_opml(&first.opml().unwrap(), "docbao")));
        prop_assert_eq!(&once, &again);
        // And it is what the source said, cleaned.
        prop_assert_eq!(once.len(), source.entries.len());
        let exported = first.opml().unwrap();
        for entry in &source.entries {
            // Written grouped by category, so stored in another order: found by URL.
            let stored = exported.entries.iter().find(|e| e.xml_url == entry.xml_url);
            prop_assert!(stored.is_some(), "{} lost", entry.xml_url);
            let Some(stored) = stored else { continue };
            let title = clean(&entry.title);
            let title = if title.is_empty() { entry.xml_url.clone() } else { title };
            prop_assert_eq!(&stored.title, &title);
            prop_assert!(is_clean(&stored.title));
            let names: Vec<String> = exported
                .names(stored.category)
                .into_iter()
                .map(str::to_owned)
                .collect();
            prop_assert_eq!(names, expected_names(&source, entry.category));
        }
    }

    #[test]
    fn prop_any_text_as_opml_is_clean_entries_or_an_error(
        body in text(200),
        wrap in any::<bool>(),
    ) {
        let doc = if wrap {
            format!("<opml><body><outline text=\"{body}\" xmlUrl=\"http://a.example/{body}\"/>{body}</body></opml>")
        } else {
            body
        };
        if let Ok(opml) = parse_opml(&doc) {
            for e in &opml.entries {
                prop_assert!(is_clean(&e.title) && is_clean(&e.xml_url), "{:?}", e);
            }
            for c in &opml.categories {
                prop_assert!(is_clean(&c.name), "{:?}", c);
            }
        }
    }

    #[test]
    fn prop_any_config_text_is_a_config_or_one_line_naming_a_line(
        lines in prop::collection::vec(config_line(), 0..12),
    ) {
        let text = lines.join("\n");
        match Config::parse(&text, "config.toml") {
            Ok(config) => prop_assert!((1..=64).contains(&config.jobs)),
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.contains('\n'), "{}", message);
                let line: usize = message
                    .strip_prefix("config.toml line ")
                    .and_then(|rest| rest.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                prop_assert!(line >= 1 && line <= text.split('\n').count(), "{}", message);
                prop_assert!(message.chars().count() < 400, "{}", message);
            }
        }
    }
}

/// A config line: a known key with a value of any type, a table header, or junk.
fn config_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "lang",
        "keep_days",
        "full_text",
        "refresh_on_start",
        "jobs",
        "rating_style",
        "quit",
        "selected",
        "unknown",
        "keys.quit",
        "\"quoted key\"",
    ]);
    let value = prop_oneof![
        Just("\"vi\"".to_owned()),
        Just("\"en\"".to_owned()),
        Just("true".to_owned()),
        Just("0".to_owned()),
        Just("65".to_owned()),
        Just("8".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("[\"Q\", \"ctrl-c\"]".to_owned()),
        Just("[]".to_owned()),
        Just("\"ascii\"".to_owned()),
        Just("{ a = 1 }".to_owned()),
        Just("[[[[[[[[".to_owned()),
        text(12).prop_map(|t| format!("\"{t}\"")),
        text(12),
    ];
    prop_oneof![
        4 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => prop::sample::select(vec!["[keys]", "[theme]", "[[rules]]", "[keys", "# ghi chú"])
            .prop_map(str::to_owned),
        1 => text(20),
    ]
}
