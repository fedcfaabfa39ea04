//! The reader: a header (title, source, date, byline, the site's rating and views, the
//! user's rating), then the body wrapped once by the runner; only visible rows are drawn.
use super::theme::El;
use super::{Ui, layout, left_border, title_row};
use crate::app::effect::BodyMode;
use crate::app::pictures::Block;
use crate::app::state::State;
use crate::i18n::{T, reading, tr};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use crate::app::reader::max_scroll;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner(state: &State) -> &'static str {
    SPINNER[state.status.spinner % SPINNER.len()]
}

/// Draws the open article into `area` (the reader pane of this frame: the text's width
/// and height come from it, not from the state's size).
pub fn render(ui: Ui, area: Rect, bordered: bool, buf: &mut Buffer) {
    let state = ui.state;
    let Some(r) = state.reader.as_ref() else {
        return;
    };
    let text = layout::text_in(area, bordered);
    let width = text.width as usize;
    let head: Vec<_> = crate::app::reader::header(state, r, width)
        .iter()
        .map(|l| ui.line(l))
        .collect();
    if r.pictures.viewer.is_some() && state.pictures.is_some() {
        return super::picture::viewer(ui, area, bordered, buf);
    }
    let blocks = crate::app::pictures::reader_blocks(state);
    let body_len: usize = blocks.iter().map(|b| b.rows()).sum();
    let total = head.len() + body_len;
    let h = text.height as usize;
    let top = r.scroll.min(total.saturating_sub(h));
    let pos = if total <= h {
        100
    } else {
        (top + h) * 100 / total
    };
    let mode = match r.mode {
        BodyMode::Full if r.row.full_text => tr(state.lang, T::FullText),
        BodyMode::Full => "",
        BodyMode::Summary => tr(state.lang, T::Summary),
    };
    let mut right = format!("{}/{} {pos}%", (top + h).min(total), total);
    if r.page.is_some() {
        right = format!(
            "{} · {right}",
            reading::page_depth(state.lang, r.history.len())
        );
    } else if r.versions.len() > 1 {
        right = format!(
            "{} · {right}",
            reading::version_of(state.lang, r.version + 1, r.versions.len())
        );
    }
    if r.fetching() {
        let what = match r.page {
            Some(_) => reading::fetching_page(state.lang),
            None => tr(state.lang, T::FetchingFull),
        };
        right = format!("{} {what} {right}", spinner(state));
    } else if !mode.is_empty() {
        right = format!("{mode} · {right}");
    }
    title_row(ui, area, tr(state.lang, T::Reader), &right, buf);
    if bordered {
        left_border(ui, layout::inner(area, false), buf);
    }
    // The header's rows, then each block's rows that fall in the window.
    for (row, l) in head.iter().enumerate().skip(top).take(h) {
        buf.set_line(text.x, text.y + (row - top) as u16, l, text.width);
    }
    let Some(b) = r.body.as_ref() else {
        if (top..top + h).contains(&head.len()) {
            let y = text.y + (head.len() - top) as u16;
            let msg = tr(state.lang, T::Loading);
            buf.set_stringn(text.x, y, msg, width, ui.style(El::Dim));
        }
        prompt(ui, text, buf);
        return;
    };
    let mut at = head.len();
    for block in blocks {
        let rows = block.rows();
        let (start, end) = (at, at + rows);
        at = end;
        if end <= top {
            continue;
        }
        if start >= top + h {
            break;
        }
        // Rows of the block shown: from `skip` within it, at screen row `y`.
        let skip = top.saturating_sub(start);
        let y = text.y + start.saturating_sub(top) as u16;
        let shown = (rows - skip).min(top + h - start.max(top));
        match block {
            Block::Lines(a, _) => {
                for i in 0..shown {
                    if let Some(l) = b.lines.get(a + skip + i) {
                        // Hint mode: the link references stand out.
                        match &r.hints {
                            Some(hints) => {
                                let l = hint_line(
                                    l,
                                    &hints.typed,
                                    b.links.len(),
                                    ui.style(El::Selected),
                                );
                                buf.set_line(text.x, y + i as u16, &l, text.width);
                            }
                            None => {
                                buf.set_line(text.x, y + i as u16, l, text.width);
                            }
                        }
                    }
                }
            }
            Block::Caption(image) => {
                if let Some(img) = b.placed.images.get(image) {
                    let caption = format!("[{}: {}]", tr(state.lang, T::Picture), img.caption);
                    buf.set_stringn(text.x, y, caption, width, ui.style(El::Dim));
                }
            }
            Block::Picture { image, rows } => {
                let slot = r.pictures.slots.get(image);
                let caption = b.placed.images.get(image).map(|i| i.caption.as_str());
                let full = Rect::new(text.x, y, text.width, shown as u16);
                super::picture::slot(ui, slot, caption, full, (skip as u16, rows), buf);
            }
        }
    }
    prompt(ui, text, buf);
}

