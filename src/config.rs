//! `config.toml`: serde with defaults in code; unknown keys and bad values are errors that
//! name the key and line.
