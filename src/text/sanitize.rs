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
    struct Out(String);
    impl Keep for Out {
        fn text(&mut self, _: usize, text: &str) {
            self.0.push_str(text);
        }
        fn char(&mut self, _: usize, _: char, kept: char) {
            self.0.push(if kept == '\t' { ' ' } else { kept });
        }
    }
    let mut out = Out(String::with_capacity(s.len()));
    scan(s, &mut out);
    out.0
}

/// Like [`sanitize`] but keeping `\t`, with the byte offset in `s` of every kept character (for
/// style spans).
pub(crate) fn sanitize_mapped(s: &str) -> (String, Vec<usize>) {
    struct Out(String, Vec<usize>);
    impl Keep for Out {
        fn text(&mut self, at: usize, text: &str) {
            self.0.push_str(text);
            self.1.extend(text.char_indices().map(|(k, _)| at + k));
        }
        fn char(&mut self, at: usize, _: char, kept: char) {
            self.0.push(kept);
            self.1.push(at);
        }
    }
    let mut out = Out(String::with_capacity(s.len()), Vec::with_capacity(s.len()));
    scan(s, &mut out);
    (out.0, out.1)
}

/// What the scanner keeps, in order.
pub(crate) trait Keep {
    /// A run of characters kept as they are (none of them whitespace), at byte offset `at`.
    fn text(&mut self, at: usize, text: &str);
    /// One character kept at byte offset `at`: `kept` stands for `source` (a tab made a space,
    /// CRLF's LF, …) or is it.
    fn char(&mut self, at: usize, source: char, kept: char);
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

/// The scanner: tells `keep` every character kept, in order, with its byte offset.
pub(crate) fn scan(s: &str, keep: &mut impl Keep) {
    let mut state = State::Text;
    let mut at = 0;
    while at < s.len() {
        if let State::Text = state {
            let run = plain_run(&s.as_bytes()[at..]);
            if run > 0 {
                keep.text(at, &s[at..at + run]);
                at += run;
                continue;
            }
        }
        let rest = &s[at..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let next = chars.next();
        state = match state {
            State::Text => text_char(c, at, next, keep),
            State::Escape => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str { after_esc: false },
                // Intermediates of an nF sequence: keep skipping until the final byte.
                '\u{20}'..='\u{2F}' => State::Escape,
                // A final byte ends the sequence; anything else aborts it and is itself text.
                '\u{30}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, next, keep),
            },
            State::Csi => match c {
                '\u{20}'..='\u{3F}' => State::Csi,
                '\u{40}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, next, keep),
            },
            State::Str { after_esc } => match c {
                BEL | ST => State::Text,
                '\\' if after_esc => State::Text,
                ESC => State::Str { after_esc: true },
                // An unterminated string ends with its paragraph; the break itself is text.
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => text_char(c, at, next, keep),
                _ => State::Str { after_esc: false },
            },
        };
        at += c.len_utf8();
    }
}

/// Length of the run at the start of `b` of characters kept as they are, found byte by byte
/// (most of an article): printable ASCII but the space, and the Arabic block U+0620–U+06FF but
/// U+06DD (the other format characters of the block lie below U+0620).
fn plain_run(b: &[u8]) -> usize {
    let mut j = 0;
    while j < b.len() {
        match (b[j], b.get(j + 1)) {
            (0x21..=0x7E, _) => j += 1,
            (0xD8, Some(0xA0..=0xBF)) | (0xD9 | 0xDA, Some(0x80..=0xBF)) => j += 2,
            (0xDB, Some(&n)) if (0x80..=0xBF).contains(&n) && n != 0x9D => j += 2,
            _ => break,
        }
    }
    j
}

fn text_char(c: char, at: usize, next: Option<char>, keep: &mut impl Keep) -> State {
    match c {
        ' '..='~' => keep.char(at, c, c),
        ESC => return State::Escape,
        '\u{9B}' => return State::Csi,
        '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
            return State::Str { after_esc: false };
        }
        '\n' | '\t' => keep.char(at, c, c),
        '\r' if next == Some('\n') => {}
        '\r' | '\u{0B}' | '\u{0C}' => keep.char(at, c, ' '),
        '\u{2028}' | '\u{2029}' => keep.char(at, c, '\n'),
        c if c.is_control() || is_explicit_bidi(c) || is_dropped_invisible(c) => {}
        c => keep.char(at, c, c),
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
