//! Pure rendering of the TUI state, one file per screen. `render` reads the state (and the
//! view's own scroll offsets in [`ViewState`]) and never performs I/O.
//!
//! Untrusted text (feed titles, article text, URLs, errors) is sanitized again here with
//! [`crate::text::clean_line`] and written only through `Buffer::set_line`/`set_stringn`,
//! which also drop control characters; nothing uses `Cell::set_symbol` with such text.
pub mod articles;
pub mod feeds;
pub mod fit;
pub mod help;
pub mod picture;
pub mod reader;
pub mod search;
pub mod status;

/// Geometry and colours live below `app` and `view`; here under their old names too.
pub use crate::{layout, theme};

use crate::app::state::{Pane, State};
use crate::i18n::strings;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use theme::{El, ElLine, Theme};

/// What every screen's render reads: the state and the colours.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    pub state: &'a State,
    pub theme: &'a Theme,
}

impl Ui<'_> {
    pub fn style(&self, el: El) -> Style {
        self.theme.get(el)
    }

    /// A line built by `app` with element names, in this theme's colours.
    pub fn line(&self, parts: &ElLine) -> Line<'static> {
        Line::from(
            parts
                .iter()
                .map(|(el, text)| match el {
                    Some(el) => Span::styled(text.clone(), self.theme.get(*el)),
                    None => Span::raw(text.clone()),
                })
                .collect::<Vec<_>>(),
        )
    }
}

/// One list on screen: where it is and which entry is on its first row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    pub area: Rect,
    pub offset: usize,
}

impl ListView {
    /// Scrolls just enough to keep `sel` visible in `area`.
    pub fn follow(&mut self, area: Rect, sel: usize, len: usize) {
        self.area = area;
        let h = area.height as usize;
        if h == 0 {
            return;
        }
        if sel < self.offset {
            self.offset = sel;
        } else if sel >= self.offset + h {
            self.offset = sel + 1 - h;
        }
        self.offset = self.offset.min(len.saturating_sub(h)).min(sel);
    }

    fn hit(&self, x: u16, y: u16) -> Option<usize> {
        let a = self.area;
        (x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height)
            .then(|| self.offset + (y - a.y) as usize)
    }
}

/// What the view remembers between frames: list offsets and where things were drawn (for
/// mouse clicks). Not part of the state: it follows from the last frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    pub feeds: Option<ListView>,
    pub articles: Option<ListView>,
    pub search: Option<ListView>,
    pub reader: Option<Rect>,
}

impl ViewState {
    /// The pane and row under a mouse position.
    pub fn hit(&self, x: u16, y: u16) -> Option<(Pane, usize)> {
        let lists = [
            (Pane::Search, self.search),
            (Pane::Feeds, self.feeds),
            (Pane::Articles, self.articles),
        ];
        for (pane, lv) in lists {
            if let Some(i) = lv.and_then(|lv| lv.hit(x, y)) {
                return Some((pane, i));
            }
        }
        let r = self.reader?;
        (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
            .then_some((Pane::Reader, 0))
    }

    /// The pane under a mouse position, for the wheel.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        self.hit(x, y).map(|(p, _)| p).or_else(|| {
            let inside = |r: Rect| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
            [
                (Pane::Feeds, self.feeds),
                (Pane::Articles, self.articles),
                (Pane::Search, self.search),
            ]
            .into_iter()
            .find(|(_, lv)| lv.is_some_and(|lv| inside(lv.area)))
            .map(|(p, _)| p)
        })
    }
}

/// Draws the whole screen from the state. Every area comes from the size of the frame
/// being drawn, never from the size the state last heard of: the terminal may have shrunk
/// since (its resize event still on the way).
pub fn render(state: &State, theme: &Theme, vs: &mut ViewState, frame: &mut Frame) {
    let area = frame.area();
    let ui = Ui { state, theme };
    let buf = frame.buffer_mut();
    let a = layout::areas(state.shape().sized(area.width, area.height));
    *vs = ViewState {
        feeds: vs.feeds,
        articles: vs.articles,
        search: vs.search,
        reader: None,
    };
    if a.too_small {
        let msg = strings::too_small(state.lang, area.width, area.height);
        let lines = fit::wrap(&msg, area.width.max(1) as usize);
        for (i, l) in lines.iter().enumerate().take(area.height as usize) {
            buf.set_stringn(0, i as u16, l, area.width as usize, Style::default());
        }
        *vs = ViewState::default();
        return;
    }
    if a.feeds.is_none() {
        vs.feeds = None;
    }
    if a.articles.is_none() {
        vs.articles = None;
    }
    if let Some(r) = a.feeds {
        feeds::render(ui, r, buf, vs);
    }
    if let Some(r) = a.articles {
        articles::render(ui, r, a.wide && a.feeds.is_some(), buf, vs);
    }
    if let Some(r) = a.reader {
        reader::render(ui, r, a.wide, buf);
        vs.reader = Some(r);
    }
    vs.search = None;
    if let Some(r) = a.overlay {
        vs.feeds = None;
        vs.articles = None;
        if state.help {
            help::render(ui, r, buf);
        } else if let Some(pos) = search::render(ui, r, buf, vs) {
            frame.set_cursor_position(pos);
        }
    }
    status::render(ui, a.status, frame.buffer_mut());
}

/// A pane's title row: the name on the theme's title colour across the width.
pub(crate) fn title_row(ui: Ui, area: Rect, left: &str, right: &str, buf: &mut Buffer) {
    let st = ui.style(El::Title);
    let w = area.width as usize;
    let right = fit::truncate(&crate::text::clean_line(right), w.saturating_sub(4));
    let rw = fit::width(&right);
    let left = fit::pad(
        &format!(" {}", crate::text::clean_line(left)),
        w.saturating_sub(rw + 1),
    );
    let line = Line::from(vec![
        Span::styled(left, st),
        Span::styled(format!("{right} "), st),
    ]);
    buf.set_style(Rect { height: 1, ..area }, st);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// A left border down a right-hand pane.
pub(crate) fn left_border(ui: Ui, area: Rect, buf: &mut Buffer) {
    let st = ui.style(El::Border);
    for y in area.y..area.y + area.height {
        buf.set_stringn(area.x, y, "│", 1, st);
    }
}

/// A message in the middle of an empty area.
pub(crate) fn centered(area: Rect, text: &str, style: Style, buf: &mut Buffer) {
    let lines = fit::wrap(text, area.width.saturating_sub(2).max(1) as usize);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let w = fit::width(l) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        buf.set_stringn(x, y, l, area.width as usize, style);
    }
}
