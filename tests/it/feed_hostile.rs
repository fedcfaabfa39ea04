//! Issue 7's feed findings: the fields feed-rs 3.0.0 panics on (items kept, nothing
//! printed), linear parsing of `&` and `<` runs, the item and field caps.
use crate::cli_common::Docbao;
use crate::support::{Response, Server};
use docbao::feed::parse::{parse_feed, parse_feed_capped, repair_xml};
use std::time::Duration;

/// An RSS feed whose second item carries `extra` (raw XML) and whose first item is plain.
fn feed_with(extra: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" \
         xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <channel><title>Báo Thử</title><link>https://thu.example.vn/</link>\
         <item><title>Tin một</title><link>https://thu.example.vn/1</link></item>\
         <item><title>Tin hai</title><link>https://thu.example.vn/2</link>{extra}</item>\
         </channel></rss>"
    )
}

/// Each field that made feed-rs 3.0.0 panic, one per feed (see the README for the report).
const TRIGGERS: &[(&str, &str)] = &[
    (
        "multi-byte character before the address",
        "<author>Lê Minh Đức\u{a0}phongvien@example.vn</author>",
    ),
    (
        "the same through a reference",
        "<author>Lê Minh Đức&#160;phongvien@example.vn</author>",
    ),
    (
        "multi-byte character after the address",
        "<author>phongvien@example.vn\u{a0}Lê Minh Đức</author>",
    ),
    (
        "address in CDATA",
        "<dc:creator><![CDATA[Trần Thị Hà\u{3000}ha@example.vn]]></dc:creator>",
    ),
    (
        "duration beyond u64",
        "<itunes:duration>99999999999999999999</itunes:duration>",
    ),
    (
        "Arabic-Indic digits",
        "<itunes:duration>\u{661}\u{662}\u{663}</itunes:duration>",
    ),
    (
        "full-width digits",
        "<itunes:duration>\u{ff11}:\u{ff12}\u{ff13}:\u{ff14}\u{ff15}</itunes:duration>",
    ),
    (
        "thumbnail time beyond u64",
        "<media:thumbnail url=\"https://thu.example.vn/a.jpg\" time=\"99999999999999999999\"/>",
    ),
];

#[test]
fn items_survive_every_field_feed_rs_panics_on() {
    for (what, extra) in TRIGGERS {
        let doc = feed_with(extra);
        let feed = parse_feed(doc.as_bytes(), None, "https://thu.example.vn/rss")
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Tin một", "Tin hai"], "{what}");
    }
    // The author's name is kept, only the address moved away from it.
    let doc = feed_with(TRIGGERS[0].1);
    let feed = parse_feed(doc.as_bytes(), None, "https://thu.example.vn/rss").unwrap();
    assert_eq!(feed.items[1].author.as_deref(), Some("Lê Minh Đức"));
}

#[test]
fn a_json_feed_author_that_panics_feed_rs_costs_only_the_author() {
    let doc = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Thử","items":[
        {"id":"1","title":"Tin một","url":"https://thu.example.vn/1",
         "author":{"name":"Lê Minh Đức\u00a0phongvien@example.vn"}}]}"#;
    let feed = parse_feed(doc.as_bytes(), None, "https://thu.example.vn/feed.json").unwrap();
    assert_eq!(feed.items.len(), 1);
}

/// The binary: the panic inside feed-rs is caught and says nothing; the items are stored.
#[test]
fn refresh_and_add_print_nothing_for_a_caught_parser_panic() {
    let server = Server::start_background();
    let mut all = String::new();
    for (i, (_, extra)) in TRIGGERS.iter().enumerate() {
        server.route(
            &format!("/f{i}.xml"),
            Response::ok(feed_with(extra), "application/rss+xml"),
        );
        all.push_str(extra);
    }
    server.route(
        "/all.xml",
        Response::ok(feed_with(&all), "application/rss+xml"),
    );
    let d = Docbao::new();
    let out = d
        .command()
        .args(["add", &server.url("/all.xml")])
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    for i in 0..TRIGGERS.len() {
        d.ok(&["add", "--offline", &server.url(&format!("/f{i}.xml"))]);
    }
    let out = d
        .command()
        .arg("refresh")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let articles = d.json(&["articles", "--json"]);
    assert_eq!(articles.as_array().unwrap().len(), 2 * (TRIGGERS.len() + 1));
}

/// The processor time `f` takes on `input` on this thread, the best of 2 runs: other
/// tests and builds on the machine take turns on the cores, which wall time would count.
fn time(f: impl Fn(&str), input: &str) -> Duration {
    let cpu = || {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    };
    let took = (0..2)
        .map(|_| {
            let start = cpu();
            f(input);
            cpu().saturating_sub(start)
        })
        .min()
        .unwrap_or_default();
    eprintln!("{} kB: {took:?}", input.len() / 1000);
    took
}

