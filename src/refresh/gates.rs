//! The limits of a refresh: the client's per-host limit, `jobs` requests in all, and at
//! most twice `jobs` feeds fetched or parsed but not yet stored.
use crate::net::{Client, HostTurn};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub(crate) struct Gates {
    jobs: Arc<Semaphore>,
    backlog: Arc<Semaphore>,
}

/// Held while a request is in flight.
pub(crate) struct Slot {
    /// None for a URL the client refuses: it fails at once, without a turn.
    host: Option<HostTurn>,
    _job: OwnedSemaphorePermit,
}

impl Slot {
    /// Runs the slot's requests (the client takes no second turn of the host in it).
    pub(crate) async fn run<F: Future>(&self, fut: F) -> F::Output {
        match &self.host {
            Some(turn) => turn.run(fut).await,
            None => fut.await,
        }
    }
}

impl Gates {
    pub(crate) fn new(jobs: usize) -> Gates {
        Gates {
            jobs: Arc::new(Semaphore::new(jobs.max(1))),
            backlog: Arc::new(Semaphore::new(2 * jobs.max(1))),
        }
    }

    /// Waits for a turn of the URL's host, then for one of the `jobs` slots: a task never
    /// holds a `jobs` slot while it waits for its host. None only if a gate was closed,
    /// which never happens.
    pub(crate) async fn enter(&self, client: &Client, url: &str) -> Option<Slot> {
        let host = client.host_turn(url).await;
        let job = self.jobs.clone().acquire_owned().await.ok()?;
        Some(Slot { host, _job: job })
    }

    /// A place in the backlog, held from before the fetch until the feed is stored. The
    /// store writes one feed at a time and parsing outruns it: without this bound, parsed
    /// feeds pile up in memory (most of a cold refresh's peak).
    pub(crate) async fn backlog(&self) -> Option<OwnedSemaphorePermit> {
        self.backlog.clone().acquire_owned().await.ok()
    }
}
