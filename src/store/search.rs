//! Full-text search: a folded copy of each article (title; summary and content; the full
//! text) in the contentless FTS5 table `articles_fts`, queried with the query folded the
//! same way. Folding (đ -> d, tones and case dropped) is `crate::text::fold`, so "duong sat"
//! finds "Đường sắt" and "ổ" matches "o".
use super::sql::{ARTICLE_COLS, article_row};
use super::strip::html_to_index_text;
use super::{ArticleRow, Result};
use crate::text::fold;
use rusqlite::{Connection, params};

/// bm25 column weights: a word in the title counts for more than one in the body.
const RANK: &str = "bm25(articles_fts, 5.0, 1.0, 1.0)";

/// The text of one article as the index sees it, before folding.
pub(super) struct IndexText<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub content: Option<&'a str>,
    pub full_html: Option<&'a str>,
}

/// Writes (or rewrites) the index row of article `id`.
pub(super) fn index(conn: &Connection, id: i64, text: &IndexText<'_>) -> Result<()> {
    let title = fold(text.title);
    let mut body = String::new();
    for part in [text.summary, text.content].into_iter().flatten() {
        body.push_str(&html_to_index_text(part));
        body.push('\n');
    }
    let body = fold(&body);
    let full = text
        .full_html
        .map(|h| fold(&html_to_index_text(h)))
        .unwrap_or_default();
    conn.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached(
        "INSERT INTO articles_fts(rowid, title, body, full) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, title, body, full])?;
    Ok(())
}

/// Rebuilds the index row of `id` from what `articles` holds now.
pub(super) fn reindex(conn: &Connection, id: i64) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("SELECT title, summary, content, full_html FROM articles WHERE id = ?1")?;
    let mut rows = stmt.query([id])?;
    if let Some(r) = rows.next()? {
        let title: String = r.get(0)?;
        let summary: Option<String> = r.get(1)?;
        let content: Option<String> = r.get(2)?;
        let full_html: Option<String> = r.get(3)?;
        let text = IndexText {
            title: &title,
            summary: summary.as_deref(),
            content: content.as_deref(),
            full_html: full_html.as_deref(),
        };
        index(conn, id, &text)?;
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
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

pub(super) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<ArticleRow>> {
    let Some(fts) = fts_query(query) else {
        return Ok(Vec::new());
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT {ARTICLE_COLS} FROM articles_fts \
         JOIN articles a ON a.id = articles_fts.rowid \
         JOIN feeds f ON f.id = a.feed_id \
         WHERE articles_fts MATCH ?1 \
         ORDER BY {RANK}, a.sort_date DESC, a.id DESC LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![fts, limit], article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
    }
}
