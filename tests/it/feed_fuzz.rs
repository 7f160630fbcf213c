//! Property tests with arbitrary bytes: decode, parse_feed and html_to_paragraphs never panic,
//! and what they produce carries no control character other than '\n' between paragraphs.
#![allow(clippy::unwrap_used)]

use akhbar::feed::NewArticle;
use akhbar::feed::decode::decode;
use akhbar::feed::html::html_to_paragraphs;
use akhbar::feed::parse::parse_feed;
use proptest::prelude::*;

fn charset() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(
        prop_oneof![
            Just("utf-8"),
            Just("windows-1256"),
            Just("ISO-8859-6"),
            Just("utf-16le"),
            Just("utf-16be"),
            Just("bogus"),
        ]
        .prop_map(|c| format!("application/rss+xml; charset={c}")),
    )
}

/// Text with the characters that make trouble: escapes, C0/C1, bidi controls, markup, entities.
fn nasty() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\u{1b}[2J".to_string()),
            Just("\u{1b}]0;t\u{07}".to_string()),
            Just("\u{9b}31m".to_string()),
            Just("\u{202E}".to_string()),
            Just("\u{2067}".to_string()),
            Just("\u{200B}".to_string()),
            Just("&lt;script&gt;x&lt;/script&gt;".to_string()),
            Just("&lt;p&gt;".to_string()),
            Just("&amp;".to_string()),
            Just("&#x1b;".to_string()),
            Just("&#x9b;".to_string()),
            Just("&#0;".to_string()),
            "[\\x00-\\x1f\\x7f-\\u{9f}]",
            "[a-zء-ي <>&;\"'/=]{0,8}",
            any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn assert_clean(a: &NewArticle) -> Result<(), TestCaseError> {
    let single = [
        Some(&a.guid),
        Some(&a.title),
        a.link.as_ref(),
        a.author.as_ref(),
    ];
    for s in single.into_iter().flatten().chain(&a.categories) {
        prop_assert!(!s.chars().any(char::is_control), "{:?}", s);
    }
    for s in [&a.summary, &a.content] {
        prop_assert!(!s.chars().any(|c| c != '\n' && c.is_control()), "{:?}", s);
    }
    if let Some(l) = &a.link {
        prop_assert!(
            l.starts_with("http://") || l.starts_with("https://"),
            "{}",
            l
        );
    }
    prop_assert!(!a.guid.is_empty());
    Ok(())
}

fn rss_with(title: &str, body: &str, link: &str) -> String {
    // The strings go in as XML text (escaped) so the fields really carry them.
    let esc = |s: &str| quick_xml::escape::escape(s).into_owned();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{t}</title>\
         <item><title>{t}</title><link>{l}</link><author>{t}</author><category>{t}</category>\
         <description>{b}</description></item></channel></rss>",
        t = esc(title),
        b = esc(body),
        l = esc(link),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decode_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ct in charset()) {
        let text = decode(&bytes, ct.as_deref());
        // Valid UTF-8 without a BOM or declaration comes back unchanged.
        if ct.is_none() && !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.starts_with(b"\xFF\xFE")
            && !bytes.starts_with(b"\xFE\xFF") && !bytes.starts_with(b"<\0?\0") && !bytes.starts_with(b"\0<\0?")
            && let Ok(s) = std::str::from_utf8(&bytes)
            && !s.contains("<?xml") && !s.to_ascii_lowercase().contains("<meta")
        {
            prop_assert_eq!(text, s);
        }
    }

    #[test]
    fn parse_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096), ct in charset()) {
        if let Ok(feed) = parse_feed("https://fuzz.example/feed", &bytes, ct.as_deref()) {
            for a in &feed.articles {
                assert_clean(a)?;
            }
        }
    }

    #[test]
    fn parse_feeds_with_nasty_fields(title in nasty(), body in nasty(), link in nasty()) {
        let doc = rss_with(&title, &body, &link);
        let feed = parse_feed("https://fuzz.example/feed", doc.as_bytes(), None);
        // XML forbids some characters; then the feed is refused, otherwise it is clean.
        if let Ok(feed) = feed {
            prop_assert_eq!(feed.articles.len(), 1);
            assert_clean(&feed.articles[0])?;
            if let Some(t) = &feed.title {
                prop_assert!(!t.chars().any(char::is_control));
            }
        }
    }

    #[test]
    fn html_any_text(html in nasty(), raw in ".{0,300}") {
        for input in [html.as_str(), raw.as_str()] {
            for p in html_to_paragraphs(input) {
                prop_assert!(!p.is_empty());
                prop_assert_eq!(p.trim(), p.as_str());
                prop_assert!(!p.chars().any(char::is_control), "{:?}", p);
                prop_assert!(!p.contains("  "), "{:?}", p);
            }
        }
    }

    #[test]
    fn html_markup_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<b>"), Just("<table><tr><td>"),
        Just("<script>"), Just("</script>"), Just("<br>"), Just("<img alt='صورة'>"), Just("<pre>\n</pre>"),
        Just("<!--"), Just("-->"), Just("<![CDATA["), Just("&nbsp;"), Just("&#x202E;"), Just("نص"), Just("text"),
    ], 0..400)) {
        let html = parts.concat();
        for p in html_to_paragraphs(&html) {
            prop_assert!(!p.is_empty() && !p.chars().any(char::is_control), "{:?}", p);
        }
    }
}
