//! The TUI's way to the cache: jobs run one after another through the store's owner thread
//! ([`StoreHandle`]), in the order they were sent (a rating is written before the list
//! reloads; a read mark before the counts).
use crate::store::handle::StoreHandle;
use crate::store::{Store, StoreError};
use tokio::sync::mpsc;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

#[derive(Clone)]
pub struct Db {
    handle: StoreHandle,
    jobs: mpsc::UnboundedSender<Job>,
}

impl Db {
    /// Starts the store's thread and the task that feeds it in order. Call inside a runtime.
    pub fn spawn(store: Store) -> Db {
        let handle = StoreHandle::spawn(store);
        let (jobs, mut queue) = mpsc::unbounded_channel::<Job>();
        let worker = handle.clone();
        tokio::spawn(async move {
            while let Some(job) = queue.recv().await {
                let done: Result<(), StoreError> = worker
                    .call(move |s| {
                        job(s);
                        Ok(())
                    })
                    .await;
                if let Err(e) = done {
                    tracing::error!("store: {e}");
                }
            }
        });
        Db { handle, jobs }
    }

    /// The handle, for work that manages its own store calls (refresh).
    pub fn handle(&self) -> &StoreHandle {
        &self.handle
    }

    /// Queues `job`; it runs after every job queued before it.
    pub fn exec(&self, job: impl FnOnce(&mut Store) + Send + 'static) {
        if self.jobs.send(Box::new(job)).is_err() {
            tracing::error!("the store queue has stopped");
        }
    }

    /// Runs `job` now and waits: the first frame at start-up, and the user's writes
    /// (ratings, read marks), which must be on disk before the screen shows them. It may
    /// pass jobs still waiting in the queue; those are reads, which then see the write.
    pub fn call_blocking<R: Send + 'static>(
        &self,
        job: impl FnOnce(&mut Store) -> crate::store::Result<R> + Send + 'static,
    ) -> crate::store::Result<R> {
        self.handle.call_blocking(job)
    }
}
