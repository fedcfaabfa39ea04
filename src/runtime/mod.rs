//! The effect runner: the only place that spawns tasks; owns the store thread, the HTTP
//! client and the terminal. It turns terminal events into [`Msg`]s, feeds them to
//! [`update`], runs the returned [`Effect`](crate::app::Effect)s and draws when something
//! changed: events that arrive together are drained and coalesced ([`events::coalesce`])
//! before one frame, and frames come at most every [`FRAME`].
pub mod body;
pub mod clipboard;
pub mod detect;
pub mod events;
pub mod latest;
pub mod logging;
pub mod manage;
pub mod notify;
pub mod pace;
pub mod pages;
pub mod pictures;
mod refresh_task;
pub mod runner;

use crate::app::Problem;
use crate::app::keymap::KeyMap;
use crate::app::state::{Connectivity, State};
use crate::app::{Msg, update};
use crate::commands::Ctx;
use crate::i18n::T;
use crate::store::Store;
use crate::theme::{Theme, no_color_from_env};
use crate::view::{self, ViewState};
use anyhow::Context;
use chrono::{Local, Utc};
use crossterm::event::EventStream;
use futures_util::StreamExt;
use runner::Runner;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, MissedTickBehavior};

/// The shortest time between two frames: a storm of keys or resizes is drawn at most this
/// often (the first key after a pause is drawn at once).
pub const FRAME: Duration = Duration::from_millis(10);

/// Opens the reader (the TUI) on the cache of `ctx`.
pub fn run(ctx: Ctx) -> anyhow::Result<()> {
    std::fs::create_dir_all(&ctx.data_dir)
        .with_context(|| format!("cannot create {}", ctx.data_dir.display()))?;
    // A read-only data dir has no log, and the reader still reads.
    let logged = logging::init(&ctx.data_dir);
    // Config errors are said before the terminal changes.
    let keymap = KeyMap::from_config(&ctx.config.keys)?;
    let theme = Theme::new(
        &ctx.config.theme,
        no_color_from_env(std::env::var_os("NO_COLOR").as_deref()),
    )?;
    let store = ctx.open_store_to_read()?;
    if let Err(e) = logged
        && !store.read_only()
    {
        return Err(e).context("cannot open the log file");
    }
    let read_only = store.read_only();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let mut state = State::new(ctx.lang, Utc::now());
    state.keymap = keymap;
    state.rating_style = ctx.config.rating_style;
    state.refresh_on_start = ctx.config.refresh_on_start;
    state.mark_story_read = ctx.config.mark_story_read;
    state.osc52 = ctx.config.osc52;
    state.save_dir = directories::UserDirs::new()
        .and_then(|d| d.download_dir().map(std::path::Path::to_path_buf))
        .filter(|d| d.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    state.refresh_interval = ctx.config.refresh_interval;
    state.tz = *Local::now().offset();
    // Nothing fetched could be kept: no network, and the status bar says why.
    if ctx.offline || read_only {
        state.connectivity = Connectivity::Forced;
    }
    if read_only {
        state.status.error = Some(Problem::Said(T::ReadOnlyCache));
    }
    tracing::info!(offline = ctx.offline, "reader starts");
    let result = rt.block_on(event_loop(ctx, store, state, theme));
    rt.shutdown_timeout(Duration::from_millis(200));
    result
}

/// The first frame comes from the cache; then events, results and timers drive it.
async fn event_loop(ctx: Ctx, store: Store, mut state: State, theme: Theme) -> anyhow::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut runner = Runner::new(&ctx, store, tx.clone())?;
    let mut guard = crate::tui::TerminalGuard::enter().context("cannot set up the terminal")?;
    // Asked once, in raw mode, before anything reads the terminal's events, and before the
    // first frame: nobody types at a blank screen, and a key typed during the wait (at most
    // 200 ms, a silent terminal) would be read as part of the answer and lost.
    let drawing = detect::drawing(ctx.config.images);
    if let Some(picker) = crate::picture::detect::picker(drawing, detect::in_tmux()) {
        state.pictures = Some(crate::app::pictures::PictureConf {
            max_rows: ctx.config.image_max_rows,
        });
        runner.draw_pictures(picker)?;
    }
    let size = guard.terminal.size()?;
    update(
        &mut state,
        Msg::Resize {
            width: size.width,
            height: size.height,
        },
    );
    // First frame: feeds and the first list straight from the cache, before any network.
    let first = runner.first_load(&mut state);
    let mut vs = ViewState::default();
    guard
        .terminal
        .draw(|f| view::render(&state, &theme, &mut vs, f))?;
    runner.connect(ctx.offline)?;
    runner.run_all(first);
    // The start-up refresh (`refresh_on_start`) is update's decision.
    runner.run_all(update(&mut state, Msg::Ready));
    let mut events = EventStream::new();
    let mut clock = tokio::time::interval(Duration::from_secs(30));
    clock.tick().await;
    let mut spinner = tokio::time::interval(Duration::from_millis(120));
    // Ticks missed while idle are not made up in a burst.
    spinner.set_missed_tick_behavior(MissedTickBehavior::Skip);
    clock.set_missed_tick_behavior(MissedTickBehavior::Skip);
    // `refresh_interval`: the first one a full interval after the start.
    let every = Duration::from_secs(60 * u64::from(state.refresh_interval.max(1)));
    let mut auto = tokio::time::interval_at(Instant::now() + every, every);
    auto.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let timed = state.refresh_interval > 0;
    let mut dirty = true;
    let mut pacer = pace::Pacer::new(FRAME);
    let mut ended = false;
    while !ended {
        // Drawn on change only, and at most once per FRAME.
        if dirty && pacer.ready(std::time::Instant::now()) {
            guard
                .terminal
                .draw(|f| view::render(&state, &theme, &mut vs, f))?;
            dirty = false;
            pacer.drawn(std::time::Instant::now());
        }
        let frame_due = pacer.next().map_or_else(Instant::now, Instant::from_std);
        let ticking = state.busy();
        let mut batch = Vec::new();
        tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => batch.extend(events::event_msg(ev, state.focus, &vs)),
                Some(Err(e)) => return Err(e).context("reading the terminal"),
                None => ended = true,
            },
            Some(m) = rx.recv() => batch.push(m),
            _ = clock.tick() => batch.push(Msg::Clock(Utc::now())),
            _ = spinner.tick(), if ticking => batch.push(Msg::Tick),
            _ = auto.tick(), if timed => batch.push(Msg::RefreshTimer),
            _ = tokio::time::sleep_until(frame_due), if dirty => {}
        }
        // Everything already waiting goes into the same frame. Not through the stream with
        // `now_or_never`: crossterm's stream keeps the waker of the poll that found nothing,
        // and a no-op waker there left the next key unseen until a timer woke the loop.
        while crossterm::event::poll(Duration::ZERO).context("reading the terminal")? {
            let ev = crossterm::event::read().context("reading the terminal")?;
            batch.extend(events::event_msg(ev, state.focus, &vs));
        }
        while let Ok(m) = rx.try_recv() {
            batch.push(m);
        }
        for m in events::coalesce(batch) {
            dirty = true;
            let fx = update(&mut state, m);
            runner.run_all(fx);
        }
        if state.quit {
            break;
        }
    }
    runner.shutdown();
    drop(guard);
    tracing::info!("reader quits");
    Ok(())
}
