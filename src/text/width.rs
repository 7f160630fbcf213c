//! Cell widths, always summed per grapheme cluster: `unicode-width` measures «لا» as one cell
//! when given the whole string, but terminals draw two.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The one cell-width function: sum of widths per grapheme cluster.
pub fn cell_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Cells taken by one grapheme cluster. Invisible formatting (bidi controls, ZWSP, BOM) and
/// controls take none; any other cluster takes at least one, since terminals give a lone
/// combining mark a cell of its own.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars()
        .all(|c| is_invisible(c) || is_joiner(c) || c.is_control())
    {
        return 0;
    }
    g.width().max(1)
}

/// Characters akhbar never writes to the terminal: bidi formatting (used for the analysis
/// only), zero-width space, BOM.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// ZWNJ and ZWJ: shown only as part of a cluster (a joined emoji, a letter); alone, nothing.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// LRM, RLM, ALM and the embedding, override and isolate controls.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}
