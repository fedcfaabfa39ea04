//! What the feed management asks the store for, and what adding a feed gave (the types
//! [`super::effect`] and [`super::msg`] carry; the logic is in [`super::manage`]).
use crate::feed::FeedId;
use crate::store::SavedSearch;

/// A change to the subscriptions or the saved searches, done by the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Remove(FeedId),
    /// `None`: back to the feed's own title.
    Rename(FeedId, Option<String>),
    /// `None`: no category.
    Move(FeedId, Option<String>),
    SaveSearch(SavedSearch),
    DeleteSearch(String),
}

/// What adding a feed gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: FeedId,
    pub name: String,
    /// False: it was subscribed already.
    pub added: bool,
    /// Added but not fetched now (the site is down): why.
    pub down: Option<String>,
}
