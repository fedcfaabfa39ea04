//! The JSON shapes of interface.md and the plain-text tables of the headless commands.
//! Everything printed passes through `clean_line`: stored text is clean already, but
//! output is the last line of defence for the user's terminal.
use crate::refresh::skipped_until;
use crate::store::{ArticleRow, FeedRow};
use crate::text::clean_line;
use crate::text::wrap::{truncate, width};
use anyhow::Context;
use chrono::{DateTime, Local, SecondsFormat, Utc};
use serde_json::{Value, json};
use std::io::{IsTerminal, Write};

fn rfc3339(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, |t| {
        t.to_rfc3339_opts(SecondsFormat::Secs, true).into()
    })
}

/// The feed's last refresh result. A Retry-After wait is said afresh from `retry_until`:
/// the stored words were written in the refreshing process's time zone and day.
fn feed_status(f: &FeedRow, now: DateTime<Utc>) -> Option<String> {
    match f.retry_until {
        Some(until) => Some(format!("server busy; {}", skipped_until(until, now))),
        None => f.last_status.as_deref().map(clean_line),
    }
}

pub fn feed_json(f: &FeedRow, now: DateTime<Utc>) -> Value {
    json!({
        "id": f.id.0,
        "title": clean_line(&f.title),
        "url": clean_line(&f.url),
        "unread": f.unread,
        "total": f.total,
        "last_status": feed_status(f, now),
        "last_refreshed": rfc3339(f.last_refreshed),
        "category": f.category.as_deref().map(clean_line),
    })
}

pub fn article_json(a: &ArticleRow) -> Value {
    json!({
        "id": a.id.0,
        "feed_id": a.feed_id.0,
        "feed": clean_line(&a.feed_title),
        "title": clean_line(&a.title),
        "url": a.url.as_deref().map(clean_line),
        "published": rfc3339(a.published),
        "read": a.read,
        "rating": a.rating,
        "full_text": a.full_text,
        "reading_minutes": a.reading_minutes,
        "story": a.story,
    })
}

pub fn print_json(value: &Value) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    emit(&text)
}

/// Writes `text` to stdout. A reader that stopped reading (`docbao feeds | head`) is not
/// an error: println! would panic there, since Rust ignores SIGPIPE.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.context("cannot write to standard output"),
    }
}

/// One line per item, for [`emit`]. With `fit` and a terminal, each line is cut to its
/// width so that a list keeps one row per item (the full text is in `--json`).
pub fn lines<T>(items: &[T], fit: bool, line: impl Fn(&T) -> String) -> String {
    let columns = columns(fit);
    let mut text = String::new();
    for item in items {
        let line = line(item);
        match columns {
            Some(w) => text.push_str(&truncate(&line, w)),
            None => text.push_str(&line),
        }
        text.push('\n');
    }
    text
}

/// The terminal's width when `fit` and stdout is a terminal.
fn columns(fit: bool) -> Option<usize> {
    (fit && std::io::stdout().is_terminal())
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w).max(20))
}

/// Writes articles to stdout as the store reads them, as `--json` (the same text as
/// [`print_json`] of the whole array) or as lines cut to the terminal: memory stays the
/// same for any number of rows.
pub struct ArticlePrinter {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    json: bool,
    columns: Option<usize>,
    rows: usize,
    error: Option<std::io::Error>,
}

impl ArticlePrinter {
    pub fn new(json: bool) -> ArticlePrinter {
        ArticlePrinter {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            json,
            columns: columns(true),
            rows: 0,
            error: None,
        }
    }

