//! Storing one fetched feed: one write transaction, items deduplicated, the user's read
//! state and rating never touched, the validators written last.
use super::search::{Folded, IndexText, index_fetch};
use super::sql::{ts, ts_opt};
use super::stories::{NewArticle, SignatureCache, place};
use super::{Result, SaveOutcome, StoreError, Validators};
use crate::arrival::{Signature, Verdict};
use crate::feed::{ArticleId, FeedId, ParsedFeed, ParsedItem};
use crate::text::hash::fnv1a64;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{
    Connection, OptionalExtension, ToSql, TransactionBehavior, params, params_from_iter,
};
use std::collections::HashSet;

/// What identifies an item across fetches: its guid, else its URL, else a hash of its title
/// and date. Prefixed so that a guid can never collide with a URL.
pub fn dedup_key(item: &ParsedItem) -> String {
    if let Some(guid) = nonempty(&item.guid) {
        return format!("g:{guid}");
    }
    if let Some(url) = nonempty(&item.url) {
        return format!("u:{url}");
    }
    let date = item
        .published
        .map(|d| d.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_default();
    let hash = fnv1a64(&[item.title.trim().as_bytes(), b"\x1f", date.as_bytes()]);
    format!("h:{hash:016x}")
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn text(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

/// What arrival decided for one item of a fetch: applied only if the item is new.
#[derive(Debug, Clone, Default)]
pub(super) struct ItemArrival {
    pub verdict: Verdict,
    /// With `group_stories`.
    pub signature: Option<Signature>,
}

/// Folds the index text of every item of `feed`: the pure part of saving, which
/// [`super::PreparedFeed`] runs before the store's thread gets the feed.
pub(super) fn fold_items(feed: &ParsedFeed) -> Vec<Folded> {
    feed.items
        .iter()
        .map(|i| Folded::of(&index_text(i)))
        .collect()
}

/// What was computed for each item of a feed before it reached the store's thread.
pub(super) struct Prepared {
    /// [`fold_items`] of the feed.
    pub folded: Vec<Folded>,
    /// Per item, or empty when there are neither rules nor grouping.
    pub arrivals: Vec<ItemArrival>,
}

/// `prepared`, when given, holds what [`super::PreparedFeed`] computed for `parsed`; else
/// new items are folded here, and no rule or grouping applies.
pub(super) fn save_fetch(
    conn: &mut Connection,
    id: FeedId,
    parsed: &ParsedFeed,
    prepared: Option<Prepared>,
    validators: &Validators,
    now: DateTime<Utc>,
    cache: &mut SignatureCache,
) -> Result<SaveOutcome> {
    let (mut folded, mut arrivals) = match prepared {
        Some(p) => (Some(p.folded), p.arrivals),
        None => (None, Vec::new()),
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let feed_title = parsed
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let known = tx
        .prepare_cached(
            "UPDATE feeds SET title = coalesce(title, ?2), site_url = coalesce(?3, site_url) \
             WHERE id = ?1",
        )?
        .execute(params![id.0, feed_title, text(&parsed.site_url)])?;
    if known == 0 {
        return Err(StoreError::NoSuchFeed(id.0.to_string()));
    }

    let tombstones = pruned_keys(&tx, id)?;
    let mut still_listed = HashSet::new();
    let mut outcome = SaveOutcome::default();
    let mut changed = Vec::new();
    let mut added = Vec::new();
    let mut to_group = Vec::new();
    let now_ts = ts(now);
    for (i, item) in parsed.items.iter().enumerate() {
        let key = dedup_key(item);
        let existing: Option<i64> = tx
            .prepare_cached("SELECT id FROM articles WHERE feed_id = ?1 AND dedup_key = ?2")?
            .query_row(params![id.0, key], |r| r.get(0))
            .optional()?;
        match existing {
            Some(article) => {
                if update_item(&tx, article, item, now_ts)? {
                    changed.push(article);
                }
            }
            None if tombstones.contains(&key) => {
                still_listed.insert(key);
            }
            None => {
                let text = match folded.as_mut().and_then(|f| f.get_mut(i)) {
                    Some(f) => std::mem::take(f),
                    None => Folded::of(&index_text(item)),
                };
                let arrival = arrivals.get_mut(i).map(std::mem::take).unwrap_or_default();
                let article = insert_item(&tx, id, &key, item, now_ts, &text, arrival.verdict)?;
                outcome.new_ids.push(ArticleId(article));
                if let Some(signature) = arrival.signature {
                    let at = ts_opt(item.published).unwrap_or(now_ts);
                    to_group.push((article, at, signature));
                }
                added.push((article, text));
            }
        }
    }
    // An article listed twice in this fetch is indexed once, from its final text.
    changed.sort_unstable();
    changed.dedup();
    added.retain(|(id, _)| changed.binary_search(id).is_err());
    let new: HashSet<i64> = outcome.new_ids.iter().map(|a| a.0).collect();
    outcome.updated = changed.iter().filter(|id| !new.contains(id)).count();
    index_fetch(&tx, &mut changed, added)?;
    for (article, at, signature) in to_group {
        let new = NewArticle {
            id: article,
            feed: id.0,
            at,
            signature,
        };
        if place(&tx, new, cache)?.is_some() {
            outcome.grouped += 1;
        }
    }
    // Retention deleted these; once the feed stops listing them they cannot come back.
    for key in tombstones.difference(&still_listed) {
        tx.prepare_cached("DELETE FROM pruned WHERE feed_id = ?1 AND dedup_key = ?2")?
            .execute(params![id.0, key])?;
    }

    tx.prepare_cached(
        "UPDATE feeds SET last_status = 'ok', last_refreshed = ?2, retry_until = NULL \
         WHERE id = ?1",
    )?
    .execute(params![id.0, now_ts])?;
    // Last, so that a validator is never committed without the items it vouches for.
    tx.prepare_cached("UPDATE feeds SET etag = ?2, last_modified = ?3 WHERE id = ?1")?
        .execute(params![id.0, validators.etag, validators.last_modified])?;
    tx.commit()?;
    Ok(outcome)
}

fn pruned_keys(conn: &Connection, id: FeedId) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT dedup_key FROM pruned WHERE feed_id = ?1")?;
    let keys = stmt.query_map([id.0], |r| r.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a new item with what the arrival rules decided (read, rating, hidden): the
/// only place rules touch an article.
pub(super) fn insert_item(
    conn: &Connection,
    feed: FeedId,
    key: &str,
    item: &ParsedItem,
    now: i64,
    text: &Folded,
    verdict: Verdict,
) -> Result<i64> {
    let columns = Columns::of(item);
    let extra: [&dyn ToSql; 5] = [
        &key,
        &text.minutes,
        &verdict.read,
        &verdict.rating.min(5),
        &verdict.hide,
    ];
    let id: i64 = conn
        .prepare_cached(
            "INSERT INTO articles (feed_id, guid, url, title, author, published, summary, \
             content, first_seen, updated, dedup_key, reading_minutes, read, rating, hidden) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14) \
             RETURNING id",
        )?
        .query_row(
            params_from_iter(columns.bind(&feed.0, &now).into_iter().chain(extra)),
            |r| r.get(0),
        )?;
    Ok(id)
}

/// What a fetch writes of an item. Both statements bind these as ?2..=?8, so that a column
/// cannot be written by one and forgotten by the other.
struct Columns<'a> {
    guid: Option<&'a str>,
    url: Option<&'a str>,
    title: &'a str,
    author: Option<&'a str>,
    published: Option<i64>,
    summary: Option<&'a str>,
    content: Option<&'a str>,
}

impl<'a> Columns<'a> {
    fn of(item: &'a ParsedItem) -> Self {
        Columns {
            guid: text(&item.guid),
            url: text(&item.url),
            title: &item.title,
            author: text(&item.author),
            published: ts_opt(item.published),
            summary: text(&item.summary),
            content: text(&item.content),
        }
    }

    /// `first` as ?1, the columns as ?2..=?8 and `now` as ?9.
    fn bind<'b>(&'b self, first: &'b i64, now: &'b i64) -> [&'b dyn ToSql; 9] {
        [
            first,
            &self.guid,
            &self.url,
            &self.title,
            &self.author,
            &self.published,
            &self.summary,
            &self.content,
            now,
        ]
    }
}

fn index_text(item: &ParsedItem) -> IndexText<'_> {
    IndexText {
        title: &item.title,
        summary: text(&item.summary),
        content: text(&item.content),
        full_html: None,
    }
}

/// Updates the text of a known article; true when anything changed. A missing guid, URL or
/// date in the new copy keeps the old one (a feed dropping a date must not reorder the list).
/// `read` and `rating` are not in the statement: a refetch cannot touch them.
fn update_item(conn: &Connection, id: i64, item: &ParsedItem, now: i64) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE articles SET guid = coalesce(?2, guid), url = coalesce(?3, url), \
             title = ?4, author = ?5, published = coalesce(?6, published), summary = ?7, \
             content = ?8, updated = ?9 \
             WHERE id = ?1 AND (guid IS NOT coalesce(?2, guid) OR url IS NOT coalesce(?3, url) \
             OR title IS NOT ?4 OR author IS NOT ?5 OR published IS NOT coalesce(?6, published) \
             OR summary IS NOT ?7 OR content IS NOT ?8)",
        )?
        .execute(params_from_iter(Columns::of(item).bind(&id, &now)))?;
    Ok(changed > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn item(guid: Option<&str>, url: Option<&str>, title: &str) -> ParsedItem {
        ParsedItem {
            guid: guid.map(str::to_owned),
            url: url.map(str::to_owned),
            title: title.to_owned(),
            ..ParsedItem::default()
        }
    }

    #[test]
    fn key_prefers_guid_then_url_then_hash() {
        assert_eq!(
            dedup_key(&item(Some("id-1"), Some("http://x/1"), "t")),
            "g:id-1"
        );
        assert_eq!(
            dedup_key(&item(Some("  "), Some("http://x/1"), "t")),
            "u:http://x/1"
        );
        let hashed = dedup_key(&item(None, None, "Tin nóng"));
        assert!(hashed.starts_with("h:") && hashed.len() == 18, "{hashed}");
    }

    #[test]
    fn hash_depends_on_title_and_date_only() {
        let mut a = item(None, None, "Tin nóng");
        let mut b = item(None, None, "Tin nóng");
        b.author = Some("someone".into());
        assert_eq!(dedup_key(&a), dedup_key(&b));
        a.published = Some(Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap());
        assert_ne!(dedup_key(&a), dedup_key(&b));
        assert_ne!(dedup_key(&item(None, None, "Tin mới")), dedup_key(&b));
    }
}
