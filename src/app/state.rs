//! The state tree's types under one name: [`State`] is defined in `app` (mod.rs), each
//! slice next to its update (feeds.rs, articles.rs, reader.rs, search.rs).
pub use super::{
    ArticleList, Connectivity, FeedEntry, Filter, Pane, Reader, Search, State, Status, WrappedBody,
};
