//! Articles: listing, reading, the user's own state, cached full texts, retention.
use super::queue::{ArticleChange, record_article};
use super::search::reindex;
use super::sql::{ARTICLE_COLS, article_row, from_ts, ts};
use super::{
    ArticleDetail, ArticleQuery, ArticleRow, ArticleSort, Result, StoreError, StoredExtract,
};
use crate::arrival::Subject;
use crate::feed::ArticleId;
use crate::feed::model::ArticleMeta;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params, params_from_iter};

/// Newest first by `sort_date` (published, else first seen); the (feed_id, sort_date, id)
/// and (sort_date, id) indexes give this order without sorting, so a LIMIT reads only what
/// it returns.
pub(super) fn articles(conn: &Connection, q: &ArticleQuery) -> Result<Vec<ArticleRow>> {
    let mut rows = Vec::new();
    each_article(conn, q, &mut |row| {
        rows.push(row);
        true
    })?;
    Ok(rows)
}

/// [`articles`] one row at a time, as SQLite reads them; `f` returns false to stop.
pub(super) fn each_article(
    conn: &Connection,
    q: &ArticleQuery,
    f: &mut dyn FnMut(ArticleRow) -> bool,
) -> Result<()> {
    let (sql, args) = articles_sql(q);
    let mut stmt = conn.prepare_cached(&sql)?;
    for row in stmt.query_map(params_from_iter(args), article_row)? {
        if !f(row?) {
            break;
        }
    }
    Ok(())
}

/// The statement for `q` and its arguments; only the filters in use appear, so that SQLite
/// can pick the index that matches them.
fn articles_sql(q: &ArticleQuery) -> (String, Vec<Value>) {
    let mut sql = format!("SELECT {ARTICLE_COLS} FROM articles a JOIN feeds f ON f.id = a.feed_id");
    // Hidden by an arrival rule: out of every list.
    let mut conds: Vec<&str> = vec!["a.hidden = 0"];
    let mut args: Vec<Value> = Vec::new();
    if let Some(feed) = q.feed {
        conds.push("a.feed_id = ?");
        args.push(Value::Integer(feed.0));
    }
    if q.unread_only {
        conds.push("a.read = 0");
    }
    if q.min_rating > 0 {
        conds.push("a.rating >= ?");
        args.push(Value::Integer(i64::from(q.min_rating)));
    }
    sql.push_str(" WHERE ");
    sql.push_str(&conds.join(" AND "));
    sql.push_str(match q.sort {
        ArticleSort::Newest => " ORDER BY a.sort_date DESC, a.id DESC",
        ArticleSort::HighestRated => " ORDER BY a.rating DESC, a.sort_date DESC, a.id DESC",
    });
    if let Some(limit) = q.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    }
    (sql, args)
}

pub(super) fn article(conn: &Connection, id: ArticleId) -> Result<ArticleDetail> {
    let sql = format!(
        "SELECT {ARTICLE_COLS}, a.author, a.summary, a.content, a.full_html, a.full_meta, \
         a.full_fetched_at FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id.0], |r| {
            let full_html: Option<String> = r.get(14)?;
            let meta: Option<String> = r.get(15)?;
            let fetched_at: Option<i64> = r.get(16)?;
            let full = full_html.map(|html| StoredExtract {
                html,
                meta: parse_meta(meta.as_deref(), id),
                fetched_at: from_ts(fetched_at.unwrap_or(0)),
            });
            Ok(ArticleDetail {
                row: article_row(r)?,
                author: r.get(11)?,
                summary: r.get(12)?,
                content: r.get(13)?,
                full,
            })
        })
        .optional()?
        .ok_or_else(|| no_such(id))
}

/// A damaged metadata column costs the header, not the article.
fn parse_meta(json: Option<&str>, id: ArticleId) -> ArticleMeta {
    json.and_then(|j| match serde_json::from_str(j) {
        Ok(meta) => Some(meta),
        Err(e) => {
            tracing::warn!("article {}: unreadable cached metadata: {e}", id.0);
            None
        }
    })
    .unwrap_or_default()
}

fn no_such(id: ArticleId) -> StoreError {
    StoreError::NoSuchArticle(id.0.to_string())
}

/// The user's own state, written with synchronous=FULL so that it is on disk when this
/// returns: a kill -9 or power cut right after keeps it. The sync queue entry (for a synced
/// article) is written in the same transaction.
fn write_durably(
    conn: &mut Connection,
    id: ArticleId,
    sql: &str,
    value: i64,
    change: ArticleChange,
) -> Result<()> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let written = (|| -> Result<()> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.prepare_cached(sql)?.execute(params![id.0, value])?;
        if n == 0 {
            return Err(no_such(id));
        }
        record_article(&tx, id.0, change)?;
        tx.commit()?;
        Ok(())
    })();
    let restored = conn.pragma_update(None, "synchronous", "NORMAL");
    written?;
    restored?;
    Ok(())
}

pub(super) fn set_rating(conn: &mut Connection, id: ArticleId, rating: u8) -> Result<()> {
    if rating > 5 {
        return Err(StoreError::Other(format!(
            "a rating is 0 to 5 stars (0 clears it), not {rating}"
        )));
    }
    let sql = "UPDATE articles SET rating = ?2 WHERE id = ?1";
    write_durably(
        conn,
        id,
        sql,
        i64::from(rating),
        ArticleChange::Rate(rating),
    )
}

