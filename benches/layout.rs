//! Layout of a 3,000-word Arabic article: from scratch, re-wrap to a new width, and one frame of
//! scrolling (a window of cached lines rendered into a ratatui Buffer).
//! Targets: < 2 ms, < 1 ms, < 0.2 ms.

use akhbar::text::{BidiMode, Direction, LayoutOptions, PreparedText, StyleSpan};
use divan::{Bencher, black_box};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

const SAMPLE: &str = include_str!("../tests/fixtures/text/seed-article-microsoft-openai.txt");

fn main() {
    divan::main();
}

/// The sample article repeated to 3,000 words, with a style span on every name.
fn article() -> (String, Vec<StyleSpan>) {
    let mut text = String::new();
    while text.split_whitespace().count() < 3000 {
        text.push_str(SAMPLE);
        text.push('\n');
    }
    let style = Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD);
    let mut spans = Vec::new();
    for name in ["OpenAI", "مايكروسوفت", "Azure", "ChatGPT"] {
        for (at, m) in text.match_indices(name) {
            spans.push(StyleSpan {
                start: at,
                end: at + m.len(),
                style,
            });
        }
    }
    spans.sort_by_key(|s| s.start);
    (text, spans)
}

fn opts(shape: bool) -> LayoutOptions {
    LayoutOptions {
        direction: Direction::Rtl,
        bidi: BidiMode::App,
        shape,
    }
}

#[divan::bench(args = [true, false])]
fn layout_from_scratch_80(bencher: Bencher, shape: bool) {
    let (text, spans) = article();
    bencher.bench(|| {
        let mut t = PreparedText::new(black_box(&text), &spans, Style::default(), &opts(shape));
        t.wrapped(80).len()
    });
}

#[divan::bench(args = [true, false])]
fn rewrap_to_new_width(bencher: Bencher, shape: bool) {
    let (text, spans) = article();
    let mut t = PreparedText::new(&text, &spans, Style::default(), &opts(shape));
    let mut width = 80;
    bencher.bench_local(|| {
        // Alternate so that every call misses the per-width cache.
        width = if width == 80 { 79 } else { 80 };
        t.wrapped(black_box(width)).len()
    });
}

#[divan::bench]
fn scroll_frame(bencher: Bencher) {
    let (text, spans) = article();
    let mut t = PreparedText::new(&text, &spans, Style::default(), &opts(true));
    let lines = t.wrapped(80).to_vec();
    let area = Rect::new(0, 0, 80, 40);
    let mut buf = Buffer::empty(area);
    let mut top = 0;
    bencher.bench_local(|| {
        top = (top + 3) % lines.len().saturating_sub(40).max(1);
        buf.reset();
        for (y, line) in lines.iter().skip(top).take(40).enumerate() {
            buf.set_line(0, y as u16, line, 80);
        }
        black_box(&buf);
    });
}
