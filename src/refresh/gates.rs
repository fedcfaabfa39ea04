//! The limits of a refresh: at most 2 requests per host and `jobs` in all, and at most
//! twice `jobs` feeds fetched or parsed but not yet stored.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub(crate) struct Gates {
    jobs: Arc<Semaphore>,
    backlog: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// Held while a request is in flight.
pub(crate) struct Slot {
    _host: OwnedSemaphorePermit,
    _job: OwnedSemaphorePermit,
}

impl Gates {
    pub(crate) fn new(jobs: usize) -> Gates {
        Gates {
            jobs: Arc::new(Semaphore::new(jobs.max(1))),
            backlog: Arc::new(Semaphore::new(2 * jobs.max(1))),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for a slot of the URL's host, then for one of the `jobs` slots: a task never
    /// holds a `jobs` slot while it waits for its host. None only if a gate was closed,
    /// which never happens.
    pub(crate) async fn enter(&self, url: &str) -> Option<Slot> {
        let host = self.host(url);
        let host = host.acquire_owned().await.ok()?;
        let job = self.jobs.clone().acquire_owned().await.ok()?;
        Some(Slot {
            _host: host,
            _job: job,
        })
    }

    /// A place in the backlog, held from before the fetch until the feed is stored. The
    /// store writes one feed at a time and parsing outruns it: without this bound, parsed
    /// feeds pile up in memory (most of a cold refresh's peak).
    pub(crate) async fn backlog(&self) -> Option<OwnedSemaphorePermit> {
        self.backlog.clone().acquire_owned().await.ok()
    }

    fn host(&self, url: &str) -> Arc<Semaphore> {
        let key = url::Url::parse(url)
            .map(|u| crate::net::host_key(&u))
            .unwrap_or_default();
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(key)
            .or_insert_with(|| Arc::new(Semaphore::new(crate::net::PER_HOST)))
            .clone()
    }
}
