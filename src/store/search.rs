//! Full-text search: a folded copy of each article (title; summary and content; the full
//! text) in the contentless FTS5 table `articles_fts`, queried with the query folded the
//! same way. Folding (đ -> d, tones and case dropped) is `crate::text::fold`, so "duong sat"
//! finds "Đường sắt" and "ổ" matches "o".
use super::sql::{ARTICLE_COLS, article_row};
use super::strip::html_to_index_text;
use super::{ArticleRow, Result};
use crate::text::fold;
use crate::text::reading::reading_minutes;
use rusqlite::{Connection, params};

/// A pasted page is not a query: words past this many are ignored.
const MAX_TERMS: usize = 32;

/// bm25 column weights: a word in the title counts for more than one in the body.
const RANK: &str = "bm25(articles_fts, 5.0, 1.0, 1.0)";

/// The text of one article as the index sees it, before folding.
#[derive(Clone)]
pub(super) struct IndexText<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub content: Option<&'a str>,
    pub full_html: Option<&'a str>,
}

/// The folded text of one article, as the index stores it. Folding and stripping HTML are
/// pure and cost more than the insert, so a refresh computes this off the store's thread
/// (see `PreparedFeed`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    title: String,
    body: String,
    full: String,
    /// Reading time of the text a reader gets: the full article when cached, else the
    /// longer of the feed's summary and content (as `ArticleDetail::feed_html` picks).
    pub(super) minutes: u32,
}

impl Folded {
    pub(super) fn of(text: &IndexText<'_>) -> Folded {
        let mut body = String::new();
        let (mut longest, mut feed_minutes) = (0, 0);
        for part in [text.summary, text.content].into_iter().flatten() {
            let stripped = html_to_index_text(part);
            if part.len() >= longest {
                longest = part.len();
                feed_minutes = reading_minutes(&stripped);
            }
            body.push_str(&stripped);
            body.push('\n');
        }
        let full = text.full_html.map(html_to_index_text);
        let minutes = full.as_deref().map_or(feed_minutes, reading_minutes);
        Folded {
            title: fold(text.title),
            body: fold(&body),
            full: full.as_deref().map(fold).unwrap_or_default(),
            minutes,
        }
    }
}

/// Adds the index row of article `id`, which must have none.
///
/// FTS5 keeps pending rows in memory and writes them out as one segment, but it must flush
/// whenever a rowid is not above the previous one or an insert follows a delete. So callers
/// delete first and insert in ascending id order: one flush per transaction rather than one
/// segment (and a cascade of merges) per article.
pub(super) fn add(conn: &Connection, id: i64, folded: &Folded) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO articles_fts(rowid, title, body, full) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, folded.title, folded.body, folded.full])?;
    Ok(())
}

fn remove(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
        .execute([id])?;
    Ok(())
}

/// What `articles` holds for the index, owned.
struct Stored {
    title: String,
    summary: Option<String>,
    content: Option<String>,
    full_html: Option<String>,
}

impl Stored {
    fn load(conn: &Connection, id: i64) -> Result<Option<Stored>> {
        let mut stmt = conn.prepare_cached(
            "SELECT title, summary, content, full_html FROM articles WHERE id = ?1",
        )?;
        let mut rows = stmt.query([id])?;
        let Some(r) = rows.next()? else {
            return Ok(None);
        };
        Ok(Some(Stored {
            title: r.get(0)?,
            summary: r.get(1)?,
            content: r.get(2)?,
            full_html: r.get(3)?,
        }))
    }

    fn text(&self) -> IndexText<'_> {
        IndexText {
            title: &self.title,
            summary: self.summary.as_deref(),
            content: self.content.as_deref(),
            full_html: self.full_html.as_deref(),
        }
    }
}

/// Rebuilds the index row of `id` from what `articles` holds now.
pub(super) fn reindex(conn: &Connection, id: i64) -> Result<()> {
    remove(conn, id)?;
    if let Some(stored) = Stored::load(conn, id)? {
        let folded = Folded::of(&stored.text());
        set_minutes(conn, id, folded.minutes)?;
        add(conn, id, &folded)?;
    }
    Ok(())
}

