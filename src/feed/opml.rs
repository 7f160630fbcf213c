//! OPML 2.0 in and out; also plain "one URL a line" lists.

use super::{FeedSource, clean};
use anyhow::{Context, bail};
use quick_xml::XmlVersion;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

/// Parse OPML (nested outlines and categories become tags) or a plain list of URLs.
pub fn parse_feed_list(text: &str) -> anyhow::Result<Vec<FeedSource>> {
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim_start().starts_with('<') {
        parse_opml(text)
    } else {
        parse_lines(text)
    }
}

fn is_http(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
}

fn parse_lines(text: &str) -> anyhow::Result<Vec<FeedSource>> {
    let mut feeds: Vec<FeedSource> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !is_http(line) {
            bail!(
                "line {}: not an http(s) feed URL: {}",
                n + 1,
                clean::truncate(&clean::inline(line), 80)
            );
        }
        if !feeds.iter().any(|f| f.url == line) {
            feeds.push(FeedSource {
                url: line.to_string(),
                ..Default::default()
            });
        }
    }
    Ok(feeds)
}

/// Attribute `name` of an element, unescaped; None when absent or empty.
fn attr(e: &BytesStart<'_>, name: &str) -> anyhow::Result<Option<String>> {
    for a in e.attributes().with_checks(false) {
        let a = a?;
        if a.key.local_name().as_ref().eq_ignore_ascii_case(name) {
            let v = a.normalized_value(XmlVersion::Implicit1_0)?;
            let v = clean::inline(&v).into_owned();
            return Ok((!v.is_empty()).then_some(v));
        }
    }
    Ok(None)
}

fn push_tag(tags: &mut Vec<String>, tag: &str) {
    let tag = clean::inline(tag).into_owned();
    if !tag.is_empty() && !tags.contains(&tag) {
        tags.push(tag);
    }
}

fn parse_opml(text: &str) -> anyhow::Result<Vec<FeedSource>> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut feeds: Vec<FeedSource> = Vec::new();
    // Titles of the enclosing outlines (None for an outline that is itself a feed).
    let mut groups: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let pos = reader.buffer_position();
        let line = || {
            text.get(..pos as usize)
                .map_or(1, |p| p.matches('\n').count() + 1)
        };
        let event = reader
            .read_event()
            .with_context(|| format!("malformed OPML near line {}", line()))?;
        let (e, has_children) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) if e.local_name().as_ref().eq_ignore_ascii_case("outline") => {
                groups.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.local_name();
        if name.as_ref().eq_ignore_ascii_case("opml") {
            saw_opml = true;
        }
        if !name.as_ref().eq_ignore_ascii_case("outline") {
            continue;
        }
        let title = match attr(e, "title")? {
            Some(t) => Some(t),
            None => attr(e, "text")?,
        };
        let url = attr(e, "xmlUrl")?;
        if let Some(url) = url {
            if !is_http(&url) {
                bail!(
                    "outline {:?} near line {}: xmlUrl is not an http(s) URL",
                    title.unwrap_or_default(),
                    line()
                );
            }
            let mut tags = Vec::new();
            for g in groups.iter().flatten() {
                push_tag(&mut tags, g);
            }
            if let Some(cats) = attr(e, "category")? {
                // OPML 2.0: comma-separated, each a slash-delimited path.
                for path in cats.split(',') {
                    for part in path.split('/') {
                        push_tag(&mut tags, part);
                    }
                }
            }
            let language = attr(e, "language")?;
            // to_opml writes the URL as the text of an untitled feed.
            let title = title.filter(|t| *t != url);
            if !feeds.iter().any(|f| f.url == url) {
                feeds.push(FeedSource {
                    url,
                    title: title.map(|t| clean::truncate(&t, 300).into_owned()),
                    language,
                    tags,
                });
            }
            if has_children {
                groups.push(None);
            }
        } else if has_children {
            groups.push(title);
        }
    }
    if !saw_opml {
        bail!("not OPML (no <opml> element) and not a list of URLs");
    }
    Ok(feeds)
}

fn outline(out: &mut String, indent: &str, f: &FeedSource, tags: &[String]) {
    let text = f.title.as_deref().unwrap_or(&f.url);
    out.push_str(&format!(
        "{indent}<outline type=\"rss\" text=\"{t}\" title=\"{t}\" xmlUrl=\"{u}\"",
        t = escape(clean::inline(text)),
        u = escape(clean::inline(&f.url)),
    ));
    if let Some(lang) = &f.language {
        out.push_str(&format!(" language=\"{}\"", escape(clean::inline(lang))));
    }
    if !tags.is_empty() {
        // Commas and slashes are OPML's separators inside `category`.
        let cats: Vec<String> = tags
            .iter()
            .map(|t| format!("/{}", clean::inline(t).replace([',', '/'], " ")))
            .collect();
        out.push_str(&format!(" category=\"{}\"", escape(cats.join(","))));
    }
    out.push_str("/>\n");
}

/// OPML 2.0 document for `feeds`: grouped by first tag as nested outlines; any other tags are
/// kept in `category`.
pub fn to_opml(feeds: &[FeedSource]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>akhbar feeds</title>\n  </head>\n  <body>\n",
    );
    let mut groups: Vec<&str> = Vec::new();
    for f in feeds {
        if let Some(first) = f.tags.first()
            && !groups.contains(&first.as_str())
        {
            groups.push(first);
        }
    }
    for f in feeds.iter().filter(|f| f.tags.is_empty()) {
        outline(&mut out, "    ", f, &[]);
    }
    for g in groups {
        out.push_str(&format!(
            "    <outline text=\"{t}\" title=\"{t}\">\n",
            t = escape(clean::inline(g))
        ));
        for f in feeds
            .iter()
            .filter(|f| f.tags.first().map(String::as_str) == Some(g))
        {
            outline(&mut out, "      ", f, &f.tags[1..]);
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_lines_with_comments() {
        let list = "# أخبار\n\nhttps://aitnews.com/feed/\n  http://tech-wd.com/wd/feed/  \n";
        let feeds = parse_feed_list(list).unwrap_or_else(|e| panic!("{e}"));
        let urls: Vec<&str> = feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://aitnews.com/feed/", "http://tech-wd.com/wd/feed/"]
        );
        let Err(err) = parse_feed_list("https://a.test/\nftp://b.test/x\n") else {
            panic!("ftp line accepted");
        };
        assert!(err.to_string().starts_with("line 2:"), "{err}");
    }
}
