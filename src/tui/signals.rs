//! Signals, handled as vim and less handle them. SIGINT, SIGTERM and SIGHUP end the reader as
//! quit does (the marks on their way saved, the terminal given back), then end the process by
//! the same signal, so that the shell sees 130, 143 or 129. SIGTSTP gives the terminal back and
//! stops; SIGCONT takes it again. signal-hook turns them into messages for the event loop (a
//! thread waits for them); if the loop is stuck, the third ending signal gives the terminal back
//! and ends the process at once.

use super::action::{Msg, Signal};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// Ending signals received before the loop is taken to be stuck.
const PATIENCE: usize = 2;

/// SIGCONTs received, counted in the handler itself: the messages coalesce signals that come
/// before the loop reads them, and the terminal must know whether a stop followed its own.
static CONTINUED: AtomicUsize = AtomicUsize::new(0);

/// How many SIGCONTs have been received so far.
pub(crate) fn continued() -> usize {
    CONTINUED.load(Ordering::SeqCst)
}

/// From now on the signals come to the event loop as `Msg::Signal`.
pub(crate) fn forward(tx: UnboundedSender<Msg>) -> std::io::Result<()> {
    // SAFETY: the action only increments an atomic, which is async-signal-safe.
    unsafe {
        signal_hook::low_level::register(SIGCONT, || {
            CONTINUED.fetch_add(1, Ordering::SeqCst);
        })?;
    }
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("akhbar-signals".into())
        .spawn(move || {
            let mut ending = 0;
            for number in signals.forever() {
                let Some(signal) = from_number(number) else {
                    continue;
                };
                if matches!(signal, Signal::Stop | Signal::Continue) {
                    let _ = tx.send(Msg::Signal(signal));
                    continue;
                }
                ending += 1;
                if ending == 1 {
                    end_unless_ended(signal);
                }
                if ending > PATIENCE || tx.send(Msg::Signal(signal)).is_err() {
                    tracing::warn!("signal {number}: ending at once");
                    super::terminal::restore();
                    end_by(signal);
                }
            }
        })?;
    Ok(())
}

/// How long the event loop has to end by itself after an ending signal or a hang-up.
const GRACE: Duration = Duration::from_secs(5);

/// After an ending signal the loop saves the marks and ends in milliseconds; if it has not
/// after [`GRACE`] it is stuck (see [`watch_terminal`]): give the terminal back and end by the
/// signal, so that one SIGTERM or SIGHUP always ends the reader.
fn end_unless_ended(signal: Signal) {
    let spawned = std::thread::Builder::new()
        .name("akhbar-ending".into())
        .spawn(move || {
            std::thread::sleep(GRACE);
            tracing::warn!("the reader did not end within {GRACE:?} of a signal: ending at once");
            super::terminal::restore();
            end_by(signal);
        });
    if let Err(e) = spawned {
        tracing::warn!("cannot watch the reader's end: {e}");
    }
}

/// A terminal that hangs up while crossterm waits for a key traps crossterm's reader in a loop
/// (read() keeps answering 0 or EIO, which it retries: crossterm issue #793), so the event loop
/// never sees the hang-up, nor any signal's message, and one core spins for ever. This thread
/// looks at the terminal once a second; once it has hung up, the loop has [`GRACE`] to end by
/// itself, then the process ends as by SIGHUP. (A terminal that goes away usually sends SIGHUP
/// too, but not to a reader that is not its session's leader.)
pub(crate) fn watch_terminal() -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("akhbar-tty-watch".into())
        .spawn(|| {
            loop {
                std::thread::sleep(Duration::from_secs(1));
                if hung_up(libc::STDIN_FILENO) {
                    break;
                }
            }
            std::thread::sleep(GRACE);
            tracing::warn!("the terminal hung up and the reader did not end: ending at once");
            end_by(Signal::HangUp);
        })?;
    Ok(())
}

/// Whether the terminal on `fd` has hung up (its other side closed).
fn hung_up(fd: i32) -> bool {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
    let n = unsafe { libc::poll(&mut poll, 1, 0) };
    n > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

fn from_number(number: i32) -> Option<Signal> {
    Some(match number {
        SIGINT => Signal::Interrupt,
        SIGTERM => Signal::Terminate,
        SIGHUP => Signal::HangUp,
        SIGTSTP => Signal::Stop,
        SIGCONT => Signal::Continue,
        _ => return None,
    })
}

impl Signal {
    fn number(self) -> i32 {
        match self {
            Signal::Interrupt => SIGINT,
            Signal::Terminate => SIGTERM,
            Signal::HangUp => SIGHUP,
            Signal::Stop => SIGTSTP,
            Signal::Continue => SIGCONT,
        }
    }
}

/// End the process by `signal`'s default action, as if it had not been handled: the parent sees
/// it ended by that signal (the shell's `$?` is 128 + its number).
pub(crate) fn end_by(signal: Signal) -> ! {
    let number = signal.number();
    let _ = signal_hook::low_level::emulate_default_handler(number);
    // Not reached for the signals that end a process; the conventional status otherwise.
    std::process::exit(128 + number)
}

/// Stop the process as SIGTSTP's default action does, although SIGTSTP is handled here: the
/// shell then reports the job "Stopped" as for any program stopped by Ctrl-Z. Returns once the
/// process is continued.
pub(crate) fn stop() -> std::io::Result<()> {
    // SAFETY: `sigaction` is plain old data (all-zero is a valid value, SIG_DFL is 0); the calls
    // only swap this process's action for SIGTSTP and put the saved one back unchanged.
    unsafe {
        let default: libc::sigaction = std::mem::zeroed();
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &default, &mut ours) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        libc::raise(SIGTSTP);
        if libc::sigaction(SIGTSTP, &ours, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}
