//! The work of one task: fetch and parse a feed, or fetch a full article.
use super::gates::Gates;
use crate::arrival::Arrival;
use crate::feed::parse::{ParseError, parse_feed_capped};
use crate::i18n::Lang;
use crate::net::{Client, Fetch};
use crate::store::{FeedRow, PreparedFeed, StoredExtract, Validators};
use chrono::{DateTime, Utc};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::OwnedSemaphorePermit;

/// What a task hands back to the refresh loop.
pub(crate) enum Done {
    /// With the feed's place in the backlog, to drop once it is stored.
    Feed(FeedFetch, Option<OwnedSemaphorePermit>),
    Article(Result<StoredExtract, String>),
}

/// One feed's fetch, parsed, before it is stored.
pub(crate) enum FeedFetch {
    Parsed {
        parsed: PreparedFeed,
        /// The validators to store with the items.
        validators: Validators,
    },
    NotModified,
    RetryAfter(DateTime<Utc>),
    Failed(String),
    /// The host could not be reached at all (`NetError::is_offline`): maybe we are offline.
    Unreachable(String),
}

/// Fetches and parses one feed within the gates. The embedded guide is parsed from the
/// binary, never fetched.
pub(crate) fn fetch_feed(
    client: Client,
    gates: Arc<Gates>,
    feed: &FeedRow,
    arrival: Arc<Arrival>,
    max_items: usize,
) -> impl Future<Output = Done> + Send + 'static {
    let url = feed.url.clone();
    let subscription = Subscription {
        title: feed.title.clone(),
        url: feed.url.clone(),
        arrival,
        max_items,
    };
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    async move {
        let backlog = gates.backlog().await;
        if let Some(bytes) = embedded(&url) {
            let fetch = parse(
                bytes.to_vec(),
                None,
                url,
                Validators::default(),
                subscription,
            )
            .await;
            return Done::Feed(fetch, backlog);
        }
        let fetched = {
            let Some(slot) = gates.enter(&client, &url).await else {
                return Done::Feed(FeedFetch::Failed("cancelled".into()), backlog);
            };
            slot.run(client.get(&url, &validators)).await
        };
        let fetch = match fetched {
            Ok(Fetch::Body(f)) => {
                let validators = Validators {
                    etag: f.etag,
                    last_modified: f.last_modified,
                };
                parse(
                    f.body,
                    f.content_type,
                    f.final_url,
                    validators,
                    subscription,
                )
                .await
            }
            Ok(Fetch::NotModified) => FeedFetch::NotModified,
            Ok(Fetch::RetryAfter(until)) => FeedFetch::RetryAfter(until),
            Err(e) if e.is_offline() => FeedFetch::Unreachable(e.to_string()),
            Err(e) => FeedFetch::Failed(e.to_string()),
        };
        Done::Feed(fetch, backlog)
    }
}

/// What arrival rules see of the feed, and the rules.
struct Subscription {
    title: String,
    url: String,
    arrival: Arc<Arrival>,
    max_items: usize,
}

async fn parse(
    body: Vec<u8>,
    content_type: Option<String>,
    url: String,
    validators: Validators,
    sub: Subscription,
) -> FeedFetch {
    // Parsing, folding for the search index, the arrival rules and story signatures are
    // pure: all on one blocking thread, so that the store's one thread only writes.
    let job = move || {
        parse_feed_capped(&body, content_type.as_deref(), &url, sub.max_items)
            .map(|feed| PreparedFeed::with_arrival(feed, &sub.title, &sub.url, &sub.arrival))
    };
    match tokio::task::spawn_blocking(job).await {
        Ok(Ok(parsed)) => FeedFetch::Parsed { parsed, validators },
        // `ParseError` cleans what it quotes from the document when it is made.
        Ok(Err(e)) => FeedFetch::Failed(e.to_string()),
        Err(_) => FeedFetch::Failed(ParseError::Crashed.to_string()),
    }
}

/// The bytes of a feed that lives in the binary, by its URL.
fn embedded(url: &str) -> Option<&'static [u8]> {
    (url == crate::assets::GUIDE_URL).then_some(crate::assets::GUIDE_FEED.as_bytes())
}

/// Fetches and extracts one full article within the gates.
pub(crate) async fn fetch_full_text(
    client: Client,
    gates: Arc<Gates>,
    url: String,
    lang: Lang,
) -> Done {
    let Some(slot) = gates.enter(&client, &url).await else {
        return Done::Article(Err("cancelled".into()));
    };
    Done::Article(slot.run(full_text(&client, &url, lang)).await)
}

/// The article module fetches the page and extracts the article.
async fn full_text(client: &Client, url: &str, lang: Lang) -> Result<StoredExtract, String> {
    crate::article::fetch_article(client, url, lang)
        .await
        .map_err(|e| crate::text::clean_line(&e.to_string()))
}
