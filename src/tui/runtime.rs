//! What both runtimes (the threaded one in `run`, the synchronous one in `sync`) do with the
//! store and layout effects, written once: queries on a read connection and changes through the
//! writer, long lists in pages, marks, layouts with their cache.

use super::action::{
    ArticleLayout, BulkMark, Change, Company, Failure, LayoutJob, ListCounts, Mark, MarkKind, Msg,
    StoreJob,
};
use super::jobs::Supersede;
use crate::entities::Recognizer;
use crate::i18n::Localizer;
use crate::store::{ArticleQuery, Field, Store, Writer};
use crate::text::LayoutOptions;
use crate::view::article::{Interface, PreparedArticle, prepare};
use crate::view::theme::Theme;
use std::collections::VecDeque;
use std::sync::Arc;

/// Headlines in the first answer, so the first frame does not wait for a long list; the rest
/// (however many) follows in a second.
pub const FIRST_PAGE: usize = 300;
/// Articles whose per-article layout is kept.
const LAYOUT_CACHE: usize = 16;

/// Which store jobs a newer one replaces: lists and articles (the user moved on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StoreKind {
    List,
    Article,
}

impl Supersede for StoreJob {
    type Kind = StoreKind;
    fn kind(&self) -> Option<StoreKind> {
        match self {
            StoreJob::List { .. } => Some(StoreKind::List),
            StoreJob::Article(_) => Some(StoreKind::Article),
            _ => None,
        }
    }
}

/// Only the newest layout is worth making.
impl Supersede for LayoutJob {
    type Kind = ();
    fn kind(&self) -> Option<()> {
        Some(())
    }
}

/// Canonical name → Arabic display name.
pub(crate) type NameFn = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The database as the reader's jobs see it: a connection to query, and a way to change it.
pub trait Database {
    fn read(&self) -> &Store;
    fn write<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> crate::store::Result<R>;
}

/// One connection for both (the synchronous runtime, tests and benchmarks).
impl Database for Store {
    fn read(&self) -> &Store {
        self
    }
    fn write<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> crate::store::Result<R> {
        Ok(f(self))
    }
}

/// The reader's own read connection, and the writer every change goes through.
pub(crate) struct Connections {
    pub(crate) reader: Store,
    pub(crate) writer: Writer,
}

impl Database for Connections {
    fn read(&self) -> &Store {
        &self.reader
    }
    fn write<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(&mut Store) -> R + Send + 'static,
    ) -> crate::store::Result<R> {
        // Waiting keeps the order: a list asked for after a mark sees the mark.
        self.writer.run_blocking(f)
    }
}

/// Run one store job; its answers go to `send`. `names` gives Arabic company names the
/// recognizer does not know (test data). A list asked for without a limit comes in two
/// pages — a first screenful at once, then the rest, unless `superseded` says a newer list is
/// already waiting.
pub fn run_store_job(
    db: &mut impl Database,
    rec: &Arc<Recognizer>,
    names: &NameFn,
    job: StoreJob,
    superseded: &mut dyn FnMut() -> bool,
    send: &mut dyn FnMut(Msg),
) {
    let fail = |what: Failure, e: &dyn std::fmt::Display| Msg::Failed(what, e.to_string());
    match job {
        StoreJob::List { generation, query } if query.limit.is_none() => {
            let first = list(db.read(), rec, generation, query.clone(), Some(FIRST_PAGE));
            let full_page =
                matches!(&first, Msg::ListLoaded { rows, .. } if rows.len() == FIRST_PAGE);
            send(first);
            if full_page && !superseded() {
                send(list(db.read(), rec, generation, query, None));
            }
        }
        StoreJob::List { generation, query } => {
            let limit = query.limit;
            send(list(db.read(), rec, generation, query, limit));
        }
        StoreJob::Article(id) => match db.read().article(id) {
            Ok(Some(a)) => send(Msg::ArticleLoaded(Arc::new(a))),
            Ok(None) => {}
            Err(e) => send(fail(Failure::Article, &e)),
        },
        StoreJob::TitleSpans(ids) => {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                match db.read().spans(id) {
                    Ok(spans) => out.push((
                        id,
                        spans
                            .into_iter()
                            .filter(|s| s.field == Field::Title)
                            .collect(),
                    )),
                    Err(e) => return send(fail(Failure::Entities, &e)),
                }
            }
            send(Msg::TitleSpans(out));
        }
        StoreJob::Companies => match db.read().companies() {
            Ok(list) => send(Msg::Companies(
                list.into_iter()
                    .map(|(canonical, count)| Company {
                        arabic: rec.arabic_name(&canonical).or_else(|| names(&canonical)),
                        canonical,
                        count,
                    })
                    .collect(),
            )),
            Err(e) => send(fail(Failure::Companies, &e)),
        },
        StoreJob::Resolve(query) => send(Msg::Resolved {
            canonical: rec.resolve(&query),
            query,
        }),
        StoreJob::Feeds => {
            let read = db.read();
            let loaded = read
                .feed_stats()
                .and_then(|feeds| Ok((feeds, read.saved_views()?)))
                .map_err(|e| e.to_string());
            send(Msg::FeedsLoaded(loaded));
        }
        StoreJob::ResolveView { name, filter } => {
            let company = filter.company.as_deref().and_then(|c| {
                let canonical = rec.resolve(c)?;
                let arabic = rec.arabic_name(&canonical).or_else(|| names(&canonical));
                Some((canonical, arabic))
            });
            let feed = filter.feed.as_deref().and_then(|key| {
                let row = db.read().find_feed(key).ok()??;
                let name = crate::store::feeds::display_name(row.title.as_deref(), &row.url);
                Some((row.url, name))
            });
            send(Msg::ViewResolved {
                name,
                filter,
                company,
                feed,
            });
        }
        StoreJob::RemoveFeed {
            url,
            name,
            articles,
        } => {
            let gone = url.clone();
            let result = db.write(move |s| s.remove_feed(&gone));
            send(changed(
                Change::RemovedFeed {
                    url,
                    name,
                    articles,
                },
                result,
            ));
        }
        StoreJob::RenameFeed { id, url, name } => {
            let title = name.clone();
            let result = db.write(move |s| s.rename_feed(id, Some(&title)));
            send(changed(Change::RenamedFeed { url, name }, result));
        }
        StoreJob::SaveView { name, filter } => {
            let key = name.clone();
            let result = db.write(move |s| s.save_view(&key, &filter).map(|()| true));
            send(changed(Change::SavedView { name }, result));
        }
        StoreJob::DeleteView(name) => {
            let key = name.clone();
            let result = db.write(move |s| s.delete_view(&key));
            send(changed(Change::DeletedView { name }, result));
        }
    }
}