/// The sizes compared: 1 MB and 15 MB in a release build (`cargo test --release`); a debug
/// build, ~50 times slower, compares 100 kB and 800 kB so that the suite stays fast.
const SIZES: (usize, usize) = if cfg!(debug_assertions) {
    (100_000, 800_000)
} else {
    (1_000_000, 15_000_000)
};

/// The large input takes at most ~3 times its share of the small one's time: a quadratic
/// pass takes (large / small) times longer still (64 or 225 times as long in all). The
/// slack is small: processor time does not count the other tests' turns.
fn assert_linear(what: &str, unit: &str, f: impl Fn(&str)) {
    let (small, large) = SIZES;
    let ratio = u32::try_from(large / small).unwrap();
    let small = unit.repeat(small / unit.len());
    let large = unit.repeat(large / unit.len());
    let t1 = time(&f, &small);
    let t15 = time(&f, &large);
    assert!(
        t15 < t1 * ratio * 3 + Duration::from_millis(50),
        "{what}: {} bytes {t1:?}, {} bytes {t15:?}",
        small.len(),
        large.len()
    );
}

#[test]
fn runs_of_ampersands_and_angle_brackets_parse_in_linear_time() {
    for unit in ["&", "<"] {
        assert_linear(&format!("repair {unit:?}"), unit, |s| {
            let _ = repair_xml(s);
        });
        assert_linear(&format!("index text {unit:?}"), unit, |s| {
            let _ = docbao::store::strip::html_to_index_text(s);
        });
        assert_linear(&format!("decode {unit:?}"), unit, |s| {
            let _ = docbao::text::entities::decode(s);
        });
    }
    // Through the whole parser: an item title of N `&` (or `<`) in CDATA, as HTML.
    for unit in ["&", "<"] {
        assert_linear(&format!("feed title {unit:?}"), unit, |s| {
            let doc = format!(
                "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[{s}]]></title>\
                 <link>https://x.vn/1</link></item></channel></rss>"
            );
            let feed = parse_feed(doc.as_bytes(), None, "https://x.vn/").unwrap();
            assert_eq!(feed.items.len(), 1);
        });
    }
}

fn dated_items(n: usize) -> String {
    let mut doc = String::from("<rss version=\"2.0\"><channel><title>Nhiều tin</title>");
    for i in 0..n {
        // Oldest first, so that the newest are at the end of the document.
        doc.push_str(&format!(
            "<item><title>Tin {i}</title><link>https://x.vn/{i}</link>\
             <pubDate>{}</pubDate></item>",
            (chrono::DateTime::UNIX_EPOCH + chrono::Duration::hours(i as i64)).to_rfc2822()
        ));
    }
    doc.push_str("</channel></rss>");
    doc
}

#[test]
fn only_the_newest_items_are_kept() {
    let doc = dated_items(2_500);
    let feed = parse_feed(doc.as_bytes(), None, "https://x.vn/").unwrap();
    assert_eq!(feed.items.len(), 1000);
    assert_eq!(feed.title.as_deref(), Some("Nhiều tin"));
    assert_eq!(feed.items[0].title, "Tin 2499");
    assert_eq!(feed.items[999].title, "Tin 1500");
    let feed = parse_feed_capped(doc.as_bytes(), None, "https://x.vn/", 3).unwrap();
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Tin 2499", "Tin 2498", "Tin 2497"]);
    // Fewer items than the cap: as the document gives them.
    let small = dated_items(5);
    let feed = parse_feed(small.as_bytes(), None, "https://x.vn/").unwrap();
    assert_eq!(feed.items[0].title, "Tin 0");
}

#[test]
fn a_large_json_feed_keeps_the_newest_items() {
    let items: Vec<String> = (0..2_500)
        .map(|i| {
            format!(
                r#"{{"id":"{i}","title":"Tin {i}","url":"https://x.vn/{i}","date_published":"{}"}}"#,
                (chrono::DateTime::UNIX_EPOCH + chrono::Duration::hours(i)).to_rfc3339()
            )
        })
        .collect();
    let doc = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"JSON","items":[{}]}}"#,
        items.join(",")
    );
    let feed = parse_feed(doc.as_bytes(), None, "https://x.vn/feed.json").unwrap();
    assert_eq!(feed.items.len(), 1000);
    assert_eq!(feed.title.as_deref(), Some("JSON"));
    assert_eq!(feed.items[0].title, "Tin 2499");
}

#[test]
fn long_fields_are_cut() {
    let title = "Đ".repeat(100_000);
    let body = "<p>Hà Nội</p>".repeat(200_000);
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>{title}</title>\
         <link>https://x.vn/{}</link><description><![CDATA[{body}]]></description>\
         </item></channel></rss>",
        "a".repeat(10_000)
    );
    let feed = parse_feed(doc.as_bytes(), None, "https://x.vn/").unwrap();
    let item = &feed.items[0];
    assert!(item.title.len() <= 2048 && item.title.starts_with("ĐĐ"));
    assert!(item.summary.as_ref().unwrap().len() <= 64 * 1024);
    assert_eq!(item.url, None);
}
