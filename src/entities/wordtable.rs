//! The words of a normalized text, split once and looked up once. Every rule family that walks
//! the words (people, companies, outlets) reads a word's closed classes here by its index
//! instead of looking the word up again (docs/gazetteer.md "Speed", round seven).

use super::people::class;
use super::scan::{Word, split_words};

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
}
