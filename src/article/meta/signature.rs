//! The signature at the end of a Vietnamese article: a last short paragraph with the
//! writers ("K. Miên", "NHẬT XUÂN - NGHI VŨ", "Tin, ảnh: Vũ Phương Thảo"), often bold or
//! right-aligned, sometimes with or followed by a source ("Theo VnExpress"). Found by shape
//! in the extracted body, taken out of it, and offered as byline and source candidates.
use super::names::{Signed, signed, source_of, strip_role};
use dom_query::{Document, NodeRef};

/// Blocks that hold a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "td",
    "section",
    "article",
    "li",
    "blockquote",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "body",
];
/// Blocks whose last line is never a signature: a list item, a quote, a caption, a heading.
const NOT_SIGNATURE: &[&str] = &[
    "li",
    "blockquote",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "pre",
    "body",
];
/// The signature and a source line: at most this many blocks at the end.
const MAX_LINES: usize = 2;

/// A signature found at the end of the body.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Signature {
    pub signed: Signed,
    /// Right-aligned or bold: how CMSs set a signature apart.
    pub set_apart: bool,
    /// The blocks it was read from, to remove when it is kept.
    blocks: Vec<dom_query::NodeId>,
}

/// Reads the signature off the end of `doc`'s body (does not remove it). Signing with bare
/// names is the Vietnamese convention: on a page in another language ("Follow Us", "AP")
/// only a line that says it is one ("By …", "Source: …") counts.
pub fn find(doc: &Document, lang: Option<&str>) -> Option<Signature> {
    let body = *doc.select("body").nodes().first()?;
    let bare_names = match lang {
        Some(l) => l.trim().to_ascii_lowercase().starts_with("vi"),
        None => looks_vietnamese(&body),
    };
    let mut sig = Signature::default();
    let mut before: Option<NodeRef> = None;
    for _ in 0..MAX_LINES {
        let Some(block) = last_block(&body, before) else {
            break;
        };
        if NOT_SIGNATURE.iter().any(|n| block.has_name(n)) {
            break;
        }
        let text = crate::text::clean_line(&block.text());
        if !bare_names && strip_role(&text) == text && source_of(&text).is_none() {
            break;
        }
        let Some(line) = signed(&text) else { break };
        // Two sources or two sets of names: the second is no signature.
        let clash = (line.names.is_some() && sig.signed.names.is_some())
            || (line.source.is_some() && sig.signed.source.is_some());
        if clash {
            break;
        }
        if line.names.is_some() {
            sig.signed.names = line.names;
        }
        if line.source.is_some() {
            sig.signed.source = line.source;
        }
        sig.set_apart |= set_apart(&block);
        sig.blocks.push(block.id);
        before = Some(block);
    }
    (!sig.blocks.is_empty()).then_some(sig)
}

impl Signature {
    /// Takes the signature's blocks out of the body.
    pub fn remove(&self, doc: &Document) {
        let Some(body) = doc.select("body").nodes().first().copied() else {
            return;
        };
        let found: Vec<NodeRef> = body
            .descendants_it()
            .filter(|n| self.blocks.contains(&n.id))
            .collect();
        for node in found {
            node.remove_from_parent();
        }
    }
}

/// The block holding the last text of `root` (before `stop`'s start, when given).
fn last_block<'a>(root: &NodeRef<'a>, stop: Option<NodeRef<'a>>) -> Option<NodeRef<'a>> {
    let texts: Vec<NodeRef<'a>> = root
        .descendants_it()
        .take_while(|d| stop.is_none_or(|s| d.id != s.id))
        .filter(|d| d.is_text() && !d.text().trim().is_empty())
        .collect();
    let last = texts.last()?;
    last.ancestors_it(Some(64))
        .find(|a| BLOCKS.iter().any(|b| a.has_name(b)))
}

/// Letters only Vietnamese writes (ă, đ, ơ, ư, and the hook-above and dot-below vowels of
/// U+1EA0..U+1EF9), eight of them in the body's first text: an undeclared page's language.
fn looks_vietnamese(body: &NodeRef) -> bool {
    let vietnamese = |c: char| {
        matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
            || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
    };
    body.descendants_it()
        .filter(|d| d.is_text())
        .take(2_000)
        .flat_map(|d| {
            d.text()
                .chars()
                .filter(|&c| vietnamese(c))
                .collect::<Vec<_>>()
        })
        .nth(7)
        .is_some()
}

fn set_apart(block: &NodeRef) -> bool {
    let style = block.attr("style").unwrap_or_default().to_lowercase();
    let align = block.attr("align").unwrap_or_default().to_lowercase();
    style.contains("right")
        || align == "right"
        || !block.find(&["strong"]).is_empty()
        || !block.find(&["b"]).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Document {
        Document::from(format!("<html><body>{html}</body></html>"))
    }

    #[test]
    fn names_and_a_source_at_the_end_come_out() {
        let doc = body(
            "<p>Giá lúa tăng ba tuần liền, nông dân phấn khởi.</p>\
             <p style='text-align:right'><strong>NHẬT XUÂN - NGHI VŨ</strong></p>\
             <p>Theo Tuổi Trẻ</p>",
        );
        let sig = find(&doc, Some("vi")).unwrap();
        assert_eq!(sig.signed.names.as_deref(), Some("NHẬT XUÂN - NGHI VŨ"));
        assert_eq!(sig.signed.source.as_deref(), Some("Tuổi Trẻ"));
        assert!(sig.set_apart);
        sig.remove(&doc);
        assert_eq!(
            crate::text::clean_line(&doc.select("body").text()),
            "Giá lúa tăng ba tuần liền, nông dân phấn khởi."
        );
    }

    #[test]
    fn a_sentence_a_list_or_a_caption_is_no_signature() {
        for html in [
            "<p>Giá lúa tăng.</p><p>Người dân vẫn chờ thêm hỗ trợ từ tỉnh.</p>",
            "<p>Giá lúa tăng.</p><ul><li>Minh Anh</li></ul>",
            "<p>Giá lúa tăng.</p><figure><figcaption>Ảnh: Reuters</figcaption></figure>",
            "<p>Giá lúa tăng.</p><p>Ảnh: Reuters</p>",
        ] {
            assert_eq!(find(&body(html), Some("vi")), None, "{html}");
        }
    }

    #[test]
    fn other_languages_sign_with_a_word_that_says_so() {
        let text = "<p>The river rose two metres overnight and the ferry stopped.</p>";
        let bare = body(&format!("{text}<p>Hoang Phong</p>"));
        assert_eq!(find(&bare, Some("en")), None);
        assert!(find(&bare, Some("vi")).is_some());
        assert!(find(&body(&format!("{text}<p>Follow Us</p>")), None).is_none());
        // Undeclared: Vietnamese text signs with bare names, other text does not.
        assert!(find(&bare, None).is_none());
        let vi =
            "<p>Giá lúa ở các tỉnh miền Tây tăng ba tuần liền, nông dân phấn khởi vì được giá.</p>";
        assert!(find(&body(&format!("{vi}<p>Hoàng Phong</p>")), None).is_some());
        let by = body(&format!("{text}<p>By Hoang Phong</p>"));
        let sig = find(&by, Some("en-US")).unwrap();
        assert_eq!(sig.signed.names.as_deref(), Some("Hoang Phong"));
    }
}
