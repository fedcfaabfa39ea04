//! docbao's own picture encoders and the widget that draws them: coloured half blocks in
//! cells, the kitty graphics protocol (the pixels sent once, then shown through unicode
//! placeholder cells, so that text drawn over them or a scroll moves them like text), and
//! sixel (one DCS string in the top-left cell, the other cells left to it). Encoding is
//! linear in the pixels and done once, off the UI thread; drawing is cheap.
mod halfblocks;
mod kitty;
mod sixel;

use image::DynamicImage;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use std::num::NonZeroU16;

pub use halfblocks::HalfBlocks;
pub use kitty::Kitty;
pub use sixel::Sixel;

/// How pictures reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolType {
    Halfblocks,
    Kitty,
    Sixel,
}

/// The size of a cell in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontSize {
    pub width: u16,
    pub height: u16,
}

/// What encodes pictures for the terminal: its protocol, its cell size, and whether the
/// escape sequences go through tmux's passthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    font: FontSize,
    protocol: ProtocolType,
    tmux: bool,
}

impl Picker {
    /// A picker for `protocol` at `font` (width, height) pixels a cell.
    pub fn new(protocol: ProtocolType, font: (u16, u16), tmux: bool) -> Picker {
        Picker {
            font: FontSize {
                width: font.0.max(1),
                height: font.1.max(1),
            },
            protocol,
            tmux,
        }
    }

    pub fn font_size(&self) -> FontSize {
        self.font
    }

    pub fn protocol_type(&self) -> ProtocolType {
        self.protocol
    }

    /// Encodes `image` (already scaled to fit them) for the terminal, to take `cells`
    /// exactly: the size the reader keeps rows for is the size drawn.
    pub fn encode(&self, image: &DynamicImage, cells: Size) -> Protocol {
        let cells = Size::new(cells.width.max(1), cells.height.max(1));
        match self.protocol {
            ProtocolType::Halfblocks => Protocol::Halfblocks(HalfBlocks::new(image, cells)),
            ProtocolType::Kitty => Protocol::Kitty(Kitty::new(image, cells, self.tmux)),
            ProtocolType::Sixel => Protocol::Sixel(Sixel::new(image, cells, self.tmux)),
        }
    }
}

/// A picture encoded for one protocol.
#[derive(Clone)]
pub enum Protocol {
    Halfblocks(HalfBlocks),
    Kitty(Kitty),
    Sixel(Sixel),
}

impl Protocol {
    /// The cells the picture takes.
    pub fn size(&self) -> Size {
        match self {
            Protocol::Halfblocks(p) => p.size(),
            Protocol::Kitty(p) => p.size(),
            Protocol::Sixel(p) => p.size(),
        }
    }
}

/// Draws a [`Protocol`] at the top-left of an area; nothing when the picture does not fit
/// in it whole (a graphics protocol cannot be cut), and never outside the area or the buffer.
pub struct Image<'a>(&'a Protocol);

impl<'a> Image<'a> {
    pub fn new(protocol: &'a Protocol) -> Image<'a> {
        Image(protocol)
    }
}

impl Widget for Image<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let size = self.0.size();
        if area.is_empty() || size.width > area.width || size.height > area.height {
            return;
        }
        let at = Rect::new(area.x, area.y, size.width, size.height);
        match self.0 {
            Protocol::Halfblocks(p) => p.render(at, buf),
            Protocol::Kitty(p) => p.render(at, buf),
            Protocol::Sixel(p) => p.render(at, buf),
        }
    }
}

/// A cell holding an escape sequence takes one column, whatever the text's width says.
const ONE_COLUMN: CellDiffOption = CellDiffOption::ForcedWidth(NonZeroU16::MIN);

/// `seq` (escape sequences starting with ESC) sent through tmux's passthrough when `tmux`:
/// wrapped in a DCS `tmux;` with every ESC inside doubled.
pub(crate) fn passthrough(seq: &str, tmux: bool, out: &mut String) {
    if !tmux {
        out.push_str(seq);
        return;
    }
    out.push_str("\x1bPtmux;");
    for c in seq.chars() {
        if c == '\x1b' {
            out.push('\x1b');
        }
        out.push(c);
    }
    out.push_str("\x1b\\");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tmux_passthrough_doubles_every_escape() {
        let mut out = String::new();
        passthrough("\x1b[c\x1b_Ga=q\x1b\\", true, &mut out);
        assert_eq!(out, "\x1bPtmux;\x1b\x1b[c\x1b\x1b_Ga=q\x1b\x1b\\\x1b\\");
        out.clear();
        passthrough("\x1b[c", false, &mut out);
        assert_eq!(out, "\x1b[c");
    }

    #[test]
    fn the_widget_draws_nothing_where_the_picture_does_not_fit() {
        let img = DynamicImage::new_rgb8(40, 40);
        for kind in [
            ProtocolType::Halfblocks,
            ProtocolType::Kitty,
            ProtocolType::Sixel,
        ] {
            let p = Picker::new(kind, (10, 20), false).encode(&img, Size::new(4, 2));
            assert_eq!(p.size(), Size::new(4, 2));
            // Too small an area, an area outside the buffer, an empty one: untouched.
            let mut buf = Buffer::empty(Rect::new(0, 0, 6, 3));
            let before = buf.clone();
            Image::new(&p).render(Rect::new(0, 0, 3, 3), &mut buf);
            Image::new(&p).render(Rect::new(4, 0, 4, 2), &mut buf);
            Image::new(&p).render(Rect::new(0, 2, 6, 0), &mut buf);
            Image::new(&p).render(Rect::new(50, 50, 9, 9), &mut buf);
            assert_eq!(buf, before, "{kind:?}");
            // Where it fits, only its 4 x 2 cells change.
            Image::new(&p).render(Rect::new(1, 1, 5, 2), &mut buf);
            for y in 0..3 {
                for x in 0..6 {
                    let inside = (1..5).contains(&x) && (1..3).contains(&y);
                    if !inside {
                        assert_eq!(buf[(x, y)], before[(x, y)], "{kind:?} ({x}, {y})");
                    }
                }
            }
        }
    }

    #[test]
    fn any_size_encodes_without_panic() {
        for (w, h) in [(1, 1), (1, 7), (7, 1), (13, 6), (6, 13), (0, 0), (0, 5)] {
            let img = DynamicImage::new_rgba8(w, h);
            for kind in [
                ProtocolType::Halfblocks,
                ProtocolType::Kitty,
                ProtocolType::Sixel,
            ] {
                for max in [Size::new(0, 0), Size::new(1, 1), Size::new(3, 2)] {
                    let p = Picker::new(kind, (0, 0), true).encode(&img, max);
                    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 4));
                    Image::new(&p).render(buf.area, &mut buf);
                }
            }
        }
    }
}
