//! Doubles in the extracted article: the title repeated in the body, the byline or the
//! date line the header already shows, a caption written twice, media labels and credits
//! left by galleries and ad slots, the writer's name signing off.
use super::chrome::{is_leaf_block, norm};
use dom_query::{Document, NodeRef};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
