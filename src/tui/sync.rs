//! A synchronous runtime: runs `update` and carries out the store and layout effects in place,
//! in order, until nothing is left. The same store jobs and layout code as the threaded runtime,
//! without threads or a terminal — for tests, benchmarks and scripted screens.

use super::action::{ArticleLayout, Effect, Msg};
use super::run::{StoreJob, run_job};
use super::state::State;
use super::update::update;
use crate::entities::Recognizer;
use crate::store::Store;
use std::sync::Arc;

/// Canonical name → Arabic display name.
pub type NameFn = dyn Fn(&str) -> Option<String>;

pub struct SyncRuntime {
    pub store: Store,
    pub recognizer: Recognizer,
    /// Arabic display names of companies (the recognizer's by default).
    pub names: Box<NameFn>,
    /// Effects that reach outside (refresh, open, copy, terminal, quit), in order.
    pub outside: Vec<Effect>,
}

impl SyncRuntime {
    pub fn new(store: Store, recognizer: Recognizer) -> SyncRuntime {
        SyncRuntime {
            store,
            recognizer,
            names: Box::new(|_| None),
            outside: Vec::new(),
        }
    }

    /// Apply `msg` and everything it leads to.
    pub fn send(&mut self, state: &mut State, msg: Msg) {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(m) = queue.pop_front() {
            for effect in update(state, m) {
                if let Some(reply) = self.execute(effect, &state.theme) {
                    queue.push_back(reply);
                }
            }
        }
    }

    /// The first list, as the reader starts.
    pub fn start(&mut self, state: &mut State) {
        state.list_generation += 1;
        let job = StoreJob::List {
            generation: state.list_generation,
            query: state.filters.query(),
        };
        if let Some(m) = run_job(&mut self.store, &self.recognizer, job) {
            self.send(state, m);
        }
    }

    fn execute(&mut self, effect: Effect, theme: &crate::view::theme::Theme) -> Option<Msg> {
        let job = match effect {
            Effect::LoadList { generation, query } => StoreJob::List { generation, query },
            Effect::LoadArticle(id) => StoreJob::Article(id),
            Effect::LoadTitleSpans(ids) => StoreJob::TitleSpans(ids),
            Effect::LoadCompanies => StoreJob::Companies,
            Effect::ResolveCompany(q) => StoreJob::Resolve(q),
            Effect::SetRead { id, read } => StoreJob::SetRead { id, read },
            Effect::SetStarred { id, starred } => StoreJob::SetStarred { id, starred },
            Effect::LoadDemo => StoreJob::Demo,
            Effect::Layout {
                key,
                article,
                search,
            } => {
                let names = &self.names;
                let mut prepared = crate::view::article::prepare(
                    &article,
                    theme,
                    &key.opts,
                    key.focus,
                    search.as_deref(),
                    &|c: &str| names(c),
                );
                let (lines, focus_line) = prepared.lines(key.width);
                let match_lines = prepared.match_lines(&lines);
                return Some(Msg::Layout(ArticleLayout {
                    key,
                    lines: Arc::new(lines),
                    focus_line,
                    match_lines,
                }));
            }
            other => {
                self.outside.push(other);
                return None;
            }
        };
        let reply = run_job(&mut self.store, &self.recognizer, job);
        match reply {
            Some(Msg::Companies(mut list)) => {
                for c in &mut list {
                    if c.arabic.is_none() {
                        c.arabic = (self.names)(&c.canonical);
                    }
                }
                Some(Msg::Companies(list))
            }
            other => other,
        }
    }
}
