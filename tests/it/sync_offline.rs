//! The queue of local changes: made while the server is down, replayed when it is back,
//! with conflicts on both sides (a pending local change wins; otherwise the server does).
//! Errors in words, and the security rules for the password and the token.
use crate::greader_server::Reader;
use crate::support::{Response, Server};
use crate::sync_common::{PASSWORD, Synced, USER, stderr};
use docbao::store::{Change, RemoteFeed, RemoteItem, RemoteUpdate, Store};

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn id_of(s: &Synced, n: usize) -> String {
    s.json(&["articles", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["title"] == format!("Tin số {n}: đường sắt Bắc – Nam"))
        .unwrap()["id"]
        .to_string()
}

fn field(s: &Synced, id: &str, f: &str) -> i64 {
    s.query_i64(&format!("SELECT {f} FROM articles WHERE id = {id}"))
}

#[test]
fn changes_made_while_the_server_is_down_are_replayed_and_win_their_conflicts() {
    let mut r = Reader::start(USER, PASSWORD);
    r.add_sub("feed/1", "Thời sự", "https://bao.example/thoi-su.rss", None);
    r.add_sub(
        "feed/2",
        "Thế giới",
        "https://bao.example/the-gioi.rss",
        None,
    );
    let ids = r.add_items("feed/1", 0, 6, now());
    r.add_items("feed/2", 6, 2, now());
    {
        let mut st = r.state();
        let four = st.items.get_mut(&ids[4]).unwrap();
        four.starred = true;
        four.labels.insert("docbao/★5".into());
    }
    let local_feed = Server::start_background();
    local_feed.route(
        "/rss",
        Response::ok(
            crate::cli_common::rss(
                "Báo nhà",
                &local_feed.url(""),
                &[("x1".into(), "Tin nhà".into())],
            ),
            "application/rss+xml",
        ),
    );
    let a = Synced::new("greader", &r.url(), "");
    a.sync();
    assert_eq!(field(&a, &id_of(&a, 4), "rating"), 5);

    r.stop();
    let (i0, i1, i3, i4) = (id_of(&a, 0), id_of(&a, 1), id_of(&a, 3), id_of(&a, 4));
    a.ok(&["mark", &i0, "read"]);
    a.ok(&["rate", &i1, "4"]);
    a.ok(&["mark", &i3, "read"]);
    a.ok(&["rate", &i4, "2"]);
    a.ok(&["remove", "Thế giới"]);
    a.ok(&["--offline", "add", &local_feed.url("/rss")]);
    let queued = a.query_i64("SELECT count(*) FROM sync_queue");
    assert_eq!(queued, 6);

    let out = a.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot reach the sync server"), "{err}");
    assert!(
        err.contains("6 local changes kept for the next sync"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // refresh goes on without the server: the local feed is fetched, the failure listed.
    let out = a.run(&["refresh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("failed: sync: cannot reach the sync server"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        a.query_i64("SELECT count(*) FROM articles WHERE title = 'Tin nhà'"),
        1
    );
    assert_eq!(a.query_i64("SELECT count(*) FROM sync_queue"), 6);

    // Meanwhile, elsewhere: item 3 read again unread, item 4 unstarred, item 5 read, item 0
    // starred.
    {
        let mut st = r.state();
        st.items.get_mut(&ids[4]).unwrap().starred = false;
        st.items.get_mut(&ids[4]).unwrap().labels.clear();
        st.items.get_mut(&ids[5]).unwrap().read = true;
        st.items.get_mut(&ids[0]).unwrap().starred = true;
    }
    r.restart();
    let report = a.sync();
    assert_eq!(report["pushed"], 6, "{report}");
    assert_eq!(report["queued"], 0);
    assert_eq!(
        report["feeds_linked"], 1,
        "the feed added offline is now synced: {report}"
    );
    {
        let st = r.state();
        assert!(st.items[&ids[0]].read);
        assert!(st.items[&ids[1]].starred && st.items[&ids[1]].labels.contains("docbao/★4"));
        assert!(st.items[&ids[3]].read);
        // The pending rating won over the server's unstar.
        assert!(st.items[&ids[4]].starred && st.items[&ids[4]].labels.contains("docbao/★2"));
        assert!(!st.subs.iter().any(|s| s.id == "feed/2"));
        assert!(st.subs.iter().any(|s| s.url == local_feed.url("/rss")));
    }
    assert_eq!(field(&a, &i4, "rating"), 2);
    assert_eq!(
        field(&a, &id_of(&a, 5), "read"),
        1,
        "the server wins without a pending change"
    );
    assert_eq!(
        field(&a, &i0, "rating"),
        5,
        "starred elsewhere: star_rating"
    );
    assert_eq!(
        a.query_i64("SELECT count(*) FROM feeds WHERE title = 'Thế giới'"),
        0
    );
    // Replaying again changes nothing on either side.
    let report = a.sync();
    assert_eq!(report["pushed"], 0);
    assert_eq!(report["read_changed"], 0);
    assert_eq!(report["rating_changed"], 0);
}

#[test]
fn a_change_made_during_a_sync_is_not_overwritten_by_the_server() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .apply_subscriptions(&[RemoteFeed {
            id: "feed/1".into(),
            url: "https://bao.example/rss".into(),
            title: "Thời sự".into(),
            site_url: None,
            category: None,
        }])
        .unwrap();
    let item = |id: &str| RemoteItem {
        id: id.into(),
        feed: "feed/1".into(),
        item: docbao::feed::ParsedItem {
            title: format!("Tin {id}"),
            url: Some(format!("https://bao.example/{id}")),
            ..Default::default()
        },
        read: false,
        rating: 0,
    };
    assert_eq!(
        store
            .save_remote_items(&[item("1"), item("2")], chrono::Utc::now())
            .unwrap(),
        2
    );
    let local = |store: &Store, n: usize| store.articles(&Default::default()).unwrap()[n].clone();
    let one = local(&store, 1);
    // The user marks it read after the server's lists were fetched: it is queued.
    store.set_read(one.id, true).unwrap();
    store.set_rating(one.id, 3).unwrap();
    assert_eq!(store.sync_queue_len().unwrap(), 2);
    let (reads, ratings) = store
        .apply_remote_updates(&[
            RemoteUpdate {
                item: "1".into(),
                read: Some(false),
                rating: Some(0),
            },
            RemoteUpdate {
                item: "2".into(),
                read: Some(true),
                rating: Some(5),
            },
        ])
        .unwrap();
    assert_eq!(
        (reads, ratings),
        (1, 1),
        "only the item with nothing pending"
    );
    let one = store.article(one.id).unwrap().row;
    assert!(one.read);
    assert_eq!(one.rating, 3);
    let q = store.sync_queue().unwrap();
    assert_eq!(
        q[0].change,
        Change::Read {
            item: "1".into(),
            read: true
        }
    );
}

#[test]
fn failures_are_said_in_words_and_store_nothing() {
    let r = Reader::start(USER, PASSWORD);
    r.add_sub("feed/1", "Thời sự", "https://bao.example/thoi-su.rss", None);
    r.add_items("feed/1", 0, 3, now());
    let expect = |s: &Synced, words: &str| {
        let out = s.run(&["sync", "--json"]);
        assert_eq!(out.status.code(), Some(1), "{words}");
        let err = stderr(&out);
        assert!(err.contains(words), "{words}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(!err.contains(PASSWORD), "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(s.query_i64("SELECT count(*) FROM feeds"), 0, "{words}");
        assert_eq!(s.query_i64("SELECT count(*) FROM articles"), 0, "{words}");
    };
    let wrong = Synced::new("greader", &r.url(), "");
    let out = wrong
        .command()
        .env("DOCBAO_SYNC_PASSWORD", "sai mật khẩu")
        .args(["sync"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("refused the user name or password"),
        "{}",
        stderr(&out)
    );

    let s = Synced::new("greader", &format!("http://{}/khong-co", r.addr), "");
    expect(&s, "Google Reader API is not enabled on the sync server");
    let s = Synced::new("greader", &r.url(), "");
    r.state().fail = Some(500);
    expect(&s, "the sync server failed: HTTP 500");
    r.state().fail = None;
    r.state().garbage = Some("{\"subscriptions\": [{\"id\": 7}".into());
    expect(&s, "malformed answer from the sync server");
    r.state().garbage = None;
    let s = Synced::new("greader", "http://192.0.2.1/api/greader.php", "");
    expect(&s, "allow_http");
    let s = Synced::new("greader", "https://lan:pw@127.0.0.1/", "");
    expect(&s, "holds a user name or password");
    let s = Synced::new("greader", &r.url(), "");
    let out = s
        .command()
        .env_remove("DOCBAO_SYNC_PASSWORD")
        .args(["sync"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("sync needs a password"),
        "{}",
        stderr(&out)
    );
    // The same cache on another account is refused rather than mixed.
    let s = Synced::new("greader", &r.url(), "");
    s.sync();
    let other = s.config.clone();
    let text = std::fs::read_to_string(&other)
        .unwrap()
        .replace(USER, "khac@example.org");
    crate::sync_common::write_private(&other, &text);
    let out = s.run(&["sync"]);
    assert!(
        stderr(&out).contains("this cache is synced with greader"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_password_and_the_token_stay_secret() {
    use std::os::unix::fs::PermissionsExt;
    let r = Reader::start(USER, PASSWORD);
    r.add_sub("feed/1", "Thời sự", "https://bao.example/thoi-su.rss", None);
    r.add_items("feed/1", 0, 3, now());
    let s = Synced::new("greader", &r.url(), "");
    // password_command: its arguments and environment are recorded; it prints the password.
    let script = s.db.data_dir().join("pw.sh");
    let record = s.db.data_dir().join("pw-seen.txt");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{rec}'\nenv >> '{rec}'\nprintf '%s\\n' '{PASSWORD}'\n",
            rec = record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    let text = std::fs::read_to_string(&s.config).unwrap()
        + &format!("password_command = \"{} 'rss server'\"\n", script.display());
    crate::sync_common::write_private(&s.config, &text);
    let out = s
        .command()
        .env("DOCBAO_LOG", "trace")
        .env("DOCBAO_SYNC_PASSWORD", "not-this-one")
        .args(["sync", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let seen = std::fs::read_to_string(&record).unwrap();
    assert!(seen.starts_with("rss server\n"), "{seen}");
    assert!(
        !seen.contains("not-this-one"),
        "the env password reached the child"
    );
    assert!(!seen.contains(PASSWORD));

    let conn = rusqlite::Connection::open(s.db.db()).unwrap();
    let token: String = conn
        .query_row(
            "SELECT value FROM sync_state WHERE key = 'token'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let mode = std::fs::metadata(s.db.db()).unwrap().permissions().mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "the cache holding the token is private"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    for secret in [PASSWORD, token.as_str()] {
        assert!(!stdout.contains(secret));
        assert!(!stderr(&out).contains(secret));
        for entry in std::fs::read_dir(s.db.data_dir()).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("cache.db") || name == "config.toml" || name == "pw.sh" {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(secret), "{name} holds a secret");
        }
        // Never in a URL: a proxy or server log would keep it.
        assert!(r.requests().iter().all(|q| !q.target.contains(secret)));
    }
    let log = std::fs::read_to_string(s.db.data_dir().join("docbao.log")).unwrap_or_default();
    assert!(!log.is_empty(), "trace logging was on");
}
