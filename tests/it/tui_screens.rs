//! Whole screens on ratatui's TestBackend, as insta snapshots, at 120×40 and 80×24 (and the
//! narrow layouts). Data: a temporary SQLite store with Arabic articles and their entity spans.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::refresh::{FeedResult, FeedStatus};
use akhbar::tui::action::{Failure, Msg};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[test]
fn main_screen_with_an_open_article() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = filled(w, h);
        rt.send(&mut state, enter());
        let term = screen(&state);
        let text = rows(&term).join("\n");
        assert!(text.contains(&visual("مايكروسوفت")), "{text}");
        assert!(
            text.contains(&visual("أخبار")) && text.contains("akhbar"),
            "{text}"
        );
        // The body reads right: the first sentence's words, in visual order, on one row.
        assert!(text.contains(&visual("أعلنت شركة مايكروسوفت")), "{text}");
        insta::assert_snapshot!(format!("main_{w}x{h}"), term.backend());
    }
}

#[test]
fn company_picker() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = filled(w, h);
        rt.send(&mut state, key('c'));
        for c in "مايكرو".chars() {
            rt.send(&mut state, key(c));
        }
        let term = screen(&state);
        let text = rows(&term).join("\n");
        assert!(text.contains("Microsoft"), "{text}");
        assert!(!text.contains("Amazon"), "narrowed: {text}");
        insta::assert_snapshot!(format!("picker_{w}x{h}"), term.backend());
    }
}

#[test]
fn company_filter_applied_shows_only_that_company() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('c'));
    for c in "microsoft".chars() {
        rt.send(&mut state, key(c));
    }
    rt.send(&mut state, enter());
    rt.send(&mut state, key('j'));
    rt.send(&mut state, enter());
    let term = screen(&state);
    let text = rows(&term).join("\n");
    assert!(text.contains("company:"), "{text}");
    assert!(text.contains("3 of 8"), "{text}");
    insta::assert_snapshot!("company_filter_120x40", term.backend());
}

#[test]
fn help_overlay_with_the_colour_legend() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = filled(w, h);
        rt.send(&mut state, key('?'));
        let term = screen(&state);
        let text = rows(&term).join("\n");
        assert!(
            text.contains("company_picker") || text.contains("pick a company"),
            "{text}"
        );
        insta::assert_snapshot!(format!("help_{w}x{h}"), term.backend());
    }
}

#[test]
fn narrow_screens_stack_or_show_one_pane() {
    let (mut state, mut rt, _d) = filled(60, 30);
    rt.send(&mut state, enter());
    let panes = akhbar::tui::ui::layout::Panes::of(&state);
    assert!(panes.stacked);
    insta::assert_snapshot!("stacked_60x30", screen(&state).backend());

    let (mut state, mut rt, _d) = filled(60, 12);
    let panes = akhbar::tui::ui::layout::Panes::of(&state);
    assert!(panes.article.is_none() && panes.headlines.is_some());
    rt.send(&mut state, enter());
    let panes = akhbar::tui::ui::layout::Panes::of(&state);
    assert!(
        panes.headlines.is_none() && panes.article.is_some(),
        "the article takes the screen"
    );
    insta::assert_snapshot!("article_only_60x12", screen(&state).backend());
}

#[test]
fn empty_cache() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let store = akhbar::store::Store::open(&dir.path().join("e.db")).unwrap();
        let (state, _rt) = reader(store, w, h);
        let term = screen(&state);
        assert!(
            rows(&term)
                .join("\n")
                .contains("No articles in the cache yet")
        );
        insta::assert_snapshot!(format!("empty_{w}x{h}"), term.backend());
    }
}

#[test]
fn feed_error_in_the_status_line() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = filled(w, h);
        rt.send(&mut state, Msg::RefreshStarted { total: 3 });
        let bad = FeedResult {
            feed: FEEDS[1].0.into(),
            title: Some(FEEDS[1].1.into()),
            status: FeedStatus::Error {
                error: "HTTP 503".into(),
            },
        };
        rt.send(&mut state, Msg::FeedDone(bad.clone()));
        // Mid-refresh: the gauge in the header.
        let text = rows(&screen(&state)).join("\n");
        assert!(text.contains("1/3 feeds, 1 error"), "{text}");
        let ok = FeedResult {
            feed: FEEDS[0].0.into(),
            title: None,
            status: FeedStatus::NotModified,
        };
        rt.send(&mut state, Msg::RefreshFinished(vec![ok.clone(), bad, ok]));
        let term = screen(&state);
        let last = rows(&term).pop().unwrap();
        assert!(
            last.contains("HTTP 503") && last.contains("1 of 3 feeds failed"),
            "{last}"
        );
        insta::assert_snapshot!(format!("feed_error_{w}x{h}"), term.backend());
    }
}

#[test]
fn headline_entities_go_to_the_layout_with_their_kind_colours() {
    let (state, _rt, _d) = filled(120, 40);
    let theme = akhbar::view::theme::Theme::defaults();
    let row = &state.rows[0];
    let spans = state.title_spans.get(&row.id).cloned().flatten().unwrap();
    let org = spans.iter().find(|s| s.style == theme.org).unwrap();
    assert_eq!(&row.title[org.start..org.end], "مايكروسوفت");
    let money = spans.iter().find(|s| s.style == theme.figure).unwrap();
    assert_eq!(&row.title[money.start..money.end], "80 مليار دولار");
    assert!(
        state.title_lines.contains_key(&row.id),
        "laid out before drawing"
    );
}

