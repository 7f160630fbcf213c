//! Arabic presentation forms for terminals that do not join letters.
//!
//! Shaping runs in logical order before wrapping (ligatures change widths). The letter forms are
//! ar-reshaper's table, indexed once by code point; the joining is ar-reshaper's algorithm, run
//! here over the whole paragraph: its `reshape` scans that table linearly for every character
//! (too slow for an article), panics on a ZWJ before a ligature and on a leading haraka, ligates
//! across harakat (FriBidi does not) and loses the character mapping we need for styles. We form
//! lam-alef ourselves; the Allah ligature is never used.

use ar_reshaper::form::Forms;
use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use std::sync::LazyLock;

const FIRST: u32 = 0x0600;
const LAST: u32 = 0x08FF;
const LAM: char = '\u{0644}';

/// Forms of every letter in U+0600..=U+08FF that ar-reshaper knows (ZWJ is left out: it ends a
/// joining run here, as a non-Arabic character does).
static TABLE: LazyLock<Vec<Option<Forms>>> = LazyLock::new(|| {
    let mut table = vec![None; (LAST - FIRST + 1) as usize];
    for (c, forms) in LETTERS_ARABIC.iter() {
        if let Some(i) = index(*c) {
            table[i] = Some(*forms);
        }
    }
    table
});

fn index(c: char) -> Option<usize> {
    let c = u32::from(c);
    (FIRST..=LAST).contains(&c).then(|| (c - FIRST) as usize)
}

fn forms(table: &[Option<Forms>], c: char) -> Option<&Forms> {
    index(c).and_then(|i| table[i].as_ref())
}

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Unsupported,
    Isolated,
    Initial,
    Medial,
    Final,
}

/// Shape `text` (with the source offset of each char in `map`); returns the shaped text and its
/// map.
pub(crate) fn shape_mapped(text: &str, map: &[usize]) -> (String, Vec<usize>) {
    let table: &[Option<Forms>] = &TABLE;
    let chars: Vec<char> = text.chars().collect();
    let mut shaped = chars.clone();
    // The last character that takes part in joining (harakat are transparent): its index, its
    // forms if it is a letter, and the form it has taken.
    let mut prev: Option<(usize, Option<&Forms>, Form)> = None;
    for (i, &c) in chars.iter().enumerate() {
        if is_haraka(c) {
            continue;
        }
        let Some(cur) = forms(table, c) else {
            prev = Some((i, None, Form::Unsupported));
            continue;
        };
        let mut form = Form::Isolated;
        if let Some((p, Some(pf), pform)) = prev {
            let joins = connects_before(cur)
                && connects_after(pf)
                && !(pform == Form::Final && pf.medial == '\0');
            if joins {
                let pnew = if pform == Form::Isolated {
                    Form::Initial
                } else {
                    Form::Medial
                };
                shaped[p] = glyph(chars[p], pf, pnew);
                form = Form::Final;
            }
        }
        shaped[i] = glyph(c, cur, form);
        prev = Some((i, Some(cur), form));
    }
    ligate(&chars, &shaped, map)
}

fn connects_before(f: &Forms) -> bool {
    f.end != '\0' || f.medial != '\0'
}

fn connects_after(f: &Forms) -> bool {
    f.initial != '\0' || f.medial != '\0'
}

fn glyph(c: char, f: &Forms, form: Form) -> char {
    // Hamza has one form: keep the nominal letter, as FriBidi does.
    if c == '\u{0621}' {
        return c;
    }
    let g = match form {
        Form::Unsupported => c,
        Form::Isolated => f.isolated,
        Form::Initial => f.initial,
        Form::Medial => f.medial,
        Form::Final => f.end,
    };
    if g == '\0' { c } else { g }
}

/// Harakat (ar-reshaper's list): transparent to joining.
fn is_haraka(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08D4}'..='\u{08FF}')
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
