//! Terminal guard: raw mode, the alternate screen, mouse and bracketed paste, restored on
//! drop (normal exit and errors) and from the panic hook (before the message is printed).
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::thread::ThreadId;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the reader runs.
pub struct TerminalGuard {
    pub terminal: Term,
}

static HOOK: Once = Once::new();
/// The terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The thread that draws: only its panics end the reader.
static UI_THREAD: Mutex<Option<ThreadId>> = Mutex::new(None);

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        if let Ok(mut t) = UI_THREAD.lock() {
            *t = Some(std::thread::current().id());
        }
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut out = io::stdout();
        if let Err(e) = execute!(
            out,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        ) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen and raw mode, once: after the panic hook has restored the
/// terminal and printed the message, the guard's drop must not leave the alternate screen
/// again (that moves the cursor back up, and what follows overwrites the message).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// On a panic of the drawing thread: restore the terminal first, log the details, then
/// let the default hook print the message on the normal screen. A panic on another thread
/// while the reader runs (a worker whose panic is caught and becomes an error message) is
/// only logged: printing it would scribble over the screen.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A feed parser panic is caught and expected: no backtrace, no log, no cost.
            if crate::feed::parse::in_guarded_parse() {
                return;
            }
            let bt = std::backtrace::Backtrace::force_capture();
            tracing::error!("panic: {info}\n{bt}");
            let ui = UI_THREAD.lock().ok().and_then(|t| *t);
            let on_ui = ui == Some(std::thread::current().id());
            if ACTIVE.load(Ordering::SeqCst) && !on_ui {
                return;
            }
            restore();
            previous(info);
        }));
    });
}
