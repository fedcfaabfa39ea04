//! Saved searches: a name, an FTS query and filters (feed, unread, minimum rating, the last
//! N days), listed
//! with their unread and total counts, and opened as a list of articles newest first.
//! Counting and opening run the FTS match once and filter the joined rows: linear in the
//! matches, without ranking them.
use super::search::fts_query;
use super::sql::{ARTICLE_COLS, article_row, rating, ts};
use super::{ArticleRow, Result, StoreError};
use crate::feed::FeedId;
use chrono::Utc;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

/// Longest name and query kept.
const MAX_NAME: usize = 200;
const MAX_QUERY: usize = 1000;
/// The widest window of `--days`: ten years.
const MAX_DAYS: u32 = 3650;

/// One saved search as written by `search --save`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
    pub feed: Option<FeedId>,
    pub unread_only: bool,
    pub min_rating: u8,
    /// Only articles dated within this many days of now (a window that moves).
    pub days: Option<u32>,
}

/// A saved search with its counts (hidden articles excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearchRow {
    pub search: SavedSearch,
    pub unread: i64,
    pub total: i64,
}

/// Saves (or replaces) a search by name; true when it was new.
pub(super) fn save(conn: &Connection, s: &SavedSearch) -> Result<bool> {
    let name = s.name.trim();
    if name.is_empty() || name.len() > MAX_NAME {
        return Err(StoreError::Other(format!(
            "a saved search needs a name of 1 to {MAX_NAME} bytes"
        )));
    }
    if s.query.len() > MAX_QUERY || fts_query(&s.query).is_none() {
        return Err(StoreError::Other(format!(
            "a saved search needs a query with at least one word (at most {MAX_QUERY} bytes)"
        )));
    }
    if s.days.is_some_and(|d| !(1..=MAX_DAYS).contains(&d)) {
        return Err(StoreError::Other(format!("--days is 1 to {MAX_DAYS}")));
    }
    if s.min_rating > 5 {
        return Err(StoreError::Other("--min-rating is 0 to 5".into()));
    }
    let existed = conn
        .prepare_cached("SELECT 1 FROM saved_searches WHERE name = ?1")?
        .query_row([name], |_| Ok(()))
        .optional()?
        .is_some();
    conn.prepare_cached(
        "INSERT INTO saved_searches (name, query, feed_id, unread, min_rating, days, \
         position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, \
         (SELECT coalesce(max(position), 0) + 1 FROM saved_searches)) \
         ON CONFLICT (name) DO UPDATE SET query = ?2, feed_id = ?3, unread = ?4, \
         min_rating = ?5, days = ?6",
    )?
    .execute(params![
        name,
        s.query.trim(),
        s.feed.map(|f| f.0),
        s.unread_only,
        s.min_rating,
        s.days
    ])?;
    Ok(!existed)
}

pub(super) fn delete(conn: &Connection, name: &str) -> Result<()> {
    let n = conn
        .prepare_cached("DELETE FROM saved_searches WHERE name = ?1")?
        .execute([name.trim()])?;
    if n == 0 {
        return Err(StoreError::Other(format!(
            "no saved search named \"{}\"",
            crate::text::clean_line(name)
        )));
    }
    Ok(())
}

fn load(conn: &Connection, name: &str) -> Result<SavedSearch> {
    conn.prepare_cached(
        "SELECT name, query, feed_id, unread, min_rating, days FROM saved_searches \
         WHERE name = ?1",
    )?
    .query_row([name.trim()], saved_row)
    .optional()?
    .ok_or_else(|| {
        StoreError::Other(format!(
            "no saved search named \"{}\"",
            crate::text::clean_line(name)
        ))
    })
}

fn saved_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SavedSearch> {
    Ok(SavedSearch {
        name: r.get(0)?,
        query: r.get(1)?,
        feed: r.get::<_, Option<i64>>(2)?.map(FeedId),
        unread_only: r.get(3)?,
        min_rating: rating(r.get(4)?),
        days: r.get(5)?,
    })
}

/// The WHERE clause of a saved search over `articles_fts JOIN articles a`, and its
/// arguments; `None` when its query has no word (it then matches nothing).
fn filter(s: &SavedSearch) -> Option<(String, Vec<Value>)> {
    let fts = fts_query(&s.query)?;
    let mut sql = String::from("articles_fts MATCH ? AND a.hidden = 0");
    let mut args = vec![Value::Text(fts)];
    if let Some(feed) = s.feed {
        sql.push_str(" AND a.feed_id = ?");
        args.push(Value::Integer(feed.0));
    }
    if s.unread_only {
        sql.push_str(" AND a.read = 0");
    }
    if s.min_rating > 0 {
        sql.push_str(" AND a.rating >= ?");
        args.push(Value::Integer(i64::from(s.min_rating)));
    }
    if let Some(days) = s.days {
        let since = Utc::now() - chrono::Duration::days(i64::from(days));
        sql.push_str(" AND a.sort_date >= ?");
        args.push(Value::Integer(ts(since)));
    }
    Some((sql, args))
}

/// Every saved search with its counts, in the order they were saved.
pub(super) fn list(conn: &Connection) -> Result<Vec<SavedSearchRow>> {
    let searches: Vec<SavedSearch> = conn
        .prepare_cached(
            "SELECT name, query, feed_id, unread, min_rating, days FROM saved_searches \
             ORDER BY position, name",
        )?
        .query_map([], saved_row)?
        .collect::<rusqlite::Result<_>>()?;
    searches.into_iter().map(|s| counts(conn, s)).collect()
}

fn counts(conn: &Connection, search: SavedSearch) -> Result<SavedSearchRow> {
    let Some((cond, args)) = filter(&search) else {
        return Ok(SavedSearchRow {
            search,
            unread: 0,
            total: 0,
        });
    };
    let sql = format!(
        "SELECT coalesce(sum(a.read = 0), 0), count(*) FROM articles_fts \
         JOIN articles a ON a.id = articles_fts.rowid WHERE {cond}"
    );
    let (unread, total) = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(SavedSearchRow {
        search,
        unread,
        total,
    })
}

/// The articles of a saved search, newest first, at most `limit`.
pub(super) fn articles(conn: &Connection, name: &str, limit: usize) -> Result<Vec<ArticleRow>> {
    let search = load(conn, name)?;
    let Some((cond, mut args)) = filter(&search) else {
        return Ok(Vec::new());
    };
    args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT {ARTICLE_COLS} FROM articles_fts \
         JOIN articles a ON a.id = articles_fts.rowid JOIN feeds f ON f.id = a.feed_id \
         WHERE {cond} ORDER BY a.sort_date DESC, a.id DESC LIMIT ?"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
