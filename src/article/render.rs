//! Article HTML -> styled lines (ratatui) and plain text, wrapped by grapheme.
//!
//! Contract:
//! - `render(html: &str, width: usize, lang: Lang) -> Rendered`: html2text rich mode;
//!   headings, bold, italic, lists, quotes, pre, tables; images as "[Ảnh: …]"/"[Image: …]";
//!   links as numbered references. Width >= 20 (0: no wrapping). NFC, no control chars.
//! - `Rendered { lines: Vec<ratatui::text::Line<'static>>, links: Vec<String> }`, spans split
//!   only at grapheme boundaries; `Rendered::plain(&self) -> String` for `read`.
//! - `body_text(html: &str) -> String`: the body alone as plain text, paragraphs separated
//!   by a blank line, no link footnotes, unwrapped (for `read --json`).
//!
//! html2text wraps by character width; the input is NFC first (Vietnamese letters are then
//! one character each), and every span is NFC'd and cleaned again after rendering.
use super::guard;
use crate::i18n::Lang;
use html2text::render::{RichAnnotation, TaggedLine, TaggedLineElement, TextDecorator};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use std::cell::RefCell;
use std::rc::Rc;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Marks heading lines inside html2text's output; removed from input beforehand.
pub(crate) const MARK: char = '\u{E000}';
/// Stands for the bullet "• " in html2text's output. html2text indents an item's later lines
/// by the prefix's length in bytes, and "• " is 4 bytes for 2 columns: a 2-byte character
/// gives the 2 columns the bullet takes. A C1 control, so `clean_block` takes it out of the
/// input.
const BULLET: char = '\u{86}';
/// The only text of a paragraph put before each list, so that a list stands apart from the
/// paragraph above it as paragraphs do (html2text starts lists without a blank line).
const SPACER: char = '\u{E001}';
/// "No wrapping": wide enough for any paragraph, small enough for html2text's buffers.
const NO_WRAP: usize = 100_000;
/// Narrowest width the layout is asked for.
pub const MIN_WIDTH: usize = 20;
/// With pictures: starts each picture's label, followed by one character naming the
/// picture ([`PIC_BASE`] + its index among the body's `<img>`s); both taken out again,
/// so the reader knows on which line each picture stands. Removed from input beforehand.
const PIC: char = '\u{E002}';
const PIC_BASE: u32 = 0xF_0000;
/// The most pictures of one body given a place (the rest keep their label only).
const MAX_PICS: usize = 4096;

/// An article laid out for a width: styled lines (the numbered link list at the end) and
/// the links in reference order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    pub links: Vec<String>,
    /// With [`render_with_pictures`]: every `<img>` laid out, in line order.
    pub pictures: Vec<PicturePlace>,
}

/// Where a picture of the body stands: its label is on line `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PicturePlace {
    pub line: usize,
    /// The `src` as written in the HTML (not resolved).
    pub src: String,
    /// The line holds nothing but picture labels.
    pub alone: bool,
}

impl Rendered {
    /// The lines as plain text, one per line, without trailing spaces.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Lays out `html` at `width` columns (0: no wrapping; otherwise at least [`MIN_WIDTH`]).
pub fn render(html: &str, width: usize, lang: Lang) -> Rendered {
    render_inner(html, width, lang, false)
}

/// As [`render`], and every picture of the body gets a label (`[Ảnh]` when it has no
/// caption) whose line is reported in [`Rendered::pictures`], for the reader to draw the
/// picture above it.
pub fn render_with_pictures(html: &str, width: usize, lang: Lang) -> Rendered {
    render_inner(html, width, lang, true)
}

fn render_inner(html: &str, width: usize, lang: Lang, pictures: bool) -> Rendered {
    let width = if width == 0 {
        NO_WRAP
    } else {
        width.max(MIN_WIDTH)
    };
    let links = Rc::new(RefCell::new(Links::default()));
    let srcs = Rc::new(RefCell::new(Vec::new()));
    let deco = Decorator {
        links: links.clone(),
        lang,
        body_only: false,
        pictures: pictures.then(|| srcs.clone()),
    };
    let tagged = guard::catch(|| layout(html, width, deco)).unwrap_or_default();
    let mut lines = to_lines(tagged);
    heal_graphemes(&mut lines);
    let links = std::mem::take(&mut links.borrow_mut().urls);
    if !links.is_empty() {
        lines.push(Line::default());
        for (i, url) in links.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("[{}]", i + 1),
                    Style::new().add_modifier(Modifier::DIM),
                ),
                Span::raw(" "),
                Span::styled(url.clone(), link_style()),
            ]));
        }
    }
    let mut lines = fit_width(lines, width);
    let pictures = if pictures {
        places(&mut lines, &srcs.borrow())
    } else {
        Vec::new()
    };
    Rendered {
        lines,
        links,
        pictures,
    }
}

