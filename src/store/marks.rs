//! Bulk read marks: a feed, everything, everything dated before a moment, or a list of ids
//! (what the reader shows above the cursor, a search's results). One transaction, written
//! durably; ratings untouched; hidden articles left alone. Each returns the ids whose state
//! changed, so that the caller can undo exactly that (`mark_ids` with the opposite state).
//! Synced articles' changes are queued for the server in the same transaction.
use super::queue;
use super::sql::ts;
use super::{Result, StoreError};
use crate::feed::{ArticleId, FeedId};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, TransactionBehavior, params_from_iter};

/// Which articles a bulk mark covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Feed(FeedId),
    All,
    /// Dated (published, else first seen) strictly before this moment.
    Before(DateTime<Utc>),
    Ids(Vec<ArticleId>),
}

/// Ids per statement for [`Selection::Ids`]: under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

pub(super) fn mark(
    conn: &mut Connection,
    selection: &Selection,
    read: bool,
) -> Result<Vec<ArticleId>> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    let marked = mark_in_tx(conn, selection, read);
    let restored = conn.pragma_update(None, "synchronous", "NORMAL");
    let changed = marked?;
    restored?;
    Ok(changed)
}

fn mark_in_tx(conn: &mut Connection, selection: &Selection, read: bool) -> Result<Vec<ArticleId>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let base = "UPDATE articles SET read = ?1 WHERE read <> ?1 AND hidden = 0";
    let state = Value::Integer(i64::from(read));
    let mut changed = Vec::new();
    let mut run = |cond: &str, mut args: Vec<Value>| -> Result<()> {
        args.insert(0, state.clone());
        // A synced article's change waits in the sync queue, written in this transaction.
        queue::record_read_where(
            &tx,
            read,
            &format!("read <> ?1 AND hidden = 0{cond}"),
            params_from_iter(args.iter()),
        )?;
        let sql = format!("{base}{cond} RETURNING id");
        let mut stmt = tx.prepare_cached(&sql)?;
        let ids = stmt.query_map(params_from_iter(args), |r| r.get(0).map(ArticleId))?;
        for id in ids {
            changed.push(id?);
        }
        Ok(())
    };
    match selection {
        Selection::Feed(feed) => {
            let known: bool = tx
                .prepare_cached("SELECT count(*) FROM feeds WHERE id = ?1")?
                .query_row([feed.0], |r| r.get(0))?;
            if !known {
                return Err(StoreError::NoSuchFeed(feed.0.to_string()));
            }
            run(" AND feed_id = ?2", vec![Value::Integer(feed.0)])?;
        }
        Selection::All => run("", vec![])?,
        Selection::Before(t) => run(" AND sort_date < ?2", vec![Value::Integer(ts(*t))])?,
        Selection::Ids(ids) => {
            for chunk in ids.chunks(CHUNK) {
                let marks = vec!["?"; chunk.len()].join(", ");
                let args = chunk.iter().map(|id| Value::Integer(id.0)).collect();
                run(&format!(" AND id IN ({marks})"), args)?;
            }
        }
    }
    tx.commit()?;
    changed.sort_unstable_by_key(|id| id.0);
    changed.dedup();
    Ok(changed)
}
