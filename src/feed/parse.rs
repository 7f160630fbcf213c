//! feed-rs → ParsedFeed, guarded so no input can panic the process.
//!
//! The body is decoded to UTF-8 first (decode.rs) and its XML declaration removed: feed-rs 3
//! panics on a non-UTF-8 declaration that ends after byte 64, and would otherwise re-decode text
//! that is already UTF-8. `catch_unwind` stays as a backstop. feed-rs expands no entities beyond
//! the five predefined ones and fetches nothing, so billion-laughs and external DOCTYPE entities
//! stay inert text.

use super::html::{html_to_paragraphs, html_to_text};
use super::{Link, NewArticle, ParsedFeed, clean, decode};
use feed_rs::model;
use std::collections::HashMap;

/// Part of every item hash: changing how items become articles (cleaning, the HTML walker)
/// means bumping it, so stored items are converted again on their next fetch.
const CONVERSION: &str = "items-1";

/// Why a body is not a usable feed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("not a feed ({0})")]
    NotAFeed(String),
    #[error("malformed XML at line {line}: {reason}")]
    Malformed { line: usize, reason: String },
    #[error("malformed JSON Feed at line {line}: {reason}")]
    MalformedJson { line: usize, reason: String },
    #[error("empty body")]
    Empty,
}

// Caps on pathological sizes (characters). Far above anything real; they keep one hostile item
// from filling the screen, the database and the entity recognizer.
const MAX_TITLE: usize = 1_000;
const MAX_AUTHOR: usize = 200;
const MAX_CATEGORY: usize = 100;
const MAX_CATEGORIES: usize = 50;
const MAX_GUID: usize = 2_000;
const MAX_LINK: usize = 4_000;
const MAX_LANGUAGE: usize = 35;
const MAX_SUMMARY: usize = 20_000;
const MAX_CONTENT: usize = 1_000_000;
/// Real feeds nest a handful of levels (XHTML content a few more).
const MAX_XML_DEPTH: usize = 256;

/// Parse a fetched body (`bytes` as received) from `feed_url`.
pub fn parse_feed(
    feed_url: &str,
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    parse_feed_from(feed_url, feed_url, bytes, content_type, &HashMap::new())
}

/// Like `parse_feed`, for a body that came from `base_url` after redirects: relative links
/// resolve against `base_url`, while ids stay keyed to the feed's own `feed_url`. Items whose
/// guid maps to their hash in `known` (what the store holds) are counted and left out before
/// any HTML or text work: in a day's refresh nearly every item is one already stored.
pub(crate) fn parse_feed_from(
    feed_url: &str,
    base_url: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    known: &HashMap<String, String>,
) -> Result<ParsedFeed, ParseError> {
    let text = decode::decode(bytes, content_type);
    let (start, body) = strip_declaration(&text);
    if body.is_empty() {
        return Err(ParseError::Empty);
    }
    let parser = feed_rs::parser::Builder::new()
        // An empty id marks "the feed had none": never feed-rs's generated (random) ids.
        .id_generator(|_, _, _| String::new())
        .build();
    // quick-xml refuses documents nested deeper than 65,535; anything past a few levels is junk.
    let body = super::depth::limit_depth(body, MAX_XML_DEPTH, true);
    let parsed = crate::guard::catch(|| parser.parse(body.as_bytes()));
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => {
            // Line numbers count from the top of the document as sent, declaration included.
            let prefix_lines = text[..start].matches('\n').count();
            return Err(explain(&body, &e, prefix_lines));
        }
        Err(_) => return Err(ParseError::NotAFeed("the feed parser failed on it".into())),
    };
    Ok(convert(feed_url, base_url, feed, known))
}

/// The document without leading whitespace and without its XML declaration, and where it
/// starts in `text`.
fn strip_declaration(text: &str) -> (usize, &str) {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let mut start = text.len() - t.len();
    if t.starts_with("<?xml")
        && let Some(end) = t.find("?>")
    {
        let rest = &t[end + 2..];
        let body = rest.trim_start();
        start += end + 2 + (rest.len() - body.len());
    }
    (start, text[start..].trim_end())
}

