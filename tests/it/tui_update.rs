//! `update` over action sequences: state and effects, no terminal. The store is a real SQLite
//! file; store and layout effects run through the synchronous runtime.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::refresh::{FeedResult, FeedStatus};
use akhbar::store::WriteStats;
use akhbar::text::BidiMode;
use akhbar::tui::action::{Action, Effect, ListCounts, Msg, StoreJob};
use akhbar::tui::state::{Focus, Overlay};
use akhbar::tui::update::update;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn typed(s: &str) -> Vec<Msg> {
    s.chars().map(key).collect()
}

#[test]
fn starts_with_the_newest_headline_previewed_and_arabic_mirrored() {
    let (state, _rt, _d) = filled(120, 40);
    assert_eq!(state.rows.len(), SAMPLES.len());
    assert_eq!(state.rows[0].title, SAMPLES[0].title);
    assert_eq!(state.selected, 0);
    assert!(
        state.mirrored(),
        "Arabic headlines put the headlines pane on the right"
    );
    let open = state
        .article
        .as_ref()
        .expect("the selected article is previewed");
    assert_eq!(open.id(), state.rows[0].id);
    assert!(open.layout.is_some());
    assert!(!state.rows[0].read, "a preview does not mark read");
}

#[test]
fn moving_loads_the_new_article_and_drops_a_stale_one() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let first = state.rows[0].clone();
    let fx = update(&mut state, key('j'));
    assert_eq!(state.selected, 1);
    assert!(fx.contains(&Effect::Store(StoreJob::Article(state.rows[1].id))));
    // The first article's data arrives late: it must not replace the wanted one.
    let stale = rt.store.article(first.id).unwrap().unwrap();
    update(&mut state, Msg::ArticleLoaded(std::sync::Arc::new(stale)));
    assert_ne!(state.article.as_ref().map(|a| a.id()), Some(first.id));
    rt.send(&mut state, key('k'));
    rt.send(&mut state, key('j'));
    assert_eq!(
        state.article.as_ref().map(|a| a.id()),
        Some(state.rows[1].id)
    );
}

#[test]
fn a_layout_for_another_width_is_dropped() {
    let (mut state, _rt, _d) = filled(120, 40);
    let layout = state.article.as_ref().unwrap().layout.clone().unwrap();
    update(&mut state, Msg::Resize(100, 30));
    update(&mut state, Msg::Layout(layout.clone()));
    let now = state.article.as_ref().unwrap().layout.as_ref().unwrap().key;
    assert_eq!(
        now, layout.key,
        "kept the old one until the new width arrives"
    );
    let mut wrong = layout;
    wrong.key.width = 7;
    wrong.lines = std::sync::Arc::new(vec![]);
    update(&mut state, Msg::Layout(wrong));
    assert_ne!(
        state
            .article
            .as_ref()
            .unwrap()
            .layout
            .as_ref()
            .unwrap()
            .key
            .width,
        7
    );
}

#[test]
fn enter_opens_marks_read_and_esc_goes_back() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let id = state.rows[0].id;
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.focus, Focus::Article);
    assert!(state.rows[0].read);
    assert!(
        rt.store.article(id).unwrap().unwrap().row.read,
        "read state saved"
    );
    rt.send(&mut state, code(KeyCode::Esc));
    assert_eq!(state.focus, Focus::Headlines);
}

#[test]
fn shift_j_and_k_open_the_next_and_previous_article_marking_them_read() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('J'));
    assert_eq!(state.selected, 1);
    assert!(state.rows[1].read);
    assert_eq!(state.focus, Focus::Article);
    assert_eq!(
        state.article.as_ref().map(|a| a.id()),
        Some(state.rows[1].id)
    );
    rt.send(&mut state, key('K'));
    assert_eq!(state.selected, 0);
    assert!(state.rows[0].read);
}

