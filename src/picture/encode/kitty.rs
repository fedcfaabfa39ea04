//! The kitty graphics protocol with unicode placeholders: the pixels are sent once
//! (`a=T` transmit and show, `U=1` a virtual placement of `c` x `r` cells, quiet `q=2`,
//! the base64 payload in chunks of at most 4096 bytes, `m=1` on all but the last), then
//! every cell of the picture is the placeholder U+10EEEE whose colour is the image id and
//! whose combining marks give its row and column. The terminal draws the image in those
//! cells, so text written over them, a scroll or a cleared screen behave as for text.
use super::{ONE_COLUMN, passthrough};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use image::DynamicImage;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Color;
use std::fmt::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Raw bytes in one chunk: 3072 bytes are 4096 base64 characters.
pub const CHUNK: usize = 3072;
const PLACEHOLDER: char = '\u{10EEEE}';

/// The row and column numbers as combining marks, in the order of the protocol's table
/// (its first 260 entries, more than `image_max_rows` allows: a taller viewer picture is
/// cut to it).
const DIACRITICS: &[u32] = &[
    0x0305, 0x030D, 0x030E, 0x0310, 0x0312, 0x033D, 0x033E, 0x033F, 0x0346, 0x034A, 0x034B, 0x034C,
    0x0350, 0x0351, 0x0352, 0x0357, 0x035B, 0x0363, 0x0364, 0x0365, 0x0366, 0x0367, 0x0368, 0x0369,
    0x036A, 0x036B, 0x036C, 0x036D, 0x036E, 0x036F, 0x0483, 0x0484, 0x0485, 0x0486, 0x0487, 0x0592,
    0x0593, 0x0594, 0x0595, 0x0597, 0x0598, 0x0599, 0x059C, 0x059D, 0x059E, 0x059F, 0x05A0, 0x05A1,
    0x05A8, 0x05A9, 0x05AB, 0x05AC, 0x05AF, 0x05C4, 0x0610, 0x0611, 0x0612, 0x0613, 0x0614, 0x0615,
    0x0616, 0x0617, 0x0657, 0x0658, 0x0659, 0x065A, 0x065B, 0x065D, 0x065E, 0x06D6, 0x06D7, 0x06D8,
    0x06D9, 0x06DA, 0x06DB, 0x06DC, 0x06DF, 0x06E0, 0x06E1, 0x06E2, 0x06E4, 0x06E7, 0x06E8, 0x06EB,
    0x06EC, 0x0730, 0x0732, 0x0733, 0x0735, 0x0736, 0x073A, 0x073D, 0x073F, 0x0740, 0x0741, 0x0743,
    0x0745, 0x0747, 0x0749, 0x074A, 0x07EB, 0x07EC, 0x07ED, 0x07EE, 0x07EF, 0x07F0, 0x07F1, 0x07F3,
    0x0816, 0x0817, 0x0818, 0x0819, 0x081B, 0x081C, 0x081D, 0x081E, 0x081F, 0x0820, 0x0821, 0x0822,
    0x0823, 0x0825, 0x0826, 0x0827, 0x0829, 0x082A, 0x082B, 0x082C, 0x082D, 0x0951, 0x0953, 0x0954,
    0x0F82, 0x0F83, 0x0F86, 0x0F87, 0x135D, 0x135E, 0x135F, 0x17DD, 0x193A, 0x1A17, 0x1A75, 0x1A76,
    0x1A77, 0x1A78, 0x1A79, 0x1A7A, 0x1A7B, 0x1A7C, 0x1B6B, 0x1B6D, 0x1B6E, 0x1B6F, 0x1B70, 0x1B71,
    0x1B72, 0x1B73, 0x1CD0, 0x1CD1, 0x1CD2, 0x1CDA, 0x1CDB, 0x1CE0, 0x1DC0, 0x1DC1, 0x1DC3, 0x1DC4,
    0x1DC5, 0x1DC6, 0x1DC7, 0x1DC8, 0x1DC9, 0x1DCB, 0x1DCC, 0x1DD1, 0x1DD2, 0x1DD3, 0x1DD4, 0x1DD5,
    0x1DD6, 0x1DD7, 0x1DD8, 0x1DD9, 0x1DDA, 0x1DDB, 0x1DDC, 0x1DDD, 0x1DDE, 0x1DDF, 0x1DE0, 0x1DE1,
    0x1DE2, 0x1DE3, 0x1DE4, 0x1DE5, 0x1DE6, 0x1DFE, 0x20D0, 0x20D1, 0x20D4, 0x20D5, 0x20D6, 0x20D7,
    0x20DB, 0x20DC, 0x20E1, 0x20E7, 0x20E9, 0x20F0, 0x2CEF, 0x2CF0, 0x2CF1, 0x2DE0, 0x2DE1, 0x2DE2,
    0x2DE3, 0x2DE4, 0x2DE5, 0x2DE6, 0x2DE7, 0x2DE8, 0x2DE9, 0x2DEA, 0x2DEB, 0x2DEC, 0x2DED, 0x2DEE,
    0x2DEF, 0x2DF0, 0x2DF1, 0x2DF2, 0x2DF3, 0x2DF4, 0x2DF5, 0x2DF6, 0x2DF7, 0x2DF8, 0x2DF9, 0x2DFA,
    0x2DFB, 0x2DFC, 0x2DFD, 0x2DFE, 0x2DFF, 0xA66F, 0xA67C, 0xA67D, 0xA6F0, 0xA6F1, 0xA8E0, 0xA8E1,
    0xA8E2, 0xA8E3, 0xA8E4, 0xA8E5, 0xA8E6, 0xA8E7, 0xA8E8, 0xA8E9,
];