/// A one-line reason for a document feed-rs refused.
fn explain(body: &str, e: &feed_rs::parser::ParseFeedError, prefix_lines: usize) -> ParseError {
    use feed_rs::parser::ParseFeedError as E;
    if let E::JsonSerde(j) = e {
        return ParseError::MalformedJson {
            line: j.line() + prefix_lines,
            reason: short(&j.to_string()),
        };
    }
    if looks_like_html(body) {
        return ParseError::NotAFeed("an HTML page".into());
    }
    if body.starts_with('<')
        && let Some((line, reason)) = xml_error(body)
    {
        return ParseError::Malformed {
            line: line + prefix_lines,
            reason,
        };
    }
    match e {
        E::JsonUnsupportedVersion(v) => {
            ParseError::NotAFeed(format!("unsupported JSON Feed version {}", short(v)))
        }
        E::ParseError(_) if body.starts_with('<') => {
            ParseError::NotAFeed("XML without an RSS, Atom or RDF root".into())
        }
        E::ParseError(_) => ParseError::NotAFeed("neither XML nor JSON".into()),
        other => ParseError::NotAFeed(short(&other.to_string())),
    }
}

fn looks_like_html(body: &str) -> bool {
    let head: String = body
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.contains("<html") && !head.contains("<rss") && !head.contains("<feed"))
}

/// Line and reason of the first XML syntax error, if quick-xml finds one.
fn xml_error(body: &str) -> Option<(usize, String)> {
    let mut reader = quick_xml::Reader::from_str(body);
    let mut depth: u64 = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) => {
                return (depth > 0).then(|| {
                    let line = body.matches('\n').count() + 1;
                    (line, "document ends inside an element".to_string())
                });
            }
            Ok(_) => {}
            Err(e) => {
                let pos = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let upto = body.get(..pos.min(body.len())).unwrap_or(body);
                let line = upto.matches('\n').count() + 1;
                return Some((line, short(&e.to_string())));
            }
        }
    }
}

fn short(s: &str) -> String {
    clean::truncate(&clean::inline(s), 160).into_owned()
}

fn convert(
    feed_url: &str,
    base_url: &str,
    feed: model::Feed,
    known: &HashMap<String, String>,
) -> ParsedFeed {
    let base = url::Url::parse(base_url).ok();
    let feed_language = feed
        .language
        .as_deref()
        .map(language)
        .filter(|l| !l.is_empty());
    let (mut articles, mut hashes, mut unchanged) = (Vec::new(), Vec::new(), 0);
    for e in feed.entries {
        let key = key(feed_url, base.as_ref(), &e);
        let hash = item_hash(base_url, feed_language.as_deref(), &key, &e);
        if known.get(&key.guid) == Some(&hash) {
            unchanged += 1;
            continue;
        }
        articles.push(article(key, feed_language.as_deref(), e));
        hashes.push(hash);
    }
    ParsedFeed {
        title: feed
            .title
            .map(|t| title(&t.content))
            .filter(|t| !t.is_empty()),
        link: best_link(base.as_ref(), &feed.links),
        language: feed_language,
        articles,
        hashes,
        unchanged,
    }
}

/// What identifies an item: its guid, and the title, link and date the guid may derive from.
struct Key {
    guid: String,
    title: String,
    link: Option<String>,
    published: Option<chrono::DateTime<chrono::Utc>>,
}

fn key(feed_url: &str, base: Option<&url::Url>, e: &model::Entry) -> Key {
    let title = e
        .title
        .as_ref()
        .map(|t| title(&t.content))
        .unwrap_or_default();
    let link = best_link(base, &e.links);
    let published = e.published.or(e.updated);
    let id = clean::inline(&clean::truncate(&e.id, MAX_GUID)).into_owned();
    let guid = if !id.is_empty() {
        id
    } else if let Some(link) = &link {
        link.clone()
    } else {
        let date = published.map(|d| d.to_rfc3339()).unwrap_or_default();
        format!(
            "h:{:016x}",
            crate::hash::stable_hash(&[feed_url, &title, &date])
        )
    };
    Key {
        guid,
        title,
        link,
        published,
    }
}

/// A hash of the item as it came (everything an article is made from), so an unchanged item
/// is known before its HTML is walked and its text cleaned.
fn item_hash(base_url: &str, feed_language: Option<&str>, key: &Key, e: &model::Entry) -> String {
    let published = key
        .published
        .map(|d| d.timestamp().to_string())
        .unwrap_or_default();
    let mut parts: Vec<&str> = vec![
        CONVERSION,
        base_url,
        feed_language.unwrap_or(""),
        &key.guid,
        &key.title,
        key.link.as_deref().unwrap_or(""),
        &published,
        e.language.as_deref().unwrap_or(""),
        e.summary.as_ref().map_or("", |s| s.content.as_str()),
        e.content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .unwrap_or(""),
    ];
    parts.extend(e.authors.iter().map(|p| p.name.as_deref().unwrap_or("")));
    parts.push("\u{1e}");
    parts.extend(
        e.categories
            .iter()
            .map(|c| c.label.as_deref().unwrap_or(&c.term)),
    );
    format!("i{:016x}", crate::hash::stable_hash(&parts))
}

