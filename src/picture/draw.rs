//! Turning a cached picture into something the terminal draws: decoded within the caps,
//! scaled to the cells it may take (never wider than the pane, never taller than
//! `image_max_rows`), and encoded once for the terminal's protocol (kitty, sixel or half
//! blocks). Slow: the runner calls it off the UI thread; drawing the result is cheap.
use super::decode::{DecodeError, decode, fit};
use super::encode::{Picker, Protocol};
use ratatui::layout::Size;

/// A picture ready to draw, and the cells it takes.
pub struct Prepared {
    pub protocol: Protocol,
    pub cols: u16,
    pub rows: u16,
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Prepared({}x{})", self.cols, self.rows)
    }
}

/// The cells a `w` x `h` pixel picture takes at `font` pixels a cell, at most
/// `max_cols` x `max_rows`, keeping its shape; at least 1 x 1.
pub fn cells(w: u32, h: u32, font: (u16, u16), max_cols: u16, max_rows: u16) -> (u16, u16) {
    let (fw, fh) = (u64::from(font.0.max(1)), u64::from(font.1.max(1)));
    let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
    let (max_cols, max_rows) = (u64::from(max_cols.max(1)), u64::from(max_rows.max(1)));
    // Natural size in cells, then shrunk to fit the width, then the height.
    let mut cols = w.div_ceil(fw).clamp(1, max_cols);
    let mut rows = (h * cols * fw).div_ceil(w * fh).max(1);
    if rows > max_rows {
        rows = max_rows;
        cols = ((w * rows * fh) / (h * fw)).clamp(1, max_cols);
    }
    (cols as u16, rows as u16)
}

/// Decodes `bytes` and prepares it for `picker`'s protocol within `max_cols` x `max_rows`.
pub fn prepare(
    picker: &Picker,
    bytes: &[u8],
    max_cols: u16,
    max_rows: u16,
) -> Result<Prepared, DecodeError> {
    let image = decode(bytes)?;
    let font = picker.font_size();
    let (cols, rows) = cells(
        image.width(),
        image.height(),
        (font.width, font.height),
        max_cols,
        max_rows,
    );
    // Scaled before encoding: the protocol never sees more pixels than its cells show.
    let image = fit(
        image,
        u32::from(cols) * u32::from(font.width.max(1)),
        u32::from(rows) * u32::from(font.height.max(1)),
    );
    let protocol = picker.encode(&image, Size::new(cols, rows));
    Ok(Prepared {
        protocol,
        cols,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::decode::tests::png;
    use crate::picture::encode::{Image, ProtocolType};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    #[test]
    fn cells_keep_the_shape_within_the_bounds() {
        // 10x20 px cells: a 400x200 photo is 40 x 10 cells.
        assert_eq!(cells(400, 200, (10, 20), 80, 12), (40, 10));
        // Too wide: shrunk to the pane.
        assert_eq!(cells(2000, 1000, (10, 20), 80, 40), (80, 20));
        // Too tall: shrunk to the rows, narrower.
        assert_eq!(cells(1000, 2000, (10, 20), 80, 12), (12, 12));
        // Degenerate input never gives 0 cells.
        assert_eq!(cells(0, 0, (0, 0), 0, 0), (1, 1));
        assert_eq!(cells(1, 100_000, (10, 20), 80, 12), (1, 12));
    }

    #[test]
    fn the_cells_kept_are_the_cells_drawn() {
        // A narrow picture that `fit` does not enlarge: 5 x 50 px is 1 x 3 cells of pixels
        // but 1 x 5 cells of shape; every protocol takes the cells the reader keeps.
        for kind in [
            ProtocolType::Halfblocks,
            ProtocolType::Kitty,
            ProtocolType::Sixel,
        ] {
            let picker = Picker::new(kind, (10, 20), false);
            for (w, h) in [(5, 50), (200, 100), (1, 1), (3000, 7)] {
                let p = prepare(&picker, &png(w, h), 30, 12).unwrap();
                assert_eq!(
                    p.protocol.size(),
                    Size::new(p.cols, p.rows),
                    "{kind:?} {w}x{h}"
                );
            }
        }
    }

    fn drawn(kind: ProtocolType) -> Buffer {
        let picker = Picker::new(kind, (10, 20), false);
        let prepared = prepare(&picker, &png(200, 100), 30, 12).unwrap();
        assert_eq!((prepared.cols, prepared.rows), (20, 5));
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 8));
        Image::new(&prepared.protocol).render(Rect::new(0, 0, 30, 8), &mut buf);
        buf
    }

    #[test]
    fn half_blocks_paint_the_picture_in_cells() {
        let buf = drawn(ProtocolType::Halfblocks);
        // Every cell of the picture is a half block in true colour; the gradient's blue
        // channel is 90 everywhere.
        for y in 0..5 {
            for x in 0..20 {
                let cell = &buf[(x, y)];
                assert!(["▀", "▄"].contains(&cell.symbol()), "({x}, {y}): {cell:?}");
                match cell.fg {
                    ratatui::style::Color::Rgb(_, _, b) => assert_eq!(b, 90),
                    other => panic!("not a true-colour cell: {other:?}"),
                }
            }
        }
        // Nothing outside the picture's 20 x 5 cells.
        assert_eq!(buf[(25, 0)].symbol(), " ");
        assert_eq!(buf[(0, 6)].symbol(), " ");
    }

    #[test]
    fn kitty_sends_a_graphics_command_with_the_pixels() {
        let buf = drawn(ProtocolType::Kitty);
        let all: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(all.contains("\x1b_G"), "no kitty APC in {all:?}");
        assert!(all.contains("\x1b\\"), "kitty command not terminated");
    }

    #[test]
    fn sixel_sends_a_dcs_sixel_image() {
        let buf = drawn(ProtocolType::Sixel);
        let all: String = buf.content().iter().map(|c| c.symbol()).collect();
        let start = all.find("\x1bP").expect("no DCS");
        assert!(all[start..].contains('q'), "DCS is not a sixel image");
        assert!(all[start..].contains("\x1b\\"), "sixel not terminated");
    }
}
