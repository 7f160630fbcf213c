//! Terminal setup and restore (raw mode, alternate screen, mouse, cursor, bidi mode).
//!
//! `restore` is also called by the panic hook, so it only uses process-wide state and is safe
//! to call more than once or when the terminal was never set up.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

pub(crate) type Term = Terminal<CrosstermBackend<Stdout>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static BIDI_EXPLICIT: AtomicBool = AtomicBool::new(false);
/// Set by `suspend` when it took the terminal back after a stop (see `resume`).
static RETAKEN: AtomicBool = AtomicBool::new(false);

/// terminal-wg BiDi: explicit mode (the terminal must not reorder; akhbar does).
const BDSM_EXPLICIT: &[u8] = b"\x1b[8l";
/// Back to implicit mode (the terminal's default).
const BDSM_IMPLICIT: &[u8] = b"\x1b[8h";

/// Raw mode, alternate screen, mouse; `bidi_explicit` when akhbar reorders (bidi = app).
/// On failure the terminal is left as it was found.
pub(crate) fn setup(bidi_explicit: bool) -> std::io::Result<Term> {
    let result = (|| {
        take_over(bidi_explicit)?;
        Terminal::new(CrosstermBackend::new(stdout()))
    })();
    if result.is_err() {
        restore();
    }
    result
}

/// False once `restore` ran — e.g. from the panic hook after a worker thread panicked.
pub(crate) fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Switch the terminal's bidi mode (the `B` key cycles who reorders).
pub(crate) fn set_bidi_explicit(explicit: bool) {
    let mut out = stdout();
    let _ = out.write_all(if explicit {
        BDSM_EXPLICIT
    } else {
        BDSM_IMPLICIT
    });
    let _ = out.flush();
    BIDI_EXPLICIT.store(explicit, Ordering::SeqCst);
}

/// Put the terminal back the way we found it; safe to call more than once or when never set up.
pub(crate) fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    if BIDI_EXPLICIT.load(Ordering::SeqCst) {
        let _ = out.write_all(BDSM_IMPLICIT);
    }
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop, and take it again on `fg`.
pub(crate) fn suspend(term: &mut Term) -> std::io::Result<()> {
    let explicit = BIDI_EXPLICIT.load(Ordering::SeqCst);
    restore();
    super::signals::stop()?;
    take_over(explicit)?;
    // The SIGCONT that woke us comes next as a message: the terminal is ours already.
    RETAKEN.store(true, Ordering::SeqCst);
    redraw_all(term)
}

/// SIGCONT: continued after a stop. After our own stop (`suspend`) the terminal is ours
/// already; after any other (SIGSTOP, a debugger) the shell may have put the tty back in cooked
/// mode and drawn on the screen meanwhile, so it is given back and taken again, and cleared for
/// a whole redraw.
pub(crate) fn resume(term: &mut Term) -> std::io::Result<()> {
    if RETAKEN.swap(false, Ordering::SeqCst) || !is_active() {
        return Ok(());
    }
    let explicit = BIDI_EXPLICIT.load(Ordering::SeqCst);
    restore();
    take_over(explicit)?;
    redraw_all(term)
}

/// Clear the screen and make the next frame draw every cell, at the terminal's size now (it
/// may have changed meanwhile). Not `Terminal::clear`: it asks the terminal where the cursor
/// is and waits for the answer on stdin, where the event reader takes it first — after two
/// seconds it fails without having cleared anything, and the screen stayed blank.
fn redraw_all(term: &mut Term) -> std::io::Result<()> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Raw mode, alternate screen, mouse, hidden cursor, and the bidi mode: the terminal is ours.
fn take_over(bidi_explicit: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    set_bidi_explicit(bidi_explicit);
    Ok(())
}

/// OSC 52: put `text` on the clipboard through the terminal (works over ssh and in tmux with
/// `set-clipboard on`).
pub(crate) fn copy_osc52(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// The real terminal, as the event loop uses it. Dropping it gives the terminal back, on every
/// way out of the reader (an error returned early included).
pub(crate) struct Console {
    term: Term,
}

impl Drop for Console {
    fn drop(&mut self) {
        restore();
    }
}

impl Console {
    /// Take the terminal (see `setup`).
    pub(crate) fn setup(bidi_explicit: bool) -> std::io::Result<Console> {
        Ok(Console {
            term: setup(bidi_explicit)?,
        })
    }

    pub(crate) fn size(&self) -> std::io::Result<ratatui::layout::Size> {
        self.term.size()
    }
}

impl super::run::Screen for Console {
    fn draw(&mut self, state: &super::state::State) -> std::io::Result<()> {
        self.term.draw(|f| super::ui::draw(f, state)).map(|_| ())
    }

    fn copy(&mut self, text: &str) -> std::io::Result<()> {
        copy_osc52(text)
    }

    fn set_bidi_explicit(&mut self, explicit: bool) {
        set_bidi_explicit(explicit);
    }

    fn suspend(&mut self) -> std::io::Result<()> {
        suspend(&mut self.term)
    }

    fn resume(&mut self) -> std::io::Result<()> {
        resume(&mut self.term)
    }

    fn is_active(&self) -> bool {
        is_active()
    }
}
