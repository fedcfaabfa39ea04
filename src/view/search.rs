//! The search screen: a text box (the terminal cursor sits at the caret, so an IME's
//! pre-edit text shows there) and the results as you type.
use super::theme::El;
use super::{Ui, ViewState, articles, fit, title_row};
use crate::app::state::Pane;
use crate::i18n::{T, strings, tr};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders, Widget};

/// Draws the search screen; returns where the terminal cursor goes.
pub fn render(ui: Ui, area: Rect, buf: &mut Buffer, vs: &mut ViewState) -> Option<Position> {
    let state = ui.state;
    let q = state.search.as_ref()?;
    let right = if q.searching {
        super::reader::spinner(state).to_string()
    } else {
        String::new()
    };
    title_row(ui, area, tr(state.lang, T::Search), &right, buf);
    if area.height <= crate::layout::SEARCH_HEAD {
        return None;
    }
    let boxr = Rect::new(area.x, area.y + 1, area.width, 3);
    Block::default()
        .borders(Borders::ALL)
        .border_style(ui.style(El::Border))
        .title(format!(" {} ", tr(state.lang, T::SearchPrompt)))
        .render(boxr, buf);
    let inner_w = boxr.width.saturating_sub(2) as usize;
    // Show the end of a long query so the caret stays visible.
    let before = crate::text::clean_line(&q.input[..q.caret]);
    let after = crate::text::clean_line(&q.input[q.caret..]);
    let bw = fit::width(&before);
    let skip = bw.saturating_sub(inner_w.saturating_sub(1));
    let visible = skip_cols(&format!("{before}{after}"), skip);
    buf.set_stringn(
        boxr.x + 1,
        boxr.y + 1,
        &visible,
        inner_w,
        ui.style(El::Input),
    );
    let cursor = Position::new(boxr.x + 1 + (bw - skip) as u16, boxr.y + 1);
    let info_y = area.y + 4;
    let info = if q.input.trim().is_empty() {
        tr(state.lang, T::TypeToSearch).to_string()
    } else if !q.searching && q.rows.is_empty() {
        tr(state.lang, T::NoResults).to_string()
    } else {
        let n = q.rows.len();
        strings::results(state.lang, n, n >= crate::app::search::SEARCH_LIMIT)
    };
    buf.set_stringn(
        area.x + 1,
        info_y,
        &info,
        area.width.saturating_sub(1) as usize,
        ui.style(El::Dim),
    );
    let list = Rect::new(
        area.x,
        area.y + crate::layout::SEARCH_HEAD,
        area.width,
        area.height.saturating_sub(crate::layout::SEARCH_HEAD),
    );
    let lv = articles::list_rows(
        ui,
        &q.rows,
        q.sel,
        state.focus == Pane::Search,
        list,
        buf,
        vs.search,
        Some(&q.input),
        false,
    );
    vs.search = Some(lv);
    Some(cursor)
}

/// `s` without its first `cols` columns (by grapheme).
fn skip_cols(s: &str, cols: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    let mut out = String::new();
    for g in s.graphemes(true) {
        if used < cols {
            used += fit::width(g);
            continue;
        }
        out.push_str(g);
    }
    out
}
