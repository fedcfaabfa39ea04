//! Text a page holds but shows only once a script runs, or marks up as something else, made
//! plain before readability judges it: readability drops `<noscript>` and `hidden` elements,
//! and weighs a heading as a heading even when it holds the article's sentences.
use super::chrome::norm;
use dom_query::Document;

/// Text in a `<noscript>` that reads as content, not as "please enable JavaScript".
const NOSCRIPT_MIN_CHARS: usize = 200;
/// A heading this long is body text written in a heading tag.
const HEADING_MAX_CHARS: usize = 160;

/// Unhides React's streamed chunks and text-bearing `<noscript>` blocks.
pub fn unhide(doc: &Document) {
    // React streams a suspended part as `<div hidden id="S:0">` and moves it into place by
    // script; the scripts are gone, so the chunk is shown where it was sent.
    if let Some(chunks) = doc.try_select("body div[hidden][id^='S:']") {
        for chunk in chunks.nodes() {
            chunk.remove_attr("hidden");
        }
    }
    if let Some(blocks) = doc.try_select("body noscript") {
        for block in blocks.nodes() {
            let text = norm(&block.text());
            if text.chars().count() >= NOSCRIPT_MIN_CHARS {
                block.rename("div");
            }
        }
    }
}

/// Headings that hold a paragraph's worth of text become paragraphs (a headline is shorter,
/// and one sentence).
pub fn long_headings_to_paragraphs(doc: &Document) {
    let Some(heads) = doc.try_select("body h1, body h2, body h3, body h4, body h5, body h6") else {
        return;
    };
    for head in heads.nodes() {
        let text = norm(&head.text());
        let chars = text.chars().count();
        // Two sentences make a paragraph however short ("Giá vàng tăng. Người mua chờ.").
        let sentences = text
            .trim_end_matches(['.', '!', '?', '…'])
            .split(". ")
            .filter(|s| s.split_whitespace().count() >= 3)
            .count();
        if chars > HEADING_MAX_CHARS || (chars >= 80 && sentences >= 2) {
            head.rename("p");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_chunks_and_long_noscript_are_shown_short_noscript_is_not() {
        let long =
            "Nội dung bài viết nằm trong khối dành cho trình duyệt không chạy script. ".repeat(4);
        let doc = Document::from(format!(
            "<body><div hidden id='S:0'><p>Phần được gửi sau.</p></div><div hidden id=modal>x</div>\
             <noscript>Bật JavaScript để xem bình luận.</noscript><noscript><p>{long}</p></noscript></body>"
        ));
        unhide(&doc);
        assert!(!doc.select("div[id='S:0']").has_attr("hidden"));
        assert!(doc.select("#modal").has_attr("hidden"));
        assert_eq!(doc.select("noscript").length(), 1);
    }

    #[test]
    fn a_long_heading_becomes_a_paragraph_a_short_one_stays() {
        let doc = Document::from(
            "<h2>Diễn biến chính</h2><h3>Mưa lớn kéo dài từ đêm qua. Nước sông dâng nhanh \
             khiến nhiều tuyến đường ở vùng trũng bị ngập sâu.</h3>",
        );
        long_headings_to_paragraphs(&doc);
        assert_eq!(doc.select("h2").length(), 1);
        assert_eq!(doc.select("h3").length(), 0);
        assert_eq!(doc.select("p").length(), 1);
    }
}
