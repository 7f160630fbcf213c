//! The runtime: the tokio event loop, the workers (store, layout, refresh), and effects.
//!
//! Workers never touch the state; they send `Msg`s. The loop drains every pending message,
//! updates, and draws only the newest state, and only when something changed.

use super::action::{ArticleLayout, Company, Effect, LayoutKey, Msg};
use super::state::State;
use super::terminal::{self, Term};
use super::update::update;
use crate::entities::Recognizer;
use crate::library::Library;
use crate::refresh::Refresher;
use crate::store::{Article, ArticleQuery, Field, Store};
use crate::view::theme::Theme;
use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use std::collections::VecDeque;
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// Headlines loaded at most (the newest first); filters narrow further in the database.
pub const LIST_LIMIT: usize = 50_000;
/// Headlines in the first answer, so the first frame does not wait for a long list.
pub const FIRST_PAGE: usize = 300;
/// Articles whose per-article layout is kept.
const LAYOUT_CACHE: usize = 16;

/// Requests for the store thread (one connection, requests in order).
#[derive(Debug)]
pub enum StoreJob {
    List {
        generation: u64,
        query: ArticleQuery,
    },
    Article(i64),
    TitleSpans(Vec<i64>),
    Companies,
    Resolve(String),
    SetRead {
        id: i64,
        read: bool,
    },
    SetStarred {
        id: i64,
        starred: bool,
    },
    Demo,
}

/// Handles the runtime needs to carry out effects.
pub struct Services {
    pub lib: Arc<Library>,
    pub store: Arc<Mutex<Store>>,
    pub recognizer: Arc<Recognizer>,
    /// None in --demo (no network).
    pub refresher: Option<Refresher>,
    pub tx: UnboundedSender<Msg>,
    store_tx: std_mpsc::Sender<StoreJob>,
    layout_tx: std_mpsc::Sender<LayoutJob>,
}

impl Services {
    pub fn start(
        lib: Arc<Library>,
        store: Arc<Mutex<Store>>,
        recognizer: Arc<Recognizer>,
        refresher: Option<Refresher>,
        theme: Theme,
        tx: UnboundedSender<Msg>,
    ) -> Services {
        let (store_tx, store_rx) = std_mpsc::channel();
        {
            let (store, rec, tx) = (Arc::clone(&store), Arc::clone(&recognizer), tx.clone());
            std::thread::spawn(move || store_worker(&store, &rec, store_rx, &tx));
        }
        let (layout_tx, layout_rx) = std_mpsc::channel();
        {
            let (rec, tx) = (Arc::clone(&recognizer), tx.clone());
            std::thread::spawn(move || layout_worker(&theme, &rec, layout_rx, &tx));
        }
        Services {
            lib,
            store,
            recognizer,
            refresher,
            tx,
            store_tx,
            layout_tx,
        }
    }

    fn job(&self, job: StoreJob) {
        // The worker only stops when we do.
        let _ = self.store_tx.send(job);
    }

