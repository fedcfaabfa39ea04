//! Subscriptions: adding, removing, finding, listing with counts, refresh results.
use super::categories;
use super::queue::{self, Change};
use super::sql::{from_ts_opt, ts};
use super::{FeedRow, Result, StoreError};
use crate::feed::FeedId;
use crate::text::fold;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

/// Every feed with its counts, in one pass over the (feed_id, read) index: no query per feed.
const FEEDS_SELECT: &str = "SELECT f.id, coalesce(f.title, f.url), f.url, f.site_url, \
     f.category_id, coalesce(c.unread, 0), coalesce(c.total, 0), f.last_status, \
     f.last_refreshed, f.etag, f.last_modified, f.retry_until \
     FROM feeds f LEFT JOIN (SELECT feed_id, sum(read = 0) AS unread, count(*) AS total \
     FROM articles WHERE hidden = 0 GROUP BY feed_id) c ON c.feed_id = f.id \
     ORDER BY f.position, f.id";

/// One feed: its counts from two range scans of the same index.
const FEED_SELECT: &str = "SELECT f.id, coalesce(f.title, f.url), f.url, f.site_url, \
     f.category_id, \
     (SELECT count(*) FROM articles WHERE feed_id = f.id AND hidden = 0 AND read = 0), \
     (SELECT count(*) FROM articles WHERE feed_id = f.id AND hidden = 0), f.last_status, \
     f.last_refreshed, f.etag, f.last_modified, f.retry_until \
     FROM feeds f WHERE f.id = ?1";

/// A feed row with its category id; the category's path is filled in by the caller.
fn feed_row(r: &Row<'_>) -> rusqlite::Result<(FeedRow, Option<i64>)> {
    let row = FeedRow {
        id: FeedId(r.get(0)?),
        title: r.get(1)?,
        url: r.get(2)?,
        site_url: r.get(3)?,
        category: None,
        unread: r.get(5)?,
        total: r.get(6)?,
        last_status: r.get(7)?,
        last_refreshed: from_ts_opt(r.get(8)?),
        etag: r.get(9)?,
        last_modified: r.get(10)?,
        retry_until: from_ts_opt(r.get(11)?),
    };
    Ok((row, r.get(4)?))
}

/// Subscribes in one transaction: the category path is resolved (and made) only for a new
/// feed.
pub(super) fn add_feed(
    conn: &Connection,
    url: &str,
    title: Option<&str>,
    category: Option<&str>,
) -> Result<(FeedId, bool)> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if let Some(id) = feed_id(&tx, url)? {
        return Ok((id, false));
    }
    let category_id = categories::resolve_path(&tx, category)?;
    let id = insert_feed(&tx, url, title, category_id)?;
    if queue::syncing(&tx)? {
        let clean = |s: Option<&str>| {
            s.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        queue::record(
            &tx,
            &Change::Add {
                url: url.to_owned(),
                title: clean(title),
                category: clean(category),
            },
        )?;
    }
    tx.commit()?;
    Ok((id, true))
}

pub(super) fn feed_id(conn: &Connection, url: &str) -> Result<Option<FeedId>> {
    Ok(conn
        .prepare_cached("SELECT id FROM feeds WHERE url = ?1")?
        .query_row([url], |r| r.get(0))
        .optional()?
        .map(FeedId))
}

/// Adds a feed whose URL is not subscribed yet, last in the list.
pub(super) fn insert_feed(
    conn: &Connection,
    url: &str,
    title: Option<&str>,
    category: Option<i64>,
) -> Result<FeedId> {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    conn.prepare_cached(
        "INSERT INTO feeds (url, title, category_id, position) \
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM feeds))",
    )?
    .execute(params![url, title, category])?;
    Ok(FeedId(conn.last_insert_rowid()))
}

/// Unsubscribes, and drops the categories left empty, in one transaction.
pub(super) fn remove_feed(conn: &Connection, id: FeedId) -> Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if let Some(feed) = queue::feed_remote_id(&tx, id.0)? {
        queue::record(&tx, &Change::Remove { feed })?;
    }
    // The articles go by ON DELETE CASCADE, their index rows by the delete trigger.
    let n = tx
        .prepare_cached("DELETE FROM feeds WHERE id = ?1")?
        .execute([id.0])?;
    if n == 0 {
        return Err(StoreError::NoSuchFeed(id.0.to_string()));
    }
    categories::drop_empty(&tx)?;
    tx.commit()?;
    Ok(())
}

