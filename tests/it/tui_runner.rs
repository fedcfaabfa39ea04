//! The runner's side of a storm: a burst of terminal events is coalesced before one frame,
//! and a burst of resizes asks for one body render per width at most.
use crate::tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use docbao::app::{Effect, Msg, update};
use docbao::i18n::Lang;
use docbao::runtime::events::coalesce;
use tui_fixture::*;

fn resize(width: u16, height: u16) -> Msg {
    Msg::Resize { width, height }
}

fn renders(fx: &[Effect]) -> Vec<u16> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::RenderBody { width, .. } => Some(*width),
            _ => None,
        })
        .collect()
}

/// Dragging the window edge: fifty resizes across three widths become the last one; a key
/// between resizes keeps its place (it acts at the size it was pressed at).
#[test]
fn a_burst_of_resizes_is_one_resize() {
    let burst: Vec<Msg> = (0..50).map(|i| resize(60 + (i % 3) * 10, 20 + i)).collect();
    assert_eq!(coalesce(burst), vec![resize(70, 69)]);
    let j = Msg::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    let mixed = vec![
        resize(60, 20),
        resize(61, 20),
        j.clone(),
        resize(90, 30),
        resize(91, 30),
    ];
    assert_eq!(coalesce(mixed), vec![resize(61, 20), j, resize(91, 30)]);
    assert_eq!(
        coalesce(vec![Msg::Tick, Msg::Tick, Msg::Tick]),
        vec![Msg::Tick]
    );
}

/// The same burst reaching `update` uncoalesced: one render per width the reader's text
/// takes, none for a height alone or for the width already asked for.
#[test]
fn a_burst_of_resize_events_renders_once_per_width() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let fx = open_first(&mut s, true);
    assert_eq!(renders(&fx), vec![78]);
    let req = fx.iter().find_map(|e| match e {
        Effect::RenderBody { req, .. } => Some(*req),
        _ => None,
    });
    update(
        &mut s,
        Msg::BodyRendered {
            req: req.unwrap(),
            body: body(78, 100),
        },
    );
    let mut asked = Vec::new();
    for (w, h) in [
        (80, 30),
        (80, 40),
        (60, 40),
        (60, 10),
        (60, 12),
        (80, 12),
        (80, 24),
    ] {
        asked.extend(renders(&update(&mut s, resize(w, h))));
    }
    // Not 58 again for each height while its render runs; 78 again only because 58
    // replaced it (the body on screen is 78 wide, but the newest job is 58).
    assert_eq!(asked, vec![58, 78]);
    // Coalesced as the runner does it, the whole burst asks for nothing new.
    let burst = [(60, 40), (70, 30), (80, 24)].map(|(w, h)| resize(w, h));
    let mut asked = Vec::new();
    for m in coalesce(burst.to_vec()) {
        asked.extend(renders(&update(&mut s, m)));
    }
    assert_eq!(asked, Vec::<u16>::new());
}
