//! Refreshing feeds: concurrent fetches (`--jobs`, 2 per host), parsing off the async
//! threads, one store transaction per feed, optional full-text prefetch.
//!
//! Every fetch runs in its own task, so one feed's failure (or panic) is that feed's error
//! alone. A task first takes a slot of its host (2 per host), then one of the `jobs` slots:
//! slots are never held by tasks that wait for their host. Results come back to this loop,
//! which writes them to the store one feed at a time (the store has one thread anyway).
mod gates;
mod status;
mod tasks;

pub use status::{FeedResult, local_time, skipped_until};

use crate::arrival::Arrival;
use crate::feed::ArticleId;
use crate::i18n::Lang;
use crate::net::Client;
use crate::store::handle::StoreHandle;
use crate::store::{FeedRow, StoreError};
use chrono::{DateTime, Utc};
use gates::Gates;
use std::collections::HashMap;
use std::sync::Arc;
use tasks::{Done, FeedFetch};
use tokio::task::JoinSet;

/// How to refresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshOptions {
    /// Requests in flight at most, in all.
    pub jobs: usize,
    /// Also fetch and store the full article of every new item.
    pub full_text: bool,
    /// Language of the messages of the article fetcher.
    pub lang: Lang,
    /// Rules and story grouping, applied to new articles as they are stored.
    pub arrival: Arc<Arrival>,
    /// Items kept per feed, the newest (`max_items_per_feed`).
    pub max_items: usize,
    /// With `full_text`: also cache the pictures of the new full articles, within this
    /// many bytes of picture cache (None: pictures are off).
    pub pictures: Option<u64>,
}

impl Default for RefreshOptions {
    fn default() -> Self {
        RefreshOptions {
            jobs: 8,
            full_text: false,
            lang: Lang::default(),
            arrival: Arc::default(),
            max_items: crate::feed::parse::DEFAULT_MAX_ITEMS,
            pictures: None,
        }
    }
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefreshSummary {
    /// Feeds fetched and stored.
    pub ok: usize,
    /// Feeds that answered 304.
    pub not_modified: usize,
    /// Feeds that failed, with their one-line error (also stored as their status).
    pub failed: Vec<(FeedRow, String)>,
    /// Feeds not fetched because of an earlier Retry-After, with the time they wait for.
    pub skipped: Vec<(FeedRow, DateTime<Utc>)>,
    /// Articles seen for the first time.
    pub new_articles: usize,
    /// Full articles fetched and stored (`full_text`).
    pub full_texts: usize,
    /// Full articles that could not be fetched or extracted (`full_text`).
    pub full_text_failures: usize,
    /// Pictures of the new full articles cached, and those that failed.
    pub pictures: crate::picture::fetch::Prefetched,
    /// Of `failed`, the feeds whose host could not be reached at all: when they are all
    /// the network feeds, the reader goes offline.
    pub unreachable: usize,
}

/// Reported while refreshing, in order: `Started`, then one `FeedDone` per feed, with
/// `ArticleDone` for full texts interleaved.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    Started {
        total: usize,
    },
    FeedDone {
        done: usize,
        total: usize,
        title: String,
        result: FeedResult,
    },
    /// One full article fetched (or not); `queued` grows as feeds bring new items.
    ArticleDone {
        done: usize,
        queued: usize,
        ok: bool,
    },
}

