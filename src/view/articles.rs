//! The article list (also used for search results): marks, title cut by grapheme, source,
//! relative time and the user's rating.
use super::theme::El;
use super::{ListView, Ui, ViewState, fit, layout, left_border, title_row};
use crate::app::state::{FeedEntry, Filter, Pane};
use crate::config::RatingStyle;
use crate::i18n::{T, strings, tr};
use crate::store::{ArticleRow, ArticleSort};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

pub fn render(ui: Ui, area: Rect, bordered: bool, buf: &mut Buffer, vs: &mut ViewState) {
    let state = ui.state;
    let list = &state.articles;
    let name = match &list.entry {
        Some(FeedEntry::All) | None => tr(state.lang, T::All).to_string(),
        Some(FeedEntry::Unread) => tr(state.lang, T::Unread).to_string(),
        Some(FeedEntry::Rated) => tr(state.lang, T::Rated).to_string(),
        Some(FeedEntry::Category(c)) => c.clone(),
        Some(FeedEntry::Saved(name)) => format!("⌕ {name}"),
        Some(FeedEntry::Feed(i)) => state
            .feeds
            .get(*i)
            .map(|f| f.title.clone())
            .unwrap_or_default(),
    };
    let mut right = Vec::new();
    if list.filter != Filter::All {
        right.push(tr(state.lang, list.filter.label()));
    }
    if list.sort == ArticleSort::HighestRated {
        right.push(tr(state.lang, T::SortRated));
    }
    let count = strings::number(state.lang, list.rows.len() as u64);
    let right = if right.is_empty() {
        count
    } else {
        format!("{} · {count}", right.join(" · "))
    };
    title_row(ui, area, &name, &right, buf);
    if bordered {
        left_border(ui, layout::inner(area, false), buf);
    }
    let inner = layout::inner(area, bordered);
    let lv = list_rows(
        ui,
        &list.rows,
        list.sel,
        state.focus == Pane::Articles,
        inner,
        buf,
        vs.articles,
        None,
        true,
    );
    vs.articles = Some(lv);
    if list.rows.is_empty() {
        let msg = if list.loading {
            T::Loading
        } else {
            T::NoArticles
        };
        super::centered(inner, tr(state.lang, msg), ui.style(El::Dim), buf);
    }
}

/// Draws `rows` into `area` keeping `sel` visible; returns where the list is.
/// `highlight`: the search query, whose matches in titles are marked; `grouped`: the rows
/// are the article list's, where a story shows how many other papers tell it.
#[allow(clippy::too_many_arguments)]
pub fn list_rows(
    ui: Ui,
    rows: &[ArticleRow],
    sel: usize,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    prev: Option<ListView>,
    highlight: Option<&str>,
    grouped: bool,
) -> ListView {
    let mut lv = prev.unwrap_or_default();
    lv.follow(area, sel, rows.len());
    for (row, i) in (lv.offset..rows.len())
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + row as u16;
        let mut line = article_line(ui, &rows[i], area.width as usize, highlight, grouped);
        if i == sel {
            let mut st = ui.style(El::Selected);
            if !focused {
                st = st.add_modifier(Modifier::DIM);
            }
            line = line.patch_style(st);
            buf.set_style(Rect::new(area.x, y, area.width, 1), st);
        }
        buf.set_line(area.x, y, &line, area.width);
    }
    lv
}

pub use crate::app::marks::rating_text;

/// One article as a list row `width` columns wide.
pub fn article_line(
    ui: Ui,
    a: &ArticleRow,
    width: usize,
    highlight: Option<&str>,
    grouped: bool,
) -> Line<'static> {
    let state = ui.state;
    let t = ui.theme;
    let ascii = state.rating_style == RatingStyle::Ascii;
    let unread = match (a.read, ascii) {
        (true, _) => " ",
        (false, false) => "●",
        (false, true) => "*",
    };
    let full = match (a.full_text, ascii) {
        (false, _) => " ",
        (true, false) => "≡",
        (true, true) => "=",
    };
    let rating = rating_text(state.rating_style, a.rating);
    let time = a
        .published
        .map(|p| strings::relative_time(state.lang, state.now, p, state.tz))
        .unwrap_or_default();
    let time_w = if width >= 60 { 13 } else { 0 };
    // Reading time: a compact column ("12ph") where a row has room to spare.
    let mins_w = if width >= 50 { 4 } else { 0 };
    let more = grouped
        .then(|| state.articles.stories.others(a))
        .flatten()
        .map(|n| crate::i18n::reading::more_papers(state.lang, n));
    // Source names like "VnExpress – Thời sự" need room; wide terminals give it.
    let source_w = if width >= 80 {
        (width / 6).clamp(16, 24)
    } else {
        0
    };
    let fixed = 3
        + fit::width(&rating)
        + 1
        + time_w
        + source_w
        + mins_w
        + usize::from(time_w > 0)
        + usize::from(source_w > 0)
        + usize::from(mins_w > 0);
    let more_w = more.as_deref().map_or(0, |m| fit::width(m) + 1);
    // The story's mark keeps at least a few columns of title before it.
    let (title_w, more) = match more {
        Some(m) if width.saturating_sub(fixed) >= more_w + 8 => {
            (width.saturating_sub(fixed + more_w), Some(m))
        }
        _ => (width.saturating_sub(fixed), None),
    };
    let title_el = if a.read { El::Read } else { El::Unread };
    let mut spans = vec![
        Span::styled(unread, t.get(El::Unread)),
        Span::styled(full, t.get(El::FullText)),
        Span::raw(" "),
    ];
    spans.extend(title_spans(
        &clean_line(&a.title),
        title_w,
        highlight,
        t.get(title_el),
        t.get(El::Match),
    ));
    if let Some(m) = more {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(m, t.get(El::Dim)));
    }
    if source_w > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            fit::pad(&clean_line(&a.feed_title), source_w),
            t.get(El::Source),
        ));
    }
    if time_w > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(fit::pad(&time, time_w), t.get(El::Time)));
    }
    if mins_w > 0 {
        let m = crate::i18n::reading::minutes_short(state.lang, a.reading_minutes);
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!("{m:>w$}", w = mins_w - fit::width(&m).min(mins_w) + m.len()),
            t.get(El::Time),
        ));
    }
    spans.push(Span::raw(" "));
    spans.push(Span::styled(rating, t.get(El::Rating)));
    Line::from(spans)
}

/// The title cut and padded to `cols`, with the matches of `query` (each word, diacritics
/// ignored) in `matched` style. Match ranges end on grapheme boundaries, and so does the cut.
fn title_spans(
    title: &str,
    cols: usize,
    query: Option<&str>,
    normal: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let shown = fit::pad(title, cols);
    let mut ranges: Vec<std::ops::Range<usize>> = query
        .into_iter()
        .flat_map(str::split_whitespace)
        .flat_map(|w| crate::text::fold::find_folded(title, w))
        .collect();
    if ranges.is_empty() {
        return vec![Span::styled(shown, normal)];
    }
    ranges.sort_by_key(|r| r.start);
    // The part of `shown` that is `title` itself (before "…" and the padding).
    let kept = if shown.starts_with(title) {
        title.len()
    } else {
        fit::truncate(title, cols)
            .len()
            .saturating_sub('…'.len_utf8())
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.max(at), r.end.min(kept));
        if start >= end {
            continue;
        }
        if start > at {
            spans.push(Span::styled(shown[at..start].to_string(), normal));
        }
        spans.push(Span::styled(shown[start..end].to_string(), matched));
        at = end;
    }
    spans.push(Span::styled(shown[at..].to_string(), normal));
    spans
}
