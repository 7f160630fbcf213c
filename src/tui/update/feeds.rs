//! The feeds view (`F`): choose a feed, a tag or a view to filter the headlines by, mark a feed
//! read; adding, renaming and removing (and the views) are in `manage`.

use super::super::action::{Action, BulkMark, Effect, Msg, StoreJob};
use super::super::state::State;
use super::super::state::feeds::{Entry, FeedsView, merge_views};
use super::error;
use super::list::refilter;
use crate::i18n::tr;
use crate::store::ArticleQuery;
use crate::store::feeds::FeedStats;
use crate::store::views::SavedView;
use crossterm::event::{KeyCode, KeyEvent};

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
    // The list's rows: the screen less header, title, detail pane and footer.
    let rows = usize::from(state.size.1).saturating_sub(3 + 5);
    if let Some(view) = &mut state.feeds_view {
        view.keep_visible(rows);
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