fn article(key: Key, feed_language: Option<&str>, e: model::Entry) -> NewArticle {
    let Key {
        guid,
        title,
        link,
        published,
    } = key;
    let author = e
        .authors
        .iter()
        .filter_map(|p| {
            let name =
                clean::inline(&clean::truncate(p.name.as_deref()?, MAX_AUTHOR * 4)).into_owned();
            (!name.is_empty()).then(|| clean::truncate(&name, MAX_AUTHOR).into_owned())
        })
        .next();
    let mut categories: Vec<String> = Vec::new();
    for c in &e.categories {
        let name = c.label.as_deref().unwrap_or(&c.term);
        let name = clean::truncate(
            &clean::inline(&clean::truncate(name, MAX_CATEGORY * 4)),
            MAX_CATEGORY,
        )
        .into_owned();
        if !name.is_empty() && !categories.contains(&name) && categories.len() < MAX_CATEGORIES {
            categories.push(name);
        }
    }
    let mut raw_links = Vec::new();
    let summary = e
        .summary
        .as_ref()
        .map(|s| rich_text(&s.content, MAX_SUMMARY, &mut raw_links))
        .unwrap_or_default();
    let content = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(|b| rich_text(b, MAX_CONTENT, &mut raw_links))
        .unwrap_or_default();
    // Relative links resolve against the article's page.
    let page = link.as_deref().and_then(|l| url::Url::parse(l).ok());
    let links = vetted_links(page.as_ref(), raw_links);
    let language = e
        .language
        .as_deref()
        .map(language)
        .filter(|l| !l.is_empty())
        .or_else(|| feed_language.map(str::to_string));
    NewArticle {
        guid,
        title,
        link,
        published,
        author,
        categories,
        summary,
        content,
        language,
        links,
    }
}

/// Links as found in HTML (words, href) → resolved http(s) links, each address once; a link
/// without words is named by its address.
pub(crate) fn vetted_links(base: Option<&url::Url>, raw: Vec<(String, String)>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for (text, href) in raw {
        let Some(url) = safe_link(base, &href) else {
            continue;
        };
        if out.iter().any(|l| l.url == url) {
            continue;
        }
        let text = if text.is_empty() { url.clone() } else { text };
        out.push(Link { text, url });
    }
    out
}

/// A title as one line of plain text: markup and entities resolved when there are any.
fn title(raw: &str) -> String {
    // Cut before converting: a 5 MB title costs nothing beyond this slice.
    let raw = clean::truncate(raw, MAX_TITLE * 8);
    let text = if raw.contains('<') || raw.contains('&') {
        html_to_paragraphs(&raw).join(" ")
    } else {
        raw.into_owned()
    };
    clean::truncate(&clean::inline(&text), MAX_TITLE).into_owned()
}

/// Summary or content: HTML (or plain text) → paragraphs separated by '\n', capped; the links
/// in it go to `links`.
fn rich_text(raw: &str, max: usize, links: &mut Vec<(String, String)>) -> String {
    let raw = clean::truncate(raw, max * 4);
    let text = if raw.contains('<') || raw.contains('&') {
        // Each paragraph is cleaned by the walker already.
        let (paragraphs, found) = html_to_text(&raw);
        links.extend(found);
        paragraphs.join("\n")
    } else {
        clean::paragraphs([raw.as_ref()])
    };
    clean::truncate(&text, max).into_owned()
}

fn language(raw: &str) -> String {
    clean::truncate(&clean::inline(raw), MAX_LANGUAGE).into_owned()
}

/// The item's page: an alternate (or unlabeled) link, resolved, http(s) only.
fn best_link(base: Option<&url::Url>, links: &[model::Link]) -> Option<String> {
    let alternate = |l: &&model::Link| l.rel.as_deref().is_none_or(|r| r == "alternate");
    links
        .iter()
        .filter(alternate)
        .chain(links.iter())
        .find_map(|l| safe_link(base, &l.href))
}

/// `href` resolved against the feed URL; None unless http or https.
pub(crate) fn safe_link(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.len() > MAX_LINK {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}
