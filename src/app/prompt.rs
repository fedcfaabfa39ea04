//! A question on the status line: a line of text (a feed's URL, a new name, a category
//! path, a saved search's name) or a yes/no confirmation. While it is open every key is
//! its own; Enter answers, Esc cancels.
use super::State;
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
        use crate::i18n::bulk as say;
        // Names cut short so that "[y/N]" fits a narrow status line.
        let short = |n: &str| crate::text::wrap::truncate(&crate::text::clean_line(n), 20);
        match &self.ask {
            Ask::AddFeed => say::ask_url(lang),
            Ask::Rename(_) => say::ask_name(lang),
            Ask::Move(_) => say::ask_category(lang),
            Ask::SaveSearch(_) => say::ask_search_name(lang),
            Ask::Confirm(Confirm::MarkAll) => say::confirm_mark_all(lang),
            Ask::Confirm(Confirm::MarkList(ids)) => say::confirm_mark_list(lang, ids.len()),
            Ask::Confirm(Confirm::RemoveFeed { name, .. }) => {
                say::confirm_remove(lang, &short(name))
            }
            Ask::Confirm(Confirm::DeleteSearch(n)) => say::confirm_delete_search(lang, &short(n)),
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

/// What the prompt was answered: the question and the (trimmed) text; for a
/// confirmation, only a yes comes out.
pub(super) type Answer = (Ask, String);

/// A key while the prompt is open; the answer when it closes with one.
pub(super) fn key(s: &mut State, k: KeyEvent) -> Option<Answer> {
    let p = s.prompt.as_mut()?;
    if p.confirms() {
        let yes = matches!(k.code, KeyCode::Char('y' | 'Y'))
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let p = s.prompt.take()?;
        return yes.then_some((p.ask, String::new()));
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    match k.code {
        KeyCode::Esc => s.prompt = None,
        KeyCode::Enter => {
            let p = s.prompt.take()?;
            return Some((p.ask, p.input.trim().to_owned()));
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
    None
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
