//! The article list of the selected feed entry: loading it, its filter and sort, the
//! selection, and the next unread article.
use super::effect::Effect;
use super::feeds::FeedEntry;
use super::reader;
use super::{Pane, State};
use crate::i18n::{T, tr};
use crate::store::{ArticleRow, ArticleSort};

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
    pub fn label(self) -> T {
        match self {
            Filter::All => T::FilterAll,
            Filter::Unread => T::FilterUnread,
            Filter::Rated => T::FilterRated,
        }
    }
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
    /// The versions behind each story's row.
    pub stories: super::stories::Stories,
}

/// A new feed list: the first one loads the selected entry's list; later ones (their
/// indices moved with the sort) point the list at the same entry again.
pub(super) fn feeds_loaded(s: &mut State, rows: Vec<crate::store::FeedRow>, fx: &mut Vec<Effect>) {
    let first = super::feeds::loaded(s, rows);
    // A feed just added: the cursor goes to it.
    if let Some(id) = s.select_feed.take()
        && let Some(at) = s.entries.iter().position(
            |e| matches!(e, FeedEntry::Feed(i) if s.feeds.get(*i).is_some_and(|f| f.id == id)),
        )
    {
        s.feed_sel = at;
        s.focus = Pane::Feeds;
        return load(s, fx);
    }
    if first || s.articles.entry.is_none() {
        load(s, fx);
    } else if let (Some(FeedEntry::Feed(_)), Some(sel)) = (&s.articles.entry, s.selected_entry()) {
        s.articles.entry = Some(sel.clone());
    }
}

/// Saved searches with their counts: the feed list lists them (an open one's list is
/// left as it is until it is reloaded).
pub(super) fn saved_loaded(
    s: &mut State,
    rows: Vec<crate::store::SavedSearchRow>,
    fx: &mut Vec<Effect>,
) {
    let keep = s.selected_entry().cloned();
    s.saved = rows;
    let keep = keep.map(|e| match e {
        FeedEntry::Feed(i) => Err(s.feeds.get(i).map(|f| f.id)),
        other => Ok(other),
    });
    super::feeds::rebuild(s, keep);
    if s.articles.entry.is_none() {
        load(s, fx);
    }
}

/// Starts loading the list of the selected feed entry (a category header has none: the
/// list shown stays).
pub(super) fn load(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(entry) = s
        .selected_entry()
        .filter(|e| !matches!(e, FeedEntry::Category(_)))
        .cloned()
    else {
        return;
    };
    if s.articles.entry.as_ref() != Some(&entry) {
        s.articles.sel = 0;
        s.articles.rows.clear();
    }
    s.articles.entry = Some(entry);
    reload(s, fx);
}

/// Reloads the current list (after a filter, a sort, a refresh), keeping the selection.
pub(super) fn reload(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(entry) = s.articles.entry.clone() else {
        return;
    };
    let query = s.query_for(&entry);
    s.articles.req = s.fresh_req();
    s.articles.loading = true;
    fx.push(match entry {
        FeedEntry::Saved(name) => Effect::LoadSaved {
            req: s.articles.req,
            name,
            unread_only: query.unread_only,
            min_rating: query.min_rating,
        },
        _ => Effect::LoadArticles {
            req: s.articles.req,
            query,
        },
    });
}

/// The rows of the newest load; older loads are dropped.
pub(super) fn loaded(s: &mut State, req: u64, rows: Vec<ArticleRow>) {
    if req != s.articles.req {
        return;
    }
    // The selected article stays selected, except at the top of a list nobody is reading
    // from: there the newest (new articles after a refresh) stays in view.
    let at_top = s.articles.sel == 0 && s.reader.is_none();
    let keep = s
        .articles
        .rows
        .get(s.articles.sel)
        .filter(|_| !at_top)
        .map(|r| (r.id, r.story));
    let (rows, stories) = super::stories::group(rows);
    s.articles.rows = rows;
    s.articles.stories = stories;
    s.articles.loading = false;
    // The same article, else its story (shown by another version now).
    s.articles.sel = keep
        .and_then(|(id, story)| {
            let rows = &s.articles.rows;
            rows.iter()
                .position(|r| r.id == id)
                .or_else(|| story.and_then(|st| rows.iter().position(|r| r.story == Some(st))))
        })
        .unwrap_or(s.articles.sel)
        .min(s.articles.rows.len().saturating_sub(1));
}

pub(super) fn move_by(s: &mut State, delta: i32) {
    s.articles.sel = super::step(s.articles.sel, delta, s.articles.rows.len());
}

pub(super) fn next_filter(s: &mut State, fx: &mut Vec<Effect>) {
    s.articles.filter = s.articles.filter.next();
    s.status.message = Some(tr(s.lang, s.articles.filter.label()).to_string());
    s.articles.sel = 0;
    reload(s, fx);
}

pub(super) fn next_sort(s: &mut State, fx: &mut Vec<Effect>) {
    s.articles.sort = match s.articles.sort {
        ArticleSort::Newest => ArticleSort::HighestRated,
        ArticleSort::HighestRated => ArticleSort::Newest,
    };
    let name = match s.articles.sort {
        ArticleSort::Newest => T::SortNewest,
        ArticleSort::HighestRated => T::SortRated,
    };
    s.status.message = Some(tr(s.lang, name).to_string());
    s.articles.sel = 0;
    reload(s, fx);
}

/// Opens the selected article in the reader.
pub(super) fn open_selected(s: &mut State, fx: &mut Vec<Effect>) {
    if let Some(row) = s.articles.rows.get(s.articles.sel).cloned() {
        let versions = super::stories::versions_of(s, &row);
        let at = versions.iter().position(|v| v.id == row.id).unwrap_or(0);
        reader::open(s, row, false, fx);
        if let Some(r) = s.reader.as_mut() {
            r.versions = versions;
            r.version = at;
        }
    }
}

/// The next (or previous) unread article of the list; in the reader it opens.
pub(super) fn next_unread(s: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    let rows = &s.articles.rows;
    let (from, len) = (s.articles.sel, rows.len());
    // From the feed list the selected article itself counts; past the end the search goes
    // on from the other end, as in newsboat.
    let first = usize::from(s.focus != Pane::Feeds);
    let found = (first..len)
        .map(|k| {
            if forward {
                (from + k) % len
            } else {
                (from + len - k) % len
            }
        })
        .find(|&i| rows.get(i).is_some_and(|r| !r.read));
    let Some(i) = found else {
        s.status.message = Some(tr(s.lang, T::NoMoreUnread).into());
        return;
    };
    s.articles.sel = i;
    if s.focus == Pane::Reader {
        open_selected(s, fx);
    } else {
        s.focus = Pane::Articles;
    }
}
