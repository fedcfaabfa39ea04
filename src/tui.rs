//! Terminal guard: raw mode and the alternate screen, restored on drop and on panic.
