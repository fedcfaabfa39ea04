//! TUI state and its pure `update(&mut State, Msg) -> Vec<Effect>`: no I/O, no clock, no
//! async; tests call it directly.
//!
//! - [`state`]: the one state tree; [`msg`]: what happens; [`effect`]: what the runner does.
//! - One file per screen or concern, each owning its slice of the state and its update:
//!   [`feeds`], [`articles`], [`reader`], [`search`], [`help`], [`marks`] (ratings and read
//!   marks), [`refresh`]; [`input`] routes keys, mouse and paste to them.
//! - [`action`] and [`keymap`]: named actions and the `[keys]` config.
//!
//! Geometry comes from [`crate::layout`]; nothing here imports the view.
pub mod action;
pub mod articles;
pub mod effect;
pub mod feeds;
pub mod help;
pub mod input;
pub mod keymap;
pub mod marks;
pub mod msg;
pub mod reader;
pub mod refresh;
pub mod search;
pub mod state;

pub use effect::{BodyMode, Effect};
pub use marks::Saved;
pub use msg::Msg;
pub use reader::WrappedBody;
pub use state::{Pane, State};

/// Applies one message; returns what the runner must do. Only dispatches.
pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Key(k) => input::key(s, k, &mut fx),
        Msg::Paste(text) => input::paste(s, &text, &mut fx),
        Msg::Click { pane, index } => input::click(s, pane, index, &mut fx),
        Msg::Wheel { pane, delta } => input::wheel(s, pane, delta, &mut fx),
        Msg::Resize { width, height } => {
            s.width = width;
            s.height = height;
            reader::rewrap(s, &mut fx);
        }
        Msg::Ready => refresh::ready(s, &mut fx),
        Msg::Clock(now) => s.now = now,
        Msg::Tick => s.status.spinner = s.status.spinner.wrapping_add(1),
        Msg::FeedsLoaded(rows) => feeds::loaded(s, rows, &mut fx),
        Msg::ArticlesLoaded { req, rows } => articles::loaded(s, req, rows),
        Msg::DetailLoaded { req, detail } => reader::detail_loaded(s, req, *detail, &mut fx),
        Msg::BodyRendered { req, body } => reader::body_rendered(s, req, body),
        Msg::FullTextDone {
            req,
            id,
            result,
            offline,
        } => reader::full_text_done(s, req, id, result, offline, &mut fx),
        Msg::SearchDone { req, rows } => search::done(s, req, rows),
        Msg::Saved(saved) => marks::saved(s, saved, &mut fx),
        Msg::RefreshProgress { done, total } => s.status.refresh = Some((done, total)),
        Msg::RefreshDone {
            ok,
            failed,
            new,
            offline,
            error,
        } => refresh::done(s, (ok, failed, new), offline, error, &mut fx),
        Msg::Failed(e) => s.status.error = Some(e),
        Msg::BrowserOpened(r) => match r {
            Ok(()) => s.status.message = Some(i18n::tr(s.lang, i18n::T::OpenedBrowser).into()),
            Err(e) => s.status.error = Some(e),
        },
    }
    fx
}

use crate::i18n;

/// `pos` moved by `delta` within `0..len` (0 when empty).
fn step(pos: usize, delta: i32, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (pos as i64 + delta as i64).clamp(0, len as i64 - 1) as usize
}
