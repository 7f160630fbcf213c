//! Keeping stored entities in step with the recognizer: a gazetteer change (bundled or the
//! user's) changes `Recognizer::version()`, and the articles found with another version are
//! recognised again. The commands do it before they answer; the reader, when there are many,
//! in the background (`Progress`), its headlines on screen meanwhile.

use crate::entities::{Recognizer, Span};
use crate::store::{Field, Store};

/// Below this many stale articles a re-index is quick enough to go unannounced, and the reader
/// does it before its first frame.
pub(crate) const ANNOUNCED: usize = 2_000;

/// Re-index stored entities when the gazetteer (or the recognizer) changed since they were found.
/// `announce` hears how many articles are about to be re-indexed, when there are many (after an
/// update that changed the recognizer, every stored article: seconds at 100,000), so the user is
/// told why the command waits.
pub(crate) fn ensure_entities_current(
    store: &mut Store,
    rec: &Recognizer,
    announce: &dyn Fn(usize),
) -> anyhow::Result<()> {
    let mut heard = |p: Progress| {
        if p.done == 0 && p.total >= ANNOUNCED {
            announce(p.total);
        }
    };
    bring_entities_current(store, rec, &mut heard, None)?;
    Ok(())
}

/// How far a re-index is: articles done of those stale when it began.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Whether many stored articles (`ANNOUNCED` or more) wait for this recognizer: the reader
/// then re-indexes them in the background. Counts no further than that.
pub(crate) fn many_stale(store: &Store, rec: &Recognizer) -> anyhow::Result<bool> {
    let version = rec.version();
    if store.meta("entities_version")?.as_deref() == Some(version.as_str()) {
        return Ok(false);
    }
    Ok(store.count_stale_entities(&version, Some(ANNOUNCED))? >= ANNOUNCED)
}

/// Asked between articles by the reader's re-index: true when it should end now.
pub(crate) type Stop<'a> = &'a (dyn Fn() -> bool + Sync);

/// Re-index the articles recognised with another version, batch after batch, and record the
/// version once none is left. `progress` hears the count first (done 0), then after each
/// batch is committed. With `stop` (the reader's worker), the work ends at the next article
/// once it says so, the batch in hand unwritten, and None is returned: what was committed
/// stays, the rest is still stale (the per-article version says which), and the next start
/// goes on from there; and a database held by another writer past the busy timeout is waited
/// for. Without (the commands), that is an error, as for any other write.
pub(crate) fn bring_entities_current(
    store: &mut Store,
    rec: &Recognizer,
    progress: &mut dyn FnMut(Progress),
    stop: Option<Stop>,
) -> anyhow::Result<Option<usize>> {
    let version = rec.version();
    if store.meta("entities_version")?.as_deref() == Some(version.as_str()) {
        return Ok(Some(0));
    }
    let Some(n) = reindex(store, rec, false, progress, stop)? else {
        return Ok(None);
    };
    if n > 0 {
        tracing::info!("re-indexed the entities of {n} articles for gazetteer {version}");
    }
    store.set_meta("entities_version", &version)?;
    Ok(Some(n))
}

/// Recompute the entities of articles indexed with another gazetteer version (all when `all`);
/// returns how many.
pub(crate) fn reindex_stale(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
) -> anyhow::Result<usize> {
    Ok(reindex(store, rec, all, &mut |_| {}, None)?.unwrap_or(0))
}

/// A busy database (another writer held it past the busy timeout) is tried again this often.
const BUSY_PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

/// Articles recognised (shared among the cores) and then written in one transaction. A batch of
/// 1,000 heavy articles takes 45–70 ms on two cores, recognition and write (100,000 in 4.6–6.8
/// s): a mark or a refresh waiting for its commit does not notice, and a quit is not held up.
const BATCH: usize = 1_000;

fn reindex(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
    progress: &mut dyn FnMut(Progress),
    stop: Option<Stop>,
) -> anyhow::Result<Option<usize>> {
    reindex_in_batches(store, rec, all, BATCH, progress, stop)
}

