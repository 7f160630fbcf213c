//! The search line (shown in the footer while typing a search), mirrored in Arabic.

use super::{fragment, line_width, put_start, row, words};
use crate::i18n::tr;
use crate::text::PreparedParagraph;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

/// Draw "/ query   N matches · Enter keeps · Esc clears" and return where the cursor goes.
pub(crate) fn draw(buf: &mut Buffer, area: Rect, input: &Input, state: &State) -> Option<Position> {
    let t = &state.theme;
    let l = &state.l10n;
    // The query is its own paragraph: Arabic typed here reads right too.
    let q = fragment(
        input.value(),
        t.search,
        &state.opts,
        area.width.saturating_sub(4),
    );
    let qw = line_width(&q) as u16;
    let segments = vec![
        Line::styled("/", t.accent),
        Line::raw(" "),
        q,
        Line::raw("   "),
        words(
            &tr!(l, "search-matches", count = state.rows.len()),
            t.dim,
            state,
        ),
        Line::styled(" · ", t.dim),
        Line::styled("Enter", t.accent),
        Line::raw(" "),
        words(&tr!(l, "search-keep"), t.dim, state),
        Line::styled(" · ", t.dim),
        Line::styled("Esc", t.accent),
        Line::raw(" "),
        words(&tr!(l, "search-clear"), t.dim, state),
    ];
    put_start(buf, area, area.y, &row(segments, state), state);
    Some(input_cursor(area, 2, qw, input.value(), state))
}

/// Where the cursor goes after a typed value `width` cells wide that starts `prompt` cells
/// into the line's start: after the text in its own direction (left of Arabic, right of Latin,
/// which in a right-to-left line is the side of the prompt).
pub(crate) fn input_cursor(
    area: Rect,
    prompt: u16,
    width: u16,
    value: &str,
    state: &State,
) -> Position {
    let last = area.right().saturating_sub(1);
    if !state.l10n.is_rtl() {
        return Position::new((area.x + prompt + width).min(last), area.y);
    }
    let rtl_text = PreparedParagraph::new(value, &[], Default::default(), &state.opts).is_rtl();
    let end = area.right().saturating_sub(prompt);
    let x = if rtl_text || value.is_empty() {
        end.saturating_sub(width + 1)
    } else {
        end
    };
    Position::new(x.max(area.x).min(last), area.y)
}
