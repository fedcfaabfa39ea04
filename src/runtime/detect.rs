//! Asking the terminal once at start how it draws pictures, with a deadline: a terminal
//! that does not answer costs at most [`WAIT`], and nothing is left reading stdin after
//! (a query read on a thread of its own would stay blocked on stdin when the terminal is
//! silent, and then eat the first keys). The decision is `picture::detect`'s.
use crate::config::ImageMode;
use crate::picture::detect::{self, Drawing, TermEnv};
use std::time::{Duration, Instant};

/// The longest start-up waits for a terminal that says nothing.
pub const WAIT: Duration = Duration::from_millis(200);
/// The longest it waits for the rest of an answer once one has begun: the rest arriving
/// later would be read as keys.
pub const WAIT_BEGUN: Duration = Duration::from_secs(1);

/// Inside tmux, as the environment says: escapes for the outer terminal (pictures, the
/// clipboard) then go through its passthrough.
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
        || std::env::var("TERM").is_ok_and(|t| t.starts_with("tmux"))
}

/// The environment as `picture::detect` reads it.
pub fn term_env() -> TermEnv {
    let term = std::env::var("TERM").unwrap_or_default();
    let colors = if term == "dumb" {
        0
    } else {
        crossterm::style::available_color_count()
    };
    TermEnv {
        no_color: crate::theme::no_color_from_env(std::env::var_os("NO_COLOR").as_deref()),
        colors,
        tmux: in_tmux(),
        cell_px: cell_px(),
    }
}

/// A cell's pixels from the terminal's window size, where it reports pixels.
#[cfg(unix)]
fn cell_px() -> Option<(u16, u16)> {
    let ws = rustix::termios::tcgetwinsize(rustix::stdio::stdout()).ok()?;
    if ws.ws_col == 0 || ws.ws_row == 0 || ws.ws_xpixel == 0 || ws.ws_ypixel == 0 {
        return None;
    }
    Some((ws.ws_xpixel / ws.ws_col, ws.ws_ypixel / ws.ws_row))
}

#[cfg(not(unix))]
fn cell_px() -> Option<(u16, u16)> {
    None
}

/// How pictures are drawn: asked of the terminal (in raw mode, before events are read)
/// only for `images = "auto"`.
pub fn drawing(mode: ImageMode) -> Drawing {
    let env = term_env();
    let answer = if detect::wants_query(mode, &env) {
        if env.tmux {
            // The query goes to the outer terminal through tmux's passthrough, off by
            // default (the pictures are drawn through it too).
            allow_passthrough();
        }
        ask(&detect::query(env.tmux), WAIT)
    } else {
        Vec::new()
    };
    let d = detect::choose(mode, &env, &answer);
    tracing::info!(?d, answered = !answer.is_empty(), "pictures");
    d
}

/// `tmux set -p allow-passthrough on`, waited for (a few ms); failures are ignored.
fn allow_passthrough() {
    let _ = std::process::Command::new("tmux")
        .args(["set", "-p", "allow-passthrough", "on"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
}

/// Writes `query` and collects the reply until it is complete or `wait` has passed.
#[cfg(unix)]
fn ask(query: &str, wait: Duration) -> Vec<u8> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::Write;
    let mut out = std::io::stdout();
    if out
        .write_all(query.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return Vec::new();
    }
    let stdin = rustix::stdio::stdin();
    let started = Instant::now();
    let mut deadline = started + wait;
    let mut answer = Vec::new();
    let mut buf = [0u8; 256];
    while answer.len() < 4096 && !detect::complete(&answer) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let timeout = Timespec {
            tv_sec: 0,
            tv_nsec: left.as_nanos().min(999_999_999) as _,
        };
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) | Err(_) => break,
            Ok(_) => match rustix::io::read(stdin, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buf[..n]);
                    deadline = deadline.max(started + WAIT_BEGUN);
                }
            },
        }
    }
    answer
}

#[cfg(not(unix))]
fn ask(_query: &str, _wait: Duration) -> Vec<u8> {
    Vec::new()
}
