//! What the terminal does with right-to-left text: hints from the environment and the
//! terminal-wg BiDi mode (BDSM, ECMA-48 mode 8) sequences. See docs/terminals.md.

/// Ask the terminal not to reorder (explicit mode): sent at start in `bidi = app`.
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
    /// The terminal knows no mode 8: it does not reorder.
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
/// Konsole, mlterm, mintty): with `bidi = app` it must be put in explicit mode, and it
/// shapes Arabic itself.
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
}
