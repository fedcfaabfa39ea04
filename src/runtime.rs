//! The effect runner: the only place that spawns tasks; owns the client and store handle.
