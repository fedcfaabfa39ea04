//! The real binary in tmux: a bulk mark of everything and its undo, then feeds added in
//! the reader from a local server: a web page whose feed is found, and a site down right
//! now (added, with its failure said).
use crate::support::{self, Rss, RssItem};
use crate::tui_fixture::terminal::Tmux;

use docbao::store::{ArticleQuery, Store};
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

fn feed_xml(server: &support::Server, title: &str, items: &[(&str, &str)]) -> String {
    let mut rss = Rss::new(title).link(&server.url("/"));
    for (guid, t) in items {
        rss = rss.item(
            RssItem::new(guid, t)
                .link(&server.url(&format!("/bai/{guid}.html")))
                .published("Fri, 01 May 2026 10:00:00 GMT")
                .description("Tóm tắt ngắn."),
        );
    }
    rss.to_string()
}

fn docbao_cmd(dir: &Path) -> String {
    format!(
        "env HOME={home} XDG_CONFIG_HOME={home} XDG_DATA_HOME={home} DOCBAO_CONFIG={config} \
         LANG=vi_VN.UTF-8 {BIN} --data-dir {data} --lang vi --no-defaults; echo $? > {home}/status",
        home = dir.display(),
        config = dir.join("config.toml").display(),
        data = dir.join("data").display(),
    )
}