fn diacritic(n: u16) -> char {
    DIACRITICS
        .get(usize::from(n))
        .and_then(|&c| char::from_u32(c))
        .unwrap_or('\u{0305}')
}

/// Image ids: the low 24 bits are the placeholder's colour; never 0.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A picture for kitty: the transmission, sent with the first frame that shows it.
#[derive(Clone)]
pub struct Kitty {
    transmit: Arc<str>,
    sent: Arc<AtomicBool>,
    id: u32,
    size: Size,
}

impl Kitty {
    pub fn new(image: &DynamicImage, size: Size, tmux: bool) -> Kitty {
        let max_rows = u16::try_from(DIACRITICS.len()).unwrap_or(u16::MAX);
        let size = Size::new(size.width, size.height.min(max_rows));
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed) % 0xff_ffff + 1;
        let (w, h) = (image.width(), image.height());
        let (format, pixels) = if image.color().has_alpha() {
            (32, image.to_rgba8().into_raw())
        } else {
            (24, image.to_rgb8().into_raw())
        };
        let head = format!(
            "a=T,U=1,i={id},f={format},t=d,s={w},v={h},c={},r={},",
            size.width, size.height
        );
        Kitty {
            transmit: transmission(&head, &pixels, tmux).into(),
            sent: Arc::new(AtomicBool::new(false)),
            id,
            size,
        }
    }

    pub fn size(&self) -> Size {
        self.size
    }

    /// The placeholder cells in `area` (the picture's size, within the buffer); the first
    /// draw carries the transmission in the top-left cell.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let colour = Color::Rgb((self.id >> 16) as u8, (self.id >> 8) as u8, self.id as u8);
        let first = !self.sent.swap(true, Ordering::Relaxed);
        let mut symbol = String::with_capacity(16);
        for y in 0..area.height {
            for x in 0..area.width {
                let Some(cell) = buf.cell_mut((area.x + x, area.y + y)) else {
                    continue;
                };
                symbol.clear();
                if first && x == 0 && y == 0 {
                    symbol.push_str(&self.transmit);
                }
                symbol.push(PLACEHOLDER);
                // The column of the next cells in a row follows from the first one's.
                if x == 0 {
                    symbol.push(diacritic(y));
                    symbol.push(diacritic(0));
                }
                cell.set_symbol(&symbol)
                    .set_fg(colour)
                    .set_diff_option(ONE_COLUMN);
            }
        }
    }
}

