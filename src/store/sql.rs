//! Small pieces every query shares: time columns, error mapping, the article row.
use super::{ArticleRow, StoreError};
use crate::feed::{ArticleId, FeedId};
use chrono::{DateTime, Utc};
use rusqlite::{ErrorCode, Row};

/// SQLITE_BUSY / SQLITE_LOCKED after the busy timeout become [`StoreError::Busy`];
/// SQLITE_READONLY (a read-only cache) [`StoreError::ReadOnly`].
pub(super) fn classify(e: StoreError) -> StoreError {
    match &e {
        StoreError::Sqlite(inner)
            if matches!(
                inner.sqlite_error_code(),
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
            ) =>
        {
            StoreError::Busy
        }
        StoreError::Sqlite(inner) if inner.sqlite_error_code() == Some(ErrorCode::ReadOnly) => {
            StoreError::ReadOnly
        }
        _ => e,
    }
}

/// A time column: unix nanoseconds, clamped to what i64 holds (years 1677 to 2262).
pub(super) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp_nanos_opt().unwrap_or(if t.timestamp() < 0 {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// A date from a feed: one outside 1677-2262 is nonsense and counts as unknown.
pub(super) fn ts_opt(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.and_then(|t| t.timestamp_nanos_opt())
}

pub(super) fn from_ts(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(n)
}

pub(super) fn from_ts_opt(n: Option<i64>) -> Option<DateTime<Utc>> {
    n.map(from_ts)
}

/// A rating as stored; the CHECK constraint keeps it in 0..=5, the clamp keeps a hand-edited
/// file from turning into a panic.
pub(super) fn rating(n: i64) -> u8 {
    u8::try_from(n.clamp(0, 5)).unwrap_or(0)
}

/// The columns [`article_row`] reads, from `articles a JOIN feeds f`.
pub(super) const ARTICLE_COLS: &str = "a.id, a.feed_id, coalesce(f.title, f.url), a.title, \
     a.url, a.published, a.read, a.rating, a.full_html IS NOT NULL, \
     coalesce(a.reading_minutes, 0), a.story";

pub(super) fn article_row(r: &Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: ArticleId(r.get(0)?),
        feed_id: FeedId(r.get(1)?),
        feed_title: r.get(2)?,
        title: r.get(3)?,
        url: r.get(4)?,
        published: from_ts_opt(r.get(5)?),
        read: r.get(6)?,
        rating: rating(r.get(7)?),
        full_text: r.get(8)?,
        reading_minutes: u32::try_from(r.get::<_, i64>(9)?).unwrap_or(0),
        story: r.get(10)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_round_trip_exactly() {
        let t = Utc.with_ymd_and_hms(2025, 3, 9, 10, 30, 0).unwrap()
            + chrono::Duration::nanoseconds(123_456_789);
        assert_eq!(from_ts(ts(t)), t);
        assert!(ts(t) > ts(t - chrono::Duration::nanoseconds(1)));
    }

    #[test]
    fn absurd_feed_dates_are_unknown() {
        let far = Utc.with_ymd_and_hms(3000, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(ts_opt(Some(far)), None);
        assert_eq!(ts(far), i64::MAX);
    }

    #[test]
    fn busy_and_locked_map_to_busy() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert!(matches!(classify(busy.into()), StoreError::Busy));
        let locked = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_LOCKED),
            None,
        );
        assert!(matches!(classify(locked.into()), StoreError::Busy));
        let other = rusqlite::Error::QueryReturnedNoRows;
        assert!(matches!(classify(other.into()), StoreError::Sqlite(_)));
    }
}
