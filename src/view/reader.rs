//! The reader: a header (title, source, date, byline, the site's rating and views, the
//! user's rating), then the body wrapped once by the runner; only visible rows are drawn.
use super::articles::rating_text;
use super::theme::El;
use super::{fit, layout, left_border, title_row};
use crate::app::effect::BodyMode;
use crate::app::state::{Reader, State};
use crate::i18n::{T, strings, tr};
use crate::text::clean_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner(state: &State) -> &'static str {
    SPINNER[state.status.spinner % SPINNER.len()]
}

/// The header above the body, wrapped at `width` (a few lines: cheap every frame).
pub fn header(state: &State, r: &Reader, width: usize) -> Vec<Line<'static>> {
    let t = &state.theme;
    let lang = state.lang;
    let meta = r
        .detail
        .as_ref()
        .and_then(|d| d.full.as_ref())
        .map(|f| &f.meta);
    let mut out = Vec::new();
    // The title the list showed (the feed's), so the header matches what was opened; the
    // page's own title only when the feed gave none.
    let title = Some(r.row.title.clone())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| meta.and_then(|m| m.title.clone()))
        .unwrap_or_default();
    let title = clean_line(&title);
    for l in fit::wrap(&title, width) {
        out.push(Line::styled(l, t.get(El::Header)));
    }
    let source = meta
        .and_then(|m| m.site_name.clone())
        .unwrap_or_else(|| r.row.feed_title.clone());
    let mut info = clean_line(&source);
    if let Some(p) = r.row.published {
        info.push_str(" · ");
        info.push_str(&strings::full_date(lang, p, state.tz));
    }
    for l in fit::wrap(&info, width) {
        out.push(Line::styled(l, t.get(El::Source)));
    }
    let byline = meta
        .and_then(|m| m.byline.clone())
        .or_else(|| r.detail.as_ref().and_then(|d| d.author.clone()))
        .map(|b| clean_line(&b))
        .filter(|b| !b.is_empty());
    if let Some(b) = byline {
        for l in fit::wrap(&format!("{}: {b}", tr(lang, T::By)), width) {
            out.push(Line::styled(l, t.get(El::Byline)));
        }
    }
    let mut site = Vec::new();
    // The same words as `docbao read` ("Trang chấm: 4,5/5 (1.705 lượt)").
    if let Some(pr) = meta.and_then(|m| m.rating.as_ref()) {
        site.push(crate::article::header::format_rating(pr, lang));
    }
    if let Some(v) = meta.and_then(|m| m.views) {
        site.push(format!(
            "{} {}",
            strings::number(lang, v),
            tr(lang, T::Views)
        ));
    }
    if !site.is_empty() {
        for l in fit::wrap(&site.join(" · "), width) {
            out.push(Line::styled(l, t.get(El::Dim)));
        }
    }
    let (mine, el) = if r.row.rating == 0 {
        (tr(lang, T::NotRated).to_string(), El::Dim)
    } else {
        (rating_text(state.rating_style, r.row.rating), El::Rating)
    };
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", tr(lang, T::YourRating)), t.get(El::Dim)),
        Span::styled(mine, t.get(el)),
    ]));
    out.push(Line::default());
    out
}

/// Header plus body lines for the open article.
fn total_lines(state: &State, r: &Reader, width: usize) -> usize {
    header(state, r, width).len() + r.body.as_ref().map_or(1, |b| b.lines.len())
}

/// The last first-row that still fills the screen.
pub fn max_scroll(state: &State) -> usize {
    let (Some(r), Some(area)) = (state.reader.as_ref(), layout::reader_text(state)) else {
        return 0;
    };
    total_lines(state, r, area.width as usize).saturating_sub(area.height as usize)
}

pub fn render(state: &State, area: Rect, bordered: bool, buf: &mut Buffer) {
    let Some(r) = state.reader.as_ref() else {
        return;
    };
    let Some(text) = layout::reader_text(state) else {
        return;
    };
    let width = text.width as usize;
    let head = header(state, r, width);
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
    title_row(state, area, tr(state.lang, T::Reader), &right, buf);
    if bordered {
        left_border(state, layout::inner(area, false), buf);
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
                buf.set_stringn(text.x, y, msg, width, state.theme.get(El::Dim));
            }
        }
    }
}
