//! Every key reaches the reader at once, whatever came before it: the loop drained waiting
//! events through crossterm's stream with `now_or_never`, whose no-op waker the stream kept,
//! so a key typed after a frame waited for the next timer (the 30 s clock when idle).
use crate::tui_fixture::terminal::Tmux;

use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

#[test]
fn each_key_is_seen_within_a_second() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("config.toml"), "images = \"off\"\n").unwrap();
    let tmux = Tmux::new(dir);
    tmux.start(
        "wake",
        &format!(
            "env HOME={h} DOCBAO_CONFIG={h}/config.toml {BIN} --data-dir {h}/data --lang vi \
             --no-defaults --offline",
            h = dir.display()
        ),
    );
    tmux.wait_for("wake", "Nguồn tin");
    // Help on, help off, several times: each change must show within a second.
    for round in 0..4 {
        for (key, shown) in [("?", true), ("Escape", false)] {
            tmux.keys("wake", &[key]);
            let started = Instant::now();
            loop {
                let help = tmux.screen("wake").contains("Trợ giúp");
                if help == shown {
                    break;
                }
                assert!(
                    started.elapsed() < Duration::from_secs(1),
                    "round {round}: {key} not seen after {:?}",
                    started.elapsed()
                );
                std::thread::park_timeout(Duration::from_millis(20));
            }
        }
    }
    tmux.keys("wake", &["Q"]);
    tmux.wait_dead("wake");
}