#[test]
fn company_picker_narrows_by_arabic_and_applies() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('c'));
    let Overlay::Picker(p) = &state.overlay else {
        panic!("picker not open")
    };
    assert!(p.loaded);
    assert_eq!(p.companies[0].canonical, "Microsoft", "sorted by count");
    for m in typed("مايكرو") {
        rt.send(&mut state, m);
    }
    let Overlay::Picker(p) = &state.overlay else {
        panic!("picker closed")
    };
    let names: Vec<&str> = p
        .matches
        .iter()
        .map(|&i| p.companies[i].canonical.as_str())
        .collect();
    assert_eq!(names, ["Microsoft"]);
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(matches!(state.overlay, Overlay::None));
    assert_eq!(state.filters.company.as_deref(), Some("Microsoft"));
    assert_eq!(state.filters.company_label.as_deref(), Some("مايكروسوفت"));
    // Microsoft's own articles and those naming its products (Azure, Copilot).
    assert_eq!(state.rows.len(), 3);
    assert!(
        state
            .rows
            .iter()
            .all(|r| r.companies.iter().any(|c| c == "Microsoft"))
    );
    rt.send(&mut state, key('C'));
    assert_eq!(state.rows.len(), SAMPLES.len());
}

#[test]
fn picker_narrows_by_english_case_insensitively_and_esc_cancels() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('c'));
    for m in typed("OPENai") {
        rt.send(&mut state, m);
    }
    let Overlay::Picker(p) = &state.overlay else {
        panic!("picker closed")
    };
    assert_eq!(p.current().map(|c| c.canonical.as_str()), Some("OpenAI"));
    rt.send(&mut state, code(KeyCode::Esc));
    assert!(matches!(state.overlay, Overlay::None));
    assert_eq!(state.filters.company, None);
}

#[test]
fn search_as_you_type_esc_clears_enter_keeps() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('/'));
    assert!(state.search_input.is_some());
    for m in typed("السعودية") {
        rt.send(&mut state, m);
    }
    assert_eq!(state.filters.search.as_deref(), Some("السعودية"));
    assert_eq!(state.rows.len(), 1);
    assert!(state.rows[0].title.contains("السعودية"));
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.search_input.is_none());
    assert_eq!(state.rows.len(), 1, "Enter keeps the search");
    rt.send(&mut state, key('/'));
    rt.send(&mut state, code(KeyCode::Esc));
    assert_eq!(state.filters.search, None);
    assert_eq!(state.rows.len(), SAMPLES.len());
}

#[test]
fn filters_combine_company_search_and_unread() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('J')); // reads the second article (OpenAI's)
    rt.send(&mut state, code(KeyCode::Esc));
    rt.send(&mut state, key('c'));
    for m in typed("openai") {
        rt.send(&mut state, m);
    }
    rt.send(&mut state, code(KeyCode::Enter));
    let with_company = state.rows.len();
    rt.send(&mut state, key('u'));
    assert_eq!(state.rows.len(), with_company - 1, "the read one is hidden");
    rt.send(&mut state, key('/'));
    for m in typed("Azure") {
        rt.send(&mut state, m);
    }
    assert!(!state.rows.is_empty());
    assert!(
        state
            .rows
            .iter()
            .all(|r| !r.read && r.companies.iter().any(|c| c == "OpenAI"))
    );
}

#[test]
fn an_older_list_answer_is_dropped_and_selection_survives_a_reload() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('j'));
    rt.send(&mut state, key('j'));
    let id = state.rows[2].id;
    let old = state.list_generation;
    // A refresh brings the list again: same article stays selected even if it moved.
    let mut rows = state.rows.clone();
    rows.rotate_left(1);
    update(
        &mut state,
        Msg::ListLoaded {
            generation: old,
            rows,
            counts: ListCounts {
                all: 8,
                listed: 8,
                unread: 8,
            },
        },
    );
    assert_eq!(state.selected_row().map(|r| r.id), Some(id));
    assert_eq!(state.selected, 1);
    update(
        &mut state,
        Msg::ListLoaded {
            generation: old - 1,
            rows: vec![],
            counts: ListCounts::default(),
        },
    );
    assert_eq!(
        state.rows.len(),
        SAMPLES.len(),
        "a stale answer changed nothing"
    );
}

#[test]
fn links_open_only_when_http_and_copy_goes_through_osc52() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('o'));
    rt.send(&mut state, key('y'));
    let link = state.rows[0].link.clone().unwrap();
    assert_eq!(
        rt.outside,
        [Effect::OpenLink(link.clone()), Effect::Copy(link)]
    );
    state.rows[0].link = Some("javascript:alert(1)".into());
    let fx = update(&mut state, key('o'));
    assert!(fx.is_empty());
    assert!(state.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn bidi_cycles_and_tells_the_terminal() {
    let (mut state, _rt, _d) = filled(120, 40);
    let fx = update(&mut state, key('B'));
    assert_eq!(state.opts.bidi, BidiMode::Off);
    assert!(fx.contains(&Effect::TerminalBidiExplicit(false)));
    let fx = update(&mut state, key('B'));
    assert_eq!(state.opts.bidi, BidiMode::App);
    assert!(fx.contains(&Effect::TerminalBidiExplicit(true)));
    let before = state.opts.shape;
    let fx = update(&mut state, key('Z'));
    assert_ne!(state.opts.shape, before);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::Layout(_))),
        "the article is laid out again"
    );
}

