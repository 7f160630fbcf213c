//! The help overlay: every key (as configured), the colour legend, notes on terminals. In an
//! Arabic interface every line reads right to left: keys on the right, what they do to the left.

use super::{centered, fragment, put, put_right, put_start, row, words};
use crate::entities::Kind;
use crate::i18n::tr;
use crate::text::terminal::TerminalKind;
use crate::tui::action::Action;
use crate::tui::state::Found;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Width of one column of keys when they go in two.
const KEY_COLUMN: u16 = 54;
/// Cells for the keys of an action, before what it does.
const KEYS_CELLS: u16 = 16;

/// One line of the overlay: either running text, or an action's keys and what it does, in
/// one or two columns.
enum Entry {
    /// A heading (at the margin) or a line of text (indented).
    Head(Line<'static>),
    Text(Line<'static>),
    Keys(Vec<Action>),
}

fn content(state: &State, width: u16) -> Vec<Entry> {
    let t = &state.theme;
    let l = &state.l10n;
    let head = |s: String| Entry::Head(words(&s, t.accent.add_modifier(Modifier::BOLD), state));
    let text = |s: String, style: Style| Entry::Text(words(&s, style, state));
    let mut lines = vec![head(tr!(l, "help-keys"))];
    // Two columns when they fit, so the legend shows without scrolling.
    if width >= 2 * KEY_COLUMN {
        let half = Action::ALL.len().div_ceil(2);
        for i in 0..half {
            let mut pair = vec![Action::ALL[i]];
            pair.extend(Action::ALL.get(i + half));
            lines.push(Entry::Keys(pair));
        }
    } else {
        lines.extend(Action::ALL.iter().map(|a| Entry::Keys(vec![*a])));
    }
    lines.push(text(tr!(l, "help-mouse"), Style::default()));
    lines.push(Entry::Text(Line::default()));
    lines.push(head(tr!(l, "help-colours")));
    // Samples are laid out like any other text, so they read right in every bidi mode.
    let legend = [
        (Kind::Org, tr!(l, "legend-companies"), "مايكروسوفت"),
        (Kind::Person, tr!(l, "legend-people"), "ساتيا ناديلا"),
        (Kind::Place, tr!(l, "legend-places"), "الرياض"),
        (Kind::Product, tr!(l, "legend-products"), "ChatGPT"),
        (Kind::Money, tr!(l, "legend-figures"), "80 مليار دولار"),
    ];
    for (kind, what, sample) in legend {
        let what = words(&what, Style::default(), state);
        let pad = 36usize.saturating_sub(super::line_width(&what));
        let sample = fragment(sample, t.kind(kind), &state.opts, 20);
        lines.push(Entry::Text(row(
            vec![what, Line::raw(" ".repeat(pad)), sample],
            state,
        )));
    }
    if t.no_color {
        lines.push(text(tr!(l, "help-no-color"), t.dim));
    }
    lines.push(Entry::Text(Line::default()));
    lines.push(head(tr!(l, "help-terminals")));
    let mode = match state.opts.bidi {
        crate::text::BidiMode::App => tr!(l, "help-bidi-app"),
        crate::text::BidiMode::Off => tr!(l, "help-bidi-off"),
    };
    lines.push(text(mode, Style::default()));
    let key = state.keymap.first_label(Action::ToggleShape);
    let shaping = if state.opts.shape {
        tr!(l, "help-shaping-on", key = key)
    } else {
        tr!(l, "help-shaping-off", key = key)
    };
    lines.push(text(shaping, Style::default()));
    if let Some((kind, how)) = state.terminal {
        let how = match how {
            Found::Named => tr!(l, "help-terminal-named"),
            Found::Answered => tr!(l, "help-terminal-answered"),
            Found::Unanswered => tr!(l, "help-terminal-unanswered"),
        };
        let line = tr!(l, "help-terminal", kind = kind.name(), how = how);
        lines.push(text(line, Style::default()));
        if state.opts.bidi == crate::text::BidiMode::App {
            let writes = match kind {
                TerminalKind::Cells => tr!(l, "help-terminal-writes-cells"),
                TerminalKind::Vte => tr!(l, "help-terminal-writes-vte"),
                TerminalKind::Mlterm => tr!(l, "help-terminal-writes-mlterm"),
                TerminalKind::Konsole => tr!(l, "help-terminal-writes-konsole"),
                TerminalKind::Kitty => tr!(l, "help-terminal-writes-kitty"),
            };
            lines.push(text(writes, Style::default()));
        }
    }
    lines.push(text(tr!(l, "help-terminal-wrong"), Style::default()));
    lines
}

/// What `action` does, in the interface's language (`action-NAME` in assets/i18n).
pub(crate) fn action_help(state: &State, action: Action) -> String {
    state
        .l10n
        .message(&format!("action-{}", action.name()), &[])
}

/// One action in a column `col` (the cells of the row it may use): its keys at the start, what
/// it does after them, each laid out in its own direction.
fn draw_keys(buf: &mut Buffer, col: Rect, action: Action, state: &State) {
    let t = &state.theme;
    let keys = Line::styled(state.keymap.keys_label(action), t.accent);
    let what = words(&action_help(state, action), Style::default(), state);
    let what_cells = col.width.saturating_sub(KEYS_CELLS);
    if state.l10n.is_rtl() {
        // The mirror image: two cells of margin on the right, then the keys, then the text.
        put_right(
            buf,
            col.right().saturating_sub(2),
            col.y,
            &keys,
            KEYS_CELLS - 2,
        );
        let room = Rect {
            width: what_cells,
            ..col
        };
        put_start(buf, room, col.y, &what, state);
    } else {
        put(buf, col.x + 2, col.y, &keys, KEYS_CELLS - 2);
        put(buf, col.x + KEYS_CELLS, col.y, &what, what_cells);
    }
}

pub(crate) fn draw(buf: &mut Buffer, screen: Rect, scroll: usize, state: &State) {
    let area = centered(screen, 2 * KEY_COLUMN + 4, screen.height.saturating_sub(2));
    Clear.render(area, buf);
    let l = &state.l10n;
    let title = row(
        vec![
            Line::raw(" "),
            words(&tr!(l, "help-title"), state.theme.accent, state),
            Line::raw(" — "),
            Line::styled(
                format!(
                    "{}/{}",
                    state.keymap.first_label(Action::Down),
                    state.keymap.first_label(Action::Up)
                ),
                state.theme.accent,
            ),
            Line::raw(" "),
            words(&tr!(l, "help-scroll"), Style::default(), state),
            Line::raw(" "),
        ],
        state,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent);
    let inner = block.inner(area);
    block.render(area, buf);
    // Drawn by our own writer, not as the block's title: ratatui measures a visual "لا"
    // (unshaped lam beside alef) as one cell and would drop a letter.
    let border = area.inner(ratatui::layout::Margin::new(1, 0));
    put_start(buf, border, area.y, &title, state);
    // One cell of margin on each side.
    let text_area = inner.inner(ratatui::layout::Margin::new(1, 0));
    let lines = content(state, text_area.width);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    for (i, entry) in lines
        .iter()
        .skip(scroll.min(max_scroll))
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        let line_area = Rect {
            y,
            height: 1,
            ..text_area
        };
        match entry {
            Entry::Head(line) => put_start(buf, line_area, y, line, state),
            Entry::Text(line) => {
                let indented = row(vec![Line::raw("  "), line.clone()], state);
                put_start(buf, line_area, y, &indented, state);
            }
            Entry::Keys(actions) => {
                let columns = actions.len() as u16;
                let col_w = if columns > 1 {
                    KEY_COLUMN
                } else {
                    line_area.width
                };
                for (c, action) in actions.iter().enumerate() {
                    let offset = c as u16 * KEY_COLUMN;
                    // Columns follow the reading direction too.
                    let x = if l.is_rtl() {
                        line_area.right().saturating_sub(offset + col_w)
                    } else {
                        line_area.x + offset
                    };
                    let col = Rect {
                        x: x.max(line_area.x),
                        width: col_w.min(line_area.width),
                        ..line_area
                    };
                    draw_keys(buf, col, *action, state);
                }
            }
        }
    }
}
