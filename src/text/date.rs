//! Vietnamese dates as news pages write them: "Thứ bảy, 22/8/2020, 10:30 (GMT+7)",
//! "20h30 ngày 15/4", "5 phút trước", "Hôm qua"; machine dates pass through. Numbers are
//! `super::number`.
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// Vietnam's offset, assumed when a date names none.
const VN_OFFSET_SECS: i32 = 7 * 3600;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(u32, usize),
    Word(String),
    Sym(char),
}

/// Tokens of the folded (lowercase, no marks, đ -> d) text. Folding makes "tới" and "tôi"
/// the evening word "tối": those two keep their marks so that "8:00 tới 10:00" stays 8:00.
fn tokens(s: &str) -> Vec<Tok> {
    let text = super::nfc(s);
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut v: u32 = 0;
            let mut n = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                v = v.saturating_mul(10).saturating_add(d);
                n += 1;
                chars.next();
            }
            out.push(Tok::Num(v, n));
        } else if c.is_alphabetic() {
            let mut raw = String::new();
            // A combining mark left in the text belongs to the word before it.
            while let Some(&c) = chars
                .peek()
                .filter(|&&c| c.is_alphabetic() || super::fold::fold_char(c).is_none())
            {
                raw.push(c);
                chars.next();
            }
            let folded = super::fold(&raw);
            let lower = raw.to_lowercase();
            let w = if folded == "toi" && !matches!(lower.as_str(), "tối" | "toi") {
                lower
            } else {
                folded
            };
            out.push(Tok::Word(w));
        } else {
            if !c.is_whitespace() && super::fold::fold_char(c).is_some() {
                out.push(Tok::Sym(c));
            }
            chars.next();
        }
    }
    out
}

/// Parses a date as Vietnamese pages show it, relative to `now` for "5 phút trước",
/// "Hôm qua" and dates without a year; RFC 3339 and RFC 2822 pass through. Times without an
/// offset are taken as +07:00.
pub fn parse_vi_date(s: &str, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d);
    }
    let toks = tokens(s);
    relative(&toks, now).or_else(|| absolute(&toks, now))
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

fn has_words(toks: &[Tok], a: &str, b: &str) -> bool {
    toks.windows(2)
        .any(|w| word(w.first()) == Some(a) && word(w.get(1)) == Some(b))
}

/// "5 phút trước", "vừa xong", "hôm qua 10:30".
fn relative(toks: &[Tok], now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    if has_words(toks, "vua", "xong") || has_words(toks, "vua", "moi") {
        return Some(now);
    }
    if toks.iter().any(|t| word(Some(t)) == Some("truoc")) {
        for w in toks.windows(2) {
            let (Tok::Num(n, _), Some(unit)) = (&w[0], word(w.get(1))) else {
                continue;
            };
            let n = i64::from(*n);
            let ago = match unit {
                "giay" => Duration::try_seconds(n),
                "phut" => Duration::try_minutes(n),
                "gio" | "tieng" => Duration::try_hours(n),
                "ngay" => Duration::try_days(n),
                "tuan" => Duration::try_weeks(n),
                "thang" => Duration::try_days(n.saturating_mul(30)),
                "nam" => Duration::try_days(n.saturating_mul(365)),
                _ => None,
            };
            if let Some(ago) = ago {
                return now.checked_sub_signed(ago);
            }
        }
    }
    let days_back = if has_words(toks, "hom", "qua") {
        1
    } else if has_words(toks, "hom", "kia") {
        2
    } else if has_words(toks, "hom", "nay") {
        0
    } else {
        return None;
    };
    let day = now.date_naive() - Duration::days(days_back);
    match find_time(toks) {
        Some((time, _)) => now
            .offset()
            .from_local_datetime(&day.and_time(time))
            .single(),
        None => now.checked_sub_signed(Duration::days(days_back)),
    }
}

