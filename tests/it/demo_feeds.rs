//! The bundled demo feeds: complete, plausible Arabic tech news on fictional `.invalid` URLs,
//! loaded through the real pipeline into a real SQLite file.
#![allow(clippy::unwrap_used)]

use akhbar::demo;
use akhbar::entities::Recognizer;
use akhbar::store::{ArticleQuery, Store};
use chrono::{Datelike, TimeZone, Utc};

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// Most letters of `s` are Arabic (Latin names inside Arabic are fine).
fn mostly_arabic(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let arabic = letters.iter().filter(|c| is_arabic_letter(**c)).count();
    !letters.is_empty() && arabic * 10 >= letters.len() * 6
}

/// The demo documents read by feed-rs directly (independent of akhbar's own parser).
fn documents() -> Vec<(&'static str, feed_rs::model::Feed)> {
    demo::FEEDS
        .iter()
        .map(|f| {
            let feed = feed_rs::parser::parse(f.body.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", f.url));
            (f.url, feed)
        })
        .collect()
}

#[test]
fn every_demo_article_is_complete() {
    let docs = documents();
    assert_eq!(docs.len(), 3);
    let mut total = 0;
    for (url, feed) in &docs {
        assert!(demo::is_demo_url(url));
        assert_eq!(feed.language.as_deref(), Some("ar"), "{url}");
        assert!(
            mostly_arabic(&feed.title.as_ref().unwrap().content),
            "{url}"
        );
        for e in &feed.entries {
            total += 1;
            let title = &e.title.as_ref().unwrap().content;
            assert!(mostly_arabic(title), "{title}");
            let link = &e.links[0].href;
            assert!(link.starts_with(demo::ORIGIN), "{link}");
            let published = e.published.unwrap_or_else(|| panic!("{title}: no date"));
            assert_eq!(published.year(), 2026, "{title}");
            assert!(
                (9..=11).contains(&published.month()),
                "{title}: autumn 2026"
            );
            assert!(published < Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap());
            let author = e
                .authors
                .first()
                .and_then(|p| p.name.as_deref())
                .unwrap_or("");
            assert!(mostly_arabic(author), "{title}: author {author:?}");
            assert!(!e.categories.is_empty(), "{title}");
            let body = e.content.as_ref().and_then(|c| c.body.clone()).unwrap();
            assert!(
                body.matches("<p>").count() >= 4,
                "{title}: several paragraphs"
            );
            assert!(e.summary.is_some(), "{title}");
        }
    }
    assert!(total >= 14, "only {total} demo articles");
}

#[test]
fn the_demo_covers_companies_and_figures() {
    let docs = documents();
    let texts: Vec<String> = docs
        .iter()
        .flat_map(|(_, f)| f.entries.iter())
        .map(|e| {
            format!(
                "{}\n{}",
                e.title.as_ref().unwrap().content,
                e.content.as_ref().and_then(|c| c.body.clone()).unwrap()
            )
        })
        .collect();
    let about = |names: &[&str]| {
        texts
            .iter()
            .filter(|t| names.iter().any(|n| t.contains(n)))
            .count()
    };
    // A company filter on Microsoft must leave several articles.
    assert!(about(&["مايكروسوفت", "Microsoft"]) >= 4);
    for company in [
        &["سامسونج"][..],
        &["Nvidia", "إنفيديا"],
        &["آبل"],
        &["جوجل"],
        &["هواوي"],
        &["stc"],
        &["أرامكو"],
        &["كريم", "e&"],
        &["هيوماين", "G42"],
        &["تيك توك"],
        &["ChatGPT"],
    ] {
        assert!(about(company) >= 1, "no article about {company:?}");
    }
    let all = texts.join("\n");
    for figure in [
        "مليار دولار",
        "مليار ريال",
        "٪",
        "%",
        "في المئة",
        "٣٫٥",
        "2027",
    ] {
        assert!(all.contains(figure), "no {figure:?} in the demo");
    }
    assert!(
        all.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
        "Arabic-Indic digits"
    );
    assert!(all.contains("<img "), "an image to show as [image: …]");
}

#[test]
fn the_demo_loads_into_a_store_through_the_pipeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path).unwrap();
    let rec = Recognizer::load(None).unwrap();
    let expected: usize = documents().iter().map(|(_, f)| f.entries.len()).sum();

    let n = demo::load_into(&mut store, &rec).unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(n, expected);
    assert_eq!(store.article_count().unwrap(), expected as i64);

    let feeds = store.feeds().unwrap();
    assert_eq!(feeds.len(), 3);
    for f in &feeds {
        assert!(demo::is_demo_url(&f.url));
        assert!(mostly_arabic(f.title.as_deref().unwrap()), "{:?}", f.title);
        assert_eq!(f.language.as_deref(), Some("ar"));
    }
    let rows = store.list_articles(&ArticleQuery::default()).unwrap();
    assert_eq!(rows.len(), expected);
    for row in &rows {
        assert!(mostly_arabic(&row.title), "{}", row.title);
        assert!(row.link.as_deref().unwrap().starts_with(demo::ORIGIN));
        assert!(row.published.is_some());
        let a = store.article(row.id).unwrap().unwrap();
        assert!(a.author.is_some());
        let paragraphs = a.content.lines().filter(|l| !l.trim().is_empty()).count();
        assert!(paragraphs >= 4, "{}: {paragraphs} paragraphs", row.title);
        assert!(!a.content.contains('<'), "content is text, not HTML");
    }

    // Loading again (a second `--demo` over the same file) adds nothing.
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(demo::load_into(&mut store, &rec).unwrap(), expected);
    assert_eq!(store.article_count().unwrap(), expected as i64);
}
