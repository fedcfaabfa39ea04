//! The integration tests, one binary: each module is one area (the names say which), and the
//! support modules are shared by all of them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot go on fails, with the line that stopped it"
)]

mod cli_common;
mod fuzz;
mod greader_server;
mod picture_detect_props;
mod picture_fixtures;
mod refresh_common;
mod store_support;
mod support;
mod sync_common;
mod tui_fixture;

mod arch_imports;
mod arrival_props;
mod article_charset;
mod article_corpus;
mod article_fetch;
mod article_hostile;
mod article_kinds;
mod article_meta;
mod article_meta_props;
mod article_read;
mod article_render;
mod article_sites;
mod bench_stats;
mod cli_add;
mod cli_commands;
mod cli_crash;
mod cli_files;
mod cli_opml;
mod cli_pictures;
mod cli_reading;
mod cli_users;
mod config_files;
mod feed_assets;
mod feed_hostile;
mod feed_mutations;
mod feed_parse;
mod licenses;
mod net_fetch;
mod net_limits;
mod net_support;
mod opml_props;
mod prop_feed;
mod prop_html;
mod prop_text;
mod refresh_extras;
mod refresh_failures;
mod refresh_feeds;
mod shipped;
mod store_crash;
mod store_data;
mod store_file;
mod store_images;
mod store_reading;
mod store_readonly;
mod store_search;
mod store_stories;
mod sync_crash;
mod sync_fever;
mod sync_greader;
mod sync_offline;
mod sync_props;
mod sync_speed;
mod sync_tui;
mod text_decode;
mod text_vectors;
mod tui_e2e;
mod tui_e2e_manage;
mod tui_e2e_reading;
mod tui_manage;
mod tui_panic;
mod tui_pictures;
mod tui_pictures_e2e;
mod tui_pictures_props;
mod tui_pictures_runner;
mod tui_props;
mod tui_reading;
mod tui_reading_io;
mod tui_runner;
mod tui_sizes;
mod tui_snapshots;
mod tui_stories;
mod tui_timer;
mod tui_update;
mod tui_update_more;
mod tui_wake;
