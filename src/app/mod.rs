//! TUI state and its pure `update(&mut State, Msg) -> Vec<Effect>`.
//!
//! - [`state`]: the one state tree; [`msg`]: what happens; [`effect`]: what the runner does.
//! - [`action`] and [`keymap`]: named actions and the `[keys]` config.
//! - [`update`]: the only function that changes the state; no I/O, no clock.
pub mod action;
pub mod effect;
pub mod keymap;
pub mod keys;
pub mod msg;
pub mod state;
pub mod update;

pub use effect::{BodyMode, Effect};
pub use msg::{Msg, WrappedBody};
pub use state::{Pane, State};
pub use update::update;
