//! Issue 10 in the store: bulk read marks (and their undo), arrival rules applied to new
//! articles only, hidden articles out of lists and counts, saved searches and their counts,
//! and reading time following the text cached.
use crate::store_support;

use docbao::arrival::{Arrival, RuleSpec, Rules};
use docbao::feed::{ArticleId, FeedId, ParsedItem};
use docbao::store::{
    ArticleQuery, PreparedFeed, SavedSearch, Selection, Store, StoreError, StoredExtract,
};
use store_support::*;

fn stored(
    store: &mut Store,
    url: &str,
    items: Vec<ParsedItem>,
    arrival: &Arrival,
) -> (FeedId, Vec<ArticleId>) {
    let (feed, _) = store.add_feed(url, Some("Báo thử"), None).unwrap();
    let prepared = PreparedFeed::with_arrival(feed_of(items), "Báo thử", url, arrival);
    let now = at("2026-11-02T12:00:00Z");
    let ids = store
        .save_prepared(feed, prepared, &no_validators(), now)
        .unwrap()
        .new_ids;
    (feed, ids)
}

fn five(prefix: &str) -> Vec<ParsedItem> {
    (0..5)
        .map(|i| {
            news(
                &format!("{prefix}{i}"),
                &format!("Tin {prefix} số {i} về đường sắt"),
                &format!("2026-11-0{}T08:00:00Z", i + 1),
                "Một đoạn tóm tắt ngắn.",
            )
        })
        .collect()
}

fn unread(store: &Store) -> Vec<i64> {
    let q = ArticleQuery {
        unread_only: true,
        ..Default::default()
    };
    store.articles(&q).unwrap().iter().map(|a| a.id.0).collect()
}

#[test]
fn bulk_marks_change_only_what_they_cover_and_undo_exactly() {
    let (_dir, _path, mut store) = temp_store();
    let none = Arrival::default();
    let (a, a_ids) = stored(&mut store, "http://127.0.0.1/a.xml", five("a"), &none);
    let (_b, b_ids) = stored(&mut store, "http://127.0.0.1/b.xml", five("b"), &none);
    store.set_rating(a_ids[0], 4).unwrap();
    store.set_read(a_ids[1], true).unwrap();

    // A feed: the four unread of a change; the one already read is not "changed".
    let changed = store.mark(&Selection::Feed(a), true).unwrap();
    let expected: Vec<ArticleId> = [0, 2, 3, 4].iter().map(|&i| a_ids[i]).collect();
    assert_eq!(changed, expected);
    assert_eq!(
        store.article(a_ids[0]).unwrap().row.rating,
        4,
        "ratings untouched"
    );
    assert_eq!(unread(&store).len(), 5);

    // Undo: exactly those back to unread; a_ids[1] stays read as the user left it.
    let undone = store.mark(&Selection::Ids(changed.clone()), false).unwrap();
    assert_eq!(undone, changed);
    assert!(store.article(a_ids[1]).unwrap().row.read);
    assert_eq!(unread(&store).len(), 9);

    // Before a moment: the items dated 1 and 2 November, of both feeds.
    let before = store
        .mark(&Selection::Before(at("2026-11-03T00:00:00Z")), true)
        .unwrap();
    assert_eq!(before, vec![a_ids[0], b_ids[0], b_ids[1]]);

    let all = store.mark(&Selection::All, true).unwrap();
    assert_eq!(all.len(), 6);
    assert!(unread(&store).is_empty());
    assert!(store.mark(&Selection::All, true).unwrap().is_empty());
    let again = store.mark(&Selection::All, false).unwrap();
    assert_eq!(again.len(), 10);
    assert_eq!(store.article(a_ids[0]).unwrap().row.rating, 4);

    assert!(matches!(
        store.mark(&Selection::Feed(FeedId(999)), true),
        Err(StoreError::NoSuchFeed(_))
    ));
    // Many ids at once: more than one statement's worth, unknown ids ignored.
    let mut many: Vec<ArticleId> = (0..1200).map(ArticleId).collect();
    many.extend(b_ids.iter().copied());
    assert_eq!(store.mark(&Selection::Ids(many), true).unwrap().len(), 10);
}

fn by_id(store: &Store, id: ArticleId) -> docbao::store::ArticleRow {
    store.article(id).unwrap().row
}

fn rules(text: &str) -> Arrival {
    #[derive(serde::Deserialize)]
    struct File {
        rules: Vec<RuleSpec>,
    }
    let file: File = toml::from_str(text).unwrap();
    Arrival {
        rules: Rules::compile(&file.rules).unwrap(),
        group_stories: false,
    }
}

