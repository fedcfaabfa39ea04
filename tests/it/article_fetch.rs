//! `fetch_article` and `fetch_page` against pages served from 127.0.0.1.
use crate::support;

use docbao::article::{ArticleError, MIN_TEXT_CHARS, fetch_article, fetch_page};
use docbao::i18n::Lang;
use docbao::net::{Client, NetConfig};
use support::{Response, Server};

fn seed() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pages/seed.html"
    ))
    .unwrap()
}

#[tokio::test]
async fn a_page_becomes_a_stored_extract() {
    let server = Server::start().await;
    server.route(
        "/bai.html",
        Response::ok(seed(), "text/html; charset=utf-8"),
    );
    server.route("/chuyen.html", Response::redirect(301, "/bai.html"));
    let client = Client::new(&NetConfig::default()).unwrap();
    let ex = fetch_article(&client, &server.url("/chuyen.html"), Lang::Vi)
        .await
        .unwrap();
    assert_eq!(
        ex.meta.url.as_deref(),
        Some(server.url("/bai.html").as_str()),
        "the final URL"
    );
    assert_eq!(ex.meta.views, Some(1705));
    assert!(ex.html.contains("Một hợp tác xã cà phê"));
    assert!(!ex.html.contains("Chat Zalo"));
}

#[tokio::test]
async fn errors_say_what_went_wrong() {
    let server = Server::start().await;
    server.route(
        "/anh.png",
        Response::ok(vec![0x89, b'P', b'N', b'G'], "image/png"),
    );
    server.route(
        "/ngan.html",
        Response::ok("<html><body><p>Chỉ một câu.</p></body></html>", "text/html"),
    );
    let client = Client::new(&NetConfig::default()).unwrap();
    let get = async |p: &str| fetch_article(&client, &server.url(p), Lang::Vi).await;
    assert_eq!(
        get("/khong-co.html").await.unwrap_err(),
        ArticleError::Http(404)
    );
    assert_eq!(
        get("/anh.png").await.unwrap_err(),
        ArticleError::NotHtml("image/png".into())
    );
    match get("/ngan.html").await.unwrap_err() {
        ArticleError::TooLittle(n) => assert!(n < MIN_TEXT_CHARS),
        other => panic!("{other:?}"),
    }
    // A port nobody listens on: the network, not the page, failed.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    match fetch_page(&client, &format!("http://127.0.0.1:{closed}/x.html"))
        .await
        .unwrap_err()
    {
        ArticleError::Net { offline, .. } => assert!(offline),
        other => panic!("{other:?}"),
    }
}
