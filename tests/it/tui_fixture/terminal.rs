//! The real terminal for the end-to-end tests: one tmux harness, and what a reader that
//! ended (normally or by a panic) must leave behind: the shell's own terminal.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// `stty -a` (as written after the reader ended) and tmux's `#{alternate_on}`: raw mode
/// off, echo on, the alternate screen left.
pub fn assert_terminal_restored(stty: &str, alternate_on: &str) {
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "raw mode left on: {stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "echo left off: {stty}"
    );
    assert_eq!(alternate_on.trim(), "0", "the alternate screen was left on");
}

/// A private tmux server (its socket in `dir`, gone with it) running programs in 100x30
/// panes that stay after their program ends.
pub struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    pub fn new(dir: &Path) -> Tmux {
        let conf = dir.join("tmux.conf");
        // Apps may set the clipboard (OSC 52 makes a buffer) and the title: if docbao let
        // either through, a test's look at `buffers` and `#{pane_title}` sees it.
        std::fs::write(
            &conf,
            "set -g remain-on-exit on\nset -s set-clipboard on\nset -g history-limit 100\n",
        )
        .unwrap();
        // A private server whose socket goes away with the temporary directory.
        let socket = dir.join("tmux.sock").to_string_lossy().into_owned();
        Tmux {
            socket,
            dir: dir.to_path_buf(),
        }
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        let conf = self.dir.join("tmux.conf");
        Command::new("tmux")
            .args(["-S", &self.socket, "-f"])
            .arg(&conf)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux is needed for this test (apt-get install tmux)")
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args);
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn start(&self, session: &str, shell_cmd: &str) {
        self.ok(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            session,
            shell_cmd,
        ]);
    }

    pub fn screen(&self, session: &str) -> String {
        self.ok(&["capture-pane", "-p", "-t", session])
    }

    pub fn show(&self, session: &str, format: &str) -> String {
        self.ok(&["display-message", "-p", "-t", session, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `pred` holds, up to a deadline.
    pub fn wait(&self, session: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let s = self.screen(session);
            if pred(&s) {
                return s;
            }
            if Instant::now() >= deadline {
                let raw = self.ok(&["capture-pane", "-e", "-p", "-t", session]);
                panic!("waited for {what}; the screen:\n{s}\nwith escapes: {raw:?}");
            }
            std::thread::yield_now();
            std::thread::park_timeout(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, session: &str, text: &str) -> String {
        self.wait(session, text, |s| s.contains(text))
    }

    pub fn keys(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        self.ok(&args);
    }

    pub fn type_text(&self, session: &str, text: &str) {
        self.ok(&["send-keys", "-t", session, "-l", text]);
    }

    /// Waits for the pane's program to end. (A status it needs comes from a file the shell
    /// writes: tmux 3.3 sometimes marks a pane dead without recording the status.)
    pub fn wait_dead(&self, session: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.show(session, "#{pane_dead}") != "1" {
            assert!(
                Instant::now() < deadline,
                "{session} did not end:\n{}",
                self.screen(session)
            );
            std::thread::park_timeout(Duration::from_millis(50));
        }
    }

    pub fn buffers(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["list-buffers"]).stdout).into_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}
