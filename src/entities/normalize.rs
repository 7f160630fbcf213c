//! The one normalization function, shared by entity matching and search.
//!
//! Removes tatweel, harakat, Quranic marks, invisible joiners and bidi controls; folds
//! أ إ آ ٱ → ا, ى → ي, ة → ه and Persian/Urdu letter variants onto Arabic ones; maps
//! Arabic-Indic and Persian digits to ASCII and ٫ ٬ ٪ to `. , %`; lowercases Latin (and any
//! other cased script). Everything else is copied unchanged, so whitespace and punctuation keep
//! their positions and the offset map stays simple.

/// Normalized text plus, for every byte of it, the byte offset in the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `offsets[i]` = original byte offset of normalized byte `i`; one extra entry for the end.
    pub offsets: Vec<usize>,
}

/// Clitic prefixes (normalized), longest first: what may be glued before a name or a number.
/// Search uses the same list to strip prefixes from query words.
pub const CLITIC_PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "ولل", "فلل", "بال", "كال", "فال", "وال", "لل", "وب", "ول", "وك", "فب",
    "فل", "فك", "ال", "و", "ف", "ب", "ل", "ك",
];

/// The letters clitic prefixes start with (a test checks): a word starting otherwise has none.
pub const CLITIC_FIRST_LETTERS: [char; 6] = ['و', 'ف', 'ب', 'ل', 'ك', 'ا'];

/// What one original character becomes.
enum Fold {
    Drop,
    Keep,
    /// Cased letters outside ASCII; lowering may give several chars («İ» → «i̇»).
    Lower,
    To(char),
}

/// Marks and invisible characters that are dropped (they never change what a word is).
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0640}'                      // tatweel
        | '\u{064B}'..='\u{065F}'       // harakat, shadda, sukun, hamza marks
        | '\u{0670}'                    // superscript alef
        | '\u{0610}'..='\u{061A}'       // Quranic honorifics and small letters
        | '\u{06D6}'..='\u{06DC}'       // Quranic annotation marks
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{061C}'                    // Arabic letter mark
        | '\u{00AD}'                    // soft hyphen
        | '\u{200B}'..='\u{200F}'       // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // isolates
        | '\u{FEFF}' // BOM / ZWNBSP
    )
}

/// Combining marks that belong to the preceding letter: a span ending at a letter extends over them.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

fn fold(c: char) -> Fold {
    // Fast path: the Arabic letters that stay as they are (all but آ أ إ ة ى).
    if let 0x0621 | 0x0624 | 0x0626..=0x0628 | 0x062A..=0x063A | 0x0641..=0x0648 | 0x064A = c as u32
    {
        return Fold::Keep;
    }
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            Fold::To(c.to_ascii_lowercase())
        } else {
            Fold::Keep
        };
    }
    if is_ignorable(c) {
        return Fold::Drop;
    }
    Fold::To(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' => 'ي',
        'ة' | 'ہ' | 'ۀ' | 'ھ' | 'ە' => 'ه',
        'ک' | 'گ' | 'ڭ' => 'ك',
        'پ' => 'ب',
        'ڤ' | 'ڥ' => 'ف',
        'ڨ' => 'ق',
        'چ' => 'ج',
        'ژ' => 'ز',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '٬' => ',',
        '٪' => '%',
        '\u{0600}'..='\u{06FF}' => return Fold::Keep,
        _ if c.is_uppercase() => return Fold::Lower,
        _ => return Fold::Keep,
    })
}

