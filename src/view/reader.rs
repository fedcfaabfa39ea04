//! The reader: a header (title, source, date, byline, the site's rating and views, the
//! user's rating), then the body wrapped once by the runner; only visible rows are drawn.
use super::theme::El;
use super::{Ui, layout, left_border, title_row};
use crate::app::effect::BodyMode;
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
    let body_len = r.body.as_ref().map_or(1, |b| b.lines.len());
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
    for row in 0..h.min(total - top) {
        let i = top + row;
        let y = text.y + row as u16;
        if let Some(l) = head.get(i) {
            buf.set_line(text.x, y, l, text.width);
            continue;
        }
        let bi = i - head.len();
        match r.body.as_ref() {
            Some(b) => {
                if let Some(l) = b.lines.get(bi) {
                    buf.set_line(text.x, y, l, text.width);
                }
            }
            None => {
                let msg = tr(state.lang, T::Loading);
                buf.set_stringn(text.x, y, msg, width, ui.style(El::Dim));
            }
        }
    }
}
