//! Half blocks: each cell shows two pixels stacked, one as the glyph's colour and one as the
//! background, in true colour. The brighter of the two is the glyph (`▀` when it is the upper
//! pixel, `▄` when the lower), and a cell of one colour is a space: the same cells the reader
//! has always drawn.
use image::DynamicImage;
use image::imageops::FilterType;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Color;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cell {
    symbol: &'static str,
    fg: (u8, u8, u8),
    bg: (u8, u8, u8),
}

/// A picture as half-block cells, row by row.
#[derive(Clone)]
pub struct HalfBlocks {
    cells: Vec<Cell>,
    size: Size,
}

impl HalfBlocks {
    /// `image` scaled to `size` cells (two pixels a cell, one above the other).
    pub fn new(image: &DynamicImage, size: Size) -> HalfBlocks {
        let (w, h) = (u32::from(size.width), u32::from(size.height) * 2);
        let mut cells = Vec::with_capacity(usize::from(size.width) * usize::from(size.height));
        if image.width() == 0 || image.height() == 0 || w == 0 {
            let black = Cell {
                symbol: " ",
                fg: (0, 0, 0),
                bg: (0, 0, 0),
            };
            cells.resize(usize::from(size.width) * usize::from(size.height), black);
            return HalfBlocks { cells, size };
        }
        let small = image.resize_exact(w, h, FilterType::Triangle).to_rgb8();
        for y in (0..h).step_by(2) {
            for x in 0..w {
                let up = small.get_pixel(x, y).0;
                let down = small.get_pixel(x, y + 1).0;
                cells.push(pick((up[0], up[1], up[2]), (down[0], down[1], down[2])));
            }
        }
        HalfBlocks { cells, size }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// Paints the cells within `area` (already clipped to the buffer).
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(self.size.width).max(1);
        for (i, c) in self.cells.iter().enumerate() {
            let (x, y) = (i % width, i / width);
            let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y)) else {
                break;
            };
            if x >= area.width || y >= area.height {
                continue;
            }
            if let Some(cell) = buf.cell_mut((area.x + x, area.y + y)) {
                let rgb = |(r, g, b)| Color::Rgb(r, g, b);
                cell.set_symbol(c.symbol)
                    .set_fg(rgb(c.fg))
                    .set_bg(rgb(c.bg));
            }
        }
    }
}

/// The cell for an upper and a lower pixel.
fn pick(up: (u8, u8, u8), down: (u8, u8, u8)) -> Cell {
    if up == down {
        return Cell {
            symbol: " ",
            fg: up,
            bg: down,
        };
    }
    if luma(down) > luma(up) {
        Cell {
            symbol: "▄",
            fg: down,
            bg: up,
        }
    } else {
        Cell {
            symbol: "▀",
            fg: up,
            bg: down,
        }
    }
}

/// Relative luminance, Rec. 709 weights (x 10,000).
fn luma((r, g, b): (u8, u8, u8)) -> u32 {
    2126 * u32::from(r) + 7152 * u32::from(g) + 722 * u32::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    #[test]
    fn the_brighter_pixel_is_the_glyph() {
        let dark = (10, 10, 10);
        let light = (200, 200, 200);
        assert_eq!(pick(light, dark).symbol, "▀");
        assert_eq!(pick(light, dark).fg, light);
        assert_eq!(pick(dark, light).symbol, "▄");
        assert_eq!((pick(dark, light).fg, pick(dark, light).bg), (light, dark));
        assert_eq!(pick(dark, dark).symbol, " ");
    }

    #[test]
    fn one_cell_a_column_two_pixels_a_cell() {
        // 2 x 4 pixels at their own size: 2 x 2 cells, exact colours.
        let img = RgbImage::from_fn(2, 4, |x, y| Rgb([(x * 100) as u8, (y * 60) as u8, 7]));
        let hb = HalfBlocks::new(&DynamicImage::ImageRgb8(img), Size::new(2, 2));
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 2));
        hb.render(buf.area, &mut buf);
        // Lower pixels are greener, so brighter: `▄` with the lower pixel as the glyph.
        let c = &buf[(1, 1)];
        assert_eq!(c.symbol(), "▄");
        assert_eq!(c.fg, Color::Rgb(100, 180, 7));
        assert_eq!(c.bg, Color::Rgb(100, 120, 7));
    }
}
