//! One thread owns the [`super::Store`]; async callers send it closures over a channel.
//!
//! ```ignore
//! # async fn demo(store: docbao::store::Store) -> docbao::store::Result<()> {
//! let handle = docbao::store::spawn(store);
//! let feeds = handle.call(|s| s.feeds()).await?;
//! let created = handle.call(|s| Ok::<_, docbao::store::StoreError>(s.created())).await?;
//! # let _ = (feeds, created); Ok(()) }
//! ```
use super::{Store, StoreError};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

/// A cheap, cloneable way to run closures on the store's thread. The thread ends when the
/// last handle is dropped (after the queued requests), closing the database.
#[derive(Clone)]
pub struct StoreHandle {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreHandle")
    }
}

/// What a store closure returns: a `Result` whose error can say that the store's thread is
/// gone (it panicked, or could not be started), so `call` never panics and needs no
/// second `?`.
pub trait StoreReply: Send + 'static {
    fn gone() -> Self;
}

impl<T: Send + 'static, E: From<StoreError> + Send + 'static> StoreReply for Result<T, E> {
    fn gone() -> Self {
        Err(StoreError::Other("the cache's thread has stopped; restart docbao".to_owned()).into())
    }
}

/// Starts the store's thread; see [`StoreHandle::spawn`].
pub fn spawn(store: Store) -> StoreHandle {
    StoreHandle::spawn(store)
}

impl StoreHandle {
    /// Moves `store` to a new thread. If the thread cannot be started, every call answers
    /// with the "stopped" error instead of panicking.
    pub fn spawn(store: Store) -> StoreHandle {
        let (jobs, queue) = mpsc::channel::<Job>();
        let started = std::thread::Builder::new()
            .name("docbao-store".to_owned())
            .spawn(move || run(store, queue));
        if let Err(e) = started {
            tracing::error!("cannot start the cache's thread: {e}");
        }
        StoreHandle { jobs }
    }

    /// Runs `f` on the store's thread and waits for its answer without blocking the runtime.
    pub async fn call<R: StoreReply>(&self, f: impl FnOnce(&mut Store) -> R + Send + 'static) -> R {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |store| {
            let _ = reply.send(f(store));
        });
        if self.jobs.send(job).is_err() {
            return R::gone();
        }
        answer.await.unwrap_or_else(|_| R::gone())
    }

    /// Queues `f` without waiting: it runs after every job queued before it, from any
    /// caller (the one queue keeps the order). `f` reports its own result; if the thread
    /// is gone, `f` is dropped unrun and `false` returned.
    pub fn exec(&self, f: impl FnOnce(&mut Store) + Send + 'static) -> bool {
        self.jobs.send(Box::new(f)).is_ok()
    }

    /// The same for code outside async; blocks the calling thread. Safe to call from inside
    /// a tokio runtime too (it uses no tokio primitive), though it blocks that worker.
    pub fn call_blocking<R: StoreReply>(
        &self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> R {
        let (reply, answer) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |store| {
            let _ = reply.send(f(store));
        });
        if self.jobs.send(job).is_err() {
            return R::gone();
        }
        answer.recv().unwrap_or_else(|_| R::gone())
    }
}

/// The thread: one request at a time, in order. A panicking request drops its reply (its
/// caller gets the "stopped" error) but the thread and the store carry on; a transaction
/// it left open was rolled back when its `Transaction` dropped.
fn run(mut store: Store, queue: mpsc::Receiver<Job>) {
    for job in queue {
        if catch_unwind(AssertUnwindSafe(|| job(&mut store))).is_err() {
            tracing::error!("a cache request panicked; the cache stays open");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Result;

    #[test]
    fn blocking_calls_run_on_the_thread() {
        let handle = spawn(Store::open_in_memory().unwrap());
        let (id, new) = handle
            .call_blocking(|s| s.add_feed("http://127.0.0.1/a.xml", Some("A"), None))
            .unwrap();
        assert!(new);
        let clone = handle.clone();
        let title = clone.call_blocking(move |s| s.feed(id).map(|f| f.title));
        assert_eq!(title.unwrap(), "A");
    }

    #[tokio::test]
    async fn async_calls_and_a_panicking_request() {
        let handle = spawn(Store::open_in_memory().unwrap());
        let created: Result<bool> = handle.call(|s| Ok(s.created())).await;
        assert!(created.unwrap());
        let boom: Result<()> = handle.call(|_| panic!("request bug")).await;
        assert!(boom.unwrap_err().to_string().contains("stopped"));
        // The thread survived it.
        let feeds = handle.call(|s| s.feeds()).await.unwrap();
        assert!(feeds.is_empty());
        let any: anyhow::Result<usize> = handle
            .call(|s| Ok::<_, anyhow::Error>(s.feeds()?.len()))
            .await;
        assert_eq!(any.unwrap(), 0);
    }

    #[test]
    fn calls_can_be_spawned_on_tokio() {
        fn spawnable<F: std::future::Future + Send + 'static>(_: F) {}
        let handle = spawn(Store::open_in_memory().unwrap());
        let h = handle.clone();
        spawnable(async move { h.call(|s| s.feeds()).await });
    }

    #[test]
    fn a_dead_thread_is_an_error_not_a_panic() {
        let (jobs, queue) = mpsc::channel::<Job>();
        drop(queue);
        let handle = StoreHandle { jobs };
        let r: Result<usize> = handle.call_blocking(|s| Ok(s.feeds()?.len()));
        assert!(matches!(r, Err(StoreError::Other(_))));
    }
}
