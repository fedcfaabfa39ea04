//! What `update` asks the runner to do. Every result comes back as a [`super::Msg`] carrying
//! the request id, so stale results (an old search, an old width) are dropped.
use crate::feed::{ArticleId, FeedId};
use crate::i18n::Lang;
use crate::store::ArticleQuery;

/// Which text of an article the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyMode {
    #[default]
    Full,
    Summary,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Feeds with their counts.
    LoadFeeds,
    LoadArticles {
        req: u64,
        query: ArticleQuery,
    },
    LoadDetail {
        req: u64,
        id: ArticleId,
    },
    /// Wrap an article's HTML at `width` (off the UI thread).
    RenderBody {
        req: u64,
        html: String,
        width: u16,
        lang: Lang,
        /// Lay the pictures out too (they are drawn), with the page's lead picture and
        /// its address (relative picture addresses are resolved against it).
        pictures: bool,
        lead: Option<String>,
        base: Option<String>,
    },
    /// Picture `index` of article `id`: from the cache, else fetched (and cached), then
    /// decoded and encoded for at most `cols` x `rows` cells, off the UI thread.
    LoadPicture {
        req: u64,
        id: ArticleId,
        index: usize,
        url: String,
        cols: u16,
        rows: u16,
    },
    /// Pictures asked for before request `below` are no longer wanted (another size, another
    /// article): their decoding is skipped.
    DropPictures {
        below: u64,
    },
    /// Download and extract the full text, then store it.
    FetchFullText {
        req: u64,
        id: ArticleId,
        url: String,
    },
    /// Esc: stop the full-text download.
    CancelFetch,
    Search {
        req: u64,
        query: String,
        limit: usize,
    },
    /// The user's marks: written in order with the reads, confirmed by [`super::Msg::Saved`].
    SetRating {
        id: ArticleId,
        rating: u8,
    },
    SetRead {
        id: ArticleId,
        read: bool,
    },
    /// Bulk read marks (one transaction each, ratings untouched), answered by
    /// [`super::Msg::Marked`] with the ids changed; `undo` says it undoes the last one.
    Mark {
        selections: Vec<crate::store::Selection>,
        read: bool,
        undo: bool,
    },
    /// Subscribe to a URL (a feed, or the page that announces one), as `docbao add` does.
    AddFeed {
        url: String,
    },
    /// Remove, rename or move a feed; save or delete a search.
    EditFeeds(super::edit::Edit),
    /// The articles of a saved search (newest first), filtered as the list is.
    LoadSaved {
        req: u64,
        name: String,
        unread_only: bool,
        min_rating: u8,
    },
    /// A background refresh of every feed (`refresh_interval`): as `Refresh`, then what
    /// arrived is said ([`super::Msg::Arrived`]) and `notify_command` runs.
    AutoRefresh,
    /// `None`: all feeds.
    Refresh {
        feeds: Option<Vec<FeedId>>,
    },
    CancelRefresh,
    /// Retention (`keep_days`): delete old read, unrated articles. Asked for after a
    /// refresh, once no article is open.
    Prune,
    /// Only http/https URLs reach this effect.
    OpenBrowser {
        url: String,
    },
    /// Fetch and extract a page followed from the reader (kept for the session): answered
    /// by [`super::Msg::PageLoaded`]. Only http/https URLs reach this effect; Esc cancels
    /// it as [`Effect::CancelFetch`].
    FetchPage {
        req: u64,
        url: String,
    },
    /// The versions of a story from the cache (every paper's, not only the list's):
    /// answered by [`super::Msg::StoryLoaded`].
    LoadStory {
        story: i64,
    },
    /// Put `text` on the clipboard: the runner writes the OSC 52 escape.
    Copy {
        text: String,
    },
    /// Write the article to a file (never over one unless `overwrite`): answered by
    /// [`super::Msg::SaveDone`].
    SaveArticle(Box<SaveJob>),
    /// The end: the runner waits for the store's queue (writes asked for before) to be
    /// done, then the loop ends.
    Quit,
}

/// What the runner writes: the document's parts, rendered off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveJob {
    pub path: String,
    pub overwrite: bool,
    pub html: String,
    pub meta: crate::feed::model::ArticleMeta,
    pub source: Option<String>,
    pub notice: Option<String>,
}

/// How a save ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveResult {
    Saved(String),
    Exists(String),
    Failed(String),
}
