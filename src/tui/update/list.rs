//! Transitions of the headline list: filters, selection, previews, title layouts, refresh
//! summaries.

use super::super::action::{Effect, MarkKind, StoreJob};
use super::super::state::{Focus, OpenArticle, State, TitleLine};
use super::article::request_layout;
use super::{error, info};
use crate::i18n::tr;
use crate::refresh::{FeedResult, FeedStatus};
pub(super) use crate::text::is_arabic_letter;
use crate::tui::ui::layout::Panes;

/// The filters changed: ask for the list again (a selection that is gone goes to the top).
pub(super) fn refilter(state: &mut State, fx: &mut Vec<Effect>) {
    state.filters_changed = true;
    reload(state, fx);
}

/// Ask the store for the list again under the current filters (selection kept by id).
pub(super) fn reload(state: &mut State, fx: &mut Vec<Effect>) {
    state.list_generation += 1;
    fx.push(Effect::Store(StoreJob::List {
        generation: state.list_generation,
        query: state.filters.query(),
    }));
}

pub(super) fn set_company(
    state: &mut State,
    canonical: String,
    arabic: Option<String>,
    fx: &mut Vec<Effect>,
) {
    state.filters.company_label = Some(arabic.unwrap_or_else(|| canonical.clone()));
    state.filters.company = Some(canonical);
    state.focus = Focus::Headlines;
    refilter(state, fx);
}

pub(super) fn move_selection(state: &mut State, delta: isize, fx: &mut Vec<Effect>) {
    state.to_bottom = false;
    if state.rows.is_empty() {
        return;
    }
    let last = state.rows.len() - 1;
    let target = (state.selected as isize)
        .saturating_add(delta)
        .clamp(0, last as isize) as usize;
    if target != state.selected {
        state.selected = target;
        state.cursor_moved = true;
        keep_selection_visible(state);
        preview_selected(state, fx);
    }
}

pub(super) fn keep_selection_visible(state: &mut State) {
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
pub(super) fn preview_selected(state: &mut State, fx: &mut Vec<Effect>) {
    let id = state.selected_row().map(|r| r.id);
    if id == state.wanted_article {
        return;
    }
    state.wanted_article = id;
    if state.article.as_ref().map(OpenArticle::id) != id {
        state.article = None;
    }
    if let Some(id) = id {
        fx.push(Effect::Store(StoreJob::Article(id)));
    } else if state.focus == Focus::Article {
        state.focus = Focus::Headlines;
    }
}

/// Enter / n / p: focus the article and mark it read.
pub(super) fn open_selected(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(row) = state.rows.get(state.selected) else {
        return;
    };
    let id = row.id;
    state.cursor_moved = true;
    if !row.read {
        super::marks::set_mark(state, state.selected, MarkKind::Read, true, fx);
    }
    state.focus = Focus::Article;
    if state.wanted_article != Some(id) {
        preview_selected(state, fx);
    }
    request_layout(state, fx);
}

/// Most of the first headlines are Arabic (or their feeds say so).
pub(super) fn mostly_arabic(rows: &[crate::store::ArticleRow]) -> bool {
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
pub(super) fn ensure_titles(state: &mut State, fx: &mut Vec<Effect>) {
    let panes = Panes::of(state);
    let Some(rect) = panes.headlines else { return };
    let width = crate::tui::ui::headlines::title_width(rect.width);
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
            // The row's language decides the direction of a title that starts with a Latin
            // name; the cache can key on the reader's options since a row's language is fixed.
            let opts = state.opts.for_content(row.language.as_deref());
            let line = crate::tui::ui::headlines::title_line(
                &row.title,
                spans.unwrap_or(&[]),
                &opts,
                width,
                &state.theme,
            );
            let with_spans = spans.is_some();
            let feed = crate::tui::ui::headlines::feed_line(row, &opts, &state.theme);
            state.title_lines.insert(
                row.id,
                TitleLine {
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
        fx.push(Effect::Store(StoreJob::TitleSpans(missing)));
    }
    // Each resize or scroll lays out at most a screenful; forget the rest now and then.
    if state.title_lines.len() > 4096 {
        state.title_lines.clear();
    }
}

pub(super) fn refresh_summary(state: &mut State, results: &[FeedResult]) {
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
            FeedStatus::Ok { stats, .. } => stats.new,
            _ => 0,
        })
        .sum();
    let not_modified = results
        .iter()
        .filter(|r| r.status == FeedStatus::NotModified)
        .count();
    let l = &state.l10n;
    let text = if results.is_empty() {
        tr!(l, "refresh-no-feeds")
    } else if !failed.is_empty() {
        let text = tr!(
            l,
            "refresh-failed",
            failed = failed.len(),
            total = results.len(),
            errors = failed.join(" · ")
        );
        return error(state, text);
    } else if new == 0 && not_modified == results.len() {
        tr!(l, "refresh-not-modified")
    } else {
        tr!(l, "refresh-done", feeds = results.len(), new = new)
    };
    info(state, text);
}
