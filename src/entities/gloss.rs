//! Transliterated names glossed in Latin: «كوانتوم نيكسوس (Quantum Nexus)», «ديفونا (Divona)».
//!
//! Arabic news writes an unknown company's name in Arabic letters and gives the Latin name in
//! parentheses right after it. When the Latin name was found (a Latin run or a gazetteer alias),
//! the Arabic words before the parenthesis are the same name if they sound like it: each word's
//! first consonant matches the Latin word's in the same place, and the first word's first two
//! consonants do. The check is what keeps ordinary words out («أعلنت الشركة (Reuters)» is not a
//! name: «الشركة» does not sound like «Reuters»).

use super::Kind;
use super::names::NameCand;
use super::scan::is_arabic_letter;

/// Latin words that are a company's legal form, not part of its spoken name.
const LEGAL: &[&str] = &[
    "inc", "ltd", "llc", "plc", "co", "corp", "company", "holding", "holdings", "group", "sa",
    "sas", "gmbh", "ag", "limited",
];

/// Arabic spans for the Latin names in `out` that stand in parentheses right after Arabic words
/// sounding like them; appended to `out` with the Latin name's kind and entity.
pub(super) fn transliterated_glosses(t: &str, out: &mut Vec<NameCand>) {
    let mut found = Vec::new();
    for c in out.iter() {
        if !matches!(c.kind, Kind::Org | Kind::Product | Kind::Person) || c.start < 2 {
            continue;
        }
        let latin = &t[c.start..c.end];
        if !latin.starts_with(|ch: char| ch.is_ascii_alphabetic())
            || !t[..c.start].ends_with('(')
            || !t[c.end..].starts_with(')')
        {
            continue;
        }
        let before = t[..c.start - 1].trim_end_matches(' ');
        let latin_words: Vec<&str> = latin
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty() && !LEGAL.contains(&w.to_ascii_lowercase().as_str()))
            .collect();
        let Some(span) = sounding_words(before, &latin_words) else {
            continue;
        };
        if out
            .iter()
            .chain(&found)
            .any(|o: &NameCand| o.start < span.1 && span.0 < o.end && o.start < o.end)
        {
            continue;
        }
        found.push(NameCand {
            start: span.0,
            end: span.1,
            kind: c.kind,
            entity: c.entity,
            prio: 1,
        });
    }
    out.extend(found);
    quoted_before_gloss(t, out);
}

/// «“قطر الوطني الأهلي” (QNB)», «”المؤسسة العربية المصرفية” (ABC)»: a quoted Arabic name of one
/// to five words right before a Latin organisation in parentheses is the same organisation,
/// however it sounds (the Latin is often its initials). A longer quotation is no name.
fn quoted_before_gloss(t: &str, out: &mut Vec<NameCand>) {
    const QUOTES: [char; 4] = ['"', '“', '«', '”'];
    let mut found = Vec::new();
    for c in out.iter().filter(|c| c.kind == Kind::Org && c.start >= 2) {
        if !t[c.start..c.end].starts_with(|ch: char| ch.is_ascii_alphabetic())
            || !t[..c.start].ends_with('(')
            || !t[c.end..].starts_with(')')
        {
            continue;
        }
        let before = t[..c.start - 1].trim_end_matches(' ');
        let Some(inner) = before
            .strip_suffix(QUOTES.as_slice())
            .or_else(|| before.strip_suffix('»'))
        else {
            continue;
        };
        let Some(open) = inner.rfind(QUOTES) else {
            continue;
        };
        let quote_len = inner[open..].chars().next().map_or(1, char::len_utf8);
        let name = inner[open + quote_len..].trim_matches(' ');
        let words = name.split(' ').count();
        if name.is_empty() || words > 5 || !name.chars().all(|ch| ch == ' ' || is_arabic_letter(ch))
        {
            continue;
        }
        // «قمة "مبادرة مستقبل الاستثمار" (FII)»: an event's name, not an organisation's.
        let event = |w: &str| super::scan::stems(w).any(|o| super::names::event_word(&w[o..]));
        let word_before = inner[..open].trim_end_matches(' ').rsplit(' ').next();
        if name.split(' ').next().is_some_and(event) || word_before.is_some_and(event) {
            continue;
        }
        let quoted = &inner[open + quote_len..];
        let start = open + quote_len + (quoted.len() - quoted.trim_start_matches(' ').len());
        found.push(NameCand {
            start,
            end: start + name.len(),
            kind: Kind::Org,
            entity: c.entity,
            prio: 1,
        });
    }
    out.extend(found);
}

/// The longest run of Arabic words ending `before` (as byte offsets into it) that sounds like
/// the first words of `latin`, one Arabic word per Latin word.
fn sounding_words(before: &str, latin: &[&str]) -> Option<(usize, usize)> {
    // The Arabic words right before, last first, with only spaces between them.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut e = before.len();
    while words.len() < latin.len().min(4) {
        let s = before[..e]
            .char_indices()
            .rev()
            .take_while(|&(_, ch)| is_arabic_letter(ch))
            .last()
            .map_or(e, |(i, _)| i);
        if s == e {
            break;
        }
        words.push((s, e));
        let gap = before[..s].trim_end_matches(' ').len();
        if gap == s {
            break;
        }
        e = gap;
    }
    let mut best = None;
    for m in 1..=words.len() {
        // Arabic words words[m-1] .. words[0] (text order) against latin[0..m].
        let span: Vec<(usize, usize)> = words[..m].iter().rev().copied().collect();
        let mut start = span[0].0;
        let ok = span.iter().enumerate().all(|(j, &(s, e))| {
            let mut w = &before[s..e];
            // A one-letter clitic glued to the first word («لكوانتوم»).
            if j == 0 && !sounds_like(w, latin[0], true) {
                match w.chars().next() {
                    Some(c @ ('و' | 'ب' | 'ل' | 'ف' | 'ك')) => {
                        w = &w[c.len_utf8()..];
                        start = s + c.len_utf8();
                    }
                    _ => return false,
                }
            }
            plausible(w) && sounds_like(w, latin[j], j == 0)
        });
        if ok {
            best = Some((start, span[m - 1].1));
        }
    }
    best
}

