//! Untrusted text → text safe to write to a terminal and to store: the one scanner used by the
//! feed's cleaning (feed/clean.rs) and by the layout.
//!
//! - Escape sequences go whole: CSI (`ESC [` or U+009B) up to its final byte; OSC, DCS, SOS,
//!   PM and APC strings up to BEL or ST (`ESC \` or U+009C) — a string that never ends is
//!   dropped to the end of its paragraph (the next line break), never let through; any other
//!   `ESC` with its intermediate and final bytes (`ESC ( B`, `ESC # 8`). An `ESC` followed by
//!   something that cannot continue a sequence goes alone, the rest is text.
//! - Other C0 and C1 controls and DEL are dropped; `\n` stays, `\t` stays for the layout (its
//!   bidi class is "segment separator"; [`sanitize`] turns it into a space), CRLF and U+2028/
//!   U+2029 become `\n`, a lone CR, VT and FF a space.
//! - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: in
//!   untrusted text they only serve to make it read as something else (an RLO shows «OpenAI
//!   2026» as «6202 IAnepO»; an LRE reverses which name comes first in an Arabic sentence), and
//!   a terminal that reorders by itself never sees them. Dropping them everywhere makes every
//!   bidi mode show the same text. The marks LRM, RLM and ALM stay.
//! - Invisible characters that hide or spoof text are dropped
//!   ([`super::chars::is_dropped_invisible`]); the joiners, bidi marks and ignorable
//!   combining marks stay and the layout draws them as nothing.

use super::chars::{is_dropped_invisible, is_explicit_bidi};

/// Drop escape sequences, controls (`\n` stays, `\t` becomes a space), bidi embeddings,
/// overrides and isolates, and invisible characters that hide text.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    scan(s, |_, _, c| out.push(if c == '\t' { ' ' } else { c }));
    out
}

/// Like [`sanitize`] but keeping `\t`, with the byte offset in `s` of every kept character (for
/// style spans).
pub(crate) fn sanitize_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    scan(s, |at, _, c| {
        out.push(c);
        map.push(at);
    });
    (out, map)
}

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const ST: char = '\u{9C}';

#[derive(Clone, Copy)]
enum State {
    Text,
    /// After ESC: the next character picks the kind of sequence.
    Escape,
    /// CSI parameters and intermediates until a final byte.
    Csi,
    /// OSC/DCS/SOS/PM/APC string until BEL or ST; ESC inside it may start `ESC \`.
    Str {
        after_esc: bool,
    },
}

/// The scanner: calls `keep(at, source, kept)` for every character kept, in order, with its
/// byte offset and the source character it stands for (`kept != source` where it was mapped:
/// a tab made a space, a CR dropped before LF…).
pub(crate) fn scan(s: &str, mut keep: impl FnMut(usize, char, char)) {
    let mut state = State::Text;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        state = match state {
            State::Text => text_char(c, at, chars.peek().map(|&(_, n)| n), &mut keep),
            State::Escape => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str { after_esc: false },
                // Intermediates of an nF sequence: keep skipping until the final byte.
                '\u{20}'..='\u{2F}' => State::Escape,
                // A final byte ends the sequence; anything else aborts it and is itself text.
                '\u{30}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, chars.peek().map(|&(_, n)| n), &mut keep),
            },
            State::Csi => match c {
                '\u{20}'..='\u{3F}' => State::Csi,
                '\u{40}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, chars.peek().map(|&(_, n)| n), &mut keep),
            },
            State::Str { after_esc } => match c {
                BEL | ST => State::Text,
                '\\' if after_esc => State::Text,
                ESC => State::Str { after_esc: true },
                // An unterminated string ends with its paragraph; the break itself is text.
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                    text_char(c, at, chars.peek().map(|&(_, n)| n), &mut keep)
                }
                _ => State::Str { after_esc: false },
            },
        };
    }
}

fn text_char(
    c: char,
    at: usize,
    next: Option<char>,
    keep: &mut impl FnMut(usize, char, char),
) -> State {
    match c {
        // Most characters: printable ASCII and the Arabic letters.
        ' '..='~' | '\u{0621}'..='\u{064A}' => keep(at, c, c),
        ESC => return State::Escape,
        '\u{9B}' => return State::Csi,
        '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
            return State::Str { after_esc: false };
        }
        '\n' | '\t' => keep(at, c, c),
        '\r' if next == Some('\n') => {}
        '\r' | '\u{0B}' | '\u{0C}' => keep(at, c, ' '),
        '\u{2028}' | '\u{2029}' => keep(at, c, '\n'),
        c if c.is_control() || is_explicit_bidi(c) || is_dropped_invisible(c) => {}
        c => keep(at, c, c),
    }
    State::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_controls_and_sequences() {
        assert_eq!(sanitize("a\u{1B}[31mb\u{1B}[0m"), "ab");
        assert_eq!(sanitize("x\u{1B}]0;title\u{7}y"), "xy");
        assert_eq!(
            sanitize("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\"),
            "xlink"
        );
        assert_eq!(sanitize("a\u{9B}2Jb\u{85}c\u{0}d\u{7F}e"), "abcde");
        assert_eq!(sanitize("a\tb\r\nc\rd\u{2028}e"), "a b\nc d\ne");
        assert_eq!(sanitize("x\u{1B}Pq#0\nrest"), "x\nrest");
        assert_eq!(sanitize("p\u{9D}8;;http://e\u{9C}q"), "pq");
    }

    #[test]
    fn unterminated_strings_and_short_sequences_go_whole() {
        // Issue 14: the feed's cleaning kept "u52;c;AAAA", «B» and «8».
        assert_eq!(sanitize("u\u{1B}]52;c;AAAA"), "u");
        assert_eq!(sanitize("u\u{1B}]52;c;AAAA\nnext"), "u\nnext");
        assert_eq!(sanitize("a\u{1B}(Bb"), "ab");
        assert_eq!(sanitize("a\u{1B}#8b"), "ab");
        assert_eq!(sanitize("\u{1B}]عنوان"), "");
        // ESC before a letter that cannot continue a sequence: only ESC goes.
        assert_eq!(sanitize("\u{1B}عنوان"), "عنوان");
        assert_eq!(sanitize("a\u{1B}"), "a");
    }

    #[test]
    fn bidi_overrides_and_invisible_characters_go() {
        assert_eq!(
            sanitize("\u{202E}OpenAI 2026\u{202C} \u{2067}x\u{2069}"),
            "OpenAI 2026 x"
        );
        assert_eq!(sanitize("Open\u{200B}A\u{AD}I\u{FEFF}\u{2061}"), "OpenAI");
        // Joiners, marks and combining ignorables carry meaning and stay.
        let kept = "بی\u{200C}نظیر ب\u{200D}ا \u{200F}x\u{200E}\u{061C} a\u{034F}b ❤\u{FE0F}";
        assert_eq!(sanitize(kept), kept);
    }

    #[test]
    fn mapped_offsets_point_at_source() {
        let (t, map) = sanitize_mapped("\u{1B}[1mعربي\t.");
        assert_eq!(t, "عربي\t.");
        assert_eq!(map, vec![4, 6, 8, 10, 12, 13]);
    }
}
