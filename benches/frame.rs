//! The reader's frame: a full frame at 200×60 with a laid-out article (target: < 1 ms median),
//! and start to first frame over a cache of 10,000 articles (target: < 100 ms).
#![allow(clippy::unwrap_used)]

#[path = "../tests/it/support/tui.rs"]
mod tui_support;

use akhbar::tui::action::Msg;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Draw the reader, an article open, at 200×60 (layouts already cached, as in the real loop).
#[divan::bench]
fn full_frame_200x60(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let store = tui_support::store_at(&dir.path().join("f.db"), 4);
    let (mut state, mut rt) = tui_support::reader(store, 200, 60);
    rt.send(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    assert!(state.article.as_ref().unwrap().layout.is_some());
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut flip = false;
    bencher.bench_local(|| {
        // Alternate the selection's highlight so every frame has cells to flush.
        flip = !flip;
        state.focus = if flip {
            akhbar::tui::state::Focus::Article
        } else {
            akhbar::tui::state::Focus::Headlines
        };
        term.draw(|f| akhbar::tui::ui::draw(f, &state)).unwrap();
    });
}

/// A database of 10,000 articles, built once.
fn big_db() -> &'static PathBuf {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.db");
        let copies = 10_000usize.div_ceil(tui_support::SAMPLES.len());
        drop(tui_support::store_at(&path, copies));
        (dir, path)
    })
    .1
}

/// What the reader does before its first frame: open the store, load the first page of
/// headlines, preview the first article, lay it out, draw. (The rest of the list follows in the
/// background.)
#[divan::bench(sample_count = 20)]
fn start_to_first_frame_10k(bencher: divan::Bencher) {
    use akhbar::tui::action::StoreJob;
    use akhbar::tui::runtime::{FIRST_PAGE, run_store_job};
    let path = big_db();
    bencher.bench_local(|| {
        let store = akhbar::store::Store::open(path).unwrap();
        let (mut state, mut rt) = tui_support::reader_without_list(store, 120, 40);
        let mut query = state.filters.query();
        query.limit = Some(FIRST_PAGE);
        let job = StoreJob::List {
            generation: state.list_generation,
            query,
        };
        let mut answers = Vec::new();
        let names = |_: &str| None;
        run_store_job(
            &mut rt.store,
            &rt.recognizer,
            &names,
            job,
            &mut || false,
            &mut |m| answers.push(m),
        );
        for msg in answers {
            rt.send(&mut state, msg);
        }
        assert_eq!(state.rows.len(), FIRST_PAGE);
        assert!(state.article.as_ref().unwrap().layout.is_some());
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| akhbar::tui::ui::draw(f, &state)).unwrap();
    });
}

/// The whole list of 10,000 headlines (loaded after the first frame, off the draw path).
#[divan::bench(sample_count = 10)]
fn full_list_10k(bencher: divan::Bencher) {
    let path = big_db();
    let store = akhbar::store::Store::open(path).unwrap();
    bencher.bench_local(|| {
        let rows = store
            .list_articles(&akhbar::store::ArticleQuery::default())
            .unwrap();
        assert!(rows.len() >= 10_000);
    });
}
