//! Managing feeds and views from the reader: the prompts (`a` add, `E` rename, `d` remove with
//! a yes/no, `V` save the filters as a view) typed in the footer, and the answers of the
//! workers and the store to what they asked.

use super::super::action::{Action, Change, Effect, StoreJob};
use super::super::state::State;
use super::super::state::feeds::{Confirm, Prompt, PromptKind, ViewSource};
use super::{edit, error, info};
use crate::i18n::tr;
use crate::library::subscribe::{SubscribeError, Subscribed};
use crate::refresh::FeedStatus;
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;

/// The feeds and views cannot be changed while the demo shows: they are not the user's.
fn refuse_in_demo(state: &mut State) -> bool {
    if state.demo {
        info(state, tr!(state.l10n, "feeds-demo-readonly"));
    }
    state.demo
}

/// Open a prompt (a status from before would read as its answer: it goes).
fn ask(state: &mut State, kind: PromptKind, input: Input) {
    state.status = None;
    state.prompt = Some(Prompt { kind, input });
}

/// a: ask for a feed's or a site's address.
pub(super) fn ask_to_add(state: &mut State) {
    if refuse_in_demo(state) {
        return;
    }
    ask(state, PromptKind::AddFeed, Input::default());
}

/// E: a new name for the feed under the cursor, prefilled with its name.
pub(super) fn ask_to_rename(state: &mut State) {
    if refuse_in_demo(state) {
        return;
    }
    let feed = state.feeds_view.as_ref().and_then(|v| v.current_feed());
    let Some(feed) = feed else {
        return info(state, tr!(state.l10n, "feeds-rename-what"));
    };
    ask(
        state,
        PromptKind::Rename {
            id: feed.id,
            url: feed.url.clone(),
        },
        Input::new(crate::text::sanitize(&feed.name()).replace('\n', " ")),
    );
}

/// d: remove the feed under the cursor, or delete the saved view — after a yes.
pub(super) fn ask_to_remove(state: &mut State) {
    if refuse_in_demo(state) {
        return;
    }
    let view = state.feeds_view.as_ref();
    let confirm = if let Some(f) = view.and_then(|v| v.current_feed()) {
        Confirm::RemoveFeed {
            url: f.url.clone(),
            name: f.name(),
            articles: f.articles,
            starred: f.starred,
        }
    } else if let Some(v) = view.and_then(|v| v.current_view()) {
        if v.source == ViewSource::Config {
            let text = tr!(state.l10n, "feeds-view-in-config", name = v.name.as_str());
            return info(state, text);
        }
        Confirm::DeleteView {
            name: v.name.clone(),
        }
    } else {
        return info(state, tr!(state.l10n, "feeds-remove-what"));
    };
    ask(state, PromptKind::Confirm(confirm), Input::default());
}

/// V: a name for the current filters.
pub(super) fn ask_to_save_view(state: &mut State) {
    if !state.filters.any() {
        return info(state, tr!(state.l10n, "feeds-nothing-to-save"));
    }
    let name = state.filters.view.clone().unwrap_or_default();
    ask(state, PromptKind::SaveView, Input::new(name));
}