    /// Writes one row; false once writing failed (the store stops reading).
    pub fn row(&mut self, a: &ArticleRow) -> bool {
        match self.write(a) {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }

    fn write(&mut self, a: &ArticleRow) -> std::io::Result<()> {
        if self.json {
            let text = serde_json::to_string_pretty(&article_json(a))?;
            self.out
                .write_all(if self.rows == 0 { b"[\n" } else { b",\n" })?;
            for (i, line) in text.lines().enumerate() {
                if i > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(b"  ")?;
                self.out.write_all(line.as_bytes())?;
            }
        } else {
            let line = article_line(a);
            let line = match self.columns {
                Some(w) => truncate(&line, w),
                None => line,
            };
            self.out.write_all(line.as_bytes())?;
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    /// Closes the array and flushes. A reader that stopped reading is not an error.
    pub fn finish(mut self) -> anyhow::Result<()> {
        let end: &[u8] = match (self.json, self.rows) {
            (false, _) => b"",
            (true, 0) => b"[]\n",
            (true, _) => b"\n]\n",
        };
        let result = match self.error.take() {
            Some(e) => Err(e),
            None => self.out.write_all(end).and_then(|()| self.out.flush()),
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            written => written.context("cannot write to standard output"),
        }
    }
}

/// Pads `s` with spaces to `cols` terminal columns, truncating by grapheme.
fn cell(s: &str, cols: usize) -> String {
    let s = truncate(&clean_line(s), cols);
    let pad = cols.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// A moment in the user's time zone as `format` gives it; empty when unknown (the callers
/// pad it, so that the columns after it stay aligned).
fn local(t: Option<DateTime<Utc>>, format: &str) -> String {
    t.map(|t| t.with_timezone(&Local).format(format).to_string())
        .unwrap_or_default()
}

/// id, title, unread/total, when last refreshed (month-day hour:minute: the year is this
/// one nearly always) and how it went: at most 66 columns before the status.
pub fn feed_line(f: &FeedRow, now: DateTime<Utc>) -> String {
    let status = feed_status(f, now).unwrap_or_else(|| "never refreshed".to_owned());
    format!(
        "{:>4}  {}  {:>5}/{:<5}  {:<11}  {}",
        f.id.0,
        cell(&f.title, 32),
        f.unread,
        f.total,
        local(f.last_refreshed, "%m-%d %H:%M"),
        status
    )
}

pub fn stars(rating: u8) -> String {
    let r = usize::from(rating.min(5));
    format!("[{}{}]", "*".repeat(r), "-".repeat(5 - r))
}

pub fn article_line(a: &ArticleRow) -> String {
    let date = local(a.published, "%Y-%m-%d %H:%M");
    format!(
        "{:>6} {} {} {:<16}  {}  {}",
        a.id.0,
        if a.read { ' ' } else { 'N' },
        stars(a.rating),
        date,
        cell(&a.feed_title, 16),
        clean_line(&a.title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{ArticleId, FeedId};

    fn feed(title: &str) -> FeedRow {
        FeedRow {
            id: FeedId(7),
            title: title.to_owned(),
            url: "http://127.0.0.1/f.xml".to_owned(),
            unread: 2,
            total: 5,
            last_status: Some("HTTP 500\u{1b}[2J".into()),
            ..FeedRow::default()
        }
    }

    fn clean(s: &str) -> bool {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        !s.chars().any(|c| c.is_control() && c != '\n')
            && !s.contains('\u{202e}')
            && is_nfc_quick(s.chars()) == IsNormalized::Yes
    }

    #[test]
    fn every_output_is_nfc_and_free_of_controls() {
        let hostile = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t \u{1b}]0;x\u{7}\u{202e}";
        let now = Utc::now();
        let f = feed(hostile);
        let line = feed_line(&f, now);
        assert!(clean(&line) && line.contains("Tiếng Việt"), "{line:?}");
        // The values themselves: serialised JSON would only show escapes.
        let json = feed_json(&f, now);
        let strings = |v: &Value| -> Vec<String> {
            let fields = v.as_object().unwrap().values();
            fields
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        };
        assert!(strings(&json).iter().all(|s| clean(s)), "{json}");
        assert_eq!(json["title"], "Tiếng Việt");
        let a = ArticleRow {
            id: ArticleId(3),
            feed_id: FeedId(7),
            feed_title: hostile.to_owned(),
            title: hostile.to_owned(),
            url: Some("http://127.0.0.1/a\u{9b}1".to_owned()),
            published: None,
            read: false,
            rating: 4,
            full_text: false,
            reading_minutes: 3,
            story: None,
        };
        let line = article_line(&a);
        assert!(clean(&line) && line.contains("[****-]"), "{line:?}");
        let json = article_json(&a);
        assert!(strings(&json).iter().all(|s| clean(s)), "{json}");
        // The 8-bit CSI takes its parameter with it.
        assert_eq!(json["url"], "http://127.0.0.1/a");
    }

    #[test]
    fn a_retry_after_wait_is_said_afresh() {
        let now = Utc::now();
        let mut f = feed("Bận");
        f.retry_until = Some(now + chrono::Duration::minutes(30));
        let expected = format!(
            "server busy; {}",
            skipped_until(now + chrono::Duration::minutes(30), now)
        );
        assert!(feed_line(&f, now).ends_with(&expected));
        assert_eq!(feed_json(&f, now)["last_status"], expected.as_str());
        f.retry_until = None;
        assert!(feed_line(&f, now).ends_with("HTTP 500"));
        f.last_status = None;
        assert!(feed_line(&f, now).ends_with("never refreshed"));
    }
}
