//! kill -9 at many points of a sync (logging in, pushing the queue, pulling items, writing
//! state): afterwards the cache passes integrity_check, and a complete sync leaves every
//! item once and every local change on the server.
use crate::greader_server::Reader;
use crate::sync_common::{PASSWORD, Synced, USER};
use std::collections::HashMap;
use std::time::Duration;

#[test]
fn kill_9_during_sync_loses_nothing_and_duplicates_nothing() {
    let r = Reader::start(USER, PASSWORD);
    let now = chrono::Utc::now().timestamp();
    for (n, feed) in ["feed/1", "feed/2", "feed/3"].iter().enumerate() {
        r.add_sub(
            feed,
            &format!("Báo {n}"),
            &format!("https://bao.example/{n}.rss"),
            None,
        );
        r.add_items(feed, n * 150, 150, now);
    }
    r.state().delay_ms = 25;
    let s = Synced::new("greader", &r.url(), "");
    s.ok(&["feeds"]);
    // Local changes made between runs: remote id -> (read, rating) the server must end with.
    let mut expected: HashMap<String, (Option<bool>, Option<u8>)> = HashMap::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let runs = 30;
    let mut killed = 0;
    for run in 0..runs {
        let cached = s.query_i64("SELECT count(*) FROM articles");
        if cached > 0 {
            for _ in 0..3 {
                let k = next() % cached as u64;
                let conn = rusqlite::Connection::open(s.db.db()).unwrap();
                let (id, remote): (i64, String) = conn
                    .query_row(
                        "SELECT id, remote_id FROM articles ORDER BY id LIMIT 1 OFFSET ?1",
                        [k as i64],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .unwrap();
                drop(conn);
                let entry = expected.entry(remote).or_default();
                if next() % 2 == 0 {
                    let read = next() % 2 == 0;
                    s.ok(&[
                        "mark",
                        &id.to_string(),
                        if read { "read" } else { "unread" },
                    ]);
                    entry.0 = Some(read);
                } else {
                    let stars = (next() % 6) as u8;
                    s.ok(&["rate", &id.to_string(), &stars.to_string()]);
                    entry.1 = Some(stars);
                }
            }
        }
        let mut child = s
            .command()
            .args(["sync"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(next() % 300));
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(s.db.db()).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok", "run {run}");
        let dupes: i64 = conn
            .query_row(
                "SELECT count(*) - count(DISTINCT feed_id || ' ' || url) FROM articles",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(dupes, 0, "run {run}");
    }
    assert!(
        killed >= runs / 3,
        "only {killed} of {runs} runs were killed mid-sync"
    );
    let report = s.sync();
    assert_eq!(report["queued"], 0, "{report}");
    assert_eq!(s.query_i64("SELECT count(*) FROM articles"), 450);
    assert_eq!(
        s.query_i64("SELECT count(DISTINCT remote_id) FROM articles"),
        450
    );
    let st = r.state();
    for (remote, (read, rating)) in &expected {
        let item = &st.items[&remote.parse::<i64>().unwrap()];
        if let Some(read) = read {
            assert_eq!(item.read, *read, "item {remote}");
        }
        if let Some(stars) = rating {
            assert_eq!(item.starred, *stars > 0, "item {remote}");
            if *stars > 0 {
                assert!(
                    item.labels.contains(&format!("docbao/★{stars}")),
                    "item {remote}"
                );
            }
            let local = s.query_i64(&format!(
                "SELECT rating FROM articles WHERE remote_id = '{remote}'"
            ));
            assert_eq!(local, i64::from(*stars), "item {remote}");
        }
    }
    assert!(!expected.is_empty());
}
