//! Refresh on a timer (`refresh_interval`): when the timer refreshes and when it does not,
//! what the status bar says of what arrived, and `notify_command` run for real (no shell of
//! ours, bounded in time) with the count and the new titles.
use crate::store_support::{feed_of, news, no_validators, temp_store};
use crate::tui_fixture;

use docbao::app::state::Connectivity;
use docbao::app::{Effect, Msg, update};
use docbao::i18n::Lang;
use docbao::runtime::notify;
use docbao::store::{PreparedFeed, spawn};
use std::time::{Duration, Instant};
use tui_fixture::*;

#[test]
fn the_timer_refreshes_everything_unless_off_busy_or_offline_by_choice() {
    let mut s = loaded_state(Lang::Vi, 80, 24);
    // Off by default.
    assert!(update(&mut s, Msg::RefreshTimer).is_empty());
    s.refresh_interval = 15;
    assert_eq!(update(&mut s, Msg::RefreshTimer), vec![Effect::AutoRefresh]);
    assert!(s.status.refresh.is_some(), "the progress shows");
    // One at a time.
    assert!(update(&mut s, Msg::RefreshTimer).is_empty());
    update(
        &mut s,
        Msg::RefreshDone {
            ok: 6,
            failed: 0,
            new: 5,
            offline: false,
            error: None,
        },
    );
    update(
        &mut s,
        Msg::Arrived {
            count: 5,
            feeds: vec![("Tuổi Trẻ".into(), 3), ("VnExpress".into(), 2)],
        },
    );
    assert_eq!(
        s.status.message.as_deref(),
        Some("5 bài mới: Tuổi Trẻ 3, VnExpress 2")
    );
    let (screen, _) = draw(&s);
    assert!(
        screen
            .lines()
            .last()
            .unwrap()
            .contains("5 bài mới: Tuổi Trẻ 3"),
        "{screen}"
    );
    // The network lost: the next tick tries again; offline by choice: never.
    s.connectivity = Connectivity::Lost;
    assert_eq!(update(&mut s, Msg::RefreshTimer), vec![Effect::AutoRefresh]);
    s.status.refresh = None;
    s.connectivity = Connectivity::Forced;
    assert!(update(&mut s, Msg::RefreshTimer).is_empty());
}

#[test]
fn notify_command_gets_the_count_and_the_new_titles() {
    let (dir, _path, mut store) = temp_store();
    let (feed, _) = store.add_feed("http://127.0.0.1/rss", None, None).unwrap();
    let old = feed_of(vec![news("c1", "Tin cũ", "2026-05-01T08:00:00Z", "cũ")]);
    let now = chrono::Utc::now();
    store
        .save_prepared(feed, PreparedFeed::new(old), &no_validators(), now)
        .unwrap();
    let before = store.newest_article_id().unwrap();
    let new = feed_of(vec![
        news("m1", "Mưa lớn ở miền Trung", "2026-05-01T09:00:00Z", "mới"),
        news(
            "m2",
            "Giá vàng\u{1b}[2J tăng",
            "2026-05-01T10:00:00Z",
            "mới",
        ),
    ]);
    store
        .save_prepared(feed, PreparedFeed::new(new), &no_validators(), now)
        .unwrap();
    let handle = spawn(store);
    let out = dir.path().join("args.txt");
    // The user's program: here a shell they chose, writing its arguments one a line.
    let command = vec![
        "sh".to_string(),
        "-c".to_string(),
        format!("printf '%s\\n' \"$@\" > '{}'", out.display()),
        "sh".to_string(),
    ];
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(notify::report(
        &tx,
        &handle,
        &notify::Arrivals::default(),
        before,
        2,
        &command,
    ));
    assert!(matches!(rx.try_recv(), Ok(Msg::Arrived { count: 2, .. })));
    let args = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        ["2", "Mưa lớn ở miền Trung", "Giá vàng tăng"],
        "the count, then the new titles only, cleaned"
    );
}

#[test]
fn a_notify_command_that_hangs_is_stopped() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let start = Instant::now();
    let command = vec!["sleep".to_string(), "30".to_string()];
    let r = rt.block_on(notify::run(&command, 1, &[], Duration::from_millis(300)));
    assert!(r.is_err());
    assert!(start.elapsed() < Duration::from_secs(10));
    // A program that does not exist: an error, not a panic.
    let missing = vec!["/nonexistent/docbao-notify".to_string()];
    assert!(
        rt.block_on(notify::run(&missing, 1, &[], Duration::from_secs(1)))
            .is_err()
    );
}