#[test]
fn entity_stepping_and_enter_filters_by_the_company() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, code(KeyCode::Enter));
    rt.send(&mut state, key('e'));
    let open = state.article.as_ref().unwrap();
    assert_eq!(open.focus, Some(0));
    assert_eq!(open.entities[0].canonical.as_deref(), Some("Microsoft"));
    let layout = open.layout.as_ref().unwrap();
    assert_eq!(
        layout.key.focus,
        Some(0),
        "laid out again with the entity marked"
    );
    rt.send(&mut state, key('e'));
    assert_eq!(state.article.as_ref().unwrap().focus, Some(1));
    // Back to the company and apply it.
    update(&mut state, code(KeyCode::Esc));
    rt.send(&mut state, key('e'));
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.filters.company.as_deref(), Some("Microsoft"));
    assert_eq!(state.focus, Focus::Headlines);
    assert_eq!(state.rows.len(), 3);
}

#[test]
fn divider_moves_toward_the_arrow_in_a_mirrored_split() {
    let (mut state, _rt, _d) = filled(120, 40);
    assert!(state.mirrored());
    let split = state.split;
    update(&mut state, key('<'));
    assert_eq!(
        state.split,
        split + 5,
        "headlines on the right grow when the divider goes left"
    );
    update(&mut state, key('>'));
    update(&mut state, key('>'));
    assert_eq!(state.split, split - 5);
}

#[test]
fn refresh_progress_errors_and_the_offline_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let store = akhbar::store::Store::open(&dir.path().join("empty.db")).unwrap();
    let (mut state, mut rt) = reader(store, 80, 24);
    assert!(state.rows.is_empty());
    rt.send(&mut state, key('r'));
    assert_eq!(rt.outside, [Effect::Refresh(None)]);
    update(&mut state, Msg::RefreshStarted { total: 2 });
    let failed = FeedResult {
        feed: "https://a.example/feed".into(),
        title: Some("البوابة".into()),
        status: FeedStatus::Error {
            error: "HTTP 503".into(),
        },
    };
    update(&mut state, Msg::FeedDone(failed.clone()));
    let r = state.refreshing.unwrap();
    assert_eq!((r.done, r.total, r.errors), (1, 2, 1));
    let fx = update(&mut state, key('r'));
    assert!(fx.is_empty(), "no second refresh while one runs");
    let second = FeedResult {
        feed: "https://b.example/feed".into(),
        ..failed.clone()
    };
    let fx = update(&mut state, Msg::RefreshFinished(vec![failed, second]));
    assert!(state.refreshing.is_none());
    let status = state.status.clone().unwrap();
    assert!(status.error && status.text.contains("HTTP 503") && status.text.contains("2 of 2"));
    assert!(
        fx.contains(&Effect::OpenDemo),
        "empty cache and no feed reached: demo feeds"
    );
    let fx = update(&mut state, Msg::DemoLoaded(Ok(12)));
    assert_eq!(
        state.status.as_ref().map(|s| s.text.as_str()),
        Some("offline: showing the bundled demo feeds · r: try your feeds again")
    );
    assert!(state.demo, "the header says demo");
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Store(StoreJob::List { .. }))),
        "the list comes again, from the demo's database"
    );
    // r tries the user's feeds again (the demo's are not theirs to fetch).
    let fx = update(&mut state, key('r'));
    assert_eq!(
        state.status.as_ref().map(|s| s.text.as_str()),
        Some("offline demo: trying your feeds again…"),
    );
    assert_eq!(fx, [Effect::Refresh(None)]);
}

