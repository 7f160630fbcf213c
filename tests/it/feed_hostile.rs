//! Hostile feed content: nothing panics, nothing hangs, nothing dangerous survives, the rest of
//! the item is kept.
#![allow(clippy::unwrap_used)]

use akhbar::feed::parse::{ParseError, parse_feed};
use akhbar::feed::{NewArticle, ParsedFeed};

const URL: &str = "https://hostile.example/feed.xml";

fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>عدائي</title><link>https://hostile.example/</link>{items}</channel></rss>"
    )
}

fn parse(doc: &[u8]) -> ParsedFeed {
    parse_feed(URL, doc, Some("application/rss+xml")).unwrap_or_else(|e| panic!("{e}"))
}

/// No control character (other than '\n' between paragraphs) and no escape in any field.
fn assert_clean(a: &NewArticle) {
    let single_line = [
        Some(&a.guid),
        Some(&a.title),
        a.link.as_ref(),
        a.author.as_ref(),
    ];
    for s in single_line.into_iter().flatten().chain(&a.categories) {
        assert!(!s.chars().any(char::is_control), "control char in {s:?}");
    }
    for s in [&a.summary, &a.content] {
        assert!(
            !s.chars().any(|c| c != '\n' && c.is_control()),
            "control char in {s:?}"
        );
        assert!(
            !s.split('\n').any(|p| p.trim().is_empty()) || s.is_empty(),
            "{s:?}"
        );
    }
    if let Some(link) = &a.link {
        assert!(
            link.starts_with("http://") || link.starts_with("https://"),
            "{link}"
        );
    }
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>\n");
    let doc = format!(
        "<?xml version=\"1.0\"?>\n{dtd}<rss version=\"2.0\"><channel><title>t</title>\
         <item><title>ضحك &lol9;</title><link>https://hostile.example/a</link></item></channel></rss>"
    );
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    assert!(a.title.len() < 100, "{}", a.title.len());
    assert!(a.title.starts_with("ضحك"), "{}", a.title);
    assert_eq!(a.link.as_deref(), Some("https://hostile.example/a"));
    assert_clean(a);
}

#[test]
fn external_entities_are_never_fetched() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n\
        <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n\
        <!ENTITY net SYSTEM \"http://127.0.0.1:9/steal\">\n]>\n\
        <rss version=\"2.0\"><channel><title>t</title><item><title>سر &xxe; &net;</title>\
        <guid>x-1</guid><description>نص</description></item></channel></rss>";
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    assert!(!a.title.contains("root:"), "{}", a.title);
    assert!(a.title.starts_with("سر"), "{}", a.title);
    assert_eq!(a.guid, "x-1");
    assert_eq!(a.summary, "نص");
}

#[test]
fn deep_nesting_neither_overflows_nor_hangs() {
    let n = 100_000;
    // Nested XML elements inside an item.
    let deep = format!("{}{}", "<x>".repeat(n), "</x>".repeat(n));
    let doc = rss(&format!(
        "<item><title>عميق</title><guid>d-1</guid>{deep}</item>\
         <item><title>بعده</title><guid>d-2</guid></item>"
    ));
    let p = parse(doc.as_bytes());
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.articles[1].title, "بعده");
    // Nested HTML inside a description.
    let html = format!("{}نص عميق{}", "<div>".repeat(n), "</div>".repeat(n));
    let doc = rss(&format!(
        "<item xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><title>html</title>\
         <content:encoded><![CDATA[{html}]]></content:encoded></item>"
    ));
    let p = parse(doc.as_bytes());
    assert_eq!(p.articles[0].content, "نص عميق");
    // A summary is capped before conversion: a deep one loses its tail, not the process.
    let html = format!("{}نص{}", "&lt;b&gt;".repeat(n), "&lt;/b&gt;".repeat(n));
    let doc = rss(&format!(
        "<item><title>s</title><description>{html}</description></item>"
    ));
    let p = parse(doc.as_bytes());
    assert!(p.articles[0].summary.chars().count() <= 20_001);
    // Nested elements as the whole document: an error or a feed, never a crash.
    let doc = format!("<rss version=\"2.0\">{}", "<channel>".repeat(n));
    let _ = parse_feed(URL, doc.as_bytes(), None);
}

#[test]
fn huge_title_is_capped_and_the_item_kept() {
    let title = "أ".repeat(5 * 1024 * 1024 / 2);
    let doc = rss(&format!(
        "<item><title>{title}</title><link>https://hostile.example/big</link>\
         <description>ملخص</description></item>"
    ));
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.title.chars().count(), 1001);
    assert!(a.title.ends_with('…'));
    assert_eq!(a.link.as_deref(), Some("https://hostile.example/big"));
    assert_eq!(a.summary, "ملخص");
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let mut doc = rss("<item><title>بداية TITLE نهاية</title><guid>u-1</guid>\
                       <description>قبل NUL بعد</description></item>")
    .into_bytes();
    let at = doc.windows(5).position(|w| w == b"TITLE").unwrap();
    doc.splice(at..at + 5, [0xC3, 0x28, 0xFF, 0xFE]);
    let at = doc.windows(3).position(|w| w == b"NUL").unwrap();
    doc.splice(at..at + 3, [0u8, 0, b'x', 0]);
    let p = parse(&doc);
    let a = &p.articles[0];
    assert_eq!(a.title, "بداية \u{FFFD}(\u{FFFD}\u{FFFD} نهاية");
    assert_eq!(a.summary, "قبل x بعد");
    assert_eq!(a.guid, "u-1");
    assert_clean(a);
}

