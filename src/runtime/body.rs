//! Wrapping an article body once per width, off the UI thread: the view only slices it.
use crate::app::WrappedBody;
use crate::i18n::Lang;
use std::sync::Arc;

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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
