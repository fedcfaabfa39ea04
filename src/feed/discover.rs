//! Finding the feeds an HTML page announces (`<link rel="alternate" type="application/rss+xml"
//! href="...">`), for `add URL` when URL is a page rather than a feed.
use dom_query::Document;
use url::Url;

/// Media types of feeds announced in `<link rel="alternate">`, most wanted first: the
/// feed formats by name, then the generic XML and JSON types some sites announce them with.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
    "application/xml",
    "text/xml",
];

/// The feed URLs a page links to, absolute, without duplicates, in order of preference:
/// by type ([`FEED_TYPES`]), then in document order.
/// Relative hrefs resolve against the page's `<base href>` when present, else `base`.
pub fn find_feed_links(html: &str, base: &str) -> Vec<String> {
    let doc = Document::from(html);
    let page = Url::parse(base).ok();
    let base = doc
        .select("base[href]")
        .attr("href")
        .and_then(|h| match &page {
            Some(p) => p.join(h.trim()).ok(),
            None => Url::parse(h.trim()).ok(),
        })
        .or(page);
    let mut found: Vec<(usize, String)> = Vec::new();
    for node in doc.select("link[href]").nodes() {
        let rel = node.attr("rel").unwrap_or_default();
        if !rel
            .split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("alternate"))
        {
            continue;
        }
        let kind = node.attr("type").unwrap_or_default();
        let kind = kind
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        // application/json is a feed only when announced as one (JSON Feed's older type).
        let Some(rank) = FEED_TYPES.iter().position(|t| *t == kind) else {
            continue;
        };
        let href = node.attr("href").unwrap_or_default();
        let href = crate::text::clean_line(&href);
        let url = match &base {
            Some(b) => b.join(&href).ok(),
            None => Url::parse(&href).ok(),
        };
        if let Some(url) = url.filter(|u| matches!(u.scheme(), "http" | "https")) {
            let url = url.to_string();
            if !found.iter().any(|(_, u)| *u == url) {
                found.push((rank, url));
            }
        }
    }
    // Stable: document order within a type.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, url)| url).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_announced_feeds_in_order() {
        let html = r#"<!doctype html><html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">
            <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://other.vn/atom.xml">
            <link rel="alternate" hreflang="en" href="/en/">
            <link rel="alternate" type="application/feed+json" href="feed.json">
            <link rel="alternate" type="application/rss+xml" href="/rss/tin-moi.rss">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            </head><body><p>Xin chào</body></html>"#;
        assert_eq!(
            find_feed_links(html, "https://bao.vn/muc/trang.html"),
            [
                "https://bao.vn/rss/tin-moi.rss",
                "https://other.vn/atom.xml",
                "https://bao.vn/muc/feed.json",
            ]
        );
    }

    #[test]
    fn named_feed_types_come_before_generic_ones() {
        let html = r#"<head>
            <link rel="alternate" type="text/xml" href="/a.xml">
            <link rel="alternate" type="application/json" href="/b.json">
            <link rel="alternate" type="application/atom+xml" href="/c.atom">
            <link rel="alternate" type="application/rss+xml" href="/d.rss">
            <link rel="alternate" type="application/rss+xml" href="/e.rss"></head>"#;
        assert_eq!(
            find_feed_links(html, "https://bao.vn/"),
            [
                "https://bao.vn/d.rss",
                "https://bao.vn/e.rss",
                "https://bao.vn/c.atom",
                "https://bao.vn/b.json",
                "https://bao.vn/a.xml",
            ]
        );
    }

    #[test]
    fn base_element_is_honoured() {
        let html = r#"<head><base href="https://cdn.vn/x/"><link rel="alternate" type="application/rss+xml" href="f.rss"></head>"#;
        assert_eq!(
            find_feed_links(html, "https://bao.vn/"),
            ["https://cdn.vn/x/f.rss"]
        );
    }

    #[test]
    fn garbage_gives_nothing_and_no_panic() {
        for html in [
            "",
            "<",
            "<link rel=alternate type=application/rss+xml href=",
            "\u{0}<<>>&&",
            "<link href='x'>",
        ] {
            assert!(find_feed_links(html, "not a url").is_empty());
        }
    }
}
