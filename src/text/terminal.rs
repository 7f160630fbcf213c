//! What the terminal does with right-to-left text: hints from the environment and the
//! terminal-wg BiDi mode (BDSM, ECMA-48 mode 8) sequences. See docs/terminals.md.

/// Ask the terminal not to reorder (explicit mode). VTE applies it to the row under the
/// cursor only when the cursor is at its first column, and to rows made afterwards.
pub const BDSM_EXPLICIT: &str = "\u{1B}[8l";
/// Give the terminal its own bidi back (implicit mode): sent on exit, suspend and panic.
pub const BDSM_IMPLICIT: &str = "\u{1B}[8h";
/// DECRQM for mode 8; the answer is `CSI 8 ; Ps $ y`.
pub const BDSM_QUERY: &str = "\u{1B}[8$p";

/// The answer to [`BDSM_QUERY`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BdsmState {
    /// The terminal reorders (implicit mode set).
    Implicit,
    /// The terminal draws cells as written (explicit mode).
    Explicit,
    /// The terminal does not recognise mode 8 — which does not mean it does not reorder:
    /// mlterm gives this answer.
    Unsupported,
}

/// Finds a DECRPM answer for mode 8 (`ESC [ 8 ; Ps $ y`) in bytes read from the terminal.
pub fn parse_bdsm_reply(bytes: &[u8]) -> Option<BdsmState> {
    let text = String::from_utf8_lossy(bytes);
    let at = text.find("\u{1B}[8;")?;
    let rest = &text[at + 4..];
    let end = rest.find("$y")?;
    match &rest[..end] {
        "1" | "3" => Some(BdsmState::Implicit),
        "2" | "4" => Some(BdsmState::Explicit),
        "0" => Some(BdsmState::Unsupported),
        _ => None,
    }
}

/// Known from the environment to reorder right-to-left text on its own (VTE since 0.58,
/// Konsole, mlterm, mintty): `shape = auto` leaves joining letters to it.
pub fn terminal_does_bidi_from_env() -> bool {
    env_hints(&|k| std::env::var(k).ok())
}

fn env_hints(var: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |k: &str| var(k).is_some_and(|v| !v.is_empty());
    let term_program = var("TERM_PROGRAM").unwrap_or_default();
    let term = var("TERM").unwrap_or_default();
    set("VTE_VERSION")
        || set("KONSOLE_VERSION")
        || set("MLTERM")
        || term_program.eq_ignore_ascii_case("mintty")
        || term.starts_with("mlterm")
}

/// The classes of terminal that need different output for right-to-left text, as measured
/// under Xvfb (docs/terminals.md). See [`super::rowcode`] for what each is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminalKind {
    /// Draws cells as written and joins nothing: xterm, Alacritty, foot, Windows Terminal,
    /// tmux and screen (they keep their own grid), and anything unknown.
    Cells,
    /// Knows the BiDi mode (answers DECRQM for mode 8 with 1–4): VTE. Reorders in implicit
    /// mode, draws as written in explicit mode, joins letters itself in both.
    BdsmPerRow,
    /// mlterm (and, unmeasured, mintty): reorders every row, no BiDi mode, honours LRO … PDF.
    Override,
    /// Konsole: reorders runs of same-coloured cells, ignores marks and overrides; its
    /// profile command OSC 50 turns its bidi off for the session.
    Konsole,
    /// kitty: no bidi, but shapes runs of Arabic with HarfBuzz, which reverses the letters of
    /// every word written in visual order.
    Kitty,
}

