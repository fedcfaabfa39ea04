//! The TUI's way to the cache: jobs run one after another on the thread that owns the
//! store, in the order they were sent (a rating is written before the list reloads).
use crate::store::Store;
use std::sync::mpsc;

type Job = Box<dyn FnOnce(&mut Store) + Send>;

#[derive(Clone)]
pub struct Db {
    tx: mpsc::Sender<Job>,
}

impl Db {
    /// Moves `store` to its own thread.
    pub fn spawn(mut store: Store) -> Db {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("docbao-store".into())
            .spawn(move || {
                for job in rx {
                    job(&mut store);
                }
            })
            .expect("spawn the store thread");
        Db { tx }
    }

    /// Queues `job`; it runs after every job queued before it.
    pub fn exec(&self, job: impl FnOnce(&mut Store) + Send + 'static) {
        if self.tx.send(Box::new(job)).is_err() {
            tracing::error!("the store thread has stopped");
        }
    }

    /// Runs `job` and waits for its result (start-up only: the first frame).
    pub fn call_blocking<R: Send + 'static>(
        &self,
        job: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> Option<R> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.exec(move |s| {
            let _ = tx.send(job(s));
        });
        rx.recv().ok()
    }
}
