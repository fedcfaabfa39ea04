//! NFC and removal of control characters that must never reach a terminal.
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Whether `c` is NFC whatever surrounds it: not a combining mark and never changed by
/// composition. Covers ASCII, Latin-1, Latin Extended-A/B (below U+0300) and the
/// precomposed Vietnamese letters (U+1E00..U+1EFF): nearly every char of Vietnamese text.
fn always_nfc(c: char) -> bool {
    (c as u32) < 0x300 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Whether `s` is certainly NFC already (cheap checks before any rebuilding).
fn is_nfc(s: &str) -> bool {
    s.chars().all(always_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Canonical composition (NFC).
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

/// Characters that can reorder text or drive the terminal: C0 (but \n, \t), DEL, C1,
/// and the bidi embedding/override/isolate controls.
fn is_forbidden(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_newlines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// A single-line field (title, URL, error message): NFC, controls removed, runs of
/// whitespace folded to one space, trimmed.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // Controls go before composing: "e", ESC, U+0301 must end as "é", not as "e" + U+0301.
    for c in s
        .chars()
        .filter(|&c| !is_forbidden(c, false) || c.is_whitespace())
        .nfc()
    {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// A multi-line body: NFC, controls removed except newline and tab; `\r\n` becomes `\n`.
pub fn clean_block(s: &str) -> String {
    // Summaries and bodies are large and nearly always clean: check before copying.
    if !s.chars().any(|c| is_forbidden(c, true)) && is_nfc(s) {
        return s.to_owned();
    }
    s.chars()
        .filter(|&c| !is_forbidden(c, true))
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_becomes_composed() {
        assert_eq!(nfc("Vie\u{323}\u{302}t Nam"), "Vi\u{1EC7}t Nam");
        assert_eq!(nfc("Vi\u{EA}\u{323}t"), "Việt");
        assert_eq!(nfc("Vie\u{302}\u{323}t"), "Việt");
        assert_eq!(nfc("Việt \u{1EC7}\u{300}"), "Việt \u{1EC7}\u{300}");
        assert_eq!(nfc("A\u{30A}"), "\u{C5}");
        assert_eq!(nfc("\u{212B}"), "\u{C5}");
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(clean_line("a\u{1b}]0;pwned\u{7}b"), "a]0;pwnedb");
        assert_eq!(clean_line("x\u{9b}31m y\u{202e}z"), "x31m yz");
        assert_eq!(clean_line("  Đường \n sắt  "), "Đường sắt");
        assert_eq!(clean_block("a\r\nb\u{1b}\tc"), "a\nb\tc");
    }

    #[test]
    fn a_removed_control_never_leaves_a_mark_uncomposed() {
        assert_eq!(clean_line("Vie\u{1b}\u{302}\u{323}t"), "Việt");
        assert_eq!(clean_block("Vie\u{202e}\u{302}\u{323}t"), "Việt");
    }
}
