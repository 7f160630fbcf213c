//! Paragraph direction from the content's language: in a feed (or an article) declared Arabic,
//! a headline or paragraph that starts with a Latin name is laid out right to left and
//! right-aligned — in the reader, `list` and `show`. A feed in another language, or none,
//! keeps the first strong letter of each paragraph.
#![allow(clippy::unwrap_used)]

use crate::support::tui::{reader, rows, screen};
use crate::support::{Env, path_str, stderr, stdout};
use akhbar::feed::fetch::Validators;
use akhbar::feed::parse::parse_feed;
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::store::{FeedMeta, Ingest, Store};
use chrono::{TimeZone, Utc};

const HEADLINE: &str = "Apple تطلق iPhone 17 Pro Max في السعودية";
const BODY: &str = "Apple أعلنت اليوم عن هاتفها الجديد في الرياض.\n\
                    Tim Cook قال إن الشركة ستفتح متجرا جديدا في جدة.";

/// One feed per language (None: the feed does not say), each with one article: the headline
/// and body above.
fn store_with(path: &std::path::Path, languages: &[Option<&str>]) -> Store {
    let mut store = Store::open(path).unwrap();
    let urls: Vec<String> = (0..languages.len())
        .map(|i| format!("https://feed{i}.example/rss"))
        .collect();
    let sources: Vec<FeedSource> = urls
        .iter()
        .zip(languages)
        .map(|(url, lang)| FeedSource {
            url: url.clone(),
            title: Some(format!("feed {}", lang.unwrap_or("none"))),
            language: lang.map(str::to_string),
            tags: vec![],
        })
        .collect();
    store.add_feeds(&sources).unwrap();
    let feeds = store.feeds().unwrap();
    for (i, (url, lang)) in urls.iter().zip(languages).enumerate() {
        let feed_id = feeds.iter().find(|f| &f.url == url).unwrap().id;
        let article = NewArticle {
            guid: format!("{url}#1"),
            title: HEADLINE.to_string(),
            link: Some(format!("https://feed{i}.example/1")),
            published: Some(
                Utc.with_ymd_and_hms(2025, 7, 15, 11 - i as u32, 0, 0)
                    .unwrap(),
            ),
            author: None,
            categories: vec![],
            summary: String::new(),
            content: BODY.to_string(),
            language: None,
            links: Vec::new(),
        };
        let meta = FeedMeta {
            title: Some(format!("feed {}", lang.unwrap_or("none"))),
            link: None,
            language: lang.map(str::to_string),
            validators: Validators::default(),
        };
        let item = Ingest::new(article, format!("h{i}"), Some(vec![]));
        store.write_fetch(feed_id, &meta, &[item], "test").unwrap();
    }
    store
}

/// Whether `line` shows «Apple» to the right of «iPhone»: the headline laid out right to left
/// (its first word at the right end), as opposed to left to right.
fn apple_at_the_right(line: &str) -> bool {
    match (line.find("Apple"), line.find("iPhone")) {
        (Some(a), Some(i)) => a > i,
        _ => panic!("no headline in {line:?}"),
    }
}

#[test]
fn the_feeds_language_is_read_from_rss_atom_and_json_feed() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
        <language>ar-SA</language><item><title>x</title><guid>1</guid></item></channel></rss>"#;
    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
        <title>t</title><id>f</id><updated>2025-07-15T10:00:00Z</updated>
        <entry><title>x</title><id>1</id><updated>2025-07-15T10:00:00Z</updated></entry></feed>"#;
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","language":"ar",
        "items":[{"id":"1","title":"x"}]}"#;
    for (name, body, want) in [
        ("rss", rss, "ar-sa"),
        ("atom", atom, "ar"),
        ("json", json, "ar"),
    ] {
        let p = parse_feed("https://f.example/", body.as_bytes(), None).unwrap();
        assert_eq!(p.language.as_deref(), Some(want), "{name}");
        // Each article inherits it (the store keeps it per article, and falls back to the feed's).
        assert_eq!(p.articles[0].language.as_deref(), Some(want), "{name}");
    }
}

#[test]
fn reader_lays_out_a_latin_first_headline_rtl_in_an_arabic_feed() {
    let dir = tempfile::tempdir().unwrap();
    // Two of three feeds Arabic: the reader puts the headlines on the right.
    let store = store_with(
        &dir.path().join("t.db"),
        &[Some("ar"), Some("ar-EG"), Some("en")],
    );
    let (state, _rt) = reader(store, 120, 40);
    let term = screen(&state);
    let screen_rows = rows(&term);
    // The headline pane: the Arabic feed's row is laid out right to left, the English feed's
    // (same text) left to right.
    let headline = |feed: &str| {
        screen_rows
            .iter()
            .find(|r| r.contains(feed) && r.contains("iPhone"))
            .unwrap_or_else(|| panic!("no row of {feed}: {screen_rows:#?}"))
            .clone()
    };
    let ar = headline("feed ar");
    let en = headline("feed en");
    // Only the headline pane's part of the row (the article pane shares the row).
    let pane = |r: &str| {
        r.split('│')
            .find(|p| p.contains("iPhone"))
            .unwrap()
            .to_string()
    };
    assert!(apple_at_the_right(&pane(&ar)), "{ar}");
    assert!(!apple_at_the_right(&pane(&en)), "{en}");
    // The article pane shows the Arabic feed's article (the newest): title and both paragraphs
    // right to left, each ending at the pane's right edge, nothing of the Arabic end cut off.
    let text = screen_rows.join("\n");
    assert!(text.contains("ةيدوعسلا"), "{text}");
    let tim = screen_rows.iter().find(|r| r.contains("Tim Cook")).unwrap();
    let at = tim.find("Tim Cook").unwrap();
    assert!(
        tim[..at].contains("ةدج"),
        "Tim Cook begins the line at its right: {tim}"
    );
    insta::assert_snapshot!("arabic_feed_latin_first_headline_120x40", term.backend());
}

#[test]
fn list_and_show_lay_out_an_arabic_feeds_headline_rtl() {
    let env = Env::new();
    let db = env.db();
    let store = store_with(&db, &[Some("ar"), None]);
    drop(store);
    let o = env
        .cmd()
        .env("COLUMNS", "120")
        .args(["--db", path_str(&db), "--shape", "off", "list"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = |feed: &str| out.lines().find(|l| l.contains(feed)).unwrap().to_string();
    let ar = line("feed ar");
    // Right to left, whole: «Apple» at the end of the line, the Arabic end («السعودية», laid
    // out right to left) at its start, not cut off.
    assert!(apple_at_the_right(&ar), "{out}");
    assert!(ar.trim_end().ends_with("Apple"), "{out}");
    assert!(ar.contains("ةيدوعسلا") && !ar.contains('…'), "{out}");
    // No language: the first strong letter decides (Latin: left to right).
    assert!(!apple_at_the_right(&line("feed none")), "{out}");

    let ar_id = ar.split_whitespace().next().unwrap().to_string();
    let o = env.run(&[
        "--db",
        path_str(&db),
        "--shape",
        "off",
        "show",
        &ar_id,
        "--width",
        "60",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = stdout(&o);
    let title = shown.lines().find(|l| l.contains("iPhone")).unwrap();
    assert!(apple_at_the_right(title), "{shown}");
    // A paragraph that starts with a Latin name is right-aligned, its first word at the right.
    let tim = shown.lines().find(|l| l.contains("Tim Cook")).unwrap();
    assert!(tim.trim_end().ends_with("Tim Cook"), "{shown}");
}
