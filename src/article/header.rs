//! The header above an article: title; feed and site, date, byline and the piece's source; the page's own rating and
//! view count; why the feed's content is shown instead of the page, when it is.
use super::{ArticleMeta, PageRating};
use crate::i18n::{Lang, T, strings, tr};
use chrono::{Offset, TimeZone};

/// "Theo VnExpress" / "Source: VnExpress": where the page says the piece comes from.
pub fn source_line(meta: &ArticleMeta, lang: Lang) -> Option<String> {
    let origin = meta.source.as_deref().map(crate::text::clean_line)?;
    if origin.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Vi => format!("Theo {origin}"),
        Lang::En => format!("Source: {origin}"),
    })
}

/// Header lines (unwrapped), every one cleaned. `source` is the feed's title;
/// `notice` a line such as "Showing the feed's content: the page could not be fetched".
pub fn header_lines(
    meta: &ArticleMeta,
    source: Option<&str>,
    notice: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let clean = |s: &str| crate::text::clean_line(s);
    let mut lines = Vec::new();
    let title = meta.title.as_deref().map(clean).filter(|t| !t.is_empty());
    lines.push(title.unwrap_or_else(|| match lang {
        Lang::Vi => "(không có tiêu đề)".into(),
        Lang::En => "(untitled)".into(),
    }));
    let mut facts: Vec<String> = Vec::new();
    let site = meta
        .site_name
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty());
    let source = source.map(clean).filter(|s| !s.is_empty());
    // A byline that is only the site's name ("BBC News Tiếng Việt") is said once.
    let byline = meta
        .byline
        .as_deref()
        .map(clean)
        .filter(|b| !b.is_empty())
        .filter(|b| {
            let b = b.to_lowercase();
            ![&site, &source]
                .iter()
                .any(|n| n.as_deref().is_some_and(|n| n.to_lowercase() == b))
        });
    match (source, site) {
        (Some(src), Some(site)) if !src.eq_ignore_ascii_case(&site) => {
            facts.push(format!("{src} ({site})"))
        }
        (Some(src), _) => facts.push(src),
        (None, Some(site)) => facts.push(site),
        (None, None) => {}
    }
    if let Some(d) = meta.published.as_deref().and_then(|d| format_date(d, lang)) {
        facts.push(d);
    }
    if let Some(b) = byline {
        facts.push(b);
    }
    // The piece's origin as the page states it ("Theo VnExpress"), after its writers.
    if let Some(origin) = source_line(meta, lang) {
        facts.push(origin);
    }
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    let mut counts = Vec::new();
    if let Some(r) = &meta.rating {
        counts.push(format_rating(r, lang));
    }
    if let Some(v) = meta.views {
        counts.push(format!(
            "{} {}",
            strings::number(lang, v),
            tr(lang, T::Views)
        ));
    }
    if !counts.is_empty() {
        lines.push(counts.join(" · "));
    }
    if let Some(n) = notice.map(clean).filter(|n| !n.is_empty()) {
        lines.push(n);
    }
    lines
}

/// Whether `byline` says more than the names of the site and the feed (a byline that is
/// only "BBC News Tiếng Việt" is said once, as the source). The rule of [`header_lines`],
/// for the reader's header too.
pub fn byline_adds(byline: &str, names: &[Option<&str>]) -> bool {
    let b = byline.trim().to_lowercase();
    !b.is_empty() && !names.iter().flatten().any(|n| n.trim().to_lowercase() == b)
}

/// "Trang chấm: 4/5 (1.024 lượt)" / "Page rating: 4/5 (1,024 votes)": the TUI's number
/// formats (`i18n::strings`), with the unit spelled out for a line read alone.
pub fn format_rating(r: &PageRating, lang: Lang) -> String {
    let base = format!(
        "{}: {}/{}",
        match lang {
            Lang::Vi => "Trang chấm",
            Lang::En => "Page rating",
        },
        strings::decimal(lang, r.value),
        strings::decimal(lang, r.best)
    );
    match (lang, r.count) {
        (_, None) => base,
        (Lang::Vi, Some(c)) => format!("{base} ({} lượt)", strings::number(lang, c)),
        (Lang::En, Some(c)) => format!("{base} ({} votes)", strings::number(lang, c)),
    }
}

