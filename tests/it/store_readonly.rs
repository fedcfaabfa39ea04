//! A cache on a read-only mount (issue 7, finding 11): reading commands and the reader
//! work, the reader says changes cannot be saved, writing commands fail in one line.
//!
//! The tests run as root, which ignores file permissions, so the cache really is put on a
//! tmpfs remounted read-only. Where mounting is not allowed (no CAP_SYS_ADMIN), the test
//! says so and skips.
use crate::cli_common::{Docbao, rss};
use crate::support::{Response, Server};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmpfs at a temporary directory, unmounted on drop.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn new() -> Option<Mount> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=16m", "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
            return None;
        }
        Some(Mount { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn read_only(&self) {
        let out = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(std::fs::write(self.path().join("probe"), "x").is_err());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path()).status();
    }
}

/// A cache on the mount with one feed of three articles, one of them rated.
fn filled(mount: &Mount) -> Docbao {
    let server = Server::start_background();
    let items: Vec<(String, String)> = (0..3)
        .map(|i| (format!("g{i}"), format!("Đường sắt số {i}")))
        .collect();
    server.route(
        "/feed.xml",
        Response::ok(
            rss("Báo Thử", &server.url(""), &items),
            "application/rss+xml",
        ),
    );
    let d = Docbao {
        dir: tempfile::tempdir_in(mount.path()).unwrap(),
    };
    d.ok(&[
        "add",
        &server.url("/feed.xml"),
        "--category",
        "Tin/Việt Nam",
    ]);
    d.ok(&["rate", "1", "4"]);
    d
}

fn one_line_error(d: &Docbao, args: &[&str]) -> String {
    let out = d.run(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    err
}

#[test]
fn reading_commands_work_and_writing_ones_say_why_not() {
    let Some(mount) = Mount::new() else { return };
    let d = filled(&mount);
    mount.read_only();
    let feeds = d.json(&["feeds", "--json"]);
    assert_eq!(feeds[0]["title"], "Báo Thử");
    assert_eq!(feeds[0]["category"], "Tin/Việt Nam");
    let articles = d.json(&["articles", "--json"]);
    assert_eq!(articles.as_array().unwrap().len(), 3);
    assert!(
        articles
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["rating"] == 4)
    );
    assert_eq!(
        d.json(&["search", "duong sat", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert!(d.ok(&["export"]).contains("Báo Thử"));
    assert!(d.ok(&["--offline", "read", "1"]).contains("Đường sắt"));
    for args in [
        &["rate", "1", "5"][..],
        &["mark", "1", "read"],
        &["--offline", "add", "http://127.0.0.1:9/x.xml"],
        &["remove", "1"],
        &["refresh"],
    ] {
        let err = one_line_error(&d, args);
        assert!(err.contains("read-only"), "{args:?}: {err}");
    }
    // Nothing changed.
    let articles = d.json(&["articles", "--json"]);
    assert!(
        articles
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["rating"] == 4)
    );
}

#[test]
fn the_reader_opens_a_read_only_cache_and_says_changes_cannot_be_saved() {
    let Some(mount) = Mount::new() else { return };
    let d = filled(&mount);
    mount.read_only();
    let work = tempfile::tempdir().unwrap();
    let socket: PathBuf = work.path().join("tmux.sock");
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap()
    };
    let cmd = format!(
        "LANG=C DOCBAO_NO_DEFAULTS=1 DOCBAO_CONFIG={cfg} {bin} --data-dir {data} --lang en",
        cfg = work.path().join("none.toml").display(),
        bin = env!("CARGO_BIN_EXE_docbao"),
        data = d.data_dir().display(),
    );
    let started = tmux(&["new-session", "-d", "-x", "110", "-y", "30", &cmd]);
    assert!(started.status.success(), "{started:?}");
    let deadline = Instant::now() + Duration::from_secs(20);
    let screen = loop {
        let out = tmux(&["capture-pane", "-p"]);
        let screen = String::from_utf8_lossy(&out.stdout).into_owned();
        if screen.contains("changes cannot be saved") && screen.contains("Báo Thử") {
            break screen;
        }
        assert!(Instant::now() < deadline, "the reader shows:\n{screen}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(screen.contains("read-only"), "{screen}");
    // A rating tried anyway changes nothing, and the reader goes on.
    tmux(&["send-keys", "Tab"]);
    tmux(&["send-keys", "5"]);
    std::thread::sleep(Duration::from_millis(500));
    let out = tmux(&["capture-pane", "-p"]);
    let screen = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(screen.contains("changes cannot be saved"), "{screen}");
    tmux(&["send-keys", "Q"]);
    let _ = tmux(&["kill-server"]);
    let articles = d.json(&["articles", "--json"]);
    assert!(
        articles
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["rating"] != 5)
    );
}
