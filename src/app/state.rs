//! The one state tree of the TUI. Only `update` changes it; the view reads it.
use super::effect::BodyMode;
use super::keymap::KeyMap;
use super::msg::WrappedBody;
use crate::config::RatingStyle;
use crate::feed::FeedId;
use crate::i18n::Lang;
use crate::store::{ArticleDetail, ArticleQuery, ArticleRow, ArticleSort, FeedRow};
use chrono::{DateTime, FixedOffset, Offset, Utc};

/// The panes that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Feeds,
    Articles,
    Reader,
    Search,
    Help,
}

/// One row of the feed list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEntry {
    /// Virtual feeds, always first.
    All,
    Unread,
    Rated,
    /// A category header (not selectable).
    Category(String),
    /// Index into `State::feeds`.
    Feed(usize),
}

impl FeedEntry {
    pub fn selectable(&self) -> bool {
        !matches!(self, FeedEntry::Category(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Unread,
    Rated,
}

impl Filter {
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Unread,
            Filter::Unread => Filter::Rated,
            Filter::Rated => Filter::All,
        }
    }

    /// The filter's name in the interface.
    pub fn label(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Filter::All => T::FilterAll,
            Filter::Unread => T::FilterUnread,
            Filter::Rated => T::FilterRated,
        }
    }
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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleList {
    pub entry: Option<FeedEntry>,
    pub rows: Vec<ArticleRow>,
    pub sel: usize,
    pub filter: Filter,
    pub sort: ArticleSort,
    pub req: u64,
    pub loading: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// The article (its id is the reader's).
    pub row: ArticleRow,
    pub detail: Option<ArticleDetail>,
    pub mode: BodyMode,
    pub body: Option<WrappedBody>,
    /// First body line shown.
    pub scroll: usize,
    pub detail_req: u64,
    pub render_req: u64,
    pub fetch_req: Option<u64>,
    /// Opened from the search screen: Back returns there.
    pub from_search: bool,
}

impl Reader {
    pub fn fetching(&self) -> bool {
        self.fetch_req.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    /// As typed (IME replacements included); normalized when the query runs.
    pub input: String,
    /// Byte index of the caret in `input`, on a char boundary.
    pub caret: usize,
    pub rows: Vec<ArticleRow>,
    pub sel: usize,
    pub req: u64,
    pub searching: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    pub refresh: Option<(usize, usize)>,
    pub error: Option<String>,
    pub message: Option<String>,
    pub spinner: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub rating_style: RatingStyle,
    pub keymap: KeyMap,
    pub theme: crate::view::theme::Theme,
    /// The time as the runner last said (update and view never read the clock).
    pub now: DateTime<Utc>,
    pub tz: FixedOffset,
    pub width: u16,
    pub height: u16,
    pub connectivity: Connectivity,
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
    pub next_req: u64,
    pub quit: bool,
}

impl State {
    pub fn new(lang: Lang, now: DateTime<Utc>) -> State {
        State {
            lang,
            rating_style: RatingStyle::Stars,
            keymap: KeyMap::default(),
            theme: crate::view::theme::Theme::default(),
            now,
            tz: Utc.fix(),
            width: 80,
            height: 24,
            connectivity: Connectivity::Online,
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
            next_req: 1,
            quit: false,
        }
    }

    pub fn offline(&self) -> bool {
        self.connectivity != Connectivity::Online
    }

    /// True while something runs in the background (the spinner turns).
    pub fn busy(&self) -> bool {
        self.status.refresh.is_some()
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
            Pane::Reader => self.reader.as_ref().map(|r| &r.row),
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
            FeedEntry::All | FeedEntry::Category(_) => {}
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
