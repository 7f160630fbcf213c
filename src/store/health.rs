//! Is akhbar's database sound? Integrity and counts, read without writing anything: no pragmas,
//! no migration, nothing for `doctor` to leave behind.

use super::identity;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// A sound database: its schema version and counts.
pub struct Checked {
    pub schema: i64,
    pub feeds: i64,
    pub articles: i64,
    /// Another connection holds the write lock (a fetch, or any open write transaction).
    pub writer_active: bool,
}

/// Why a database could not be found sound.
pub enum Unchecked {
    /// Another process holds it exclusively: not even reads get through.
    Locked,
    Damaged(String),
    Failed(rusqlite::Error),
}

impl From<rusqlite::Error> for Unchecked {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Unchecked::Locked,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Unchecked::Damaged(e.to_string())
            }
            _ => Unchecked::Failed(e),
        }
    }
}

/// Integrity and counts, read without writing anything (no pragmas, no migration).
pub fn check(path: &Path, read_only: bool) -> Result<Checked, Unchecked> {
    let mode = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    // A writer in WAL mode does not stop readers; only an exclusive hold does, and then a
    // short wait is enough to tell.
    let wait = Duration::from_secs(2);
    let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(wait)?;
    let conn = match conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())) {
        Ok(()) => conn,
        // A WAL database in a folder we may not write: SQLite cannot make the -shm it reads
        // through, so read the file as it stands. (A -wal left from before the folder became
        // read-only is not read then; nobody could have added to it since.)
        Err(e) if read_only && e.sqlite_error_code() == Some(ErrorCode::ReadOnly) => {
            drop(conn);
            Connection::open_with_flags(
                format!("file:{}?immutable=1", identity::uri_path(path)),
                mode | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
            )?
        }
        Err(e) => return Err(e.into()),
    };
    conn.busy_timeout(wait)?;
    let problems = integrity_problems(&conn)?;
    if !problems.is_empty() {
        return Err(Unchecked::Damaged(describe(&problems)));
    }
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let found = Checked {
        schema: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        feeds: count("SELECT count(*) FROM feeds")?,
        articles: count("SELECT count(*) FROM articles")?,
        writer_active: !read_only && {
            conn.busy_timeout(Duration::ZERO)?;
            matches!(
                conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;"),
                Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
            )
        },
    };
    Ok(found)
}

/// The lines `PRAGMA integrity_check` reports, up to where it stops (on some damage SQLite
/// lists the bad pages, then fails outright); none when the database is sound.
fn integrity_problems(conn: &Connection) -> Result<Vec<String>, Unchecked> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let mut rows = stmt.query([])?;
    let mut problems = Vec::new();
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                // One row may hold several problems, a line each.
                let text: String = row.get(0)?;
                problems.extend(
                    text.lines()
                        .filter(|l| *l != "ok" && !l.starts_with("*** in database"))
                        .map(str::to_string),
                );
            }
            Ok(None) => return Ok(problems),
            Err(e) if problems.is_empty() => return Err(e.into()),
            Err(e) => {
                problems.push(e.to_string());
                return Ok(problems);
            }
        }
    }
}

/// "corrupt pages 38, 78 (integrity check: Page 78: …)" — the pages SQLite names, and its
/// first complaint.
fn describe(problems: &[String]) -> String {
    let mut pages: Vec<u64> = problems
        .iter()
        .filter_map(|p| {
            // "Page 38: …", "Tree 4 page 38: …", "Tree 4 page 38 cell 2: …"
            let at = p.find("age ")?;
            p[at + 4..]
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let first = problems.first().map(String::as_str).unwrap_or_default();
    let n = problems.len();
    let found = if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    };
    if pages.is_empty() {
        format!("corrupt pages (integrity check: {found}; first: {first})")
    } else {
        let list: Vec<String> = pages.iter().map(u64::to_string).collect();
        format!(
            "corrupt pages {} (integrity check: {found}; first: {first})",
            list.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_reports_become_page_lists() {
        let problems = vec![
            "Tree 4 page 224: btreeInitPage() returns error code 11".to_string(),
            "Page 38: never used".to_string(),
            "database disk image is malformed".to_string(),
        ];
        let d = describe(&problems);
        assert!(
            d.starts_with("corrupt pages 38, 224 (integrity check: 3 problems"),
            "{d}"
        );
    }
}
