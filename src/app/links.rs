//! Links followed inside docbao: hint mode over the reader's numbered link references
//! (type a number: the page is fetched and extracted like an article, and read here), the
//! history that Esc walks back, and the URL copy (OSC 52, written by the runner).
use super::action::Action;
use super::effect::{BodyMode, Effect};
pub use super::reader::{Hints, Shown};
use super::{Connectivity, Pane, Problem, State, reader};
use crate::feed::model::StoredExtract;
use crate::i18n::T;
use crate::i18n::reading::{self, HintTarget};
use crate::store::{ArticleDetail, ArticleRow};
use crossterm::event::{KeyCode, KeyEvent};

/// Pages kept to go back to; the oldest goes first past this.
pub const MAX_HISTORY: usize = 32;

/// The links of the text shown (numbered as in the text: link `n` is `links[n - 1]`).
fn links(s: &State) -> Option<&[String]> {
    s.reader.as_ref()?.body.as_ref().map(|b| b.links.as_slice())
}

/// Opens hint mode on the reader's links.
pub(super) fn start(s: &mut State, target: HintTarget) {
    if s.focus != Pane::Reader {
        return;
    }
    if links(s).is_none_or(<[String]>::is_empty) {
        s.status.message = Some(reading::no_links(s.lang).into());
        return;
    }
    if let Some(r) = s.reader.as_mut() {
        r.hints = Some(Hints {
            target,
            typed: String::new(),
        });
    }
}

/// A key in hint mode: digits choose, Enter confirms, Backspace takes back, the open and
/// copy keys change what the link will do, Esc leaves. Any other key leaves and does what
/// it does outside (false: not taken), so Q still quits.
pub(super) fn key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) -> bool {
    let count = links(s).map_or(0, <[String]>::len);
    let Some(h) = s.reader.as_mut().and_then(|r| r.hints.as_mut()) else {
        return false;
    };
    match k.code {
        KeyCode::Char(c)
            if c.is_ascii_digit()
                && k.modifiers
                    .difference(crossterm::event::KeyModifiers::SHIFT)
                    .is_empty() =>
        {
            // Never more digits than the largest label has.
            if h.typed.len() < count.to_string().len() && !(h.typed.is_empty() && c == '0') {
                h.typed.push(c);
            }
            let n: usize = h.typed.parse().unwrap_or(0);
            // Unambiguous once no longer label starts with what was typed.
            if n > 0 && n.saturating_mul(10) > count {
                choose(s, n, fx);
            }
            return true;
        }
        KeyCode::Backspace => {
            h.typed.pop();
            return true;
        }
        KeyCode::Esc => {
            if let Some(r) = s.reader.as_mut() {
                r.hints = None;
            }
            return true;
        }
        KeyCode::Enter => {
            let n: usize = h.typed.parse().unwrap_or(0);
            if n > 0 {
                choose(s, n, fx);
            }
            return true;
        }
        _ => {}
    }
    let target = match s.keymap.action(&k) {
        Some(Action::OpenBrowser) => Some(HintTarget::Browser),
        Some(Action::CopyUrl) => Some(HintTarget::Copy),
        Some(Action::FollowLink) => Some(HintTarget::Read),
        _ => None,
    };
    match (target, s.reader.as_mut().and_then(|r| r.hints.as_mut())) {
        (Some(t), Some(h)) => {
            h.target = t;
            true
        }
        _ => {
            if let Some(r) = s.reader.as_mut() {
                r.hints = None;
            }
            false
        }
    }
}

/// Link `n` chosen: read it here, open it in the browser, or copy its address.
fn choose(s: &mut State, n: usize, fx: &mut Vec<Effect>) {
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let Some(hints) = r.hints.take() else {
        return;
    };
    let url = r.body.as_ref().and_then(|b| b.links.get(n - 1)).cloned();
    let Some(url) = url else {
        s.status.message = Some(reading::no_such_link(s.lang, n));
        return;
    };
    match hints.target {
        HintTarget::Read => follow(s, url, fx),
        HintTarget::Browser => browse(s, url, fx),
        HintTarget::Copy => copy(s, url, fx),
    }
}

fn browse(s: &mut State, url: String, fx: &mut Vec<Effect>) {
    if crate::net::check_url(&url).is_err() {
        s.status.error = Some(Problem::Said(T::NotHttp));
        return;
    }
    fx.push(Effect::OpenBrowser { url });
}

