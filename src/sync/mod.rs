//! Sync with a self-hosted aggregator: Google Reader API ([`client_greader`]) or Fever
//! ([`client_fever`]). Local-first: the cache stays the truth for reading, and the server
//! is a peer pulled from and pushed to whenever it can be reached.
//!
//! One sync: log in (a stored token first, the password only when it is refused), push
//! the queue of local changes ([`queue`]), pull the subscriptions, the new items (since
//! the last sync) and the read and starred state through the id lists ([`merge`]).
//! Every store write is one transaction; cursors are stored after what they vouch for,
//! so a kill -9 at any point loses nothing and a replay duplicates nothing.
pub mod client_fever;
pub mod client_greader;
mod error;
mod fever;
mod greader;
pub mod http;
pub mod merge;
pub mod password;
pub mod queue;

pub use error::SyncError;

use crate::config::{SyncConfig, SyncService};
use crate::feed::ParsedItem;
pub use crate::feed::model::SyncStep;
use crate::store::{StoreError, StoreHandle, SubscriptionOutcome};
use crate::text::{clean_block, clean_line};
use chrono::{DateTime, Utc};
use http::Http;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Queue entries the server took.
    pub pushed: usize,
    pub feeds: SubscriptionOutcome,
    pub new_items: usize,
    pub read_changed: usize,
    pub rating_changed: usize,
    /// Changes still queued after the sync.
    pub queued: usize,
    /// HTTP requests made.
    pub requests: usize,
    /// Things the user should know (a change the server cannot take), one line each.
    pub notes: Vec<String>,
}

/// How the sync is told: the service, and the account as the cache remembers it.
fn account(config: &SyncConfig, base: &url::Url) -> String {
    format!(
        "{} {} {}",
        config.service.as_str(),
        base.as_str().trim_end_matches('/'),
        config.username
    )
}

/// Syncs the cache with the configured aggregator. On error the queue is kept; what was
/// stored before the error stays.
pub async fn sync(
    store: &StoreHandle,
    config: &SyncConfig,
    keep_days: u32,
    now: DateTime<Utc>,
) -> Result<Report, SyncError> {
    sync_with_progress(store, config, keep_days, now, &|_| {}).await
}

/// [`sync`], telling `progress` each step as it starts (and the items as they are stored).
pub async fn sync_with_progress(
    store: &StoreHandle,
    config: &SyncConfig,
    keep_days: u32,
    now: DateTime<Utc>,
    progress: &(dyn Fn(SyncStep) + Send + Sync),
) -> Result<Report, SyncError> {
    progress(SyncStep::Connecting);
    let base = http::check_base(&config.url, config.allow_http)?;
    let account = account(config, &base);
    let known = call(store, |s| s.sync_value("account")).await?;
    if let Some(known) = known.filter(|k| *k != account) {
        return Err(SyncError::OtherAccount(clean_line(&known)));
    }
    let http = Http::new()?;
    let mut report = Report::default();
    let flow = Flow {
        store,
        config,
        account,
        keep_days,
        now,
        progress,
        queued: std::sync::atomic::AtomicUsize::new(0),
    };
    let result = match config.service {
        SyncService::Greader => greader::run(&flow, &http, base, &mut report).await,
        SyncService::Fever => fever::run(&flow, &http, base, &mut report).await,
    };
    report.requests = http.requests();
    result?;
    report.queued = call(store, |s| s.sync_queue_len()).await?;
    Ok(report)
}

/// How many local changes wait for the server.
pub async fn queued(store: &StoreHandle) -> Result<usize, SyncError> {
    call(store, |s| s.sync_queue_len()).await
}

/// What both flows share.
struct Flow<'a> {
    store: &'a StoreHandle,
    config: &'a SyncConfig,
    account: String,
    keep_days: u32,
    now: DateTime<Utc>,
    progress: &'a (dyn Fn(SyncStep) + Send + Sync),
    /// Queue entries this sync set out to push, for [`SyncStep::Pushing`].
    queued: std::sync::atomic::AtomicUsize,
}

impl Flow<'_> {
    async fn remember_account(&self) -> Result<(), SyncError> {
        let account = self.account.clone();
        call(self.store, move |s| {
            s.set_sync_value("account", Some(&account))
        })
        .await
    }

    /// The queue is read: `total` entries to push.
    fn pushing(&self, total: usize) {
        self.queued
            .store(total, std::sync::atomic::Ordering::Relaxed);
        if total > 0 {
            (self.progress)(SyncStep::Pushing { done: 0, total });
        }
    }

    async fn done(&self, seqs: Vec<i64>, report: &mut Report) -> Result<(), SyncError> {
        report.pushed += seqs.len();
        (self.progress)(SyncStep::Pushing {
            done: report.pushed,
            total: self.queued.load(std::sync::atomic::Ordering::Relaxed),
        });
        call(self.store, move |s| s.sync_done(&seqs)).await
    }

    async fn apply_state(
        &self,
        state: merge::RemoteState,
        report: &mut Report,
    ) -> Result<(), SyncError> {
        let snapshot = call(self.store, |s| s.remote_snapshot()).await?;
        let updates = merge::plan(&snapshot, &state, self.config.star_rating);
        if updates.is_empty() {
            return Ok(());
        }
        let (reads, ratings) = call(self.store, move |s| s.apply_remote_updates(&updates)).await?;
        report.read_changed += reads;
        report.rating_changed += ratings;
        Ok(())
    }
}

/// A store call whose error becomes a [`SyncError`].
async fn call<T: Send + 'static>(
    store: &StoreHandle,
    f: impl FnOnce(&mut crate::store::Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, SyncError> {
    store.call(f).await.map_err(SyncError::Store)
}

/// An item from the server as the cache stores it: text cleaned like a parsed feed's.
fn parsed_item(
    title: Option<&str>,
    url: Option<&str>,
    author: Option<&str>,
    published: Option<i64>,
    summary: Option<&str>,
    content: Option<&str>,
) -> ParsedItem {
    let line = |s: Option<&str>| s.map(clean_line).filter(|s| !s.is_empty());
    let block = |s: Option<&str>| s.map(clean_block).filter(|s| !s.trim().is_empty());
    let url = line(url).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    ParsedItem {
        guid: None,
        title: line(title).or_else(|| url.clone()).unwrap_or_default(),
        url,
        author: line(author),
        published: published.and_then(|s| DateTime::from_timestamp(s, 0)),
        summary: block(summary),
        content: block(content),
    }
}
