//! One sync over the Fever API. Fever cannot manage subscriptions: a local add, remove,
//! rename or move is dropped from the queue with a note saying so.
use super::client_fever::{Fever, Item, api_key, truthy};
use super::error::SyncError;
use super::http::Http;
use super::merge::{self, RemoteState};
use super::queue::{Plan, plan};
use super::{Flow, Report, SyncStep, call, clean_line, parsed_item};
use crate::store::{Change, RemoteFeed, RemoteItem};
use serde_json::Value;
use std::collections::HashMap;

/// Pages of 50 items one sync may fetch (a bound on time and memory: 250,000 items).
const MAX_PAGES: usize = 5_000;

pub(super) async fn run(
    flow: &Flow<'_>,
    http: &Http,
    base: url::Url,
    report: &mut Report,
) -> Result<(), SyncError> {
    let stored = call(flow.store, |s| s.sync_value("token")).await?;
    let client = login(flow, http, base, stored).await?;
    flow.remember_account().await?;

    let queue = call(flow.store, |s| s.sync_queue()).await?;
    flow.pushing(queue.len());
    let Plan {
        subscriptions,
        reads,
        ratings,
    } = plan(queue);
    for (seq, change) in subscriptions {
        report.notes.push(unsupported(&change));
        // Dropped, not pushed: not counted as pushed.
        call(flow.store, move |s| s.sync_done(&[seq])).await?;
    }
    for (item, read, seqs) in reads {
        mark(&client, &item, if read { "read" } else { "unread" }).await?;
        flow.done(seqs, report).await?;
    }
    for (item, rating, seqs) in ratings {
        mark(&client, &item, if rating > 0 { "saved" } else { "unsaved" }).await?;
        flow.done(seqs, report).await?;
    }

    (flow.progress)(SyncStep::Subscriptions);
    let groups: HashMap<i64, String> = client.feed_groups().await?.into_iter().collect();
    let feeds: Vec<RemoteFeed> = client
        .feeds()
        .await?
        .into_iter()
        .filter_map(|f| {
            let id = match &f.id {
                Value::Number(n) => n.as_i64()?,
                Value::String(s) => s.trim().parse().ok()?,
                _ => return None,
            };
            let url = f
                .url
                .as_deref()
                .map(clean_line)
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| format!("sync:fever/{id}"));
            Some(RemoteFeed {
                id: id.to_string(),
                url,
                title: f.title.as_deref().map(clean_line).unwrap_or_default(),
                site_url: f.site_url.as_deref().map(clean_line),
                category: groups.get(&id).map(|g| clean_line(g)),
            })
        })
        .collect();
    report.feeds = call(flow.store, move |s| s.apply_subscriptions(&feeds)).await?;

    let mut since: i64 = call(flow.store, |s| s.sync_value("fever_since"))
        .await?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    for _ in 0..MAX_PAGES {
        (flow.progress)(SyncStep::Items {
            done: report.new_items,
            total: None,
        });
        let items = client.items_since(since).await?;
        let Some(max) = items.iter().filter_map(Item::id).max() else {
            break;
        };
        if max <= since {
            break;
        }
        let star_rating = flow.config.star_rating;
        let items: Vec<RemoteItem> = items
            .into_iter()
            .filter_map(|i| remote_item(i, star_rating))
            .collect();
        let now = flow.now;
        report.new_items += call(flow.store, move |s| {
            let n = s.save_remote_items(&items, now)?;
            // After the items it vouches for: a crash re-fetches, never skips.
            s.set_sync_value("fever_since", Some(&max.to_string()))?;
            Ok(n)
        })
        .await?;
        since = max;
    }

    (flow.progress)(SyncStep::States);
    let unread = client.unread_ids().await?;
    let saved = client.saved_ids().await?;
    let state = RemoteState {
        unread: Some(unread.iter().map(i64::to_string).collect()),
        starred: saved.iter().map(i64::to_string).collect(),
        stars: HashMap::new(),
    };
    flow.apply_state(state, report).await
}

/// The stored key first; the password only when there is none or it is refused.
async fn login<'a>(
    flow: &Flow<'_>,
    http: &'a Http,
    base: url::Url,
    stored: Option<String>,
) -> Result<Fever<'a>, SyncError> {
    if let Some(key) = stored {
        let client = Fever::new(http, base.clone(), key);
        match client.login().await {
            Err(SyncError::Auth) => {}
            other => return other.map(|()| client),
        }
    }
    let password = super::password::password(flow.config)?;
    let key = api_key(&flow.config.username, password.expose());
    let client = Fever::new(http, base, key.clone());
    client.login().await?;
    call(flow.store, move |s| s.set_sync_secret("token", &key)).await?;
    Ok(client)
}

/// A mark of an item the server no longer has (404) is done: there is nothing to mark.
async fn mark(client: &Fever<'_>, item: &str, state: &str) -> Result<(), SyncError> {
    match client.mark_item(item, state).await {
        Err(SyncError::ApiDisabled { .. }) | Err(SyncError::Server(_)) => {
            tracing::warn!("fever: marking item {item} {state} failed; dropped");
            Ok(())
        }
        other => other,
    }
}

fn unsupported(change: &Change) -> String {
    let what = match change {
        Change::Add { url, .. } => format!("the new subscription {}", clean_line(url)),
        Change::Remove { feed } => format!("removing feed {feed}"),
        Change::Rename { feed, .. } => format!("renaming feed {feed}"),
        Change::Move { feed, .. } => format!("moving feed {feed}"),
        Change::Read { .. } | Change::Rate { .. } => "a change".to_owned(),
    };
    format!("the Fever API cannot manage subscriptions: {what} stays on this computer only")
}

fn remote_item(item: Item, star_rating: u8) -> Option<RemoteItem> {
    let id = item.id()?;
    let feed = item.feed_id()?;
    let published = match &item.created_on_time {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let starred = truthy(&item.is_saved);
    Some(RemoteItem {
        id: id.to_string(),
        feed: feed.to_string(),
        item: parsed_item(
            item.title.as_deref(),
            item.url.as_deref(),
            item.author.as_deref(),
            published,
            None,
            item.html.as_deref(),
        ),
        read: truthy(&item.is_read),
        rating: merge::rating(0, starred, None, star_rating),
    })
}
