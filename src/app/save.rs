//! Saving the article to a file from the reader: a prompt with a proposed path (the
//! download dir, else the cwd; `.md` writes Markdown, any other name plain text, with the
//! writer `docbao read --format md` uses). An existing file is never overwritten silently:
//! the runner creates the file only if it is new, and a second Enter on the same path is
//! the user's yes.
use super::effect::{BodyMode, Effect};
pub use super::effect::{SaveJob, SaveResult};
pub use super::reader::SavePrompt;
use super::{Pane, State};
use crate::i18n::reading;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Longest path the prompt takes, in bytes.
const MAX_INPUT: usize = 4096;

/// A file name from the title: folded to ASCII, words joined by '-', 60 bytes at most.
pub fn file_name(title: &str) -> String {
    let folded = crate::text::fold::fold(title);
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("docbao");
    }
    out.push_str(".md");
    out
}

/// Opens the prompt (once the text has loaded).
pub(super) fn start(s: &mut State) {
    if s.focus != Pane::Reader {
        return;
    }
    let dir = s.save_dir.clone();
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    if r.detail.is_none() {
        s.status.message = Some(reading::nothing_to_save(s.lang).into());
        return;
    }
    r.hints = None;
    let path = dir.join(file_name(&r.row.title));
    r.save = Some(SavePrompt {
        input: path.to_string_lossy().into_owned(),
        exists: None,
    });
}

/// A key in the prompt: typing edits the path, Enter saves, Esc closes.
pub(super) fn key(s: &mut State, k: KeyEvent, fx: &mut Vec<Effect>) {
    let Some(p) = s.reader.as_mut().and_then(|r| r.save.as_mut()) else {
        return;
    };
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Esc => {
            if let Some(r) = s.reader.as_mut() {
                r.save = None;
            }
        }
        KeyCode::Enter => submit(s, fx),
        KeyCode::Backspace => {
            p.input.pop();
        }
        KeyCode::Char('u') if ctrl => p.input.clear(),
        KeyCode::Char('h') if ctrl => {
            p.input.pop();
        }
        KeyCode::Char(c) if !ctrl && !c.is_control() && p.input.len() < MAX_INPUT => {
            p.input.push(c)
        }
        _ => {}
    }
}

/// Pasted text goes into the prompt (one line of it).
pub(super) fn paste(s: &mut State, text: &str) {
    if let Some(p) = s.reader.as_mut().and_then(|r| r.save.as_mut()) {
        for c in text.chars().filter(|c| !c.is_control()) {
            if p.input.len() + c.len_utf8() > MAX_INPUT {
                break;
            }
            p.input.push(c);
        }
    }
}

fn submit(s: &mut State, fx: &mut Vec<Effect>) {
    let lang = s.lang;
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let (Some(p), Some(detail)) = (r.save.as_ref(), r.detail.as_ref()) else {
        return;
    };
    let path = p.input.trim().to_string();
    if path.is_empty() {
        return;
    }
    let overwrite = p.exists.as_deref() == Some(path.as_str());
    let full = detail.full.as_ref().filter(|_| r.mode == BodyMode::Full);
    let html = super::reader::body_html(detail, r.mode)
        .unwrap_or_default()
        .to_string();
    let mut meta = full.map(|f| f.meta.clone()).unwrap_or_default();
    if meta.title.is_none() {
        meta.title = Some(r.row.title.clone());
    }
    if meta.byline.is_none() {
        meta.byline = detail.author.clone();
    }
    if meta.published.is_none() {
        meta.published = r.row.published.map(|d| d.to_rfc3339());
    }
    if meta.url.is_none() {
        meta.url = r.row.url.clone();
    }
    // The same words as `docbao read` when the feed's text stands in for the page.
    let notice = full
        .is_none()
        .then(|| reading::feed_summary(lang).to_string());
    let source = r.page.is_none().then(|| r.row.feed_title.clone());
    fx.push(Effect::SaveArticle(Box::new(SaveJob {
        path,
        overwrite,
        html,
        meta,
        source,
        notice,
    })));
}

/// The runner's answer.
pub(super) fn done(s: &mut State, result: SaveResult) {
    let lang = s.lang;
    let prompt = s.reader.as_mut().and_then(|r| r.save.as_mut());
    match result {
        SaveResult::Saved(path) => {
            if let Some(r) = s.reader.as_mut() {
                r.save = None;
            }
            s.status.message = Some(reading::saved_to(lang, &crate::text::clean_line(&path)));
        }
        SaveResult::Exists(path) => {
            s.status.message = Some(reading::exists(lang, &crate::text::clean_line(&path)));
            if let Some(p) = prompt {
                p.exists = Some(path);
            }
        }
        SaveResult::Failed(e) => s.status.error = Some(super::Problem::Text(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_folded_and_short() {
        assert_eq!(
            file_name("Hà Nội: mưa lớn, đường ngập"),
            "ha-noi-mua-lon-duong-ngap.md"
        );
        assert_eq!(file_name("…"), "docbao.md");
        assert!(file_name(&"từ ".repeat(100)).len() <= 63);
    }
}