pub(super) fn set_read(conn: &mut Connection, id: ArticleId, read: bool) -> Result<()> {
    let sql = "UPDATE articles SET read = ?2 WHERE id = ?1";
    write_durably(conn, id, sql, i64::from(read), ArticleChange::Read(read))
}

pub(super) fn save_full_text(
    conn: &mut Connection,
    id: ArticleId,
    extract: &StoredExtract,
) -> Result<()> {
    let meta = serde_json::to_string(&extract.meta)
        .map_err(|e| StoreError::Other(format!("cannot encode the article's metadata: {e}")))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let n = tx
        .prepare_cached(
            "UPDATE articles SET full_html = ?2, full_meta = ?3, full_fetched_at = ?4 \
             WHERE id = ?1",
        )?
        .execute(params![id.0, extract.html, meta, ts(extract.fetched_at)])?;
    if n == 0 {
        return Err(no_such(id));
    }
    reindex(&tx, id.0)?;
    tx.commit()?;
    Ok(())
}

/// Keeps the order of `ids`; unknown ids are left out.
pub(super) fn missing_full_text(
    conn: &Connection,
    ids: &[ArticleId],
) -> Result<Vec<(ArticleId, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT url FROM articles WHERE id = ?1 AND url IS NOT NULL AND full_html IS NULL",
    )?;
    let mut out = Vec::new();
    for id in ids {
        if let Some(url) = stmt
            .query_row([id.0], |r| r.get::<_, String>(0))
            .optional()?
        {
            out.push((*id, url));
        }
    }
    Ok(out)
}

/// Deletes read, unrated articles dated (published, else first seen) before
/// `now - keep_days`. Their keys are remembered in `pruned` while the feed lists them, so
/// that they do not return as unread news. Feeds that live in the binary (`docbao:…`, the
/// guide) are never pruned: they cost nothing and could not be fetched back.
pub(super) fn prune(conn: &mut Connection, keep_days: u32, now: DateTime<Utc>) -> Result<usize> {
    let Some(cutoff) = now.checked_sub_signed(chrono::Duration::days(i64::from(keep_days))) else {
        return Ok(0);
    };
    let cutoff = ts(cutoff);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    const DOOMED: &str = "(read = 1 OR hidden = 1) AND rating = 0 AND sort_date < ?1 \
         AND feed_id NOT IN (SELECT id FROM feeds WHERE url LIKE 'docbao:%')";
    tx.execute(
        &format!(
            "INSERT OR IGNORE INTO pruned (feed_id, dedup_key) \
             SELECT feed_id, dedup_key FROM articles WHERE {DOOMED}"
        ),
        [cutoff],
    )?;
    let n = tx.execute(&format!("DELETE FROM articles WHERE {DOOMED}"), [cutoff])?;
    super::stories::prune(&tx, ts(now))?;
    tx.commit()?;
    Ok(n)
}

/// Every article as arrival rules see it, oldest first, one row in memory at a time.
pub(super) fn for_each_subject(
    conn: &Connection,
    mut each: impl FnMut(ArticleId, &Subject<'_>),
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT a.id, coalesce(f.title, f.url), f.url, a.title, a.author, a.summary, a.content \
         FROM articles a JOIN feeds f ON f.id = a.feed_id ORDER BY a.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (feed_title, feed_url): (String, String) = (r.get(1)?, r.get(2)?);
        let (title, author): (String, Option<String>) = (r.get(3)?, r.get(4)?);
        let (summary, content): (Option<String>, Option<String>) = (r.get(5)?, r.get(6)?);
        let text = super::stories::feed_text(summary.as_deref(), content.as_deref());
        let subject = Subject::new(&feed_title, &feed_url, &title, author.as_deref(), &text);
        each(ArticleId(r.get(0)?), &subject);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::FeedId;
    use crate::store::Store;

    fn plan(store: &Store, sql: &str, args: Vec<Value>) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    }

    #[test]
    fn listing_reads_an_index_in_order() {
        let store = Store::open_in_memory().unwrap();
        let cases = [
            (
                ArticleQuery {
                    limit: Some(200),
                    ..Default::default()
                },
                "articles_date",
            ),
            (
                ArticleQuery {
                    feed: Some(FeedId(1)),
                    limit: Some(200),
                    ..Default::default()
                },
                "articles_feed_date",
            ),
            (
                ArticleQuery {
                    feed: Some(FeedId(1)),
                    unread_only: true,
                    limit: Some(50),
                    ..Default::default()
                },
                "articles_feed_",
            ),
            (
                ArticleQuery {
                    sort: ArticleSort::HighestRated,
                    limit: Some(200),
                    ..Default::default()
                },
                "articles_rating",
            ),
        ];
        for (q, index) in cases {
            let (sql, args) = articles_sql(&q);
            let plan = plan(&store, &sql, args);
            assert!(plan.contains(index), "{q:?}: {plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{q:?}: {plan}");
        }
    }
}
