//! The threaded runtime: the event loop, and the workers that carry out effects — a store
//! thread (its own read connection; changes through the writer), a layout thread, and tokio
//! tasks for refresh, full text and the browser.
//!
//! Workers never touch the state; they send `Msg`s. The loop drains every pending message,
//! updates, and draws only the newest state, and only when something changed.

use super::action::{Action, Effect, Failure, LayoutJob, Msg, StoreJob};
use super::jobs::inbox;
use super::runtime::{Connections, Layouts, StoreKind, run_store_job, save_bulk, save_mark};
use super::state::State;
use super::update::update;
use crate::entities::Recognizer;
use crate::library::Library;
use crate::refresh::Refresher;
use crate::store::{Store, Writer};
use crate::view::theme::Theme;
use crossterm::event::Event;
use futures_util::{Stream, StreamExt};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// What the loop needs of the terminal besides events: a place to draw, and the few effects
/// only a terminal can carry out. `terminal::Console` is the real one; tests use a screen in
/// memory.
pub trait Screen {
    fn draw(&mut self, state: &State) -> std::io::Result<()>;
    /// OSC 52 clipboard write.
    fn copy(&mut self, text: &str) -> std::io::Result<()>;
    /// true: the terminal must not reorder (akhbar does).
    fn set_bidi_explicit(&mut self, explicit: bool);
    /// Ctrl-Z or SIGTSTP: give the terminal back, stop, take it again.
    fn suspend(&mut self) -> std::io::Result<()>;
    /// SIGCONT: continued after a stop; take the terminal again if it is not ours.
    fn resume(&mut self) -> std::io::Result<()>;
    /// False once the panic hook gave the terminal back (a worker died).
    fn is_active(&self) -> bool;
}

/// Handles the runtime needs to carry out effects.
pub struct Services {
    lib: Arc<Library>,
    writer: Writer,
    /// None in --demo (no network).
    refresher: Option<Refresher>,
    tx: UnboundedSender<Msg>,
    store_jobs: Sender<StoreJob>,
    layout_jobs: Sender<LayoutJob>,
    /// A search's entity for the bulk marks (the list's store thread has its own).
    recognizer: Arc<Recognizer>,
    /// The offline fallback's temporary database, once open (removed when the reader ends).
    demo: Option<tempfile::TempDir>,
    /// The background re-index of entities, once started.
    reindexer: Option<Reindexer>,
}

/// The thread re-indexing entities on a connection of its own (the reader's queries and the
/// writer go on meanwhile: WAL, short transactions). When the reader ends it is asked to stop
/// and waited for: it stops at the next article, before writing the batch in hand, so the
/// wait is one article's recognition or one batch's commit. What it committed stays; the rest
/// is still stale and the next start goes on with it.
struct Reindexer {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Reindexer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The store thread: queries on `reader`, changes through `writer`; it ends with its inbox.
fn store_thread(
    reader: Store,
    writer: Writer,
    rec: Arc<Recognizer>,
    tx: UnboundedSender<Msg>,
) -> std::io::Result<Sender<StoreJob>> {
    let (store_jobs, mut store_inbox) = inbox::<StoreJob>();
    let mut db = Connections { reader, writer };
    let names = |_: &str| None;
    std::thread::Builder::new()
        .name("akhbar-store".into())
        .spawn(move || {
            while let Ok(job) = store_inbox.wait() {
                if tx.is_closed() {
                    return;
                }
                run_store_job(
                    &mut db,
                    &rec,
                    &names,
                    job,
                    &mut || store_inbox.superseded(&StoreKind::List),
                    &mut |m| {
                        let _ = tx.send(m);
                    },
                );
            }
        })?;
    Ok(store_jobs)
}

impl Services {
    /// Start the store and layout threads: `reader` is the store thread's own connection,
    /// every change goes through `writer`.
    pub fn start(
        lib: Arc<Library>,
        reader: Store,
        writer: Writer,
        recognizer: Arc<Recognizer>,
        refresher: Option<Refresher>,
        theme: Theme,
        tx: UnboundedSender<Msg>,
    ) -> std::io::Result<Services> {
        let store_jobs = store_thread(reader, writer.clone(), Arc::clone(&recognizer), tx.clone())?;
        let (layout_jobs, mut layout_inbox) = inbox::<LayoutJob>();
        {
            let (rec, tx) = (Arc::clone(&recognizer), tx.clone());
            let l10n = Arc::clone(&lib.l10n);
            std::thread::Builder::new()
                .name("akhbar-layout".into())
                .spawn(move || {
                    let mut layouts = Layouts::new(theme, l10n);
                    let names = move |c: &str| rec.arabic_name(c);
                    while let Ok(job) = layout_inbox.wait() {
                        if tx.send(layouts.layout(job, &names)).is_err() {
                            return;
                        }
                    }
                })?;
        }
        Ok(Services {
            recognizer,
            lib,
            writer,
            refresher,
            tx,
            store_jobs,
            layout_jobs,
            demo: None,
            reindexer: None,
        })
    }

