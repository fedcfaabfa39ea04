//! TUI state and its pure `update(&mut State, Msg) -> Vec<Effect>`: no I/O, no clock, no
//! async; tests call it directly.
//!
//! - [`State`] (here): the one state tree, made of the slices the concerns own; [`msg`]:
//!   what happens; [`effect`]: what the runner does. ([`state`] names them all again.)
//! - One file per screen or concern, each owning its slice of the state and its update:
//!   [`feeds`], [`articles`], [`reader`], [`search`], [`help`], [`marks`] (ratings and read
//!   marks), [`refresh`]; [`input`] routes keys, mouse and paste to them.
//! - [`action`] and [`keymap`]: named actions and the `[keys]` config.
//!
//! Geometry comes from [`crate::layout`]; nothing here imports the view.
pub mod action;
pub mod articles;
pub mod bulk;
pub mod edit;
pub mod effect;
pub mod feeds;
pub mod help;
pub mod input;
pub mod keymap;
pub mod links;
pub mod manage;
pub mod marks;
pub mod msg;
pub mod pictures;
pub mod problem;
pub mod prompt;
pub mod reader;
pub mod refresh;
pub mod save;
pub mod search;
pub mod state;
pub mod stories;
pub mod versions;

pub use articles::{ArticleList, Filter};
pub use effect::{BodyMode, Effect};
pub use feeds::FeedEntry;
pub use marks::Saved;
pub use msg::Msg;
pub use problem::Problem;
pub use reader::{Reader, WrappedBody};
pub use search::Search;

use crate::config::RatingStyle;
use crate::feed::FeedId;
use crate::i18n::{self, Lang};
pub use crate::layout::Pane;
use crate::layout::Shape;
use crate::store::{ArticleQuery, ArticleRow, FeedRow};
use chrono::{DateTime, FixedOffset, Offset, Utc};
use keymap::KeyMap;

/// Applies one message; returns what the runner must do. Only dispatches.
pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Key(k) => input::key(s, k, &mut fx),
        Msg::Paste(text) => input::paste(s, &text, &mut fx),
        Msg::Click { pane, index } => input::click(s, pane, index, &mut fx),
        Msg::Wheel { pane, delta } => input::wheel(s, pane, delta, &mut fx),
        Msg::Resize { width, height } => {
            s.width = width;
            s.height = height;
            reader::rewrap(s, &mut fx);
        }
        Msg::Ready => refresh::ready(s, &mut fx),
        Msg::Clock(now) => s.now = now,
        Msg::Tick => s.status.spinner = s.status.spinner.wrapping_add(1),
        Msg::FeedsLoaded(rows) => articles::feeds_loaded(s, rows, &mut fx),
        Msg::ArticlesLoaded { req, rows } => articles::loaded(s, req, rows),
        Msg::DetailLoaded { req, detail } => reader::detail_loaded(s, req, *detail, &mut fx),
        Msg::BodyRendered { req, body } => reader::body_rendered(s, req, body),
        Msg::PictureReady { req, index, shown } => {
            let head = reader::head_rows(s);
            pictures::ready(s, head, req, index, shown)
        }
        Msg::FullTextDone {
            req,
            id,
            result,
            offline,
        } => reader::full_text_done(s, req, id, result, offline, &mut fx),
        Msg::SearchDone { req, rows } => search::done(s, req, rows),
        Msg::Saved(saved) => marks::saved(s, saved, &mut fx),
        Msg::RefreshProgress { done, total } => {
            s.status.refresh = Some((done, total));
            // The feeds' own refresh follows the sync.
            s.status.sync = None;
        }
        // Only while the refresh it belongs to runs (a late one after Esc is dropped).
        Msg::SyncProgress(step) if s.status.refresh.is_some() => s.status.sync = Some(step),
        Msg::SyncProgress(_) => {}
        Msg::RefreshDone {
            ok,
            failed,
            new,
            offline,
            error,
        } => refresh::done(s, (ok, failed, new), offline, error, &mut fx),
        Msg::Failed(e) => s.status.error = Some(e),
        Msg::PageLoaded { req, result } => links::page_loaded(s, req, result, &mut fx),
        Msg::SaveDone(result) => save::done(s, result),
        Msg::StoryLoaded { story, rows } => versions::loaded(s, story, rows),
        Msg::Marked {
            changed,
            read,
            undo,
        } => bulk::marked(s, changed, read, undo, &mut fx),
        Msg::FeedAdded(result) => manage::added(s, result, &mut fx),
        Msg::Edited(edit) => manage::edited(s, edit, &mut fx),
        Msg::RefreshTimer => refresh::timer(s, &mut fx),
        Msg::Arrived { count, feeds } => refresh::arrived(s, count, feeds),
        Msg::SavedLoaded(rows) => articles::saved_loaded(s, rows, &mut fx),
        Msg::BrowserOpened(r) => match r {
            Ok(()) => s.status.message = Some(i18n::tr(s.lang, i18n::T::OpenedBrowser).into()),
            Err(e) => s.status.error = Some(e),
        },
    }
    // Only for a body with pictures: the header is wrapped to know where they stand, and
    // this runs after every message (each key, each spinner tick).
    let pictured = s
        .reader
        .as_ref()
        .and_then(|r| r.body.as_ref())
        .is_some_and(|b| !b.placed.images.is_empty());
    if !s.quit && s.pictures.is_some() && pictured {
        let head = reader::head_rows(s);
        let page = reader::page_rows(s);
        pictures::want(s, head, page, &mut fx);
    }
    fx
}

