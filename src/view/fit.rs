//! Measuring, truncating and wrapping by grapheme cluster for the TUI's own short strings
//! (titles, header lines). Article bodies are wrapped once by the runner, not here.
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Terminal columns of `s`, per grapheme cluster (a base letter with marks is one cell).
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    // A cluster is as wide as its widest part (marks add nothing).
    g.width().min(2)
}

/// `s` cut to at most `max` columns at a grapheme boundary, ending with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to exactly `cols` columns (truncated first if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

/// Greedy word wrap at `max` columns; a word longer than a line is split by grapheme.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split_whitespace() {
        let w = width(word);
        if used > 0 && used + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= max {
            line.push_str(word);
            used = w;
            continue;
        }
        for g in word.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_one_cell() {
        assert_eq!(width("Vie\u{323}\u{302}t Nam"), 8);
        assert_eq!(width("Việt Nam"), 8);
    }

    #[test]
    fn truncation_keeps_marks_with_their_letter() {
        let t = truncate("Vie\u{323}\u{302}t Nam", 4);
        assert_eq!(t, "Vie\u{323}\u{302}…");
        assert_eq!(width(&t), 4);
        assert_eq!(truncate("Đường", 5), "Đường");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn wraps_at_forty_columns() {
        let s = "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ, trình Quốc hội xem xét việc điều chỉnh chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam.";
        let widths: Vec<usize> = wrap(s, 40).iter().map(|l| width(l)).collect();
        assert_eq!(widths, vec![35, 35, 38, 40, 24]);
    }
}
