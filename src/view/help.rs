//! Help: the lines `app::help` builds (actions with their keys as bound now, the `[keys]`
//! action names, the `[theme]` element names), scrolled as the state says.
use super::{Ui, title_row};
use crate::i18n::{T, tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use crate::app::help::max_scroll;

pub fn render(ui: Ui, area: Rect, buf: &mut Buffer) {
    let state = ui.state;
    let all = crate::app::help::lines(state, area.width as usize);
    let h = area.height.saturating_sub(1) as usize;
    let top = state.help_scroll.min(all.len().saturating_sub(h));
    let right = format!("{}/{}", (top + h).min(all.len()), all.len());
    title_row(
        ui,
        area,
        &format!(
            "{} · {}",
            tr(state.lang, T::Help),
            tr(state.lang, T::HelpKeys)
        ),
        &right,
        buf,
    );
    for (row, l) in all.iter().skip(top).take(h).enumerate() {
        buf.set_line(area.x, area.y + 1 + row as u16, &ui.line(l), area.width);
    }
}
