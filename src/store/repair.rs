//! `akhbar doctor --repair`: move a damaged database aside and copy what can still be read
//! (feeds with their state, articles with their read/starred flags) into a fresh one.
//! Entities and the search index are rebuilt from the copied text.
//!
//! Losses are counted from what the damaged file shows, not guessed: every index entry carries
//! the id of its row, on pages apart from the table's, so the table and each of its indexes are
//! scanned for ids. Any scan that reads to its end lists every row, and the loss is then exact.
//! Otherwise every id up to the table's highest is looked up: an id on an unreadable page that
//! no scan listed may or may not have held a row, and the loss is given as a range.

use super::{Result, Store, access};
use anyhow::Context;
use rusqlite::Connection;
use rusqlite::types::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Rows of one table: copied into the new database, and known to have existed but not copied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub kept: usize,
    pub lost: usize,
    /// Ids whose rows may or may not have existed (no scan listed them and the page that would
    /// hold them is unreadable): `Some(0)` when `lost` is exact, `None` when the damage hides
    /// even how far the ids went — `lost` is then only a lower bound.
    pub unsure: Option<usize>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Salvage {
    pub backup: PathBuf,
    pub feeds: Tally,
    pub articles: Tally,
    /// Articles kept whose texts (in their own table since schema 6) could not be read: kept
    /// with their headline, link and flags, and empty texts.
    pub without_texts: usize,
}

const FEED_COLS: &str = "id, url, title, site_link, language, tags, etag, last_modified, \
    last_checked, last_ok, last_error, last_error_at, failures, retry_after, full_text, added";
const ARTICLE_COLS: &str = "id, feed_id, guid, title, link, published, author, categories, \
    language, content_hash, fetched, updated, read, starred";
/// An article's texts: in `article_texts` since schema 6, in `articles` before.
const TEXT_COLS: &str = "id, summary, content, full_content";

/// How far past the last known id to look for rows when no scan could list them all.
const PROBE_PAST: i64 = 10_000;

/// Move `path` (and its -wal/-shm) to `path.damaged-<unix time>` and rebuild `path` from it.
/// Refuses, changing nothing, while another process uses the file or the folder is not writable.
/// The caller has established that the file is akhbar's and damaged, and has no connection open
/// to it.
pub fn repair(path: &Path) -> anyhow::Result<Salvage> {
    if let Some(holder) = access::holder(path) {
        anyhow::bail!(
            "{} is in use by {holder}; nothing was changed",
            path.display()
        );
    }
    if let Some(why) = access::cannot_write(path) {
        anyhow::bail!(
            "cannot move {} aside: {why}; nothing was changed",
            path.display()
        );
    }
    let stamp = chrono::Utc::now().timestamp();
    let backup = PathBuf::from(format!("{}.damaged-{stamp}", path.display()));
    std::fs::rename(path, &backup).with_context(|| {
        format!(
            "cannot move {} to {}; nothing was changed",
            path.display(),
            backup.display()
        )
    })?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", path.display()));
        if side.exists() {
            let to = format!("{}{ext}", backup.display());
            std::fs::rename(&side, &to)
                .with_context(|| format!("cannot move {} to {to}", side.display()))?;
        }
    }
    let mut salvage = Salvage {
        backup: backup.clone(),
        ..Default::default()
    };
    let mut fresh = Store::open(path)?;
    // Read from a scratch copy: the damaged file stays as it was, for the user.
    let work = PathBuf::from(format!("{}.reading", backup.display()));
    std::fs::copy(&backup, &work)
        .with_context(|| format!("cannot copy {} to {}", backup.display(), work.display()))?;
    let wal = PathBuf::from(format!("{}-wal", backup.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", work.display()))
            .with_context(|| format!("cannot copy {}", wal.display()))?;
    }
    let result = salvage_from(&work, &mut fresh, &mut salvage);
    let _ = std::fs::remove_file(&work);
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", work.display()));
    }
    result?;
    Ok(salvage)
}

fn salvage_from(work: &Path, fresh: &mut Store, salvage: &mut Salvage) -> anyhow::Result<()> {
    let _ = restore_header(work);
    let Ok(old) = Store::open_unchecked(work) else {
        return Ok(());
    };
    salvage.feeds = copy_table(old.conn(), fresh, "feeds", "feeds", FEED_COLS)?;
    salvage.articles = copy_table(old.conn(), fresh, "articles", "articles", ARTICLE_COLS)?;
    let texts_apart = old
        .conn()
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_texts'",
            [],
            |_| Ok(()),
        )
        .is_ok();
    let texts_from = if texts_apart {
        "article_texts"
    } else {
        "articles"
    };
    // An article whose texts cannot be read is kept with empty ones (the tally counts articles).
    copy_table(old.conn(), fresh, texts_from, "article_texts", TEXT_COLS)?;
    let without_texts: i64 = fresh.conn().query_row(
        "SELECT count(*) FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM article_texts t WHERE t.id = a.id)",
        [],
        |r| r.get(0),
    )?;
    salvage.without_texts = usize::try_from(without_texts).unwrap_or(0);
    // Copied articles carry no entities yet: mark them for re-indexing, and rebuild search.
    fresh
        .conn()
        .execute("UPDATE articles SET entities_version = NULL", [])?;
    fresh.rebuild_search_index()?;
    Ok(())
}

