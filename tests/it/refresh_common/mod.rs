//! Shared by tests/refresh_*.rs: a cache in a temporary directory and fixture feeds.

use crate::support::{Rss, RssItem};
use docbao::net::{Client, NetConfig};
use docbao::refresh::{Progress, RefreshOptions, RefreshSummary, refresh};
use docbao::store::handle::StoreHandle;
use docbao::store::{ArticleQuery, ArticleRow, FeedRow, Store, StoreError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Cache {
    pub store: StoreHandle,
    _dir: tempfile::TempDir,
}

impl Cache {
    pub fn new() -> Cache {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("cache.db")).unwrap();
        Cache {
            store: StoreHandle::spawn(store),
            _dir: dir,
        }
    }
    pub async fn add(&self, url: &str) -> FeedRow {
        let url = url.to_string();
        self.store
            .call(move |s| {
                let (id, _) = s.add_feed(&url, None, None)?;
                s.feed(id)
            })
            .await
            .unwrap()
    }
    pub async fn feeds(&self) -> Vec<FeedRow> {
        self.store.call(|s| s.feeds()).await.unwrap()
    }
    pub async fn feed(&self, url: &str) -> FeedRow {
        let url = url.to_string();
        self.feeds()
            .await
            .into_iter()
            .find(|f| f.url == url)
            .unwrap()
    }
    pub async fn articles(&self, feed: &FeedRow) -> Vec<ArticleRow> {
        let query = ArticleQuery {
            feed: Some(feed.id),
            ..ArticleQuery::default()
        };
        self.store.call(move |s| s.articles(&query)).await.unwrap()
    }
    /// Refreshes every feed (reloaded from the cache), collecting the progress reports.
    pub async fn refresh(&self, client: &Client, jobs: usize) -> (RefreshSummary, Vec<Progress>) {
        let feeds = self.feeds().await;
        self.refresh_feeds(client, feeds, jobs).await
    }
    pub async fn refresh_feeds(
        &self,
        client: &Client,
        feeds: Vec<FeedRow>,
        jobs: usize,
    ) -> (RefreshSummary, Vec<Progress>) {
        let opts = RefreshOptions {
            jobs,
            ..RefreshOptions::default()
        };
        self.refresh_with(client, feeds, &opts).await
    }
    pub async fn refresh_with(
        &self,
        client: &Client,
        feeds: Vec<FeedRow>,
        opts: &RefreshOptions,
    ) -> (RefreshSummary, Vec<Progress>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let summary = refresh(
            &self.store,
            client,
            feeds,
            opts,
            chrono::Utc::now,
            move |p| sink.lock().unwrap().push(p),
        )
        .await;
        let seen = seen.lock().unwrap().clone();
        (summary, seen)
    }
    pub async fn rate(&self, article: &ArticleRow, rating: u8, read: bool) {
        let id = article.id;
        self.store
            .call(move |s| {
                s.set_rating(id, rating)?;
                s.set_read(id, read)?;
                Ok::<_, StoreError>(())
            })
            .await
            .unwrap();
    }
}

/// Asserts that of two feeds one was stored and the other failed; the failure's message.
pub fn one_ok_one_failed(summary: &RefreshSummary) -> &str {
    assert_eq!(summary.ok, 1, "{summary:?}");
    assert_eq!(summary.failed.len(), 1, "{summary:?}");
    &summary.failed[0].1
}

/// Short timeouts so that stalls end quickly; the default body cap.
pub fn quick_client() -> Client {
    Client::new(&NetConfig {
        idle_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(2),
        ..NetConfig::default()
    })
    .unwrap()
}

/// An RSS 2.0 document with `(guid, title)` items linking to example.invalid.
pub fn rss(title: &str, items: &[(&str, &str)]) -> String {
    Rss::new(title)
        .link("http://example.invalid/")
        .items(items.iter().map(|(guid, item)| {
            RssItem::new(guid, item)
                .link(&format!("http://example.invalid/{guid}.html"))
                .description(&format!("Tóm tắt: {item}"))
                .published("Fri, 27 Nov 2026 08:00:00 GMT")
        }))
        .to_string()
}
