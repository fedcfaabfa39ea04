//! The domain: feeds and articles as parsed from the network, and OPML.
pub mod discover;
pub mod model;
pub mod opml;
pub mod parse;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A subscription's row id in the cache (0, the default, is no row).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct FeedId(pub i64);

/// An article's row id in the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub i64);

/// A feed document after parsing and cleaning: every string NFC and free of control chars.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The site's home page (`<link>` of the channel).
    pub site_url: Option<String>,
    pub items: Vec<ParsedItem>,
}

/// One entry of a feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedItem {
    pub guid: Option<String>,
    /// The article's page (absolute URL).
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    /// The feed's summary, as HTML (cleaned of control chars, NFC).
    pub summary: Option<String>,
    /// The feed's full content (`content:encoded`, Atom content), as HTML, when present.
    pub content: Option<String>,
}