/// The terminal class, from the environment and (where the terminal answered) DECRQM for
/// mode 8. The answer wins over the environment, which is inherited: an xterm started from
/// GNOME Terminal still has `VTE_VERSION`, but only VTE answers 1–4.
pub fn detect(var: &dyn Fn(&str) -> Option<String>, bdsm: Option<BdsmState>) -> TerminalKind {
    let set = |k: &str| var(k).is_some_and(|v| !v.is_empty());
    let term = var("TERM").unwrap_or_default();
    let term_program = var("TERM_PROGRAM").unwrap_or_default();
    // tmux and screen redraw their own grid: what the outer terminal does is theirs to handle
    // (and they pass neither BDSM nor OSC 50 through).
    if set("TMUX") || set("STY") || term.starts_with("tmux") || term.starts_with("screen") {
        return TerminalKind::Cells;
    }
    match bdsm {
        Some(BdsmState::Implicit | BdsmState::Explicit) => return TerminalKind::BdsmPerRow,
        Some(BdsmState::Unsupported) | None => {}
    }
    if set("KONSOLE_VERSION") {
        TerminalKind::Konsole
    } else if set("MLTERM")
        || term.starts_with("mlterm")
        || term_program.eq_ignore_ascii_case("mintty")
    {
        TerminalKind::Override
    } else if term == "xterm-kitty" || set("KITTY_WINDOW_ID") {
        TerminalKind::Kitty
    } else if set("VTE_VERSION") && bdsm.is_none() {
        // Not asked (or no answer yet): VTE_VERSION alone is the best guess.
        TerminalKind::BdsmPerRow
    } else {
        TerminalKind::Cells
    }
}

impl TerminalKind {
    /// Whether akhbar should join Arabic letters (presentation forms) for this terminal.
    /// VTE joins visual-order base letters right in explicit mode; mlterm under an override
    /// joins them in the wrong direction («لا» from «ال»); Konsole with its bidi off and
    /// kitty were measured with presentation forms, which read right.
    pub fn app_shapes(self) -> bool {
        !matches!(self, TerminalKind::BdsmPerRow)
    }
}

/// The terminal's answers found in bytes read after a query, and everything else: keys the
/// user typed meanwhile, to be handed on as input rather than lost.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Replies {
    pub bdsm: Option<BdsmState>,
    /// The DA1 answer (`CSI ? … c`) came: every answer before it has come too.
    pub done: bool,
    pub other: Vec<u8>,
}

