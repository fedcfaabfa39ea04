//! `docbao sync` with the Fever API, end to end against a real coldsweat (installed from
//! PyPI by .ci/run into a venv named by DOCBAO_COLDSWEAT_PYTHON), started on 127.0.0.1 with
//! a throwaway database. Its feeds are served by the test's own server; its sockets are
//! confined to loopback by tests/fixtures/sync/coldsweat_guard.py, and the test asserts
//! that nothing tried to reach another address.
use crate::cli_common::rss;
use crate::support::{Response, Server};
use crate::sync_common::{PASSWORD, Synced, USER, stderr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The python with coldsweat, or None (the test then says it is skipped, unless
/// DOCBAO_REQUIRE_COLDSWEAT is set, as in CI, where its absence is a failure).
fn python() -> Option<PathBuf> {
    let found = std::env::var_os("DOCBAO_COLDSWEAT_PYTHON").map(PathBuf::from);
    let found = found.or_else(|| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/coldsweat-venv/bin/python");
        p.exists().then_some(p)
    });
    if found.is_none() {
        assert!(
            std::env::var_os("DOCBAO_REQUIRE_COLDSWEAT").is_none(),
            "coldsweat is required but DOCBAO_COLDSWEAT_PYTHON is not set"
        );
        eprintln!("skipped: no coldsweat (run .ci/run, or set DOCBAO_COLDSWEAT_PYTHON)");
    }
    found
}

struct Coldsweat {
    python: PathBuf,
    dir: tempfile::TempDir,
    child: Option<Child>,
    port: u16,
}

impl Drop for Coldsweat {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Coldsweat {
    fn guard() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sync/coldsweat_guard.py")
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("guard.log")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.python);
        cmd.arg(Self::guard())
            .args(args)
            .current_dir(self.dir.path())
            .env(
                "FLASK_DATABASE_URL",
                format!(
                    "sqlite:///{}",
                    self.dir.path().join("coldsweat.db").display()
                ),
            )
            .env("FLASK_SECRET_KEY", "thu-nghiem")
            .env("COLDSWEAT_MIN_FETCH_INTERVAL", "0")
            .env("DOCBAO_GUARD_LOG", self.log())
            .env("HOME", self.dir.path())
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) {
        let out = self.command(args).output().unwrap();
        assert!(out.status.success(), "coldsweat {args:?}: {}", stderr(&out));
    }

    fn start(python: PathBuf, opml: &str) -> Coldsweat {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut cs = Coldsweat {
            python,
            dir: tempfile::tempdir().unwrap(),
            child: None,
            port,
        };
        let opml_path = cs.dir.path().join("subs.opml");
        std::fs::write(&opml_path, opml).unwrap();
        cs.run(&["setup", USER, "-p", PASSWORD]);
        cs.run(&["import", opml_path.to_str().unwrap(), USER, "-f"]);
        let child = cs
            .command(&[
                "run",
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
                "--no-reload",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        cs.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "coldsweat did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        cs
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever", self.port)
    }
}

fn items(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("bai-{i}"),
                format!("Bản tin {i}: mưa lớn ở miền Trung"),
            )
        })
        .collect()
}

#[test]
fn the_guard_blocks_and_records_what_leaves_loopback() {
    let Some(python) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("guard.log");
    let out = Command::new(python)
        .arg(Coldsweat::guard())
        .arg("--selftest")
        .env("DOCBAO_GUARD_LOG", &log)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("lookup example.org"), "{text}");
}

#[test]
fn fever_end_to_end_against_coldsweat() {
    let Some(python) = python() else { return };
    let feeds = Server::start_background();
    let base = feeds.url("");
    feeds.route(
        "/mien-trung.xml",
        Response::ok(
            rss("Tin miền Trung", &base, &items(3)),
            "application/rss+xml",
        ),
    );
    let opml = format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>\
         <outline text=\"Thời tiết\" title=\"Thời tiết\"><outline type=\"rss\" \
         text=\"Tin miền Trung\" title=\"Tin miền Trung\" xmlUrl=\"{}\"/></outline>\
         </body></opml>",
        feeds.url("/mien-trung.xml")
    );
    let cs = Coldsweat::start(python, &opml);

    let a = Synced::new("fever", &cs.url(), "star_rating = 3\n");
    let report = a.sync();
    assert_eq!(report["new_articles"], 3, "{report}");
    assert_eq!(report["service"], "fever");
    let listed = a.json(&["feeds", "--json"]);
    let feed = &listed.as_array().unwrap()[0];
    assert_eq!(feed["source"], "sync");
    assert_eq!(feed["title"], "Tin miền Trung");
    assert_eq!(feed["category"], "Thời tiết");

    // Local changes go up; a second cache on the same account sees them.
    let list = a.json(&["articles", "--json"]);
    let id = |n: usize| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|x| x["title"] == format!("Bản tin {n}: mưa lớn ở miền Trung"))
            .unwrap()["id"]
            .to_string()
    };
    a.ok(&["mark", &id(0), "read"]);
    a.ok(&["rate", &id(1), "4"]);
    a.ok(&["--offline", "add", "https://local.example/rss"]);
    let out = a.run(&["sync", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Fever API cannot manage subscriptions"),
        "{}",
        stderr(&out)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pushed"], 2, "{report}");
    assert_eq!(report["queued"], 0);

    let b = Synced::new("fever", &cs.url(), "star_rating = 3\n");
    b.sync();
    let by_title = |s: &Synced, n: usize| {
        s.json(&["articles", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["title"] == format!("Bản tin {n}: mưa lớn ở miền Trung"))
            .unwrap()
            .clone()
    };
    assert_eq!(by_title(&b, 0)["read"], true);
    assert_eq!(
        by_title(&b, 1)["rating"],
        3,
        "starred elsewhere: star_rating"
    );
    assert_eq!(by_title(&b, 2)["read"], false);

    // The other cache unstars and marks unread; the first follows (no change pending).
    let b1 = by_title(&b, 1)["id"].to_string();
    let b0 = by_title(&b, 0)["id"].to_string();
    b.ok(&["rate", &b1, "0"]);
    b.ok(&["mark", &b0, "unread"]);
    let report = b.sync();
    assert_eq!(report["pushed"], 2, "{report}");
    let report = a.sync();
    assert_eq!(report["rating_changed"], 1, "{report}");
    assert_eq!(report["read_changed"], 1, "{report}");
    assert_eq!(by_title(&a, 1)["rating"], 0);
    assert_eq!(by_title(&a, 0)["read"], false);

    // A new item on the feed: coldsweat fetches it, the next sync brings only it.
    feeds.route(
        "/mien-trung.xml",
        Response::ok(
            rss("Tin miền Trung", &base, &items(4)),
            "application/rss+xml",
        ),
    );
    cs.run(&["fetch"]);
    let report = a.sync();
    assert_eq!(report["new_articles"], 1, "{report}");
    assert_eq!(a.json(&["articles", "--json"]).as_array().unwrap().len(), 4);

    // A wrong password is said in words; the stored key is not the password.
    let c = Synced::new("fever", &cs.url(), "");
    let out = c
        .command()
        .env("DOCBAO_SYNC_PASSWORD", "sai")
        .args(["sync"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("refused the user name or password"),
        "{}",
        stderr(&out)
    );

    let guard = std::fs::read_to_string(cs.log()).unwrap();
    assert!(
        guard.is_empty(),
        "coldsweat tried to leave 127.0.0.1: {guard}"
    );
}
