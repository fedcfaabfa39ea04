//! What went wrong, carried as it is from the runner to the status bar: the view says it in
//! the interface's language ([`crate::view::status`]); nothing on the way turns it into
//! words.
use crate::article::ArticleError;
use crate::i18n::T;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// One of the interface's own messages (no address, offline by choice, ...).
    Said(T),
    /// The cache could not be read or written (its error's line).
    Cache(String),
    /// The article's page could not be fetched or read.
    Page(ArticleError),
    /// The full text was not fetched: offline by choice.
    Offline,
    /// A feed of the last refresh failed: its name and why.
    Feed { name: String, error: String },
    /// The browser could not be started.
    Browser(String),
    /// Already in words (a message from elsewhere).
    Text(String),
}

impl From<&str> for Problem {
    fn from(s: &str) -> Problem {
        Problem::Text(s.to_owned())
    }
}

impl From<String> for Problem {
    fn from(s: String) -> Problem {
        Problem::Text(s)
    }
}

impl From<crate::store::StoreError> for Problem {
    fn from(e: crate::store::StoreError) -> Problem {
        match e {
            // A rating on a read-only cache: said in the reader's language.
            crate::store::StoreError::ReadOnly => Problem::Said(T::ReadOnlyCache),
            e => Problem::Cache(e.to_string()),
        }
    }
}
