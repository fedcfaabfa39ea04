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

/// ESC and BEL as the feed repair passes them through XML, which forbids both (Unicode
/// noncharacters: never text, allowed in XML). Read here as ESC and BEL.
pub const STAND_IN_ESC: char = '\u{fdd0}';
pub const STAND_IN_BEL: char = '\u{fdd1}';

/// Characters that can reorder text or drive the terminal: C0 (but \n, \t), DEL, C1,
/// and the bidi embedding/override/isolate controls; and invisible characters that only
/// break words and searches (see [`is_invisible`]).
fn is_forbidden(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_newlines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        // Noncharacters, among them the stand-ins.
        '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}' => true,
        c => is_invisible(c),
    }
}

/// Zero-width characters with no visible effect in a news text: soft hyphen, zero-width
/// space, word joiner and invisible operators, LRM/RLM/ALM, the BOM and interlinear
/// annotation marks. Zero-width (non-)joiners stay: emoji and some scripts need them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// Where [`Visible`] is inside a terminal escape sequence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    Text,
    /// After ESC.
    Esc,
    /// ESC followed by intermediate bytes (`ESC ( B`).
    EscIntermediate,
    /// CSI: parameters and intermediates until a final byte.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string until BEL or ST.
    Str,
    /// ESC inside a string: `\` ends it (ST), anything else starts a new sequence.
    StrEsc,
}

/// The characters of a text minus whole escape sequences (CSI `ESC [ ... final`, OSC
/// `ESC ] ... BEL or ESC \`, DCS, SOS, PM, APC and their 8-bit C1 forms, two-byte ESC
/// sequences) and minus forbidden characters. A string sequence also ends at a newline,
/// CAN or SUB, so that a stray `ESC ]` cannot swallow the rest of an article; a CSI ends
/// at the first character that cannot belong to it, which is kept.
struct Visible<I> {
    chars: I,
    machine: Machine,
}

struct Machine {
    state: Seq,
    keep_newlines: bool,
}

impl<I: Iterator<Item = char>> Iterator for Visible<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let machine = &mut self.machine;
        self.chars.by_ref().find_map(|c| machine.step(c))
    }
}

impl Machine {
    /// Advances the state by `c`; returns `c` when it is visible text.
    fn step(&mut self, c: char) -> Option<char> {
        use Seq::*;
        let c = match c {
            STAND_IN_ESC => '\u{1b}',
            STAND_IN_BEL => '\u{7}',
            // Invisible characters and noncharacters go before anything else: they neither
            // end nor hide a sequence ("ESC U+200B [2J" loses the whole sequence).
            '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}' => return None,
            c if is_invisible(c) => return None,
            c => c,
        };
        match (self.state, c) {
            (Str, '\u{7}' | '\u{9c}' | '\u{18}' | '\u{1a}') => self.state = Text,
            (Str, '\u{1b}') => self.state = StrEsc,
            (Str, '\n') => return self.text(c),
            (Str, _) => {}
            (StrEsc, '\\') => self.state = Text,
            (StrEsc, _) => {
                self.state = Esc;
                return self.step(c);
            }
            (Csi, '\u{20}'..='\u{3f}') => {}
            (Csi, '\u{40}'..='\u{7e}') => self.state = Text,
            (Esc, '[') => self.state = Csi,
            (Esc, ']' | 'P' | 'X' | '^' | '_') => self.state = Str,
            (Esc | EscIntermediate, '\u{20}'..='\u{2f}') => self.state = EscIntermediate,
            (Esc | EscIntermediate, '\u{30}'..='\u{7e}') => self.state = Text,
            // A sequence cut short: the character is read as text again.
            (Csi | Esc | EscIntermediate, _) => return self.text(c),
            (Text, _) => return self.text(c),
        }
        None
    }

    fn text(&mut self, c: char) -> Option<char> {
        self.state = match c {
            '\u{1b}' => Seq::Esc,
            '\u{9b}' => Seq::Csi,
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => Seq::Str,
            _ => Seq::Text,
        };
        // `clean_line` folds whitespace itself, so it keeps newlines and tabs to fold.
        let keep =
            !is_forbidden(c, self.keep_newlines) || (!self.keep_newlines && c.is_whitespace());
        (self.state == Seq::Text && keep).then_some(c)
    }
}

