//! Issue 10 at the command line: bulk marks, saved searches, arrival rules (and `rules
//! test`), `read --format md`, and the `reading_minutes` / `story` fields of the JSON.
use crate::cli_common;
use crate::support;

use cli_common::{Docbao, ids, rss};
use serde_json::Value;
use support::{Response, Server};

fn items(prefix: &str, titles: &[&str]) -> Vec<(String, String)> {
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{prefix}{i}"), t.to_string()))
        .collect()
}

/// Two feeds: "Báo A" with three items (one a horoscope), "Báo B" with two.
fn two_feeds(server: &Server) -> (String, String) {
    let base = server.url("");
    let a = items(
        "a",
        &["Tử vi hôm nay", "Đường sắt tốc độ cao", "Giá xăng giảm"],
    );
    let b = items("b", &["Bóng đá Việt Nam", "Đường sắt đô thị"]);
    server.route(
        "/a.xml",
        Response::ok(rss("Báo A", &base, &a), "application/rss+xml"),
    );
    server.route(
        "/b.xml",
        Response::ok(rss("Báo B", &base, &b), "application/rss+xml"),
    );
    (server.url("/a.xml"), server.url("/b.xml"))
}

fn config(d: &Docbao, text: &str) {
    std::fs::write(d.data_dir().join("no-config.toml"), text).unwrap();
}

