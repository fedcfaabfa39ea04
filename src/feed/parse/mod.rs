//! Feed bytes -> [`ParsedFeed`]: charset decoding, repair of common faults, feed-rs on a
//! blocking thread inside `catch_unwind`.
//!
//! The order: cap the size; decode to text (`text::decode_bytes`: BOM, HTTP, prolog,
//! sniffing, legacy Vietnamese); recognise HTML pages; repair XML (always: the repair is
//! cheap, idempotent and leaves CDATA alone); check well-formedness with quick-xml to report
//! a line number a person can use; then let feed-rs map RSS 0.9x/1.0/2.0, Atom or JSON Feed.
mod batch;
mod fields;
mod map;
mod repair;
mod sniff;
pub(crate) use sniff::line_at;

pub(crate) use repair::is_forbidden as is_forbidden_in_xml;
pub use repair::repair_xml;

use super::ParsedFeed;
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is inside the `catch_unwind` around feed-rs. A panic hook (such as
/// the TUI's, which restores the terminal) can check it and stay quiet: such a panic is
/// caught and becomes a [`ParseError::Crashed`] for that feed alone.
pub fn in_guarded_parse() -> bool {
    GUARDED.with(Cell::get)
}

/// Sets the flag for its lifetime, and clears it even when the parse unwinds.
struct Guard;

impl Guard {
    fn new() -> Guard {
        GUARDED.with(|g| g.set(true));
        Guard
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        GUARDED.with(|g| g.set(false));
    }
}

/// Largest feed document accepted (the network layer caps bodies at the same size).
pub const MAX_FEED_BYTES: usize = 16 * 1024 * 1024;

/// Why a document could not be read as a feed. `Display` is one line for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("feed too large ({} MiB; the limit is {} MiB)", .0 / (1024 * 1024), MAX_FEED_BYTES / (1024 * 1024))]
    TooLarge(usize),
    #[error("not a feed: {0}")]
    NotAFeed(String),
    #[error("broken XML at line {line}: {message}")]
    BrokenXml { line: usize, message: String },
    #[error("broken JSON Feed: {0}")]
    BrokenJson(String),
    #[error("unreadable feed: {0}")]
    Invalid(String),
    #[error("the feed parser crashed on this document")]
    Crashed,
}

/// Items kept per feed and refresh by default (`max_items_per_feed`).
pub const DEFAULT_MAX_ITEMS: usize = 1000;

/// Parses a feed document. `content_type` is the HTTP header (for its charset), `url` the
/// feed's address (relative links are resolved against it; its host hints the charset).
/// At most [`DEFAULT_MAX_ITEMS`] items are kept, the newest.
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
) -> Result<ParsedFeed, ParseError> {
    parse_feed_capped(bytes, content_type, url, DEFAULT_MAX_ITEMS)
}

/// [`parse_feed`] keeping at most `max_items` items (at least 1): the newest by date, the
/// undated after them in the document's order.
pub fn parse_feed_capped(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
    max_items: usize,
) -> Result<ParsedFeed, ParseError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(ParseError::TooLarge(bytes.len()));
    }
    let max_items = max_items.max(1);
    let base = url::Url::parse(url).ok();
    let base = base.as_ref();
    let host = base.and_then(|u| u.host_str());
    let text = crate::text::decode_bytes(bytes, content_type, host);
    let kind = sniff::kind(&text);
    let doc = match kind {
        sniff::Kind::Json => text.trim_start_matches('\u{feff}').to_owned(),
        sniff::Kind::Xml => {
            let repaired = repair_xml(&text);
            sniff::check_well_formed(&repaired)?;
            repaired
        }
        sniff::Kind::Html => {
            return Err(ParseError::NotAFeed("the server sent an HTML page".into()));
        }
        sniff::Kind::Other => {
            return Err(ParseError::NotAFeed(
                "the document is neither XML nor JSON".into(),
            ));
        }
    };
    drop(text);
    let mut feed = match kind {
        sniff::Kind::Json => match batch::json_feed(&doc).filter(|f| f.items.len() > max_items) {
            Some(json) => parse_batches(json.batches(), kind, base, max_items)?,
            None => parse_doc(&doc, kind, base)?,
        },
        _ => match batch::xml_item_spans(&doc).filter(|s| s.len() > max_items) {
            Some(spans) => parse_batches(batch::xml_batches(&doc, &spans), kind, base, max_items)?,
            None => parse_doc(&doc, kind, base)?,
        },
    };
    keep_newest(&mut feed.items, max_items);
    Ok(feed)
}

