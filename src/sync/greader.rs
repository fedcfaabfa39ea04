//! One sync over the Google Reader API.
use super::client_greader::{
    Greader, Item, LABEL_PREFIX, READ, READING_LIST, STARRED, Subscription, item_id, label_name,
};
use super::error::SyncError;
use super::http::Http;
use super::merge::{self, RemoteState, star_label, stars_of_label};
use super::queue::{Plan, plan};
use super::{Flow, Report, SyncStep, call, parsed_item};
use crate::store::{Change, RemoteFeed, RemoteItem};
use serde_json::Value;
use std::collections::HashMap;

/// Items per stream/items/contents request, and per edit-tag request.
const CONTENTS_BATCH: usize = 100;
const EDIT_BATCH: usize = 250;
/// New items are looked for this far before the last sync (late arrivals on the server).
const OVERLAP_SECS: i64 = 24 * 3600;

pub(super) async fn run(
    flow: &Flow<'_>,
    http: &Http,
    base: url::Url,
    report: &mut Report,
) -> Result<(), SyncError> {
    let token = call(flow.store, |s| s.sync_value("token")).await?;
    let mut client = Greader::new(http, base, flow.config, token);
    let mut subs = client.subscriptions().await?;
    save_token(flow, &mut client).await?;
    flow.remember_account().await?;

    let queue = call(flow.store, |s| s.sync_queue()).await?;
    flow.pushing(queue.len());
    let Plan {
        subscriptions,
        reads,
        ratings,
    } = plan(queue);
    if !subscriptions.is_empty() {
        for (seq, change) in subscriptions {
            push_subscription(&mut client, &subs, &change, report).await?;
            flow.done(vec![seq], report).await?;
        }
        subs = client.subscriptions().await?;
    }
    for read in [true, false] {
        let batch: Vec<&(String, bool, Vec<i64>)> = reads.iter().filter(|r| r.1 == read).collect();
        for chunk in batch.chunks(EDIT_BATCH) {
            let ids: Vec<String> = chunk.iter().map(|r| r.0.clone()).collect();
            let tag = vec![READ.to_owned()];
            if read {
                client.edit_tag(&ids, &tag, &[]).await?;
            } else {
                client.edit_tag(&ids, &[], &tag).await?;
            }
            flow.done(chunk.iter().flat_map(|r| r.2.clone()).collect(), report)
                .await?;
        }
    }
    let mut labels = true;
    for stars in 0..=5u8 {
        let batch: Vec<&(String, u8, Vec<i64>)> = ratings.iter().filter(|r| r.1 == stars).collect();
        for chunk in batch.chunks(EDIT_BATCH) {
            let ids: Vec<String> = chunk.iter().map(|r| r.0.clone()).collect();
            push_rating(&mut client, &ids, stars, &mut labels).await?;
            flow.done(chunk.iter().flat_map(|r| r.2.clone()).collect(), report)
                .await?;
        }
    }
    save_token(flow, &mut client).await?;

    (flow.progress)(SyncStep::Subscriptions);
    let feeds: Vec<RemoteFeed> = subs.into_iter().map(remote_feed).collect();
    report.feeds = call(flow.store, move |s| s.apply_subscriptions(&feeds)).await?;

    let cursor: Option<i64> = call(flow.store, |s| s.sync_value("cursor"))
        .await?
        .and_then(|c| c.parse().ok());
    let since = match cursor {
        Some(c) => c - OVERLAP_SECS,
        None => flow.now.timestamp() - i64::from(flow.keep_days) * 24 * 3600,
    };
    let (ids, _) = client.ids(READING_LIST, None, Some(since)).await?;
    let unknown = call(flow.store, move |s| s.unknown_items(&ids)).await?;
    let (mut fetched, total) = (0, Some(unknown.len()));
    for chunk in unknown.chunks(CONTENTS_BATCH) {
        (flow.progress)(SyncStep::Items {
            done: fetched,
            total,
        });
        fetched += chunk.len();
        let items = client.contents(chunk).await?;
        let star_rating = flow.config.star_rating;
        let items: Vec<RemoteItem> = items
            .into_iter()
            .filter_map(|i| remote_item(i, star_rating))
            .collect();
        let now = flow.now;
        report.new_items += call(flow.store, move |s| s.save_remote_items(&items, now)).await?;
    }

    (flow.progress)(SyncStep::States);
    let (unread, complete) = client.ids(READING_LIST, Some(READ), None).await?;
    let (starred, _) = client.ids(STARRED, None, None).await?;
    let mut stars = HashMap::new();
    for tag in client.tags().await? {
        if let Some(n) = label_name(&tag).and_then(stars_of_label) {
            for id in client.ids(&tag, None, None).await?.0 {
                let e = stars.entry(id).or_insert(n);
                *e = (*e).max(n);
            }
        }
    }
    let state = RemoteState {
        unread: complete.then(|| unread.into_iter().collect()),
        starred: starred.into_iter().collect(),
        stars,
    };
    flow.apply_state(state, report).await?;
    save_token(flow, &mut client).await?;
    let now = flow.now.timestamp().to_string();
    call(flow.store, move |s| s.set_sync_value("cursor", Some(&now))).await
}

