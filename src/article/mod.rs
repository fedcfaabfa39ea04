//! Full articles: fetch the page, extract the article (site rules, then readability),
//! read its metadata, render it to styled lines and plain text.
//!
//! Pipeline: [`guard::sanitize`] caps the raw HTML (size, depth, elements; scripts and
//! styles out) -> one DOM (dom_query) -> [`meta::collect`] reads metadata from the whole
//! page -> [`rules`] drop what a known CMS puts inside its articles -> [`chrome::strip`]
//! removes generic chrome -> the site rule's body or the whole page goes through
//! readability (dom_smoothie) -> [`dedupe::dedupe`] -> clean HTML + [`ArticleMeta`].
pub mod body;
pub mod chrome;
pub mod date;
pub mod dedupe;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod guard;
pub mod header;
pub mod kinds;
pub mod lead_image;
pub mod meta;
pub mod render;
pub mod reveal;
pub mod rules;
pub mod tail;
mod title;

pub use extract::{Extracted, extract};
pub use fetch::{Page, fetch_article, fetch_extract, fetch_page, not_a_page};
pub use render::{PicturePlace, Rendered, body_text, render, render_with_pictures};

/// Moved to `feed::model` (the store keeps them too); here under their old names.
pub use crate::feed::model::{ArticleMeta, PageRating};

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
