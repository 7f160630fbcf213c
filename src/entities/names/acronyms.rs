//! Organisations written as acronyms: a Latin acronym spelled in Arabic letter names, and an
//! Arabic short name in parentheses after an organisation. Split out of names.rs.

use super::*;

/// «منظمة الأمم المتحدة للطفولة (يونيسف)»: one unknown Arabic word in parentheses right
/// after an organisation is its acronym or short name, a second name of the same kind — as a
/// Latin gloss is (gloss.rs). Not a definite word, a plural or adjective shape, a closed-class,
/// role or trigger word, an adverb in «ـا» («(سابقا)»), nor a name of another kind.
pub(super) fn arabic_acronym_glosses(t: &str, out: &mut Vec<NameCand>, gaz: &GazIndex) {
    let mut found = Vec::new();
    for c in out.iter().filter(|c| c.kind == Kind::Org) {
        let Some(rest) = t[c.end..]
            .strip_prefix(" (")
            .or_else(|| t[c.end..].strip_prefix('('))
        else {
            continue;
        };
        let Some(len) = rest.find(')') else { continue };
        let w = &rest[..len];
        let s = c.end + (t.len() - c.end - rest.len());
        let n = w.chars().count();
        if n >= 3
            && w.chars().all(is_arabic_letter)
            && !w.starts_with("ال")
            && !(w.ends_with('ا') && n >= 5)
            && !not_a_name(w)
            && trigger(w).is_none()
            && !orgs::closed_class(w)
            && !crate::entities::people::function_word(w)
            && !crate::entities::people::role_word(w)
            && gaz.overlapping(out, s, s + len).is_empty()
            && !out.iter().any(|o| o.start < s + len && o.end > s)
        {
            found.push(NameCand::unknown(s, s + len, Kind::Org, 1));
        }
    }
    out.extend(found);
}

/// Latin letters' names as Arabic writes them (normalized) that are no Arabic word.
pub(crate) const LETTER_NAMES: [&str; 19] = [
    "ايه",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "اتش",
    "اش",
    "كيه",
    "ال",
    "ار",
    "اس",
    "تي",
    "يو",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "كيو",
];
/// Latin letters' names that are also Arabic words («أن», «أو», «في», «أي», «أم», «كي», «زي»).
pub(crate) const WORD_LETTER_NAMES: [&str; 7] = ["ان", "او", "في", "اي", "ام", "كي", "زي"];

/// The name of a Latin letter as Arabic writes it (normalized): `Some(false)`, or `Some(true)`
/// when the name is also an Arabic word. Asked only of the words with the table's
/// `LETTER_NAME` bit.
pub(super) fn letter_name(w: &str) -> Option<bool> {
    if WORD_LETTER_NAMES.contains(&w) {
        Some(true)
    } else {
        LETTER_NAMES.contains(&w).then_some(false)
    }
}

/// «دي إتش إل», «أو إل إكس», «إم.تي.إن»: a Latin acronym spelled in Arabic letter names is an
/// organisation's name, as the Latin acronym would be. Three letters or more, spaces or dots
/// between them, at least two that are no Arabic word (so «أن في» and the like are never one)
/// or one with dots.
/// A local company after it follows (`merge_local_companies`: «دي إتش إل البحرين»).
pub(super) fn spelled_acronyms(
    t: &str,
    words: &[crate::entities::scan::Word],
    cls: &[u16],
    out: &mut Vec<NameCand>,
    gaz: &GazIndex,
) {
    // The word table's class bit first: most words are not sliced at all.
    let letter = |k: usize| {
        let w = words[k];
        (cls[k] & crate::entities::people::class::LETTER_NAME != 0)
            .then(|| letter_name(&t[w.s..w.e]))
            .flatten()
    };
    let mut found = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let Some(word) = letter(k) else {
            k += 1;
            continue;
        };
        let (first, mut last) = (k, k);
        let mut pure = usize::from(!word);
        let mut dotted = false;
        while last + 1 < words.len()
            && matches!(&t[words[last].e..words[last + 1].s], " " | ".")
            && let Some(word) = letter(last + 1)
        {
            dotted |= &t[words[last].e..words[last + 1].s] == ".";
            last += 1;
            pure += usize::from(!word);
        }
        let (s, e) = (words[first].s, words[last].e);
        // Not a letter glued to a longer word on either side («.إن» closing a sentence).
        let alone = char_before(t, s).is_none_or(|c| !is_word_char(c) && c != '.')
            && char_at(t, e).is_none_or(|c| !is_word_char(c));
        // Dots between the letters mark an acronym by themselves: one letter that is no word
        // is enough («إم.تي.إن»).
        let enough = pure >= 2 || (dotted && pure >= 1);
        if last - first >= 2 && enough && alone && gaz.overlapping(out, s, e).is_empty() {
            found.push(NameCand::unknown(s, e, Kind::Org, 2));
        }
        k = last + 1;
    }
    out.extend(found);
}