/// A page date for people, in the machine's local zone (the zone the reader lives in, as
/// the TUI shows dates): "Thứ bảy, 22/8/2020 10:30" / "Sat, 22 Aug 2020 10:30".
/// A date that is midnight in its own zone is a date without a time: it is shown as the
/// page wrote it, since moving it to another zone would change the day.
pub fn format_date(rfc3339: &str, lang: Lang) -> Option<String> {
    let d = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    let utc = d.with_timezone(&chrono::Utc);
    if d.time() == chrono::NaiveTime::MIN {
        let full = strings::full_date(lang, utc, *d.offset());
        return Some(full.trim_end_matches(" 00:00").to_string());
    }
    // The local offset at that instant, not today's (summer time differs).
    let local = chrono::Local
        .offset_from_utc_datetime(&utc.naive_utc())
        .fix();
    Some(strings::full_date(lang, utc, local))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_that_is_the_site_name_is_said_once() {
        let meta = ArticleMeta {
            title: Some("Tin".into()),
            site_name: Some("BBC News Tiếng Việt".into()),
            byline: Some("BBC News tiếng Việt".into()),
            ..ArticleMeta::default()
        };
        let lines = header_lines(&meta, None, None, Lang::Vi);
        assert_eq!(lines[1], "BBC News Tiếng Việt");
        let lines = header_lines(&meta, Some("BBC News Tiếng Việt"), None, Lang::Vi);
        assert_eq!(lines[1], "BBC News Tiếng Việt");
        let meta = ArticleMeta {
            byline: Some("Thu Hà".into()),
            ..meta
        };
        let lines = header_lines(&meta, None, None, Lang::Vi);
        assert_eq!(lines[1], "BBC News Tiếng Việt · Thu Hà");
    }

    #[test]
    fn the_source_follows_the_byline() {
        let meta = ArticleMeta {
            title: Some("Tin".into()),
            byline: Some("Minh Anh".into()),
            source: Some("VnExpress".into()),
            ..ArticleMeta::default()
        };
        assert_eq!(
            header_lines(&meta, None, None, Lang::Vi)[1],
            "Minh Anh · Theo VnExpress"
        );
        assert_eq!(
            header_lines(&meta, None, None, Lang::En)[1],
            "Minh Anh · Source: VnExpress"
        );
    }

    #[test]
    fn rating_in_each_language() {
        let mut r = PageRating {
            value: 4.0,
            best: 5.0,
            count: Some(1024),
        };
        assert_eq!(format_rating(&r, Lang::Vi), "Trang chấm: 4/5 (1.024 lượt)");
        assert_eq!(
            format_rating(&r, Lang::En),
            "Page rating: 4/5 (1,024 votes)"
        );
        r.value = 4.5;
        r.count = None;
        assert_eq!(format_rating(&r, Lang::Vi), "Trang chấm: 4,5/5");
        assert_eq!(format_rating(&r, Lang::En), "Page rating: 4.5/5");
        // The decimal groups thousands as counts do (`strings::number`).
        r.value = 1024.5;
        r.best = 2000.0;
        assert_eq!(format_rating(&r, Lang::Vi), "Trang chấm: 1.024,5/2.000");
        assert_eq!(format_rating(&r, Lang::En), "Page rating: 1,024.5/2,000");
    }

    #[test]
    fn a_date_without_a_time_keeps_its_day() {
        assert_eq!(
            format_date("2020-08-22T00:00:00+07:00", Lang::Vi).as_deref(),
            Some("Thứ bảy, 22/8/2020")
        );
        assert_eq!(
            format_date("2020-08-22T00:00:00+07:00", Lang::En).as_deref(),
            Some("Sat, 22 Aug 2020")
        );
        assert_eq!(format_date("hôm qua", Lang::En), None);
    }

    #[test]
    fn views_line_groups_thousands() {
        let meta = ArticleMeta {
            title: Some("Tiêu đề".into()),
            views: Some(1705),
            ..ArticleMeta::default()
        };
        assert_eq!(
            header_lines(&meta, None, None, Lang::Vi)[1],
            "1.705 lượt xem"
        );
        assert_eq!(header_lines(&meta, None, None, Lang::En)[1], "1,705 views");
    }
}
