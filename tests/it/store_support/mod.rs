//! Fixtures shared by the store's integration tests: feeds and items of our own writing.

use chrono::{DateTime, Utc};
use docbao::feed::{ParsedFeed, ParsedItem};
use docbao::store::{Store, Validators};
use std::path::PathBuf;

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("fixture date")
        .with_timezone(&Utc)
}

pub fn item(guid: Option<&str>, url: Option<&str>, title: &str) -> ParsedItem {
    ParsedItem {
        guid: guid.map(str::to_owned),
        url: url.map(str::to_owned),
        title: title.to_owned(),
        ..ParsedItem::default()
    }
}

/// An item with a guid, a URL derived from it, a date and a summary.
pub fn news(guid: &str, title: &str, published: &str, summary: &str) -> ParsedItem {
    ParsedItem {
        guid: Some(guid.to_owned()),
        url: Some(format!("http://127.0.0.1/bai/{guid}")),
        title: title.to_owned(),
        published: Some(at(published)),
        summary: Some(summary.to_owned()),
        ..ParsedItem::default()
    }
}

pub fn feed_of(items: Vec<ParsedItem>) -> ParsedFeed {
    ParsedFeed {
        title: Some("Tin tức thử".to_owned()),
        site_url: Some("http://127.0.0.1/".to_owned()),
        items,
    }
}

pub fn no_validators() -> Validators {
    Validators::default()
}

/// A store on a fresh file in a temp dir (kept alive by the returned guard).
pub fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data").join("cache.db");
    let store = Store::open(&path).expect("open store");
    (dir, path, store)
}
