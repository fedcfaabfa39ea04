//! The client proper: one reqwest client, the per-host limit, our own timeouts and cap.
use super::error::NetError;
use super::hosts::{HostTurn, Hosts};
use super::retry_after::parse_retry_after;
use super::{NetConfig, PER_HOST, host_key, user_agent};
use crate::feed::model::Validators;
use crate::text::clean_line;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use reqwest::header::{self, HeaderMap, HeaderValue};
use std::future::Future;
use std::sync::Arc;
use tokio::time::Instant;

const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8";
const ACCEPT_IMAGE: &str = "image/webp, image/jpeg, image/png, image/gif;q=0.9, */*;q=0.5";

/// The result of a conditional GET.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch {
    /// 304: the stored copy is current.
    NotModified,
    /// 2xx with its body.
    Body(Fetched),
    /// 429 or 503 with Retry-After: come back at that moment.
    RetryAfter(DateTime<Utc>),
}

/// A successful response, body complete and decompressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// Validators exactly as the server sent them.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// The HTTP client. Clones share the connection pool and the per-host limits.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: NetConfig,
    hosts: Hosts,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish()
    }
}

impl Client {
    pub fn new(config: &NetConfig) -> Result<Client, NetError> {
        let max = config.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let scheme = attempt.url().scheme();
            if scheme != "http" && scheme != "https" {
                let scheme = clean_line(scheme);
                attempt.error(NetError::UnsupportedScheme(scheme))
            } else if attempt.previous().len() > max {
                attempt.error(NetError::TooManyRedirects)
            } else {
                attempt.follow()
            }
        });
        let http = reqwest::Client::builder()
            .user_agent(user_agent())
            .connect_timeout(config.connect_timeout)
            .redirect(policy)
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .tcp_nodelay(true)
            .pool_max_idle_per_host(PER_HOST)
            .build()
            .map_err(|e| NetError::Other(format!("cannot start the HTTP client: {}", inner(&e))))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                config: config.clone(),
                hosts: Hosts::default(),
            }),
        })
    }

    pub fn config(&self) -> &NetConfig {
        &self.inner.config
    }

    /// Waits for a turn of `url`'s host (see [`HostTurn::run`]); None for a URL the client
    /// would refuse anyway, or once the client is shutting down.
    pub async fn host_turn(&self, url: &str) -> Option<HostTurn> {
        let parsed = check_url(url).ok()?;
        self.inner.hosts.turn(&host_key(&parsed)).await
    }

    /// A conditional GET of a feed: sends the validators exactly as stored.
    pub async fn get(&self, url: &str, validators: &Validators) -> Result<Fetch, NetError> {
        let max = self.inner.config.max_body;
        self.fetch(url, Some(validators), ACCEPT_FEED, max).await
    }

    /// A plain GET of a page (articles). 304, 429 and 503 are status errors here.
    pub async fn get_page(&self, url: &str) -> Result<Fetched, NetError> {
        let max = self.inner.config.max_body;
        self.plain(url, ACCEPT_PAGE, max).await
    }

    /// A plain GET of a picture, its body capped at `max` bytes (at most the client's cap).
    pub async fn get_image(&self, url: &str, max: usize) -> Result<Fetched, NetError> {
        let max = max.min(self.inner.config.max_body);
        self.plain(url, ACCEPT_IMAGE, max).await
    }

    async fn plain(
        &self,
        url: &str,
        accept: &'static str,
        max: usize,
    ) -> Result<Fetched, NetError> {
        match self.fetch(url, None, accept, max).await? {
            Fetch::Body(fetched) => Ok(fetched),
            Fetch::NotModified => Err(NetError::status(304)),
            // Only reached with validators; kept total for safety.
            Fetch::RetryAfter(_) => Err(NetError::status(503)),
        }
    }

    async fn fetch(
        &self,
        url: &str,
        validators: Option<&Validators>,
        accept: &'static str,
        max: usize,
    ) -> Result<Fetch, NetError> {
        let parsed = check_url(url)?;
        let host = parsed.host_str().unwrap_or("").to_string();
        let _turn = self
            .inner
            .hosts
            .turn_unless_held(&host_key(&parsed))
            .await
            .map_err(|()| NetError::Other("the HTTP client is shutting down".into()))?;

        let deadline = Instant::now() + self.inner.config.request_timeout;
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(accept));
        if let Some(v) = validators {
            // A stored value a header cannot carry is simply not sent.
            if let Some(h) = v
                .etag
                .as_deref()
                .and_then(|s| HeaderValue::from_str(s).ok())
            {
                headers.insert(header::IF_NONE_MATCH, h);
            }
            if let Some(h) = v
                .last_modified
                .as_deref()
                .and_then(|s| HeaderValue::from_str(s).ok())
            {
                headers.insert(header::IF_MODIFIED_SINCE, h);
            }
        }
        let request = self.inner.http.get(parsed).headers(headers).send();
        let response = self
            .within(deadline, request)
            .await?
            .map_err(|e| map_error(&e, &host, self.inner.config.connect_timeout))?;

        let status = response.status().as_u16();
        if status == 304 && validators.is_some() {
            return Ok(Fetch::NotModified);
        }
        if (status == 429 || status == 503) && validators.is_some() {
            let until = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, Utc::now()));
            if let Some(until) = until {
                return Ok(Fetch::RetryAfter(until));
            }
        }
        if !(200..300).contains(&status) {
            return Err(NetError::status(status));
        }

        let text = |name: header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = text(header::CONTENT_TYPE).map(|s| clean_line(&s));
        let etag = text(header::ETAG);
        let last_modified = text(header::LAST_MODIFIED);
        let final_url = response.url().to_string();
        let body = self.read_body(response, deadline, &host, max).await?;
        Ok(Fetch::Body(Fetched {
            final_url,
            status,
            content_type,
            etag,
            last_modified,
            body,
        }))
    }

    /// Reads the decompressed body chunk by chunk, stopping as soon as it passes the cap.
    async fn read_body(
        &self,
        response: reqwest::Response,
        deadline: Instant,
        host: &str,
        max: usize,
    ) -> Result<Vec<u8>, NetError> {
        let announced = response.content_length().unwrap_or(0);
        if announced > max as u64 {
            return Err(NetError::TooLarge(max));
        }
        let mut body = Vec::with_capacity(announced as usize);
        let mut stream = response.bytes_stream();
        while let Some(chunk) = self.within(deadline, stream.next()).await? {
            let chunk =
                chunk.map_err(|e| map_error(&e, host, self.inner.config.connect_timeout))?;
            if body.len() + chunk.len() > max {
                return Err(NetError::TooLarge(max));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// Awaits `fut` for at most the idle timeout and never past `deadline`.
    async fn within<F: Future>(&self, deadline: Instant, fut: F) -> Result<F::Output, NetError> {
        let config = &self.inner.config;
        let remaining = deadline.saturating_duration_since(Instant::now());
        if config.idle_timeout < remaining {
            tokio::time::timeout(config.idle_timeout, fut)
                .await
                .map_err(|_| NetError::Idle(config.idle_timeout))
        } else {
            tokio::time::timeout(remaining, fut)
                .await
                .map_err(|_| NetError::Timeout(config.request_timeout))
        }
    }
}

/// Parses `url`, accepting only an absolute http or https URL with a host.
pub fn check_url(url: &str) -> Result<url::Url, NetError> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| NetError::InvalidUrl(format!("{} ({e})", short(url))))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(NetError::UnsupportedScheme(short(other))),
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(NetError::InvalidUrl(short(url)));
    }
    Ok(parsed)
}

