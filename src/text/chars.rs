//! What a character is, for the whole crate: Arabic letter, default-ignorable or format
//! character, joiner, bidi control, joining type. One place per Unicode property, read from
//! ICU4X's data (so a new Unicode version updates them all at once); the common characters of
//! an article take a fast path before any table lookup.

use icu_properties::props::{
    DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup, JoiningType, Script,
};
use icu_properties::{CodePointMapData, CodePointSetData};
use std::sync::LazyLock;

/// A letter of the Arabic script (base letters, Supplement, Extended, presentation forms), or
/// tatweel, which stretches a word and belongs to it. Not digits, punctuation or harakat.
pub fn is_arabic_letter(c: char) -> bool {
    match c {
        '\u{0621}'..='\u{063A}' | '\u{0640}'..='\u{064A}' => true,
        '\0'..='\u{05FF}' => false,
        c => {
            CodePointMapData::<Script>::new().get(c) == Script::Arabic
                && GeneralCategoryGroup::Letter.contains(general_category(c))
        }
    }
}

/// Default-ignorable (DerivedCoreProperties) or format (gc=Cf): never takes a cell, never
/// shown on its own. ZWJ, ZWNJ, bidi marks, variation selectors and CGJ are among them.
pub fn is_ignorable(c: char) -> bool {
    if plain(c) {
        return false;
    }
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || general_category(c) == GeneralCategory::Format
}

/// Never written to the terminal: the ignorable characters other than the joiners and the
/// ignorable combining marks (CGJ, variation selectors), which are written as part of the
/// grapheme cluster they belong to.
pub fn is_invisible(c: char) -> bool {
    is_ignorable(c) && !is_joiner(c) && general_category(c) != GeneralCategory::NonspacingMark
}

/// ZWNJ and ZWJ: shown only as part of a cluster (a joined emoji, a letter); alone, nothing.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// LRM, RLM, ALM and the embedding, override and isolate controls.
pub fn is_bidi_control(c: char) -> bool {
    is_bidi_mark(c) || is_explicit_bidi(c)
}

/// LRM, RLM, ALM: strong characters that only steer the bidi algorithm.
pub(crate) fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Embeddings, overrides, isolates and their terminators (UAX #9 X1–X8).
pub(crate) fn is_explicit_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Dropped from untrusted text: every ignorable character except the joiners, the bidi marks
/// and the ignorable combining marks, which carry meaning (joining, direction, variants) and are
/// drawn as nothing. What goes hides or spoofs text: ZWSP inside «Open​AI», SHY, invisible
/// operators, tags, Hangul fillers (terminals draw U+3164 two cells wide), the prepended
/// concatenation marks (U+0600–U+0605, U+08E2: spanning signs a terminal cannot draw), and the
/// noncharacters.
pub(crate) fn is_dropped_invisible(c: char) -> bool {
    if plain(c) {
        return false;
    }
    let noncharacter = matches!(c, '\u{FDD0}'..='\u{FDEF}') || (u32::from(c) & 0xFFFE) == 0xFFFE;
    noncharacter
        || (is_ignorable(c)
            && !is_joiner(c)
            && !is_bidi_mark(c)
            && general_category(c) != GeneralCategory::NonspacingMark)
}

/// How a character takes part in Arabic joining (Joining_Type, ArabicShaping.txt).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Joining {
    /// Harakat, other marks and format characters: skipped, the letters around them join.
    Transparent,
    /// ZWJ, tatweel: joins on both sides without changing itself.
    Causing,
    /// Joins to the character before it and the one after it (ب).
    Dual,
    /// Joins only to the character before it (ا).
    Right,
    /// Joins only to the character after it.
    Left,
    /// Breaks joining (spaces, Latin, digits, hamza, ZWNJ).
    None,
}

impl Joining {
    /// Connects to the next joining character (logical order).
    pub(crate) fn joins_next(self) -> bool {
        matches!(self, Joining::Dual | Joining::Left | Joining::Causing)
    }

    /// Connects to the previous joining character (logical order).
    pub(crate) fn joins_previous(self) -> bool {
        matches!(self, Joining::Dual | Joining::Right | Joining::Causing)
    }
}