/// Day, month and optional year: "22/8/2020", "22-08-2020", "2020-08-22", "15/4",
/// "15 tháng 4 năm 2020".
/// A date whose second number cannot be a month ("3/24/2024") is month first, as US
/// software writes it; so is one followed by an English AM/PM time with seconds
/// ("3/8/2024 7:12:35 AM", the US format of .NET CMSs), which Vietnamese pages never write.
fn find_date(toks: &[Tok]) -> Option<(u32, u32, Option<i32>)> {
    let us_clock = us_clock(toks);
    (0..toks.len())
        .filter_map(|i| {
            let (a, b, y) = date_at(toks, i)?;
            let slashed = toks.get(i + 1) == Some(&Tok::Sym('/'));
            let month_first = slashed && y.is_some() && (b > 12 && a <= 12 || us_clock);
            Some(if month_first { (b, a, y) } else { (a, b, y) })
        })
        .find(|&(d, m, _)| (1..=31).contains(&d) && (1..=12).contains(&m))
}

/// "7:12:35 AM": hours, minutes, seconds and an English half-day marker.
fn us_clock(toks: &[Tok]) -> bool {
    toks.windows(6).any(|w| {
        matches!(
            w,
            [
                Tok::Num(_, 1..=2),
                Tok::Sym(':'),
                Tok::Num(_, 2),
                Tok::Sym(':'),
                Tok::Num(_, 2),
                Tok::Word(m)
            ] if m == "am" || m == "pm"
        )
    })
}

fn date_at(toks: &[Tok], i: usize) -> Option<(u32, u32, Option<i32>)> {
    let Tok::Num(a, a_len) = toks[i] else {
        return None;
    };
    // The minutes of a time are not a day.
    // ("Ngày đăng: 05/03/2024" is a label's colon.)
    if i > 1 && toks[i - 1] == Tok::Sym(':') && matches!(toks[i - 2], Tok::Num(..)) {
        return None;
    }
    if let (Some(Tok::Sym(sep)), Some(&Tok::Num(b, _))) = (toks.get(i + 1), toks.get(i + 2)) {
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        let third = match (toks.get(i + 3), toks.get(i + 4)) {
            (Some(Tok::Sym(s2)), Some(&Tok::Num(c, c_len))) if s2 == sep => Some((c, c_len)),
            _ => None,
        };
        if a_len == 4 {
            let (c, _) = third?;
            return Some((c, b, i32::try_from(a).ok()));
        }
        let year = match third {
            Some((c, 2)) => Some(2000 + c as i32),
            Some((c, 4)) => Some(c as i32),
            Some(_) => return None,
            None => None,
        };
        return Some((a, b, year));
    }
    if word(toks.get(i + 1)) == Some("thang")
        && let Some(&Tok::Num(m, _)) = toks.get(i + 2)
    {
        let year = match (word(toks.get(i + 3)), toks.get(i + 4)) {
            (Some("nam"), Some(&Tok::Num(y, 4))) => Some(y as i32),
            _ => None,
        };
        return Some((a, m, year));
    }
    None
}

/// "10:30", "10:30:15", "20h30", "20h", "8:05 CH"; and the index after the time.
fn find_time(toks: &[Tok]) -> Option<(NaiveTime, usize)> {
    for i in 0..toks.len() {
        let Tok::Num(h, h_len) = toks[i] else {
            continue;
        };
        if h_len > 2 {
            continue;
        }
        let (m, s, mut end) = match (toks.get(i + 1), toks.get(i + 2)) {
            (Some(Tok::Sym(':')), Some(Tok::Num(m, 2))) => {
                match (toks.get(i + 3), toks.get(i + 4)) {
                    (Some(Tok::Sym(':')), Some(Tok::Num(s, 2))) => (*m, *s, i + 5),
                    _ => (*m, 0, i + 3),
                }
            }
            (Some(Tok::Word(w)), next) if w == "h" || w == "g" => match next {
                Some(Tok::Num(m, 1..=2)) => (*m, 0, i + 3),
                _ => (0, 0, i + 2),
            },
            _ => continue,
        };
        let mut h = h;
        if let Some(part) = word(toks.get(end)).and_then(day_part) {
            h = part.to_24h(h);
            end += 1;
        }
        if let Some(t) = NaiveTime::from_hms_opt(h, m, s) {
            return Some((t, end));
        }
    }
    None
}

