//! Search: what goes into the FTS5 index (a normalized copy) and how a query becomes MATCH.

use crate::entities::normalize::normalize_str;

/// The text indexed for `s`: the entities' normalization, so hamza forms, alef maqsura,
/// taa marbuta, harakat, tatweel and digits all fold the same way as the query.
pub fn index_text(s: &str) -> String {
    normalize_str(s)
}

/// An FTS5 MATCH expression for a user query, or None when it has no searchable term.
/// Words are ANDed; `"..."` is a phrase; a trailing `*` is a prefix.
pub fn match_expression(query: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = query;
    while let Some(start) = rest.find('"') {
        push_terms(&rest[..start], &mut parts);
        let after = &rest[start + 1..];
        let (phrase, tail) = match after.find('"') {
            Some(end) => (&after[..end], &after[end + 1..]),
            None => (after, ""),
        };
        let words: Vec<String> = tokens(&normalize_str(phrase));
        if !words.is_empty() {
            parts.push(format!("\"{}\"", words.join(" ")));
        }
        rest = tail;
    }
    push_terms(rest, &mut parts);
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

fn push_terms(text: &str, parts: &mut Vec<String>) {
    for raw in text.split_whitespace() {
        let prefix = raw.ends_with('*');
        for t in tokens(&normalize_str(raw)) {
            parts.push(if prefix {
                format!("\"{t}\"*")
            } else {
                format!("\"{t}\"")
            });
        }
    }
}

/// Word tokens as FTS5's unicode61 tokenizer sees them (letters, digits, marks).
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_anded_and_quoted() {
        assert_eq!(
            match_expression("OpenAI Azure").as_deref(),
            Some("\"openai\" AND \"azure\"")
        );
    }

    #[test]
    fn phrases_and_prefixes() {
        assert_eq!(
            match_expression("\"abc def\" gh*").as_deref(),
            Some("\"abc def\" AND \"gh\"*")
        );
    }

    #[test]
    fn fts_syntax_in_query_is_neutralised() {
        assert_eq!(
            match_expression("a:b OR (c)").as_deref(),
            Some("\"a\" AND \"b\" AND \"or\" AND \"c\"")
        );
        assert_eq!(match_expression("  ** -- "), None);
    }
}
