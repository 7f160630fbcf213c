//! A synchronous runtime: runs `update` and carries out the store and layout effects in place
//! until nothing is left — the same inboxes, jobs and layouts as the threaded runtime (see
//! `runtime`), without threads or a terminal. For tests, benchmarks and scripted screens.

use super::action::{Effect, LayoutJob, Msg, StoreJob};
use super::jobs::{Latest, inbox};
use super::runtime::{Layouts, NameFn, StoreKind, run_store_job, save_bulk, save_mark};
use super::state::State;
use super::update::update;
use crate::entities::Recognizer;
use crate::store::Store;
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub struct SyncRuntime {
    /// One connection for reading and writing.
    pub store: Store,
    pub recognizer: Arc<Recognizer>,
    /// Arabic display names of companies: in layouts, and in the picker where the recognizer
    /// has none (none by default).
    pub names: Box<NameFn>,
    /// Effects that reach outside (refresh, open, copy, terminal, quit), in order.
    pub outside: Vec<Effect>,
    store_jobs: (Sender<StoreJob>, Latest<StoreJob>),
    layout_jobs: (Sender<LayoutJob>, Latest<LayoutJob>),
    layouts: Option<Layouts>,
    /// Answers of effects carried out in place (saves), applied next.
    answers: VecDeque<Msg>,
}

impl SyncRuntime {
    pub fn new(store: Store, recognizer: Recognizer) -> SyncRuntime {
        SyncRuntime {
            store,
            recognizer: Arc::new(recognizer),
            names: Box::new(|_| None),
            outside: Vec::new(),
            store_jobs: inbox(),
            layout_jobs: inbox(),
            layouts: None,
            answers: VecDeque::new(),
        }
    }

    /// Apply `msg` and everything it leads to.
    pub fn send(&mut self, state: &mut State, msg: Msg) {
        self.run(state, VecDeque::from([msg]));
    }

    /// The first list, as the reader starts.
    pub fn start(&mut self, state: &mut State) {
        state.list_generation += 1;
        self.route(Effect::Store(StoreJob::List {
            generation: state.list_generation,
            query: state.filters.query(),
        }));
        self.run(state, VecDeque::new());
    }

    /// Until nothing is left: the messages first, then the waiting store jobs one at a time
    /// (each answer applied before the next job), then the newest layout.
    fn run(&mut self, state: &mut State, mut messages: VecDeque<Msg>) {
        loop {
            while let Some(m) = messages.pop_front().or_else(|| self.answers.pop_front()) {
                for effect in update(state, m) {
                    self.route(effect);
                }
            }
            let (_, store_inbox) = &mut self.store_jobs;
            if let Some(job) = store_inbox.try_next() {
                run_store_job(
                    &mut self.store,
                    &self.recognizer,
                    &*self.names,
                    job,
                    &mut || store_inbox.superseded(&StoreKind::List),
                    &mut |m| messages.push_back(m),
                );
                continue;
            }
            if let Some(job) = self.layout_jobs.1.try_next() {
                let layouts = self
                    .layouts
                    .get_or_insert_with(|| Layouts::new(state.theme.clone(), state.l10n.clone()));
                messages.push_back(layouts.layout(job, &*self.names));
                continue;
            }
            break;
        }
    }

    fn route(&mut self, effect: Effect) {
        // The inboxes live as long as the runtime: sending cannot fail.
        match effect {
            // Saved in place; the answer waits with the other messages.
            Effect::Save(mark) => self.answers.push_back(save_mark(&mut self.store, mark)),
            Effect::SaveBulk(bulk) => {
                let answer = save_bulk(&mut self.store, &self.recognizer, bulk);
                self.answers.push_back(answer);
            }
            Effect::Store(job) => {
                let _ = self.store_jobs.0.send(job);
            }
            Effect::Layout(job) => {
                let _ = self.layout_jobs.0.send(job);
            }
            // In place, to the end: every step's answer waits with the other messages.
            Effect::Reindex => {
                let mut heard = Vec::new();
                let ended = crate::library::index::bring_entities_current(
                    &mut self.store,
                    &self.recognizer,
                    &mut |p| heard.push(Msg::Reindexing(p)),
                    None,
                );
                self.answers.extend(heard);
                let ended = ended.map(|n| n.unwrap_or(0)).map_err(|e| format!("{e:#}"));
                self.answers.push_back(Msg::Reindexed(ended));
            }
            other => self.outside.push(other),
        }
    }
}
