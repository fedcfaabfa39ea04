//! A panic while the reader holds the terminal: raw mode and the alternate screen are undone
//! before the message is printed (so it stays readable on the normal screen), and the
//! details go to the log. The panicking program is this test binary itself, re-run in tmux.
use crate::tui_fixture::terminal;

use std::path::Path;
use terminal::{Tmux, assert_terminal_restored};

/// The environment variable that turns [`panic_child`] into the panicking reader.
const CHILD: &str = "DOCBAO_TUI_PANIC_CHILD";

/// Not a test of its own: the program [`a_panic_restores_the_terminal`] runs. Without
/// `DOCBAO_TUI_PANIC_CHILD` it does nothing.
#[test]
fn panic_child() {
    let Some(dir) = std::env::var_os(CHILD) else {
        return;
    };
    docbao::runtime::logging::init(Path::new(&dir)).unwrap();
    let _guard = docbao::tui::TerminalGuard::enter().unwrap();
    panic!("boom inside the reader");
}

#[test]
fn a_panic_restores_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let tmux = Tmux::new(dir);
    let exe = std::env::current_exe().unwrap();
    let cmd = format!(
        "env {CHILD}={d} {exe} --exact tui_panic::panic_child --nocapture --test-threads=1 \
         ; stty -a > {d}/stty; echo after-the-panic",
        d = dir.display(),
        exe = exe.display(),
    );
    tmux.start("p", &cmd);
    tmux.wait_dead("p");
    let screen = tmux.wait("p", "the shell after the child", |s| {
        s.contains("after-the-panic")
    });
    // The message is on the normal screen, readable.
    assert!(screen.contains("boom inside the reader"), "{screen}");
    let alt = tmux.show("p", "#{alternate_on}");
    assert_terminal_restored(&std::fs::read_to_string(dir.join("stty")).unwrap(), &alt);
    let log = std::fs::read_to_string(dir.join("docbao.log")).unwrap();
    assert!(
        log.contains("panic") && log.contains("boom inside the reader"),
        "{log}"
    );
}