fn unread_count(d: &Docbao) -> usize {
    d.json(&["articles", "--unread", "--json"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn bulk_marks_by_feed_all_and_date_leave_ratings_alone() {
    let server = Server::start_background();
    let (a, _b) = two_feeds(&server);
    let d = Docbao::new();
    d.ok(&["add", &a]);
    d.ok(&["add", &server.url("/b.xml")]);
    let all = d.json(&["articles", "--json"]);
    let first = all[0]["id"].as_i64().unwrap().to_string();
    d.ok(&["rate", &first, "4"]);

    let out = d.ok(&["mark", "--feed", "Báo A", "read"]);
    assert_eq!(out, "3 marked read\n");
    assert_eq!(unread_count(&d), 2);
    assert_eq!(d.ok(&["mark", "--all", "read"]), "2 marked read\n");
    assert_eq!(d.ok(&["mark", "--all", "unread"]), "5 marked unread\n");
    // The items are dated 2 November 2026 (+07:00): all before the 3rd, none before the 1st.
    assert_eq!(
        d.ok(&["mark", "--before", "2026-11-01", "read"]),
        "0 marked read\n"
    );
    assert_eq!(
        d.ok(&["mark", "--before", "2026-11-03T00:00:00Z", "read"]),
        "5 marked read\n"
    );
    let rated = d.json(&["articles", "--min-rating", "4", "--json"]);
    assert_eq!(ids(&rated), vec![first.parse::<i64>().unwrap()]);
    d.ok(&["mark", &first, "unread"]);
    assert_eq!(unread_count(&d), 1);

    // Usage errors are exit 2 with one line; an unknown feed is an error (1).
    for args in [
        &["mark", "--all"][..],
        &["mark", "--all", "read", "unread"],
        &["mark", "--before", "hôm qua", "read"],
        &["mark", "--all", "maybe"],
        &["mark", "--feed", "Báo A", "--all", "read"],
        &["mark", "read"],
    ] {
        let out = d.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    }
    let out = d.run(&["mark", "--feed", "Không có", "read"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn saved_searches_are_listed_with_counts_and_deleted() {
    let server = Server::start_background();
    let (a, b) = two_feeds(&server);
    let d = Docbao::new();
    d.ok(&["add", &a]);
    d.ok(&["add", &b]);
    // Every item's summary tells of "đường sắt" (see `rss`).
    assert_eq!(
        d.ok(&["search", "--save", "Đường sắt", "duong sat"]),
        "saved the search \"Đường sắt\"\n"
    );
    d.ok(&[
        "search",
        "--save",
        "Chỉ A",
        "duong sat",
        "--feed",
        "Báo A",
        "--unread",
    ]);
    let one = d.json(&["search", "duong sat", "--json"]);
    let a_id = one
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["feed"] == "Báo A")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    d.ok(&["mark", &a_id.to_string(), "read"]);
    let list = d.json(&["searches", "--json"]);
    assert_eq!(
        list,
        serde_json::json!([
            {"name": "Đường sắt", "query": "duong sat", "unread": 4, "total": 5},
            {"name": "Chỉ A", "query": "duong sat", "unread": 2, "total": 2},
        ])
    );
    let text = d.ok(&["searches"]);
    assert!(
        text.contains("Đường sắt") && text.contains("--unread"),
        "{text}"
    );
    assert_eq!(
        d.ok(&["search", "--save", "Chỉ A", "xang"]),
        "replaced the search \"Chỉ A\"\n"
    );
    d.ok(&["search", "--delete", "Đường sắt"]);
    let list = d.json(&["searches", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["total"], 1);
    let out = d.run(&["search", "--delete", "Đường sắt"]);
    assert_eq!(out.status.code(), Some(1));
    // Filters go with --save only.
    assert_eq!(d.run(&["search", "x", "--unread"]).status.code(), Some(2));
    // A window of days: the feeds' items are dated 2 November 2026, so a window of 3650
    // days holds them and one of 1 day (from any later today) none.
    d.ok(&[
        "search",
        "--save",
        "Mười năm",
        "duong sat",
        "--days",
        "3650",
    ]);
    d.ok(&["search", "--save", "Hôm nay", "duong sat", "--days", "1"]);
    let list = d.json(&["searches", "--json"]);
    assert_eq!(list[1]["total"], 5, "{list}");
    assert_eq!(list[2]["total"], 0, "{list}");
    assert!(d.ok(&["searches"]).contains("--days 3650"));
    assert_eq!(
        d.run(&["search", "--save", "x", "y", "--days", "0"])
            .status
            .code(),
        Some(2)
    );
}

const RULES: &str = "[[rules]]\nname = \"Không xem tử vi\"\ntitle = \"tu vi\"\naction = \"hide\"\n\
                     [[rules]]\nfeed = \"bao b\"\ntitle_regex = \"^bóng\"\naction = \"rate 2\"\n";

#[test]
fn rules_hide_and_rate_on_arrival_and_rules_test_lists_matches() {
    let server = Server::start_background();
    let (a, b) = two_feeds(&server);
    let d = Docbao::new();
    // Subscribed offline first: the items arrive with `refresh`, through the rules.
    d.ok(&["--offline", "add", &a]);
    d.ok(&["--offline", "add", &b]);
    config(&d, RULES);
    d.ok(&["refresh"]);
    let feeds = d.json(&["feeds", "--json"]);
    assert_eq!(
        (feeds[0]["unread"].as_i64(), feeds[0]["total"].as_i64()),
        (Some(2), Some(2))
    );
    let all = d.json(&["articles", "--json"]);
    let titles: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(!titles.contains(&"Tử vi hôm nay"), "{titles:?}");
    let ball = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Bóng đá Việt Nam")
        .unwrap();
    assert_eq!(ball["rating"], 2);
    assert!(
        d.json(&["search", "tu vi", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    let test = d.json(&["rules", "test", "--json"]);
    assert_eq!(test[0]["rule"], "Không xem tử vi");
    assert_eq!(test[0]["action"], "hide");
    assert_eq!(test[0]["articles"][0]["title"], "Tử vi hôm nay");
    assert_eq!(test[1]["rule"], "rule 2");
    assert_eq!(test[1]["action"], "rate 2");
    assert_eq!(test[1]["articles"].as_array().unwrap().len(), 1);
    let text = d.ok(&["rules", "test"]);
    assert!(
        text.starts_with("Không xem tử vi (hide): 1 article\n"),
        "{text}"
    );

    // A bad regex is refused with its line, by every command.
    config(
        &d,
        "group_stories = true\n\n[[rules]]\ntitle_regex = \"(tử\"\naction = \"hide\"\n",
    );
    let out = d.run(&["feeds"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("line 4: bad regex in `title_regex`"), "{err}");
}

#[test]
fn json_has_reading_minutes_and_story_and_read_writes_markdown() {
    let server = Server::start_background();
    let base = server.url("");
    let body = "Hội đồng nhân dân thành phố đã họp phiên bất thường để bàn về dự án. ".repeat(40);
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Báo M</title>\
         <link>{base}</link><item><title>Họp # bất thường</title><guid>m1</guid>\
         <link>{base}/m1</link><pubDate>Mon, 02 Nov 2026 08:00:00 +0700</pubDate>\
         <description><![CDATA[<p>{body}</p><p># Không phải tiêu đề, xem <a href=\"{base}/chi-tiet\">chi tiết</a>.</p>]]></description>\
         </item></channel></rss>"
    );
    server.route("/m.xml", Response::ok(feed, "application/rss+xml"));
    let d = Docbao::new();
    d.ok(&["add", &server.url("/m.xml")]);
    let rows = d.json(&["articles", "--json"]);
    // 40 x 15 syllables + 7 = 607 at 300 a minute.
    assert_eq!(rows[0]["reading_minutes"], 2);
    assert_eq!(rows[0]["story"], Value::Null);
    let id = rows[0]["id"].as_i64().unwrap().to_string();
    let found = d.json(&["search", "hoi dong", "--json"]);
    assert_eq!(found[0]["reading_minutes"], 2);
    let read = d.json(&["--offline", "read", &id, "--json"]);
    assert_eq!(read["reading_minutes"], 2);
    assert_eq!(read["story"], Value::Null);

    let md = d.ok(&["--offline", "read", &id, "--format", "md"]);
    assert!(md.starts_with("# Họp # bất thường\n\n"), "{md}");
    assert!(md.contains(&format!("<{base}/m1>  \n")), "{md}");
    assert!(
        md.contains("\n\\# Không phải tiêu đề, xem chi tiết[1]."),
        "{md}"
    );
    assert!(md.ends_with(&format!("\n[1]: <{base}/chi-tiet>\n")), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("[1] ")), "{md}");
    let text = d.ok(&["--offline", "read", &id, "--format", "text"]);
    assert!(text.starts_with("Họp # bất thường\n"), "{text}");
    assert_eq!(
        d.run(&["read", &id, "--format", "md", "--json"])
            .status
            .code(),
        Some(2)
    );
}

/// Through `refresh`: with `group_stories`, two outlets' versions of one story share a
/// `story` id in `articles --json`; a different event stays alone.
#[test]
fn refresh_groups_versions_of_one_story_when_configured() {
    let server = Server::start_background();
    let base = server.url("");
    let item = |guid: &str, title: &str, lead: &str| {
        format!(
            "<item><title>{title}</title><guid>{guid}</guid><link>{base}/{guid}</link>\
             <pubDate>Mon, 02 Nov 2026 08:00:00 +0700</pubDate><description>{lead}</description></item>"
        )
    };
    let feed = |title: &str, items: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
             <title>{title}</title><link>{base}</link>{}</channel></rss>",
            items.concat()
        )
    };
    let a = feed(
        "Báo A",
        &[
            item(
                "a1",
                "Bão số 3 đổ bộ Quảng Ninh, gió giật cấp 14",
                "Trưa nay, bão số 3 đã đổ bộ vào vùng biển Quảng Ninh với sức gió mạnh nhất cấp 12, giật cấp 14.",
            ),
            item(
                "a2",
                "Giá vàng hôm nay 5/11: vàng miếng tăng mạnh",
                "Sáng 5/11, giá vàng miếng trong nước tăng 500.000 đồng mỗi lượng.",
            ),
        ],
    );
    let b = feed(
        "Báo B",
        &[
            item(
                "b1",
                "Quảng Ninh hứng chịu bão số 3, gió giật cấp 14",
                "Bão số 3 đã đổ bộ vào Quảng Ninh trưa nay với gió mạnh cấp 12, giật cấp 14.",
            ),
            item(
                "b2",
                "Giá vàng hôm nay 6/11: vàng miếng giảm nhẹ",
                "Sáng 6/11, giá vàng miếng trong nước giảm 200.000 đồng mỗi lượng.",
            ),
        ],
    );
    server.route("/a.xml", Response::ok(a, "application/rss+xml"));
    server.route("/b.xml", Response::ok(b, "application/rss+xml"));
    let d = Docbao::new();
    d.ok(&["--offline", "add", &server.url("/a.xml")]);
    d.ok(&["--offline", "add", &server.url("/b.xml")]);
    config(&d, "group_stories = true\n");
    d.ok(&["refresh"]);
    let rows = d.json(&["articles", "--json"]);
    let story = |title_start: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"].as_str().unwrap().starts_with(title_start))
            .unwrap()["story"]
            .clone()
    };
    assert!(story("Bão số 3").is_i64(), "{rows}");
    assert_eq!(story("Bão số 3"), story("Quảng Ninh"));
    assert_eq!(story("Giá vàng hôm nay 5"), Value::Null);
    assert_eq!(story("Giá vàng hôm nay 6"), Value::Null);
}
