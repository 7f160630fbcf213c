//! Keeping stored entities in step with the recognizer: a gazetteer change (bundled or the
//! user's) changes `Recognizer::version()`, and the articles found with another version are
//! recognised again.

use crate::entities::{Recognizer, Span};
use crate::store::{Field, Store};

/// Re-index stored entities when the gazetteer (or the recognizer) changed since they were found.
pub(crate) fn ensure_entities_current(store: &mut Store, rec: &Recognizer) -> anyhow::Result<()> {
    let version = rec.version();
    if store.meta("entities_version")?.as_deref() == Some(version.as_str()) {
        return Ok(());
    }
    let n = reindex_stale(store, rec, false)?;
    if n > 0 {
        tracing::info!("re-indexed the entities of {n} articles for gazetteer {version}");
    }
    store.set_meta("entities_version", &version)?;
    Ok(())
}

/// Recompute the entities of articles indexed with another gazetteer version (all when `all`);
/// returns how many.
pub(crate) fn reindex_stale(
    store: &mut Store,
    rec: &Recognizer,
    all: bool,
) -> anyhow::Result<usize> {
    let version = rec.version();
    let stale = store.stale_entities(if all { "\u{0}force" } else { &version })?;
    let mut done = 0;
    for chunk in stale.chunks(500) {
        let batch: Vec<(i64, Vec<(Field, Span)>)> = chunk
            .iter()
            .map(|(id, [title, summary, content, full])| {
                let mut spans = crate::ingest::analyze(rec, title, summary, content);
                spans.extend(rec.find(full).into_iter().map(|s| (Field::FullContent, s)));
                (*id, spans)
            })
            .collect();
        store.replace_entities(&batch, &version)?;
        done += batch.len();
    }
    Ok(done)
}
