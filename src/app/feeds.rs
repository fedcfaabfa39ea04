//! The feed list: its entries (virtual feeds, categories, feeds) and moving through them.
use super::State;
use crate::store::FeedRow;
use crate::text::collate;

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

/// Feeds in Vietnamese collation: uncategorized first, then each category with its feeds;
/// the selection stays on the same entry. True on the first load.
pub(super) fn loaded(s: &mut State, mut rows: Vec<FeedRow>) -> bool {
    let keep = s.selected_entry().cloned().map(|e| match e {
        FeedEntry::Feed(i) => Err(s.feeds.get(i).map(|f| f.id)),
        other => Ok(other),
    });
    rows.sort_by(|a, b| {
        let ca = a.category.as_deref().unwrap_or("");
        let cb = b.category.as_deref().unwrap_or("");
        collate::compare(ca, cb).then_with(|| collate::compare(&a.title, &b.title))
    });
    let mut entries = vec![FeedEntry::All, FeedEntry::Unread, FeedEntry::Rated];
    let mut current: Option<&str> = None;
    for (i, f) in rows.iter().enumerate() {
        let cat = f.category.as_deref().filter(|c| !c.is_empty());
        if let Some(c) = cat.filter(|_| cat != current) {
            entries.push(FeedEntry::Category(c.to_string()));
        }
        current = cat;
        entries.push(FeedEntry::Feed(i));
    }
    s.feeds = rows;
    s.entries = entries;
    s.feed_sel = match keep {
        Some(Ok(e)) => s.entries.iter().position(|x| *x == e).unwrap_or(0),
        Some(Err(Some(id))) => s
            .entries
            .iter()
            .position(
                |x| matches!(x, FeedEntry::Feed(i) if s.feeds.get(*i).is_some_and(|f| f.id == id)),
            )
            .unwrap_or(0),
        _ => 0,
    };
    !std::mem::replace(&mut s.feeds_loaded, true)
}

/// Moves the selection by `delta`, skipping category headers in the direction of travel.
/// True when it moved (its list is to be loaded).
pub(super) fn move_by(s: &mut State, delta: i32) -> bool {
    if s.entries.is_empty() {
        return false;
    }
    let mut i = super::step(s.feed_sel, delta, s.entries.len());
    while !s.entries.get(i).is_some_and(FeedEntry::selectable) {
        let next = if delta > 0 { i + 1 } else { i.wrapping_sub(1) };
        match s.entries.get(next) {
            Some(_) => i = next,
            None => {
                i = s.feed_sel;
                break;
            }
        }
    }
    let moved = i != s.feed_sel;
    s.feed_sel = i;
    moved
}
