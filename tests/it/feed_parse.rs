//! Feed parsing on fixtures of every format and every repair.
use docbao::feed::ParsedFeed;
use docbao::feed::parse::{ParseError, parse_feed, parse_feed_async};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(name: &str, url: &str) -> ParsedFeed {
    parse_feed(&fixture(name), None, url).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn date(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    Some(chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc())
}

#[test]
fn rss_091_with_html_entities() {
    let feed = parse("rss091.xml", "https://old.example.org/rss.xml");
    assert_eq!(feed.title.as_deref(), Some("Old Style News"));
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[0].title, "Café opens downtown");
    let summary = feed.items[0].summary.as_deref().unwrap();
    assert!(
        summary.contains("café serves tea & bread … every"),
        "{summary}"
    );
    assert_eq!(
        feed.items[1].url.as_deref(),
        Some("https://old.example.org/news/second.html")
    );
}

#[test]
fn rss_10_rdf() {
    let feed = parse("rss10.rdf", "https://rdf.example.vn/rss");
    assert_eq!(feed.title.as_deref(), Some("Bản tin RDF"));
    assert_eq!(feed.site_url.as_deref(), Some("https://rdf.example.vn/"));
    let first = &feed.items[0];
    assert_eq!(first.title, "Mưa lớn ở miền Trung");
    assert_eq!(first.url.as_deref(), Some("https://rdf.example.vn/tin/1"));
    assert_eq!(first.author.as_deref(), Some("Lê Văn Tám"));
    assert_eq!(first.published, date("2024-10-05T08:15:00+07:00"));
}

#[test]
fn rss_20_fields_guids_and_relative_links() {
    let feed = parse("rss20.xml", "https://baomau.vn/rss/tin-moi.rss");
    assert_eq!(feed.title.as_deref(), Some("Tin thử nghiệm - Báo Mẫu"));
    assert_eq!(feed.site_url.as_deref(), Some("https://baomau.vn/"));
    let [a, b, c] = &feed.items[..] else {
        panic!("{:?}", feed.items)
    };
    assert_eq!(a.guid.as_deref(), Some("baomau-1001"));
    assert_eq!(a.author.as_deref(), Some("Nguyễn Thị Hoa"));
    assert_eq!(a.published, date("2025-02-06T20:30:48+07:00"));
    assert!(a.summary.as_deref().unwrap().contains("<b>thảo luận</b>"));
    assert!(
        a.content
            .as_deref()
            .unwrap()
            .starts_with("<h2>Toàn văn</h2>")
    );
    // No guid: feed-rs would invent one; it must not reach the store.
    assert_eq!(b.guid, None);
    assert_eq!(
        b.url.as_deref(),
        Some("https://baomau.vn/kinh-te/bai-1002.html")
    );
    assert_eq!(b.summary.as_deref(), Some("Văn bản thuần, không có guid."));
    // A permalink guid stands in for the missing link.
    assert_eq!(
        c.url.as_deref(),
        Some("https://baomau.vn/the-gioi/bai-1003.html")
    );
}

#[test]
fn atom_html_titles_xml_base_and_updated() {
    let feed = parse("atom.xml", "https://atom.example.com/blog/feed.atom");
    assert_eq!(feed.title.as_deref(), Some("Notes & Sketches"));
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://atom.example.com/blog/")
    );
    let [a, b] = &feed.items[..] else {
        panic!("{:?}", feed.items)
    };
    assert_eq!(a.title, "Hà Nội in autumn");
    assert_eq!(
        a.url.as_deref(),
        Some("https://atom.example.com/blog/posts/ha-noi-autumn")
    );
    assert_eq!(a.guid.as_deref(), Some("tag:atom.example.com,2025:1"));
    assert_eq!(a.author.as_deref(), Some("Trần Minh"));
    assert_eq!(a.published, date("2025-03-01T09:00:00Z"));
    // A plain-text summary comes out as HTML that reads the same.
    assert_eq!(
        a.summary.as_deref(),
        Some("Leaves, lakes &amp; a cup of coffee: 1 &lt; 2.")
    );
    assert!(a.content.as_deref().unwrap().contains("<i>markup</i>"));
    assert_eq!(b.published, date("2025-02-01T08:00:00+07:00"));
    assert!(
        b.content.as_deref().unwrap().contains("<b>XHTML</b>"),
        "{:?}",
        b.content
    );
}

#[test]
fn json_feed_11() {
    let feed = parse("feed.json", "https://json.example.vn/feed.json");
    assert_eq!(feed.title.as_deref(), Some("Sổ tay JSON"));
    assert_eq!(feed.site_url.as_deref(), Some("https://json.example.vn/"));
    let [a, b] = &feed.items[..] else {
        panic!("{:?}", feed.items)
    };
    assert_eq!(a.guid.as_deref(), Some("json-1"));
    assert_eq!(a.title, "Phở bò và bánh mì");
    assert_eq!(a.author.as_deref(), Some("Đỗ An"));
    assert_eq!(a.published, date("2025-01-10T07:00:00+07:00"));
    assert!(
        a.content
            .as_deref()
            .unwrap()
            .contains("<strong>quen thuộc</strong>")
    );
    assert_eq!(b.url.as_deref(), Some("https://json.example.vn/bai/2"));
    assert_eq!(b.content.as_deref(), Some("Dòng 1 &lt; dòng 2 &amp; hết."));
    assert_eq!(b.published, date("2025-01-11T07:00:00Z"));
}

