//! Bulk read marks: the selected feed, everything, everything above the cursor, the list
//! shown (after a confirmation when it came from a search or a filter), and one level of
//! undo. The store writes them (one transaction each, ratings untouched) and answers with
//! the ids it changed: undo marks exactly those back.
use super::effect::Effect;
use super::prompt::{self, Ask, Confirm};
use super::{FeedEntry, Filter, Pane, State, marks};
use crate::feed::ArticleId;
use crate::i18n::bulk as say;
use crate::store::Selection;
use std::collections::HashSet;

/// The last bulk mark of the session, to undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    /// The articles it changed.
    pub ids: Vec<ArticleId>,
    /// The state it gave them.
    pub read: bool,
}

/// Asks the store to mark `selections` read (a bulk mark, undoable).
pub(super) fn mark(s: &mut State, selections: Vec<Selection>, fx: &mut Vec<Effect>) {
    fx.push(Effect::Mark {
        selections,
        read: true,
        undo: false,
    });
    s.status.message = Some(say::marking(s.lang));
}

/// `A`: the feed under the cursor (at once); the list shown when it is a search's results,
/// filtered or virtual (after a confirmation); everything for All and Unread (the same).
pub(super) fn mark_feed(s: &mut State, fx: &mut Vec<Effect>) {
    if s.focus == Pane::Search {
        let ids: Vec<ArticleId> = s
            .search
            .iter()
            .flat_map(|q| &q.rows)
            .map(|r| r.id)
            .collect();
        return confirm_list(s, ids);
    }
    let (entry, list_shown) = match s.focus {
        Pane::Feeds => (s.selected_entry().cloned(), false),
        _ => (s.articles.entry.clone(), true),
    };
    let filtered = list_shown && s.articles.filter == Filter::Rated;
    match entry {
        Some(FeedEntry::Feed(i)) if !filtered => {
            if let Some(f) = s.feeds.get(i) {
                mark(s, vec![Selection::Feed(f.id)], fx);
            }
        }
        Some(FeedEntry::Category(path)) => {
            let inside = |c: &str| c == path || c.starts_with(&format!("{path}/"));
            let feeds: Vec<Selection> = s
                .feeds
                .iter()
                .filter(|f| f.category.as_deref().is_some_and(inside))
                .map(|f| Selection::Feed(f.id))
                .collect();
            mark(s, feeds, fx);
        }
        Some(FeedEntry::All | FeedEntry::Unread) if !filtered => mark_all(s),
        Some(e) => {
            // A saved search, Rated, or a filtered list: the articles listed.
            let ids = if s.articles.entry.as_ref() == Some(&e) {
                with_versions(s, &s.articles.rows)
            } else {
                Vec::new()
            };
            confirm_list(s, ids);
        }
        None => {}
    }
}

/// The ids of `rows`, and with `mark_story_read` those of the other versions of the
/// stories they show once: the list's row stands for its story.
fn with_versions(s: &State, rows: &[crate::store::ArticleRow]) -> Vec<ArticleId> {
    let mut ids: Vec<ArticleId> = rows.iter().map(|r| r.id).collect();
    if s.mark_story_read {
        let mut seen: HashSet<ArticleId> = ids.iter().copied().collect();
        for r in rows {
            for v in super::stories::versions_of(s, r) {
                if seen.insert(v.id) {
                    ids.push(v.id);
                }
            }
        }
    }
    ids
}

fn confirm_list(s: &mut State, ids: Vec<ArticleId>) {
    if ids.is_empty() {
        s.status.message = Some(say::nothing(s.lang));
        return;
    }
    prompt::ask(s, Ask::Confirm(Confirm::MarkList(ids)), String::new());
}

/// `C`: everything, after a confirmation.
pub(super) fn mark_all(s: &mut State) {
    prompt::ask(s, Ask::Confirm(Confirm::MarkAll), String::new());
}

/// Everything listed above the cursor (the article list, or the search's results).
pub(super) fn mark_above(s: &mut State, fx: &mut Vec<Effect>) {
    let ids: Vec<ArticleId> = match s.focus {
        Pane::Search => s
            .search
            .iter()
            .flat_map(|q| q.rows.iter().take(q.sel))
            .map(|r| r.id)
            .collect(),
        Pane::Articles | Pane::Reader => with_versions(
            s,
            &s.articles.rows[..s.articles.sel.min(s.articles.rows.len())],
        ),
        _ => Vec::new(),
    };
    if ids.is_empty() {
        s.status.message = Some(say::nothing(s.lang));
        return;
    }
    mark(s, vec![Selection::Ids(ids)], fx);
}

/// Undoes the last bulk mark of the session (once).
pub(super) fn undo(s: &mut State, fx: &mut Vec<Effect>) {
    match s.undo.take() {
        Some(u) => fx.push(Effect::Mark {
            selections: vec![Selection::Ids(u.ids)],
            read: !u.read,
            undo: true,
        }),
        None => s.status.message = Some(say::no_undo(s.lang)),
    }
}

/// The store marked `changed` (on disk now): the lists show it, the counts follow.
pub(super) fn marked(
    s: &mut State,
    changed: Vec<ArticleId>,
    read: bool,
    undo: bool,
    fx: &mut Vec<Effect>,
) {
    let set: HashSet<ArticleId> = changed.iter().copied().collect();
    let apply = |r: &mut crate::store::ArticleRow| {
        if set.contains(&r.id) {
            r.read = read;
        }
    };
    s.articles.rows.iter_mut().for_each(apply);
    // The versions a story's row stands for, kept apart for `v` and the "+N" count.
    for versions in s.articles.stories.versions.values_mut() {
        versions.iter_mut().for_each(apply);
    }
    if let Some(r) = s.reader.as_mut() {
        r.versions.iter_mut().for_each(apply);
    }
    if let Some(q) = s.search.as_mut() {
        q.rows.iter_mut().for_each(apply);
    }
    if let Some(id) = s
        .reader
        .as_ref()
        .map(|r| r.row.id)
        .filter(|id| set.contains(id))
    {
        marks::update_rows(s, id, |r| r.read = read);
    }
    s.status.message = Some(if undo {
        say::undone(s.lang, changed.len())
    } else {
        say::marked(
            s.lang,
            changed.len(),
            &s.keymap.labels(super::action::Action::UndoMark),
        )
    });
    // A mark that changed nothing leaves the one before it to undo.
    if !undo && !changed.is_empty() {
        s.undo = Some(Undo { ids: changed, read });
    }
    fx.push(Effect::LoadFeeds);
}
