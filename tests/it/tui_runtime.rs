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
use akhbar::tui::action::{Effect, Msg, StoreJob};
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
    starred_of_selected: bool,
    status: Option<String>,
    /// (done, total) of the background re-index of entities.
    reindexing: Option<(usize, usize)>,
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
            starred_of_selected: selected.is_some_and(|r| r.starred),
            status: state.status.as_ref().map(|s| s.text.clone()),
            reindexing: state.reindexing.map(|p| (p.done, p.total)),
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
    fn resume(&mut self) -> std::io::Result<()> {
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

/// The reader as the binary runs it, over the database at `path`, with `writer` (a clone of it
/// stays with the test); the frames it draws come to the returned receiver.
struct Running {
    rt: tokio::runtime::Runtime,
    frames: mpsc::Receiver<Frame>,
    keys: tokio::sync::mpsc::UnboundedSender<Event>,
    /// Messages as a worker (or the signal thread) sends them.
    messages: tokio::sync::mpsc::UnboundedSender<Msg>,
    running: tokio::task::JoinHandle<anyhow::Result<State>>,
}

impl Running {
    fn start(path: &std::path::Path, reader: Store, writer: Writer) -> Running {
        Running::start_with(path, reader, writer, |_| {})
    }

    /// `start`, with the state made ready by `prepare` first.
    fn start_with(
        path: &std::path::Path,
        reader: Store,
        writer: Writer,
        prepare: impl FnOnce(&mut State),
    ) -> Running {
        let config = Config::defaults();
        let lib = Arc::new(Library {
            cli_db: Some(path.to_path_buf()),
            config: config.clone(),
            config_path: None,
            feeds_file: None,
            bidi: akhbar::text::BidiMode::App,
            shape: akhbar::text::ShapeMode::Off,
            terminal: akhbar::text::terminal::TerminalChoice::Auto,
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
        prepare(&mut state);
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
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let messages = tx.clone();
        let running = rt.spawn(async move {
            let services =
                Services::start(lib, reader, writer, recognizer, None, theme, tx).unwrap();
            let mut screen = MemoryScreen {
                term: Terminal::new(TestBackend::new(120, 40)).unwrap(),
                frames: frames_tx,
            };
            let events = Box::pin(futures_util::stream::unfold(key_rx, |mut rx| async {
                rx.recv().await.map(|e| (Ok(e), rx))
            }));
            event_loop(&mut screen, events, state, services, rx, initial, None).await
        });
        Running {
            rt,
            frames,
            keys,
            messages,
            running,
        }
    }

    /// The state the loop ended with.
    fn end(self) -> State {
        self.rt.block_on(self.running).unwrap().unwrap()
    }
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
    let Running {
        rt,
        frames,
        keys,
        running,
        ..
    } = Running::start(&path, reader, writer);

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
            // The reader's search also finds the articles naming OpenAI in Arabic.
            search_entity: Some("OpenAI".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        state.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        want.iter().map(|r| r.id).collect::<Vec<_>>(),
        "the rows are the last search's"
    );
    // Quitting waited for the mark.
    let read = check.article(second).unwrap().unwrap().row.read;
    assert_ne!(
        read, was_read,
        "the mark reached the file before the reader ended"
    );
    assert!(state.saves.not_saved(&state.l10n).is_empty());
}

/// Poll a writer's future once, so that its job is queued now.
fn queue<F: std::future::Future + ?Sized>(f: std::pin::Pin<&mut F>) {
    let waker = futures_util::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(f.poll(&mut cx).is_pending(), "the writer is busy");
}

fn fresh(copies: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("akhbar.db");
    drop(store_at(&path, copies));
    (dir, path)
}

#[test]
fn a_mark_goes_before_a_refreshs_queued_writes_and_quit_waits_for_it() {
    let (_dir, path) = fresh(1);
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let refresh = writer.clone();
    let r = Running::start(&path, Store::open_reader(&path).unwrap(), writer);
    let f = wait_for(&r.frames, "the list", |f| f.selected_id.is_some());
    let id = f.selected_id.unwrap();
    assert!(!f.starred_of_selected);

    // A refresh's transaction is running on the writer, and three more feeds wait behind it;
    // each tells whether the star is in the file when its turn comes.
    let (busy_tx, busy) = mpsc::channel();
    let (release, gate) = mpsc::channel::<()>();
    let running_feed = {
        let refresh = refresh.clone();
        std::thread::spawn(move || {
            refresh.run_blocking(move |_| {
                busy_tx.send(()).unwrap();
                let _ = gate.recv();
            })
        })
    };
    busy.recv().unwrap();
    let mut waiting: Vec<_> = (0..3)
        .map(|_| Box::pin(refresh.run(move |s| s.article(id).unwrap().unwrap().row.starred)))
        .collect();
    for feed in &mut waiting {
        queue(feed.as_mut());
    }

    r.keys.send(key('s')).unwrap();
    wait_for(&r.frames, "the star on screen", |f| f.starred_of_selected);
    r.keys.send(key('q')).unwrap();
    // The star waits behind the running transaction, and so does the end of the reader.
    std::thread::sleep(Duration::from_millis(300));
    assert!(!r.running.is_finished(), "quit did not wait for the star");
    release.send(()).unwrap();

    let state = r.end();
    assert!(state.quit);
    assert!(state.saves.not_saved(&state.l10n).is_empty());
    let stored = Store::open(&path).unwrap().article(id).unwrap().unwrap();
    assert!(stored.row.starred, "the star reached the file");
    running_feed.join().unwrap().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for feed in waiting {
        assert!(
            rt.block_on(feed).unwrap(),
            "a feed queued before the star was written before it"
        );
    }
}

#[test]
fn a_mark_the_database_refuses_goes_back_on_screen_with_the_reason() {
    let (_dir, path) = fresh(1);
    // A writer whose every change is refused, as on a read-only file.
    let writer = Writer::spawn(Store::open_reader(&path).unwrap()).unwrap();
    let r = Running::start(&path, Store::open_reader(&path).unwrap(), writer);
    wait_for(&r.frames, "the list", |f| f.selected_id.is_some());
    r.keys.send(key('s')).unwrap();
    wait_for(&r.frames, "the star on screen", |f| f.starred_of_selected);
    let f = wait_for(&r.frames, "the star taken back", |f| !f.starred_of_selected);
    let said = f.status.unwrap_or_default();
    assert!(
        said.starts_with("star not saved: ") && said.contains("readonly"),
        "{said}"
    );
    r.keys.send(key('q')).unwrap();
    let state = r.end();
    let report = state.saves.not_saved(&state.l10n);
    assert_eq!(report.len(), 1, "{report:?}");
    assert!(report[0].starts_with("starred: article "), "{report:?}");
}

#[test]
fn a_terminal_gone_with_a_mark_on_its_way_ends_after_saving_it_and_an_ending_signal_is_kept() {
    let (_dir, path) = fresh(1);
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let held = writer.clone();
    let r = Running::start(&path, Store::open_reader(&path).unwrap(), writer);
    let f = wait_for(&r.frames, "the list", |f| f.selected_id.is_some());
    let id = f.selected_id.unwrap();
    let (busy_tx, busy) = mpsc::channel();
    let (release, gate) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        held.run_blocking(move |_| {
            busy_tx.send(()).unwrap();
            let _ = gate.recv();
        })
    });
    busy.recv().unwrap();
    r.keys.send(key('m')).unwrap();
    wait_for(&r.frames, "the mark on screen", |f| f.read_of_selected);
    r.messages
        .send(Msg::Signal(akhbar::tui::action::Signal::HangUp))
        .unwrap();
    // The terminal is gone (no more events); the mark is still on its way.
    let Running {
        rt,
        frames,
        keys,
        running,
        ..
    } = r;
    drop(keys);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!running.is_finished(), "the end did not wait for the mark");
    while frames.try_recv().is_ok() {}
    release.send(()).unwrap();
    holder.join().unwrap().unwrap();
    let state = rt.block_on(running).unwrap().unwrap();
    assert!(
        frames.try_recv().is_err(),
        "nothing is drawn once the terminal is gone"
    );
    assert_eq!(state.exit_signal, Some(akhbar::tui::action::Signal::HangUp));
    assert!(state.terminal_lost && state.saves.not_saved(&state.l10n).is_empty());
    let stored = Store::open(&path).unwrap().article(id).unwrap().unwrap();
    assert!(stored.row.read);
}

