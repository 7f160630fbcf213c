//! What the terminal does with right-to-left text: its class, from the environment and its
//! answer to the terminal-wg BiDi mode (BDSM, ECMA-48 mode 8) query. See docs/terminals.md.

use serde::{Deserialize, Serialize};

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

/// The classes of terminal that need different output for right-to-left text, as measured
/// under Xvfb (docs/terminals.md). See [`super::rowcode`] for what each is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminalKind {
    /// Draws cells as written and joins nothing: xterm, Alacritty, foot, Windows Terminal,
    /// tmux and screen (they keep their own grid), and anything unknown.
    Cells,
    /// Knows the BiDi mode (answers DECRQM for mode 8 with 1–4): VTE (GNOME Terminal,
    /// xfce4-terminal, Tilix). Reorders in implicit mode, draws as written in explicit mode,
    /// joins letters itself in both.
    Vte,
    /// mlterm (and, unmeasured, mintty): reorders and joins every row, no BiDi mode; its
    /// configuration protocol turns that off for the session (OSC 5379 `use_ctl=false`).
    Mlterm,
    /// Konsole: reorders runs of same-coloured cells, ignores marks and overrides; its
    /// profile command OSC 50 turns its bidi off for the session.
    Konsole,
    /// kitty: no bidi, but shapes runs of Arabic with HarfBuzz, which reverses the letters of
    /// every word written in visual order.
    Kitty,
}

/// `[display] terminal` and `--terminal`: which class akhbar writes for. `auto` asks the
/// terminal and reads the environment; the others are for a terminal nobody measured, or
/// when detection guesses wrong.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum TerminalChoice {
    #[default]
    Auto,
    Cells,
    Vte,
    Mlterm,
    Konsole,
    Kitty,
}

impl TerminalChoice {
    /// The class named, or None for `auto`.
    pub fn forced(self) -> Option<TerminalKind> {
        match self {
            TerminalChoice::Auto => None,
            TerminalChoice::Cells => Some(TerminalKind::Cells),
            TerminalChoice::Vte => Some(TerminalKind::Vte),
            TerminalChoice::Mlterm => Some(TerminalKind::Mlterm),
            TerminalChoice::Konsole => Some(TerminalKind::Konsole),
            TerminalChoice::Kitty => Some(TerminalKind::Kitty),
        }
    }

    /// The class: the one named, or detected from the environment (`var`) and the terminal's
    /// answer to DECRQM for mode 8 (None when not asked or not answered).
    pub fn resolve(
        self,
        var: &dyn Fn(&str) -> Option<String>,
        bdsm: Option<BdsmState>,
    ) -> TerminalKind {
        self.forced().unwrap_or_else(|| detect(var, bdsm))
    }
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
        Some(BdsmState::Implicit | BdsmState::Explicit) => return TerminalKind::Vte,
        Some(BdsmState::Unsupported) | None => {}
    }
    if set("KONSOLE_VERSION") {
        TerminalKind::Konsole
    } else if set("MLTERM")
        || term.starts_with("mlterm")
        || term_program.eq_ignore_ascii_case("mintty")
    {
        TerminalKind::Mlterm
    } else if term == "xterm-kitty" || set("KITTY_WINDOW_ID") {
        TerminalKind::Kitty
    } else if set("VTE_VERSION") && bdsm.is_none() {
        // Not asked (or no answer yet): VTE_VERSION alone is the best guess.
        TerminalKind::Vte
    } else {
        TerminalKind::Cells
    }
}

impl TerminalKind {
    /// Whether akhbar should join Arabic letters (presentation forms) for this terminal.
    /// VTE joins visual-order base letters right in explicit mode; mlterm with its text
    /// layout off joins nothing; Konsole with its bidi off and kitty were measured with
    /// presentation forms, which read right.
    pub fn app_shapes(self) -> bool {
        !matches!(self, TerminalKind::Vte)
    }

    /// Its name in the config (`[display] terminal`), the log and the help.
    pub fn name(self) -> &'static str {
        match self {
            TerminalKind::Cells => "cells",
            TerminalKind::Vte => "vte",
            TerminalKind::Mlterm => "mlterm",
            TerminalKind::Konsole => "konsole",
            TerminalKind::Kitty => "kitty",
        }
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
        assert_eq!(detect(&vte, Some(BdsmState::Implicit)), Vte);
        assert_eq!(detect(&vte, None), Vte);
        let mlterm = vars(&[("TERM", "mlterm"), ("MLTERM", "3.9.0")]);
        assert_eq!(detect(&mlterm, Some(BdsmState::Unsupported)), Mlterm);
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
    fn a_named_class_wins_over_detection() {
        let vte = vars(&[("VTE_VERSION", "7006")]);
        assert_eq!(
            TerminalChoice::Auto.resolve(&vte, Some(BdsmState::Implicit)),
            TerminalKind::Vte
        );
        assert_eq!(
            TerminalChoice::Cells.resolve(&vte, Some(BdsmState::Implicit)),
            TerminalKind::Cells
        );
        assert_eq!(
            TerminalChoice::Kitty.resolve(&vars(&[]), None),
            TerminalKind::Kitty
        );
        // Every class can be named, and by the name it goes by.
        for choice in [
            TerminalChoice::Cells,
            TerminalChoice::Vte,
            TerminalChoice::Mlterm,
            TerminalChoice::Konsole,
            TerminalChoice::Kitty,
        ] {
            let kind = choice.forced().unwrap_or(TerminalKind::Cells);
            let named = <TerminalChoice as clap::ValueEnum>::from_str(kind.name(), false);
            assert_eq!(named, Ok(choice));
        }
    }

    #[test]
    fn the_answer_beats_inherited_environment() {
        use TerminalKind::*;
        // xterm started from GNOME Terminal: VTE_VERSION inherited, but xterm answers 0.
        let xterm_from_vte = vars(&[("TERM", "xterm"), ("VTE_VERSION", "7006")]);
        assert_eq!(detect(&xterm_from_vte, Some(BdsmState::Unsupported)), Cells);
        // Any terminal that knows the BiDi mode gets it used, whatever it is called.
        let unknown = vars(&[("TERM", "foo")]);
        assert_eq!(detect(&unknown, Some(BdsmState::Explicit)), Vte);
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
        assert!(!TerminalKind::Vte.app_shapes());
        for k in [
            TerminalKind::Cells,
            TerminalKind::Mlterm,
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
