//! The words of a normalized text, split once and looked up once. Every rule family that walks
//! the words (people, companies, outlets) reads a word's closed classes here by its index
//! instead of looking the word up again (docs/gazetteer.md "Speed", round seven).

use super::people::class;
use super::scan::{Word, is_space, split_words};

pub struct WordTable {
    pub words: Vec<Word>,
    /// `class` bits of each word (`people::class`: function, role, title and speech words,
    /// institution, company, news and byline words, …).
    pub cls: Vec<u16>,
}

impl WordTable {
    pub fn new(t: &str) -> WordTable {
        let words = split_words(t);
        let cls = words.iter().map(|w| class(&t[w.s..w.e])).collect();
        WordTable { words, cls }
    }

    /// `scan::prev_word` over the text the table was made from: the word (or the part of it)
    /// that ends at `pos`, skipping spaces. A binary search of the words instead of a walk back
    /// over the chars (about 220 instructions a call: five chars, each decoded and classified).
    pub fn prev_word(&self, t: &str, pos: usize) -> Option<(usize, usize)> {
        let k = self.words.partition_point(|w| w.s < pos);
        let w = self.words.get(k.checked_sub(1)?)?;
        if w.e >= pos {
            return Some((w.s, pos));
        }
        t[w.e..pos].chars().all(is_space).then_some((w.s, w.e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::scan::prev_word;

    #[test]
    fn prev_word_answers_as_the_walk_back() {
        let t = "قال  Ünïcode 𝔸bc, \u{a0}و«الشركة» 2025\tمليار.  ";
        let table = WordTable::new(t);
        let mut checked = 0;
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            assert_eq!(table.prev_word(t, pos), prev_word(t, pos), "{pos}");
            checked += usize::from(prev_word(t, pos).is_some());
        }
        assert!(checked > 20, "{checked}");
    }
}