/// The graphics commands sending `pixels`, `head`'s keys on the first chunk.
pub fn transmission(head: &str, pixels: &[u8], tmux: bool) -> String {
    let chunks = pixels.len().div_ceil(CHUNK).max(1);
    let mut out = String::with_capacity(pixels.len() / 3 * 4 + chunks * 40 + head.len());
    let mut cmd = String::with_capacity(CHUNK / 3 * 4 + 64);
    for i in 0..chunks {
        let piece = pixels.get(i * CHUNK..((i + 1) * CHUNK).min(pixels.len()));
        cmd.clear();
        cmd.push_str("\x1b_Gq=2,");
        if i == 0 {
            cmd.push_str(head);
        }
        let more = u8::from(i + 1 < chunks);
        let _ = write!(cmd, "m={more};");
        STANDARD.encode_string(piece.unwrap_or_default(), &mut cmd);
        cmd.push_str("\x1b\\");
        passthrough(&cmd, tmux, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    /// The commands of a transmission: (keys, payload).
    fn commands(s: &str) -> Vec<(&str, &str)> {
        s.split("\x1b\\")
            .filter(|c| !c.is_empty())
            .map(|c| {
                let c = c.strip_prefix("\x1b_G").expect("an APC G command");
                c.split_once(';').expect("keys; payload")
            })
            .collect()
    }

    #[test]
    fn chunks_are_at_most_4096_bytes_and_round_trip() {
        let pixels: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let t = transmission("a=T,f=24,s=50,v=66,", &pixels, false);
        let cmds = commands(&t);
        assert_eq!(cmds.len(), 4);
        let mut back = Vec::new();
        for (i, (keys, payload)) in cmds.iter().enumerate() {
            assert!(payload.len() <= 4096, "{}", payload.len());
            let last = i + 1 == cmds.len();
            assert!(keys.contains(if last { "m=0" } else { "m=1" }), "{keys}");
            assert!(keys.contains("q=2"));
            assert_eq!(keys.contains("a=T"), i == 0, "{keys}");
            back.extend(STANDARD.decode(payload).unwrap());
        }
        assert_eq!(back, pixels);
        // An exact multiple of the chunk: no empty last chunk.
        assert_eq!(commands(&transmission("", &[1; CHUNK * 2], false)).len(), 2);
        assert_eq!(commands(&transmission("", &[], false)), [("q=2,m=0", "")]);
    }

    #[test]
    fn the_picture_is_placed_in_its_cells() {
        let img = RgbImage::from_fn(30, 50, |x, y| Rgb([x as u8, y as u8, 9]));
        let k = Kitty::new(&DynamicImage::ImageRgb8(img), Size::new(3, 3), false);
        let keys = commands(&k.transmit)[0].0;
        for want in ["a=T", "U=1", "f=24", "s=30", "v=50", "c=3", "r=3"] {
            assert!(keys.split(',').any(|k| k == want), "{want} in {keys}");
        }
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 4));
        k.render(Rect::new(1, 1, 3, 3), &mut buf);
        assert!(buf[(1, 1)].symbol().starts_with("\x1b_G"));
        assert!(buf[(1, 2)].symbol().starts_with(PLACEHOLDER));
        assert_eq!(buf[(1, 2)].symbol().chars().nth(1), Some(diacritic(1)));
        assert_eq!(buf[(3, 3)].symbol(), PLACEHOLDER.to_string());
        assert_eq!(buf[(0, 0)].symbol(), " ");
        // Sent once: the next draw has placeholders only.
        let mut again = Buffer::empty(Rect::new(0, 0, 5, 4));
        k.render(Rect::new(1, 1, 3, 3), &mut again);
        assert!(!again[(1, 1)].symbol().contains('\x1b'));
    }

    #[test]
    fn the_diacritics_are_distinct_combining_marks() {
        let mut seen = std::collections::HashSet::new();
        for &d in DIACRITICS {
            let c = char::from_u32(d).unwrap();
            assert!(seen.insert(c));
            assert_eq!(unicode_width::UnicodeWidthChar::width(c), Some(0), "{d:x}");
        }
        // Every row a picture in the text may take (`image_max_rows` is at most 200).
        assert!(DIACRITICS.len() >= 200);
    }
}