/// Takes the picture markers out of `lines`, and says where each picture stands.
fn places(lines: &mut [Line<'static>], srcs: &[String]) -> Vec<PicturePlace> {
    let mut out = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        if !line.spans.iter().any(|s| s.content.contains(PIC)) {
            continue;
        }
        let mut found = Vec::new();
        for span in &mut line.spans {
            if !span.content.contains(PIC) {
                continue;
            }
            let mut text = String::with_capacity(span.content.len());
            let mut chars = span.content.chars();
            while let Some(c) = chars.next() {
                if c != PIC {
                    text.push(c);
                    continue;
                }
                let n = chars
                    .next()
                    .map(|c| (c as u32).wrapping_sub(PIC_BASE) as usize);
                if let Some(src) = n.and_then(|n| srcs.get(n)) {
                    found.push(src.clone());
                }
            }
            span.content = text.into();
        }
        line.spans.retain(|s| !s.content.is_empty());
        let alone = line
            .spans
            .iter()
            .all(|s| s.content.trim().is_empty() || s.style == picture_style());
        out.extend(found.into_iter().map(|src| PicturePlace {
            line: i,
            src,
            alone,
        }));
    }
    out
}

/// The body alone as plain text: unwrapped, paragraphs separated by a blank line, no link
/// references, no pictures.
pub fn body_text(html: &str) -> String {
    let links = Rc::new(RefCell::new(Links::default()));
    let deco = Decorator {
        links,
        lang: Lang::En,
        body_only: true,
        pictures: None,
    };
    let tagged = guard::catch(|| layout(html, NO_WRAP, deco)).unwrap_or_default();
    let mut out = String::new();
    for line in to_lines(tagged) {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out.trim_end().to_string()
}

fn layout(html: &str, width: usize, deco: Decorator) -> Vec<TaggedLine<Vec<RichAnnotation>>> {
    let mut clean = crate::text::clean_block(html);
    if clean.contains(MARK) {
        clean = clean.replace(MARK, "");
    }
    if clean.contains(SPACER) {
        clean = clean.replace(SPACER, "");
    }
    if clean.contains(PIC) {
        clean = clean.replace(PIC, "");
    }
    let capped = space_lists(guard::sanitize(&clean));
    // With pictures, an image without a caption is laid out too (as "[Ảnh]").
    let images = if deco.pictures.is_some() {
        html2text::config::ImageRenderMode::ShowAlways
    } else {
        html2text::config::ImageRenderMode::IgnoreEmpty
    };
    html2text::config::with_decorator(deco)
        .empty_img_mode(images)
        .allow_width_overflow()
        .lines_from_read(capped.as_bytes(), width)
        .unwrap_or_default()
}

#[derive(Default)]
struct Links {
    urls: Vec<String>,
    /// The reference number of each open link (None: not numbered).
    open: Vec<Option<usize>>,
}

#[derive(Clone)]
struct Decorator {
    links: Rc<RefCell<Links>>,
    lang: Lang,
    /// For `body_text`: no references, no pictures, no heading marks.
    body_only: bool,
    /// With pictures: the `src` of every picture labelled, in the order labelled.
    pictures: Option<Rc<RefCell<Vec<String>>>>,
}

impl TextDecorator for Decorator {
    type Annotation = RichAnnotation;

    fn decorate_link_start(&mut self, url: &str) -> (String, RichAnnotation) {
        let url = crate::text::clean_line(url);
        let numbered = !self.body_only
            && !url.is_empty()
            && !url.starts_with('#')
            && !url.to_ascii_lowercase().starts_with("javascript:");
        let mut links = self.links.borrow_mut();
        let n = numbered.then(|| match links.urls.iter().position(|u| *u == url) {
            Some(i) => i + 1,
            None => {
                links.urls.push(url.clone());
                links.urls.len()
            }
        });
        links.open.push(n);
        (String::new(), RichAnnotation::Link(url))
    }

    fn decorate_link_end(&mut self) -> String {
        match self.links.borrow_mut().open.pop().flatten() {
            Some(n) => format!("[{n}]"),
            None => String::new(),
        }
    }

    fn decorate_em_start(&self) -> (String, RichAnnotation) {
        (String::new(), RichAnnotation::Emphasis)
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, RichAnnotation) {
        (String::new(), RichAnnotation::Strong)
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, RichAnnotation) {
        (String::new(), RichAnnotation::Strikeout)
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, RichAnnotation) {
        (String::new(), RichAnnotation::Code)
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) -> RichAnnotation {
        RichAnnotation::Preformat(false)
    }
    fn decorate_preformat_cont(&self) -> RichAnnotation {
        RichAnnotation::Preformat(true)
    }

    fn decorate_image(&mut self, src: &str, title: &str) -> (String, RichAnnotation) {
        let title = crate::text::clean_line(title);
        let label = match self.lang {
            Lang::Vi => "Ảnh",
            Lang::En => "Image",
        };
        let annotation = RichAnnotation::Image(src.to_string());
        if let Some(srcs) = self.pictures.as_ref() {
            let mut srcs = srcs.borrow_mut();
            let text = if title.is_empty() {
                format!("[{label}]")
            } else {
                format!("[{label}: {title}]")
            };
            if srcs.len() >= MAX_PICS {
                return (text, annotation);
            }
            let mark = char::from_u32(PIC_BASE + srcs.len() as u32).unwrap_or(' ');
            srcs.push(src.to_string());
            return (format!("{PIC}{mark}{text}"), annotation);
        }
        if self.body_only || title.is_empty() {
            return (String::new(), RichAnnotation::Default);
        }
        (format!("[{label}: {title}]"), annotation)
    }

    fn header_prefix(&self, _level: usize) -> String {
        if self.body_only {
            String::new()
        } else {
            MARK.to_string()
        }
    }
    fn quote_prefix(&self) -> String {
        "> ".to_string()
    }
    fn unordered_item_prefix(&self) -> String {
        BULLET.to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        // body_text is for search and scripts: a number would read as a word of the text.
        if self.body_only {
            BULLET.to_string()
        } else {
            format!("{i}. ")
        }
    }
    fn make_subblock_decorator(&self) -> Self {
        self.clone()
    }
    fn finalise(&mut self, _urls: Vec<String>) -> Vec<TaggedLine<RichAnnotation>> {
        Vec::new()
    }
}

fn picture_style() -> Style {
    Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
}

fn link_style() -> Style {
    Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::UNDERLINED)
}

