//! The reader with pictures driven by random keys, resizes and answers (pictures ready at
//! the size asked, failed, or stale), drawn at random sizes: no panic, no control
//! character in a cell, a move that stays within the text and its pictures, the viewer on
//! one of the article's pictures.
use crate::fuzz;
use crate::tui_pictures::{answer_renders, fixed_picker, open_with_pictures, png};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::pictures::Shown;
use docbao::app::{Effect, Msg, update};
use docbao::picture::encode::ProtocolType;
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone)]
enum Op {
    Key(KeyCode),
    Resize(u16, u16),
    Draw(u16, u16),
    /// Answer the pending effect at this index (mod their number); `bool`: the picture fails.
    Answer(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    let keys = "jkgG bhlqnNi?t1";
    prop_oneof![
        6 => prop_oneof![
            proptest::sample::select(keys.chars().collect::<Vec<_>>()).prop_map(KeyCode::Char),
            proptest::sample::select(vec![
                KeyCode::Esc,
                KeyCode::Enter,
                KeyCode::PageDown,
                KeyCode::PageUp,
                KeyCode::End,
            ]),
        ]
        .prop_map(Op::Key),
        2 => (1u16..=220, 1u16..=70).prop_map(|(w, h)| Op::Resize(w, h)),
        2 => (1u16..=220, 1u16..=70).prop_map(|(w, h)| Op::Draw(w, h)),
        5 => (any::<usize>(), proptest::bool::weighted(0.25)).prop_map(|(i, f)| Op::Answer(i, f)),
    ]
}

proptest! {
    #![proptest_config(fuzz::config(24))]

    #[test]
    fn prop_pictures_in_the_reader_never_panic(
        ops in proptest::collection::vec(op(), 1..40),
        max_rows in 1u16..=30,
    ) {
        let picker = fixed_picker(ProtocolType::Halfblocks);
        let bytes = png(120, 80);
        let mut prepared: HashMap<(u16, u16), Shown> = HashMap::new();
        let (mut s, fx) = open_with_pictures(100, 30, max_rows);
        let mut pending: Vec<Effect> = fx;
        let mut size = (100, 30);
        for op in ops {
            let fx = match op {
                Op::Key(c) => update(&mut s, Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))),
                Op::Resize(w, h) => {
                    size = (w, h);
                    update(&mut s, Msg::Resize { width: w, height: h })
                }
                Op::Draw(w, h) => {
                    size = (w, h);
                    Vec::new()
                }
                Op::Answer(i, fail) if !pending.is_empty() => {
                    match pending.remove(i % pending.len()) {
                        Effect::LoadPicture { req, index, cols, rows, .. } => {
                            let shown = (!fail).then(|| {
                                prepared
                                    .entry((cols, rows))
                                    .or_insert_with(|| {
                                        let p = docbao::picture::draw::prepare(&picker, &bytes, cols, rows).unwrap();
                                        Shown(Arc::new(p))
                                    })
                                    .clone()
                            });
                            update(&mut s, Msg::PictureReady { req, index, shown })
                        }
                        e @ Effect::RenderBody { .. } => answer_renders(&mut s, vec![e]),
                        _ => Vec::new(),
                    }
                }
                Op::Answer(..) => Vec::new(),
            };
            pending.extend(fx.into_iter().filter(|e| *e != Effect::Quit));
            if let Some(r) = s.reader.as_ref() {
                // A move within the text stays within the text and its pictures.
                let mut moved = s.clone();
                update(&mut moved, Msg::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)));
                if let Some(m) = moved.reader.as_ref().filter(|m| m.pictures.viewer.is_none()) {
                    prop_assert!(m.scroll <= docbao::app::reader::max_scroll(&moved).max(r.scroll));
                }
                if let (Some(v), Some(b)) = (r.pictures.viewer.as_ref(), r.body.as_ref()) {
                    prop_assert!(v.index < b.placed.images.len());
                }
            }
            let b = crate::tui_sizes::draw_at(&s, size.0, size.1);
            for cell in &b.content {
                prop_assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "a control in a cell: {:?}", cell.symbol()
                );
            }
            if s.quit {
                return Ok(());
            }
        }
    }
}
