//! docbao ("đọc báo"): a terminal news reader. Every module is public so that `tests/` and
//! `benches/` can reach it; `main.rs` is a thin shell over [`commands`] and [`runtime`].
//!
//! Module map:
//! - [`text`]: the Vietnamese-safe text pipeline (decode, NFC, sanitize, fold, wrap, collate, dates).
//! - [`net`]: the HTTP client with limits, conditional GET and per-host concurrency.
//! - [`feed`]: domain types, feed parsing (with repairs) and OPML.
//! - [`store`]: the SQLite cache (schema, queries, FTS5 search) and its owner thread.
//! - [`refresh`]: fetching many feeds concurrently into the store.
//! - [`article`]: full-article extraction, metadata and rendering.
//! - [`picture`]: the article's pictures: which, fetched within limits, decoded safely, cached.
//! - [`config`], [`cli`], [`commands`]: configuration and the headless commands.
//! - [`app`], [`view`], [`runtime`], [`tui`]: the TUI (pure update, pure view, effect runner);
//!   [`layout`] (pure geometry) and [`theme`] (colours) sit below both `app` and `view`.
pub mod app;
pub mod arrival;
pub mod article;
pub mod assets;
pub mod cli;
pub mod commands;
pub mod config;
pub mod feed;
pub mod files;
pub mod i18n;
pub mod layout;
pub mod net;
pub mod picture;
pub mod refresh;
pub mod runtime;
pub mod store;
pub mod sync;
pub mod text;
pub mod theme;
pub mod tui;
pub mod view;
