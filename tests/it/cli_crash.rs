//! Crash safety: the real binary killed with SIGKILL at random moments during refreshes.
//! After every kill the cache must pass `integrity_check`, every feed must be wholly stored
//! or not at all (no validator without its items), and no rating may be lost.
use crate::cli_common;
use crate::support;

use cli_common::{Docbao, rss};
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support::{Response, Server};

const FEEDS: usize = 12;
const ITEMS: usize = 60;
const RUNS: usize = 25;

/// Version `v` of feed `f`: items v..v+ITEMS, so every version brings new ones.
fn items(f: usize, v: usize) -> Vec<(String, String)> {
    (v..v + ITEMS)
        .map(|i| {
            (
                format!("f{f}-i{i}"),
                format!("Tin {i} của báo {f}: Đường sắt"),
            )
        })
        .collect()
}

/// A tiny deterministic generator: the kill moments differ per run but not per test run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn check(db: &std::path::Path, ratings: &HashMap<i64, i64>) {
    let conn = Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let mut feeds = conn.prepare("SELECT id, url, etag FROM feeds").unwrap();
    let rows = feeds
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (id, url, etag) = row.unwrap();
        let Some(etag) = etag else { continue };
        // The validator names a version: all of that version's items must be there.
        let v: usize = etag
            .trim_matches('"')
            .trim_start_matches('v')
            .parse()
            .unwrap();
        let f: usize = url
            .rsplit('/')
            .next()
            .unwrap()
            .trim_start_matches('f')
            .trim_end_matches(".xml")
            .parse()
            .unwrap();
        for (guid, _) in items(f, v) {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM articles WHERE feed_id = ?1 AND guid = ?2",
                    (id, &guid),
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "feed {url} has validator {etag} but lacks {guid}");
        }
    }
    for (id, stars) in ratings {
        let got: i64 = conn
            .query_row("SELECT rating FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(got, *stars, "rating of article {id} lost");
    }
}

#[test]
fn sigkill_during_refresh_never_corrupts_or_loses() {
    let server = Server::start_background();
    let version = Arc::new(AtomicUsize::new(0));
    let docbao = Docbao::new();
    for f in 0..FEEDS {
        let version = version.clone();
        let base = server.url("");
        server.route_fn(&format!("/f{f}.xml"), move |req| {
            let v = version.load(Ordering::SeqCst);
            let body = rss(&format!("Báo {f}"), &base, &items(f, v));
            Response::conditional(
                req,
                Some(&format!("\"v{v}\"")),
                None,
                body,
                "application/rss+xml",
            )
        });
        docbao.ok(&["add", &server.url(&format!("/f{f}.xml"))]);
    }
    // Rate some articles; the ratings must survive every kill.
    let mut ratings = HashMap::new();
    for (n, id) in [1i64, 7, 61, 200].into_iter().enumerate() {
        let stars = (n % 5 + 1) as i64;
        docbao.ok(&["rate", &id.to_string(), &stars.to_string()]);
        ratings.insert(id, stars);
    }
    check(&docbao.db(), &ratings);

    // How long one whole refresh takes here, so kills land across all of it.
    version.store(1, Ordering::SeqCst);
    let start = std::time::Instant::now();
    docbao.ok(&["refresh"]);
    let span = (start.elapsed().as_millis() as u64).max(20);

    let mut rng = Lcg(42);
    for run in 0..RUNS {
        version.store(2 + run, Ordering::SeqCst);
        let mut child = docbao
            .command()
            .arg("refresh")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(span * 3 / 2)));
        let _ = child.kill(); // SIGKILL; the refresh may already have finished
        child.wait().unwrap();
        check(&docbao.db(), &ratings);
        // A rating set between crashes is kept too.
        let id = 1 + rng.next(FEEDS as u64 * ITEMS as u64) as i64;
        let stars = 1 + rng.next(5) as i64;
        docbao.ok(&["rate", &id.to_string(), &stars.to_string()]);
        ratings.insert(id, stars);
    }
    // And the cache still works normally afterwards.
    docbao.ok(&["refresh"]);
    check(&docbao.db(), &ratings);
    let feeds = docbao.json(&["feeds", "--json"]);
    assert_eq!(feeds.as_array().unwrap().len(), FEEDS);
}
