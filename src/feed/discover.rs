//! A site's feeds from its page: `<link rel="alternate" type="application/rss+xml" href=…>`
//! (and Atom, JSON Feed), as browsers and feed readers find them.

use super::clean;
use dom_query::Document;

/// A feed a page links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discovered {
    /// Resolved against the page, http(s) only.
    pub url: String,
    pub title: Option<String>,
}

const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
];

/// The feeds `html` (the page at `page_url`) declares, in the page's order, each once. A
/// comments feed comes after the others: it is rarely the one wanted.
pub fn discover_feeds(html: &str, page_url: &str) -> Vec<Discovered> {
    let base = url::Url::parse(page_url).ok();
    let doc = Document::from(html);
    let mut found: Vec<Discovered> = Vec::new();
    for node in doc.select("link[rel][href]").nodes() {
        let rel = node.attr("rel").unwrap_or_default().to_ascii_lowercase();
        if !rel.split_ascii_whitespace().any(|r| r == "alternate") {
            continue;
        }
        let kind = node
            .attr("type")
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if !FEED_TYPES.contains(&kind.as_str()) {
            continue;
        }
        let href = node.attr("href").unwrap_or_default();
        let Some(url) = super::parse::safe_link(base.as_ref(), &href) else {
            continue;
        };
        if found.iter().any(|d| d.url == url) {
            continue;
        }
        let title = node
            .attr("title")
            .map(|t| clean::truncate(&clean::inline(&t), 200).into_owned())
            .filter(|t| !t.is_empty());
        found.push(Discovered { url, title });
    }
    let is_comments = |d: &Discovered| {
        d.url.to_ascii_lowercase().contains("comments")
            || d.title.as_deref().is_some_and(|t| {
                let t = t.to_lowercase();
                t.contains("comments") || t.contains("التعليقات")
            })
    };
    found.sort_by_key(is_comments);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_links_resolved_comments_last() {
        let html = r#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/rss+xml" title="التعليقات" href="/comments/feed/">
            <link rel="alternate" type="application/rss+xml" title="البوابة العربية" href="/feed/">
            <link rel="alternate" type="application/atom+xml" href="https://example.org/atom.xml">
            <link rel="alternate" type="text/html" hreflang="en" href="/en/">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="/feed/">
            </head><body></body></html>"#;
        let found = discover_feeds(html, "https://aitnews.example/news/");
        let urls: Vec<&str> = found.iter().map(|d| d.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://aitnews.example/feed/",
                "https://example.org/atom.xml",
                "https://aitnews.example/comments/feed/",
            ]
        );
        assert_eq!(found[0].title.as_deref(), Some("البوابة العربية"));
    }

    #[test]
    fn a_page_without_feeds_has_none() {
        assert!(discover_feeds("<p>لا شيء</p>", "https://x.example/").is_empty());
        assert!(discover_feeds("", "not a url").is_empty());
    }
}
