//! The embedded guide feed and the full-text prefetch of `refresh --full-text`.
use crate::refresh_common;
use crate::support;

use docbao::i18n::Lang;
use docbao::refresh::{Progress, RefreshOptions};
use refresh_common::{Cache, quick_client};
use support::{Response, Rss, RssItem, Server};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_guide_is_read_from_the_binary() {
    let cache = Cache::new();
    cache.add(docbao::assets::GUIDE_URL).await;
    // A client that could reach nothing: the guide never touches the network.
    let (summary, _) = cache.refresh(&quick_client(), 8).await;
    assert_eq!(summary.ok, 1, "{summary:?}");
    assert!(summary.new_articles > 0);
    let guide = cache.feed(docbao::assets::GUIDE_URL).await;
    assert_eq!(guide.last_status.as_deref(), Some("ok"));
    let articles = cache.articles(&guide).await;
    assert_eq!(articles.len(), summary.new_articles);
    // Refreshing again adds nothing.
    let (again, _) = cache.refresh(&quick_client(), 8).await;
    assert_eq!((again.ok, again.new_articles), (1, 0));
}

fn article_page(title: &str) -> String {
    let paragraph = "Đây là một bài viết thử nghiệm dành cho docbao. Nội dung được viết riêng \
                     để kiểm tra việc tải toàn văn bài báo khi làm mới nguồn tin, kể cả tiếng \
                     Việt có dấu đầy đủ như Đường sắt, Hà Nội và Thành phố Hồ Chí Minh.";
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         </head><body><nav>Trang chủ | Thời sự</nav><article><h1>{title}</h1>\
         <p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article>\
         <footer>Bản quyền</footer></body></html>"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_text_fetches_each_article_once() {
    let server = Server::start().await;
    for i in 1..=3 {
        server.route(
            &format!("/bai-{i}.html"),
            Response::ok(
                article_page(&format!("Bài số {i}")),
                "text/html; charset=utf-8",
            ),
        );
    }
    // bai-4 has no page: its full text fails, the feed does not.
    let doc = Rss::new("Tin")
        .link("http://example.invalid/")
        .items((1..=4).map(|i| {
            RssItem::new(&format!("g{i}"), &format!("Bài số {i}"))
                .link(&server.url(&format!("/bai-{i}.html")))
                .description(&format!("Tóm tắt: Bài số {i}"))
                .published("Fri, 27 Nov 2026 08:00:00 GMT")
        }));
    server.route("/rss", Response::ok(doc.to_string(), "application/rss+xml"));

    let cache = Cache::new();
    cache.add(&server.url("/rss")).await;
    let opts = RefreshOptions {
        jobs: 4,
        full_text: true,
        lang: Lang::Vi,
        pictures: None,
        ..RefreshOptions::default()
    };
    let client = quick_client();
    // A refresh without full text first (as `add` stores items): the next one with full
    // text still fetches them, though they are no longer new.
    let (plain, _) = cache.refresh(&client, 4).await;
    assert_eq!((plain.new_articles, plain.full_texts), (4, 0));
    let (summary, progress) = cache
        .refresh_with(&client, cache.feeds().await, &opts)
        .await;
    assert_eq!((summary.ok, summary.new_articles), (1, 0), "{summary:?}");
    assert_eq!((summary.full_texts, summary.full_text_failures), (3, 1));
    let articles_done = progress
        .iter()
        .filter(|p| matches!(p, Progress::ArticleDone { .. }))
        .count();
    assert_eq!(articles_done, 4);
    let feed = cache.feed(&server.url("/rss")).await;
    let stored = cache.articles(&feed).await;
    assert_eq!(stored.iter().filter(|a| a.full_text).count(), 3);
    assert!(server.max_concurrent() <= 2);

    // Nothing new: no stored page is fetched again (the missing one is tried again).
    let (again, _) = cache
        .refresh_with(&client, cache.feeds().await, &opts)
        .await;
    assert_eq!((again.new_articles, again.full_texts), (0, 0));
    assert_eq!(server.requests_to("/bai-1.html").len(), 1);
}
