//! Pictures through the real binary: `refresh --full-text` caches an article's pictures
//! from a local server, `read --json` lists them in page order (lead first) with their
//! captions and whether they are cached; hostile pictures end as captions, never a panic.
use crate::cli_common;
use crate::picture_fixtures::{png, serve_hostile};
use crate::support;

use cli_common::{Docbao, rss};
use support::{Response, Server};

fn page() -> String {
    let p = "Người dân đổ về bờ sông từ sáng sớm để xem lễ thông xe cây cầu mới, công trình được \
             chờ đợi suốt nhiều năm qua của cả vùng đồng bằng ven biển phía nam.";
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cầu mới thông xe</title>\
         <meta property=\"og:image\" content=\"/anh/dau.png\"></head><body><article>\
         <h1>Cầu mới thông xe</h1><p>{p}</p>\
         <figure><img src=\"/anh/cau.png\"><figcaption>Cây cầu nhìn từ bờ bắc</figcaption></figure>\
         <p>{p}</p>\
         <figure><img src=\"/anh/bom.png\"><figcaption>Ảnh quá lớn</figcaption></figure>\
         <figure><img src=\"/anh/cut.png\"><figcaption>Ảnh bị cắt</figcaption></figure>\
         <figure><img src=\"/anh/to.jpg\"><figcaption>Tệp 40 MB</figcaption></figure>\
         <figure><img src=\"/anh/html.jpg\"><figcaption>Không phải ảnh</figcaption></figure>\
         <p>{p}</p></article></body></html>"
    )
}

#[test]
fn full_text_refresh_caches_the_good_pictures_and_read_lists_them_all() {
    let server = Server::start_background();
    let base = server.url("");
    let items = vec![("g1".to_string(), "Cầu mới thông xe".to_string())];
    server.route(
        "/feed.xml",
        Response::ok(rss("Báo Ảnh", &base, &items), "application/rss+xml"),
    );
    server.route("/a/g1", Response::ok(page(), "text/html; charset=utf-8"));
    server.route("/anh/dau.png", Response::ok(png(320, 180), "image/png"));
    // A wrong content type does not matter when the bytes are a picture.
    server.route(
        "/anh/cau.png",
        Response::ok(png(640, 360), "application/octet-stream"),
    );
    serve_hostile(&server);

    let d = Docbao::new();
    d.ok(&["add", &server.url("/feed.xml")]);
    d.ok(&["refresh", "--full-text"]);
    let articles = d.json(&["articles", "--json"]);
    let id = articles[0]["id"].as_i64().unwrap().to_string();
    let read = d.json(&["--offline", "read", &id, "--json"]);
    let got: Vec<(String, String, bool)> = read["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["url"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches(&base)
                    .to_owned(),
                i["caption"].as_str().unwrap().to_owned(),
                i["cached"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("/anh/dau.png", "", true),
        ("/anh/cau.png", "Cây cầu nhìn từ bờ bắc", true),
        ("/anh/bom.png", "Ảnh quá lớn", false),
        ("/anh/cut.png", "Ảnh bị cắt", false),
        ("/anh/to.jpg", "Tệp 40 MB", false),
        ("/anh/html.jpg", "Không phải ảnh", false),
    ];
    let want: Vec<(String, String, bool)> = want
        .iter()
        .map(|(u, c, k)| (u.to_string(), c.to_string(), *k))
        .collect();
    assert_eq!(got, want);
    // The 40 MB body was cut off at the cap, not read to the end.
    assert!(server.body_bytes("/anh/to.jpg") < 20 * 1024 * 1024);
    // The text output keeps the captions as before.
    let text = d.ok(&["--offline", "read", &id, "--width", "80"]);
    assert!(text.contains("Cây cầu nhìn từ bờ bắc"), "{text}");
}

#[test]
fn images_off_fetches_no_pictures() {
    let server = Server::start_background();
    let base = server.url("");
    let items = vec![("g1".to_string(), "Cầu mới thông xe".to_string())];
    server.route(
        "/feed.xml",
        Response::ok(rss("Báo Ảnh", &base, &items), "application/rss+xml"),
    );
    server.route("/a/g1", Response::ok(page(), "text/html; charset=utf-8"));
    server.route("/anh/dau.png", Response::ok(png(32, 32), "image/png"));
    let d = Docbao::new();
    let config = d.data_dir().join("config.toml");
    std::fs::write(&config, "images = \"off\"\n").unwrap();
    let conf = config.to_str().unwrap();
    d.ok(&["--config", conf, "add", &server.url("/feed.xml")]);
    d.ok(&["--config", conf, "refresh", "--full-text"]);
    assert!(server.requests_to("/anh/dau.png").is_empty());
}
