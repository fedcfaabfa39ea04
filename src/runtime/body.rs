//! Wrapping an article body once per width, off the UI thread: the view only slices it.
use crate::app::msg::WrappedBody;
use crate::i18n::Lang;
use crate::text::clean_line;
use crate::view::fit;
use ratatui::text::{Line, Span};
use std::sync::Arc;

/// Styled lines of `html` at `width`, then the numbered link list.
pub fn wrap_body(html: &str, width: u16, lang: Lang, links_title: &str) -> WrappedBody {
    let w = (width as usize).max(10);
    let (lines, links) = render_html(html, w, lang);
    let mut lines: Vec<Line<'static>> = lines.into_iter().map(sanitize_line).collect();
    let links: Vec<String> = links.iter().map(|l| clean_line(l)).collect();
    if !links.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            links_title.to_string(),
            ratatui::style::Modifier::BOLD,
        ));
        for (i, l) in links.iter().enumerate() {
            for (j, part) in fit::wrap(&format!("[{}] {l}", i + 1), w)
                .into_iter()
                .enumerate()
            {
                let indent = if j == 0 { "" } else { "    " };
                lines.push(Line::raw(format!("{indent}{part}")));
            }
        }
    }
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

/// HTML to lines: plain text through html2text until the article renderer is merged.
fn render_html(html: &str, width: usize, _lang: Lang) -> (Vec<Line<'static>>, Vec<String>) {
    let text = html2text::config::plain()
        .link_footnotes(false)
        .string_from_read(html.as_bytes(), width)
        .unwrap_or_else(|_| clean_line(html));
    let lines = text.lines().map(|l| Line::raw(l.to_string())).collect();
    (lines, Vec::new())
}
