//! What a sync writes: the aggregator's subscriptions, its new items, and its read and
//! starred state, each in one transaction. A change still in the queue wins over the
//! server's state (the server has not seen it yet); nothing here is queued, since it came
//! from the server.
use super::categories;
use super::queue::{self, Change, Queued};
use super::save::{dedup_key, insert_item};
use super::search::{Folded, IndexText, index_fetch};
use super::sql::{classify, ts};
use super::{Result, Store, StoreError};
use crate::arrival::Verdict;
use crate::feed::{FeedId, ParsedItem};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::{HashMap, HashSet};

/// Where a feed's articles come from: fetched by docbao, or pulled from the aggregator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedSource {
    Local,
    Sync,
}

impl FeedSource {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedSource::Local => "local",
            FeedSource::Sync => "sync",
        }
    }
}

/// A subscription as the aggregator lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFeed {
    /// The server's id ("feed/12" for Google Reader, "12" for Fever).
    pub id: String,
    pub url: String,
    pub title: String,
    pub site_url: Option<String>,
    pub category: Option<String>,
}

/// A new item from the aggregator, with its state already merged (see `sync::merge`).
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteItem {
    pub id: String,
    /// The server's id of its feed.
    pub feed: String,
    pub item: ParsedItem,
    pub read: bool,
    pub rating: u8,
}

/// The server's state of one cached item, where it differs from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteUpdate {
    pub item: String,
    pub read: Option<bool>,
    pub rating: Option<u8>,
}

/// What [`Store::apply_subscriptions`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionOutcome {
    pub added: usize,
    /// Local feeds the server also has, now synced.
    pub linked: usize,
    pub removed: usize,
    /// Unsubscribed on the server but holding rated articles: kept here as local feeds.
    pub kept_local: usize,
}

