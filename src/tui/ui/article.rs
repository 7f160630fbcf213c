//! The article pane: copies the visual lines the layout worker composed (`view::article`) into
//! the frame, from the pane's scroll position.

use super::put;
use crate::i18n::tr;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    let Some(open) = &state.article else {
        let msg = if state.wanted_article.is_some() {
            "…".to_string()
        } else if state.rows.is_empty() {
            String::new()
        } else {
            let key = state.keymap.first_label(crate::tui::action::Action::Open);
            tr!(state.l10n, "article-open-hint", key = key)
        };
        let inner = area.inner(ratatui::layout::Margin::new(1, 0));
        let line = super::fragment(
            &msg,
            state.theme.dim,
            &super::chrome_opts(state),
            inner.width,
        );
        super::put_start(buf, inner, area.y, &line, state);
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