/// The reading time follows the text: written whenever the index row is rebuilt.
fn set_minutes(conn: &Connection, id: i64, minutes: u32) -> Result<()> {
    conn.prepare_cached("UPDATE articles SET reading_minutes = ?2 WHERE id = ?1")?
        .execute(params![id, minutes])?;
    Ok(())
}

/// Fills `reading_minutes` of articles stored before the column existed (once, when the
/// cache is migrated), from the same text the index reads.
pub(super) fn backfill_minutes(conn: &Connection) -> Result<usize> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM articles WHERE reading_minutes IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for &id in &ids {
        if let Some(stored) = Stored::load(conn, id)? {
            set_minutes(conn, id, Folded::of(&stored.text()).minutes)?;
        }
    }
    Ok(ids.len())
}

/// The index work of one fetch: rows of `changed` articles rebuilt from the table, rows of
/// `added` ones written, all in the order that FTS5 writes cheaply (see [`add`]).
pub(super) fn index_fetch(
    conn: &Connection,
    changed: &mut [i64],
    added: Vec<(i64, Folded)>,
) -> Result<()> {
    changed.sort_unstable();
    for &id in changed.iter() {
        remove(conn, id)?;
    }
    let mut stored = Vec::with_capacity(changed.len());
    for &id in changed.iter() {
        if let Some(s) = Stored::load(conn, id)? {
            stored.push((id, s));
        }
    }
    let mut rows: Vec<(i64, Folded)> = stored
        .iter()
        .map(|(id, s)| (*id, Folded::of(&s.text())))
        .collect();
    for (id, folded) in &rows {
        set_minutes(conn, *id, folded.minutes)?;
    }
    rows.extend(added);
    rows.sort_unstable_by_key(|(id, _)| *id);
    for (id, folded) in &rows {
        add(conn, *id, folded)?;
    }
    Ok(())
}

/// The FTS5 query for user input: every folded word as a quoted prefix term, all required.
/// Quoting makes `"`, `*`, `AND`, `NEAR(` and the like plain words, never syntax. `None` when
/// the input has no word at all.
pub fn fts_query(input: &str) -> Option<String> {
    let folded = fold(input);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_TERMS)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

pub(super) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<ArticleRow>> {
    let mut rows = Vec::new();
    each_result(conn, query, limit, &mut |row| {
        rows.push(row);
        true
    })?;
    Ok(rows)
}

/// [`search`] one row at a time, as SQLite reads them; `f` returns false to stop.
pub(super) fn each_result(
    conn: &Connection,
    query: &str,
    limit: usize,
    f: &mut dyn FnMut(ArticleRow) -> bool,
) -> Result<()> {
    let Some(fts) = fts_query(query) else {
        return Ok(());
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    // Articles whose title holds every word come first: bm25's title weight alone lets a
    // short summary that mentions the words outrank the article named by them.
    let in_title = format!("title : ({fts})");
    let sql = format!(
        "SELECT {ARTICLE_COLS} FROM articles_fts \
         JOIN articles a ON a.id = articles_fts.rowid \
         JOIN feeds f ON f.id = a.feed_id \
         WHERE articles_fts MATCH ?1 AND a.hidden = 0 \
         ORDER BY a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?3) DESC, \
         {RANK}, a.sort_date DESC, a.id DESC LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for row in stmt.query_map(params![fts, limit, in_title], article_row)? {
        if !f(row?) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_quoted_prefixes() {
        assert_eq!(
            fts_query("Đường sắt").as_deref(),
            Some("\"duong\"* \"sat\"*")
        );
        assert_eq!(fts_query("HA NOI").as_deref(), Some("\"ha\"* \"noi\"*"));
        assert_eq!(fts_query("ổ").as_deref(), Some("\"o\"*"));
        assert_eq!(fts_query("\"a\" OR *").as_deref(), Some("\"a\"* \"or\"*"));
        assert_eq!(
            fts_query("Vie\u{323}\u{302}t").as_deref(),
            Some("\"viet\"*")
        );
        assert_eq!(fts_query(" \"*()- ^ "), None);
        assert_eq!(fts_query(""), None);
        let long = "từ ".repeat(1000);
        assert_eq!(fts_query(&long).unwrap().matches('*').count(), MAX_TERMS);
    }
}
