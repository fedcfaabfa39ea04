//! Sixel: a DCS `q` image with raster attributes, a palette of at most 252 colours (a fixed
//! 6 x 7 x 6 cube: no search, one lookup a pixel) and the pixels in bands of six rows, each
//! colour of a band one run-length-encoded line (`!n`), `$` back to the band's start and `-`
//! to the next band. The work is linear in the pixels: a band lists, for each colour, only
//! the columns where it appears. Transparent pixels are left unpainted (P2 = 1); the cells
//! are erased first so nothing of what was under the picture stays beside it.
use super::{ONE_COLUMN, passthrough};
use image::DynamicImage;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use std::fmt::Write;

const LEVELS: (u32, u32, u32) = (6, 7, 6);
/// Colours in the cube.
pub const COLOURS: usize = (LEVELS.0 * LEVELS.1 * LEVELS.2) as usize;

/// A picture for sixel: the escape string drawn from its top-left cell.
#[derive(Clone)]
pub struct Sixel {
    data: String,
    size: Size,
}

impl Sixel {
    pub fn new(image: &DynamicImage, size: Size, tmux: bool) -> Sixel {
        let mut seq = String::new();
        // Erase the cells (ECH on each row, then back up): a picture smaller than its cells
        // leaves no text beside it.
        for row in 0..size.height {
            let _ = write!(seq, "\x1b[{}X", size.width);
            if row + 1 < size.height {
                seq.push_str("\x1b[B");
            }
        }
        if size.height > 1 {
            let _ = write!(seq, "\x1b[{}A", size.height - 1);
        }
        encode(image, &mut seq);
        let mut data = String::with_capacity(seq.len() + 16);
        passthrough(&seq, tmux, &mut data);
        Sixel { data, size }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// The escape string in the top-left cell of `area`, the other cells skipped (the
    /// image covers them).
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        for y in 0..area.height {
            for x in 0..area.width {
                let Some(cell) = buf.cell_mut((area.x + x, area.y + y)) else {
                    continue;
                };
                if x == 0 && y == 0 {
                    cell.set_symbol(&self.data).set_diff_option(ONE_COLUMN);
                } else {
                    cell.set_diff_option(CellDiffOption::Skip);
                }
            }
        }
    }
}

/// A 4 x 4 Bayer matrix: the order in which a tile's pixels step up to the next level.
const BAYER: [[u32; 4]; 4] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]];

/// The palette index of the pixel at (`x`, `y`): its place in the cube, ordered-dithered so
/// that a tile of pixels averages to the colour between two levels (a smooth sky is not
/// cut into bands of a few colours). Colours on a level, the cube's corners among them,
/// stay exact.
fn quantize(r: u8, g: u8, b: u8, x: usize, y: usize) -> u8 {
    let t = BAYER[y % 4][x % 4];
    // floor(v * (n - 1) / 255 + (t + 0.5) / 16), in integers.
    let level =
        |v: u8, n: u32| ((u32::from(v) * (n - 1) * 32 + (2 * t + 1) * 255) / (255 * 32)).min(n - 1);
    let i = (level(r, LEVELS.0) * LEVELS.1 + level(g, LEVELS.1)) * LEVELS.2 + level(b, LEVELS.2);
    i as u8
}

/// The colour of palette index `i` in percent, as sixel defines colours.
fn percent(i: usize) -> (u32, u32, u32) {
    let i = i as u32;
    let (r, g, b) = (
        i / (LEVELS.1 * LEVELS.2),
        i / LEVELS.2 % LEVELS.1,
        i % LEVELS.2,
    );
    let pc = |v: u32, n: u32| (v * 100 + (n - 1) / 2) / (n - 1);
    (pc(r, LEVELS.0), pc(g, LEVELS.1), pc(b, LEVELS.2))
}