#[test]
fn new_articles_from_a_refresh_keep_the_selection() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('j'));
    let id = state.selected_row().unwrap().id;
    // Another copy of every sample lands (newer ones on top would shift the rows).
    fill(&mut rt.store, 2);
    let ok = FeedResult {
        feed: FEEDS[0].0.into(),
        title: None,
        status: FeedStatus::Ok {
            full_texts: 0,
            stats: WriteStats {
                new: 3,
                updated: 0,
                unchanged: 0,
            },
        },
    };
    rt.send(&mut state, Msg::FeedDone(ok));
    assert!(state.rows.len() > SAMPLES.len());
    assert_eq!(state.selected_row().unwrap().id, id);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_it_and_click_selects() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let panes = akhbar::tui::ui::layout::Panes::of(&state);
    let h = panes.headlines.unwrap();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: h.x + 5,
        row: h.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    rt.send(&mut state, Msg::Mouse(click));
    assert_eq!(state.selected, 3);
    assert_eq!(
        state.article.as_ref().map(|a| a.id()),
        Some(state.rows[3].id)
    );
    let a = panes.article.unwrap();
    // A short article does not scroll; a narrow pane makes it long enough to.
    update(&mut state, Msg::Resize(60, 12));
    rt.send(&mut state, code(KeyCode::Enter));
    let a2 = akhbar::tui::ui::layout::Panes::of(&state).article.unwrap();
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: a2.x + 1,
        row: a2.y + 1,
        modifiers: KeyModifiers::NONE,
    };
    rt.send(&mut state, Msg::Mouse(wheel));
    assert_eq!(state.article.as_ref().unwrap().scroll, 3);
    assert_eq!(
        state.selected, 3,
        "the wheel over the article left the headlines alone"
    );
    let _ = a;
}

#[test]
fn help_opens_and_any_other_key_closes_it_quit_quits() {
    let (mut state, _rt, _d) = filled(120, 40);
    update(&mut state, key('?'));
    assert!(matches!(state.overlay, Overlay::Help { .. }));
    update(&mut state, key('j'));
    assert!(matches!(state.overlay, Overlay::Help { scroll: 1 }));
    update(&mut state, key('x'));
    assert!(matches!(state.overlay, Overlay::None));
    let fx = update(&mut state, key('q'));
    assert!(state.quit && fx.contains(&Effect::Quit));
}

#[test]
fn ctrl_z_suspends_and_ctrl_c_quits_from_anywhere() {
    let (mut state, _rt, _d) = filled(120, 40);
    update(&mut state, key('c'));
    let fx = update(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL)),
    );
    assert_eq!(fx, [Effect::Suspend]);
    let fx = update(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn actions_by_name_round_trip() {
    for a in Action::ALL {
        assert_eq!(Action::from_name(a.name()), Some(*a));
    }
}

#[test]
fn a_filter_that_hides_the_selection_goes_to_the_top_one_that_keeps_it_stays() {
    let (mut state, mut rt, _d) = filled(120, 40);
    for _ in 0..5 {
        rt.send(&mut state, key('j'));
    }
    assert!(state.rows[5].title.contains("هواوي"));
    rt.send(&mut state, key('c'));
    for m in typed("microsoft") {
        rt.send(&mut state, m);
    }
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.selected, 0, "Huawei is gone: back to the top");
    rt.send(&mut state, key('j'));
    let id = state.selected_row().unwrap().id;
    rt.send(&mut state, key('C'));
    assert_eq!(
        state.selected_row().unwrap().id,
        id,
        "still listed: still selected"
    );
    // While typing a search, the arrows walk the results.
    rt.send(&mut state, key('/'));
    rt.send(&mut state, code(KeyCode::Down));
    assert!(state.search_input.is_some());
    assert_eq!(
        state.selected_row().unwrap().id,
        state.rows[state.selected].id
    );
}

#[test]
fn the_demo_fallback_is_asked_for_only_over_an_empty_list() {
    // (Whether the database is still empty when it comes to it is the runtime's to check:
    // tui_runtime.rs.)
    let (mut state, mut rt, _d) = filled(80, 24);
    let failed = FeedResult {
        feed: "https://a.example/feed".into(),
        title: None,
        status: FeedStatus::Error {
            error: "connection refused".into(),
        },
    };
    rt.send(&mut state, Msg::RefreshFinished(vec![failed]));
    assert!(
        state
            .status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("connection refused")),
        "the error is shown: {:?}",
        state.status
    );
    assert!(
        !state.demo && !rt.outside.contains(&Effect::OpenDemo),
        "the user's articles stay: no demo"
    );
    let dir = tempfile::tempdir().unwrap();
    let (mut empty_state, mut empty_rt) = reader(
        akhbar::store::Store::open(&dir.path().join("e.db")).unwrap(),
        80,
        24,
    );
    empty_rt.send(&mut empty_state, Msg::RefreshFinished(vec![]));
    assert_eq!(
        empty_rt.outside,
        [Effect::OpenDemo],
        "no feeds and an empty cache: the demo"
    );
}

