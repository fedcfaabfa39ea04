//! A second opinion on where the body is, for when readability's choice is not an article:
//! mostly contact and footer text, a menu, or far shorter than another block of prose.
//!
//! Prose is text outside links; each run of it is credited to its block and to that block's
//! parent, so the winner is the element whose paragraphs hold the most prose. Nothing inside
//! page chrome (navigation, header, footer, sidebars, comments, forms) counts. One pass over
//! the text.
use super::chrome::norm;
use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashMap;

/// A run of prose shorter than this is a label, not a sentence.
const MIN_RUN: usize = 25;

const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "div",
    "td",
    "li",
    "pre",
    "blockquote",
    "section",
    "article",
    "main",
    "dd",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const CHROME_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "a"];
/// Class or id words of chrome containers.
const CHROME_WORDS: &[&str] = &[
    "footer",
    "comment",
    "sidebar",
    "menu",
    "navbar",
    "breadcrumb",
    "copyright",
    "cookie",
    "related",
    "binh-luan",
    "binhluan",
];

/// The element holding the most prose, with its score (characters of prose).
pub fn best_block(doc: &Document) -> Option<(NodeRef<'_>, usize)> {
    let body = doc.try_select("body")?;
    let root = *body.nodes().first()?;
    let mut credit: HashMap<NodeId, usize> = HashMap::new();
    let mut blocks: HashMap<NodeId, NodeRef> = HashMap::new();
    for text in root.descendants_it().filter(|n| n.is_text()) {
        let raw = text.text();
        let len = raw
            .split_whitespace()
            .map(|w| w.chars().count() + 1)
            .sum::<usize>();
        if len < MIN_RUN {
            continue;
        }
        let Some(block) = owning_block(&text) else {
            continue;
        };
        *credit.entry(block.id).or_default() += len;
        blocks.entry(block.id).or_insert(block);
    }
    let mut score: HashMap<NodeId, (usize, NodeRef)> = HashMap::new();
    for (id, len) in &credit {
        let Some(block) = blocks.get(id) else {
            continue;
        };
        // A block holding its own text is a container; so is the parent of paragraphs.
        score.entry(block.id).or_insert((0, *block)).0 += len;
        if let Some(parent) = block
            .parent()
            .filter(|a| a.is_element() && !a.has_name("body"))
        {
            score.entry(parent.id).or_insert((0, parent)).0 += len;
        }
    }
    // On a tie the inner block wins (ids grow in document order): it holds the same prose
    // with less around it.
    score
        .into_values()
        .max_by_key(|(s, n)| (*s, n.id))
        .map(|(s, n)| (n, s))
}

/// The block a text run belongs to; `None` when it sits in chrome or in a link.
fn owning_block<'a>(text: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut block = None;
    for anc in text.ancestors_it(Some(256)) {
        let Some(name) = anc.node_name() else {
            continue;
        };
        if name.as_ref() == "body" {
            break;
        }
        if CHROME_TAGS.contains(&name.as_ref()) || is_chrome_named(&anc) {
            return None;
        }
        if block.is_none() && BLOCKS.contains(&name.as_ref()) {
            block = Some(anc);
        }
    }
    block
}

fn is_chrome_named(node: &NodeRef) -> bool {
    let words = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    !words.trim().is_empty() && CHROME_WORDS.iter().any(|w| words.contains(w))
}

/// Words that make a short line a footer line wherever they stand.
const FOOTER_WORDS: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "bản quyền thuộc",
    "giấy phép số",
    "giấy phép hoạt động",
    "tổng biên tập",
    "chịu trách nhiệm nội dung",
    "hotline",
];
/// Labels of contact lines, followed by a colon ("Địa chỉ: …", "Email: …").
const CONTACT_LABELS: &[&str] = &[
    "địa chỉ",
    "điện thoại",
    "email",
    "e-mail",
    "fax",
    "tel",
    "đt",
    "liên hệ",
    "tòa soạn",
    "toà soạn",
    "address",
    "phone",
];

fn is_contact_line(lower: &str) -> bool {
    FOOTER_WORDS.iter().any(|w| lower.contains(w))
        || has_email(lower)
        || CONTACT_LABELS.iter().any(|l| {
            lower
                .match_indices(l)
                .any(|(at, _)| lower[at + l.len()..].trim_start().starts_with(':'))
        })
}

/// The share of `doc`'s text in short lines of contact or footer text (an e-mail address,
/// "Địa chỉ:", "© 2024"), 0.0 to 1.0.
pub fn contact_share(doc: &Document) -> f64 {
    let Some(blocks) = doc.try_select("p, div, li, td, span, h2, h3, h4, h5, h6") else {
        return 0.0;
    };
    let total = norm(&doc.select("body").text()).chars().count();
    if total == 0 {
        return 0.0;
    }
    let mut contact = 0usize;
    for node in blocks.nodes() {
        // Leaves only, so no text counts twice.
        if node
            .children_it(false)
            .any(|c| c.is_element() && !is_inline(&c))
        {
            continue;
        }
        let text = norm(&node.text());
        let len = text.chars().count();
        if len == 0 || len > 200 {
            continue;
        }
        let lower = text.to_lowercase();
        if is_contact_line(&lower) {
            contact += len;
        }
    }
    contact as f64 / total as f64
}

fn is_inline(node: &NodeRef) -> bool {
    node.node_name().is_some_and(|n| {
        matches!(
            n.as_ref(),
            "a" | "b" | "i" | "em" | "strong" | "span" | "br" | "font" | "small" | "u" | "img"
        )
    })
}

fn has_email(lower: &str) -> bool {
    lower.split_whitespace().any(|w| {
        w.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    })
}

/// The share of `doc`'s text inside links, 0.0 to 1.0.
pub fn link_share(doc: &Document) -> f64 {
    let total = norm(&doc.select("body").text()).chars().count();
    if total == 0 {
        return 0.0;
    }
    let links: usize = doc
        .select("a")
        .nodes()
        .iter()
        .filter(|a| !a.ancestors_it(Some(64)).any(|p| p.has_name("a")))
        .map(|a| norm(&a.text()).chars().count())
        .sum();
    links as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_with_most_prose_wins_and_chrome_does_not_count() {
        let para = "<p>Người dân ở xã ven biển đã quen với những đợt triều cường mỗi năm.</p>";
        let doc = Document::from(format!(
            "<body><div id=main><div id=text>{para}{para}{para}</div></div>\
             <footer>{para}{para}{para}{para}{para}</footer>\
             <div class=comments>{para}{para}{para}{para}</div></body>"
        ));
        let (node, score) = best_block(&doc).unwrap();
        assert_eq!(node.attr("id").as_deref(), Some("text"));
        assert!(score > 150, "{score}");
    }

    #[test]
    fn a_sentence_naming_an_address_is_not_a_contact_line() {
        assert!(!is_contact_line(
            "giấy phép mới được gửi qua bưu điện tới địa chỉ đã khai trong năm ngày."
        ));
        assert!(is_contact_line("địa chỉ : 12 phố huế"));
        assert!(is_contact_line("© 2024 báo mẫu"));
    }

    #[test]
    fn contact_lines_and_links_are_measured() {
        let doc = Document::from(
            "<p>Tòa soạn: 12 Phố Huế, Hà Nội</p><p>Email: toasoan@bao.example.vn</p><p>Bài viết.</p>",
        );
        assert!(contact_share(&doc) > 0.8);
        let doc = Document::from("<p><a href=/a>Trang chủ</a> <a href=/b>Thời sự</a> x</p>");
        assert!(link_share(&doc) > 0.8);
    }
}
