//! The feeds view (`F`) and what is done from it: choose a feed, a tag or a view to filter the
//! headlines by; add (`a`), rename (`E`) and remove (`d`) feeds; save the filters as a view
//! (`V`, from the headlines) and delete one. The prompts these use are typed in the footer.

use super::super::action::{Action, BulkMark, Change, Effect, Msg, StoreJob};
use super::super::state::State;
use super::super::state::feeds::{Confirm, Entry, FeedsView, Prompt, PromptKind, merge_views};
use super::list::refilter;
use super::{edit, error, info};
use crate::i18n::tr;
use crate::library::subscribe::{SubscribeError, Subscribed};
use crate::refresh::FeedStatus;
use crate::store::ArticleQuery;
use crate::store::feeds::FeedStats;
use crate::store::views::SavedView;
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;

/// F: the feeds view, its rows asked of the store.
pub(super) fn open(state: &mut State, fx: &mut Vec<Effect>) {
    state.feeds_view = Some(FeedsView::default());
    fx.push(Effect::Store(StoreJob::Feeds));
}

/// Ask for the feeds again if the view is open (counts changed).
pub(super) fn reload(state: &State, fx: &mut Vec<Effect>) {
    if state.feeds_view.is_some() {
        fx.push(Effect::Store(StoreJob::Feeds));
    }
}

pub(super) fn loaded(state: &mut State, loaded: Result<(Vec<FeedStats>, Vec<SavedView>), String>) {
    let Some(before) = &state.feeds_view else {
        return;
    };
    match loaded {
        Ok((feeds, saved)) => {
            let mut view = FeedsView::build(feeds, merge_views(&state.config_views, saved));
            let added = before.focus_url.as_ref().and_then(|url| {
                view.entries
                    .iter()
                    .position(|e| matches!(e, Entry::Feed(i) if view.feeds[*i].url == *url))
            });
            if let Some(at) = added {
                view.selected = at;
            } else if before.loaded {
                view.keep_cursor_from(before);
            } else {
                // Opened: the cursor on what the headlines are filtered by.
                let f = &state.filters;
                view.selected = view
                    .entries
                    .iter()
                    .position(|e| match e {
                        Entry::Feed(i) => {
                            f.tag.is_none() && f.feed.as_ref() == Some(&view.feeds[*i].url)
                        }
                        Entry::Tag { name, .. } => f.tag.as_ref() == Some(name),
                        Entry::View(i) => f.view.as_ref() == Some(&view.views[*i].name),
                        _ => false,
                    })
                    .unwrap_or(0);
            }
            state.feeds_view = Some(view);
        }
        Err(e) => {
            state.feeds_view = Some(FeedsView {
                loaded: true,
                error: Some(e),
                ..FeedsView::default()
            });
        }
    }
}

/// A key while the feeds view shows; false: not the view's (the reader's own keys act).
pub(super) fn on_key(state: &mut State, key: &KeyEvent, fx: &mut Vec<Effect>) -> bool {
    let Some(view) = &mut state.feeds_view else {
        return false;
    };
    let page = usize::from(state.size.1.saturating_sub(8)).max(1) as isize;
    match state.keymap.action(key) {
        Some(Action::Down) => view.step(1),
        Some(Action::Up) => view.step(-1),
        Some(Action::PageDown) => view.step(page),
        Some(Action::PageUp) => view.step(-page),
        Some(Action::Top) => view.step(isize::MIN / 2),
        Some(Action::Bottom) => view.step(isize::MAX / 2),
        Some(Action::Open) => choose(state, fx),
        // q leaves the view, as Esc does; Ctrl-C (also bound to quit) still quits.
        Some(Action::Back | Action::FeedsView) => state.feeds_view = None,
        Some(Action::Quit) if key.code == KeyCode::Char('q') => state.feeds_view = None,
        Some(Action::MarkFeedRead) => mark_read(state, fx),
        Some(Action::RefreshFeed) => {
            if let Some(url) = view.current_feed().map(|f| f.url.clone()) {
                super::refresh(state, Some(url), fx);
            }
        }
        // Keys that change what the headlines show: back to them, then act.
        Some(
            Action::Search
            | Action::CompanyPicker
            | Action::ClearCompany
            | Action::UnreadOnly
            | Action::StarredOnly
            | Action::MarkAllRead,
        ) => {
            state.feeds_view = None;
            return false;
        }
        // The reader's own keys that make sense here too.
        Some(
            Action::Help
            | Action::RefreshAll
            | Action::UndoMarks
            | Action::CycleBidi
            | Action::ToggleShape
            | Action::AddFeed
            | Action::RenameFeed
            | Action::Remove
            | Action::SaveView,
        ) => return false,
        // The rest act on an article, which the view does not show.
        _ => {}
    }
    true
}