    /// Carry out one effect; returns false when the reader should stop.
    fn execute(&self, effect: Effect, term: &mut Term) -> bool {
        match effect {
            Effect::LoadList { generation, query } => {
                self.job(StoreJob::List { generation, query })
            }
            Effect::LoadArticle(id) => self.job(StoreJob::Article(id)),
            Effect::LoadTitleSpans(ids) => self.job(StoreJob::TitleSpans(ids)),
            Effect::LoadCompanies => self.job(StoreJob::Companies),
            Effect::ResolveCompany(q) => self.job(StoreJob::Resolve(q)),
            Effect::SetRead { id, read } => self.job(StoreJob::SetRead { id, read }),
            Effect::SetStarred { id, starred } => self.job(StoreJob::SetStarred { id, starred }),
            Effect::LoadDemo => self.job(StoreJob::Demo),
            Effect::Layout {
                key,
                article,
                search,
            } => {
                let _ = self.layout_tx.send(LayoutJob {
                    key,
                    article,
                    search,
                });
            }
            Effect::Refresh(feed) => self.refresh(feed),
            Effect::FullText(id) => {
                let Some(refresher) = self.refresher.clone() else {
                    let _ = self
                        .tx
                        .send(Msg::Info("demo: no network, no full articles".into()));
                    return true;
                };
                let tx = self.tx.clone();
                tokio::spawn(async move {
                    let result = crate::fulltext::fetch_full(
                        &refresher.fetcher,
                        &refresher.store,
                        &refresher.recognizer,
                        id,
                    )
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("{e:#}"));
                    let _ = tx.send(Msg::FullText { id, result });
                });
            }
            Effect::OpenLink(link) => {
                // `open` starts the desktop's opener directly with the URL as one argument:
                // no shell ever sees it. update() already refused anything but http(s).
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    if let Err(e) = open::that_detached(&link) {
                        let _ = tx.send(Msg::Error(format!("cannot open the browser: {e}")));
                    }
                });
            }
            Effect::Copy(text) => {
                if let Err(e) = terminal::copy_osc52(&text) {
                    let _ = self.tx.send(Msg::Error(format!("copy: {e}")));
                }
            }
            Effect::TerminalBidiExplicit(on) => terminal::set_bidi_explicit(on),
            Effect::Suspend => {
                if let Err(e) = terminal::suspend(term) {
                    let _ = self.tx.send(Msg::Error(format!("terminal: {e}")));
                }
                let _ = self.tx.send(Msg::Resumed);
            }
            Effect::Quit => return false,
        }
        true
    }

    fn refresh(&self, only: Option<String>) {
        let Some(refresher) = self.refresher.clone() else {
            let _ = self
                .tx
                .send(Msg::Info("demo: no network, nothing to refresh".into()));
            return;
        };
        let (lib, tx) = (Arc::clone(&self.lib), self.tx.clone());
        tokio::spawn(async move {
            let store = Arc::clone(&refresher.store);
            let feeds = tokio::task::spawn_blocking(move || {
                let mut s = store
                    .lock()
                    .map_err(|_| "store lock poisoned".to_string())?;
                let rows = lib.feeds_for_run(&mut s).map_err(|e| e.to_string())?;
                Ok::<_, String>(match only {
                    Some(url) => rows.into_iter().filter(|f| f.url == url).collect(),
                    None => rows,
                })
            })
            .await;
            let feeds = match feeds {
                Ok(Ok(f)) => f,
                Ok(Err(e)) => {
                    let _ = tx.send(Msg::Error(format!("refresh: {e}")));
                    return;
                }
                Err(e) => {
                    let _ = tx.send(Msg::Error(format!("refresh: {e}")));
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
            let _ = tx.send(Msg::RefreshFinished(results));
        });
    }
}

/// The store thread: runs jobs in order, skipping lists and articles already superseded.
fn store_worker(
    store: &Mutex<Store>,
    rec: &Recognizer,
    rx: std_mpsc::Receiver<StoreJob>,
    tx: &UnboundedSender<Msg>,
) {
    let run = |job: StoreJob| match store.lock() {
        Ok(mut s) => run_job(&mut s, rec, job),
        Err(_) => Some(Msg::Error("internal error: store lock poisoned".into())),
    };
    let mut backlog: Vec<StoreJob> = Vec::new();
    loop {
        let mut jobs = std::mem::take(&mut backlog);
        if jobs.is_empty() {
            match rx.recv() {
                Ok(j) => jobs.push(j),
                Err(_) => return,
            }
        }
        jobs.extend(rx.try_iter());
        let last_list = jobs
            .iter()
            .rposition(|j| matches!(j, StoreJob::List { .. }));
        let last_article = jobs.iter().rposition(|j| matches!(j, StoreJob::Article(_)));
        for (i, job) in jobs.into_iter().enumerate() {
            let msg = match job {
                StoreJob::List { .. } if Some(i) != last_list => continue,
                StoreJob::Article(_) if Some(i) != last_article => continue,
                StoreJob::List {
                    generation,
                    mut query,
                } if query.limit.is_none() => {
                    // A first screenful at once, then the whole list (unless a newer list
                    // is already asked for).
                    query.limit = Some(FIRST_PAGE);
                    let first = run(StoreJob::List {
                        generation,
                        query: query.clone(),
                    });
                    let full_page = matches!(&first, Some(Msg::ListLoaded { rows, .. }) if rows.len() == FIRST_PAGE);
                    if let Some(m) = first
                        && tx.send(m).is_err()
                    {
                        return;
                    }
                    backlog.extend(rx.try_iter());
                    let newer = backlog.iter().any(|j| matches!(j, StoreJob::List { .. }));
                    if !full_page || newer {
                        continue;
                    }
                    query.limit = Some(LIST_LIMIT);
                    run(StoreJob::List { generation, query })
                }
                job => run(job),
            };
            if let Some(m) = msg
                && tx.send(m).is_err()
            {
                return;
            }
        }
    }
}

/// One store request; the answer as a message (None: nothing to say).
pub fn run_job(store: &mut Store, rec: &Recognizer, job: StoreJob) -> Option<Msg> {
    let fail = |what: &str, e: &dyn std::fmt::Display| Some(Msg::Error(format!("{what}: {e}")));
    match job {
        StoreJob::List {
            generation,
            mut query,
        } => {
            query.limit = Some(query.limit.unwrap_or(LIST_LIMIT).min(LIST_LIMIT));
            let rows = match store.list_articles(&query) {
                Ok(r) => r,
                Err(e) => return fail("list", &e),
            };
            let total = store.article_count().unwrap_or(rows.len() as i64);
            Some(Msg::ListLoaded {
                generation,
                rows,
                total,
            })
        }
        StoreJob::Article(id) => match store.article(id) {
            Ok(Some(a)) => Some(Msg::ArticleLoaded(Arc::new(a))),
            Ok(None) => None,
            Err(e) => fail("article", &e),
        },
        StoreJob::TitleSpans(ids) => {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                match store.spans(id) {
                    Ok(spans) => out.push((
                        id,
                        spans
                            .into_iter()
                            .filter(|s| s.field == Field::Title)
                            .collect(),
                    )),
                    Err(e) => return fail("entities", &e),
                }
            }
            Some(Msg::TitleSpans(out))
        }
        StoreJob::Companies => match store.companies() {
            Ok(list) => Some(Msg::Companies(
                list.into_iter()
                    .map(|(canonical, count)| Company {
                        arabic: rec.arabic_name(&canonical),
                        canonical,
                        count,
                    })
                    .collect(),
            )),
            Err(e) => fail("companies", &e),
        },
        StoreJob::Resolve(query) => Some(Msg::Resolved {
            canonical: rec.resolve(&query),
            query,
        }),
        StoreJob::SetRead { id, read } => store
            .set_read(id, read)
            .err()
            .and_then(|e| fail("save", &e)),
        StoreJob::SetStarred { id, starred } => store
            .set_starred(id, starred)
            .err()
            .and_then(|e| fail("save", &e)),
        // Checked here, not in update: the list the state has seen may be older than the store.
        StoreJob::Demo => match store.article_count() {
            Ok(0) => Some(Msg::DemoLoaded(
                crate::demo::load_into(store, rec).map_err(|e| format!("{e:#}")),
            )),
            Ok(_) => None,
            Err(e) => fail("demo feeds", &e),
        },
    }
}