async fn save_token(flow: &Flow<'_>, client: &mut Greader<'_>) -> Result<(), SyncError> {
    if let Some(token) = client.fresh_auth.take() {
        call(flow.store, move |s| s.set_sync_secret("token", &token)).await?;
    }
    Ok(())
}

fn label(name: &str) -> String {
    format!("{LABEL_PREFIX}{name}")
}

/// Star or unstar, with the `docbao/★N` label where the server keeps item labels. A server
/// that refuses labels (a 4xx) gets the star alone from then on.
async fn push_rating(
    client: &mut Greader<'_>,
    ids: &[String],
    stars: u8,
    labels: &mut bool,
) -> Result<(), SyncError> {
    let (add, remove): (Vec<String>, Vec<String>) = if stars == 0 {
        (Vec::new(), vec![STARRED.to_owned()])
    } else {
        (vec![STARRED.to_owned()], Vec::new())
    };
    if *labels {
        let mut with_add = add.clone();
        let mut with_remove = remove.clone();
        for n in 1..=5u8 {
            if n == stars {
                with_add.push(label(&star_label(n)));
            } else {
                with_remove.push(label(&star_label(n)));
            }
        }
        match client.edit_tag(ids, &with_add, &with_remove).await {
            Err(SyncError::Server(e)) if e.starts_with("HTTP 4") => *labels = false,
            other => return other,
        }
    }
    client.edit_tag(ids, &add, &remove).await
}

async fn push_subscription(
    client: &mut Greader<'_>,
    subs: &[Subscription],
    change: &Change,
    report: &mut Report,
) -> Result<(), SyncError> {
    let stream = |feed: &str| feed.to_owned();
    match change {
        Change::Add {
            url,
            title,
            category,
        } => match client.quickadd(url).await {
            Ok(Some(stream)) => {
                if title.is_some() || category.is_some() {
                    let cat = category.as_deref().map(label);
                    client
                        .edit_subscription("edit", &stream, title.as_deref(), cat.as_deref(), None)
                        .await?;
                }
            }
            Ok(None) | Err(SyncError::Server(_)) => report.notes.push(format!(
                "the server could not subscribe to {}; it stays a local feed",
                super::clean_line(url)
            )),
            Err(e) => return Err(e),
        },
        Change::Remove { feed } => {
            match client
                .edit_subscription("unsubscribe", &stream(feed), None, None, None)
                .await
            {
                // Already gone on the server: the change is done.
                Ok(()) | Err(SyncError::Server(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Change::Rename { feed, title } => {
            client
                .edit_subscription("edit", feed, Some(title), None, None)
                .await?;
        }
        Change::Move { feed, category } => {
            let old = subs
                .iter()
                .find(|s| s.id == *feed)
                .and_then(|s| s.categories.first())
                .map(|c| c.id.clone());
            let new = category.as_deref().map(label);
            client
                .edit_subscription("edit", feed, None, new.as_deref(), old.as_deref())
                .await?;
        }
        Change::Read { .. } | Change::Rate { .. } => {}
    }
    Ok(())
}

fn remote_feed(s: Subscription) -> RemoteFeed {
    let url = s
        .url
        .as_deref()
        .map(super::clean_line)
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| format!("sync:{}", s.id));
    RemoteFeed {
        category: s
            .categories
            .iter()
            .find_map(|c| c.name())
            .map(|c| super::clean_line(&c)),
        title: s
            .title
            .as_deref()
            .map(super::clean_line)
            .unwrap_or_default(),
        site_url: s.html_url.as_deref().map(super::clean_line),
        url,
        id: s.id,
    }
}

fn remote_item(item: Item, star_rating: u8) -> Option<RemoteItem> {
    let id = item_id(&item.id)?;
    let feed = item.origin.as_ref()?.stream_id.clone()?;
    let has = |suffix: &str| item.categories.iter().any(|c| c.ends_with(suffix));
    let read = has("/state/com.google/read");
    let starred = has("/state/com.google/starred");
    let label = item
        .categories
        .iter()
        .filter_map(|c| label_name(c).and_then(stars_of_label))
        .max();
    let url = item
        .canonical
        .iter()
        .chain(&item.alternate)
        .find_map(|l| l.href.as_deref());
    let published = match &item.published {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let text = |t: &Option<super::client_greader::Text>| t.as_ref().and_then(|t| t.content.clone());
    let parsed = parsed_item(
        item.title.as_deref(),
        url,
        item.author.as_deref(),
        published,
        text(&item.summary).as_deref(),
        text(&item.content).as_deref(),
    );
    Some(RemoteItem {
        id,
        feed,
        item: parsed,
        read,
        rating: merge::rating(0, starred, label, star_rating),
    })
}
