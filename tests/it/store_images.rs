//! The picture cache: stored once per URL, linked to articles, kept within its budget (least
//! recently shown out first, rated articles' pictures never), gone with their last article.
use crate::store_support::*;
use chrono::Duration;
use docbao::feed::ArticleId;
use docbao::store::images::CachedImage;
use docbao::store::{ArticleQuery, Store};

fn pic(size: usize) -> CachedImage {
    CachedImage {
        bytes: vec![7; size],
        width: 10,
        height: 10,
    }
}

/// Three articles of one feed; returns their ids, oldest first.
fn three(store: &mut Store) -> Vec<ArticleId> {
    let (feed, _) = store
        .add_feed("http://127.0.0.1/anh.xml", Some("Ảnh"), None)
        .unwrap();
    let items = vec![
        news("a", "Cầu mới", "2026-01-01T08:00:00Z", "Một"),
        news("b", "Chợ hoa", "2026-01-02T08:00:00Z", "Hai"),
        news("c", "Phố cổ", "2026-01-03T08:00:00Z", "Ba"),
    ];
    store
        .save_fetch(
            feed,
            &feed_of(items),
            &no_validators(),
            at("2026-01-04T00:00:00Z"),
        )
        .unwrap();
    let mut ids: Vec<_> = store
        .articles(&ArticleQuery::default())
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn least_recently_shown_go_first_and_rated_articles_keep_theirs() {
    let (_dir, _path, mut store) = temp_store();
    let ids = three(&mut store);
    let t0 = at("2026-02-01T00:00:00Z");
    let budget = 3_000;
    store.set_rating(ids[0], 4).unwrap();
    store
        .save_image(ids[0], "http://127.0.0.1/rated.jpg", &pic(1000), budget, t0)
        .unwrap();
    store
        .save_image(
            ids[1],
            "http://127.0.0.1/old.jpg",
            &pic(1000),
            budget,
            t0 + Duration::seconds(1),
        )
        .unwrap();
    store
        .save_image(
            ids[2],
            "http://127.0.0.1/seen.jpg",
            &pic(400),
            budget,
            t0 + Duration::seconds(2),
        )
        .unwrap();
    // Shown again: now the most recent.
    store
        .touch_images(
            &["http://127.0.0.1/old.jpg".to_owned()],
            t0 + Duration::seconds(3),
        )
        .unwrap();
    // 1000 + 1000 + 400 + 1000 > 3000: one must go, and it is "seen" (least recently
    // shown, unrated), not the rated one even though that one is older.
    let evicted = store
        .save_image(
            ids[2],
            "http://127.0.0.1/new.jpg",
            &pic(1000),
            budget,
            t0 + Duration::seconds(4),
        )
        .unwrap();
    assert_eq!(evicted, 1);
    let urls: Vec<String> = ["rated", "old", "seen", "new"]
        .iter()
        .map(|n| format!("http://127.0.0.1/{n}.jpg"))
        .collect();
    let cached = store.cached_images(&urls).unwrap();
    assert!(cached.contains(&urls[0]) && cached.contains(&urls[1]) && cached.contains(&urls[3]));
    assert!(!cached.contains(&urls[2]));
    assert!(store.image_cache_bytes().unwrap() <= budget);
    assert_eq!(store.image(&urls[3]).unwrap(), Some(pic(1000)));
}

#[test]
fn a_picture_leaves_with_its_last_article() {
    let (_dir, _path, mut store) = temp_store();
    let ids = three(&mut store);
    let now = at("2026-02-01T00:00:00Z");
    let shared = "http://127.0.0.1/chung.jpg";
    store
        .save_image(ids[0], shared, &pic(10), u64::MAX, now)
        .unwrap();
    store
        .save_image(ids[1], shared, &pic(10), u64::MAX, now)
        .unwrap();
    store
        .save_image(
            ids[1],
            "http://127.0.0.1/rieng.jpg",
            &pic(10),
            u64::MAX,
            now,
        )
        .unwrap();
    // Stored once for two articles.
    assert_eq!(store.image_cache_bytes().unwrap(), 20);
    // Retention deletes read, unrated, old articles: the first two.
    store.set_read(ids[0], true).unwrap();
    store.set_read(ids[1], true).unwrap();
    store.set_read(ids[2], true).unwrap();
    store.set_rating(ids[2], 3).unwrap();
    let pruned = store.prune(1, at("2026-03-01T00:00:00Z")).unwrap();
    assert_eq!(pruned, 2);
    assert_eq!(store.image_cache_bytes().unwrap(), 0);
    assert!(store.image(shared).unwrap().is_none());
}

#[test]
fn a_picture_for_an_unknown_article_is_refused() {
    let (_dir, _path, mut store) = temp_store();
    let err = store
        .save_image(
            ArticleId(999),
            "http://127.0.0.1/x.jpg",
            &pic(10),
            100,
            at("2026-02-01T00:00:00Z"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("999"), "{err}");
    assert_eq!(store.image_cache_bytes().unwrap(), 0);
}

#[test]
fn unsubscribing_removes_the_feeds_pictures() {
    let (_dir, _path, mut store) = temp_store();
    let ids = three(&mut store);
    store
        .save_image(
            ids[0],
            "http://127.0.0.1/a.jpg",
            &pic(10),
            u64::MAX,
            at("2026-02-01T00:00:00Z"),
        )
        .unwrap();
    let feed = store.feeds().unwrap()[0].id;
    store.remove_feed(feed).unwrap();
    assert_eq!(store.image_cache_bytes().unwrap(), 0);
}