/// Appends the sixel DCS for `image` to `out`.
pub fn encode(image: &DynamicImage, out: &mut String) {
    let rgba = image.to_rgba8();
    let (w, h) = (rgba.width() as usize, rgba.height() as usize);
    // Each pixel's palette index, or none where it is transparent.
    let mut index: Vec<Option<u8>> = Vec::with_capacity(w * h);
    let mut used = [false; COLOURS];
    for (x, y, p) in rgba.enumerate_pixels() {
        let [r, g, b, a] = p.0;
        let i = (a >= 128).then(|| quantize(r, g, b, x as usize, y as usize));
        if let Some(i) = i {
            used[usize::from(i)] = true;
        }
        index.push(i);
    }
    drop(rgba);
    let _ = write!(out, "\x1bP0;1;0q\"1;1;{w};{h}");
    for (i, _) in used.iter().enumerate().filter(|(_, u)| **u) {
        let (r, g, b) = percent(i);
        let _ = write!(out, "#{i};2;{r};{g};{b}");
    }
    // Per colour, the (column, bits) of the band where it appears.
    let mut lines: Vec<Vec<(usize, u8)>> = vec![Vec::new(); COLOURS];
    let mut present: Vec<usize> = Vec::new();
    let mut column: Vec<(u8, u8)> = Vec::with_capacity(6);
    for band in 0..h.div_ceil(6) {
        let top = band * 6;
        let rows = (h - top).min(6);
        for x in 0..w {
            column.clear();
            for k in 0..rows {
                if let Some(c) = index[(top + k) * w + x] {
                    match column.iter_mut().find(|(cc, _)| *cc == c) {
                        Some((_, bits)) => *bits |= 1 << k,
                        None => column.push((c, 1 << k)),
                    }
                }
            }
            for &(c, bits) in &column {
                let line = &mut lines[usize::from(c)];
                if line.is_empty() {
                    present.push(usize::from(c));
                }
                line.push((x, bits));
            }
        }
        if band > 0 {
            out.push('-');
        }
        for (n, &c) in present.iter().enumerate() {
            if n > 0 {
                out.push('$');
            }
            let _ = write!(out, "#{c}");
            let mut at = 0;
            let line = &lines[c];
            let mut j = 0;
            while j < line.len() {
                let (x, bits) = line[j];
                run(out, x - at, 0);
                // The same bits in the next columns make one run.
                let mut end = j + 1;
                while end < line.len() && line[end] == (x + end - j, bits) {
                    end += 1;
                }
                run(out, end - j, bits);
                at = x + end - j;
                j = end;
            }
        }
        for &c in &present {
            lines[c].clear();
        }
        present.clear();
    }
    out.push_str("\x1b\\");
}

