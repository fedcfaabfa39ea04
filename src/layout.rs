//! Where each pane goes for a terminal size, and the scroll limits that follow from it.
//! Pure geometry below both `app` (page sizes, the reader's wrap width, scroll limits) and
//! `view` (where to draw), so the two agree. It imports nothing of either.
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
/// The search screen's rows above its results: the title, the box (3) and the count.
pub const SEARCH_HEAD: u16 = 5;

/// The panes that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Feeds,
    Articles,
    Reader,
    Search,
    Help,
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub help: bool,
    pub reader_open: bool,
}

impl Shape {
    /// The same shape at another size (the frame being drawn, which may be newer than the
    /// size the state last heard of).
    pub fn sized(self, width: u16, height: u16) -> Shape {
        Shape {
            width,
            height,
            ..self
        }
    }
}

/// The areas for a size, focus and the open screens.
pub fn areas(s: Shape) -> Areas {
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

/// The inside of a pane: below its title row, after the left border when it is the
/// right-hand pane of a wide layout.
pub fn inner(pane: Rect, bordered: bool) -> Rect {
    let x = pane.x + u16::from(bordered);
    let w = pane.width.saturating_sub(u16::from(bordered));
    Rect::new(x, pane.y + 1, w, pane.height.saturating_sub(1))
}

/// Where the reader's text goes inside the reader pane `pane` (one column of margin on
/// each side, at most [`MAX_TEXT_WIDTH`] wide).
pub fn text_in(pane: Rect, bordered: bool) -> Rect {
    let inner = inner(pane, bordered);
    let w = inner.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Rect::new(inner.x.saturating_add(1), inner.y, w, inner.height)
}

/// Where the reader's text goes at this shape, whether or not the reader is on screen
/// right now (search or help may cover it).
pub fn reader_text(s: Shape) -> Option<Rect> {
    let a = areas(Shape {
        focus: Pane::Reader,
        help: false,
        reader_open: true,
        ..s
    });
    Some(text_in(a.reader?, a.wide))
}

/// The help screen's area at this shape.
pub fn help_area(s: Shape) -> Option<Rect> {
    areas(Shape { help: true, ..s }).overlay
}

/// The rows of a list pane (feeds, articles, search results): at least 1.
pub fn list_rows(s: Shape, pane: Pane) -> usize {
    let a = areas(s);
    let rect = match pane {
        Pane::Feeds => a.feeds.map(|r| inner(r, false)),
        Pane::Articles => a.articles.map(|r| inner(r, false)),
        Pane::Search => a.overlay.map(|r| Rect {
            height: r.height.saturating_sub(SEARCH_HEAD),
            ..r
        }),
        _ => None,
    };
    rect.map_or(1, |r| r.height as usize).max(1)
}

/// The last first-row that still fills `height` rows with `total` lines (0 when all fit).
pub fn max_scroll(total: usize, height: usize) -> usize {
    total.saturating_sub(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(w: u16, h: u16, focus: Pane) -> Shape {
        Shape {
            width: w,
            height: h,
            focus,
            help: false,
            reader_open: true,
        }
    }

    #[test]
    fn every_area_fits_the_size() {
        for w in 0..160 {
            for h in 0..50 {
                for focus in [Pane::Feeds, Pane::Articles, Pane::Reader, Pane::Search] {
                    let a = areas(shape(w, h, focus));
                    let full = Rect::new(0, 0, w, h);
                    for r in [a.feeds, a.articles, a.reader, a.overlay, Some(a.status)]
                        .into_iter()
                        .flatten()
                    {
                        assert_eq!(full.union(r), full, "{r:?} outside {w}x{h}");
                    }
                    if let Some(t) = reader_text(shape(w, h, focus)) {
                        assert_eq!(full.union(t), full, "{t:?} outside {w}x{h}");
                    }
                }
            }
        }
    }
}
