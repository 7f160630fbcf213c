//! The default feed list (assets/feeds.opml): real Arabic tech-news feeds, each with what an
//! OPML reader needs. Read with quick-xml, independently of akhbar's own OPML code; never fetched.
#![allow(clippy::unwrap_used)]

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeMap, HashSet};

const OPML: &str = include_str!("../../assets/feeds.opml");

/// The attributes of every outline that is a feed (has xmlUrl).
fn feed_outlines() -> Vec<BTreeMap<String, String>> {
    let mut reader = Reader::from_str(OPML);
    let mut feeds = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "outline" => {
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                if attrs.contains_key("xmlUrl") {
                    feeds.push(attrs);
                }
            }
            _ => {}
        }
    }
    feeds
}

#[test]
fn at_least_eight_arabic_tech_feeds() {
    assert!(OPML.contains("<opml version=\"2.0\">"));
    let feeds = feed_outlines();
    assert!(feeds.len() >= 8, "{} feeds", feeds.len());
    let mut urls = HashSet::new();
    for f in &feeds {
        let url = &f["xmlUrl"];
        assert!(url.starts_with("https://"), "{url}");
        assert!(!url.contains(".invalid"), "{url} is a demo URL");
        assert!(urls.insert(url.clone()), "{url} listed twice");
        assert!(f["htmlUrl"].starts_with("https://"), "{url}");
        assert_eq!(f["language"], "ar", "{url}");
        assert_eq!(f["type"], "rss", "{url}");
        assert!(!f["category"].is_empty(), "{url}");
        for key in ["title", "text"] {
            let arabic = f[key]
                .chars()
                .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                .count();
            assert!(arabic >= 4, "{url}: {key} {:?} is not Arabic", f[key]);
        }
    }
    for site in [
        "aitnews.com",
        "tech-wd.com",
        "unlimit-tech.com",
        "arabhardware.net",
        "bbci.co.uk/arabic",
        "arabic.cnn.com",
        "aljazeera.net",
        "skynewsarabia.com",
        "arabic.rt.com",
        "alarabiya.net",
    ] {
        assert!(
            feeds.iter().any(|f| f["xmlUrl"].contains(site)),
            "{site} is missing"
        );
    }
}
