//! The header: app name, active filters, counts, and the refresh gauge.

use super::{fragment, line_width, put, put_right};
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

const GAUGE_CELLS: usize = 10;

pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    if area.height == 0 {
        return;
    }
    let t = &state.theme;
    let name = t.accent.add_modifier(Modifier::BOLD);
    let mut left: Vec<Span<'static>> = vec![Span::styled(" ", name)];
    left.extend(fragment("أخبار", name, &state.opts, 8).spans);
    left.push(Span::styled(" akhbar ", name));
    if state.demo {
        left.push(Span::styled("demo ", t.dim));
    }
    let f = &state.filters;
    if let Some(label) = &f.company_label {
        left.push(Span::styled("company: ", t.dim));
        left.extend(fragment(label, t.org, &state.opts, 24).spans);
        left.push(Span::raw(" "));
    }
    if let Some(q) = &f.search {
        left.push(Span::styled("search: ", t.dim));
        left.extend(fragment(q, t.search, &state.opts, 24).spans);
        left.push(Span::raw(" "));
    }
    if f.unread {
        left.push(Span::styled("unread only ", t.accent));
    }
    let shown = state.rows.len();
    let unread = state.rows.iter().filter(|r| !r.read).count();
    let counts = if f.any() {
        format!("{shown} of {} · {unread} unread", state.total_articles)
    } else {
        format!("{shown} articles · {unread} unread")
    };
    let mut right: Vec<Span<'static>> = Vec::new();
    if let Some(r) = &state.refreshing {
        let filled = (r.done * GAUGE_CELLS)
            .checked_div(r.total)
            .unwrap_or(0)
            .min(GAUGE_CELLS);
        right.push(Span::styled("⟳ ", t.accent));
        right.push(Span::styled("▰".repeat(filled), t.accent));
        right.push(Span::styled("▱".repeat(GAUGE_CELLS - filled), t.dim));
        right.push(Span::raw(format!(" {}/{} feeds", r.done, r.total)));
        if r.errors > 0 {
            right.push(Span::styled(
                format!(
                    ", {} error{}",
                    r.errors,
                    if r.errors == 1 { "" } else { "s" }
                ),
                t.error,
            ));
        }
        right.push(Span::raw(" · "));
    }
    right.push(Span::styled(counts, t.dim));
    right.push(Span::raw(" "));
    let left = Line::from(left);
    let right = Line::from(right);
    let rw = line_width(&right) as u16;
    // The counts give way to the filters on a narrow screen.
    let room_for_right = line_width(&left) as u16 + rw < area.width;
    put(buf, area.x, area.y, &left, area.width);
    if room_for_right {
        put_right(buf, area.x + area.width, area.y, &right, rw);
    }
}
