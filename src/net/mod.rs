//! The HTTP client: rustls, gzip/brotli/deflate, timeouts, a body cap counted after
//! decompression while streaming, conditional GET, at most 2 requests per host at a time.
//!
//! Contract (bodies by the net module's author):
//! - `Client::new(&NetConfig) -> Result<Client, NetError>`; cheap to clone (Arc inside).
//! - `Client::get(&self, url: &str, validators: &Validators) -> Result<Fetch, NetError>`
//!   where `Fetch` is `NotModified`, `Body(Fetched)` or `RetryAfter(DateTime<Utc>)`
//!   (429/503 with Retry-After).
//! - `Fetched { final_url, status, content_type, etag, last_modified, body: Vec<u8> }`.
//! - `NetError`: one line a person understands ("timed out after 30 s", "too many
//!   redirects", "HTTP 500 Internal Server Error", "body larger than 16 MiB", ...), plus
//!   `is_offline()` when the host could not be reached at all (DNS, refused, no route).
//! - `Client::get_page(&self, url) -> Result<Fetched, NetError>`: the same without
//!   validators, for article pages (429/503 are plain status errors there).
//!
//! Timeouts are enforced here rather than by reqwest so that each ends with its own message:
//! the whole request (connect, headers, body) has `request_timeout`; every wait for bytes
//! (the headers, each body chunk) has `idle_timeout`. The per-host limit counts host and port.
mod client;
mod error;
mod hosts;
mod retry_after;

pub use client::{Client, Fetch, Fetched, check_url};
pub use error::NetError;
pub use hosts::HostTurn;
pub use retry_after::parse_retry_after;

use std::time::Duration;

/// Limits of the client. `Default` gives the documented values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetConfig {
    /// Establishing the TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// The whole request: connect, headers and body.
    pub request_timeout: Duration,
    /// No bytes for this long ends the request.
    pub idle_timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// The body cap in bytes, counted after decompression.
    pub max_body: usize,
}

/// Requests to one host (and port) at a time.
pub const PER_HOST: usize = 2;

/// What [`PER_HOST`] counts by: "host:port", the port the scheme implies when not given.
pub fn host_key(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or("");
    format!("{host}:{}", url.port_or_known_default().unwrap_or(0))
}

impl Default for NetConfig {
    fn default() -> Self {
        NetConfig {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15),
            max_redirects: 5,
            max_body: 16 * 1024 * 1024,
        }
    }
}

/// The User-Agent sent with every request.
pub fn user_agent() -> String {
    format!("docbao/{}", env!("CARGO_PKG_VERSION"))
}
