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

/// Annotated passages with their markup, comments, labels and source lines removed.
fn strip_markup(src: &str) -> String {
    let passages: String = src
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("@ "))
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
    plain
}

/// The real-news passages (tests/fixtures/entities-real), one string per passage.
fn real_passages() -> Vec<String> {
    let all = [
        include_str!("../tests/fixtures/entities-real/tuning.txt"),
        include_str!("../tests/fixtures/entities-real/heldout.txt"),
        include_str!("../tests/fixtures/entities-real/tuning2.txt"),
        include_str!("../tests/fixtures/entities-real/heldout2.txt"),
    ]
    .map(strip_markup)
    .join("\n");
    all.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Real news as the reader meets it: ~1 MB of real passages, each recognized on its own (an
/// article at a time), so the figure is MB/s over real text.
#[divan::bench(sample_count = 20)]
fn find_real_news(bencher: Bencher) {
    let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
    let passages = real_passages();
    let size: usize = passages.iter().map(String::len).sum();
    let copies = (1 << 20) / size + 1;
    let texts: Vec<&str> = std::iter::repeat_n(&passages, copies)
        .flatten()
        .map(String::as_str)
        .collect();
    bencher.counter(BytesCount::new(size * copies)).bench(|| {
        texts
            .iter()
            .map(|t| rec.find(black_box(t)).len())
            .sum::<usize>()
    });
}

/// The same real news as one 1 MB text (what `akhbar entities` gets for a file with no blank
/// lines): propagation across a long text must not turn quadratic.
#[divan::bench(sample_count = 10)]
fn find_real_news_one_text(bencher: Bencher) {
    let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
    let one = real_passages().join("\n");
    let text = one.repeat((1 << 20) / one.len() + 1);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| rec.find(black_box(&text)).len());
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
