//! Full articles: fetch the page, extract the article (site rules, then readability),
//! read its metadata, render it to styled lines and plain text.
//!
//! Pipeline: [`guard::sanitize`] caps the raw HTML (size, depth, elements; scripts and
//! styles out) -> one DOM (dom_query) -> [`meta::collect`] reads metadata from the whole
//! page -> [`rules`] drop what a known CMS puts inside its articles -> [`chrome::strip`]
//! removes generic chrome -> the site rule's body or the whole page goes through
//! readability (dom_smoothie) -> [`chrome::dedupe`] -> clean HTML + [`ArticleMeta`].
pub mod chrome;
pub mod date;
pub mod extract;
pub mod fetch;
pub mod guard;
pub mod header;
pub mod meta;
pub mod render;
pub mod rules;
mod title;

pub use extract::{Extracted, extract};
pub use fetch::{Page, fetch_article, fetch_extract, fetch_page, not_a_page};
pub use render::{Rendered, body_text, render};

use serde::{Deserialize, Serialize};

/// The page's own rating widget, e.g. 4/5 from 1,024 votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRating {
    pub value: f64,
    pub best: f64,
    pub count: Option<u64>,
}

/// What the header of an article shows; stored with the extract as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub rating: Option<PageRating>,
    pub views: Option<u64>,
    /// The page's lead picture (og:image and the like), absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// Why no article came out of a page; one line a person understands.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ArticleError {
    /// The network failed; `offline` when the host could not be reached at all.
    #[error("{message}")]
    Net { message: String, offline: bool },
    #[error("HTTP {0}")]
    Http(u16),
    #[error("not an HTML page ({0})")]
    NotHtml(String),
    /// The address serves a news feed (RSS, Atom, RDF): something to subscribe to.
    #[error("this is a news feed, not an article (subscribe with `docbao add`)")]
    Feed,
    #[error("no article found in the page")]
    NothingFound,
    #[error("the page has too little text ({0} characters)")]
    TooLittle(usize),
    #[error("the page could not be processed (internal error)")]
    Panicked,
}

/// Articles shorter than this (in characters of text) count as "too little": the feed's own
/// content is shown instead when it is longer.
pub const MIN_TEXT_CHARS: usize = 140;
