//! Drawing: one file per pane or widget; draw functions read state, never do I/O.

pub(crate) mod article;
pub(crate) mod feeds;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod headlines;
pub(crate) mod help;
pub mod layout;
pub(crate) mod links;
pub(crate) mod picker;
pub(crate) mod prompt;
pub(crate) mod search;

use crate::text::{Direction, LayoutOptions, PreparedParagraph, cell_width};
use crate::tui::state::{Overlay, State};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Draw the whole screen from `state` (and the layouts cached in it).
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    let panes = layout::panes(area, state);
    let buf = frame.buffer_mut();
    header::draw(buf, panes.header, state);
    if let Some(view) = &state.feeds_view {
        // In place of both panes, between the header and the footer.
        let top = panes.header.bottom();
        let body = Rect {
            y: top,
            height: panes.footer.y.saturating_sub(top),
            ..area
        };
        feeds::draw(buf, body, view, state);
    } else {
        if let Some(r) = panes.headlines {
            headlines::draw(buf, r, state);
        }
        if let Some(r) = panes.article {
            article::draw(buf, r, state);
        }
        if let Some(d) = panes.divider {
            draw_divider(buf, d, state, panes.stacked);
        }
    }
    let mut cursor = footer::draw(buf, panes.footer, state);
    match &state.overlay {
        Overlay::Picker(p) => cursor = picker::draw(buf, area, p, state),
        Overlay::Help { scroll } => help::draw(buf, area, *scroll, state),
        Overlay::Links(list) => links::draw(buf, area, list, state),
        Overlay::None => {}
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

fn draw_divider(buf: &mut Buffer, r: Rect, state: &State, stacked: bool) {
    let style = state.theme.dim;
    if stacked {
        for x in r.x..r.x + r.width {
            buf[(x, r.y)].set_symbol("─").set_style(style);
        }
    } else {
        for y in r.y..r.y + r.height {
            buf[(r.x, y)].set_symbol("│").set_style(style);
        }
    }
}

/// A short piece of untrusted text (a feed name, a company, a search term) laid out as its own
/// paragraph — so its direction never leaks into what surrounds it — cut to `max` cells.
pub(crate) fn fragment(text: &str, style: Style, opts: &LayoutOptions, max: u16) -> Line<'static> {
    let text = crate::text::sanitize(text).replace('\n', " ");
    let text = text.trim();
    if text.is_empty() || max == 0 {
        return Line::default();
    }
    let width = cell_width(text).min(usize::from(max)).max(1) as u16;
    let p = PreparedParagraph::new(text, &[], style, opts);
    let mut lines = p.lines(width);
    if lines.is_empty() {
        return Line::default();
    }
    let mut first = lines.swap_remove(0);
    trim_line(&mut first);
    first
}

/// Layout options for the interface's own words: the interface's direction (right to left in
/// Arabic) whatever the articles are.
pub(crate) fn chrome_opts(state: &State) -> LayoutOptions {
    LayoutOptions {
        direction: if state.l10n.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
        ..state.opts
    }
}

/// Some of the interface's own words as one segment, laid out by the same engine as the
/// articles in the interface's direction.
pub(crate) fn words(text: &str, style: Style, state: &State) -> Line<'static> {
    fragment(text, style, &chrome_opts(state), u16::MAX)
}

