//! HTTP for the sync clients: one reqwest client, no redirects (credentials never follow a
//! redirect to another place), a timeout per request, a body cap, and a count of requests.
use super::error::SyncError;
use crate::text::clean_line;
use futures_util::StreamExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The largest answer read; more is a malformed answer (item batches stay far below it).
pub const MAX_BODY: usize = 16 * 1024 * 1024;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// A complete answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    /// Google Reader's sign that the write token (not the login) expired.
    pub bad_token: bool,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub struct Http {
    client: reqwest::Client,
    requests: AtomicUsize,
}

impl Http {
    pub fn new() -> Result<Http, SyncError> {
        let client = reqwest::Client::builder()
            .user_agent(crate::net::user_agent())
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .gzip(true)
            .build()
            .map_err(|e| SyncError::Config(format!("cannot start the HTTP client: {e}")))?;
        Ok(Http {
            client,
            requests: AtomicUsize::new(0),
        })
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Requests sent so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends and reads the whole answer. A redirect is an error that names where to.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Result<Reply, SyncError> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let response = request.send().await.map_err(|e| transport(&e))?;
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            let to = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(strip_query)
                .unwrap_or_default();
            return Err(SyncError::Config(format!(
                "the server redirects (HTTP {status}) to {to}: put that address in `url`"
            )));
        }
        let bad_token = response
            .headers()
            .get("x-reader-google-bad-token")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"true"));
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| transport(&e))?;
            if body.len() + chunk.len() > MAX_BODY {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Reply {
            status,
            body,
            bad_token,
        })
    }
}

fn too_large() -> SyncError {
    SyncError::Malformed(format!("an answer larger than {} MiB", MAX_BODY >> 20))
}

/// A URL fit for a message: no query (it could hold a key), cleaned, cut.
fn strip_query(url: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or("");
    clean_line(&base.chars().take(200).collect::<String>())
}

/// A failure to talk to the server at all: offline mode. reqwest's message names the URL,
/// which holds no secret (passwords and keys travel in bodies and headers).
fn transport(e: &reqwest::Error) -> SyncError {
    let mut reason = if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        let mut inner: &(dyn std::error::Error + 'static) = e;
        while let Some(next) = inner.source() {
            inner = next;
        }
        format!("could not connect ({})", clean_line(&inner.to_string()))
    } else {
        clean_line(&e.to_string())
    };
    if let Some(url) = e.url() {
        reason = format!("{}: {reason}", strip_query(url.as_str()));
    }
    SyncError::Unreachable(reason)
}

/// Checks the configured address: http(s), a host, no credentials in it, and https unless
/// the host is a loopback address or `allow_http` is set.
pub fn check_base(url: &str, allow_http: bool) -> Result<url::Url, SyncError> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| SyncError::Config(format!("`url` is not a URL ({e})")))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(SyncError::Config(
            "`url` holds a user name or password: put them in `username` and \
             `password_command` instead"
                .into(),
        ));
    }
    let host = parsed.host();
    let loopback = match &host {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    match parsed.scheme() {
        "https" if host.is_some() => Ok(parsed),
        "http" if host.is_some() && (loopback || allow_http) => Ok(parsed),
        "http" if host.is_some() => Err(SyncError::Config(
            "`url` must be https (the password would cross the network in clear); \
             set `allow_http = true` in [sync] to accept that"
                .into(),
        )),
        _ => Err(SyncError::Config(format!(
            "`url` must be an http or https address, not {}",
            strip_query(url)
        ))),
    }
}

/// `base` with `path` appended (a base may end with or without a slash).
pub fn join(base: &url::Url, path: &str) -> String {
    format!(
        "{}/{}",
        base.as_str().trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_required_except_on_loopback() {
        assert!(check_base("https://rss.example.org/api/greader.php", false).is_ok());
        assert!(check_base("http://127.0.0.1:8080/fever", false).is_ok());
        assert!(check_base("http://[::1]/fever", false).is_ok());
        assert!(check_base("http://localhost/fever", false).is_ok());
        let e = check_base("http://rss.example.org/fever", false).unwrap_err();
        assert!(e.to_string().contains("allow_http"), "{e}");
        assert!(check_base("http://rss.example.org/fever", true).is_ok());
        assert!(check_base("ftp://rss.example.org/", true).is_err());
        let e = check_base("https://lan:secret@rss.example.org/", false).unwrap_err();
        assert!(!e.to_string().contains("secret"), "{e}");
    }

    #[test]
    fn paths_join_with_one_slash() {
        let base = url::Url::parse("https://h/api/greader.php/").unwrap();
        assert_eq!(
            join(&base, "/reader/api/0/token"),
            "https://h/api/greader.php/reader/api/0/token"
        );
        let base = url::Url::parse("https://h").unwrap();
        assert_eq!(
            join(&base, "accounts/ClientLogin"),
            "https://h/accounts/ClientLogin"
        );
    }
}