fn reindex_in_batches(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
    batch_size: usize,
    progress: &mut dyn FnMut(Progress),
    stop: Option<Stop>,
) -> anyhow::Result<Option<usize>> {
    let stop_now = || stop.is_some_and(|s| s());
    let version = rec.version();
    let stale_of = if all { "\u{0}force" } else { &version };
    let total = store.count_stale_entities(stale_of, None)?;
    progress(Progress { done: 0, total });
    // Recognition is the cost and each article is independent: every core takes a share of a
    // batch; the batch is then written in one short transaction (the reader's marks and a
    // refresh's writes wait for one batch at most). Texts are read a batch at a time, in id
    // order, from after the last id read.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut done = 0;
    let mut after = i64::MIN;
    loop {
        let chunk = store.stale_entities(stale_of, after, batch_size)?;
        let Some(last) = chunk.last() else {
            break;
        };
        after = last.0;
        let share = chunk.len().div_ceil(threads).max(1);
        let batch: Option<Found> = std::thread::scope(|scope| {
            let workers: Vec<_> = chunk
                .chunks(share)
                .map(|part| scope.spawn(move || recognize(rec, part, &stop_now)))
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect::<Option<Vec<_>>>()
                .map(|parts| parts.into_iter().flatten().collect())
        });
        let Some(batch) = batch else {
            return Ok(None);
        };
        loop {
            match store.replace_entities(&batch, &version, all) {
                Ok(_) => break,
                // A long refresh in this process or another may hold the database past the
                // busy timeout: the batch waits, it is not lost.
                Err(e) if e.is_busy() && stop.is_some() => {
                    if stop_now() {
                        return Ok(None);
                    }
                    tracing::info!("re-index: the database is busy ({e}); trying again");
                    std::thread::sleep(BUSY_PAUSE);
                }
                Err(e) => return Err(e.into()),
            }
        }
        done += batch.len();
        progress(Progress { done, total });
        if stop_now() {
            return Ok(None);
        }
    }
    Ok(Some(done))
}

/// Articles and the spans found in them.
type Found = Vec<(i64, Vec<(Field, Span)>)>;