/// The reader's prompt (link hints, save) on the text's last row, when one is open.
fn prompt(ui: Ui, text: Rect, buf: &mut Buffer) {
    let state = ui.state;
    let Some(r) = state.reader.as_ref() else {
        return;
    };
    let width = text.width as usize;
    let (line, help) = if let Some(p) = &r.save {
        let label = format!("{}: ", reading::save_prompt(state.lang));
        // A long path shows its end, where the typing is.
        let room = width.saturating_sub(super::fit::width(&label));
        let path = super::fit::tail(&format!("{}_", clean_line(&p.input)), room);
        (label + &path, Some(reading::save_help(state.lang)))
    } else if let Some(h) = &r.hints {
        let count = r.body.as_ref().map_or(0, |b| b.links.len());
        let (line, help) = reading::hint_prompt(state.lang, h.target, &h.typed, count);
        (line, Some(help))
    } else {
        return;
    };
    if text.height == 0 {
        return;
    }
    let y = text.y + text.height - 1;
    let blank = " ".repeat(width);
    // The keys on the row above, when there is one.
    if let Some(help) = help.filter(|_| text.height >= 2) {
        let row = Rect::new(text.x, y - 1, text.width, 1);
        buf.set_stringn(text.x, y - 1, &blank, width, ui.style(El::Dim));
        buf.set_style(row, ui.style(El::Dim));
        buf.set_stringn(text.x, y - 1, help, width, ui.style(El::Dim));
    }
    let row = Rect::new(text.x, y, text.width, 1);
    buf.set_stringn(text.x, y, &blank, width, ui.style(El::Input));
    buf.set_style(row, ui.style(El::Input));
    buf.set_stringn(text.x, y, line, width, ui.style(El::Input));
}

/// `line` with its link references ("[12]", 1 to `links`) drawn as hints: those that still
/// match what was typed stand out. A bracketed number past the links ("[2024]") is text.
pub fn hint_line(line: &Line<'static>, typed: &str, links: usize, hint: Style) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::with_capacity(line.spans.len());
    for span in &line.spans {
        let text = span.content.as_ref();
        let mut at = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'[' {
                let digits = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let close = i + 1 + digits;
                if digits > 0 && bytes.get(close) == Some(&b']') {
                    let label = &text[i + 1..close];
                    let link = label
                        .parse::<usize>()
                        .is_ok_and(|n| (1..=links).contains(&n));
                    if link && label.starts_with(typed) {
                        if i > at {
                            spans.push(Span::styled(text[at..i].to_string(), span.style));
                        }
                        spans.push(Span::styled(
                            text[i..=close].to_string(),
                            span.style.patch(hint),
                        ));
                        at = close + 1;
                    }
                    i = close + 1;
                    continue;
                }
            }
            i += 1;
        }
        if at < text.len() {
            spans.push(Span::styled(text[at..].to_string(), span.style));
        }
    }
    Line::from(spans).style(line.style)
}
