//! Keys, mouse and paste: from an event to state changes and effects (part of `update`).
use super::action::Action;
use super::effect::{BodyMode, Effect};
use super::state::{Connectivity, FeedEntry, Pane, Search, State};
use super::update::{
    fetch_missing_full_text, is_web_url, load_articles, open_article, prune_when_free,
    reload_articles, render_body, update_rows,
};
use crate::i18n::{self, T, tr};
use crate::store::ArticleSort;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Results shown by the search screen.
pub const SEARCH_LIMIT: usize = 200;

pub(crate) fn on_key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) {
    if k.kind == KeyEventKind::Release {
        return;
    }
    s.status.message = None;
    if s.help {
        let page = crate::view::layout::areas(s)
            .overlay
            .map_or(1, |r| r.height.saturating_sub(2).max(1) as i64);
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
        scroll_help(s, delta);
        return;
    }
    if s.focus == Pane::Search && search_key(s, k, fx) {
        return;
    }
    if let Some(a) = s.keymap.action(&k) {
        on_action(s, a, fx);
    }
}

fn quit(s: &mut State, fx: &mut Vec<Effect>) {
    s.quit = true;
    // Quitting closes the reader: retention that waited for it runs now.
    s.reader = None;
    prune_when_free(s, fx);
    fx.push(Effect::Quit);
}

pub(crate) fn on_action(s: &mut State, a: Action, fx: &mut Vec<Effect>) {
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
            refresh(s, feed.map(|f| vec![f]), fx);
        }
        Action::RefreshAll => refresh(s, None, fx),
        Action::Rate(n) => rate(s, n, fx),
        Action::ToggleRead => {
            if let Some(row) = s.target_article() {
                let (id, read) = (row.id, !row.read);
                update_rows(s, id, |r| r.read = read);
                fx.push(Effect::SetRead { id, read });
                fx.push(Effect::LoadFeeds);
            }
        }
        Action::NextUnread => next_unread(s, true, fx),
        Action::PrevUnread => next_unread(s, false, fx),
        Action::Search => {
            let search = s.search.get_or_insert_with(Search::default);
            search.sel = 0;
            s.focus = Pane::Search;
        }
        Action::Filter => {
            s.articles.filter = s.articles.filter.next();
            s.status.message = Some(tr(s.lang, s.articles.filter.label()).to_string());
            s.articles.sel = 0;
            reload_articles(s, fx);
        }
        Action::Sort => {
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
            reload_articles(s, fx);
        }
        Action::ToggleFull => toggle_full(s, fx),
        Action::OpenBrowser => {
            let url = s.target_article().and_then(|r| r.url.clone());
            match url {
                None => s.status.error = Some(tr(s.lang, T::NoUrl).into()),
                Some(u) if !is_web_url(&u) => s.status.error = Some(tr(s.lang, T::NotHttp).into()),
                Some(url) => fx.push(Effect::OpenBrowser { url }),
            }
        }
        Action::Help => {
            s.help = true;
            s.help_scroll = 0;
        }
    }
}

fn page(s: &State) -> i32 {
    let rows = match s.focus {
        Pane::Reader => crate::view::layout::reader_text(s).map_or(1, |r| r.height as usize),
        p => crate::view::layout::list_rows(s, p),
    };
    rows.saturating_sub(1).max(1) as i32
}

fn step(pos: usize, delta: i32, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (pos as i64 + delta as i64).clamp(0, len as i64 - 1) as usize
}

fn move_by(s: &mut State, delta: i32, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Feeds => {
            let mut i = step(s.feed_sel, delta, s.entries.len());
            // Category headers are skipped in the direction of travel.
            while !s.entries[i].selectable() {
                let next = if delta > 0 { i + 1 } else { i.wrapping_sub(1) };
                match s.entries.get(next) {
                    Some(_) => i = next,
                    None => {
                        i = s.feed_sel;
                        break;
                    }
                }
            }
            if i != s.feed_sel {
                s.feed_sel = i;
                load_articles(s, fx);
            }
        }
        Pane::Articles => s.articles.sel = step(s.articles.sel, delta, s.articles.rows.len()),
        Pane::Search => {
            if let Some(q) = s.search.as_mut() {
                q.sel = step(q.sel, delta, q.rows.len());
            }
        }
        Pane::Reader => {
            let max = crate::view::reader::max_scroll(s);
            if let Some(r) = s.reader.as_mut() {
                r.scroll = step(r.scroll, delta, max + 1);
            }
        }
        Pane::Help => {}
    }
}

