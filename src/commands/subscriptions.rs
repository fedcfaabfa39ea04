//! `remove`, `import`, `export` and `feeds` (`add` is in add.rs).
use super::Ctx;
use super::output::{emit, feed_json, feed_line, lines, print_json};
use crate::feed::opml;
use crate::net::check_url;
use crate::store::FeedSource;
use crate::text::clean_line;
use anyhow::Context;
use std::path::Path;

pub fn remove(ctx: &Ctx, spec: &str) -> anyhow::Result<()> {
    let mut store = ctx.open_store()?;
    let feed = store.find_feed(spec)?;
    store.remove_feed(feed.id)?;
    emit(&format!(
        "removed {}: {}\n",
        feed.id.0,
        clean_line(&feed.title)
    ))
}

pub fn import(ctx: &Ctx, file: &Path) -> anyhow::Result<()> {
    let bytes = crate::files::read_limited(file, crate::files::MAX_DOCUMENT_BYTES)?;
    let text = crate::text::decode_bytes(&bytes, None, None);
    let mut opml = opml::parse_opml(&text).with_context(|| file.display().to_string())?;
    // What `add` would refuse (file:, javascript:, a relative path) is not subscribed.
    let mut skipped = Vec::new();
    opml.entries.retain(|e| {
        let ok = is_http_url(&e.xml_url);
        if !ok {
            skipped.push(clean_line(&e.xml_url));
        }
        ok
    });
    let mut store = ctx.open_store()?;
    let done = store.import_opml(&opml)?;
    for url in &skipped {
        eprintln!("skipped: not an http or https URL: {url}");
    }
    let mut line = format!(
        "imported {} feeds ({} already known",
        done.added, done.known
    );
    if !skipped.is_empty() {
        line.push_str(&format!(", {} skipped", skipped.len()));
    }
    line.push_str(")\n");
    emit(&line)
}

/// An absolute http or https URL with a host: the only feeds docbao fetches.
fn is_http_url(url: &str) -> bool {
    check_url(url).is_ok()
}

pub fn export(ctx: &Ctx, file: Option<&Path>) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    let text = opml::write_opml(&store.opml()?, "docbao");
    match file {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => emit(&text),
    }
}

pub fn list(ctx: &Ctx, json: bool) -> anyhow::Result<()> {
    let store = ctx.open_store_to_read()?;
    let feeds = store.feeds()?;
    let now = chrono::Utc::now();
    if json {
        let synced = store.synced_feeds()?;
        let source = |f: &crate::store::FeedRow| match synced.contains(&f.id) {
            true => FeedSource::Sync,
            false => FeedSource::Local,
        };
        return print_json(
            &feeds
                .iter()
                .map(|f| {
                    let mut value = feed_json(f, now);
                    value["source"] = source(f).as_str().into();
                    value
                })
                .collect(),
        );
    }
    // Whole lines even on a terminal: a failure's reason is what the user looks for.
    emit(&lines(&feeds, false, |f| feed_line(f, now)))
}
