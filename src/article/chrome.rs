//! Generic chrome removal: what Vietnamese pages put around and inside articles that is not
//! the article. Contact bars (tel:, Zalo, Messenger, maps), view counters, rating widgets,
//! related-news boxes, tag lists and share bars, runs of link lines. Doubles are
//! [`super::dedupe`]'s.
use super::meta::{RATING_TEXT, VIEWS_TEXT, VIEWS_TEXT_AFTER};
use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// Links that make a block a contact bar, not text.
const CONTACT_LINKS: &str = "a[href^='tel:'], a[href^='sms:'], a[href*='zalo.me'], \
    a[href*='m.me/'], a[href*='messenger.com'], a[href*='facebook.com/messages'], \
    a[href*='maps.google'], a[href*='google.com/maps'], a[href*='goo.gl/maps'], \
    a[href*='maps.app.goo.gl']";

/// Headings that open a block of links to other pages. Compared lowercased, without a
/// trailing colon.
const BOX_HEADINGS: &[&str] = &[
    "tin liên quan",
    "bài viết liên quan",
    "bài liên quan",
    "tin bài liên quan",
    "có thể bạn quan tâm",
    "bạn có thể quan tâm",
    "đọc thêm",
    "xem thêm",
    "tin xem nhiều",
    "đọc nhiều",
    "xem nhiều",
    "tin mới",
    "tin mới nhất",
    "tin cùng chuyên mục",
    "cùng chuyên mục",
    "tin khác",
    "xem tiếp",
    "đọc tiếp",
    "tin tức gần đây",
    "tin gần đây",
    "bài viết gần đây",
    "bài viết mới",
    "tin tức liên quan",
    "tin nổi bật",
    "từ khóa",
    "từ khoá",
    "chủ đề",
    "tags",
    "chia sẻ",
    // English sites' related boxes and pointers ("READ MORE: …").
    "read more",
    "read next",
    "see also",
    "related",
    "related articles",
    "related stories",
    "related coverage",
    "you may also like",
];

/// Short labels of contact and share buttons.
const BUTTON_LABELS: &[&str] = &[
    "chỉ đường",
    "chat fb",
    "chat facebook",
    "chat zalo",
    "zalo",
    "messenger",
    "gọi ngay",
    "gọi điện",
    "nhắn tin",
    "chia sẻ",
    "chia sẻ facebook",
    "in bài",
    "bình luận",
];

/// What opens a line that points to another article (">>", "»", "=>", "►").
fn opens_with_arrow(text: &str) -> bool {
    text.starts_with(['>', '»', '►', '→', '▶']) || text.starts_with("=>")
}

const STRUCTURAL: &[&str] = &["html", "body", "main", "article"];

/// Removes the chrome from a whole page, before readability.
pub fn strip(doc: &Document) {
    let mut removed = HashSet::new();
    if let Some(sel) = doc.try_select("[itemprop=aggregateRating], [itemtype*=AggregateRating]") {
        sel.remove();
    }
    if let Some(links) = doc.try_select(CONTACT_LINKS) {
        let nodes: Vec<NodeRef> = links.nodes().to_vec();
        for a in nodes {
            let target = contact_block(&a);
            mark(&target, &mut removed);
        }
    }
    let Some(all) = doc.try_select("body *") else {
        return;
    };
    let nodes: Vec<NodeRef> = all.nodes().to_vec();
    for node in &nodes {
        if is_removed(node, &removed) {
            continue;
        }
        if let Some(target) = chrome_target(node) {
            mark(&target, &mut removed);
        }
    }
}

fn mark<'a>(node: &NodeRef<'a>, removed: &mut HashSet<dom_query::NodeId>) {
    removed.insert(node.id);
    node.remove_from_parent();
}

fn is_removed(node: &NodeRef, removed: &HashSet<dom_query::NodeId>) -> bool {
    removed.contains(&node.id)
        || node
            .ancestors_it(Some(MAX_CLIMB))
            .any(|a| removed.contains(&a.id))
        || node.parent().is_none()
}

