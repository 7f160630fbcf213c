//! The company picker: companies with article counts, narrowed by Arabic or English as you type.

use super::{centered, fragment, line_width, put, put_right};
use crate::tui::state::{Picker, State};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub(crate) fn draw(
    buf: &mut Buffer,
    screen: Rect,
    picker: &Picker,
    state: &State,
) -> Option<Position> {
    // Sized by all companies, not the matches, so the box does not jump while typing.
    let want = (picker.companies.len() as u16)
        .saturating_add(3)
        .clamp(6, 24);
    let area = centered(screen, 56, want.min(screen.height.saturating_sub(2)));
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent)
        .title(Line::from(
            [Span::raw(" company · ")]
                .into_iter()
                .chain(fragment("الشركة", state.theme.accent, &state.opts, 8).spans)
                .chain([Span::raw(" ")])
                .collect::<Vec<_>>(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return None;
    }
    let t = &state.theme;
    let typed = fragment(
        picker.input.value(),
        t.search,
        &state.opts,
        inner.width.saturating_sub(3),
    );
    let tw = line_width(&typed) as u16;
    let mut prompt = vec![Span::styled("> ", t.accent)];
    prompt.extend(typed.spans);
    put(buf, inner.x, inner.y, &Line::from(prompt), inner.width);
    let cursor = Position::new(
        (inner.x + 2 + tw).min(inner.right().saturating_sub(1)),
        inner.y,
    );
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if !picker.loaded {
        put(
            buf,
            list.x,
            list.y,
            &Line::styled("loading…", t.dim),
            list.width,
        );
        return Some(cursor);
    }
    if picker.matches.is_empty() {
        let msg = if picker.companies.is_empty() {
            "no companies in the cache yet"
        } else {
            "no company matches"
        };
        put(buf, list.x, list.y, &Line::styled(msg, t.dim), list.width);
        return Some(cursor);
    }
    let rows = usize::from(list.height);
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    for (i, &ci) in picker.matches.iter().enumerate().skip(first).take(rows) {
        let Some(c) = picker.companies.get(ci) else {
            continue;
        };
        let y = list.y + (i - first) as u16;
        let count = Line::styled(format!("{:>5}", c.count), t.dim);
        put(buf, list.x, y, &count, 6);
        put(
            buf,
            list.x + 7,
            y,
            &Line::styled(crate::text::sanitize(&c.canonical), t.org),
            20,
        );
        if let Some(ar) = &c.arabic {
            let ar = fragment(ar, t.org, &state.opts, list.width.saturating_sub(29));
            put_right(buf, list.right(), y, &ar, list.width.saturating_sub(29));
        }
        if i == picker.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), t.selection);
        }
    }
    let hint = Line::styled(
        " Enter applies · Esc cancels · ↑↓ ",
        t.dim.add_modifier(Modifier::ITALIC),
    );
    put_right(
        buf,
        area.right().saturating_sub(1),
        area.bottom().saturating_sub(1),
        &hint,
        area.width.saturating_sub(2),
    );
    Some(cursor)
}
