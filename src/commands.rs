//! The headless commands: each takes parsed arguments, the config and the store.
