//! Snapshots (insta, ratatui TestBackend) of a reading pane showing the sample article at 40 and
//! 80 columns, with entity styles applied: the text, where every styled cell is, and that the
//! names are styled wherever wrapping and reordering put them.

use akhbar::text::{BidiMode, Direction, LayoutOptions, PreparedText, StyleSpan};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Paragraph;

const SAMPLE: &str = include_str!("../fixtures/text/seed-article-microsoft-openai.txt");

fn entity_spans(text: &str) -> Vec<StyleSpan> {
    let org = Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD);
    let figure = Style::default().fg(Color::Yellow);
    let mut spans = Vec::new();
    for (names, style) in [
        (&["مايكروسوفت", "OpenAI", "Azure", "ChatGPT"][..], org),
        (&["مليار دولار", "10 مليارات", "2019", "2023"][..], figure),
    ] {
        for name in names {
            for (at, m) in text.match_indices(name) {
                spans.push(StyleSpan {
                    start: at,
                    end: at + m.len(),
                    style,
                });
            }
        }
    }
    spans
}

/// The pane as the TUI draws it: pre-built visual lines, no ratatui wrap or alignment.
fn render(width: u16, shape: bool) -> Terminal<TestBackend> {
    let opts = LayoutOptions {
        direction: Direction::Auto.for_content(Some("ar")),
        bidi: BidiMode::App,
        shape,
    };
    let spans = entity_spans(SAMPLE);
    let mut text = PreparedText::new(SAMPLE, &spans, Style::default(), &opts);
    let lines = text.wrapped(width).to_vec();
    let height = lines.len() as u16;
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("terminal: {e}"));
    terminal
        .draw(|f| f.render_widget(Paragraph::new(lines.clone()), f.area()))
        .unwrap_or_else(|e| panic!("draw: {e}"));
    terminal
}

/// Cells in each style, read row by row from the right (the reading order of RTL rows).
fn styled_cells(terminal: &Terminal<TestBackend>, style: Style) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width)
            .rev()
            .filter_map(|x| buf.cell((x, y)))
            .filter(|c| c.fg == style.fg.unwrap_or_default())
            .map(|c| c.symbol().to_string())
            .collect();
        out.push_str(&row);
    }
    out
}

#[test]
fn sample_article_at_40_columns() {
    let t = render(40, false);
    insta::assert_snapshot!(t.backend());
    let cyan = styled_cells(&t, Style::default().fg(Color::Cyan));
    // Every occurrence of a name is styled, and nothing else is.
    let names = ["مايكروسوفت", "OpenAI", "Azure", "ChatGPT"];
    let want: usize = names
        .iter()
        .map(|n| SAMPLE.matches(n).count() * n.chars().count())
        .sum();
    assert_eq!(cyan.chars().count(), want);
}

#[test]
fn sample_article_at_80_columns() {
    insta::assert_snapshot!(render(80, false).backend());
}

#[test]
fn sample_article_at_40_columns_shaped_with_styles() {
    // The buffer's debug form lists the style of every run of cells.
    insta::assert_debug_snapshot!(render(40, true).backend().buffer());
}
