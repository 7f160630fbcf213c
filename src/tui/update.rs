//! State transitions: `update(&mut State, Msg) -> Vec<Effect>`. No I/O here; the runtime runs
//! the effects and feeds their results back as messages.

use super::action::{Action, Effect, Failure, MarkKind, Msg, StoreJob};
use super::state::{Focus, OpenArticle, Overlay, Picker, Refreshing, State, Status};
use crate::i18n::tr;
use crate::refresh::{FeedResult, FeedStatus};
use crate::store::Field;
use crate::text::{BidiMode, StyleSpan};
use crate::tui::ui::layout::Panes;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use tui_input::{Input, InputRequest};

mod article;
mod bulk;
mod feeds;
mod links;
mod list;
mod manage;
mod marks;

use article::*;
pub(crate) use article::{entity_refs, layout_key};
use list::*;
use marks::*;

/// Reading an article (the article pane has the focus) whose feed carries only a teaser:
/// fetch the page, once per article and session, as the feed's [full_text] mode says.
/// Merely previewing it while moving through the headlines fetches nothing.
fn fetch_full_text_if_reading_a_teaser(state: &mut State, fx: &mut Vec<Effect>) {
    if state.focus != Focus::Article {
        return;
    }
    let Some(open) = &state.article else {
        return;
    };
    if !wants_full_text(state, &open.article) {
        return;
    }
    let id = open.id();
    state.full_text_asked.insert(id);
    info(state, tr!(state.l10n, "status-teaser-fetching"));
    fx.push(Effect::FullText(id));
}

/// Whether `article` should have its page fetched by itself: not in the demo, not twice, not
/// when the full text is there, and as the feed's [full_text] mode says.
fn wants_full_text(state: &State, article: &crate::store::Article) -> bool {
    use crate::config::FullTextMode;
    if !state.can_refresh || state.full_text_asked.contains(&article.row.id) {
        return false;
    }
    if article.full_content.is_some() || article.row.link.is_none() {
        return false;
    }
    match state.full_text.for_feed(&article.row.feed) {
        FullTextMode::Never => false,
        FullTextMode::Always => true,
        FullTextMode::Auto => crate::fulltext::is_teaser(&article.content, &article.summary),
    }
}

/// Info messages fade after this many seconds.
const STATUS_SECONDS: i64 = 5;
const WHEEL_STEP: usize = 3;

/// What the reader does first: read the list and, when asked, refresh the feeds once that list
/// has come (see `State::refresh_when_listed`).
pub fn start(state: &mut State, refresh: bool) -> Vec<Effect> {
    state.refresh_when_listed = refresh;
    state.typed_ahead = Some(Vec::new());
    vec![Effect::Store(StoreJob::List {
        generation: state.list_generation,
        query: state.filters.query(),
    })]
}

/// Many stored articles were recognised by another version of the recognizer (an update
/// changed it): re-index them in the background once the first list has come, saying how far
/// in the status line. The headlines do not need entities; they show at once.
pub fn reindex_after_the_list(state: &mut State) {
    state.reindexing = Some(Default::default());
    state.reindex_when_listed = true;
}

/// The first list has come (or failed): what waited for it starts.
fn after_the_first_list(state: &mut State, fx: &mut Vec<Effect>) {
    if std::mem::take(&mut state.refresh_when_listed) {
        fx.push(Effect::Refresh(None));
    }
    if std::mem::take(&mut state.reindex_when_listed) {
        fx.push(Effect::Reindex);
    }
}

/// Keys kept before the first list: more than a burst of typing is not type-ahead (a paste
/// into the wrong window); past this they act at once, on what is there.
const TYPE_AHEAD_KEYS: usize = 256;

/// Keys that act before the first list: Ctrl-C and Ctrl-Z always, quit when nothing typed
/// waits (after `j s q` it waits for the star; a second quit does not wait).
fn ends_at_once(state: &State, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('z')) {
        return true;
    }
    let quits = |k: &KeyEvent| state.keymap.action(k) == Some(Action::Quit);
    let waiting = state.typed_ahead.as_deref().unwrap_or_default();
    quits(key) && (waiting.is_empty() || waiting.iter().any(quits))
}

/// The first list is there (or failed): the keys typed while it was on its way act now, in
/// the order typed.
fn act_on_typed_ahead(state: &mut State, fx: &mut Vec<Effect>) {
    for key in state.typed_ahead.take().unwrap_or_default() {
        on_key(state, key, fx);
    }
}

