//! Keys, mouse and paste: from an event to the concern it is for. Navigation between the
//! screens (open, back, next pane, quit) is here; what each screen does is in its own file.
use super::action::Action;
use super::edit::Edit;
use super::effect::Effect;
use super::prompt::{Ask, Confirm};
use super::search::BoxKey;
use super::{FeedEntry, Pane, Problem, State};
use super::{
    articles, bulk, feeds, help, manage, marks, pictures, prompt, reader, refresh, search,
};
use crate::i18n::{T, tr};
use crate::store::Selection;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Ctrl+C quits from anywhere, whatever the `[keys]` table says.
fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'C'))
}

/// Esc and then a key, typed quickly or arriving together over a slow link, reach us as
/// one Alt chord: the terminal sends both as "\x1bq". An Alt chord that the keymap does
/// not bind is read as the two keys it most likely was; the key, without Alt, is returned.
/// Not Alt+Backspace: terminals send it for deleting a word, and an Esc would close the
/// text box being typed in.
fn esc_then(s: &State, k: &KeyEvent) -> Option<KeyEvent> {
    let typed = matches!(k.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab);
    if !typed || !k.modifiers.contains(KeyModifiers::ALT) || s.keymap.action(k).is_some() {
        return None;
    }
    let mut plain = *k;
    plain.modifiers.remove(KeyModifiers::ALT);
    Some(plain)
}

pub(super) fn key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) {
    if k.kind == KeyEventKind::Release {
        return;
    }
    if is_ctrl_c(&k) {
        return quit(s, fx);
    }
    if let Some(plain) = esc_then(s, &k) {
        key(s, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), fx);
        return key(s, plain, fx);
    }
    s.status.message = None;
    if s.prompt.is_some() {
        if let Some((ask, text)) = prompt::key(s, k) {
            answered(s, ask, text, fx);
        }
        return;
    }
    if s.help {
        let page = help::page_rows(s);
        let delta = match s.keymap.action(&k) {
            Some(Action::Quit) => return quit(s, fx),
            Some(Action::MoveDown) => 1,
            Some(Action::MoveUp) => -1,
            Some(Action::PageDown) => page,
            Some(Action::PageUp) => -page,
            Some(Action::First) => i64::MIN / 2,
            Some(Action::Last) => i64::MAX / 2,
            _ => {
                s.help = false;
                return;
            }
        };
        return help::scroll_by(s, delta);
    }
    // The reader's prompts take every key while open.
    if s.focus == Pane::Reader && s.reader.as_ref().is_some_and(|r| r.save.is_some()) {
        return super::save::key(s, k, fx);
    }
    if s.focus == Pane::Reader
        && s.reader.as_ref().is_some_and(|r| r.hints.is_some())
        && super::links::key(s, k, fx)
    {
        return;
    }
    if s.focus == Pane::Search {
        match search::key(s, k, fx) {
            BoxKey::NotMine => {}
            BoxKey::Done => return,
            BoxKey::Open => return open(s, fx),
            BoxKey::Back => return back(s, false, fx),
        }
    }
    if let Some(a) = s.keymap.action(&k) {
        if pictures::viewing(s) {
            return viewer_action(s, a, fx);
        }
        action(s, a, fx);
    }
}

/// A prompt's answer goes to what asked.
fn answered(s: &mut State, ask: Ask, text: String, fx: &mut Vec<Effect>) {
    match ask {
        Ask::AddFeed => manage::add(s, text, fx),
        Ask::Rename(id) => manage::rename(s, id, text, fx),
        Ask::Move(id) => manage::move_to(s, id, text, fx),
        Ask::SaveSearch(query) => manage::save_search(s, text, query, fx),
        Ask::Confirm(Confirm::MarkAll) => bulk::mark(s, vec![Selection::All], fx),
        Ask::Confirm(Confirm::MarkList(ids)) => bulk::mark(s, vec![Selection::Ids(ids)], fx),
        Ask::Confirm(Confirm::RemoveFeed { id, .. }) => manage::edit(s, Edit::Remove(id), fx),
        Ask::Confirm(Confirm::DeleteSearch(name)) => manage::edit(s, Edit::DeleteSearch(name), fx),
    }
}

