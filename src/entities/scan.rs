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
    last_char(t, pos).map(|(c, _)| c)
}

/// The char that ends at byte `end` and its length. The backward walks below ask this of nearly
/// every byte they pass: ASCII and two-byte chars (all of Arabic) are read from the bytes, since
/// `chars().next_back()` costs several times more; longer chars go through it.
#[inline]
fn last_char(t: &str, end: usize) -> Option<(char, usize)> {
    let b = t.as_bytes();
    let last = *b.get(end.checked_sub(1)?)?;
    if last.is_ascii() {
        return Some((char::from(last), 1));
    }
    // `end` is a char boundary, so `last` is a continuation byte; a two-byte lead before it
    // makes the pair one char.
    if let Some(&lead) = end.checked_sub(2).and_then(|i| b.get(i))
        && lead & 0xE0 == 0xC0
        && let Some(c) = char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(last & 0x3F))
    {
        return Some((c, 2));
    }
    let c = t[..end].chars().next_back()?;
    Some((c, c.len_utf8()))
}

pub fn char_at(t: &str, pos: usize) -> Option<char> {
    t[pos..].chars().next()
}

/// Start of the run of letters that ends at `pos` (at most `limit` bytes back).
pub fn letters_before(t: &str, pos: usize, limit: usize) -> usize {
    let mut start = pos;
    while let Some((c, n)) = last_char(t, start) {
        if !is_letter(c) || pos - start >= limit {
            break;
        }
        start -= n;
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
    while let Some((c, n)) = last_char(t, end) {
        if !is_space(c) {
            break;
        }
        end -= n;
    }
    let mut start = end;
    while let Some((c, n)) = last_char(t, start) {
        if !is_word_char(c) {
            break;
        }
        start -= n;
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
    // Asked of nearly every word. A word has one prefix of each length, so at most one clitic of
    // each length fits; clitics are one to four of the two-byte letters CLITIC_FIRST_LETTERS, so
    // the prefixes tried stop at the first other letter (most words: at once).
    let max = CLITIC_PREFIXES[0].len();
    let b = word.as_bytes();
    std::iter::once(0).chain(
        (2..=max)
            .step_by(2)
            .take_while(move |&n| {
                matches!(b.get(n - 2..n), Some(&[lead, next]) if lead & 0xE0 == 0xC0
                    && char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F))
                        .is_some_and(|c| CLITIC_FIRST_LETTERS.contains(&c)))
            })
            .filter(move |&n| word.len() > n + 2 && is_clitic(&word[..n])),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `stems` answers, by its definition: every clitic that fits, shortest first.
    fn stems_by_list(word: &str) -> Vec<usize> {
        let fits = CLITIC_PREFIXES
            .iter()
            .rev()
            .filter(|c| word.len() > c.len() + 2 && word.starts_with(**c));
        std::iter::once(0).chain(fits.map(|c| c.len())).collect()
    }

    #[test]
    fn stems_are_the_clitics_that_fit_shortest_first() {
        for c in CLITIC_PREFIXES {
            assert!(
                c.chars()
                    .all(|l| l.len_utf8() == 2 && CLITIC_FIRST_LETTERS.contains(&l))
            );
        }
        let words = [
            "وبالشركه",
            "فللمؤسسه",
            "والرئيس",
            "بالدولار",
            "الذي",
            "لل",
            "للا",
            "وكالات",
            "ولد",
            "كتاب",
            "فيسبوك",
            "google",
            "و1",
            "ال2025",
            "أبل",
            "",
        ];
        for w in words {
            assert_eq!(stems(w).collect::<Vec<_>>(), stems_by_list(w), "{w}");
        }
        assert_eq!(stems("وبالشركه").collect::<Vec<_>>(), [0, 2, 4, 8]); // not «وبا»
    }

    #[test]
    fn backward_walks_read_any_script() {
        let t = "قال  Ünïcode 𝔸bc,";
        let at = |s: &str| t.find(s).unwrap_or(0);
        assert_eq!(prev_word(t, t.len() - 1), Some((at("𝔸"), t.len() - 1)));
        assert_eq!(prev_word(t, at(" 𝔸")), Some((at("Ü"), at(" 𝔸"))));
        assert_eq!(prev_word(t, at("Ü")), Some((0, "قال".len())));
        assert_eq!(char_before(t, t.len()), Some(','));
        assert_eq!(char_before(t, at("bc")), Some('𝔸'));
        assert_eq!(char_before(t, 0), None);
        assert_eq!(letters_before(t, "قال".len(), 12), 0);
        // Stops once `limit` bytes are taken.
        assert_eq!(letters_before(t, "قال".len(), 4), 2);
        assert_eq!(letters_before(t, "قال".len(), 2), 4);
    }
}