fn style_of(tags: &[RichAnnotation]) -> Style {
    tags.iter().fold(Style::new(), |s, t| match t {
        RichAnnotation::Strong => s.add_modifier(Modifier::BOLD),
        RichAnnotation::Emphasis => s.add_modifier(Modifier::ITALIC),
        RichAnnotation::Strikeout => s.add_modifier(Modifier::CROSSED_OUT),
        RichAnnotation::Code | RichAnnotation::Preformat(_) => s.fg(Color::Yellow),
        RichAnnotation::Link(_) => s.patch(link_style()),
        RichAnnotation::Image(_) => s.patch(picture_style()),
        _ => s,
    })
}

/// A spacer paragraph before every list that is not inside another list's item.
fn space_lists(html: String) -> String {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<ul") && !lower.contains("<ol") {
        return html;
    }
    let doc = dom_query::Document::from(html.as_str());
    let Some(lists) = doc.try_select("ul, ol") else {
        return html;
    };
    for list in lists.nodes() {
        if !list.ancestors_it(None).any(|a| a.has_name("li")) {
            list.before_html(format!("<p>{SPACER}</p>"));
        }
    }
    doc.html().to_string()
}

/// html2text breaks a word too long for the width between characters, which can fall inside
/// a grapheme cluster (an emoji ZWJ sequence, a flag); the piece left at the end of a line
/// then moves down to join the rest of its cluster, so no line shows half a letter. That
/// line may overflow by the piece's width, as html2text's own overflow does.
/// Lines no wider than `width`: html2text lets tables and nested lists overflow (and pads
/// cells with spaces), so trailing spaces go and a line still too wide is cut between
/// grapheme clusters into as many lines as it needs, each span keeping its style.
fn fit_width(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for mut line in lines {
        let cols = |l: &Line<'_>| {
            l.spans
                .iter()
                .map(|s| crate::text::width(&s.content))
                .sum::<usize>()
        };
        if cols(&line) <= width {
            out.push(line);
            continue;
        }
        while let Some(last) = line.spans.last_mut() {
            let trimmed = last.content.trim_end();
            if trimmed.is_empty() {
                line.spans.pop();
                continue;
            }
            if trimmed.len() < last.content.len() {
                last.content = trimmed.to_owned().into();
            }
            break;
        }
        if cols(&line) <= width {
            out.push(line);
            continue;
        }
        let mut current = Line::default();
        let mut used = 0;
        for span in line.spans {
            let mut piece = String::new();
            for g in span.content.graphemes(true) {
                let w = crate::text::width(g);
                if used + w > width && used > 0 {
                    if !piece.is_empty() {
                        current
                            .spans
                            .push(Span::styled(std::mem::take(&mut piece), span.style));
                    }
                    out.push(std::mem::take(&mut current));
                    used = 0;
                }
                piece.push_str(g);
                used += w;
            }
            if !piece.is_empty() {
                current.spans.push(Span::styled(piece, span.style));
            }
        }
        out.push(current);
    }
    out
}

