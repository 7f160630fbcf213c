//! State transitions: `update(&mut State, Msg) -> Vec<Effect>`. No I/O here; the runtime runs
//! the effects and feeds their results back as messages.

use super::action::{Action, ArticleLayout, Effect, LayoutKey, Msg};
use super::state::{EntityRef, Focus, OpenArticle, Overlay, Picker, Refreshing, State, Status};
use crate::refresh::{FeedResult, FeedStatus};
use crate::store::{Article, Field};
use crate::text::{BidiMode, StyleSpan};
use crate::ui::layout::Panes;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::sync::Arc;
use tui_input::{Input, InputRequest};

/// Info messages fade after this many seconds.
const STATUS_SECONDS: i64 = 5;
const WHEEL_STEP: usize = 3;

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
        Msg::Key(key) => on_key(state, key, &mut fx),
        Msg::Action(a) => on_action(state, a, &mut fx),
        Msg::Mouse(m) => on_mouse(state, m, &mut fx),
        Msg::Resize(w, h) => {
            state.size = (w, h);
            keep_selection_visible(state);
        }
        Msg::Resumed => {}
        Msg::ListLoaded {
            generation,
            rows,
            total,
        } => {
            if generation != state.list_generation {
                return fx; // an older query (search typed further since)
            }
            let keep = state.selected_row().map(|r| r.id);
            state.rows = rows;
            state.total_articles = total;
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
            keep_selection_visible(state);
            if state.selected_row().map(|r| r.id) != state.wanted_article {
                preview_selected(state, &mut fx);
            }
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
            if matches!(&result.status, FeedStatus::Ok { stats } if stats.new + stats.updated > 0) {
                reload(state, &mut fx);
            }
        }
        Msg::RefreshFinished(results) => {
            state.refreshing = None;
            refresh_summary(state, &results);
            // Nothing cached and nothing reachable: show the bundled demo feeds rather than
            // an empty screen.
            let none_reached = results.iter().all(FeedResult::failed);
            if none_reached && state.total_articles == 0 && !state.demo {
                fx.push(Effect::LoadDemo);
            }
        }
        Msg::FullText { id, result } => match result {
            Ok(()) => {
                info(state, "full article loaded");
                if state.wanted_article == Some(id) {
                    fx.push(Effect::LoadArticle(id));
                }
            }
            Err(e) => error(state, format!("full article: {e}")),
        },
        Msg::DemoLoaded(result) => match result {
            Ok(0) => error(state, "offline: no feed could be reached".into()),
            Ok(_) => {
                state.demo = true;
                state.status = Some(Status {
                    text: "offline: showing the bundled demo feeds".into(),
                    error: false,
                    sticky: true,
                    at: state.now,
                });
                reload(state, &mut fx);
            }
            Err(e) => error(state, format!("demo feeds: {e}")),
        },
        Msg::Error(e) => error(state, e),
        Msg::Info(i) => info(state, i),
    }
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
    if ctrl && key.code == KeyCode::Char('z') {
        fx.push(Effect::Suspend);
        return;
    }
    if ctrl && key.code == KeyCode::Char('c') {
        quit(state, fx);
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
                            fx.push(Effect::ResolveCompany(typed));
                        }
                    }
                }
            }
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
    if let Some(a) = state.keymap.action(&key) {
        on_action(state, a, fx);
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
        Action::Bottom => move_selection(state, isize::MAX / 2, fx),
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
            fx.push(Effect::LoadCompanies);
        }
        Action::ClearCompany => {
            if state.filters.company.take().is_some() {
                state.filters.company_label = None;
                refilter(state, fx);
            }
        }
        Action::Search => {
            let current = state.filters.search.clone().unwrap_or_default();
            state.search_input = Some(Input::new(current));
        }
        Action::UnreadOnly => {
            state.filters.unread = !state.filters.unread;
            refilter(state, fx);
        }
        Action::ToggleRead => {
            if let Some(row) = state.rows.get_mut(state.selected) {
                row.read = !row.read;
                fx.push(Effect::SetRead {
                    id: row.id,
                    read: row.read,
                });
            }
        }
        Action::ToggleStar => {
            if let Some(row) = state.rows.get_mut(state.selected) {
                row.starred = !row.starred;
                fx.push(Effect::SetStarred {
                    id: row.id,
                    starred: row.starred,
                });
            }
        }
        Action::FullArticle => match target_id(state) {
            Some(id) => {
                info(state, "fetching the full article…");
                fx.push(Effect::FullText(id));
            }
            None => info(state, "no article selected"),
        },
        Action::OpenLink | Action::CopyLink => match target_link(state) {
            Some(link) if is_web_link(&link) => {
                if action == Action::OpenLink {
                    info(state, "opening the link in the browser");
                    fx.push(Effect::OpenLink(link));
                } else {
                    info(state, "link copied (OSC 52)");
                    fx.push(Effect::Copy(link));
                }
            }
            Some(_) => error(state, "the link is not http(s); not opened".to_string()),
            None => info(state, "this article has no link"),
        },
        Action::RefreshAll | Action::RefreshFeed => {
            if !state.can_refresh {
                info(state, "demo: no network, nothing to refresh");
            } else if state.refreshing.is_some() {
                info(state, "already refreshing");
            } else if action == Action::RefreshAll {
                fx.push(Effect::Refresh(None));
            } else if let Some(feed) = state
                .article
                .as_ref()
                .filter(|_| in_article)
                .map(|a| a.article.row.feed.clone())
                .or_else(|| state.selected_row().map(|r| r.feed.clone()))
            {
                fx.push(Effect::Refresh(Some(feed)));
            }
        }
        Action::Entities => step_entity(state, fx),
        Action::CycleBidi => {
            state.opts.bidi = match state.opts.bidi {
                BidiMode::App => BidiMode::Terminal,
                BidiMode::Terminal => BidiMode::Off,
                BidiMode::Off => BidiMode::App,
            };
            fx.push(Effect::TerminalBidiExplicit(
                state.opts.bidi == BidiMode::App,
            ));
            info(state, format!("bidi: {}", state.bidi_label()));
            state.title_lines.clear();
            request_layout(state, fx);
        }
        Action::ToggleShape => {
            state.opts.shape = !state.opts.shape;
            info(
                state,
                if state.opts.shape {
                    "shaping on"
                } else {
                    "shaping off"
                },
            );
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

fn on_mouse(state: &mut State, m: crossterm::event::MouseEvent, fx: &mut Vec<Effect>) {
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
                    preview_selected(state, fx);
                }
            } else if over_article {
                state.focus = Focus::Article;
            }
        }
        _ => {}
    }
}

fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    state.quit = true;
    fx.push(Effect::Quit);
}

fn info(state: &mut State, text: impl Into<String>) {
    state.status = Some(Status {
        text: text.into(),
        error: false,
        sticky: false,
        at: state.now,
    });
}

fn error(state: &mut State, text: String) {
    state.status = Some(Status {
        text,
        error: true,
        sticky: true,
        at: state.now,
    });
}

/// The filters changed: ask for the list again (a selection that is gone goes to the top).
fn refilter(state: &mut State, fx: &mut Vec<Effect>) {
    state.filters_changed = true;
    reload(state, fx);
}

/// Ask the store for the list again under the current filters (selection kept by id).
fn reload(state: &mut State, fx: &mut Vec<Effect>) {
    state.list_generation += 1;
    fx.push(Effect::LoadList {
        generation: state.list_generation,
        query: state.filters.query(),
    });
}

fn set_company(state: &mut State, canonical: String, arabic: Option<String>, fx: &mut Vec<Effect>) {
    state.filters.company_label = Some(arabic.unwrap_or_else(|| canonical.clone()));
    state.filters.company = Some(canonical);
    state.focus = Focus::Headlines;
    refilter(state, fx);
}

fn move_selection(state: &mut State, delta: isize, fx: &mut Vec<Effect>) {
    if state.rows.is_empty() {
        return;
    }
    let last = state.rows.len() - 1;
    let target = (state.selected as isize)
        .saturating_add(delta)
        .clamp(0, last as isize) as usize;
    if target != state.selected {
        state.selected = target;
        keep_selection_visible(state);
        preview_selected(state, fx);
    }
}

fn keep_selection_visible(state: &mut State) {
    let rows = Panes::of(state).headline_rows().max(1);
    if state.selected < state.offset {
        state.offset = state.selected;
    } else if state.selected >= state.offset + rows {
        state.offset = state.selected + 1 - rows;
    }
    let max_offset = state.rows.len().saturating_sub(rows);
    state.offset = state.offset.min(max_offset);
}

