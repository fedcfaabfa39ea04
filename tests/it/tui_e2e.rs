//! The real binary in a real pseudo-terminal (tmux): refresh from a local server, search,
//! open (full text fetched), rate, quit; again with --offline. Escape sequences in feed
//! titles change neither the window title nor the clipboard.
use crate::support::{self, Rss, RssItem};
use crate::tui_fixture::terminal;

use docbao::store::Store;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use terminal::{Tmux, assert_terminal_restored};

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

fn feed_xml(server: &support::Server) -> String {
    Rss::new("Tin Nhanh")
        .link(&server.url("/"))
        .item(
            RssItem::new("a1", "Đường sắt tốc độ cao Bắc - Nam")
                .link(&server.url("/bai/duong-sat.html"))
                .published("Fri, 01 May 2026 10:00:00 GMT")
                .description("Tóm tắt ngắn về đường sắt."),
        )
        .item(
            RssItem::new("a2", "Giá xăng giảm nhẹ")
                .link(&server.url("/bai/xang.html"))
                .published("Thu, 30 Apr 2026 10:00:00 GMT")
                .description("Tóm tắt về giá xăng."),
        )
        .to_string()
}

/// A title carrying OSC 0 (window title) and OSC 52 (clipboard).
const EVIL: &str = "Evil\u{1b}]0;PWNED\u{7}\u{1b}]52;c;UFdORUQ=\u{7}Feed";

fn evil_xml() -> String {
    Rss::new(EVIL)
        .item(RssItem::new("e1", &format!("Bài {EVIL}")).published("Mon, 01 Jan 2024 00:00:00 GMT"))
        .to_string()
}

fn article_html() -> String {
    let para = "Đây là NỘI DUNG ĐẦY ĐỦ của bài viết về dự án đường sắt tốc độ cao trên trục Bắc - Nam, \
                được Chính phủ trình Quốc hội xem xét trong kỳ họp này với nhiều nội dung quan trọng.";
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đường sắt</title></head>\
         <body><nav>Trang chủ</nav><article><h1>Đường sắt tốc độ cao Bắc - Nam</h1>\
         <p>{para}</p><p>{para}</p><p>{para}</p></article><footer>Bản quyền</footer></body></html>"
    )
}

fn docbao_cmd(dir: &Path, extra: &str) -> String {
    docbao_cmd_with(dir, &format!("--no-defaults {extra}"))
}

/// The command line of the real binary on `dir`'s data and config (first-run defaults on).
fn docbao_cmd_with(dir: &Path, extra: &str) -> String {
    let data = dir.join("data");
    let config = dir.join("config.toml");
    format!(
        "env HOME={home} XDG_CONFIG_HOME={home} XDG_DATA_HOME={home} DOCBAO_CONFIG={config} LANG=vi_VN.UTF-8 {BIN} --data-dir {data} --lang vi {extra}",
        home = dir.display(),
        config = config.display(),
        data = data.display(),
    )
}

