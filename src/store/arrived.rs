//! What a refresh brought: the newest article id before it, and the articles stored after
//! that id (ids only grow), for the reader's background refresh and its notification.
use super::Result;
use super::sql::{ARTICLE_COLS, article_row};
use crate::feed::ArticleId;
use crate::store::ArticleRow;
use rusqlite::{Connection, params};

pub(super) fn newest_id(conn: &Connection) -> Result<ArticleId> {
    let id: Option<i64> = conn
        .prepare_cached("SELECT max(id) FROM articles")?
        .query_row([], |r| r.get(0))?;
    Ok(ArticleId(id.unwrap_or(0)))
}

/// Articles (not hidden) stored after `id`, oldest first, at most `limit`.
pub(super) fn after(conn: &Connection, id: ArticleId, limit: usize) -> Result<Vec<ArticleRow>> {
    let sql = format!(
        "SELECT {ARTICLE_COLS} FROM articles a JOIN feeds f ON f.id = a.feed_id \
         WHERE a.id > ?1 AND a.hidden = 0 ORDER BY a.id LIMIT ?2"
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![id.0, limit], article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