const MAX_CLIMB: usize = 256;

/// Whitespace folded, trimmed.
pub(crate) fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn name(node: &NodeRef) -> String {
    node.node_name().map(|n| n.to_string()).unwrap_or_default()
}

/// The largest small block around a contact link: the bar that holds it.
fn contact_block<'a>(a: &NodeRef<'a>) -> NodeRef<'a> {
    let mut best = *a;
    for anc in a.ancestors_it(Some(4)) {
        if STRUCTURAL.contains(&name(&anc).as_str()) {
            break;
        }
        let text = norm(&anc.text());
        if text.chars().count() > 120 || (text.chars().count() > 40 && link_density(&anc) < 0.5) {
            break;
        }
        best = anc;
    }
    best
}

fn link_density(node: &NodeRef) -> f64 {
    let total = norm(&node.text()).chars().count();
    if total == 0 {
        return 0.0;
    }
    let links: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| norm(&a.text()).chars().count())
        .sum();
    links as f64 / total as f64
}

/// What to remove because of `node`, if it is chrome: the node itself, or the box it heads.
fn chrome_target<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let raw = node.text();
    if raw.len() > 3000 {
        return None;
    }
    let text = norm(&raw);
    let len = text.chars().count();
    if len == 0 || len > 1000 {
        return None;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches([':', ' ', '»', '›', '>']).trim();
    // "1.000 lượt xem" inside a sentence is news; alone it is a counter.
    if (len <= 80 && (VIEWS_TEXT.is_match(&text) || RATING_TEXT.is_match(&text)))
        || (len <= 30 && VIEWS_TEXT_AFTER.is_match(&text))
    {
        return Some(*node);
    }
    if len <= 60 && (lower.contains("lượt đánh giá") || lower.starts_with("hotline")) {
        return Some(*node);
    }
    if len <= 30 && BUTTON_LABELS.contains(&bare) {
        return Some(*node);
    }
    if len <= 24 && is_phone(&text) {
        return Some(*node);
    }
    // ">> Tiêu đề bài khác", "» Xem thêm …": a pointer to another page inside the body.
    if len <= 250 && opens_with_arrow(&text) && link_density(node) > 0.5 {
        return Some(*node);
    }
    if BOX_HEADINGS.contains(&bare) {
        return Some(box_of(node));
    }
    // "Đọc thêm: <a>…</a>", "Từ khóa: <a>a</a>, <a>b</a>".
    // The label aside, the line is links.
    if let Some(h) = BOX_HEADINGS
        .iter()
        .find(|h| lower.starts_with(*h) && lower[h.len()..].starts_with([':', ' ']))
    {
        let rest = lower[h.len()..]
            .trim_start_matches([':', ' '])
            .chars()
            .count();
        let density = link_density(node);
        if density > 0.5 || density * len as f64 >= rest as f64 * 0.6 {
            return Some(*node);
        }
    }
    None
}

/// A phone number alone: digits, spaces, dots, dashes, parentheses, a plus; 8 to 13 digits.
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (8..=13).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " .-()+".contains(c))
}

/// The box a related-news heading opens: its link-heavy container, or the heading and the
/// list right after it.
fn box_of<'a>(heading: &NodeRef<'a>) -> NodeRef<'a> {
    let mut best = *heading;
    for anc in heading.ancestors_it(Some(3)) {
        if STRUCTURAL.contains(&name(&anc).as_str()) {
            break;
        }
        let len = norm(&anc.text()).chars().count();
        if len > 3000 || link_density(&anc) < 0.4 {
            break;
        }
        best = anc;
    }
    if best.id == heading.id
        && let Some(next) = heading.next_element_sibling()
        && link_density(&next) >= 0.5
    {
        next.remove_from_parent();
    }
    best
}

/// Consecutive short lines that are each one link: a list of other articles left inside the
/// body (a related box without its heading or class).
const MIN_LINK_RUN: usize = 3;

