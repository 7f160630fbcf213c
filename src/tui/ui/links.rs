//! The link list: each link's words (laid out by the bidi engine, so Arabic reads right) and
//! its address. Mirrored in Arabic: the words on the right, the address on the left.

use super::{centered, fragment, put, put_end, put_right, put_start, row, words};
use crate::i18n::tr;
use crate::tui::state::{LinkList, State};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub(crate) fn draw(buf: &mut Buffer, screen: Rect, list: &LinkList, state: &State) {
    let want = (list.links.len() as u16).saturating_add(2).clamp(5, 24);
    let width = screen.width.saturating_sub(4).min(100);
    let area = centered(screen, width, want.min(screen.height.saturating_sub(2)));
    Clear.render(area, buf);
    let l = &state.l10n;
    let t = &state.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent);
    let inner = block.inner(area);
    block.render(area, buf);
    // Drawn by our own writer, not as the block's title, as the picker's is.
    let border = area.inner(ratatui::layout::Margin::new(1, 0));
    let title = row(
        vec![
            Line::raw(" "),
            words(&tr!(l, "links-title"), t.accent, state),
            Line::raw(" "),
        ],
        state,
    );
    put_start(buf, border, area.y, &title, state);
    if inner.height == 0 || inner.width < 8 {
        return;
    }
    if list.links.is_empty() {
        let msg = fragment(
            &tr!(l, "links-none"),
            t.dim,
            &super::chrome_opts(state),
            inner.width,
        );
        put_start(buf, inner, inner.y, &msg, state);
        return;
    }
    // The words get two fifths, the address the rest (it is what `y` copies and is read
    // to decide whether to trust the link).
    let text_room = (inner.width * 2 / 5).saturating_sub(1);
    let url_room = inner.width.saturating_sub(text_room + 2);
    let rows = usize::from(inner.height);
    let first = list.selected.saturating_sub(rows.saturating_sub(1));
    for (i, link) in list.links.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let text = fragment(
            &link.text,
            ratatui::style::Style::default(),
            &state.opts,
            text_room,
        );
        let url = fragment(&link.url, t.dim, &state.opts, url_room);
        if l.is_rtl() {
            put_right(buf, inner.right(), y, &text, text_room);
            put(buf, inner.x, y, &url, url_room);
        } else {
            put(buf, inner.x, y, &text, text_room);
            put(buf, inner.x + text_room + 2, y, &url, url_room);
        }
        if i == list.selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), t.selection);
        }
    }
    let dim = t.dim.add_modifier(Modifier::ITALIC);
    let hint = row(
        vec![
            Line::styled(" Enter ", dim),
            words(&tr!(l, "links-open"), dim, state),
            Line::styled(" · y ", dim),
            words(&tr!(l, "links-copy"), dim, state),
            Line::styled(" · Esc ", dim),
            words(&tr!(l, "links-close"), dim, state),
            Line::styled(" · j/k ", dim),
        ],
        state,
    );
    put_end(buf, border, area.bottom().saturating_sub(1), &hint, state);
}