#[test]
fn n_and_shift_n_jump_between_search_hits_while_reading() {
    let (mut state, mut rt, _d) = filled(80, 14);
    rt.send(&mut state, key('/'));
    for m in typed("مايكروسوفت") {
        rt.send(&mut state, m);
    }
    rt.send(&mut state, code(KeyCode::Enter)); // keep the search
    // The article that names Microsoft most: its 80-billion investment story.
    while !state.rows[state.selected].title.contains("80 مليار") {
        let before = state.selected;
        rt.send(&mut state, key('j'));
        assert_ne!(state.selected, before, "the story is in the results");
    }
    rt.send(&mut state, code(KeyCode::Enter)); // open it
    assert_eq!(state.focus, Focus::Article);
    let selected = state.selected;
    let open = state.article.as_ref().unwrap();
    let hits = open.layout.as_ref().unwrap().match_lines.clone();
    assert!(hits.len() >= 2, "hits on lines {hits:?}");
    assert_eq!(open.scroll, 0);
    rt.send(&mut state, key('n'));
    let after_n = state.article.as_ref().unwrap().scroll;
    assert!(after_n > 0, "n scrolled to a later hit");
    assert_eq!(state.selected, selected, "still the same article");
    let rows = 14usize;
    assert!(
        hits.iter().any(|&h| h >= after_n && h < after_n + rows),
        "a hit is on screen after n (scroll {after_n}, hits {hits:?})"
    );
    rt.send(&mut state, key('N'));
    assert!(
        state.article.as_ref().unwrap().scroll < after_n,
        "N went back"
    );
    // Without a search, n is the next article again.
    rt.send(&mut state, code(KeyCode::Esc));
    rt.send(&mut state, key('/'));
    rt.send(&mut state, code(KeyCode::Esc));
    assert_eq!(state.filters.search, None);
}

#[test]
fn opening_a_teaser_fetches_its_page_once_unless_the_feed_says_never() {
    use akhbar::config::FullTextMode;
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, code(KeyCode::Enter));
    let id = state.article.as_ref().unwrap().id();
    let teaser = {
        let a = &state.article.as_ref().unwrap().article;
        akhbar::fulltext::is_teaser(&a.content, &a.summary)
    };
    let asked = rt
        .outside
        .iter()
        .filter(|e| **e == Effect::FullText(id))
        .count();
    assert_eq!(
        asked,
        usize::from(teaser),
        "auto: the page is fetched exactly for a teaser"
    );
    // Opening it again does not ask again.
    rt.send(&mut state, code(KeyCode::Esc));
    rt.send(&mut state, code(KeyCode::Enter));
    let again = rt
        .outside
        .iter()
        .filter(|e| **e == Effect::FullText(id))
        .count();
    assert_eq!(again, asked);

    let (mut state, mut rt, _d) = filled(120, 40);
    let feed = state.rows[0].feed.clone();
    state
        .full_text
        .feeds
        .insert(feed.clone(), FullTextMode::Never);
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(!rt.outside.iter().any(|e| matches!(e, Effect::FullText(_))));
    // `always` fetches even a long article's page.
    let (mut state, mut rt, _d) = filled(120, 40);
    state.full_text.feeds.insert(feed, FullTextMode::Always);
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(rt.outside.iter().any(|e| matches!(e, Effect::FullText(_))));
}