#[test]
fn arrival_rules_apply_to_new_articles_only_and_hidden_ones_leave_lists_and_counts() {
    let (_dir, _path, mut store) = temp_store();
    let arrival = rules(
        "[[rules]]\ntitle = \"so 1\"\naction = \"hide\"\n\
         [[rules]]\ntitle = \"so 2\"\naction = \"read\"\n\
         [[rules]]\ntitle_regex = \"số [34]\"\naction = \"rate 2\"\n",
    );
    let (feed, ids) = stored(&mut store, "http://127.0.0.1/a.xml", five("a"), &arrival);
    let hidden = ids[1];
    let rows = store.articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.id != hidden));
    assert!(by_id(&store, ids[2]).read && !by_id(&store, ids[0]).read);
    assert_eq!(
        (
            by_id(&store, ids[3]).rating,
            by_id(&store, ids[4]).rating,
            by_id(&store, ids[0]).rating
        ),
        (2, 2, 0)
    );
    let f = store.feed(feed).unwrap();
    assert_eq!((f.unread, f.total), (3, 4));
    let listed = store.feeds().unwrap();
    assert_eq!((listed[0].unread, listed[0].total), (3, 4));
    assert!(
        store
            .search("đường sắt", 50)
            .unwrap()
            .iter()
            .all(|r| r.id != hidden)
    );
    assert_eq!(store.search("đường sắt", 50).unwrap().len(), 4);
    // Bulk marks leave the hidden article alone.
    assert_eq!(store.mark(&Selection::All, true).unwrap().len(), 3);
    assert!(!by_id(&store, hidden).read);

    // The user's own state wins over a rule on a refetch: the items are not new.
    store.set_rating(ids[3], 5).unwrap();
    store.mark(&Selection::All, false).unwrap();
    let prepared = PreparedFeed::with_arrival(feed_of(five("a")), "Báo thử", "u", &arrival);
    let outcome = store
        .save_prepared(feed, prepared, &no_validators(), at("2026-11-03T00:00:00Z"))
        .unwrap();
    assert!(outcome.new_ids.is_empty());
    assert_eq!(by_id(&store, ids[3]).rating, 5);
    assert!(!by_id(&store, ids[2]).read);
}

#[test]
fn saved_searches_count_and_open_with_their_filters() {
    let (_dir, _path, mut store) = temp_store();
    let none = Arrival::default();
    let (a, a_ids) = stored(&mut store, "http://127.0.0.1/a.xml", five("a"), &none);
    let (_b, _) = stored(&mut store, "http://127.0.0.1/b.xml", five("b"), &none);
    store.set_read(a_ids[0], true).unwrap();
    store.set_rating(a_ids[1], 5).unwrap();
    let search = |name: &str, feed, unread_only, min_rating| SavedSearch {
        name: name.into(),
        query: "duong sat".into(),
        feed,
        unread_only,
        min_rating,
        days: None,
    };
    assert!(
        store
            .save_search(&search("Đường sắt", None, false, 0))
            .unwrap()
    );
    assert!(
        store
            .save_search(&search("Chỉ báo A", Some(a), true, 0))
            .unwrap()
    );
    assert!(store.save_search(&search("Hay", None, false, 4)).unwrap());
    let rows = store.saved_searches().unwrap();
    let counts: Vec<(&str, i64, i64)> = rows
        .iter()
        .map(|r| (r.search.name.as_str(), r.unread, r.total))
        .collect();
    assert_eq!(
        counts,
        [("Đường sắt", 9, 10), ("Chỉ báo A", 4, 4), ("Hay", 1, 1)]
    );
    let opened = store.saved_search_articles("Chỉ báo A", 100).unwrap();
    let ids: Vec<ArticleId> = opened.iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [a_ids[4], a_ids[3], a_ids[2], a_ids[1]],
        "newest first"
    );

    // Saving under a known name replaces; deleting removes; unknown names are errors.
    assert!(!store.save_search(&search("Hay", None, false, 5)).unwrap());
    assert_eq!(store.saved_searches().unwrap().len(), 3);
    store.delete_search("Hay").unwrap();
    assert!(store.delete_search("Hay").is_err());
    assert!(store.saved_search_articles("Hay", 10).is_err());
    let mut empty = search("x", None, false, 0);
    empty.query = " \"* ".into();
    assert!(store.save_search(&empty).is_err());
    // A hidden article is not counted.
    let hide = rules("[[rules]]\ntitle = \"c\"\naction = \"hide\"\n");
    stored(&mut store, "http://127.0.0.1/c.xml", five("c"), &hide);
    assert_eq!(store.saved_searches().unwrap()[0].total, 10);
}