/// Every feed failed: a `RefreshFinished` of one unreachable feed.
fn all_failed() -> Msg {
    Msg::RefreshFinished(vec![akhbar::refresh::FeedResult {
        feed: "http://127.0.0.1:9/feed.xml".into(),
        title: None,
        status: akhbar::refresh::FeedStatus::Error {
            error: "connection refused".into(),
        },
    }])
}

#[test]
fn offline_over_an_empty_database_the_demo_opens_in_a_database_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("akhbar.db");
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let r = Running::start(&path, Store::open_reader(&path).unwrap(), writer);
    r.messages.send(all_failed()).unwrap();
    let demo_articles = akhbar::demo::open_temporary(&Recognizer::load(None).unwrap())
        .unwrap()
        .articles;
    let f = wait_for(&r.frames, "the demo's headlines", |f| {
        f.rows == demo_articles && f.selected_id.is_some()
    });
    assert_eq!(
        f.status.as_deref(),
        Some("offline: showing the bundled demo feeds · r: try your feeds again")
    );
    // A mark in the demo goes to the demo's database.
    r.keys.send(key('s')).unwrap();
    wait_for(&r.frames, "the star on screen", |f| f.starred_of_selected);
    let user = Store::open(&path).unwrap();
    let nothing_in_the_users = || {
        assert_eq!(user.article_count().unwrap(), 0);
        assert_eq!(user.feeds().unwrap().len(), 0);
    };
    nothing_in_the_users();
    r.keys.send(key('q')).unwrap();
    let state = r.end();
    assert!(state.demo && state.saves.not_saved(&state.l10n).is_empty());
    nothing_in_the_users();
}