/// What a per-article preparation depends on (the width comes later).
type PrepKey = (i64, crate::text::LayoutOptions, Option<usize>, u64);

/// A layout request for the layout thread.
pub struct LayoutJob {
    key: LayoutKey,
    article: Arc<Article>,
    search: Option<String>,
}

/// The layout thread: per-article preparation cached (LRU), per-width wrapping cached inside;
/// only the newest request is served.
fn layout_worker(
    theme: &Theme,
    rec: &Recognizer,
    rx: std_mpsc::Receiver<LayoutJob>,
    tx: &UnboundedSender<Msg>,
) {
    let mut cache: VecDeque<(PrepKey, crate::view::article::PreparedArticle)> = VecDeque::new();
    let names = |c: &str| rec.arabic_name(c);
    while let Ok(mut req) = rx.recv() {
        if let Some(newest) = rx.try_iter().last() {
            req = newest;
        }
        let LayoutJob {
            key,
            article,
            search,
        } = req;
        let ck = (key.id, key.opts, key.focus, key.search);
        let pos = cache.iter().position(|(k, _)| *k == ck);
        let mut entry = match pos.and_then(|p| cache.remove(p)) {
            Some(e) => e,
            None => (
                ck,
                crate::view::article::prepare(
                    &article,
                    theme,
                    &key.opts,
                    key.focus,
                    search.as_deref(),
                    &names,
                ),
            ),
        };
        let (lines, focus_line) = entry.1.lines(key.width);
        let match_lines = entry.1.match_lines(&lines);
        cache.push_front(entry);
        cache.truncate(LAYOUT_CACHE);
        let msg = Msg::Layout(ArticleLayout {
            key,
            lines: Arc::new(lines),
            focus_line,
            match_lines,
        });
        if tx.send(msg).is_err() {
            return;
        }
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

/// Run until quit. `initial` are the effects to start with (first list, refresh on start).
pub async fn event_loop(
    term: &mut Term,
    mut state: State,
    services: Services,
    mut rx: UnboundedReceiver<Msg>,
    initial: Vec<Effect>,
    refresh_every: Option<Duration>,
) -> anyhow::Result<()> {
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut refresh_timer = refresh_every.map(|d| {
        let mut i = tokio::time::interval_at(tokio::time::Instant::now() + d, d);
        i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        i
    });
    for e in initial {
        services.execute(e, term);
    }
    loop {
        if state.dirty {
            term.draw(|f| crate::tui::ui::draw(f, &state))?;
            state.dirty = false;
            // Debug builds only: a way for the test suite to prove that a panic in the
            // middle of a session gives the terminal back.
            #[cfg(debug_assertions)]
            if std::env::var_os("AKHBAR_TEST_PANIC").is_some() {
                panic!("AKHBAR_TEST_PANIC: a panic after the first frame");
            }
        }
        let first = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => match from_event(ev) { Some(m) => m, None => continue },
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(()),
            },
            Some(m) = rx.recv() => m,
            _ = tick.tick() => Msg::Tick(chrono::Utc::now()),
            _ = async {
                match &mut refresh_timer { Some(t) => { t.tick().await; } None => std::future::pending::<()>().await }
            } => Msg::Action(super::action::Action::RefreshAll),
        };
        // Everything already waiting is applied before the next frame: only the newest state
        // is drawn.
        let mut pending = vec![first];
        pending.extend(std::iter::from_fn(|| rx.try_recv().ok()));
        for msg in pending {
            for effect in update(&mut state, msg) {
                if !services.execute(effect, term) {
                    return Ok(());
                }
            }
        }
        if state.quit {
            return Ok(());
        }
        if !terminal::is_active() {
            // The panic hook gave the terminal back: a worker died; drawing on would garble it.
            anyhow::bail!("internal error: a background task crashed (see the log)");
        }
    }
}
