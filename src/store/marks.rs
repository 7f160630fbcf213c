//! Marks in bulk: everything a query shows, a whole feed, and undoing either.

use super::{ArticleQuery, Result, Store};

/// Ids changed in one statement at most (SQLite's bound on variables is far above).
const CHUNK: usize = 500;

impl Store {
    /// Mark read every unread article `q` selects (all of them, whatever `q.limit`); the ids
    /// that changed, so the mark can be undone. The articles are the list's own: one query path.
    pub fn mark_read_matching(&mut self, q: &ArticleQuery) -> Result<Vec<i64>> {
        let q = ArticleQuery {
            unread: true,
            limit: None,
            ..q.clone()
        };
        let ids: Vec<i64> = self.list_articles(&q)?.into_iter().map(|r| r.id).collect();
        let tx = self.write_tx()?;
        set_read(&tx, &ids, true)?;
        tx.commit()?;
        Ok(ids)
    }

    /// Set the read flag of many articles in one transaction; how many exist.
    pub fn set_read_many(&mut self, ids: &[i64], read: bool) -> Result<usize> {
        let tx = self.write_tx()?;
        let n = set_read(&tx, ids, read)?;
        tx.commit()?;
        Ok(n)
    }
}

fn set_read(tx: &rusqlite::Transaction<'_>, ids: &[i64], read: bool) -> Result<usize> {
    let mut n = 0;
    for chunk in ids.chunks(CHUNK) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "UPDATE articles SET read = {} WHERE id IN ({marks}) AND read != {0}",
            i64::from(read)
        );
        n += tx.execute(&sql, rusqlite::params_from_iter(chunk))?;
    }
    Ok(n)
}
