//! The feed list: virtual feeds first, then categories with their feeds, with counts.
use super::theme::El;
use super::{ViewState, fit, layout, title_row};
use crate::app::state::{FeedEntry, Pane, State};
use crate::i18n::{Lang, T, strings, tr};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

pub fn render(state: &State, area: Rect, buf: &mut Buffer, vs: &mut ViewState) {
    title_row(state, area, tr(state.lang, T::Feeds), "", buf);
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
        let (name, count, el) = match entry {
            FeedEntry::All => (
                tr(state.lang, T::All).to_string(),
                counts(state.lang, unread, total),
                El::Read,
            ),
            FeedEntry::Unread => (
                tr(state.lang, T::Unread).to_string(),
                strings::number(state.lang, unread.max(0) as u64),
                El::Read,
            ),
            FeedEntry::Rated => (
                tr(state.lang, T::Rated).to_string(),
                String::new(),
                El::Read,
            ),
            FeedEntry::Category(c) => (format!("▾ {}", clean_line(c)), String::new(), El::Category),
            FeedEntry::Feed(f) => {
                let f = &state.feeds[*f];
                let title = if f.title.is_empty() { &f.url } else { &f.title };
                let el = if f.unread > 0 { El::Unread } else { El::Read };
                (
                    format!("  {}", clean_line(title)),
                    counts(state.lang, f.unread, f.total),
                    el,
                )
            }
        };
        let w = inner.width as usize;
        let cw = fit::width(&count);
        let name = fit::pad(&format!(" {name}"), w.saturating_sub(cw + 1));
        let mut style = state.theme.get(el);
        let mut count_style = state.theme.get(El::Count);
        if i == state.feed_sel {
            let sel = state.theme.get(El::Selected);
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
    }
    if state.feeds_loaded && state.feeds.is_empty() && inner.height > 5 {
        let rest = Rect::new(inner.x, inner.y + 4, inner.width, inner.height - 4);
        super::centered(
            rest,
            tr(state.lang, T::NoFeeds),
            state.theme.get(El::Dim),
            buf,
        );
    }
}

/// "1.234/10.000" in Vietnamese, "1,234/10,000" in English.
fn counts(lang: Lang, unread: i64, total: i64) -> String {
    let n = |x: i64| strings::number(lang, x.max(0) as u64);
    format!("{}/{}", n(unread), n(total))
}
