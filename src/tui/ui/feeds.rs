//! The feeds view: every article, the views, then the tags with their feeds (a feed under
//! each of its tags), the untagged feeds last; unread/articles at the end of each row; a feed
//! whose last fetch failed marked in red, its whole error in the detail pane below. Names are
//! laid out as their own paragraphs; the rows are mirrored in an Arabic interface.

use super::{fragment, line_width, put_end, put_start, row, words, wrapped};
use crate::i18n::tr;
use crate::tui::state::State;
use crate::tui::state::feeds::{Entry, FeedsView, ViewSource};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// Rows of the detail pane under the list (its rule included), on a screen tall enough; a long
/// error takes more, up to half the body.
const DETAIL_ROWS: u16 = 5;

pub(crate) fn draw(buf: &mut Buffer, area: Rect, view: &FeedsView, state: &State) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let t = &state.theme;
    let l = &state.l10n;
    let inner = area.inner(ratatui::layout::Margin::new(1, 0));
    let title = row(
        vec![
            words(
                &tr!(l, "feeds-title"),
                t.accent.add_modifier(Modifier::BOLD),
                state,
            ),
            Line::raw("  "),
            words(
                &tr!(l, "feeds-view-count", count = view.feeds.len()),
                t.dim,
                state,
            ),
        ],
        state,
    );
    put_start(buf, inner, area.y, &title, state);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..inner
    };
    if !view.loaded || view.error.is_some() || view.feeds.is_empty() {
        let (text, style) = match &view.error {
            Some(e) => (tr!(l, "feeds-unreadable", error = e.as_str()), t.error),
            None if !view.loaded => (tr!(l, "loading"), t.dim),
            None => {
                let key = state
                    .keymap
                    .first_label(crate::tui::action::Action::AddFeed);
                (tr!(l, "feeds-view-empty", key = key), Style::default())
            }
        };
        let opts = super::chrome_opts(state);
        for (i, line) in wrapped(&text, style, &opts, body.width, 4)
            .iter()
            .enumerate()
        {
            put_start(buf, body, body.y + i as u16, line, state);
        }
        return;
    }
    let detail = if body.height >= 12 {
        detail_lines(view, state, body.width, usize::from(body.height / 2 - 1))
    } else {
        Vec::new()
    };
    let detail_rows = if body.height >= 12 {
        (detail.len() as u16 + 1).max(DETAIL_ROWS)
    } else {
        0
    };
    let list = Rect {
        height: body.height - detail_rows,
        ..body
    };
    let rows = usize::from(list.height);
    // Where `update` scrolled to, moved as little as keeps the cursor's row in view here (the
    // detail pane may have grown).
    let first = view
        .offset
        .min(view.selected)
        .max(view.selected.saturating_sub(rows.saturating_sub(1)));
    for (i, entry) in view.entries.iter().enumerate().skip(first).take(rows) {
        let y = list.y + (i - first) as u16;
        draw_entry(buf, list, y, entry, view, state);
        if i == view.selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), t.selection);
        }
    }
    if detail_rows > 0 {
        let detail_area = Rect {
            y: list.bottom(),
            height: detail_rows,
            ..body
        };
        draw_detail(buf, area, detail_area, &detail, state);
    }
}

/// How far a row is set in: headings at the edge, their rows under them.
fn indent(entry: &Entry) -> usize {
    match entry {
        Entry::View(_) | Entry::Feed(_) => 3,
        _ => 0,
    }
}

