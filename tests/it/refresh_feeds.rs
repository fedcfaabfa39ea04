//! Refreshing into a real cache: conditional GET, Retry-After, the user's state kept.
use crate::refresh_common;
use crate::support;

use docbao::refresh::{FeedResult, Progress};
use refresh_common::{Cache, one_ok_one_failed, quick_client, rss};
use support::{Response, Server};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_second_refresh_is_conditional_and_a_304_changes_nothing() {
    let server = Server::start().await;
    let doc = rss(
        "Tin nhanh",
        &[("a1", "Đường sắt cao tốc"), ("a2", "Hà Nội mưa to")],
    );
    let etag = "\"feed-v1\"";
    let lm = "Fri, 27 Nov 2026 08:00:00 GMT";
    server.route_fn("/rss", move |req| {
        Response::conditional(
            req,
            Some(etag),
            Some(lm),
            doc.clone(),
            "application/rss+xml",
        )
    });
    let cache = Cache::new();
    let url = server.url("/rss");
    cache.add(&url).await;
    let client = quick_client();

    let (first, progress) = cache.refresh(&client, 8).await;
    assert_eq!((first.ok, first.new_articles), (1, 2), "{first:?}");
    assert_eq!(progress.first(), Some(&Progress::Started { total: 1 }));
    assert!(matches!(
        progress.last(),
        Some(Progress::FeedDone {
            done: 1,
            total: 1,
            result: FeedResult::Ok { new: 2 },
            ..
        })
    ));
    let stored = cache.feed(&url).await;
    assert_eq!(stored.etag.as_deref(), Some(etag));
    assert_eq!(stored.last_modified.as_deref(), Some(lm));
    assert_eq!(stored.title, "Tin nhanh");
    let before = cache.articles(&stored).await;
    assert_eq!(before.len(), 2);

    let (second, _) = cache.refresh(&client, 8).await;
    assert_eq!(
        (second.ok, second.not_modified, second.new_articles),
        (0, 1, 0)
    );
    let seen = server.requests_to("/rss");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].header("if-none-match"), Some(etag));
    assert_eq!(seen[1].header("if-modified-since"), Some(lm));
    let after = cache.feed(&url).await;
    assert_eq!(after.last_status.as_deref(), Some("not modified"));
    assert_eq!(after.etag.as_deref(), Some(etag));
    assert_eq!(cache.articles(&after).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_skips_the_feed_until_then() {
    let server = Server::start().await;
    server.route("/busy", Response::status(503).header("Retry-After", "3600"));
    server.route(
        "/fine",
        Response::ok(rss("Fine", &[("f1", "Một")]), "application/rss+xml"),
    );
    let cache = Cache::new();
    let busy = server.url("/busy");
    cache.add(&busy).await;
    cache.add(&server.url("/fine")).await;
    let client = quick_client();

    let (first, _) = cache.refresh(&client, 8).await;
    let error = one_ok_one_failed(&first);
    assert!(error.contains("skipped until"), "{error}");
    let row = cache.feed(&busy).await;
    let until = row.retry_until.expect("retry_until stored");
    let wait = (until - chrono::Utc::now()).num_seconds();
    assert!((3500..=3600).contains(&wait), "{wait}");
    assert!(row.last_status.unwrap().contains("skipped until"));

    let (second, progress) = cache.refresh(&client, 8).await;
    assert_eq!(second.skipped.len(), 1);
    assert_eq!(second.skipped[0].0.url, busy);
    assert_eq!(second.skipped[0].1, until);
    assert!(second.failed.is_empty());
    assert!(progress.iter().any(|p| matches!(
        p,
        Progress::FeedDone { result: FeedResult::Skipped(t), .. } if *t == until
    )));
    assert_eq!(server.requests_to("/busy").len(), 1);
    assert_eq!(server.requests_to("/fine").len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ratings_and_read_state_survive_refreshes() {
    let server = Server::start().await;
    server.route(
        "/rss",
        Response::ok(
            rss("Tin", &[("a1", "Bản cũ"), ("a2", "Khác")]),
            "application/rss+xml",
        ),
    );
    let cache = Cache::new();
    let url = server.url("/rss");
    cache.add(&url).await;
    let client = quick_client();
    cache.refresh(&client, 8).await;
    let feed = cache.feed(&url).await;
    let first = cache.articles(&feed).await;
    let a1 = first.iter().find(|a| a.title == "Bản cũ").unwrap().clone();
    cache.rate(&a1, 4, true).await;

    // The feed changes: a1 gets a new title, a3 appears.
    server.route(
        "/rss",
        Response::ok(
            rss("Tin", &[("a3", "Mới"), ("a1", "Bản mới"), ("a2", "Khác")]),
            "application/rss+xml",
        ),
    );
    let (summary, _) = cache.refresh(&client, 8).await;
    assert_eq!((summary.ok, summary.new_articles), (1, 1));
    let after = cache.articles(&feed).await;
    assert_eq!(after.len(), 3);
    let kept = after.iter().find(|a| a.id == a1.id).unwrap();
    assert_eq!(kept.title, "Bản mới");
    assert_eq!(kept.rating, 4);
    assert!(kept.read);
    assert!(
        after
            .iter()
            .filter(|a| a.id != a1.id)
            .all(|a| a.rating == 0 && !a.read)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_two_per_host_and_jobs_in_all() {
    let busy = Server::start().await;
    let quiet = Server::start().await;
    let cache = Cache::new();
    for i in 0..8 {
        let path = format!("/f{i}");
        let doc = rss(&format!("Feed {i}"), &[(&format!("g{i}"), "Tin")]);
        for s in [&busy, &quiet] {
            s.route(
                &path,
                Response::ok(doc.clone(), "application/rss+xml")
                    .delay(std::time::Duration::from_millis(150)),
            );
        }
        cache.add(&busy.url(&path)).await;
        if i < 2 {
            cache.add(&quiet.url(&path)).await;
        }
    }
    let client = quick_client();
    let (summary, _) = cache.refresh(&client, 8).await;
    assert_eq!(summary.ok, 10, "{summary:?}");
    assert_eq!(busy.max_concurrent(), 2);
    assert_eq!(quiet.max_concurrent(), 2);

    // With one job in all, no host ever sees two requests at once.
    let one = Server::start().await;
    let cache = Cache::new();
    for i in 0..4 {
        let path = format!("/f{i}");
        one.route(
            &path,
            Response::ok(
                rss("x", &[(&format!("g{i}"), "Tin")]),
                "application/rss+xml",
            )
            .delay(std::time::Duration::from_millis(150)),
        );
        cache.add(&one.url(&path)).await;
    }
    let (summary, _) = cache.refresh(&client, 1).await;
    assert_eq!(summary.ok, 4);
    assert_eq!(one.max_concurrent(), 1);

    // Four hosts, three jobs: never more than three requests at once in all.
    let first = Server::start().await;
    let mut hosts = vec![];
    for _ in 0..3 {
        hosts.push(first.start_shared().await);
    }
    hosts.push(first);
    let cache = Cache::new();
    for i in 0..12 {
        let path = format!("/f{i}");
        hosts[0].route(
            &path,
            Response::ok(
                rss("x", &[(&format!("g{i}"), "Tin")]),
                "application/rss+xml",
            )
            .delay(std::time::Duration::from_millis(150)),
        );
        cache.add(&hosts[i % 4].url(&path)).await;
    }
    let (summary, _) = cache.refresh(&client, 3).await;
    assert_eq!(summary.ok, 12);
    assert_eq!(hosts[0].requests().len(), 12);
    assert_eq!(hosts[0].max_concurrent(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn titles_are_stored_composed_and_without_terminal_escapes() {
    let server = Server::start().await;
    // Decomposed marks, an OSC title sequence, a colour and a bidi override, as served.
    let hostile = "Vie\u{323}\u{302}t Nam \u{1b}]0;pwned\u{7} \u{1b}[31mđỏ\u{1b}[0m\u{202e}";
    server.route(
        "/nfd",
        Response::ok(
            rss("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", &[("n1", hostile)]),
            "application/rss+xml",
        ),
    );
    let cache = Cache::new();
    let url = server.url("/nfd");
    cache.add(&url).await;
    let (summary, _) = cache.refresh(&quick_client(), 2).await;
    assert_eq!(summary.ok, 1, "{summary:?}");
    let feed = cache.feed(&url).await;
    assert_eq!(feed.title, "Tiếng Việt");
    let stored = cache.articles(&feed).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].title, "Việt Nam đỏ");
}
