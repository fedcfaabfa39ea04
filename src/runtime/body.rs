//! Wrapping an article body once per width, off the UI thread: the view only slices it.
//! With pictures, the body's lines come with the place of each picture: the lead picture
//! under the header, every other one above its caption line.
use crate::app::WrappedBody;
use crate::app::pictures::{Anchor, Placed};
use crate::article::lead_image::absolute;
use crate::i18n::Lang;
use std::sync::Arc;
use url::Url;

/// Styled lines of `html` at `width` (the renderer ends them with the numbered links).
/// The renderer's spans and links are already NFC, without controls, tabs or newlines
/// (its contract): they go to the view as they are, not cleaned a second time.
pub fn wrap_body(html: &str, width: u16, lang: Lang) -> WrappedBody {
    let w = (width as usize).max(crate::article::render::MIN_WIDTH);
    let r = crate::article::render::render(html, w, lang);
    WrappedBody {
        width,
        lines: Arc::new(r.lines),
        links: Arc::new(r.links),
        placed: Placed::default(),
    }
}

/// As [`wrap_body`], with the pictures placed. The page's `lead` picture goes under the
/// header with its caption; where the body shows it again, that picture and its caption
/// line (when the line holds nothing else) are left out, so each is shown once.
pub fn wrap_body_with_pictures(
    html: &str,
    width: u16,
    lang: Lang,
    lead: Option<&str>,
    base: Option<&str>,
) -> WrappedBody {
    let w = (width as usize).max(crate::article::render::MIN_WIDTH);
    let r = crate::article::render::render_with_pictures(html, w, lang);
    let images = crate::picture::list(html, lead, base);
    let base_url = base.and_then(|b| Url::parse(b).ok());
    let lead_url = lead.and_then(|l| absolute(l, base_url.as_ref()));
    let lead = lead_url
        .as_ref()
        .and_then(|u| images.iter().position(|i| &i.url == u));
    let mut lines = r.lines;
    let mut anchors = Vec::new();
    let mut dropped = Vec::new();
    for p in &r.pictures {
        let Some(url) = absolute(&p.src, base_url.as_ref()) else {
            continue;
        };
        let Some(image) = images.iter().position(|i| i.url == url) else {
            continue;
        };
        if Some(image) == lead {
            if p.alone {
                dropped.push(p.line);
            }
            continue;
        }
        // A picture shown twice in the body is drawn the first time only.
        if anchors.iter().any(|a: &Anchor| a.image == image) {
            continue;
        }
        anchors.push(Anchor {
            line: p.line,
            image,
        });
    }
    if !dropped.is_empty() {
        dropped.dedup();
        let mut i = 0;
        lines.retain(|_| {
            i += 1;
            !dropped.contains(&(i - 1))
        });
        for a in &mut anchors {
            a.line -= dropped.iter().filter(|&&d| d < a.line).count();
        }
    }
    WrappedBody {
        width,
        lines: Arc::new(lines),
        links: Arc::new(r.links),
        placed: Placed {
            images: Arc::new(images),
            anchors: Arc::new(anchors),
            lead,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(b: &WrappedBody, i: usize) -> String {
        b.lines[i]
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect()
    }

    #[test]
    fn each_picture_stands_above_its_caption_and_the_lead_is_shown_once() {
        let html = "<p>Mở đầu bài viết.</p>\
            <figure><img src=\"/anh/dau.jpg\" alt=\"Cầu mới\"></figure>\
            <p>Đoạn giữa.</p><img src=\"b.png\">\
            <p>Ảnh nhỏ <img src=\"data:image/png;base64,AAAA\" alt=\"nhúng\"> trong câu.</p>\
            <img src=\"https://cdn.vn/c.webp\" alt=\"Chợ\"><img src=\"b.png\" alt=\"lại\">";
        let b = wrap_body_with_pictures(
            html,
            60,
            Lang::Vi,
            Some("https://bao.vn/anh/dau.jpg"),
            Some("https://bao.vn/tin/cau.html"),
        );
        let urls: Vec<&str> = b.placed.images.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://bao.vn/anh/dau.jpg",
                "https://bao.vn/tin/b.png",
                "https://cdn.vn/c.webp"
            ]
        );
        assert_eq!(b.placed.lead, Some(0));
        // The lead's line in the body is gone (its caption shows under the header).
        let all: Vec<String> = (0..b.lines.len()).map(|i| text(&b, i)).collect();
        assert!(!all.iter().any(|l| l.contains("Cầu mới")), "{all:?}");
        // Each other picture once, above its own label; one without a caption gets [Ảnh].
        let anchored: Vec<(usize, String)> = b
            .placed
            .anchors
            .iter()
            .map(|a| (a.image, text(&b, a.line)))
            .collect();
        assert_eq!(anchored.len(), 2, "{anchored:?}");
        assert_eq!(anchored[0], (1, "[Ảnh]".to_string()));
        assert!(anchored[1].1.starts_with("[Ảnh: Chợ]"), "{anchored:?}");
        // The markers never reach the view.
        for l in &all {
            assert!(
                !l.chars().any(|c| c == '\u{E002}' || c >= '\u{F0000}'),
                "{l:?}"
            );
        }
        // Without pictures, the same body as before: no label for an image without caption.
        let plain = wrap_body(html, 60, Lang::Vi);
        assert!(plain.placed.images.is_empty());
        let text: String = plain
            .lines
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        assert!(
            !text.contains("[Ảnh]") && text.contains("[Ảnh: Cầu mới]"),
            "{text}"
        );
    }

    /// What the terminal must never receive from a body: controls (an escape sequence),
    /// tabs and newlines inside a span, decomposed letters.
    #[test]
    fn hostile_body_reaches_the_view_clean() {
        let html = "<h1>Ti\u{1b}]0;PWNED\u{7}êu đề</h1>\
            <p>Vie\u{323}\u{302}t\tNam\r\n\u{9b}31m đỏ \u{85}<a href=\"https://x.vn/a\u{1b}[2J\">liên kết</a></p>\
            <pre>mã\tnguồn\n\u{1b}[1mđậm</pre><ul><li>mục\u{0}một</li></ul>";
        let b = wrap_body(html, 40, Lang::Vi);
        assert_eq!(b.width, 40);
        let text: String = b
            .lines
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.as_ref()))
            .chain(b.links.iter().map(String::as_str))
            .collect();
        assert!(text.contains("Việt"), "{text}");
        assert!(text.contains("[1]"), "{text}");
        assert!(
            !text.chars().any(|c| c.is_control()),
            "a control reached the view: {text:?}"
        );
        assert!(unicode_normalization::is_nfc(&text), "not NFC: {text:?}");
    }
}
