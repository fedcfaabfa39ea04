//! Shared by tests/cli_*.rs: the real binary on a temporary data dir, never the user's.

use crate::support::{Rss, RssItem};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Docbao {
    pub dir: tempfile::TempDir,
}

impl Docbao {
    /// A fresh data dir; `--no-defaults` so tests see only their own feeds.
    pub fn new() -> Docbao {
        Docbao {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("cache.db")
    }
    /// The binary with a clean environment: our data dir, no config, English, no defaults.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_docbao"));
        cmd.arg("--data-dir")
            .arg(self.dir.path())
            .env_remove("DOCBAO_DATA_DIR")
            .env("DOCBAO_CONFIG", self.dir.path().join("no-config.toml"))
            .env("DOCBAO_NO_DEFAULTS", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("HOME", self.dir.path().join("home"));
        cmd
    }
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }
    /// Runs and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        succeeded(self.command(), args)
    }
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

/// Runs `cmd` with `args`, asserts success and returns stdout.
pub fn succeeded(mut cmd: Command, args: &[&str]) -> String {
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "docbao {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An RSS document with `items` (guid, title) pairs, one minute apart, each linking to
/// `base/a/GUID`; Vietnamese text of our own.
pub fn rss(title: &str, base: &str, items: &[(String, String)]) -> String {
    Rss::new(title)
        .link(base)
        .items(items.iter().enumerate().map(|(i, (guid, t))| {
            RssItem::new(guid, t)
                .link(&format!("{base}/a/{guid}"))
                .published(&format!(
                    "Mon, 02 Nov 2026 {:02}:{:02}:00 +0700",
                    i / 60 % 24,
                    i % 60
                ))
                .description(&format!(
                    "Bài viết số {i} về đường sắt tốc độ cao và thời tiết Hà Nội."
                ))
        }))
        .to_string()
}

/// The `id` fields of a JSON list, sorted.
pub fn ids(v: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}
