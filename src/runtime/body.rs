//! Wrapping an article body once per width, off the UI thread: the view only slices it.
use crate::app::msg::WrappedBody;
use crate::i18n::Lang;
use crate::text::clean_line;
use ratatui::text::{Line, Span};
use std::sync::Arc;

/// Styled lines of `html` at `width` (the renderer ends them with the numbered links).
pub fn wrap_body(html: &str, width: u16, lang: Lang) -> WrappedBody {
    let w = (width as usize).max(crate::article::render::MIN_WIDTH);
    let r = crate::article::render::render(html, w, lang);
    let lines: Vec<Line<'static>> = r.lines.into_iter().map(sanitize_line).collect();
    let links: Vec<String> = r.links.iter().map(|l| clean_line(l)).collect();
    WrappedBody {
        width,
        lines: Arc::new(lines),
        links: Arc::new(links),
    }
}

/// Feed text must never reach the terminal as a control sequence: the spans are cleaned
/// again here (once per wrap, not per frame), keeping leading indentation.
fn sanitize_line(line: Line<'static>) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| {
            let clean: String = crate::text::clean_block(&s.content)
                .chars()
                .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
                .collect();
            Span::styled(clean, s.style)
        })
        .collect();
    Line { spans, ..line }
}