pub(crate) fn joining(c: char) -> Joining {
    /// The joining of U+0600–U+08FF, looked up once: shaping asks for every letter.
    static ARABIC: LazyLock<Vec<Joining>> =
        LazyLock::new(|| ('\u{0600}'..='\u{08FF}').map(joining_from_table).collect());
    match c {
        '\0'..='\u{7F}' => Joining::None,
        // LRM is transparent by its joining type, but FriBidi joins only within a level run and
        // LRM always resolves to an even level between two Arabic letters (odd ones): it breaks.
        '\u{200E}' => Joining::None,
        '\u{0600}'..='\u{08FF}' => ARABIC
            .get(c as usize - 0x0600)
            .copied()
            .unwrap_or(Joining::None),
        c => joining_from_table(c),
    }
}

fn joining_from_table(c: char) -> Joining {
    match CodePointMapData::<JoiningType>::new().get(c) {
        JoiningType::Transparent => Joining::Transparent,
        JoiningType::JoinCausing => Joining::Causing,
        JoiningType::DualJoining => Joining::Dual,
        JoiningType::RightJoining => Joining::Right,
        JoiningType::LeftJoining => Joining::Left,
        _ => Joining::None,
    }
}

fn general_category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// Neither ignorable nor format, known without a lookup: printable ASCII and Latin-1 (but SHY),
/// the Arabic block (but the number signs, ALM and the end of ayah), general punctuation
/// (dashes, quotes, ellipsis). Checked against the tables in the tests below.
fn plain(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{0606}'..='\u{061B}'
        | '\u{061D}'..='\u{06DC}' | '\u{06DE}'..='\u{06FF}' | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters() {
        for c in [
            'ا', 'ب', 'ي', 'ـ', 'ٱ', 'ک', 'ی', 'ۀ', 'ݐ', 'ࢠ', '\u{FE8F}', '\u{FEFB}',
        ] {
            assert!(is_arabic_letter(c), "{c:?}");
        }
        for c in [
            'a', '٣', '۵', '،', '؟', '\u{064E}', '\u{0670}', '\u{06DD}', ' ', 'א',
        ] {
            assert!(!is_arabic_letter(c), "{c:?}");
        }
    }

    #[test]
    fn ignorable_and_dropped() {
        for c in [
            '\u{AD}',
            '\u{34F}',
            '\u{61C}',
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{2061}',
            '\u{206A}',
            '\u{3164}',
            '\u{FE0F}',
            '\u{FEFF}',
            '\u{0605}',
            '\u{08E2}',
            '\u{E0001}',
        ] {
            assert!(is_ignorable(c), "{c:?}");
        }
        for c in ['a', 'ب', '\u{064E}', ' ', '\u{A0}', '\t'] {
            assert!(!is_ignorable(c), "{c:?}");
        }
        for c in [
            '\u{AD}', '\u{200B}', '\u{2061}', '\u{3164}', '\u{0605}', '\u{FFFF}',
        ] {
            assert!(is_dropped_invisible(c), "{c:?}");
        }
        for c in [
            '\u{200C}', '\u{200D}', '\u{200F}', '\u{061C}', '\u{034F}', '\u{FE0F}',
        ] {
            assert!(!is_dropped_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn plain_characters_are_neither_ignorable_nor_format() {
        for c in ('\0'..='\u{FFFF}').filter(|&c| plain(c)) {
            assert!(
                !CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
                    && general_category(c) != GeneralCategory::Format,
                "{c:?}"
            );
        }
    }

    #[test]
    fn joining_types() {
        assert_eq!(joining('ب'), Joining::Dual);
        assert_eq!(joining('ا'), Joining::Right);
        assert_eq!(joining('ء'), Joining::None);
        assert_eq!(joining('\u{200D}'), Joining::Causing);
        assert_eq!(joining('ـ'), Joining::Causing);
        assert_eq!(joining('\u{200C}'), Joining::None);
        for t in [
            '\u{064E}', '\u{AD}', '\u{2060}', '\u{034F}', '\u{200F}', '\u{061C}',
        ] {
            assert_eq!(joining(t), Joining::Transparent, "{t:?}");
        }
        assert_eq!(joining('\u{200E}'), Joining::None);
    }
}
