//! `docbao read` end to end: the real binary on a temporary data dir, pages served from
//! 127.0.0.1. Local files, URLs, ids from the cache (fetch once, then offline), the
//! fallbacks to the feed's own content, `--summary`, `--json`, errors.
use crate::support;

use chrono::{TimeZone, Utc};
use docbao::feed::{ArticleId, ParsedFeed, ParsedItem};
use docbao::store::{Store, Validators};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::{Response, Rss, RssItem, Server};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

/// Vietnamese, on a machine in Vietnam's zone (a POSIX TZ string: no tz database needed).
fn docbao(data: &Path, args: &[&str]) -> Output {
    docbao_in(data, "vi", "ICT-7", args)
}

fn docbao_in(data: &Path, lang: &str, tz: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docbao"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", lang])
        .args(args)
        .env("DOCBAO_NO_DEFAULTS", "1")
        .env("TZ", tz)
        .env_remove("DOCBAO_CONFIG")
        .output()
        .expect("run docbao")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}, stderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).expect("JSON output")
}

const SEED_URL: &str = "https://nongnghiepso.example.vn/hop-tac-xa-may-say.html";

#[test]
fn local_file_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let v = json(&docbao(
        dir.path(),
        &["read", seed.to_str().unwrap(), "--json", "--url", SEED_URL],
    ));
    assert_eq!(
        v["title"],
        "Hợp tác xã ở Lâm Đồng đưa máy sấy năng lượng mặt trời vào chế biến cà phê"
    );
    assert_eq!(v["published"], "2020-08-22T00:00:00+07:00");
    assert_eq!(v["site_name"], "Nông Nghiệp Số");
    assert_eq!(v["url"], SEED_URL);
    assert_eq!(v["lang"], "vi");
    assert_eq!(
        v["rating"],
        serde_json::json!({"value": 4, "best": 5, "count": 1024})
    );
    assert_eq!(v["views"], 1705);
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Một hợp tác xã cà phê"), "{text}");
    assert!(
        text.contains("trong mùa mưa.\n\nTheo ban điều hành"),
        "paragraphs separated by a blank line"
    );
    assert!(
        !text.contains("Chat Zalo") && !text.contains("[1]"),
        "{text}"
    );
}

#[test]
fn local_file_as_text_with_header_and_width() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let out = stdout(&docbao(
        dir.path(),
        &[
            "read",
            seed.to_str().unwrap(),
            "--width",
            "40",
            "--url",
            SEED_URL,
        ],
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Hợp tác xã ở Lâm Đồng đưa máy sấy năng");
    assert!(
        out.contains("Nông Nghiệp Số · Thứ bảy, 22/8/2020\n"),
        "{out}"
    );
    assert!(
        out.contains("Trang chấm: 4/5 (1.024 lượt) · 1.705\nlượt xem\n\nMột hợp tác xã"),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(*l) <= 40),
        "{out}"
    );
    for chrome in [
        "Lượt xem:",
        "Chỉ đường",
        "Chat FB",
        "Chat Zalo",
        "0913",
        "Bài viết liên quan",
    ] {
        assert!(!out.contains(chrome), "{chrome} in\n{out}");
    }
    let unwrapped = stdout(&docbao(
        dir.path(),
        &["read", seed.to_str().unwrap(), "--width", "0"],
    ));
    assert!(
        unwrapped
            .lines()
            .any(|l| l.starts_with("Một hợp tác xã") && l.ends_with("trong mùa mưa."))
    );
}