/// `chars` without escape sequences and forbidden characters.
fn visible(chars: impl Iterator<Item = char>, keep_newlines: bool) -> impl Iterator<Item = char> {
    Visible {
        chars,
        machine: Machine {
            state: Seq::Text,
            keep_newlines,
        },
    }
}

/// A single-line field (title, URL, error message): NFC, escape sequences and controls
/// removed, runs of whitespace folded to one space, trimmed.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // Controls go before composing: "e", ESC, U+0301 must end as "é", not as "e" + U+0301.
    for c in visible(s.chars(), false).nfc() {
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

/// A multi-line body: NFC, escape sequences and controls removed except newline and tab;
/// `\r\n` becomes `\n`.
pub fn clean_block(s: &str) -> String {
    // Summaries and bodies are large and nearly always clean: check before copying. Every
    // escape sequence starts with a forbidden character (ESC or C1).
    if !s.chars().any(|c| is_forbidden(c, true)) && is_nfc(s) {
        return s.to_owned();
    }
    visible(s.chars(), true).nfc().collect()
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
    fn controls_and_whitespace() {
        assert_eq!(clean_line("  Đường \n sắt  "), "Đường sắt");
        assert_eq!(clean_block("a\r\nb\u{1b}\tc"), "a\nb\tc");
    }

    #[test]
    fn whole_escape_sequences_are_removed() {
        // CSI, 7-bit and 8-bit, with parameters and intermediates.
        assert_eq!(clean_line("Kênh \u{1b}[2JLạ"), "Kênh Lạ");
        assert_eq!(clean_line("a\u{1b}[38;5;196mđỏ\u{1b}[0m b"), "ađỏ b");
        assert_eq!(clean_line("x\u{9b}31my"), "xy");
        // OSC ended by BEL, by ESC \ and by 8-bit ST.
        assert_eq!(
            clean_line("Kênh \u{1b}]0;PWNED-FEED\u{7}\u{1b}[2JLạ"),
            "Kênh Lạ"
        );
        assert_eq!(
            clean_line("a\u{1b}]8;;http://x.vn\u{1b}\\link\u{1b}]8;;\u{1b}\\b"),
            "alinkb"
        );
        assert_eq!(clean_line("a\u{9d}2;title\u{9c}b"), "ab");
        // DCS, SOS, PM, APC in both forms.
        for (seven, eight) in [
            ('P', '\u{90}'),
            ('X', '\u{98}'),
            ('^', '\u{9e}'),
            ('_', '\u{9f}'),
        ] {
            let s7 = format!("Hà\u{1b}{seven}q#0;2;0;0;0\u{1b}\\Nội");
            assert_eq!(clean_line(&s7), "HàNội", "{s7:?}");
            let s8 = format!("Hà{eight}payload\u{9c}Nội");
            assert_eq!(clean_line(&s8), "HàNội", "{s8:?}");
        }
        // Two-byte and intermediate ESC sequences.
        assert_eq!(clean_line("a\u{1b}cb\u{1b}(Bc\u{1b}7d"), "abcd");
        // A string never closed ends at the line, not at the end of the article.
        assert_eq!(clean_block("a\u{1b}]0;x\nsau"), "a\nsau");
        // An invisible character or a noncharacter hides nothing.
        assert_eq!(clean_line("a\u{1b}\u{200b}[2Jb\u{1b}\u{fffe}[1mc"), "abc");
        // A CSI cut short keeps the character that cut it.
        assert_eq!(clean_line("a\u{1b}[12ệ"), "aệ");
        assert_eq!(clean_block("a\r\nb"), "a\nb");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            clean_line("\u{feff}Việt\u{200b}Nam\u{2060} đẹp\u{ad}\u{200e}"),
            "ViệtNam đẹp"
        );
        assert_eq!(clean_block("a\u{feff}\nb\u{200b}"), "a\nb");
        // Joiners that emoji need stay.
        assert_eq!(clean_line("👨\u{200d}👩"), "👨\u{200d}👩");
    }

    #[test]
    fn a_removed_control_never_leaves_a_mark_uncomposed() {
        assert_eq!(clean_line("Vie\u{1b}\u{302}\u{323}t"), "Việt");
        assert_eq!(clean_block("Vie\u{202e}\u{302}\u{323}t"), "Việt");
    }
}
