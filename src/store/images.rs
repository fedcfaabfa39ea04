//! The picture cache: bytes stored once per URL and linked to the articles that show them,
//! kept within a byte budget by evicting the least recently used first, except pictures of
//! rated articles, which are never evicted. Retention and unsubscribing remove pictures with
//! their last article (a trigger in the schema).
use super::sql::ts;
use super::{Result, Store, StoreError};
use crate::feed::ArticleId;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use std::collections::HashSet;

/// A cached picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedImage {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Store {
    /// Of `urls`, those whose picture is cached.
    pub fn cached_images(&self, urls: &[String]) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM images WHERE url = ?1")?;
        let mut out = HashSet::new();
        for url in urls {
            if stmt.exists([url])? {
                out.insert(url.clone());
            }
        }
        Ok(out)
    }

    /// The cached picture at `url`, if any.
    pub fn image(&self, url: &str) -> Result<Option<CachedImage>> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes, width, height FROM images WHERE url = ?1",
                [url],
                |r| {
                    Ok(CachedImage {
                        bytes: r.get(0)?,
                        width: r.get(1)?,
                        height: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Marks `urls` as just shown, so eviction takes them last.
    pub fn touch_images(&mut self, urls: &[String], now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE images SET used_at = ?2 WHERE url = ?1")?;
            for url in urls {
                stmt.execute(params![url, ts(now)])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores the picture at `url` for `article` (or links it when already cached), then
    /// evicts the least recently used pictures of unrated articles while the cache holds
    /// more than `budget` bytes. One transaction. Returns how many pictures were evicted.
    pub fn save_image(
        &mut self,
        article: ArticleId,
        url: &str,
        image: &CachedImage,
        budget: u64,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [article.0],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(StoreError::NoSuchArticle(article.0.to_string()));
        }
        tx.execute(
            "INSERT INTO images (url, bytes, width, height, size, fetched_at, used_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) \
             ON CONFLICT (url) DO UPDATE SET bytes = excluded.bytes, width = excluded.width, \
             height = excluded.height, size = excluded.size, fetched_at = excluded.fetched_at, \
             used_at = excluded.used_at",
            params![
                url,
                image.bytes,
                image.width,
                image.height,
                image.bytes.len() as i64,
                ts(now)
            ],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_images (article_id, url) VALUES (?1, ?2)",
            params![article.0, url],
        )?;
        let evicted = evict(&tx, budget, url)?;
        tx.commit()?;
        Ok(evicted)
    }

    /// Bytes the picture cache holds.
    pub fn image_cache_bytes(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT coalesce(sum(size), 0) FROM images", [], |r| {
                r.get(0)
            })?;
        Ok(n.max(0) as u64)
    }
}

/// Deletes least recently used pictures until at most `budget` bytes remain, sparing those
/// of rated articles and `keep` (the one just saved). A picture too big for the budget on
/// its own is still kept while it is being shown: the budget bounds the cache, not a read.
fn evict(tx: &rusqlite::Transaction, budget: u64, keep: &str) -> rusqlite::Result<usize> {
    let total: i64 = tx.query_row("SELECT coalesce(sum(size), 0) FROM images", [], |r| {
        r.get(0)
    })?;
    let mut over = total.max(0) as u64;
    if over <= budget {
        return Ok(0);
    }
    let mut victims = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT url, size FROM images WHERE url <> ?1 AND url NOT IN ( \
                 SELECT ai.url FROM article_images ai JOIN articles a ON a.id = ai.article_id \
                 WHERE a.rating > 0) \
             ORDER BY used_at, url",
        )?;
        let mut rows = stmt.query([keep])?;
        while over > budget {
            let Some(row) = rows.next()? else { break };
            let size: i64 = row.get(1)?;
            victims.push(row.get::<_, String>(0)?);
            over = over.saturating_sub(size.max(0) as u64);
        }
    }
    let mut del = tx.prepare_cached("DELETE FROM images WHERE url = ?1")?;
    for url in &victims {
        del.execute([url])?;
    }
    Ok(victims.len())
}
