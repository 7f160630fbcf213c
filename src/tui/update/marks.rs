//! Read and star marks, and ending the reader without losing them: quit (a key or a signal)
//! waits for the marks on their way, a second quit ends at once, and what was not saved is
//! reverted on screen and reported at the end.

use super::super::action::{Action, Effect, Mark, MarkKind, Signal};
use super::super::saves::Answered;
use super::super::state::{State, Status};
use super::error;
use crate::i18n::tr;

/// Set `kind` to `on` on headline `index`: shown at once, saved through the writer.
pub(super) fn set_mark(
    state: &mut State,
    index: usize,
    kind: MarkKind,
    on: bool,
    fx: &mut Vec<Effect>,
) {
    let Some(row) = state.rows.get_mut(index) else {
        return;
    };
    let shown = match kind {
        MarkKind::Read => std::mem::replace(&mut row.read, on),
        MarkKind::Starred => std::mem::replace(&mut row.starred, on),
    };
    let mark = Mark {
        id: row.id,
        kind,
        on,
    };
    state.saves.begin(mark, shown, &row.title);
    fx.push(Effect::Save(mark));
}

/// A save answered: a failure puts the stored value back on screen and says why.
pub(super) fn saved(
    state: &mut State,
    mark: Mark,
    result: Result<(), String>,
    fx: &mut Vec<Effect>,
) {
    let why = result.as_ref().err().cloned();
    if let Answered::Revert(stored) = state.saves.answer(mark, result) {
        if let Some(row) = state.rows.iter_mut().find(|r| r.id == mark.id) {
            match mark.kind {
                MarkKind::Read => row.read = stored,
                MarkKind::Starred => row.starred = stored,
            }
        }
        let error_text = why.unwrap_or_default();
        let l = &state.l10n;
        let said = match (mark.kind, mark.on) {
            (MarkKind::Read, true) => tr!(l, "status-read-not-saved", error = error_text),
            (MarkKind::Read, false) => tr!(l, "status-unread-not-saved", error = error_text),
            (MarkKind::Starred, true) => tr!(l, "status-star-not-saved", error = error_text),
            (MarkKind::Starred, false) => tr!(l, "status-unstar-not-saved", error = error_text),
        };
        error(state, said);
    }
    end_if_quitting_and_saved(state, fx);
}

/// Quitting waited for the marks on their way: end once none is left.
pub(super) fn end_if_quitting_and_saved(state: &mut State, fx: &mut Vec<Effect>) {
    if state.quitting && waiting(state) == 0 {
        end(state, fx);
    }
}

/// Marks on their way, one by one or in bulk.
fn waiting(state: &State) -> usize {
    state.saves.waiting() + state.bulk.waiting
}

/// A list read from the database shows the marks still on their way as asked.
pub(super) fn keep_marks_on_their_way(state: &mut State) {
    if state.saves.waiting() == 0 {
        return;
    }
    for row in &mut state.rows {
        if let Some(read) = state.saves.wanted(row.id, MarkKind::Read) {
            row.read = read;
        }
        if let Some(starred) = state.saves.wanted(row.id, MarkKind::Starred) {
            row.starred = starred;
        }
    }
}

/// Quit: at once when nothing is on its way or when asked a second time; otherwise when the
/// marks on their way are saved.
pub(super) fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    let again = state.quitting;
    end_after_saves(state, again, fx);
}

fn end_after_saves(state: &mut State, now: bool, fx: &mut Vec<Effect>) {
    if now || waiting(state) == 0 {
        end(state, fx);
    } else if !state.quitting {
        state.quitting = true;
        fx.push(Effect::WatchSaves);
    }
}

fn end(state: &mut State, fx: &mut Vec<Effect>) {
    if !state.quit {
        state.quit = true;
        fx.push(Effect::Quit);
    }
}

/// Quitting takes longer than a moment: say what it waits for, and how not to wait.
pub(super) fn still_saving(state: &mut State, holder: Option<String>) {
    let n = waiting(state);
    if !state.quitting || n == 0 {
        return;
    }
    let key = state.keymap.first_label(Action::Quit);
    let l = &state.l10n;
    let text = match holder {
        Some(h) => tr!(l, "status-saving-busy", count = n, holder = h, key = key),
        None => tr!(l, "status-saving", count = n, key = key),
    };
    state.status = Some(Status {
        text,
        error: false,
        sticky: true,
        at: state.now,
    });
}

pub(super) fn signal(state: &mut State, signal: Signal, fx: &mut Vec<Effect>) {
    match signal {
        Signal::Stop if !state.terminal_lost => fx.push(Effect::Suspend),
        Signal::Continue if !state.terminal_lost => fx.push(Effect::Resume),
        Signal::Stop | Signal::Continue => {}
        Signal::Interrupt | Signal::Terminate | Signal::HangUp => {
            // The first one sets the exit status and waits for the marks on their way, as
            // quitting does; a second one ends without waiting.
            let again = state.exit_signal.is_some();
            state.exit_signal.get_or_insert(signal);
            if signal == Signal::HangUp {
                state.terminal_lost = true;
            }
            end_after_saves(state, again, fx);
        }
    }
}

/// The terminal is gone: nobody can answer the screen any more; end once the marks are saved.
pub(super) fn terminal_lost(state: &mut State, error: Option<String>, fx: &mut Vec<Effect>) {
    state.terminal_lost = true;
    if state.terminal_error.is_none() {
        state.terminal_error = error;
    }
    end_after_saves(state, false, fx);
}
