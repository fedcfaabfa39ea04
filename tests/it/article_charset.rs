//! Pages in every charset a Vietnamese site has used, read through `docbao read` (local files
//! and pages served from 127.0.0.1): windows-1258, TCVN3 served as latin-1, VISCII, VNI,
//! UTF-8 declared as something else. The text comes out as NFC Vietnamese.
use crate::support;

use docbao::text::legacy::Legacy;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use support::{Response, Server};
use unicode_normalization::UnicodeNormalization;

const TITLE: &str = "Đường sắt tốc độ cao Bắc Nam được trình Quốc hội";
const BODY: &str = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, trình Quốc hội \
    xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam. \
    Theo tờ trình, tuyến đường dài hơn một nghìn năm trăm cây số, đi qua hai mươi tỉnh thành, \
    tốc độ thiết kế ba trăm năm mươi cây số mỗi giờ và dự kiến khởi công trong năm tới.";

/// The page, with `head` (a charset declaration or nothing) and the text to be encoded.
fn page(head: &str) -> (String, String) {
    let before = format!("<!DOCTYPE html><html lang=\"vi\"><head>{head}<title>");
    let text = format!(
        "{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    );
    (before, text)
}

/// Vietnamese as windows-1258 writes it: base letters (with circumflex, breve, horn) plus
/// a separate combining tone mark.
fn cp1258(s: &str) -> Vec<u8> {
    let mut form = String::new();
    for c in s.chars() {
        let (tones, rest): (Vec<char>, Vec<char>) = std::iter::once(c)
            .nfd()
            .partition(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'));
        form.extend(rest.into_iter().collect::<String>().nfc());
        form.extend(tones);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&form);
    assert!(!unmappable, "not encodable: {s}");
    bytes.into_owned()
}

fn read_json(data: &Path, target: &str) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_docbao"))
        .arg("--data-dir")
        .arg(data)
        .args([
            "read",
            target,
            "--json",
            "--url",
            "https://baomau.vn/duong-sat.html",
        ])
        .env("DOCBAO_NO_DEFAULTS", "1")
        .output()
        .expect("run docbao");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[track_caller]
fn check(v: &Value) {
    assert_eq!(v["title"], TITLE, "{v}");
    let text = v["text"].as_str().unwrap();
    assert!(text.contains(BODY), "{text}");
    assert_eq!(text, text.nfc().collect::<String>(), "not NFC");
}

fn file_with(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn windows_1258_declared_in_meta() {
    let dir = tempfile::tempdir().unwrap();
    let (head, text) =
        page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">");
    let mut bytes = head.into_bytes();
    bytes.extend(cp1258(&text));
    check(&read_json(
        dir.path(),
        &file_with(dir.path(), "cp1258.html", &bytes),
    ));
}

#[test]
fn viscii_declared_in_meta() {
    let dir = tempfile::tempdir().unwrap();
    let (head, text) = page("<meta charset=\"viscii\">");
    let mut bytes = head.into_bytes();
    bytes.extend(Legacy::Viscii.encode(&text));
    check(&read_json(
        dir.path(),
        &file_with(dir.path(), "viscii.html", &bytes),
    ));
}

#[test]
fn utf8_declared_as_windows_1252() {
    let dir = tempfile::tempdir().unwrap();
    let (head, text) = page("<meta charset=\"windows-1252\">");
    let bytes = format!("{head}{text}").into_bytes();
    check(&read_json(
        dir.path(),
        &file_with(dir.path(), "mislabelled.html", &bytes),
    ));
}

#[test]
fn tcvn3_and_vni_served_as_latin1() {
    let server = Server::start_background();
    for (path, cs) in [("/tcvn3.html", Legacy::Tcvn3), ("/vni.html", Legacy::Vni)] {
        let (head, text) = page("");
        let mut bytes = head.into_bytes();
        bytes.extend(cs.encode(&text));
        server.route(path, Response::ok(bytes, "text/html; charset=iso-8859-1"));
    }
    let dir = tempfile::tempdir().unwrap();
    for path in ["/tcvn3.html", "/vni.html"] {
        let v = read_json(dir.path(), &server.url(path));
        check(&v);
    }
}
