//! Generic chrome removal: what Vietnamese pages put around and inside articles that is not
//! the article. Contact bars (tel:, Zalo, Messenger, maps), view counters, rating widgets,
//! related-news boxes, tag lists and share bars; and doubles (the title repeated in the body,
//! a caption written twice).
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

/// Lines that only say when a page was published or updated (shown in the header).
const DATE_LINE_STARTS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last updated",
    "cập nhật",
    "đăng lúc",
    "đăng ngày",
    "ngày đăng",
];

/// Removes doubles from extracted article HTML: a block repeating the title near the top,
/// a short block near the top holding the byline or a "published/updated" date (the header
/// shows both), a block repeating the one before it, a paragraph repeating a picture's
/// caption. A figure's caption becomes the picture's alt text, so it is shown once.
pub fn dedupe(doc: &Document, title: Option<&str>, byline: Option<&str>) {
    let byline = byline
        .map(|b| norm(b).to_lowercase())
        .filter(|b| b.chars().count() >= 3);
    if let Some(figs) = doc.try_select("figure") {
        for fig in figs.nodes() {
            let caption = fig.find(&["figcaption"]);
            let img = fig.find(&["img"]);
            if let (Some(cap), Some(img)) = (caption.first(), img.first()) {
                let text = norm(&cap.text());
                if !text.is_empty() {
                    img.set_attr("alt", &text);
                    cap.remove_from_parent();
                }
            }
        }
    }
    let title = title
        .map(|t| norm(t).to_lowercase())
        .filter(|t| !t.is_empty());
    let Some(blocks) =
        doc.try_select("p, h1, h2, h3, h4, h5, h6, figcaption, blockquote, li, pre, div, td, img")
    else {
        return;
    };
    let mut previous = String::new();
    let mut seen_text = 0usize;
    let mut last_kept: Option<NodeRef> = None;
    // The last few texts shown: a gallery repeats each caption in the next blocks (as a
    // list item, a tooltip, a caption). Far apart, a repeat is the writer's (a question
    // asked of each guest, a recipe's step).
    let mut recent: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    for node in blocks.nodes() {
        if node.parent().is_none() {
            continue;
        }
        let text = if node.has_name("img") {
            norm(&node.attr("alt").unwrap_or_default())
        } else if is_leaf_block(node) {
            norm(&node.text())
        } else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let lower = text.to_lowercase();
        // A picture inside its own caption's paragraph (`<p><img alt=X><br>X</p>`): the
        // paragraph came first, so the alt text goes.
        let repeated = text.chars().count() >= MIN_REPEAT && recent.contains(&lower);
        if node.has_name("img") && (lower == previous || repeated) {
            node.set_attr("alt", "");
            continue;
        }
        let near_top = seen_text < 400;
        let short = text.chars().count() <= 100;
        let date_line = short
            && DATE_LINE_STARTS.iter().any(|d| lower.starts_with(d))
            && lower.chars().any(|c| c.is_ascii_digit());
        let header_fact = near_top
            && short
            && (byline.as_deref().is_some_and(|b| lower.contains(b))
                || date_line
                || is_bare_date(node, &lower));
        if !node.has_name("img")
            && ((near_top && title.as_deref() == Some(lower.as_str()))
                || header_fact
                || (date_line && text.chars().count() <= 60)
                || is_media_chrome(&lower)
                || super::tail::is_call_to_action(&lower)
                || (lower == previous && text.chars().count() >= 12)
                || repeated)
        {
            node.remove_from_parent();
            continue;
        }
        seen_text += text.chars().count();
        if recent.len() == RECENT {
            recent.pop_front();
        }
        recent.push_back(lower.clone());
        previous = lower;
        last_kept = Some(*node);
    }
    // The author's name signing off the article ("Minh Anh"): the header shows it. A
    // heading that ends the article heads nothing: the box it named ("Tin chính") is gone.
    if let Some(last) = last_kept
        && !last.has_name("img")
        && (byline.as_deref() == Some(previous.as_str())
            || ["h1", "h2", "h3", "h4", "h5", "h6"]
                .iter()
                .any(|h| last.has_name(h)))
    {
        last.remove_from_parent();
    }
}

/// A text this long, shown twice within [`RECENT`] blocks, is shown once.
const MIN_REPEAT: usize = 40;
const RECENT: usize = 4;

/// Labels that galleries, players and ad slots leave in the text; compared lowercased.
const MEDIA_LABELS: &[&str] = &[
    "advertisement",
    "quảng cáo",
    "continue reading below",
    "advert",
    "comments",
    "this slideshow requires javascript.",
    "story continues below",
    "article continues below",
    "don't miss",
    "media playback is unsupported on your device",
    "caption",
    "close",
];
/// Credit lines: "Photo: Hau Dinh, AP", "Ảnh: Minh Anh", "(Image: GETTY)".
const CREDIT_STARTS: &[&str] = &[
    "photo:",
    "ảnh:",
    "image:",
    "(image:",
    "photograph:",
    "(photo:",
    "credit:",
    "nguồn ảnh:",
];

/// A line that is a picture credit, a gallery counter ("Image 1 of 8") or a media label.
fn is_media_chrome(lower: &str) -> bool {
    let words = lower.split_whitespace().count();
    if MEDIA_LABELS.contains(&lower.trim_end_matches([':', '.'])) {
        return true;
    }
    if words <= 8 && CREDIT_STARTS.iter().any(|c| lower.starts_with(c)) {
        return true;
    }
    // "Image 1 of 8", "Image 1 of / 8", "Ảnh 2/5".
    let tokens: Vec<&str> = lower.split_whitespace().filter(|t| *t != "/").collect();
    let number = |t: &str| t.parse::<u32>().is_ok();
    match tokens.as_slice() {
        ["image" | "photo" | "ảnh", n, "of" | "trên", m] => number(n) && number(m),
        ["image" | "photo" | "ảnh", nm] => nm
            .split_once('/')
            .is_some_and(|(n, m)| number(n) && number(m)),
        _ => false,
    }
}

