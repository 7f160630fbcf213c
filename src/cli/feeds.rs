//! Feed lists: `--feeds`, the default list, `import`, `export`, `reindex`.

use super::{Ctx, Failure, out};
use crate::feed::FeedSource;
use crate::feed::opml::{parse_feed_list, to_opml};
use crate::store::{FeedRow, Field, Store};
use std::path::Path;
use std::process::ExitCode;

/// The default feed list (real Arabic tech-news feeds).
pub const DEFAULT_FEEDS_OPML: &str = include_str!("../../assets/feeds.opml");

fn read_list(path: &Path) -> Result<Vec<FeedSource>, Failure> {
    let text = std::fs::read(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let text = crate::feed::decode::decode(&text, None);
    let feeds =
        parse_feed_list(&text).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))?;
    if feeds.is_empty() {
        return Err(Failure::Usage(format!(
            "{}: no feeds in it",
            path.display()
        )));
    }
    Ok(feeds)
}

/// The feeds this run works on: those of `--feeds` (added to the database so their articles
/// can be stored), else every stored feed, seeding the default list into an empty database.
pub fn feeds_for_run(ctx: &Ctx, store: &mut Store) -> Result<Vec<FeedRow>, Failure> {
    if let Some(file) = &ctx.feeds_file {
        let wanted = read_list(file)?;
        store.add_feeds(&wanted).map_err(anyhow::Error::from)?;
        let rows = store.feeds().map_err(anyhow::Error::from)?;
        return Ok(wanted
            .iter()
            .filter_map(|w| rows.iter().find(|r| r.url == w.url).cloned())
            .collect());
    }
    let mut rows = store.feeds().map_err(anyhow::Error::from)?;
    // The bundled demo feeds (loaded when offline) live only in the binary: never fetched.
    rows.retain(|f| !crate::demo::is_demo_url(&f.url));
    if rows.is_empty() {
        let defaults = parse_feed_list(DEFAULT_FEEDS_OPML)?;
        store.add_feeds(&defaults).map_err(anyhow::Error::from)?;
        rows = store.feeds().map_err(anyhow::Error::from)?;
        rows.retain(|f| !crate::demo::is_demo_url(&f.url));
    }
    Ok(rows)
}

pub fn import(ctx: &Ctx, file: &Path) -> Result<ExitCode, Failure> {
    let feeds = read_list(file)?;
    let mut store = ctx.open_store()?;
    let added = store.add_feeds(&feeds).map_err(anyhow::Error::from)?;
    out(&format!(
        "imported {} feeds from {} ({} new, {} already present)",
        feeds.len(),
        file.display(),
        added,
        feeds.len() - added
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn export(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let mut store = ctx.open_store()?;
    let rows = feeds_for_run(ctx, &mut store)?;
    let sources: Vec<FeedSource> = rows.iter().map(FeedRow::source).collect();
    print!("{}", to_opml(&sources));
    Ok(ExitCode::SUCCESS)
}

pub fn reindex(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let mut store = ctx.open_store()?;
    let rec = ctx.recognizer()?;
    let n = reindex_stale(&mut store, &rec, true)?;
    store
        .set_meta("entities_version", &rec.version())
        .map_err(anyhow::Error::from)?;
    out(&format!("re-indexed the entities of {n} articles"));
    Ok(ExitCode::SUCCESS)
}

/// Recompute entities of articles indexed with another gazetteer version (all when `all`).
pub fn reindex_stale(
    store: &mut Store,
    rec: &crate::entities::Recognizer,
    all: bool,
) -> anyhow::Result<usize> {
    let version = rec.version();
    let stale = store.stale_entities(if all { "\u{0}force" } else { &version })?;
    let mut done = 0;
    for chunk in stale.chunks(500) {
        let batch: Vec<(i64, Vec<(Field, crate::entities::Span)>)> = chunk
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