/// Enter: filter the headlines by the feed, tag or view under the cursor, and show them.
fn choose(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(view) = &state.feeds_view else {
        return;
    };
    let f = &mut state.filters;
    match view.current().cloned() {
        Some(Entry::All { .. }) => {
            (f.feed, f.feed_label, f.tag, f.view) = (None, None, None, None);
        }
        Some(Entry::Tag { name, .. }) => {
            (f.feed, f.feed_label, f.view) = (None, None, None);
            f.tag = Some(name);
        }
        Some(Entry::Feed(i)) => {
            let feed = &view.feeds[i];
            (f.tag, f.view) = (None, None);
            f.feed_label = Some(feed.name());
            f.feed = Some(feed.url.clone());
        }
        Some(Entry::View(i)) => {
            let v = &view.views[i];
            fx.push(Effect::Store(StoreJob::ResolveView {
                name: v.name.clone(),
                filter: v.filter.clone(),
            }));
            return;
        }
        Some(Entry::ViewsHeading | Entry::Untagged { .. }) | None => return,
    }
    state.feeds_view = None;
    state.focus = super::Focus::Headlines;
    refilter(state, fx);
}

/// A view's company and feed resolved: the filters become the view's.
pub(super) fn view_resolved(state: &mut State, msg: Msg, fx: &mut Vec<Effect>) {
    let Msg::ViewResolved {
        name,
        filter,
        company,
        feed,
    } = msg
    else {
        return;
    };
    let l = std::sync::Arc::clone(&state.l10n);
    if let (Some(c), None) = (&filter.company, &company) {
        let text = tr!(
            l,
            "feeds-view-unknown-company",
            name = name,
            company = c.as_str()
        );
        return error(state, text);
    }
    if let (Some(key), None) = (&filter.feed, &feed) {
        let text = tr!(
            l,
            "feeds-view-unknown-feed",
            name = name,
            feed = key.as_str()
        );
        return error(state, text);
    }
    let f = &mut state.filters;
    f.company_label = company
        .as_ref()
        .map(|(c, a)| a.clone().unwrap_or_else(|| c.clone()));
    f.company = company.map(|(c, _)| c);
    (f.feed, f.feed_label) = feed.map(|(u, n)| (Some(u), Some(n))).unwrap_or_default();
    f.tag = filter.tag;
    f.search = filter.search.filter(|s| !s.trim().is_empty());
    f.unread = filter.unread;
    f.starred = filter.starred;
    f.view = Some(name);
    state.feeds_view = None;
    state.focus = super::Focus::Headlines;
    refilter(state, fx);
}

/// M in the feeds view: every article of the feed (or of every feed of the tag) read.
fn mark_read(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(view) = &state.feeds_view else {
        return;
    };
    let query = match view.current() {
        Some(Entry::Feed(i)) => ArticleQuery {
            feed: Some(view.feeds[*i].url.clone()),
            ..Default::default()
        },
        Some(Entry::Tag { name, .. }) => ArticleQuery {
            tag: Some(name.clone()),
            ..Default::default()
        },
        Some(Entry::All { .. }) => ArticleQuery::default(),
        _ => return,
    };
    for row in state.rows.iter_mut() {
        let of_it = query.feed.as_ref().is_none_or(|u| *u == row.feed);
        if of_it && query.tag.is_none() {
            row.read = true;
        }
    }
    state.bulk.waiting += 1;
    fx.push(Effect::SaveBulk(BulkMark::ReadMatching(query)));
}

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
        if v.source == super::super::state::feeds::ViewSource::Config {
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
    reload(state, fx);
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
    reload(state, fx);
}
