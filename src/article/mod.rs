//! Full articles: fetch the page, extract the article (site rules, then readability),
//! read its metadata, render it to styled lines and plain text.
pub mod extract;
pub mod render;

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
}

// Contract (bodies by the article module's author), used by `refresh --full-text`, `read`
// and the TUI:
// - `pub async fn fetch_article(client: &crate::net::Client, url: &str, lang: Lang)
//      -> Result<crate::store::StoredExtract, ArticleError>`: fetch, decode, extract.
// - `pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, ArticleError>` where
//   `Extracted { html: String, meta: ArticleMeta }`; never panics (catch_unwind inside).
