//! The search screen: the text box (edited by code point, so an IME's replacements work),
//! results as you type, and their selection.
use super::State;
use super::effect::Effect;
use super::reader;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Results shown by the search screen.
pub const SEARCH_LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    /// As typed (IME replacements included); normalized when the query runs.
    pub input: String,
    /// Byte index of the caret in `input`, on a char boundary.
    pub caret: usize,
    pub rows: Vec<crate::store::ArticleRow>,
    pub sel: usize,
    pub req: u64,
    pub searching: bool,
}

/// What a key did in the search box.
pub(super) enum BoxKey {
    /// Not the box's: the keymap gets it.
    NotMine,
    Done,
    /// Enter and Esc: the navigation's.
    Open,
    Back,
}

/// Opens (or returns to) the search screen.
pub(super) fn start(s: &mut State) {
    let search = s.search.get_or_insert_with(Search::default);
    search.sel = 0;
    s.focus = super::Pane::Search;
}

/// Search box keys.
pub(super) fn key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) -> BoxKey {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let Some(q) = s.search.as_mut() else {
        return BoxKey::NotMine;
    };
    match k.code {
        KeyCode::Char('h') if ctrl => delete_back(q),
        KeyCode::Backspace => delete_back(q),
        KeyCode::Char('n') if ctrl => {
            q.sel = super::step(q.sel, 1, q.rows.len());
            return BoxKey::Done;
        }
        KeyCode::Char('p') if ctrl => {
            q.sel = super::step(q.sel, -1, q.rows.len());
            return BoxKey::Done;
        }
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
        }
        KeyCode::Left => {
            if let Some(c) = q.input[..q.caret].chars().next_back() {
                q.caret -= c.len_utf8();
            }
            return BoxKey::Done;
        }
        KeyCode::Right => {
            if let Some(c) = q.input[q.caret..].chars().next() {
                q.caret += c.len_utf8();
            }
            return BoxKey::Done;
        }
        KeyCode::Home => {
            q.caret = 0;
            return BoxKey::Done;
        }
        KeyCode::End => {
            q.caret = q.input.len();
            return BoxKey::Done;
        }
        KeyCode::Up => {
            q.sel = super::step(q.sel, -1, q.rows.len());
            return BoxKey::Done;
        }
        KeyCode::Down => {
            q.sel = super::step(q.sel, 1, q.rows.len());
            return BoxKey::Done;
        }
        KeyCode::Enter => return BoxKey::Open,
        KeyCode::Esc => return BoxKey::Back,
        _ => return BoxKey::NotMine,
    }
    run(s, fx);
    BoxKey::Done
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
fn run(s: &mut State, fx: &mut Vec<Effect>) {
    let req = s.fresh_req();
    let Some(q) = s.search.as_mut() else {
        return;
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
}

/// Pasted text goes into the box, normalized on arrival.
pub(super) fn paste(s: &mut State, text: &str, fx: &mut Vec<Effect>) {
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
    run(s, fx);
}

/// The newest query's results; older ones are dropped.
pub(super) fn done(s: &mut State, req: u64, rows: Vec<crate::store::ArticleRow>) {
    if let Some(q) = s.search.as_mut().filter(|q| q.req == req) {
        q.rows = rows;
        q.searching = false;
        q.sel = q.sel.min(q.rows.len().saturating_sub(1));
    }
}

pub(super) fn move_by(s: &mut State, delta: i32) {
    if let Some(q) = s.search.as_mut() {
        q.sel = super::step(q.sel, delta, q.rows.len());
    }
}

/// Opens the selected result in the reader (Back returns here).
pub(super) fn open_selected(s: &mut State, fx: &mut Vec<Effect>) {
    if let Some(row) = s.search.as_ref().and_then(|q| q.rows.get(q.sel)).cloned() {
        reader::open(s, row, true, fx);
    }
}

/// A click on result `index`: a second click opens it.
pub(super) fn click(s: &mut State, index: usize, fx: &mut Vec<Effect>) {
    let Some(q) = s.search.as_mut().filter(|q| index < q.rows.len()) else {
        return;
    };
    if q.sel == index {
        open_selected(s, fx);
    } else {
        q.sel = index;
    }
}
