//! The company picker: companies with article counts, narrowed by Arabic or English as you type.
//! Mirrored in Arabic: the count and the Arabic name on the right, the Latin name on the left.

use super::{centered, fragment, line_width, put, put_end, put_right, put_start, row, words};
use crate::i18n::tr;
use crate::tui::state::{Picker, State};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub(crate) fn draw(
    buf: &mut Buffer,
    screen: Rect,
    picker: &Picker,
    state: &State,
) -> Option<Position> {
    // Sized by all companies, not the matches, so the box does not jump while typing.
    let want = (picker.companies.len() as u16)
        .saturating_add(3)
        .clamp(6, 24);
    let area = centered(screen, 56, want.min(screen.height.saturating_sub(2)));
    Clear.render(area, buf);
    let l = &state.l10n;
    let mut title = vec![
        Line::raw(" "),
        words(&tr!(l, "picker-title"), state.theme.accent, state),
        Line::raw(" "),
    ];
    // The counts are those of the articles re-indexed so far.
    if state.reindexing.is_some() {
        title.extend([
            Line::styled("· ", state.theme.dim),
            words(&tr!(l, "picker-counts-updating"), state.theme.dim, state),
            Line::raw(" "),
        ]);
    }
    let title = row(title, state);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.accent);
    let inner = block.inner(area);
    block.render(area, buf);
    // Drawn by our own writer, not as the block's title: ratatui measures a visual "لا"
    // (unshaped lam beside alef) as one cell and would drop a letter.
    let border = area.inner(ratatui::layout::Margin::new(1, 0));
    put_start(buf, border, area.y, &title, state);
    if inner.height == 0 || inner.width < 4 {
        return None;
    }
    let t = &state.theme;
    let typed = fragment(
        picker.input.value(),
        t.search,
        &state.opts,
        inner.width.saturating_sub(3),
    );
    let tw = line_width(&typed) as u16;
    // ">" points at the text: the layout mirrors it in a right-to-left line.
    let prompt = row(
        vec![words(">", t.accent, state), Line::raw(" "), typed],
        state,
    );
    put_start(buf, inner, inner.y, &prompt, state);
    let cursor = super::search::input_cursor(inner, 2, tw, picker.input.value(), state);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if !picker.loaded || picker.matches.is_empty() {
        let msg = if !picker.loaded {
            tr!(l, "loading")
        } else if picker.companies.is_empty() {
            tr!(l, "picker-no-companies")
        } else {
            tr!(l, "picker-no-match")
        };
        let msg = fragment(&msg, t.dim, &super::chrome_opts(state), list.width);
        put_start(buf, list, list.y, &msg, state);
        return Some(cursor);
    }
    let rows = usize::from(list.height);
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    // The count column is as wide as the largest count (six digits at 100,000 articles), so a
    // count never runs into the border or the names.
    let count_width = picker
        .matches
        .iter()
        .filter_map(|&ci| picker.companies.get(ci))
        .map(|c| crate::text::cell_width(&l.number(c.count)) as u16)
        .max()
        .unwrap_or(0)
        .clamp(5, 12);
    for (i, &ci) in picker.matches.iter().enumerate().skip(first).take(rows) {
        let Some(c) = picker.companies.get(ci) else {
            continue;
        };
        let y = list.y + (i - first) as u16;
        let count = words(&l.number(c.count), t.dim, state);
        let latin = fragment(&c.canonical, t.org, &state.opts, 20);
        let ar_room = list.width.saturating_sub(count_width + 24);
        let ar = c
            .arabic
            .as_deref()
            .map(|ar| fragment(ar, t.org, &state.opts, ar_room))
            .unwrap_or_default();
        if l.is_rtl() {
            // Count on the right, the Arabic name beside it, the Latin one at the left edge.
            put_right(buf, list.right(), y, &count, count_width);
            put_right(
                buf,
                list.right().saturating_sub(count_width + 2),
                y,
                &ar,
                ar_room,
            );
            put(buf, list.x, y, &latin, 20);
        } else {
            put_right(buf, list.x + count_width, y, &count, count_width);
            put(buf, list.x + count_width + 2, y, &latin, 20);
            put_right(buf, list.right(), y, &ar, ar_room);
        }
        if i == picker.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), t.selection);
        }
    }
    let dim = t.dim.add_modifier(Modifier::ITALIC);
    let hint = row(
        vec![
            Line::styled(" Enter ", dim),
            words(&tr!(l, "picker-apply"), dim, state),
            Line::styled(" · Esc ", dim),
            words(&tr!(l, "picker-cancel"), dim, state),
            Line::styled(" · ↑↓ ", dim),
        ],
        state,
    );
    // On the bottom border, at the end of the reading direction.
    put_end(buf, border, area.bottom().saturating_sub(1), &hint, state);
    Some(cursor)
}

#[cfg(test)]
mod tests {
    use crate::tui::action::{Action, Company, Msg};
    use crate::tui::keys::Keymap;
    use crate::tui::state::State;
    use crate::view::theme::Theme;
    use ratatui::{Terminal, backend::TestBackend};

    /// A count of 100,000 or more (a large cache's biggest companies) stays inside the box,
    /// right-aligned with the smaller ones, in both directions.
    #[test]
    fn six_digit_counts_stay_inside_the_box() {
        for arabic in [false, true] {
            let mut state = State::new(
                Keymap::defaults(),
                Theme::defaults(),
                Default::default(),
                chrono::Utc::now(),
            );
            if arabic {
                use crate::i18n::{Digits, Language, Locale, Localizer, Zone};
                let locale = Locale {
                    language: Language::Arabic,
                    region: None,
                };
                state.l10n =
                    std::sync::Arc::new(Localizer::new(locale, Digits::ArabicIndic, Zone::Utc));
            }
            crate::tui::update::update(&mut state, Msg::Action(Action::CompanyPicker));
            let company = |canonical: &str, count| Company {
                canonical: canonical.to_string(),
                arabic: None,
                count,
            };
            crate::tui::update::update(
                &mut state,
                Msg::Companies(vec![company("Google", 123_456), company("IDC", 7)]),
            );
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| super::super::draw(f, &state)).unwrap();
            let buf = term.backend().buffer();
            let rows: Vec<String> = (0..24)
                .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect())
                .collect();
            let number = |n: i64| state.l10n.number(n);
            let row = |name: &str| {
                rows.iter()
                    .find(|r| r.contains(name))
                    .unwrap_or_else(|| panic!("no row for {name}: {rows:#?}"))
            };
            let big = row("Google");
            let small = row("IDC");
            // Both rows keep the box's two borders, and the counts end in the same column.
            for row in [big, small] {
                assert_eq!(row.matches('│').count(), 2, "{row}");
            }
            let end = |row: &str, n: &str| {
                row.find(n)
                    .map(|at| row[..at].chars().count() + n.chars().count())
            };
            assert_eq!(
                end(big, &number(123_456)),
                end(small, &number(7)),
                "{big}\n{small}"
            );
        }
    }
}