/// A word that may be part of a transliterated name: letters only, not a closed-class word.
fn plausible(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(is_arabic_letter)
        && !w.starts_with("ال")
        && !super::people::function_word(w)
        && !super::orgs::closed_class(w)
        && super::lexicon::trigger(w).is_none()
        && !owned_trigger(w)
}

/// «شركته (xAI)», «منصتها (X)»: a trigger word with a possessive pronoun is the noun, not
/// the name.
fn owned_trigger(w: &str) -> bool {
    ["ها", "هم", "ه"].iter().any(|p| {
        w.strip_suffix(p).is_some_and(|stem| {
            // The feminine ة is written ت before a pronoun: «شركت|ه» → «شركه».
            let stem = stem
                .strip_suffix('ت')
                .map_or_else(|| stem.to_string(), |s| format!("{s}ه"));
            super::lexicon::trigger(&stem).is_some()
        })
    })
}

/// Whether an Arabic word sounds like a Latin one: the same first sound, and for the first word
/// of a name the same second consonant when both have one.
fn sounds_like(ar: &str, la: &str, first: bool) -> bool {
    let la = la.to_ascii_lowercase();
    let lc = latin_consonants(&la);
    // «تش» writes one sound (ch), as «ش» does.
    let ac: Vec<char> = ar
        .replace("تش", "ش")
        .chars()
        .filter(|&c| !arabic_vowel(c))
        .collect();
    let Some(a0) = ar.chars().next() else {
        return false;
    };
    let vowel_start = la.starts_with(['a', 'e', 'i', 'o', 'u', 'h', 'w', 'y']);
    let initial = if vowel_start {
        matches!(a0, 'ا' | 'ع' | 'و' | 'ي' | 'ه' | 'ح') || lc.first().is_some_and(|c| c.matches(a0))
    } else {
        lc.first().is_some_and(|c| c.matches(a0))
    };
    if !initial {
        return false;
    }
    if !first || lc.len() < 2 || ac.len() < 2 {
        return true;
    }
    // The second consonant: the Arabic consonants after the first one against the Latin's.
    let a_rest: &[char] = if vowel_start && arabic_vowel(a0) {
        &ac
    } else {
        &ac[1..]
    };
    let l_rest = if vowel_start && !lc.is_empty() && !lc[0].matches(a0) {
        &lc[..]
    } else {
        &lc[1..]
    };
    match (a_rest.first(), l_rest.first()) {
        (Some(&a), Some(l)) => l.matches(a),
        _ => true,
    }
}

/// Letters the Arabic spelling of a foreign name uses for vowels.
fn arabic_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ة' | 'ع' | 'ه')
}

/// A Latin consonant sound and the Arabic letters that write it.
#[derive(Clone, Copy)]
struct Sound(&'static str);

impl Sound {
    fn matches(self, a: char) -> bool {
        self.0.contains(a)
    }
}

/// The consonant sounds of a lowercase Latin word, digraphs first; vowels, h, w and y skipped.
fn latin_consonants(w: &str) -> Vec<Sound> {
    let b = w.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (sound, len) = match (b[i], next) {
            (b'c', Some(b'h')) => ("شتك", 2),
            (b's', Some(b'h')) => ("ش", 2),
            (b't', Some(b'h')) => ("ثتذسز", 2),
            (b'p', Some(b'h')) => ("ف", 2),
            (b'k', Some(b'h')) => ("خك", 2),
            (b'g', Some(b'h')) => ("غجق", 2),
            (b'c', Some(b'k')) => ("كق", 2),
            (b'q', Some(b'u')) => ("كق", 2),
            (b'c', Some(b'e' | b'i' | b'y')) => ("سص", 1),
            (b'b' | b'p', _) => ("ب", 1),
            (b'c' | b'k' | b'q', _) => ("كقخ", 1),
            (b'd', _) => ("دض", 1),
            (b'f' | b'v', _) => ("فب", 1),
            (b'g', _) => ("جغقك", 1),
            (b'j', _) => ("جي", 1),
            (b'l', _) => ("ل", 1),
            (b'm', _) => ("م", 1),
            (b'n', _) => ("ن", 1),
            (b'r', _) => ("ر", 1),
            (b's', _) => ("سصزش", 1),
            (b't', _) => ("تطث", 1),
            (b'x', _) => ("كزسشا", 1),
            (b'z', _) => ("زست", 1),
            _ => ("", 1),
        };
        if !sound.is_empty() {
            out.push(Sound(sound));
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sounds_like_matches_transliterations_not_words() {
        for (ar, la) in [
            ("كوانتوم", "Quantum"),
            ("نيكسوس", "Nexus"),
            ("ديفونا", "Divona"),
            ("اوراكل", "Oracle"),
            ("شاومي", "Xiaomi"),
            ("هواوي", "Huawei"),
            ("فيرجن", "Virgin"),
            ("تشيك", "Check"),
            ("ثاندر", "Thndr"),
        ] {
            assert!(sounds_like(ar, la, true), "{ar} ~ {la}");
        }
        for (ar, la) in [
            ("الشركة", "Reuters"),
            ("قال", "Reuters"),
            ("مصادر", "Bloomberg"),
            ("كبير", "Kraken"),
            ("وزير", "Wired"),
        ] {
            assert!(!sounds_like(ar, la, true), "{ar} !~ {la}");
        }
    }
}
