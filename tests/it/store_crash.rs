//! A writer killed with SIGKILL mid-work leaves a sound cache: integrity_check passes,
//! every feed is wholly stored (with its validator) or not at all, and no rating is lost.
use crate::store_support;

use docbao::feed::ParsedItem;
use docbao::store::{ArticleQuery, Store, Validators};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use store_support::*;

const CHILD_ENV: &str = "DOCBAO_STORE_CRASH_CHILD";
const ITEMS: usize = 50;

fn doc(feed: usize) -> docbao::feed::ParsedFeed {
    feed_of(
        (0..ITEMS)
            .map(|i| ParsedItem {
                summary: Some(format!("<p>Bài {i} của nguồn {feed}</p>")),
                ..item(
                    Some(&format!("{feed}/{i}")),
                    None,
                    &format!("Tin {feed}.{i}"),
                )
            })
            .collect(),
    )
}

fn rating_for(feed: usize) -> u8 {
    (feed % 5 + 1) as u8
}

/// The child's side: subscribe, store, rate, report; again and again until killed.
#[test]
#[ignore = "run in a child process by killed_writer_leaves_a_consistent_cache"]
fn crash_child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).expect("child open");
    let now = at("2025-01-01T00:00:00Z");
    let mut out = std::io::stdout();
    // Each step is announced before it starts: the parent kills right after one of these
    // lines, so the kill lands inside that step.
    let mut say = |line: String| {
        writeln!(out, "{line}").expect("report");
        out.flush().expect("flush");
    };
    for f in 0..10_000 {
        say(format!("add {f}"));
        let (id, _) = store
            .add_feed(&format!("http://127.0.0.1/{f}"), None, None)
            .expect("add");
        let validators = Validators {
            etag: Some(format!("\"etag-{f}\"")),
            last_modified: None,
        };
        say(format!("save {f}"));
        let saved = store
            .save_fetch(id, &doc(f), &validators, now)
            .expect("save");
        say(format!("rate {f}"));
        store
            .set_rating(saved.new_ids[0], rating_for(f))
            .expect("rate");
        say(format!("done {f}"));
    }
}

#[test]
fn killed_writer_leaves_a_consistent_cache() {
    let exe = std::env::current_exe().expect("test binary");
    for run in 0..8usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.db");
        let mut child = Command::new(&exe)
            .args([
                "store_crash::crash_child_writer",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        // Kill inside a different step each run, further along each time.
        let target = format!("{} {}", ["add", "save", "rate", "done"][run % 4], 1 + run);
        let stdout = child.stdout.take().expect("child stdout");
        let mut done = None;
        for line in BufReader::new(stdout).lines() {
            let line = line.expect("child output");
            if let Some(n) = line.strip_prefix("done ") {
                done = Some(n.parse::<usize>().expect("feed number"));
            }
            if line == target {
                break;
            }
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let done = done.expect("the child finished no feed before dying");

        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        drop(conn);

        let store = Store::open(&path).expect("reopen after the kill");
        let mut complete = 0;
        for feed in store.feeds().unwrap() {
            let f: usize = feed.url.rsplit('/').next().unwrap().parse().unwrap();
            match feed.etag {
                Some(etag) => {
                    assert_eq!(etag, format!("\"etag-{f}\""));
                    assert_eq!(feed.total, ITEMS as i64, "feed {f} partly stored");
                    complete += 1;
                }
                None => assert_eq!(feed.total, 0, "feed {f}: items without validator"),
            }
            if f <= done {
                let q = ArticleQuery {
                    feed: Some(feed.id),
                    min_rating: 1,
                    ..Default::default()
                };
                let rated = store.articles(&q).unwrap();
                assert_eq!(rated.len(), 1, "feed {f}: rating lost");
                assert_eq!(rated[0].rating, rating_for(f));
            }
        }
        assert!(complete > done, "{complete} complete feeds, {done} done");
    }
}
