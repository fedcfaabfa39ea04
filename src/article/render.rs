//! Article HTML -> styled lines (ratatui) and plain text, wrapped by grapheme.
//!
//! Contract (bodies by the article module's author):
//! - `render(html: &str, width: usize, lang: Lang) -> Rendered`: html2text rich mode;
//!   headings, bold, italic, lists, quotes, pre, tables; images as "[Ảnh: …]"/"[Image: …]";
//!   links as numbered references. Width >= 20 (0: no wrapping). NFC, no control chars.
//! - `Rendered { lines: Vec<ratatui::text::Line<'static>>, links: Vec<String> }`, spans split
//!   only at grapheme boundaries; `Rendered::plain(&self) -> String` for `read`.
//! - `body_text(html: &str) -> String`: the body alone as plain text, paragraphs separated
//!   by a blank line, no link footnotes, unwrapped (for `read --json`).