#[test]
fn offline_with_articles_stored_the_reader_keeps_them_and_says_what_failed() {
    let (_dir, path) = fresh(1);
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let r = Running::start(&path, Store::open_reader(&path).unwrap(), writer);
    // Sent at once: the state may not have seen the list yet; the runtime asks the database.
    r.messages.send(all_failed()).unwrap();
    let f = wait_for(&r.frames, "the user's articles and the error", |f| {
        f.rows == SAMPLES.len()
            && f.status
                .as_deref()
                .is_some_and(|s| s.contains("connection refused"))
    });
    assert!(f.selected_id.is_some());
    r.keys.send(key('q')).unwrap();
    let state = r.end();
    assert!(!state.demo, "no demo over the user's articles");
    let user = Store::open(&path).unwrap();
    assert_eq!(user.article_count().unwrap(), SAMPLES.len() as i64);
    assert!(
        user.feeds()
            .unwrap()
            .iter()
            .all(|f| !akhbar::demo::is_demo_url(&f.url))
    );
}

#[test]
fn stale_entities_are_re_indexed_on_a_thread_of_their_own_after_the_headlines_show() {
    // The samples' entities were stored by another "recognizer" (version "test").
    let (_dir, path) = fresh(3);
    let writer = Writer::spawn(Store::open(&path).unwrap()).unwrap();
    let r = Running::start_with(
        &path,
        Store::open_reader(&path).unwrap(),
        writer,
        akhbar::tui::update::reindex_after_the_list,
    );
    // The re-index is asked for only once the list is in: the frame that first shows the
    // headlines still says it is to come.
    let f = wait_for(&r.frames, "the headlines", |f| f.rows > 0);
    assert_eq!(f.rows, 3 * SAMPLES.len());
    assert!(f.reindexing.is_some(), "{f:?}");
    let f = wait_for(&r.frames, "the re-index done", |f| f.reindexing.is_none());
    let done = format!("updating entities: done ({} articles)", 3 * SAMPLES.len());
    assert_eq!(f.status.as_deref(), Some(done.as_str()));
    r.keys.send(key('q')).unwrap();
    let state = r.end();
    assert!(state.quit);

    let store = Store::open(&path).unwrap();
    let rec = Recognizer::load(None).unwrap();
    assert_eq!(store.meta("entities_version").unwrap(), Some(rec.version()));
    assert_eq!(store.count_stale_entities(&rec.version(), None).unwrap(), 0);
}
