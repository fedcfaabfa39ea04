//! Width, wrapping and truncation by grapheme cluster: "ệ" is one cell whether it is one code
//! point or three, and no line or cut ever separates a letter from its marks.
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Terminal columns of one grapheme cluster.
fn cluster_width(g: &str) -> usize {
    g.width()
}

/// Whether a cluster is a place to break a line (a space, but not a no-break space).
fn is_break(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}'))
}

/// Terminal columns of `s`, summed per grapheme cluster.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(cluster_width).sum()
}

/// `s` cut to at most `max` columns, ending in "…" when something was cut; never splits a
/// grapheme cluster.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::with_capacity(s.len().min(max * 4));
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = cluster_width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Word-wraps `s` to `width` columns; see [`wrap_ranges`].
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    wrap_ranges(s, width)
        .into_iter()
        .map(|r| s[r].to_owned())
        .collect()
}

/// Byte ranges of the lines of `s` word-wrapped to `width` columns, so that styled text can be
/// wrapped without copying. Lines break at spaces (dropped at the break) and at '\n'; a word
/// wider than `width` is broken between grapheme clusters (a single cluster wider than
/// `width` gets a line of its own). Width 0 splits only on '\n'.
pub fn wrap_ranges(s: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in s.split('\n') {
        let end = start + line.len();
        let line_end = if line.ends_with('\r') { end - 1 } else { end };
        if width == 0 {
            out.push(start..line_end);
        } else {
            wrap_paragraph(s, start..line_end, width, &mut out);
        }
        start = end + 1;
    }
    out
}

/// A line being built: its byte range and its width.
struct Line {
    range: Option<Range<usize>>,
    width: usize,
}

fn wrap_paragraph(s: &str, para: Range<usize>, width: usize, out: &mut Vec<Range<usize>>) {
    let text = &s[para.clone()];
    let base = para.start;
    let mut line = Line {
        range: None,
        width: 0,
    };
    // Spaces seen since the last word: where they start and how wide they are.
    let mut gap: Option<(usize, usize)> = None;
    let mut word: Option<(usize, usize, usize)> = None; // start, end, width
    let flush_word = |word: (usize, usize, usize),
                      gap: Option<(usize, usize)>,
                      line: &mut Line,
                      out: &mut Vec<Range<usize>>| {
        let (ws, we, ww) = word;
        let (gs, gw) = gap.unwrap_or((ws, 0));
        match line.range.clone() {
            Some(r) if line.width + gw + ww <= width => {
                line.range = Some(r.start..we);
                line.width += gw + ww;
                return;
            }
            Some(r) => out.push(r),
            // Leading spaces of a paragraph stay (indentation) when they fit.
            None if gw + ww <= width && gap.is_some() => {
                line.range = Some(gs..we);
                line.width = gw + ww;
                return;
            }
            None => {}
        }
        place_word(s, ws..we, ww, width, line, out);
    };
    for (i, g) in text.grapheme_indices(true) {
        let (gs, ge) = (base + i, base + i + g.len());
        if is_break(g) {
            if let Some(w) = word.take() {
                flush_word(w, gap.take(), &mut line, out);
            }
            let (s0, w0) = gap.unwrap_or((gs, 0));
            gap = Some((s0, w0 + cluster_width(g)));
        } else {
            let gw = cluster_width(g);
            word = Some(match word {
                Some((ws, _, ww)) => (ws, ge, ww + gw),
                None => (gs, ge, gw),
            });
        }
    }
    if let Some(w) = word.take() {
        flush_word(w, gap.take(), &mut line, out);
    }
    match line.range {
        Some(r) => out.push(r),
        None => out.push(para.start..para.start),
    }
}

/// Starts a new line with a word, breaking it between clusters when it is wider than `width`.
fn place_word(
    s: &str,
    word: Range<usize>,
    word_width: usize,
    width: usize,
    line: &mut Line,
    out: &mut Vec<Range<usize>>,
) {
    if word_width <= width {
        line.range = Some(word);
        line.width = word_width;
        return;
    }
    let mut start = word.start;
    let mut used = 0;
    for (i, g) in s[word.clone()].grapheme_indices(true) {
        let at = word.start + i;
        let w = cluster_width(g);
        if used + w > width && at > start {
            out.push(start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    line.range = Some(start..word.end);
    line.width = used;
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ \
        sơ, trình Quốc hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao \
        trên trục Bắc - Nam.";

    #[test]
    fn vector_sentence_wraps_the_same_composed_or_not() {
        use unicode_normalization::UnicodeNormalization;
        let decomposed: String = SENTENCE.nfd().collect();
        assert_ne!(decomposed, SENTENCE);
        for s in [SENTENCE.to_owned(), decomposed] {
            let lines = wrap(&s, 40);
            let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
            assert_eq!(widths, [35, 35, 38, 40, 24], "{lines:?}");
        }
    }

    #[test]
    fn width_counts_clusters() {
        assert_eq!(width("Vie\u{323}\u{302}t Nam"), 8);
        assert_eq!(width("Vi\u{1EC7}t Nam"), 8);
        assert_eq!(width("日本"), 4);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn truncate_adds_ellipsis_and_keeps_clusters() {
        assert_eq!(truncate("Việt Nam", 8), "Việt Nam");
        assert_eq!(truncate("Việt Nam", 5), "Việt…");
        assert_eq!(truncate("Vie\u{323}\u{302}t Nam", 4), "Vie\u{323}\u{302}…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn long_words_break_between_clusters() {
        let s = "nghiê\u{300}ng";
        assert_eq!(wrap(s, 3), ["ngh", "iê\u{300}n", "g"]);
        assert_eq!(wrap("a ", 3), ["a"]);
        assert_eq!(wrap("日本", 1), ["日", "本"]);
    }

    #[test]
    fn every_width_keeps_lines_within_bounds_and_loses_no_word() {
        let words: Vec<&str> = SENTENCE.split_whitespace().collect();
        for w in 1..60 {
            let lines = wrap(SENTENCE, w);
            assert!(lines.iter().all(|l| width(l) <= w), "width {w}: {lines:?}");
            if w >= 8 {
                let again: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
                assert_eq!(again, words, "width {w}");
            }
        }
    }

    #[test]
    fn newlines_and_zero_width() {
        assert_eq!(wrap("một hai\n\nba", 0), ["một hai", "", "ba"]);
        assert_eq!(wrap("một hai\r\nba", 4), ["một", "hai", "ba"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("  thụt lề", 20), ["  thụt lề"]);
        let s = "đọc báo mỗi sáng";
        for r in wrap_ranges(s, 7) {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
        assert_eq!(wrap(s, 7), ["đọc báo", "mỗi", "sáng"]);
    }
}
