//! What the cache keeps: deduplication, the user's state across refetches, refresh results,
//! retention, listing and counts.
use crate::store_support;

use docbao::feed::{FeedId, ParsedItem};
use docbao::store::{ArticleQuery, ArticleSort, Store, StoreError, Validators};
use store_support::*;

fn subscribed(url: &str) -> (tempfile::TempDir, Store, FeedId) {
    let (dir, _path, mut store) = temp_store();
    let (id, new) = store.add_feed(url, None, None).unwrap();
    assert!(new);
    (dir, store, id)
}

#[test]
fn items_dedup_by_guid_then_url_then_title_and_date() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/rss");
    let now = at("2025-02-01T00:00:00Z");
    let first = feed_of(vec![
        item(Some("g1"), Some("http://127.0.0.1/1"), "Một"),
        item(None, Some("http://127.0.0.1/2"), "Hai"),
        item(None, None, "Ba"),
        item(None, None, "Bốn"),
    ]);
    let out = store
        .save_fetch(feed, &first, &no_validators(), now)
        .unwrap();
    assert_eq!(out.new_ids.len(), 4);
    assert_eq!(out.updated, 0);

    let second = feed_of(vec![
        // Same guid, new URL and title: the same article, updated.
        item(Some("g1"), Some("http://127.0.0.1/1-moved"), "Một (sửa)"),
        // Same URL, no guid: the same article.
        item(None, Some("http://127.0.0.1/2"), "Hai"),
        // Same title and date: the same article.
        item(None, None, "Ba"),
        // Same title, but now dated: another article.
        ParsedItem {
            published: Some(at("2025-01-31T00:00:00Z")),
            ..item(None, None, "Bốn")
        },
    ]);
    let out = store
        .save_fetch(feed, &second, &no_validators(), now)
        .unwrap();
    assert_eq!(out.new_ids.len(), 1);
    assert_eq!(out.updated, 1);
    let rows = store.articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), 5);
    let one = rows.iter().find(|r| r.title.starts_with("Một")).unwrap();
    assert_eq!(one.title, "Một (sửa)");
    assert_eq!(one.url.as_deref(), Some("http://127.0.0.1/1-moved"));
}

#[test]
fn new_ids_come_in_feed_order_and_duplicates_in_one_fetch_count_once() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/rss");
    let parsed = feed_of(vec![
        item(Some("c"), None, "C"),
        item(Some("a"), None, "A"),
        item(Some("c"), None, "C again"),
        item(Some("b"), None, "B"),
    ]);
    let out = store
        .save_fetch(feed, &parsed, &no_validators(), at("2025-01-01T00:00:00Z"))
        .unwrap();
    assert_eq!(out.updated, 0, "new this time, so not counted as updated");
    let titles: Vec<String> = out
        .new_ids
        .iter()
        .map(|id| store.article(*id).unwrap().row.title)
        .collect();
    assert_eq!(titles, ["C again", "A", "B"]);
}

#[test]
fn a_refetch_updates_the_text_but_never_read_state_or_rating() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/rss");
    let v1 = news("x", "Giá vàng", "2025-01-01T07:00:00Z", "<p>tăng</p>");
    let out = store
        .save_fetch(
            feed,
            &feed_of(vec![v1.clone()]),
            &no_validators(),
            at("2025-01-01T08:00:00Z"),
        )
        .unwrap();
    let id = out.new_ids[0];
    store.set_read(id, true).unwrap();
    store.set_rating(id, 4).unwrap();

    let v2 = ParsedItem {
        title: "Giá vàng giảm".into(),
        summary: Some("<p>giảm mạnh</p>".into()),
        author: Some("Phóng viên".into()),
        published: Some(at("2025-01-01T07:30:00Z")),
        ..v1
    };
    let out = store
        .save_fetch(
            feed,
            &feed_of(vec![v2]),
            &no_validators(),
            at("2025-01-01T09:00:00Z"),
        )
        .unwrap();
    assert_eq!((out.new_ids.len(), out.updated), (0, 1));
    let d = store.article(id).unwrap();
    assert_eq!(d.row.title, "Giá vàng giảm");
    assert_eq!(d.summary.as_deref(), Some("<p>giảm mạnh</p>"));
    assert_eq!(d.author.as_deref(), Some("Phóng viên"));
    assert_eq!(d.row.published, Some(at("2025-01-01T07:30:00Z")));
    assert!(d.row.read);
    assert_eq!(d.row.rating, 4);
    // The index follows the new text.
    assert_eq!(store.search("giam manh", 5).unwrap().len(), 1);
    assert!(store.search("tang", 5).unwrap().is_empty());
    // An unchanged refetch changes nothing.
    let again = store.article(id).unwrap();
    let out = store
        .save_fetch(
            feed,
            &feed_of(vec![ParsedItem {
                title: again.row.title.clone(),
                summary: again.summary.clone(),
                author: again.author.clone(),
                ..news("x", "", "2025-01-01T07:30:00Z", "")
            }]),
            &no_validators(),
            at("2025-01-01T10:00:00Z"),
        )
        .unwrap();
    assert_eq!((out.new_ids.len(), out.updated), (0, 0));
}

