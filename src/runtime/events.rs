//! Terminal events as messages, and a burst of them made into as few as mean the same:
//! of consecutive resizes only the last counts (the window's final size), so dragging the
//! window edge asks for one layout and one body render, not one per step.
use crate::app::Msg;
use crate::app::state::Pane;
use crate::view::ViewState;
use crossterm::event::{Event, MouseButton, MouseEventKind};

/// A terminal event as a message; mouse positions go through the last frame's layout.
pub fn event_msg(ev: Event, focus: Pane, vs: &ViewState) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Paste(p) => Some(Msg::Paste(p)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        Event::Mouse(m) => {
            let pane = vs.pane_at(m.column, m.row).unwrap_or(focus);
            match m.kind {
                MouseEventKind::ScrollDown => Some(Msg::Wheel { pane, delta: 1 }),
                MouseEventKind::ScrollUp => Some(Msg::Wheel { pane, delta: -1 }),
                MouseEventKind::Down(MouseButton::Left) => vs
                    .hit(m.column, m.row)
                    .map(|(pane, index)| Msg::Click { pane, index }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `msgs` in order, without a resize that another resize follows at once, and with one
/// spinner tick however many came.
pub fn coalesce(msgs: Vec<Msg>) -> Vec<Msg> {
    let mut out: Vec<Msg> = Vec::with_capacity(msgs.len());
    let mut ticked = false;
    for m in msgs {
        match (&m, out.last()) {
            (Msg::Resize { .. }, Some(Msg::Resize { .. })) => {
                out.pop();
            }
            (Msg::Tick, _) if ticked => continue,
            (Msg::Tick, _) => ticked = true,
            _ => {}
        }
        out.push(m);
    }
    out
}
