//! Keeping stored entities in step with the recognizer: a gazetteer change (bundled or the
//! user's) changes `Recognizer::version()`, and the articles found with another version are
//! recognised again.

use crate::entities::{Recognizer, Span};
use crate::store::{Field, Store};

/// Re-index stored entities when the gazetteer (or the recognizer) changed since they were found.
/// `announce` hears how many articles are about to be re-indexed, when there are many (after an
/// update that changed the recognizer, every stored article: seconds at 100,000), so the user is
/// told why the start waits.
pub(crate) fn ensure_entities_current(
    store: &mut Store,
    rec: &Recognizer,
    announce: &dyn Fn(usize),
) -> anyhow::Result<()> {
    let version = rec.version();
    if store.meta("entities_version")?.as_deref() == Some(version.as_str()) {
        return Ok(());
    }
    let n = reindex(store, rec, false, announce)?;
    if n > 0 {
        tracing::info!("re-indexed the entities of {n} articles for gazetteer {version}");
    }
    store.set_meta("entities_version", &version)?;
    Ok(())
}

/// Below this many stale articles a re-index is quick enough to go unannounced.
const ANNOUNCED: usize = 2_000;

/// Recompute the entities of articles indexed with another gazetteer version (all when `all`);
/// returns how many.
pub(crate) fn reindex_stale(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
) -> anyhow::Result<usize> {
    reindex(store, rec, all, &|_| {})
}

fn reindex(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
    announce: &dyn Fn(usize),
) -> anyhow::Result<usize> {
    let version = rec.version();
    let stale = store.stale_entities(if all { "\u{0}force" } else { &version })?;
    if stale.len() >= ANNOUNCED {
        announce(stale.len());
    }
    // Recognition is the cost and each article is independent: every core takes a share of a
    // batch; the batch is then written in one transaction.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut done = 0;
    for chunk in stale.chunks(500 * threads) {
        let share = chunk.len().div_ceil(threads).max(1);
        let batch: Vec<(i64, Vec<(Field, Span)>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = chunk
                .chunks(share)
                .map(|part| scope.spawn(move || recognize(rec, part)))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        store.replace_entities(&batch, &version)?;
        done += batch.len();
    }
    Ok(done)
}

fn recognize(rec: &Recognizer, part: &[(i64, [String; 4])]) -> Vec<(i64, Vec<(Field, Span)>)> {
    part.iter()
        .map(|(id, [title, summary, content, full])| {
            let mut spans = crate::ingest::analyze(rec, title, summary, content);
            spans.extend(rec.find(full).into_iter().map(|s| (Field::FullContent, s)));
            (*id, spans)
        })
        .collect()
}