#[test]
fn a_saved_search_of_the_last_days_follows_the_clock() {
    let (_dir, _path, mut store) = temp_store();
    let now = chrono::Utc::now();
    let dated = |guid: &str, days_ago: i64| {
        let when = (now - chrono::Duration::days(days_ago)).to_rfc3339();
        news(guid, &format!("Đường sắt, tin {guid}"), &when, "Tóm tắt.")
    };
    let items = vec![dated("moi", 1), dated("tuan", 6), dated("cu", 30)];
    let (_, ids) = stored(
        &mut store,
        "http://127.0.0.1/d.xml",
        items,
        &Arrival::default(),
    );
    let week = SavedSearch {
        name: "Tuần này".into(),
        query: "duong sat".into(),
        feed: None,
        unread_only: false,
        min_rating: 0,
        days: Some(7),
    };
    store.save_search(&week).unwrap();
    let opened: Vec<ArticleId> = store
        .saved_search_articles("Tuần này", 10)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(opened, [ids[0], ids[1]]);
    assert_eq!(store.saved_searches().unwrap()[0].total, 2);
    // Narrower, then out of range.
    store
        .save_search(&SavedSearch {
            days: Some(2),
            ..week.clone()
        })
        .unwrap();
    assert_eq!(store.saved_searches().unwrap()[0].total, 1);
    for days in [0, 3651] {
        let bad = SavedSearch {
            days: Some(days),
            ..week.clone()
        };
        assert!(store.save_search(&bad).is_err(), "{days}");
    }
}

#[test]
fn reading_time_follows_the_text_cached() {
    let (_dir, _path, mut store) = temp_store();
    let long = format!(
        "<p>{}</p>",
        "Thủ tướng yêu cầu các bộ hoàn thiện hồ sơ. ".repeat(60)
    );
    let mut item = news("r1", "Bài dài", "2026-11-01T08:00:00Z", &long);
    item.content = Some("<p>Ngắn.</p>".into());
    let (_, ids) = stored(
        &mut store,
        "http://127.0.0.1/r.xml",
        vec![item],
        &Arrival::default(),
    );
    // 600 syllables of summary (the longer text) at 300 a minute.
    assert_eq!(store.article(ids[0]).unwrap().row.reading_minutes, 2);
    let full = StoredExtract {
        html: format!("<p>{}</p>", "đường sắt tốc độ cao ".repeat(300)),
        meta: Default::default(),
        fetched_at: at("2026-11-02T00:00:00Z"),
    };
    store.save_full_text(ids[0], &full).unwrap();
    assert_eq!(store.article(ids[0]).unwrap().row.reading_minutes, 5);
}

/// A cache written before schema 2 gets its reading times when it is opened: the file is
/// made a cache of the version before by undoing the arrival migration by hand.
#[test]
fn a_version_1_cache_is_migrated_with_reading_times() {
    let (_dir, path, mut store) = temp_store();
    let long = format!(
        "<p>{}</p>",
        "Thủ tướng yêu cầu các bộ hoàn thiện hồ sơ. ".repeat(90)
    );
    let item = news("v1", "Bài cũ", "2026-11-01T08:00:00Z", &long);
    let (_, ids) = stored(
        &mut store,
        "http://127.0.0.1/v1.xml",
        vec![item],
        &Arrival::default(),
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    // Back to the version before the arrival migration: the sync and saved-days migrations
    // after it go too (dropping saved_searches takes its days column).
    conn.execute_batch(
        "DROP INDEX feeds_remote; DROP INDEX articles_remote;
         ALTER TABLE feeds DROP COLUMN remote_id; ALTER TABLE articles DROP COLUMN remote_id;
         DROP TABLE sync_queue; DROP TABLE sync_state;
         DROP INDEX articles_feed_read; DROP INDEX articles_story;
         DROP TABLE story_keys; DROP TABLE saved_searches;
         ALTER TABLE articles DROP COLUMN hidden;
         ALTER TABLE articles DROP COLUMN reading_minutes;
         ALTER TABLE articles DROP COLUMN story;
         CREATE INDEX articles_feed_read ON articles(feed_id, read);",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", docbao::store::SCHEMA_VERSION - 3)
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let row = store.article(ids[0]).unwrap().row;
    assert_eq!((row.reading_minutes, row.story), (3, None));
    assert_eq!(store.feeds().unwrap()[0].unread, 1);
}
