//! The SQLite cache: schema and migrations, queries, FTS5 search over folded text.
//! [`Store`] is blocking and owns one connection; async code goes through
//! [`handle::StoreHandle`], whose single thread owns the `Store`.
//!
//! This file is the contract the rest of the crate codes against; the bodies live in
//! schema.rs (opening, migrations), feeds.rs, save.rs (one fetch, deduplication),
//! articles.rs (lists, user state, full texts, retention) and search.rs (the FTS5 index).
//!
//! Choices worth knowing:
//! - Times are stored as unix nanoseconds: sortable and exact for `DateTime<Utc>`; a feed
//!   date outside 1677-2262 counts as unknown.
//! - Every write is one transaction (BEGIN IMMEDIATE when it has several statements), so a
//!   second docbao waits (busy timeout, 5 s), then gets [`StoreError::Busy`]; nobody ever
//!   sees half a write.
//! - The search index holds the folded text only (`crate::text::fold` of the title, of the
//!   summary and content stripped of HTML, and of the full text); queries are folded the
//!   same way and every word must match as a prefix.
mod arrived;
mod articles;
mod categories;
mod feeds;
pub mod handle;
pub mod images;
mod marks;
pub mod queue;
mod remote;
mod save;
mod saved;
mod schema;
pub mod search;
mod sql;
mod stories;
pub mod strip;

pub use categories::{Imported, MAX_CATEGORIES, MAX_CATEGORY_CHARS};
pub use marks::Selection;
pub use saved::{SavedSearch, SavedSearchRow};

pub use handle::{StoreHandle, StoreReply, spawn};
pub use queue::{Change, Queued};
pub use remote::{FeedSource, RemoteFeed, RemoteItem, RemoteUpdate, SubscriptionOutcome};
pub use save::dedup_key;
pub use schema::{DEFAULT_BUSY_TIMEOUT, SCHEMA_VERSION};

use crate::arrival::{Arrival, Signature, Subject, Verdict};
use crate::feed::{ArticleId, FeedId, ParsedFeed};
use chrono::{DateTime, Utc};
use sql::classify;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cache database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the cache is busy: another docbao is writing to it")]
    Busy,
    #[error("the cache is read-only: changes cannot be saved")]
    ReadOnly,
    #[error("no such feed: {0}")]
    NoSuchFeed(String),
    /// A title that several feeds share: the spec, then their ids ("3, 7").
    #[error("\"{0}\" is the title of several feeds (ids {1}): give the id or the URL")]
    AmbiguousFeed(String, String),
    #[error("no such article: {0}")]
    NoSuchArticle(String),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

// The domain types moved to `feed::model` (store, net, article and app all use them); here
// under their old names so every `store::FeedRow` keeps working.
pub use crate::feed::model::{
    ArticleDetail, ArticleRow, FeedRow, FeedStatus, StoredExtract, Validators,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticleSort {
    #[default]
    Newest,
    HighestRated,
}

/// What `articles` lists; `None`/false/0 means no restriction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleQuery {
    pub feed: Option<FeedId>,
    pub unread_only: bool,
    pub min_rating: u8,
    pub limit: Option<usize>,
    pub sort: ArticleSort,
}

/// A parsed feed with the search-index text of its items already folded: the pure half of
/// saving it, done on the caller's thread so that the store's one thread only writes.
/// With arrival settings, also what the rules decide for each item and its story
/// signature: applied to the items that turn out to be new, in the same transaction.
#[derive(Debug, Clone)]
pub struct PreparedFeed {
    pub feed: ParsedFeed,
    folded: Vec<search::Folded>,
    arrivals: Vec<save::ItemArrival>,
}

impl PreparedFeed {
    pub fn new(feed: ParsedFeed) -> PreparedFeed {
        PreparedFeed::with_arrival(feed, "", "", &Arrival::default())
    }

