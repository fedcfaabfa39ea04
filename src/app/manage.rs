//! Feeds managed in the reader (add, remove, rename, move to a category) and saved
//! searches (save the current search, delete one). The prompts ask; the store and the
//! network do the work off the UI loop; the feed list is reloaded when they are done.
pub use super::edit::{Added, Edit};
use super::effect::Effect;
use super::prompt::{self, Ask, Confirm};
use super::{FeedEntry, Pane, Problem, State};
use crate::feed::FeedId;
use crate::i18n::bulk as say;
use crate::store::SavedSearch;

/// `a`: asks for a URL.
pub(super) fn start_add(s: &mut State) {
    prompt::ask(s, Ask::AddFeed, String::new());
}

pub(super) fn add(s: &mut State, url: String, fx: &mut Vec<Effect>) {
    if url.is_empty() {
        return;
    }
    // Offline (`--offline`), the runner subscribes without a request, as `add` does.
    s.status.message = Some(say::adding(s.lang));
    s.adding = true;
    fx.push(Effect::AddFeed { url });
}

/// The runner added the feed (or said why not).
pub(super) fn added(s: &mut State, result: Result<Added, Problem>, fx: &mut Vec<Effect>) {
    s.adding = false;
    match result {
        Ok(a) => {
            s.status.message = Some(say::added(s.lang, &a.name, a.added, a.down.as_deref()));
            s.select_feed = Some(a.id);
            fx.push(Effect::LoadFeeds);
        }
        // Said as the message, first on the line: the selected feed's own failure would
        // hide an error.
        Err(p) => s.status.message = Some(say::not_added(s.lang, &p.text(s.lang))),
    }
}

/// The feed under the cursor in the feed list.
fn selected_feed(s: &State) -> Option<&crate::store::FeedRow> {
    match (s.focus, s.selected_entry()) {
        (Pane::Feeds, Some(FeedEntry::Feed(i))) => s.feeds.get(*i),
        _ => None,
    }
}

/// `D`: removes the selected feed or deletes the selected saved search, once confirmed.
pub(super) fn start_remove(s: &mut State) {
    let ask = match (s.focus, s.selected_entry()) {
        (Pane::Feeds, Some(FeedEntry::Saved(name))) => Confirm::DeleteSearch(name.clone()),
        _ => match selected_feed(s) {
            Some(f) => Confirm::RemoveFeed {
                id: f.id,
                name: f.name().to_owned(),
            },
            None => return not_a_feed(s),
        },
    };
    prompt::ask(s, Ask::Confirm(ask), String::new());
}

/// `c`: a new name for the selected feed.
pub(super) fn start_rename(s: &mut State) {
    match selected_feed(s) {
        Some(f) => {
            let (id, title) = (f.id, f.title.clone());
            prompt::ask(s, Ask::Rename(id), crate::text::clean_line(&title));
        }
        None => not_a_feed(s),
    }
}

/// `m`: a category path for the selected feed.
pub(super) fn start_move(s: &mut State) {
    match selected_feed(s) {
        Some(f) => {
            let (id, path) = (f.id, f.category.as_deref().unwrap_or("").to_owned());
            prompt::ask(s, Ask::Move(id), crate::text::clean_line(&path));
        }
        None => not_a_feed(s),
    }
}

fn not_a_feed(s: &mut State) {
    s.status.message = Some(say::choose_feed(s.lang));
}

pub(super) fn rename(s: &mut State, id: FeedId, title: String, fx: &mut Vec<Effect>) {
    edit(
        s,
        Edit::Rename(id, Some(title).filter(|t| !t.is_empty())),
        fx,
    );
}

pub(super) fn move_to(s: &mut State, id: FeedId, path: String, fx: &mut Vec<Effect>) {
    edit(s, Edit::Move(id, Some(path).filter(|p| !p.is_empty())), fx);
}

/// Ctrl+S in the search screen: asks for a name for the current query.
pub(super) fn start_save_search(s: &mut State) {
    let query = s
        .search
        .as_ref()
        .filter(|_| s.focus == Pane::Search)
        .map(|q| crate::text::nfc(q.input.trim()))
        .unwrap_or_default();
    if query.is_empty() {
        s.status.message = Some(say::nothing_to_save(s.lang));
        return;
    }
    let name = query.clone();
    prompt::ask(s, Ask::SaveSearch(query), name);
}

pub(super) fn save_search(s: &mut State, name: String, query: String, fx: &mut Vec<Effect>) {
    if name.is_empty() {
        return;
    }
    edit(
        s,
        Edit::SaveSearch(SavedSearch {
            name,
            query,
            feed: None,
            unread_only: false,
            min_rating: 0,
            days: None,
        }),
        fx,
    );
}

pub(super) fn edit(_s: &mut State, edit: Edit, fx: &mut Vec<Effect>) {
    fx.push(Effect::EditFeeds(edit));
}

/// The store made the change: the feed list (and the list shown, if its feed went) again.
pub(super) fn edited(s: &mut State, edit: Edit, fx: &mut Vec<Effect>) {
    s.status.message = Some(match &edit {
        Edit::Remove(_) => say::removed(s.lang),
        Edit::Rename(..) => say::renamed(s.lang),
        Edit::Move(_, path) => say::moved(s.lang, path.as_deref()),
        Edit::SaveSearch(q) => say::search_saved(s.lang, &q.name),
        Edit::DeleteSearch(_) => say::search_deleted(s.lang),
    });
    let gone = match &edit {
        Edit::Remove(id) => s.articles.entry.as_ref().and_then(|e| s.feed_id_of(e)) == Some(*id),
        Edit::DeleteSearch(name) => {
            s.articles.entry.as_ref() == Some(&FeedEntry::Saved(name.clone()))
        }
        _ => false,
    };
    if gone {
        s.articles.entry = None;
        s.articles.rows.clear();
        s.articles.sel = 0;
    }
    fx.push(Effect::LoadFeeds);
}
