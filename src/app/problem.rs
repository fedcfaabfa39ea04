//! What went wrong, carried as it is from the runner to where it is shown, and only there
//! put in the interface's words ([`Problem::text`]).
use crate::article::ArticleError;
use crate::i18n::{Lang, T, tr};

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

impl Problem {
    /// In the interface's words (the text of errors from elsewhere as it came).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Said(t) => tr(lang, *t).to_owned(),
            Problem::Offline => tr(lang, T::OfflineNoFetch).to_owned(),
            Problem::Cache(e) | Problem::Browser(e) | Problem::Text(e) => e.clone(),
            Problem::Page(e) => e.to_string(),
            Problem::Feed { name, error } => format!("{name}: {error}"),
        }
    }
}
