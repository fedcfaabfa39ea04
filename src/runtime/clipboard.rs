//! The clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; base64 BEL`), which works
//! over ssh because the terminal, not docbao, owns the clipboard. Inside tmux the same
//! sequence is also sent wrapped in tmux's DCS passthrough (`ESC P tmux; ... ESC \`, each
//! ESC inside doubled): tmux forwards the plain one with `set-clipboard on`, the wrapped
//! one with `allow-passthrough on`; either is enough.
use std::io::Write;

/// The most bytes copied: terminals cap OSC 52 (xterm at 100,000 base64 bytes).
pub const MAX_COPY: usize = 64 * 1024;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes that put `text` on the clipboard; `tmux`: also wrapped for tmux's
/// passthrough. Text past [`MAX_COPY`] is cut at a character boundary.
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let mut end = text.len().min(MAX_COPY);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let seq = format!("\x1b]52;c;{}\x07", base64(&text.as_bytes()[..end]));
    let mut out = seq.clone().into_bytes();
    if tmux {
        out.extend_from_slice(b"\x1bPtmux;");
        out.extend_from_slice(seq.replace('\x1b', "\x1b\x1b").as_bytes());
        out.extend_from_slice(b"\x1b\\");
    }
    out
}

/// Writes the escape to the terminal (between frames: the runner draws on the same
/// stdout, never at the same time).
pub fn copy(text: &str) -> std::io::Result<()> {
    let tmux = std::env::var_os("TMUX").is_some_and(|t| !t.is_empty());
    let mut out = std::io::stdout().lock();
    out.write_all(&osc52(text, tmux))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_follows_the_rfc_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), enc);
        }
    }
}
