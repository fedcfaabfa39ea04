//! Search over the folded index, and the cached full texts it also covers.
use crate::store_support;

use docbao::article::{ArticleMeta, PageRating};
use docbao::feed::{ArticleId, FeedId, ParsedItem};
use docbao::store::{PreparedFeed, Store, StoredExtract};
use store_support::*;

fn with_articles(items: Vec<ParsedItem>) -> (tempfile::TempDir, Store, FeedId, Vec<ArticleId>) {
    let (dir, _path, mut store) = temp_store();
    let (feed, _) = store.add_feed("http://127.0.0.1/rss", None, None).unwrap();
    let ids = store
        .save_fetch(
            feed,
            &feed_of(items),
            &no_validators(),
            at("2025-06-01T00:00:00Z"),
        )
        .unwrap()
        .new_ids;
    (dir, store, feed, ids)
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    store
        .search(query, 20)
        .unwrap_or_else(|e| panic!("search {query:?}: {e}"))
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn vietnamese_is_found_without_diacritics_or_case() {
    let (_d, store, _, _) = with_articles(vec![
        news(
            "1",
            "Đường sắt tốc độ cao Bắc - Nam",
            "2025-05-01T00:00:00Z",
            "",
        ),
        news("2", "Thời tiết Hà Nội hôm nay", "2025-05-02T00:00:00Z", ""),
        news("3", "Ổ gà trên quốc lộ", "2025-05-03T00:00:00Z", ""),
        news("4", "ĐẠI HỌC mở cửa", "2025-05-04T00:00:00Z", ""),
        // Decomposed (the parser composes titles; the index must not depend on it).
        news(
            "5",
            "Vie\u{323}\u{302}t Nam vô địch",
            "2025-05-05T00:00:00Z",
            "",
        ),
    ]);
    assert_eq!(
        titles(&store, "duong sat"),
        ["Đường sắt tốc độ cao Bắc - Nam"]
    );
    assert_eq!(
        titles(&store, "Đường Sắt"),
        ["Đường sắt tốc độ cao Bắc - Nam"]
    );
    assert_eq!(titles(&store, "HA NOI"), ["Thời tiết Hà Nội hôm nay"]);
    assert_eq!(titles(&store, "ổ gà"), ["Ổ gà trên quốc lộ"]);
    assert_eq!(titles(&store, "o ga"), ["Ổ gà trên quốc lộ"]);
    assert_eq!(titles(&store, "dai hoc"), ["ĐẠI HỌC mở cửa"]);
    assert_eq!(
        titles(&store, "việt nam"),
        ["Vie\u{323}\u{302}t Nam vô địch"]
    );
    // Every word must match, as a prefix.
    assert_eq!(titles(&store, "duong"), ["Đường sắt tốc độ cao Bắc - Nam"]);
    assert_eq!(titles(&store, "toc do"), ["Đường sắt tốc độ cao Bắc - Nam"]);
    assert!(titles(&store, "duong noi").is_empty());
    assert!(titles(&store, "saigon").is_empty());
}

#[test]
fn hostile_queries_are_words_never_syntax() {
    let (_d, store, _, _) = with_articles(vec![
        news("1", "a OR b", "2025-05-01T00:00:00Z", "AND NOT NEAR"),
        news("2", "Khác", "2025-05-02T00:00:00Z", ""),
    ]);
    for q in [
        "\"a\" OR *",
        "*",
        "\"",
        "\"\"",
        "AND",
        "OR",
        "NOT",
        "NEAR(a b)",
        "a:b",
        "title:a",
        "-a",
        "^a",
        "a + b",
        "(",
        ")",
        "'",
        "';DROP TABLE articles;--",
        "{title}: a",
        "a*b",
        "   ",
        "",
        "\u{0}",
        "\u{202e}",
        "☆★",
    ] {
        store
            .search(q, 10)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
    assert_eq!(titles(&store, "\"a\" OR *"), ["a OR b"]);
    assert_eq!(titles(&store, "and not"), ["a OR b"]);
    assert!(titles(&store, "*").is_empty());
    assert_eq!(store.articles(&Default::default()).unwrap().len(), 2);
}

#[test]
fn titles_rank_above_bodies_and_html_is_not_indexed() {
    let (_d, store, _, _) = with_articles(vec![
        news(
            "body",
            "Tin kinh tế",
            "2025-05-02T00:00:00Z",
            "<p class=\"lead\">Giá <b>lúa</b> gạo tăng</p><script>var hidden = 'bí mật';</script>",
        ),
        news(
            "title",
            "Lúa gạo được mùa",
            "2025-05-01T00:00:00Z",
            "<p>Nông dân vui</p>",
        ),
    ]);
    assert_eq!(
        titles(&store, "lua gao"),
        ["Lúa gạo được mùa", "Tin kinh tế"]
    );
    assert!(titles(&store, "lead").is_empty());
    assert!(titles(&store, "class").is_empty());
    assert!(titles(&store, "bi mat").is_empty());
    assert_eq!(store.search("lua", 1).unwrap().len(), 1);
}

#[test]
fn a_feed_folded_beforehand_is_indexed_as_if_folded_here() {
    let items = || {
        vec![
            news(
                "a",
                "Đường sắt Bắc - Nam",
                "2025-05-02T00:00:00Z",
                "<p>Hà Nội</p>",
            ),
            news(
                "b",
                "Thời tiết",
                "2025-05-01T00:00:00Z",
                "<p>Mưa lớn ở Huế</p>",
            ),
        ]
    };
    let (_d, plain, _, _) = with_articles(items());
    let (_d2, _path, mut prepared) = temp_store();
    let (feed, _) = prepared
        .add_feed("http://127.0.0.1/rss", None, None)
        .unwrap();
    let out = prepared
        .save_prepared(
            feed,
            PreparedFeed::new(feed_of(items())),
            &no_validators(),
            at("2025-06-01T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(out.new_ids.len(), 2);
    for query in ["duong sat", "ha noi", "mua lon hue", "thoi tiet"] {
        assert_eq!(titles(&prepared, query), titles(&plain, query), "{query}");
        assert_eq!(titles(&prepared, query).len(), 1, "{query}");
    }
}

#[test]
fn a_title_match_outranks_a_summary_that_repeats_the_words() {
    let long = "Nông dân miền Tây chuẩn bị cho vụ mới với nhiều giống mới. ".repeat(20);
    let (_d, store, _, _) = with_articles(vec![
        news(
            "row",
            "Bảng phím",
            "2025-05-02T00:00:00Z",
            "đường sắt, đường sắt, đường sắt",
        ),
        news(
            "named",
            "Đường sắt tốc độ cao Bắc - Nam được trình Quốc hội trong kỳ họp tới",
            "2025-05-01T00:00:00Z",
            &long,
        ),
    ]);
    assert_eq!(
        titles(&store, "duong sat"),
        [
            "Đường sắt tốc độ cao Bắc - Nam được trình Quốc hội trong kỳ họp tới",
            "Bảng phím"
        ]
    );
}

#[test]
fn full_texts_are_cached_indexed_and_reported() {
    let (_d, mut store, feed, ids) = with_articles(vec![
        news("1", "Bản tin sáng", "2025-05-01T00:00:00Z", "Tóm tắt"),
        news("2", "Bản tin trưa", "2025-05-02T00:00:00Z", "Tóm tắt"),
        item(Some("3"), None, "Không có liên kết"),
    ]);
    let missing = store
        .missing_full_text(&[ids[1], ids[2], ids[0], ArticleId(999)])
        .unwrap();
    assert_eq!(
        missing,
        [
            (ids[1], "http://127.0.0.1/bai/2".to_owned()),
            (ids[0], "http://127.0.0.1/bai/1".to_owned()),
        ]
    );

    let meta = ArticleMeta {
        title: Some("Bản tin sáng".into()),
        byline: Some("Nguyễn Văn A".into()),
        published: Some("2025-05-01T07:00:00+07:00".into()),
        rating: Some(PageRating {
            value: 4.5,
            best: 5.0,
            count: Some(1024),
        }),
        views: Some(1705),
        ..ArticleMeta::default()
    };
    let extract = StoredExtract {
        html: "<article><p>Tàu cao tốc chạy thử nghiệm</p></article>".into(),
        meta,
        fetched_at: at("2025-05-01T08:00:00Z"),
    };
    assert!(titles(&store, "tau cao toc").is_empty());
    store.save_full_text(ids[0], &extract).unwrap();
    assert_eq!(titles(&store, "tau cao toc"), ["Bản tin sáng"]);
    // The summary and title are still indexed beside the full text.
    assert_eq!(titles(&store, "ban tin sang tom tat"), ["Bản tin sáng"]);

    let detail = store.article(ids[0]).unwrap();
    assert!(detail.row.full_text);
    assert_eq!(detail.full.as_ref(), Some(&extract));
    assert_eq!(detail.summary.as_deref(), Some("Tóm tắt"));
    assert!(!store.article(ids[1]).unwrap().row.full_text);
    assert_eq!(
        store.missing_full_text(&[ids[0], ids[1]]).unwrap(),
        [(ids[1], "http://127.0.0.1/bai/2".to_owned())]
    );

    // A refetch of the feed keeps the full text searchable.
    store
        .save_fetch(
            feed,
            &feed_of(vec![news(
                "1",
                "Bản tin sáng (cập nhật)",
                "2025-05-01T00:00:00Z",
                "Mới",
            )]),
            &no_validators(),
            at("2025-05-01T09:00:00Z"),
        )
        .unwrap();
    assert_eq!(titles(&store, "tau cao toc"), ["Bản tin sáng (cập nhật)"]);
    assert!(store.article(ids[0]).unwrap().row.full_text);
}

#[test]
fn an_item_listed_twice_is_indexed_from_its_last_copy() {
    let (_d, mut store, feed, _) = with_articles(vec![
        item(Some("same"), None, "Bản nháp cũ"),
        item(Some("same"), None, "Bản chính thức"),
    ]);
    assert_eq!(titles(&store, "chinh thuc"), ["Bản chính thức"]);
    assert!(titles(&store, "nhap").is_empty());
    store
        .save_fetch(
            feed,
            &feed_of(vec![
                item(Some("same"), None, "Sửa lần một"),
                item(Some("same"), None, "Sửa lần hai"),
            ]),
            &no_validators(),
            at("2025-06-02T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(titles(&store, "sua lan"), ["Sửa lần hai"]);
    assert!(titles(&store, "mot").is_empty());
    assert!(titles(&store, "chinh thuc").is_empty());
}
