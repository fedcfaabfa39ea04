//! What a reader that ended (normally or by a panic) must leave behind: the shell's own
//! terminal. Shared by the tmux tests (`#[path]`-included: it is no part of `tui_fixture`'s
//! state helpers).

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
