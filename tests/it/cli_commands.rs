//! The headless commands of interface.md, through the real binary on a temporary data dir
//! against fixture feeds served from 127.0.0.1.
use crate::cli_common;
use crate::support;

use cli_common::{Docbao, ids, rss};
use serde_json::Value;
use support::{Response, Server};

fn feed_server() -> Server {
    let server = Server::start_background();
    let base = server.url("");
    let items = vec![
        (
            "g1".to_string(),
            "Đường sắt tốc độ cao được trình Quốc hội".to_string(),
        ),
        (
            "g2".to_string(),
            "Hà Nội mưa lớn, nhiều tuyến phố ngập".to_string(),
        ),
        (
            "g3".to_string(),
            "Tin \u{1b}]0;pwned\u{7}kinh tế với mã thoát".to_string(),
        ),
    ];
    server.route(
        "/feed.xml",
        Response::ok(rss("Báo Thử", &base, &items), "application/rss+xml"),
    );
    server.route(
        "/page.html",
        Response::ok(
            "<html><head><title>Trang</title>\
             <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head>\
             <body>Chào</body></html>",
            "text/html; charset=utf-8",
        ),
    );
    server.route("/broken.xml", Response::status(500));
    server
}

#[test]
fn add_finds_the_feed_of_a_page_and_stores_its_items() {
    let server = feed_server();
    let d = Docbao::new();
    let out = d.ok(&["add", &server.url("/page.html")]);
    assert!(out.contains("Báo Thử"), "{out}");
    let feeds = d.json(&["feeds", "--json"]);
    assert_eq!(feeds[0]["url"], server.url("/feed.xml"));
    assert_eq!(feeds[0]["total"], 3);
    assert_eq!(feeds[0]["unread"], 3);
    for key in [
        "id",
        "title",
        "url",
        "unread",
        "total",
        "last_status",
        "last_refreshed",
    ] {
        assert!(feeds[0].get(key).is_some(), "feeds --json lacks {key}");
    }
    let again = d.ok(&["add", &server.url("/feed.xml")]);
    assert!(again.contains("already subscribed"), "{again}");
}

