//! Help: every action with its keys (as bound now), the `[keys]` action names and the
//! `[theme]` element names, in the interface language.
use super::theme::El;
use super::{fit, title_row};
use crate::app::action::Action;
use crate::app::state::State;
use crate::i18n::{T, tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Every line of the help screen at `width`.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let t = &state.theme;
    let mut out = Vec::new();
    let key_w = 16.min(width / 2);
    let desc_w = width.saturating_sub(key_w + 2).max(8);
    // A key column and its description, wrapped with the column kept blank below.
    let key_rows = |out: &mut Vec<Line<'static>>, keys: &str, what: &str| {
        for (i, part) in fit::wrap(what, desc_w).into_iter().enumerate() {
            let k = fit::pad(if i == 0 { keys } else { "" }, key_w);
            out.push(Line::from(vec![
                Span::styled(format!(" {k} "), t.get(El::Key)),
                Span::raw(part),
            ]));
        }
    };
    for a in Action::ALL {
        key_rows(&mut out, &state.keymap.labels(a), a.describe(state.lang));
    }
    section(&mut out, state, T::HelpSearchBox);
    for (keys, what) in crate::i18n::strings::search_box_keys(state.lang) {
        key_rows(&mut out, keys, what);
    }
    section(&mut out, state, T::HelpActions);
    let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    names_rows(&mut out, &names, width);
    section(&mut out, state, T::HelpTheme);
    let els: Vec<&str> = El::ALL.iter().map(|e| e.name()).collect();
    names_rows(&mut out, &els, width);
    out
}

/// A blank line, then a section's heading.
fn section(out: &mut Vec<Line<'static>>, state: &State, name: T) {
    out.push(Line::default());
    out.push(Line::styled(
        format!(" {}:", tr(state.lang, name)),
        state.theme.get(El::Header),
    ));
}

/// Names separated by commas, wrapped to the width.
fn names_rows(out: &mut Vec<Line<'static>>, names: &[&str], width: usize) {
    for l in fit::wrap(&names.join(", "), width.saturating_sub(2)) {
        out.push(Line::raw(format!(" {l}")));
    }
}

/// The last first-row that still fills the help screen (0 when it all fits).
pub fn max_scroll(state: &State) -> usize {
    let mut shape = super::layout::Shape::of(state);
    shape.help = true;
    let Some(area) = super::layout::areas_of(shape).overlay else {
        return 0;
    };
    let h = area.height.saturating_sub(1) as usize;
    lines(state, area.width as usize).len().saturating_sub(h)
}

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let all = lines(state, area.width as usize);
    let h = area.height.saturating_sub(1) as usize;
    let top = state.help_scroll.min(all.len().saturating_sub(h));
    let right = format!("{}/{}", (top + h).min(all.len()), all.len());
    title_row(
        state,
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
        buf.set_line(area.x, area.y + 1 + row as u16, l, area.width);
    }
}