/// Show the selected article in the article pane (without marking it read).
fn preview_selected(state: &mut State, fx: &mut Vec<Effect>) {
    let id = state.selected_row().map(|r| r.id);
    if id == state.wanted_article {
        return;
    }
    state.wanted_article = id;
    if state.article.as_ref().map(OpenArticle::id) != id {
        state.article = None;
    }
    if let Some(id) = id {
        fx.push(Effect::LoadArticle(id));
    } else if state.focus == Focus::Article {
        state.focus = Focus::Headlines;
    }
}

/// Enter / n / p: focus the article and mark it read.
fn open_selected(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(row) = state.rows.get_mut(state.selected) else {
        return;
    };
    let id = row.id;
    if !row.read {
        row.read = true;
        fx.push(Effect::SetRead { id, read: true });
    }
    state.focus = Focus::Article;
    if state.wanted_article != Some(id) {
        preview_selected(state, fx);
    }
    request_layout(state, fx);
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
pub fn is_web_link(link: &str) -> bool {
    url::Url::parse(link).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

fn scroll_article(state: &mut State, delta: isize) {
    let rows = Panes::of(state).article_rows();
    if let Some(open) = &mut state.article {
        let total = open.layout.as_ref().map(|l| l.lines.len()).unwrap_or(0);
        let max = total.saturating_sub(rows.max(1));
        open.scroll = (open.scroll as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
    }
}

/// The layout the article pane needs now, if it shows an article.
pub fn layout_key(state: &State) -> Option<LayoutKey> {
    let width = Panes::of(state).article_width()?;
    let open = state.article.as_ref()?;
    Some(LayoutKey {
        id: open.id(),
        width,
        opts: state.opts,
        focus: open.focus,
        search: state
            .filters
            .search
            .as_deref()
            .map(|s| crate::ingest::stable_hash(&[s.trim()]))
            .unwrap_or(0),
    })
}

fn request_layout(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(key) = layout_key(state) else {
        return;
    };
    let Some(open) = &mut state.article else {
        return;
    };
    if open.layout.as_ref().is_some_and(|l| l.key == key) || open.pending == Some(key) {
        return;
    }
    open.pending = Some(key);
    fx.push(Effect::Layout {
        key,
        article: Arc::clone(&open.article),
        search: state.filters.search.clone(),
    });
}

fn accept_layout(state: &mut State, layout: ArticleLayout) {
    let rows = Panes::of(state).article_rows().max(1);
    if let Some(open) = &mut state.article {
        if let Some(line) = layout.focus_line
            && (line < open.scroll || line >= open.scroll + rows)
        {
            open.scroll = line.saturating_sub(rows / 3);
        }
        open.scroll = open.scroll.min(layout.lines.len().saturating_sub(1));
        open.pending = None;
        open.layout = Some(layout);
    }
}

/// The entities of an article in reading order: title first, then the body.
pub fn entity_refs(article: &Article) -> Vec<EntityRef> {
    let (body, body_field) = article.body();
    let mut out = Vec::new();
    for (field, text) in [
        (Field::Title, article.row.title.as_str()),
        (body_field, body),
    ] {
        let mut spans: Vec<_> = article.spans_in(field).collect();
        spans.sort_by_key(|s| s.start);
        for s in spans {
            if let Some(t) = text.get(s.start..s.end) {
                out.push(EntityRef {
                    field,
                    kind: s.kind,
                    canonical: s.canonical.clone(),
                    parent: s.parent.clone(),
                    text: t.to_string(),
                });
            }
        }
    }
    out
}

fn step_entity(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.article else {
        info(state, "open an article first");
        return;
    };
    if open.entities.is_empty() {
        info(state, "no entities in this article");
        return;
    }
    let next = match open.focus {
        Some(i) if i + 1 < open.entities.len() => Some(i + 1),
        Some(_) => None,
        None => Some(0),
    };
    state.focus = Focus::Article;
    if let Some(e) = next.and_then(|i| open.entities.get(i)) {
        let what = match (&e.canonical, e.kind) {
            (Some(c), crate::entities::Kind::Org) => {
                format!("{} · {} — Enter filters by it", e.kind.as_str(), c)
            }
            (Some(c), _) => format!("{} · {}", e.kind.as_str(), c),
            (None, _) => e.kind.as_str().to_string(),
        };
        info(state, what);
    }
    set_entity_focus(state, next, fx);
}

fn set_entity_focus(state: &mut State, focus: Option<usize>, fx: &mut Vec<Effect>) {
    if let Some(open) = &mut state.article {
        open.focus = focus;
    }
    request_layout(state, fx);
}

/// Enter on a focused company (or a product of one) filters the headlines by it.
fn apply_focused_entity(state: &mut State, fx: &mut Vec<Effect>) {
    let company = state.article.as_ref().and_then(|open| {
        let e = open.entities.get(open.focus?)?;
        match e.kind {
            crate::entities::Kind::Org => e.canonical.clone().map(|c| (c, e.text.clone())),
            _ => e.parent.clone().map(|p| (p, e.text.clone())),
        }
    });
    if let Some((canonical, text)) = company {
        set_entity_focus(state, None, fx);
        let label = if e_is_arabic(&text) { Some(text) } else { None };
        set_company(state, canonical, label, fx);
    }
}

fn e_is_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_letter)
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Most of the first headlines are Arabic (or their feeds say so).
fn mostly_arabic(rows: &[crate::store::ArticleRow]) -> bool {
    let sample = &rows[..rows.len().min(50)];
    let arabic = sample
        .iter()
        .filter(|r| {
            r.language.as_deref().is_some_and(|l| l.starts_with("ar"))
                || r.title.chars().filter(|c| is_arabic_letter(*c)).count() * 2
                    > r.title.chars().filter(|c| c.is_alphabetic()).count()
        })
        .count();
    arabic * 2 > sample.len()
}

/// Lay out the visible headlines' titles (and ask for the entity spans of those we lack).
fn ensure_titles(state: &mut State, fx: &mut Vec<Effect>) {
    let panes = Panes::of(state);
    let Some(rect) = panes.headlines else { return };
    let width = crate::ui::headlines::title_width(rect.width);
    let end = (state.offset + usize::from(rect.height)).min(state.rows.len());
    let mut missing = Vec::new();
    for row in &state.rows[state.offset.min(end)..end] {
        let spans = match state.title_spans.get(&row.id) {
            Some(s) => s.as_deref(),
            None => {
                missing.push(row.id);
                state.title_spans.insert(row.id, None);
                None
            }
        };
        let fresh = state.title_lines.get(&row.id).is_some_and(|t| {
            t.width == width && t.opts == state.opts && t.with_spans == spans.is_some()
        });
        if !fresh {
            let line = crate::ui::headlines::title_line(
                &row.title,
                spans.unwrap_or(&[]),
                &state.opts,
                width,
                &state.theme,
            );
            let with_spans = spans.is_some();
            let feed = crate::ui::headlines::feed_line(row, &state.opts, &state.theme);
            state.title_lines.insert(
                row.id,
                super::state::TitleLine {
                    width,
                    opts: state.opts,
                    with_spans,
                    line,
                    feed,
                },
            );
        }
    }
    if !missing.is_empty() {
        fx.push(Effect::LoadTitleSpans(missing));
    }
    // Each resize or scroll lays out at most a screenful; forget the rest now and then.
    if state.title_lines.len() > 4096 {
        state.title_lines.clear();
    }
}

fn refresh_summary(state: &mut State, results: &[FeedResult]) {
    let failed: Vec<String> = results
        .iter()
        .filter_map(|r| match &r.status {
            FeedStatus::Error { error } => Some(format!(
                "{}: {}",
                r.title.clone().unwrap_or_else(|| r.feed.clone()),
                error
            )),
            _ => None,
        })
        .collect();
    let new: usize = results
        .iter()
        .map(|r| match &r.status {
            FeedStatus::Ok { stats } => stats.new,
            _ => 0,
        })
        .sum();
    let not_modified = results
        .iter()
        .filter(|r| r.status == FeedStatus::NotModified)
        .count();
    if results.is_empty() {
        info(
            state,
            "no feeds to refresh: akhbar import FILE.opml adds some",
        );
    } else if !failed.is_empty() {
        error(
            state,
            format!(
                "{} of {} feeds failed — {}",
                failed.len(),
                results.len(),
                failed.join(" · ")
            ),
        );
    } else if new == 0 && not_modified == results.len() {
        info(state, "not modified");
    } else {
        info(
            state,
            format!("{} feeds refreshed, {new} new articles", results.len()),
        );
    }
}
