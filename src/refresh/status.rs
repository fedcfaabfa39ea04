//! How a feed's refresh ended, in words.
use chrono::{DateTime, Local, Utc};

/// The end of one feed's refresh.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedResult {
    /// Fetched and stored; `new` articles seen for the first time.
    Ok {
        new: usize,
    },
    NotModified,
    /// Not fetched: the server asked to wait until then.
    Skipped(DateTime<Utc>),
    /// The one-line error, as stored for the feed.
    Failed(String),
}

impl std::fmt::Display for FeedResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedResult::Ok { new: 0 } => write!(f, "ok"),
            FeedResult::Ok { new } => write!(f, "ok, {new} new"),
            FeedResult::NotModified => write!(f, "not modified"),
            FeedResult::Skipped(until) => write!(f, "{}", skipped_until(*until, Utc::now())),
            FeedResult::Failed(message) => write!(f, "{message}"),
        }
    }
}

/// "skipped until 14:05" in local time; with the date when it is not today.
pub fn skipped_until(until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    format!("skipped until {}", local_time(until, now))
}

/// "14:05" in local time, "2026-12-04 14:05" when that is not today.
pub fn local_time(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Local);
    if local.date_naive() == now.with_timezone(&Local).date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// A task that panicked or was cancelled, as that feed's error.
pub(crate) fn crash_message(e: tokio::task::JoinError) -> String {
    let payload = match e.try_into_panic() {
        Ok(payload) => payload,
        Err(_) => return "cancelled".to_string(),
    };
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .map(|s| crate::text::clean_line(&s))
        .unwrap_or_default();
    if detail.is_empty() {
        "internal error".to_string()
    } else {
        format!("internal error: {detail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn skipped_says_until_when() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
        let later = now + chrono::Duration::minutes(5);
        let expected = format!(
            "skipped until {}",
            later.with_timezone(&Local).format("%H:%M")
        );
        assert_eq!(skipped_until(later, now), expected);
        let next_week = now + chrono::Duration::days(7);
        assert!(skipped_until(next_week, now).contains("2026-12-04"));
        assert_eq!(FeedResult::Ok { new: 3 }.to_string(), "ok, 3 new");
        assert_eq!(FeedResult::NotModified.to_string(), "not modified");
    }

    #[tokio::test]
    async fn a_panic_becomes_a_one_line_error() {
        let task = tokio::spawn(async { panic!("boom\u{1b}[31m\nline two") });
        let message = crash_message(task.await.unwrap_err());
        assert_eq!(message, "internal error: boom line two");
        let task = tokio::spawn(std::future::pending::<()>());
        task.abort();
        assert_eq!(crash_message(task.await.unwrap_err()), "cancelled");
    }
}
