//! Search: what goes into the FTS5 index and how a query becomes a MATCH expression.
//!
//! The index holds the entities' normalization of the text (hamza forms, alef maqsura, taa
//! marbuta, harakat, tatweel and digits folded), so a query folded the same way finds every
//! spelling. FTS5's tokenizer knows nothing of Arabic clitics, so each query word is expanded
//! to its forms with the clitic prefixes (و ف ب ل ك ال وال بال لل …): «الذكاء» asks for «الذكاء»,
//! «ذكاء», «للذكاء», «والذكاء», «بالذكاء» … Expanding the query rather than the index keeps the
//! index (and every write) small; an OR of a few dozen terms costs FTS5 little.

use crate::entities::normalize::normalize_str;
use crate::text::is_arabic_letter;

/// Clitic prefixes in normalized form, longest first.
const CLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وك",
    "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
];

/// Texts for the FTS columns of one article: (title, body), normalized.
pub fn index_columns(title: &str, body: &str) -> [String; 2] {
    [normalize_str(title), normalize_str(body)]
}

/// Every form a query word can take in the text: itself, its core without «ال», and each
/// clitic prefix before the core (or before the word, for words without «ال»).
fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let base = core(word).unwrap_or(word);
    if base != word {
        out.push(base.to_string());
    }
    if word.chars().all(is_arabic_letter) || word.chars().all(|c| c.is_ascii_alphanumeric()) {
        for p in CLITICS {
            let f = format!("{p}{base}");
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

/// Forms of `word` without a clitic prefix, each leaving at least two letters, all Arabic or
/// all Latin («وOpenAI» → «OpenAI»).
fn clitic_variants(word: &str) -> impl Iterator<Item = &str> {
    CLITICS.iter().filter_map(move |p| {
        word.strip_prefix(p).filter(|rest| {
            rest.chars().count() >= 2
                && (rest.chars().all(is_arabic_letter)
                    || rest.chars().all(|c| c.is_ascii_alphanumeric()))
        })
    })
}

/// The core a query word is looked up by: without a leading «ال» («الذكاء» → «ذكاء»).
fn core(word: &str) -> Option<&str> {
    word.strip_prefix("ال")
        .filter(|rest| rest.chars().count() >= 2 && rest.chars().all(is_arabic_letter))
}

/// An FTS5 MATCH expression for a user query, or None when it has no searchable word.
/// Words are ANDed; `"..."` is a phrase; a trailing `*` makes a word a prefix.
pub fn match_expression(query: &str) -> Option<String> {
    match_expression_in(query, &|_| true)
}

/// [`match_expression`] keeping only the forms `occurs` says are in the index (a word none of
/// whose forms occurs keeps itself, so the query still matches nothing). Prefix words keep
/// every form: the index is asked for whole words.
pub fn match_expression_in(query: &str, occurs: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = query;
    while let Some(start) = rest.find('"') {
        push_terms(&rest[..start], &mut parts, occurs);
        let after = &rest[start + 1..];
        let (phrase, tail) = match after.find('"') {
            Some(end) => (&after[..end], &after[end + 1..]),
            None => (after, ""),
        };
        let normalized = normalize_str(phrase);
        let ws: Vec<&str> = words(&normalized).collect();
        match ws.split_first() {
            None => {}
            Some((only, [])) => parts.push(term(only, false, occurs)),
            // The phrase with each form of its first word (the one that carries a clitic).
            Some((first, rest)) => {
                let rest = rest.join(" ");
                let alts: Vec<String> = forms_in(first, false, occurs)
                    .iter()
                    .map(|f| format!("\"{f} {rest}\""))
                    .collect();
                parts.push(format!("{{title body}} : ({})", alts.join(" OR ")));
            }
        }
        rest = tail;
    }
    push_terms(rest, &mut parts, occurs);
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// Every whole-word form a query's expression can hold (what [`match_expression_in`] asks
/// `occurs` about).
pub fn query_forms(query: &str) -> Vec<String> {
    let asked = std::cell::RefCell::new(Vec::new());
    match_expression_in(query, &|f| {
        asked.borrow_mut().push(f.to_string());
        true
    });
    let mut asked = asked.into_inner();
    asked.sort();
    asked.dedup();
    asked
}

fn push_terms(text: &str, parts: &mut Vec<String>, occurs: &dyn Fn(&str) -> bool) {
    for raw in text.split_whitespace() {
        let prefix = raw.ends_with('*');
        let normalized = normalize_str(raw);
        for w in words(&normalized) {
            parts.push(term(w, prefix, occurs));
        }
    }
}

/// The forms of `word` to ask for: those in the index, or the word alone when none is.
fn forms_in(word: &str, prefix: bool, occurs: &dyn Fn(&str) -> bool) -> Vec<String> {
    let all = forms(word);
    if prefix {
        return all;
    }
    let found: Vec<String> = all.iter().filter(|f| occurs(f)).cloned().collect();
    if found.is_empty() {
        vec![word.to_string()]
    } else {
        found
    }
}

/// One word as a MATCH term: any of its forms, in the title or the body.
fn term(word: &str, prefix: bool, occurs: &dyn Fn(&str) -> bool) -> String {
    let star = if prefix { "*" } else { "" };
    let alts: Vec<String> = forms_in(word, prefix, occurs)
        .iter()
        .map(|f| format!("\"{f}\"{star}"))
        .collect();
    format!("{{title body}} : ({})", alts.join(" OR "))
}

/// Byte ranges of `text` (the original, as shown) holding the words a query matches, for
/// highlighting: a word matches when it, or one of its clitic-free forms, equals a query word
/// (or its core after «ال»), or starts with it for a `prefix*` word. Sorted, non-overlapping.
pub fn highlight_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let mut wanted: Vec<(String, bool)> = Vec::new();
    for raw in query.split_whitespace() {
        let prefix = raw.trim_end_matches('"').ends_with('*');
        let normalized = normalize_str(raw);
        for w in words(&normalized) {
            if let Some(c) = core(w) {
                wanted.push((c.to_string(), prefix));
            }
            wanted.push((w.to_string(), prefix));
        }
    }
    if wanted.is_empty() {
        return Vec::new();
    }
    let n = crate::entities::normalize::normalize(text);
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let base = n.text.as_ptr() as usize;
    for w in words(&n.text) {
        let start = w.as_ptr() as usize - base;
        let end = start + w.len();
        let hit = std::iter::once(w).chain(clitic_variants(w)).any(|form| {
            wanted.iter().any(|(q, prefix)| {
                if *prefix {
                    form.starts_with(q.as_str())
                } else {
                    form == q
                }
            })
        });
        if hit {
            let (Some(&s), Some(&e)) = (n.offsets.get(start), n.offsets.get(end)) else {
                continue;
            };
            if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) {
                out.push(s..e);
            }
        }
    }
    out
}

/// Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_anded_and_each_asks_for_its_clitic_forms() {
        let e = match_expression("OpenAI الذكاء").unwrap_or_default();
        let (a, b) = e.split_once(" AND ").unwrap_or_default();
        assert!(
            a.starts_with("{title body} : (\"openai\" OR \"وبالopenai\""),
            "{a}"
        );
        for f in [
            "\"الذكاء\"",
            "\"ذكاء\"",
            "\"للذكاء\"",
            "\"والذكاء\"",
            "\"بالذكاء\"",
        ] {
            assert!(b.contains(f), "{b} lacks {f}");
        }
        assert!(!b.contains("\"الالذكاء\""), "{b}");
    }

    #[test]
    fn phrases_expand_their_first_word_and_prefixes_keep_the_star() {
        let e = match_expression("\"الذكاء الاصطناعي\" سامسو*").unwrap_or_default();
        assert!(e.contains("\"للذكاء الاصطناعي\""), "{e}");
        assert!(e.contains("\"سامسو\"*") && e.contains("\"وسامسو\"*"), "{e}");
    }

    #[test]
    fn forms_absent_from_the_index_are_left_out_and_a_word_with_none_keeps_itself() {
        let asked = query_forms("الذكاء \"الطاقة الشمسية\" سامسو*");
        // Asked in the index's folding (taa marbuta as haa).
        for f in ["الذكاء", "ذكاء", "للذكاء", "الطاقه", "للطاقه"] {
            assert!(asked.iter().any(|a| a == f), "{f} not asked in {asked:?}");
        }
        // A prefix word asks nothing: the index holds whole words.
        assert!(!asked.iter().any(|a| a.starts_with("سامسو")), "{asked:?}");
        let index = ["ذكاء", "والذكاء", "للطاقه", "wifi"];
        let occurs = |f: &str| index.iter().any(|w| normalize_str(w) == f);
        let e = match_expression_in("الذكاء", &occurs).unwrap_or_default();
        assert_eq!(e, "{title body} : (\"ذكاء\" OR \"والذكاء\")");
        let e = match_expression_in("\"الطاقة الشمسية\"", &occurs).unwrap_or_default();
        assert_eq!(e, "{title body} : (\"للطاقه الشمسيه\")");
        // No form of «هاتف» occurs: the word stays, alone, so the query matches nothing.
        let e = match_expression_in("هاتف WiFi", &occurs).unwrap_or_default();
        assert_eq!(e, "{title body} : (\"هاتف\") AND {title body} : (\"wifi\")");
        let e = match_expression_in("سامسو*", &occurs).unwrap_or_default();
        assert!(e.contains("\"سامسو\"*") && e.contains("\"وسامسو\"*"), "{e}");
        // Asking about every form gives the expression without pruning.
        assert_eq!(
            match_expression_in("الذكاء سامسو*", &|_| true),
            match_expression("الذكاء سامسو*")
        );
    }

    #[test]
    fn fts_syntax_in_a_query_is_neutralised() {
        let e = match_expression("a:b OR (c) NEAR").unwrap_or_default();
        assert!(!e.contains("a:b") && !e.contains("(c)"), "{e}");
        assert_eq!(match_expression("  ** -- "), None);
    }

    #[test]
    fn highlights_cover_whole_words_in_the_original_text() {
        let text = "OpenAI وOpenAI تعمل للذكاء";
        let r = highlight_ranges(text, "openai الذكاء");
        let got: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, vec!["OpenAI", "وOpenAI", "للذكاء"]);
        assert!(highlight_ranges(text, "  ").is_empty());
        let r = highlight_ranges("سامسونج وسامسونغ", "سامسو*");
        assert_eq!(r.len(), 2);
    }
}
