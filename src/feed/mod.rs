//! Feeds in: fetch (HTTP with limits), decode (charset), parse (feed-rs → `NewArticle`), clean
//! (untrusted text made safe), html (the one HTML → paragraphs walker, for feed content and
//! pages), extract (the article of a web page), opml (feed lists in and out). The types here are
//! what refresh, ingest and the store work with.

pub mod clean;
pub mod decode;
mod depth;
pub mod discover;
pub mod extract;
pub mod fetch;
pub mod html;
pub mod opml;
pub mod parse;

use chrono::{DateTime, Utc};

/// A feed the user follows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    pub title: Option<String>,
    /// BCP 47 language tag as declared (OPML `language` attribute or the feed's own).
    pub language: Option<String>,
    /// OPML categories and enclosing outline titles.
    pub tags: Vec<String>,
}

/// One article as parsed from a feed, before it is stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewArticle {
    /// Stable id: guid, else link, else hash of feed + title + date.
    pub guid: String,
    pub title: String,
    /// http(s) only.
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    pub categories: Vec<String>,
    /// Plain text, paragraphs separated by '\n'.
    pub summary: String,
    /// Plain text, paragraphs separated by '\n' (empty when the feed carries none).
    pub content: String,
    pub language: Option<String>,
    /// The links inside the summary and content, in reading order (the article's own link is
    /// `link`).
    pub links: Vec<Link>,
}

/// A link inside an article's text: its words and where it goes (http(s) only, resolved).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// A parsed feed document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub language: Option<String>,
    pub articles: Vec<NewArticle>,
    /// Each article's item as it came (`parse::item_hash`), in the order of `articles`.
    pub hashes: Vec<String>,
    /// Items left out because their hash was the one already stored.
    pub unchanged: usize,
}
