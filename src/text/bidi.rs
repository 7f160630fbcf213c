//! Levels → visual order for one line: rule L1 (reset trailing whitespace), L2 (reverse runs),
//! applied to units (grapheme clusters in the layout, so harakat stay on their letter: L3), and
//! the paragraph direction policy.

use super::Direction;
use super::chars::is_bidi_mark;
use unicode_bidi::BidiClass::{self, *};
use unicode_bidi::{BidiDataSource, HardcodedBidiData, Level, ParagraphBidiInfo};

/// unicode-bidi's data with a fast path for the characters that make up most of an Arabic or
/// English article (its binary search per character was the largest cost of a layout).
pub(crate) struct FastBidiData;

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        match c {
            'a'..='z' | 'A'..='Z' => L,
            '0'..='9' => EN,
            ' ' => WS,
            '\u{0621}'..='\u{064A}' | '\u{FE70}'..='\u{FEFC}' => AL,
            _ => HardcodedBidiData.bidi_class(c),
        }
    }
}

/// The paragraph's levels and classes (per byte), computed once.
pub(crate) fn paragraph_info(text: &str, para_level: u8) -> ParagraphBidiInfo<'_> {
    let level = if para_level % 2 == 1 {
        Level::rtl()
    } else {
        Level::ltr()
    };
    ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, Some(level))
}

/// Paragraph level for `text` under `direction`: 1 = right-to-left, 0 = left-to-right.
///
/// `Auto`: mostly Arabic/Hebrew letters → RTL (so «OpenAI تطلق …» reads right-to-left);
/// otherwise the first strong character; with no strong character, RTL when there are
/// Arabic-Indic digits.
pub fn paragraph_level(text: &str, direction: Direction) -> u8 {
    match direction {
        Direction::Rtl => 1,
        Direction::Ltr => 0,
        Direction::Auto => u8::from(auto_is_rtl(text)),
        Direction::RtlContent => u8::from(!ltr_letters_only(text)),
    }
}

/// Left-to-right letters and not one right-to-left letter (an RLM counts as one: whoever
/// wrote it asked for right to left).
fn ltr_letters_only(text: &str) -> bool {
    let mut ltr = false;
    for c in text.chars() {
        match FastBidiData.bidi_class(c) {
            L => ltr = true,
            R | AL => return false,
            _ => {}
        }
    }
    ltr
}

fn auto_is_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr, mut first, mut arabic_digits) = (0usize, 0usize, None, false);
    for c in text.chars() {
        // Marks (LRM, RLM, ALM) are not letters: counted, a run of them in untrusted text would
        // turn an Arabic headline left-to-right and swap the order its names are read in.
        let letter = usize::from(!is_bidi_mark(c));
        match FastBidiData.bidi_class(c) {
            L => {
                ltr += letter;
                first.get_or_insert(false);
            }
            R | AL => {
                rtl += letter;
                first.get_or_insert(true);
            }
            _ => arabic_digits |= matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}'),
        }
    }
    if rtl > ltr {
        return true;
    }
    first.unwrap_or(arabic_digits)
}

/// What the line algorithm needs to know of one unit.
pub(crate) trait BidiUnit {
    fn level(&self) -> u8;
    fn class(&self) -> BidiClass;
}

/// Rule L1 on one line: segment separators and the whitespace (and isolate controls) before
/// them or at the end of the line go to the paragraph level. Characters removed by X9 take the
/// level of what precedes them so that they never split a run.
pub(crate) fn line_levels<U: BidiUnit>(units: &[U], para: u8) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(units.len());
    let mut trailing: Option<usize> = None;
    for (i, u) in units.iter().enumerate() {
        let class = u.class();
        let level = if removed_by_x9(class) {
            out.last().copied().unwrap_or(para)
        } else {
            u.level()
        };
        out.push(level);
        match class {
            B | S => {
                let from = trailing.take().unwrap_or(i);
                out[from..=i].fill(para);
            }
            WS | FSI | LRI | RLI | PDI | RLE | LRE | RLO | LRO | PDF | BN => {
                trailing.get_or_insert(i);
            }
            _ => trailing = None,
        }
    }
    if let Some(from) = trailing {
        out[from..].fill(para);
    }
    out
}

