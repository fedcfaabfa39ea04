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

/// What the header above an article says, decided once for `docbao read`, the export and
/// the reader, which only lay it out differently. Every part is cleaned and non-empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    /// "Feed (site)", or whichever of the two is known.
    pub place: Option<String>,
    pub date: Option<String>,
    /// "4 phút đọc" / "4 min read".
    pub reading: Option<String>,
    /// The writers, unless they are only the site's or the feed's name.
    pub byline: Option<String>,
    /// "Theo TTXVN": [`source_line`].
    pub origin: Option<String>,
    /// The page's own rating and view count: "Trang chấm: 4/5 · 1.705 lượt xem".
    pub counts: Option<String>,
    /// Why the feed's content stands in for the page.
    pub notice: Option<String>,
}

/// What a [`Header`] is made from. `title` is the title the list showed (the page's own
/// when absent); `author` the feed's, used when the page names no writer; `date` is
/// already in words ([`format_date`], `strings::full_date`).
#[derive(Debug, Clone, Copy, Default)]
pub struct HeaderSource<'a> {
    pub meta: Option<&'a ArticleMeta>,
    pub title: Option<&'a str>,
    pub feed: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    pub reading_minutes: u32,
    pub notice: Option<&'a str>,
}

impl Header {
    pub fn new(src: HeaderSource<'_>, lang: Lang) -> Header {
        let clean = |s: Option<&str>| {
            s.map(crate::text::clean_line)
                .filter(|s| !s.trim().is_empty())
        };
        let meta = src.meta;
        let title = clean(src.title)
            .or_else(|| clean(meta.and_then(|m| m.title.as_deref())))
            .unwrap_or_else(|| {
                match lang {
                    Lang::Vi => "(không có tiêu đề)",
                    Lang::En => "(untitled)",
                }
                .into()
            });
        let site = clean(meta.and_then(|m| m.site_name.as_deref()));
        let feed = clean(src.feed);
        let byline = clean(meta.and_then(|m| m.byline.as_deref()).or(src.author))
            .filter(|b| byline_adds(b, &[site.as_deref(), feed.as_deref()]));
        let place = match (feed, site) {
            (Some(feed), Some(site)) => Some(place(feed, site)),
            (feed, site) => feed.or(site),
        };
        let mut counts = Vec::new();
        if let Some(r) = meta.and_then(|m| m.rating.as_ref()) {
            counts.push(format_rating(r, lang));
        }
        if let Some(v) = meta.and_then(|m| m.views) {
            counts.push(format!(
                "{} {}",
                strings::number(lang, v),
                tr(lang, T::Views)
            ));
        }
        Header {
            title,
            place,
            date: clean(src.date),
            reading: (src.reading_minutes > 0)
                .then(|| crate::i18n::reading::minutes_long(lang, src.reading_minutes)),
            byline,
            origin: meta.and_then(|m| source_line(m, lang)),
            counts: (!counts.is_empty()).then(|| counts.join(" · ")),
            notice: clean(src.notice),
        }
    }

    /// As plain lines (unwrapped), for `read` and the export: the title; place, date,
    /// reading time, writers and origin on one line; the page's counts; the notice.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone()];
        let facts: Vec<&str> = [
            &self.place,
            &self.date,
            &self.reading,
            &self.byline,
            &self.origin,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
        if !facts.is_empty() {
            lines.push(facts.join(" · "));
        }
        lines.extend(self.counts.clone());
        lines.extend(self.notice.clone());
        lines
    }
}

/// The feed's and the site's names said once: the longer when one holds the other
/// ("Tuổi Trẻ" in "Tuổi Trẻ Online"), else "feed (site)".
fn place(feed: String, site: String) -> String {
    let (f, s) = (feed.to_lowercase(), site.to_lowercase());
    if s.contains(&f) {
        site
    } else if f.contains(&s) {
        feed
    } else {
        format!("{feed} ({site})")
    }
}

/// Header lines (unwrapped) of `read` and the export. `source` is the feed's title;
/// `notice` a line such as "Showing the feed's content: the page could not be fetched".
pub fn header_lines(
    meta: &ArticleMeta,
    source: Option<&str>,
    notice: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let date = meta.published.as_deref().and_then(|d| format_date(d, lang));
    let src = HeaderSource {
        meta: Some(meta),
        feed: source,
        date: date.as_deref(),
        notice,
        ..HeaderSource::default()
    };
    Header::new(src, lang).lines()
}

/// Whether `byline` says more than the names of the site and the feed (a byline that is
/// only "BBC News Tiếng Việt" is said once, as the source).
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
    fn the_feed_and_the_site_are_named_once() {
        let meta = ArticleMeta {
            site_name: Some("Tuổi Trẻ Online".into()),
            ..ArticleMeta::default()
        };
        let place = |feed: &str| {
            let src = HeaderSource {
                meta: Some(&meta),
                feed: Some(feed),
                ..HeaderSource::default()
            };
            Header::new(src, Lang::Vi).place
        };
        // One name inside the other: the longer one.
        assert_eq!(place("Tuổi Trẻ").as_deref(), Some("Tuổi Trẻ Online"));
        assert_eq!(
            place("TUỔI TRẺ ONLINE - Thời sự").as_deref(),
            Some("TUỔI TRẺ ONLINE - Thời sự")
        );
        // Two different names: both.
        assert_eq!(
            place("Tin mới nhất").as_deref(),
            Some("Tin mới nhất (Tuổi Trẻ Online)")
        );
        assert_eq!(place("  ").as_deref(), Some("Tuổi Trẻ Online"));
    }

    #[test]
    fn the_lists_title_and_the_feeds_author_stand_in_for_the_pages() {
        let meta = ArticleMeta {
            title: Some("Tiêu đề của trang".into()),
            ..ArticleMeta::default()
        };
        let src = HeaderSource {
            meta: Some(&meta),
            title: Some("Tiêu đề trong danh sách"),
            feed: Some("VnExpress"),
            author: Some("Lan Anh"),
            date: Some("Thứ bảy, 22/8/2020 10:30"),
            reading_minutes: 4,
            notice: None,
        };
        let h = Header::new(src, Lang::Vi);
        assert_eq!(h.title, "Tiêu đề trong danh sách");
        assert_eq!(
            h.lines()[1],
            "VnExpress · Thứ bảy, 22/8/2020 10:30 · 4 phút đọc · Lan Anh"
        );
        // The page's writers win over the feed's; the feed's name is no writer.
        let signed = ArticleMeta {
            byline: Some("Minh Châu".into()),
            ..meta.clone()
        };
        let h = Header::new(
            HeaderSource {
                meta: Some(&signed),
                ..src
            },
            Lang::Vi,
        );
        assert_eq!(h.byline.as_deref(), Some("Minh Châu"));
        let h = Header::new(
            HeaderSource {
                author: Some("vnexpress"),
                ..src
            },
            Lang::Vi,
        );
        assert_eq!(h.byline, None);
        // Nothing at all: a title still.
        let h = Header::new(HeaderSource::default(), Lang::En);
        assert_eq!(h.lines(), vec!["(untitled)".to_string()]);
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
