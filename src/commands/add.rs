//! `add URL`: subscribe to a feed, or to the feed a page announces.
//!
//! One deadline covers everything ([`ADD_DEADLINE`]): the page, then at most
//! [`MAX_LINKS_TRIED`] of its feeds, fetched at once and taken in order of preference (a
//! feed that works waits a moment for better ones still on their way; stalled ones cost
//! the deadline once, not each). What fails
//! only for now (a timeout, 5xx, 429, no network) still subscribes, with the failure as
//! the feed's status; what is definitely wrong (not http(s), 404, no feed) is refused.
use super::Ctx;
use super::output::emit;
use crate::feed::{ParsedFeed, discover, parse};
use crate::net::{Client, Fetch, Fetched, NetConfig, NetError, check_url};
use crate::store::{PreparedFeed, Store, Validators};
use crate::text::clean_line;
use anyhow::bail;
use chrono::{DateTime, Utc};
use std::time::Duration;
use tokio::time::{Instant, timeout_at};

/// The longest `add` waits for the network in all.
pub const ADD_DEADLINE: Duration = Duration::from_secs(20);
/// Feeds of one page tried by `add`.
const MAX_LINKS_TRIED: usize = 3;

/// Why a URL gave no feed.
#[derive(Debug)]
enum Failure {
    /// Down for now: subscribe anyway, with this as the status.
    Transient {
        message: String,
        retry_until: Option<DateTime<Utc>>,
    },
    /// Not a feed and never will be: refuse.
    Wrong(String),
}

impl Failure {
    fn from_net(url: &str, e: &NetError) -> Failure {
        let transient = match e {
            NetError::Timeout(_) | NetError::Idle(_) | NetError::Connect { .. } => true,
            NetError::Status { code, .. } => *code >= 500 || *code == 429 || *code == 408,
            NetError::Other(_) => true,
            NetError::InvalidUrl(_)
            | NetError::UnsupportedScheme(_)
            | NetError::TooManyRedirects
            | NetError::TooLarge(_) => false,
        };
        if transient {
            Failure::Transient {
                message: e.to_string(),
                retry_until: None,
            }
        } else {
            Failure::Wrong(format!("{}: {e}", clean_line(url)))
        }
    }

    fn timed_out() -> Failure {
        Failure::Transient {
            message: NetError::Timeout(ADD_DEADLINE).to_string(),
            retry_until: None,
        }
    }
}

/// What `add` found: the feed to subscribe to, and its content or why there is none yet.
enum Found {
    Feed(String, Box<(Fetched, ParsedFeed)>),
    Down {
        url: String,
        message: String,
        retry_until: Option<DateTime<Utc>>,
    },
}

pub fn add(
    ctx: &Ctx,
    url: &str,
    title: Option<&str>,
    category: Option<&str>,
) -> anyhow::Result<()> {
    let url = url.trim();
    if check_url(url).is_err() {
        bail!("not an http or https URL: {}", clean_line(url));
    }
    let mut store = ctx.open_store()?;
    if ctx.offline {
        return subscribe(&mut store, url, title, category, None, ctx);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = Client::new(&NetConfig::default())?;
    let found = runtime.block_on(find(&client, url, Instant::now() + ADD_DEADLINE));
    match found {
        Ok(Found::Feed(feed_url, fetched)) => {
            let title = title.map(str::to_owned).or_else(|| fetched.1.title.clone());
            subscribe(
                &mut store,
                &feed_url,
                title.as_deref(),
                category,
                Some(*fetched),
                ctx,
            )
        }
        Ok(Found::Down {
            url,
            message,
            retry_until,
        }) => {
            let (id, added) = store.add_feed(&url, title, category)?;
            if added {
                store.record_failure(id, &message, retry_until, Utc::now())?;
            }
            let feed = store.feed(id)?;
            if added {
                eprintln!(
                    "not fetched now: {}: {}",
                    clean_line(&url),
                    clean_line(&message)
                );
            }
            said(&feed, added)
        }
        Err(message) => bail!("{}", clean_line(&message)),
    }
}

fn subscribe(
    store: &mut Store,
    url: &str,
    title: Option<&str>,
    category: Option<&str>,
    fetched: Option<(Fetched, ParsedFeed)>,
    ctx: &Ctx,
) -> anyhow::Result<()> {
    let (id, added) = store.add_feed(url, title, category)?;
    if added && let Some((fetched, parsed)) = fetched {
        let validators = Validators {
            etag: fetched.etag,
            last_modified: fetched.last_modified,
        };
        // The first items meet the arrival rules as a refresh's new items do.
        let prepared = PreparedFeed::with_arrival(parsed, "", url, &ctx.config.arrival()?);
        store.save_prepared(id, prepared, &validators, Utc::now())?;
    }
    said(&store.feed(id)?, added)
}

fn said(feed: &crate::store::FeedRow, added: bool) -> anyhow::Result<()> {
    if !added {
        return emit(&format!(
            "already subscribed: {} ({})\n",
            clean_line(&feed.title),
            feed.id.0
        ));
    }
    emit(&format!(
        "added {}: {} ({})\n",
        feed.id.0,
        clean_line(&feed.title),
        clean_line(&feed.url)
    ))
}

/// The feed at `url`, or the one its page announces; `Err` is the one-line refusal.
async fn find(client: &Client, url: &str, deadline: Instant) -> Result<Found, String> {
    let page = match timeout_at(deadline, get(client, url)).await {
        Ok(Ok(page)) => page,
        Ok(Err(failure)) => return down_or_refused(url, failure),
        Err(_) => return down_or_refused(url, Failure::timed_out()),
    };
    let err = match parse::parse_feed(&page.body, page.content_type.as_deref(), &page.final_url) {
        Ok(feed) => return Ok(Found::Feed(url.to_owned(), Box::new((page, feed)))),
        Err(err) => err,
    };
    let host = url::Url::parse(&page.final_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned));
    let html = crate::text::decode_bytes(&page.body, page.content_type.as_deref(), host.as_deref());
    // Only a web page can point to its feed; anything else keeps the parser's reason.
    if !parse::is_html_page(&html) {
        return Err(format!("{url}: {err}"));
    }
    let links = discover::find_feed_links(&html, &page.final_url);
    drop(html);
    if links.is_empty() {
        return Err(format!("{url} is a web page that links to no feed"));
    }
    let links: Vec<String> = links.into_iter().take(MAX_LINKS_TRIED).collect();
    let (done, mut results) = tokio::sync::mpsc::unbounded_channel();
    let tasks: Vec<tokio::task::JoinHandle<()>> = links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let (client, link, done) = (client.clone(), link.clone(), done.clone());
            tokio::spawn(async move {
                let _ = done.send((i, fetch_feed(&client, &link).await));
            })
        })
        .collect();
    drop(done);
    let outcome = pick(&links, &mut results, deadline).await;
    for task in tasks {
        task.abort();
    }
    outcome
}

