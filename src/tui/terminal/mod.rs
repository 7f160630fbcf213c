//! The terminal taken over and given back: raw mode, the alternate screen, mouse, cursor, and
//! what the terminal's class needs so that akhbar's right-to-left layout is shown as laid out
//! (docs/terminals.md). The bytes are decided by [`output::Plan`]; when they are sent —
//! setup, exit, signals, suspend — is the caller's.
//!
//! `restore` is also called by the panic hook and signal handlers, so it only uses
//! process-wide state and is safe to call more than once or when the terminal was never set up.

mod output;
mod probe;

use super::state::Found;
use crate::text::BidiMode;
use crate::text::terminal::{BdsmState, TerminalChoice, TerminalKind};
use crossterm::event::KeyEvent;
use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use output::{Output, Plan};
use ratatui::Terminal;
use std::io::{Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

pub(crate) type Term = Terminal<Output<Stdout>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The [`Plan`] in force, packed, for `restore` from anywhere.
static PLAN: AtomicU8 = AtomicU8::new(0);
/// How many SIGCONTs the terminal as taken now accounts for (`signals::continued`). Signals of
/// one kind that arrive before the loop reads them come as one message, so a flag set by our
/// own stop could swallow a SIGSTOP + SIGCONT that followed it; the count cannot.
static TAKEN_THROUGH: AtomicUsize = AtomicUsize::new(0);

/// What was found out about the terminal at take-over.
#[derive(Debug)]
pub(crate) struct Detected {
    pub(crate) kind: TerminalKind,
    /// How the class was chosen, for the log and the help.
    pub(crate) how: Found,
    /// The terminal's answer to DECRQM for mode 8.
    pub(crate) bdsm: Option<BdsmState>,
    /// Keys typed while the terminal was asked, in order.
    pub(crate) typed: Vec<KeyEvent>,
}

/// Raw mode, the class's take-over (see [`Plan::take_over`]), and a ratatui terminal whose
/// output suits the class. `choice` names the class or leaves it to detection: the terminal
/// is asked (DECRQM mode 8 + DA1, at most 200 ms) before anything is drawn. `bidi = off`
/// sends no mode change. On failure the terminal is left as it was found.
pub(crate) fn setup(choice: TerminalChoice, bidi: BidiMode) -> std::io::Result<(Term, Detected)> {
    let result = (|| {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        PLAN.store(0, Ordering::SeqCst);
        let answer = probe::ask(&mut stdout(), probe::WAIT)?;
        let env = |k: &str| std::env::var(k).ok();
        let kind = choice.resolve(&env, answer.bdsm);
        let how = match (choice.forced(), answer.answered) {
            (Some(_), _) => Found::Named,
            (None, true) => Found::Answered,
            (None, false) => Found::Unanswered,
        };
        let plan = Plan {
            kind,
            app: bidi == BidiMode::App,
            found: answer.bdsm,
        };
        PLAN.store(plan.pack(), Ordering::SeqCst);
        let mut output = Output::new(stdout(), plan);
        output.take_over()?;
        let term = Terminal::new(output)?;
        Ok((
            term,
            Detected {
                kind,
                how,
                bdsm: answer.bdsm,
                typed: answer.typed,
            },
        ))
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

/// Put the terminal back the way we found it; safe to call more than once, from a panic hook
/// or a signal's thread, or when it was never set up.
pub(crate) fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let plan = Plan::unpack(PLAN.load(Ordering::SeqCst));
    let mut out = stdout();
    let _ = out.write_all(plan.give_back().as_bytes());
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Take the terminal again after it was given back: raw mode, the class's take-over (VTE's
/// `CSI 8 l` before the alternate screen, Konsole's OSC 50 off…), a full redraw on the next
/// frame.
fn take_again(term: &mut Term) -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    PLAN.store(term.backend().plan().pack(), Ordering::SeqCst);
    term.backend_mut().take_over()?;
    redraw_all(term)
}

/// Clear the screen (through the output stage: VTE's mode is set again before the clear) and
/// make the next frame draw every cell, at the terminal's size now (it may have changed
/// meanwhile): `resize` clears whatever the size.
fn redraw_all(term: &mut Term) -> std::io::Result<()> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Switch between `bidi = app` (the terminal told not to reorder) and `off` (the terminal as
/// found) — the `B` key — and redraw everything.
pub(crate) fn set_bidi_app(term: &mut Term, app: bool) -> std::io::Result<()> {
    term.backend_mut().set_app(app)?;
    PLAN.store(term.backend().plan().pack(), Ordering::SeqCst);
    term.clear()
}

/// Ctrl-Z or SIGTSTP: give the terminal back (what was found restored), stop, and take it
/// again on `fg`.
pub(crate) fn suspend(term: &mut Term) -> std::io::Result<()> {
    let before = super::signals::continued();
    restore();
    super::signals::stop()?;
    take_again(term)?;
    // The SIGCONT that woke us comes next as a message: the terminal is ours already.
    TAKEN_THROUGH.store(before + 1, Ordering::SeqCst);
    Ok(())
}

/// SIGCONT: continued after a stop. After our own stop (`suspend`) the terminal is ours
/// already; after any other (SIGSTOP, a debugger) the shell may have put the tty back in cooked
/// mode, reset the bidi mode and drawn on the screen meanwhile, so it is given back and taken
/// again, and cleared for a whole redraw.
pub(crate) fn resume(term: &mut Term) -> std::io::Result<()> {
    let now = super::signals::continued();
    if now <= TAKEN_THROUGH.load(Ordering::SeqCst) || !is_active() {
        return Ok(());
    }
    restore();
    take_again(term)?;
    TAKEN_THROUGH.store(now, Ordering::SeqCst);
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
    pub(crate) fn setup(
        choice: TerminalChoice,
        bidi: BidiMode,
    ) -> std::io::Result<(Console, Detected)> {
        let (term, detected) = setup(choice, bidi)?;
        Ok((Console { term }, detected))
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
        if let Err(e) = set_bidi_app(&mut self.term, explicit) {
            tracing::warn!("switching the terminal's bidi: {e}");
        }
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
