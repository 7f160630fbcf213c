//! The real binary in a pseudo-terminal where the test plays the terminal: it sees the query
//! akhbar asks before its first frame, answers as VTE, Konsole or xterm do (docs/terminals.md),
//! types keys meanwhile, and reads every byte akhbar writes for that terminal — take-over,
//! frames and the restore on exit.
#![allow(clippy::unwrap_used)]

use crate::support::Env;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A pseudo-terminal pair, 120×40; the child gets the slave as stdin, stdout and stderr.
struct Pty {
    master: File,
    slave: OwnedFd,
}

fn pty() -> Pty {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the two ints; the size is read only.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // Neither end may leak into the child beyond its stdio: a child holding the master keeps
    // its own terminal alive for ever (it can never hang up).
    for fd in [master, slave] {
        // SAFETY: fcntl on a descriptor just opened here.
        assert_eq!(
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) },
            0
        );
    }
    // SAFETY: both descriptors were just opened and are owned here alone.
    unsafe {
        Pty {
            master: File::from_raw_fd(master),
            slave: OwnedFd::from_raw_fd(slave),
        }
    }
}

/// Everything the child writes, read as it comes; `until` true stops early.
fn read_until(master: &mut File, until: impl Fn(&[u8]) -> bool, timeout: Duration) -> Vec<u8> {
    let deadline = Instant::now() + timeout;
    let mut got = Vec::new();
    while !until(&got) {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            !left.is_zero(),
            "timed out; got {:?}",
            String::from_utf8_lossy(&got)
        );
        let mut poll = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, left.as_millis().max(1) as i32) };
        if ready <= 0 {
            continue;
        }
        let mut buf = [0u8; 65536];
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break, // EIO: the child closed the terminal
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    got
}

fn contains(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// akhbar --demo in a fresh pty with `env` (the terminal's own variables) and `args`.
fn start(env_vars: &[(&str, &str)], args: &[&str]) -> (Env, Pty, Child) {
    let env = Env::new();
    let pty = pty();
    let mut cmd = env.cmd();
    cmd.args(["--demo"]).args(args);
    for k in [
        "VTE_VERSION",
        "KONSOLE_VERSION",
        "MLTERM",
        "TERM_PROGRAM",
        "TMUX",
        "STY",
    ] {
        cmd.env_remove(k);
    }
    cmd.env("TERM", "xterm-256color");
    for (k, v) in env_vars {
        cmd.env(k, v);
    }
    let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().unwrap());
    // A process group of its own, whose parent (the test) is in another group of the same
    // session: not orphaned, so the kernel lets SIGTSTP stop it wherever the tests run.
    let child = cmd
        .process_group(0)
        .stdin(io(&pty.slave))
        .stdout(io(&pty.slave))
        .stderr(io(&pty.slave))
        .spawn()
        .unwrap();
    (env, pty, child)
}

/// Plays one session: waits for the query, sends `typed` keys and then `answers`, reads to
/// the end. Returns what akhbar wrote, the query included.
fn session(env_vars: &[(&str, &str)], args: &[&str], typed: &str, answers: &str) -> String {
    session_until(env_vars, args, typed, answers, None)
}

/// A condition on what akhbar wrote so far.
type Written<'a> = dyn Fn(&[u8]) -> bool + 'a;

/// Like `session`; with `quit_when`, 'q' is typed once what akhbar wrote satisfies it.
fn session_until(
    env_vars: &[(&str, &str)],
    args: &[&str],
    typed: &str,
    answers: &str,
    quit_when: Option<&Written<'_>>,
) -> String {
    let (_env, mut pty, mut child) = start(env_vars, args);
    let mut master = pty.master.try_clone().unwrap();
    let asked = read_until(
        &mut master,
        |b| contains(b, b"\x1b[c").is_some(),
        Duration::from_secs(20),
    );
    assert!(
        contains(&asked, b"\x1b[8$p\x1b[c").is_some(),
        "DECRQM then DA1: {:?}",
        String::from_utf8_lossy(&asked)
    );
    // Keys typed while the terminal answers: they must reach the reader ('q' quits it).
    pty.master.write_all(typed.as_bytes()).unwrap();
    pty.master.write_all(answers.as_bytes()).unwrap();
    drop(pty.slave);
    let mut drawn = Vec::new();
    if let Some(done) = quit_when {
        drawn = read_until(&mut master, done, Duration::from_secs(20));
        pty.master.write_all(b"q").unwrap();
    }
    let rest = [
        drawn,
        read_until(&mut master, |_| false, Duration::from_secs(20)),
    ]
    .concat();
    let status = child.wait().unwrap();
    let all = String::from_utf8_lossy(&[asked, rest].concat()).into_owned();
    assert!(status.success(), "{status}: {all:?}");
    all
}

fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {hay:?}"))
}

#[test]
fn vte_gets_explicit_mode_before_the_alternate_screen_and_implicit_back_on_exit() {
    // VTE answers implicit (1) and its DA1; 'q' typed before the answers quits the reader.
    let out = session(
        &[("VTE_VERSION", "7006")],
        &[],
        "q",
        "\x1b[8;1$y\x1b[?65;1;9c",
    );
    assert!(at(&out, "\x1b[8l") < at(&out, "\x1b[?1049h"), "{out:?}");
    let leave = at(&out, "\x1b[?1049l");
    assert!(
        leave < at(&out, "\x1b[8h"),
        "restored after leaving: {out:?}"
    );
    // shape = auto: VTE joins letters itself, so base letters are written, not forms.
    let frame = &out[at(&out, "\x1b[?1049h")..leave];
    assert!(frame.contains('ب') || frame.contains('ا'), "{frame:?}");
    assert!(
        !frame
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c))
    );
}

#[test]
fn a_terminal_found_explicit_is_not_made_implicit_on_exit() {
    let out = session(
        &[("VTE_VERSION", "7006")],
        &[],
        "q",
        "\x1b[8;2$y\x1b[?65;1;9c",
    );
    assert!(out.contains("\x1b[8l"));
    assert!(!out.contains("\x1b[8h"), "{out:?}");
}

#[test]
fn konsole_bidi_is_turned_off_for_the_session_and_on_again() {
    // Konsole does not answer DECRQM for mode 8, only DA1.
    let out = session(&[("KONSOLE_VERSION", "221203")], &[], "q", "\x1b[?62;1;4c");
    let off = at(&out, "\x1b]50;BidiRenderingEnabled=false\x07");
    let on = at(&out, "\x1b]50;BidiRenderingEnabled=true\x07");
    assert!(at(&out, "\x1b[?1049h") < off && off < on, "{out:?}");
    assert!(!out.contains("\x1b[8l") && !out.contains("\x1b[8h"));
}

#[test]
fn xterm_is_sent_cells_and_no_mode() {
    // xterm answers "not recognised" (0): cells as laid out, letters joined by akhbar.
    let out = session(&[], &[], "q", "\x1b[8;0$y\x1b[?64;1;2c");
    for mode in ["\x1b[8l", "\x1b[8h", "\x1b]50;", "\u{202D}"] {
        assert!(!out.contains(mode), "{mode:?} in {out:?}");
    }
    assert!(out.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)));
}

#[test]
fn bidi_off_sends_no_mode_change_even_to_vte() {
    let out = session(
        &[("VTE_VERSION", "7006")],
        &["--bidi", "off"],
        "q",
        "\x1b[8;1$y\x1b[?65;1;9c",
    );
    for mode in ["\x1b[8l", "\x1b[8h", "\x1b]50;"] {
        assert!(!out.contains(mode), "{mode:?} in {out:?}");
    }
}

#[test]
fn mlterm_text_layout_is_turned_off_for_the_session_and_on_again() {
    // mlterm answers 0 for mode 8; its environment names it. Its override marks would each
    // take a cell of the line (docs/terminals.md): none is sent, only its configuration.
    let out = session(
        &[("MLTERM", "3.9.0"), ("TERM", "mlterm")],
        &[],
        "q",
        "\x1b[8;0$y\x1b[?63;1;2c",
    );
    let off = at(&out, "\x1b]5379;use_ctl=false\x07");
    let on = at(&out, "\x1b]5379;use_ctl=true\x07");
    assert!(at(&out, "\x1b[?1049h") < off && off < on, "{out:?}");
    let frame = &out[off..at(&out, "\x1b[?1049l")];
    for mark in ['\u{200E}', '\u{202D}', '\u{202C}'] {
        assert!(!frame.contains(mark), "{mark:?} in {frame:?}");
    }
    // mlterm joins nothing then: akhbar writes presentation forms.
    assert!(
        frame
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c))
    );
}

#[test]
fn a_terminal_that_answers_nothing_costs_a_short_wait_and_loses_no_key() {
    // No answer at all: the environment decides (xterm-256color: cells); 'q' still quits.
    let out = session(&[], &[], "q", "");
    assert!(out.contains("\x1b[?1049h") && out.contains("\x1b[?1049l"));
}

