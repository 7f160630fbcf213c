//! What to write around a laid-out row so that a terminal shows it exactly as laid out.
//!
//! akhbar lays out right-to-left text itself (visual order, letters joined). Terminals that
//! reorder on their own would reverse such a row a second time; each class needs its own way
//! of being told not to. Every rule here was measured in the real terminal under Xvfb
//! (scripts/terminal_experiments.py, docs/terminals.md):
//!
//! - VTE 0.70 (GNOME Terminal, xfce4-terminal, Tilix): the BiDi mode BDSM (`CSI 8 l`) applies
//!   to the row the cursor is on only when the cursor is at its first column, and rows that
//!   come into existence afterwards (ED, scrolling, the alternate screen) take the mode that is
//!   current then. A row drawn at column 1 after [`explicit_row`] is shown as written.
//! - mlterm 3.9: no BDSM (DECRQM answers 0), ignores isolates (draws RLI/PDI as boxes), but
//!   honours an override: each run of cells written at one position, as
//!   [`override_run`] wraps it, is shown as written, presentation forms and all.
//! - Konsole 22.12: no BDSM, drops LRM/RLM/LRO/PDF, reorders each run of same-coloured cells
//!   through Qt. Its profile command `OSC 50 ; BidiRenderingEnabled=false` turns that off for
//!   the session ([`KONSOLE_BIDI_OFF`]), after which cells are drawn as written.
//! - kitty 0.26: no bidi, but it shapes every space-separated word with HarfBuzz, which lays
//!   a word of Arabic out right to left into the cells it was written to: a word written in
//!   visual order comes out reversed. [`kitty_words`] writes each such word in logical order.

use super::chars::is_bidi_control;
use super::width::grapheme_indices;
use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

/// LEFT-TO-RIGHT MARK: a strong left-to-right character that takes no cell.
const LRM: char = '\u{200E}';
/// RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';
/// LEFT-TO-RIGHT OVERRIDE: everything up to the matching PDF is treated as left-to-right.
const LRO: char = '\u{202D}';
/// POP DIRECTIONAL FORMATTING.
const PDF: char = '\u{202C}';

/// Konsole: stop reordering in this session (its profile's "Bi-Directional text rendering").
pub const KONSOLE_BIDI_OFF: &str = "\u{1B}]50;BidiRenderingEnabled=false\u{7}";
/// Konsole: reorder again (the profile's default) — sent on exit, suspend and panic.
pub const KONSOLE_BIDI_ON: &str = "\u{1B}]50;BidiRenderingEnabled=true\u{7}";

/// VTE: put row `row` (0-based) in explicit mode: the cursor goes to its first column, where
/// BDSM takes effect for that row. The caller then writes the row's cells (any column).
pub fn explicit_row(row: u16) -> String {
    format!("\u{1B}[{};1H\u{1B}[8l", u32::from(row) + 1)
}

/// mlterm: one run of cells in visual order, written at one cursor position, wrapped so that
/// the terminal's own bidi leaves it as it is. The LRM first makes the row left-to-right
/// whatever precedes it; LRO … PDF keeps every character in the order written. Bidi controls
/// inside the run are dropped: one stray PDF would end the override early (the layout never
/// leaves any, but the run may come from anywhere).
pub fn override_run(visual: &str) -> String {
    let mut out = String::with_capacity(visual.len() + 9);
    out.push(LRM);
    out.push(LRO);
    out.extend(visual.chars().filter(|&c| !is_bidi_control(c)));
    out.push(PDF);
    out
}

/// `bidi = terminal` on a terminal that reorders each row as its own paragraph (VTE in
/// implicit mode, mlterm): a logical-order line of a paragraph whose direction is `rtl`,
/// with a mark first so that a wrapped line starting with Latin letters or digits keeps the
/// paragraph's direction instead of the terminal guessing it from its first letter.
pub fn logical_row(logical: &str, rtl: bool) -> String {
    let mut out = String::with_capacity(logical.len() + 3);
    out.push(if rtl { RLM } else { LRM });
    out.extend(logical.chars().filter(|&c| !is_bidi_control(c)));
    out
}

