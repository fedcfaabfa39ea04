//! A question on the status line: a line of text (a feed's URL, a new name, a category
//! path, a saved search's name) or a yes/no confirmation. While it is open every key is
//! its own; Enter answers, Esc cancels.
use super::effect::Effect;
use super::{State, bulk, manage};
use crate::feed::{ArticleId, FeedId};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Longest answer kept (a URL, a name, a path).
pub const MAX_INPUT: usize = 2048;

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub ask: Ask,
    pub input: String,
    /// Byte index of the caret in `input`, on a char boundary.
    pub caret: usize,
}

/// What the prompt asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// A URL (a feed or a page that announces one).
    AddFeed,
    Rename(FeedId),
    /// A category path ("Tin Việt Nam/VnExpress"), made on the fly; empty: none.
    Move(FeedId),
    /// A name for the search query carried here.
    SaveSearch(String),
    Confirm(Confirm),
}

/// What a yes answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    MarkAll,
    /// The list shown (a search's results, a filtered list).
    MarkList(Vec<ArticleId>),
    RemoveFeed {
        id: FeedId,
        name: String,
    },
    DeleteSearch(String),
}

impl Prompt {
    pub fn new(ask: Ask, input: String) -> Prompt {
        let caret = input.len();
        Prompt { ask, input, caret }
    }

    /// The question, before the answer.
    pub fn question(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::strings::bulk as say;
        match &self.ask {
            Ask::AddFeed => say::ask_url(lang),
            Ask::Rename(_) => say::ask_name(lang),
            Ask::Move(_) => say::ask_category(lang),
            Ask::SaveSearch(_) => say::ask_search_name(lang),
            Ask::Confirm(Confirm::MarkAll) => say::confirm_mark_all(lang),
            Ask::Confirm(Confirm::MarkList(ids)) => say::confirm_mark_list(lang, ids.len()),
            Ask::Confirm(Confirm::RemoveFeed { name, .. }) => say::confirm_remove(lang, name),
            Ask::Confirm(Confirm::DeleteSearch(n)) => say::confirm_delete_search(lang, n),
        }
    }

    /// A yes/no question rather than a line of text.
    pub fn confirms(&self) -> bool {
        matches!(self.ask, Ask::Confirm(_))
    }
}

/// Opens a prompt (replacing any other).
pub(super) fn ask(s: &mut State, ask: Ask, input: String) {
    s.prompt = Some(Prompt::new(ask, input));
}

/// A key while the prompt is open.
pub(super) fn key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) {
    let Some(p) = s.prompt.as_mut() else {
        return;
    };
    if p.confirms() {
        let yes = matches!(k.code, KeyCode::Char('y' | 'Y'))
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let Some(Prompt {
            ask: Ask::Confirm(c),
            ..
        }) = s.prompt.take()
            && yes
        {
            confirmed(s, c, fx);
        }
        return;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    match k.code {
        KeyCode::Esc => s.prompt = None,
        KeyCode::Enter => {
            if let Some(p) = s.prompt.take() {
                answered(s, p.ask, p.input.trim().to_owned(), fx);
            }
        }
        KeyCode::Char('u') if ctrl => {
            p.input.clear();
            p.caret = 0;
        }
        KeyCode::Char('h') if ctrl => delete_back(p),
        KeyCode::Backspace => delete_back(p),
        KeyCode::Char(c) if !ctrl && !alt => insert(p, &c.to_string()),
        KeyCode::Delete => {
            if let Some(c) = p.input[p.caret..].chars().next() {
                p.input.replace_range(p.caret..p.caret + c.len_utf8(), "");
            }
        }
        KeyCode::Left => {
            if let Some(c) = p.input[..p.caret].chars().next_back() {
                p.caret -= c.len_utf8();
            }
        }
        KeyCode::Right => {
            if let Some(c) = p.input[p.caret..].chars().next() {
                p.caret += c.len_utf8();
            }
        }
        KeyCode::Home => p.caret = 0,
        KeyCode::End => p.caret = p.input.len(),
        _ => {}
    }
}

/// Pasted text goes into a text prompt, on one line.
pub(super) fn paste(s: &mut State, text: &str) {
    if let Some(p) = s.prompt.as_mut().filter(|p| !p.confirms()) {
        insert(p, &crate::text::clean_line(text));
    }
}

fn insert(p: &mut Prompt, text: &str) {
    let room = MAX_INPUT.saturating_sub(p.input.len());
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    p.input.insert_str(p.caret, &text[..end]);
    p.caret += end;
}

fn delete_back(p: &mut Prompt) {
    if let Some(c) = p.input[..p.caret].chars().next_back() {
        p.caret -= c.len_utf8();
        p.input.replace_range(p.caret..p.caret + c.len_utf8(), "");
    }
}

fn answered(s: &mut State, ask: Ask, text: String, fx: &mut Vec<Effect>) {
    match ask {
        Ask::AddFeed => manage::add(s, text, fx),
        Ask::Rename(id) => manage::rename(s, id, text, fx),
        Ask::Move(id) => manage::move_to(s, id, text, fx),
        Ask::SaveSearch(query) => manage::save_search(s, text, query, fx),
        Ask::Confirm(c) => confirmed(s, c, fx),
    }
}

fn confirmed(s: &mut State, c: Confirm, fx: &mut Vec<Effect>) {
    match c {
        Confirm::MarkAll => bulk::mark(s, vec![crate::store::Selection::All], fx),
        Confirm::MarkList(ids) => bulk::mark(s, vec![crate::store::Selection::Ids(ids)], fx),
        Confirm::RemoveFeed { id, .. } => manage::edit(s, manage::Edit::Remove(id), fx),
        Confirm::DeleteSearch(name) => manage::edit(s, manage::Edit::DeleteSearch(name), fx),
    }
}