#[test]
fn the_terminal_can_be_named() {
    // --terminal konsole in a terminal that says it is VTE: Konsole's sequences, not VTE's.
    let out = session(
        &[("VTE_VERSION", "7006")],
        &["--terminal", "konsole"],
        "q",
        "\x1b[8;1$y\x1b[?65;1;9c",
    );
    assert!(out.contains("\x1b]50;BidiRenderingEnabled=false\x07"));
    assert!(!out.contains("\x1b[8l"), "{out:?}");
}

/// `needles` in `hay` in this order, each after the one before; where the last one ends.
fn in_order(hay: &[u8], needles: &[&str]) -> Option<usize> {
    let mut from = 0;
    for needle in needles {
        from += contains(&hay[from..], needle.as_bytes())? + needle.len();
    }
    Some(from)
}

/// Whether `pid` is stopped (its state in /proc is T).
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('T'))
        })
        .unwrap_or(false)
}

fn wait_stopped(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "akhbar did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(pid: u32, number: i32) {
    // SAFETY: kill only sends a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid as i32, number) }, 0);
}

#[test]
fn vte_mode_is_given_back_on_a_stop_and_set_again_before_the_alternate_screen_on_resume() {
    let (_env, mut pty, mut child) = start(&[("VTE_VERSION", "7006")], &[]);
    let pid = child.id();
    let mut master = pty.master.try_clone().unwrap();
    read_until(
        &mut master,
        |b| contains(b, b"\x1b[c").is_some(),
        Duration::from_secs(20),
    );
    pty.master.write_all(b"\x1b[8;1$y\x1b[?65;1;9c").unwrap();
    drop(pty.slave);
    let drawn = |b: &[u8]| in_order(b, &["\x1b[8l", "\x1b[?1049h", "akhbar"]).is_some();
    read_until(&mut master, drawn, Duration::from_secs(20));

    // SIGTSTP (as Ctrl-Z sends it): implicit mode back after leaving the alternate screen,
    // then a stop; on SIGCONT explicit again before the alternate screen, and a whole frame.
    signal(pid, libc::SIGTSTP);
    let given_back = |b: &[u8]| in_order(b, &["\x1b[?1049l", "\x1b[8h"]).is_some();
    read_until(&mut master, given_back, Duration::from_secs(20));
    wait_stopped(pid);
    signal(pid, libc::SIGCONT);
    read_until(&mut master, drawn, Duration::from_secs(20));

    // SIGSTOP, which akhbar never sees: whoever continues it may have reset the terminal, so
    // SIGCONT gives it back and takes it again, the mode set before the alternate screen.
    signal(pid, libc::SIGSTOP);
    wait_stopped(pid);
    signal(pid, libc::SIGCONT);
    let retaken = |b: &[u8]| {
        in_order(
            b,
            &["\x1b[?1049l", "\x1b[8h", "\x1b[8l", "\x1b[?1049h", "akhbar"],
        )
        .is_some()
    };
    read_until(&mut master, retaken, Duration::from_secs(20));

    pty.master.write_all(b"q").unwrap();
    let rest = read_until(&mut master, |_| false, Duration::from_secs(20));
    assert!(child.wait().unwrap().success());
    assert!(
        in_order(&rest, &["\x1b[?1049l", "\x1b[8h"]).is_some(),
        "{:?}",
        String::from_utf8_lossy(&rest)
    );
}

/// The terminal goes away under a reader that is not its session's leader (no SIGHUP comes):
/// crossterm's key reader then retries read() for ever (crossterm issue #793) and the event
/// loop never runs again. The reader must still end, not spin on one core for ever.
#[test]
fn a_terminal_that_goes_away_without_a_signal_ends_the_reader() {
    let (_env, mut pty, mut child) = start(&[], &[]);
    let mut master = pty.master.try_clone().unwrap();
    read_until(
        &mut master,
        |b| contains(b, b"\x1b[c").is_some(),
        Duration::from_secs(20),
    );
    pty.master.write_all(b"\x1b[?65;1;9c").unwrap();
    read_until(
        &mut master,
        |b| contains(b, b"akhbar").is_some(),
        Duration::from_secs(20),
    );
    // The terminal's other side closes: the slave now answers EIO and polls as hung up.
    drop(pty);
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the reader was still running 30 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(!status.success(), "{status:?}");
}