/// kitty: a visual row with every space-separated word that holds a right-to-left letter put
/// back in logical order (grapheme clusters reversed, so harakat stay on their letter, and
/// mirrored brackets swapped back, since HarfBuzz mirrors them again). The words stay where
/// they are; HarfBuzz reverses each one into its own cells.
pub fn kitty_words(visual: &str) -> String {
    let mut out = String::with_capacity(visual.len());
    for (i, word) in visual.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let rtl = word.chars().any(|c| {
            matches!(
                HardcodedBidiData.bidi_class(c),
                BidiClass::R | BidiClass::AL
            )
        });
        if !rtl {
            out.push_str(word);
            continue;
        }
        let clusters: Vec<&str> = grapheme_indices(word).map(|(_, g)| g).collect();
        for cluster in clusters.into_iter().rev() {
            let mut chars = cluster.chars();
            if let Some(first) = chars.next() {
                out.push(unicode_bidi_mirroring::get_mirrored(first).unwrap_or(first));
                out.extend(chars);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_row_moves_to_column_one_then_sets_the_mode() {
        assert_eq!(explicit_row(0), "\u{1B}[1;1H\u{1B}[8l");
        assert_eq!(explicit_row(39), "\u{1B}[40;1H\u{1B}[8l");
        assert_eq!(explicit_row(u16::MAX), "\u{1B}[65536;1H\u{1B}[8l");
    }

    #[test]
    fn override_run_wraps_the_cells_unchanged() {
        // «ﻲﻓ» in presentation forms, visual order, then a Latin word: all kept in order.
        let visual = "\u{FEF2}\u{FED3} Uber";
        let wrapped = override_run(visual);
        assert_eq!(wrapped, format!("\u{200E}\u{202D}{visual}\u{202C}"));
        // Nothing that takes a cell is added: the row stays as wide as laid out.
        assert_eq!(
            crate::text::cell_width(&wrapped),
            crate::text::cell_width(visual)
        );
    }

    #[test]
    fn override_run_cannot_be_ended_from_inside() {
        // A PDF inside would end the override; an RLO would start a reversal.
        let hostile = "ab\u{202C}\u{202E}cd\u{2067}e\u{200F}";
        assert_eq!(override_run(hostile), "\u{200E}\u{202D}abcde\u{202C}");
    }

    #[test]
    fn logical_row_starts_with_the_paragraph_direction() {
        assert_eq!(
            logical_row("Uber تحتفظ بخدمة", true),
            "\u{200F}Uber تحتفظ بخدمة"
        );
        assert_eq!(logical_row("2027 ليتمكن", true), "\u{200F}2027 ليتمكن");
        assert_eq!(logical_row("hello", false), "\u{200E}hello");
        assert_eq!(logical_row("\u{202E}x\u{2069}", true), "\u{200F}x");
    }

    #[test]
    fn kitty_words_are_reversed_in_place() {
        // «ﺔﻛﺮﺷ ﻲﻓ» is «في شركة» in visual order; each word goes back to logical order (still
        // the joined forms), the words keep their places, Latin and digits are untouched.
        let visual = "\u{FE94}\u{FEDB}\u{FEAE}\u{FEB7} \u{FEF2}\u{FED3} Uber 2027";
        assert_eq!(
            kitty_words(visual),
            "\u{FEB7}\u{FEAE}\u{FEDB}\u{FE94} \u{FED3}\u{FEF2} Uber 2027"
        );
        // Punctuation glued to a word is part of HarfBuzz's run: it goes round with it.
        assert_eq!(kitty_words(".\u{FEE1}\u{FEE0}"), "\u{FEE0}\u{FEE1}.");
        // A bracket that the layout mirrored is mirrored back (HarfBuzz mirrors it again).
        assert_eq!(kitty_words("(\u{0639}"), "\u{0639})");
        // Harakat stay after their letter: «بَ» then «ت».
        assert_eq!(
            kitty_words("\u{062A}\u{0628}\u{064E}"),
            "\u{0628}\u{064E}\u{062A}"
        );
        // Same cells as the visual row: nothing added or lost.
        assert_eq!(
            crate::text::cell_width(&kitty_words(visual)),
            crate::text::cell_width(visual)
        );
    }

    #[test]
    fn konsole_profile_commands_are_osc_50() {
        assert!(KONSOLE_BIDI_OFF.starts_with("\u{1B}]50;") && KONSOLE_BIDI_OFF.ends_with('\u{7}'));
        assert_eq!(
            KONSOLE_BIDI_OFF.replace("false", "true"),
            KONSOLE_BIDI_ON,
            "the two must toggle the same property"
        );
    }
}
