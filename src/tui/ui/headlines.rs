//! The headlines pane: one row per article — read/star marks, feed, relative date, and the title
//! laid out right-to-left with its entities coloured. Mirrored panes put the marks on the right.

use super::{fragment, put, put_right};
use crate::i18n::tr;
use crate::store::ArticleRow;
use crate::text::{LayoutOptions, PreparedParagraph, StyleSpan};
use crate::tui::state::{Focus, State};
use crate::view::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

const MARKS_W: u16 = 2;
const DATE_W: u16 = 6;
const FEED_W: u16 = 12;
/// Narrower panes drop the feed column.
const FEED_MIN_PANE: u16 = 44;

fn feed_width(pane_width: u16) -> u16 {
    if pane_width >= FEED_MIN_PANE {
        FEED_W
    } else {
        0
    }
}

/// Cells left for the title in a pane `pane_width` wide.
pub(crate) fn title_width(pane_width: u16) -> u16 {
    let feed = feed_width(pane_width);
    let meta = MARKS_W + DATE_W + if feed > 0 { feed + 1 } else { 0 } + 1;
    pane_width.saturating_sub(meta).max(1)
}

/// The title as one visual line of `width` cells; a cut title shows "…" where it continues.
pub(crate) fn title_line(
    title: &str,
    spans: &[StyleSpan],
    opts: &LayoutOptions,
    width: u16,
    _theme: &Theme,
) -> Line<'static> {
    let title = title.replace('\n', " ");
    let p = PreparedParagraph::new(&title, spans, Style::default(), opts);
    let full = p.lines(width);
    if full.len() <= 1 {
        return full.into_iter().next().unwrap_or_default();
    }
    let mut cut = p
        .lines(width.saturating_sub(1).max(1))
        .into_iter()
        .next()
        .unwrap_or_default();
    if p.is_rtl() {
        cut.spans.insert(0, Span::raw("…"));
    } else {
        cut.spans.push(Span::raw("…"));
    }
    cut
}

/// The feed's name for its column.
pub(crate) fn feed_line(row: &ArticleRow, opts: &LayoutOptions, theme: &Theme) -> Line<'static> {
    let name = row.feed_title.clone().unwrap_or_else(|| {
        url::Url::parse(&row.feed)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            })
            .unwrap_or_else(|| row.feed.clone())
    });
    let name = crate::text::sanitize(&name).replace('\n', " ");
    let name = name.trim();
    if crate::text::cell_width(name) <= usize::from(FEED_W) {
        return fragment(name, theme.dim, opts, FEED_W);
    }
    // Cut like a title, «…» beside the words where the name goes on.
    let p = PreparedParagraph::new(name, &[], theme.dim, opts);
    let mut cut = p.lines(FEED_W - 1).into_iter().next().unwrap_or_default();
    super::trim_line(&mut cut);
    if p.is_rtl() {
        cut.spans.insert(0, Span::styled("…", theme.dim));
    } else {
        cut.spans.push(Span::styled("…", theme.dim));
    }
    cut
}

pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    if state.rows.is_empty() {
        draw_empty(buf, area, state);
        return;
    }
    let mirrored = state.mirrored();
    let feed_w = feed_width(area.width);
    let title_w = title_width(area.width);
    let end = (state.offset + usize::from(area.height)).min(state.rows.len());
    for (i, row) in state.rows[state.offset.min(end)..end].iter().enumerate() {
        let y = area.y + i as u16;
        let cached = state.title_lines.get(&row.id);
        let marks = Line::from(vec![
            Span::styled(if row.read { " " } else { "●" }, state.theme.accent),
            Span::styled(if row.starred { "★" } else { " " }, state.theme.figure),
        ]);
        let date = row
            .published
            .map(|p| super::words(&state.l10n.age_short(p, state.now), state.theme.dim, state))
            .unwrap_or_default();
        let fallback;
        let title = match cached {
            Some(t) => &t.line,
            None => {
                fallback = Line::raw(crate::text::sanitize(&row.title));
                &fallback
            }
        };
        let empty = Line::default();
        let feed = cached.map(|t| &t.feed).unwrap_or(&empty);
        // Unread titles bold, read feed names dim: patched over the cells after writing.
        let (title_x, feed_x);
        if mirrored {
            // Right to left: marks, feed, date, then the title towards the left edge.
            let right = area.x + area.width;
            let mut x = right.saturating_sub(MARKS_W).max(area.x);
            put(buf, x, y, &marks, MARKS_W.min(area.width));
            feed_x = x.saturating_sub(feed_w + 1).max(area.x);
            if feed_w > 0 {
                put_right(buf, x.saturating_sub(1), y, feed, feed_w);
                x = feed_x;
            }
            put_right(buf, x.saturating_sub(1), y, &date, DATE_W - 1);
            x = x.saturating_sub(DATE_W);
            title_x = x.saturating_sub(title_w + 1).max(area.x);
            put(
                buf,
                title_x,
                y,
                title,
                title_w.min(x.saturating_sub(area.x)),
            );
        } else {
            let mut x = area.x;
            put(buf, x, y, &marks, MARKS_W.min(area.width));
            x += MARKS_W;
            feed_x = x;
            if feed_w > 0 {
                put(buf, x, y, feed, feed_w);
                x += feed_w + 1;
            }
            put_right(buf, x + DATE_W - 1, y, &date, DATE_W - 1);
            x += DATE_W;
            title_x = x;
            put(buf, x, y, title, title_w);
        }
        let clip = |r: Rect| r.intersection(area);
        if !row.read {
            buf.set_style(
                clip(Rect::new(title_x, y, title_w, 1)),
                Style::default().add_modifier(Modifier::BOLD),
            );
        } else if feed_w > 0 {
            buf.set_style(clip(Rect::new(feed_x, y, feed_w, 1)), state.theme.dim);
        }
        if state.offset + i == state.selected {
            let mut sel = state.theme.selection;
            if state.focus != Focus::Headlines {
                sel = sel.add_modifier(Modifier::DIM);
            }
            buf.set_style(Rect::new(area.x, y, area.width, 1), sel);
        }
    }
}

fn draw_empty(buf: &mut Buffer, area: Rect, state: &State) {
    let km = &state.keymap;
    let l = &state.l10n;
    let t = &state.theme;
    use crate::tui::action::Action as A;
    let inner = area.inner(ratatui::layout::Margin::new(1, 0));
    if let Some(error) = &state.list_error {
        return draw_list_error(buf, inner, error, state);
    }
    let lines: Vec<(String, Style)> = if !state.list_loaded {
        vec![(tr!(l, "loading"), t.dim)]
    } else if state.demo && !state.filters.any() {
        vec![(tr!(l, "empty-demo-none"), Style::default())]
    } else if state.filters.any() {
        vec![
            (tr!(l, "empty-no-match"), Style::default()),
            (
                tr!(
                    l,
                    "empty-no-match-keys",
                    clear = km.first_label(A::ClearCompany),
                    unread = km.first_label(A::UnreadOnly),
                    search = km.first_label(A::Search)
                ),
                t.dim,
            ),
        ]
    } else {
        let mut lines = vec![
            (tr!(l, "empty-cache"), Style::default()),
            (
                tr!(l, "empty-refresh", key = km.first_label(A::RefreshAll)),
                t.dim,
            ),
            (tr!(l, "empty-import"), t.dim),
            (tr!(l, "empty-demo"), t.dim),
        ];
        if state.refreshing.is_some() {
            lines.insert(1, (tr!(l, "empty-refreshing"), t.accent));
        }
        lines
    };
    for (i, (text, style)) in lines.iter().enumerate().take(usize::from(area.height)) {
        let line = super::fragment(text, *style, &super::chrome_opts(state), inner.width);
        super::put_start(buf, inner, area.y + i as u16, &line, state);
    }
}

/// The whole error, wrapped: it names the file and what is wrong with it.
fn draw_list_error(buf: &mut Buffer, area: Rect, error: &str, state: &State) {
    let l = &state.l10n;
    let opts = super::chrome_opts(state);
    let rows = usize::from(area.height).saturating_sub(3).max(1);
    let mut lines = vec![super::fragment(
        &tr!(l, "list-failed"),
        state.theme.error,
        &opts,
        area.width,
    )];
    lines.extend(super::wrapped(
        error,
        Style::default(),
        &state.opts,
        area.width,
        rows,
    ));
    lines.push(Line::default());
    lines.push(super::fragment(
        &tr!(
            l,
            "list-failed-doctor",
            key = state.keymap.first_label(crate::tui::action::Action::Quit)
        ),
        state.theme.dim,
        &opts,
        area.width,
    ));
    for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
        super::put_start(buf, area, area.y + i as u16, line, state);
    }
}
