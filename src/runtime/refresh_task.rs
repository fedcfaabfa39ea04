//! The reader's background refresh: the sync first (all feeds, with `[sync]`), then the
//! local feeds with progress, then one `RefreshDone`, and for the timer's refresh what
//! arrived and `notify_command`.
use super::notify;
use crate::app::{Msg, Problem};
use crate::config::SyncConfig;
use crate::feed::FeedId;
use crate::net::Client;
use crate::refresh::{Progress, RefreshOptions, RefreshSummary, refresh};
use crate::store::StoreHandle;
use chrono::Utc;
use tokio::sync::mpsc::UnboundedSender;

/// What one background refresh needs of the runner.
pub(super) struct RefreshTask {
    pub tx: UnboundedSender<Msg>,
    pub notify: Vec<String>,
    pub store: StoreHandle,
    /// None with `--offline`.
    pub client: Option<Client>,
    pub opts: RefreshOptions,
    pub sync: Option<SyncConfig>,
    pub keep_days: u32,
}

impl RefreshTask {
    /// Refreshes `feeds` (all when `None`). `auto` (the timer's): what arrived is said
    /// after, and `notify_command` runs.
    pub async fn run(self, feeds: Option<Vec<FeedId>>, auto: bool) {
        let Self {
            tx,
            notify,
            store: handle,
            client,
            opts,
            sync,
            keep_days,
        } = self;
        let ended = |offline, error| {
            let _ = tx.send(Msg::RefreshDone {
                ok: 0,
                failed: 0,
                new: 0,
                offline,
                error,
            });
        };
        let Some(client) = client else {
            return ended(true, None);
        };
        // Sync first (start and `R`), so that the feeds it adds are listed below.
        let synced = match (&sync, &feeds) {
            (Some(config), None) => {
                let steps = tx.clone();
                let progress = move |step| {
                    let _ = steps.send(Msg::SyncProgress(step));
                };
                let now = Utc::now();
                Some(
                    crate::sync::sync_with_progress(&handle, config, keep_days, now, &progress)
                        .await,
                )
            }
            _ => None,
        };
        let sync_ids = match &sync {
            Some(_) => handle.call(|s| s.synced_feeds()).await.unwrap_or_default(),
            None => Default::default(),
        };
        let rows = match handle.call(|s| s.feeds()).await {
            Ok(rows) => rows,
            Err(e) => return ended(false, Some(e.into())),
        };
        // Only the feeds asked for; synced feeds come from the aggregator, and fetching
        // them too would duplicate.
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|f| feeds.as_ref().is_none_or(|ids| ids.contains(&f.id)))
            .filter(|f| !sync_ids.contains(&f.id))
            .collect();
        // The embedded guide never touches the network: its success says nothing about
        // the connection.
        let local = rows
            .iter()
            .filter(|f| f.url == crate::assets::GUIDE_URL)
            .count();
        let before = match auto {
            true => handle.call(|s| s.newest_article_id()).await.ok(),
            false => None,
        };
        let arrivals = notify::Arrivals::default();
        let recorder = arrivals.clone();
        let progress_tx = tx.clone();
        let summary = refresh(&handle, &client, rows, &opts, Utc::now, move |p| {
            recorder.record(&p);
            let msg = match p {
                Progress::Started { total } => Msg::RefreshProgress { done: 0, total },
                Progress::FeedDone { done, total, .. } => Msg::RefreshProgress { done, total },
                Progress::ArticleDone { .. } => return,
            };
            let _ = progress_tx.send(msg);
        })
        .await;
        // Retention follows as `Effect::Prune` once no article is open.
        let mut msg = done_msg(&summary, local);
        if let (Some(result), Msg::RefreshDone { new, error, .. }) = (synced, &mut msg) {
            match result {
                Ok(report) => *new += report.new_items,
                Err(e) => {
                    tracing::warn!("sync: {e}");
                    error.get_or_insert_with(|| format!("sync: {e}").into());
                }
            }
        }
        let new = summary.new_articles;
        let _ = tx.send(msg);
        if let Some(before) = before {
            notify::report(&tx, &handle, &arrivals, before, new, &notify).await;
        }
    }
}

/// The end of a refresh as a message. Every network feed failing to connect means the
/// network is gone (the automatic offline mode); one success means it is back. `local`
/// feeds (the embedded guide) are not fetched and do not count either way.
fn done_msg(summary: &RefreshSummary, local: usize) -> Msg {
    let local_failed = summary
        .failed
        .iter()
        .filter(|(f, _)| f.url == crate::assets::GUIDE_URL)
        .count();
    let ok = summary.ok + summary.not_modified;
    let network_ok = ok.saturating_sub(local.saturating_sub(local_failed));
    let network_failed = summary.failed.len() - local_failed;
    let offline = network_ok == 0 && network_failed > 0 && summary.unreachable == network_failed;
    let error = summary.failed.first().map(|(feed, e)| Problem::Feed {
        name: feed.name().to_owned(),
        error: e.to_string(),
    });
    Msg::RefreshDone {
        ok,
        failed: summary.failed.len(),
        new: summary.new_articles,
        offline,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::FeedId;
    use crate::net::NetError;
    use crate::store::FeedRow;

    fn feed(url: &str) -> FeedRow {
        FeedRow {
            id: FeedId(1),
            url: url.into(),
            ..FeedRow::default()
        }
    }

    fn offline(m: Msg) -> bool {
        match m {
            Msg::RefreshDone { offline, .. } => offline,
            _ => panic!("not a RefreshDone"),
        }
    }

    #[test]
    fn every_network_feed_unreachable_is_offline_even_with_the_guide_ok() {
        let refused = NetError::Connect {
            host: "vnexpress.net".into(),
            reason: "connection refused".into(),
            offline: true,
        };
        let mut s = RefreshSummary {
            ok: 1, // the guide
            failed: vec![(feed("https://vnexpress.net/rss"), refused.to_string())],
            unreachable: 1,
            ..Default::default()
        };
        assert!(offline(done_msg(&s, 1)));
        // Without the guide in the refresh, that success was a real feed: online.
        assert!(!offline(done_msg(&s, 0)));
        // A feed that answered (even with an error status) means the network is there.
        s.failed.push((
            feed("http://127.0.0.1/x"),
            NetError::status(404).to_string(),
        ));
        assert!(!offline(done_msg(&s, 1)));
        // Nothing failed: online.
        assert!(!offline(done_msg(&RefreshSummary::default(), 0)));
    }
}
