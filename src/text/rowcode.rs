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
//!   current then. So `CSI 8 l` goes before the alternate screen and before every full clear
//!   ([`super::terminal::BDSM_EXPLICIT`]): every row is then made explicit.
//! - mlterm 3.9: no BDSM (DECRQM answers 0), ignores isolates (draws RLI/PDI as boxes). An
//!   override (LRM LRO … PDF) around each run shows it as written, but every one of those
//!   marks takes a cell of the line, unseen: a row with two runs is six cells too long, its end
//!   wraps onto the next row and cursor moves land short. Its configuration protocol turns its
//!   complex text layout (bidi and shaping) off for the session instead ([`MLTERM_CTL_OFF`]):
//!   cells are then drawn as written, presentation forms joined by akhbar.
//! - Konsole 22.12: no BDSM, drops LRM/RLM/LRO/PDF, reorders each run of same-coloured cells
//!   through Qt. Its profile command `OSC 50 ; BidiRenderingEnabled=false` turns that off for
//!   the session ([`KONSOLE_BIDI_OFF`]), after which cells are drawn as written.
//! - kitty 0.26: no bidi, but it shapes every space-separated word with HarfBuzz, which lays
//!   a word of Arabic out right to left into the cells it was written to: a word written in
//!   visual order comes out reversed. [`kitty_words`] writes each such word in logical order.

use super::width::{grapheme_indices, grapheme_width};
use std::borrow::Cow;
use std::ops::Range;
use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

/// mlterm: no complex text layout (bidi, shaping) in this session — its configuration
/// protocol (`OSC 5379 ; key=value BEL`, mlterm's doc/en/PROTOCOL).
pub const MLTERM_CTL_OFF: &str = "\u{1B}]5379;use_ctl=false\u{7}";
/// mlterm: complex text layout on again (its default) — sent on exit, suspend and panic.
pub const MLTERM_CTL_ON: &str = "\u{1B}]5379;use_ctl=true\u{7}";

/// Konsole: stop reordering in this session (its profile's "Bi-Directional text rendering").
pub const KONSOLE_BIDI_OFF: &str = "\u{1B}]50;BidiRenderingEnabled=false\u{7}";
/// Konsole: reorder again (the profile's default) — sent on exit, suspend and panic.
pub const KONSOLE_BIDI_ON: &str = "\u{1B}]50;BidiRenderingEnabled=true\u{7}";

/// A cell of a pane border (box drawing, U+2500–U+257F): kitty's words end there.
pub fn is_pane_border(cluster: &str) -> bool {
    cluster
        .chars()
        .next()
        .is_some_and(|c| ('\u{2500}'..='\u{257F}').contains(&c))
}

/// kitty: which cells of a visual row (one grapheme cluster each) to write in reverse order:
/// every word that holds a right-to-left letter. A word is what kitty hands HarfBuzz as one
/// run: the cells between spaces, pane borders and wide cells; punctuation glued to a word
/// is part of it and goes round with it.
pub fn kitty_words_in(clusters: &[&str]) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut rtl = false;
    for (i, cluster) in clusters.iter().enumerate() {
        let boundary = *cluster == " " || is_pane_border(cluster) || grapheme_width(cluster) != 1;
        if boundary {
            if rtl && start < i {
                words.push(start..i);
            }
            start = i + 1;
            rtl = false;
        } else {
            rtl |= cluster.chars().any(|c| {
                matches!(
                    HardcodedBidiData.bidi_class(c),
                    BidiClass::R | BidiClass::AL
                )
            });
        }
    }
    if rtl && start < clusters.len() {
        words.push(start..clusters.len());
    }
    words
}

/// kitty: a cluster of a reversed word as written: a bracket the layout mirrored is mirrored
/// back, since HarfBuzz mirrors it again in a right-to-left run.
pub fn kitty_unmirror(cluster: &str) -> Cow<'_, str> {
    let mut chars = cluster.chars();
    match chars
        .next()
        .and_then(|c| unicode_bidi_mirroring::get_mirrored(c).map(|m| (c, m)))
    {
        Some((c, mirrored)) => {
            let mut out = String::with_capacity(cluster.len() + 2);
            out.push(mirrored);
            out.push_str(&cluster[c.len_utf8()..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(cluster),
    }
}

/// kitty: a visual row with every word that holds a right-to-left letter put back in logical
/// order ([`kitty_words_in`], grapheme clusters reversed so harakat stay on their letter,
/// brackets [`kitty_unmirror`]ed). The words stay where they are; HarfBuzz reverses each one
/// into its own cells.
pub fn kitty_words(visual: &str) -> String {
    let mut clusters: Vec<Cow<'_, str>> = grapheme_indices(visual)
        .map(|(_, g)| Cow::Borrowed(g))
        .collect();
    let plain: Vec<&str> = grapheme_indices(visual).map(|(_, g)| g).collect();
    for word in kitty_words_in(&plain) {
        for c in &mut clusters[word.clone()] {
            *c = Cow::Owned(kitty_unmirror(c).into_owned());
        }
        clusters[word].reverse();
    }
    clusters.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A word ends at a pane border and at a wide cell, not only at a space.
        assert_eq!(
            kitty_words("\u{0628}\u{062A}│\u{062B}\u{062C}"),
            "\u{062A}\u{0628}│\u{062C}\u{062B}"
        );
        assert_eq!(kitty_words("\u{0628}\u{062A}中"), "\u{062A}\u{0628}中");
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

    #[test]
    fn mlterm_configuration_commands_are_osc_5379() {
        assert!(MLTERM_CTL_OFF.starts_with("\u{1B}]5379;") && MLTERM_CTL_OFF.ends_with('\u{7}'));
        assert_eq!(MLTERM_CTL_OFF.replace("false", "true"), MLTERM_CTL_ON);
    }
}