    /// The offline fallback: when the user's database is still empty, every job from now on
    /// goes to the bundled demo feeds in a temporary database — the one `--demo` opens — and
    /// the user's is never written to. Answered by `Msg::DemoLoaded` (nothing when the user's
    /// database has articles after all: they stay on screen). Done in the loop, which waits
    /// the moment fifteen articles take to store: no job may reach the old database after.
    fn open_demo(&mut self) {
        // Asked of the writer, not of the list the state has seen: that may be older.
        let stored = self.writer.run_blocking(|s| s.article_count());
        match stored {
            Ok(Ok(0)) => {}
            Ok(Ok(_)) => return,
            Ok(Err(e)) => return self.demo_loaded(Err(e.to_string())),
            Err(e) => return self.demo_loaded(Err(e.to_string())),
        }
        let switched = self.switch_to_demo();
        self.demo_loaded(switched);
    }

    fn switch_to_demo(&mut self) -> Result<usize, String> {
        let demo = crate::demo::open_temporary(&self.recognizer).map_err(|e| format!("{e:#}"))?;
        if demo.articles == 0 {
            return Ok(0);
        }
        let reader = Store::open_reader(&demo.path).map_err(|e| e.to_string())?;
        let writer = Writer::spawn(demo.store).map_err(|e| e.to_string())?;
        let store_jobs = store_thread(
            reader,
            writer.clone(),
            Arc::clone(&self.recognizer),
            self.tx.clone(),
        )
        .map_err(|e| e.to_string())?;
        // The old store thread ends with its inbox; its answers are for an older list.
        self.store_jobs = store_jobs;
        self.writer = writer;
        // The refresher stays on the user's database: `r` tries the user's feeds again, and
        // when one answers the reader goes back to them (`leave_demo`).
        self.demo = Some(demo.dir);
        Ok(demo.articles)
    }

    /// A refresh reached the user's feeds while the offline demo showed: every job goes to
    /// the user's database again (a new read connection, the refresher's writer), and the
    /// demo's temporary database is removed. Answered by `Msg::DemoLeft`.
    fn leave_demo(&mut self) {
        let Some(refresher) = &self.refresher else {
            return;
        };
        if self.demo.is_none() {
            return;
        }
        let writer = refresher.writer.clone();
        let switched = Store::open_reader(&self.lib.db_path())
            .map_err(|e| e.to_string())
            .and_then(|reader| {
                store_thread(
                    reader,
                    writer.clone(),
                    Arc::clone(&self.recognizer),
                    self.tx.clone(),
                )
                .map_err(|e| e.to_string())
            });
        if let Ok(store_jobs) = &switched {
            self.store_jobs = store_jobs.clone();
            self.writer = writer;
            self.demo = None;
        }
        let _ = self.tx.send(Msg::DemoLeft(switched.map(|_| ())));
    }

