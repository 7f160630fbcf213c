//! The help overlay: every key (as configured), the colour legend, notes on terminals.

use super::{centered, put};
use crate::entities::Kind;
use crate::tui::action::Action;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Width of one column of keys when they go in two.
const KEY_COLUMN: usize = 54;

fn content(state: &State, width: u16) -> Vec<Line<'static>> {
    let t = &state.theme;
    let head = |s: &str| Line::styled(s.to_string(), t.accent.add_modifier(Modifier::BOLD));
    let mut lines = vec![head("Keys")];
    let entry = |a: Action| {
        vec![
            Span::styled(format!("  {:<14}", state.keymap.keys_label(a)), t.accent),
            Span::raw(format!("{:<w$}", a.help(), w = KEY_COLUMN - 16)),
        ]
    };
    // Two columns when they fit, so the legend shows without scrolling.
    if usize::from(width) >= 2 * KEY_COLUMN {
        let half = Action::ALL.len().div_ceil(2);
        for i in 0..half {
            let mut spans = entry(Action::ALL[i]);
            if let Some(b) = Action::ALL.get(i + half) {
                spans.extend(entry(*b));
            }
            lines.push(Line::from(spans));
        }
    } else {
        for a in Action::ALL {
            lines.push(Line::from(entry(*a)));
        }
    }
    lines.push(Line::raw(
        "  mouse: the wheel scrolls the pane under it, a click selects a headline",
    ));
    lines.push(Line::default());
    lines.push(head("Colours"));
    // Samples are laid out like any other text, so they read right in every bidi mode.
    let legend = [
        (Kind::Org, "companies", "مايكروسوفت"),
        (Kind::Person, "people", "ساتيا ناديلا"),
        (Kind::Place, "places", "الرياض"),
        (Kind::Product, "products", "ChatGPT"),
        (
            Kind::Money,
            "figures: money, %, counts, dates",
            "80 مليار دولار",
        ),
    ];
    for (kind, what, sample) in legend {
        let mut spans = vec![Span::raw(format!("  {what:<36}"))];
        spans.extend(super::fragment(sample, t.kind(kind), &state.opts, 20).spans);
        lines.push(Line::from(spans));
    }
    if t.no_color {
        lines.push(Line::styled(
            "  NO_COLOR is set: bold, underline and italic carry the marks",
            t.dim,
        ));
    }
    lines.push(Line::default());
    lines.push(head("Terminals"));
    let mode = match state.opts.bidi {
        crate::text::BidiMode::App => {
            "akhbar reorders right-to-left text itself and asks the terminal not to (CSI 8 l)"
        }
        crate::text::BidiMode::Terminal => {
            "akhbar writes logical order and lets the terminal reorder (VTE, Konsole, mlterm)"
        }
        crate::text::BidiMode::Off => "no reordering at all: text is written in stored order",
    };
    lines.push(Line::raw(format!(
        "  bidi = {}: {mode}",
        state.bidi_label()
    )));
    lines.push(Line::raw(format!(
        "  shaping {}: {} joins Arabic letters for terminals that do not",
        if state.opts.shape { "on" } else { "off" },
        state.keymap.first_label(Action::ToggleShape)
    )));
    lines.push(Line::raw(
        "  xterm, Alacritty, foot, tmux, Windows Terminal: bidi = app, shaping on",
    ));
    lines.push(Line::raw(
        "  GNOME Terminal and other VTE, Konsole, mlterm, mintty: bidi = terminal, shaping off",
    ));
    lines
}

pub(crate) fn draw(buf: &mut Buffer, screen: Rect, scroll: usize, state: &State) {
    let area = centered(
        screen,
        2 * KEY_COLUMN as u16 + 4,
        screen.height.saturating_sub(2),
    );
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent)
        .title(Line::from(
            [Span::raw(" help · ")]
                .into_iter()
                .chain(super::fragment("مساعدة", state.theme.accent, &state.opts, 8).spans)
                .chain([Span::raw(" — j/k scroll, any other key closes ")])
                .collect::<Vec<_>>(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = content(state, inner.width.saturating_sub(1));
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    for (i, line) in lines
        .iter()
        .skip(scroll.min(max_scroll))
        .take(usize::from(inner.height))
        .enumerate()
    {
        put(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            line,
            inner.width.saturating_sub(1),
        );
    }
}
