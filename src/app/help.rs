//! The help screen: every action with its keys (as bound now), the search box's keys, the
//! `[keys]` action names and the `[theme]` element names; scrolling within it.
use super::State;
use super::action::Action;
use crate::i18n::{T, tr};
use crate::layout;
use crate::text::wrap::{truncate, width as text_width, wrap};
use crate::theme::{El, ElLine};

/// Every line of the help screen at `width`, each part named by its theme element.
pub fn lines(state: &State, width: usize) -> Vec<ElLine> {
    let mut out = Vec::new();
    let key_w = 16.min(width / 2);
    let desc_w = width.saturating_sub(key_w + 2).max(8);
    // A key column and its description, wrapped with the column kept blank below.
    let key_rows = |out: &mut Vec<ElLine>, keys: &str, what: &str| {
        for (i, part) in wrap(what, desc_w).into_iter().enumerate() {
            let k = pad(if i == 0 { keys } else { "" }, key_w);
            out.push(vec![(Some(El::Key), format!(" {k} ")), (None, part)]);
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

/// `s` padded with spaces to exactly `cols` columns (truncated first if longer).
fn pad(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = text_width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

/// A blank line, then a section's heading.
fn section(out: &mut Vec<ElLine>, state: &State, name: T) {
    out.push(Vec::new());
    out.push(vec![(
        Some(El::Header),
        format!(" {}:", tr(state.lang, name)),
    )]);
}

/// Names separated by commas, wrapped to the width.
fn names_rows(out: &mut Vec<ElLine>, names: &[&str], width: usize) {
    for l in wrap(&names.join(", "), width.saturating_sub(2)) {
        out.push(vec![(None, format!(" {l}"))]);
    }
}

/// The last first-row that still fills the help screen (0 when it all fits).
pub fn max_scroll(state: &State) -> usize {
    let Some(area) = layout::help_area(state.shape()) else {
        return 0;
    };
    let h = area.height.saturating_sub(1) as usize;
    layout::max_scroll(lines(state, area.width as usize).len(), h)
}

/// The rows of a page of help.
pub(super) fn page_rows(state: &State) -> i64 {
    layout::help_area(state.shape()).map_or(1, |r| r.height.saturating_sub(2).max(1) as i64)
}

/// Scrolls the help screen, within its text.
pub(super) fn scroll_by(s: &mut State, delta: i64) {
    let max = max_scroll(s) as i64;
    s.help_scroll = (s.help_scroll as i64).saturating_add(delta).clamp(0, max) as usize;
}

pub(super) fn open(s: &mut State) {
    s.help = true;
    s.help_scroll = 0;
}
