//! The feed list: its entries (virtual feeds, saved searches, the category tree, feeds),
//! folding categories and moving through them.
use super::State;
use crate::feed::opml::{category_path, split_category_path};
use crate::store::FeedRow;
use crate::text::collate;
use std::cmp::Ordering;

/// One row of the feed list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEntry {
    /// Virtual feeds, always first.
    All,
    Unread,
    Rated,
    /// A saved search, by name (after the virtual feeds).
    Saved(String),
    /// A category header: its path (as in `FeedRow::category`). Selectable: a key folds it.
    Category(String),
    /// Index into `State::feeds`.
    Feed(usize),
}

impl FeedEntry {
    pub fn selectable(&self) -> bool {
        true
    }
}

/// The depth and own name of a category path ("Tin/VnExpress" is "VnExpress" at depth 1).
pub fn category_label(path: &str) -> (usize, String) {
    let names = split_category_path(path);
    let depth = names.len().saturating_sub(1);
    (depth, names.into_iter().last().unwrap_or_default())
}

/// Feeds in Vietnamese collation: uncategorized first, then the category tree (each
/// category's own feeds before its sub-categories); the selection stays on the same entry.
/// True on the first load.
pub(super) fn loaded(s: &mut State, mut rows: Vec<FeedRow>) -> bool {
    let keep = kept(s);
    let mut keyed: Vec<(Vec<String>, FeedRow)> = rows
        .drain(..)
        .map(|f| (split_category_path(f.category.as_deref().unwrap_or("")), f))
        .collect();
    keyed.sort_by(|(pa, a), (pb, b)| {
        compare_paths(pa, pb).then_with(|| collate::compare(&a.title, &b.title))
    });
    s.feeds = keyed.into_iter().map(|(_, f)| f).collect();
    rebuild(s, keep);
    !std::mem::replace(&mut s.feeds_loaded, true)
}

fn compare_paths(a: &[String], b: &[String]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = collate::compare(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// What the selection is on, to find it again after the entries change.
type Kept = Option<Result<FeedEntry, Option<crate::feed::FeedId>>>;

fn kept(s: &State) -> Kept {
    s.selected_entry().cloned().map(|e| match e {
        FeedEntry::Feed(i) => Err(s.feeds.get(i).map(|f| f.id)),
        other => Ok(other),
    })
}

/// The entries again from `s.feeds`, `s.saved` and the folded categories; the selection
/// goes back to `keep` (else the nearest row above).
pub(super) fn rebuild(s: &mut State, keep: Kept) {
    let mut entries = vec![FeedEntry::All, FeedEntry::Unread, FeedEntry::Rated];
    entries.extend(
        s.saved
            .iter()
            .map(|r| FeedEntry::Saved(r.search.name.clone())),
    );
    let mut open: Vec<String> = Vec::new();
    let mut last_path: Option<&str> = None;
    for (i, f) in s.feeds.iter().enumerate() {
        let path = f.category.as_deref().filter(|c| !c.is_empty());
        if path != last_path {
            last_path = path;
            let names = split_category_path(path.unwrap_or(""));
            let same = open.iter().zip(&names).take_while(|(a, b)| a == b).count();
            for depth in same..names.len() {
                let header = category_path(names[..=depth].iter().map(String::as_str));
                if !hidden(s, &header) {
                    entries.push(FeedEntry::Category(header));
                }
            }
            open = names;
        }
        if !path.is_some_and(|p| hidden(s, p) || s.folded.contains(p)) {
            entries.push(FeedEntry::Feed(i));
        }
    }
    s.entries = entries;
    let before = s.feed_sel;
    s.feed_sel = match keep {
        Some(Ok(e)) => s.entries.iter().position(|x| *x == e),
        Some(Err(Some(id))) => s.entries.iter().position(
            |x| matches!(x, FeedEntry::Feed(i) if s.feeds.get(*i).is_some_and(|f| f.id == id)),
        ),
        _ => Some(0),
    }
    .unwrap_or(before.min(s.entries.len().saturating_sub(1)));
}

/// True when a category above `path` is folded (its row is not shown).
fn hidden(s: &State, path: &str) -> bool {
    let names = split_category_path(path);
    (1..names.len()).any(|n| {
        s.folded
            .contains(&category_path(names[..n].iter().map(String::as_str)))
    })
}

/// Folds or unfolds the category under the cursor: a header itself, or a feed's own
/// category (the cursor then goes to its header). False when there is none.
pub(super) fn toggle_fold(s: &mut State) -> bool {
    let path = match s.selected_entry() {
        Some(FeedEntry::Category(p)) => p.clone(),
        Some(FeedEntry::Feed(i)) => match s.feeds.get(*i).and_then(|f| f.category.clone()) {
            Some(p) if !p.is_empty() => p.to_string(),
            _ => return false,
        },
        _ => return false,
    };
    if !s.folded.remove(&path) {
        s.folded.insert(path.clone());
    }
    rebuild(s, Some(Ok(FeedEntry::Category(path))));
    true
}

/// Moves the selection by `delta`. True when it moved (its list is to be loaded).
pub(super) fn move_by(s: &mut State, delta: i32) -> bool {
    if s.entries.is_empty() {
        return false;
    }
    let i = super::step(s.feed_sel, delta, s.entries.len());
    let moved = i != s.feed_sel;
    s.feed_sel = i;
    moved
}
