//! The real binary in tmux: an article's link read in docbao (a page served on 127.0.0.1)
//! and back with Esc; its address copied with OSC 52 (tmux's `set-clipboard on` makes a
//! buffer of it); the article saved as Markdown.
use crate::support::{self, Rss, RssItem};
use crate::tui_fixture::terminal::Tmux;

use docbao::store::Store;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

fn article_html(link: &str) -> String {
    let para = "Đây là NỘI DUNG ĐẦY ĐỦ của bài về mùa lũ ở miền Trung, khi mưa lớn kéo dài nhiều \
                ngày khiến các con sông dâng cao và nhiều xã bị chia cắt.";
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Mùa lũ</title></head>\
         <body><article><h1>Mùa lũ miền Trung</h1><p>{para}</p><p>{para}</p>\
         <p>Xem <a href=\"{link}\">bản đồ ngập</a> của tỉnh.</p></article></body></html>"
    )
}

fn linked_html() -> String {
    let para = "Đây là TRANG LIÊN KẾT với bản đồ các vùng ngập, cập nhật mỗi giờ, kèm số điện \
                thoại đường dây nóng của từng huyện cho người dân cần cứu trợ.";
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bản đồ ngập</title></head>\
         <body><article><h1>Bản đồ ngập</h1><p>{para}</p><p>{para}</p></article></body></html>"
    )
}

fn docbao_cmd(dir: &Path) -> String {
    format!(
        "env HOME={home} XDG_CONFIG_HOME={home} XDG_DATA_HOME={home} DOCBAO_CONFIG={config} \
         LANG=vi_VN.UTF-8 {BIN} --data-dir {data} --lang vi --no-defaults",
        home = dir.display(),
        config = dir.join("config.toml").display(),
        data = dir.join("data").display(),
    )
}

#[test]
fn a_link_is_read_in_docbao_copied_and_the_article_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("config.toml"), "").unwrap();
    let server = support::Server::start_background();
    let feed = Rss::new("Tin Nhanh")
        .link(&server.url("/"))
        .item(
            RssItem::new("a1", "Mùa lũ miền Trung")
                .link(&server.url("/bai/mua-lu.html"))
                .published("Fri, 01 May 2026 10:00:00 GMT")
                .description("Tóm tắt về mùa lũ."),
        )
        .to_string();
    server.route(
        "/feed.xml",
        support::Response::ok(feed, "application/rss+xml"),
    );
    let linked = server.url("/ban-do.html");
    server.route(
        "/bai/mua-lu.html",
        support::Response::ok(article_html(&linked), "text/html; charset=utf-8"),
    );
    server.route(
        "/ban-do.html",
        support::Response::ok(linked_html(), "text/html; charset=utf-8"),
    );
    std::fs::create_dir_all(dir.join("data")).unwrap();
    Store::open(&dir.join("data/cache.db"))
        .unwrap()
        .add_feed(&server.url("/feed.xml"), None, None)
        .unwrap();

    let tmux = Tmux::new(dir);
    tmux.start("e2e", &docbao_cmd(dir));
    tmux.wait("e2e", "the refresh to end", |s| {
        s.contains("Tin Nhanh") && !s.contains("Đang làm mới")
    });
    tmux.keys("e2e", &["Enter"]);
    tmux.wait_for("e2e", "Mùa lũ miền Trung");
    tmux.keys("e2e", &["Enter"]);
    tmux.wait_for("e2e", "NỘI DUNG ĐẦY ĐỦ");
    tmux.wait_for("e2e", "[1]");
    // L, then the link's number: the page is read in docbao. The prompt comes at once: an
    // idle reader takes a key without waiting for its 30 s clock.
    std::thread::sleep(std::time::Duration::from_millis(500));
    tmux.keys("e2e", &["L"]);
    let asked = std::time::Instant::now();
    tmux.wait_for("e2e", "đọc liên kết (1-1)");
    assert!(
        asked.elapsed() < std::time::Duration::from_secs(5),
        "the key took {:?} to show",
        asked.elapsed()
    );
    tmux.keys("e2e", &["1"]);
    let screen = tmux.wait_for("e2e", "TRANG LIÊN KẾT");
    assert!(screen.contains("trang liên kết 1"), "{screen}");
    assert_eq!(server.requests_to("/ban-do.html").len(), 1);
    // y copies the page's address: tmux (set-clipboard on) keeps it as a buffer.
    assert!(tmux.buffers().is_empty(), "{}", tmux.buffers());
    tmux.keys("e2e", &["y"]);
    tmux.wait_for("e2e", "Đã chép");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !tmux.buffers().contains("ban-do.html") {
        assert!(
            std::time::Instant::now() < deadline,
            "no buffer: {:?}",
            tmux.buffers()
        );
        std::thread::park_timeout(std::time::Duration::from_millis(50));
    }
    // Esc: back to the article, as it was.
    tmux.keys("e2e", &["Escape"]);
    let screen = tmux.wait("e2e", "the article again", |s| {
        s.contains("NỘI DUNG ĐẦY ĐỦ") && !s.contains("TRANG LIÊN KẾT")
    });
    assert!(!screen.contains("trang liên kết"), "{screen}");
    // Following it again comes from the session's pages: no second request.
    tmux.keys("e2e", &["L"]);
    tmux.wait_for("e2e", "đọc liên kết");
    tmux.keys("e2e", &["1"]);
    tmux.wait_for("e2e", "TRANG LIÊN KẾT");
    assert_eq!(server.requests_to("/ban-do.html").len(), 1);
    tmux.keys("e2e", &["Escape"]);
    tmux.wait_for("e2e", "NỘI DUNG ĐẦY ĐỦ");
    // w: the article to a file, as Markdown.
    let path = dir.join("bai-mua-lu.md");
    tmux.keys("e2e", &["w"]);
    tmux.wait_for("e2e", "Lưu vào");
    tmux.keys("e2e", &["C-u"]);
    tmux.type_text("e2e", &path.to_string_lossy());
    tmux.keys("e2e", &["Enter"]);
    tmux.wait_for("e2e", "Đã lưu");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("# Mùa lũ miền Trung"), "{saved}");
    assert!(saved.contains("NỘI DUNG ĐẦY ĐỦ"));
    assert!(saved.contains(&format!("[1]: <{linked}>")), "{saved}");
    // Again: the file is there, said, and kept until a second Enter.
    tmux.keys("e2e", &["w"]);
    tmux.wait_for("e2e", "Lưu vào");
    tmux.keys("e2e", &["C-u"]);
    tmux.type_text("e2e", &path.to_string_lossy());
    tmux.keys("e2e", &["Enter"]);
    tmux.wait_for("e2e", "đã có");
    tmux.keys("e2e", &["Escape"]);
    tmux.keys("e2e", &["Q"]);
    tmux.wait_dead("e2e");
}