/// A block holding text but no other block.
/// Words a date line may hold besides numbers ("Thứ bảy, 22 tháng 8 năm 2020, 10:30 GMT+7").
const DATE_WORDS: &[&str] = &[
    "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "tháng", "lúc",
    "sáng", "chiều", "tối", "gmt", "utc", "ict", "giờ",
];

/// A block that is only a date, which the header already shows: the text of one `<time>`
/// element ("22 tháng 8 2020" in a list under the title), or a Vietnamese date made only
/// of date words.
fn is_bare_date(node: &NodeRef, lower: &str) -> bool {
    if lower.chars().count() > 40 {
        return false;
    }
    let times = node.find(&["time"]);
    if let [time] = times.as_slice()
        && norm(&time.text()).to_lowercase() == lower
    {
        return true;
    }
    lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| DATE_WORDS.contains(&w))
        && super::date::parse(lower).is_some()
}

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
    fn a_bare_date_near_the_top_goes_and_a_sentence_with_a_date_stays() {
        let doc = Document::from(
            "<h1>Tiêu đề</h1><ul><li><time datetime=2020-08-22>22 tháng 8 2020</time></li></ul>\
             <p>Thứ bảy, 22/8/2020, 10:30 (GMT+7)</p>\
             <p>Sáng 22/8/2020, hợp tác xã khai trương nhà sấy.</p>",
        );
        dedupe(&doc, Some("Tiêu đề"), None);
        assert_eq!(
            norm(&doc.select("body").text()),
            "Sáng 22/8/2020, hợp tác xã khai trương nhà sấy."
        );
    }

    #[test]
    fn the_byline_signing_off_the_article_goes_and_so_does_a_last_heading() {
        // Past the top, where a byline is removed anyway.
        let body: String = (1..=10)
            .map(|i| format!("<p>Đoạn {i} của bài viết đủ dài về xe buýt điện ở Đà Lạt.</p>"))
            .collect();
        let doc = Document::from(format!("{body}<p>Minh Anh</p>"));
        dedupe(&doc, None, Some("Minh Anh"));
        assert_eq!(doc.select("p").length(), 10);
        let doc = Document::from(format!("{body}<p>Minh Anh</p><p>Lời cuối bài.</p>"));
        dedupe(&doc, None, Some("Minh Anh"));
        assert_eq!(doc.select("p").length(), 12);
        let doc = Document::from(format!("{body}<h2>Tin chính</h2>"));
        dedupe(&doc, None, None);
        assert_eq!(doc.select("h2").length(), 0);
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
    fn title_and_doubled_caption_go_once() {
        let doc = Document::from(
            "<div><h1>Tiêu đề bài</h1><p>Tiêu đề bài</p><p>Đoạn một của bài viết.</p>\
             <figure><img src=a.jpg alt='ảnh'><figcaption>Chú thích ảnh ở đây</figcaption></figure>\
             <p>Chú thích ảnh ở đây</p><p>Đoạn hai.</p>\
             <p><img src=b.jpg alt='Ảnh thứ hai của bài'><br>Ảnh thứ hai của bài</p></div>",
        );
        dedupe(&doc, Some("Tiêu đề bài"), None);
        let texts: Vec<String> = doc
            .select("body *")
            .nodes()
            .iter()
            .filter(|n| is_leaf_block(n))
            .map(|n| norm(&n.text()))
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            vec!["Đoạn một của bài viết.", "Đoạn hai.", "Ảnh thứ hai của bài"]
        );
        assert_eq!(
            doc.select("img[src='b.jpg']").attr("alt").unwrap().as_ref(),
            ""
        );
        assert_eq!(
            doc.select("img").attr("alt").unwrap().as_ref(),
            "Chú thích ảnh ở đây"
        );
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
    fn a_caption_repeated_in_the_next_blocks_is_shown_once_a_distant_repeat_stays() {
        let cap = "Ngư dân kéo lưới trên cánh đồng ngập nước ở xã Vĩnh Hội Đông";
        let ask = "Điều gì khiến anh chọn nghề đánh bắt cá trên đồng nước?";
        let doc = Document::from(format!(
            "<ul><li>{cap}</li></ul><div>{cap}</div><p>{cap}</p><p>{ask}</p>\
             <p>Đoạn một.</p><p>Đoạn hai.</p><p>Đoạn ba.</p><p>Đoạn bốn.</p><p>{ask}</p>"
        ));
        dedupe(&doc, None, None);
        let text = doc.select("body").text();
        assert_eq!(text.matches(cap).count(), 1, "{text}");
        assert_eq!(text.matches(ask).count(), 2, "{text}");
    }

    #[test]
    fn media_chrome_lines() {
        assert!(is_media_chrome("photo: hau dinh, ap"));
        assert!(is_media_chrome("image 1 of / 8"));
        assert!(is_media_chrome("ảnh 2/5"));
        assert!(is_media_chrome("quảng cáo"));
        assert!(is_media_chrome("continue reading below"));
        assert!(is_media_chrome("advert"));
        assert!(!is_media_chrome(
            "continue reading below the fold, she wrote"
        ));
        assert!(!is_media_chrome("ảnh hưởng của bão số 3 tới 5 tỉnh"));
        assert!(!is_media_chrome(
            "close to the border, the village waited for news"
        ));
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
