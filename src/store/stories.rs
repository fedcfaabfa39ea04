//! Grouping new articles with the versions of their story already cached (see
//! `crate::arrival::story` for the test itself). Inside the transaction that inserts them:
//! each new article looks up the few articles that share one of its sketch keys within the
//! window, compares with those alone, joins the best one's story, and adds its own keys.
use super::Result;
use super::strip::html_to_index_text;
use crate::arrival::Signature;
use crate::arrival::story::WINDOW_HOURS;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// Candidates compared per new article, the most shared keys first: a bound on the work
/// when a key is common (a recurring column's title).
const MAX_CANDIDATES: usize = 8;
/// A key shared by more articles than this within the window is a stock phrase ("hôm
/// nay", "Hà Nội"), not a sign of one story: it is skipped, which bounds the rows read per
/// new article by keys x this.
const MAX_PER_KEY: usize = 12;
const HOUR_NS: i64 = 3_600_000_000_000;

/// Most versions of one story the reader is given.
pub const MAX_VERSIONS: usize = 50;

/// The versions of `story` (hidden ones left out), newest first: what the reader switches
/// between. The partial index on `story` keeps it a lookup.
pub(super) fn versions(
    conn: &Connection,
    story: i64,
) -> Result<Vec<crate::feed::model::ArticleRow>> {
    let sql = format!(
        "SELECT {} FROM articles a JOIN feeds f ON f.id = a.feed_id \
         WHERE a.story = ?1 AND a.hidden = 0 ORDER BY a.sort_date DESC, a.id DESC LIMIT ?2",
        super::sql::ARTICLE_COLS
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![story, MAX_VERSIONS as i64], super::sql::article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The feed's text of an article as rules read it: the longer of summary and content,
/// without tags.
pub(crate) fn feed_text(summary: Option<&str>, content: Option<&str>) -> String {
    lead_text(summary, content, usize::MAX)
}

/// HTML read for a lead: past this, a page of content is not needed to find 40 syllables.
pub(crate) const LEAD_HTML: usize = 8 * 1024;

/// The start of [`feed_text`]: the text of the first `max_html` bytes of the HTML.
pub(crate) fn lead_text(summary: Option<&str>, content: Option<&str>, max_html: usize) -> String {
    [summary, content]
        .into_iter()
        .flatten()
        .filter(|h| !h.trim().is_empty())
        .max_by_key(|h| h.len())
        .map(|h| html_to_index_text(crate::arrival::story::prefix(h, max_html)))
        .unwrap_or_default()
}

/// A new article to place: its id, feed, date (`sort_date`) and signature.
pub(super) struct NewArticle {
    pub id: i64,
    pub feed: i64,
    pub at: i64,
    pub signature: Signature,
}

/// Signatures of recently placed articles, by id, so that comparing with them does not
/// strip and fold their text again (a cold refresh compares new articles with new ones).
/// Cleared when full: a miss only costs the recomputation.
#[derive(Debug, Default)]
pub(super) struct SignatureCache {
    map: HashMap<i64, (i64, Signature)>,
}

/// About 1 KiB each: a few MiB at most.
const CACHE_MAX: usize = 4096;

impl SignatureCache {
    fn insert(&mut self, id: i64, feed: i64, signature: Signature) {
        if self.map.len() >= CACHE_MAX {
            self.map.clear();
        }
        self.map.insert(id, (feed, signature));
    }
}

/// Places one new article: its story (when a version from another feed is cached) and its
/// keys. Returns the story id it joined.
pub(super) fn place(
    conn: &Connection,
    new: NewArticle,
    cache: &mut SignatureCache,
) -> Result<Option<i64>> {
    if new.signature.is_empty() {
        return Ok(None);
    }
    let keys = new.signature.keys();
    let window = WINDOW_HOURS * HOUR_NS;
    let (from, to) = (new.at.saturating_sub(window), new.at.saturating_add(window));
    let mut hits: HashMap<i64, usize> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT article FROM story_keys WHERE key = ?1 AND at BETWEEN ?2 AND ?3 LIMIT ?4",
        )?;
        let cap = MAX_PER_KEY as i64 + 1;
        for key in &keys {
            let rows = stmt.query_map(params![key, from, to, cap], |r| r.get::<_, i64>(0))?;
            let articles = rows.collect::<rusqlite::Result<Vec<i64>>>()?;
            if articles.len() > MAX_PER_KEY {
                continue;
            }
            for article in articles {
                *hits.entry(article).or_default() += 1;
            }
        }
    }
    let mut candidates: Vec<(i64, usize)> = hits.into_iter().collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(MAX_CANDIDATES);

    let mut best: Option<(f64, i64, Option<i64>)> = None;
    let mut stmt = conn.prepare_cached(
        "SELECT feed_id, title, summary, content, story FROM articles \
         WHERE id = ?1 AND hidden = 0",
    )?;
    for (candidate, _) in candidates {
        if let Some((feed, other)) = cache.map.get(&candidate) {
            if *feed != new.feed
                && let Some(score) = new.signature.same_story(other)
                && best.is_none_or(|(s, _, _)| score > s)
            {
                // Still there and shown (retention or a rule may have taken it since).
                let story: Option<Option<i64>> = conn
                    .prepare_cached("SELECT story FROM articles WHERE id = ?1 AND hidden = 0")?
                    .query_row([candidate], |r| r.get(0))
                    .optional()?;
                if let Some(story) = story {
                    best = Some((score, candidate, story));
                }
            }
            continue;
        }
        let row = stmt
            .query_row([candidate], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })
            .optional()?;
        let Some((feed, title, summary, content, story)) = row else {
            continue;
        };
        if feed == new.feed {
            continue;
        }
        let lead = lead_text(summary.as_deref(), content.as_deref(), LEAD_HTML);
        let other = Signature::new(&title, &lead);
        if let Some(score) = new.signature.same_story(&other)
            && best.is_none_or(|(s, _, _)| score > s)
        {
            best = Some((score, candidate, story));
        }
    }
    let joined = match best {
        Some((_, candidate, story)) => {
            let story = story.unwrap_or(candidate);
            conn.prepare_cached("UPDATE articles SET story = ?1 WHERE id IN (?2, ?3)")?
                .execute(params![story, candidate, new.id])?;
            Some(story)
        }
        None => None,
    };
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO story_keys (key, at, article) VALUES (?1, ?2, ?3)",
    )?;
    for key in keys {
        insert.execute(params![key, new.at, new.id])?;
    }
    cache.insert(new.id, new.feed, new.signature);
    Ok(joined)
}

/// Retention: keys older than two windows can no longer meet a new article's; a story
/// left with one version is no story.
pub(super) fn prune(conn: &Connection, now: i64) -> Result<()> {
    let cutoff = now.saturating_sub(2 * WINDOW_HOURS * HOUR_NS);
    conn.prepare_cached("DELETE FROM story_keys WHERE at < ?1")?
        .execute([cutoff])?;
    conn.execute(
        "UPDATE articles SET story = NULL WHERE story IN \
         (SELECT story FROM articles WHERE story IS NOT NULL GROUP BY story HAVING count(*) < 2)",
        [],
    )?;
    Ok(())
}
