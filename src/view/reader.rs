//! The reader: a header (title, source, date, byline, the site's rating and views, the
//! user's rating), then the body wrapped once by the runner; only visible rows are drawn.
use super::theme::El;
use super::{Ui, layout, left_border, title_row};
use crate::app::effect::BodyMode;
use crate::app::pictures::Block;
use crate::app::state::State;
use crate::i18n::{T, tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
    if r.fetching() {
        right = format!(
            "{} {} {right}",
            spinner(state),
            tr(state.lang, T::FetchingFull)
        );
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
                        buf.set_line(text.x, y + i as u16, l, text.width);
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
}
