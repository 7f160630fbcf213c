//! Feed text made safe to store, print (`--json`) and lay out: the layout's sanitizer
//! ([`crate::text::sanitize`]: escape sequences, controls, bidi embeddings/overrides/isolates
//! and invisible characters removed) plus whitespace collapsed, in one pass. Text that needs
//! none of it, most of a feed, comes back borrowed.

use crate::text::Keep;
use std::borrow::Cow;

/// One line of text (title, author, category): sanitized, every whitespace run one space, no
/// space at either end.
pub fn inline(s: &str) -> Cow<'_, str> {
    let mut out = Collapsed::new(s);
    crate::text::scan(s, &mut out);
    out.finish()
}

/// Paragraphs: each line's whitespace collapsed, empty lines dropped, joined with '\n'.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for paragraph in lines.into_iter().flat_map(|l| l.split('\n')).map(inline) {
        if paragraph.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&paragraph);
    }
    out
}

/// Truncate to at most `max` characters (at a char boundary), marking the cut with '…'.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

/// The output of [`inline`] as it is built: a slice of the source for as long as every kept
/// character is the source's next one (one space between words, none at the ends), a new
/// string from the first difference on.
struct Collapsed<'a> {
    src: &'a str,
    /// While `owned` is None, the output is `src[start..end]`.
    start: usize,
    end: usize,
    owned: Option<String>,
    /// Whitespace seen since the last word: where it started and whether it was exactly one
    /// plain space (so it can stay borrowed).
    space: Option<(usize, bool)>,
}

impl Keep for Collapsed<'_> {
    fn text(&mut self, at: usize, text: &str) {
        self.space_before(at);
        self.put(at, true, text);
    }

    fn char(&mut self, at: usize, source: char, kept: char) {
        if kept.is_whitespace() {
            self.space = match self.space {
                None => Some((at, source == ' ')),
                Some((from, _)) => Some((from, false)),
            };
            return;
        }
        self.space_before(at);
        self.put(at, source == kept, kept.encode_utf8(&mut [0; 4]));
    }
}

impl<'a> Collapsed<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            start: 0,
            end: 0,
            owned: None,
            space: None,
        }
    }

    /// Before a word: the space since the last one, if any (none at the start).
    fn space_before(&mut self, at: usize) {
        if let Some((from, single)) = self.space.take()
            && !self.is_empty()
        {
            self.put(from, single && at == from + 1, " ");
        }
    }

    fn is_empty(&self) -> bool {
        self.owned
            .as_ref()
            .map_or(self.start == self.end, String::is_empty)
    }

    /// Appends `text`; `verbatim`: it is the source's text at `at`.
    fn put(&mut self, at: usize, verbatim: bool, text: &str) {
        if let Some(owned) = &mut self.owned {
            owned.push_str(text);
            return;
        }
        if verbatim && self.start == self.end {
            self.start = at;
            self.end = at + text.len();
        } else if verbatim && at == self.end {
            self.end += text.len();
        } else {
            let mut owned = String::with_capacity(self.src.len());
            owned.push_str(&self.src[self.start..self.end]);
            owned.push_str(text);
            self.owned = Some(owned);
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.owned {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(&self.src[self.start..self.end]),
        }
    }
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
        // Unterminated OSC: dropped to the end of the paragraph, as the layout drops it.
        assert_eq!(inline("u\x1b]52;c;AAAA"), "u");
        assert_eq!(paragraphs(["\x1b]عنوان\nخبر"]), "خبر");
        assert_eq!(inline("a\x1b(Bb\x1b#8c"), "abc");
        assert_eq!(inline("nul\0 byte\x08\x7f"), "nul byte");
    }

    #[test]
    fn invisible_and_bidi() {
        assert_eq!(inline("Open\u{200B}AI\u{FEFF}"), "OpenAI");
        assert_eq!(inline("بی\u{200C}نظیر"), "بی\u{200C}نظیر");
        assert_eq!(inline("\u{202E}evil"), "evil");
        assert_eq!(inline("a\u{2067}b\u{202B}c\u{2069}d\u{202C}"), "abcd");
        assert_eq!(paragraphs(["\u{2066}x\ny\u{2069}"]), "x\ny");
    }

    #[test]
    fn whitespace_collapses_and_clean_text_is_borrowed() {
        assert_eq!(inline("  a \t b\r\n c\u{2028}d\u{A0} "), "a b c d");
        assert_eq!(inline(" \u{200B} "), "");
        assert_eq!(inline("a \u{200B} b"), "a b");
        assert_eq!(inline("a \u{200B}b"), "a b");
        for clean in ["أخبار التقنية اليوم", "OpenAI", "", "a b"] {
            assert!(
                matches!(inline(clean), Cow::Borrowed(b) if b == clean),
                "{clean:?}"
            );
        }
        // Borrowed also when only the ends change.
        assert!(matches!(
            inline("  عاجل: خبر  "),
            Cow::Borrowed("عاجل: خبر")
        ));
        assert_eq!(
            paragraphs(["  first  line \n\n second\r", "third"]),
            "first line\nsecond\nthird"
        );
    }

    #[test]
    fn truncates_at_char_boundary() {
        assert_eq!(truncate("عربي", 2), "عر…");
        assert_eq!(truncate("ab", 2), "ab");
    }
}