/// Segments, each laid out on its own, joined in reading order: right to left in an Arabic
/// interface. Each keeps its own direction inside (as a bidi isolate would), so a key name,
/// a feed's name or a count never reorders its neighbours.
pub(crate) fn row(segments: Vec<Line<'static>>, state: &State) -> Line<'static> {
    let mut spans = Vec::new();
    if state.l10n.is_rtl() {
        for s in segments.into_iter().rev() {
            spans.extend(s.spans);
        }
    } else {
        for s in segments {
            spans.extend(s.spans);
        }
    }
    Line::from(spans)
}

/// Write a line at the start of `area`'s row `y`: the left edge, the right one in Arabic.
/// A line too long for the row loses its end: the left side in Arabic.
pub(crate) fn put_start(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>, state: &State) {
    if state.l10n.is_rtl() {
        let line = last_cells(line, usize::from(area.width));
        put_right(buf, area.right(), y, &line, area.width);
    } else {
        put(buf, area.x, y, line, area.width);
    }
}

/// Write a line at the end of `area`'s row `y`: the right edge, the left one in Arabic.
pub(crate) fn put_end(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>, state: &State) {
    if state.l10n.is_rtl() {
        let w = (line_width(line) as u16).min(area.width);
        put(buf, area.x, y, line, w);
    } else {
        put_right(buf, area.right(), y, line, area.width);
    }
}

/// The last `max` cells of a visual line (whole grapheme clusters).
pub(crate) fn last_cells(line: &Line<'_>, max: usize) -> Line<'static> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut skip = line_width(line).saturating_sub(max);
    let mut spans = Vec::new();
    for span in &line.spans {
        if skip == 0 {
            spans.push(Span::styled(span.content.to_string(), span.style));
            continue;
        }
        let mut kept = String::new();
        for g in span.content.graphemes(true) {
            if skip > 0 {
                skip = skip.saturating_sub(crate::text::grapheme_width(g));
            } else {
                kept.push_str(g);
            }
        }
        if !kept.is_empty() {
            spans.push(Span::styled(kept, span.style));
        }
    }
    Line::from(spans)
}

/// Untrusted text (an error, which may carry a path or a title) wrapped in `width` cells on at
/// most `rows` lines; text cut there ends with "…".
pub(crate) fn wrapped(
    text: &str,
    style: Style,
    opts: &LayoutOptions,
    width: u16,
    rows: usize,
) -> Vec<Line<'static>> {
    let text = crate::text::sanitize(text).replace('\n', " ");
    let text = text.trim();
    if text.is_empty() || width == 0 || rows == 0 {
        return Vec::new();
    }
    let p = PreparedParagraph::new(text, &[], style, opts);
    let mut lines = p.lines(width);
    if lines.len() > rows {
        // One cell kept for the "…" where the text goes on.
        lines = p.lines(width.saturating_sub(1).max(1));
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            trim_line(last);
            let more = ratatui::text::Span::styled("…", style);
            if p.is_rtl() {
                last.spans.insert(0, more);
            } else {
                last.spans.push(more);
            }
        }
    }
    for line in &mut lines {
        trim_line(line);
    }
    lines
}

/// Drop the padding spaces at both ends of a visual line.
pub(crate) fn trim_line(line: &mut Line<'static>) {
    while let Some(first) = line.spans.first_mut() {
        let t = first.content.trim_start();
        if t.is_empty() {
            line.spans.remove(0);
        } else {
            if t.len() != first.content.len() {
                first.content = t.to_string().into();
            }
            break;
        }
    }
    while let Some(last) = line.spans.last_mut() {
        let t = last.content.trim_end();
        if t.is_empty() {
            line.spans.pop();
        } else {
            if t.len() != last.content.len() {
                last.content = t.to_string().into();
            }
            break;
        }
    }
}

/// Cells a visual line takes.
pub(crate) fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| cell_width(&s.content)).sum()
}

/// Write a line at (x, y), at most `max` cells.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max: u16) {
    let a = buf.area;
    if max == 0 || y < a.y || y >= a.bottom() || x < a.x || x >= a.right() {
        return;
    }
    buf.set_line(x, y, line, max.min(a.right() - x));
}

/// Write a line so it ends at column `right` (exclusive), at most `max` cells.
pub(crate) fn put_right(buf: &mut Buffer, right: u16, y: u16, line: &Line<'_>, max: u16) {
    let w = (line_width(line).min(usize::from(max))) as u16;
    put(buf, right.saturating_sub(w), y, line, w);
}

/// A rectangle of `w`×`h` centred in `area` (clipped to it).
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
