//! The sync queue: local changes to synced feeds and items, kept in order until the
//! aggregator has them. Recorded by the store functions that make the change, in the same
//! transaction, so that a change and its queue entry exist together or not at all.
//!
//! Only what the server knows is queued: an item or feed with a `remote_id`, and a new
//! subscription once the cache has synced (`sync_state.account` is set). A cache that never
//! synced queues nothing.
use super::sql::ts;
use super::{Result, StoreError};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Params, params};

/// A local change waiting to be pushed to the aggregator. Remote ids, not local ones: the
/// article or feed may be gone locally by the time the change is pushed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Read {
        item: String,
        read: bool,
    },
    /// 0 clears.
    Rate {
        item: String,
        rating: u8,
    },
    Add {
        url: String,
        title: Option<String>,
        category: Option<String>,
    },
    Remove {
        feed: String,
    },
    Rename {
        feed: String,
        title: String,
    },
    /// `None`: out of every category.
    Move {
        feed: String,
        category: Option<String>,
    },
}

/// A queue entry: its position and the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub seq: i64,
    pub change: Change,
}

/// The same 0x1f joins the parts of an `add` value as the store's other composite keys.
const SEP: char = '\u{1f}';

/// Appends `change` to the queue.
pub fn record(conn: &Connection, change: &Change) -> Result<()> {
    let (kind, item, feed, value): (&str, Option<&str>, Option<&str>, Option<String>) = match change
    {
        Change::Read { item, read } => (read_kind(*read), Some(item), None, None),
        Change::Rate { item, rating } => ("rate", Some(item), None, Some(rating.to_string())),
        Change::Add {
            url,
            title,
            category,
        } => {
            let value = format!(
                "{}{SEP}{}",
                title.as_deref().unwrap_or(""),
                category.as_deref().unwrap_or("")
            );
            ("add", None, Some(url), Some(value))
        }
        Change::Remove { feed } => ("remove", None, Some(feed), None),
        Change::Rename { feed, title } => ("rename", None, Some(feed), Some(title.clone())),
        Change::Move { feed, category } => ("move", None, Some(feed), category.clone()),
    };
    conn.prepare_cached(
        "INSERT INTO sync_queue (kind, item, feed, value, queued) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![kind, item, feed, value, ts(Utc::now())])?;
    Ok(())
}

fn read_kind(read: bool) -> &'static str {
    if read { "read" } else { "unread" }
}

/// Queues a read mark for every synced article that `condition` (SQL over `articles`,
/// with `params`) selects and whose state differs: for bulk marks. Call it before the
/// UPDATE, in the same transaction.
pub fn record_read_where<P: Params>(
    conn: &Connection,
    read: bool,
    condition: &str,
    params: P,
) -> Result<usize> {
    let sql = format!(
        "INSERT INTO sync_queue (kind, item, queued) \
         SELECT '{}', remote_id, {} FROM articles \
         WHERE remote_id IS NOT NULL AND read != {} AND ({condition}) ORDER BY id",
        read_kind(read),
        ts(Utc::now()),
        i64::from(read)
    );
    Ok(conn.execute(&sql, params)?)
}

/// Queues a change of one article's read state or rating, if the article is synced.
pub(super) fn record_article(conn: &Connection, article: i64, change: ArticleChange) -> Result<()> {
    let remote: Option<Option<String>> = conn
        .prepare_cached("SELECT remote_id FROM articles WHERE id = ?1")?
        .query_row([article], |r| r.get(0))
        .optional()?;
    let Some(Some(item)) = remote else {
        return Ok(());
    };
    record(
        conn,
        &match change {
            ArticleChange::Read(read) => Change::Read { item, read },
            ArticleChange::Rate(rating) => Change::Rate { item, rating },
        },
    )
}

#[derive(Debug, Clone, Copy)]
pub(super) enum ArticleChange {
    Read(bool),
    Rate(u8),
}

/// The remote id of a synced feed.
pub(super) fn feed_remote_id(conn: &Connection, feed: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT remote_id FROM feeds WHERE id = ?1")?
        .query_row([feed], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// True once this cache has synced with an account: new subscriptions are then queued.
pub(super) fn syncing(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_state WHERE key = 'account'")?
        .query_row([], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Every queued change, oldest first. An entry this build cannot read is skipped with a
/// warning rather than blocking the queue forever.
pub(super) fn pending(conn: &Connection) -> Result<Vec<Queued>> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, kind, item, feed, value FROM sync_queue ORDER BY seq")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, kind, item, feed, value) = row?;
        match decode(&kind, item, feed, value) {
            Some(change) => out.push(Queued { seq, change }),
            None => tracing::warn!("sync queue entry {seq} ({kind}) is unreadable; skipped"),
        }
    }
    Ok(out)
}

fn decode(
    kind: &str,
    item: Option<String>,
    feed: Option<String>,
    value: Option<String>,
) -> Option<Change> {
    Some(match kind {
        "read" | "unread" => Change::Read {
            item: item?,
            read: kind == "read",
        },
        "rate" => Change::Rate {
            item: item?,
            rating: value?.parse().ok().filter(|n| *n <= 5)?,
        },
        "add" => {
            let value = value.unwrap_or_default();
            let (title, category) = value.split_once(SEP).unwrap_or((&value, ""));
            let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            Change::Add {
                url: feed?,
                title: some(title),
                category: some(category),
            }
        }
        "remove" => Change::Remove { feed: feed? },
        "rename" => Change::Rename {
            feed: feed?,
            title: value?,
        },
        "move" => Change::Move {
            feed: feed?,
            category: value,
        },
        _ => return None,
    })
}

/// Removes pushed entries (by seq: entries queued meanwhile stay).
pub(super) fn done(conn: &mut Connection, seqs: &[i64]) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    {
        let mut stmt = tx.prepare_cached("DELETE FROM sync_queue WHERE seq = ?1")?;
        for seq in seqs {
            stmt.execute([seq])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// How many changes wait.
pub(super) fn len(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row("SELECT count(*) FROM sync_queue", [], |r| r.get(0))?;
    usize::try_from(n).map_err(|_| StoreError::Other("bad queue length".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_round_trips() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let changes = [
            Change::Read {
                item: "7".into(),
                read: true,
            },
            Change::Read {
                item: "-3".into(),
                read: false,
            },
            Change::Rate {
                item: "7".into(),
                rating: 4,
            },
            Change::Add {
                url: "https://example.org/rss".into(),
                title: Some("Tin mới".into()),
                category: Some("Việt Nam/Báo".into()),
            },
            Change::Add {
                url: "https://example.org/b".into(),
                title: None,
                category: None,
            },
            Change::Remove {
                feed: "feed/1".into(),
            },
            Change::Rename {
                feed: "feed/1".into(),
                title: "Thời sự".into(),
            },
            Change::Move {
                feed: "feed/1".into(),
                category: None,
            },
        ];
        for c in &changes {
            record(&store.conn, c).unwrap();
        }
        let back: Vec<Change> = pending(&store.conn)
            .unwrap()
            .into_iter()
            .map(|q| q.change)
            .collect();
        assert_eq!(back, changes);
    }
}
