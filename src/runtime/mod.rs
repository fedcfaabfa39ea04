//! The effect runner: the only place that spawns tasks; owns the store thread, the HTTP
//! client and the terminal. It turns terminal events into [`Msg`]s, feeds them to
//! [`update`], runs the returned [`Effect`]s and draws when something changed.
pub mod body;
pub mod db;
pub mod logging;
mod runner;

use crate::app::action::Action;
use crate::app::keymap::KeyMap;
use crate::app::state::{Connectivity, State};
use crate::app::{Msg, update};
use crate::commands::Ctx;
use crate::i18n::{T, tr};
use crate::store::Store;
use crate::view::theme::{Theme, no_color_from_env};
use crate::view::{self, ViewState};
use anyhow::Context;
use chrono::{Local, Utc};
use crossterm::event::{Event, EventStream, MouseButton, MouseEventKind};
use futures_util::StreamExt;
use runner::Runner;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

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
    state.theme = theme;
    state.rating_style = ctx.config.rating_style;
    state.tz = *Local::now().offset();
    // Nothing fetched could be kept: no network, and the status bar says why.
    if ctx.offline || read_only {
        state.connectivity = Connectivity::Forced;
    }
    if read_only {
        state.status.error = Some(tr(ctx.lang, T::ReadOnlyCache).to_owned());
    }
    tracing::info!(offline = ctx.offline, "reader starts");
    let result = rt.block_on(event_loop(ctx, store, state));
    rt.shutdown_timeout(Duration::from_millis(200));
    result
}

/// The first frame comes from the cache; then events, results and timers drive it.
async fn event_loop(ctx: Ctx, store: Store, mut state: State) -> anyhow::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut runner = Runner::new(&ctx, store, tx.clone());
    let mut guard = crate::tui::TerminalGuard::enter().context("cannot set up the terminal")?;
    let size = guard.terminal.size()?;
    state.width = size.width;
    state.height = size.height;
    // First frame: feeds and the first list straight from the cache, before any network.
    let first = runner.first_load(&mut state);
    let mut vs = ViewState::default();
    guard.terminal.draw(|f| view::render(&state, &mut vs, f))?;
    runner.connect(ctx.offline)?;
    for fx in first {
        runner.run(fx);
    }
    if ctx.config.refresh_on_start
        && state.connectivity == Connectivity::Online
        && !state.feeds.is_empty()
    {
        let mut fx = Vec::new();
        crate::app::keys::on_action(&mut state, Action::RefreshAll, &mut fx);
        runner.run_all(fx);
    }
    let mut events = EventStream::new();
    let mut clock = tokio::time::interval(Duration::from_secs(30));
    clock.tick().await;
    let mut spinner = tokio::time::interval(Duration::from_millis(120));
    // Ticks missed while idle are not made up in a burst.
    spinner.set_missed_tick_behavior(MissedTickBehavior::Skip);
    clock.set_missed_tick_behavior(MissedTickBehavior::Skip);
    // Drawn on change only: after messages, never for ignored events (mouse motion).
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|f| view::render(&state, &mut vs, f))?;
            dirty = false;
        }
        let ticking = state.busy();
        let msg = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => match event_msg(ev, &state, &vs) {
                    Some(m) => m,
                    None => continue,
                },
                Some(Err(e)) => return Err(e).context("reading the terminal"),
                None => break,
            },
            Some(m) = rx.recv() => m,
            _ = clock.tick() => Msg::Clock(Utc::now()),
            _ = spinner.tick(), if ticking => Msg::Tick,
        };
        let mut batch = vec![msg];
        // Everything already waiting goes into the same frame.
        while let Ok(m) = rx.try_recv() {
            batch.push(m);
        }
        for m in batch {
            let fx = update(&mut state, m);
            runner.run_all(fx);
        }
        dirty = true;
        if state.quit {
            break;
        }
    }
    runner.shutdown();
    drop(guard);
    tracing::info!("reader quits");
    Ok(())
}

/// A terminal event as a message; mouse positions go through the last frame's layout.
fn event_msg(ev: Event, state: &State, vs: &ViewState) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Paste(p) => Some(Msg::Paste(p)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        Event::Mouse(m) => {
            let pane = vs.pane_at(m.column, m.row).unwrap_or(state.focus);
            match m.kind {
                MouseEventKind::ScrollDown => Some(Msg::Wheel { pane, delta: 1 }),
                MouseEventKind::ScrollUp => Some(Msg::Wheel { pane, delta: -1 }),
                MouseEventKind::Down(MouseButton::Left) => vs
                    .hit(m.column, m.row)
                    .map(|(pane, index)| Msg::Click { pane, index }),
                _ => None,
            }
        }
        _ => None,
    }
}