/// The words after a 12-hour time that say which half of the day it is, folded: SA/CH
/// ("sáng"/"chiều" abbreviated), AM/PM, and the Vietnamese parts of the day.
const DAY_PARTS: &[(&str, DayPart)] = &[
    ("sa", DayPart::Morning),
    ("am", DayPart::Morning),
    ("sang", DayPart::Morning),
    ("ch", DayPart::Afternoon),
    ("pm", DayPart::Afternoon),
    ("chieu", DayPart::Afternoon),
    ("toi", DayPart::Afternoon),
    ("trua", DayPart::Noon),
    ("dem", DayPart::Night),
];

#[derive(Debug, Clone, Copy)]
enum DayPart {
    /// 12 is midnight, 1-11 as written.
    Morning,
    /// 1-11 move to the afternoon or evening ("04:00 chiều" 16:00, "11:05 tối" 23:05).
    Afternoon,
    /// "trưa" spans 11 to 2: "12:30 trưa" 12:30, "1:15 trưa" 13:15.
    Noon,
    /// "đêm" spans the late evening to the small hours: "10 giờ đêm" 22:00, "2:00 đêm" 2:00.
    Night,
}

impl DayPart {
    fn to_24h(self, h: u32) -> u32 {
        match self {
            Self::Morning => h % 12,
            Self::Afternoon if h < 12 => h + 12,
            Self::Noon if h <= 5 => h + 12,
            Self::Night if (7..12).contains(&h) => h + 12,
            Self::Night if h == 12 => 0,
            _ => h,
        }
    }
}

fn day_part(w: &str) -> Option<DayPart> {
    DAY_PARTS.iter().find(|(k, _)| *k == w).map(|&(_, p)| p)
}