/// The background re-index ended: everything that shows entities is asked for again — the
/// list (its title marks, a company filter, a search naming a company), the open article's
/// marks, the picker's counts.
fn reindexed(state: &mut State, result: Result<usize, String>, fx: &mut Vec<Effect>) {
    state.reindexing = None;
    match result {
        Ok(n) => info(state, tr!(state.l10n, "status-reindex-done", count = n)),
        Err(e) => return error(state, tr!(state.l10n, "failed-reindex", error = e)),
    }
    state.title_spans.clear();
    reload(state, fx);
    if let Some(id) = state.wanted_article {
        fx.push(Effect::Store(StoreJob::Article(id)));
    }
    if let Overlay::Picker(p) = &mut state.overlay {
        p.loaded = false;
        fx.push(Effect::Store(StoreJob::Companies));
    }
}

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Tick(now) => {
            let minute_changed = now.timestamp() / 60 != state.now.timestamp() / 60;
            state.now = now;
            let expired = state
                .status
                .as_ref()
                .is_some_and(|s| !s.sticky && (now - s.at).num_seconds() >= STATUS_SECONDS);
            if expired {
                state.status = None;
            }
            // Relative dates change at most once a minute: redraw only then.
            state.dirty |= minute_changed || expired;
            return fx;
        }
        Msg::Key(key) => {
            if ends_at_once(state, &key) {
                on_key(state, key, &mut fx);
            } else if let Some(keys) = state
                .typed_ahead
                .as_mut()
                .filter(|k| k.len() < TYPE_AHEAD_KEYS)
            {
                keys.push(key);
            } else {
                on_key(state, key, &mut fx);
            }
        }
        // While quitting only quit acts (a refresh timer starts nothing).
        Msg::Action(a) if state.quitting && a != Action::Quit => {}
        Msg::Action(a) => on_action(state, a, &mut fx),
        Msg::Mouse(m) => on_mouse(state, m, &mut fx),
        Msg::Resize(w, h) => {
            state.size = (w, h);
            keep_selection_visible(state);
            clamp_scroll(state);
        }
        Msg::Resumed => {}
        Msg::Saved { mark, result } => saved(state, mark, result, &mut fx),
        Msg::BulkSaved { bulk: b, result } => {
            bulk::saved(state, b, result, &mut fx);
            feeds::reload(state, &mut fx);
        }
        Msg::FeedsLoaded(loaded) => feeds::loaded(state, loaded),
        m @ Msg::ViewResolved { .. } => feeds::view_resolved(state, m, &mut fx),
        Msg::FeedAdded(result) => manage::added(state, result, &mut fx),
        Msg::Changed { change, result } => manage::changed(state, change, result, &mut fx),
        Msg::DemoLeft(result) => back_from_the_demo(state, result, &mut fx),
        Msg::Reindexing(progress) => state.reindexing = Some(progress),
        Msg::Reindexed(result) => reindexed(state, result, &mut fx),
        Msg::StillSaving { holder } => still_saving(state, holder),
        Msg::Signal(sig) => signal(state, sig, &mut fx),
        Msg::TerminalLost(e) => terminal_lost(state, e, &mut fx),
        Msg::ListLoaded {
            generation,
            rows,
            counts,
        } => {
            after_the_first_list(state, &mut fx);
            if generation != state.list_generation {
                return fx; // an older query (search typed further since)
            }
            let keep = state
                .selected_row()
                .map(|r| r.id)
                .filter(|_| state.cursor_moved);
            state.rows = rows;
            state.list_error = None;
            keep_marks_on_their_way(state);
            state.total_articles = counts.all;
            state.listed = (counts.listed, counts.unread);
            state.list_loaded = true;
            state.content_rtl = mostly_arabic(&state.rows);
            state.selected = keep
                .and_then(|id| state.rows.iter().position(|r| r.id == id))
                .unwrap_or_else(|| {
                    if std::mem::take(&mut state.filters_changed) {
                        0
                    } else {
                        state.selected.min(state.rows.len().saturating_sub(1))
                    }
                });
            state.filters_changed = false;
            if state.to_bottom {
                state.selected = state.rows.len().saturating_sub(1);
                state.to_bottom = (state.rows.len() as i64) < state.listed.0;
            }
            keep_selection_visible(state);
            if state.selected_row().map(|r| r.id) != state.wanted_article {
                preview_selected(state, &mut fx);
            }
            act_on_typed_ahead(state, &mut fx);
        }
        Msg::ListFailed { generation, error } => {
            after_the_first_list(state, &mut fx);
            if generation != state.list_generation {
                return fx;
            }
            // What was listed no longer answers the filters: the error takes its place.
            state.rows.clear();
            state.selected = 0;
            state.offset = 0;
            state.list_loaded = true;
            state.list_error = Some(error);
            act_on_typed_ahead(state, &mut fx);
        }
        Msg::ArticleLoaded(article) => {
            if Some(article.row.id) != state.wanted_article {
                return fx;
            }
            let same = state
                .article
                .as_ref()
                .is_some_and(|a| a.id() == article.row.id);
            let (scroll, focus) = match (&state.article, same) {
                (Some(open), true) => (open.scroll, open.focus),
                _ => (0, None),
            };
            let entities = entity_refs(&article);
            let focus = focus.filter(|&i| i < entities.len());
            state.article = Some(OpenArticle {
                version: OpenArticle::version_of(&article),
                article,
                entities,
                layout: None,
                scroll,
                focus,
                pending: None,
            });
        }
        Msg::Layout(layout) => {
            if Some(layout.key) != layout_key(state) {
                return fx; // another article, width or mode since
            }
            accept_layout(state, layout);
        }
        Msg::TitleSpans(list) => {
            for (id, spans) in list {
                let styled = spans
                    .iter()
                    .filter(|s| s.field == Field::Title)
                    .map(|s| StyleSpan {
                        start: s.start,
                        end: s.end,
                        style: state.theme.kind(s.kind),
                    })
                    .collect();
                state.title_spans.insert(id, Some(styled));
                state.title_lines.remove(&id);
            }
        }
        Msg::Companies(list) => {
            if let Overlay::Picker(p) = &mut state.overlay {
                p.companies = list;
                p.loaded = true;
                p.refilter();
            }
        }
        Msg::Resolved { query, canonical } => {
            if let (Overlay::Picker(p), Some(c)) = (&mut state.overlay, canonical) {
                p.resolved = Some((query, c));
                p.refilter();
            }
        }
        Msg::RefreshStarted { total } => {
            state.refreshing = Some(Refreshing {
                done: 0,
                total,
                errors: 0,
            });
        }
        Msg::FeedDone(result) => {
            if let Some(r) = &mut state.refreshing {
                r.done += 1;
                r.errors += usize::from(result.failed());
            }
            // New articles appear as each feed lands, selection kept.
            if matches!(&result.status, FeedStatus::Ok { stats, .. } if stats.new + stats.updated > 0)
            {
                reload(state, &mut fx);
            }
        }
        Msg::RefreshFinished(results) => {
            state.refreshing = None;
            refresh_summary(state, &results);
            // What retention removed after the refresh leaves the list too.
            if results.iter().any(|r| !r.failed()) {
                reload(state, &mut fx);
                feeds::reload(state, &mut fx);
            }
            // The network is back while the offline demo shows: back to the user's feeds.
            if state.offline_demo && results.iter().any(|r| !r.failed()) {
                fx.push(Effect::LeaveDemo);
            }
            // Nothing cached and nothing reachable: show the bundled demo feeds (in a database
            // of their own) rather than an empty screen.
            let none_reached = results.iter().all(FeedResult::failed);
            if none_reached && state.total_articles == 0 && !state.demo {
                fx.push(Effect::OpenDemo);
            }
        }
        Msg::FullText { id, result } => match result {
            Ok(()) => {
                info(state, tr!(state.l10n, "status-full-loaded"));
                if state.wanted_article == Some(id) {
                    fx.push(Effect::Store(StoreJob::Article(id)));
                }
            }
            Err(e) => error(state, tr!(state.l10n, "status-full-failed", error = e)),
        },
        Msg::DemoLoaded(result) => match result {
            Ok(0) => error(state, tr!(state.l10n, "status-offline")),
            Ok(_) => {
                state.demo = true;
                state.offline_demo = true;
                // The demo's database is not the one the feeds are fetched into.
                state.can_refresh = false;
                state.status = Some(Status {
                    text: tr!(
                        state.l10n,
                        "status-offline-demo",
                        key = state.keymap.first_label(Action::RefreshAll)
                    ),
                    error: false,
                    sticky: true,
                    at: state.now,
                });
                reload(state, &mut fx);
            }
            Err(e) => error(state, tr!(state.l10n, "failed-demo-feeds", error = e)),
        },
        Msg::Failed(what, e) => {
            let l = &state.l10n;
            let text = match what {
                Failure::Article => tr!(l, "failed-article", error = e),
                Failure::Entities => tr!(l, "failed-entities", error = e),
                Failure::Companies => tr!(l, "failed-companies", error = e),
                Failure::Browser => tr!(l, "failed-browser", error = e),
                Failure::Refresh => tr!(l, "failed-refresh", error = e),
                Failure::Copy => tr!(l, "failed-copy", error = e),
                Failure::Terminal => tr!(l, "failed-terminal", error = e),
            };
            error(state, text);
        }
    }
    fetch_full_text_if_reading_a_teaser(state, &mut fx);
    ensure_titles(state, &mut fx);
    request_layout(state, &mut fx);
    state.dirty = true;
    fx
}