#[test]
fn refresh_results_touch_only_what_they_should() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/rss");
    let v = Validators {
        etag: Some("\"e-1\"".into()),
        last_modified: None,
    };
    store
        .save_fetch(
            feed,
            &feed_of(vec![news("a", "A", "2025-01-01T00:00:00Z", "")]),
            &v,
            at("2025-01-01T01:00:00Z"),
        )
        .unwrap();
    let f = store.feed(feed).unwrap();
    assert_eq!(f.last_status.as_deref(), Some("ok"));

    store
        .record_failure(
            feed,
            "HTTP 503",
            Some(at("2025-01-01T03:00:00Z")),
            at("2025-01-01T02:00:00Z"),
        )
        .unwrap();
    let f = store.feed(feed).unwrap();
    assert_eq!(f.last_status.as_deref(), Some("HTTP 503"));
    assert_eq!(f.last_refreshed, Some(at("2025-01-01T02:00:00Z")));
    assert_eq!(f.retry_until, Some(at("2025-01-01T03:00:00Z")));
    assert_eq!(f.etag, v.etag);
    assert_eq!(f.total, 1);

    store
        .record_not_modified(feed, at("2025-01-01T04:00:00Z"))
        .unwrap();
    let f = store.feed(feed).unwrap();
    assert_eq!(f.last_status.as_deref(), Some("not modified"));
    assert_eq!(f.last_refreshed, Some(at("2025-01-01T04:00:00Z")));
    assert_eq!(f.etag, v.etag);

    // A new fetch without validators stores none: exactly as received.
    store
        .save_fetch(
            feed,
            &feed_of(vec![]),
            &no_validators(),
            at("2025-01-01T05:00:00Z"),
        )
        .unwrap();
    let f = store.feed(feed).unwrap();
    assert_eq!((f.etag, f.retry_until), (None, None));
    assert_eq!(f.last_status.as_deref(), Some("ok"));

    let gone = FeedId(9999);
    assert!(
        matches!(store.record_not_modified(gone, at("2025-01-01T00:00:00Z")), Err(StoreError::NoSuchFeed(s)) if s == "9999")
    );
    assert!(matches!(
        store.save_fetch(
            gone,
            &feed_of(vec![]),
            &no_validators(),
            at("2025-01-01T00:00:00Z")
        ),
        Err(StoreError::NoSuchFeed(_))
    ));
}

#[test]
fn retention_never_removes_the_bundled_guide() {
    let (_d, mut store, guide) = subscribed(docbao::assets::GUIDE_URL);
    let parsed = feed_of(vec![news("g1", "Hướng dẫn", "2024-06-01T00:00:00Z", "")]);
    let ids = store
        .save_fetch(guide, &parsed, &no_validators(), at("2025-01-01T00:00:00Z"))
        .unwrap()
        .new_ids;
    store.set_read(ids[0], true).unwrap();
    assert_eq!(store.prune(1, at("2026-01-01T00:00:00Z")).unwrap(), 0);
    assert_eq!(store.feed(guide).unwrap().total, 1);
}

