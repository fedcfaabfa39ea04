//! The cache as a file: creation, migrations, reopening, foreign files, a second writer,
//! and a failure inside save_fetch leaving nothing behind.
use crate::store_support;

use docbao::store::{ArticleQuery, SCHEMA_VERSION, Store, StoreError, Validators};
use rusqlite::Connection;
use std::time::Duration;
use store_support::*;

fn raw(path: &std::path::Path) -> Connection {
    Connection::open(path).expect("second connection")
}

#[test]
fn open_creates_the_directory_and_the_schema_in_wal_mode() {
    let (_dir, path, store) = temp_store();
    assert!(store.created());
    assert!(path.is_file());
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let fts: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts, 1);
}

#[test]
fn an_empty_file_is_migrated_from_version_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.created());
    assert!(store.feeds().unwrap().is_empty());
}

#[test]
fn reopening_keeps_everything() {
    let (_dir, path, mut store) = temp_store();
    let (feed, _) = store
        .add_feed("http://127.0.0.1/rss", None, Some("Tin/Việt Nam"))
        .unwrap();
    let parsed = feed_of(vec![news(
        "a1",
        "Đường sắt tốc độ cao",
        "2025-03-01T08:00:00Z",
        "<p>Dự án lớn</p>",
    )]);
    let etag = Validators {
        etag: Some("W/\"xyz\"".into()),
        last_modified: Some("Sat, 01 Mar 2025 08:00:00 GMT".into()),
    };
    let out = store
        .save_fetch(feed, &parsed, &etag, at("2025-03-01T09:00:00Z"))
        .unwrap();
    store.set_rating(out.new_ids[0], 5).unwrap();
    store.set_read(out.new_ids[0], true).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert!(!store.created());
    let f = store.feed(feed).unwrap();
    assert_eq!(f.title, "Tin tức thử");
    assert_eq!(f.category.as_deref(), Some("Tin/Việt Nam"));
    assert_eq!(f.etag, etag.etag);
    assert_eq!(f.last_modified, etag.last_modified);
    assert_eq!(f.last_refreshed, Some(at("2025-03-01T09:00:00Z")));
    let rows = store.articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].rating, rows[0].read), (5, true));
    assert_eq!(rows[0].published, Some(at("2025-03-01T08:00:00Z")));
    assert_eq!(store.search("duong sat", 10).unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let junk: Vec<u8> = b"# my notes, not a database\n".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).expect_err("must fail");
    let msg = err.to_string();
    assert!(msg.contains("not an SQLite database"), "{msg}");
    assert!(!msg.contains('\n'));
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    raw(&path)
        .execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let err = Store::open(&path).expect_err("must fail");
    assert!(err.to_string().contains("not a docbao cache"), "{err}");
    let kept: String = raw(&path)
        .query_row("SELECT x FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "mine");
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let (_dir, path, store) = temp_store();
    drop(store);
    raw(&path)
        .pragma_update(None, "user_version", SCHEMA_VERSION + 7)
        .unwrap();
    let err = Store::open(&path).expect_err("must fail");
    assert!(err.to_string().contains("newer docbao"), "{err}");
    let version: i64 = raw(&path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 7);
}

#[test]
fn a_second_writer_holding_the_lock_gives_busy() {
    let (_dir, path, mut store) = temp_store();
    let (feed, _) = store.add_feed("http://127.0.0.1/rss", None, None).unwrap();
    let out = store
        .save_fetch(
            feed,
            &feed_of(vec![news("a", "Tin", "2025-01-01T00:00:00Z", "x")]),
            &no_validators(),
            at("2025-01-01T01:00:00Z"),
        )
        .unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();

    let other = raw(&path);
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let parsed = feed_of(vec![news("b", "Tin hai", "2025-01-02T00:00:00Z", "y")]);
    let err = store
        .save_fetch(feed, &parsed, &no_validators(), at("2025-01-02T01:00:00Z"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the cache is busy: another docbao is writing to it"
    );
    assert!(matches!(
        store.set_rating(out.new_ids[0], 3),
        Err(StoreError::Busy)
    ));
    // Reading still works while the other one writes (WAL).
    assert_eq!(store.feeds().unwrap()[0].total, 1);
    other.execute_batch("ROLLBACK").unwrap();

    store
        .save_fetch(feed, &parsed, &no_validators(), at("2025-01-02T01:00:00Z"))
        .unwrap();
    store.set_rating(out.new_ids[0], 3).unwrap();
    assert_eq!(store.feeds().unwrap()[0].total, 2);
}

#[test]
fn a_save_that_fails_midway_leaves_no_validators_and_no_items() {
    let (_dir, path, mut store) = temp_store();
    let (feed, _) = store.add_feed("http://127.0.0.1/rss", None, None).unwrap();
    // Another connection makes the second insert fail, as a full disk or a crash would.
    raw(&path)
        .execute_batch(
            "CREATE TRIGGER fail_on_boom BEFORE INSERT ON articles WHEN new.title = 'boom' \
             BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
        )
        .unwrap();
    let parsed = feed_of(vec![
        news("ok", "Tin đầu", "2025-01-01T00:00:00Z", "x"),
        news("bad", "boom", "2025-01-01T00:00:00Z", "y"),
    ]);
    let validators = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Wed, 01 Jan 2025 00:00:00 GMT".into()),
    };
    let err = store
        .save_fetch(feed, &parsed, &validators, at("2025-01-01T01:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains("simulated failure"), "{err}");
    let f = store.feed(feed).unwrap();
    assert_eq!((f.etag, f.last_modified), (None, None));
    assert_eq!((f.total, f.last_status), (0, None));
    assert!(store.search("tin dau", 5).unwrap().is_empty());

    raw(&path)
        .execute_batch("DROP TRIGGER fail_on_boom")
        .unwrap();
    store
        .save_fetch(feed, &parsed, &validators, at("2025-01-01T01:00:00Z"))
        .unwrap();
    let f = store.feed(feed).unwrap();
    assert_eq!(f.etag, validators.etag);
    assert_eq!(f.last_modified, validators.last_modified);
    assert_eq!(f.total, 2);
}

#[test]
fn damaged_cached_metadata_costs_the_header_not_the_article() {
    let (_dir, path, mut store) = temp_store();
    let (feed, _) = store.add_feed("http://127.0.0.1/rss", None, None).unwrap();
    let id = store
        .save_fetch(
            feed,
            &feed_of(vec![news("a", "Tin", "2025-01-01T00:00:00Z", "x")]),
            &no_validators(),
            at("2025-01-01T01:00:00Z"),
        )
        .unwrap()
        .new_ids[0];
    let extract = docbao::store::StoredExtract {
        html: "<p>Toàn văn</p>".into(),
        meta: Default::default(),
        fetched_at: at("2025-01-01T02:00:00Z"),
    };
    store.save_full_text(id, &extract).unwrap();
    raw(&path)
        .execute(
            "UPDATE articles SET full_meta = '{not json', rating = 99",
            [],
        )
        .expect_err("the rating CHECK holds even for other writers");
    raw(&path)
        .execute("UPDATE articles SET full_meta = '{not json'", [])
        .unwrap();
    let full = store.article(id).unwrap().full.expect("full text kept");
    assert_eq!(full.html, extract.html);
    assert_eq!(full.meta, Default::default());
    assert_eq!(full.fetched_at, extract.fetched_at);
}
