//! Shared by the sync tests: a docbao whose config has a `[sync]` section.
#![allow(dead_code)]

use crate::cli_common::Docbao;
use std::path::PathBuf;
use std::process::{Command, Output};

pub const USER: &str = "lan@example.org";
pub const PASSWORD: &str = "mật-khẩu-Bí-Mật-42";

pub struct Synced {
    pub db: Docbao,
    pub config: PathBuf,
}

impl Synced {
    /// `[sync]` for `service` at `url`, plus `extra` lines; the file is private (0600).
    pub fn new(service: &str, url: &str, extra: &str) -> Synced {
        let db = Docbao::new();
        let config = db.data_dir().join("config.toml");
        let text = format!(
            "[sync]\nservice = \"{service}\"\nurl = \"{url}\"\nusername = \"{USER}\"\n{extra}"
        );
        write_private(&config, &text);
        Synced { db, config }
    }

    pub fn command(&self) -> Command {
        let mut cmd = self.db.command();
        cmd.arg("--config")
            .arg(&self.config)
            .env("DOCBAO_SYNC_PASSWORD", PASSWORD);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        crate::cli_common::succeeded(self.command(), args)
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    pub fn sync(&self) -> serde_json::Value {
        self.json(&["sync", "--json"])
    }

    /// Runs `sql` on the cache (a second connection, as another process would).
    pub fn query_i64(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(self.db.db()).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

pub fn write_private(path: &std::path::Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