/// Characters that rule X9 removes (they have no place in the visual order).
pub fn removed_by_x9(class: BidiClass) -> bool {
    matches!(class, RLE | LRE | RLO | LRO | PDF | BN)
}

/// Rule L2: logical indices in visual order (left to right on the screen).
pub(crate) fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let min_odd = levels.iter().copied().min().unwrap_or(0) | 1;
    let mut level = max;
    while level >= min_odd {
        let mut i = 0;
        while i < levels.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < levels.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}

struct CharUnit {
    level: u8,
    class: BidiClass,
}

impl BidiUnit for CharUnit {
    fn level(&self) -> u8 {
        self.level
    }
    fn class(&self) -> BidiClass {
        self.class
    }
}

/// The visual order of one line of text by character (no L3), for conformance testing with
/// BidiCharacterTest.txt: logical char indices left to right, X9-removed characters omitted.
/// `rtl`: `Some` forces the paragraph direction, `None` uses rules P2–P3.
pub fn visual_char_order(text: &str, rtl: Option<bool>) -> Vec<usize> {
    let level = rtl.map(|r| if r { Level::rtl() } else { Level::ltr() });
    let info = ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, level);
    let para = info.paragraph_level.number();
    let units: Vec<CharUnit> = text
        .char_indices()
        .map(|(at, _)| CharUnit {
            level: info.levels[at].number(),
            class: info.original_classes[at],
        })
        .collect();
    let levels = line_levels(&units, para);
    visual_order(&levels)
        .into_iter()
        .filter(|&i| !removed_by_x9(units[i].class))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_classes_agree_with_unicode_bidi() {
        for c in
            ('\0'..='\u{FFFF}').filter(|c| c.is_ascii() || ('\u{0600}'..='\u{FEFF}').contains(c))
        {
            assert_eq!(
                FastBidiData.bidi_class(c),
                unicode_bidi::bidi_class(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn l2_reverses_nested_runs() {
        assert_eq!(
            visual_order(&[0, 1, 1, 2, 2, 1, 0]),
            vec![0, 5, 3, 4, 2, 1, 6]
        );
        assert_eq!(visual_order(&[1, 1, 1]), vec![2, 1, 0]);
        assert_eq!(visual_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn auto_direction_policy() {
        assert_eq!(
            paragraph_level("OpenAI تطلق نموذجا جديدا", Direction::Auto),
            1
        );
        assert_eq!(paragraph_level("Hello عالم", Direction::Auto), 0);
        assert_eq!(paragraph_level("٢٠٢٥ - 10", Direction::Auto), 1);
        assert_eq!(paragraph_level("2025 - 10", Direction::Auto), 0);
        assert_eq!(paragraph_level("عربي", Direction::Ltr), 0);
        // Marks steer only where no letter decides.
        let marks = "\u{200E}".repeat(20);
        assert_eq!(
            paragraph_level(&format!("{marks}Apple تستحوذ على شركة"), Direction::Auto),
            1
        );
        assert_eq!(paragraph_level("\u{200F}2025 - 10", Direction::Auto), 1);
        // Content in Arabic: RTL even when Latin letters lead or outnumber; an all-English
        // paragraph keeps its own direction; a bare number is aligned as Arabic.
        let content = Direction::RtlContent;
        assert_eq!(
            paragraph_level("Apple تطلق iPhone 17 Pro Max في السعودية", content),
            1
        );
        assert_eq!(
            paragraph_level("Apple said: \u{201C}we are excited.\u{201D}", content),
            0
        );
        assert_eq!(paragraph_level("2026", content), 1);
        assert_eq!(paragraph_level("\u{200F}Hello", content), 1);
    }
}