#[test]
fn bulk_mark_undo_and_feeds_added_in_the_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("config.toml"), "").unwrap();
    let server = support::Server::start_background();
    let items = [("a1", "Đường sắt tốc độ cao"), ("a2", "Giá xăng giảm nhẹ")];
    server.route(
        "/feed.xml",
        support::Response::ok(
            feed_xml(&server, "Tin Nhanh", &items),
            "application/rss+xml",
        ),
    );
    let page = format!(
        "<!doctype html><html><head><title>Báo Mới</title>\
         <link rel=\"alternate\" type=\"application/rss+xml\" href=\"{}\"></head>\
         <body><p>Trang chủ</p></body></html>",
        server.url("/moi.xml")
    );
    server.route(
        "/trang.html",
        support::Response::ok(page, "text/html; charset=utf-8"),
    );
    server.route(
        "/moi.xml",
        support::Response::ok(
            feed_xml(&server, "Báo Mới", &[("m1", "Mưa lớn ở miền Trung")]),
            "application/rss+xml",
        ),
    );
    server.route("/ban.xml", support::Response::status(503));
    server.route("/khong-co.xml", support::Response::status(404));
    {
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let mut store = Store::open(&dir.join("data/cache.db")).unwrap();
        store
            .add_feed(&server.url("/feed.xml"), None, Some("Tin Việt Nam"))
            .unwrap();
    }
    let tmux = Tmux::new(dir);
    let started = std::time::Instant::now();
    tmux.start("m", &docbao_cmd(dir));
    tmux.wait("m", "the refresh to end", |s| {
        s.contains("Tin Nhanh") && s.contains("2/2") && !s.contains("Đang làm mới")
    });

    // Everything read, after a yes; then undone.
    tmux.keys("m", &["C"]);
    tmux.wait_for("m", "Đánh dấu tất cả đã đọc? [y/N]");
    tmux.keys("m", &["y"]);
    tmux.wait("m", "the mark", |s| {
        s.contains("Đã đánh dấu 2 bài đã đọc") && s.contains("0/2")
    });
    tmux.keys("m", &["U"]);
    tmux.wait("m", "the undo", |s| {
        s.contains("Đã hoàn tác: 2 bài") && s.contains("2/2")
    });

    // A web page: its feed is found and subscribed, with its articles.
    tmux.keys("m", &["a"]);
    tmux.wait_for("m", "Thêm nguồn (URL):");
    tmux.type_text("m", &server.url("/trang.html"));
    tmux.keys("m", &["Enter"]);
    tmux.wait("m", "the feed added", |s| {
        s.contains("Đã thêm: Báo Mới") && s.contains("1/1")
    });
    // A site down right now: added anyway, its failure said.
    tmux.keys("m", &["a"]);
    tmux.type_text("m", &server.url("/ban.xml"));
    tmux.keys("m", &["Enter"]);
    tmux.wait_for("m", "chưa tải được");
    // A feed that does not exist: refused, with the reason.
    tmux.keys("m", &["a"]);
    tmux.type_text("m", &server.url("/khong-co.xml"));
    tmux.keys("m", &["Enter"]);
    tmux.wait_for("m", "Không thêm được");
    // Rename the page's feed, move it into a nested category: the tree shows it.
    tmux.keys("m", &["g", "j", "j", "j"]);
    tmux.keys("m", &["c", "C-u"]);
    tmux.type_text("m", "Báo Mới Đổi Tên");
    tmux.keys("m", &["Enter"]);
    tmux.wait_for("m", "Báo Mới Đổi Tên");
    tmux.keys("m", &["m", "C-u"]);
    tmux.type_text("m", "Tin Việt Nam/Miền Trung");
    tmux.keys("m", &["Enter"]);
    tmux.wait_for("m", "▾ Miền Trung");
    // Folded: its feed hidden; unfolded again.
    tmux.keys("m", &["z"]);
    tmux.wait("m", "the fold", |s| {
        s.contains("▸ Miền Trung") && !s.contains("Báo Mới Đổi Tên")
    });
    tmux.keys("m", &["z"]);
    tmux.wait_for("m", "Báo Mới Đổi Tên");
    // A search saved under a name is a feed with its counts, and opens.
    tmux.keys("m", &["/"]);
    tmux.type_text("m", "mua lon");
    tmux.wait_for("m", "Mưa lớn ở miền Trung");
    tmux.keys("m", &["C-s", "C-u"]);
    tmux.type_text("m", "Mưa");
    tmux.keys("m", &["Enter"]);
    tmux.wait_for("m", "Đã lưu tìm kiếm");
    // Two Escapes in one read are one Esc to the terminal library: the second is sent
    // once the first has acted (any key clears the message).
    tmux.keys("m", &["Escape"]);
    tmux.wait("m", "the message cleared", |s| {
        !s.contains("Đã lưu tìm kiếm")
    });
    tmux.keys("m", &["Escape"]);
    tmux.wait("m", "the saved search listed", |s| {
        s.contains("⌕ Mưa") && s.contains("1/1")
    });
    tmux.keys("m", &["g", "j", "j", "j", "Enter"]);
    tmux.wait_for("m", "⌕ Mưa");
    tmux.wait_for("m", "Mưa lớn ở miền Trung");
    tmux.keys("m", &["Escape"]);
    // Removed after a yes.
    tmux.keys("m", &["D", "y"]);
    tmux.wait_for("m", "Đã xóa tìm kiếm đã lưu");

    // Each key acted at once: a key pressed after a store's answer once waited for the
    // 30 s clock (the whole run took 90 s; now well under a second).
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "keys waited for a timer: {:?}",
        started.elapsed()
    );
    tmux.keys("m", &["Q"]);
    tmux.wait_dead("m");
    assert_eq!(
        std::fs::read_to_string(dir.join("status")).unwrap().trim(),
        "0"
    );

    let store = Store::open(&dir.join("data/cache.db")).unwrap();
    let urls: Vec<String> = store.feeds().unwrap().into_iter().map(|f| f.url).collect();
    assert!(urls.contains(&server.url("/moi.xml")), "{urls:?}");
    assert!(urls.contains(&server.url("/ban.xml")), "{urls:?}");
    assert!(!urls.contains(&server.url("/khong-co.xml")), "{urls:?}");
    let moved = store.feeds().unwrap();
    let moved = moved
        .iter()
        .find(|f| f.url == server.url("/moi.xml"))
        .unwrap();
    assert_eq!(moved.title, "Báo Mới Đổi Tên");
    assert_eq!(moved.category.as_deref(), Some("Tin Việt Nam/Miền Trung"));
    assert!(store.saved_searches().unwrap().is_empty());
    let rows = store.articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter().all(|r| !r.read),
        "the undo is on disk: {rows:?}"
    );
}
