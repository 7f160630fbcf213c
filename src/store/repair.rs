//! `akhbar doctor --repair`: move a damaged database aside and copy what can still be read
//! (feeds with their state, articles with their read/starred flags) into a fresh one.
//! Entities and the search index are rebuilt from the copied text.

use super::{Result, Store};
use rusqlite::types::Value;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Salvage {
    pub backup: PathBuf,
    pub feeds: usize,
    pub articles: usize,
    pub lost_rows: usize,
}

const FEED_COLS: &str = "id, url, title, site_link, language, tags, etag, last_modified, \
    last_checked, last_ok, last_error, last_error_at, failures, retry_after, full_text, added";
const ARTICLE_COLS: &str = "id, feed_id, guid, title, link, published, author, categories, \
    summary, content, full_content, language, content_hash, fetched, updated, read, starred";

/// Move `path` (and its -wal/-shm) to `path.damaged-<unix time>` and rebuild `path` from it.
pub fn repair(path: &Path) -> anyhow::Result<Salvage> {
    let stamp = chrono::Utc::now().timestamp();
    let backup = PathBuf::from(format!("{}.damaged-{stamp}", path.display()));
    std::fs::rename(path, &backup)?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", path.display()));
        if side.exists() {
            std::fs::rename(&side, format!("{}{ext}", backup.display()))?;
        }
    }
    let mut salvage = Salvage {
        backup: backup.clone(),
        ..Default::default()
    };
    let mut fresh = Store::open(path)?;
    // Read from a scratch copy: the damaged file stays as it was, for the user.
    let work = PathBuf::from(format!("{}.reading", backup.display()));
    std::fs::copy(&backup, &work)?;
    let wal = PathBuf::from(format!("{}-wal", backup.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", work.display()))?;
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
    let _ = fit_header_to_file(work);
    let Ok(old) = Store::open_unchecked(work) else {
        return Ok(());
    };
    let (feeds, lost) = copy_table(&old, fresh, "feeds", FEED_COLS)?;
    salvage.feeds = feeds;
    salvage.lost_rows += lost;
    let (articles, lost) = copy_table(&old, fresh, "articles", ARTICLE_COLS)?;
    salvage.articles = articles;
    salvage.lost_rows += lost;
    // Copied articles carry no entities yet: mark them for re-indexing, and rebuild search.
    fresh
        .conn()
        .execute("UPDATE articles SET entities_version = NULL", [])?;
    fresh.rebuild_search_index()?;
    Ok(())
}

/// A truncated file whose header still claims the old size makes SQLite refuse every read;
/// with the header's page count set to what is really there, the surviving pages can be read.
fn fit_header_to_file(path: &Path) -> std::io::Result<()> {
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
    f.seek(SeekFrom::Start(28))?;
    f.write_all(&pages.to_be_bytes())?;
    Ok(())
}

/// Copy rows one id at a time so that a damaged page loses only the rows on it.
fn copy_table(old: &Store, fresh: &mut Store, table: &str, cols: &str) -> Result<(usize, usize)> {
    let (ids, listed) = readable_ids(old, table);
    let n = cols.split(',').count();
    let placeholders: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    let insert = format!(
        "INSERT OR IGNORE INTO {table} ({cols}) VALUES ({})",
        placeholders.join(", ")
    );
    let select = format!("SELECT {cols} FROM {table} WHERE id = ?1");
    let (mut copied, mut lost) = (0, 0);
    let tx = fresh.conn.transaction()?;
    {
        let mut ins = tx.prepare(&insert)?;
        let Ok(mut sel) = old.conn().prepare(&select) else {
            return Ok((0, ids.len()));
        };
        for id in ids {
            let row: rusqlite::Result<Vec<Value>> =
                sel.query_row([id], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect());
            match row {
                Ok(values) => {
                    if ins.execute(rusqlite::params_from_iter(values)).is_ok() {
                        copied += 1;
                    } else {
                        lost += 1;
                    }
                }
                // Probed ids past a broken scan may simply not exist: count only listed ones.
                Err(rusqlite::Error::QueryReturnedNoRows) => {}
                Err(_) if id <= listed => lost += 1,
                Err(_) => {}
            }
        }
    }
    tx.commit()?;
    Ok((copied, lost))
}

/// Every id that can be listed: a full scan first; if the scan breaks on a damaged page, the
/// ids read so far plus a probe of the rest of the id range. Also the last id the scan listed.
fn readable_ids(old: &Store, table: &str) -> (Vec<i64>, i64) {
    let mut ids = Vec::new();
    let scan_ok = (|| -> rusqlite::Result<()> {
        let mut stmt = old
            .conn()
            .prepare(&format!("SELECT id FROM {table} ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            ids.push(r.get(0)?);
        }
        Ok(())
    })()
    .is_ok();
    let listed = ids.last().copied().unwrap_or(0);
    if !scan_ok {
        let max: i64 = old
            .conn()
            .query_row(&format!("SELECT max(id) FROM {table}"), [], |r| r.get(0))
            .unwrap_or_else(|_| ids.last().copied().unwrap_or(0) + 100_000);
        let from = ids.last().copied().unwrap_or(0) + 1;
        ids.extend(from..=max);
    }
    (ids, listed)
}