/// Why the network is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Connectivity {
    #[default]
    Online,
    /// `--offline`: no request at all.
    Forced,
    /// Fetches could not connect; the next refresh tries again.
    Lost,
}

impl Connectivity {
    /// After a success: the network is back, unless the user chose to be offline.
    pub fn online_again(self) -> Connectivity {
        match self {
            Connectivity::Forced => Connectivity::Forced,
            _ => Connectivity::Online,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    pub refresh: Option<(usize, usize)>,
    /// Set while the refresh's sync runs; shown in place of the refresh's count.
    pub sync: Option<crate::feed::model::SyncStep>,
    pub error: Option<Problem>,
    pub message: Option<String>,
    pub spinner: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub rating_style: RatingStyle,
    pub keymap: KeyMap,
    /// How pictures are drawn; `None`: off (captions only).
    pub pictures: Option<pictures::PictureConf>,
    /// The time as the runner last said (update and view never read the clock).
    pub now: DateTime<Utc>,
    pub tz: FixedOffset,
    pub width: u16,
    pub height: u16,
    pub connectivity: Connectivity,
    /// `refresh_on_start`: the first [`super::Msg::Ready`] refreshes every feed.
    pub refresh_on_start: bool,
    pub focus: Pane,
    pub feeds: Vec<FeedRow>,
    pub entries: Vec<FeedEntry>,
    pub feeds_loaded: bool,
    pub feed_sel: usize,
    pub articles: ArticleList,
    pub reader: Option<Reader>,
    pub search: Option<Search>,
    pub help: bool,
    pub help_scroll: usize,
    pub status: Status,
    /// A refresh ended while an article was open: retention waits until the reader closes,
    /// so it cannot delete the article being read (and the rating the user gives it).
    pub prune_due: bool,
    /// Saved searches with their counts (virtual feeds after All / Unread / Rated).
    pub saved: Vec<crate::store::SavedSearchRow>,
    /// Folded categories of the feed list, by path.
    pub folded: std::collections::BTreeSet<String>,
    /// A question on the status line (a URL, a name, yes/no); it takes every key.
    pub prompt: Option<prompt::Prompt>,
    /// The last bulk mark, to undo (one level).
    pub undo: Option<bulk::Undo>,
    /// `refresh_interval` in minutes (0: off): the runner's timer sends
    /// [`Msg::RefreshTimer`].
    pub refresh_interval: u32,
    /// A feed being added in the background.
    pub adding: bool,
    /// A feed to select once the feed list is loaded again (the one just added).
    pub select_feed: Option<FeedId>,
    pub next_req: u64,
    pub quit: bool,
    /// `mark_story_read`: reading one version of a story marks the others read.
    pub mark_story_read: bool,
    /// `osc52`: the copy key writes the clipboard escape (off: it says so instead).
    pub osc52: bool,
    /// Where the save prompt proposes to write (the download dir, else the cwd).
    pub save_dir: std::path::PathBuf,
}

impl State {
    pub fn new(lang: Lang, now: DateTime<Utc>) -> State {
        State {
            lang,
            rating_style: RatingStyle::Stars,
            keymap: KeyMap::default(),
            pictures: None,
            now,
            tz: Utc.fix(),
            width: 80,
            height: 24,
            connectivity: Connectivity::Online,
            refresh_on_start: false,
            focus: Pane::Feeds,
            feeds: Vec::new(),
            entries: vec![FeedEntry::All, FeedEntry::Unread, FeedEntry::Rated],
            feeds_loaded: false,
            feed_sel: 0,
            articles: ArticleList::default(),
            reader: None,
            search: None,
            help: false,
            help_scroll: 0,
            status: Status::default(),
            prune_due: false,
            saved: Vec::new(),
            folded: Default::default(),
            prompt: None,
            undo: None,
            refresh_interval: 0,
            adding: false,
            select_feed: None,
            next_req: 1,
            quit: false,
            mark_story_read: true,
            osc52: true,
            save_dir: std::path::PathBuf::from("."),
        }
    }

    /// What the layout depends on, at the size the state last heard of.
    pub fn shape(&self) -> Shape {
        Shape {
            width: self.width,
            height: self.height,
            focus: self.focus,
            help: self.help,
            reader_open: self.reader.is_some(),
        }
    }

    pub fn offline(&self) -> bool {
        self.connectivity != Connectivity::Online
    }

    /// True while something runs in the background (the spinner turns).
    pub fn busy(&self) -> bool {
        self.status.refresh.is_some()
            || self.adding
            || self.reader.as_ref().is_some_and(Reader::fetching)
            || self.search.as_ref().is_some_and(|s| s.searching)
    }

    pub fn fresh_req(&mut self) -> u64 {
        self.next_req += 1;
        self.next_req
    }

    pub fn selected_entry(&self) -> Option<&FeedEntry> {
        self.entries.get(self.feed_sel)
    }

    /// The article the rating and read keys act on: the open one, else the selected one.
    pub fn target_article(&self) -> Option<&ArticleRow> {
        if self.help {
            return None;
        }
        match self.focus {
            // A page followed from the article is not an article: nothing to mark.
            Pane::Reader => self
                .reader
                .as_ref()
                .filter(|r| r.page.is_none())
                .map(|r| &r.row),
            Pane::Search => self.search.as_ref().and_then(|s| s.rows.get(s.sel)),
            Pane::Articles => self.articles.rows.get(self.articles.sel),
            _ => None,
        }
    }

    /// The query the article list runs for `entry` with the list's filter and sort.
    pub fn query_for(&self, entry: &FeedEntry) -> ArticleQuery {
        let mut q = ArticleQuery {
            sort: self.articles.sort,
            ..ArticleQuery::default()
        };
        match entry {
            FeedEntry::Unread => q.unread_only = true,
            FeedEntry::Rated => q.min_rating = 1,
            FeedEntry::Feed(_) => q.feed = self.feed_id_of(entry),
            FeedEntry::All | FeedEntry::Category(_) | FeedEntry::Saved(_) => {}
        }
        match self.articles.filter {
            Filter::All => {}
            Filter::Unread => q.unread_only = true,
            Filter::Rated => q.min_rating = q.min_rating.max(1),
        }
        q
    }

    pub fn feed_id_of(&self, entry: &FeedEntry) -> Option<FeedId> {
        match entry {
            FeedEntry::Feed(i) => self.feeds.get(*i).map(|f| f.id),
            _ => None,
        }
    }
}

/// `pos` moved by `delta` within `0..len` (0 when empty).
fn step(pos: usize, delta: i32, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (pos as i64 + delta as i64).clamp(0, len as i64 - 1) as usize
}