/// A new title (`None`: back to the URL) or category path (`None`: none); queued for the
/// aggregator when the feed is synced. Categories left empty go.
pub(super) fn edit_feed(conn: &Connection, id: FeedId, edit: FeedEdit<'_>) -> Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let clean = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let n = match edit {
        FeedEdit::Title(t) => tx
            .prepare_cached("UPDATE feeds SET title = ?2 WHERE id = ?1")?
            .execute(params![id.0, clean(t)])?,
        FeedEdit::Category(c) => {
            let category = categories::resolve_path(&tx, c)?;
            tx.prepare_cached("UPDATE feeds SET category_id = ?2 WHERE id = ?1")?
                .execute(params![id.0, category])?
        }
    };
    if n == 0 {
        return Err(StoreError::NoSuchFeed(id.0.to_string()));
    }
    categories::drop_empty(&tx)?;
    if let Some(feed) = queue::feed_remote_id(&tx, id.0)? {
        let change = match edit {
            FeedEdit::Title(t) => Change::Rename {
                title: clean(t).unwrap_or_default(),
                feed,
            },
            FeedEdit::Category(c) => Change::Move {
                category: clean(c),
                feed,
            },
        };
        queue::record(&tx, &change)?;
    }
    tx.commit()?;
    Ok(())
}

#[derive(Debug, Clone, Copy)]
pub(super) enum FeedEdit<'a> {
    Title(Option<&'a str>),
    Category(Option<&'a str>),
}

pub(super) fn feed(conn: &Connection, id: FeedId) -> Result<FeedRow> {
    let (mut row, category) = conn
        .prepare_cached(FEED_SELECT)?
        .query_row([id.0], feed_row)
        .optional()?
        .ok_or_else(|| StoreError::NoSuchFeed(id.0.to_string()))?;
    row.category = categories::path_of(conn, category)?;
    Ok(row)
}

/// Every feed; feeds of one category share its path string.
pub(super) fn feeds(conn: &Connection) -> Result<Vec<FeedRow>> {
    let paths = categories::paths(conn)?;
    let mut stmt = conn.prepare_cached(FEEDS_SELECT)?;
    let rows = stmt.query_map([], feed_row)?;
    let mut feeds = Vec::new();
    for row in rows {
        let (mut row, category) = row?;
        row.category = category.and_then(|c| paths.get(&c).cloned());
        feeds.push(row);
    }
    Ok(feeds)
}

/// By numeric id, then exact URL, then exact title, then title folded (case and diacritics
/// ignored: "vnexpress thoi su" finds "VnExpress - Thời sự"). A title that several feeds
/// share is an error rather than a guess: `remove` must not delete the wrong one.
pub(super) fn find_feed(conn: &Connection, spec: &str) -> Result<FeedRow> {
    let spec_trimmed = spec.trim();
    if let Ok(n) = spec_trimmed.parse::<i64>() {
        match feed(conn, FeedId(n)) {
            Err(StoreError::NoSuchFeed(_)) => {}
            found => return found,
        }
    }
    let by_url: Option<i64> = conn
        .prepare_cached("SELECT id FROM feeds WHERE url = ?1")?
        .query_row([spec_trimmed], |r| r.get(0))
        .optional()?;
    if let Some(id) = by_url {
        return feed(conn, FeedId(id));
    }
    let mut titles: Vec<(i64, String)> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM feeds WHERE title IS NOT NULL ORDER BY position, id",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
        titles.push(row?);
    }
    let exact: Vec<i64> = titles
        .iter()
        .filter(|(_, t)| t == spec_trimmed)
        .map(|(id, _)| *id)
        .collect();
    let wanted = fold(spec_trimmed);
    let ids = if exact.is_empty() && !wanted.is_empty() {
        titles
            .iter()
            .filter(|(_, t)| fold(t.trim()) == wanted)
            .map(|(id, _)| *id)
            .collect()
    } else {
        exact
    };
    match ids.as_slice() {
        [] => Err(StoreError::NoSuchFeed(spec.to_owned())),
        [id] => feed(conn, FeedId(*id)),
        many => {
            let list: Vec<String> = many.iter().map(i64::to_string).collect();
            Err(StoreError::AmbiguousFeed(
                spec_trimmed.to_owned(),
                list.join(", "),
            ))
        }
    }
}

pub(super) fn record_not_modified(conn: &Connection, id: FeedId, now: DateTime<Utc>) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE feeds SET last_status = 'not modified', last_refreshed = ?2, \
             retry_until = NULL WHERE id = ?1",
        )?
        .execute(params![id.0, ts(now)])?;
    exists(n, id)
}

pub(super) fn record_failure(
    conn: &Connection,
    id: FeedId,
    error: &str,
    retry_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE feeds SET last_status = ?2, last_refreshed = ?3, retry_until = ?4 \
             WHERE id = ?1",
        )?
        .execute(params![id.0, error, ts(now), retry_until.map(ts)])?;
    exists(n, id)
}

fn exists(changed: usize, id: FeedId) -> Result<()> {
    if changed == 0 {
        return Err(StoreError::NoSuchFeed(id.0.to_string()));
    }
    Ok(())
}

