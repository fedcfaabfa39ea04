//! The client against the fixture server: conditional GET, statuses, redirects, Retry-After.
use crate::support;

use docbao::net::{Client, Fetch, NetConfig, NetError};
use docbao::store::Validators;
use std::time::Duration;
use support::{Encoding, Response, Server};

const RSS: &str = "<rss version=\"2.0\"><channel><title>Tin</title></channel></rss>";

fn client() -> Client {
    Client::new(&NetConfig {
        idle_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(4),
        ..NetConfig::default()
    })
    .unwrap()
}

fn body(fetch: Fetch) -> docbao::net::Fetched {
    match fetch {
        Fetch::Body(f) => f,
        other => panic!("expected a body, got {other:?}"),
    }
}

#[tokio::test]
async fn conditional_get_sends_validators_exactly_and_maps_304() {
    let server = Server::start().await;
    let etag = "W/\"abc-123\"";
    let lm = "Fri, 27 Nov 2026 10:00:00 GMT";
    server.route_fn("/feed.xml", move |req| {
        Response::conditional(req, Some(etag), Some(lm), RSS, "application/rss+xml")
    });
    let client = client();
    let first = body(
        client
            .get(&server.url("/feed.xml"), &Validators::default())
            .await
            .unwrap(),
    );
    assert_eq!(first.status, 200);
    assert_eq!(first.body, RSS.as_bytes());
    assert_eq!(first.etag.as_deref(), Some(etag));
    assert_eq!(first.last_modified.as_deref(), Some(lm));
    assert_eq!(first.content_type.as_deref(), Some("application/rss+xml"));
    assert_eq!(first.final_url, server.url("/feed.xml"));

    let validators = Validators {
        etag: first.etag.clone(),
        last_modified: first.last_modified.clone(),
    };
    let second = client
        .get(&server.url("/feed.xml"), &validators)
        .await
        .unwrap();
    assert_eq!(second, Fetch::NotModified);

    let seen = server.requests_to("/feed.xml");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[0].header("if-modified-since"), None);
    assert_eq!(seen[1].header("if-none-match"), Some(etag));
    assert_eq!(seen[1].header("if-modified-since"), Some(lm));
    let ua = format!("docbao/{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(seen[0].header("user-agent"), Some(ua.as_str()));
    assert!(seen[0].header("accept-encoding").unwrap().contains("gzip"));
}

/// Every coding the client asks for is decoded: gzip, deflate (zlib) and brotli.
#[tokio::test]
async fn compressed_bodies_are_decompressed() {
    let server = Server::start().await;
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>Tin nén</title>{}</channel></rss>",
        "<item><title>Đường sắt tốc độ cao qua Huế</title></item>".repeat(50)
    );
    let client = client();
    for encoding in [Encoding::Gzip, Encoding::Deflate, Encoding::Brotli] {
        let path = format!("/{}.xml", encoding.name());
        server.route(
            &path,
            Response::ok(doc.clone(), "application/rss+xml").encoded(encoding),
        );
        let got = body(
            client
                .get(&server.url(&path), &Validators::default())
                .await
                .unwrap(),
        );
        assert_eq!(got.body, doc.as_bytes(), "{encoding:?}");
        let asked = server.requests_to(&path)[0]
            .header("accept-encoding")
            .unwrap_or_default()
            .to_owned();
        assert!(
            asked.split(',').any(|c| c.trim() == encoding.name()),
            "{encoding:?} not in Accept-Encoding: {asked}"
        );
    }
}

#[tokio::test]
async fn statuses_are_one_line_errors() {
    let server = Server::start().await;
    server.route("/boom", Response::status(500).body("oops"));
    let client = client();
    let err = client
        .get(&server.url("/boom"), &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "HTTP 500 Internal Server Error");
    let err = client
        .get(&server.url("/missing"), &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "HTTP 404 Not Found");
    assert!(!err.is_offline());
    let err = client.get_page(&server.url("/missing")).await.unwrap_err();
    assert_eq!(err.to_string(), "HTTP 404 Not Found");
}

#[tokio::test]
async fn redirects_are_followed_up_to_the_limit() {
    let server = Server::start().await;
    server.route("/old", Response::redirect(301, "/new"));
    server.route("/new", Response::ok(RSS, "application/rss+xml"));
    server.route("/a", Response::redirect(302, "/b"));
    server.route("/b", Response::redirect(302, "/a"));
    server.route("/ftp", Response::redirect(302, "ftp://127.0.0.1/feed"));
    let client = client();
    let got = body(
        client
            .get(&server.url("/old"), &Validators::default())
            .await
            .unwrap(),
    );
    assert_eq!(got.final_url, server.url("/new"));
    let err = client
        .get(&server.url("/a"), &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "too many redirects");
    // The first request and 5 redirects, then it gives up.
    assert_eq!(
        server.requests_to("/a").len() + server.requests_to("/b").len(),
        6
    );
    let err = client
        .get(&server.url("/ftp"), &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "unsupported URL scheme: ftp");
    let err = client
        .get("ftp://127.0.0.1/x", &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err, NetError::UnsupportedScheme("ftp".into()));
}

#[tokio::test]
async fn retry_after_in_seconds_or_as_a_date() {
    let server = Server::start().await;
    server.route("/busy", Response::status(429).header("Retry-After", "120"));
    server.route(
        "/down",
        Response::status(503).header("Retry-After", "Fri, 27 Nov 2099 14:05:00 GMT"),
    );
    server.route("/plain429", Response::status(429));
    let client = client();
    let before = chrono::Utc::now();
    match client
        .get(&server.url("/busy"), &Validators::default())
        .await
        .unwrap()
    {
        Fetch::RetryAfter(t) => {
            let wait = (t - before).num_seconds();
            assert!((118..=122).contains(&wait), "waited {wait} s");
        }
        other => panic!("{other:?}"),
    }
    match client
        .get(&server.url("/down"), &Validators::default())
        .await
        .unwrap()
    {
        // Capped at a week from now.
        Fetch::RetryAfter(t) => assert!((t - before).num_days() <= 7),
        other => panic!("{other:?}"),
    }
    let err = client
        .get(&server.url("/plain429"), &Validators::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "HTTP 429 Too Many Requests");
}

#[tokio::test]
async fn a_closed_port_is_offline() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let err = client()
        .get(&format!("http://{addr}/feed"), &Validators::default())
        .await
        .unwrap_err();
    assert!(err.is_offline(), "{err:?}");
    assert_eq!(
        err.to_string(),
        "could not connect to 127.0.0.1: connection refused"
    );
}
