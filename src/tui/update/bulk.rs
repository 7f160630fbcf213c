//! Reading in bulk, as newsboat users do: mark read everything the filters show (A) or the
//! whole feed of the selected article (M), undo the last of those (U), go to the next or
//! previous unread article (n, p). A bulk mark shows at once and is saved like a mark: quitting
//! waits for it.

use super::super::action::{BulkMark, Effect};
use super::super::state::State;
use super::list::{move_selection, open_selected, reload};
use super::{error, info};
use crate::i18n::tr;
use crate::store::ArticleQuery;

/// A: every article the current filters select, loaded or not.
pub(super) fn mark_all_read(state: &mut State, fx: &mut Vec<Effect>) {
    let query = ArticleQuery {
        limit: None,
        ..state.filters.query()
    };
    for row in &mut state.rows {
        row.read = true;
    }
    save(state, BulkMark::ReadMatching(query), fx);
}

/// M: every article of the selected article's feed, whatever the filters.
pub(super) fn mark_feed_read(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(feed) = state.selected_row().map(|r| r.feed.clone()) else {
        info(state, tr!(state.l10n, "bulk-no-article"));
        return;
    };
    for row in state.rows.iter_mut().filter(|r| r.feed == feed) {
        row.read = true;
    }
    let query = ArticleQuery {
        feed: Some(feed),
        ..Default::default()
    };
    save(state, BulkMark::ReadMatching(query), fx);
}

/// U: the articles the last bulk mark changed are unread again.
pub(super) fn undo(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(ids) = state.bulk.undo.take() else {
        info(state, tr!(state.l10n, "bulk-nothing-to-undo"));
        return;
    };
    for row in state.rows.iter_mut().filter(|r| ids.contains(&r.id)) {
        row.read = false;
    }
    save(state, BulkMark::Unread(ids), fx);
}

fn save(state: &mut State, bulk: BulkMark, fx: &mut Vec<Effect>) {
    state.bulk.waiting += 1;
    fx.push(Effect::SaveBulk(bulk));
}

/// A bulk mark answered: say what it did (and how to undo it), then list again so the
/// unread view and the counts follow.
pub(super) fn saved(
    state: &mut State,
    bulk: BulkMark,
    result: Result<Vec<i64>, String>,
    fx: &mut Vec<Effect>,
) {
    state.bulk.waiting = state.bulk.waiting.saturating_sub(1);
    let l = std::sync::Arc::clone(&state.l10n);
    match (bulk, result) {
        (BulkMark::ReadMatching(_), Ok(ids)) if ids.is_empty() => {
            info(state, tr!(l, "bulk-none-unread"));
        }
        (BulkMark::ReadMatching(_), Ok(ids)) => {
            let key = state
                .keymap
                .first_label(crate::config::keys::Action::UndoMarks);
            info(
                state,
                tr!(l, "bulk-marked-read", count = ids.len(), key = key),
            );
            state.bulk.undo = Some(ids);
        }
        (BulkMark::Unread(_), Ok(ids)) => {
            info(state, tr!(l, "bulk-undone", count = ids.len()));
        }
        (BulkMark::ReadMatching(_), Err(e)) => {
            error(state, tr!(l, "bulk-read-failed", reason = e));
        }
        (BulkMark::Unread(ids), Err(e)) => {
            // Still undoable: the articles are read in the database.
            state.bulk.undo = Some(ids);
            error(state, tr!(l, "bulk-undo-failed", reason = e));
        }
    }
    reload(state, fx);
    super::marks::end_if_quitting_and_saved(state, fx);
}

/// n / p: open the next (from the selected headline, when it is unread and not open yet) or
/// the previous unread article among those listed.
pub(super) fn step_unread(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    let current = state.selected;
    let reading = state.focus == super::super::state::Focus::Article;
    let found = if forward {
        let from = if reading { current + 1 } else { current };
        (from..state.rows.len()).find(|&i| !state.rows[i].read)
    } else {
        (0..current.min(state.rows.len()))
            .rev()
            .find(|&i| !state.rows[i].read)
    };
    let Some(target) = found else {
        let text = if forward {
            tr!(state.l10n, "bulk-no-next-unread")
        } else {
            tr!(state.l10n, "bulk-no-previous-unread")
        };
        info(state, text);
        return;
    };
    move_selection(state, target as isize - current as isize, fx);
    open_selected(state, fx);
}
