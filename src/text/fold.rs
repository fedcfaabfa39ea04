//! Search folding: NFD, combining marks dropped, đ/Đ (and ð/Ð) to d, lowercase.
//! NFC Vietnamese folds one char to one char, so offsets map back for highlighting.
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character to the base letter used for search, or `None` for a lone mark.
pub fn fold_char(c: char) -> Option<char> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