#[test]
fn retention_keeps_unread_and_rated_articles() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/rss");
    let seen = at("2025-01-01T00:00:00Z");
    let parsed = feed_of(vec![
        news("old-read", "Cũ đã đọc", "2024-06-01T00:00:00Z", ""),
        news("old-unread", "Cũ chưa đọc", "2024-06-01T00:00:00Z", ""),
        news("old-rated", "Cũ có sao", "2024-06-01T00:00:00Z", ""),
        news("new-read", "Mới đã đọc", "2024-12-30T00:00:00Z", ""),
        // No date: its age is when it was first seen.
        item(Some("undated-read"), None, "Không ngày"),
    ]);
    let ids = store
        .save_fetch(feed, &parsed, &no_validators(), seen)
        .unwrap()
        .new_ids;
    for &i in &[0, 2, 3, 4] {
        store.set_read(ids[i], true).unwrap();
    }
    store.set_rating(ids[2], 1).unwrap();

    assert_eq!(store.prune(90, seen).unwrap(), 1);
    let left: Vec<String> = store
        .articles(&ArticleQuery::default())
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(left.len(), 4);
    assert!(!left.contains(&"Cũ đã đọc".to_string()));
    assert!(store.search("cu da doc", 5).unwrap().is_empty());

    // Much later the undated one goes too, the unread and rated ones never.
    assert_eq!(store.prune(90, at("2026-01-01T00:00:00Z")).unwrap(), 2);
    assert_eq!(store.feed(feed).unwrap().total, 2);

    // The feed still lists the pruned items: they do not come back as news.
    let out = store
        .save_fetch(feed, &parsed, &no_validators(), at("2026-01-01T01:00:00Z"))
        .unwrap();
    assert!(out.new_ids.is_empty(), "{:?}", out.new_ids);
    // Once the feed drops an item, seeing it again later is news again.
    store
        .save_fetch(
            feed,
            &feed_of(vec![]),
            &no_validators(),
            at("2026-01-02T00:00:00Z"),
        )
        .unwrap();
    let out = store
        .save_fetch(feed, &parsed, &no_validators(), at("2026-01-03T00:00:00Z"))
        .unwrap();
    assert_eq!(out.new_ids.len(), 3);
}

#[test]
fn listing_orders_and_filters() {
    let (_d, mut store, a) = subscribed("http://127.0.0.1/a");
    let (b, _) = store
        .add_feed("http://127.0.0.1/b", Some("Báo B"), None)
        .unwrap();
    let now = at("2025-05-01T00:00:00Z");
    let ia = store
        .save_fetch(
            a,
            &feed_of(vec![
                news("a1", "A1", "2025-04-01T00:00:00Z", ""),
                news("a2", "A2", "2025-04-03T00:00:00Z", ""),
                item(Some("a3"), None, "A3 undated"),
            ]),
            &no_validators(),
            now,
        )
        .unwrap()
        .new_ids;
    let ib = store
        .save_fetch(
            b,
            &feed_of(vec![news("b1", "B1", "2025-04-02T00:00:00Z", "")]),
            &no_validators(),
            now,
        )
        .unwrap()
        .new_ids;
    let titles = |store: &Store, q: &ArticleQuery| -> Vec<String> {
        store
            .articles(q)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    assert_eq!(
        titles(&store, &ArticleQuery::default()),
        ["A3 undated", "A2", "B1", "A1"]
    );
    let limited = ArticleQuery {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(titles(&store, &limited), ["A3 undated", "A2"]);
    let only_b = ArticleQuery {
        feed: Some(b),
        ..Default::default()
    };
    let rows = store.articles(&only_b).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].feed_title, "Báo B");
    assert_eq!(rows[0].feed_id, b);

    store.set_read(ia[2], true).unwrap();
    store.set_rating(ia[0], 5).unwrap();
    store.set_rating(ib[0], 3).unwrap();
    let unread = ArticleQuery {
        unread_only: true,
        ..Default::default()
    };
    assert_eq!(titles(&store, &unread), ["A2", "B1", "A1"]);
    let rated = ArticleQuery {
        min_rating: 3,
        ..Default::default()
    };
    assert_eq!(titles(&store, &rated), ["B1", "A1"]);
    let best = ArticleQuery {
        sort: ArticleSort::HighestRated,
        ..Default::default()
    };
    assert_eq!(titles(&store, &best), ["A1", "B1", "A3 undated", "A2"]);
}

