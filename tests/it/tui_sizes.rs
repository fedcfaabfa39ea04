//! Every frame fits the terminal it is drawn on: the frame's own size decides the layout,
//! even when the state has not heard of a resize yet (the terminal shrinks between a key
//! and its frame), at every size from 1x1 up.
use crate::tui_fixture;

use crossterm::event::KeyCode;
use docbao::app::state::{Pane, State};
use docbao::app::{Effect, Msg, update};
use docbao::i18n::Lang;
use docbao::theme::Theme;
use docbao::view::{self, ViewState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tui_fixture::*;

/// Draws `state` on a terminal of `w`x`h`, whatever size the state last heard of.
pub fn draw_at(state: &State, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut vs = ViewState::default();
    term.draw(|f| view::render(state, &Theme::default(), &mut vs, f))
        .unwrap();
    term.backend().buffer().clone()
}

/// A feed of 60 articles, its list open at 80x24.
fn sixty_articles() -> State {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    let f = feeds();
    let rows = (0..60)
        .map(|i| {
            article(
                100 + i,
                &f[0],
                &format!("Tin số {i}: {LONG_TITLE}"),
                i,
                false,
                0,
                false,
            )
        })
        .collect();
    let req = s.articles.req;
    update(&mut s, Msg::ArticlesLoaded { req, rows });
    s
}

/// Opens the selected article and answers its loads (detail, then the body at the
/// width asked for).
fn open_with_body(s: &mut State) {
    let fx = code(s, KeyCode::Enter);
    let req = detail_req(&fx).unwrap();
    let d = detail(&s.reader.as_ref().unwrap().row);
    let fx = update(
        s,
        Msg::DetailLoaded {
            req,
            detail: Box::new(d),
        },
    );
    answer_renders(s, &fx);
}

fn answer_renders(s: &mut State, fx: &[Effect]) {
    for e in fx {
        if let Effect::RenderBody { req, width, .. } = e {
            update(
                s,
                Msg::BodyRendered {
                    req: *req,
                    body: body(*width, 300),
                },
            );
        }
    }
}

/// Issue 7, finding 1: Enter, fifteen j, and the window shrinks to 80x9 before the resize
/// event arrives. The frame drawn then is 80x9.
#[test]
fn the_reader_drawn_on_a_terminal_that_just_shrank() {
    let mut s = sixty_articles();
    code(&mut s, KeyCode::Enter);
    open_with_body(&mut s);
    assert_eq!(s.focus, Pane::Reader);
    for _ in 0..15 {
        ch(&mut s, 'j');
    }
    let b = draw_at(&s, 80, 9);
    let screen: String = b.content.iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("quá nhỏ (80x9"), "{screen}");
    // One row taller is a reader again: the text fits the frame, not the old 24 rows.
    let b = draw_at(&s, 80, 10);
    let screen: String = b.content.iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("dòng"), "{screen}");
    // Then the event comes; and the same with the list and the feeds.
    update(
        &mut s,
        Msg::Resize {
            width: 80,
            height: 9,
        },
    );
    draw_at(&s, 80, 9);
    code(&mut s, KeyCode::Esc);
    draw_at(&s, 80, 3);
    code(&mut s, KeyCode::Esc);
    draw_at(&s, 20, 1);
}

/// Each screen at every size from 1x1 to 40x14, and around every layout threshold up to
/// 125x35, with the state at another size.
#[test]
fn every_screen_at_every_size() {
    let mut screens = Vec::new();
    let mut s = sixty_articles();
    screens.push(s.clone());
    code(&mut s, KeyCode::Enter);
    for _ in 0..40 {
        ch(&mut s, 'j');
    }
    screens.push(s.clone());
    open_with_body(&mut s);
    for _ in 0..100 {
        ch(&mut s, 'j');
    }
    screens.push(s.clone());
    let mut wide = s.clone();
    update(
        &mut wide,
        Msg::Resize {
            width: 160,
            height: 50,
        },
    );
    screens.push(wide);
    ch(&mut s, '?');
    ch(&mut s, 'G');
    screens.push(s.clone());
    code(&mut s, KeyCode::Esc);
    ch(&mut s, '/');
    for c in "đường sắt".chars() {
        ch(&mut s, c);
    }
    let q = s.search.as_mut().unwrap();
    q.rows = s.articles.rows.clone();
    q.sel = 50;
    screens.push(s.clone());
    let widths: Vec<u16> = (1..=40)
        .chain([
            45, 60, 79, 80, 81, 99, 100, 101, 102, 103, 119, 120, 121, 125,
        ])
        .collect();
    let heights: Vec<u16> = (1..=14).chain([20, 24, 35]).collect();
    for state in &screens {
        for &w in &widths {
            for &h in &heights {
                let b = draw_at(state, w, h);
                assert_eq!(b.area.width, w);
            }
        }
    }
}

/// Keys and resizes interleaved, each frame drawn at the newest size the terminal has
/// (which the state may not know yet).
#[test]
fn keys_and_resizes_interleaved() {
    let mut s = sixty_articles();
    code(&mut s, KeyCode::Enter);
    open_with_body(&mut s);
    // Each frame is drawn at the next size before the state hears of it: most of them
    // shrink the height of a reader on screen.
    let sizes = [
        (80, 12),
        (100, 40),
        (60, 10),
        (130, 50),
        (120, 11),
        (40, 30),
        (31, 10),
        (1, 1),
        (80, 24),
        (80, 9),
    ];
    let keys = ['j', 'G', 'k', 'g', ' ', 'b', 't', 'j'];
    for (i, &(w, h)) in sizes.iter().cycle().take(40).enumerate() {
        let key = keys[i % keys.len()];
        let fx = ch(&mut s, key);
        answer_renders(&mut s, &fx);
        draw_at(&s, w, h);
        let fx = update(
            &mut s,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        answer_renders(&mut s, &fx);
        draw_at(&s, w, h);
    }
}
