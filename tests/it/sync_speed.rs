//! Figures, not a check (ignored by default): a first sync of 5,000 items and a no-change
//! sync over 10,000 cached items against the Google Reader test server, with their wall
//! times and requests. Run with the release binary:
//!   cargo build --release && DOCBAO_BIN=target/release/docbao \
//!     cargo test --test it sync_speed -- --ignored --nocapture
use crate::greader_server::Reader;
use crate::sync_common::{PASSWORD, Synced, USER};
use std::time::Instant;

fn timed_sync(s: &Synced) -> (f64, serde_json::Value) {
    let mut cmd = s.command();
    if let Some(bin) = std::env::var_os("DOCBAO_BIN") {
        let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
        let envs: Vec<_> = cmd
            .get_envs()
            .map(|(k, v)| (k.to_owned(), v.map(|v| v.to_owned())))
            .collect();
        cmd = std::process::Command::new(bin);
        cmd.args(args);
        for (k, v) in envs {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
    }
    let start = Instant::now();
    let out = cmd.args(["sync", "--json"]).output().unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (secs, serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
#[ignore = "figures for the report, not a check"]
fn sync_speed_figures() {
    let r = Reader::start(USER, PASSWORD);
    // Pages as large as the client asks for (FreshRSS and Miniflux honour n).
    r.state().page = 10_000;
    let now = chrono::Utc::now().timestamp();
    for f in 0..20 {
        r.add_sub(
            &format!("feed/{f}"),
            &format!("Báo {f}"),
            &format!("https://bao.example/{f}.rss"),
            None,
        );
    }
    let first = |n: usize| {
        let s = Synced::new("greader", &r.url(), "");
        let (secs, report) = timed_sync(&s);
        println!(
            "first sync of {n} items: {secs:.2} s, {} requests, {} new",
            report["requests"], report["new_articles"]
        );
        s
    };
    for f in 0..20 {
        r.add_items(&format!("feed/{f}"), f * 250, 250, now);
    }
    first(5_000);
    for f in 0..20 {
        r.add_items(&format!("feed/{f}"), 5_000 + f * 250, 250, now);
    }
    let s = first(10_000);
    for _ in 0..3 {
        let (secs, report) = timed_sync(&s);
        println!(
            "no-change sync over 10000 cached items: {secs:.2} s, {} requests",
            report["requests"]
        );
    }
}