impl Store {
    /// The source of every feed that has one other than local.
    pub fn synced_feeds(&self) -> Result<HashSet<FeedId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM feeds WHERE remote_id IS NOT NULL")?;
        let rows = stmt.query_map([], |r| Ok(FeedId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sync_value(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_sync_value(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => self
                .conn
                .prepare_cached(
                    "INSERT INTO sync_state (key, value) VALUES (?1, ?2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )?
                .execute(params![key, v]),
            None => self
                .conn
                .prepare_cached("DELETE FROM sync_state WHERE key = ?1")?
                .execute([key]),
        }
        .map_err(|e| classify(e.into()))?;
        Ok(())
    }

    /// Stores a login token: the cache file (and its WAL) are made private (mode 0600)
    /// first, so the token is never on disk readable by others.
    pub fn set_sync_secret(&mut self, key: &str, value: &str) -> Result<()> {
        self.make_private()?;
        self.set_sync_value(key, Some(value))
    }

    #[cfg(unix)]
    fn make_private(&self) -> Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let Some(path) = self.conn.path().filter(|p| !p.is_empty()) else {
            return Ok(());
        };
        for suffix in ["", "-wal", "-shm"] {
            let file = format!("{path}{suffix}");
            match std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::Other(format!(
                        "cannot make {file} private: {e}"
                    )));
                }
                _ => {}
            }
        }
        Ok(())
    }

    #[cfg(not(unix))]
    fn make_private(&self) -> Result<()> {
        Ok(())
    }

    /// The queue, oldest first.
    pub fn sync_queue(&self) -> Result<Vec<Queued>> {
        queue::pending(&self.conn).map_err(classify)
    }
    /// Removes entries the server has taken.
    pub fn sync_done(&mut self, seqs: &[i64]) -> Result<()> {
        queue::done(&mut self.conn, seqs).map_err(classify)
    }
    pub fn sync_queue_len(&self) -> Result<usize> {
        queue::len(&self.conn).map_err(classify)
    }
    /// Appends a change to the queue (for changes made outside the store functions).
    pub fn record_change(&mut self, change: &Change) -> Result<()> {
        queue::record(&self.conn, change).map_err(classify)
    }

    /// Makes the synced feeds those of `feeds`, the server's complete list: new ones are
    /// added, local feeds with the same URL linked, titles and categories taken from the
    /// server unless a rename or move is pending, and feeds gone from the server removed
    /// (or kept as local feeds when they hold rated articles). A feed with a pending
    /// removal is not brought back. An empty list while feeds are synced is taken for a
    /// server glitch: nothing is removed.
    pub fn apply_subscriptions(&mut self, feeds: &[RemoteFeed]) -> Result<SubscriptionOutcome> {
        apply_subscriptions(&mut self.conn, feeds).map_err(classify)
    }

    /// Of `ids`, those not cached, in their order.
    pub fn unknown_items(&self, ids: &[String]) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE remote_id = ?1")?;
        let mut out = Vec::new();
        for id in ids {
            if !stmt.exists([id])? {
                out.push(id.clone());
            }
        }
        Ok(out)
    }

    /// Stores new items of synced feeds; returns how many were new. An item of a feed that
    /// is not (or no longer) synced is skipped; a local copy of the same article (same
    /// key, or same URL in the same feed) is linked rather than duplicated.
    pub fn save_remote_items(&mut self, items: &[RemoteItem], now: DateTime<Utc>) -> Result<usize> {
        save_remote_items(&mut self.conn, items, now).map_err(classify)
    }

    /// (remote id, read, rating) of every synced article.
    pub fn remote_snapshot(&self) -> Result<Vec<(String, bool, u8)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT remote_id, read, rating FROM articles WHERE remote_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, super::sql::rating(r.get(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes the server's state; an attribute with a change still queued keeps the local
    /// value. Returns (read marks changed, ratings changed).
    pub fn apply_remote_updates(&mut self, updates: &[RemoteUpdate]) -> Result<(usize, usize)> {
        apply_updates(&mut self.conn, updates).map_err(classify)
    }
}

fn apply_subscriptions(conn: &mut Connection, feeds: &[RemoteFeed]) -> Result<SubscriptionOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let pending = queue::pending(&tx)?;
    let mut removing = HashSet::new();
    let mut renaming = HashSet::new();
    let mut moving = HashSet::new();
    for q in &pending {
        match &q.change {
            Change::Remove { feed } => {
                removing.insert(feed.as_str());
            }
            Change::Rename { feed, .. } => {
                renaming.insert(feed.as_str());
            }
            Change::Move { feed, .. } => {
                moving.insert(feed.as_str());
            }
            _ => {}
        }
    }
    let mut out = SubscriptionOutcome::default();
    let mut listed = HashSet::new();
    for f in feeds {
        listed.insert(f.id.as_str());
        if removing.contains(f.id.as_str()) {
            continue;
        }
        let title = Some(f.title.trim()).filter(|t| !t.is_empty());
        let category = f
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let by_remote: Option<i64> = tx
            .prepare_cached("SELECT id FROM feeds WHERE remote_id = ?1")?
            .query_row([&f.id], |r| r.get(0))
            .optional()?;
        let id = match by_remote {
            Some(id) => id,
            None => {
                let by_url: Option<(i64, Option<String>)> = tx
                    .prepare_cached("SELECT id, remote_id FROM feeds WHERE url = ?1")?
                    .query_row([&f.url], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                match by_url {
                    // Another server id with this URL: the server lists one feed twice.
                    Some((_, Some(_))) => continue,
                    Some((id, None)) => {
                        tx.prepare_cached("UPDATE feeds SET remote_id = ?2 WHERE id = ?1")?
                            .execute(params![id, f.id])?;
                        out.linked += 1;
                        id
                    }
                    None => {
                        let category = categories::resolve_path(&tx, category)?;
                        tx.prepare_cached(
                            "INSERT INTO feeds (url, title, site_url, category_id, remote_id, \
                             position) VALUES (?1, ?2, ?3, ?4, ?5, \
                             (SELECT coalesce(max(position), 0) + 1 FROM feeds))",
                        )?
                        .execute(params![f.url, title, f.site_url, category, f.id])?;
                        out.added += 1;
                        continue;
                    }
                }
            }
        };
        if !renaming.contains(f.id.as_str()) && title.is_some() {
            tx.prepare_cached("UPDATE feeds SET title = ?2 WHERE id = ?1")?
                .execute(params![id, title])?;
        }
        if !moving.contains(f.id.as_str()) {
            let category = categories::resolve_path(&tx, category)?;
            tx.prepare_cached("UPDATE feeds SET category_id = ?2 WHERE id = ?1")?
                .execute(params![id, category])?;
        }
        if let Some(site) = &f.site_url {
            tx.prepare_cached("UPDATE feeds SET site_url = ?2 WHERE id = ?1")?
                .execute(params![id, site])?;
        }
    }
    let gone: Vec<(i64, String, bool)> = {
        let mut stmt = tx.prepare(
            "SELECT id, remote_id, EXISTS (SELECT 1 FROM articles a \
             WHERE a.feed_id = feeds.id AND a.rating > 0) \
             FROM feeds WHERE remote_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<Vec<(i64, String, bool)>>>()?
            .into_iter()
            .filter(|(_, remote, _)| !listed.contains(remote.as_str()))
            .collect()
    };
    if !feeds.is_empty() {
        for (id, _, rated) in gone {
            if rated {
                tx.prepare_cached("UPDATE articles SET remote_id = NULL WHERE feed_id = ?1")?
                    .execute([id])?;
                tx.prepare_cached("UPDATE feeds SET remote_id = NULL WHERE id = ?1")?
                    .execute([id])?;
                out.kept_local += 1;
            } else {
                tx.prepare_cached("DELETE FROM feeds WHERE id = ?1")?
                    .execute([id])?;
                out.removed += 1;
            }
        }
    }
    categories::drop_empty(&tx)?;
    tx.commit()?;
    Ok(out)
}

fn save_remote_items(
    conn: &mut Connection,
    items: &[RemoteItem],
    now: DateTime<Utc>,
) -> Result<usize> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let feeds: HashMap<String, i64> = {
        let mut stmt =
            tx.prepare_cached("SELECT remote_id, id FROM feeds WHERE remote_id IS NOT NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // URL -> article of each feed's not yet linked articles, loaded once per feed.
    let mut unlinked: HashMap<i64, HashMap<String, i64>> = HashMap::new();
    let now_ts = ts(now);
    let mut added = Vec::new();
    for r in items {
        let Some(&feed) = feeds.get(&r.feed) else {
            continue;
        };
        let known = tx
            .prepare_cached("SELECT 1 FROM articles WHERE remote_id = ?1")?
            .exists([&r.id])?;
        if known {
            continue;
        }
        let local = match unlinked.entry(feed) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(unlinked_urls(&tx, feed)?),
        };
        let mut key = dedup_key(&r.item);
        let by_key: Option<(i64, Option<String>)> = tx
            .prepare_cached(
                "SELECT id, remote_id FROM articles WHERE feed_id = ?1 AND dedup_key = ?2",
            )?
            .query_row(params![feed, key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let existing = match by_key {
            Some((id, None)) => Some(id),
            Some((_, Some(_))) => {
                key = format!("r:{}", r.id);
                None
            }
            None => r.item.url.as_ref().and_then(|u| local.remove(u)),
        };
        if let Some(id) = existing {
            tx.prepare_cached("UPDATE articles SET remote_id = ?2 WHERE id = ?1")?
                .execute(params![id, r.id])?;
            if let Some(u) = &r.item.url {
                local.remove(u);
            }
            continue;
        }
        // Arrival rules are for what a refresh fetches; the server's items arrive as the
        // server has them (read and starred state included).
        let folded = fold_item(&r.item);
        let id = insert_item(
            &tx,
            FeedId(feed),
            &key,
            &r.item,
            now_ts,
            &folded,
            Verdict::default(),
        )?;
        tx.prepare_cached(
            "UPDATE articles SET remote_id = ?2, read = ?3, rating = ?4 WHERE id = ?1",
        )?
        .execute(params![id, r.id, r.read, r.rating.min(5)])?;
        added.push((id, folded));
    }
    let n = added.len();
    index_fetch(&tx, &mut [], added)?;
    tx.commit()?;
    Ok(n)
}

fn unlinked_urls(conn: &Connection, feed: i64) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT url, id FROM articles WHERE feed_id = ?1 AND remote_id IS NULL \
         AND url IS NOT NULL",
    )?;
    let rows = stmt.query_map([feed], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn text(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

fn fold_item(item: &ParsedItem) -> Folded {
    Folded::of(&IndexText {
        title: &item.title,
        summary: text(&item.summary),
        content: text(&item.content),
        full_html: None,
    })
}

fn apply_updates(conn: &mut Connection, updates: &[RemoteUpdate]) -> Result<(usize, usize)> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut read_pending = HashSet::new();
    let mut rate_pending = HashSet::new();
    for q in queue::pending(&tx)? {
        match q.change {
            Change::Read { item, .. } => {
                read_pending.insert(item);
            }
            Change::Rate { item, .. } => {
                rate_pending.insert(item);
            }
            _ => {}
        }
    }
    let (mut reads, mut ratings) = (0, 0);
    for u in updates {
        if let Some(read) = u.read.filter(|_| !read_pending.contains(&u.item)) {
            reads += tx
                .prepare_cached(
                    "UPDATE articles SET read = ?2 WHERE remote_id = ?1 AND read != ?2",
                )?
                .execute(params![u.item, read])?;
        }
        if let Some(rating) = u.rating.filter(|_| !rate_pending.contains(&u.item)) {
            ratings += tx
                .prepare_cached(
                    "UPDATE articles SET rating = ?2 WHERE remote_id = ?1 AND rating != ?2",
                )?
                .execute(params![u.item, rating.min(5)])?;
        }
    }
    tx.commit()?;
    Ok((reads, ratings))
}
