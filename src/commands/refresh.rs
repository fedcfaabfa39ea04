//! `refresh`: fetch feeds concurrently, progress on stderr when it is a terminal, one
//! summary line at the end, failures listed on stderr (exit 0 all the same).
use super::Ctx;
use super::output::emit;
use super::sync::run_sync;
use crate::cli::RefreshArgs;
use crate::net::{Client, NetConfig};
use crate::refresh::skipped_until;
use crate::refresh::{Progress, RefreshOptions, refresh};
use crate::store::FeedRow;
use crate::store::handle::StoreHandle;
use crate::text::clean_line;
use anyhow::bail;
use chrono::Utc;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

pub fn run(ctx: &Ctx, args: &RefreshArgs) -> anyhow::Result<()> {
    if ctx.offline {
        bail!("refresh needs the network, and --offline is set");
    }
    let store = ctx.open_store()?;
    let feeds = if args.feeds.is_empty() {
        store.feeds()?
    } else {
        let mut feeds: Vec<FeedRow> = Vec::new();
        for spec in &args.feeds {
            let feed = store.find_feed(spec)?;
            // `refresh 3 "Thời sự"` may name one feed twice: fetch it once.
            if !feeds.iter().any(|f| f.id == feed.id) {
                feeds.push(feed);
            }
        }
        feeds
    };
    let handle = StoreHandle::spawn(store);
    let client = Client::new(&NetConfig::default())?;
    let opts = RefreshOptions {
        jobs: args.jobs.unwrap_or(ctx.config.jobs).max(1),
        full_text: args.full_text || ctx.config.full_text,
        lang: ctx.lang,
        arrival: std::sync::Arc::new(ctx.config.arrival()?),
        max_items: ctx.config.max_items_per_feed,
        pictures: ctx.config.picture_budget(),
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(feeds.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    });
    // Parsing runs on the blocking pool; a few threads keep every core busy, and fewer
    // threads means fewer malloc arenas: peak memory stays near one feed per thread.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(2)
        .enable_all()
        .build()?;
    let summary = runtime.block_on(async {
        let (synced, feeds) = match &ctx.config.sync {
            Some(config) => {
                let report = run_sync(&handle, config, ctx.config.keep_days).await;
                // Synced feeds come from the aggregator (asked after the sync, which may
                // have linked some): fetching them here too would duplicate their items.
                let ids = handle.call(|s| s.synced_feeds()).await.unwrap_or_default();
                let feeds = feeds.into_iter().filter(|f| !ids.contains(&f.id)).collect();
                (Some(report), feeds)
            }
            None => (None, feeds),
        };
        let summary = refresh(&handle, &client, feeds, &opts, Utc::now, |event| {
            if let (Some(bar), Progress::FeedDone { done, title, .. }) = (&bar, &event) {
                bar.set_position(*done as u64);
                bar.set_message(clean_line(title));
            }
        })
        .await;
        let keep_days = ctx.config.keep_days;
        let pruned = handle.call(move |s| s.prune(keep_days, Utc::now())).await;
        (summary, pruned, synced)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let (mut summary, pruned, synced) = summary;
    pruned?;
    let synced = match synced {
        Some(Ok(report)) => {
            for note in &report.notes {
                eprintln!("note: {note}");
            }
            Some(report.new_items.to_string())
        }
        Some(Err(e)) => {
            eprintln!("failed: sync: {}", super::one_line(&e));
            Some("failed".to_owned())
        }
        None => None,
    };
    // Listed in the order of `feeds`, not in the order the servers answered.
    summary.failed.sort_by_key(|(feed, _)| feed.id.0);
    for (feed, error) in &summary.failed {
        eprintln!("failed: {}: {}", clean_line(&feed.title), clean_line(error));
    }
    let now = Utc::now();
    for (feed, until) in &summary.skipped {
        eprintln!(
            "{}: {}",
            skipped_until(*until, now),
            clean_line(&feed.title)
        );
    }
    let mut line = format!(
        "{} feeds ok ({} unchanged), {} failed, {} new articles",
        summary.ok + summary.not_modified,
        summary.not_modified,
        summary.failed.len(),
        summary.new_articles
    );
    if opts.full_text {
        line.push_str(&format!(", {} full texts", summary.full_texts));
    }
    if !summary.skipped.is_empty() {
        line.push_str(&format!(", {} skipped", summary.skipped.len()));
    }
    match synced.as_deref() {
        Some("failed") => line.push_str("; sync failed"),
        Some(n) => line.push_str(&format!("; sync: {n} new articles")),
        None => {}
    }
    line.push('\n');
    emit(&line)
}
