//! The link list (`l`): the open article's links, one to open in the browser or copy.

use super::super::action::{Action, Effect};
use super::super::state::{LinkList, Overlay, State};
use super::{error, info, is_web_link};
use crate::i18n::tr;
use crossterm::event::{KeyCode, KeyEvent};

/// Opens the list for the article shown (an empty list says so in its box).
pub(super) fn open(state: &mut State) {
    match &state.article {
        Some(open) => {
            state.overlay = Overlay::Links(LinkList {
                links: open.article.links.clone(),
                selected: 0,
            });
        }
        None => info(state, tr!(state.l10n, "status-no-article")),
    }
}

/// A key while the list is shown; the list stays open after a link is opened or copied, so
/// several can be taken in turn.
pub(super) fn on_key(state: &mut State, key: &KeyEvent, fx: &mut Vec<Effect>) {
    let action = state.keymap.action(key);
    let Overlay::Links(list) = &mut state.overlay else {
        return;
    };
    let last = list.links.len().saturating_sub(1);
    let chosen = list.links.get(list.selected).map(|l| l.url.clone());
    match (key.code, action) {
        (KeyCode::Esc, _) | (_, Some(Action::Back | Action::LinkList | Action::Quit)) => {
            state.overlay = Overlay::None;
        }
        (KeyCode::Down, _) | (_, Some(Action::Down)) => {
            list.selected = (list.selected + 1).min(last)
        }
        (KeyCode::Up, _) | (_, Some(Action::Up)) => list.selected = list.selected.saturating_sub(1),
        (_, Some(Action::Top)) => list.selected = 0,
        (_, Some(Action::Bottom)) => list.selected = last,
        (KeyCode::Enter, _) | (_, Some(Action::Open | Action::OpenLink)) => {
            let done = tr!(state.l10n, "status-opening-link");
            take(state, chosen, fx, Effect::OpenLink, done);
        }
        (_, Some(Action::CopyLink)) => {
            let done = tr!(state.l10n, "status-link-copied");
            take(state, chosen, fx, Effect::Copy, done);
        }
        _ => {}
    }
}

fn take(
    state: &mut State,
    url: Option<String>,
    fx: &mut Vec<Effect>,
    effect: impl FnOnce(String) -> Effect,
    done: String,
) {
    match url {
        // Stored links are http(s) already; checked again as `o` does, since the database
        // is a file anyone can edit.
        Some(url) if is_web_link(&url) => {
            info(state, done);
            fx.push(effect(url));
        }
        Some(_) => error(state, tr!(state.l10n, "status-link-not-web")),
        None => {}
    }
}