#[test]
fn missing_file_is_one_line_on_stderr_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let o = docbao(dir.path(), &["read", "/nonexistent/bai-viet.html"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn a_base_that_is_not_an_absolute_url_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let o = docbao(
        dir.path(),
        &["read", seed.to_str().unwrap(), "--url", "bai-viet.html"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("--url is not an absolute URL: bai-viet.html"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn url_is_fetched_and_extracted() {
    let server = Server::start_background();
    let html = std::fs::read(fixture("seed.html")).unwrap();
    server.route("/bai.html", Response::ok(html, "text/html; charset=utf-8"));
    let dir = tempfile::tempdir().unwrap();
    let v = json(&docbao(
        dir.path(),
        &["read", &server.url("/bai.html"), "--json"],
    ));
    assert_eq!(v["views"], 1705);
    assert_eq!(v["url"], server.url("/bai.html"));
    let o = docbao(dir.path(), &["--offline", "read", &server.url("/bai.html")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        server.requests_to("/bai.html").len(),
        1,
        "--offline must not fetch"
    );
}

/// A cache with one feed and one item whose page is `page_url`.
fn cache_with_item(data: &Path, page_url: Option<String>, summary: &str) -> ArticleId {
    let mut store = Store::open(&data.join("cache.db")).unwrap();
    let (feed, _) = store
        .add_feed("http://127.0.0.1:9/feed.xml", Some("Báo Thử"), None)
        .unwrap();
    let parsed = ParsedFeed {
        title: Some("Báo Thử".into()),
        site_url: None,
        items: vec![ParsedItem {
            guid: Some("bai-1".into()),
            url: page_url,
            title: "Hợp tác xã sấy cà phê bằng nắng".into(),
            author: Some("Phóng viên".into()),
            published: Some(Utc.with_ymd_and_hms(2020, 8, 22, 3, 30, 0).unwrap()),
            summary: Some(summary.into()),
            content: None,
        }],
    };
    let now = Utc.with_ymd_and_hms(2020, 8, 22, 4, 0, 0).unwrap();
    let saved = store
        .save_fetch(feed, &parsed, &Validators::default(), now)
        .unwrap();
    saved.new_ids[0]
}

const SUMMARY: &str =
    "<p>Tóm tắt của nguồn tin: hợp tác xã ở Di Linh lắp nhà sấy năng lượng mặt trời.</p>";

#[test]
fn by_id_fetches_once_then_reads_the_cache_offline() {
    let server = Server::start_background();
    server.route(
        "/bai.html",
        Response::ok(std::fs::read(fixture("seed.html")).unwrap(), "text/html"),
    );
    let dir = tempfile::tempdir().unwrap();
    let id = cache_with_item(dir.path(), Some(server.url("/bai.html")), SUMMARY);
    let id = id.0.to_string();

    let first = stdout(&docbao(dir.path(), &["read", &id, "--width", "80"]));
    assert!(first.contains("Báo Thử (Nông Nghiệp Số)"), "{first}");
    assert!(
        first.contains("Một hợp tác xã cà phê ở huyện Di Linh"),
        "{first}"
    );
    assert_eq!(server.requests_to("/bai.html").len(), 1);

    let again = stdout(&docbao(
        dir.path(),
        &["--offline", "read", &id, "--width", "80"],
    ));
    assert_eq!(again, first, "the cached article reads the same offline");
    let online = stdout(&docbao(dir.path(), &["read", &id, "--width", "80"]));
    assert_eq!(online, first);
    assert_eq!(
        server.requests_to("/bai.html").len(),
        1,
        "reading again never refetches"
    );

    let store = Store::open(&dir.path().join("cache.db")).unwrap();
    let detail = store.article(ArticleId(id.parse().unwrap())).unwrap();
    let full = detail.full.expect("full text stored");
    assert_eq!(full.meta.views, Some(1705));

    let summary = stdout(&docbao(dir.path(), &["read", &id, "--summary"]));
    assert!(summary.contains("Tóm tắt của nguồn tin\n"), "{summary}");
    assert!(
        summary.contains("hợp tác xã ở Di Linh lắp nhà sấy"),
        "{summary}"
    );
    assert!(!summary.contains("Theo ban điều hành"), "{summary}");
}

#[test]
fn by_id_falls_back_to_the_feed_with_the_reason() {
    let server = Server::start_background();
    server.route("/loi.html", Response::status(500));
    server.route(
        "/ngan.html",
        Response::ok("<html><body><p>Trang trống.</p></body></html>", "text/html"),
    );
    let cases = [
        (
            Some(server.url("/loi.html")),
            vec![],
            "không tải được trang: HTTP 500",
        ),
        (
            Some(server.url("/ngan.html")),
            vec![],
            "trang có quá ít chữ",
        ),
        (None, vec![], "bài không có liên kết"),
        (
            Some(server.url("/loi.html")),
            vec!["--offline"],
            "đang ngoại tuyến",
        ),
    ];
    for (url, global, reason) in cases {
        let dir = tempfile::tempdir().unwrap();
        let id = cache_with_item(dir.path(), url, SUMMARY).0.to_string();
        let mut args = global.clone();
        args.extend(["read", id.as_str()]);
        let out = stdout(&docbao(dir.path(), &args));
        assert!(
            out.contains(&format!("Nội dung từ nguồn tin ({reason}")),
            "{reason}: {out}"
        );
        assert!(out.contains("hợp tác xã ở Di Linh lắp nhà sấy"), "{out}");
        assert!(
            out.starts_with(
                "Hợp tác xã sấy cà phê bằng nắng\nBáo Thử · Thứ bảy, 22/8/2020 10:30 · Phóng viên\n"
            ),
            "{out}"
        );
        let store = Store::open(&dir.path().join("cache.db")).unwrap();
        assert!(
            store
                .article(ArticleId(id.parse().unwrap()))
                .unwrap()
                .full
                .is_none()
        );
    }
}

#[test]
fn unknown_id_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    cache_with_item(dir.path(), None, SUMMARY);
    let o = docbao(dir.path(), &["read", "999"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr)
            .trim_end()
            .lines()
            .count(),
        1
    );
}

#[test]
fn json_fields_come_in_the_documented_order() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let out = stdout(&docbao(
        dir.path(),
        &["read", seed.to_str().unwrap(), "--json", "--url", SEED_URL],
    ));
    let keys = [
        "\"title\"",
        "\"byline\"",
        "\"published\"",
        "\"site_name\"",
        "\"url\"",
        "\"lang\"",
        "\"text\"",
        "\"rating\"",
        "\"value\"",
        "\"best\"",
        "\"count\"",
        "\"views\"",
    ];
    let at: Vec<usize> = keys
        .iter()
        .map(|k| out.find(k).unwrap_or_else(|| panic!("{k} missing: {out}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{out}");
}

#[test]
fn times_are_shown_in_the_local_zone_and_json_keeps_rfc3339() {
    let dir = tempfile::tempdir().unwrap();
    let id = cache_with_item(dir.path(), None, SUMMARY).0.to_string();
    let read = |lang: &str, tz: &str, extra: &[&str]| {
        let mut args = vec!["read", id.as_str(), "--summary"];
        args.extend(extra);
        stdout(&docbao_in(dir.path(), lang, tz, &args))
    };
    assert!(read("vi", "ICT-7", &[]).contains("Báo Thử · Thứ bảy, 22/8/2020 10:30 ·"));
    assert!(read("en", "UTC0", &[]).contains("Báo Thử · Sat, 22 Aug 2020 03:30 ·"));
    // Five hours behind UTC, the evening before.
    assert!(read("en", "EST5", &[]).contains("Báo Thử · Fri, 21 Aug 2020 22:30 ·"));
    let v: Value = serde_json::from_str(&read("vi", "EST5", &["--json"])).unwrap();
    assert_eq!(v["published"], "2020-08-22T03:30:00+00:00");
}

#[test]
fn rating_and_views_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let en = stdout(&docbao_in(
        dir.path(),
        "en",
        "UTC0",
        &["read", seed.to_str().unwrap(), "--width", "80"],
    ));
    assert!(
        en.contains("\nPage rating: 4/5 (1,024 votes) · 1,705 views\n"),
        "{en}"
    );
    let vi = stdout(&docbao(
        dir.path(),
        &["read", seed.to_str().unwrap(), "--width", "80"],
    ));
    assert!(
        vi.contains("\nTrang chấm: 4/5 (1.024 lượt) · 1.705 lượt xem\n"),
        "{vi}"
    );
}

#[test]
fn widths_under_twenty_are_twenty_for_header_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed.html");
    let seed = seed.to_str().unwrap();
    let at = |w: &str| stdout(&docbao(dir.path(), &["read", seed, "--width", w]));
    let twenty = at("20");
    assert_eq!(at("5"), twenty);
    assert_eq!(at("1"), twenty);
    assert!(twenty.lines().all(|l| l.chars().count() <= 20), "{twenty}");
    assert!(twenty.starts_with("Hợp tác xã ở Lâm\nĐồng"), "{twenty}");
}

#[test]
fn feeds_and_pdfs_are_refused_by_url_and_by_file() {
    let server = Server::start_background();
    let rss = Rss::new("Báo")
        .item(RssItem::titled("Tin").description("Tóm tắt"))
        .to_string();
    let rss = rss.as_str();
    server.route("/rss", Response::ok(rss, "application/rss+xml"));
    server.route("/rss.xml", Response::ok(rss, "text/xml"));
    server.route(
        "/bai.pdf",
        Response::ok("%PDF-1.7\n%âãÏÓ\n", "application/pdf"),
    );
    server.route(
        "/tai-ve",
        Response::ok("%PDF-1.7\n%âãÏÓ\n", "application/octet-stream"),
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nguon.xml");
    std::fs::write(&file, rss).unwrap();
    let targets = [
        (server.url("/rss"), "news feed"),
        (server.url("/rss.xml"), "news feed"),
        (server.url("/bai.pdf"), "not an HTML page (application/pdf)"),
        (server.url("/tai-ve"), "not an HTML page (application/pdf)"),
        (file.to_str().unwrap().to_string(), "news feed"),
    ];
    for (target, said) in targets {
        let o = docbao(dir.path(), &["read", &target]);
        assert_eq!(o.status.code(), Some(1), "{target}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(said) && err.trim_end().lines().count() == 1,
            "{err}"
        );
        assert!(o.stdout.is_empty(), "{target}");
    }
    // By id, the feed's own content stands in, with the reason.
    let id = cache_with_item(dir.path(), Some(server.url("/bai.pdf")), SUMMARY);
    let out = stdout(&docbao(dir.path(), &["read", &id.0.to_string()]));
    assert!(
        out.contains("Nội dung từ nguồn tin (liên kết không phải trang HTML (application/pdf))"),
        "{out}"
    );
}

#[test]
fn a_short_page_beats_an_empty_feed_text_and_nothing_at_all_is_an_error() {
    let server = Server::start_background();
    let short = "<html><body><article><p>Mưa lớn ở Huế chiều nay, nước sông Hương dâng cao.</p></article></body></html>";
    server.route("/ngan.html", Response::ok(short, "text/html"));
    let dir = tempfile::tempdir().unwrap();
    let id = cache_with_item(dir.path(), Some(server.url("/ngan.html")), "");
    let out = stdout(&docbao(dir.path(), &["read", &id.0.to_string()]));
    assert!(out.contains("Mưa lớn ở Huế chiều nay"), "{out}");
    assert!(!out.contains("Nội dung từ nguồn tin"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let id = cache_with_item(dir.path(), None, "").0.to_string();
    for extra in [&[][..], &["--summary"][..]] {
        let mut args = vec!["read", id.as_str()];
        args.extend(extra);
        let o = docbao(dir.path(), &args);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(&format!("article {id} has no")), "{err}");
        assert!(o.stdout.is_empty());
    }
    let o = docbao(dir.path(), &["read", &id]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the item has no link"));
}

#[test]
fn debug_json_adds_the_evidence_and_a_source_shows_in_json_and_header() {
    let dir = tempfile::tempdir().unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/vnexpress-writer-and-source.html");
    let page = page.to_str().unwrap();
    let url = "https://vnexpress.net/nang-nong-ky-luc-4721300.html";
    let plain = json(&docbao(dir.path(), &["read", page, "--json", "--url", url]));
    assert_eq!(plain["source"], "Reuters");
    assert_eq!(plain["byline"], "Minh Anh");
    assert!(plain.get("evidence").is_none(), "{plain}");
    let debug = json(&docbao(
        dir.path(),
        &["read", page, "--json", "--debug", "--url", url],
    ));
    let evidence = debug["evidence"].as_array().expect("evidence list");
    let kept: Vec<(&str, &str)> = evidence
        .iter()
        .filter(|e| e["kept"] == true)
        .map(|e| (e["field"].as_str().unwrap(), e["value"].as_str().unwrap()))
        .collect();
    assert!(kept.contains(&("byline", "Minh Anh")), "{kept:?}");
    assert!(kept.contains(&("source", "Reuters")), "{kept:?}");
    assert!(
        kept.contains(&("published", "2024-03-05T21:15:00+07:00")),
        "{kept:?}"
    );
    let usage = docbao(dir.path(), &["read", page, "--debug", "--url", url]);
    assert_eq!(usage.status.code(), Some(2), "--debug needs --json");
    let text = stdout(&docbao(dir.path(), &["read", page, "--url", url]));
    assert!(text.contains("Minh Anh · Theo Reuters"), "{text}");
    assert!(!text.contains("(Theo Reuters)"), "{text}");
}
