//! A worker that runs only the newest job (gitui's single-job runner): a job submitted
//! while another runs replaces any job still waiting. Dragging the window edge asks for one
//! body render per resize; only the width the window ends at is rendered after the one
//! already running. (tokio cannot abort a started blocking task, so the choice is made
//! before a job starts.)
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

struct Slot<J> {
    job: Option<J>,
    closed: bool,
}

struct Shared<J> {
    slot: Mutex<Slot<J>>,
    wake: Condvar,
}

impl<J> Shared<J> {
    fn lock(&self) -> MutexGuard<'_, Slot<J>> {
        // The slot holds no invariant a panic could break.
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The submitting side; dropping it ends the worker after its current job.
pub struct Latest<J> {
    shared: Arc<Shared<J>>,
}

impl<J: Send + 'static> Latest<J> {
    /// Starts the worker thread `name`, running `work` on each job it takes.
    pub fn spawn(name: &str, mut work: impl FnMut(J) + Send + 'static) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot {
                job: None,
                closed: false,
            }),
            wake: Condvar::new(),
        });
        let worker = shared.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                while let Some(job) = next(&worker) {
                    // A job that panics is lost; the worker carries on with the next one.
                    if catch_unwind(AssertUnwindSafe(|| work(job))).is_err() {
                        tracing::error!("a background job panicked");
                    }
                }
            })?;
        Ok(Latest { shared })
    }

    /// Queues `job` in place of any job not started yet.
    pub fn submit(&self, job: J) {
        self.shared.lock().job = Some(job);
        self.shared.wake.notify_one();
    }
}

/// Waits for a job; `None` once closed with nothing left.
fn next<J>(shared: &Shared<J>) -> Option<J> {
    let mut slot = shared.lock();
    loop {
        if let Some(job) = slot.job.take() {
            return Some(job);
        }
        if slot.closed {
            return None;
        }
        slot = shared.wake.wait(slot).unwrap_or_else(|e| e.into_inner());
    }
}

impl<J> Drop for Latest<J> {
    fn drop(&mut self) {
        let mut slot = self.shared.lock();
        slot.closed = true;
        slot.job = None;
        drop(slot);
        self.shared.wake.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// While the first job runs, twenty more arrive: only the last of them runs after it.
    #[test]
    fn only_the_newest_waiting_job_runs() {
        let (started, started_rx) = mpsc::channel();
        let (gate, gate_rx) = mpsc::channel::<()>();
        let (done, done_rx) = mpsc::channel();
        let latest = Latest::spawn("test-latest", move |w: u16| {
            let _ = started.send(w);
            if w == 1 {
                let _ = gate_rx.recv();
            }
            let _ = done.send(w);
        })
        .unwrap();
        latest.submit(1);
        assert_eq!(started_rx.recv().unwrap(), 1);
        for w in 2..=21 {
            latest.submit(w);
        }
        gate.send(()).unwrap();
        assert_eq!(done_rx.recv().unwrap(), 1);
        assert_eq!(done_rx.recv().unwrap(), 21);
        drop(latest);
        assert!(done_rx.recv().is_err(), "nothing else ran");
    }

    #[test]
    fn a_panicking_job_does_not_stop_the_worker() {
        let (started, started_rx) = mpsc::channel();
        let (done, done_rx) = mpsc::channel();
        let latest = Latest::spawn("test-latest", move |w: u16| {
            let _ = started.send(w);
            assert!(w != 1, "job 1 fails");
            let _ = done.send(w);
        })
        .unwrap();
        latest.submit(1);
        assert_eq!(started_rx.recv().unwrap(), 1);
        latest.submit(2);
        assert_eq!(done_rx.recv().unwrap(), 2);
    }
}