/// Make the scratch copy's header readable: the SQLite signature back in place, and the page
/// count fitted to the file (a truncated file whose header still claims the old size makes
/// SQLite refuse every read; with the count fitted, the surviving pages can be read).
fn restore_header(path: &Path) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    let len = f.metadata()?.len();
    let mut header = [0u8; 100];
    f.read_exact(&mut header)?;
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n.max(512)),
    };
    let pages = u32::try_from(len / page_size).unwrap_or(u32::MAX);
    f.seek(SeekFrom::Start(0))?;
    f.write_all(b"SQLite format 3\0")?;
    f.seek(SeekFrom::Start(28))?;
    f.write_all(&pages.to_be_bytes())?;
    Ok(())
}

/// Copy rows one id at a time so that a damaged page loses only the rows on it.
fn copy_table(
    old: &Connection,
    fresh: &mut Store,
    table: &str,
    into: &str,
    cols: &str,
) -> Result<Tally> {
    let known = known_rows(old, table);
    // Whether the ids looked at cover every id the table can hold.
    let mut bounded = true;
    let candidates: Vec<i64> = if known.complete {
        known.ids.iter().copied().collect()
    } else {
        // Rows past a damaged page may be readable yet unlisted: look for every id up to the
        // highest the table shows (or a margin past the highest known, if it shows none).
        let highest = known.ids.last().copied().unwrap_or(0);
        let max = old
            .query_row(&format!("SELECT max(rowid) FROM {table}"), [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .ok()
            .flatten();
        bounded = max.is_some();
        let ceiling = max
            .unwrap_or(highest.saturating_add(PROBE_PAST))
            .max(highest);
        let below = known.ids.range(..1).copied();
        below.chain(1..=ceiling).collect()
    };
    let n = cols.split(',').count();
    let placeholders: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    let insert = format!(
        "INSERT OR IGNORE INTO {into} ({cols}) VALUES ({})",
        placeholders.join(", ")
    );
    let select = format!("SELECT {cols} FROM {table} WHERE rowid = ?1");
    // Rows known to have existed: listed by a scan, or read by id.
    let mut seen = known.ids.clone();
    let (mut kept, mut unsure) = (0, 0);
    let tx = fresh.conn.transaction()?;
    {
        let mut ins = tx.prepare(&insert)?;
        if let Ok(mut sel) = old.prepare(&select) {
            for id in candidates {
                let row: rusqlite::Result<Vec<Value>> =
                    sel.query_row([id], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect());
                let values = match row {
                    Ok(values) => values,
                    // On a readable page, and not there: never existed (or was deleted).
                    Err(rusqlite::Error::QueryReturnedNoRows) => continue,
                    // Unreadable: a listed id is counted lost below; an unlisted one may have
                    // held a row or not.
                    Err(_) => {
                        unsure += usize::from(!known.ids.contains(&id));
                        continue;
                    }
                };
                seen.insert(id);
                if matches!(ins.execute(rusqlite::params_from_iter(values)), Ok(1)) {
                    kept += 1;
                }
            }
        }
    }
    tx.commit()?;
    Ok(Tally {
        kept,
        lost: seen.len() - kept,
        unsure: bounded.then_some(unsure),
    })
}

/// The ids the damaged file shows for `table`.
struct Known {
    ids: BTreeSet<i64>,
    /// Some scan read to its end: `ids` lists every row.
    complete: bool,
}

/// Scan the table itself and each of its (full, not partial) indexes for row ids, each scan as
/// far as it gets.
fn known_rows(old: &Connection, table: &str) -> Known {
    let mut scans = vec![format!("SELECT rowid FROM {table} NOT INDEXED")];
    let indexes = old
        .prepare(&format!("PRAGMA index_list({table})"))
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, bool>(4)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap_or_default();
    for (name, partial) in indexes {
        if !partial {
            let quoted = name.replace('"', "\"\"");
            scans.push(format!("SELECT rowid FROM {table} INDEXED BY \"{quoted}\""));
        }
    }
    let mut known = Known {
        ids: BTreeSet::new(),
        complete: false,
    };
    for sql in scans {
        let finished = (|| -> rusqlite::Result<()> {
            let mut stmt = old.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                known.ids.insert(r.get(0)?);
            }
            Ok(())
        })()
        .is_ok();
        known.complete |= finished;
    }
    known
}
