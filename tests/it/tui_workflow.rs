//! The reader's daily workflow through `update` and the synchronous runtime on a real SQLite
//! file: the full text shown as soon as it arrives, bulk marks and their undo, next/previous
//! unread, the starred view.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::tui::action::Msg;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn shown(state: &akhbar::tui::state::State) -> String {
    rows(&screen(state)).join("\n")
}

#[test]
fn the_full_text_shows_as_soon_as_it_arrives() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, code(KeyCode::Enter));
    let id = state.article.as_ref().unwrap().id();
    let full = "فقرة كاملة من صفحة الخبر لم تكن في الخلاصة";
    assert!(!shown(&state).contains(&visual(full)));
    rt.store.set_full_content(id, full, &[]).unwrap();
    rt.send(&mut state, Msg::FullText { id, result: Ok(()) });
    let open = state.article.as_ref().unwrap();
    assert_eq!(open.article.full_content.as_deref(), Some(full));
    assert!(
        shown(&state).contains(&visual(full)),
        "the pane shows the full text, not the teaser's layout:\n{}",
        shown(&state)
    );
}
