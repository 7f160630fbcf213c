//! The article pane: copies the visual lines the layout worker composed (`view::article`) into
//! the frame, from the pane's scroll position.

use super::put;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    let Some(open) = &state.article else {
        let msg = if state.wanted_article.is_some() {
            "…"
        } else if state.rows.is_empty() {
            ""
        } else {
            "Enter: open the selected article"
        };
        put(
            buf,
            area.x + 1,
            area.y,
            &Line::styled(msg, state.theme.dim),
            area.width.saturating_sub(2),
        );
        return;
    };
    let Some(layout) = &open.layout else {
        put(
            buf,
            area.x + 1,
            area.y,
            &Line::styled("…", state.theme.dim),
            area.width,
        );
        return;
    };
    let width = super::layout::article_text_width(area);
    let rows = usize::from(area.height);
    for (i, line) in layout.lines.iter().skip(open.scroll).take(rows).enumerate() {
        put(buf, area.x + 1, area.y + i as u16, line, width);
    }
}
