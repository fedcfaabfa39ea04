//! The terminal's answer to the picture query is read by our own parser: any bytes, cut
//! anywhere, never panic; replies mixed with garbage are still found; and the encoders
//! take any picture size and any cell bounds without a panic or a cell outside the area.
use crate::fuzz;

use docbao::config::ImageMode;
use docbao::picture::detect::{Drawing, TermEnv, choose, complete};
use docbao::picture::encode::{Image, Picker, ProtocolType};
use image::{DynamicImage, Rgba, RgbaImage};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;

const ENV: TermEnv = TermEnv {
    no_color: false,
    colors: 256,
    tmux: false,
    cell_px: None,
};

/// Pieces of real replies, whole or cut, and noise.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"\x1b_Gi=31;OK\x1b\\".to_vec()),
        Just(b"\x1b_Gi=31;ENOTSUPPORTED\x1b\\".to_vec()),
        Just(b"\x1b[?62;4;22c".to_vec()),
        Just(b"\x1b[?1;2c".to_vec()),
        Just(b"\x1b[6;20;9t".to_vec()),
        Just(b"\x1b[6;99999;0t".to_vec()),
        Just(b"\x1b[0n".to_vec()),
        Just(b"\x1b]11;rgb:0000/0000/0000\x07".to_vec()),
        Just(b"\x1bP1$r0m\x1b\\".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..12),
        proptest::collection::vec(
            proptest::sample::select(b"\x1b[]_P?;0123456789cntG\\\x07".to_vec()),
            0..12
        ),
    ]
}

proptest! {
    #![proptest_config(fuzz::config(256))]

    #[test]
    fn prop_any_answer_parses_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let d = choose(ImageMode::Auto, &ENV, &bytes);
        prop_assert!(d != Drawing::Off, "pictures on: {:?}", d);
        let _ = complete(&bytes);
    }

    #[test]
    fn prop_replies_among_noise_are_read_and_cuts_never_panic(
        pieces in proptest::collection::vec(piece(), 0..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let answer: Vec<u8> = pieces.concat();
        for end in [answer.len(), cut.index(answer.len() + 1)] {
            let part = &answer[..end];
            if let Drawing::On { protocol, font } = choose(ImageMode::Auto, &ENV, part) {
                // A graphics protocol only ever comes with a cell size.
                prop_assert!(protocol == ProtocolType::Halfblocks || font.is_some());
                prop_assert!(font.is_none_or(|(w, h)| w > 0 && h > 0));
            }
        }
        // A status report standing alone after the noise is always seen.
        let mut whole = answer.clone();
        whole.extend_from_slice(b"\x1b\\\x1b[0n");
        if whole.len() <= 4096 && !answer.contains(&0x1b) {
            prop_assert!(complete(&whole));
        }
    }

    #[test]
    fn prop_any_picture_encodes_and_stays_in_its_area(
        w in 0u32..40, h in 0u32..40,
        max in (0u16..12, 0u16..12),
        font in (0u16..30, 0u16..30),
        area in (0u16..20, 0u16..20, 0u16..14, 0u16..14),
        kind in proptest::sample::select(vec![ProtocolType::Halfblocks, ProtocolType::Kitty, ProtocolType::Sixel]),
        tmux in any::<bool>(),
    ) {
        let img = DynamicImage::ImageRgba8(RgbaImage::from_fn(w, h, |x, y| {
            Rgba([(x * 9) as u8, (y * 13) as u8, 77, if (x + y) % 5 == 0 { 0 } else { 255 }])
        }));
        let p = Picker::new(kind, font, tmux).encode(&img, Size::new(max.0, max.1));
        let size = p.size();
        prop_assert!(size.width >= 1 && size.height >= 1);
        prop_assert!(size.width <= max.0.max(1) && size.height <= max.1.max(1));
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 10));
        let before = buf.clone();
        let area = Rect::new(area.0, area.1, area.2, area.3);
        Image::new(&p).render(area, &mut buf);
        for y in 0..10 {
            for x in 0..16 {
                if !area.contains((x, y).into()) {
                    prop_assert_eq!(&buf[(x, y)], &before[(x, y)]);
                }
            }
        }
    }
}
