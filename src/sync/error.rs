//! Sync errors: each one line a person understands, and never a password or a token.
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// `[sync]` cannot be used as written.
    #[error("sync: {0}")]
    Config(String),
    #[error(
        "sync needs a password: set `password_command` in [sync] or the environment \
         variable DOCBAO_SYNC_PASSWORD"
    )]
    NoPassword,
    /// `password_command` failed; the reason never quotes its output.
    #[error("sync: password_command {0}")]
    PasswordCommand(String),
    #[error("the sync server refused the user name or password")]
    Auth,
    /// The server could not be reached: docbao works offline and keeps the queue.
    #[error("cannot reach the sync server: {0}")]
    Unreachable(String),
    #[error("the {api} API is not enabled on the sync server ({detail})")]
    ApiDisabled { api: &'static str, detail: String },
    /// A 5xx or an unexpected status.
    #[error("the sync server failed: {0}")]
    Server(String),
    /// An answer that is not what the protocol says; nothing is stored from it.
    #[error("malformed answer from the sync server: {0}")]
    Malformed(String),
    #[error("this cache is synced with {0}; use another --data-dir for another account")]
    OtherAccount(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    /// True when the server was out of reach: the queue is kept for the next sync.
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Unreachable(_))
    }
}