/// "GMT+7", "UTC+07:00", "GMT" alone, or "+07:00" / "+0700" right after the time.
fn find_offset(toks: &[Tok], after_time: Option<usize>) -> Option<FixedOffset> {
    let named = toks
        .iter()
        .position(|t| matches!(word(Some(t)), Some("gmt" | "utc")))
        .map(|i| i + 1);
    let at = named.or(after_time)?;
    let sign = match toks.get(at) {
        Some(Tok::Sym('+')) => 1,
        Some(Tok::Sym('-' | '−')) => -1,
        _ if named.is_some() => return FixedOffset::east_opt(0),
        _ => return None,
    };
    let Some(&Tok::Num(v, len)) = toks.get(at + 1) else {
        return None;
    };
    let (h, m) = match (len, toks.get(at + 2), toks.get(at + 3)) {
        (4, _, _) => (v / 100, v % 100),
        (1..=2, Some(Tok::Sym(':')), Some(&Tok::Num(m, 2))) => (v, m),
        // A bare "+7" only after GMT/UTC: after a time it may be the start of a date.
        (1..=2, _, _) if named.is_some() => (v, 0),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    let secs = i32::try_from(h * 3600 + m * 60).ok()?;
    FixedOffset::east_opt(sign * secs)
}

fn absolute(toks: &[Tok], now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let date = find_date(toks);
    let time = find_time(toks);
    if date.is_none() && time.is_none() {
        return None;
    }
    let offset = find_offset(toks, time.map(|(_, end)| end))
        .or_else(|| FixedOffset::east_opt(VN_OFFSET_SECS))?;
    let t = time.map_or(NaiveTime::MIN, |(t, _)| t);
    let local_now = now.with_timezone(&offset);
    let build = |d: NaiveDate| offset.from_local_datetime(&d.and_time(t)).single();
    match date {
        Some((day, month, Some(year))) => build(NaiveDate::from_ymd_opt(year, month, day)?),
        Some((day, month, None)) => {
            // No year: this year, unless that lands more than a day ahead of now.
            let this = build(NaiveDate::from_ymd_opt(local_now.year(), month, day)?)?;
            if this > now + Duration::days(1) {
                build(NaiveDate::from_ymd_opt(local_now.year() - 1, month, day)?)
            } else {
                Some(this)
            }
        }
        None => build(local_now.date_naive()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2021-06-15T12:00:00+07:00").unwrap()
    }

    fn at(s: &str) -> Option<String> {
        parse_vi_date(s, now()).map(|d| d.to_rfc3339())
    }

    #[test]
    fn vector_and_page_formats() {
        let cases = [
            (
                "Thứ bảy, 22/8/2020, 10:30 (GMT+7)",
                "2020-08-22T10:30:00+07:00",
            ),
            ("22-08-2020", "2020-08-22T00:00:00+07:00"),
            ("22/08/2020 10:30", "2020-08-22T10:30:00+07:00"),
            ("20h30 ngày 15/4", "2021-04-15T20:30:00+07:00"),
            ("Chủ nhật, 1/3/2020 - 07:05", "2020-03-01T07:05:00+07:00"),
            (
                "Thu bay, 22/8/2020, 10:30 (GMT+9)",
                "2020-08-22T10:30:00+09:00",
            ),
            ("2020-08-22T10:30:00Z", "2020-08-22T10:30:00+00:00"),
            ("2020-08-22T10:30:00+07:00", "2020-08-22T10:30:00+07:00"),
            ("2020-08-22 10:30", "2020-08-22T10:30:00+07:00"),
            ("Sat, 22 Aug 2020 03:30:00 GMT", "2020-08-22T03:30:00+00:00"),
            ("15 tháng 4 năm 2020", "2020-04-15T00:00:00+07:00"),
            ("22.8.20 8:05 CH", "2020-08-22T20:05:00+07:00"),
            ("22/8/2020 10:30 +05:30", "2020-08-22T10:30:00+05:30"),
            ("10:30 - 22/8/2020", "2020-08-22T10:30:00+07:00"),
            ("31/12", "2020-12-31T00:00:00+07:00"),
            ("05/03/2024 11:05 tối", "2024-03-05T23:05:00+07:00"),
            ("05/03/2024 04:00 chiều", "2024-03-05T16:00:00+07:00"),
            ("05/03/2024 9:15 sáng", "2024-03-05T09:15:00+07:00"),
            ("05/03/2024 12:10 sáng", "2024-03-05T00:10:00+07:00"),
            ("05/03/2024 12:30 trưa", "2024-03-05T12:30:00+07:00"),
            ("05/03/2024 1:30 trưa", "2024-03-05T13:30:00+07:00"),
            ("05/03/2024 10:00 đêm", "2024-03-05T22:00:00+07:00"),
            ("05/03/2024 2:00 đêm", "2024-03-05T02:00:00+07:00"),
            ("3/24/2024 7:12:35 AM", "2024-03-24T07:12:35+07:00"),
            ("3/8/2024 7:12:35 PM", "2024-03-08T19:12:35+07:00"),
            ("8/3/2024 7:12 CH", "2024-03-08T19:12:00+07:00"),
            ("Published on 03-08-2011", "2011-08-03T00:00:00+07:00"),
            ("05/03/2024 8:00 tới 10:00", "2024-03-05T08:00:00+07:00"),
            ("Ngày đăng: 05/03/2024 - 15:45", "2024-03-05T15:45:00+07:00"),
        ];
        for (input, want) in cases {
            assert_eq!(at(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn relative_dates() {
        assert_eq!(
            at("5 phút trước").as_deref(),
            Some("2021-06-15T11:55:00+07:00")
        );
        assert_eq!(
            at("2 giờ trước").as_deref(),
            Some("2021-06-15T10:00:00+07:00")
        );
        assert_eq!(
            at("3 ngày trước").as_deref(),
            Some("2021-06-12T12:00:00+07:00")
        );
        assert_eq!(at("Hôm qua").as_deref(), Some("2021-06-14T12:00:00+07:00"));
        assert_eq!(
            at("Hôm qua, 08:15").as_deref(),
            Some("2021-06-14T08:15:00+07:00")
        );
        assert_eq!(at("vừa xong").as_deref(), Some("2021-06-15T12:00:00+07:00"));
    }

    #[test]
    fn nonsense_is_none() {
        for s in ["", "không có ngày", "32/13/2020", "25:99", "Thứ hai"] {
            assert_eq!(at(s), None, "{s}");
        }
    }
}
