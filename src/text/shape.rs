//! Arabic presentation forms (ar-reshaper) for terminals that do not join letters.
//!
//! Shaping runs in logical order before wrapping (ligatures change widths). ar-reshaper's own
//! ligature code is off: it panics on a ZWJ before a ligature, ligates across harakat (FriBidi
//! does not) and loses the character mapping. We let it pick the joining forms only, then form
//! lam-alef ourselves; the Allah ligature is never used.

use ar_reshaper::config::Ligatures;
use ar_reshaper::{ArabicReshaper, ReshaperConfig};
use std::sync::LazyLock;

static RESHAPER: LazyLock<ArabicReshaper> = LazyLock::new(|| {
    ArabicReshaper::new(ReshaperConfig {
        delete_harakat: false,
        delete_tatweel: false,
        support_ligatures: false,
        ligatures: Ligatures::empty(),
        ..ReshaperConfig::default()
    })
});

const ZWJ: char = '\u{200D}';
const LAM: char = '\u{0644}';

/// Shape `chars` (with their source offsets in `map`); returns the shaped text and its map.
pub(crate) fn shape_mapped(text: &str, map: &[usize]) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let mut forms = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !is_arabic(chars[i]) || chars[i] == ZWJ {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_arabic(chars[i]) {
            i += 1;
        }
        shape_run(&chars[start..i], &mut forms[start..i]);
    }
    ligate(&chars, &forms, map)
}

/// Arabic-block characters are shaped together; anything else (spaces, Latin, ZWJ) ends a run.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

fn is_haraka(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08D4}'..='\u{08FF}')
}

/// Joining forms for one run, written over `out` only when the reshaper kept the one-to-one
/// character correspondence we rely on for style mapping.
fn shape_run(run: &[char], out: &mut [char]) {
    // ar-reshaper underflows on a haraka with no letter before it: leave leading marks alone.
    let skip = run.iter().take_while(|c| is_haraka(**c)).count();
    let (run, out) = (&run[skip..], &mut out[skip..]);
    if run.is_empty() {
        return;
    }
    let input: String = run.iter().collect();
    // The guards above avoid every known panic; this is only a backstop.
    let Ok(shaped) = std::panic::catch_unwind(|| RESHAPER.reshape(&input)) else {
        return;
    };
    if shaped.chars().count() == run.len() {
        for (o, c) in out.iter_mut().zip(shaped.chars()) {
            // Hamza has one form: keep the nominal letter, as FriBidi does.
            if c != '\u{FE80}' {
                *o = c;
            }
        }
    }
}

/// Lam directly followed by an alef becomes one ligature glyph (isolated or final, from the
/// form the lam took); the alef disappears and the glyph carries the lam's source offset.
fn ligate(chars: &[char], forms: &[char], map: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(forms.len() * 3);
    let mut out_map = Vec::with_capacity(forms.len());
    let mut i = 0;
    while i < forms.len() {
        let lig = (chars[i] == LAM)
            .then(|| chars.get(i + 1).and_then(|a| lam_alef(*a, forms[i])))
            .flatten();
        text.push(lig.unwrap_or(forms[i]));
        out_map.push(map[i]);
        i += if lig.is_some() { 2 } else { 1 };
    }
    (text, out_map)
}

fn lam_alef(alef: char, lam_form: char) -> Option<char> {
    let (isolated, final_) = match alef {
        '\u{0622}' => ('\u{FEF5}', '\u{FEF6}'),
        '\u{0623}' => ('\u{FEF7}', '\u{FEF8}'),
        '\u{0625}' => ('\u{FEF9}', '\u{FEFA}'),
        '\u{0627}' => ('\u{FEFB}', '\u{FEFC}'),
        _ => return None,
    };
    match lam_form {
        '\u{FEDF}' => Some(isolated),
        '\u{FEE0}' => Some(final_),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> String {
        let map: Vec<usize> = (0..s.chars().count()).collect();
        shape_mapped(s, &map).0
    }

    #[test]
    fn joins_and_ligates() {
        assert_eq!(shape("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(shape("لا"), "\u{FEFB}");
        // Harakat stay, in place; no ligature across a haraka (as FriBidi).
        assert_eq!(shape("لَا"), "\u{FEDF}\u{064E}\u{FE8E}");
        // The Allah ligature is not used.
        assert!(!shape("الله").contains('\u{FDF2}'));
    }

    #[test]
    fn survives_zwj_and_leading_marks() {
        for s in [
            "\u{200D}لا",
            "ل\u{200D}ا",
            "\u{064E}لا",
            "َ",
            "\u{200D}",
            "ـلاـ",
        ] {
            let out = shape(s);
            assert!(!out.is_empty(), "{s:?}");
        }
    }
}
