//! The embedded default subscriptions and guide feed parse with docbao's own parsers.
use docbao::assets::{FEEDS_OPML, GUIDE_FEED, GUIDE_URL};
use docbao::feed::opml::parse_opml;
use docbao::feed::parse::parse_feed;

#[test]
fn default_subscriptions_parse_into_categories() {
    let opml = parse_opml(FEEDS_OPML).unwrap();
    let entries = &opml.entries;
    assert!(entries.len() >= 15, "{}", entries.len());
    let vnexpress: Vec<&str> = entries
        .iter()
        .filter(|e| opml.path(e.category).as_deref() == Some("Tin Việt Nam/VnExpress"))
        .map(|e| e.xml_url.as_str())
        .collect();
    for slug in [
        "tin-moi-nhat",
        "thoi-su",
        "the-gioi",
        "kinh-doanh",
        "khoa-hoc",
        "so-hoa",
    ] {
        let url = format!("https://vnexpress.net/rss/{slug}.rss");
        assert!(vnexpress.contains(&url.as_str()), "{url}");
    }
    for host in [
        "tuoitre.vn",
        "thanhnien.vn",
        "dantri.com.vn",
        "vietnamnet.vn",
        "znews.vn",
        "feeds.bbci.co.uk/vietnamese",
        "voatiengviet.com",
        "hnrss.org",
        "lwn.net",
    ] {
        assert!(entries.iter().any(|e| e.xml_url.contains(host)), "{host}");
    }
    let mut urls: Vec<&str> = entries.iter().map(|e| e.xml_url.as_str()).collect();
    assert!(urls.iter().all(|u| u.starts_with("https://")));
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), entries.len(), "duplicate feeds");
    assert!(
        entries
            .iter()
            .all(|e| e.category.is_some() && !e.title.is_empty())
    );
    assert!(
        entries
            .iter()
            .any(|e| opml.path(e.category).as_deref() == Some("Quốc tế"))
    );
}

#[test]
fn guide_feed_has_bilingual_articles_with_rich_content() {
    let feed = parse_feed(GUIDE_FEED.as_bytes(), None, GUIDE_URL).unwrap();
    assert_eq!(
        feed.title.as_deref(),
        Some("Hướng dẫn docbao · docbao guide")
    );
    assert!((4..=6).contains(&feed.items.len()), "{}", feed.items.len());
    let vietnamese = |s: &str| {
        s.chars()
            .any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c))
    };
    for item in &feed.items {
        let (vi, en) = item
            .title
            .split_once(" · ")
            .unwrap_or_else(|| panic!("{}", item.title));
        assert!(vietnamese(vi) && !vietnamese(en), "{}", item.title);
        let guid = item.guid.as_deref().unwrap();
        assert!(guid.starts_with("docbao:guide:"), "{guid}");
        assert!(item.published.is_some());
        let html = item.content.as_deref().unwrap();
        assert!(
            html.contains("<h2>") && (html.contains("<ul>") || html.contains("<table>")),
            "{guid}"
        );
        assert!(vietnamese(html) && html.contains(" the "), "{guid}");
    }
    assert!(
        feed.items
            .iter()
            .any(|i| i.content.as_deref().unwrap().contains("<table>"))
    );
    // Parsing twice gives the same articles: guids and dates are fixed.
    assert_eq!(
        parse_feed(GUIDE_FEED.as_bytes(), None, GUIDE_URL).unwrap(),
        feed
    );
}
