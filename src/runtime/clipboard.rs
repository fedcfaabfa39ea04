//! The clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; base64 BEL`), which works
//! over ssh because the terminal, not docbao, owns the clipboard. Inside tmux the same
//! sequence is also sent wrapped in tmux's DCS passthrough (`ESC P tmux; ... ESC \`, each
//! ESC inside doubled): tmux forwards the plain one with `set-clipboard on`, the wrapped
//! one with `allow-passthrough on`; either is enough.
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::io::Write;

/// The most bytes copied: terminals cap OSC 52 (xterm at 100,000 base64 bytes).
pub const MAX_COPY: usize = 64 * 1024;

/// The bytes that put `text` on the clipboard; `tmux`: also wrapped for tmux's
/// passthrough. Text past [`MAX_COPY`] is cut at a character boundary.
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let mut end = text.len().min(MAX_COPY);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let seq = format!("\x1b]52;c;{}\x07", STANDARD.encode(&text.as_bytes()[..end]));
    let mut out = seq.clone();
    if tmux {
        crate::picture::encode::passthrough(&seq, true, &mut out);
    }
    out.into_bytes()
}

/// Writes the escape to the terminal (between frames: the runner draws on the same
/// stdout, never at the same time).
pub fn copy(text: &str) -> std::io::Result<()> {
    let tmux = super::detect::in_tmux();
    let mut out = std::io::stdout().lock();
    out.write_all(&osc52(text, tmux))?;
    out.flush()
}