/// Refreshes `feeds` into the store. Never fails as a whole: each feed ends as ok, not
/// modified, skipped or failed (recorded in the store as its status).
pub async fn refresh(
    store: &StoreHandle,
    client: &Client,
    feeds: Vec<FeedRow>,
    opts: &RefreshOptions,
    now: impl Fn() -> DateTime<Utc> + Send + Sync,
    progress: impl Fn(Progress) + Send + Sync,
) -> RefreshSummary {
    let total = feeds.len();
    progress(Progress::Started { total });
    let gates = Arc::new(Gates::new(opts.jobs));
    let mut summary = RefreshSummary::default();
    let mut set = JoinSet::new();
    let mut owners: HashMap<tokio::task::Id, Owner> = HashMap::new();
    let mut done = 0;
    let mut articles = (0, 0); // (done, queued)
    let mut with_pictures = Vec::new();

    let started = now();
    for feed in feeds {
        if let Some(until) = feed.retry_until.filter(|&t| t > started) {
            done += 1;
            progress(Progress::FeedDone {
                done,
                total,
                title: display_title(&feed),
                result: FeedResult::Skipped(until),
            });
            summary.skipped.push((feed, until));
            continue;
        }
        let task = tasks::fetch_feed(
            client.clone(),
            gates.clone(),
            &feed,
            opts.arrival.clone(),
            opts.max_items,
        );
        let id = set.spawn(task).id();
        owners.insert(id, Owner::Feed(Box::new(feed)));
    }

    while let Some(joined) = set.join_next_with_id().await {
        let (id, outcome) = match joined {
            Ok((id, done)) => (id, Ok(done)),
            Err(e) => (e.id(), Err(status::crash_message(e))),
        };
        match owners.remove(&id) {
            Some(Owner::Feed(feed)) => {
                let (fetch, backlog) = match outcome {
                    Ok(Done::Feed(fetch, backlog)) => (fetch, backlog),
                    Ok(Done::Article(_)) => (FeedFetch::Failed("internal error".into()), None),
                    Err(message) => (FeedFetch::Failed(message), None),
                };
                let (result, new_ids) = store_feed(store, &feed, fetch, &now, &mut summary).await;
                drop(backlog);
                let stored = matches!(result, FeedResult::Ok { .. } | FeedResult::NotModified);
                done += 1;
                progress(Progress::FeedDone {
                    done,
                    total,
                    title: display_title(&feed),
                    result,
                });
                if opts.full_text && stored {
                    let feed_id = feed.id;
                    let missing = store
                        .call(move |s| prefetch_candidates(s, feed_id, new_ids))
                        .await
                        .unwrap_or_default();
                    for (article, url) in missing {
                        let task =
                            tasks::fetch_full_text(client.clone(), gates.clone(), url, opts.lang);
                        owners.insert(set.spawn(task).id(), Owner::Article(article));
                        articles.1 += 1;
                    }
                }
            }
            Some(Owner::Article(article)) => {
                let extract = match outcome {
                    Ok(Done::Article(result)) => result,
                    Ok(Done::Feed(..)) => Err("internal error".into()),
                    Err(message) => Err(message),
                };
                let ok = match extract {
                    Ok(extract) => {
                        let saved = store
                            .call(move |s| s.save_full_text(article, &extract))
                            .await
                            .is_ok();
                        if saved {
                            with_pictures.push(article);
                        }
                        saved
                    }
                    Err(message) => {
                        tracing::info!("full text of article {}: {message}", article.0);
                        false
                    }
                };
                if ok {
                    summary.full_texts += 1;
                } else {
                    summary.full_text_failures += 1;
                }
                articles.0 += 1;
                progress(Progress::ArticleDone {
                    done: articles.0,
                    queued: articles.1,
                    ok,
                });
            }
            None => {}
        }
    }
    if let Some(budget) = opts.pictures.filter(|_| !with_pictures.is_empty()) {
        summary.pictures =
            crate::picture::fetch::prefetch(client, store, with_pictures, budget).await;
    }
    summary
}

enum Owner {
    Feed(Box<FeedRow>),
    Article(ArticleId),
}

/// The feed's title for progress lines, its URL while it has none.
fn display_title(feed: &FeedRow) -> String {
    feed.name().to_owned()
}

/// Writes one feed's result in one store call; returns what progress shows and the new ids.
async fn store_feed(
    store: &StoreHandle,
    feed: &FeedRow,
    fetch: FeedFetch,
    now: &(impl Fn() -> DateTime<Utc> + Send + Sync),
    summary: &mut RefreshSummary,
) -> (FeedResult, Vec<ArticleId>) {
    let id = feed.id;
    let at = now();
    let failure = |message: String, until: Option<DateTime<Utc>>| {
        let stored = message.clone();
        async move {
            let _: Result<(), StoreError> = store
                .call(move |s| s.record_failure(id, &stored, until, at))
                .await;
            message
        }
    };
    let (result, new_ids) = match fetch {
        FeedFetch::Parsed { parsed, validators } => {
            match store
                .call(move |s| s.save_prepared(id, parsed, &validators, at))
                .await
            {
                Ok(outcome) => {
                    summary.ok += 1;
                    summary.new_articles += outcome.new_ids.len();
                    let new = outcome.new_ids.len();
                    (FeedResult::Ok { new }, outcome.new_ids)
                }
                Err(e) => (
                    FeedResult::Failed(failure(e.to_string(), None).await),
                    vec![],
                ),
            }
        }
        FeedFetch::NotModified => match store.call(move |s| s.record_not_modified(id, at)).await {
            Ok(()) => {
                summary.not_modified += 1;
                (FeedResult::NotModified, vec![])
            }
            Err(e) => (FeedResult::Failed(e.to_string()), vec![]),
        },
        FeedFetch::RetryAfter(until) => {
            let message = format!("server busy; {}", skipped_until(until, at));
            (
                FeedResult::Failed(failure(message, Some(until)).await),
                vec![],
            )
        }
        FeedFetch::Failed(message) => (FeedResult::Failed(failure(message, None).await), vec![]),
        FeedFetch::Unreachable(message) => {
            summary.unreachable += 1;
            (FeedResult::Failed(failure(message, None).await), vec![])
        }
    };
    if let FeedResult::Failed(message) = &result {
        summary.failed.push((feed.clone(), message.clone()));
    }
    (result, new_ids)
}

/// Full texts to fetch for a feed: its new items, then its most recent items still without
/// one (subscribed by `add`, or refreshed before without `--full-text`), at most
/// [`PREFETCH_PER_FEED`] of those.
fn prefetch_candidates(
    store: &mut crate::store::Store,
    feed: crate::feed::FeedId,
    mut ids: Vec<ArticleId>,
) -> Result<Vec<(ArticleId, String)>, StoreError> {
    let recent = store.articles(&crate::store::ArticleQuery {
        feed: Some(feed),
        limit: Some(PREFETCH_PER_FEED),
        ..Default::default()
    })?;
    for row in recent.iter().filter(|a| !a.full_text && a.url.is_some()) {
        if !ids.contains(&row.id) {
            ids.push(row.id);
        }
    }
    store.missing_full_text(&ids)
}

/// How many older items of one feed a refresh may fetch full texts for.
pub const PREFETCH_PER_FEED: usize = 50;
