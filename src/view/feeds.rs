//! The feed list: virtual feeds first, then categories with their feeds, with counts.
use super::theme::El;
use super::{Ui, ViewState, fit, layout, title_row};
use crate::app::feeds::category_label;
use crate::app::state::{FeedEntry, Pane};
use crate::feed::model::FeedStatus;
use crate::i18n::{Lang, T, strings, tr};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

pub fn render(ui: Ui, area: Rect, buf: &mut Buffer, vs: &mut ViewState) {
    let state = ui.state;
    title_row(ui, area, tr(state.lang, T::Feeds), "", buf);
    let inner = layout::inner(area, false);
    let mut lv = vs.feeds.unwrap_or_default();
    lv.follow(inner, state.feed_sel, state.entries.len());
    vs.feeds = Some(lv);
    let (unread, total) = state
        .feeds
        .iter()
        .fold((0, 0), |(u, t), f| (u + f.unread, t + f.total));
    let focused = state.focus == Pane::Feeds;
    for (row, i) in (lv.offset..state.entries.len())
        .take(inner.height as usize)
        .enumerate()
    {
        let entry = &state.entries[i];
        let (name, count, el, failed) = match entry {
            FeedEntry::All => (
                tr(state.lang, T::All).to_string(),
                counts(state.lang, unread, total),
                El::Read,
                false,
            ),
            FeedEntry::Unread => (
                tr(state.lang, T::Unread).to_string(),
                strings::number(state.lang, unread.max(0) as u64),
                El::Read,
                false,
            ),
            FeedEntry::Rated => (
                tr(state.lang, T::Rated).to_string(),
                String::new(),
                El::Read,
                false,
            ),
            FeedEntry::Saved(name) => {
                let row = state.saved.iter().find(|r| r.search.name == *name);
                let (u, t) = row.map_or((0, 0), |r| (r.unread, r.total));
                let el = if u > 0 { El::Unread } else { El::Read };
                (
                    format!("⌕ {}", clean_line(name)),
                    counts(state.lang, u, t),
                    el,
                    false,
                )
            }
            FeedEntry::Category(c) => {
                let (depth, own) = category_label(c);
                let mark = if state.folded.contains(c) {
                    '▸'
                } else {
                    '▾'
                };
                (
                    format!("{}{mark} {}", indent(depth), clean_line(&own)),
                    String::new(),
                    El::Category,
                    false,
                )
            }
            FeedEntry::Feed(f) => {
                let f = &state.feeds[*f];
                let el = if f.unread > 0 { El::Unread } else { El::Read };
                let depth = f.category.as_deref().map_or(0, |c| category_label(c).0 + 1);
                (
                    format!(
                        "  {}{}",
                        indent(depth.saturating_sub(1)),
                        clean_line(feed_name(f))
                    ),
                    counts(state.lang, f.unread, f.total),
                    el,
                    last_failed(f),
                )
            }
        };
        let w = inner.width as usize;
        let cw = fit::width(&count);
        // At least one space between a long (cut) name and its counts.
        let name = fit::pad(&format!(" {name}"), w.saturating_sub(cw + 2)) + " ";
        let mut style = ui.style(el);
        let mut count_style = ui.style(El::Count);
        if i == state.feed_sel {
            let sel = ui.style(El::Selected);
            style = style.patch(sel);
            count_style = count_style.patch(sel);
            if !focused {
                style = style.add_modifier(Modifier::DIM);
            }
        }
        let line = Line::from(vec![
            Span::styled(name, style),
            Span::styled(format!("{count} "), count_style),
        ]);
        let y = inner.y + row as u16;
        if i == state.feed_sel {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_line(inner.x, y, &line, inner.width);
        // A feed whose last refresh failed has a "!" in its indent (no room taken from the
        // name); the error itself is in the status bar and in `docbao feeds`.
        if failed && inner.width > 2 {
            let mut st = ui.style(El::Error);
            if i == state.feed_sel {
                st = st.patch(ui.style(El::Selected));
            }
            buf.set_stringn(inner.x + 1, y, "!", 1, st);
        }
    }
    if state.feeds_loaded && state.feeds.is_empty() && inner.height > 5 {
        let rest = Rect::new(inner.x, inner.y + 4, inner.width, inner.height - 4);
        super::centered(rest, tr(state.lang, T::NoFeeds), ui.style(El::Dim), buf);
    }
}

/// Two spaces a level, capped so that deep trees keep room for names.
fn indent(depth: usize) -> String {
    "  ".repeat(depth.min(4))
}

/// A feed's title, or its address when it has none.
pub(crate) fn feed_name(f: &crate::store::FeedRow) -> &str {
    f.name()
}

/// True when the feed's last refresh ended in an error.
pub(crate) fn last_failed(f: &crate::store::FeedRow) -> bool {
    f.last_status.as_ref().is_some_and(FeedStatus::failed)
}

/// "1.234/10.000" in Vietnamese, "1,234/10,000" in English.
fn counts(lang: Lang, unread: i64, total: i64) -> String {
    let n = |x: i64| strings::number(lang, x.max(0) as u64);
    format!("{}/{}", n(unread), n(total))
}