    /// `feed_title` and `feed_url` are the subscription's, for rules on the feed.
    pub fn with_arrival(
        feed: ParsedFeed,
        feed_title: &str,
        feed_url: &str,
        arrival: &Arrival,
    ) -> PreparedFeed {
        let folded = save::fold_items(&feed);
        let arrivals = if arrival.rules.is_empty() && !arrival.group_stories {
            Vec::new()
        } else {
            let title = match feed.title.as_deref() {
                Some(t) if feed_title.trim().is_empty() || feed_title == feed_url => t,
                _ => feed_title,
            };
            feed.items
                .iter()
                .map(|item| {
                    // Rules read the whole text; a story signature only its lead.
                    let max = if arrival.rules.is_empty() {
                        stories::LEAD_HTML
                    } else {
                        usize::MAX
                    };
                    let (summary, content) = (item.summary.as_deref(), item.content.as_deref());
                    let text = stories::lead_text(summary, content, max);
                    let verdict = if arrival.rules.is_empty() {
                        Verdict::default()
                    } else {
                        let subject = Subject::new(
                            title,
                            feed_url,
                            &item.title,
                            item.author.as_deref(),
                            &text,
                        );
                        arrival.rules.verdict(&subject)
                    };
                    let signature = arrival
                        .group_stories
                        .then(|| Signature::new(&item.title, &text));
                    save::ItemArrival { verdict, signature }
                })
                .collect()
        };
        PreparedFeed {
            feed,
            folded,
            arrivals,
        }
    }
}

/// What one stored fetch changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveOutcome {
    /// Articles seen for the first time, in feed order (for full-text prefetch).
    pub new_ids: Vec<ArticleId>,
    pub updated: usize,
    /// New articles that joined the story of a version from another feed.
    pub grouped: usize,
}

