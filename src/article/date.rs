//! Page dates to RFC 3339, through the one Vietnamese date parser (`text::date`).
//! "Thứ bảy, 22/8/2020, 10:30 (GMT+7)", "22-08-2020", "10:30 22/08/2020", "2020-08-22T10:30".
//! A date without a zone is Vietnam time (+07:00).
use crate::text::date::parse_vi_date;
use chrono::DateTime;

/// A page date, machine-written (RFC 3339, ISO 8601 with or without zone, a bare date) or
/// written for people ("Thứ bảy, 22/8/2020, 10:30 (GMT+7)"), to RFC 3339.
/// Extraction has no clock, so only dates that do not depend on "now" count: a date is kept
/// when two different "now"s read it the same ("5 phút trước" and "15/4" are refused).
pub fn parse(s: &str) -> Option<String> {
    let a = DateTime::parse_from_rfc3339("2001-01-01T00:00:00+07:00").ok()?;
    let b = DateTime::parse_from_rfc3339("2031-07-15T12:00:00+07:00").ok()?;
    let date = parse_vi_date(s, a)?;
    (parse_vi_date(s, b) == Some(date)).then(|| date.to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_dates() {
        assert_eq!(
            parse("Thứ bảy, 22/8/2020, 10:30 (GMT+7)").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse("22-08-2020").as_deref(),
            Some("2020-08-22T00:00:00+07:00")
        );
        assert_eq!(
            parse("Cập nhật 08h05 ngày 03/01/2024").as_deref(),
            Some("2024-01-03T08:05:00+07:00")
        );
        assert_eq!(parse("31/02/2020"), None);
        assert_eq!(parse("Lượt xem: 1,705"), None);
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            parse("2020-08-22T10:30:00+07:00").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse("2020-08-22T03:30:00Z").as_deref(),
            Some("2020-08-22T03:30:00+00:00")
        );
        assert_eq!(
            parse("2020-08-22T10:30:00").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse("2020-08-22").as_deref(),
            Some("2020-08-22T00:00:00+07:00")
        );
        assert_eq!(parse("hôm qua"), None);
        assert_eq!(parse("5 phút trước"), None);
    }
}
