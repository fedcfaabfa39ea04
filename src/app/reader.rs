//! The reader: opening an article, its detail and full text, the wrapped body (rendered by
//! the runner at the reader's width), scrolling, and the header above the body.
use super::effect::{BodyMode, Effect};
use super::marks::update_rows;
use super::{Connectivity, Pane, State};
use crate::article::header::{Header, HeaderSource};
use crate::feed::ArticleId;
use crate::i18n::{T, strings, tr};
use crate::layout;
use crate::store::{ArticleDetail, ArticleRow};
use crate::theme::{El, ElLine};
use ratatui::text::Line;
use std::sync::Arc;

/// Wrapped lines of one article body at one width (computed once, sliced by the view).
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedBody {
    pub width: u16,
    pub lines: Arc<Vec<Line<'static>>>,
    pub links: Arc<Vec<String>>,
    /// Where the pictures stand (none when pictures are off).
    pub placed: super::pictures::Placed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// The article (its id is the reader's).
    pub row: ArticleRow,
    pub detail: Option<ArticleDetail>,
    pub mode: BodyMode,
    pub body: Option<WrappedBody>,
    /// First line shown (of the header and body together).
    pub scroll: usize,
    pub detail_req: u64,
    pub render_req: u64,
    /// The width of the newest render job (`render_req`).
    pub render_width: u16,
    pub fetch_req: Option<u64>,
    /// Opened from the search screen: Back returns there.
    pub from_search: bool,
    /// The versions of the article's story in the list (empty when alone), and which one
    /// this is.
    pub versions: Vec<ArticleRow>,
    pub version: usize,
    /// The address of the page followed from the article, while one is shown (then `row`
    /// and `detail` are the page's).
    pub page: Option<String>,
    /// What Esc returns to, newest last.
    pub history: Vec<Shown>,
    /// Link hints, while choosing a link.
    pub hints: Option<Hints>,
    /// The save prompt, while open.
    pub save: Option<SavePrompt>,
    pub pictures: super::pictures::Pictures,
}

/// Choosing a link: what it will do, and the digits typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Hints {
    pub target: crate::i18n::reading::HintTarget,
    pub typed: String,
}

/// An article or page as it was shown, to return to.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub row: ArticleRow,
    pub detail: Option<ArticleDetail>,
    pub mode: BodyMode,
    pub body: Option<WrappedBody>,
    pub scroll: usize,
    pub page: Option<String>,
    pub pictures: super::pictures::Pictures,
}

/// The save prompt of `w` (see `save`).
#[derive(Debug, Clone, PartialEq)]
pub struct SavePrompt {
    pub input: String,
    /// The path the runner found taken: Enter on it again overwrites.
    pub exists: Option<String>,
}

impl Reader {
    /// A reader on `row` with nothing loaded yet: the cache's detail is asked for as
    /// `detail_req`.
    pub fn new(row: ArticleRow, detail_req: u64, from_search: bool) -> Reader {
        Reader {
            row,
            detail: None,
            mode: BodyMode::Full,
            body: None,
            scroll: 0,
            detail_req,
            render_req: 0,
            render_width: 0,
            fetch_req: None,
            from_search,
            versions: Vec::new(),
            version: 0,
            page: None,
            history: Vec::new(),
            hints: None,
            save: None,
            pictures: Default::default(),
        }
    }

    pub fn fetching(&self) -> bool {
        self.fetch_req.is_some()
    }
}

/// Opens the reader on `row`: what the cache has shows at once; the full text follows,
/// and the versions of its story from the cache.
pub(super) fn open(s: &mut State, row: ArticleRow, from_search: bool, fx: &mut Vec<Effect>) {
    let story = row.story;
    open_row(s, row, from_search, fx);
    if let Some(story) = story {
        fx.push(Effect::LoadStory { story });
    }
}

/// Opens the reader on `row` alone (its story's versions are known already). An unread
/// article is marked read (the lists show it once the store confirms).
pub(super) fn open_row(s: &mut State, row: ArticleRow, from_search: bool, fx: &mut Vec<Effect>) {
    // A fetch for the article being left is of no use any more.
    if s.reader.as_ref().is_some_and(Reader::fetching) {
        fx.push(Effect::CancelFetch);
    }
    let req = s.fresh_req();
    let id = row.id;
    if !row.read {
        fx.push(Effect::SetRead { id, read: true });
    }
    let mut row = row;
    row.read = true;
    s.reader = Some(Reader::new(row, req, from_search));
    s.focus = Pane::Reader;
    fx.push(Effect::LoadDetail { req, id });
}