/// The cache. Blocking; one connection. Read state and ratings are the user's own data:
/// nothing but `set_read`/`set_rating` ever changes them.
pub struct Store {
    conn: rusqlite::Connection,
    created: bool,
    signatures: stories::SignatureCache,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .field("created", &self.created)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Store {
    /// Opens (creating and migrating) the cache at `path`: WAL, synchronous=NORMAL,
    /// a busy timeout.
    pub fn open(path: &Path) -> Result<Store> {
        schema::open(path)
    }
    pub fn open_in_memory() -> Result<Store> {
        schema::open_in_memory()
    }
    /// Opens an existing, current cache that cannot be written (a read-only mount, another
    /// user's file) for reading; every write fails.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        schema::open_read_only(path)
    }
    /// True when opened by [`Store::open_read_only`]: changes cannot be saved.
    pub fn read_only(&self) -> bool {
        self.read_only
    }
    /// True when `open` created the database (first run: subscribe to the defaults).
    pub fn created(&self) -> bool {
        self.created
    }
    /// How long a write waits for another process's transaction before failing with
    /// [`StoreError::Busy`] ([`DEFAULT_BUSY_TIMEOUT`] unless changed).
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// Subscribes; returns the id and whether it was new (a known URL is not added twice).
    /// `category` is a path string, its categories made as needed. Queued for the
    /// aggregator once this cache syncs.
    pub fn add_feed(
        &mut self,
        url: &str,
        title: Option<&str>,
        category: Option<&str>,
    ) -> Result<(FeedId, bool)> {
        feeds::add_feed(&self.conn, url, title, category).map_err(classify)
    }
    /// Subscribes to the entries of an OPML document with their categories, in one
    /// transaction; known URLs are counted and left alone.
    pub fn import_opml(&mut self, opml: &crate::feed::opml::Opml) -> Result<Imported> {
        feeds::import(&mut self.conn, opml).map_err(classify)
    }
    /// The http(s) subscriptions and their categories, for `export`.
    pub fn opml(&self) -> Result<crate::feed::opml::Opml> {
        categories::export(&self.conn).map_err(classify)
    }
    /// Unsubscribes and deletes the feed's articles (queued for the aggregator if synced).
    pub fn remove_feed(&mut self, id: FeedId) -> Result<()> {
        feeds::remove_feed(&self.conn, id).map_err(classify)
    }
    /// Renames a feed (`None` or blank: shown by its URL); queued if synced.
    pub fn rename_feed(&mut self, id: FeedId, title: Option<&str>) -> Result<()> {
        feeds::edit_feed(&self.conn, id, feeds::FeedEdit::Title(title)).map_err(classify)
    }
    /// Moves a feed to a category (`None`: none); queued if synced.
    pub fn move_feed(&mut self, id: FeedId, category: Option<&str>) -> Result<()> {
        feeds::edit_feed(&self.conn, id, feeds::FeedEdit::Category(category)).map_err(classify)
    }
    /// A feed by id, URL or title (exact, then case- and diacritic-insensitive).
    pub fn find_feed(&self, spec: &str) -> Result<FeedRow> {
        feeds::find_feed(&self.conn, spec).map_err(classify)
    }
    pub fn feed(&self, id: FeedId) -> Result<FeedRow> {
        feeds::feed(&self.conn, id).map_err(classify)
    }
    /// Every subscription with unread/total counts.
    pub fn feeds(&self) -> Result<Vec<FeedRow>> {
        feeds::feeds(&self.conn).map_err(classify)
    }
    /// Stores one successful fetch in one transaction: the feed's title (if it had none),
    /// the items (deduplicated by guid, else URL, else a hash of title and date; a refetch
    /// updates text but never read state or rating), status "ok", and the validators last.
    pub fn save_fetch(
        &mut self,
        id: FeedId,
        parsed: &ParsedFeed,
        validators: &Validators,
        now: DateTime<Utc>,
    ) -> Result<SaveOutcome> {
        save::save_fetch(
            &mut self.conn,
            id,
            parsed,
            None,
            validators,
            now,
            &mut self.signatures,
        )
        .map_err(classify)
    }
    /// [`Store::save_fetch`] of a feed whose index text was folded beforehand.
    pub fn save_prepared(
        &mut self,
        id: FeedId,
        prepared: PreparedFeed,
        validators: &Validators,
        now: DateTime<Utc>,
    ) -> Result<SaveOutcome> {
        let PreparedFeed {
            feed,
            folded,
            arrivals,
        } = prepared;
        let prepared = save::Prepared { folded, arrivals };
        let cache = &mut self.signatures;
        save::save_fetch(
            &mut self.conn,
            id,
            &feed,
            Some(prepared),
            validators,
            now,
            cache,
        )
        .map_err(classify)
    }
    /// A 304: status "not modified", refresh time updated, nothing else.
    pub fn record_not_modified(&mut self, id: FeedId, now: DateTime<Utc>) -> Result<()> {
        feeds::record_not_modified(&self.conn, id, now).map_err(classify)
    }
    /// A failed fetch: the one-line error as status; `retry_until` from Retry-After.
    pub fn record_failure(
        &mut self,
        id: FeedId,
        error: &str,
        retry_until: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        feeds::record_failure(&self.conn, id, error, retry_until, now).map_err(classify)
    }