#[test]
fn articles_search_rate_and_mark() {
    let server = feed_server();
    let d = Docbao::new();
    d.ok(&["add", &server.url("/feed.xml")]);
    let all = d.json(&["articles", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    let first = &all[0];
    for key in [
        "id",
        "feed_id",
        "feed",
        "title",
        "url",
        "published",
        "read",
        "rating",
        "full_text",
    ] {
        assert!(first.get(key).is_some(), "articles --json lacks {key}");
    }
    // Newest first: the fixture's items get later dates in document order.
    assert!(first["published"].as_str().unwrap() >= all[1]["published"].as_str().unwrap());
    // No control character ever reaches the output.
    let text = d.ok(&["articles"]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );

    // Every summary mentions "đường sắt"; the title match ranks first.
    let hits = d.json(&["search", "duong sat", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 3);
    assert!(hits[0]["title"].as_str().unwrap().starts_with("Đường sắt"));
    assert_eq!(
        ids(&d.json(&["search", "HA NOI MUA LON", "--json"])).len(),
        1
    );

    let id = hits[0]["id"].as_i64().unwrap().to_string();
    d.ok(&["rate", &id, "4"]);
    d.ok(&["mark", &id, "read"]);
    let rated = d.json(&["articles", "--min-rating", "4", "--json"]);
    assert_eq!(ids(&rated), vec![id.parse::<i64>().unwrap()]);
    assert_eq!(rated[0]["rating"], 4);
    assert_eq!(rated[0]["read"], true);
    assert_eq!(
        d.json(&["articles", "--unread", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        d.json(&["articles", "--limit", "1", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    d.ok(&["rate", &id, "0"]);
    d.ok(&["mark", &id, "unread"]);
    assert_eq!(
        d.json(&["articles", "--unread", "--feed", "Báo Thử", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );

    // Usage errors exit 2; errors exit 1 with one line.
    assert_eq!(d.run(&["rate", &id, "6"]).status.code(), Some(2));
    let missing = d.run(&["rate", "99999", "3"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("99999"), "{err}");
}

#[test]
fn refresh_lists_failures_and_still_succeeds() {
    let server = feed_server();
    let d = Docbao::new();
    d.ok(&["--offline", "add", &server.url("/feed.xml")]);
    d.ok(&["--offline", "add", &server.url("/broken.xml")]);
    let out = d.run(&["refresh"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("1 feeds ok") && stdout.contains("1 failed") && stdout.contains("3 new"),
        "{stdout}"
    );
    assert!(
        stderr.contains("broken.xml") || stderr.contains("500"),
        "{stderr}"
    );
    let feeds = d.json(&["feeds", "--json"]);
    let broken = feeds
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["url"].as_str().unwrap().ends_with("broken.xml"))
        .unwrap();
    assert!(
        broken["last_status"].as_str().unwrap().contains("500"),
        "{broken}"
    );
    // Refreshing needs the network.
    assert_eq!(d.run(&["--offline", "refresh"]).status.code(), Some(1));
    // Remove by title.
    d.ok(&["remove", "Báo Thử"]);
    assert_eq!(d.json(&["feeds", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn opml_round_trip_keeps_nested_categories() {
    let d = Docbao::new();
    let opml = d.data_dir().join("in.opml");
    std::fs::write(
        &opml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml version=\"1.0\"><head><title>t</title></head><body>\
         <outline text=\"Tin Việt Nam\"><outline text=\"Thời sự\">\
         <outline text=\"Báo Một\" type=\"rss\" xmlUrl=\"http://127.0.0.1:9/a.xml\"/></outline>\
         <outline text=\"Kinh te\\u0301\" xmlUrl=\"http://127.0.0.1:9/b.xml\"/></outline>\
         <outline text=\"World\" xmlUrl=\"http://127.0.0.1:9/c.xml\"/></body></opml>",
    )
    .unwrap();
    assert!(
        d.ok(&["import", opml.to_str().unwrap()])
            .contains("imported 3")
    );
    assert!(
        d.ok(&["import", opml.to_str().unwrap()])
            .contains("imported 0")
    );
    let out = d.data_dir().join("out.opml");
    d.ok(&["export", out.to_str().unwrap()]);
    let back = docbao::feed::opml::parse_opml(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut got: Vec<(String, Option<String>)> = back
        .entries
        .iter()
        .map(|e| (e.xml_url.clone(), back.path(e.category)))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (
                "http://127.0.0.1:9/a.xml".into(),
                Some("Tin Việt Nam/Thời sự".into())
            ),
            (
                "http://127.0.0.1:9/b.xml".into(),
                Some("Tin Việt Nam".into())
            ),
            ("http://127.0.0.1:9/c.xml".into(), None),
        ]
    );
    assert_eq!(d.ok(&["export"]), std::fs::read_to_string(&out).unwrap());
}

#[test]
fn first_run_subscribes_defaults_and_the_guide_reads_offline() {
    let d = Docbao::new();
    let feeds: Value = serde_json::from_slice(
        &d.command()
            .env_remove("DOCBAO_NO_DEFAULTS")
            .args(["--offline", "feeds", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let feeds = feeds.as_array().unwrap();
    assert!(feeds.len() > 10, "default list too short: {}", feeds.len());
    assert!(
        feeds
            .iter()
            .any(|f| f["url"].as_str().unwrap().contains("vnexpress.net"))
    );
    let guide = feeds
        .iter()
        .find(|f| f["url"] == docbao::assets::GUIDE_URL)
        .expect("guide feed");
    assert!(guide["total"].as_i64().unwrap() >= 4);
    let articles = d.json(&[
        "--offline",
        "articles",
        "--feed",
        docbao::assets::GUIDE_URL,
        "--json",
    ]);
    let id = articles[0]["id"].as_i64().unwrap().to_string();
    let text = d.ok(&["--offline", "read", &id, "--width", "60"]);
    assert!(text.lines().count() > 5, "{text}");
    // A cache made with --no-defaults stays empty.
    let empty = Docbao::new();
    assert_eq!(empty.json(&["feeds", "--json"]), serde_json::json!([]));
}

#[test]
fn a_broken_config_is_an_error_naming_the_line() {
    let d = Docbao::new();
    let config = d.data_dir().join("config.toml");
    std::fs::write(&config, "keep_days = 30\nkep_days = 3\n").unwrap();
    let out = d
        .command()
        .env("DOCBAO_CONFIG", &config)
        .args(["feeds"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2") && err.contains("kep_days"), "{err}");
}
