//! Measuring, truncating and wrapping by grapheme cluster for the TUI's own short strings
//! (titles, header lines): the text pipeline's functions, plus padding to a column count.
//! Article bodies are wrapped once by the runner, not here.
pub use crate::text::wrap::{truncate, width, wrap};

/// `s` padded with spaces to exactly `cols` columns (truncated first if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

/// The end of `s` that fits in `cols` columns, after "…" when cut (a prompt shows where
/// the typing is). Graphemes are kept whole.
pub fn tail(s: &str, cols: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if width(s) <= cols {
        return s.to_string();
    }
    let room = cols.saturating_sub(1);
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = width(g);
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    format!("…{}", &s[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_cuts_by_grapheme() {
        assert_eq!(pad("ab", 4), "ab  ");
        let t = pad("Vie\u{323}\u{302}t Nam", 5);
        assert_eq!(t, "Vie\u{323}\u{302}t…");
        assert_eq!(width(&t), 5);
        assert_eq!(tail("/tmp/bài.md", 6), "…ài.md");
        assert_eq!(tail("ab", 6), "ab");
    }
}
