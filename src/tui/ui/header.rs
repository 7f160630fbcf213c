//! The header: app name, active filters, counts, and the refresh gauge. In an Arabic interface
//! it is mirrored: name and filters on the right, counts on the left, the gauge filling leftward.

use super::{fragment, line_width, put_end, put_start, row, words};
use crate::i18n::tr;
use crate::tui::state::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

const GAUGE_CELLS: usize = 10;

fn space() -> Line<'static> {
    Line::raw(" ")
}

pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    if area.height == 0 {
        return;
    }
    let t = &state.theme;
    let l = &state.l10n;
    let name = t.accent.add_modifier(Modifier::BOLD);
    let mut start = vec![
        space(),
        fragment("أخبار", name, &state.opts, 8),
        space(),
        Line::styled("akhbar", name),
        space(),
    ];
    if state.demo {
        start.extend([words(&tr!(l, "header-demo"), t.dim, state), space()]);
    }
    if state.feeds_view.is_some() {
        start.extend([
            words(&tr!(l, "header-feeds-view"), t.accent, state),
            space(),
        ]);
    }
    let f = &state.filters;
    if let Some(view) = &f.view {
        start.extend([
            words(&tr!(l, "header-view"), t.dim, state),
            space(),
            fragment(view, t.accent, &state.opts, 24),
            space(),
        ]);
    }
    if let Some(tag) = &f.tag {
        start.extend([
            words(&tr!(l, "header-tag"), t.dim, state),
            space(),
            fragment(tag, t.accent, &state.opts, 24),
            space(),
        ]);
    }
    if let Some(feed) = f.feed_label.as_ref().or(f.feed.as_ref()) {
        start.extend([
            words(&tr!(l, "header-feed"), t.dim, state),
            space(),
            fragment(feed, t.accent, &state.opts, 24),
            space(),
        ]);
    }
    if let Some(label) = &f.company_label {
        start.extend([
            words(&tr!(l, "header-company"), t.dim, state),
            space(),
            fragment(label, t.org, &state.opts, 24),
            space(),
        ]);
        // Its articles are those re-indexed so far (and the others by their old entities).
        if state.reindexing.is_some() {
            start.extend([
                words(&tr!(l, "header-company-updating"), t.dim, state),
                space(),
            ]);
        }
    }
    if let Some(q) = &f.search {
        start.extend([
            words(&tr!(l, "header-search"), t.dim, state),
            space(),
            fragment(q, t.search, &state.opts, 24),
            space(),
        ]);
    }
    if f.unread {
        start.extend([
            words(&tr!(l, "header-unread-only"), t.accent, state),
            space(),
        ]);
    }
    if f.starred {
        start.extend([
            words(&tr!(l, "header-starred-only"), t.accent, state),
            space(),
        ]);
    }
    // While only the first page of a long list is here, the store's counts are the truth.
    let (shown, unread) = if (state.rows.len() as i64) < state.listed.0 {
        state.listed
    } else {
        let unread = state.rows.iter().filter(|r| !r.read).count();
        (state.rows.len() as i64, unread as i64)
    };
    let counts = if state.list_error.is_some() && state.rows.is_empty() {
        tr!(l, "header-database-error")
    } else if f.any() {
        tr!(
            l,
            "header-counts-filtered",
            shown = shown,
            total = state.total_articles,
            unread = unread
        )
    } else {
        let articles = tr!(l, "articles-count", count = shown);
        tr!(l, "header-counts", articles = articles, unread = unread)
    };
    let mut end: Vec<Line<'static>> = vec![space()];
    if let Some(r) = &state.refreshing {
        let filled = (r.done * GAUGE_CELLS)
            .checked_div(r.total)
            .unwrap_or(0)
            .min(GAUGE_CELLS);
        let done = Span::styled("▰".repeat(filled), t.accent);
        let to_do = Span::styled("▱".repeat(GAUGE_CELLS - filled), t.dim);
        // A gauge fills in the reading direction.
        let gauge = if l.is_rtl() {
            Line::from(vec![to_do, done])
        } else {
            Line::from(vec![done, to_do])
        };
        end.extend([Line::styled("⟳", t.accent), space(), gauge, space()]);
        end.push(words(
            &tr!(l, "header-feeds", done = r.done, total = r.total),
            Default::default(),
            state,
        ));
        if r.errors > 0 {
            end.extend([
                words(&tr!(l, "comma"), Default::default(), state),
                space(),
                words(&tr!(l, "header-errors", count = r.errors), t.error, state),
            ]);
        }
        end.extend([Line::raw(" · ")]);
    }
    end.push(words(&counts, t.dim, state));
    end.push(space());
    let start = row(start, state);
    let end = row(end, state);
    let ew = line_width(&end) as u16;
    // The counts give way to the filters on a narrow screen.
    let room_for_end = line_width(&start) as u16 + ew < area.width;
    put_start(buf, area, area.y, &start, state);
    if room_for_end {
        put_end(buf, area, area.y, &end, state);
    }
}
