//! A panic while the reader holds the terminal: raw mode and the alternate screen are undone
//! before the message is printed (so it stays readable on the normal screen), and the
//! details go to the log. The panicking program is this test binary itself, re-run in tmux.
use crate::tui_fixture::terminal;

use std::path::Path;
use terminal::{Tmux, assert_terminal_restored};

/// The environment variable that turns [`panic_child`] into the panicking reader.
const CHILD: &str = "DOCBAO_TUI_PANIC_CHILD";

/// Not a test of its own (ignored, so it never counts as a pass): the program
/// [`a_panic_restores_the_terminal`] runs, which checks that it ends by the panic (exit
/// 101) and what it leaves behind. Run without `DOCBAO_TUI_PANIC_CHILD`, it fails.
#[test]
#[ignore = "the panicking child of a_panic_restores_the_terminal"]
fn panic_child() {
    let dir = std::env::var_os(CHILD).expect("run by a_panic_restores_the_terminal");
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
        "env RUST_BACKTRACE=0 {CHILD}={d} {exe} --exact tui_panic::panic_child --ignored --nocapture \
         --test-threads=1; echo \"child-exit=$?\"; stty -a > {d}/stty; echo after-the-panic",
        d = dir.display(),
        exe = exe.display(),
    );
    tmux.start("p", &cmd);
    tmux.wait_dead("p");
    let screen = tmux.wait("p", "the shell after the child", |s| {
        s.contains("after-the-panic")
    });
    // The child ran and ended by the panic (the harness's 101), not by passing or by
    // finding nothing to run.
    assert!(screen.contains("child-exit=101"), "{screen}");
    assert!(screen.contains("1 failed"), "{screen}");
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