/// Removes every run of [`MIN_LINK_RUN`] or more sibling blocks that are each a short line
/// made of a link, and a short heading just before such a run (the box's title).
pub fn drop_link_runs(doc: &Document) {
    let Some(all) = doc.try_select("body, body *") else {
        return;
    };
    let mut doomed: Vec<NodeRef> = Vec::new();
    for parent in all.nodes() {
        let mut run: Vec<NodeRef> = Vec::new();
        // A run at the start of a list is titled by the list's own previous sibling.
        let mut before: Option<NodeRef> = parent.prev_element_sibling();
        let children = parent.element_children();
        for child in children.iter().chain(std::iter::once(parent)) {
            // The parent itself closes the last run.
            let line = child.id != parent.id && is_link_line(child);
            if line {
                run.push(*child);
                continue;
            }
            if child.id != parent.id && norm(&child.text()).is_empty() && !child.has_name("img") {
                continue; // a <br> or an empty block neither extends nor breaks a run
            }
            if run.len() >= MIN_LINK_RUN {
                if let Some(head) = before.filter(is_box_title) {
                    doomed.push(head);
                }
                doomed.append(&mut run);
            }
            run.clear();
            before = Some(*child);
        }
    }
    let mut parents: Vec<NodeRef> = Vec::new();
    for node in doomed {
        if let Some(parent) = node.parent() {
            parents.push(parent);
        }
        node.remove_from_parent();
    }
    // A list left without items goes too (the renderer cannot lay out an empty list).
    for parent in parents {
        if parent.element_children().is_empty() && norm(&parent.text()).is_empty() {
            parent.remove_from_parent();
        }
    }
}

/// A short block whose text is (almost) all one link.
fn is_link_line(node: &NodeRef) -> bool {
    const LINE_TAGS: &[&str] = &["p", "li", "div", "h3", "h4", "h5", "h6", "dd", "dt"];
    if !LINE_TAGS.iter().any(|t| node.has_name(t)) {
        return false;
    }
    let len = norm(&node.text()).chars().count();
    (1..=160).contains(&len)
        && node.descendants_it().filter(|d| d.has_name("a")).count() == 1
        && link_density(node) >= 0.8
}

fn is_box_title(node: &NodeRef) -> bool {
    let heading = ["h2", "h3", "h4", "h5", "h6", "strong", "b"]
        .iter()
        .any(|h| node.has_name(h));
    let bold_line = node.has_name("p")
        && node
            .element_children()
            .first()
            .is_some_and(|c| c.has_name("strong") || c.has_name("b"));
    (heading || bold_line) && (1..=60).contains(&norm(&node.text()).chars().count())
}

