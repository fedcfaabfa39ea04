//! Pure rendering of the TUI state, one file per screen.
