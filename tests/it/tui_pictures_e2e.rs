//! Pictures through the real binary in tmux: an article whose page and pictures are served
//! on 127.0.0.1 shows its lead picture under the header and its figures in the body as half
//! blocks (`images = "auto"`: tmux passes no graphics query on, so detection falls back
//! after its bounded wait); hostile pictures end as their captions; the viewer opens on a
//! key; then `--offline` draws the same pictures from the cache without a request.
use crate::picture_fixtures::{png, serve_hostile};
use crate::support::{self, Response, Rss, RssItem};
use crate::tui_fixture::terminal::Tmux;

use docbao::store::Store;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

fn page() -> String {
    let p = "Người dân đổ về bờ sông từ sáng sớm để xem lễ thông xe cây cầu mới, công trình được \
             chờ đợi suốt nhiều năm qua của cả vùng đồng bằng ven biển phía nam.";
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cầu mới thông xe</title>\
         <meta property=\"og:image\" content=\"/anh/dau.png\"></head><body><article>\
         <h1>Cầu mới thông xe</h1><p>MỞ ĐẦU. {p}</p>\
         <figure><img src=\"/anh/cau.png\"><figcaption>Cây cầu nhìn từ bờ bắc</figcaption></figure>\
         <p>{p}</p>\
         <figure><img src=\"/anh/bom.png\"><figcaption>Ảnh quá lớn</figcaption></figure>\
         <figure><img src=\"/anh/cut.png\"><figcaption>Ảnh bị cắt</figcaption></figure>\
         <figure><img src=\"/anh/to.jpg\"><figcaption>Tệp 40 MB</figcaption></figure>\
         <figure><img src=\"/anh/html.jpg\"><figcaption>Không phải ảnh</figcaption></figure>\
         <p>KẾT THÚC. {p}</p></article></body></html>"
    )
}

fn serve() -> support::Server {
    let server = support::Server::start_background();
    let feed = Rss::new("Báo Ảnh")
        .link(&server.url("/"))
        .item(
            RssItem::new("g1", "Cầu mới thông xe")
                .link(&server.url("/a/g1"))
                .published("Fri, 01 May 2026 10:00:00 GMT")
                .description("Tóm tắt."),
        )
        .to_string();
    server.route("/feed.xml", Response::ok(feed, "application/rss+xml"));
    server.route("/a/g1", Response::ok(page(), "text/html; charset=utf-8"));
    server.route("/anh/dau.png", Response::ok(png(640, 360), "image/png"));
    // A wrong content type does not matter when the bytes are a picture.
    server.route(
        "/anh/cau.png",
        Response::ok(png(400, 300), "application/octet-stream"),
    );
    serve_hostile(&server);
    server
}

fn cmd(dir: &Path, extra: &str) -> String {
    format!(
        "env HOME={home} XDG_CONFIG_HOME={home} XDG_DATA_HOME={home} DOCBAO_CONFIG={config} \
         LANG=vi_VN.UTF-8 {BIN} --data-dir {data} --lang vi --no-defaults {extra}",
        home = dir.display(),
        config = dir.join("config.toml").display(),
        data = dir.join("data").display(),
    )
}

/// Cells drawn as half blocks on the screen.
fn half_blocks(screen: &str) -> usize {
    screen.chars().filter(|c| matches!(c, '▀' | '▄')).count()
}

#[test]
fn pictures_show_as_half_blocks_then_offline_from_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("config.toml"), "images = \"auto\"\n").unwrap();
    let server = serve();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    Store::open(&dir.join("data/cache.db"))
        .unwrap()
        .add_feed(&server.url("/feed.xml"), None, Some("Báo Ảnh"))
        .unwrap();
    let tmux = Tmux::new(dir);
    let after = format!("; echo $? > {}/status", dir.display());
    tmux.start("pic", &format!("{}{after}", cmd(dir, "")));
    tmux.wait("pic", "the refresh", |s| {
        s.contains("Báo Ảnh") && !s.contains("Đang làm mới")
    });
    tmux.keys("pic", &["Enter"]);
    tmux.wait_for("pic", "Cầu mới thông xe");
    tmux.keys("pic", &["Enter"]);
    // The lead picture under the header: 12 rows of half blocks, most of the width.
    let screen = tmux.wait("pic", "the lead picture", |s| half_blocks(s) > 500);
    assert!(screen.contains("Cầu mới thông xe"), "{screen}");
    // Down the article: the figure and the hostile pictures' captions, no panic.
    tmux.keys("pic", &["G"]);
    let screen = tmux.wait("pic", "the end of the article", |s| {
        s.contains("KẾT THÚC") && s.contains("Không phải ảnh") && s.contains("Tệp 40 MB")
    });
    assert!(
        screen.contains("Ảnh quá lớn") && screen.contains("Ảnh bị cắt"),
        "{screen}"
    );
    // The viewer: the picture alone with its place among the article's.
    tmux.keys("pic", &["g", "i"]);
    let screen = tmux.wait("pic", "the viewer", |s| {
        s.contains("1/6") && half_blocks(s) > 500
    });
    assert!(!screen.contains("MỞ ĐẦU"), "the text is hidden: {screen}");
    tmux.keys("pic", &["n"]);
    tmux.wait("pic", "the next picture", |s| {
        s.contains("2/6") && s.contains("Cây cầu nhìn từ bờ bắc") && half_blocks(s) > 300
    });
    tmux.keys("pic", &["Escape"]);
    tmux.wait_for("pic", "MỞ ĐẦU");
    tmux.keys("pic", &["Q"]);
    tmux.wait_dead("pic");
    assert_eq!(
        std::fs::read_to_string(dir.join("status")).unwrap().trim(),
        "0"
    );
    // The 40 MB body was cut off at the cap.
    assert!(server.body_bytes("/anh/to.jpg") < 20 * 1024 * 1024);
    let store = Store::open(&dir.join("data/cache.db")).unwrap();
    let cached = store
        .cached_images(&[server.url("/anh/dau.png"), server.url("/anh/cut.png")])
        .unwrap();
    assert!(cached.contains(&server.url("/anh/dau.png")), "{cached:?}");
    assert!(
        !cached.contains(&server.url("/anh/cut.png")),
        "a broken file is not kept"
    );
    drop(store);

    // Offline: the same pictures from the cache, and no request at all.
    let requests = server.requests().len();
    tmux.start("off", &cmd(dir, "--offline"));
    tmux.wait_for("off", "Báo Ảnh");
    tmux.keys("off", &["Enter"]);
    tmux.wait_for("off", "Cầu mới thông xe");
    tmux.keys("off", &["Enter"]);
    tmux.wait("off", "the lead picture from the cache", |s| {
        half_blocks(s) > 500
    });
    tmux.keys("off", &["G"]);
    tmux.wait_for("off", "Không phải ảnh");
    tmux.keys("off", &["Q"]);
    tmux.wait_dead("off");
    assert_eq!(
        server.requests().len(),
        requests,
        "--offline made no request"
    );
}