pub(super) fn detail_loaded(s: &mut State, req: u64, detail: ArticleDetail, fx: &mut Vec<Effect>) {
    let Some(r) = s.reader.as_mut().filter(|r| r.detail_req == req) else {
        return;
    };
    r.row.rating = detail.row.rating;
    r.row.full_text = detail.full.is_some();
    r.row.reading_minutes = detail.row.reading_minutes;
    r.detail = Some(detail);
    render_body(s, fx);
    fetch_missing_full_text(s, fx);
}

/// The end of a full-text fetch: reload the detail (it is stored now) or say why not.
pub(super) fn full_text_done(
    s: &mut State,
    req: u64,
    id: ArticleId,
    result: Result<(), super::Problem>,
    offline: bool,
    fx: &mut Vec<Effect>,
) {
    let Some(r) = s.reader.as_mut().filter(|r| r.fetch_req == Some(req)) else {
        return;
    };
    r.fetch_req = None;
    match result {
        Ok(()) => {
            s.connectivity = s.connectivity.online_again();
            let req = s.fresh_req();
            if let Some(r) = s.reader.as_mut() {
                r.detail_req = req;
            }
            fx.push(Effect::LoadDetail { req, id });
            update_rows(s, id, |r| r.full_text = true);
        }
        Err(e) => {
            if offline && s.connectivity == Connectivity::Online {
                s.connectivity = Connectivity::Lost;
            }
            s.status.error = Some(e);
        }
    }
}

/// Fetches the open article's full text in the background when the reader wants it (full
/// mode), the cache lacks it, the user did not force offline and no fetch is running.
pub(super) fn fetch_missing_full_text(s: &mut State, fx: &mut Vec<Effect>) {
    let forced = s.connectivity == Connectivity::Forced;
    let Some(r) = s.reader.as_ref() else {
        return;
    };
    let Some(detail) = r.detail.as_ref() else {
        return;
    };
    if r.mode != BodyMode::Full || detail.full.is_some() || forced || r.fetching() {
        return;
    }
    let Some(url) = detail
        .row
        .url
        .clone()
        .filter(|u| crate::net::check_url(u).is_ok())
    else {
        return;
    };
    let req = s.fresh_req();
    if let Some(r) = s.reader.as_mut() {
        r.fetch_req = Some(req);
        fx.push(Effect::FetchFullText {
            req,
            id: r.row.id,
            url,
        });
    }
}

/// The HTML the reader shows in its current mode.
pub fn body_html(detail: &ArticleDetail, mode: BodyMode) -> Option<&str> {
    let full = detail.full.as_ref().map(|f| f.html.as_str());
    match mode {
        BodyMode::Full => full.filter(|h| !h.trim().is_empty()).or(detail.feed_html()),
        BodyMode::Summary => detail.feed_html(),
    }
}

/// Asks the runner to wrap the open article at the reader's width.
pub(super) fn render_body(s: &mut State, fx: &mut Vec<Effect>) {
    let Some(width) = layout::reader_text(s.shape()).map(|r| r.width) else {
        return;
    };
    let req = s.fresh_req();
    let lang = s.lang;
    let pictures_on = s.pictures.is_some();
    let Some(r) = s.reader.as_mut() else {
        return;
    };
    let Some(detail) = r.detail.as_ref() else {
        return;
    };
    let html = match body_html(detail, r.mode) {
        Some(h) => h.to_string(),
        None => format!("<p>{}</p>", tr(lang, T::NoSummary)),
    };
    let meta = detail.full.as_ref().map(|f| &f.meta);
    let lead = meta.and_then(|m| m.image.clone());
    let base = meta
        .and_then(|m| m.url.clone())
        .or_else(|| detail.row.url.clone());
    r.render_req = req;
    r.render_width = width;
    fx.push(Effect::RenderBody {
        req,
        html,
        width,
        lang,
        pictures: pictures_on,
        lead,
        base,
    });
}

/// After a resize: wrap again if the reader's width changed (a height alone asks nothing,
/// and neither does a width the newest job already asks for).
pub(super) fn rewrap(s: &mut State, fx: &mut Vec<Effect>) {
    let width = layout::reader_text(s.shape()).map(|r| r.width);
    let stale = s
        .reader
        .as_ref()
        .is_some_and(|r| r.detail.is_some() && r.render_req != 0 && Some(r.render_width) != width);
    if stale {
        render_body(s, fx);
    }
}

