//! Feed text made safe for a terminal: escape sequences (7-bit and C1) removed whole, control
//! characters dropped (crate::text::sanitize), invisible characters removed, bidi embeddings,
//! overrides and isolates balanced within each paragraph so none leaks past it.

/// One line of text (title, author, category): every whitespace run becomes one space.
pub fn inline(s: &str) -> String {
    let text = safe(s);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs: each line's whitespace collapsed, empty lines dropped, joined with '\n'.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    lines
        .into_iter()
        .flat_map(|l| l.split('\n'))
        .map(inline)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Truncate to at most `max` characters (at a char boundary), marking the cut with '…'.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

use std::borrow::Cow;

/// Escape sequences, controls and invisible characters removed; bidi controls balanced per line.
fn safe(s: &str) -> String {
    let stripped = strip_escapes(s);
    let mapped: String = stripped
        .chars()
        .filter_map(|c| match c {
            '\t' | '\r' | '\u{0B}' | '\u{0C}' => Some(' '),
            '\u{2028}' | '\u{2029}' => Some('\n'),
            c if is_invisible(c) => None,
            c => Some(c),
        })
        .collect();
    let sanitized = crate::text::sanitize(&mapped);
    // Whatever sanitize keeps, no control character other than '\n' may leave this module.
    let controls_gone: String = sanitized
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    controls_gone
        .split('\n')
        .map(balance_bidi)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Zero-width and other invisible characters that only serve to hide or spoof text. ZWJ and
/// ZWNJ stay: Arabic-script text and emoji need them.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}' | '\u{E0000}'..='\u{E007F}')
}

/// Longest OSC/DCS string taken as one sequence; an unterminated one loses only its introducer.
const MAX_STRING_SEQ: usize = 512;

/// Remove ESC-introduced and C1 escape sequences whole (CSI, OSC, DCS, SOS, PM, APC, two-char).
fn strip_escapes(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c))
    {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Normalise the 7-bit form "ESC x" to its C1 equivalent.
        let (kind, body) = match c {
            '\u{1b}' => match chars.get(i + 1) {
                Some('[') => ('[', i + 2),
                Some(']') => (']', i + 2),
                Some('P' | 'X' | '^' | '_') => ('P', i + 2),
                Some(_) => ('2', i + 2),
                None => ('1', i + 1),
            },
            '\u{9b}' => ('[', i + 1),
            '\u{9d}' => (']', i + 1),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => ('P', i + 1),
            c => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        i = match kind {
            '[' => {
                // Parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
                let mut j = body;
                while j < chars.len() && ('\u{20}'..='\u{3f}').contains(&chars[j]) {
                    j += 1;
                }
                if j < chars.len() && ('\u{40}'..='\u{7e}').contains(&chars[j]) {
                    j += 1;
                }
                j
            }
            ']' | 'P' => {
                // String until BEL, ST (ESC \ or U+009C).
                let limit = chars.len().min(body + MAX_STRING_SEQ);
                let mut end = None;
                let mut j = body;
                while j < limit {
                    match chars[j] {
                        '\u{07}' | '\u{9c}' => {
                            end = Some(j + 1);
                            break;
                        }
                        '\u{1b}' if chars.get(j + 1) == Some(&'\\') => {
                            end = Some(j + 2);
                            break;
                        }
                        _ => j += 1,
                    }
                }
                end.unwrap_or(body)
            }
            _ => body,
        };
    }
    Cow::Owned(out)
}

/// UAX #9's limit on embedding depth; deeper openers are dropped.
const MAX_BIDI_DEPTH: usize = 125;

/// Drop unmatched PDF/PDI, close every embedding, override or isolate left open at line end.
fn balance_bidi(line: &str) -> String {
    const PDF: char = '\u{202C}';
    const PDI: char = '\u{2069}';
    if !line
        .chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut open: Vec<char> = Vec::new();
    for c in line.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}'..='\u{2068}' => {
                if open.len() < MAX_BIDI_DEPTH {
                    open.push(if c >= '\u{2066}' { PDI } else { PDF });
                    out.push(c);
                }
            }
            PDF => {
                if open.last() == Some(&PDF) {
                    open.pop();
                    out.push(c);
                }
            }
            PDI => {
                // A PDI closes its isolate and every embedding opened inside it.
                if let Some(k) = open.iter().rposition(|&o| o == PDI) {
                    for closer in open.drain(k..).skip(1).rev() {
                        out.push(closer);
                    }
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out.extend(open.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(inline("a\x1b]0;pwned\x07b"), "ab");
        assert_eq!(inline("x\x1b[2Jy\x1b[31;1mz"), "xyz");
        assert_eq!(inline("p\u{9b}31mq\u{9d}8;;http://e\u{9c}r"), "pqr");
        assert_eq!(inline("t\x1bPdata\x1b\\u"), "tu");
        // Unterminated OSC: only the introducer goes, the text stays.
        assert_eq!(inline("\x1b]عنوان"), "عنوان");
        assert_eq!(inline("nul\0 byte\x08\x7f"), "nul byte");
    }

    #[test]
    fn invisible_and_bidi() {
        assert_eq!(inline("Open\u{200B}AI\u{FEFF}"), "OpenAI");
        assert_eq!(inline("بی\u{200C}نظیر"), "بی\u{200C}نظیر");
        assert_eq!(inline("\u{202E}evil"), "\u{202E}evil\u{202C}");
        assert_eq!(
            inline("a\u{2067}b\u{202B}c\u{2069}d\u{202C}"),
            "a\u{2067}b\u{202B}c\u{202C}\u{2069}d"
        );
        assert_eq!(paragraphs(["\u{2066}x\ny\u{2069}"]), "\u{2066}x\u{2069}\ny");
    }

    #[test]
    fn truncates_at_char_boundary() {
        assert_eq!(truncate("عربي", 2), "عر…");
        assert_eq!(truncate("ab", 2), "ab");
    }
}
