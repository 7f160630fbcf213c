//! Untrusted text → text safe to write to a terminal: no C0/C1 controls, no escape sequences.
//! Bidi formatting characters are kept (the layout uses them for the analysis, never emits them).

/// Drop C0/C1 controls and escape sequences (keeps `\n` and bidi formatting characters).
/// A tab becomes a space and `\r` is dropped, so CRLF text reads as LF text.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    sanitize_into(s, |c, _| out.push(c));
    out
}

/// Like [`sanitize`], with the byte offset in `s` of every kept character (for style spans).
pub(crate) fn sanitize_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    sanitize_into(s, |c, at| {
        out.push(c);
        map.push(at);
    });
    (out, map)
}

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const ST: char = '\u{9C}';

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

fn sanitize_into(s: &str, mut keep: impl FnMut(char, usize)) {
    let mut state = State::Text;
    for (at, c) in s.char_indices() {
        state = match state {
            State::Text => text_char(c, at, &mut keep),
            State::Escape => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str { after_esc: false },
                // Intermediates of an nF sequence: keep skipping until the final byte.
                '\u{20}'..='\u{2F}' => State::Escape,
                // A final byte ends the sequence; anything else aborts it and is itself text.
                '\u{30}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, &mut keep),
            },
            State::Csi => match c {
                '\u{20}'..='\u{3F}' => State::Csi,
                '\u{40}'..='\u{7E}' => State::Text,
                _ => text_char(c, at, &mut keep),
            },
            State::Str { after_esc } => match c {
                BEL | ST => State::Text,
                '\\' if after_esc => State::Text,
                ESC => State::Str { after_esc: true },
                // A string that never ends must not swallow the rest of an article.
                '\n' => {
                    keep('\n', at);
                    State::Text
                }
                _ => State::Str { after_esc: false },
            },
        };
    }
}

fn text_char(c: char, at: usize, keep: &mut impl FnMut(char, usize)) -> State {
    match c {
        ESC => State::Escape,
        '\u{9B}' => State::Csi,
        '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => State::Str { after_esc: false },
        '\n' => {
            keep('\n', at);
            State::Text
        }
        '\t' => {
            keep(' ', at);
            State::Text
        }
        c if c.is_control() => State::Text,
        c => {
            keep(c, at);
            State::Text
        }
    }
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
        assert_eq!(sanitize("a\tb\r\nc"), "a b\nc");
        assert_eq!(sanitize("\u{202E}مرحبا\u{202C}"), "\u{202E}مرحبا\u{202C}");
        assert_eq!(sanitize("x\u{1B}Pq#0\nrest"), "x\nrest");
        assert_eq!(sanitize("a\u{1B}(Bb"), "ab");
    }

    #[test]
    fn mapped_offsets_point_at_source() {
        let (t, map) = sanitize_mapped("\u{1B}[1mعربي");
        assert_eq!(t, "عربي");
        assert_eq!(map, vec![4, 6, 8, 10]);
    }
}