    /// `a` in the reader: subscribe as `akhbar add` does (discovery, check, first fetch), on
    /// a tokio task; answered by `Msg::FeedAdded`.
    fn add_feed(&self, url: String, tags: Vec<String>) {
        // None in --demo, where update() asks for no feed.
        let Some(refresher) = self.refresher.clone() else {
            return;
        };
        let tx = self.tx.clone();
        tokio::spawn(async move {
            let request = crate::library::subscribe::Subscription {
                url,
                title: None,
                tags,
            };
            let result = crate::library::subscribe::subscribe(&refresher, request).await;
            let _ = tx.send(Msg::FeedAdded(result));
        });
    }

    /// Re-index the user's stored entities recognised with another version, on a thread and a
    /// connection of its own: `Msg::Reindexing` after each batch, then `Msg::Reindexed`
    /// (nothing when stopped because the reader ended).
    fn reindex(&mut self) {
        if self.reindexer.is_some() {
            return;
        }
        let path = self.lib.db_path();
        let (rec, tx) = (Arc::clone(&self.recognizer), self.tx.clone());
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("akhbar-reindex".into())
            .spawn(move || {
                let stop = || asked.load(Ordering::Relaxed) || tx.is_closed();
                let mut progress = |p| {
                    let _ = tx.send(Msg::Reindexing(p));
                };
                let result =
                    Store::open(&path)
                        .map_err(anyhow::Error::from)
                        .and_then(|mut store| {
                            crate::library::index::bring_entities_current(
                                &mut store,
                                &rec,
                                &mut progress,
                                Some(&stop),
                            )
                        });
                let ended = match result {
                    Ok(Some(n)) => Ok(n),
                    Ok(None) => return,
                    Err(e) => Err(format!("{e:#}")),
                };
                let _ = tx.send(Msg::Reindexed(ended));
            });
        match spawned {
            Ok(thread) => {
                self.reindexer = Some(Reindexer {
                    stop,
                    thread: Some(thread),
                })
            }
            Err(e) => {
                let _ = self.tx.send(Msg::Reindexed(Err(e.to_string())));
            }
        }
    }

    fn demo_loaded(&self, result: Result<usize, String>) {
        let _ = self.tx.send(Msg::DemoLoaded(result));
    }

    /// Carry out one effect; the ones only the terminal can do come back.
    pub(crate) fn execute(&mut self, effect: Effect) -> Option<Effect> {
        match effect {
            // The workers stop only when we do: sending cannot fail before.
            Effect::Store(job) => {
                let _ = self.store_jobs.send(job);
            }
            Effect::Layout(job) => {
                let _ = self.layout_jobs.send(job);
            }
            Effect::Save(mark) => {
                let (writer, tx) = (self.writer.clone(), self.tx.clone());
                tokio::spawn(async move {
                    let answer = writer
                        .run_first(move |s| save_mark(s, mark))
                        .await
                        .unwrap_or_else(|e| Msg::Saved {
                            mark,
                            result: Err(e.to_string()),
                        });
                    let _ = tx.send(answer);
                });
            }
            Effect::SaveBulk(bulk) => {
                let (writer, tx) = (self.writer.clone(), self.tx.clone());
                let rec = Arc::clone(&self.recognizer);
                tokio::spawn(async move {
                    let asked = bulk.clone();
                    let answer = writer
                        .run_first(move |s| save_bulk(s, &rec, bulk))
                        .await
                        .unwrap_or_else(|e| Msg::BulkSaved {
                            bulk: asked,
                            result: Err(e.to_string()),
                        });
                    let _ = tx.send(answer);
                });
            }
            Effect::OpenDemo => self.open_demo(),
            Effect::Reindex => self.reindex(),
            Effect::LeaveDemo => self.leave_demo(),
            Effect::AddFeed { url, tags } => self.add_feed(url, tags),
            Effect::WatchSaves => self.watch_saves(),
            Effect::Refresh(feed) => self.refresh(feed),
            Effect::FullText(id) => self.full_text(id),
            Effect::OpenLink(link) => {
                // The address is one argument of each command: no shell ever sees it.
                // update() already refused anything but http(s).
                let tx = self.tx.clone();
                let lib = Arc::clone(&self.lib);
                tokio::task::spawn_blocking(move || {
                    let env = std::env::var("BROWSER").ok();
                    let opened = super::browser::open_link(
                        &link,
                        &lib.config.ui.browser,
                        env.as_deref(),
                        |l| open::that_detached(l),
                    );
                    if let Err(failures) = opened {
                        let reasons = failures.join("; ");
                        let _ = tx.send(Msg::Failed(Failure::Browser, reasons));
                    }
                });
            }
            terminal @ (Effect::Copy(_)
            | Effect::TerminalBidiExplicit(_)
            | Effect::Suspend
            | Effect::Resume
            | Effect::Quit) => return Some(terminal),
        }
        None
    }