#[test]
fn feeds_have_counts_and_keep_their_order() {
    let (_d, mut store, a) = subscribed("http://127.0.0.1/a");
    let (b, _) = store
        .add_feed("http://127.0.0.1/b", Some("Thời sự"), None)
        .unwrap();
    let (c, _) = store.add_feed("http://127.0.0.1/c", None, None).unwrap();
    assert_eq!(
        store
            .add_feed("http://127.0.0.1/a", Some("x"), None)
            .unwrap(),
        (a, false)
    );
    let now = at("2025-01-01T00:00:00Z");
    let ids = store
        .save_fetch(
            b,
            &feed_of(vec![
                item(Some("1"), None, "1"),
                item(Some("2"), None, "2"),
                item(Some("3"), None, "3"),
            ]),
            &no_validators(),
            now,
        )
        .unwrap()
        .new_ids;
    store.set_read(ids[1], true).unwrap();
    let rows = store.feeds().unwrap();
    let summary: Vec<(FeedId, &str, i64, i64)> = rows
        .iter()
        .map(|f| (f.id, f.title.as_str(), f.unread, f.total))
        .collect();
    assert_eq!(
        summary,
        [
            (a, "http://127.0.0.1/a", 0, 0),
            // A title given at subscription wins over the feed's own.
            (b, "Thời sự", 2, 3),
            (c, "http://127.0.0.1/c", 0, 0),
        ]
    );
    assert_eq!(store.feed(b).unwrap(), rows[1]);

    store.remove_feed(b).unwrap();
    assert_eq!(store.feeds().unwrap().len(), 2);
    assert!(matches!(
        store.article(ids[0]),
        Err(StoreError::NoSuchArticle(_))
    ));
    assert!(store.search("1", 5).unwrap().is_empty());
    assert!(matches!(
        store.remove_feed(b),
        Err(StoreError::NoSuchFeed(_))
    ));
}

#[test]
fn feeds_are_found_by_id_url_title_or_folded_title() {
    let (_d, mut store, a) = subscribed("http://127.0.0.1/a");
    let (b, _) = store
        .add_feed("http://127.0.0.1/b", Some("VnExpress - Thời sự"), None)
        .unwrap();
    let (c, _) = store
        .add_feed("http://127.0.0.1/c", Some("42"), None)
        .unwrap();
    let found = |spec: &str| store.find_feed(spec).map(|f| f.id);
    assert_eq!(found(&b.0.to_string()).unwrap(), b);
    assert_eq!(found("http://127.0.0.1/a").unwrap(), a);
    assert_eq!(found("VnExpress - Thời sự").unwrap(), b);
    assert_eq!(found("vnexpress - THOI SU").unwrap(), b);
    // A number that is no id can still be a title.
    assert_eq!(found("42").unwrap(), c);
    match store.find_feed("Tuổi Trẻ") {
        Err(e @ StoreError::NoSuchFeed(_)) => assert_eq!(e.to_string(), "no such feed: Tuổi Trẻ"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ratings_are_checked_and_ids_must_exist() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/a");
    let id = store
        .save_fetch(
            feed,
            &feed_of(vec![item(Some("1"), None, "t")]),
            &no_validators(),
            at("2025-01-01T00:00:00Z"),
        )
        .unwrap()
        .new_ids[0];
    let err = store.set_rating(id, 6).unwrap_err();
    assert!(matches!(err, StoreError::Other(_)));
    assert!(err.to_string().contains("0 to 5"), "{err}");
    store.set_rating(id, 5).unwrap();
    store.set_rating(id, 0).unwrap();
    assert_eq!(store.article(id).unwrap().row.rating, 0);
    let missing = docbao::feed::ArticleId(id.0 + 100);
    assert!(matches!(
        store.set_rating(missing, 1),
        Err(StoreError::NoSuchArticle(_))
    ));
    assert!(matches!(
        store.set_read(missing, true),
        Err(StoreError::NoSuchArticle(_))
    ));
    assert!(matches!(
        store.article(missing),
        Err(StoreError::NoSuchArticle(_))
    ));
}

#[test]
fn odd_arguments_are_handled_without_panics() {
    let (_d, mut store, feed) = subscribed("http://127.0.0.1/a");
    let now = at("2025-01-01T00:00:00Z");
    let id = store
        .save_fetch(
            feed,
            &feed_of(vec![item(Some("1"), None, "Một")]),
            &no_validators(),
            now,
        )
        .unwrap()
        .new_ids[0];
    store.set_read(id, true).unwrap();
    assert_eq!(store.prune(u32::MAX, now).unwrap(), 0);
    assert!(store.search("mot", 0).unwrap().is_empty());
    let none = ArticleQuery {
        limit: Some(0),
        ..Default::default()
    };
    assert!(store.articles(&none).unwrap().is_empty());
    assert!(store.missing_full_text(&[]).unwrap().is_empty());
    let missing = docbao::feed::ArticleId(id.0 + 1);
    let extract = docbao::store::StoredExtract {
        html: String::new(),
        meta: Default::default(),
        fetched_at: now,
    };
    assert!(matches!(
        store.save_full_text(missing, &extract),
        Err(StoreError::NoSuchArticle(_))
    ));
    // keep_days 0: everything read and unrated from before now goes.
    assert_eq!(store.prune(0, at("2025-01-02T00:00:00Z")).unwrap(), 1);
}