/// Normalize with an offset map back to `s`.
pub fn normalize(s: &str) -> Normalized {
    let mut text = String::with_capacity(s.len());
    let mut offsets: Vec<usize> = Vec::with_capacity(s.len() + 1);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            text.push(char::from(b.to_ascii_lowercase()));
            offsets.push(i);
            i += 1;
            continue;
        }
        // Most of Arabic text: two-byte letters that stay as they are (`fold`'s fast path),
        // copied without decoding.
        if matches!(b, 0xD8 | 0xD9)
            && let Some(&n) = bytes.get(i + 1)
            && let Some(c) = char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(n & 0x3F))
            && let 0x0621 | 0x0624 | 0x0626..=0x0628 | 0x062A..=0x063A | 0x0641..=0x0648 | 0x064A =
                c as u32
        {
            // Pushed as a char: a two-byte copy would call memcpy.
            text.push(c);
            offsets.extend([i, i]);
            i += 2;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let before = text.len();
        match fold(c) {
            Fold::Drop => {}
            // A slice of the original: no re-encoding, no validation.
            Fold::Keep => text.push_str(&s[i..i + c.len_utf8()]),
            Fold::To(f) => text.push(f),
            Fold::Lower => text.extend(c.to_lowercase()),
        }
        offsets.extend(std::iter::repeat_n(i, text.len() - before));
        i += c.len_utf8();
    }
    offsets.push(s.len());
    Normalized { text, offsets }
}

/// Normalize without the offset map (search terms, index copies, gazetteer patterns).
pub fn normalize_str(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Fold::Drop => {}
            Fold::To(f) => text.push(f),
            Fold::Lower => text.extend(c.to_lowercase()),
            Fold::Keep => text.push(c),
        }
    }
    text
}

impl Normalized {
    /// The original byte range of the normalized range `start..end` (both on char boundaries of
    /// the normalized text): from the first kept character to the end of the last one, plus the
    /// harakat that follow it, but not trailing bidi marks or tatweel.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let o_start = self.offsets[start];
        if end <= start {
            return (o_start, o_start);
        }
        let last = self.offsets[end - 1];
        let mut o_end = original[last..]
            .chars()
            .next()
            .map_or(original.len(), |c| last + c.len_utf8());
        for c in original[o_end..].chars() {
            if !is_mark(c) {
                break;
            }
            o_end += c.len_utf8();
        }
        (o_start, o_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_marks_and_digits() {
        assert_eq!(normalize_str("أَإِآٱ"), "اااا");
        assert_eq!(normalize_str("مستشفى"), "مستشفي");
        assert_eq!(normalize_str("شركة"), "شركه");
        assert_eq!(normalize_str("مـــايكروســوفت"), "مايكروسوفت");
        assert_eq!(normalize_str("گوگل پ ڤ ی ک"), "كوكل ب ف ي ك");
        assert_eq!(normalize_str("٣٬٤٠٠ و٣٫٥ و۴۲ ٪"), "3,400 و3.5 و42 %");
        assert_eq!(normalize_str("Open\u{200F}AI\u{2067}x\u{2069}"), "openaix");
        assert_eq!(normalize_str("بِسْمِ ۖ"), "بسم ");
        assert_eq!(normalize_str("ÉCOLE"), "école");
    }

    #[test]
    fn offsets_map_back_to_original() {
        let s = "قالَ «مايكروسوفت‏» إنَّ ٢٠٢٣ İx";
        let n = normalize(s);
        assert_eq!(n.offsets.len(), n.text.len() + 1);
        assert_eq!(*n.offsets.last().unwrap_or(&0), s.len());
        for (i, c) in n.text.char_indices() {
            let o = n.offsets[i];
            assert!(s.is_char_boundary(o));
            let orig = s[o..].chars().next().unwrap_or(' ');
            // Each normalized char comes from an original char that folds to it.
            assert!(
                normalize_str(&orig.to_string()).contains(c),
                "{c} from {orig}"
            );
        }
        let at = n.text.find("مايكروسوفت").unwrap_or(0);
        let (a, b) = n.original_range(s, at, at + "مايكروسوفت".len());
        assert_eq!(&s[a..b], "مايكروسوفت");
        let at = n.text.find("ان").unwrap_or(0);
        let (a, b) = n.original_range(s, at, at + "ان".len());
        assert_eq!(&s[a..b], "إنَّ");
    }

    #[test]
    fn clitics_are_longest_first() {
        for w in CLITIC_PREFIXES.windows(2) {
            assert!(w[0].chars().count() >= w[1].chars().count());
        }
        for c in CLITIC_PREFIXES {
            assert_eq!(normalize_str(c), *c);
            assert!(c.starts_with(CLITIC_FIRST_LETTERS), "{c}");
        }
    }
}
