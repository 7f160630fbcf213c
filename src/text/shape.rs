//! Arabic presentation forms for terminals that do not join letters.
//!
//! Shaping runs in logical order before wrapping (ligatures change widths). The letter forms are
//! ar-reshaper's table, indexed once by code point; who joins whom comes from the Unicode
//! joining types, over the whole paragraph. ar-reshaper's own `reshape` scans that table
//! linearly for every character (too slow for an article), panics on a ZWJ before a ligature and
//! on a leading haraka, ligates across harakat (FriBidi does not), breaks joining at ZWJ and at
//! format characters (FriBidi does not) and loses the character mapping we need for styles. We
//! form lam-alef ourselves; the Allah ligature is never used.

use super::chars::{Joining, joining};
use ar_reshaper::form::Forms;
use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use std::sync::LazyLock;

const FIRST: u32 = 0x0600;
const LAST: u32 = 0x08FF;
const LAM: char = '\u{0644}';

/// Forms of every letter in U+0600..=U+08FF that ar-reshaper knows.
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
    Isolated,
    Initial,
    Medial,
    Final,
}

/// Shape `text` (with the source offset of each char in `map`); returns the shaped text and its
/// map. Who joins whom follows the joining types (harakat, format characters and the other
/// transparent characters are skipped; ZWJ and tatweel join both ways), as FriBidi does; the
/// glyph of each form comes from ar-reshaper's table, the nominal letter where it has none.
pub(crate) fn shape_mapped(text: &str, map: &[usize]) -> (String, Vec<usize>) {
    let table: &[Option<Forms>] = &TABLE;
    let chars: Vec<char> = text.chars().collect();
    let mut shaped = chars.clone();
    // The last character that takes part in joining: its index, joining type and form.
    let mut prev: Option<(usize, Joining, Form)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let joining = joining(c);
        match joining {
            Joining::Transparent => continue,
            Joining::None => {
                prev = None;
                continue;
            }
            _ => {}
        }
        let mut form = Form::Isolated;
        if let Some((p, pj, pform)) = prev
            && pj.joins_next()
            && joining.joins_previous()
        {
            let pnew = if pform == Form::Isolated {
                Form::Initial
            } else {
                Form::Medial
            };
            shaped[p] = glyph(table, chars[p], pnew);
            form = Form::Final;
        }
        shaped[i] = glyph(table, c, form);
        prev = Some((i, joining, form));
    }
    ligate(&chars, &shaped, map)
}

fn glyph(table: &[Option<Forms>], c: char, form: Form) -> char {
    let Some(f) = forms(table, c) else {
        return c;
    };
    let g = match form {
        Form::Isolated => f.isolated,
        Form::Initial => f.initial,
        Form::Medial => f.medial,
        Form::Final => f.end,
    };
    if g == '\0' { c } else { g }
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