/// A piece of outside text fit for a one-line message.
fn short(s: &str) -> String {
    let line = clean_line(s);
    if line.chars().count() > 200 {
        let cut: String = line.chars().take(200).collect();
        format!("{cut}…")
    } else {
        line
    }
}

/// The innermost cause of an error, cleaned.
fn inner(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = last.source() {
        last = next;
    }
    short(&last.to_string())
}

/// A reqwest error as one of ours.
fn map_error(e: &reqwest::Error, host: &str, connect_timeout: std::time::Duration) -> NetError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    let mut io_kind = None;
    let mut chain = String::new();
    while let Some(err) = source {
        if let Some(ours) = err.downcast_ref::<NetError>() {
            return ours.clone();
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            io_kind.get_or_insert(io.kind());
        }
        chain.push_str(&err.to_string().to_ascii_lowercase());
        chain.push('\n');
        source = err.source();
    }
    if e.is_redirect() {
        return NetError::TooManyRedirects;
    }
    if e.is_connect() {
        use std::io::ErrorKind as K;
        let (reason, offline) = if e.is_timeout() || io_kind == Some(K::TimedOut) {
            (NetError::Timeout(connect_timeout).to_string(), true)
        } else {
            match io_kind {
                Some(K::ConnectionRefused) => ("connection refused".to_string(), true),
                Some(K::HostUnreachable) | Some(K::NetworkUnreachable) => {
                    ("no route to host".to_string(), true)
                }
                Some(K::NetworkDown) => ("the network is down".to_string(), true),
                Some(K::ConnectionReset) => ("connection reset".to_string(), false),
                _ if chain.contains("dns error") || chain.contains("lookup") => {
                    ("host not found".to_string(), true)
                }
                _ => (inner(e), false),
            }
        };
        return NetError::Connect {
            host: short(host),
            reason,
            offline,
        };
    }
    if e.is_decode() || e.is_body() {
        return NetError::Other(format!("broken response: {}", inner(e)));
    }
    NetError::Other(inner(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https() {
        assert_eq!(
            check_url("ftp://example.com/feed").unwrap_err().to_string(),
            "unsupported URL scheme: ftp"
        );
        assert!(matches!(
            check_url("not a url"),
            Err(NetError::InvalidUrl(_))
        ));
        assert!(check_url("https://example.com/rss").is_ok());
        let evil = check_url("http://\u{1b}[31m/").unwrap_err().to_string();
        assert!(!evil.chars().any(char::is_control), "{evil:?}");
    }
}
