//! Asking the terminal once, before the first frame, whether it knows the BiDi mode: DECRQM for
//! mode 8, then DA1, which every terminal answers, in order — so reading stops at the DA1
//! answer, or after [`WAIT`] for a terminal that answers nothing. Keys typed meanwhile are
//! handed on as key events rather than lost.

use crate::text::terminal::{BDSM_QUERY, BdsmState, DA1_QUERY, split_replies};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// The longest the reader waits for the answers (measured answers come in under 10 ms).
pub(crate) const WAIT: Duration = Duration::from_millis(200);

/// What the terminal said, and what the user typed while it did.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Answer {
    /// The answer to DECRQM for mode 8; None: no answer.
    pub(crate) bdsm: Option<BdsmState>,
    /// The DA1 answer came (so a missing DECRQM answer means "not known", not "too slow").
    pub(crate) answered: bool,
    pub(crate) typed: Vec<KeyEvent>,
}

/// Ask on `out`, read from standard input (in raw mode). Gives up after `wait`.
#[cfg(unix)]
pub(crate) fn ask(out: &mut impl Write, wait: Duration) -> io::Result<Answer> {
    use std::os::fd::AsRawFd;
    out.write_all(BDSM_QUERY.as_bytes())?;
    out.write_all(DA1_QUERY.as_bytes())?;
    out.flush()?;
    let fd = io::stdin().as_raw_fd();
    let deadline = Instant::now() + wait;
    let mut got = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(left.as_millis().max(1)).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, ms) };
        if ready < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if ready == 0 {
            break;
        }
        let mut buf = [0u8; 256];
        // SAFETY: reads at most buf.len() bytes into buf.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            break;
        }
        got.extend_from_slice(&buf[..n as usize]);
        if split_replies(&got).done {
            break;
        }
    }
    Ok(answer_from(&got))
}

/// Not asked where there is no poll(2): detection goes by the environment.
#[cfg(not(unix))]
pub(crate) fn ask(_out: &mut impl Write, _wait: Duration) -> io::Result<Answer> {
    Ok(Answer::default())
}

fn answer_from(bytes: &[u8]) -> Answer {
    let replies = split_replies(bytes);
    let (typed, dropped) = keys(&replies.other);
    if dropped > 0 {
        tracing::info!("{dropped} bytes typed during start-up were not keys akhbar knows");
    }
    Answer {
        bdsm: replies.bdsm,
        answered: replies.done,
        typed,
    }
}

/// Key events for bytes typed while the answers were read: text, Enter, Tab, Backspace, Esc,
/// Ctrl and Alt with a letter, arrows, Home/End, Page Up/Down, Insert/Delete. Anything else
/// (a function key, a mouse report) is counted and dropped.
fn keys(bytes: &[u8]) -> (Vec<KeyEvent>, usize) {
    let mut out = Vec::new();
    let mut dropped = 0;
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let key = match c {
            '\x1b' => match chars.get(i) {
                Some('[') | Some('O') => {
                    let start = i - 1;
                    let end = chars[i + 1..]
                        .iter()
                        .position(|c| ('\x40'..='\x7e').contains(c))
                        .map(|p| i + 1 + p);
                    match end {
                        Some(end) => {
                            i = end + 1;
                            let seq: String = chars[start..=end].iter().collect();
                            named_key(&seq)
                        }
                        None => {
                            // Cut off by the timeout: the whole sequence goes.
                            dropped += chars.len() - start;
                            break;
                        }
                    }
                }
                Some(&next) if !next.is_control() => {
                    i += 1;
                    Some(KeyEvent::new(KeyCode::Char(next), KeyModifiers::ALT))
                }
                _ => Some(plain(KeyCode::Esc)),
            },
            '\r' | '\n' => Some(plain(KeyCode::Enter)),
            '\t' => Some(plain(KeyCode::Tab)),
            '\x7f' | '\x08' => Some(plain(KeyCode::Backspace)),
            '\x01'..='\x1a' => Some(KeyEvent::new(
                KeyCode::Char(char::from(b'a' + (c as u8 - 1))),
                KeyModifiers::CONTROL,
            )),
            c if c.is_control() || c == char::REPLACEMENT_CHARACTER => None,
            c if c.is_uppercase() => Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)),
            c => Some(plain(KeyCode::Char(c))),
        };
        match key {
            Some(k) => out.push(k),
            None => dropped += 1,
        }
    }
    (out, dropped)
}

/// The key of a CSI or SS3 sequence from the cursor and editing keypads.
fn named_key(seq: &str) -> Option<KeyEvent> {
    let code = match &seq[2..] {
        "A" => KeyCode::Up,
        "B" => KeyCode::Down,
        "C" => KeyCode::Right,
        "D" => KeyCode::Left,
        "H" | "1~" | "7~" => KeyCode::Home,
        "F" | "4~" | "8~" => KeyCode::End,
        "2~" => KeyCode::Insert,
        "3~" => KeyCode::Delete,
        "5~" => KeyCode::PageUp,
        "6~" => KeyCode::PageDown,
        "Z" => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        _ => return None,
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn answers_are_read_and_keys_typed_meanwhile_kept() {
        // VTE's answers, with «jj», Down and Enter typed in between.
        let a = answer_from(b"jj\x1b[8;1$y\x1b[B\r\x1b[?65;1;9c");
        assert_eq!(a.bdsm, Some(BdsmState::Implicit));
        assert!(a.answered);
        assert_eq!(
            a.typed,
            [
                key('j'),
                key('j'),
                KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            ]
        );
        // Konsole: no DECRQM answer, only DA1.
        let a = answer_from(b"\x1b[?62;1;4c");
        assert_eq!((a.bdsm, a.answered, a.typed.len()), (None, true, 0));
        // Nothing at all (a terminal that answers nothing, or stdin is slow).
        assert_eq!(answer_from(b""), Answer::default());
    }

    #[test]
    fn typed_text_and_control_keys_become_key_events() {
        let (k, dropped) = keys("q/مايكرو\x1b\x03\x1bxB\x7f\x1bOA\x1b[5~\x1b[24~".as_bytes());
        assert_eq!(dropped, 1, "F12 is not a key akhbar uses at start");
        let codes: Vec<(KeyCode, KeyModifiers)> = k.iter().map(|k| (k.code, k.modifiers)).collect();
        let n = KeyModifiers::NONE;
        let mut want = vec![(KeyCode::Char('q'), n), (KeyCode::Char('/'), n)];
        want.extend("مايكرو".chars().map(|c| (KeyCode::Char(c), n)));
        want.extend([
            (KeyCode::Esc, n),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
            (KeyCode::Char('x'), KeyModifiers::ALT),
            (KeyCode::Char('B'), KeyModifiers::SHIFT),
            (KeyCode::Backspace, n),
            (KeyCode::Up, n),
            (KeyCode::PageUp, n),
        ]);
        assert_eq!(codes, want);
    }

    #[test]
    fn a_sequence_cut_off_by_the_timeout_is_dropped_not_misread() {
        let (k, dropped) = keys(b"a\x1b[8;");
        assert_eq!(k, [key('a')]);
        assert_eq!(dropped, 4);
    }
}
