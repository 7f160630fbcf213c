//! Entity recognizer speed: throughput of `find` on Arabic news text (target ≥ 50 MB/s on one
//! core), normalization alone, and gazetteer load (target < 20 ms).
//!
//! `cargo bench --bench entities`

use akhbar::entities::{Recognizer, normalize};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// ~1 MB of Arabic tech news: the seed article and the evaluation passages (markup stripped).
fn corpus() -> String {
    let article = include_str!("../tests/fixtures/entities/seed-article-microsoft-openai.txt");
    let passages: String = include_str!("../tests/fixtures/entities/passages.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut plain = String::with_capacity(passages.len());
    let mut rest = passages.as_str();
    while let Some(open) = rest.find("[[") {
        plain.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("]]") else { break };
        let inner = &after[..close];
        plain.push_str(inner.split_once('|').map_or(inner, |(_, t)| t));
        rest = &after[close + 2..];
    }
    plain.push_str(rest);
    let unit = format!("{article}\n\n{plain}\n\n");
    unit.repeat((1 << 20) / unit.len() + 1)
}

#[divan::bench(sample_count = 20)]
fn find(bencher: Bencher) {
    let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
    let text = corpus();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| rec.find(black_box(&text)).len());
}

#[divan::bench(sample_count = 20)]
fn find_one_article(bencher: Bencher) {
    let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
    let text = include_str!("../tests/fixtures/entities/seed-article-microsoft-openai.txt");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| rec.find(black_box(text)).len());
}

#[divan::bench(sample_count = 20)]
fn normalize_only(bencher: Bencher) {
    let text = corpus();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| normalize::normalize(black_box(&text)).text.len());
}

#[divan::bench(sample_count = 20)]
fn load_gazetteer() -> usize {
    Recognizer::load(None)
        .map(|r| r.entity_count())
        .unwrap_or_default()
}
