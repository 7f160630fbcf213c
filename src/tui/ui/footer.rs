//! The footer: the keys that matter in the current focus, or the newest status message
//! (feed errors, "not modified", the offline notice), or the search line while typing.

use super::put;
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
    if let Some(input) = &state.search_input {
        return super::search::draw(buf, area, input, state);
    }
    if let Some(status) = &state.status {
        let style = if status.error {
            state.theme.error
        } else {
            state.theme.accent
        };
        // Feed names in messages are Arabic: the line is laid out like any other text.
        let line = super::fragment(
            &status.text,
            style,
            &state.opts,
            area.width.saturating_sub(1),
        );
        put(buf, area.x + 1, area.y, &line, area.width.saturating_sub(1));
        return None;
    }
    // Where we are in a long article, at the end; the hints give way to it.
    let pct = article_position(state);
    let room = area.width.saturating_sub(if pct.is_some() { 6 } else { 0 });
    put(buf, area.x, area.y, &hints(state), room);
    if let Some(pct) = pct {
        let label = Line::styled(format!(" {pct}% "), state.theme.dim);
        super::put_right(buf, area.right(), area.y, &label, 6);
    }
    None
}

fn article_position(state: &State) -> Option<usize> {
    let rows = super::layout::Panes::of(state).article_rows();
    let open = state.article.as_ref()?;
    let total = open.layout.as_ref()?.lines.len();
    (rows > 0 && total > rows).then(|| ((open.scroll + rows).min(total) * 100 / total).min(100))
}

fn hints(state: &State) -> Line<'static> {
    let km = &state.keymap;
    let list: &[(A, &str)] = match state.focus {
        Focus::Headlines => &[
            (A::Down, "move"),
            (A::Open, "open"),
            (A::CompanyPicker, "company"),
            (A::Search, "search"),
            (A::UnreadOnly, "unread"),
            (A::RefreshAll, "refresh"),
            (A::Help, "help"),
            (A::Quit, "quit"),
        ],
        Focus::Article => &[
            (A::Down, "scroll"),
            (A::NextArticle, "next"),
            (A::Entities, "entities"),
            (A::FullArticle, "full text"),
            (A::OpenLink, "browser"),
            (A::Back, "back"),
            (A::Help, "help"),
            (A::Quit, "quit"),
        ],
    };
    let mut spans = vec![Span::raw(" ")];
    for (i, (action, what)) in list.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", state.theme.dim));
        }
        let key = if *action == A::Down {
            format!("{}/{}", km.first_label(A::Down), km.first_label(A::Up))
        } else {
            km.first_label(*action)
        };
        spans.push(Span::styled(key, state.theme.accent));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}
