//! After a background refresh (`refresh_interval`): what arrived, per feed, for the status
//! bar, and `notify_command` run with the count and the new titles (no shell, output
//! ignored, stopped after [`NOTIFY_TIMEOUT`]; the reader never waits for it).
use crate::app::Msg;
use crate::feed::ArticleId;
use crate::refresh::{FeedResult, Progress};
use crate::store::StoreHandle;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// How long the notification program may run.
pub const NOTIFY_TIMEOUT: Duration = Duration::from_secs(10);
/// New titles given to it, at most, each cut to [`MAX_TITLE`] characters.
const MAX_TITLES: usize = 20;
const MAX_TITLE: usize = 200;

/// New articles per feed, as the refresh reports them.
#[derive(Clone, Default)]
pub struct Arrivals(Arc<Mutex<Vec<(String, usize)>>>);

impl Arrivals {
    pub fn record(&self, p: &Progress) {
        if let Progress::FeedDone {
            title,
            result: FeedResult::Ok { new },
            ..
        } = p
            && *new > 0
            && let Ok(mut list) = self.0.lock()
        {
            list.push((title.clone(), *new));
        }
    }

    /// The feeds with new articles, the most first.
    fn take(&self) -> Vec<(String, usize)> {
        let mut list = self
            .0
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default();
        list.sort_by_key(|f| std::cmp::Reverse(f.1));
        list
    }
}

/// Says what arrived (after the refresh's own summary) and runs the notification.
pub async fn report(
    tx: &UnboundedSender<Msg>,
    store: &StoreHandle,
    arrivals: &Arrivals,
    before: ArticleId,
    count: usize,
    command: &[String],
) {
    let feeds = arrivals.take();
    let _ = tx.send(Msg::Arrived { count, feeds });
    if count == 0 || command.is_empty() {
        return;
    }
    let titles: Vec<String> = store
        .call(move |s| s.articles_after(before, MAX_TITLES))
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| cut(&crate::text::clean_line(&r.title)))
        .collect();
    if let Err(e) = run(command, count, &titles, NOTIFY_TIMEOUT).await {
        tracing::warn!("notify_command: {e}");
    }
}

fn cut(s: &str) -> String {
    s.chars().take(MAX_TITLE).collect()
}

/// Runs `command` with the count and titles appended; killed at `timeout`.
pub async fn run(
    command: &[String],
    count: usize,
    titles: &[String],
    timeout: Duration,
) -> std::io::Result<()> {
    let Some((program, args)) = command.split_first() else {
        return Ok(());
    };
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .arg(count.to_string())
        .args(titles)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    match tokio::time::timeout(timeout, child.wait()).await {
        Ok(status) => status.map(|_| ()),
        Err(_) => {
            child.kill().await?;
            Err(std::io::Error::other(format!("stopped after {timeout:?}")))
        }
    }
}
