//! The domain types every layer shares: what the cache holds about feeds and articles
//! ([`FeedRow`], [`ArticleRow`], [`ArticleDetail`]), what a page gave ([`ArticleMeta`],
//! [`StoredExtract`]), the validators of a conditional GET, and a feed's last refresh
//! result ([`FeedStatus`]). They live here, below `store`, `net`, `article` and `app`, so
//! none of those imports another for a type.
use super::{ArticleId, FeedId};
use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// How a feed's last refresh ended. Stored as text: "ok", "not modified", or the error's
/// one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedStatus {
    Ok,
    NotModified,
    Failed(String),
}

impl FeedStatus {
    pub fn as_str(&self) -> &str {
        match self {
            FeedStatus::Ok => "ok",
            FeedStatus::NotModified => "not modified",
            FeedStatus::Failed(e) => e,
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self, FeedStatus::Failed(_))
    }
}

impl From<&str> for FeedStatus {
    fn from(s: &str) -> FeedStatus {
        match s {
            "ok" => FeedStatus::Ok,
            "not modified" => FeedStatus::NotModified,
            e => FeedStatus::Failed(e.to_owned()),
        }
    }
}

impl From<String> for FeedStatus {
    fn from(s: String) -> FeedStatus {
        match s.as_str() {
            "ok" | "not modified" => FeedStatus::from(s.as_str()),
            _ => FeedStatus::Failed(s),
        }
    }
}

/// Reads as its stored text (`status.as_deref()` on an `Option<FeedStatus>` gives it).
impl std::ops::Deref for FeedStatus {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for FeedStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ToSql for FeedStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.as_str().as_bytes(),
        )))
    }
}

impl FromSql for FeedStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        // Text the cache did not write (another tool, a damaged byte) is an error text.
        Ok(FeedStatus::from(
            String::from_utf8_lossy(value.as_bytes()?).as_ref(),
        ))
    }
}

/// A subscription with its counts and last refresh result. `Default` is for fixtures: a
/// row with id 0 that was never stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedRow {
    pub id: FeedId,
    pub title: String,
    pub url: String,
    pub site_url: Option<String>,
    /// Category path, outer first, joined with "/" (a "/" or a backslash inside a name is
    /// escaped: see `feed::opml::category_path`); shared by the feeds of one category.
    pub category: Option<std::sync::Arc<str>>,
    pub unread: i64,
    pub total: i64,
    /// None before the first refresh.
    pub last_status: Option<FeedStatus>,
    pub last_refreshed: Option<DateTime<Utc>>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Set from Retry-After: the feed is skipped until then.
    pub retry_until: Option<DateTime<Utc>>,
}

impl FeedRow {
    /// The feed's one name everywhere (lists, progress, errors): its title, or its address
    /// while it has none.
    pub fn name(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.url
        } else {
            &self.title
        }
    }
}

/// The validators of a conditional GET, kept exactly as the server sent them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One article as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub id: ArticleId,
    pub feed_id: FeedId,
    pub feed_title: String,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub read: bool,
    /// 0 (none) to 5.
    pub rating: u8,
    /// Whether the full article is cached.
    pub full_text: bool,
    /// Of the best text cached (the full article, else the feed's): see `text::reading`.
    pub reading_minutes: u32,
    /// The id shared by every version of one story told by several feeds; `None` alone.
    pub story: Option<i64>,
}

/// The full article as extracted from its page and cached.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredExtract {
    /// Clean article HTML (the body only).
    pub html: String,
    pub meta: ArticleMeta,
    pub fetched_at: DateTime<Utc>,
}

/// Everything the reader needs about one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDetail {
    pub row: ArticleRow,
    pub author: Option<String>,
    /// The feed's summary and content, as HTML.
    pub summary: Option<String>,
    pub content: Option<String>,
    pub full: Option<StoredExtract>,
}

impl ArticleDetail {
    /// The feed's own text for the item: its content or summary, whichever is longer
    /// (feeds put the fuller text in either). What `read` and the reader show in place
    /// of the page, and for `--summary` / `t`.
    pub fn feed_html(&self) -> Option<&str> {
        [&self.content, &self.summary]
            .into_iter()
            .flatten()
            .filter(|h| !h.trim().is_empty())
            .max_by_key(|h| h.len())
            .map(String::as_str)
    }
}

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
    /// Where the piece comes from when the page says so ("Theo VnExpress": "VnExpress").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub rating: Option<PageRating>,
    pub views: Option<u64>,
    /// The page's lead picture (og:image and the like), absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// Where a sync with the aggregator is, for the reader's status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStep {
    /// Logging in.
    Connecting,
    /// Sending local changes: `done` of `total` queued.
    Pushing { done: usize, total: usize },
    /// Reading the subscription list.
    Subscriptions,
    /// Storing new items: `done` so far, of `total` when the server said how many.
    Items { done: usize, total: Option<usize> },
    /// Reading which items are read and starred.
    States,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_round_trips_through_sqlite() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        db.execute("CREATE TABLE t (s TEXT)", []).unwrap();
        let all = [
            FeedStatus::Ok,
            FeedStatus::NotModified,
            FeedStatus::Failed("HTTP 404 Not Found".into()),
        ];
        for s in &all {
            db.execute("INSERT INTO t VALUES (?1)", [s]).unwrap();
        }
        let mut q = db.prepare("SELECT s FROM t ORDER BY rowid").unwrap();
        let back: Vec<FeedStatus> = q
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(back, all);
        // Stored as the same text as before the enum.
        let text: Vec<String> = db
            .prepare("SELECT s FROM t ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(text, ["ok", "not modified", "HTTP 404 Not Found"]);
        assert!(!FeedStatus::NotModified.failed() && FeedStatus::from("timed out").failed());
    }
}
