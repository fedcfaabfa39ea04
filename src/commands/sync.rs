//! `sync [--json]`, and the sync that `refresh` runs first when `[sync]` is set.
use super::Ctx;
use super::output::{emit, print_json};
use crate::config::SyncConfig;
use crate::store::StoreHandle;
use crate::sync::{self, Report, SyncError};
use anyhow::bail;
use chrono::Utc;
use serde_json::json;

pub fn run(ctx: &Ctx, json: bool) -> anyhow::Result<()> {
    let Some(config) = &ctx.config.sync else {
        bail!("there is no [sync] section in the config (see assets/config.toml)");
    };
    let handle = StoreHandle::spawn(ctx.open_store()?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    if ctx.offline {
        let queued = runtime.block_on(sync::queued(&handle))?;
        bail!("sync needs the network, and --offline is set; {queued} local changes are queued");
    }
    let report = runtime.block_on(run_sync(&handle, config, ctx.config.keep_days))?;
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    if json {
        return print_json(&report_json(config, &report));
    }
    emit(&format!("{}\n", summary(&report)))
}

/// One sync; an unreachable server becomes an error that says the queue is kept.
pub async fn run_sync(
    handle: &StoreHandle,
    config: &SyncConfig,
    keep_days: u32,
) -> anyhow::Result<Report> {
    match sync::sync(handle, config, keep_days, Utc::now()).await {
        Ok(report) => Ok(report),
        Err(e) if e.is_offline() => {
            let queued = sync::queued(handle).await.unwrap_or(0);
            bail!("{e}; working offline, {queued} local changes kept for the next sync")
        }
        Err(SyncError::Store(e)) => Err(e.into()),
        Err(e) => Err(e.into()),
    }
}

/// "synced: 2 feeds added, 40 new articles, …".
pub fn summary(r: &Report) -> String {
    let mut parts = vec![format!("{} new articles", r.new_items)];
    let f = &r.feeds;
    for (n, what) in [
        (f.added, "feeds added"),
        (f.linked, "local feeds now synced"),
        (f.removed, "feeds removed"),
        (
            f.kept_local,
            "feeds kept as local (they hold rated articles)",
        ),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    parts.push(format!(
        "{} read marks and {} ratings from the server",
        r.read_changed, r.rating_changed
    ));
    parts.push(format!("{} changes pushed, {} queued", r.pushed, r.queued));
    format!("synced: {} ({} requests)", parts.join(", "), r.requests)
}

fn report_json(config: &SyncConfig, r: &Report) -> serde_json::Value {
    json!({
        "service": config.service.as_str(),
        "new_articles": r.new_items,
        "feeds_added": r.feeds.added,
        "feeds_linked": r.feeds.linked,
        "feeds_removed": r.feeds.removed,
        "feeds_kept_local": r.feeds.kept_local,
        "read_changed": r.read_changed,
        "rating_changed": r.rating_changed,
        "pushed": r.pushed,
        "queued": r.queued,
        "requests": r.requests,
        "notes": r.notes.iter().map(|n| crate::text::clean_line(n)).collect::<Vec<_>>(),
    })
}