/// A key while a prompt is open: it takes every key (Ctrl-C still quits: see `on_key`).
pub(super) fn prompt_key(state: &mut State, key: &KeyEvent, fx: &mut Vec<Effect>) {
    let Some(prompt) = &mut state.prompt else {
        return;
    };
    if let PromptKind::Confirm(confirm) = &prompt.kind {
        match key.code {
            KeyCode::Char('y' | 'Y') => {
                let confirm = confirm.clone();
                state.prompt = None;
                confirmed(confirm, fx);
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc | KeyCode::Enter => {
                state.prompt = None;
                info(state, tr!(state.l10n, "feeds-kept"));
            }
            _ => {}
        }
        return;
    }
    match key.code {
        KeyCode::Esc => state.prompt = None,
        KeyCode::Enter => {
            let typed = prompt.input.value().trim().to_string();
            let kind = prompt.kind.clone();
            submit(state, kind, typed, fx);
        }
        _ => {
            edit(&mut prompt.input, key);
        }
    }
}

fn confirmed(confirm: Confirm, fx: &mut Vec<Effect>) {
    match confirm {
        Confirm::RemoveFeed {
            url,
            name,
            articles,
            ..
        } => fx.push(Effect::Store(StoreJob::RemoveFeed {
            url,
            name,
            articles,
        })),
        Confirm::DeleteView { name } => fx.push(Effect::Store(StoreJob::DeleteView(name))),
    }
}

/// Enter in a prompt: an empty name is refused and the prompt stays.
fn submit(state: &mut State, kind: PromptKind, typed: String, fx: &mut Vec<Effect>) {
    let l = std::sync::Arc::clone(&state.l10n);
    match kind {
        PromptKind::AddFeed => {
            let mut words = typed.split_whitespace().map(str::to_string);
            let Some(url) = words.next() else {
                state.prompt = None;
                return;
            };
            let tags: Vec<String> = words
                .map(|t| t.trim_start_matches('#').to_string())
                .collect();
            state.prompt = None;
            let safe = crate::text::sanitize(&url);
            state.status = Some(super::Status {
                text: tr!(l, "feeds-adding", url = safe),
                error: false,
                // Until the answer comes: a fetch can take a while.
                sticky: true,
                at: state.now,
            });
            fx.push(Effect::AddFeed { url, tags });
        }
        PromptKind::Rename { .. } | PromptKind::SaveView if typed.is_empty() => {
            let text = if kind == PromptKind::SaveView {
                tr!(l, "feeds-view-name-empty")
            } else {
                tr!(l, "feeds-name-empty")
            };
            error(state, text);
        }
        PromptKind::Rename { id, url } => {
            state.prompt = None;
            fx.push(Effect::Store(StoreJob::RenameFeed {
                id,
                url,
                name: typed,
            }));
        }
        PromptKind::SaveView => {
            if state.config_views.iter().any(|v| v.name == typed) {
                return error(state, tr!(l, "feeds-view-name-in-config", name = typed));
            }
            state.prompt = None;
            fx.push(Effect::Store(StoreJob::SaveView {
                name: typed,
                filter: state.filters.as_view(),
            }));
        }
        PromptKind::Confirm(_) => {}
    }
}

/// The answer to `a`: what was added and what its first fetch brought, or why nothing was.
pub(super) fn added(
    state: &mut State,
    result: Result<Subscribed, SubscribeError>,
    fx: &mut Vec<Effect>,
) {
    let l = std::sync::Arc::clone(&state.l10n);
    let s = match result {
        Ok(s) => s,
        Err(e) => return error(state, e.message(&l)),
    };
    let name = crate::store::feeds::display_name(s.title.as_deref(), &s.url);
    let name = crate::text::sanitize(&name).replace('\n', " ");
    match s.fetched.map(|r| r.status) {
        _ if s.existed => info(state, tr!(l, "feeds-already", name = name)),
        Some(FeedStatus::Error { error: e }) => {
            let text = tr!(l, "feeds-added-fetch-failed", name = name, reason = e);
            error(state, text);
        }
        Some(FeedStatus::Ok { stats, .. }) => {
            info(state, tr!(l, "feeds-added", name = name, count = stats.new));
        }
        _ => info(state, tr!(l, "feeds-added", name = name, count = 0)),
    }
    // The feeds view opens (or stays) with the cursor on it.
    if let Some(view) = &mut state.feeds_view {
        view.focus_url = Some(s.url.clone());
    }
    super::list::reload(state, fx);
    super::feeds::reload(state, fx);
}

/// A change to the feeds or views answered: say so; the filters forget a feed or view that
/// is gone, the header takes a new name.
pub(super) fn changed(
    state: &mut State,
    change: Change,
    result: Result<bool, String>,
    fx: &mut Vec<Effect>,
) {
    let l = std::sync::Arc::clone(&state.l10n);
    let safe = |s: &str| crate::text::sanitize(s).replace('\n', " ");
    match (change, result) {
        (Change::RemovedFeed { name, .. }, Ok(false))
        | (Change::RenamedFeed { name, .. }, Ok(false))
        | (Change::DeletedView { name }, Ok(false)) => {
            info(state, tr!(l, "feeds-gone", name = safe(&name)));
        }
        (
            Change::RemovedFeed {
                url,
                name,
                articles,
            },
            Ok(_),
        ) => {
            if state.filters.feed.as_ref() == Some(&url) {
                (state.filters.feed, state.filters.feed_label) = (None, None);
                state.filters_changed = true;
            }
            let text = tr!(l, "feeds-removed", name = safe(&name), count = articles);
            info(state, text);
        }
        (Change::RenamedFeed { url, name }, Ok(_)) => {
            if state.filters.feed.as_ref() == Some(&url) {
                state.filters.feed_label = Some(name.clone());
            }
            // The headlines show the feed's name.
            state.title_lines.clear();
            info(state, tr!(l, "feeds-renamed", name = safe(&name)));
        }
        (Change::SavedView { name }, Ok(_)) => {
            state.filters.view = Some(name.clone());
            let key = state.keymap.first_label(Action::FeedsView);
            let text = tr!(l, "feeds-view-saved-as", name = safe(&name), key = key);
            info(state, text);
        }
        (Change::DeletedView { name }, Ok(_)) => {
            if state.filters.view.as_ref() == Some(&name) {
                state.filters.view = None;
            }
            info(state, tr!(l, "feeds-view-deleted", name = safe(&name)));
        }
        (Change::RemovedFeed { .. }, Err(e)) => {
            error(state, tr!(l, "feeds-remove-failed", error = e));
        }
        (Change::RenamedFeed { .. }, Err(e)) => {
            error(state, tr!(l, "feeds-rename-failed", error = e));
        }
        (Change::SavedView { .. }, Err(e)) => {
            error(state, tr!(l, "feeds-save-view-failed", error = e));
        }
        (Change::DeletedView { .. }, Err(e)) => {
            error(state, tr!(l, "feeds-delete-view-failed", error = e));
        }
    }
    super::list::reload(state, fx);
    super::feeds::reload(state, fx);
}
