//! Where each pane goes for a terminal size. Pure: `update` uses it too (page sizes, the
//! reader's wrap width), so the view and the state agree.
use crate::app::state::{Pane, State};
use ratatui::layout::Rect;

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 10;
/// From this width, panes sit side by side.
pub const WIDE: u16 = 120;
/// The feed list's width when side by side.
const FEEDS_WIDTH: u16 = 32;
/// Body text wider than this is hard to read; the reader wraps here at most.
pub const MAX_TEXT_WIDTH: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub feeds: Option<Rect>,
    pub articles: Option<Rect>,
    pub reader: Option<Rect>,
    /// Search or help, over the panes.
    pub overlay: Option<Rect>,
    pub status: Rect,
    /// Panes are side by side (the second one draws a left border).
    pub wide: bool,
}

/// What the layout depends on.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub help: bool,
    pub reader_open: bool,
}

impl Shape {
    pub fn of(state: &State) -> Shape {
        Shape {
            width: state.width,
            height: state.height,
            focus: state.focus,
            help: state.help,
            reader_open: state.reader.is_some(),
        }
    }
}

/// The areas for the state's size, focus and open screens.
pub fn areas(state: &State) -> Areas {
    areas_of(Shape::of(state))
}

pub fn areas_of(s: Shape) -> Areas {
    let (w, h) = (s.width, s.height);
    let full = Rect::new(0, 0, w, h);
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Areas {
            too_small: true,
            status: full,
            ..Areas::default()
        };
    }
    let main = Rect::new(0, 0, w, h - 1);
    let status = Rect::new(0, h - 1, w, 1);
    let mut a = Areas {
        status,
        wide: w >= WIDE,
        ..Areas::default()
    };
    if s.help || s.focus == Pane::Search {
        a.overlay = Some(main);
        return a;
    }
    let reader_shown = s.reader_open && s.focus == Pane::Reader;
    if a.wide {
        if reader_shown {
            let left = (w * 2 / 5).max(40);
            a.articles = Some(Rect::new(0, 0, left, main.height));
            a.reader = Some(Rect::new(left, 0, w - left, main.height));
        } else {
            a.feeds = Some(Rect::new(0, 0, FEEDS_WIDTH, main.height));
            a.articles = Some(Rect::new(FEEDS_WIDTH, 0, w - FEEDS_WIDTH, main.height));
        }
        return a;
    }
    match s.focus {
        Pane::Articles => a.articles = Some(main),
        Pane::Reader if s.reader_open => a.reader = Some(main),
        _ => a.feeds = Some(main),
    }
    a
}

/// The inside of a pane: below its title row, left of nothing, after the left border when
/// it is the right-hand pane of a wide layout.
pub fn inner(pane: Rect, bordered: bool) -> Rect {
    let x = pane.x + u16::from(bordered);
    let w = pane.width.saturating_sub(u16::from(bordered));
    Rect::new(x, pane.y + 1, w, pane.height.saturating_sub(1))
}

/// Where the reader's text goes (one column of margin on each side), whether or not the
/// reader is on screen right now (search or help may cover it).
pub fn reader_text(state: &State) -> Option<Rect> {
    let mut shape = Shape::of(state);
    shape.focus = Pane::Reader;
    shape.help = false;
    shape.reader_open = true;
    let a = areas_of(shape);
    let inner = inner(a.reader?, a.wide);
    let w = inner.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Some(Rect::new(inner.x + 1, inner.y, w, inner.height))
}

/// The rows of a list pane (feeds, articles, search results) for paging.
pub fn list_rows(state: &State, pane: Pane) -> usize {
    let a = areas(state);
    let rect = match pane {
        Pane::Feeds => a.feeds,
        Pane::Articles => a.articles,
        // The search box takes three rows and the count one.
        Pane::Search => a.overlay.map(|r| Rect {
            height: r.height.saturating_sub(4),
            ..r
        }),
        _ => None,
    };
    rect.map(|r| r.height.saturating_sub(1) as usize)
        .unwrap_or(1)
        .max(1)
}
