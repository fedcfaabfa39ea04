//! The header above an article: title; source, date and byline; the page's own rating and
//! view count; why the feed's content is shown instead of the page, when it is.
use super::{ArticleMeta, PageRating};
use crate::i18n::Lang;

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
    match (source.map(clean).filter(|s| !s.is_empty()), site) {
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
    if let Some(b) = meta.byline.as_deref().map(clean).filter(|b| !b.is_empty()) {
        facts.push(b);
    }
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    let mut counts = Vec::new();
    if let Some(r) = &meta.rating {
        counts.push(format_rating(r, lang));
    }
    if let Some(v) = meta.views {
        counts.push(match lang {
            Lang::Vi => format!("{} lượt xem", group(v, lang)),
            Lang::En => format!("{} views", group(v, lang)),
        });
    }
    if !counts.is_empty() {
        lines.push(counts.join(" · "));
    }
    if let Some(n) = notice.map(clean).filter(|n| !n.is_empty()) {
        lines.push(n);
    }
    lines
}

/// "Trang chấm: 4/5 (1.024 lượt)" / "Page rating: 4/5 (1,024 votes)".
pub fn format_rating(r: &PageRating, lang: Lang) -> String {
    let num = |v: f64| {
        let s = if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        };
        if lang == Lang::Vi {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let base = format!("{}/{}", num(r.value), num(r.best));
    match (lang, r.count) {
        (Lang::Vi, Some(c)) => format!("Trang chấm: {base} ({} lượt)", group(c, lang)),
        (Lang::Vi, None) => format!("Trang chấm: {base}"),
        (Lang::En, Some(c)) => format!("Page rating: {base} ({} votes)", group(c, lang)),
        (Lang::En, None) => format!("Page rating: {base}"),
    }
}

/// Thousands grouped: "1.705" in Vietnamese, "1,705" in English.
pub fn group(n: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "22/08/2020 10:30" (vi) or "2020-08-22 10:30" (en), in the page's own zone; no time when
/// it is midnight (a date without a time).
pub fn format_date(rfc3339: &str, lang: Lang) -> Option<String> {
    let d = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    let midnight = d.format("%H:%M:%S").to_string() == "00:00:00";
    let fmt = match (lang, midnight) {
        (Lang::Vi, true) => "%d/%m/%Y",
        (Lang::Vi, false) => "%d/%m/%Y %H:%M",
        (Lang::En, true) => "%Y-%m-%d",
        (Lang::En, false) => "%Y-%m-%d %H:%M",
    };
    Some(d.format(fmt).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_by_language() {
        assert_eq!(group(1705, Lang::Vi), "1.705");
        assert_eq!(group(1024, Lang::En), "1,024");
        assert_eq!(group(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(group(12, Lang::Vi), "12");
        let r = PageRating {
            value: 4.0,
            best: 5.0,
            count: Some(1024),
        };
        assert_eq!(format_rating(&r, Lang::Vi), "Trang chấm: 4/5 (1.024 lượt)");
        assert_eq!(
            format_date("2020-08-22T10:30:00+07:00", Lang::Vi).as_deref(),
            Some("22/08/2020 10:30")
        );
        assert_eq!(
            format_date("2020-08-22T00:00:00+07:00", Lang::En).as_deref(),
            Some("2020-08-22")
        );
    }
}