#[test]
fn a_long_list_has_its_true_totals_from_the_first_page_and_g_reaches_its_oldest() {
    use akhbar::tui::runtime::{FIRST_PAGE, run_store_job};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let copies = FIRST_PAGE / SAMPLES.len() + 3;
    let total = SAMPLES.len() * copies;
    let mut db = store_at(&path, copies);
    let rec = std::sync::Arc::new(akhbar::entities::Recognizer::load(None).unwrap());
    let (mut state, _rt) = reader_without_list(akhbar::store::Store::open(&path).unwrap(), 120, 40);
    let mut list = |state: &akhbar::tui::state::State| {
        let mut pages = Vec::new();
        run_store_job(
            &mut db,
            &rec,
            &arabic_name,
            StoreJob::List {
                generation: state.list_generation,
                query: state.filters.query(),
            },
            &mut || false,
            &mut |m| pages.push(m),
        );
        pages
    };
    let pages = list(&state);
    assert_eq!(pages.len(), 2, "a first page, then the rest");
    let counts = |m: &Msg| match m {
        Msg::ListLoaded { rows, counts, .. } => (rows.len(), *counts),
        other => panic!("{other:?}"),
    };
    let all = total as i64;
    let want = ListCounts {
        all,
        listed: all,
        unread: all,
    };
    assert_eq!(counts(&pages[0]), (FIRST_PAGE, want));
    assert_eq!(counts(&pages[1]), (total, want));
    let header = |state: &akhbar::tui::state::State| rows(&screen(state))[0].clone();
    let mut pages = pages.into_iter();
    update(&mut state, pages.next().unwrap());
    assert!(
        header(&state).contains(&format!("{total} articles · {total} unread")),
        "{}",
        header(&state)
    );
    // `G` before the rest has come: the end of the first page now, the end of all later.
    update(&mut state, key('G'));
    assert_eq!(state.selected, FIRST_PAGE - 1);
    update(&mut state, pages.next().unwrap());
    assert_eq!(state.selected, total - 1);
    let oldest = akhbar::store::Store::open(&path)
        .unwrap()
        .list_articles(&Default::default())
        .unwrap()
        .last()
        .map(|r| r.id);
    assert_eq!(state.selected_row().map(|r| r.id), oldest);
    assert!(header(&state).contains(&format!("{total} articles")));
    // A move made before the rest comes cancels the jump.
    let mut again = list(&state).into_iter();
    update(&mut state, again.next().unwrap());
    update(&mut state, key('G'));
    update(&mut state, key('k'));
    assert_eq!(state.selected, FIRST_PAGE - 2);
    update(&mut state, again.next().unwrap());
    assert_eq!(state.selected, FIRST_PAGE - 2);
}

#[test]
fn g_pressed_before_the_list_has_come_goes_to_its_end_when_it_comes() {
    use akhbar::tui::runtime::run_store_job;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut db = store_at(&path, 2);
    let rec = std::sync::Arc::new(akhbar::entities::Recognizer::load(None).unwrap());
    let (mut state, _rt) = reader_without_list(akhbar::store::Store::open(&path).unwrap(), 120, 40);
    // The first frame is drawn before the headlines are read; `G` typed then is kept.
    update(&mut state, key('G'));
    assert_eq!(state.selected, 0);
    let mut pages = Vec::new();
    run_store_job(
        &mut db,
        &rec,
        &arabic_name,
        StoreJob::List {
            generation: state.list_generation,
            query: state.filters.query(),
        },
        &mut || false,
        &mut |m| pages.push(m),
    );
    for page in pages {
        update(&mut state, page);
    }
    assert_eq!(state.rows.len(), SAMPLES.len() * 2);
    assert_eq!(state.selected, state.rows.len() - 1);
    // Once there, `g` and `G` move as always.
    update(&mut state, key('g'));
    assert_eq!(state.selected, 0);
}

#[test]
fn the_link_list_walks_opens_and_copies_the_articles_links() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let links = sample_links();
    give_links(&mut state, &mut rt, &links);
    rt.send(&mut state, key('l'));
    assert!(matches!(&state.overlay, Overlay::Links(l) if l.links == links && l.selected == 0));
    rt.send(&mut state, key('j'));
    rt.send(&mut state, code(KeyCode::Enter));
    rt.send(&mut state, key('j'));
    rt.send(&mut state, key('j')); // stays on the last
    rt.send(&mut state, key('y'));
    rt.send(&mut state, key('k'));
    rt.send(&mut state, code(KeyCode::Down));
    assert!(matches!(&state.overlay, Overlay::Links(l) if l.selected == 2));
    assert_eq!(
        rt.outside,
        [
            Effect::OpenLink(links[1].url.clone()),
            Effect::Copy(links[2].url.clone())
        ]
    );
    // Keys act on the list, not the reader beneath it.
    assert_eq!(state.selected, 0);
    rt.send(&mut state, code(KeyCode::Esc));
    assert!(matches!(state.overlay, Overlay::None));
    rt.send(&mut state, key('l'));
    rt.send(&mut state, key('l'));
    assert!(matches!(state.overlay, Overlay::None), "l closes it too");
}

