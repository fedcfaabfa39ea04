//! Calls to action anywhere in the text ("Click here for more information", "Subscribe to
//! our newsletters"), and the end of an article: the copyright and address lines a site prints under every
//! article ("© 2019 Capitol Hill Publishing Corp.", "1625 K Street … | 202-628-8500 tel"),
//! left in when the readability block reaches the page's footer. Only a run of such lines
//! at the very end goes, and only one that gives the site's address or numbers: a lone
//! "© 2019 Associated Press. All rights reserved." is the wire story's own credit line, and
//! the same words inside the text are the writer's.
use super::chrome::{is_leaf_block, norm};
use dom_query::Document;

/// At most this many lines are taken off the end.
const MAX_LINES: usize = 6;
/// A footer line is short.
const MAX_CHARS: usize = 300;

/// Phrases of a site's copyright line, lowercased.
const RIGHTS: &[&str] = &[
    "all rights reserved",
    "copyright",
    "bảo lưu mọi quyền",
    "giữ bản quyền",
    "bản quyền thuộc về",
    "ghi rõ nguồn",
];

/// Labels of a postal or telephone line, lowercased words.
const CONTACT_WORDS: &[&str] = &["tel", "fax", "điện thoại", "đường dây nóng", "hotline"];

/// The longest line read as a call to action: longer, it is the writer's sentence.
const MAX_CALL_CHARS: usize = 160;

/// A short line that asks the reader to click, subscribe or sign up (lowercased text).
pub fn is_call_to_action(lower: &str) -> bool {
    if lower.chars().count() > MAX_CALL_CHARS {
        return false;
    }
    let has = |w: &str| lower.contains(w);
    has("click here")
        || has("clicking here")
        || has("bấm vào đây")
        || has("nhấn vào đây")
        || ((has("subscribe") || has("sign up") || has("đăng ký nhận"))
            && (has("newsletter") || has("inbox") || has("bản tin")))
}

/// Removes the run of copyright and contact lines that ends the article, if it holds a
/// contact line.
pub fn drop_footer(doc: &Document) {
    let Some(blocks) = doc.try_select("p, div, li, td, h4, h5, h6") else {
        return;
    };
    let leaves: Vec<_> = blocks
        .nodes()
        .iter()
        .filter(|n| is_leaf_block(n))
        .filter(|n| !norm(&n.text()).is_empty())
        .cloned()
        .collect();
    let run: Vec<_> = leaves
        .iter()
        .rev()
        .take(MAX_LINES)
        .map(|n| (n, footer_line(&norm(&n.text()))))
        .take_while(|(_, kind)| kind.is_some())
        .collect();
    if run.iter().any(|(_, kind)| *kind == Some(Footer::Contact)) {
        for (node, _) in run {
            node.remove_from_parent();
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Footer {
    Rights,
    Contact,
}

/// A short line that states the site's rights, or its address and numbers.
fn footer_line(text: &str) -> Option<Footer> {
    if text.chars().count() > MAX_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    if text.contains('©') || RIGHTS.iter().any(|r| lower.contains(r)) {
        return Some(Footer::Rights);
    }
    // "202-628-8500 tel | 202-628-8503 fax": a label next to a long run of digits.
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let spaced = format!(" {} ", words.join(" "));
    let labelled = CONTACT_WORDS
        .iter()
        .any(|w| spaced.contains(&format!(" {w} ")));
    let dense = digits * 4 >= text.chars().filter(|c| !c.is_whitespace()).count();
    (labelled && digits >= 8 && dense).then_some(Footer::Contact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        let doc = Document::from(html);
        drop_footer(&doc);
        norm(&doc.select("body").text())
    }

    #[test]
    fn calls_to_action_are_short_asks() {
        for ask in [
            "get fox business on the go by clicking here",
            "get the latest updates right in your inbox. subscribe to our newsletters.",
            "đăng ký nhận bản tin sáng của báo mẫu",
            "bấm vào đây để xem toàn bộ ảnh",
        ] {
            assert!(is_call_to_action(ask), "{ask}");
        }
        for text in [
            "the newsletter was started in 1998 by two students",
            "người dân có thể đăng ký tiêm chủng tại trạm y tế phường",
            &"the agency said readers who click here and there on scam links lose money, and \
              it urged them to check every address before typing a password or a card number \
              anywhere at all"
                .replace("  ", ""),
        ] {
            assert!(!is_call_to_action(text), "{text}");
        }
    }

    #[test]
    fn the_footer_run_at_the_end_goes() {
        let out = body(
            "<p>Ủy ban tỉnh họp sáng nay về dự án đường sắt.</p>\
             <p>Dự án dự kiến khởi công vào năm sau.</p>\
             <p>Tòa soạn: 12 Lê Lợi, Hà Nội | Điện thoại: 024 3825 1234 | Fax: 024 3825 5678</p>\
             <p>© 2026 Báo Mẫu. Ghi rõ nguồn khi phát hành lại.</p>",
        );
        assert_eq!(
            out,
            "Ủy ban tỉnh họp sáng nay về dự án đường sắt.Dự án dự kiến khởi công vào năm sau."
        );
    }

    #[test]
    fn the_same_words_inside_the_text_stay() {
        let text = "<p>Công ty giữ bản quyền với thiết kế này, ông nói.</p>\
                    <p>Vụ kiện sẽ được xử vào tháng tới.</p>";
        assert_eq!(
            body(text),
            "Công ty giữ bản quyền với thiết kế này, ông nói.Vụ kiện sẽ được xử vào tháng tới."
        );
        // A wire story's credit line alone is the story's.
        let wire = "<p>Mưa lớn kéo dài đến cuối tuần.</p>\
                    <p>© 2026 Thông tấn Mẫu. Bảo lưu mọi quyền.</p>";
        assert!(body(wire).contains("Thông tấn Mẫu"));
        // A story that ends on a phone number a reader needs keeps it: no label, or too
        // much prose around it.
        let hotline = "<p>Mưa lớn kéo dài đến cuối tuần.</p>\
                       <p>Người dân cần hỗ trợ gọi đường dây nóng của tỉnh, nơi cán bộ trực \
                       suốt đêm để tiếp nhận mọi yêu cầu cứu hộ: 0203 123 456.</p>";
        assert!(body(hotline).contains("0203 123 456"));
    }
}