pub(super) fn body_rendered(s: &mut State, req: u64, body: WrappedBody) {
    let Some(r) = s.reader.as_mut().filter(|r| r.render_req == req) else {
        return;
    };
    // Keep the place: the same fraction of the text stays at the top.
    if let Some(old) = r.body.as_ref().filter(|o| !o.lines.is_empty()) {
        r.scroll = r.scroll * body.lines.len() / old.lines.len();
    }
    // Another article text (full or summary) has other pictures.
    if r.body
        .as_ref()
        .is_none_or(|o| o.placed.images != body.placed.images)
    {
        r.pictures = Default::default();
    }
    r.body = Some(body);
}

pub(super) fn toggle_full(s: &mut State, fx: &mut Vec<Effect>) {
    // A followed page has no feed summary to switch to.
    let Some(r) = s.reader.as_mut().filter(|r| r.page.is_none()) else {
        return;
    };
    r.mode = match r.mode {
        BodyMode::Full => BodyMode::Summary,
        BodyMode::Summary => BodyMode::Full,
    };
    r.scroll = 0;
    r.body = None;
    render_body(s, fx);
    fetch_missing_full_text(s, fx);
}

/// Scrolls by `delta` lines within the text.
pub(super) fn scroll_by(s: &mut State, delta: i32) {
    let max = max_scroll(s);
    if let Some(r) = s.reader.as_mut() {
        r.scroll = super::step(r.scroll, delta, max + 1);
    }
}

/// The rows of the open article's header at the reader's width (0 when none is open).
pub(super) fn head_rows(s: &State) -> usize {
    let Some(r) = s.reader.as_ref() else {
        return 0;
    };
    let width = layout::reader_text(s.shape()).map_or(1, |t| t.width as usize);
    header(s, r, width).len()
}

/// The rows of a page in the reader.
pub(super) fn page_rows(s: &State) -> usize {
    layout::reader_text(s.shape()).map_or(1, |r| r.height as usize)
}

/// The last first-row that still fills the reader's text area.
pub fn max_scroll(s: &State) -> usize {
    let Some(r) = s.reader.as_ref() else {
        return 0;
    };
    let Some(area) = layout::reader_text(s.shape()) else {
        return 0;
    };
    let body: usize = super::pictures::reader_blocks(s)
        .iter()
        .map(|b| b.rows())
        .sum();
    let total = header(s, r, area.width as usize).len() + body;
    layout::max_scroll(total, area.height as usize)
}

/// The header above the body, wrapped at `width` (a few lines: cheap every frame), each
/// part named by the theme element it is drawn in.
pub fn header(state: &State, r: &Reader, width: usize) -> Vec<ElLine> {
    let lang = state.lang;
    let meta = r
        .detail
        .as_ref()
        .and_then(|d| d.full.as_ref())
        .map(|f| &f.meta);
    let mut out: Vec<ElLine> = Vec::new();
    let wrapped = |out: &mut Vec<ElLine>, text: &str, el: El| {
        for l in crate::text::wrap::wrap(text, width) {
            out.push(vec![(Some(el), l)]);
        }
    };
    // The title the list showed (the feed's), so the header matches what was opened.
    let date = r
        .row
        .published
        .map(|p| strings::full_date(lang, p, state.tz));
    let src = HeaderSource {
        meta,
        title: Some(&r.row.title),
        feed: Some(&r.row.feed_title),
        author: r.detail.as_ref().and_then(|d| d.author.as_deref()),
        date: date.as_deref(),
        reading_minutes: r.row.reading_minutes,
        notice: None,
    };
    let h = Header::new(src, lang);
    wrapped(&mut out, &h.title, El::Header);
    let info: Vec<&str> = [&h.place, &h.date, &h.reading]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !info.is_empty() {
        wrapped(&mut out, &info.join(" · "), El::Source);
    }
    if let Some(b) = &h.byline {
        wrapped(&mut out, &format!("{}: {b}", tr(lang, T::By)), El::Byline);
    }
    if let Some(origin) = &h.origin {
        wrapped(&mut out, origin, El::Byline);
    }
    if let Some(counts) = &h.counts {
        wrapped(&mut out, counts, El::Dim);
    }
    // A followed page is not rated.
    if r.page.is_some() {
        out.push(Vec::new());
        return out;
    }
    let (mine, el) = if r.row.rating == 0 {
        (tr(lang, T::NotRated).to_string(), El::Dim)
    } else {
        (
            super::marks::rating_text(state.rating_style, r.row.rating),
            El::Rating,
        )
    };
    out.push(vec![
        (Some(El::Dim), format!("{}: ", tr(lang, T::YourRating))),
        (Some(el), mine),
    ]);
    out.push(Vec::new());
    out
}
