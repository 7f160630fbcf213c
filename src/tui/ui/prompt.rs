//! A prompt in the footer: a line to type (a feed's address, a name) or a yes/no question,
//! mirrored in Arabic like the search line.

use super::{fragment, line_width, put_start, row, words};
use crate::i18n::tr;
use crate::tui::state::State;
use crate::tui::state::feeds::{Confirm, Prompt, PromptKind};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

/// Draw the prompt; where the cursor goes (None for a question).
pub(crate) fn draw(
    buf: &mut Buffer,
    area: Rect,
    prompt: &Prompt,
    state: &State,
) -> Option<Position> {
    let t = &state.theme;
    let l = &state.l10n;
    let safe = |s: &str| crate::text::sanitize(s).replace('\n', " ");
    let question = match &prompt.kind {
        PromptKind::AddFeed => tr!(l, "prompt-add-feed"),
        PromptKind::Rename { .. } => tr!(l, "prompt-rename"),
        PromptKind::SaveView => tr!(l, "prompt-save-view"),
        PromptKind::Confirm(Confirm::RemoveFeed {
            name,
            articles,
            starred,
            ..
        }) => {
            let starred = if *starred > 0 {
                tr!(l, "prompt-remove-starred", count = *starred)
            } else {
                String::new()
            };
            tr!(
                l,
                "prompt-remove-feed",
                name = safe(name),
                count = *articles,
                starred = starred
            )
        }
        PromptKind::Confirm(Confirm::DeleteView { name }) => {
            tr!(l, "prompt-delete-view", name = safe(name))
        }
    };
    let asked = words(&question, t.accent, state);
    if let PromptKind::Confirm(_) = prompt.kind {
        let line = row(
            vec![
                Line::raw(" "),
                asked,
                Line::raw(" "),
                Line::styled("y/n", t.accent),
            ],
            state,
        );
        put_start(buf, area, area.y, &line, state);
        return None;
    }
    let aw = line_width(&asked) as u16;
    // Why Enter was refused (an empty name, a name the config has) takes the keys' place: the
    // prompt holds the footer's one line.
    let hint = match &state.status {
        Some(s) if s.error => words(&s.text, t.error, state),
        _ => words(&tr!(l, "prompt-keys"), t.dim, state),
    };
    let room = area
        .width
        .saturating_sub(aw + 3 + line_width(&hint) as u16)
        .max(8);
    // The typed text is its own paragraph: an Arabic name reads right.
    let typed = fragment(prompt.input.value(), t.search, &state.opts, room);
    let tw = line_width(&typed) as u16;
    let line = row(
        vec![
            Line::raw(" "),
            asked,
            Line::raw(" "),
            typed,
            Line::raw("   "),
            hint,
        ],
        state,
    );
    put_start(buf, area, area.y, &line, state);
    Some(super::search::input_cursor(
        area,
        aw + 2,
        tw,
        prompt.input.value(),
        state,
    ))
}