#[test]
fn the_link_list_refuses_a_link_that_is_not_web_and_says_when_there_are_none() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('l'));
    assert!(matches!(&state.overlay, Overlay::Links(l) if l.links.is_empty()));
    let fx = update(&mut state, code(KeyCode::Enter));
    assert!(fx.is_empty(), "nothing to open: {fx:?}");
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains("this article has no links"), "{text}");
    rt.send(&mut state, code(KeyCode::Esc));
    // A database edited by hand can hold any address: it is not handed to the browser.
    let bad = [akhbar::feed::Link {
        text: "click".into(),
        url: "javascript:alert(1)".into(),
    }];
    give_links(&mut state, &mut rt, &bad);
    rt.send(&mut state, key('l'));
    let fx = update(&mut state, code(KeyCode::Enter));
    assert!(fx.is_empty(), "{fx:?}");
    assert!(state.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn enter_on_a_place_searches_for_it_as_the_article_writes_it() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, code(KeyCode::Enter));
    let entities = state.article.as_ref().unwrap().entities.clone();
    let at = entities
        .iter()
        .position(|e| e.canonical.as_deref() == Some("United States"))
        .expect("the sample names a place");
    for _ in 0..=at {
        rt.send(&mut state, key('e'));
    }
    let hint = state.status.as_ref().unwrap().text.clone();
    assert!(
        hint.contains("United States") && hint.contains("searches"),
        "{hint}"
    );
    rt.send(&mut state, code(KeyCode::Enter));
    let name = "الولايات المتحدة";
    assert_eq!(state.filters.search.as_deref(), Some(name));
    assert_eq!(
        state.filters.company, None,
        "a place is not a company filter"
    );
    assert_eq!(state.focus, Focus::Headlines);
    assert_eq!(state.article.as_ref().unwrap().focus, None);
    let naming: Vec<&str> = SAMPLES
        .iter()
        .filter(|s| s.title.contains(name) || s.body.contains(name))
        .map(|s| s.title)
        .collect();
    assert!(!naming.is_empty() && naming.len() < SAMPLES.len());
    let mut shown: Vec<&str> = state.rows.iter().map(|r| r.title.as_str()).collect();
    let mut want = naming.clone();
    shown.sort();
    want.sort();
    assert_eq!(shown, want);
    // Esc on the search prompt's filter is how it goes: `/` then Esc clears it.
    rt.send(&mut state, key('/'));
    rt.send(&mut state, code(KeyCode::Esc));
    assert_eq!(state.rows.len(), SAMPLES.len());
}

#[test]
fn growing_the_window_at_the_end_of_an_article_brings_its_top_back() {
    let (mut state, mut rt, _d) = filled(120, 14);
    rt.send(&mut state, code(KeyCode::Enter));
    rt.send(&mut state, key('G'));
    let open = state.article.as_ref().unwrap();
    assert!(open.scroll > 0, "a long article at the small size");
    let first_line: String = open.layout.as_ref().unwrap().lines[0]
        .spans
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    // Taller only: the width and so the layout stay; the scroll alone must follow.
    rt.send(&mut state, Msg::Resize(120, 40));
    let scroll = state.article.as_ref().unwrap().scroll;
    // `G` goes to the last full page: the resize must have left the scroll there already.
    rt.send(&mut state, key('G'));
    assert_eq!(state.article.as_ref().unwrap().scroll, scroll);
    assert_eq!(scroll, 0, "the whole sample fits at 40 rows");
    let text = rows(&screen(&state)).join("\n");
    assert!(text.contains(first_line.trim()), "the title shows: {text}");

    // Narrower and taller: a layout for the new width arrives, and is clamped too.
    rt.send(&mut state, Msg::Resize(120, 14));
    rt.send(&mut state, key('G'));
    assert!(state.article.as_ref().unwrap().scroll > 0);
    rt.send(&mut state, Msg::Resize(90, 30));
    let scroll = state.article.as_ref().unwrap().scroll;
    rt.send(&mut state, key('G'));
    assert_eq!(state.article.as_ref().unwrap().scroll, scroll);
}

