//! The search line (shown in the footer while typing a search).

use super::{fragment, line_width, put};
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use tui_input::Input;

/// Draw "/ query" and return where the cursor goes.
pub(crate) fn draw(buf: &mut Buffer, area: Rect, input: &Input, state: &State) -> Option<Position> {
    let prompt = Span::styled("/ ", state.theme.accent);
    let mut spans = vec![prompt];
    // The query is its own paragraph: Arabic typed here reads right too.
    let q = fragment(
        input.value(),
        state.theme.search,
        &state.opts,
        area.width.saturating_sub(4),
    );
    let qw = line_width(&q) as u16;
    spans.extend(q.spans);
    spans.push(Span::styled(
        format!("   {} matches · Enter keeps · Esc clears", state.rows.len()),
        state.theme.dim,
    ));
    put(buf, area.x, area.y, &Line::from(spans), area.width);
    Some(Position::new(
        (area.x + 2 + qw).min(area.right().saturating_sub(1)),
        area.y,
    ))
}
