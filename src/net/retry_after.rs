//! The Retry-After header: delay-seconds or an HTTP date.
use chrono::{DateTime, Duration, Utc};

/// Longest wait honoured: a server asking for more than a week is not taken at its word.
const MAX_WAIT_DAYS: i64 = 7;

/// The moment a Retry-After value points to, relative to `now`; `None` when unparsable.
/// A date in the past gives `now`; waits are capped at a week.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let max = now + Duration::days(MAX_WAIT_DAYS);
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = value.parse().unwrap_or(i64::MAX);
        let secs = secs.min(MAX_WAIT_DAYS * 86_400);
        return Some(now + Duration::seconds(secs));
    }
    // IMF-fixdate is RFC 2822 compatible; the obsolete RFC 850 and asctime forms too.
    let parsed = DateTime::parse_from_rfc2822(value)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(value, "%A, %d-%b-%y %H:%M:%S GMT")
                .ok()
                .map(|n| n.and_utc())
        })
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(value, "%a %b %e %H:%M:%S %Y")
                .ok()
                .map(|n| n.and_utc())
        })?;
    Some(parsed.clamp(now, max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0).unwrap()
    }

    #[test]
    fn seconds_and_dates() {
        assert_eq!(
            parse_retry_after("120", now()),
            Some(now() + Duration::seconds(120))
        );
        assert_eq!(
            parse_retry_after("Fri, 27 Nov 2026 14:05:00 GMT", now()),
            Some(Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap())
        );
        assert_eq!(
            parse_retry_after("Friday, 27-Nov-26 14:05:00 GMT", now()),
            Some(Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap())
        );
        assert_eq!(
            parse_retry_after("Fri Nov 27 14:05:00 2026", now()),
            Some(Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap())
        );
    }

    #[test]
    fn nonsense_past_and_huge_values() {
        assert_eq!(parse_retry_after("soon", now()), None);
        assert_eq!(parse_retry_after("", now()), None);
        assert_eq!(parse_retry_after("-5", now()), None);
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now()),
            Some(now())
        );
        assert_eq!(
            parse_retry_after("99999999999999999999999", now()),
            Some(now() + Duration::days(7))
        );
    }
}