/// Keys in the picture viewer: stepping through the pictures, back to the text, help and
/// quit; the rest waits until the viewer is closed.
fn viewer_action(s: &mut State, a: Action, fx: &mut Vec<Effect>) {
    match a {
        Action::NextUnread | Action::MoveDown | Action::PageDown => pictures::step_viewer(s, 1),
        Action::PrevUnread | Action::MoveUp | Action::PageUp => pictures::step_viewer(s, -1),
        Action::First => pictures::step_viewer(s, i32::MIN / 2),
        Action::Last => pictures::step_viewer(s, i32::MAX / 2),
        Action::Back | Action::Close | Action::ViewImage => pictures::close_viewer(s),
        Action::Quit | Action::Help => action(s, a, fx),
        _ => {}
    }
}

fn quit(s: &mut State, fx: &mut Vec<Effect>) {
    s.quit = true;
    // Quitting closes the reader: retention that waited for it runs now.
    s.reader = None;
    refresh::prune_when_free(s, fx);
    fx.push(Effect::Quit);
}

pub(super) fn action(s: &mut State, a: Action, fx: &mut Vec<Effect>) {
    match a {
        Action::Quit => quit(s, fx),
        Action::MoveDown => move_by(s, 1, fx),
        Action::MoveUp => move_by(s, -1, fx),
        Action::PageDown => move_by(s, page(s), fx),
        Action::PageUp => move_by(s, -page(s), fx),
        Action::First => move_by(s, i32::MIN / 2, fx),
        Action::Last => move_by(s, i32::MAX / 2, fx),
        Action::Open => open(s, fx),
        Action::Back => back(s, false, fx),
        Action::Close => back(s, true, fx),
        Action::NextPane => {
            s.focus = match s.focus {
                Pane::Feeds => Pane::Articles,
                Pane::Articles if s.reader.is_some() => Pane::Reader,
                _ => Pane::Feeds,
            }
        }
        Action::Refresh => {
            let feed = s.selected_entry().and_then(|e| s.feed_id_of(e));
            refresh::start(s, feed.map(|f| vec![f]), fx);
        }
        Action::RefreshAll => refresh::start(s, None, fx),
        Action::Rate(n) => marks::rate(s, n, fx),
        Action::ToggleRead => marks::toggle_read(s, fx),
        Action::NextUnread => articles::next_unread(s, true, fx),
        Action::PrevUnread => articles::next_unread(s, false, fx),
        Action::Search => search::start(s),
        Action::Filter => articles::next_filter(s, fx),
        Action::Sort => articles::next_sort(s, fx),
        Action::ToggleFull => reader::toggle_full(s, fx),
        Action::OpenBrowser => open_browser(s, fx),
        Action::ViewImage => {
            let head = reader::head_rows(s);
            if s.focus == Pane::Reader && !pictures::open_viewer(s, head) {
                s.status.message = Some(tr(s.lang, T::NoPictures).into());
            }
        }
        Action::Help => help::open(s),
        Action::FollowLink => super::links::start(s, crate::i18n::reading::HintTarget::Read),
        Action::CopyUrl => super::links::copy_current(s, fx),
        Action::SaveArticle => super::save::start(s),
        Action::NextVersion => super::versions::switch_version(s, 1, fx),
        Action::MarkFeedRead => bulk::mark_feed(s, fx),
        Action::MarkAllRead => bulk::mark_all(s),
        Action::MarkAboveRead => bulk::mark_above(s, fx),
        Action::UndoMark => bulk::undo(s, fx),
        Action::AddFeed => manage::start_add(s),
        Action::RemoveFeed => manage::start_remove(s),
        Action::RenameFeed => manage::start_rename(s),
        Action::MoveFeed => manage::start_move(s),
        Action::ToggleFold => {
            if s.focus == Pane::Feeds && feeds::toggle_fold(s) {
                articles::load(s, fx);
            }
        }
        Action::SaveSearch => manage::start_save_search(s),
    }
}

/// Only web addresses go to the browser.
fn open_browser(s: &mut State, fx: &mut Vec<Effect>) {
    // In the reader: what it shows (a followed page has an address, not an article).
    let url = match s.focus {
        Pane::Reader if !s.help => s.reader.as_ref().and_then(|r| r.row.url.clone()),
        _ => s.target_article().and_then(|r| r.url.clone()),
    };
    match url {
        None => s.status.error = Some(Problem::Said(T::NoUrl)),
        Some(u) if crate::net::check_url(&u).is_err() => {
            s.status.error = Some(Problem::Said(T::NotHttp))
        }
        Some(url) => fx.push(Effect::OpenBrowser { url }),
    }
}

