//! Feed lists: OPML 1/2 and URL-per-line in, OPML 2.0 out, round trip.
#![allow(clippy::unwrap_used)]

use akhbar::feed::FeedSource;
use akhbar::feed::opml::{parse_feed_list, to_opml};
use proptest::prelude::*;

fn src(url: &str, title: Option<&str>, language: Option<&str>, tags: &[&str]) -> FeedSource {
    FeedSource {
        url: url.into(),
        title: title.map(Into::into),
        language: language.map(Into::into),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

#[test]
fn nested_outlines_and_categories_become_tags() {
    let opml = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Arabic tech</title></head>
  <body>
    <outline text="أخبار عامة">
      <outline text="تقنية">
        <outline type="rss" text="AIT News" title="البوابة العربية للأخبار التقنية"
                 xmlUrl="https://aitnews.com/feed/" language="ar" category="/ذكاء اصطناعي,/هواتف/أبل"/>
      </outline>
      <outline type="rss" text="BBC عربي" xmlUrl="https://feeds.bbci.co.uk/arabic/science-and-tech/rss.xml"/>
    </outline>
    <outline type="rss" text="Tech &amp; WD" xmlUrl="https://www.tech-wd.com/wd/feed/?a=1&amp;b=2"/>
  </body>
</opml>"#;
    let feeds = parse_feed_list(opml).unwrap();
    assert_eq!(
        feeds,
        vec![
            src(
                "https://aitnews.com/feed/",
                Some("البوابة العربية للأخبار التقنية"),
                Some("ar"),
                &["أخبار عامة", "تقنية", "ذكاء اصطناعي", "هواتف", "أبل"]
            ),
            src(
                "https://feeds.bbci.co.uk/arabic/science-and-tech/rss.xml",
                Some("BBC عربي"),
                None,
                &["أخبار عامة"]
            ),
            src(
                "https://www.tech-wd.com/wd/feed/?a=1&b=2",
                Some("Tech & WD"),
                None,
                &[]
            ),
        ]
    );
}

#[test]
fn opml_1_and_errors() {
    let opml1 = r#"<opml version="1.0"><body><outline title="CNN" xmlUrl="http://arabic.cnn.com/rss"/></body></opml>"#;
    assert_eq!(
        parse_feed_list(opml1).unwrap(),
        vec![src("http://arabic.cnn.com/rss", Some("CNN"), None, &[])]
    );
    let bad = r#"<opml version="2.0"><body><outline text="x" xmlUrl="javascript:alert(1)"/></body></opml>"#;
    assert!(
        parse_feed_list(bad)
            .unwrap_err()
            .to_string()
            .contains("not an http(s) URL")
    );
    let broken = "<opml version=\"2.0\">\n<body>\n<outline text=\"x\"></body></opml>";
    let e = parse_feed_list(broken).unwrap_err().to_string();
    assert!(e.starts_with("malformed OPML near line 3"), "{e}");
    assert!(parse_feed_list("<html><body/></html>").is_err());
    let e = parse_feed_list("https://a.example/feed\n\nnot a url\n").unwrap_err();
    assert_eq!(e.to_string(), "line 3: not an http(s) feed URL: not a url");
}

#[test]
fn export_is_valid_grouped_opml_that_round_trips() {
    let feeds = vec![
        src(
            "https://aitnews.com/feed/",
            Some("البوابة \"العربية\" <تقنية> & أكثر"),
            Some("ar"),
            &["تقنية", "عربي"],
        ),
        src(
            "https://www.skynewsarabia.com/rss/technology.xml",
            Some("سكاي نيوز"),
            Some("ar"),
            &["تقنية"],
        ),
        src("https://arabic.rt.com/rss/?a=1&b=2", None, None, &[]),
    ];
    let out = to_opml(&feeds);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    // Well-formed: quick-xml reads it to the end without an error.
    let mut reader = quick_xml::Reader::from_str(&out);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}\n{out}"),
        }
    }
    assert!(
        out.contains("<outline text=\"تقنية\" title=\"تقنية\">"),
        "{out}"
    );
    let mut back = parse_feed_list(&out).unwrap();
    let mut want = feeds.clone();
    back.sort_by(|a, b| a.url.cmp(&b.url));
    want.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(back, want);
}

fn tag() -> impl Strategy<Value = String> {
    // Tags as the user would have them: words, no OPML separators.
    "[a-zA-Zء-ي0-9][a-zA-Zء-ي0-9 &<>\"']{0,12}"
        .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn source() -> impl Strategy<Value = FeedSource> {
    (
        "[a-z]{1,10}",
        // Printable titles: no controls, format or invisible (default-ignorable) characters.
        proptest::option::of("[^\\p{C}\\p{Default_Ignorable_Code_Point}]{1,30}"),
        proptest::option::of("(ar|en|ar-EG|fr)"),
        proptest::collection::vec(tag(), 0..3),
    )
        .prop_map(|(host, title, language, tags)| {
            let mut uniq: Vec<String> = Vec::new();
            for t in tags {
                if !uniq.contains(&t) {
                    uniq.push(t);
                }
            }
            FeedSource {
                url: format!("https://{host}.example/feed?x=1&y=2"),
                title: title
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|t| !t.is_empty()),
                language,
                tags: uniq,
            }
        })
}

proptest! {
    #[test]
    fn round_trip(feeds in proptest::collection::vec(source(), 0..8)) {
        let mut feeds = feeds;
        feeds.dedup_by(|a, b| a.url == b.url);
        let mut seen = std::collections::HashSet::new();
        feeds.retain(|f| seen.insert(f.url.clone()));
        let out = to_opml(&feeds);
        let mut back = parse_feed_list(&out).unwrap();
        let mut want = feeds.clone();
        back.sort_by(|a, b| a.url.cmp(&b.url));
        want.sort_by(|a, b| a.url.cmp(&b.url));
        prop_assert_eq!(back, want);
    }
}
