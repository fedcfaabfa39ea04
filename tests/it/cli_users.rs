//! What a user meets at the command line beyond the happy path: output into a closed pipe,
//! an ambiguous title, a URL that is no feed, a busy server, retention after a refresh, and
//! a second docbao on the same cache.
use crate::cli_common;
use crate::support;

use cli_common::{Docbao, ids, rss};
use support::{Response, Server};

fn items(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("g{i}"), format!("Tin số {i} về Hà Nội")))
        .collect()
}

fn serve_feed(server: &Server, path: &str, title: &str) -> String {
    let body = rss(title, &server.url(""), &items(3));
    server.route(path, Response::ok(body, "application/rss+xml"));
    server.url(path)
}

#[test]
fn output_into_a_closed_pipe_is_no_crash() {
    let d = Docbao::new();
    for i in 0..3 {
        d.ok(&["--offline", "add", &format!("http://127.0.0.1:9/f{i}.xml")]);
    }
    for args in [&["feeds"][..], &["feeds", "--json"], &["export"]] {
        // The reading end is closed before docbao writes: every write fails with EPIPE.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = d.command().args(args).stdout(writer).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn import_skips_what_is_not_a_web_feed_and_what_is_known() {
    let d = Docbao::new();
    d.ok(&["--offline", "add", "http://127.0.0.1:9/known.xml"]);
    let opml = d.data_dir().join("in.opml");
    std::fs::write(
        &opml,
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\
         <outline text=\"Tệp\" xmlUrl=\"file:///etc/passwd\"/>\
         <outline text=\"Mã\" xmlUrl=\"javascript:alert(1)\"/>\
         <outline text=\"Tương đối\" xmlUrl=\"/rss.xml\"/>\
         <outline text=\"Đã có\" xmlUrl=\"http://127.0.0.1:9/known.xml\"/>\
         <outline text=\"Mới\" xmlUrl=\"https://127.0.0.1:9/new.xml\"/>\
         </body></opml>",
    )
    .unwrap();
    let out = d.run(&["import", opml.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.trim(),
        "imported 1 feeds (1 already known, 3 skipped)"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("file:///etc/passwd"), "{stderr}");
    let feeds = d.json(&["feeds", "--json"]);
    let urls: Vec<&str> = feeds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "http://127.0.0.1:9/known.xml",
            "https://127.0.0.1:9/new.xml"
        ]
    );
    // Importing again adds nothing.
    let again = d.ok(&["import", opml.to_str().unwrap()]);
    assert!(
        again.contains("imported 0 feeds (2 already known"),
        "{again}"
    );
}

#[test]
fn jobs_out_of_range_is_a_usage_error() {
    let d = Docbao::new();
    for jobs in ["0", "65", "many"] {
        let out = d.run(&["refresh", "--jobs", jobs]);
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
    }
    d.ok(&["refresh", "--jobs", "64"]);
}

#[test]
fn a_title_shared_by_two_feeds_removes_nothing() {
    let d = Docbao::new();
    for url in ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"] {
        d.ok(&["--offline", "add", url, "--title", "Tin mới"]);
    }
    let out = d.run(&["remove", "tin moi"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("several feeds") && err.contains("1, 2"),
        "{err}"
    );
    assert_eq!(ids(&d.json(&["feeds", "--json"])), [1, 2]);
    d.ok(&["remove", "2"]);
    // Now the title is one feed's.
    d.ok(&["remove", "Tin mới"]);
    assert_eq!(ids(&d.json(&["feeds", "--json"])), Vec::<i64>::new());
}

#[test]
fn add_of_what_is_no_feed_says_why_and_subscribes_nothing() {
    let server = Server::start_background();
    server.route("/notes.txt", Response::ok("chỉ là văn bản", "text/plain"));
    server.route(
        "/plain.html",
        Response::ok(
            "<!DOCTYPE html><html><head><title>Trang</title></head><body>Chào</body></html>",
            "text/html",
        ),
    );
    server.route("/gone.xml", Response::status(404));
    let d = Docbao::new();
    for (path, says) in [
        ("/notes.txt", "neither XML nor JSON"),
        ("/plain.html", "a web page that links to no feed"),
        ("/gone.xml", "HTTP 404"),
    ] {
        let out = d.run(&["add", &server.url(path)]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(says), "{path}: {err}");
    }
    assert_eq!(ids(&d.json(&["feeds", "--json"])), Vec::<i64>::new());
}

#[test]
fn add_takes_the_first_feed_of_a_page_that_works() {
    let server = Server::start_background();
    let good = serve_feed(&server, "/good.xml", "Báo Tốt");
    server.route("/dead.xml", Response::status(404));
    server.route(
        "/page.html",
        Response::ok(
            "<html><head><title>Trang</title>\
             <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/dead.xml\">\
             <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/good.xml\">\
             </head><body>Chào</body></html>",
            "text/html; charset=utf-8",
        ),
    );
    let d = Docbao::new();
    let out = d.ok(&["add", &server.url("/page.html")]);
    assert!(out.contains("Báo Tốt") && out.contains(&good), "{out}");
    assert_eq!(server.requests_to("/dead.xml").len(), 1);
    let feeds = d.json(&["feeds", "--json"]);
    assert_eq!(feeds[0]["url"], good.as_str());
    assert_eq!(feeds[0]["total"], 3);
}

