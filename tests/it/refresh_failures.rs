//! Every kind of bad server ends as its own error status, and good feeds beside them are
//! still stored.
use crate::refresh_common;
use crate::support;

use docbao::refresh::{FeedResult, Progress};
use refresh_common::{Cache, one_ok_one_failed, quick_client, rss};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use support::{Response, Server};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_bad_server_is_its_own_error_and_good_feeds_are_stored() {
    let server = Server::start().await;
    // A second host, so that the bad feeds do not queue the good ones behind them.
    let good = Server::start().await;
    let xml = "application/rss+xml";
    server.route("/stall", Response::stall());
    server.route("/stall-body", Response::stall_body("<rss><channel>", xml));
    server.route("/loop-a", Response::redirect(302, "/loop-b"));
    server.route("/loop-b", Response::redirect(302, "/loop-a"));
    server.route("/500", Response::status(500).body("Lỗi máy chủ"));
    // /404 has no route.
    server.route("/40mb", Response::large(40_000_000, xml).chunked());
    server.route("/bomb", Response::gzip_bomb(8 << 30, xml));
    server.route(
        "/page.html",
        Response::ok(
            "<!DOCTYPE html><html><head><title>Trang chủ</title></head><body>Xin chào</body></html>",
            "text/html; charset=utf-8",
        ),
    );
    server.route(
        "/broken.xml",
        Response::ok("<rss><channel><title>Hỏng", xml),
    );
    good.route("/a", Response::ok(rss("A", &[("a1", "Tin A")]), xml));
    good.route(
        "/b",
        Response::ok(rss("B", &[("b1", "Tin B"), ("b2", "Tin B2")]), xml).gzip(),
    );

    let expected: HashMap<&str, &str> = [
        ("/stall", "no data for 1 s"),
        ("/stall-body", "no data for 1 s"),
        ("/loop-a", "too many redirects"),
        ("/500", "HTTP 500 Internal Server Error"),
        ("/404", "HTTP 404 Not Found"),
        ("/40mb", "body larger than 16 MiB"),
        ("/bomb", "body larger than 16 MiB"),
        ("/page.html", "not a feed"),
        ("/broken.xml", "broken XML"),
    ]
    .into_iter()
    .collect();

    let cache = Cache::new();
    for path in expected.keys() {
        cache.add(&server.url(path)).await;
    }
    cache.add(&good.url("/a")).await;
    cache.add(&good.url("/b")).await;
    cache.add("ftp://127.0.0.1/feed.xml").await;

    let started = Instant::now();
    let (summary, progress) = cache.refresh(&quick_client(), 8).await;
    let took = started.elapsed();

    assert_eq!(summary.ok, 2, "{summary:#?}");
    assert_eq!(summary.new_articles, 3);
    assert_eq!(summary.failed.len(), expected.len() + 1);
    for (path, message) in &expected {
        let row = cache.feed(&server.url(path)).await;
        let status = row.last_status.as_deref().unwrap_or_default();
        assert!(status.starts_with(message), "{path}: {status:?}");
        assert!(!status.chars().any(char::is_control));
        assert!(row.etag.is_none() && row.last_modified.is_none());
        assert_eq!(row.total, 0, "{path}");
    }
    let ftp = cache.feed("ftp://127.0.0.1/feed.xml").await;
    assert_eq!(
        ftp.last_status.as_deref(),
        Some("unsupported URL scheme: ftp")
    );
    for (path, n) in [("/a", 1), ("/b", 2)] {
        let row = cache.feed(&good.url(path)).await;
        assert_eq!(row.last_status.as_deref(), Some("ok"));
        assert_eq!(cache.articles(&row).await.len(), n);
    }
    let failures = progress
        .iter()
        .filter(|p| {
            matches!(
                p,
                Progress::FeedDone {
                    result: FeedResult::Failed(_),
                    ..
                }
            )
        })
        .count();
    assert_eq!(failures, expected.len() + 1);
    // Two stalls at 1 s each on one host (2 at a time) end together; everything else is
    // quick. Far below the default timeouts (15 s / 30 s) even on a loaded machine.
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_whose_url_is_not_a_url_fails_alone() {
    let cache = Cache::new();
    cache.add("not a url").await;
    let server = Server::start().await;
    server.route(
        "/ok",
        Response::ok(rss("Ok", &[("o", "Tin")]), "application/rss+xml"),
    );
    cache.add(&server.url("/ok")).await;
    let (summary, _) = cache.refresh(&quick_client(), 2).await;
    let error = one_ok_one_failed(&summary);
    assert!(error.starts_with("invalid URL"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_host_is_told_apart_from_a_failing_server() {
    let server = Server::start().await;
    server.route("/500", Response::status(500));
    // A port nobody listens on: the connection is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let refused = format!("http://{}/rss", closed.local_addr().unwrap());
    drop(closed);
    let cache = Cache::new();
    cache.add(&refused).await;
    cache.add(&server.url("/500")).await;
    let (summary, _) = cache.refresh(&quick_client(), 4).await;
    assert_eq!(summary.failed.len(), 2, "{summary:?}");
    assert_eq!(summary.unreachable, 1, "{summary:?}");
}