#[test]
fn read_rate_quit_and_read_again_offline() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("config.toml"), "").unwrap();
    let server = support::Server::start_background();
    server.route(
        "/feed.xml",
        support::Response::ok(feed_xml(&server), "application/rss+xml"),
    );
    server.route(
        "/evil.xml",
        support::Response::ok(evil_xml(), "application/rss+xml"),
    );
    server.route(
        "/bai/duong-sat.html",
        support::Response::ok(article_html(), "text/html; charset=utf-8"),
    );
    server.route(
        "/bai/xang.html",
        support::Response::ok(article_html(), "text/html; charset=utf-8"),
    );
    {
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let mut store = Store::open(&dir.join("data/cache.db")).unwrap();
        store
            .add_feed(&server.url("/feed.xml"), None, Some("Tin Việt Nam"))
            .unwrap();
        store
            .add_feed(&server.url("/evil.xml"), None, None)
            .unwrap();
        // Straight into the cache, past any cleaning on the way in.
        store
            .add_feed("http://127.0.0.1:9/raw.xml", Some(EVIL), None)
            .unwrap();
    }
    let tmux = Tmux::new(dir);

    // The checks below can see a leak: a plain printf sets both.
    // The pane stays open a moment after the printf: a pty closed at once may lose its
    // last bytes before tmux reads them (seen under load).
    tmux.start(
        "canary",
        "printf '\\033]0;CANARY\\007\\033]52;c;Q0FOQVJZ\\007'; sleep 3",
    );
    // tmux may mark the pane dead before it has parsed all of its output: poll.
    let deadline = Instant::now() + Duration::from_secs(30);
    while tmux.show("canary", "#{pane_title}") != "CANARY" || tmux.buffers().is_empty() {
        assert!(
            Instant::now() < deadline,
            "OSC 0 and OSC 52 reach tmux here (title {:?}, buffers {:?})",
            tmux.show("canary", "#{pane_title}"),
            tmux.buffers()
        );
        std::thread::park_timeout(Duration::from_millis(50));
    }
    tmux.wait_dead("canary");
    // (The canary stays: the server lives as long as a session does.)
    tmux.ok(&["delete-buffer"]);
    assert!(tmux.buffers().is_empty());

    // After docbao: its status, and the terminal modes it left behind.
    let after = format!(
        "; echo $? > {d}/status; stty -a > {d}/stty",
        d = dir.display()
    );
    tmux.start("e2e", &format!("{}{after}", docbao_cmd(dir, "")));
    let title_before = tmux.show("e2e", "#{pane_title}");
    // Refresh on start (the default) brings the feed in.
    tmux.wait_for("e2e", "Nguồn tin");
    tmux.wait("e2e", "the refresh to end", |s| {
        s.contains("Tin Nhanh") && !s.contains("Đang làm mới")
    });
    // The unreachable feed's failure is said in the status bar and marked in the list.
    // (The list reloads just after the summary shows.)
    tmux.wait("e2e", "the failure in the status bar and the list", |s| {
        s.contains("1 lỗi") && s.contains("Lỗi: Evil") && s.contains(" ! Evil")
    });
    assert_eq!(server.requests_to("/feed.xml").len(), 1);

    tmux.keys("e2e", &["/"]);
    tmux.type_text("e2e", "duong sat");
    tmux.wait_for("e2e", "Đường sắt tốc độ cao");
    tmux.keys("e2e", &["Enter"]);
    tmux.wait_for("e2e", "NỘI DUNG ĐẦY ĐỦ");
    assert!(!server.requests_to("/bai/duong-sat.html").is_empty());
    tmux.keys("e2e", &["4"]);
    tmux.wait_for("e2e", "Bạn chấm: ★★★★☆");
    // The evil titles were on screen: neither the title nor the clipboard changed.
    // Back one step at a time (several ESC bytes at once could read as Alt+Esc).
    tmux.keys("e2e", &["Escape"]);
    tmux.wait_for("e2e", "Tìm kiếm");
    tmux.keys("e2e", &["Escape"]);
    tmux.wait_for("e2e", "Giá xăng");
    tmux.keys("e2e", &["Escape"]);
    tmux.wait_for("e2e", "Nguồn tin");
    tmux.wait_for("e2e", "EvilFeed");
    tmux.keys("e2e", &["Q"]);
    tmux.wait_dead("e2e");
    assert_eq!(
        std::fs::read_to_string(dir.join("status")).unwrap().trim(),
        "0"
    );
    assert_terminal_restored(
        &std::fs::read_to_string(dir.join("stty")).unwrap(),
        &tmux.show("e2e", "#{alternate_on}"),
    );
    let title = tmux.show("e2e", "#{pane_title}");
    assert!(
        !title.contains("PWNED"),
        "window title changed to {title:?}"
    );
    assert_eq!(title, title_before);
    assert!(
        tmux.buffers().is_empty(),
        "the clipboard was written: {}",
        tmux.buffers()
    );
    tmux.ok(&["kill-session", "-t", "e2e"]);

    // Again, offline: the article reads from the cache with its full text and rating.
    let requests = server.requests().len();
    let after = format!("; echo $? > {}/status-offline", dir.display());
    tmux.start("off", &format!("{}{after}", docbao_cmd(dir, "--offline")));
    tmux.wait_for("off", "Ngoại tuyến");
    tmux.wait_for("off", "Tin Nhanh");
    tmux.keys("off", &["Enter"]);
    tmux.wait_for("off", "★★★★☆");
    tmux.keys("off", &["Enter"]);
    let screen = tmux.wait_for("off", "NỘI DUNG ĐẦY ĐỦ");
    assert!(screen.contains("Bạn chấm: ★★★★☆"), "{screen}");
    tmux.keys("off", &["q", "q", "q"]);
    tmux.wait_dead("off");
    let status = std::fs::read_to_string(dir.join("status-offline")).unwrap();
    assert_eq!(status.trim(), "0");
    assert_eq!(
        server.requests().len(),
        requests,
        "--offline made no request"
    );

    // A rating survives a kill -9 right after it shows.
    tmux.start("kill", &format!("exec {}", docbao_cmd(dir, "--offline")));
    tmux.wait_for("kill", "Tin Nhanh");
    tmux.keys("kill", &["Enter"]);
    tmux.wait_for("kill", "★★★★☆");
    tmux.keys("kill", &["2"]);
    tmux.wait_for("kill", "★★☆☆☆");
    let pid = tmux.show("kill", "#{pane_pid}");
    let killed = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(killed.success());
    tmux.wait_dead("kill");
    let store = Store::open(&dir.join("data/cache.db")).unwrap();
    let rows = store.search("duong sat", 10).unwrap();
    assert_eq!(rows.first().map(|r| r.rating), Some(2), "{rows:?}");
}

