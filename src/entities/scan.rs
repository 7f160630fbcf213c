//! Word-level helpers over normalized text (byte offsets, always on char boundaries).

use super::normalize::{CLITIC_FIRST_LETTERS, CLITIC_PREFIXES};
pub use crate::text::is_arabic_letter;

/// A letter or digit of any script: what may not touch a name on its right.
/// ASCII and Arabic are decided without the (slow) Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c as u32 {
        0x0620..=0x064A | 0x0660..=0x0669 | 0x066E..=0x06D3 | 0x06F0..=0x06FF => true,
        0x0600..=0x06FF => false,
        _ => c.is_alphanumeric(),
    }
}

/// A letter of any script (fast for ASCII and Arabic).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        0x0620..=0x064A | 0x066E..=0x06D3 | 0x06FA..=0x06FF => true,
        0x0600..=0x06FF => false,
        _ => c.is_alphabetic(),
    }
}

pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

pub fn char_before(t: &str, pos: usize) -> Option<char> {
    t[..pos].chars().next_back()
}

pub fn char_at(t: &str, pos: usize) -> Option<char> {
    t[pos..].chars().next()
}

/// Start of the run of letters that ends at `pos` (at most `limit` bytes back).
pub fn letters_before(t: &str, pos: usize, limit: usize) -> usize {
    let mut start = pos;
    for c in t[..pos].chars().rev() {
        if !is_letter(c) || pos - start >= limit {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

pub fn is_clitic(s: &str) -> bool {
    CLITIC_PREFIXES.contains(&s)
}

/// The letters glued before `pos` in the same word, if they form a clitic prefix (or nothing).
/// Returns None when `pos` is inside a word that is not clitic + name.
pub fn clitic_before(t: &str, pos: usize) -> Option<&str> {
    let start = letters_before(t, pos, 12);
    if start > 0 && char_before(t, start).is_some_and(is_word_char) {
        return None;
    }
    let prefix = &t[start..pos];
    (prefix.is_empty() || is_clitic(prefix)).then_some(prefix)
}

/// The word (letters and digits) that ends just before `pos`, skipping spaces: (start, end).
pub fn prev_word(t: &str, pos: usize) -> Option<(usize, usize)> {
    let mut end = pos;
    for c in t[..pos].chars().rev() {
        if !is_space(c) {
            break;
        }
        end -= c.len_utf8();
    }
    let mut start = end;
    for c in t[..end].chars().rev() {
        if !is_word_char(c) {
            break;
        }
        start -= c.len_utf8();
    }
    (start < end).then_some((start, end))
}

/// The word that starts after `pos`, skipping spaces: (start, end).
pub fn next_word(t: &str, pos: usize) -> Option<(usize, usize)> {
    let start = skip_spaces(t, pos);
    let end = word_end(t, start);
    (start < end).then_some((start, end))
}

pub fn skip_spaces(t: &str, pos: usize) -> usize {
    let mut p = pos;
    for c in t[pos..].chars() {
        if !is_space(c) {
            break;
        }
        p += c.len_utf8();
    }
    p
}

pub fn word_end(t: &str, pos: usize) -> usize {
    let mut p = pos;
    for c in t[pos..].chars() {
        if !is_word_char(c) {
            break;
        }
        p += c.len_utf8();
    }
    p
}

/// Ways to read `word` as clitic + stem: the stem offsets (within `word`), longest clitic last.
pub fn stems(word: &str) -> impl Iterator<Item = usize> + '_ {
    // Asked of nearly every word: a word that starts with no clitic's letter skips the list.
    let clitics = if word.starts_with(CLITIC_FIRST_LETTERS) {
        CLITIC_PREFIXES
    } else {
        &[]
    };
    std::iter::once(0).chain(
        clitics
            .iter()
            .rev()
            .filter(move |c| word.len() > c.len() + 2 && word.starts_with(**c))
            .map(|c| c.len()),
    )
}

/// A word of the normalized text, with what separates it from the previous word.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    pub s: usize,
    pub e: usize,
    /// Only spaces between this word and the previous one (so they may share a name).
    pub joined: bool,
    /// Arabic letters only.
    pub arabic: bool,
}

/// The words of `t` (letters and digits), each knowing whether only spaces separate it from the
/// previous one (a line break, a quote or any punctuation breaks a name).
pub fn split_words(t: &str) -> Vec<Word> {
    let bytes = t.as_bytes();
    let mut out: Vec<Word> = Vec::with_capacity(t.len() / 8);
    let mut gap_clean = false;
    let mut current: Option<Word> = None;
    let mut i = 0;
    while i < bytes.len() {
        // (length, word char, Arabic letter, a space that keeps words joined), decided from the
        // bytes for ASCII and the common Arabic letters, from the char otherwise.
        let (len, word, arabic, space) = match bytes[i] {
            b if b.is_ascii() => (1, b.is_ascii_alphanumeric(), false, b == b' '),
            b @ (0xD8 | 0xD9)
                if bytes.get(i + 1).is_some_and(|&n| {
                    let cp = (u32::from(b & 0x1F) << 6) | u32::from(n & 0x3F);
                    matches!(cp, 0x0621..=0x063A | 0x0640..=0x064A)
                }) =>
            {
                (2, true, true, false)
            }
            _ => match t[i..].chars().next() {
                Some(c) => (
                    c.len_utf8(),
                    is_word_char(c),
                    is_arabic_letter(c),
                    is_space(c),
                ),
                None => break,
            },
        };
        if word {
            match &mut current {
                Some(w) => {
                    w.e = i + len;
                    w.arabic &= arabic;
                }
                None => {
                    current = Some(Word {
                        s: i,
                        e: i + len,
                        joined: gap_clean && !out.is_empty(),
                        arabic,
                    })
                }
            }
        } else {
            if let Some(w) = current.take() {
                out.push(w);
                gap_clean = true;
            }
            // A tab is a space that breaks a name (a table cell).
            if !space {
                gap_clean = false;
            }
        }
        i += len;
    }
    if let Some(w) = current {
        out.push(w);
    }
    out
}
