//! Cleaning feed text (escape sequences, controls, invisible characters, whitespace) on
//! real-sized Arabic news: headlines, an article's paragraphs, and the three demo feeds parsed
//! whole (where cleaning runs on every title, summary and content paragraph).
#![allow(clippy::unwrap_used)]

use akhbar::feed::clean;
use akhbar::feed::parse::parse_feed;
use divan::{Bencher, black_box};

const ARTICLE: &str = include_str!("../tests/fixtures/text/seed-article-microsoft-openai.txt");
const FEEDS: [&str; 3] = [
    include_str!("../assets/demo/ait.xml"),
    include_str!("../assets/demo/techwd.xml"),
    include_str!("../assets/demo/wire.xml"),
];

fn main() {
    divan::main();
}

/// Every item and feed title of the demo feeds, as written in the XML.
fn titles() -> Vec<&'static str> {
    FEEDS
        .iter()
        .flat_map(|feed| feed.split("<title>").skip(1))
        .filter_map(|rest| rest.split("</title>").next())
        .collect()
}

#[divan::bench]
fn inline_headlines(bencher: Bencher) {
    let titles = titles();
    assert!(titles.len() >= 15);
    bencher.bench(|| {
        titles
            .iter()
            .map(|t| clean::inline(black_box(t)).len())
            .sum::<usize>()
    });
}

/// The article's lines one by one, as the HTML walker cleans each paragraph it ends.
#[divan::bench]
fn inline_article_paragraphs(bencher: Bencher) {
    bencher.bench(|| {
        black_box(ARTICLE)
            .lines()
            .map(|l| clean::inline(l).len())
            .sum::<usize>()
    });
}

/// The same article with a zero-width space and a colour sequence in every paragraph: the
/// path that has to build a new string.
#[divan::bench]
fn inline_article_paragraphs_dirty(bencher: Bencher) {
    let dirty: Vec<String> = ARTICLE
        .lines()
        .map(|l| format!("\u{1B}[31m{}\u{200B} ", l.replacen(' ', "  ", 1)))
        .collect();
    bencher.bench(|| {
        black_box(&dirty)
            .iter()
            .map(|l| clean::inline(l).len())
            .sum::<usize>()
    });
}

/// Plain text (no markup) made into paragraphs, as a feed's text-only summary is.
#[divan::bench]
fn paragraphs_article(bencher: Bencher) {
    bencher.bench(|| clean::paragraphs([black_box(ARTICLE)]).len());
}

#[divan::bench]
fn parse_demo_feeds(bencher: Bencher) {
    bencher.bench(|| {
        FEEDS
            .iter()
            .map(|f| {
                parse_feed(
                    "https://demo.akhbar.invalid/feed",
                    black_box(f.as_bytes()),
                    None,
                )
                .unwrap()
                .articles
                .len()
            })
            .sum::<usize>()
    });
}
