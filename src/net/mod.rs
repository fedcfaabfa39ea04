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
