//! The cache on a realistic size: 200 feeds x 50 articles (10,000), on a real file.
//! `cargo bench --bench store`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark that cannot set up stops, with the line that failed"
)]
use chrono::{DateTime, Duration, TimeZone, Utc};
use docbao::feed::{FeedId, ParsedFeed, ParsedItem};
use docbao::store::{ArticleQuery, Store, Validators};
use std::hint::black_box;

mod harness;

const FEEDS: usize = 200;
const ITEMS: usize = 50;

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

/// One feed's document: Vietnamese titles and HTML summaries of our own writing.
fn parsed(feed: usize, round: usize) -> ParsedFeed {
    let items = (0..ITEMS)
        .map(|i| ParsedItem {
            guid: Some(format!("tag:127.0.0.1,2025:{feed}/{round}/{i}")),
            url: Some(format!("http://127.0.0.1/{feed}/bai-{round}-{i}.html")),
            title: format!("Đường sắt tốc độ cao số {i} của nguồn {feed}: Hà Nội họp bàn"),
            author: Some("Phóng viên".to_owned()),
            published: Some(base() - Duration::minutes((feed * ITEMS + i) as i64)),
            summary: Some(format!(
                "<p>Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ về dự án \
                 <b>số {i}</b>, trình Quốc hội xem xét việc điều chỉnh chủ trương đầu tư.</p>\
                 <p>Nguồn {feed}, vòng {round}.</p>"
            )),
            content: None,
        })
        .collect();
    ParsedFeed {
        title: Some(format!("Nguồn tin {feed}")),
        site_url: Some(format!("http://127.0.0.1/{feed}/")),
        items,
    }
}

fn build(path: &std::path::Path) -> (Store, Vec<FeedId>) {
    let mut store = Store::open(path).expect("open");
    let mut ids = Vec::new();
    for f in 0..FEEDS {
        let (id, _) = store
            .add_feed(&format!("http://127.0.0.1/{f}/rss"), None, None)
            .expect("add");
        store
            .save_fetch(id, &parsed(f, 0), &Validators::default(), base())
            .expect("save");
        ids.push(id);
    }
    // A third read, in one statement (set_read syncs each call: 3,400 fsyncs here).
    rusqlite::Connection::open(path)
        .and_then(|c| c.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0", []))
        .expect("mark read");
    (store, ids)
}

fn benches(h: &mut harness::Harness) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let started = std::time::Instant::now();
    let (mut store, ids) = build(&path);
    eprintln!(
        "built {FEEDS} feeds x {ITEMS} articles in {:?}",
        started.elapsed()
    );

    h.bench("feeds (200 feeds, 10k articles)", || {
        black_box(store.feeds().expect("feeds"))
    });
    h.bench("open + feeds (what `docbao feeds` does)", || {
        let s = Store::open(&path).expect("open");
        black_box(s.feeds().expect("feeds"))
    });
    let newest = ArticleQuery {
        limit: Some(200),
        ..ArticleQuery::default()
    };
    h.bench("articles (limit 200)", || {
        black_box(store.articles(&newest).expect("articles"))
    });
    let one_feed = ArticleQuery {
        feed: Some(ids[FEEDS / 2]),
        limit: Some(200),
        ..ArticleQuery::default()
    };
    h.bench("articles (one feed, limit 200)", || {
        black_box(store.articles(&one_feed).expect("articles"))
    });
    h.bench("search \"duong sat ha noi\" (limit 50)", || {
        black_box(store.search("duong sat ha noi", 50).expect("search"))
    });
    h.bench(
        "search \"t\" (one letter: every word starting with t)",
        || black_box(store.search("t", 50).expect("search")),
    );
    h.bench("search \"nguon 123\" (a few matches)", || {
        black_box(store.search("nguon 123", 50).expect("search"))
    });
    // Issue 10: a saved search that every one of the 10,000 articles matches.
    let every = docbao::store::SavedSearch {
        name: "Đường sắt".into(),
        query: "duong sat".into(),
        feed: None,
        unread_only: false,
        min_rating: 0,
        days: None,
    };
    store.save_search(&every).expect("save search");
    h.bench("saved searches with counts (one of 10k matches)", || {
        black_box(store.saved_searches().expect("searches"))
    });
    h.bench("open a saved search of 10k matches (limit 200)", || {
        black_box(store.saved_search_articles("Đường sắt", 200).expect("open"))
    });
    h.bench("open a saved search of 10k matches (all)", || {
        black_box(
            store
                .saved_search_articles("Đường sắt", 20_000)
                .expect("open"),
        )
    });
    h.bench("mark all read, then the same ids unread (10k)", || {
        use docbao::store::Selection;
        let changed = store.mark(&Selection::All, true).expect("mark");
        black_box(store.mark(&Selection::Ids(changed), false).expect("undo"))
    });
    let doc = parsed(7, 0);
    h.bench("save_fetch 50 known items (unchanged)", || {
        store
            .save_fetch(ids[7], &doc, &Validators::default(), base())
            .expect("save")
    });
    let mut round = 1;
    h.bench("save_fetch 50 new items", || {
        round += 1;
        let doc = parsed(9, round);
        store
            .save_fetch(ids[9], &doc, &Validators::default(), base())
            .expect("save")
    });
}

/// The store's side of a cold refresh, with and without the arrival work (a few rules and
/// story grouping): 200 feeds x 50 new items saved into an empty cache.
fn cold_save(h: &mut harness::Harness) {
    use docbao::arrival::{Arrival, RuleSpec, Rules};
    use docbao::store::PreparedFeed;
    #[derive(serde::Deserialize)]
    struct File {
        rules: Vec<RuleSpec>,
    }
    let file: File = toml::from_str(
        "[[rules]]\ntitle = \"tu vi\"\naction = \"hide\"\n\
         [[rules]]\ntext_regex = \"quảng cáo|khuyến mãi\"\naction = \"read\"\n",
    )
    .expect("rules");
    let with = Arrival {
        rules: Rules::compile(&file.rules).expect("compile"),
        group_stories: true,
    };
    let docs: Vec<ParsedFeed> = (0..20).map(|f| parsed(f, 0)).collect();
    for (name, arrival) in [
        ("plain", Arrival::default()),
        ("rules + stories", with.clone()),
    ] {
        h.bench(&format!("prepare 20 feeds x 50 items ({name})"), || {
            for doc in &docs {
                black_box(PreparedFeed::with_arrival(doc.clone(), "", "u", &arrival));
            }
        });
    }
    h.group("cold save 200 x 50", 10);
    for (name, arrival) in [("plain", Arrival::default()), ("rules + stories", with)] {
        h.bench_with_setup(
            name,
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let mut store = Store::open(&dir.path().join("c.db")).expect("open");
                let feeds: Vec<(FeedId, PreparedFeed)> = (0..FEEDS)
                    .map(|f| {
                        let url = format!("http://127.0.0.1/{f}/rss");
                        let (id, _) = store.add_feed(&url, None, None).expect("add");
                        let prepared = PreparedFeed::with_arrival(parsed(f, 0), "", &url, &arrival);
                        (id, prepared)
                    })
                    .collect();
                (dir, store, feeds)
            },
            |(dir, mut store, feeds)| {
                for (id, prepared) in feeds {
                    store
                        .save_prepared(id, prepared, &Validators::default(), base())
                        .expect("save");
                }
                drop(dir);
            },
        );
    }
}

fn main() {
    let mut h = harness::Harness::new("store");
    benches(&mut h);
    cold_save(&mut h);
}
