//! Feed bytes -> [`ParsedFeed`]: charset decoding, repair of common faults, feed-rs on a
//! blocking thread inside `catch_unwind`.
//!
//! The order: cap the size; decode to text (`text::decode_bytes`: BOM, HTTP, prolog,
//! sniffing, legacy Vietnamese); recognise HTML pages; repair XML (always: the repair is
//! cheap, idempotent and leaves CDATA alone); check well-formedness with quick-xml to report
//! a line number a person can use; then let feed-rs map RSS 0.9x/1.0/2.0, Atom or JSON Feed.
mod entities;
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

/// Parses a feed document. `content_type` is the HTTP header (for its charset), `url` the
/// feed's address (relative links are resolved against it; its host hints the charset).
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
) -> Result<ParsedFeed, ParseError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(ParseError::TooLarge(bytes.len()));
    }
    let base = url::Url::parse(url).ok();
    let host = base.as_ref().and_then(|u| u.host_str());
    let text = crate::text::decode_bytes(bytes, content_type, host);
    let doc = match sniff::kind(&text) {
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
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        let _guard = Guard::new();
        map::builder(base.as_ref()).build().parse(doc.as_bytes())
    }))
    .map_err(|_| ParseError::Crashed)?;
    match parsed {
        Ok(feed) => Ok(map::to_parsed(feed, base.as_ref())),
        Err(e) => Err(map::error(e)),
    }
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