fn open(s: &mut State, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Feeds => {
            if s.articles.entry.as_ref() != s.selected_entry() {
                load_articles(s, fx);
            }
            s.focus = Pane::Articles;
        }
        Pane::Articles => {
            if let Some(row) = s.articles.rows.get(s.articles.sel).cloned() {
                open_article(s, row, false, fx);
            }
        }
        Pane::Search => {
            if let Some(row) = s.search.as_ref().and_then(|q| q.rows.get(q.sel)).cloned() {
                open_article(s, row, true, fx);
            }
        }
        Pane::Reader | Pane::Help => {}
    }
}

fn back(s: &mut State, quits: bool, fx: &mut Vec<Effect>) {
    match s.focus {
        Pane::Reader => {
            if s.reader.as_ref().is_some_and(|r| r.fetching()) {
                fx.push(Effect::CancelFetch);
                s.status.message = Some(tr(s.lang, T::Cancelled).into());
            }
            let from_search = s.reader.as_ref().is_some_and(|r| r.from_search);
            s.reader = None;
            if s.prune_due {
                prune_when_free(s, fx);
                fx.push(Effect::LoadFeeds);
                reload_articles(s, fx);
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
        Pane::Feeds => {
            if s.status.refresh.is_some() {
                fx.push(Effect::CancelRefresh);
                s.status.refresh = None;
                s.status.message = Some(tr(s.lang, T::Cancelled).into());
            }
        }
        Pane::Help => s.help = false,
    }
}

fn refresh(s: &mut State, feeds: Option<Vec<crate::feed::FeedId>>, fx: &mut Vec<Effect>) {
    if s.connectivity == Connectivity::Forced {
        s.status.error = Some(tr(s.lang, T::OfflineNoFetch).into());
        return;
    }
    if s.status.refresh.is_some() {
        return;
    }
    let total = feeds.as_ref().map_or(s.feeds.len(), Vec::len);
    s.status.refresh = Some((0, total));
    s.status.error = None;
    fx.push(Effect::Refresh { feeds });
}

fn rate(s: &mut State, n: u8, fx: &mut Vec<Effect>) {
    let Some(id) = s.target_article().map(|r| r.id) else {
        return;
    };
    update_rows(s, id, |r| r.rating = n);
    fx.push(Effect::SetRating { id, rating: n });
    s.status.message = Some(i18n::strings::rated(s.lang, n));
}

fn next_unread(s: &mut State, forward: bool, fx: &mut Vec<Effect>) {
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
        .find(|&i| !rows[i].read);
    let Some(i) = found else {
        s.status.message = Some(tr(s.lang, T::NoMoreUnread).into());
        return;
    };
    s.articles.sel = i;
    if s.focus == Pane::Reader {
        let row = s.articles.rows[i].clone();
        open_article(s, row, false, fx);
    } else {
        s.focus = Pane::Articles;
    }
}

fn toggle_full(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    r.mode = match r.mode {
        BodyMode::Full => BodyMode::Summary,
        BodyMode::Summary => BodyMode::Full,
    };
    r.scroll = 0;
    r.body = None;
    render_body(s, fx);
    fetch_missing_full_text(s, fx);
}

/// Search box keys. Returns false when the key is not the box's (the keymap gets it).
fn search_key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) -> bool {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let Some(q) = s.search.as_mut() else {
        return false;
    };
    match k.code {
        KeyCode::Char('h') if ctrl => delete_back(q),
        KeyCode::Backspace => delete_back(q),
        KeyCode::Char('c') if ctrl => return false,
        KeyCode::Char('n') if ctrl => q.sel = step(q.sel, 1, q.rows.len()),
        KeyCode::Char('p') if ctrl => q.sel = step(q.sel, -1, q.rows.len()),
        KeyCode::Char('u') if ctrl => {
            q.input.clear();
            q.caret = 0;
        }
        KeyCode::Char(c) if !ctrl && !alt => {
            q.input.insert(q.caret, c);
            q.caret += c.len_utf8();
        }
        KeyCode::Delete => {
            if let Some(c) = q.input[q.caret..].chars().next() {
                q.input.replace_range(q.caret..q.caret + c.len_utf8(), "");
            }
            return run_search(s, fx);
        }
        KeyCode::Left => {
            if let Some(c) = q.input[..q.caret].chars().next_back() {
                q.caret -= c.len_utf8();
            }
            return true;
        }
        KeyCode::Right => {
            if let Some(c) = q.input[q.caret..].chars().next() {
                q.caret += c.len_utf8();
            }
            return true;
        }
        KeyCode::Home => {
            q.caret = 0;
            return true;
        }
        KeyCode::End => {
            q.caret = q.input.len();
            return true;
        }
        KeyCode::Up => {
            q.sel = step(q.sel, -1, q.rows.len());
            return true;
        }
        KeyCode::Down => {
            q.sel = step(q.sel, 1, q.rows.len());
            return true;
        }
        KeyCode::Enter => {
            open(s, fx);
            return true;
        }
        KeyCode::Esc => {
            back(s, false, fx);
            return true;
        }
        _ => return false,
    }
    if matches!(k.code, KeyCode::Char('n' | 'p') if ctrl) {
        return true;
    }
    run_search(s, fx)
}

/// Backspace deletes one code point: an IME that sends Backspace then the replacement
/// letter ("ê" ⌫ "ệ") gets exactly what it expects.
fn delete_back(q: &mut Search) {
    if let Some(c) = q.input[..q.caret].chars().next_back() {
        q.caret -= c.len_utf8();
        q.input.replace_range(q.caret..q.caret + c.len_utf8(), "");
    }
}

/// Results as you type: every change runs the query (older results are dropped by id).
fn run_search(s: &mut State, fx: &mut Vec<Effect>) -> bool {
    let req = s.fresh_req();
    let Some(q) = s.search.as_mut() else {
        return true;
    };
    let query = crate::text::nfc(q.input.trim());
    q.req = req;
    q.sel = 0;
    if query.is_empty() {
        q.rows.clear();
        q.searching = false;
    } else {
        q.searching = true;
        fx.push(Effect::Search {
            req,
            query,
            limit: SEARCH_LIMIT,
        });
    }
    true
}

/// Pasted text goes to the search box, normalized on arrival.
pub(crate) fn on_paste(s: &mut State, text: &str, fx: &mut Vec<Effect>) {
    if s.focus != Pane::Search {
        return;
    }
    let clean = crate::text::clean_line(text);
    if let Some(q) = s.search.as_mut() {
        q.input.insert_str(q.caret, &clean);
        q.caret += clean.len();
        // Composing against what was typed before keeps "e" + pasted "\u{301}" one letter.
        let (before, after) = q.input.split_at(q.caret);
        let before = crate::text::nfc(before);
        q.caret = before.len();
        q.input = before + after;
    }
    run_search(s, fx);
}

pub(crate) fn on_click(s: &mut State, pane: Pane, index: usize, fx: &mut Vec<Effect>) {
    if s.help {
        s.help = false;
        return;
    }
    match pane {
        Pane::Feeds if s.entries.get(index).is_some_and(FeedEntry::selectable) => {
            s.focus = Pane::Feeds;
            if s.feed_sel != index {
                s.feed_sel = index;
                load_articles(s, fx);
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
        Pane::Search => {
            if let Some(q) = s.search.as_mut().filter(|q| index < q.rows.len()) {
                if q.sel == index {
                    open(s, fx);
                } else {
                    q.sel = index;
                }
            }
        }
        _ => {}
    }
}

/// Scrolls the help screen, within its text.
fn scroll_help(s: &mut State, delta: i64) {
    let max = crate::view::help::max_scroll(s) as i64;
    s.help_scroll = (s.help_scroll as i64).saturating_add(delta).clamp(0, max) as usize;
}

pub(crate) fn on_wheel(s: &mut State, pane: Pane, delta: i32, fx: &mut Vec<Effect>) {
    if s.help {
        scroll_help(s, delta as i64 * 3);
        return;
    }
    if pane != Pane::Search || s.search.is_some() {
        s.focus = if pane == Pane::Reader && s.reader.is_none() {
            s.focus
        } else {
            pane
        };
    }
    let step = if s.focus == Pane::Reader {
        delta * 3
    } else {
        delta
    };
    move_by(s, step, fx);
}
