//! The threaded runtime, driven as the binary runs it — event loop, store thread on its own
//! read connection, writer thread, layout thread — with keys from a channel and a screen in
//! memory: a long list arrives in two pages, the article is laid out, a mark reaches the file
//! through the writer, and a search typed key by key ends with the list of its last letter.
#![allow(clippy::unwrap_used)]

use crate::support::tui::{SAMPLES, now, store_at};
use akhbar::config::Config;
use akhbar::entities::Recognizer;
use akhbar::library::Library;
use akhbar::store::{ArticleQuery, Store, Writer};
use akhbar::tui::action::{Effect, StoreJob};
use akhbar::tui::run::{Screen, Services, event_loop};
use akhbar::tui::runtime::FIRST_PAGE;
use akhbar::tui::state::State;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the test sees of each frame.
#[derive(Clone, Debug)]
struct Frame {
    rows: usize,
    selected_id: Option<i64>,
    /// (article id, id its layout is for)
    article: Option<(i64, Option<i64>)>,
    search: Option<String>,
    generation: u64,
    read_of_selected: bool,
}

/// Draws into a TestBackend and tells the test what it drew.
struct MemoryScreen {
    term: Terminal<TestBackend>,
    frames: mpsc::Sender<Frame>,
}

impl Screen for MemoryScreen {
    fn draw(&mut self, state: &State) -> std::io::Result<()> {
        self.term.draw(|f| akhbar::tui::ui::draw(f, state)).unwrap();
        let selected = state.rows.get(state.selected);
        let _ = self.frames.send(Frame {
            rows: state.rows.len(),
            selected_id: selected.map(|r| r.id),
            article: state
                .article
                .as_ref()
                .map(|a| (a.id(), a.layout.as_ref().map(|l| l.key.id))),
            search: state.filters.search.clone(),
            generation: state.list_generation,
            read_of_selected: selected.is_some_and(|r| r.read),
        });
        Ok(())
    }
    fn copy(&mut self, _text: &str) -> std::io::Result<()> {
        Ok(())
    }
    fn set_bidi_explicit(&mut self, _explicit: bool) {}
    fn suspend(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn is_active(&self) -> bool {
        true
    }
}

/// The first frame (within 20 s) that satisfies `ok`.
fn wait_for(frames: &mpsc::Receiver<Frame>, what: &str, ok: impl Fn(&Frame) -> bool) -> Frame {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = None;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match frames.recv_timeout(left) {
            Ok(f) if ok(&f) => return f,
            Ok(f) => last = Some(f),
            Err(_) => break,
        }
    }
    panic!("no frame with {what}; the last was {last:?}");
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn the_threaded_runtime_pages_lays_out_saves_marks_and_keeps_the_latest_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("akhbar.db");
    let copies = FIRST_PAGE / SAMPLES.len() + 5;
    let total = SAMPLES.len() * copies;
    assert!(total > FIRST_PAGE, "the list must need a second page");
    let reader = {
        drop(store_at(&path, copies));
        Store::open_reader(&path).unwrap()
    };
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let config = Config::defaults();
    let lib = Arc::new(Library {
        cli_db: Some(path.clone()),
        config: config.clone(),
        config_path: None,
        feeds_file: None,
        bidi: akhbar::text::BidiMode::App,
        shape: akhbar::text::ShapeMode::Off,
        demo: false,
        l10n: Default::default(),
    });
    let mut state = State::new(
        akhbar::tui::keys::Keymap::new(&config.keys),
        akhbar::view::theme::Theme::defaults(),
        lib.layout_options(),
        now(),
    );
    state.size = (120, 40);
    let theme = state.theme.clone();
    let initial = vec![Effect::Store(StoreJob::List {
        generation: state.list_generation,
        query: state.filters.query(),
    })];

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (frames_tx, frames) = mpsc::channel();
    let (keys, key_rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let recognizer = Arc::new(Recognizer::load(None).unwrap());
    let running = rt.spawn(async move {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let services = Services::start(lib, reader, writer, recognizer, None, theme, tx).unwrap();
        let mut screen = MemoryScreen {
            term: Terminal::new(TestBackend::new(120, 40)).unwrap(),
            frames: frames_tx,
        };
        let events = Box::pin(futures_util::stream::unfold(key_rx, |mut rx| async {
            rx.recv().await.map(|e| (Ok(e), rx))
        }));
        event_loop(&mut screen, events, state, services, rx, initial, None).await
    });

    // The first page, then the rest; the first article previewed and laid out.
    let f = wait_for(&frames, "the whole list and a laid-out preview", |f| {
        f.rows == total && f.article.is_some_and(|(id, laid)| laid == Some(id))
    });
    let first = f.selected_id.unwrap();

    // The next headline: its article is loaded and laid out by the workers.
    keys.send(key('j')).unwrap();
    let f = wait_for(&frames, "the second article laid out", |f| {
        f.selected_id != Some(first)
            && f.article
                .is_some_and(|(id, laid)| Some(id) == f.selected_id && laid == Some(id))
    });
    let second = f.selected_id.unwrap();

    // A mark: the state at once, the file through the writer.
    let was_read = f.read_of_selected;
    keys.send(key('m')).unwrap();
    wait_for(&frames, "the mark in the state", |f| {
        f.read_of_selected != was_read
    });

    // A search typed key by key: each letter asks for a list; the one that stays is the last.
    keys.send(key('/')).unwrap();
    for c in "OpenAI".chars() {
        keys.send(key(c)).unwrap();
    }
    let f = wait_for(&frames, "the list for the whole search", |f| {
        f.search.as_deref() == Some("OpenAI") && f.rows > 0 && f.rows < total
    });
    let searched_generation = f.generation;
    keys.send(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )))
    .unwrap();
    keys.send(key('q')).unwrap();
    let state = rt.block_on(running).unwrap().unwrap();
    assert!(state.quit);
    assert_eq!(state.list_generation, searched_generation);

    let check = Store::open(&path).unwrap();
    let want = check
        .list_articles(&ArticleQuery {
            search: Some("OpenAI".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        state.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        want.iter().map(|r| r.id).collect::<Vec<_>>(),
        "the rows are the last search's"
    );
    // The writer saved the mark (it may still be on its way when the loop returns).
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let read = check.article(second).unwrap().unwrap().row.read;
        if read != was_read {
            break;
        }
        assert!(Instant::now() < deadline, "the mark never reached the file");
        std::thread::sleep(Duration::from_millis(20));
    }
}
