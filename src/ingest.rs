//! From parsed items to rows: content hashes, entity recognition once per changed item.

use crate::entities::{Recognizer, Span};
use crate::feed::NewArticle;
use crate::hash::stable_hash;
use crate::store::{Field, Ingest};
use std::collections::HashMap;

/// Hash of everything stored about an item: equal hash = nothing to update.
pub fn content_hash(a: &NewArticle) -> String {
    let published = a
        .published
        .map(|d| d.timestamp().to_string())
        .unwrap_or_default();
    let categories = a.categories.join("\u{1f}");
    format!(
        "{:016x}",
        stable_hash(&[
            &a.title,
            a.link.as_deref().unwrap_or(""),
            &published,
            a.author.as_deref().unwrap_or(""),
            &categories,
            &a.summary,
            &a.content,
            a.language.as_deref().unwrap_or(""),
        ])
    )
}

/// Entities of the stored texts of an article.
pub(crate) fn analyze(
    rec: &Recognizer,
    title: &str,
    summary: &str,
    content: &str,
) -> Vec<(Field, Span)> {
    let mut out: Vec<(Field, Span)> = Vec::new();
    for (field, text) in [
        (Field::Title, title),
        (Field::Summary, summary),
        (Field::Content, content),
    ] {
        out.extend(rec.find(text).into_iter().map(|s| (field, s)));
    }
    out
}

/// Hash every item and recognise entities only in items that are new or changed.
pub(crate) fn prepare(
    rec: &Recognizer,
    stored: &HashMap<String, String>,
    articles: Vec<NewArticle>,
) -> Vec<Ingest> {
    articles
        .into_iter()
        .map(|article| {
            let hash = content_hash(&article);
            let spans = match stored.get(&article.guid) {
                Some(h) if *h == hash => None,
                _ => Some(analyze(
                    rec,
                    &article.title,
                    &article.summary,
                    &article.content,
                )),
            };
            Ingest {
                article,
                hash,
                spans,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_items_skip_recognition() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let a = NewArticle {
            guid: "g".into(),
            title: "t".into(),
            ..Default::default()
        };
        let mut stored = HashMap::new();
        stored.insert("g".to_string(), content_hash(&a));
        let out = prepare(&rec, &stored, vec![a.clone()]);
        assert!(out[0].spans.is_none());
        let out = prepare(&rec, &HashMap::new(), vec![a]);
        assert!(out[0].spans.is_some());
    }
}