#[test]
fn the_start_up_refresh_waits_for_the_first_list_and_runs_once() {
    use akhbar::tui::action::{Effect, StoreJob};
    let (mut state, _rt, _d) = filled(120, 40);
    let first = akhbar::tui::update::start(&mut state, true);
    assert!(
        matches!(first.as_slice(), [Effect::Store(StoreJob::List { .. })]),
        "only the list at first: {first:?}"
    );
    let msg = listed_all_eight(&state);
    let fx = update(&mut state, msg);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::Refresh(None))),
        "{fx:?}"
    );
    let msg = listed_all_eight(&state);
    let fx = update(&mut state, msg);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Refresh(_))),
        "{fx:?}"
    );

    let (mut state, _rt, _d) = filled(120, 40);
    akhbar::tui::update::start(&mut state, false);
    let msg = listed_all_eight(&state);
    let fx = update(&mut state, msg);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Refresh(_))),
        "{fx:?}"
    );
}

#[test]
fn the_re_index_waits_for_the_first_list_and_starts_once() {
    let (mut state, _rt, _d) = filled(120, 40);
    akhbar::tui::update::reindex_after_the_list(&mut state);
    let first = akhbar::tui::update::start(&mut state, false);
    assert!(
        matches!(first.as_slice(), [Effect::Store(StoreJob::List { .. })]),
        "only the list at first: {first:?}"
    );
    assert!(
        state.reindexing.is_some(),
        "the status says so from the start"
    );
    let msg = listed_all_eight(&state);
    let fx = update(&mut state, msg);
    assert_eq!(
        fx.iter().filter(|e| matches!(e, Effect::Reindex)).count(),
        1,
        "{fx:?}"
    );
    let msg = listed_all_eight(&state);
    let fx = update(&mut state, msg);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Reindex)), "{fx:?}");
}

#[test]
fn when_the_re_index_ends_the_list_the_article_and_the_picker_are_asked_again() {
    // The samples' entities were stored by another "recognizer" (version "test").
    let (mut state, mut rt, _d) = filled(120, 40);
    // The first headline's article is in the pane (previewed).
    let open = state.article.as_ref().unwrap().id();
    // Its stored entities are dropped (under the stale version), so the counts before the
    // re-index differ from the recognizer's whatever the recognizer finds in the samples.
    assert_eq!(
        rt.store
            .replace_entities(&[(open, Vec::new())], "test", true)
            .unwrap(),
        1
    );
    rt.send(&mut state, key('c'));
    let Overlay::Picker(before) = &state.overlay else {
        panic!("the picker");
    };
    let before = before.companies.clone();
    let generation = state.list_generation;

    akhbar::tui::update::reindex_after_the_list(&mut state);
    // The next list starts it; the synchronous runtime runs it to the end in place.
    rt.send(&mut state, Msg::Action(Action::UnreadOnly));
    rt.send(&mut state, Msg::Action(Action::UnreadOnly));
    assert!(state.reindexing.is_none());
    let status = state.status.as_ref().unwrap();
    assert_eq!(status.text, "updating entities: done (8 articles)");
    assert!(!status.error);
    let rec = akhbar::entities::Recognizer::load(None).unwrap();
    assert_eq!(
        rt.store.meta("entities_version").unwrap(),
        Some(rec.version())
    );
    assert!(state.list_generation > generation + 2, "the list again");

    let Overlay::Picker(after) = &state.overlay else {
        panic!("the picker stays open");
    };
    assert!(after.loaded);
    let names: Vec<&str> = after
        .companies
        .iter()
        .map(|c| c.canonical.as_str())
        .collect();
    let stored: Vec<String> = rt
        .store
        .companies()
        .unwrap()
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert_eq!(names, stored, "the new counts");
    assert_ne!(
        after.companies, before,
        "the recognizer's, not the samples'"
    );

    let article = state.article.as_ref().unwrap();
    assert_eq!(article.id(), open);
    let stored = rt.store.article(open).unwrap().unwrap();
    assert_eq!(
        article.article.spans, stored.spans,
        "the open article's marks are the new ones"
    );
}

/// The first list of the eight sample articles, as the store job answers it.
fn listed_all_eight(state: &akhbar::tui::state::State) -> Msg {
    Msg::ListLoaded {
        generation: state.list_generation,
        rows: state.rows.clone(),
        counts: ListCounts {
            all: 8,
            listed: 8,
            unread: 8,
        },
    }
}