fn draw_entry(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    entry: &Entry,
    view: &FeedsView,
    state: &State,
) {
    let t = &state.theme;
    let l = &state.l10n;
    let counts = |unread: i64, articles: i64| {
        let style = if unread > 0 { t.accent } else { t.dim };
        words(
            &tr!(l, "feeds-counts", unread = unread, articles = articles),
            style,
            state,
        )
    };
    let heading = t.accent.add_modifier(Modifier::BOLD);
    let (name, marker, end): (Line<'static>, Option<Line<'static>>, Line<'static>) = match entry {
        Entry::All { articles, unread } => (
            words(&tr!(l, "feeds-all"), Modifier::BOLD.into(), state),
            None,
            counts(*unread, *articles),
        ),
        Entry::ViewsHeading => (
            words(&tr!(l, "feeds-views"), heading, state),
            None,
            Line::default(),
        ),
        Entry::View(i) => {
            let v = &view.views[*i];
            let source = match v.source {
                ViewSource::Config => tr!(l, "feeds-view-from-config"),
                ViewSource::Saved => tr!(l, "feeds-view-is-saved"),
            };
            (
                fragment(&v.name, Style::default(), &state.opts, area.width / 2),
                None,
                words(&source, t.dim, state),
            )
        }
        Entry::Tag {
            name,
            feeds,
            articles,
            unread,
        } => (
            row(
                vec![
                    fragment(name, heading, &state.opts, area.width / 2),
                    Line::raw(" "),
                    words(&tr!(l, "feeds-tag-feeds", count = *feeds), t.dim, state),
                ],
                state,
            ),
            None,
            counts(*unread, *articles),
        ),
        Entry::Untagged { feeds } => (
            row(
                vec![
                    words(&tr!(l, "feeds-untagged"), heading, state),
                    Line::raw(" "),
                    words(&tr!(l, "feeds-tag-feeds", count = *feeds), t.dim, state),
                ],
                state,
            ),
            None,
            Line::default(),
        ),
        Entry::Feed(i) => {
            let f = &view.feeds[*i];
            let style = if f.unread > 0 {
                Style::default().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            let marker = f
                .last_error
                .as_ref()
                .map(|_| words(&tr!(l, "feeds-error-marker"), t.error, state));
            (
                fragment(&f.name(), style, &state.opts, area.width / 2),
                marker,
                counts(f.unread, f.articles),
            )
        }
    };
    let mut start = vec![Line::raw(" ".repeat(indent(entry))), name];
    if let Some(m) = marker {
        start.extend([Line::raw("  "), m]);
    }
    let start = row(start, state);
    let end = row(vec![end, Line::raw(" ")], state);
    // The counts give way to the name on a narrow screen.
    if line_width(&start) + line_width(&end) < usize::from(area.width) {
        put_end(buf, area, y, &end, state);
    }
    put_start(buf, area, y, &start, state);
}

/// Under the list: what the row under the cursor is — a feed's address, when it was last
/// fetched and its whole last error (wrapped, in red); a view's filters; a tag's feeds.
fn draw_detail(buf: &mut Buffer, screen: Rect, area: Rect, lines: &[Line<'static>], state: &State) {
    for x in screen.x..screen.right() {
        buf[(x, area.y)].set_symbol("─").set_style(state.theme.dim);
    }
    let text = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    for (i, line) in lines.iter().take(usize::from(text.height)).enumerate() {
        put_start(buf, text, text.y + i as u16, line, state);
    }
}

/// The detail pane's lines for the row under the cursor, `width` cells wide, `rows` at most.
fn detail_lines(view: &FeedsView, state: &State, width: u16, rows: usize) -> Vec<Line<'static>> {
    let t = &state.theme;
    let l = &state.l10n;
    let text = Rect::new(0, 0, width, rows as u16);
    let opts = super::chrome_opts(state);
    let mut lines: Vec<Line<'static>> = Vec::new();
    match view.current() {
        Some(Entry::Feed(i)) => {
            let f = &view.feeds[*i];
            let fetched = match f.last_fetch {
                Some(when) => tr!(l, "feeds-view-fetched", when = l.age(when, state.now)),
                None => tr!(l, "feeds-never-fetched"),
            };
            lines.push(row(
                vec![
                    fragment(&f.url, t.dim, &state.opts, text.width.saturating_sub(20)),
                    Line::raw("  "),
                    words(&fetched, t.dim, state),
                ],
                state,
            ));
            match &f.last_error {
                Some(e) => {
                    let e = tr!(l, "feeds-last-error", error = e.as_str());
                    lines.extend(wrapped(&e, t.error, &opts, text.width, rows - 1));
                }
                None if f.starred > 0 => lines.push(words(
                    &tr!(l, "feeds-starred", count = f.starred),
                    t.dim,
                    state,
                )),
                None => {}
            }
        }
        Some(Entry::View(i)) => {
            let v = &view.views[*i];
            let filter = serde_json::to_string(&v.filter).unwrap_or_default();
            lines.extend(wrapped(&filter, t.dim, &state.opts, text.width, 3));
        }
        Some(Entry::Tag { name, .. }) => {
            let members: Vec<String> = view
                .feeds
                .iter()
                .filter(|f| f.tags.iter().any(|t| t == name))
                .map(|f| f.name())
                .collect();
            let sep = tr!(l, "comma");
            lines.extend(wrapped(
                &members.join(&format!("{sep} ")),
                t.dim,
                &opts,
                text.width,
                3,
            ));
        }
        _ => {}
    }
    lines.truncate(rows);
    lines
}
