//! The footer: the keys that matter in the current focus, or the newest status message
//! (feed errors, "not modified", the offline notice), or the search line while typing.

use super::{line_width, put_end, put_start, row, words};
use crate::i18n::tr;
use crate::tui::action::Action as A;
use crate::tui::state::{Focus, State};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// Returns where the cursor goes while the search line is being typed.
pub(crate) fn draw(buf: &mut Buffer, area: Rect, state: &State) -> Option<Position> {
    if area.height == 0 {
        return None;
    }
    if let Some(prompt) = &state.prompt {
        return super::prompt::draw(buf, area, prompt, state);
    }
    if let Some(input) = &state.search_input {
        return super::search::draw(buf, area, input, state);
    }
    if state.status.is_some() || state.reindexing.is_some() {
        // A message in the interface's direction; the feed names in it are laid out with it.
        let inner = area.inner(ratatui::layout::Margin::new(1, 0));
        for (i, line) in status_lines(state, inner.width, area.height)
            .iter()
            .enumerate()
        {
            put_start(buf, inner, area.y + i as u16, line, state);
        }
        return None;
    }
    // Where we are in a long article, at the end; the hints give way to it.
    let pct = article_position(state);
    let reserved = if pct.is_some() { 6 } else { 0 };
    let hints_area = Rect {
        width: area.width.saturating_sub(reserved),
        x: if state.l10n.is_rtl() {
            area.x + reserved.min(area.width)
        } else {
            area.x
        },
        ..area
    };
    put_start(
        buf,
        hints_area,
        area.y,
        &hints(state, hints_area.width),
        state,
    );
    if let Some(pct) = pct {
        let label = words(&state.l10n.percent(pct as i64), state.theme.dim, state);
        let label = Line::from(
            [Span::raw(" ")]
                .into_iter()
                .chain(label.spans)
                .chain([Span::raw(" ")])
                .collect::<Vec<_>>(),
        );
        put_end(buf, area, area.y, &label, state);
    }
    None
}

/// An error wraps onto this many lines at most (and a quarter of the screen): a database's
/// error with its way out is read whole, not cut at the screen's width.
const ERROR_LINES: u16 = 4;

/// The footer's height on a screen `height` rows high: an error status's lines, else one.
pub(crate) fn height(state: &State, width: u16, height: u16) -> u16 {
    if height < 2 {
        return 0;
    }
    match &state.status {
        Some(s) if s.error && state.search_input.is_none() && state.prompt.is_none() => {
            let room = (height / 4).clamp(1, ERROR_LINES);
            status_lines(state, width.saturating_sub(2), room)
                .len()
                .max(1) as u16
        }
        _ => 1,
    }
}

/// The status as drawn in `width` cells on at most `rows` lines: an error wrapped, anything
/// else on one line. Feed names in messages are Arabic: the text is laid out like any other.
fn status_lines(state: &State, width: u16, rows: u16) -> Vec<Line<'static>> {
    let Some((text, error)) = status(state) else {
        return Vec::new();
    };
    if !error || rows <= 1 {
        let style = if error {
            state.theme.error
        } else {
            state.theme.accent
        };
        return vec![super::fragment(
            &text,
            style,
            &super::chrome_opts(state),
            width,
        )];
    }
    super::wrapped(
        &text,
        state.theme.error,
        &super::chrome_opts(state),
        width,
        usize::from(rows),
    )
}

/// What the status line says, and whether it is an error: the newest message, else how far
/// the background re-index of entities is.
fn status(state: &State) -> Option<(String, bool)> {
    if let Some(s) = &state.status {
        return Some((s.text.clone(), s.error));
    }
    let p = state.reindexing?;
    let text = if p.total == 0 {
        tr!(state.l10n, "status-reindex-counting")
    } else {
        tr!(
            state.l10n,
            "status-reindexing",
            done = p.done,
            total = p.total
        )
    };
    Some((text, false))
}