/// The answer to a change of the feed list or the views: whether there was something to
/// change (a feed or view gone meanwhile was not), or why it failed.
fn changed(change: Change, result: crate::store::Result<crate::store::Result<bool>>) -> Msg {
    let result = match result {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(e)) | Err(e) => Err(e.to_string()),
    };
    Msg::Changed { change, result }
}

/// Store a bulk mark; the answer for `update` (with the articles it changed, for undo).
pub(crate) fn save_bulk(store: &mut Store, rec: &Recognizer, bulk: BulkMark) -> Msg {
    let result = match &bulk {
        BulkMark::ReadMatching(query) => store.mark_read_matching(&naming_entity(rec, query)),
        BulkMark::Unread(ids) => store.set_read_many(ids, false).map(|_| ids.clone()),
    };
    Msg::BulkSaved {
        bulk,
        result: result.map_err(|e| e.to_string()),
    }
}

/// Store a read or star mark; the answer for `update`.
pub(crate) fn save_mark(store: &mut Store, mark: Mark) -> Msg {
    let saved = match mark.kind {
        MarkKind::Read => store.set_read(mark.id, mark.on),
        MarkKind::Starred => store.set_starred(mark.id, mark.on),
    };
    Msg::Saved {
        mark,
        // An article gone from the database (pruned meanwhile) has nothing left to mark.
        result: saved.map(|_| ()).map_err(|e| e.to_string()),
    }
}

/// The query with the entity its search names, if the recognizer knows one (`/Nvidia` also
/// finds the articles that write «إنفيديا»): the list and the bulk marks select the same.
fn naming_entity(rec: &Recognizer, query: &ArticleQuery) -> ArticleQuery {
    let search_entity = query
        .search
        .as_deref()
        .and_then(|s| crate::library::views::search_entity(rec, s));
    ArticleQuery {
        search_entity,
        ..query.clone()
    }
}

/// The list for `query`, `limit` rows at most (None: all of them), with its counts.
fn list(
    store: &Store,
    rec: &Recognizer,
    generation: u64,
    query: ArticleQuery,
    limit: Option<usize>,
) -> Msg {
    let mut query = naming_entity(rec, &query);
    query.limit = limit;
    let counted = (|| {
        let rows = store.list_articles(&query)?;
        let all = store.article_count()?;
        let (listed, unread) = if limit.is_some_and(|l| rows.len() >= l) {
            store.count_articles(&query)?
        } else {
            // Every row is here: count them.
            let unread = rows.iter().filter(|r| !r.read).count() as i64;
            (rows.len() as i64, unread)
        };
        Ok::<_, crate::store::StoreError>((
            rows,
            ListCounts {
                all,
                listed,
                unread,
            },
        ))
    })();
    match counted {
        Ok((rows, counts)) => Msg::ListLoaded {
            generation,
            rows,
            counts,
        },
        Err(e) => Msg::ListFailed {
            generation,
            error: e.to_string(),
        },
    }
}

/// What a per-article preparation depends on (the width comes later).
type PrepKey = (i64, LayoutOptions, Option<usize>, u64, u64);

/// Article layouts: the per-article preparation cached for the last few articles (a resize
/// redoes only the wrapping, cached inside).
pub(crate) struct Layouts {
    theme: Theme,
    l10n: Arc<Localizer>,
    cache: VecDeque<(PrepKey, PreparedArticle)>,
}

impl Layouts {
    pub(crate) fn new(theme: Theme, l10n: Arc<Localizer>) -> Layouts {
        Layouts {
            theme,
            l10n,
            cache: VecDeque::new(),
        }
    }

    /// The pane's lines for `job`, as the message that carries them.
    pub(crate) fn layout(&mut self, job: LayoutJob, names: &NameFn) -> Msg {
        let LayoutJob {
            key,
            article,
            search,
            now,
        } = job;
        let ck = (key.id, key.opts, key.focus, key.search, key.version);
        let pos = self.cache.iter().position(|(k, _)| *k == ck);
        let mut entry = match pos.and_then(|p| self.cache.remove(p)) {
            Some(e) => e,
            None => (
                ck,
                prepare(
                    &article,
                    &self.theme,
                    &key.opts,
                    key.focus,
                    search.as_deref(),
                    names,
                    Interface {
                        l10n: &self.l10n,
                        now,
                    },
                ),
            ),
        };
        let (lines, focus_line) = entry.1.lines(key.width);
        let match_lines = entry.1.match_lines(&lines);
        self.cache.push_front(entry);
        self.cache.truncate(LAYOUT_CACHE);
        Msg::Layout(ArticleLayout {
            key,
            lines: Arc::new(lines),
            focus_line,
            match_lines,
        })
    }
}
