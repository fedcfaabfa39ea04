//! The store's and the network's side of the reader's bulk marks and feed management:
//! marks written in order on the store's thread, a feed added as `docbao add` adds one
//! (the same code), edits of the feeds and saved searches.
use crate::app::manage::{Added, Edit};
use crate::app::{Msg, Problem};
use crate::arrival::Arrival;
use crate::commands::add;
use crate::net::Client;
use crate::store::{Selection, Store, StoreHandle};
use std::sync::Arc;
use tokio::sync::mpsc::UnboundedSender;

/// Marks `selections` read or unread; the ids changed, all selections together.
pub fn mark(s: &mut Store, selections: &[Selection], read: bool, undo: bool) -> Msg {
    let mut changed = Vec::new();
    for sel in selections {
        match s.mark(sel, read) {
            Ok(ids) => changed.extend(ids),
            Err(e) => return Msg::Failed(e.into()),
        }
    }
    Msg::Marked {
        changed,
        read,
        undo,
    }
}

/// Removes, renames or moves a feed; saves or deletes a search.
pub fn edit(s: &mut Store, edit: Edit) -> Msg {
    let done = match &edit {
        Edit::Remove(id) => s.remove_feed(*id),
        Edit::Rename(id, title) => s.rename_feed(*id, title.as_deref()),
        Edit::Move(id, path) => s.move_feed(*id, path.as_deref()),
        Edit::SaveSearch(q) => s.save_search(q).map(|_| ()),
        Edit::DeleteSearch(name) => s.delete_search(name),
    };
    done.map_or_else(|e| Msg::Failed(e.into()), |()| Msg::Edited(edit))
}

/// Subscribes to `url` as `docbao add` does: found on the network (bounded by its
/// deadline), then written by the store; offline (no client), without a request.
pub fn spawn_add(
    tx: UnboundedSender<Msg>,
    store: StoreHandle,
    client: Option<Client>,
    arrival: Arc<Arrival>,
    url: String,
) {
    tokio::spawn(async move {
        let found = match &client {
            Some(client) => match add::find_feed(client, &url).await {
                Ok(found) => Some(found),
                Err(why) => {
                    let _ = tx.send(Msg::FeedAdded(Err(Problem::Text(why))));
                    return;
                }
            },
            None => None,
        };
        let done = store
            .call(move |s| add::subscribe_found(s, &url, found, None, None, &arrival))
            .await;
        let _ = tx.send(Msg::FeedAdded(
            done.map(|d| Added {
                id: d.feed.id,
                name: d.feed.name().to_owned(),
                added: d.added,
                down: d.down,
            })
            .map_err(Problem::from),
        ));
    });
}
