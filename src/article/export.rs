//! An article written out as a document: plain text (what `docbao read` prints) or
//! Markdown (`read --format md`, and the reader's save key). One writer for both.
use super::ArticleMeta;
use super::header::header_lines;
use super::render::render;
use crate::i18n::Lang;

/// What is written: the body's HTML, its metadata, the feed's name, and the notice saying
/// why the feed's content stands in for the page, when it does.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub html: &'a str,
    pub meta: &'a ArticleMeta,
    pub source: Option<&'a str>,
    pub notice: Option<&'a str>,
}

/// The formats a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// By the file's name: `.md` / `.markdown` is Markdown, anything else plain text.
    pub fn for_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "md" || e == "markdown" => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// `doc` in `format`, lines kept whole (editors and viewers wrap).
pub fn write(doc: &Doc<'_>, format: Format, lang: Lang) -> String {
    match format {
        Format::Markdown => markdown(doc, 0, lang),
        Format::Plain => plain(doc, 0, lang),
    }
}

/// `read` as plain text: the header lines, a blank line, the body wrapped at `width` (0:
/// whole lines), then the numbered links.
pub fn plain(view: &Doc<'_>, width: usize, lang: Lang) -> String {
    let mut out = String::new();
    for line in header_lines(view.meta, view.source, view.notice, lang) {
        for part in crate::text::wrap::wrap(&line, width) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out.push('\n');
    let body = render(view.html, width, lang).plain();
    out.push_str(&body);
    out
}

/// `read --format md`: `# title`, the other header lines, the page's address, the body
/// with its numbered references, and the links as Markdown reference definitions, so that
/// "[1]" in the text becomes a link.
pub fn markdown(view: &Doc<'_>, width: usize, lang: Lang) -> String {
    let header = header_lines(view.meta, view.source, view.notice, lang);
    let mut out = String::new();
    let mut header = header.iter();
    if let Some(title) = header.next() {
        out.push_str(&format!("# {}\n\n", md_escape_line(title)));
    }
    for line in header {
        out.push_str(&format!("{}  \n", md_escape_line(line)));
    }
    if let Some(url) = view.meta.url.as_deref().map(crate::text::clean_line) {
        out.push_str(&format!("<{}>  \n", url.replace(['<', '>', ' '], "")));
    }
    out.push('\n');
    let rendered = render(view.html, width, lang);
    // The rendered text ends with the link list (a blank line, then one line per link):
    // written below as definitions instead.
    let body_lines = match rendered.links.len() {
        0 => rendered.lines.len(),
        n => rendered.lines.len().saturating_sub(n + 1),
    };
    for line in &rendered.lines[..body_lines] {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.push_str(&md_escape_line(text.trim_end()));
        out.push('\n');
    }
    if !rendered.links.is_empty() {
        out.push('\n');
        for (i, url) in rendered.links.iter().enumerate() {
            let url = crate::text::clean_line(url).replace(['<', '>', ' '], "");
            out.push_str(&format!("[{}]: <{url}>\n", i + 1));
        }
    }
    out
}

/// Keeps a line of text from turning into Markdown structure it is not: a heading, a
/// quote or a rule (the list items html2text writes stay lists).
fn md_escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let rule = trimmed.len() >= 3
        && trimmed
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    if rule || trimmed.starts_with(['#', '>', '+', '|']) {
        format!("{indent}\\{trimmed}")
    } else {
        line.to_owned()
    }
}