fn on_key(state: &mut State, key: KeyEvent, fx: &mut Vec<Effect>) {
    if key.kind == KeyEventKind::Release {
        return;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if state.quitting && !(ctrl && key.code == KeyCode::Char('z')) {
        // Waiting for the marks to be saved: quit again ends at once; nothing else acts.
        if (ctrl && key.code == KeyCode::Char('c'))
            || state.keymap.action(&key) == Some(Action::Quit)
        {
            quit(state, fx);
        }
        return;
    }
    if ctrl && key.code == KeyCode::Char('z') {
        fx.push(Effect::Suspend);
        return;
    }
    if ctrl && key.code == KeyCode::Char('c') {
        quit(state, fx);
        return;
    }
    if state.prompt.is_some() {
        manage::prompt_key(state, &key, fx);
        return;
    }
    if let Some(input) = &mut state.search_input {
        match key.code {
            KeyCode::Enter => {
                state.search_input = None;
            }
            KeyCode::Esc => {
                state.search_input = None;
                state.filters.search = None;
                refilter(state, fx);
            }
            // The results can be walked while the query is still being typed.
            KeyCode::Down => move_selection(state, 1, fx),
            KeyCode::Up => move_selection(state, -1, fx),
            _ => {
                if edit(input, &key) {
                    let v = input.value().to_string();
                    state.filters.search = (!v.trim().is_empty()).then_some(v);
                    refilter(state, fx);
                }
            }
        }
        return;
    }
    match &mut state.overlay {
        Overlay::Picker(picker) => {
            match key.code {
                KeyCode::Esc => state.overlay = Overlay::None,
                KeyCode::Enter => {
                    if let Some(c) = picker.current().cloned() {
                        state.overlay = Overlay::None;
                        set_company(state, c.canonical, c.arabic, fx);
                    }
                }
                KeyCode::Down => {
                    picker.selected =
                        (picker.selected + 1).min(picker.matches.len().saturating_sub(1));
                }
                KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
                _ => {
                    if edit(&mut picker.input, &key) {
                        picker.selected = 0;
                        picker.refilter();
                        let typed = picker.input.value().trim().to_string();
                        if !typed.is_empty() {
                            fx.push(Effect::Store(StoreJob::Resolve(typed)));
                        }
                    }
                }
            }
            return;
        }
        Overlay::Links(_) => {
            links::on_key(state, &key, fx);
            return;
        }
        Overlay::Help { scroll } => {
            match state.keymap.action(&key) {
                Some(Action::Down) => *scroll += 1,
                Some(Action::Up) => *scroll = scroll.saturating_sub(1),
                Some(Action::Quit) if key.code != KeyCode::Char('q') => quit(state, fx),
                _ => state.overlay = Overlay::None,
            }
            return;
        }
        Overlay::None => {}
    }
    if state.feeds_view.is_some() && feeds::on_key(state, &key, fx) {
        return;
    }
    if let Some(a) = state
        .keymap
        .action(&key)
        .or_else(|| arrow_toward_a_pane(state, &key))
    {
        on_action(state, a, fx);
    }
}

/// Left and Right (when not bound in [keys]) go toward the pane on that side: into the
/// article, or back to the headlines — which side is which depends on the mirrored layout.
fn arrow_toward_a_pane(state: &State, key: &KeyEvent) -> Option<Action> {
    if !key.modifiers.is_empty() {
        return None;
    }
    let article_on_the_left = state.mirrored();
    match (key.code, article_on_the_left) {
        (KeyCode::Right, false) | (KeyCode::Left, true) => Some(Action::Open),
        (KeyCode::Left, false) | (KeyCode::Right, true) => Some(Action::Back),
        _ => None,
    }
}

/// Apply a key to a text input; true when the value changed.
fn edit(input: &mut Input, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let req = match key.code {
        KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
        KeyCode::Char('u') if ctrl => InputRequest::DeleteLine,
        KeyCode::Char(c) if !ctrl => InputRequest::InsertChar(c),
        KeyCode::Backspace => InputRequest::DeletePrevChar,
        KeyCode::Delete => InputRequest::DeleteNextChar,
        KeyCode::Left => InputRequest::GoToPrevChar,
        KeyCode::Right => InputRequest::GoToNextChar,
        KeyCode::Home => InputRequest::GoToStart,
        KeyCode::End => InputRequest::GoToEnd,
        _ => return false,
    };
    input.handle(req).is_some_and(|r| r.value)
}

fn on_action(state: &mut State, action: Action, fx: &mut Vec<Effect>) {
    let panes = Panes::of(state);
    let in_article = state.focus == Focus::Article;
    match action {
        Action::Quit => quit(state, fx),
        Action::Help => state.overlay = Overlay::Help { scroll: 0 },
        Action::Down if in_article => scroll_article(state, 1),
        Action::Up if in_article => scroll_article(state, -1),
        Action::Down => move_selection(state, 1, fx),
        Action::Up => move_selection(state, -1, fx),
        Action::PageDown if in_article => scroll_article(
            state,
            panes.article_rows().saturating_sub(2).max(1) as isize,
        ),
        Action::PageUp if in_article => scroll_article(
            state,
            -(panes.article_rows().saturating_sub(2).max(1) as isize),
        ),
        Action::PageDown => move_selection(state, panes.headline_rows().max(1) as isize, fx),
        Action::PageUp => move_selection(state, -(panes.headline_rows().max(1) as isize), fx),
        Action::Top if in_article => scroll_article(state, isize::MIN / 2),
        Action::Bottom if in_article => scroll_article(state, isize::MAX / 2),
        Action::Top => move_selection(state, isize::MIN / 2, fx),
        Action::Bottom => {
            move_selection(state, isize::MAX / 2, fx);
            // The list (or the rest of a long one) is on its way: its end is where `G` goes.
            state.to_bottom = !state.list_loaded || (state.rows.len() as i64) < state.listed.0;
        }
        Action::Open => {
            if in_article {
                apply_focused_entity(state, fx);
            } else {
                open_selected(state, fx);
            }
        }
        Action::Back => {
            if in_article && state.article.as_ref().is_some_and(|a| a.focus.is_some()) {
                set_entity_focus(state, None, fx);
            } else if in_article {
                state.focus = Focus::Headlines;
            } else if state.status.is_some() {
                state.status = None;
            }
        }
        Action::SwitchPane => {
            state.focus = match state.focus {
                Focus::Headlines if state.article.is_some() => Focus::Article,
                _ => Focus::Headlines,
            };
            request_layout(state, fx);
        }
        // While reading with a search active, n/N jump between the hits; past the last hit,
        // n goes on to the next article.
        Action::NextArticle if article::jump_to_match(state, true) => {}
        Action::PrevMatch => {
            if !article::jump_to_match(state, false) {
                info(state, tr!(state.l10n, "status-no-earlier-hit"));
            }
        }
        Action::NextUnread if article::jump_to_match(state, true) => {}
        Action::NextUnread | Action::PrevUnread => {
            bulk::step_unread(state, action == Action::NextUnread, fx);
        }
        Action::MarkAllRead => bulk::mark_all_read(state, fx),
        Action::MarkFeedRead => bulk::mark_feed_read(state, fx),
        Action::UndoMarks => bulk::undo(state, fx),
        Action::StarredOnly => {
            state.filters.starred = !state.filters.starred;
            refilter(state, fx);
        }
        Action::NextArticle | Action::PrevArticle => {
            let step = if action == Action::NextArticle { 1 } else { -1 };
            let before = state.selected;
            move_selection(state, step, fx);
            if state.selected != before {
                open_selected(state, fx);
            }
        }
        Action::CompanyPicker => {
            let mut picker = Picker::default();
            picker.refilter();
            state.overlay = Overlay::Picker(picker);
            fx.push(Effect::Store(StoreJob::Companies));
        }
        // Clears what was chosen — the company, the feed, the tag, the view — and keeps the
        // toggles (unread, starred) and the search, which have keys of their own.
        Action::ClearCompany => {
            let f = &mut state.filters;
            if f.company.is_some() || f.feed.is_some() || f.tag.is_some() || f.view.is_some() {
                (f.company, f.company_label) = (None, None);
                (f.feed, f.feed_label, f.tag, f.view) = (None, None, None, None);
                refilter(state, fx);
            }
        }
        Action::FeedsView if state.feeds_view.is_some() => state.feeds_view = None,
        Action::FeedsView => feeds::open(state, fx),
        Action::AddFeed => manage::ask_to_add(state),
        Action::RenameFeed | Action::Remove if state.feeds_view.is_some() => {
            if action == Action::RenameFeed {
                manage::ask_to_rename(state);
            } else {
                manage::ask_to_remove(state);
            }
        }
        Action::RenameFeed | Action::Remove => {
            let key = state.keymap.first_label(Action::FeedsView);
            info(state, tr!(state.l10n, "feeds-in-the-view", key = key));
        }
        Action::SaveView => manage::ask_to_save_view(state),
        Action::Search => {
            let current = state.filters.search.clone().unwrap_or_default();
            state.search_input = Some(Input::new(current));
        }
        Action::UnreadOnly => {
            state.filters.unread = !state.filters.unread;
            refilter(state, fx);
        }
        Action::ToggleRead => {
            if let Some(row) = state.rows.get(state.selected) {
                set_mark(state, state.selected, MarkKind::Read, !row.read, fx);
            }
        }
        Action::ToggleStar => {
            if let Some(row) = state.rows.get(state.selected) {
                set_mark(state, state.selected, MarkKind::Starred, !row.starred, fx);
            }
        }
        Action::FullArticle if !state.can_refresh => {
            info(state, tr!(state.l10n, "status-demo-no-full-text"));
        }
        Action::FullArticle => match target_id(state) {
            Some(id) => {
                info(state, tr!(state.l10n, "status-fetching-full"));
                fx.push(Effect::FullText(id));
            }
            None => info(state, tr!(state.l10n, "status-no-article")),
        },
        Action::OpenLink | Action::CopyLink => match target_link(state) {
            Some(link) if is_web_link(&link) => {
                if action == Action::OpenLink {
                    info(state, tr!(state.l10n, "status-opening-link"));
                    fx.push(Effect::OpenLink(link));
                } else {
                    info(state, tr!(state.l10n, "status-link-copied"));
                    fx.push(Effect::Copy(link));
                }
            }
            Some(_) => error(state, tr!(state.l10n, "status-link-not-web")),
            None => info(state, tr!(state.l10n, "status-no-link")),
        },
        Action::LinkList => links::open(state),
        Action::RefreshAll => refresh(state, None, fx),
        Action::RefreshFeed => {
            if let Some(feed) = state
                .article
                .as_ref()
                .filter(|_| in_article)
                .map(|a| a.article.row.feed.clone())
                .or_else(|| state.selected_row().map(|r| r.feed.clone()))
            {
                refresh(state, Some(feed), fx);
            }
        }
        Action::Entities => step_entity(state, fx),
        Action::CycleBidi => {
            state.opts.bidi = match state.opts.bidi {
                BidiMode::App => BidiMode::Off,
                BidiMode::Off => BidiMode::App,
            };
            fx.push(Effect::TerminalBidiExplicit(
                state.opts.bidi == BidiMode::App,
            ));
            info(
                state,
                tr!(state.l10n, "status-bidi", mode = state.bidi_label()),
            );
            state.title_lines.clear();
            request_layout(state, fx);
        }
        Action::ToggleShape => {
            state.opts.shape = !state.opts.shape;
            let text = if state.opts.shape {
                tr!(state.l10n, "status-shaping-on")
            } else {
                tr!(state.l10n, "status-shaping-off")
            };
            info(state, text);
            state.title_lines.clear();
            request_layout(state, fx);
        }
        Action::DividerLeft | Action::DividerRight => {
            // The divider moves where the arrow points, whichever side the headlines are on.
            let grow_headlines = (action == Action::DividerRight) != state.mirrored();
            state.split = if grow_headlines {
                (state.split + 5).min(80)
            } else {
                state.split.saturating_sub(5).max(20)
            };
            request_layout(state, fx);
        }
    }
}

/// The reader is on the user's database again (or could not get there): nothing keyed by the
/// demo's article ids may stay, they name other articles in the user's.
fn back_from_the_demo(state: &mut State, result: Result<(), String>, fx: &mut Vec<Effect>) {
    if let Err(e) = result {
        return error(state, tr!(state.l10n, "failed-leave-demo", error = e));
    }
    state.demo = false;
    state.offline_demo = false;
    state.can_refresh = true;
    state.title_lines.clear();
    state.title_spans.clear();
    state.article = None;
    state.wanted_article = None;
    state.bulk.undo = None;
    state.filters_changed = true;
    info(state, tr!(state.l10n, "status-back-online"));
    reload(state, fx);
    feeds::reload(state, fx);
}

/// Refresh every feed (None) or one. While the offline demo shows, every feed of the user's
/// is tried again (the demo's own are not theirs to fetch).
fn refresh(state: &mut State, feed: Option<String>, fx: &mut Vec<Effect>) {
    if state.offline_demo {
        if state.refreshing.is_some() {
            info(state, tr!(state.l10n, "status-already-refreshing"));
        } else {
            info(state, tr!(state.l10n, "status-trying-your-feeds"));
            fx.push(Effect::Refresh(None));
        }
    } else if !state.can_refresh {
        info(state, tr!(state.l10n, "status-demo-no-refresh"));
    } else if state.refreshing.is_some() {
        info(state, tr!(state.l10n, "status-already-refreshing"));
    } else {
        fx.push(Effect::Refresh(feed));
    }
}

fn on_mouse(state: &mut State, m: crossterm::event::MouseEvent, fx: &mut Vec<Effect>) {
    if state.quitting || state.feeds_view.is_some() || state.prompt.is_some() {
        return;
    }
    if !matches!(state.overlay, Overlay::None) {
        return;
    }
    let panes = Panes::of(state);
    let inside = |r: Option<ratatui::layout::Rect>| {
        r.is_some_and(|r| {
            m.column >= r.x && m.column < r.x + r.width && m.row >= r.y && m.row < r.y + r.height
        })
    };
    let over_article = inside(panes.article);
    let over_headlines = inside(panes.headlines);
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let step = if m.kind == MouseEventKind::ScrollDown {
                WHEEL_STEP as isize
            } else {
                -(WHEEL_STEP as isize)
            };
            if over_article {
                scroll_article(state, step);
            } else if over_headlines {
                move_selection(state, step, fx);
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            if let (true, Some(r)) = (over_headlines, panes.headlines) {
                let index = state.offset + usize::from(m.row - r.y);
                if index < state.rows.len() {
                    state.focus = Focus::Headlines;
                    state.selected = index;
                    state.cursor_moved = true;
                    preview_selected(state, fx);
                }
            } else if over_article {
                state.focus = Focus::Article;
            }
        }
        _ => {}
    }
}

pub(super) fn info(state: &mut State, text: impl Into<String>) {
    state.status = Some(Status {
        text: text.into(),
        error: false,
        sticky: false,
        at: state.now,
    });
}

pub(super) fn error(state: &mut State, text: String) {
    state.status = Some(Status {
        text,
        error: true,
        sticky: true,
        at: state.now,
    });
}

fn target_id(state: &State) -> Option<i64> {
    match state.focus {
        Focus::Article => state.article.as_ref().map(OpenArticle::id),
        Focus::Headlines => state.selected_row().map(|r| r.id),
    }
}

fn target_link(state: &State) -> Option<String> {
    match state.focus {
        Focus::Article => state
            .article
            .as_ref()
            .and_then(|a| a.article.row.link.clone()),
        Focus::Headlines => state.selected_row().and_then(|r| r.link.clone()),
    }
}

/// Only http(s) links leave the program (no file:, javascript:, custom schemes).
pub(crate) fn is_web_link(link: &str) -> bool {
    url::Url::parse(link).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}
