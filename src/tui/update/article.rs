//! Transitions of the article pane: layout requests and results, scrolling, entity stepping.

use super::super::action::{Action, ArticleLayout, Effect, LayoutJob, LayoutKey};
use super::super::state::{EntityRef, Focus, State};
use super::info;
use super::list::{is_arabic_letter, refilter, set_company};
use crate::i18n::tr;
use crate::store::{Article, Field};
use crate::tui::ui::layout::Panes;
use std::sync::Arc;

pub(super) fn scroll_article(state: &mut State, delta: isize) {
    let rows = Panes::of(state).article_rows();
    if let Some(open) = &mut state.article {
        let total = open.layout.as_ref().map(|l| l.lines.len()).unwrap_or(0);
        let max = total.saturating_sub(rows.max(1));
        open.scroll = (open.scroll as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
    }
}

/// In the article pane with a search active, scroll to the next (or previous) line holding a
/// hit. False when there is none that way (or no search, or not reading).
pub(super) fn jump_to_match(state: &mut State, forward: bool) -> bool {
    if state.focus != Focus::Article || state.filters.search.is_none() {
        return false;
    }
    let rows = Panes::of(state).article_rows().max(1);
    let Some(open) = &mut state.article else {
        return false;
    };
    let Some(layout) = &open.layout else {
        return false;
    };
    // The hit shown a third of the way down, as entity stepping does.
    let anchor = open.scroll + rows / 3;
    let target = if forward {
        layout.match_lines.iter().find(|&&l| l > anchor).copied()
    } else {
        layout
            .match_lines
            .iter()
            .rev()
            .find(|&&l| l < anchor)
            .copied()
    };
    let Some(line) = target else {
        return false;
    };
    let max = layout.lines.len().saturating_sub(rows);
    let scroll = line.saturating_sub(rows / 3).min(max);
    if scroll == open.scroll {
        // Already on screen and the pane cannot scroll further that way.
        return false;
    }
    open.scroll = scroll;
    true
}

/// The layout the article pane needs now, if it shows an article.
pub(crate) fn layout_key(state: &State) -> Option<LayoutKey> {
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
            .map(|s| crate::hash::stable_hash(&[s.trim()]))
            .unwrap_or(0),
        version: open.version,
    })
}

pub(super) fn request_layout(state: &mut State, fx: &mut Vec<Effect>) {
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
    fx.push(Effect::Layout(LayoutJob {
        key,
        article: Arc::clone(&open.article),
        search: state.filters.search.clone(),
        now: state.now,
    }));
}

pub(super) fn accept_layout(state: &mut State, layout: ArticleLayout) {
    let rows = Panes::of(state).article_rows().max(1);
    if let Some(open) = &mut state.article {
        if let Some(line) = layout.focus_line
            && (line < open.scroll || line >= open.scroll + rows)
        {
            open.scroll = line.saturating_sub(rows / 3);
        }
        open.pending = None;
        open.layout = Some(layout);
    }
    clamp_scroll(state);
}

/// Keep the last page full: no scrolling past the point where the text's end reaches the
/// pane's bottom (after a resize, or a layout of fewer lines), so the title is not hidden
/// above an emptied pane.
pub(super) fn clamp_scroll(state: &mut State) {
    scroll_article(state, 0);
}

/// The entities of an article in reading order: title first, then the body.
pub(crate) fn entity_refs(article: &Article) -> Vec<EntityRef> {
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

pub(super) fn step_entity(state: &mut State, fx: &mut Vec<Effect>) {
    use crate::entities::Kind;
    let Some(open) = &state.article else {
        info(state, tr!(state.l10n, "status-open-first"));
        return;
    };
    if open.entities.is_empty() {
        info(state, tr!(state.l10n, "status-no-entities"));
        return;
    }
    let next = match open.focus {
        Some(i) if i + 1 < open.entities.len() => Some(i + 1),
        Some(_) => None,
        None => Some(0),
    };
    state.focus = Focus::Article;
    if let Some(e) = next.and_then(|i| open.entities.get(i)) {
        let l = &state.l10n;
        let kind = kind_name(l, e.kind);
        let what = match (&e.canonical, e.kind) {
            (Some(c), Kind::Org) => {
                let key = state.keymap.first_label(Action::Open);
                tr!(l, "status-entity-company", kind = kind, name = c, key = key)
            }
            (_, Kind::Place | Kind::Person | Kind::Product) if e.parent.is_none() => {
                let key = state.keymap.first_label(Action::Open);
                let name = e.canonical.as_deref().unwrap_or(&e.text);
                tr!(
                    l,
                    "status-entity-search",
                    kind = kind,
                    name = name,
                    key = key
                )
            }
            (Some(c), _) => tr!(l, "status-entity", kind = kind, name = c),
            (None, _) => kind,
        };
        info(state, what);
    }
    set_entity_focus(state, next, fx);
}

pub(super) fn set_entity_focus(state: &mut State, focus: Option<usize>, fx: &mut Vec<Effect>) {
    if let Some(open) = &mut state.article {
        open.focus = focus;
    }
    request_layout(state, fx);
}

/// Enter on a focused company (or a product of one) filters the headlines by it. Places, people
/// and products of no known company cannot be a filter: Enter searches for the name as the
/// article writes it (the store widens a name the recognizer knows to its other spellings).
/// Figures (money, percentages, dates) do nothing.
pub(super) fn apply_focused_entity(state: &mut State, fx: &mut Vec<Effect>) {
    use crate::entities::Kind;
    enum Apply {
        Company(String, String),
        Search(String),
    }
    let apply = state.article.as_ref().and_then(|open| {
        let e = open.entities.get(open.focus?)?;
        match (e.kind, &e.canonical, &e.parent) {
            (Kind::Org, Some(c), _) => Some(Apply::Company(c.clone(), e.text.clone())),
            (Kind::Org, None, _) => Some(Apply::Search(e.text.clone())),
            (_, _, Some(p)) => Some(Apply::Company(p.clone(), e.text.clone())),
            (Kind::Place | Kind::Person | Kind::Product, _, None) => {
                Some(Apply::Search(e.text.clone()))
            }
            _ => None,
        }
    });
    match apply {
        Some(Apply::Company(canonical, text)) => {
            set_entity_focus(state, None, fx);
            let label = if e_is_arabic(&text) { Some(text) } else { None };
            set_company(state, canonical, label, fx);
        }
        Some(Apply::Search(name)) => {
            set_entity_focus(state, None, fx);
            let name = crate::text::sanitize(&name).trim().to_string();
            info(
                state,
                tr!(state.l10n, "status-entity-searched", name = name.as_str()),
            );
            state.filters.search = Some(name);
            state.focus = Focus::Headlines;
            refilter(state, fx);
        }
        None => {}
    }
}

pub(super) fn e_is_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_letter)
}

/// An entity kind as the interface names it.
pub(crate) fn kind_name(l: &crate::i18n::Localizer, kind: crate::entities::Kind) -> String {
    use crate::entities::Kind;
    match kind {
        Kind::Org => tr!(l, "kind-org"),
        Kind::Person => tr!(l, "kind-person"),
        Kind::Place => tr!(l, "kind-place"),
        Kind::Product => tr!(l, "kind-product"),
        Kind::Money => tr!(l, "kind-money"),
        Kind::Percent => tr!(l, "kind-percent"),
        Kind::Number => tr!(l, "kind-number"),
        Kind::Date => tr!(l, "kind-date"),
    }
}