/// How long a feed that answered waits for a preferred one still on its way.
const GRACE: Duration = Duration::from_secs(2);

type Tried = Result<(Fetched, ParsedFeed), Failure>;

/// The preferred link that gave a feed; a less preferred one once the better ones failed
/// or had [`GRACE`] more; at the deadline, the best feed so far, else the first link that
/// is down for now, else the last refusal.
async fn pick(
    links: &[String],
    results: &mut tokio::sync::mpsc::UnboundedReceiver<(usize, Tried)>,
    deadline: Instant,
) -> Result<Found, String> {
    let mut got: Vec<Option<Tried>> = links.iter().map(|_| None).collect();
    let mut wait_until = deadline;
    loop {
        match timeout_at(wait_until, results.recv()).await {
            Ok(Some((i, tried))) => {
                if tried.is_ok() {
                    wait_until = wait_until.min(Instant::now() + GRACE);
                }
                if let Some(slot) = got.get_mut(i) {
                    *slot = Some(tried);
                }
            }
            // Every task has answered, or the time is up.
            Ok(None) | Err(_) => break,
        }
        // Settled when the best link still possible has answered.
        match got.iter().position(|g| !matches!(g, Some(Err(_)))) {
            Some(best) if got[best].is_some() => break,
            Some(_) => {}
            None => break,
        }
    }
    let feed = got.iter().position(|g| matches!(g, Some(Ok(_))));
    if let Some(i) = feed
        && let Some(Ok(feed)) = got[i].take()
    {
        return Ok(Found::Feed(links[i].clone(), Box::new(feed)));
    }
    let mut wrong = String::new();
    for (i, g) in got.into_iter().enumerate() {
        match g {
            // Still on its way at the deadline: down for now.
            None => return down_or_refused(&links[i], Failure::timed_out()),
            Some(Err(Failure::Wrong(message))) => wrong = message,
            Some(Err(failure)) => return down_or_refused(&links[i], failure),
            Some(Ok(_)) => {}
        }
    }
    Err(wrong)
}

fn down_or_refused(url: &str, failure: Failure) -> Result<Found, String> {
    match failure {
        Failure::Transient {
            message,
            retry_until,
        } => Ok(Found::Down {
            url: url.to_owned(),
            message,
            retry_until,
        }),
        Failure::Wrong(message) => Err(message),
    }
}

async fn fetch_feed(client: &Client, url: &str) -> Result<(Fetched, ParsedFeed), Failure> {
    let fetched = get(client, url).await?;
    match parse::parse_feed(
        &fetched.body,
        fetched.content_type.as_deref(),
        &fetched.final_url,
    ) {
        Ok(feed) => Ok((fetched, feed)),
        Err(e) => Err(Failure::Wrong(format!("{}: {e}", clean_line(url)))),
    }
}

async fn get(client: &Client, url: &str) -> Result<Fetched, Failure> {
    match client.get(url, &Validators::default()).await {
        Ok(Fetch::Body(fetched)) => Ok(fetched),
        Ok(Fetch::NotModified) => Err(Failure::Wrong(format!(
            "{}: the server answered 304 to a plain request",
            clean_line(url)
        ))),
        Ok(Fetch::RetryAfter(when)) => {
            let local = crate::refresh::local_time(when, Utc::now());
            Err(Failure::Transient {
                message: format!("the server is busy; try again after {local}"),
                retry_until: Some(when),
            })
        }
        Err(e) => Err(Failure::from_net(url, &e)),
    }
}