/// Asks the runner to put `text` on the clipboard (OSC 52), unless `osc52` is off.
pub(super) fn copy(s: &mut State, text: String, fx: &mut Vec<Effect>) {
    if !s.osc52 {
        s.status.message = Some(reading::clipboard_off(s.lang).into());
        return;
    }
    s.status.message = Some(reading::copied(s.lang, &crate::text::clean_line(&text)));
    fx.push(Effect::Copy { text });
}

/// The copy key outside hint mode: the address of what the reader shows (the page
/// followed, or the article), else of the selected article.
pub(super) fn copy_current(s: &mut State, fx: &mut Vec<Effect>) {
    let url = match s.focus {
        Pane::Reader => s.reader.as_ref().and_then(|r| r.row.url.clone()),
        _ => s.target_article().and_then(|r| r.url.clone()),
    };
    match url {
        Some(u) => copy(s, u, fx),
        None => s.status.error = Some(Problem::Said(T::NoUrl)),
    }
}

/// Reads `url` in the reader: the current text goes on the history, the page is fetched
/// (the runner extracts it like an article and keeps it for the session).
pub(super) fn follow(s: &mut State, url: String, fx: &mut Vec<Effect>) {
    if crate::net::check_url(&url).is_err() {
        s.status.error = Some(Problem::Said(T::NotHttp));
        return;
    }
    if s.connectivity == Connectivity::Forced {
        s.status.error = Some(Problem::Offline);
        return;
    }
    let req = s.fresh_req();
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    if r.fetching() {
        fx.push(Effect::CancelFetch);
    }
    let host = url::Url::parse(&url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    let row = ArticleRow {
        feed_title: host,
        title: url.clone(),
        url: Some(url.clone()),
        published: None,
        read: true,
        rating: 0,
        full_text: false,
        reading_minutes: 0,
        story: None,
        ..r.row.clone()
    };
    let shown = Shown {
        row: std::mem::replace(&mut r.row, row),
        detail: r.detail.take(),
        mode: std::mem::replace(&mut r.mode, BodyMode::Full),
        body: r.body.take(),
        scroll: std::mem::take(&mut r.scroll),
        page: r.page.replace(url.clone()),
        // The page has its own pictures (the next render starts them afresh).
        pictures: std::mem::take(&mut r.pictures),
    };
    if r.history.len() >= MAX_HISTORY {
        r.history.remove(0);
    }
    r.history.push(shown);
    r.detail_req = 0;
    r.render_req = 0;
    r.fetch_req = Some(req);
    fx.push(Effect::FetchPage { req, url });
}

/// The followed page arrived (extracted), or could not be read: then the reader goes back.
pub(super) fn page_loaded(
    s: &mut State,
    req: u64,
    result: Result<Box<(StoredExtract, u32)>, Problem>,
    fx: &mut Vec<Effect>,
) {
    let Some(r) = s.reader.as_mut().filter(|r| r.fetch_req == Some(req)) else {
        return;
    };
    r.fetch_req = None;
    match result {
        Ok(page) => {
            let (extract, minutes) = *page;
            if let Some(t) = extract.meta.title.clone().filter(|t| !t.trim().is_empty()) {
                r.row.title = t;
            }
            r.row.full_text = true;
            r.row.reading_minutes = minutes;
            r.detail = Some(ArticleDetail {
                row: r.row.clone(),
                author: None,
                summary: None,
                content: None,
                full: Some(extract),
            });
            s.connectivity = s.connectivity.online_again();
            reader::render_body(s, fx);
        }
        Err(e) => {
            s.status.error = Some(e);
            back(s, fx);
        }
    }
}

/// Esc in the reader: back to the text shown before the link was followed. False when
/// the article itself is shown (the reader closes then).
pub(super) fn back(s: &mut State, fx: &mut Vec<Effect>) -> bool {
    let Some(r) = s.reader.as_mut() else {
        return false;
    };
    let Some(prev) = r.history.pop() else {
        return false;
    };
    if r.fetching() {
        fx.push(Effect::CancelFetch);
        r.fetch_req = None;
    }
    r.row = prev.row;
    r.detail = prev.detail;
    r.mode = prev.mode;
    r.body = prev.body;
    r.scroll = prev.scroll;
    r.page = prev.page;
    r.pictures = prev.pictures;
    r.hints = None;
    if r.detail.is_some() {
        // Wrapped again: the width may have changed, and a resize asks only for the newest.
        reader::render_body(s, fx);
    } else if r.page.is_none() {
        // The article's detail had not come yet: ask again.
        let req = s.fresh_req();
        if let Some(r) = s.reader.as_mut() {
            r.detail_req = req;
            fx.push(Effect::LoadDetail { req, id: r.row.id });
        }
    }
    reader::fetch_missing_full_text(s, fx);
    true
}