/// A block holding text but no other block.
pub(crate) fn is_leaf_block(node: &NodeRef) -> bool {
    !node.descendants_it().any(|d| {
        d.node_name().is_some_and(|n| {
            matches!(
                n.as_ref(),
                "p" | "div"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "ul"
                    | "ol"
                    | "table"
                    | "blockquote"
                    | "pre"
                    | "figure"
                    | "figcaption"
                    | "section"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &str) -> String {
        let doc = Document::from(html);
        strip(&doc);
        norm(&doc.select("body").text())
    }

    #[test]
    fn contact_bar_goes() {
        let out = stripped(
            "<p>Bài viết thật dài về chính sách mới.</p><div class=bar>\
             <a href='tel:0913111111'>0913.111111</a> <a href='https://maps.google.com/?q=x'>Chỉ đường</a>\
             <a href='https://m.me/x'>Chat FB</a> <a href='https://zalo.me/1'>Chat Zalo</a></div>",
        );
        assert_eq!(out, "Bài viết thật dài về chính sách mới.");
    }

    #[test]
    fn counters_ratings_and_related_boxes_go() {
        let out = stripped(
            "<div><span>22-08-2020</span> <span>Lượt xem: 1,705</span></div><div>4/5 (1,024 lượt)</div>\
             <p>Nội dung chính của bài.</p><h3>Bài viết liên quan</h3><ul><li><a href=/a>Tin A</a></li>\
             <li><a href=/b>Tin B</a></li></ul><p>Từ khóa: <a href=/t>kinh tế</a>, <a href=/u>đám mây</a></p>",
        );
        assert_eq!(out, "Nội dung chính của bài.");
    }

    #[test]
    fn every_kind_of_chrome_the_issue_names_goes() {
        let body = "<p>Nội dung chính của bài.</p>";
        let related = |h: &str| {
            format!(
                "<div><h3>{h}</h3><ul><li><a href=/a>Tin A</a></li><li><a href=/b>Tin B</a></li></ul></div>"
            )
        };
        for chrome in [
            related("Tin liên quan"),
            related("Có thể bạn quan tâm:"),
            related("Tin xem nhiều"),
            "<p>Đọc thêm: <a href=/c>Giá cà phê hôm nay</a></p>".to_string(),
            "<div>4,5/5 - 1.024 lượt đánh giá</div>".to_string(),
            "<div itemprop=aggregateRating>Điểm <span itemprop=ratingValue>4</span>/\
             <span itemprop=bestRating>5</span> (<span itemprop=ratingCount>1.024</span> lượt)</div>"
                .to_string(),
            "<p>Hotline: 0913 111 111</p>".to_string(),
            "<div><a href=/s>Chia sẻ</a> <a href=/p>In bài</a></div>".to_string(),
        ] {
            assert_eq!(
                stripped(&format!("{body}{chrome}")),
                "Nội dung chính của bài.",
                "{chrome}"
            );
        }
    }

    #[test]
    fn english_pointer_lines_go() {
        let out = stripped(
            "<p>The council met on Monday.</p>\
             <p>READ MORE: <a href=/a>Council votes on the rail line</a></p>\
             <p>It will vote again in May.</p>",
        );
        assert_eq!(out, "The council met on Monday.It will vote again in May.");
        // A sentence that starts with the same words is the writer's.
        let kept = "<p>Read more than the headline before you share, the minister said.</p>";
        assert_eq!(
            stripped(kept),
            "Read more than the headline before you share, the minister said."
        );
    }

    #[test]
    fn arrow_lines_and_runs_of_link_lines_go_a_single_link_line_stays() {
        let out = stripped(
            "<p>Đoạn đầu.</p><p>&gt;&gt; <a href=/a>Bài khác về giá lúa</a></p>\
             <p>» <a href=/b>Bài khác nữa</a></p><p>Xem tiếp: <a href=/c>Bài thứ ba</a></p>",
        );
        assert_eq!(out, "Đoạn đầu.");
        let doc = Document::from(
            "<div><p>Đoạn đầu.</p><p><a href=/x>Xem video tại đây</a></p><p>Đoạn giữa.</p>\
             <p><strong>Tin cùng nhóm</strong></p><p><a href=/a>Tin A</a></p><br>\
             <p><a href=/b>Tin B</a></p><p><a href=/c>Tin C</a></p><p>Đoạn cuối.</p>\
             <h3>Đọc thêm</h3><ul><li><a href=/d>Tin D</a></li><li><a href=/e>Tin E</a></li>\
             <li><a href=/f>Tin F</a></li></ul></div>",
        );
        drop_link_runs(&doc);
        assert_eq!(doc.select("ul").length(), 0);
        assert_eq!(
            norm(&doc.select("body").text()),
            "Đoạn đầu.Xem video tại đâyĐoạn giữa.Đoạn cuối."
        );
    }

    #[test]
    fn counters_in_sentences_stay() {
        let out =
            stripped("<p>Video đạt 1.000 lượt xem sau một giờ.</p><span>1.705 lượt xem</span>");
        assert_eq!(out, "Video đạt 1.000 lượt xem sau một giờ.");
    }

    #[test]
    fn phone_numbers_alone() {
        assert!(is_phone("0913.111111"));
        assert!(is_phone("(028) 3822 1234"));
        assert!(!is_phone("2020"));
        assert!(!is_phone("Gọi 0913.111111"));
    }
}
