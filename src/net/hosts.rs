//! The one per-host limit of every request docbao makes: at most [`PER_HOST`] at once per
//! host and port, whoever asks. The client takes a turn for each request; a caller that must
//! hold its host's turn before a scarcer slot (the refresh: host first, then one of `jobs`,
//! so that a task never sits on a job slot waiting for a busy host) takes it with
//! [`Client::host_turn`](super::Client::host_turn) and runs its requests inside it, where
//! the client does not take a second one.
use super::PER_HOST;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

tokio::task_local! {
    /// The host whose turn the running task holds.
    static HELD: String;
}

/// Permits per "host:port".
#[derive(Default)]
pub(super) struct Hosts {
    map: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// One of a host's turns, held until dropped.
#[derive(Debug)]
pub struct HostTurn {
    key: String,
    _permit: OwnedSemaphorePermit,
}

impl HostTurn {
    /// Runs `fut` inside this turn: the client's requests to this host in it take no other.
    pub async fn run<F: Future>(&self, fut: F) -> F::Output {
        HELD.scope(self.key.clone(), fut).await
    }
}

impl Hosts {
    /// Waits for a turn of `key`'s host. None only if the limit was closed, which never
    /// happens.
    pub(super) async fn turn(&self, key: &str) -> Option<HostTurn> {
        let permits = {
            let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
            map.entry(key.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST)))
                .clone()
        };
        let permit = permits.acquire_owned().await.ok()?;
        Some(HostTurn {
            key: key.to_owned(),
            _permit: permit,
        })
    }

    /// A turn for a request to `key`, unless the running task holds one for that host.
    pub(super) async fn turn_unless_held(&self, key: &str) -> Result<Option<HostTurn>, ()> {
        if HELD.try_with(|held| held == key).unwrap_or(false) {
            return Ok(None);
        }
        self.turn(key).await.map(Some).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_held_turn_is_not_taken_twice_and_others_wait() {
        let hosts = Hosts::default();
        let a = hosts.turn("a:80").await.unwrap();
        let b = hosts.turn("a:80").await.unwrap();
        // Inside a held turn, a request to the same host goes ahead at once.
        let inside = a.run(hosts.turn_unless_held("a:80")).await.unwrap();
        assert!(inside.is_none());
        // Outside, or for another host, it waits for a permit like anyone.
        let outside = tokio::time::timeout(Duration::from_millis(50), hosts.turn("a:80")).await;
        assert!(outside.is_err(), "both turns are taken");
        let other = a.run(hosts.turn_unless_held("b:80")).await.unwrap();
        assert!(other.is_some());
        drop(b);
        assert!(hosts.turn_unless_held("a:80").await.unwrap().is_some());
    }
}
