//! Search folding: NFD, combining marks dropped, đ/Đ (and ð/Ð) to d, lowercase.
//! NFC Vietnamese folds one char to one char, so offsets map back for highlighting.
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character to the base letter used for search, or `None` for a lone mark.
pub fn fold_char(c: char) -> Option<char> {
    // Most bytes of an index, even in Vietnamese, are ASCII: no NFD needed for them.
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_combining_mark(c) {
        return None;
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => return Some('d'),
        _ => {}
    }
    let base = std::iter::once(c)
        .nfd()
        .find(|&d| !is_combining_mark(d))
        .unwrap_or(c);
    Some(base.to_lowercase().next().unwrap_or(base))
}

/// The folded copy of `s` used for indexing and for queries.
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Byte ranges of `haystack` where the folded `query` matches the folded text ("duong sat"
/// finds "Đường sắt"), for highlighting. Ranges include the marks of the last letter, so they
/// end on a grapheme boundary even in decomposed text. An empty query matches nothing.
pub fn find_folded(haystack: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let needle = fold(query);
    if needle.is_empty() {
        return Vec::new();
    }
    // folded[i] came from the original char starting at starts[i] and ending (with the
    // marks that fold away after it) at ends[i].
    let mut folded = String::with_capacity(haystack.len());
    let mut starts = Vec::with_capacity(haystack.len());
    let mut ends = Vec::with_capacity(haystack.len());
    for (i, c) in haystack.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c) {
            Some(f) => {
                for _ in 0..f.len_utf8() {
                    starts.push(i);
                    ends.push(end);
                }
                folded.push(f);
            }
            None => {
                // A mark extends the letter before it.
                if let Some(&from) = starts.last() {
                    let n = starts.iter().rev().take_while(|&&st| st == from).count();
                    let len = ends.len();
                    ends[len - n..].iter_mut().for_each(|e| *e = end);
                }
            }
        }
    }
    folded
        .match_indices(&needle)
        .map(|(at, m)| starts[at]..ends[at + m.len() - 1])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_map_back_to_the_original() {
        let s = "Tin mới: Đường sắt tốc độ cao, đường sắt đô thị";
        let found: Vec<&str> = find_folded(s, "duong sat")
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(found, ["Đường sắt", "đường sắt"]);
        let nfd = "Đu\u{31B}o\u{31B}\u{300}ng sa\u{306}\u{301}t!";
        let found: Vec<&str> = find_folded(nfd, "DUONG SAT")
            .into_iter()
            .map(|r| &nfd[r])
            .collect();
        assert_eq!(found, ["Đu\u{31B}o\u{31B}\u{300}ng sa\u{306}\u{301}t"]);
        let found: Vec<&str> = find_folded(nfd, "sa")
            .into_iter()
            .map(|r| &nfd[r])
            .collect();
        assert_eq!(found, ["sa\u{306}\u{301}"]);
        assert!(find_folded(s, "").is_empty());
        assert!(find_folded(s, "hà nội").is_empty());
    }

    #[test]
    fn vietnamese_folds_to_ascii() {
        assert_eq!(fold("Tổng thống"), "tong thong");
        assert_eq!(fold("Đường sắt"), "duong sat");
        assert_eq!(fold("ĐẠI HỌC"), "dai hoc");
        assert_eq!(fold("hòa"), "hoa");
        assert_eq!(fold("hoa\u{300}"), "hoa");
        assert!(fold("Đường sắt tốc độ cao").contains(&fold("duong sat")));
        assert_eq!(fold("Hà Nội"), fold("HA NOI"));
    }
}