/// The items of every batch, the newest `max_items` kept as they come; the feed's title
/// and site from the first batch that has them. A batch that fails is skipped unless all do.
fn parse_batches(
    docs: impl Iterator<Item = String>,
    kind: sniff::Kind,
    base: Option<&url::Url>,
    max_items: usize,
) -> Result<ParsedFeed, ParseError> {
    let mut merged: Option<ParsedFeed> = None;
    let mut first_error = None;
    for doc in docs {
        match parse_doc(&doc, kind, base) {
            Ok(part) => match merged.as_mut() {
                None => merged = Some(part),
                Some(m) => {
                    m.title = m.title.take().or(part.title);
                    m.site_url = m.site_url.take().or(part.site_url);
                    m.items.extend(part.items);
                    if m.items.len() >= 2 * max_items {
                        keep_newest(&mut m.items, max_items);
                    }
                }
            },
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    merged.ok_or_else(|| first_error.unwrap_or(ParseError::Crashed))
}

/// The newest `max` items: by date, newest first, the undated last in their order.
fn keep_newest(items: &mut Vec<super::ParsedItem>, max: usize) {
    if items.len() > max {
        items.sort_by_key(|i| std::cmp::Reverse(i.published));
        items.truncate(max);
    }
}

/// feed-rs on one document, retried once without the fields it is known to panic on when
/// a panic got past the repair (the items are kept, without their authors).
fn parse_doc(
    doc: &str,
    kind: sniff::Kind,
    base: Option<&url::Url>,
) -> Result<ParsedFeed, ParseError> {
    let parsed = match guarded_parse(doc, base) {
        Some(parsed) => parsed,
        None => {
            let strict = match kind {
                sniff::Kind::Json => json_without_authors(doc),
                _ => Some(repair::repair_xml_with(doc, fields::Mode::Strict)),
            };
            strict
                .and_then(|doc| guarded_parse(&doc, base))
                .ok_or(ParseError::Crashed)?
        }
    };
    match parsed {
        Ok(feed) => Ok(map::to_parsed(feed, base)),
        Err(e) => Err(map::error(e)),
    }
}

/// feed-rs on `doc`, or `None` when it panicked (silently: see [`install_quiet_hook`]).
fn guarded_parse(
    doc: &str,
    base: Option<&url::Url>,
) -> Option<Result<feed_rs::model::Feed, feed_rs::parser::ParseFeedError>> {
    catch_unwind(AssertUnwindSafe(|| {
        let _guard = Guard::new();
        map::builder(base).build().parse(doc.as_bytes())
    }))
    .ok()
}

/// A JSON Feed without its `author`/`authors` members (feed-rs parses author names with
/// the helper that panics); `None` when it is not a JSON object.
fn json_without_authors(doc: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(doc).ok()?;
    let strip = |v: &mut serde_json::Value| {
        if let Some(o) = v.as_object_mut() {
            o.remove("author");
            o.remove("authors");
        }
    };
    strip(&mut value);
    if let Some(items) = value.get_mut("items").and_then(|i| i.as_array_mut()) {
        items.iter_mut().for_each(strip);
    }
    serde_json::to_string(&value).ok()
}

/// Installs a panic hook that says nothing for a panic inside the guarded feed parse (it is
/// caught, expected and becomes an error or a retry) and hands every other panic to the
/// hook that was there before. No backtrace is captured for a silenced panic.
pub fn install_quiet_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !in_guarded_parse() {
                previous(info);
            }
        }));
    });
}

/// Whether a decoded document is an HTML page (which may link to its feed) rather than a
/// feed or something else.
pub fn is_html_page(text: &str) -> bool {
    sniff::kind(text) == sniff::Kind::Html
}

/// [`parse_feed`] on tokio's blocking pool, for callers on the async runtime.
pub async fn parse_feed_async(
    bytes: Vec<u8>,
    content_type: Option<String>,
    url: String,
) -> Result<ParsedFeed, ParseError> {
    tokio::task::spawn_blocking(move || parse_feed(&bytes, content_type.as_deref(), &url))
        .await
        .unwrap_or(Err(ParseError::Crashed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_flag_is_set_only_inside_and_cleared_on_unwind() {
        assert!(!in_guarded_parse());
        let caught = catch_unwind(|| {
            let _guard = Guard::new();
            assert!(in_guarded_parse());
            panic!("a parser assertion");
        });
        assert!(caught.is_err());
        assert!(!in_guarded_parse());
    }

    #[test]
    fn json_with_a_byte_order_mark() {
        let doc = "\u{feff}{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"T\",\"items\":[{\"id\":\"1\",\"title\":\"A\"}]}";
        let feed = parse_feed(
            doc.as_bytes(),
            Some("application/feed+json"),
            "https://x.vn/f.json",
        )
        .unwrap();
        assert_eq!(feed.items[0].title, "A");
    }
}