fn heal_graphemes(lines: &mut [Line<'static>]) {
    for i in 1..lines.len() {
        let (before, after) = lines.split_at_mut(i);
        let (Some(prev), Some(next)) = (before[i - 1].spans.last_mut(), after[0].spans.first_mut())
        else {
            continue;
        };
        let Some((at, tail)) = prev.content.grapheme_indices(true).next_back() else {
            continue;
        };
        let joined = format!("{tail}{}", next.content);
        if joined
            .graphemes(true)
            .next()
            .is_none_or(|g| g.len() <= tail.len())
        {
            continue;
        }
        let tail = tail.to_string();
        let kept = prev.content[..at].to_string();
        prev.content = kept.into();
        if prev.style == next.style {
            next.content = joined.into();
        } else {
            after[0].spans.insert(0, Span::styled(tail, prev.style));
        }
        before[i - 1].spans.retain(|s| !s.content.is_empty());
    }
}

/// html2text's lines to ratatui lines: NFC and clean spans, heading marks to bold, a
/// span that starts with combining marks gives them to the span before (so no span
/// boundary falls inside a letter), runs of blank lines folded to one, none at the ends.
fn to_lines(tagged: Vec<TaggedLine<Vec<RichAnnotation>>>) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(tagged.len());
    for tl in tagged {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut heading = false;
        for el in tl {
            let TaggedLineElement::Str(el) = el else {
                continue;
            };
            let mut text = el.s;
            if text.starts_with(MARK) || text.contains(MARK) {
                heading = true;
                text = text.replace(MARK, "");
            }
            if text.contains(SPACER) {
                text = text.replace(SPACER, "");
            }
            if text.contains(BULLET) {
                text = text.replace(BULLET, "• ");
            }
            let text = crate::text::clean_block(&text).replace(['\n', '\t'], " ");
            if text.is_empty() {
                continue;
            }
            let style = style_of(&el.tag);
            let split = text
                .char_indices()
                .find(|&(_, c)| !is_combining_mark(c))
                .map_or(text.len(), |(i, _)| i);
            if split > 0
                && let Some(prev) = spans.last_mut()
            {
                let joined = crate::text::nfc(&format!("{}{}", prev.content, &text[..split]));
                prev.content = joined.into();
                if split < text.len() {
                    spans.push(Span::styled(text[split..].to_string(), style));
                }
                continue;
            }
            spans.push(Span::styled(text, style));
        }
        if heading {
            for s in &mut spans {
                s.style = s.style.add_modifier(Modifier::BOLD);
            }
        }
        let blank = spans.iter().all(|s| s.content.trim().is_empty());
        if blank {
            if lines.last().is_none_or(|l: &Line| l.spans.is_empty()) {
                continue;
            }
            lines.push(Line::default());
        } else {
            lines.push(Line::from(spans));
        }
    }
    while lines.last().is_some_and(|l| l.spans.is_empty()) {
        lines.pop();
    }
    lines
}
