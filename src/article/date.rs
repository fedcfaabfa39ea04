//! Dates as Vietnamese news pages write them, to RFC 3339.
//! "Thứ bảy, 22/8/2020, 10:30 (GMT+7)", "22-08-2020", "10:30 22/08/2020", "2020-08-22T10:30",
//! "22/8/2020 - 10:30". A date without a zone is Vietnam time (+07:00).
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;
use std::sync::LazyLock;

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})\b").expect("valid regex")
});
static HM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[:h](\d{2})\b").expect("valid regex"));
static GMT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?").expect("valid regex")
});

/// A machine date (RFC 3339, ISO 8601 with or without zone, or a bare date) to RFC 3339.
pub fn parse_machine(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.to_rfc3339());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.to_rfc3339());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d.to_rfc3339());
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return local(d, vietnam());
        }
    }
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .and_then(|d| local(d.and_time(NaiveTime::MIN), vietnam()))
}

/// A date written for people ("Thứ bảy, 22/8/2020, 10:30 (GMT+7)") to RFC 3339.
pub fn parse_vietnamese(s: &str) -> Option<String> {
    let caps = DMY.captures(s)?;
    let day: u32 = caps[1].parse().ok()?;
    let month: u32 = caps[2].parse().ok()?;
    let year: i32 = caps[3].parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = HM
        .captures(s)
        .and_then(|c| NaiveTime::from_hms_opt(c[1].parse().ok()?, c[2].parse().ok()?, 0))
        .unwrap_or(NaiveTime::MIN);
    let zone = GMT
        .captures(s)
        .and_then(|c| {
            let sign = if &c[1] == "-" { -1 } else { 1 };
            let h: i32 = c[2].parse().ok()?;
            let m: i32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))
        })
        .unwrap_or_else(vietnam);
    local(date.and_time(time), zone)
}

fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

fn local(d: NaiveDateTime, zone: FixedOffset) -> Option<String> {
    zone.from_local_datetime(&d)
        .single()
        .map(|d| d.to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_dates() {
        assert_eq!(
            parse_vietnamese("Thứ bảy, 22/8/2020, 10:30 (GMT+7)").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse_vietnamese("22-08-2020").as_deref(),
            Some("2020-08-22T00:00:00+07:00")
        );
        assert_eq!(
            parse_vietnamese("Cập nhật 08h05 ngày 03/01/2024").as_deref(),
            Some("2024-01-03T08:05:00+07:00")
        );
        assert_eq!(parse_vietnamese("31/02/2020"), None);
        assert_eq!(parse_vietnamese("Lượt xem: 1,705"), None);
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            parse_machine("2020-08-22T10:30:00+07:00").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse_machine("2020-08-22T03:30:00Z").as_deref(),
            Some("2020-08-22T03:30:00+00:00")
        );
        assert_eq!(
            parse_machine("2020-08-22T10:30:00").as_deref(),
            Some("2020-08-22T10:30:00+07:00")
        );
        assert_eq!(
            parse_machine("2020-08-22").as_deref(),
            Some("2020-08-22T00:00:00+07:00")
        );
        assert_eq!(parse_machine("hôm qua"), None);
    }
}