/// Two items: one from today, one from 2024 (old enough for retention once read).
fn dated_feed_xml(server: &support::Server) -> String {
    let today = chrono::Utc::now().to_rfc2822();
    Rss::new("Tin Cũ Mới")
        .link(&server.url("/"))
        .item(
            RssItem::new("new", "Tin hôm nay về đê điều")
                .link(&server.url("/bai/moi.html"))
                .published(&today),
        )
        .item(
            RssItem::new("old", "Tin năm cũ về mùa lũ")
                .link(&server.url("/bai/cu.html"))
                .published("Mon, 01 Jan 2024 08:00:00 GMT"),
        )
        .item(
            RssItem::new("old-rated", "Tin năm cũ được chấm sao")
                .link(&server.url("/bai/cu-sao.html"))
                .published("Tue, 02 Jan 2024 08:00:00 GMT"),
        )
        .to_string()
}

/// First run with the real defaults (offline): the guide reads with its lists, the default
/// feeds are in Vietnamese order. A second docbao on the same cache works beside the first.
/// `refresh_on_start = false` makes no request at start; a refresh from the TUI applies
/// retention (`keep_days`) without touching rated articles.
#[test]
fn first_run_defaults_second_instance_and_retention() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("config.toml"),
        "refresh_on_start = false\nkeep_days = 1\n",
    )
    .unwrap();
    let server = support::Server::start_background();
    server.route(
        "/feed.xml",
        support::Response::ok(dated_feed_xml(&server), "application/rss+xml"),
    );
    let tmux = Tmux::new(dir);

    let done = |name: &str| format!("; echo $? > {}/{name}", dir.display());
    tmux.start(
        "one",
        &format!("{}{}", docbao_cmd_with(dir, "--offline"), done("one")),
    );
    let screen = tmux.wait_for("one", "Hướng dẫn docbao");
    assert!(screen.contains("Ngoại tuyến"), "{screen}");
    // Vietnamese collation: "Tiếng" before "Tin" (a byte sort puts "Tin" first).
    let at = |t: &str| screen.find(t).unwrap_or_else(|| panic!("{t} in\n{screen}"));
    assert!(at("Công nghệ") < at("Quốc tế"));
    assert!(at("Quốc tế") < at("Tiếng Việt từ nước ngoài"));
    assert!(at("Tiếng Việt từ nước ngoài") < at("Tin Việt Nam"));
    // The guide opens from the cache with its numbered and bulleted lists.
    tmux.keys("one", &["/"]);
    tmux.type_text("one", "bat dau");
    // The results of the whole query (those of "bat d" may show for a moment).
    tmux.wait("one", "the search results", |s| {
        s.contains("1 kết quả") && s.contains("Bắt đầu với docbao")
    });
    tmux.keys("one", &["Enter"]);
    let guide = tmux.wait_for("one", "1. Mở trình đọc");
    assert!(guide.contains("• docbao"), "{guide}");
    // Rated, it outlives retention (keep_days = 1; the guide is dated 2026-01-01).
    tmux.keys("one", &["3"]);
    tmux.wait_for("one", "Bạn chấm: ★★★☆☆");

    // The second docbao, while the first runs, on a feed of the local server.
    let feed_url = server.url("/feed.xml");
    {
        let mut store = Store::open(&dir.join("data/cache.db")).unwrap();
        store.add_feed(&feed_url, Some("Tin Cũ Mới"), None).unwrap();
    }
    // Only this feed is refreshed below (`r`): the default feeds would go to the internet.
    tmux.start(
        "two",
        &format!("{}{}", docbao_cmd_with(dir, ""), done("two")),
    );
    tmux.wait_for("two", "Tin Cũ Mới");
    tmux.wait_for("two", "Trực tuyến");
    assert!(
        server.requests_to("/feed.xml").is_empty(),
        "refresh_on_start = false: no request at start"
    );
    // All, Unread, Rated, then the feeds without a category: the guide, this one.
    tmux.keys("two", &["j", "j", "j", "j", "r"]);
    tmux.wait_for("two", "Làm mới xong: 1 nguồn, 0 lỗi, 3 bài mới");
    tmux.keys("two", &["Enter"]);
    tmux.wait_for("two", "Tin hôm nay về đê điều");
    assert_eq!(server.requests_to("/feed.xml").len(), 1);

    // Read the old article, rate the other old one (from here, as another program would).
    {
        let mut store = Store::open(&dir.join("data/cache.db")).unwrap();
        let old = store.search("mua lu", 5).unwrap();
        store.set_read(old[0].id, true).unwrap();
        let rated = store.search("duoc cham sao", 5).unwrap();
        store.set_read(rated[0].id, true).unwrap();
        store.set_rating(rated[0].id, 5).unwrap();
    }
    tmux.keys("two", &["Escape"]);
    tmux.wait_for("two", "Nguồn tin");
    tmux.keys("two", &["r"]);
    // The second refresh's summary comes after its retention.
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.requests_to("/feed.xml").len() < 2 {
        assert!(Instant::now() < deadline, "no second refresh");
        std::thread::park_timeout(Duration::from_millis(50));
    }
    tmux.wait_for("two", "Làm mới xong");
    let store = Store::open(&dir.join("data/cache.db")).unwrap();
    assert!(
        store.search("mua lu", 5).unwrap().is_empty(),
        "the old read article went with retention"
    );
    assert_eq!(store.search("duoc cham sao", 5).unwrap()[0].rating, 5);
    assert_eq!(store.search("de dieu", 5).unwrap().len(), 1);

    // The first one still works after all that: a new rating from its reader is saved.
    tmux.keys("one", &["4"]);
    tmux.wait_for("one", "Bạn chấm: ★★★★☆");
    let guide = store.search("bat dau", 10).unwrap();
    let rating = guide
        .iter()
        .find(|r| r.title.starts_with("Bắt đầu với docbao"))
        .map(|r| r.rating);
    assert_eq!(rating, Some(4), "{guide:?}");
    for s in ["one", "two"] {
        tmux.keys(s, &["Q"]);
        tmux.wait_dead(s);
        let status = std::fs::read_to_string(dir.join(s)).unwrap();
        assert_eq!(status.trim(), "0", "{s}");
    }
}
