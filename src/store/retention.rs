//! Retention: articles older than `keep_days` and those past the newest `max_per_feed` of their
//! feed are removed (starred ones always stay), remembered by guid and hash so that an item the
//! feed still carries is not stored again as new; then VACUUM gives the space back.

use super::{Result, Store};
use chrono::{DateTime, Utc};
use rusqlite::params;

/// How much to keep; 0 means no bound.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    pub keep_days: u64,
    pub max_per_feed: u64,
}

impl Retention {
    /// Some bound is set: there is something to clean.
    pub fn is_set(&self) -> bool {
        self.keep_days > 0 || self.max_per_feed > 0
    }
}

/// What a cleanup did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CleanupStats {
    /// Articles removed.
    pub removed: usize,
    /// Starred articles past a bound, kept.
    pub starred_kept: usize,
}

/// How long a removed item is remembered: a feed carrying an item this long is not a feed.
const REMEMBER_DAYS: i64 = 365;

impl Store {
    /// Remove what `r` does not keep, as of `now`.
    pub fn cleanup(&mut self, r: Retention, now: DateTime<Utc>) -> Result<CleanupStats> {
        let mut stats = CleanupStats::default();
        if !r.is_set() {
            return Ok(stats);
        }
        let cutoff = if r.keep_days > 0 {
            let days = i64::try_from(r.keep_days).unwrap_or(i64::MAX / 86_400);
            now.timestamp().saturating_sub(days.saturating_mul(86_400))
        } else {
            i64::MIN
        };
        let max = if r.max_per_feed > 0 {
            i64::try_from(r.max_per_feed).unwrap_or(i64::MAX)
        } else {
            i64::MAX
        };
        let tx = self.write_tx()?;
        // Past a bound: older than the cutoff, or after the newest `max` of the feed.
        let past = "WITH ranked AS (
                SELECT id, starred, COALESCE(published, fetched) AS at,
                       row_number() OVER (PARTITION BY feed_id
                           ORDER BY COALESCE(published, fetched) DESC, id ASC) AS n
                FROM articles)
             SELECT id, starred FROM ranked WHERE at < ?1 OR n > ?2";
        let found: Vec<(i64, bool)> = {
            let mut stmt = tx.prepare(past)?;
            stmt.query_map(params![cutoff, max], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<std::result::Result<_, _>>()?
        };
        {
            let mut remember = tx.prepare_cached(
                "INSERT INTO removed_items (feed_id, guid, content_hash, removed)
                 SELECT feed_id, guid, content_hash, ?2 FROM articles WHERE id = ?1
                 ON CONFLICT (feed_id, guid) DO UPDATE SET
                    content_hash = excluded.content_hash, removed = excluded.removed",
            )?;
            let mut unindex = tx.prepare_cached("DELETE FROM article_search WHERE rowid = ?1")?;
            let mut entities = tx.prepare_cached("SELECT entities FROM articles WHERE id = ?1")?;
            // The (company, article) pairs have no cascade: they go with their article.
            let mut forget = tx.prepare_cached(
                "DELETE FROM article_companies WHERE company = ?1 AND article = ?2",
            )?;
            let mut delete = tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?;
            for (id, starred) in found {
                if starred {
                    stats.starred_kept += 1;
                    continue;
                }
                remember.execute(params![id, now.timestamp()])?;
                unindex.execute([id])?;
                let value: Option<Vec<u8>> = entities.query_row([id], |r| r.get(0))?;
                for company in value
                    .as_deref()
                    .map(super::entities::decode_companies)
                    .unwrap_or_default()
                {
                    forget.execute(params![company, id])?;
                }
                stats.removed += delete.execute([id])?;
            }
        }
        tx.execute(
            "DELETE FROM removed_items WHERE removed < ?1",
            [now.timestamp() - REMEMBER_DAYS * 86_400],
        )?;
        tx.commit()?;
        Ok(stats)
    }

    /// The database file's size and the part of it that is free pages, in bytes.
    pub fn space(&self) -> Result<(u64, u64)> {
        let pragma = |name: &str| -> Result<u64> {
            let v: i64 = self.conn.pragma_query_value(None, name, |r| r.get(0))?;
            Ok(u64::try_from(v).unwrap_or(0))
        };
        let page = pragma("page_size")?;
        Ok((
            pragma("page_count")? * page,
            pragma("freelist_count")? * page,
        ))
    }

    /// Rewrite the file without its free pages (and fold the WAL in first).
    pub fn vacuum(&mut self) -> Result<()> {
        self.conn.execute_batch("VACUUM")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
