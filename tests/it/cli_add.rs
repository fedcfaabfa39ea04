//! `add` against servers that are slow, down or wrong (issue 7, finding 9, and the rule of
//! interface.md: down for now is subscribed with its failure, definitely wrong is refused).
use crate::cli_common::{Docbao, rss};
use crate::support::{Response, Server};
use std::time::{Duration, Instant};

fn page(links: &[&str]) -> Response {
    let mut html = String::from("<html><head><title>Trang báo</title>");
    for href in links {
        html.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"{href}\">"
        ));
    }
    html.push_str("</head><body>Chào bạn</body></html>");
    Response::ok(html, "text/html; charset=utf-8")
}

fn serve_feed(server: &Server, path: &str, title: &str) {
    let items: Vec<(String, String)> = (0..3)
        .map(|i| (format!("g{i}"), format!("Tin số {i}")))
        .collect();
    server.route(
        path,
        Response::ok(rss(title, &server.url(""), &items), "application/rss+xml"),
    );
}

/// (url, last_status) of each subscription.
fn subscriptions(d: &Docbao) -> Vec<(String, Option<String>)> {
    let v = d.json(&["feeds", "--json"]);
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["url"].as_str().unwrap().to_owned(),
                f["last_status"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn a_page_whose_feeds_all_stall_costs_one_deadline() {
    let server = Server::start_background();
    for path in ["/a.xml", "/b.xml", "/c.xml"] {
        server.route(path, Response::stall());
    }
    server.route(
        "/page.html",
        page(&["/a.xml", "/b.xml", "/c.xml", "/d.xml"]),
    );
    let d = Docbao::new();
    let start = Instant::now();
    let out = d.run(&["add", &server.url("/page.html")]);
    let took = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(took < Duration::from_secs(25), "{took:?}");
    assert!(err.contains("not fetched now"), "{err}");
    // The preferred feed is subscribed, with why it is empty.
    let subs = subscriptions(&d);
    assert_eq!(subs.len(), 1, "{subs:?}");
    assert_eq!(subs[0].0, server.url("/a.xml"));
    let status = subs[0].1.as_deref().unwrap_or("");
    assert!(
        status.contains("no data") || status.contains("timed out"),
        "{status}"
    );
    assert!(
        server.requests_to("/d.xml").is_empty(),
        "at most three tried"
    );
}

#[test]
fn a_working_feed_does_not_wait_long_for_a_stalled_preferred_one() {
    let server = Server::start_background();
    server.route("/slow.xml", Response::stall());
    serve_feed(&server, "/good.xml", "Báo Tốt");
    server.route("/page.html", page(&["/slow.xml", "/good.xml"]));
    let d = Docbao::new();
    let start = Instant::now();
    let out = d.ok(&["add", &server.url("/page.html")]);
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
    assert!(out.contains("Báo Tốt"), "{out}");
    assert_eq!(subscriptions(&d)[0].0, server.url("/good.xml"));
}

#[test]
fn the_preferred_feed_wins_when_both_answer() {
    let server = Server::start_background();
    server.route(
        "/late.xml",
        Response::ok(
            rss("Báo Chính", &server.url(""), &[("g".into(), "Tin".into())]),
            "application/rss+xml",
        )
        .delay(Duration::from_millis(500)),
    );
    serve_feed(&server, "/quick.xml", "Báo Phụ");
    server.route("/page.html", page(&["/late.xml", "/quick.xml"]));
    let d = Docbao::new();
    let out = d.ok(&["add", &server.url("/page.html")]);
    assert!(out.contains("Báo Chính"), "{out}");
}

#[test]
fn a_site_down_for_now_is_subscribed_with_its_failure() {
    let server = Server::start_background();
    server.route("/down.xml", Response::status(503));
    server.route(
        "/busy.xml",
        Response::status(429).header("Retry-After", "600"),
    );
    let d = Docbao::new();
    let refused_port = "http://127.0.0.1:9/tin.xml".to_string();
    for (url, status) in [
        (server.url("/down.xml"), "HTTP 503"),
        (server.url("/busy.xml"), "server busy"),
        (refused_port, "could not connect"),
    ] {
        let out = d.run(&["add", &url]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{url}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        let subs = subscriptions(&d);
        let (_, got) = subs.iter().find(|(u, _)| *u == url).unwrap();
        assert!(
            got.as_deref().unwrap_or("").contains(status),
            "{url}: {got:?}"
        );
    }
}

#[test]
fn what_is_definitely_wrong_is_refused() {
    let server = Server::start_background();
    server.route("/gone.xml", Response::status(404));
    server.route("/dead-links.html", page(&["/gone.xml", "/gone2.xml"]));
    let d = Docbao::new();
    for (url, says) in [
        (server.url("/gone.xml"), "HTTP 404"),
        (server.url("/dead-links.html"), "HTTP 404"),
        ("ftp://127.0.0.1/tin.xml".into(), "not an http or https URL"),
    ] {
        let out = d.run(&["add", &url]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{url}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(says), "{url}: {err}");
    }
    assert!(subscriptions(&d).is_empty());
}