/// A page: the rows of the focused pane, less one kept in view.
fn page(s: &State) -> i32 {
    let rows = match s.focus {
        Pane::Reader => reader::page_rows(s),
        p => crate::layout::list_rows(s.shape(), p),
    };
    rows.saturating_sub(1).clamp(1, i32::MAX as usize) as i32
}

fn move_by(s: &mut State, delta: i32, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Feeds => {
            if feeds::move_by(s, delta) {
                articles::load(s, fx);
            }
        }
        Pane::Articles => articles::move_by(s, delta),
        Pane::Search => search::move_by(s, delta),
        Pane::Reader => reader::scroll_by(s, delta),
        Pane::Help => {}
    }
}

fn open(s: &mut State, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Feeds if matches!(s.selected_entry(), Some(FeedEntry::Category(_))) => {
            feeds::toggle_fold(s);
        }
        Pane::Feeds => {
            if s.articles.entry.as_ref() != s.selected_entry() {
                articles::load(s, fx);
            }
            s.focus = Pane::Articles;
        }
        Pane::Articles => articles::open_selected(s, fx),
        Pane::Search => search::open_selected(s, fx),
        Pane::Reader | Pane::Help => {}
    }
}

fn back(s: &mut State, quits: bool, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Reader => {
            // A followed page: back to what linked to it.
            if super::links::back(s, fx) {
                return;
            }
            if s.reader.as_ref().is_some_and(|r| r.fetching()) {
                fx.push(Effect::CancelFetch);
                s.status.message = Some(tr(s.lang, T::Cancelled).into());
            }
            let from_search = s.reader.as_ref().is_some_and(|r| r.from_search);
            s.reader = None;
            if s.prune_due {
                refresh::prune_when_free(s, fx);
                fx.push(Effect::LoadFeeds);
                articles::reload(s, fx);
            }
            s.focus = if from_search && s.search.is_some() {
                Pane::Search
            } else {
                Pane::Articles
            };
        }
        Pane::Articles => s.focus = Pane::Feeds,
        Pane::Search => {
            s.focus = if s.reader.is_some() {
                Pane::Reader
            } else {
                Pane::Articles
            }
        }
        Pane::Feeds if quits => quit(s, fx),
        Pane::Feeds => refresh::cancel(s, fx),
        Pane::Help => s.help = false,
    }
}

/// Pasted text goes to the search box; elsewhere it means nothing.
pub(super) fn paste(s: &mut State, text: &str, fx: &mut Vec<Effect>) {
    if s.prompt.is_some() {
        return prompt::paste(s, text);
    }
    if s.focus == Pane::Search {
        search::paste(s, text, fx);
    } else if s.focus == Pane::Reader {
        super::save::paste(s, text);
    }
}

pub(super) fn click(s: &mut State, pane: Pane, index: usize, fx: &mut Vec<Effect>) {
    if s.help {
        s.help = false;
        return;
    }
    match pane {
        Pane::Feeds if s.entries.get(index).is_some_and(FeedEntry::selectable) => {
            s.focus = Pane::Feeds;
            if s.feed_sel != index {
                s.feed_sel = index;
                articles::load(s, fx);
            }
        }
        Pane::Articles if index < s.articles.rows.len() => {
            if s.focus == Pane::Articles && s.articles.sel == index {
                open(s, fx);
            } else {
                s.focus = Pane::Articles;
                s.articles.sel = index;
            }
        }
        Pane::Search => search::click(s, index, fx),
        _ => {}
    }
}

pub(super) fn wheel(s: &mut State, pane: Pane, delta: i32, fx: &mut Vec<Effect>) {
    if s.help {
        return help::scroll_by(s, delta as i64 * 3);
    }
    if pane != Pane::Search || s.search.is_some() {
        s.focus = if pane == Pane::Reader && s.reader.is_none() {
            s.focus
        } else {
            pane
        };
    }
    let step = if s.focus == Pane::Reader {
        delta.saturating_mul(3)
    } else {
        delta
    };
    move_by(s, step, fx);
}
