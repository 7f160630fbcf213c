//! From parsed items to rows: entity recognition and search columns, once per new or changed
//! item (the parser leaves unchanged items out by their hash).

use crate::entities::{Recognizer, Span};
use crate::feed::NewArticle;
use crate::hash::stable_hash;
use crate::store::{Field, Ingest};

/// Hash of everything stored about an article, for articles made by hand (tests); feeds' items
/// are hashed as they came, by the parser.
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

/// Recognise entities and make the search columns of new or changed items (unchanged ones
/// were left out by the parser), off the writer's thread. `hashes` are the items' hashes, in
/// the order of `articles`.
pub(crate) fn prepare(
    rec: &Recognizer,
    articles: Vec<NewArticle>,
    hashes: Vec<String>,
) -> Vec<Ingest> {
    articles
        .into_iter()
        .zip(hashes)
        .map(|(article, hash)| {
            let spans = analyze(rec, &article.title, &article.summary, &article.content);
            Ingest::new(article, hash, Some(spans))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const FEED: &str = r#"<rss version="2.0"><channel><title>t</title>
        <item><guid>a</guid><title>مايكروسوفت تطلق</title><description>&lt;p&gt;نص&lt;/p&gt;</description></item>
        <item><guid>b</guid><title>جوجل</title></item></channel></rss>"#;

    #[test]
    fn unchanged_items_are_left_out_before_recognition() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let parse = |known: &HashMap<String, String>| {
            crate::feed::parse::parse_feed_from(
                "https://x.example/f",
                "https://x.example/f",
                FEED.as_bytes(),
                None,
                known,
            )
            .unwrap_or_else(|e| panic!("{e}"))
        };
        let first = parse(&HashMap::new());
        assert_eq!((first.articles.len(), first.unchanged), (2, 0));
        let items = prepare(&rec, first.articles.clone(), first.hashes.clone());
        assert!(items[0].spans.as_ref().is_some_and(|s| !s.is_empty()));
        // The store's hashes for both: nothing left to convert.
        let mut known: HashMap<String, String> = first
            .articles
            .iter()
            .map(|a| a.guid.clone())
            .zip(first.hashes.iter().cloned())
            .collect();
        let again = parse(&known);
        assert_eq!((again.articles.len(), again.unchanged), (0, 2));
        // One changed: only it comes back.
        known.insert("b".into(), "i0".into());
        let changed = parse(&known);
        assert_eq!(changed.articles.len(), 1);
        assert_eq!(changed.articles[0].guid, "b");
        assert_eq!(changed.hashes, vec![first.hashes[1].clone()]);
    }
}
