//! `docbao sync` against the Google Reader API test server: the first sync with both id
//! forms and continuation, pushing local changes with the rating label, token expiry, and
//! a second cache on the same account.
use crate::greader_server::{READ, Reader};
use crate::sync_common::{PASSWORD, Synced, USER};

fn reader() -> Reader {
    let r = Reader::start(USER, PASSWORD);
    r.add_sub(
        "feed/1",
        "Thời sự",
        "https://bao.example/thoi-su.rss",
        Some("Tin Việt Nam"),
    );
    r.add_sub(
        "feed/2",
        "Thế giới",
        "https://bao.example/the-gioi.rss",
        None,
    );
    r
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn articles(s: &Synced) -> Vec<serde_json::Value> {
    s.json(&["articles", "--json"]).as_array().unwrap().clone()
}

#[test]
fn the_first_sync_pulls_feeds_items_and_state_through_continuations() {
    for long_refs in [false, true] {
        let r = reader();
        {
            let mut st = r.state();
            st.page = 7;
            st.long_refs = long_refs;
        }
        let ids = r.add_items("feed/1", 0, 30, now());
        r.add_items("feed/2", 30, 12, now());
        {
            let mut st = r.state();
            st.items.get_mut(&ids[0]).unwrap().read = true;
            st.items.get_mut(&ids[1]).unwrap().starred = true;
        }
        let s = Synced::new("greader", &r.url(), "star_rating = 4\n");
        s.db.ok(&[
            "--offline",
            "add",
            "https://local.example/rss",
            "--title",
            "Báo địa phương",
        ]);
        let report = s.sync();
        assert_eq!(report["new_articles"], 42, "{report}");
        assert_eq!(report["feeds_added"], 2);
        // Continuation pages of 7: the unread list (41 ids) alone takes 6 requests.
        assert!(
            r.count("/stream/items/ids") >= 6 + 7,
            "{}",
            r.count("/stream/items/ids")
        );

        let feeds = s.json(&["feeds", "--json"]);
        let feeds = feeds.as_array().unwrap();
        let source =
            |title: &str| feeds.iter().find(|f| f["title"] == title).unwrap()["source"].clone();
        assert_eq!(source("Thời sự"), "sync");
        assert_eq!(source("Thế giới"), "sync");
        assert_eq!(source("Báo địa phương"), "local");

        let list = articles(&s);
        assert_eq!(list.len(), 42);
        let by_title = |t: &str| list.iter().find(|a| a["title"] == t).unwrap().clone();
        assert_eq!(by_title("Tin số 0: đường sắt Bắc – Nam")["read"], true);
        assert_eq!(
            by_title("Tin số 1: đường sắt Bắc – Nam")["rating"],
            4,
            "star_rating"
        );
        assert_eq!(by_title("Tin số 2: đường sắt Bắc – Nam")["read"], false);
        let category =
            |title: &str| feeds.iter().find(|f| f["title"] == title).unwrap()["category"].clone();
        assert_eq!(category("Thời sự"), "Tin Việt Nam");
        assert_eq!(category("Thế giới"), serde_json::Value::Null);

        // Nothing changed: no contents fetched again, a handful of requests.
        let before = r.requests().len();
        let again = s.sync();
        assert_eq!(again["new_articles"], 0);
        assert_eq!(
            r.count("/stream/items/contents"),
            1,
            "one batch of 42, once"
        );
        assert!(r.requests().len() - before < 20, "{again}");
    }
}

#[test]
fn local_changes_reach_the_server_and_a_second_cache_on_the_same_account() {
    let r = reader();
    let ids = r.add_items("feed/1", 0, 5, now());
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    let list = articles(&a);
    let local = |n: usize| {
        list.iter()
            .find(|x| x["title"] == format!("Tin số {n}: đường sắt Bắc – Nam"))
            .unwrap()["id"]
            .to_string()
    };
    a.ok(&["mark", &local(0), "read"]);
    a.ok(&["rate", &local(1), "3"]);
    a.ok(&["rate", &local(2), "5"]);
    a.ok(&["rate", &local(2), "2"]);
    assert_eq!(a.query_i64("SELECT count(*) FROM sync_queue"), 4);
    let report = a.sync();
    assert_eq!(report["pushed"], 4, "{report}");
    assert_eq!(report["queued"], 0);
    {
        let st = r.state();
        assert!(st.items[&ids[0]].read);
        assert!(st.items[&ids[1]].starred);
        assert!(st.items[&ids[1]].labels.contains("docbao/★3"));
        let two = &st.items[&ids[2]];
        assert!(two.starred);
        assert_eq!(two.labels.iter().collect::<Vec<_>>(), ["docbao/★2"]);
    }

    // Another docbao on the same account shows the same stars.
    let b = Synced::new("greader", &r.url(), "");
    b.sync();
    let list = articles(&b);
    let rating = |n: usize| {
        list.iter()
            .find(|x| x["title"] == format!("Tin số {n}: đường sắt Bắc – Nam"))
            .unwrap()["rating"]
            .clone()
    };
    assert_eq!(
        (rating(1), rating(2), rating(3)),
        (3.into(), 2.into(), 0.into())
    );

    // Clearing a rating unstars and drops the label; the first cache follows.
    let id = list
        .iter()
        .find(|x| x["title"] == "Tin số 1: đường sắt Bắc – Nam")
        .unwrap()["id"]
        .to_string();
    b.ok(&["rate", &id, "0"]);
    b.sync();
    {
        let st = r.state();
        assert!(!st.items[&ids[1]].starred);
        assert!(st.items[&ids[1]].labels.is_empty());
    }
    let report = a.sync();
    assert_eq!(report["rating_changed"], 1, "{report}");
    assert_eq!(
        a.query_i64(&format!(
            "SELECT rating FROM articles WHERE id = {}",
            local(1)
        )),
        0
    );
}

#[test]
fn a_server_without_item_labels_gets_the_star_alone() {
    let r = reader();
    let ids = r.add_items("feed/1", 0, 2, now());
    r.state().no_labels = true;
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    let id = articles(&a)[0]["id"].to_string();
    a.ok(&["rate", &id, "4"]);
    a.sync();
    assert!(r.state().items.values().any(|i| i.starred));
    assert_eq!(a.query_i64("SELECT max(rating) FROM articles"), 4);
    let _ = ids;
}

#[test]
fn expired_tokens_are_renewed_once() {
    let r = reader();
    r.add_items("feed/1", 0, 3, now());
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    assert_eq!(r.count("/accounts/ClientLogin"), 1);
    // The stored token is reused: no second login.
    a.sync();
    assert_eq!(r.count("/accounts/ClientLogin"), 1);

    // The login token expires: 401, a new login, and the sync goes on.
    r.expire_auth();
    let id = articles(&a)[0]["id"].to_string();
    a.ok(&["mark", &id, "read"]);
    a.sync();
    assert_eq!(r.count("/accounts/ClientLogin"), 2);
    assert_eq!(r.state().items.values().filter(|i| i.read).count(), 1);

    // The write token goes bad between its fetch and the write: 401 with
    // X-Reader-Google-Bad-Token, a new write token, the same write again; no new login.
    r.state().expire_next_write = true;
    let tokens = r.count("/reader/api/0/token");
    let edits = r.count("/edit-tag");
    a.ok(&["mark", &id, "unread"]);
    a.sync();
    assert_eq!(r.count("/reader/api/0/token"), tokens + 2);
    assert_eq!(r.count("/edit-tag"), edits + 2);
    assert_eq!(r.count("/accounts/ClientLogin"), 2);
    assert!(r.state().items.values().all(|i| !i.read));

    // A wrong stored token and a wrong password: refused in words, once each, no loop.
    r.expire_auth();
    r.state().password = "đã đổi".into();
    let out = a.run(&["sync"]);
    assert!(!out.status.success());
    let err = crate::sync_common::stderr(&out);
    assert!(err.contains("refused the user name or password"), "{err}");
    assert_eq!(r.count("/accounts/ClientLogin"), 3);
    let _ = READ;
}

#[test]
fn subscription_changes_reach_the_server_in_order() {
    let r = reader();
    r.add_items("feed/1", 0, 2, now());
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    {
        let mut store = docbao::store::Store::open(&a.db.db()).unwrap();
        let one = store.find_feed("Thời sự").unwrap().id;
        store.rename_feed(one, Some("Thời sự trong nước")).unwrap();
        store.move_feed(one, Some("Trong nước")).unwrap();
        let two = store.find_feed("Thế giới").unwrap().id;
        store.remove_feed(two).unwrap();
    }
    let feed = format!("http://{}/nha.xml", r.addr);
    a.ok(&["--offline", "add", &feed, "--title", "Báo nhà"]);
    let report = a.sync();
    assert_eq!(report["pushed"], 4, "{report}");
    {
        let st = r.state();
        let one = st.subs.iter().find(|s| s.id == "feed/1").unwrap();
        assert_eq!(one.title, "Thời sự trong nước");
        assert_eq!(one.label.as_deref(), Some("Trong nước"));
        assert!(!st.subs.iter().any(|s| s.id == "feed/2"));
        assert!(
            st.subs
                .iter()
                .any(|s| s.url == feed && s.title == "Báo nhà")
        );
    }
    // The server's list now agrees: nothing comes back, nothing is removed.
    let feeds = a.json(&["feeds", "--json"]);
    let titles: Vec<&str> = feeds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Thời sự trong nước", "Báo nhà"]);
    assert!(
        feeds
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["source"] == "sync")
    );
}

#[test]
fn a_bulk_mark_of_synced_articles_reaches_the_server() {
    let r = Reader::start(USER, PASSWORD);
    r.add_sub("feed/1", "Thời sự", "https://bao.example/thoi-su.rss", None);
    r.add_sub(
        "feed/2",
        "Thế giới",
        "https://bao.example/the-gioi.rss",
        None,
    );
    let first = r.add_items("feed/1", 0, 5, chrono::Utc::now().timestamp());
    let second = r.add_items("feed/2", 5, 3, chrono::Utc::now().timestamp());
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    a.ok(&["mark", "--feed", "Thời sự", "read"]);
    assert_eq!(a.query_i64("SELECT count(*) FROM sync_queue"), 5);
    a.sync();
    let st = r.state();
    assert!(first.iter().all(|id| st.items[id].read), "the feed's items");
    assert!(second.iter().all(|id| !st.items[id].read), "only that feed");
    drop(st);
    assert_eq!(a.query_i64("SELECT count(*) FROM sync_queue"), 0);
    // Undoing a bulk mark is a bulk mark of the same ids: it reaches the server too.
    a.ok(&["mark", "--all", "unread"]);
    a.sync();
    assert!(first.iter().all(|id| !r.state().items[id].read));
}