    /// The newest article's id (0 when none): what a refresh brings comes after it.
    pub fn newest_article_id(&self) -> Result<ArticleId> {
        arrived::newest_id(&self.conn).map_err(classify)
    }
    /// Articles stored after `id`, oldest first, at most `limit`.
    pub fn articles_after(&self, id: ArticleId, limit: usize) -> Result<Vec<ArticleRow>> {
        arrived::after(&self.conn, id, limit).map_err(classify)
    }
    pub fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleRow>> {
        articles::articles(&self.conn, query).map_err(classify)
    }
    /// [`Store::articles`] row by row, for output that must not hold them all; `f`
    /// returns false to stop.
    pub fn each_article(
        &self,
        query: &ArticleQuery,
        f: &mut dyn FnMut(ArticleRow) -> bool,
    ) -> Result<()> {
        articles::each_article(&self.conn, query, f).map_err(classify)
    }
    pub fn article(&self, id: ArticleId) -> Result<ArticleDetail> {
        articles::article(&self.conn, id).map_err(classify)
    }
    /// 0 clears. Written with synchronous=FULL: a kill -9 right after keeps it. This and
    /// `set_read` queue the change for the aggregator when the article is synced.
    pub fn set_rating(&mut self, id: ArticleId, rating: u8) -> Result<()> {
        articles::set_rating(&mut self.conn, id, rating).map_err(classify)
    }
    pub fn set_read(&mut self, id: ArticleId, read: bool) -> Result<()> {
        articles::set_read(&mut self.conn, id, read).map_err(classify)
    }
    /// Caches the extracted article and indexes its text for search.
    pub fn save_full_text(&mut self, id: ArticleId, extract: &StoredExtract) -> Result<()> {
        articles::save_full_text(&mut self.conn, id, extract).map_err(classify)
    }
    /// Of `ids`, those with a URL and no cached full text.
    pub fn missing_full_text(&self, ids: &[ArticleId]) -> Result<Vec<(ArticleId, String)>> {
        articles::missing_full_text(&self.conn, ids).map_err(classify)
    }
    /// Diacritic-insensitive search of titles, summaries and full texts, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<ArticleRow>> {
        search::search(&self.conn, query, limit).map_err(classify)
    }
    /// [`Store::search`] row by row; `f` returns false to stop.
    pub fn each_result(
        &self,
        query: &str,
        limit: usize,
        f: &mut dyn FnMut(ArticleRow) -> bool,
    ) -> Result<()> {
        search::each_result(&self.conn, query, limit, f).map_err(classify)
    }
    /// Deletes read (or hidden), unrated articles older than `keep_days`, and story keys
    /// too old to group anything; returns how many articles.
    pub fn prune(&mut self, keep_days: u32, now: DateTime<Utc>) -> Result<usize> {
        articles::prune(&mut self.conn, keep_days, now).map_err(classify)
    }

    /// Marks the articles of `selection` read or unread in one durable transaction,
    /// leaving ratings and hidden articles alone. Returns the ids whose state changed:
    /// `mark(&Selection::Ids(changed), !read)` undoes it.
    pub fn mark(&mut self, selection: &Selection, read: bool) -> Result<Vec<ArticleId>> {
        marks::mark(&mut self.conn, selection, read).map_err(classify)
    }

    /// Saves a search under its name (replacing one of that name); true when new.
    pub fn save_search(&mut self, search: &SavedSearch) -> Result<bool> {
        saved::save(&self.conn, search).map_err(classify)
    }
    pub fn delete_search(&mut self, name: &str) -> Result<()> {
        saved::delete(&self.conn, name).map_err(classify)
    }
    /// Every saved search with its unread and total counts.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearchRow>> {
        saved::list(&self.conn).map_err(classify)
    }
    /// A saved search's articles, newest first.
    pub fn saved_search_articles(&self, name: &str, limit: usize) -> Result<Vec<ArticleRow>> {
        saved::articles(&self.conn, name, limit).map_err(classify)
    }

    /// The versions of one story, newest first (at most [`stories::MAX_VERSIONS`]).
    pub fn story_versions(&self, story: i64) -> Result<Vec<ArticleRow>> {
        stories::versions(&self.conn, story).map_err(classify)
    }

    /// Calls `each` with every cached article (hidden ones too) as arrival rules see it:
    /// feed title and URL, title, author, the feed's text without tags. For `rules test`.
    pub fn for_each_rule_subject(&self, each: impl FnMut(ArticleId, &Subject<'_>)) -> Result<()> {
        articles::for_each_subject(&self.conn, each).map_err(classify)
    }
}