#[test]
fn every_size_down_to_tiny_draws_without_panicking_and_keeps_the_selection() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('j'));
    rt.send(&mut state, key('j'));
    rt.send(&mut state, enter());
    let id = state.selected_row().unwrap().id;
    for w in 1..=130u16 {
        for h in [1u16, 2, 3, 6, 7, 10, 15, 16, 24, 41] {
            rt.send(&mut state, Msg::Resize(w, h));
            let _ = screen(&state);
            rt.send(&mut state, key('c'));
            let _ = screen(&state);
            rt.send(
                &mut state,
                Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            );
            rt.send(&mut state, key('?'));
            let _ = screen(&state);
            rt.send(&mut state, key('x'));
        }
    }
    assert_eq!(state.selected_row().unwrap().id, id);
}

/// The error a damaged database gives (see `store::StoreError`).
const DAMAGED: &str = "database: database disk image is malformed; the database file is damaged: \
    `akhbar doctor --repair` moves it aside and saves what can be read into a new one";

#[test]
fn a_list_the_database_cannot_give_shows_the_whole_error_in_its_place() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let store = akhbar::store::Store::open(&dir.path().join("e.db")).unwrap();
        let (mut state, mut rt) = reader_without_list(store, w, h);
        let generation = state.list_generation;
        rt.send(
            &mut state,
            Msg::ListFailed {
                generation,
                error: DAMAGED.into(),
            },
        );
        let term = screen(&state);
        let text = rows(&term).join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(DAMAGED), "{text}");
        assert!(text.contains("`akhbar doctor` checks it"), "{text}");
        assert!(!text.contains("loading"), "{text}");
        insta::assert_snapshot!(format!("list_failed_{w}x{h}"), term.backend());
    }
}

#[test]
fn a_long_error_wraps_in_the_footer_instead_of_being_cut() {
    let (mut state, mut rt, _d) = filled(80, 24);
    rt.send(&mut state, Msg::Failed(Failure::Article, DAMAGED.into()));
    let term = screen(&state);
    let lines = rows(&term);
    let footer: Vec<&String> = lines.iter().rev().take(3).rev().collect();
    let text = footer
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.ends_with(&format!("article: {DAMAGED}")), "{lines:#?}");
    insta::assert_snapshot!("long_error_80x24", term.backend());
}

#[test]
fn link_list_of_the_article() {
    let (mut state, mut rt, _d) = filled(120, 40);
    give_links(&mut state, &mut rt, &sample_links());
    rt.send(&mut state, key('l'));
    rt.send(&mut state, key('j'));
    let term = screen(&state);
    let text = rows(&term).join("\n");
    assert!(text.contains("links in the article"), "{text}");
    assert!(
        text.contains("https://azure.microsoft.com/en-us/pricing/"),
        "{text}"
    );
    assert!(text.contains(&visual("بيان مايكروسوفت الرسمي")), "{text}");
    // The escape and the override are gone; the words around them stay.
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(text.contains("evil"), "{text}");
    insta::assert_snapshot!("links_120x40", term.backend());
}

/// A search with no hit in the demo says that nothing matches, not that the build has no demo.
#[test]
fn a_search_with_no_hit_in_the_demo_says_nothing_matches() {
    let (mut state, mut rt, _d) = filled(120, 40);
    state.demo = true;
    rt.send(&mut state, key('/'));
    for c in "زززقق".chars() {
        rt.send(&mut state, key(c));
    }
    rt.send(&mut state, enter());
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains("No article matches the filters"), "{text}");
    assert!(!text.contains("bundles no demo"), "{text}");
}

#[test]
fn the_headlines_show_while_entities_are_re_indexed_with_the_progress_in_the_status_line() {
    use akhbar::library::index::Progress;
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, Msg::Reindexing(Progress::default()));
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains("updating entities…"), "{text}");
    rt.send(
        &mut state,
        Msg::Reindexing(Progress {
            done: 40_000,
            total: 100_000,
        }),
    );
    let term = screen(&state);
    let text = rows(&term).join("\n");
    assert!(
        text.contains("updating entities: 40000 of 100000"),
        "{text}"
    );
    assert!(
        text.contains(&visual("مايكروسوفت")),
        "the headlines: {text}"
    );
    insta::assert_snapshot!("reindexing_120x40", term.backend());

    // A message of the moment goes before it, and the progress comes back after.
    rt.send(&mut state, key('y'));
    let text = rows(&screen(&state)).join("\n");
    assert!(!text.contains("updating entities"), "{text}");
    rt.send(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    let text = rows(&screen(&state)).join("\n");
    assert!(
        text.contains("updating entities: 40000 of 100000"),
        "{text}"
    );

    // The picker and a company filter say their counts are not final.
    rt.send(&mut state, key('c'));
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains("company · counts still updating"), "{text}");
    for c in "microsoft".chars() {
        rt.send(&mut state, key(c));
    }
    rt.send(&mut state, enter());
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains("(counts still updating)"), "{text}");
}

#[test]
fn the_re_index_progress_in_arabic_has_the_interfaces_digits() {
    use akhbar::library::index::Progress;
    let (mut state, mut rt, _d) = filled_in(120, 40, arabic());
    rt.send(
        &mut state,
        Msg::Reindexing(Progress {
            done: 40_000,
            total: 100_000,
        }),
    );
    let text = rows(&screen(&state)).join("\n");
    assert!(
        text.contains(&visual("تحديث الكيانات: ٤٠٠٠٠ من ١٠٠٠٠٠")),
        "{text}"
    );
}
