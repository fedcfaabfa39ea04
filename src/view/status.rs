//! The status bar: online/offline, refresh progress with a spinner, the last error or
//! message, and the help hint.
use super::Ui;
use super::theme::El;
use super::{fit, reader::spinner};
use crate::app::Problem;
use crate::app::state::{Connectivity, FeedEntry, Pane, State};
use crate::feed::model::SyncStep;
use crate::i18n::Lang;
use crate::i18n::{T, strings, tr};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(ui: Ui, area: Rect, buf: &mut Buffer) {
    let state = ui.state;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = ui.theme;
    let row = Rect {
        height: 1,
        y: area.y + area.height - 1,
        ..area
    };
    buf.set_style(row, t.get(El::Status));
    let (conn, el) = match state.connectivity {
        Connectivity::Online => (format!(" ● {} ", tr(state.lang, T::Online)), El::Online),
        Connectivity::Forced => (format!(" ○ {} ", tr(state.lang, T::Offline)), El::Offline),
        Connectivity::Lost => (
            format!(" ○ {} ", tr(state.lang, T::OfflineAuto)),
            El::Offline,
        ),
    };
    let mut spans = vec![Span::styled(conn, t.get(el))];
    if let Some((done, total)) = state.status.refresh {
        let progress = match state.status.sync {
            Some(step) => sync_progress(state.lang, step),
            None => strings::progress(state.lang, done, total),
        };
        spans.push(Span::styled(
            format!("{} {progress} ", spinner(state)),
            t.get(El::Status),
        ));
    }
    let used: usize = spans.iter().map(|s| fit::width(&s.content)).sum();
    // The hint gives way when the bar is full.
    let hint = tr(state.lang, T::HelpHint);
    let hint = if used + fit::width(hint) + 2 < area.width as usize {
        hint
    } else {
        ""
    };
    let mut room = (area.width as usize).saturating_sub(used + fit::width(hint) + 2);
    // The newest message (what the last key did) first, then the last error, which stays
    // until the next refresh or error replaces it.
    let error = selected_failure(state).or_else(|| state.status.error.clone());
    let error = error.map(|p| p.text(state.lang));
    if let Some(m) = &state.status.message {
        let m = fit::truncate(&clean_line(m), room);
        room -= fit::width(&m);
        spans.push(Span::styled(m, t.get(El::Message)));
        if error.is_some() && room > 3 {
            spans.push(Span::styled(" · ", t.get(El::Status)));
            room -= 3;
        }
    }
    if let Some(e) = error {
        let e = strings::error(state.lang, &clean_line(&e));
        let e = fit::truncate(&e, room);
        room -= fit::width(&e);
        spans.push(Span::styled(e, t.get(El::Error)));
    }
    spans.push(Span::styled(" ".repeat(room), t.get(El::Status)));
    spans.push(Span::styled(format!(" {hint} "), t.get(El::Status)));
    buf.set_line(row.x, row.y, &Line::from(spans), row.width);
}

/// "Đồng bộ: bài mới 200/1.040".
fn sync_progress(lang: Lang, step: SyncStep) -> String {
    match step {
        SyncStep::Connecting => strings::counted(lang, T::SyncConnecting, None, None),
        SyncStep::Pushing { done, total } => {
            strings::counted(lang, T::SyncPushing, Some(done), Some(total))
        }
        SyncStep::Subscriptions => strings::counted(lang, T::SyncSubscriptions, None, None),
        SyncStep::Items { done, total } => strings::counted(lang, T::SyncItems, Some(done), total),
        SyncStep::States => strings::counted(lang, T::SyncStates, None, None),
    }
}

/// On the feed list, a feed marked "!" explains itself: its own last error takes the place
/// of the refresh's first one.
fn selected_failure(state: &State) -> Option<Problem> {
    if state.focus != Pane::Feeds {
        return None;
    }
    let Some(FeedEntry::Feed(i)) = state.selected_entry() else {
        return None;
    };
    let f = state
        .feeds
        .get(*i)
        .filter(|f| super::feeds::last_failed(f))?;
    Some(Problem::Feed {
        name: f.name().to_owned(),
        error: f.last_status.as_deref().unwrap_or_default().to_owned(),
    })
}
