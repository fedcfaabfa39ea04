//! Errors of the client: each one line a person understands, free of control characters.
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetError {
    #[error("invalid URL: {0}")]
    InvalidUrl(String),
    #[error("unsupported URL scheme: {0}")]
    UnsupportedScheme(String),
    /// The host could not be reached at all.
    #[error("could not connect to {host}: {reason}")]
    Connect {
        host: String,
        reason: String,
        offline: bool,
    },
    /// The whole request took longer than `request_timeout`.
    #[error("timed out after {} s", secs(.0))]
    Timeout(Duration),
    /// No bytes arrived for `idle_timeout`.
    #[error("no data for {} s", secs(.0))]
    Idle(Duration),
    #[error("too many redirects")]
    TooManyRedirects,
    /// The body passed the cap (bytes).
    #[error("body larger than {}", size(*.0))]
    TooLarge(usize),
    /// A status the caller cannot use, e.g. "HTTP 404 Not Found".
    #[error("HTTP {code}{}", reason_suffix(.reason))]
    Status { code: u16, reason: String },
    /// Anything else (TLS, a broken connection, a bad compressed stream).
    #[error("{0}")]
    Other(String),
}

impl NetError {
    /// True when the host could not be reached at all (DNS failure, connection refused,
    /// no route): the network, not the feed, is the problem.
    pub fn is_offline(&self) -> bool {
        matches!(self, NetError::Connect { offline: true, .. })
    }

    /// A status error with the standard reason phrase.
    pub fn status(code: u16) -> NetError {
        let reason = reqwest::StatusCode::from_u16(code)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("")
            .to_string();
        NetError::Status { code, reason }
    }
}

fn reason_suffix(reason: &str) -> String {
    if reason.is_empty() {
        String::new()
    } else {
        format!(" {reason}")
    }
}

/// "30", "1.5".
fn secs(d: &Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{}", s as u64)
    } else {
        format!("{}", (s * 10.0).round() / 10.0)
    }
}

/// "16 MiB", "64 KiB", "100 bytes".
fn size(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= KIB && n.is_multiple_of(KIB) {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_documented() {
        assert_eq!(
            NetError::Timeout(Duration::from_secs(30)).to_string(),
            "timed out after 30 s"
        );
        assert_eq!(
            NetError::Idle(Duration::from_millis(1500)).to_string(),
            "no data for 1.5 s"
        );
        assert_eq!(
            NetError::TooLarge(16 * 1024 * 1024).to_string(),
            "body larger than 16 MiB"
        );
        assert_eq!(
            NetError::TooLarge(1000).to_string(),
            "body larger than 1000 bytes"
        );
        assert_eq!(
            NetError::status(500).to_string(),
            "HTTP 500 Internal Server Error"
        );
        assert_eq!(NetError::status(404).to_string(), "HTTP 404 Not Found");
        assert_eq!(NetError::status(599).to_string(), "HTTP 599");
        assert_eq!(
            NetError::UnsupportedScheme("ftp".into()).to_string(),
            "unsupported URL scheme: ftp"
        );
        let refused = NetError::Connect {
            host: "example.com".into(),
            reason: "connection refused".into(),
            offline: true,
        };
        assert_eq!(
            refused.to_string(),
            "could not connect to example.com: connection refused"
        );
        assert!(refused.is_offline());
        assert!(!NetError::status(500).is_offline());
    }
}