    /// Quitting waits for marks: after a moment, say every second who holds the database.
    fn watch_saves(&self) {
        let (writer, tx) = (self.writer.clone(), self.tx.clone());
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            loop {
                let probe = writer.clone();
                let holder = tokio::task::spawn_blocking(move || probe.lock_holder())
                    .await
                    .ok()
                    .flatten()
                    .map(|h| h.to_string());
                if tx.send(Msg::StillSaving { holder }).is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    fn full_text(&self, id: i64) {
        // None in --demo, where update() asks for no page.
        let Some(refresher) = self.refresher.clone() else {
            return;
        };
        let tx = self.tx.clone();
        tokio::spawn(async move {
            let result = crate::fulltext::fetch_full(
                &refresher.fetcher,
                &refresher.writer,
                &refresher.recognizer,
                id,
            )
            .await
            .map(|_| ())
            .map_err(|e| format!("{e:#}"));
            let _ = tx.send(Msg::FullText { id, result });
        });
    }

    fn refresh(&self, only: Option<String>) {
        // None in --demo, where update() asks for no refresh.
        let Some(refresher) = self.refresher.clone() else {
            return;
        };
        // The refresher's writer: the user's database, even while the offline demo shows.
        let writer = refresher.writer.clone();
        let (lib, tx) = (Arc::clone(&self.lib), self.tx.clone());
        let retention = lib.retention();
        tokio::spawn(async move {
            let feeds = writer
                .run(move |s| lib.feeds_for_run(s).map_err(|e| e.to_string()))
                .await
                .map_err(|e| e.to_string())
                .and_then(|r| r);
            let feeds = match feeds {
                Ok(rows) => match only {
                    Some(url) => rows.into_iter().filter(|f| f.url == url).collect(),
                    None => rows,
                },
                Err(e) => {
                    let _ = tx.send(Msg::Failed(Failure::Refresh, e));
                    return;
                }
            };
            let _ = tx.send(Msg::RefreshStarted { total: feeds.len() });
            let progress = tx.clone();
            let results = refresher
                .refresh(feeds, move |r| {
                    let _ = progress.send(Msg::FeedDone(r.clone()));
                })
                .await;
            if retention.is_set() {
                // [store] bounds apply after every refresh, as after `akhbar fetch` (the space
                // comes back with `akhbar cleanup`, not while the reader runs).
                let cleaned = writer
                    .run(move |s| s.cleanup(retention, chrono::Utc::now()))
                    .await;
                match cleaned {
                    Ok(Ok(stats)) => tracing::info!("retention removed {} articles", stats.removed),
                    Ok(Err(e)) => tracing::warn!("retention after the refresh: {e}"),
                    Err(e) => tracing::warn!("retention after the refresh: {e}"),
                }
            }
            let _ = tx.send(Msg::RefreshFinished(results));
        });
    }
}

/// Map a terminal event to a message.
fn from_event(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Run until quit and give back the last state. `events` are the terminal's; `initial` the
/// effects to start with (first list, refresh on start). Quitting (a key, a signal, the terminal
/// gone) waits for the marks on their way; the state tells what ended it and what was not saved.
pub async fn event_loop(
    screen: &mut impl Screen,
    mut events: impl Stream<Item = std::io::Result<Event>> + Unpin,
    mut state: State,
    mut services: Services,
    mut rx: UnboundedReceiver<Msg>,
    initial: Vec<Effect>,
    refresh_every: Option<Duration>,
) -> anyhow::Result<State> {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut refresh_timer = refresh_every.map(|d| {
        let mut i = tokio::time::interval_at(tokio::time::Instant::now() + d, d);
        i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        i
    });
    for e in initial {
        if let Some(e) = services.execute(e)
            && !outside(e, screen, &services.tx)
        {
            return Ok(state);
        }
    }
    loop {
        if state.dirty && !state.terminal_lost {
            state.dirty = false;
            if let Err(e) = screen.draw(&state) {
                let _ = services.tx.send(Msg::TerminalLost(Some(e.to_string())));
            }
            // Debug builds only: a way for the test suite to prove that a panic in the
            // middle of a session gives the terminal back.
            #[cfg(debug_assertions)]
            if std::env::var_os("AKHBAR_TEST_PANIC").is_some() {
                panic!("AKHBAR_TEST_PANIC: a panic after the first frame");
            }
        }
        let reading = !state.terminal_lost;
        let first = tokio::select! {
            ev = events.next(), if reading => match ev {
                Some(Ok(ev)) => match from_event(ev) { Some(m) => m, None => continue },
                Some(Err(e)) => Msg::TerminalLost(Some(e.to_string())),
                None => Msg::TerminalLost(None),
            },
            Some(m) = rx.recv() => m,
            _ = tick.tick() => Msg::Tick(chrono::Utc::now()),
            // Not in --demo; over the offline fallback's demo it tries the user's feeds again.
            _ = async {
                match &mut refresh_timer { Some(t) => { t.tick().await; } None => std::future::pending::<()>().await }
            }, if services.refresher.is_some() => Msg::Action(Action::RefreshAll),
        };
        // Everything already waiting is applied before the next frame: only the newest state
        // is drawn.
        let mut pending = vec![first];
        pending.extend(std::iter::from_fn(|| rx.try_recv().ok()));
        for msg in pending {
            for effect in update(&mut state, msg) {
                if let Some(e) = services.execute(effect)
                    && !outside(e, screen, &services.tx)
                {
                    return Ok(state);
                }
            }
        }
        if state.quit {
            return Ok(state);
        }
        if !screen.is_active() && !state.terminal_lost {
            // The panic hook gave the terminal back: a worker died; drawing on would garble it.
            let crashed = crate::i18n::tr!(state.l10n, "status-worker-crashed");
            let _ = services.tx.send(Msg::TerminalLost(Some(crashed)));
        }
    }
}

/// An effect on the terminal; false: quit.
fn outside(effect: Effect, screen: &mut impl Screen, tx: &UnboundedSender<Msg>) -> bool {
    match effect {
        Effect::Copy(text) => {
            if let Err(e) = screen.copy(&text) {
                let _ = tx.send(Msg::Failed(Failure::Copy, e.to_string()));
            }
        }
        Effect::TerminalBidiExplicit(on) => screen.set_bidi_explicit(on),
        Effect::Suspend => {
            if let Err(e) = screen.suspend() {
                let _ = tx.send(Msg::Failed(Failure::Terminal, e.to_string()));
            }
            let _ = tx.send(Msg::Resumed);
        }
        Effect::Resume => {
            if let Err(e) = screen.resume() {
                let _ = tx.send(Msg::Failed(Failure::Terminal, e.to_string()));
            }
            let _ = tx.send(Msg::Resumed);
        }
        Effect::Quit => return false,
        _ => {}
    }
    true
}