/// Splits what the terminal sent after `BDSM_QUERY` + `DA1_QUERY`. Every terminal answers
/// DA1, and answers in order, so reading can stop at the DA1 answer (or a short timeout for a
/// terminal that answers nothing) instead of always waiting.
pub fn split_replies(bytes: &[u8]) -> Replies {
    let mut out = Replies::default();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(len) = csi_len(&bytes[i..]) {
            let seq = &bytes[i..i + len];
            if seq.starts_with(b"\x1b[8;") && seq.ends_with(b"$y") {
                out.bdsm = parse_bdsm_reply(seq);
            } else if seq.starts_with(b"\x1b[?") && seq.ends_with(b"c") {
                out.done = true;
            } else {
                out.other.extend_from_slice(seq);
            }
            i += len;
        } else {
            out.other.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Length of the CSI sequence at the start of `b` (ESC [ params intermediates final).
fn csi_len(b: &[u8]) -> Option<usize> {
    if !b.starts_with(b"\x1b[") {
        return None;
    }
    let end = b[2..].iter().position(|c| (0x40..=0x7E).contains(c))?;
    Some(end + 3)
}

/// Primary device attributes; every terminal answers, so it marks the end of the answers.
pub const DA1_QUERY: &str = "\u{1B}[c";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decrpm_answers() {
        assert_eq!(parse_bdsm_reply(b"\x1b[8;2$y"), Some(BdsmState::Explicit));
        assert_eq!(
            parse_bdsm_reply(b"junk\x1b[8;1$y"),
            Some(BdsmState::Implicit)
        );
        assert_eq!(
            parse_bdsm_reply(b"\x1b[8;0$y"),
            Some(BdsmState::Unsupported)
        );
        assert_eq!(parse_bdsm_reply(b"\x1b[?2026;2$y"), None);
        assert_eq!(parse_bdsm_reply(b"\x1b[8;2"), None);
    }

    #[test]
    fn environment_hints() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(env_hints(&env(&[("VTE_VERSION", "7600")])));
        assert!(env_hints(&env(&[("KONSOLE_VERSION", "230805")])));
        assert!(env_hints(&env(&[("TERM_PROGRAM", "mintty")])));
        assert!(env_hints(&env(&[("TERM", "mlterm")])));
        assert!(!env_hints(&env(&[("TERM", "xterm-256color")])));
        assert!(!env_hints(&env(&[
            ("TERM_PROGRAM", "WezTerm"),
            ("VTE_VERSION", "")
        ])));
    }

    fn vars(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn detects_each_measured_terminal_from_what_it_really_says() {
        use TerminalKind::*;
        // Environment and DECRQM answers as recorded in each terminal (docs/terminals.md).
        let vte = vars(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7006")]);
        assert_eq!(detect(&vte, Some(BdsmState::Implicit)), BdsmPerRow);
        assert_eq!(detect(&vte, None), BdsmPerRow);
        let mlterm = vars(&[("TERM", "mlterm"), ("MLTERM", "3.9.0")]);
        assert_eq!(detect(&mlterm, Some(BdsmState::Unsupported)), Override);
        let konsole = vars(&[("TERM", "xterm-256color"), ("KONSOLE_VERSION", "221203")]);
        assert_eq!(detect(&konsole, None), Konsole);
        let kitty = vars(&[("TERM", "xterm-kitty")]);
        assert_eq!(detect(&kitty, Some(BdsmState::Unsupported)), Kitty);
        let xterm = vars(&[("TERM", "xterm")]);
        assert_eq!(detect(&xterm, Some(BdsmState::Unsupported)), Cells);
        let alacritty = vars(&[("TERM", "alacritty")]);
        assert_eq!(detect(&alacritty, None), Cells);
    }

    #[test]
    fn the_answer_beats_inherited_environment() {
        use TerminalKind::*;
        // xterm started from GNOME Terminal: VTE_VERSION inherited, but xterm answers 0.
        let xterm_from_vte = vars(&[("TERM", "xterm"), ("VTE_VERSION", "7006")]);
        assert_eq!(detect(&xterm_from_vte, Some(BdsmState::Unsupported)), Cells);
        // Any terminal that knows the BiDi mode gets it used, whatever it is called.
        let unknown = vars(&[("TERM", "foo")]);
        assert_eq!(detect(&unknown, Some(BdsmState::Explicit)), BdsmPerRow);
        // Inside tmux the grid is tmux's, even in VTE.
        let tmux = vars(&[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/t,1,0"),
            ("VTE_VERSION", "7006"),
        ]);
        assert_eq!(detect(&tmux, Some(BdsmState::Implicit)), Cells);
    }

    #[test]
    fn shaping_is_left_to_vte_only() {
        assert!(!TerminalKind::BdsmPerRow.app_shapes());
        for k in [
            TerminalKind::Cells,
            TerminalKind::Override,
            TerminalKind::Konsole,
            TerminalKind::Kitty,
        ] {
            assert!(k.app_shapes(), "{k:?}");
        }
    }

    #[test]
    fn replies_are_split_from_typed_keys() {
        // VTE's answers with an arrow key and a letter typed in between.
        let r = split_replies(b"\x1b[Aq\x1b[8;1$y\x1b[?65;1;9c");
        assert_eq!(r.bdsm, Some(BdsmState::Implicit));
        assert!(r.done);
        assert_eq!(r.other, b"\x1b[Aq");
        // Konsole does not answer DECRQM for mode 8, only DA1.
        let r = split_replies(b"\x1b[?62;1;4c");
        assert_eq!((r.bdsm, r.done), (None, true));
        assert!(r.other.is_empty());
        // Not finished yet: no DA1 answer; a lone ESC (the Esc key) is kept as input.
        let r = split_replies(b"\x1b[8;0$y\x1b");
        assert_eq!((r.bdsm, r.done), (Some(BdsmState::Unsupported), false));
        assert_eq!(r.other, b"\x1b");
    }
}
