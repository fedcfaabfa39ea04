//! The JSON shapes of interface.md and the plain-text tables of the headless commands.
//! Everything printed passes through `clean_line`: stored text is clean already, but
//! output is the last line of defence for the user's terminal.
use crate::store::{ArticleRow, FeedRow};
use crate::text::clean_line;
use crate::text::wrap::{truncate, width};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

fn rfc3339(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, |t| {
        t.to_rfc3339_opts(SecondsFormat::Secs, true).into()
    })
}

pub fn feed_json(f: &FeedRow) -> Value {
    json!({
        "id": f.id.0,
        "title": clean_line(&f.title),
        "url": clean_line(&f.url),
        "unread": f.unread,
        "total": f.total,
        "last_status": f.last_status.as_deref().map(clean_line),
        "last_refreshed": rfc3339(f.last_refreshed),
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
    })
}

pub fn print_json(value: &Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Pads `s` with spaces to `cols` terminal columns, truncating by grapheme.
fn cell(s: &str, cols: usize) -> String {
    let s = truncate(&clean_line(s), cols);
    let pad = cols.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(pad))
}

pub fn feed_line(f: &FeedRow) -> String {
    let status = f.last_status.as_deref().unwrap_or("never refreshed");
    format!(
        "{:>4}  {}  {:>5}/{:<5}  {}",
        f.id.0,
        cell(&f.title, 40),
        f.unread,
        f.total,
        clean_line(status)
    )
}

pub fn stars(rating: u8) -> String {
    let r = usize::from(rating.min(5));
    format!("[{}{}]", "*".repeat(r), "-".repeat(5 - r))
}

pub fn article_line(a: &ArticleRow) -> String {
    let date = a
        .published
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| " ".repeat(16));
    format!(
        "{:>6} {} {} {}  {}  {}",
        a.id.0,
        if a.read { ' ' } else { 'N' },
        stars(a.rating),
        date,
        cell(&a.feed_title, 16),
        clean_line(&a.title)
    )
}