/// Subscribes to every entry of `opml` in one transaction, with its categories; a known
/// URL is counted and left as it is. (Here, not in categories.rs, so that feeds use
/// categories and not the other way round.)
pub(super) fn import(
    conn: &mut Connection,
    opml: &crate::feed::opml::Opml,
) -> Result<categories::Imported> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut done = categories::Imported::default();
    // The store's id of each OPML category, once resolved.
    let mut ids: Vec<Option<Option<i64>>> = vec![None; opml.categories.len()];
    for entry in &opml.entries {
        if feed_id(&tx, entry.xml_url.trim())?.is_some() {
            done.known += 1;
            continue;
        }
        let category = categories::resolve(&tx, opml, &mut ids, entry.category)?;
        insert_feed(&tx, entry.xml_url.trim(), Some(&entry.title), category)?;
        done.added += 1;
    }
    tx.commit()?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn plan(store: &Store, sql: &str, args: &[i64]) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    }

    #[test]
    fn counts_come_from_the_covering_index() {
        let store = Store::open_in_memory().unwrap();
        let all = plan(&store, FEEDS_SELECT, &[]);
        assert!(all.contains("COVERING INDEX articles_feed_read"), "{all}");
        let one = plan(&store, FEED_SELECT, &[1]);
        assert!(one.contains("COVERING INDEX articles_feed_read"), "{one}");
        assert!(!one.contains("SCAN a"), "{one}");
    }

    #[test]
    fn a_shared_title_is_ambiguous_and_never_a_guess() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, _) = store
            .add_feed("http://127.0.0.1/a", Some("Tin mới"), None)
            .unwrap();
        store
            .add_feed("http://127.0.0.1/b", Some("Tin mới"), None)
            .unwrap();
        let (c, _) = store
            .add_feed("http://127.0.0.1/c", Some("Thời sự"), None)
            .unwrap();
        for spec in ["Tin mới", "tin moi"] {
            let err = store.find_feed(spec).unwrap_err();
            assert!(
                matches!(err, StoreError::AmbiguousFeed(..)),
                "{spec}: {err}"
            );
            assert!(err.to_string().contains("ids 1, 2"), "{err}");
        }
        assert_eq!(store.find_feed("http://127.0.0.1/a").unwrap().id, a);
        assert_eq!(store.find_feed("1").unwrap().id, a);
        assert_eq!(store.find_feed("THOI SU").unwrap().id, c);
        assert!(matches!(
            store.find_feed("Kinh tế"),
            Err(StoreError::NoSuchFeed(_))
        ));
    }

    #[test]
    fn a_304_after_a_retry_after_ends_the_wait() {
        let mut store = Store::open_in_memory().unwrap();
        let (id, _) = store.add_feed("http://127.0.0.1/a", None, None).unwrap();
        let now = Utc::now();
        let until = now + chrono::Duration::hours(1);
        store
            .record_failure(id, "server busy", Some(until), now)
            .unwrap();
        assert!(store.feed(id).unwrap().retry_until.is_some());
        store.record_not_modified(id, until).unwrap();
        let row = store.feed(id).unwrap();
        assert_eq!(row.retry_until, None);
        assert_eq!(row.last_status.as_deref(), Some("not modified"));
    }

    #[test]
    fn renames_and_moves_of_synced_feeds_are_queued() {
        let mut store = Store::open_in_memory().unwrap();
        let (local, _) = store.add_feed("http://127.0.0.1/a", None, None).unwrap();
        store
            .apply_subscriptions(&[crate::store::RemoteFeed {
                id: "feed/9".into(),
                url: "https://bao.example/rss".into(),
                title: "Thời sự".into(),
                site_url: None,
                category: None,
            }])
            .unwrap();
        let synced = store.find_feed("Thời sự").unwrap().id;
        store.rename_feed(local, Some("Báo nhà")).unwrap();
        assert_eq!(
            store.sync_queue_len().unwrap(),
            0,
            "a local feed queues nothing"
        );
        store.rename_feed(synced, Some("Tin chính")).unwrap();
        store.move_feed(synced, Some("Việt Nam")).unwrap();
        assert_eq!(
            store.feed(synced).unwrap().category.as_deref(),
            Some("Việt Nam")
        );
        store.move_feed(synced, None).unwrap();
        let changes: Vec<Change> = store
            .sync_queue()
            .unwrap()
            .into_iter()
            .map(|q| q.change)
            .collect();
        assert_eq!(
            changes,
            [
                Change::Rename {
                    feed: "feed/9".into(),
                    title: "Tin chính".into()
                },
                Change::Move {
                    feed: "feed/9".into(),
                    category: Some("Việt Nam".into())
                },
                Change::Move {
                    feed: "feed/9".into(),
                    category: None
                },
            ]
        );
        assert_eq!(store.feed(synced).unwrap().title, "Tin chính");
        assert!(store.rename_feed(FeedId(99), Some("x")).is_err());
    }

    #[test]
    fn a_missing_title_shows_the_url() {
        let mut store = Store::open_in_memory().unwrap();
        let (id, _) = store
            .add_feed("http://127.0.0.1/x", Some("  "), None)
            .unwrap();
        assert_eq!(store.feed(id).unwrap().title, "http://127.0.0.1/x");
    }
}
