//! `add`, `remove`, `import`, `export` and `feeds`.
use super::Ctx;
use super::output::{emit, feed_json, feed_line, lines, print_json};
use crate::feed::{ParsedFeed, discover, opml, parse};
use crate::net::{Client, Fetch, Fetched, NetConfig, check_url};
use crate::store::{PreparedFeed, Store, Validators};
use crate::text::clean_line;
use anyhow::{Context, bail};
use std::path::Path;

pub fn add(ctx: &Ctx, url: &str, title: Option<&str>) -> anyhow::Result<()> {
    let url = url.trim();
    if !is_http_url(url) {
        bail!("not an http or https URL: {}", clean_line(url));
    }
    let mut store = ctx.open_store()?;
    if ctx.offline {
        return subscribe(&mut store, url, title, None, ctx);
    }
    let (feed_url, fetched, parsed) = fetch_feed(url)?;
    let title = title.map(str::to_owned).or_else(|| parsed.title.clone());
    subscribe(
        &mut store,
        &feed_url,
        title.as_deref(),
        Some((fetched, parsed)),
        ctx,
    )
}

fn subscribe(
    store: &mut Store,
    url: &str,
    title: Option<&str>,
    fetched: Option<(Fetched, ParsedFeed)>,
    ctx: &Ctx,
) -> anyhow::Result<()> {
    let (id, added) = store.add_feed(url, title, None)?;
    if !added {
        let feed = store.feed(id)?;
        return emit(&format!(
            "already subscribed: {} ({})\n",
            clean_line(&feed.title),
            feed.id.0
        ));
    }
    if let Some((fetched, parsed)) = fetched {
        let validators = Validators {
            etag: fetched.etag,
            last_modified: fetched.last_modified,
        };
        // The first items meet the arrival rules as a refresh's new items do.
        let prepared = PreparedFeed::with_arrival(parsed, "", url, &ctx.config.arrival()?);
        store.save_prepared(id, prepared, &validators, chrono::Utc::now())?;
    }
    let feed = store.feed(id)?;
    emit(&format!(
        "added {}: {} ({})\n",
        feed.id.0,
        clean_line(&feed.title),
        clean_line(&feed.url)
    ))
}

/// Fetches `url`; when it is an HTML page, follows its first `<link rel="alternate">` feed.
fn fetch_feed(url: &str) -> anyhow::Result<(String, Fetched, ParsedFeed)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = Client::new(&NetConfig::default())?;
    runtime.block_on(async {
        let page = get(&client, url).await?;
        let err = match parse::parse_feed(&page.body, page.content_type.as_deref(), &page.final_url)
        {
            Ok(feed) => return Ok((url.to_string(), page, feed)),
            Err(err) => err,
        };
        let host = url::Url::parse(&page.final_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned));
        let html =
            crate::text::decode_bytes(&page.body, page.content_type.as_deref(), host.as_deref());
        // Only a web page can point to its feed; anything else keeps the parser's reason.
        if !parse::is_html_page(&html) {
            bail!("{url}: {err}");
        }
        let links = discover::find_feed_links(&html, &page.final_url);
        if links.is_empty() {
            bail!("{url} is a web page that links to no feed");
        }
        // The first feed that answers and parses; a page may list a dead one first.
        let mut last_error = None;
        for link in links.into_iter().take(MAX_LINKS_TRIED) {
            let tried = match get(&client, &link).await {
                Ok(fetched) => parse::parse_feed(
                    &fetched.body,
                    fetched.content_type.as_deref(),
                    &fetched.final_url,
                )
                .map(|feed| (fetched, feed))
                .with_context(|| link.clone()),
                Err(e) => Err(e),
            };
            match tried {
                Ok((fetched, feed)) => return Ok((link, fetched, feed)),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow::anyhow!("{url}: no usable feed")))
    })
}

/// Feeds of one page tried by `add`, so that a page listing many costs a bounded time.
const MAX_LINKS_TRIED: usize = 3;

async fn get(client: &Client, url: &str) -> anyhow::Result<Fetched> {
    match client.get(url, &Validators::default()).await {
        Ok(Fetch::Body(fetched)) => Ok(fetched),
        Ok(Fetch::NotModified) => bail!("{url}: the server answered 304 to a plain request"),
        Ok(Fetch::RetryAfter(when)) => {
            let when = crate::refresh::local_time(when, chrono::Utc::now());
            bail!("{url}: the server is busy; try again after {when}")
        }
        Err(err) => Err(anyhow::Error::new(err).context(url.to_string())),
    }
}

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
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = crate::text::decode_bytes(&bytes, None, None);
    let entries = opml::parse_opml(&text).with_context(|| file.display().to_string())?;
    let mut store = ctx.open_store()?;
    let (mut added, mut known, mut skipped) = (0, 0, Vec::new());
    for entry in &entries {
        // What `add` would refuse (file:, javascript:, a relative path) is not subscribed.
        if !is_http_url(&entry.xml_url) {
            skipped.push(clean_line(&entry.xml_url));
            continue;
        }
        let (_, new) = store.add_feed(
            entry.xml_url.trim(),
            Some(&entry.title),
            entry.category.as_deref(),
        )?;
        if new {
            added += 1;
        } else {
            known += 1;
        }
    }
    for url in &skipped {
        eprintln!("skipped: not an http or https URL: {url}");
    }
    let mut line = format!("imported {added} feeds ({known} already known");
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
    let store = ctx.open_store()?;
    let entries: Vec<opml::OpmlEntry> = store
        .feeds()?
        .into_iter()
        .filter(|f| f.url.starts_with("http"))
        .map(|f| opml::OpmlEntry {
            title: f.title,
            xml_url: f.url,
            html_url: f.site_url,
            category: f.category,
        })
        .collect();
    let text = opml::write_opml(&entries, "docbao");
    match file {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => emit(&text),
    }
}

pub fn list(ctx: &Ctx, json: bool) -> anyhow::Result<()> {
    let store = ctx.open_store()?;
    let feeds = store.feeds()?;
    let now = chrono::Utc::now();
    if json {
        return print_json(&feeds.iter().map(|f| feed_json(f, now)).collect());
    }
    // Whole lines even on a terminal: a failure's reason is what the user looks for.
    emit(&lines(&feeds, false, |f| feed_line(f, now)))
}