#[test]
fn feeds_says_until_when_a_busy_server_is_skipped() {
    let server = Server::start_background();
    server.route(
        "/busy.xml",
        Response::status(503).header("Retry-After", "3600"),
    );
    let d = Docbao::new();
    d.ok(&[
        "--offline",
        "add",
        &server.url("/busy.xml"),
        "--title",
        "Bận",
    ]);
    let before = chrono::Utc::now();
    d.ok(&["refresh"]);
    let after = chrono::Utc::now();
    let expected: Vec<String> = [before, after]
        .iter()
        .map(|t| {
            let until = *t + chrono::Duration::seconds(3600);
            docbao::refresh::skipped_until(until, *t)
        })
        .collect();
    let text = d.ok(&["feeds"]);
    assert!(
        expected.iter().any(|e| text.contains(e.as_str())),
        "{text} lacks {expected:?}"
    );
    let json = d.json(&["feeds", "--json"]);
    let status = json[0]["last_status"].as_str().unwrap();
    assert!(status.starts_with("server busy; skipped until"), "{status}");
    // The next refresh does not ask the server, and says so.
    let out = d.run(&["refresh"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("skipped until") && err.contains("Bận"),
        "{err}"
    );
    assert_eq!(server.requests_to("/busy.xml").len(), 1);
}

#[test]
fn refresh_prunes_old_read_articles_but_keeps_rated_and_unread() {
    let server = Server::start_background();
    // The fixture items are dated 2 November 2026: older than a day from now on.
    let url = serve_feed(&server, "/old.xml", "Báo Cũ");
    let d = Docbao::new();
    let config = d.data_dir().join("config.toml");
    std::fs::write(&config, "keep_days = 1\n").unwrap();
    let run = |args: &[&str]| {
        let out = d
            .command()
            .env("DOCBAO_CONFIG", &config)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["add", &url]);
    let all = ids(&serde_json::from_str(&run(&["articles", "--json"])).unwrap());
    assert_eq!(all.len(), 3);
    let (read, rated, unread) = (all[0], all[1], all[2]);
    run(&["mark", &read.to_string(), "read"]);
    run(&["mark", &rated.to_string(), "read"]);
    run(&["rate", &rated.to_string(), "4"]);
    run(&["refresh"]);
    let left = ids(&serde_json::from_str(&run(&["articles", "--json"])).unwrap());
    assert_eq!(left, [rated, unread]);
    // The pruned item is still in the feed: it must not come back as news. (The feed is
    // named twice, by id and URL: it is fetched once.)
    let asked = server.requests_to("/old.xml").len();
    let summary = run(&["refresh", "1", &url]);
    assert!(
        summary.contains("1 feeds ok") && summary.contains("0 new articles"),
        "{summary}"
    );
    assert_eq!(server.requests_to("/old.xml").len(), asked + 1);
    let left = ids(&serde_json::from_str(&run(&["articles", "--json"])).unwrap());
    assert_eq!(left, [rated, unread]);
}

#[test]
fn a_cache_held_by_another_writer_waits_then_says_why() {
    let server = Server::start_background();
    let url = serve_feed(&server, "/feed.xml", "Báo Thử");
    let d = Docbao::new();
    d.ok(&["add", &url]);
    let first = ids(&d.json(&["articles", "--json"]))[0].to_string();
    // Another process's write transaction, held open past docbao's busy timeout.
    let other = rusqlite::Connection::open(d.db()).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = d.run(&["rate", &first, "5"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("another docbao is writing"), "{err}");
    other.execute_batch("COMMIT").unwrap();
    d.ok(&["rate", &first, "5"]);
    let rows = d.json(&["articles", "--min-rating", "5", "--json"]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

#[test]
fn two_refreshes_and_a_rating_at_once_share_the_cache() {
    let server = Server::start_background();
    let d = Docbao::new();
    for i in 0..6 {
        let body = rss(&format!("Báo {i}"), &server.url(""), &items(20));
        // Slow answers keep both refreshes writing over the same stretch of time.
        let slow =
            Response::ok(body, "application/rss+xml").delay(std::time::Duration::from_millis(200));
        let path = format!("/f{i}.xml");
        server.route(&path, slow);
        d.ok(&["--offline", "add", &server.url(&path)]);
    }
    d.ok(&["--offline", "add", "http://127.0.0.1:9/none.xml"]);
    let spawn = || {
        d.command()
            .arg("refresh")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while server.requests().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "no refresh reached the server"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // Rating an article that does not exist yet is an error about that, not the lock.
    let out = d.run(&["rate", "1", "3"]);
    let rated = out.status.success();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(rated || err.contains("no such article"), "{err}");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    let db = rusqlite::Connection::open(d.db()).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let feeds = d.json(&["feeds", "--json"]);
    for feed in feeds.as_array().unwrap().iter().take(6) {
        assert_eq!(feed["total"], 20, "{feed}");
    }
    d.ok(&["rate", "1", "3"]);
    assert_eq!(
        d.json(&["articles", "--min-rating", "3", "--json"])[0]["id"],
        1
    );
}