/// The spans of each article of `part`; None as soon as `stop` says so.
fn recognize(
    rec: &Recognizer,
    part: &[(i64, [String; 4])],
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Found> {
    part.iter()
        .map(|(id, [title, summary, content, full])| {
            if stop() {
                return None;
            }
            let mut spans = crate::ingest::analyze(rec, title, summary, content);
            spans.extend(rec.find(full).into_iter().map(|s| (Field::FullContent, s)));
            Some((*id, spans))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The demo feeds' articles, stored as an older recognizer left them: another version on
    /// each article and in `meta`, and no companies.
    fn stale_store(rec: &Recognizer) -> (Store, usize) {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        crate::demo::load_into(&mut store, rec).unwrap_or_else(|e| panic!("{e}"));
        let conn = store.conn();
        let run = |sql: &str| conn.execute_batch(sql).unwrap_or_else(|e| panic!("{e}"));
        run(
            "UPDATE articles SET entities_version = 'old', entities = NULL;
             DELETE FROM article_companies;
             INSERT INTO meta (key, value) VALUES ('entities_version', 'old')
               ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
        );
        let n = store
            .count_stale_entities(&rec.version(), None)
            .unwrap_or_else(|e| panic!("{e}"));
        (store, n)
    }

    fn stale(store: &Store, rec: &Recognizer) -> usize {
        store
            .count_stale_entities(&rec.version(), None)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn recorded(store: &Store) -> Option<String> {
        store
            .meta("entities_version")
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_re_index_stopped_after_a_batch_keeps_it_and_the_next_goes_on_from_there() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let (mut store, total) = stale_store(&rec);
        assert!(total > 8, "the demo has {total} articles");
        let reference = {
            let mut fresh = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
            crate::demo::load_into(&mut fresh, &rec).unwrap_or_else(|e| panic!("{e}"));
            fresh.companies().unwrap_or_else(|e| panic!("{e}"))
        };
        assert!(!reference.is_empty());

        // The reader quits once the first batch of 4 is committed.
        let done = AtomicUsize::new(0);
        let mut heard = Vec::new();
        let stop = || done.load(Ordering::Relaxed) > 0;
        let ended = reindex_in_batches(
            &mut store,
            &rec,
            false,
            4,
            &mut |p| {
                heard.push(p);
                done.store(p.done, Ordering::Relaxed);
            },
            Some(&stop),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ended, None, "stopped");
        assert_eq!(
            heard,
            [Progress { done: 0, total }, Progress { done: 4, total }]
        );
        assert_eq!(stale(&store, &rec), total - 4, "the batch is stored");
        assert_eq!(recorded(&store).as_deref(), Some("old"), "not all are done");

        // The next start: only the rest, then the version is recorded.
        let mut heard = Vec::new();
        let n = bring_entities_current(&mut store, &rec, &mut |p| heard.push(p), Some(&|| false))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n, Some(total - 4));
        assert_eq!(heard.first().map(|p| p.total), Some(total - 4));
        assert_eq!(stale(&store, &rec), 0);
        assert_eq!(recorded(&store), Some(rec.version()));
        assert_eq!(
            store.companies().unwrap_or_else(|e| panic!("{e}")),
            reference,
            "the counts are those of a fresh fetch"
        );
        // Current now: nothing is read again.
        let n = bring_entities_current(&mut store, &rec, &mut |_| {}, None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n, Some(0));
    }

    #[test]
    fn a_stop_during_recognition_writes_nothing_of_that_batch() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let (mut store, total) = stale_store(&rec);
        let asked = AtomicUsize::new(0);
        // Yes from the third question on: the first batch's recognition is under way.
        let stop = || asked.fetch_add(1, Ordering::Relaxed) >= 2;
        let ended = reindex_in_batches(&mut store, &rec, false, 100, &mut |_| {}, Some(&stop))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ended, None);
        assert_eq!(stale(&store, &rec), total);
    }

    #[test]
    fn only_many_stale_articles_go_to_the_background() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let (mut store, _) = stale_store(&rec);
        assert!(!many_stale(&store, &rec).unwrap_or_else(|e| panic!("{e}")));
        ensure_entities_current(&mut store, &rec, &|n| panic!("{n} announced"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(recorded(&store), Some(rec.version()));
        assert!(!many_stale(&store, &rec).unwrap_or_else(|e| panic!("{e}")));
    }

    #[test]
    fn an_article_a_refresh_rewrote_or_removed_meanwhile_is_left_as_it_is() {
        let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e}"));
        let (mut store, _) = stale_store(&rec);
        let version = rec.version();
        let batch = store
            .stale_entities("\u{0}all", i64::MIN, 3)
            .unwrap_or_else(|e| panic!("{e}"));
        let [(rewritten, _), (removed, _), (stale_one, _)] = batch.as_slice() else {
            panic!("three articles: {batch:?}");
        };
        let conn = store.conn();
        conn.execute(
            "UPDATE articles SET entities_version = ?2 WHERE id = ?1",
            rusqlite::params![rewritten, version],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        conn.execute("DELETE FROM articles WHERE id = ?1", [removed])
            .unwrap_or_else(|e| panic!("{e}"));
        let found = |id: i64, title: &str| (id, crate::ingest::analyze(&rec, title, title, ""));
        let recognised: Vec<_> = batch
            .iter()
            .map(|(id, [title, ..])| found(*id, title))
            .collect();
        let written = store
            .replace_entities(&recognised, &version, false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written, 1, "only {stale_one}");
        let forced = store
            .replace_entities(&recognised, &version, true)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(forced, 2, "`reindex` rewrites every article still there");
    }
}
