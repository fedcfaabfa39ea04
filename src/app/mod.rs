//! TUI state and its pure `update(&mut State, Msg) -> Vec<Effect>`.