fn article_position(state: &State) -> Option<usize> {
    if state.feeds_view.is_some() {
        return None;
    }
    let rows = super::layout::Panes::of(state).article_rows();
    let open = state.article.as_ref()?;
    let total = open.layout.as_ref()?.lines.len();
    (rows > 0 && total > rows).then(|| ((open.scroll + rows).min(total) * 100 / total).min(100))
}

/// The hints that fit in `width` cells, whole: a narrow screen drops the last ones rather than
/// cutting a word, but keeps the help key.
fn hints(state: &State, width: u16) -> Line<'static> {
    let km = &state.keymap;
    let l = &state.l10n;
    let list: Vec<(A, String)> = match state.focus {
        _ if state.feeds_view.is_some() => vec![
            (A::Down, tr!(l, "hint-move")),
            (A::Open, tr!(l, "hint-filter")),
            (A::AddFeed, tr!(l, "hint-add")),
            (A::RenameFeed, tr!(l, "hint-rename")),
            (A::Remove, tr!(l, "hint-remove")),
            (A::MarkFeedRead, tr!(l, "hint-mark-read")),
            (A::Back, tr!(l, "hint-headlines")),
            (A::Help, tr!(l, "hint-help")),
        ],
        Focus::Headlines => vec![
            (A::Down, tr!(l, "hint-move")),
            (A::Open, tr!(l, "hint-open")),
            (A::CompanyPicker, tr!(l, "hint-company")),
            (A::Search, tr!(l, "hint-search")),
            (A::UnreadOnly, tr!(l, "hint-unread")),
            (A::FeedsView, tr!(l, "hint-feeds")),
            (A::RefreshAll, tr!(l, "hint-refresh")),
            (A::Help, tr!(l, "hint-help")),
            (A::Quit, tr!(l, "hint-quit")),
        ],
        Focus::Article => vec![
            (A::Down, tr!(l, "hint-scroll")),
            // The way back before the article's own keys: a narrow screen keeps it.
            (A::Back, tr!(l, "hint-back")),
            (A::NextUnread, tr!(l, "hint-next")),
            (A::Entities, tr!(l, "hint-entities")),
            (A::FullArticle, tr!(l, "hint-full-text")),
            (A::OpenLink, tr!(l, "hint-browser")),
            (A::Help, tr!(l, "hint-help")),
            (A::Quit, tr!(l, "hint-quit")),
        ],
    };
    // Each hint as (key, what, cells it needs without its separator).
    let items: Vec<(A, String, Line<'static>, usize)> = list
        .iter()
        .map(|(action, what)| {
            let key = if *action == A::Down {
                format!("{}/{}", km.first_label(A::Down), km.first_label(A::Up))
            } else {
                km.first_label(*action)
            };
            let what = words(what, Default::default(), state);
            let need = crate::text::cell_width(&key) + 1 + line_width(&what);
            (*action, key, what, need)
        })
        .collect();
    let all: usize =
        1 + items.iter().map(|i| i.3).sum::<usize>() + 3 * items.len().saturating_sub(1);
    // When not all fit, the help key stays (it lists every other key): the hints before it
    // give way from the end instead.
    let help_need = items
        .iter()
        .find(|i| i.0 == A::Help)
        .filter(|_| all > usize::from(width))
        .map_or(0, |i| 3 + i.3);
    let mut kept = Vec::new();
    let mut used = 1;
    for item in items.iter().filter(|i| help_need == 0 || i.0 != A::Help) {
        let sep = if kept.is_empty() { 0 } else { 3 };
        if used + sep + item.3 + help_need > usize::from(width) {
            break;
        }
        used += sep + item.3;
        kept.push(item);
    }
    if help_need > 0 && used + help_need <= usize::from(width) {
        kept.extend(items.iter().filter(|i| i.0 == A::Help));
    }
    let mut segments = vec![Line::raw(" ")];
    for (i, (_, key, what, _)) in kept.into_iter().enumerate() {
        if i > 0 {
            segments.push(Line::styled(" · ", state.theme.dim));
        }
        // The key as it is bound: its own segment, so it is never reordered or mirrored.
        segments.push(Line::styled(key.clone(), state.theme.accent));
        segments.push(Line::raw(" "));
        segments.push(what.clone());
    }
    row(segments, state)
}
