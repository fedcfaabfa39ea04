//! OPML import and export through the binary (issue 7, findings 5 and 6): deep nesting,
//! huge categories, "/" inside a category name, and stray bytes in a UTF-8 file.
use crate::cli_common::Docbao;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn write(d: &Docbao, name: &str, bytes: &[u8]) -> PathBuf {
    let path = d.data_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// (title, category) of each subscription, in the list's order.
fn feeds(d: &Docbao) -> Vec<(String, Option<String>)> {
    let v = d.json(&["feeds", "--json"]);
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["title"].as_str().unwrap().to_owned(),
                f["category"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

const BODY: &str = "<outline text=\"Tin Việt Nam\">\
    <outline text=\"Tuổi Trẻ\" xmlUrl=\"http://127.0.0.1:9/tt.rss\"/>\
    <outline text=\"Thời sự/Chính trị\"><outline text=\"Đời sống\" xmlUrl=\"http://127.0.0.1:9/ds.rss\"/></outline>\
    </outline>";

fn expected() -> Vec<(String, Option<String>)> {
    vec![
        ("Tuổi Trẻ".into(), Some("Tin Việt Nam".into())),
        (
            "Đời sống".into(),
            Some("Tin Việt Nam/Thời sự\\/Chính trị".into()),
        ),
    ]
}

#[test]
fn a_stray_byte_in_a_utf8_file_changes_no_title() {
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">";
    for junk in [
        &b"<!-- ghi ch\xff, l\xffi, x\xff -->"[..],
        b"<!-- \x00\x00\xfe\xff -->",
    ] {
        let d = Docbao::new();
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend_from_slice(junk);
        bytes.extend_from_slice(format!("<body>{BODY}</body></opml>").as_bytes());
        let file = write(&d, "a.opml", &bytes);
        d.ok(&["import", arg(&file)]);
        assert_eq!(feeds(&d), expected(), "{junk:?}");
    }
}

#[test]
fn export_then_import_keeps_a_slash_inside_a_category_name() {
    let a = Docbao::new();
    let file = write(
        &a,
        "a.opml",
        format!("<opml><body>{BODY}</body></opml>").as_bytes(),
    );
    a.ok(&["import", arg(&file)]);
    assert_eq!(feeds(&a), expected());
    let exported = a.data_dir().join("out.opml");
    a.ok(&["export", arg(&exported)]);
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.contains("text=\"Thời sự/Chính trị\""), "{text}");
    let b = Docbao::new();
    b.ok(&["import", arg(&exported)]);
    assert_eq!(feeds(&b), expected());
}

#[test]
fn sixty_thousand_nested_outlines_import_and_export_in_bounds() {
    let d = Docbao::new();
    let levels = 60_000;
    let mut text = String::from("<opml version=\"2.0\"><body>");
    for i in 0..levels {
        text.push_str(&format!("<outline text=\"Mục {i}\">"));
    }
    text.push_str("<outline text=\"Sâu\" xmlUrl=\"http://127.0.0.1:9/deep.rss\"/>");
    text.push_str(&"</outline>".repeat(levels));
    text.push_str("</body></opml>");
    let file = write(&d, "deep.opml", text.as_bytes());
    d.ok(&["import", arg(&file)]);
    let list = feeds(&d);
    let path = list[0].1.clone().unwrap();
    assert_eq!(path.split('/').count(), 16, "{path}");
    assert!(path.ends_with("/Mục 15"), "{path}");
    let out = d.ok(&["export"]);
    assert!(out.len() < 10_000, "{} bytes", out.len());
    assert_eq!(out.matches("</outline>").count(), 16);
}

#[test]
fn a_huge_category_is_stored_once() {
    let d = Docbao::new();
    let name = "Thời sự ".repeat(128 * 1024);
    let mut text = format!("<opml version=\"2.0\"><body><outline text=\"{name}\">");
    for i in 0..300 {
        text.push_str(&format!(
            "<outline text=\"Báo {i}\" xmlUrl=\"http://127.0.0.1:9/{i}.rss\"/>"
        ));
    }
    text.push_str("</outline></body></opml>");
    assert!(text.len() > 1024 * 1024);
    let file = write(&d, "big.opml", text.as_bytes());
    d.ok(&["import", arg(&file)]);
    let size = std::fs::metadata(d.db()).unwrap().len()
        + std::fs::metadata(d.data_dir().join("cache.db-wal")).map_or(0, |m| m.len());
    assert!(size < 2 * 1024 * 1024, "cache {size} bytes");
    let v: Value = d.json(&["feeds", "--json"]);
    let category = v[299]["category"].as_str().unwrap();
    assert!(category.starts_with("Thời sự Thời sự"), "{category}");
    assert!(
        category.chars().count() <= 200,
        "{}",
        category.chars().count()
    );
}
