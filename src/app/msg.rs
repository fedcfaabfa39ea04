//! Everything that can happen: terminal events (already translated by the runner) and the
//! results of effects.
use super::Problem;
use super::marks::Saved;
use super::reader::WrappedBody;
use crate::feed::ArticleId;
use crate::layout::Pane;
use crate::store::{ArticleDetail, ArticleRow, FeedRow};
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// A click on row `index` of `pane` (the runner maps coordinates through the view).
    Click {
        pane: Pane,
        index: usize,
    },
    /// Mouse wheel over `pane`: positive scrolls down.
    Wheel {
        pane: Pane,
        delta: i32,
    },
    /// The runner is ready: the first frame is drawn and the network set up.
    Ready,
    /// The runner's clock (relative times, "5 phút trước").
    Clock(DateTime<Utc>),
    /// Spinner frame.
    Tick,
    FeedsLoaded(Vec<FeedRow>),
    ArticlesLoaded {
        req: u64,
        rows: Vec<ArticleRow>,
    },
    DetailLoaded {
        req: u64,
        detail: Box<ArticleDetail>,
    },
    BodyRendered {
        req: u64,
        body: WrappedBody,
    },
    /// Picture `index` of request `req` is ready to draw, or cannot be (`None`).
    PictureReady {
        req: u64,
        index: usize,
        shown: Option<super::pictures::Shown>,
    },
    /// The full text was fetched and stored (`Ok`) or not.
    FullTextDone {
        req: u64,
        id: ArticleId,
        result: Result<(), Problem>,
        offline: bool,
    },
    SearchDone {
        req: u64,
        rows: Vec<ArticleRow>,
    },
    RefreshProgress {
        done: usize,
        total: usize,
    },
    /// The sync that starts a refresh of all feeds (with `[sync]`) reached this step.
    SyncProgress(crate::feed::model::SyncStep),
    RefreshDone {
        ok: usize,
        failed: usize,
        new: usize,
        offline: bool,
        error: Option<Problem>,
    },
    /// The store wrote a mark (on disk now).
    Saved(Saved),
    /// A store write or read failed; shown in the status bar.
    Failed(Problem),
    BrowserOpened(Result<(), Problem>),
    /// A page followed from the reader, extracted, with its reading time; or why not.
    PageLoaded {
        req: u64,
        result: Result<Box<(crate::feed::model::StoredExtract, u32)>, Problem>,
    },
    SaveDone(super::effect::SaveResult),
    StoryLoaded {
        story: i64,
        rows: Vec<ArticleRow>,
    },
    /// A bulk mark is on disk: the ids it changed.
    Marked {
        changed: Vec<crate::feed::ArticleId>,
        read: bool,
        undo: bool,
    },
    FeedAdded(Result<super::edit::Added, Problem>),
    /// A change to the feeds or saved searches is on disk.
    Edited(super::edit::Edit),
    /// `refresh_interval` has passed.
    RefreshTimer,
    /// A background refresh brought `count` new articles: per feed, its name and count.
    Arrived {
        count: usize,
        feeds: Vec<(String, usize)>,
    },
    /// Saved searches with their counts (sent after each feed list).
    SavedLoaded(Vec<crate::store::SavedSearchRow>),
}
