//! The reader's pictures, off the UI thread: each asked-for picture comes from the cache,
//! else from the network with the article client (its per-host limits, the 8 MiB cap) at
//! most [`FETCHES`] at a time; then one worker thread decodes, scales and encodes it for the
//! terminal, one picture at a time (a photo decodes to tens of MB: one at a time bounds the
//! memory). Jobs of a request older than the newest reset are skipped: after a resize or
//! another article, only what is shown now is prepared (latest wins). A picture fetched
//! here is cached (within `image_cache_mb`) once it decoded, so the cache only holds what
//! the reader can draw.
use crate::app::Msg;
use crate::app::pictures::Shown;
use crate::feed::ArticleId;
use crate::net::Client;
use crate::picture::decode::decode;
use crate::picture::draw::prepare;
use crate::picture::encode::Picker;
use crate::store::StoreHandle;
use crate::store::images::CachedImage;
use chrono::Utc;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use tokio::sync::{Semaphore, mpsc::UnboundedSender};

/// Pictures downloaded at once for the reader.
const FETCHES: usize = 2;

/// One picture to prepare.
struct Job {
    req: u64,
    index: usize,
    cols: u16,
    rows: u16,
    image: CachedImage,
    /// Freshly fetched: cached for this article once it decoded.
    save: Option<(ArticleId, String)>,
}

struct Queue {
    jobs: Mutex<(VecDeque<Job>, bool)>,
    wake: Condvar,
    /// Requests below this are stale.
    floor: AtomicU64,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, (VecDeque<Job>, bool)> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The picture side of the runner.
pub struct PictureWork {
    queue: Arc<Queue>,
    fetches: Arc<Semaphore>,
    store: StoreHandle,
    tx: UnboundedSender<Msg>,
}

impl PictureWork {
    /// Starts the worker thread drawing with `picker`; `budget` is the cache's size.
    pub fn spawn(
        picker: Picker,
        store: StoreHandle,
        tx: UnboundedSender<Msg>,
        budget: u64,
    ) -> std::io::Result<PictureWork> {
        let queue = Arc::new(Queue {
            jobs: Mutex::new((VecDeque::new(), false)),
            wake: Condvar::new(),
            floor: AtomicU64::new(0),
        });
        let q = queue.clone();
        let (wtx, wstore) = (tx.clone(), store.clone());
        std::thread::Builder::new()
            .name("docbao-pictures".into())
            .spawn(move || work(&q, &picker, &wstore, &wtx, budget))?;
        Ok(PictureWork {
            queue,
            fetches: Arc::new(Semaphore::new(FETCHES)),
            store,
            tx,
        })
    }

    /// Requests below `req` are stale: their jobs waiting are dropped.
    pub fn drop_below(&self, req: u64) {
        self.queue.floor.fetch_max(req, Ordering::SeqCst);
        self.queue.lock().0.retain(|j| j.req >= req);
    }

    /// Loads picture `index` of `id` for `cols` x `rows` cells (see the module's doc).
    #[allow(clippy::too_many_arguments, reason = "one effect's fields")]
    pub fn load(
        &self,
        client: Option<Client>,
        req: u64,
        id: ArticleId,
        index: usize,
        url: String,
        cols: u16,
        rows: u16,
    ) {
        let queue = self.queue.clone();
        let store = self.store.clone();
        let tx = self.tx.clone();
        let fetches = self.fetches.clone();
        tokio::spawn(async move {
            let failed = || {
                let _ = tx.send(Msg::PictureReady {
                    req,
                    index,
                    shown: None,
                });
            };
            let u = url.clone();
            let cached = store.call(move |s| s.image(&u)).await.ok().flatten();
            let (image, save) = match cached {
                Some(image) => {
                    let u = url.clone();
                    store.exec(move |s| {
                        let _ = s.touch_images(&[u], Utc::now());
                    });
                    (image, None)
                }
                None => {
                    let Some(client) = client else {
                        return failed();
                    };
                    if req < queue.floor.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(_permit) = fetches.acquire().await else {
                        return failed();
                    };
                    match crate::picture::fetch::fetch(&client, &url).await {
                        Ok(image) => (image, Some((id, url))),
                        Err(e) => {
                            tracing::info!("picture {url}: {e}");
                            return failed();
                        }
                    }
                }
            };
            let mut jobs = queue.lock();
            if req < queue.floor.load(Ordering::SeqCst) && save.is_none() {
                return;
            }
            jobs.0.push_back(Job {
                req,
                index,
                cols,
                rows,
                image,
                save,
            });
            drop(jobs);
            queue.wake.notify_one();
        });
    }
}

impl Drop for PictureWork {
    fn drop(&mut self) {
        self.queue.lock().1 = true;
        self.queue.wake.notify_one();
    }
}

fn work(q: &Queue, picker: &Picker, store: &StoreHandle, tx: &UnboundedSender<Msg>, budget: u64) {
    loop {
        let job = {
            let mut jobs = q.lock();
            loop {
                if jobs.1 {
                    return;
                }
                if let Some(j) = jobs.0.pop_front() {
                    break j;
                }
                jobs = q.wake.wait(jobs).unwrap_or_else(|e| e.into_inner());
            }
        };
        let save = |job: Job| {
            if let Some((id, url)) = job.save {
                let image = job.image;
                store.exec(move |s| {
                    if let Err(e) = s.save_image(id, &url, &image, budget, Utc::now()) {
                        tracing::info!("picture cache: {e}");
                    }
                });
            }
        };
        if job.req < q.floor.load(Ordering::SeqCst) {
            // Nobody shows it any more: a fresh download is still cached if it decodes,
            // without scaling and encoding it for a size that is gone.
            let decodes = job.save.is_some()
                && catch_unwind(AssertUnwindSafe(|| decode(&job.image.bytes).is_ok()))
                    .unwrap_or(false);
            if decodes {
                save(job);
            }
            continue;
        }
        let prepared = catch_unwind(AssertUnwindSafe(|| {
            prepare(picker, &job.image.bytes, job.cols, job.rows)
        }));
        let (req, index) = (job.req, job.index);
        let shown = match prepared {
            Ok(Ok(p)) => {
                save(job);
                Some(Shown(Arc::new(p)))
            }
            Ok(Err(e)) => {
                tracing::info!("picture: {e}");
                None
            }
            Err(_) => {
                tracing::error!("a picture panicked the decoder");
                None
            }
        };
        let _ = tx.send(Msg::PictureReady { req, index, shown });
    }
}