/// `n` columns of the sixel `bits`, run-length encoded when that is shorter.
fn run(out: &mut String, n: usize, bits: u8) {
    let ch = char::from(63 + bits);
    if n > 3 {
        let _ = write!(out, "!{n}{ch}");
    } else {
        for _ in 0..n {
            out.push(ch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgba, RgbaImage};

    /// What a sixel body says: palette entries, and per band the columns each colour line
    /// covers (every line must cover the width exactly or less).
    struct Parsed {
        palette: usize,
        raster: (usize, usize),
        bands: Vec<Vec<usize>>,
        pixels: Vec<Vec<Option<usize>>>,
    }

    fn parse(s: &str) -> Parsed {
        let start = s.find("\x1bP").unwrap();
        let q = start + s[start..].find('q').unwrap();
        let end = s.rfind("\x1b\\").unwrap();
        let body = &s.as_bytes()[q + 1..end];
        let mut p = Parsed {
            palette: 0,
            raster: (0, 0),
            bands: vec![vec![]],
            pixels: Vec::new(),
        };
        let (mut i, mut x, mut colour) = (0, 0usize, 0usize);
        let num = |i: &mut usize| {
            let s = *i;
            while *i < body.len() && body[*i].is_ascii_digit() {
                *i += 1;
            }
            std::str::from_utf8(&body[s..*i])
                .unwrap()
                .parse::<usize>()
                .unwrap()
        };
        let paint = |p: &mut Parsed, x: usize, colour: usize, bits: u8| {
            let band = p.bands.len() - 1;
            for k in 0..6 {
                if bits & (1 << k) != 0 {
                    let y = band * 6 + k;
                    if p.pixels.len() <= y {
                        p.pixels.resize(y + 1, Vec::new());
                    }
                    if p.pixels[y].len() <= x {
                        p.pixels[y].resize(x + 1, None);
                    }
                    p.pixels[y][x] = Some(colour);
                }
            }
        };
        while i < body.len() {
            match body[i] {
                b'"' => {
                    i += 1;
                    let _ = (num(&mut i), i += 1, num(&mut i), i += 1);
                    let w = num(&mut i);
                    i += 1;
                    p.raster = (w, num(&mut i));
                }
                b'#' => {
                    i += 1;
                    colour = num(&mut i);
                    if body.get(i) == Some(&b';') {
                        p.palette += 1;
                        for _ in 0..4 {
                            i += 1;
                            num(&mut i);
                        }
                    }
                }
                b'!' => {
                    i += 1;
                    let n = num(&mut i);
                    let bits = body[i] - 63;
                    for _ in 0..n {
                        paint(&mut p, x, colour, bits);
                        x += 1;
                    }
                    i += 1;
                }
                b'$' | b'-' => {
                    p.bands.last_mut().unwrap().push(x);
                    if body[i] == b'-' {
                        p.bands.push(vec![]);
                    }
                    x = 0;
                    i += 1;
                }
                c @ 63..=126 => {
                    paint(&mut p, x, colour, c - 63);
                    x += 1;
                    i += 1;
                }
                other => panic!("unexpected {:?}", char::from(other)),
            }
        }
        p.bands.last_mut().unwrap().push(x);
        p
    }

    fn photo(w: u32, h: u32) -> DynamicImage {
        DynamicImage::ImageRgba8(RgbaImage::from_fn(w, h, |x, y| {
            Rgba([
                (x * 37 % 256) as u8,
                (y * 11 % 256) as u8,
                ((x ^ y) % 256) as u8,
                255,
            ])
        }))
    }

    #[test]
    fn the_structure_is_bands_of_six_rows_across_the_width() {
        for (w, h) in [(1, 1), (5, 6), (17, 7), (64, 13), (301, 40)] {
            let img = photo(w, h);
            let mut s = String::new();
            encode(&img, &mut s);
            let p = parse(&s);
            assert!(p.palette <= 256 && p.palette > 0);
            assert_eq!(p.raster, (w as usize, h as usize));
            assert_eq!(p.bands.len(), (h as usize).div_ceil(6), "{w}x{h}");
            for band in &p.bands {
                assert!(band.iter().all(|&cols| cols <= w as usize), "{band:?}");
            }
            // Every pixel painted once, in its own colour's register.
            assert_eq!(p.pixels.len(), h as usize);
            let rgba = img.to_rgba8();
            for (y, row) in p.pixels.iter().enumerate() {
                assert_eq!(row.len(), w as usize);
                for (x, c) in row.iter().enumerate() {
                    let [r, g, b, _] = rgba.get_pixel(x as u32, y as u32).0;
                    assert_eq!(*c, Some(usize::from(quantize(r, g, b, x, y))));
                }
            }
        }
    }

    #[test]
    fn runs_are_length_encoded_and_transparency_is_left_out() {
        let img = DynamicImage::ImageRgba8(RgbaImage::from_fn(100, 6, |x, _| {
            Rgba([255, 255, 255, if x < 50 { 0 } else { 255 }])
        }));
        let mut s = String::new();
        encode(&img, &mut s);
        let p = parse(&s);
        assert_eq!(p.palette, 1);
        assert!(s.contains("!50?!50~"), "{s:?}");
        assert!(p.pixels[0][..50].iter().all(Option::is_none));
        // The cube's corners are exact.
        for (x, y) in [(0, 0), (1, 2), (3, 3)] {
            assert_eq!(
                percent(usize::from(quantize(255, 255, 255, x, y))),
                (100, 100, 100)
            );
            assert_eq!(percent(usize::from(quantize(0, 0, 0, x, y))), (0, 0, 0));
        }
    }

    #[test]
    fn a_colour_between_levels_averages_out_over_a_tile() {
        // Without dithering 100 (between the levels 51 and 102 of six) would be 102
        // everywhere, and 70 would be 51: off by 2 and 19. A tile averages within ~1 %.
        for v in [70u8, 100, 140, 200, 230] {
            let mut sum = 0;
            for y in 0..4 {
                for x in 0..4 {
                    sum += percent(usize::from(quantize(v, v, v, x, y))).0;
                }
            }
            let mean = f64::from(sum) / 16.0 * 2.55;
            assert!((mean - f64::from(v)).abs() <= 4.0, "{v}: {mean}");
        }
        // A colour on a level does not dither.
        let flat: Vec<u8> = (0..16)
            .map(|i| quantize(102, 0, 255, i % 4, i / 4))
            .collect();
        assert!(flat.iter().all(|&i| i == flat[0]), "{flat:?}");
    }

    #[test]
    fn empty_pictures_are_valid_sixel() {
        let mut s = String::new();
        encode(&DynamicImage::new_rgb8(0, 0), &mut s);
        assert_eq!(s, "\x1bP0;1;0q\"1;1;0;0\x1b\\");
    }
}