#[test]
fn escape_sequences_and_c1_controls_are_removed() {
    // As raw characters (C1 as UTF-8) and as character references.
    let doc = rss(
        "<item><title>\u{1b}]0;pwned\u{07}«أمازون» \u{1b}[2Jتطلق\u{9b}31m Kindle</title>\
         <author>x\u{1b}[31mمحرر\u{9d}8;;http://evil\u{9c}</author><guid>e-1</guid>\
         <category>&#x1b;[5mتقنية</category>\
         <description>&lt;p&gt;فقرة&#x1b;]8;;http://evil.example&#x07;رابط&#x1b;]8;;&#x07;&lt;/p&gt;&lt;p&gt;ثانية&#x90;q&#x9c;&lt;/p&gt;</description>\
         </item>",
    );
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.title, "«أمازون» تطلق Kindle");
    assert_eq!(a.author.as_deref(), Some("xمحرر"));
    assert_eq!(a.categories, ["تقنية"]);
    assert_eq!(a.summary, "فقرةرابط\nثانية");
    assert_clean(a);
}

#[test]
fn bidi_overrides_and_zero_width_removed() {
    let doc = rss(
        "<item><title>\u{202E}gnp.exe\u{200B} خبر \u{2067}معزول</title><guid>b-1</guid>\
         <description>أ\u{202B}ب\nج\u{2069}\u{202C}</description></item>",
    );
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    // Embeddings, overrides and isolates only serve to make untrusted text read as something
    // else: they go (as the layout drops them), so "exe.png" reads as what it is.
    assert_eq!(a.title, "gnp.exe خبر معزول");
    assert_eq!(a.summary, "أب\nج");
    assert_clean(a);
}

#[test]
fn non_http_links_are_dropped_and_the_item_kept() {
    for (href, kept) in [
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("file:///etc/passwd", None),
        ("vbscript:msgbox", None),
        (
            "  https://hostile.example/ok  ",
            Some("https://hostile.example/ok"),
        ),
        (
            "/relative?a=1",
            Some("https://hostile.example/relative?a=1"),
        ),
    ] {
        let doc = rss(&format!(
            "<item><title>رابط</title><link>{href}</link><description>نص</description></item>"
        ));
        let p = parse(doc.as_bytes());
        let a = &p.articles[0];
        assert_eq!(a.link.as_deref(), kept, "{href}");
        assert_eq!(a.title, "رابط");
        assert_eq!(a.summary, "نص");
        assert!(!a.guid.contains("javascript"), "{}", a.guid);
    }
}

#[test]
fn active_html_is_dropped() {
    let html = r#"<p onclick="steal()">أول</p><script>alert('x')</script>
        <iframe src="https://evil.example/"><p>داخل</p></iframe><style>body{display:none}</style>
        <a href="javascript:alert(1)" onmouseover="x()">نص الرابط</a><img src=x onerror="alert(2)">
        <object data="evil.swf">بديل</object><form action="https://evil.example"><input value="سر"></form>
        <noscript>بدون</noscript><svg><script>1</script><text>رسم</text></svg>"#;
    let doc = rss(&format!(
        "<item><title>html</title><guid>h-1</guid><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[{html}]]></content:encoded></item>"
    ));
    let p = parse(doc.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.content, "أول\nنص الرابط");
    for bad in [
        "alert", "steal", "evil", "display", "onerror", "سر", "بدون", "رسم",
    ] {
        assert!(!a.content.contains(bad), "{bad} in {:?}", a.content);
    }
}

#[test]
fn panicking_declaration_is_survived() {
    // feed-rs 3 panics on a non-UTF-8 declaration that ends after byte 64.
    let mut doc = "\n".repeat(70).into_bytes();
    doc.extend_from_slice(
        b"<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>",
    );
    let (t, _, _) = encoding_rs::WINDOWS_1256.encode("تقنية");
    doc.extend_from_slice(&t);
    doc.extend_from_slice(b"</title><item><title>x</title><guid>p-1</guid></item></channel></rss>");
    let p = parse(&doc);
    assert_eq!(p.title.as_deref(), Some("تقنية"));
    assert_eq!(p.articles[0].guid, "p-1");
}

#[test]
fn non_feeds_have_reasons() {
    assert_eq!(parse_feed(URL, b"", None), Err(ParseError::Empty));
    assert_eq!(parse_feed(URL, b" \n\t ", None), Err(ParseError::Empty));
    assert_eq!(
        parse_feed(URL, b"<html><body>hi</body></html>", None),
        Err(ParseError::NotAFeed("an HTML page".into()))
    );
    let e = parse_feed(
        URL,
        b"{\"version\": \"https://jsonfeed.org/version/1\",\n\"items\": [,]}",
        None,
    )
    .unwrap_err();
    assert!(
        matches!(e, ParseError::MalformedJson { line: 2, .. }),
        "{e:?}"
    );
    let e = parse_feed(URL, b"plain text", None).unwrap_err();
    assert_eq!(e, ParseError::NotAFeed("neither XML nor JSON".into()));
    let e = parse_feed(URL, b"<?xml version=\"1.0\"?>\n<svg></svg>", None).unwrap_err();
    assert_eq!(
        e,
        ParseError::NotAFeed("XML without an RSS, Atom or RDF root".into())
    );
}
