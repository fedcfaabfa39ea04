//! The prompt on the status line: the question, then the answer being typed (its end kept
//! in view, with the cursor), or a yes/no question alone.
use super::theme::El;
use super::{Ui, fit};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Draws the prompt over the last row of `area`; the cursor's place for a text prompt.
pub fn render(ui: Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let p = ui.state.prompt.as_ref()?;
    if area.height == 0 || area.width < 2 {
        return None;
    }
    let row = Rect {
        height: 1,
        y: area.y + area.height - 1,
        ..area
    };
    let w = row.width as usize;
    // The status line under it goes: nothing of it shows past the question.
    buf.set_stringn(row.x, row.y, " ".repeat(w), w, ui.style(El::Status));
    let question = fit::truncate(
        &format!(" {} ", clean_line(&p.question(ui.state.lang))),
        w.saturating_sub(1),
    );
    let qw = fit::width(&question);
    let mut spans = vec![Span::styled(question, ui.style(El::Message))];
    let mut cursor = None;
    if !p.confirms() {
        // The answer up to the caret, its start dropped until it fits before the cursor.
        let room = w.saturating_sub(qw + 1);
        let before = clean_line(&p.input[..p.caret.min(p.input.len())]);
        let shown_before = tail(&before, room.saturating_sub(1));
        let after = clean_line(p.input.get(p.caret..).unwrap_or(""));
        let bw = fit::width(shown_before);
        let after = fit::truncate(&after, room.saturating_sub(bw + 1));
        spans.push(Span::styled(
            format!("{shown_before}{after}"),
            ui.style(El::Status),
        ));
        cursor = Some(Position::new(row.x + (qw + bw).min(w - 1) as u16, row.y));
    }
    buf.set_line(row.x, row.y, &Line::from(spans), row.width);
    cursor
}

/// The end of `s` that fits in `cols` columns (one pass, by grapheme from the end).
fn tail(s: &str, cols: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        used += fit::width(g);
        if used > cols {
            break;
        }
        start = i;
    }
    &s[start..]
}
