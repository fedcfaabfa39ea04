//! The reader's side trips as the runner does them: the OSC 52 bytes, saving to a file
//! (the same Markdown as `docbao read --format md`, never over a file silently), and pages
//! followed from an article, fetched from 127.0.0.1 and kept for the session.
use crate::cli_common::Docbao;
use crate::support::{Response, Server};

use docbao::app::save::{SaveJob, SaveResult};
use docbao::i18n::Lang;
use docbao::runtime::clipboard::{MAX_COPY, osc52};
use docbao::runtime::pages;

const PAGE: &str = "<html><head><title>Mưa lớn ở miền Trung</title></head><body><article>\
    <h1>Mưa lớn ở miền Trung</h1>\
    <p>Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến đường ở các tỉnh miền Trung ngập sâu, \
    người dân được khuyến cáo hạn chế ra đường và theo dõi bản tin thời tiết.</p>\
    <p>Chính quyền địa phương đã chuẩn bị phương án sơ tán, lực lượng cứu hộ túc trực \
    ở những nơi xung yếu; xem thêm <a href=\"https://example.vn/canh-bao\">cảnh báo lũ</a>.</p>\
    </article></body></html>";

#[test]
fn osc52_bytes_plain_and_through_tmux() {
    assert_eq!(
        osc52("https://vnexpress.net/a", false),
        b"\x1b]52;c;aHR0cHM6Ly92bmV4cHJlc3MubmV0L2E=\x07".to_vec()
    );
    // Vietnamese: the UTF-8 bytes, base64.
    assert_eq!(osc52("Việt", false), b"\x1b]52;c;Vmnhu4d0\x07".to_vec());
    // tmux: the plain sequence (set-clipboard on), then the passthrough with ESC doubled.
    assert_eq!(
        osc52("ab", true),
        b"\x1b]52;c;YWI=\x07\x1bPtmux;\x1b\x1b]52;c;YWI=\x07\x1b\\".to_vec()
    );
    // Long text is cut on a character boundary, at the cap.
    let long = "đ".repeat(MAX_COPY);
    let seq = osc52(&long, false);
    assert!(seq.len() <= MAX_COPY / 3 * 4 + 16);
    assert!(seq.ends_with(b"\x07"));
}

fn job(dir: &std::path::Path, name: &str, overwrite: bool) -> SaveJob {
    let ex = docbao::article::extract(PAGE, None).unwrap();
    SaveJob {
        path: dir.join(name).to_string_lossy().into_owned(),
        overwrite,
        html: ex.html,
        meta: ex.meta,
        source: None,
        notice: None,
    }
}

#[test]
fn saving_writes_what_read_format_md_prints_and_keeps_existing_files() {
    let d = Docbao::new();
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("trang.html");
    std::fs::write(&html, PAGE).unwrap();
    let expected = d.ok(&["read", html.to_str().unwrap(), "--format", "md"]);
    let j = job(dir.path(), "bai.md", false);
    assert!(matches!(pages::save(&j, Lang::En), SaveResult::Saved(_)));
    let written = std::fs::read_to_string(dir.path().join("bai.md")).unwrap();
    assert_eq!(written, expected);
    assert!(written.starts_with("# Mưa lớn ở miền Trung"));
    assert!(written.contains("[1]: <https://example.vn/canh-bao>"));
    // Plain text for any other name: what `docbao read --width 0` prints.
    let plain = d.ok(&["read", html.to_str().unwrap(), "--width", "0"]);
    let j = job(dir.path(), "bai.txt", false);
    assert!(matches!(pages::save(&j, Lang::En), SaveResult::Saved(_)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bai.txt")).unwrap(),
        plain
    );
    // A file already there is left as it was, until the user says yes.
    std::fs::write(dir.path().join("cu.md"), "của tôi").unwrap();
    let j = job(dir.path(), "cu.md", false);
    assert_eq!(
        pages::save(&j, Lang::En),
        SaveResult::Exists(j.path.clone())
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cu.md")).unwrap(),
        "của tôi"
    );
    let j = job(dir.path(), "cu.md", true);
    assert!(matches!(pages::save(&j, Lang::En), SaveResult::Saved(_)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cu.md")).unwrap(),
        expected
    );
    // A directory that does not exist: one line saying so.
    let j = job(dir.path(), "khong-co/bai.md", false);
    match pages::save(&j, Lang::En) {
        SaveResult::Failed(e) => assert!(e.contains("khong-co"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn followed_pages_are_extracted_and_kept_for_the_session() {
    let server = Server::start_background();
    server.route(
        "/trang.html",
        Response::ok(PAGE, "text/html; charset=utf-8"),
    );
    server.route(
        "/anh.png",
        Response::ok(&b"\x89PNG\r\n\x1a\n"[..], "image/png"),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = docbao::net::Client::new(&docbao::net::NetConfig::default()).unwrap();
    let cache = pages::PageCache::default();
    let url = server.url("/trang.html");
    let (ex, minutes) = rt
        .block_on(pages::fetch(
            Some(client.clone()),
            cache.clone(),
            url.clone(),
        ))
        .unwrap();
    assert!(ex.html.contains("xung yếu"));
    assert_eq!(ex.meta.title.as_deref(), Some("Mưa lớn ở miền Trung"));
    assert_eq!(minutes, 1);
    // Again: from the session's cache, no second request; offline too.
    let again = rt.block_on(pages::fetch(None, cache.clone(), url.clone()));
    assert!(again.is_ok());
    assert_eq!(server.requests_to("/trang.html").len(), 1);
    // Not a page: the reason, as a problem to show.
    let png = rt.block_on(pages::fetch(Some(client), cache, server.url("/anh.png")));
    assert!(png.is_err());
}
