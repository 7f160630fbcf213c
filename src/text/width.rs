//! Cell widths, always summed per grapheme cluster: `unicode-width` measures «لا» as one cell
//! when given the whole string, but terminals draw two.

use super::chars::is_ignorable;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The one cell-width function: sum of widths per grapheme cluster.
pub fn cell_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Cells taken by one grapheme cluster. A cluster of default-ignorable and format characters
/// (ZWJ, bidi marks, SHY, tags, …) or controls takes none and is never drawn; any other takes at
/// least one, since terminals give a lone combining mark a cell of its own. A tab, which the
/// layout keeps for its bidi class, is drawn as one space.
pub fn grapheme_width(g: &str) -> usize {
    let mut cs = g.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && is_simple(c)
    {
        return 1;
    }
    if g == "\t" {
        return 1;
    }
    if g.chars().all(|c| is_ignorable(c) || c.is_control()) {
        return 0;
    }
    g.width().max(1)
}

/// Characters that are a grapheme cluster of their own, one cell wide, whatever is next to them
/// (no Extend, SpacingMark, Prepend, ZWJ, control, Hangul or regional indicator): printable
/// ASCII and Latin-1, the Arabic letters, digits and punctuation. The fast path of segmentation
/// (most of an article), checked against unicode-segmentation in the tests below.
pub(crate) fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{060C}' | '\u{061B}'
        | '\u{061F}'..='\u{064A}' | '\u{0660}'..='\u{066F}' | '\u{0671}'..='\u{06D3}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Grapheme clusters with their byte offsets, like `grapheme_indices(true)`, with a fast path
/// for a simple character followed by a simple character (always a boundary: rule GB999).
pub(crate) fn grapheme_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &s[at..];
        let mut cs = rest.chars();
        let c = cs.next()?;
        let len = match cs.next() {
            None if is_simple(c) => c.len_utf8(),
            Some(d) if is_simple(c) && is_simple(d) => c.len_utf8(),
            _ => rest.graphemes(true).next().map_or(rest.len(), str::len),
        };
        let start = at;
        at += len;
        Some((start, &s[start..at]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_segmentation_agrees_with_unicode_segmentation() {
        // Every simple character next to every kind of neighbour.
        let neighbours = [
            "a",
            "\u{064E}",
            "\u{0651}",
            "\u{200D}",
            "\u{0600}",
            "\r\n",
            "\u{1F1E6}",
            "\u{1100}",
            "e\u{0301}",
            "\u{0903}",
            "\u{200F}",
            " ",
            "\u{FE0F}",
            "\u{1F468}",
        ];
        let simple: Vec<char> = (0u32..0x1_0000)
            .filter_map(char::from_u32)
            .filter(|c| is_simple(*c))
            .collect();
        assert!(simple.len() > 900);
        for c in simple {
            for n in neighbours {
                for s in [format!("{c}{n}{c}"), format!("{n}{c}{c}{n}")] {
                    let fast: Vec<_> = grapheme_indices(&s).collect();
                    let slow: Vec<_> = s.grapheme_indices(true).collect();
                    assert_eq!(fast, slow, "{s:?}");
                    assert_eq!(
                        grapheme_width(&c.to_string()),
                        UnicodeWidthStr::width(c.to_string().as_str()).max(1),
                        "{c:?}"
                    );
                }
            }
        }
    }
}
