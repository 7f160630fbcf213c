//! Read and star marks and the end of the reader: a mark shows at once and is saved through the
//! writer; a failed save puts the screen back and says why; quitting (a key, a signal, the
//! terminal gone) waits for the marks on their way, and a second quit ends without waiting,
//! with what was not saved listed for the end. `update` alone, and over a real read-only store.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::store::{ArticleQuery, Store};
use akhbar::tui::action::{Effect, ListCounts, Mark, Msg, Signal};
use akhbar::tui::state::State;
use akhbar::tui::sync::SyncRuntime;
use akhbar::tui::update::update;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn saves(fx: &[Effect]) -> Vec<Mark> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Save(m) => Some(*m),
            _ => None,
        })
        .collect()
}

fn status(state: &akhbar::tui::state::State) -> String {
    state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn quit_waits_for_the_marks_on_their_way_and_says_who_holds_the_database() {
    let (mut state, _rt, _d) = filled(120, 40);
    let id = state.rows[0].id;
    let fx = [update(&mut state, key('s')), update(&mut state, key('m'))].concat();
    let marks = saves(&fx);
    assert_eq!(marks.len(), 2, "{fx:?}");
    assert!(state.rows[0].starred && state.rows[0].read, "shown at once");

    let fx = update(&mut state, key('q'));
    assert!(!state.quit, "two marks on their way");
    assert_eq!(fx, [Effect::WatchSaves]);
    // Nothing but quit acts meanwhile.
    assert!(update(&mut state, key('j')).is_empty());
    assert_eq!(state.selected, 0);

    update(
        &mut state,
        Msg::StillSaving {
            holder: Some("process 4321 (akhbar)".into()),
        },
    );
    assert_eq!(
        status(&state),
        "saving 2 marks — the database is busy (process 4321 (akhbar)) · q: quit without saving"
    );

    let fx = update(
        &mut state,
        Msg::Saved {
            mark: marks[0],
            result: Ok(()),
        },
    );
    assert!(!state.quit && !fx.contains(&Effect::Quit));
    let fx = update(
        &mut state,
        Msg::Saved {
            mark: marks[1],
            result: Ok(()),
        },
    );
    assert!(state.quit && fx.contains(&Effect::Quit), "{fx:?}");
    assert!(state.saves.not_saved(&state.l10n).is_empty());
    assert!(state.rows[0].starred && state.rows[0].read);
    assert_eq!(state.rows[0].id, id);
}

#[test]
fn quit_again_ends_at_once_and_what_was_on_its_way_is_reported() {
    let (mut state, _rt, _d) = filled(120, 40);
    update(&mut state, key('s'));
    assert_eq!(update(&mut state, key('q')), [Effect::WatchSaves]);
    let fx = update(&mut state, key('q'));
    assert!(state.quit && fx.contains(&Effect::Quit));
    let report = state.saves.not_saved(&state.l10n);
    assert_eq!(report.len(), 1, "{report:?}");
    assert!(
        report[0].starts_with(&format!("starred: article {} «", state.rows[0].id))
            && report[0].ends_with("— still waiting for the database at the end"),
        "{report:?}"
    );
}

#[test]
fn a_failed_save_reverts_the_mark_says_why_and_ends_a_waiting_quit() {
    let (mut state, _rt, _d) = filled(120, 40);
    let fx = update(&mut state, key('s'));
    let star = saves(&fx)[0];
    update(&mut state, key('q'));
    let fx = update(
        &mut state,
        Msg::Saved {
            mark: star,
            result: Err("database: database is locked".into()),
        },
    );
    assert!(!state.rows[0].starred, "the screen shows what is stored");
    assert_eq!(
        status(&state),
        "star not saved: database: database is locked"
    );
    assert!(state.quit && fx.contains(&Effect::Quit));
    assert_eq!(state.saves.not_saved(&state.l10n).len(), 1);
}

#[test]
fn a_list_read_before_a_mark_was_saved_still_shows_the_mark() {
    let (mut state, rt, _d) = filled(120, 40);
    let id = state.rows[0].id;
    // The list is read (the mark not yet in the file), then the mark is asked for.
    let rows = rt.store.list_articles(&ArticleQuery::default()).unwrap();
    let all = rows.len() as i64;
    let unread = rows.iter().filter(|r| !r.read).count() as i64;
    update(&mut state, key('s'));
    let generation = state.list_generation;
    update(
        &mut state,
        Msg::ListLoaded {
            generation,
            rows,
            counts: ListCounts {
                all,
                listed: all,
                unread,
            },
        },
    );
    let row = state.rows.iter().find(|r| r.id == id).unwrap();
    assert!(
        row.starred,
        "the old list does not hide the mark on its way"
    );
}

#[test]
fn ending_signals_wait_like_quit_a_second_ends_at_once_and_stop_and_continue_reach_the_terminal() {
    let (mut state, _rt, _d) = filled(120, 40);
    assert_eq!(
        update(&mut state, Msg::Signal(Signal::Stop)),
        [Effect::Suspend]
    );
    assert_eq!(
        update(&mut state, Msg::Signal(Signal::Continue)),
        [Effect::Resume]
    );
    update(&mut state, key('s'));
    let fx = update(&mut state, Msg::Signal(Signal::Terminate));
    assert_eq!(fx, [Effect::WatchSaves]);
    assert!(!state.quit);
    let fx = update(&mut state, Msg::Signal(Signal::Interrupt));
    assert!(state.quit && fx.contains(&Effect::Quit));
    assert_eq!(state.exit_signal, Some(Signal::Terminate), "the first one");

    // Nothing on its way: a hangup ends at once, and nothing more is drawn.
    let (mut state, _rt, _d) = filled(120, 40);
    let fx = update(&mut state, Msg::Signal(Signal::HangUp));
    assert!(state.quit && fx.contains(&Effect::Quit));
    assert!(state.terminal_lost);
    assert_eq!(state.exit_signal, Some(Signal::HangUp));
    assert!(update(&mut state, Msg::Signal(Signal::Continue)).is_empty());
}

#[test]
fn a_mark_the_database_refuses_is_reverted_through_the_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(store_at(&path, 1));
    // Query-only: every write is refused, as on a read-only file.
    let (mut state, mut rt) = reader(Store::open_reader(&path).unwrap(), 120, 40);
    let id = state.rows[0].id;
    rt.send(&mut state, key('s'));
    assert!(!state.rows[0].starred);
    let said = status(&state);
    assert!(
        said.starts_with("star not saved: ") && said.contains("readonly"),
        "{said}"
    );
    assert!(state.status.as_ref().is_some_and(|s| s.error));
    // Opening marks read: refused too, and put back.
    rt.send(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert!(!state.rows[0].read);
    assert!(status(&state).starts_with("read mark not saved: "));
    let stored = Store::open(&path).unwrap().article(id).unwrap().unwrap();
    assert!(!stored.row.starred && !stored.row.read);
    assert_eq!(state.saves.not_saved(&state.l10n).len(), 2);
    // Nothing is on its way: quit ends at once.
    rt.send(&mut state, key('q'));
    assert!(state.quit);
    assert_eq!(rt.outside.iter().filter(|e| **e == Effect::Quit).count(), 1);
}

/// A reader started as the real one starts (`update::start`), its first list not yet come.
fn starting() -> (State, SyncRuntime, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = store_at(&dir.path().join("t.db"), 1);
    let (mut state, rt) = reader_without_list(store, 120, 40);
    let fx = akhbar::tui::update::start(&mut state, false);
    assert!(matches!(fx[..], [Effect::Store(_)]), "{fx:?}");
    (state, rt, dir)
}

#[test]
fn keys_typed_before_the_first_list_act_on_it_in_order() {
    let (mut state, mut rt, _d) = starting();
    // `j s j j m` typed while a big or cold cache is still being read: nothing acts yet.
    for c in ['j', 's', 'j', 'j', 'm'] {
        assert!(update(&mut state, key(c)).is_empty(), "{c} waits");
    }
    assert!(state.rows.is_empty() && !state.quit);
    rt.start(&mut state);
    let listed = rt.store.list_articles(&ArticleQuery::default()).unwrap();
    let (second, fourth) = (listed[1].id, listed[3].id);
    assert_eq!(state.selected, 3, "the cursor moved three times");
    for row in &listed {
        let stored = rt.store.article(row.id).unwrap().unwrap().row;
        assert_eq!(
            stored.starred,
            row.id == second,
            "star on the second headline only"
        );
        assert_eq!(
            stored.read,
            row.id == fourth,
            "read mark on the fourth only"
        );
    }
    // Once the list is there keys act at once again.
    update(&mut state, key('k'));
    assert_eq!(state.selected, 2);
}

#[test]
fn quit_before_the_first_list_ends_at_once_unless_typed_marks_wait_for_it() {
    // Nothing typed before it: quit does not wait for the cache.
    let (mut state, _rt, _d) = starting();
    let fx = update(&mut state, key('q'));
    assert!(state.quit && fx.contains(&Effect::Quit));

    // `s q`: the star is given its headline first, then the reader ends (after it is saved).
    let (mut state, mut rt, _d) = starting();
    update(&mut state, key('s'));
    assert!(update(&mut state, key('q')).is_empty());
    assert!(!state.quit, "the typed star has no headline yet");
    rt.start(&mut state);
    assert!(state.quit);
    let first = rt.store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    assert!(rt.store.article(first).unwrap().unwrap().row.starred);
    assert!(state.saves.not_saved(&state.l10n).is_empty());

    // A second quit, and Ctrl-C, end at once whatever waits.
    for second in [
        key('q'),
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    ] {
        let (mut state, _rt, _d) = starting();
        update(&mut state, key('s'));
        update(&mut state, key('q'));
        let fx = update(&mut state, second);
        assert!(state.quit && fx.contains(&Effect::Quit));
    }
}

#[test]
fn keys_typed_before_a_first_list_that_fails_still_act() {
    let (mut state, _rt, _d) = starting();
    update(&mut state, key('?'));
    let generation = state.list_generation;
    update(
        &mut state,
        Msg::ListFailed {
            generation,
            error: "database: disk I/O error".into(),
        },
    );
    assert_eq!(
        state.list_error.as_deref(),
        Some("database: disk I/O error")
    );
    assert!(
        matches!(state.overlay, akhbar::tui::state::Overlay::Help { .. }),
        "the typed ? opened the help"
    );
    // Nothing is kept any more: the next keys act at once (q closes the help, then quits).
    update(&mut state, key('q'));
    assert!(matches!(state.overlay, akhbar::tui::state::Overlay::None));
    update(&mut state, key('q'));
    assert!(state.quit);
}