#[test]
fn every_repair_at_once() {
    // Raw `&` in text and attributes, &nbsp; &hellip; &eacute; &mdash;, C0 characters,
    // a second XML declaration naming an encoding (quick-xml under feed-rs asserts on it).
    let feed = parse("faulty.xml", "https://loi.example.vn/rss");
    assert_eq!(feed.title.as_deref(), Some("Báo lỗi & sửa lỗi"));
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://loi.example.vn/?a=1&b=2")
    );
    let [a, b] = &feed.items[..] else {
        panic!("{:?}", feed.items)
    };
    assert_eq!(a.title, "Giá vàng & đô la tăng mạnh…");
    assert_eq!(
        a.url.as_deref(),
        Some("https://loi.example.vn/bai?id=7&lang=vi")
    );
    assert_eq!(
        a.summary.as_deref(),
        Some("Thị trường ép giá — nhà đầu tư lo ngại.")
    );
    // Whole escape sequences never reach the store; CDATA is untouched.
    assert_eq!(b.title, "Tiêu đề có mã điều khiển và màu");
    assert!(!b.title.contains('\u{1b}'));
    assert!(b.summary.as_deref().unwrap().contains("a & b &nbsp; <?xml"));
}

#[test]
fn second_declaration_with_encoding_never_panics() {
    let docs = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>",
        "<rss version=\"2.0\"><channel><?xml version='1.0' encoding='windows-1252'?><title>y</title></channel></rss>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>z</title></channel></rss>",
    ];
    for doc in docs {
        let feed = parse_feed(doc.as_bytes(), None, "https://x.example/").unwrap();
        assert!(feed.title.is_some(), "{doc}");
    }
}

#[test]
fn decomposed_titles_are_composed() {
    let feed = parse("decomposed.xml", "https://nfd.example.vn/rss");
    assert_eq!(feed.title.as_deref(), Some("Tiếng Việt tổ hợp"));
    assert_eq!(feed.items[0].title, "Việt Nam: Hội nghị về đường sắt");
    assert_eq!(
        feed.items[0].summary.as_deref(),
        Some("Nội dung bằng tiếng Việt")
    );
}

#[test]
fn windows_1258_declared_in_the_prolog() {
    let feed = parse("windows1258.xml", "https://cu.example.vn/rss");
    assert_eq!(feed.title.as_deref(), Some("Tiếng Việt mã cũ"));
    assert_eq!(feed.items[0].title, "Đường sắt và Tiếng Việt");
}

#[test]
fn an_html_page_is_not_a_feed() {
    let err = parse_feed(&fixture("page.html"), Some("text/html"), "https://x.vn/").unwrap_err();
    assert_eq!(err.to_string(), "not a feed: the server sent an HTML page");
}

#[test]
fn truncated_xml_is_an_error_with_a_line() {
    let err = parse_feed(&fixture("truncated.xml"), None, "https://cat.example.vn/").unwrap_err();
    assert!(
        matches!(err, ParseError::BrokenXml { line: 4, .. }),
        "{err}"
    );
    assert!(
        err.to_string().starts_with("broken XML at line 4: "),
        "{err}"
    );
    // Every prefix of a good feed fails cleanly or parses; none panics.
    let good = fixture("rss20.xml");
    for end in (0..good.len()).step_by(7) {
        let _ = parse_feed(&good[..end], None, "https://baomau.vn/");
    }
}

#[test]
fn other_failures_read_well() {
    let too_big = vec![b' '; docbao::feed::parse::MAX_FEED_BYTES + 1];
    let err = parse_feed(&too_big, None, "https://x/").unwrap_err();
    assert!(err.to_string().starts_with("feed too large"), "{err}");
    let err = parse_feed(b"hello", None, "https://x/").unwrap_err();
    assert!(err.to_string().starts_with("not a feed"), "{err}");
    let err = parse_feed(b"<note><to>x</to></note>", None, "https://x/").unwrap_err();
    assert!(err.to_string().starts_with("not a feed"), "{err}");
    let err = parse_feed(b"{\"version\": ", None, "https://x/").unwrap_err();
    assert!(matches!(err, ParseError::BrokenJson(_)), "{err}");
    let err = parse_feed(
        b"<rss version=\"2.0\"><channel><a></b></channel></rss>",
        None,
        "bad url",
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("broken XML at line 1: "),
        "{err}"
    );
}

#[tokio::test]
async fn async_parse_runs_on_the_blocking_pool() {
    let feed = parse_feed_async(fixture("rss20.xml"), None, "https://baomau.vn/rss".into())
        .await
        .unwrap();
    assert_eq!(feed.items.len(), 3);
}

/// Real VnExpress shapes (the 2025 one has a raw `&` in an attribute), when the shared
/// samples are on this machine.
#[test]
fn shared_vietnamese_samples_parse() {
    let dir = Path::new("/work/shared/samples/vi");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let bytes = std::fs::read(&path).unwrap();
        let feed = parse_feed(&bytes, Some("text/xml"), "https://vnexpress.net/rss/x.rss")
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!feed.items.is_empty(), "{}", path.display());
        for item in &feed.items {
            assert!(!item.title.is_empty() && item.url.is_some(), "{item:?}");
            assert!(item.title.chars().all(|c| !c.is_control()), "{item:?}");
        }
    }
}

#[test]
fn rss_092_and_json_feed_10_variants() {
    let rss = String::from_utf8(fixture("rss091.xml"))
        .unwrap()
        .replace("0.91", "0.92");
    let feed = parse_feed(rss.as_bytes(), None, "https://old.example.org/rss.xml").unwrap();
    assert_eq!(feed.items[0].title, "Café opens downtown");
    let json = String::from_utf8(fixture("feed.json"))
        .unwrap()
        .replace("version/1.1", "version/1");
    let feed = parse_feed(json.as_bytes(), None, "https://json.example.vn/feed.json").unwrap();
    assert_eq!(feed.items.len(), 2);
}
