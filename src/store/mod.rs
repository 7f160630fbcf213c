//! The SQLite cache: feeds, articles, their entities, and the search index.
//!
//! Plain blocking functions on a `Store` (one connection). Connections have roles: the CLI's
//! commands use one directly; the reader reads through one of its own (`open_reader`, query
//! only) while every change goes through the one `Writer` thread (refresh, marks, full texts).

pub mod access;
mod entities;
pub mod feeds;
pub mod health;
pub mod identity;
pub mod listing;
pub mod marks;
pub mod repair;
pub mod retention;
mod schema;
pub mod search;
pub mod views;
mod writer;

pub use writer::Writer;

use crate::entities::{Kind, Span};
use crate::feed::fetch::Validators;
use crate::feed::{FeedSource, Link, NewArticle};
use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::Path;

pub type Result<T> = std::result::Result<T, StoreError>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // Not a `source`: the message already holds SQLite's, and printing the chain repeated it
    // ("… malformed; … damaged …: database disk image is malformed: Error code 11: …").
    #[error("database: {0}{hint}", hint = damage_hint(.0))]
    Sqlite(rusqlite::Error),
    #[error("cannot create {0}: {1}")]
    Dir(String, std::io::Error),
    #[error(
        "{path} is damaged ({reason}); \
         `akhbar doctor --repair` moves it aside and saves what can be read into a new one"
    )]
    Corrupt { path: String, reason: String },
    #[error("database {path} cannot be written: {why}; nothing was changed")]
    ReadOnly { path: String, why: String },
    #[error("cannot open the database: {0}")]
    Unreadable(String),
    /// Not akhbar's database (or not a file): left exactly as it was.
    #[error("{path} {reason}; akhbar left it unchanged (choose another file with --db)")]
    Refused { path: String, reason: String },
    #[error(
        "database {path} was written by a newer akhbar (schema {found}, this one knows {known})"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("internal error: the database writer stopped (see the log)")]
    WriterStopped,
}

/// Which text of an article a span lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title = 0,
    Summary = 1,
    Content = 2,
    FullContent = 3,
}

impl Field {
    fn from_i64(v: i64) -> Field {
        match v {
            0 => Field::Title,
            1 => Field::Summary,
            3 => Field::FullContent,
            _ => Field::Content,
        }
    }
}

/// An entity span as stored (offsets into the named field).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredSpan {
    pub field: Field,
    pub kind: Kind,
    pub canonical: Option<String>,
    pub parent: Option<String>,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
}

/// A feed as stored, with its fetch state.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedRow {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
    pub validators: Validators,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
    pub failures: i64,
    /// A server asked us (HTTP 429/503 Retry-After) not to come back before this time.
    pub retry_after: Option<DateTime<Utc>>,
    pub full_text: String,
}

impl FeedRow {
    pub fn source(&self) -> FeedSource {
        FeedSource {
            url: self.url.clone(),
            title: self.title.clone(),
            language: self.language.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// One row of a headline list.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub feed: String,
    pub feed_title: Option<String>,
    pub title: String,
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub read: bool,
    pub starred: bool,
    pub companies: Vec<String>,
    pub language: Option<String>,
}

/// A whole article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub row: ArticleRow,
    pub author: Option<String>,
    pub categories: Vec<String>,
    pub summary: String,
    pub content: String,
    pub full_content: Option<String>,
    pub spans: Vec<StoredSpan>,
    /// The links inside the article's text (the feed's, then its page's), for the link list.
    pub links: Vec<Link>,
}

impl Article {
    /// The body to show: the full text when fetched, else the feed content, else the summary.
    pub fn body(&self) -> (&str, Field) {
        if let Some(full) = self
            .full_content
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            (full, Field::FullContent)
        } else if !self.content.trim().is_empty() {
            (&self.content, Field::Content)
        } else {
            (&self.summary, Field::Summary)
        }
    }

    pub fn spans_in(&self, field: Field) -> impl Iterator<Item = &StoredSpan> {
        self.spans.iter().filter(move |s| s.field == field)
    }
}

/// Filters for a headline list; all combine (`list_articles` makes them SQL, the bulk marks use it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleQuery {
    /// Canonical company name; its products count too.
    pub company: Option<String>,
    /// A feed's URL.
    pub feed: Option<String>,
    /// A tag of the feeds (OPML category or `add --tag`).
    pub tag: Option<String>,
    pub unread: bool,
    pub starred: bool,
    pub search: Option<String>,
    /// The canonical entity the search names, if the recognizer knows it (`/Nvidia` →
    /// Nvidia): articles naming it match whatever spelling they use.
    pub search_entity: Option<String>,
    pub limit: Option<usize>,
}

/// An article ready to be written: the parsed item, its hash, its entities (if computed) and
/// its search columns — everything the writer would otherwise compute while others wait.
#[derive(Clone, Debug)]
pub struct Ingest {
    pub article: NewArticle,
    pub hash: String,
    /// None: the stored entities are still right (the item did not change).
    pub spans: Option<Vec<(Field, Span)>>,
    /// The normalized title and body for the search index.
    pub(crate) search: [String; 2],
}

impl Ingest {
    pub fn new(article: NewArticle, hash: String, spans: Option<Vec<(Field, Span)>>) -> Ingest {
        let search = search_columns(&article.title, &article.summary, &article.content, None);
        Ingest {
            article,
            hash,
            spans,
            search,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct WriteStats {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
}

pub struct Store {
    conn: Connection,
    /// Entity names by id and ids by name (store/entities.rs).
    names: std::cell::RefCell<entities::Names>,
}

fn now() -> i64 {
    Utc::now().timestamp()
}

fn ts(v: Option<i64>) -> Option<DateTime<Utc>> {
    v.and_then(|s| Utc.timestamp_opt(s, 0).single())
}

fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn parse_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// An article's links as stored: `[[text, url], …]` (NULL: none kept, or stored before links
/// were).
fn links_json(links: &[Link]) -> Option<String> {
    if links.is_empty() {
        return None;
    }
    let pairs: Vec<[&str; 2]> = links.iter().map(|l| [l.text.as_str(), &l.url]).collect();
    serde_json::to_string(&pairs).ok()
}

fn parse_links(s: Option<&str>) -> Vec<Link> {
    let pairs: Vec<[String; 2]> = s
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    pairs
        .into_iter()
        .map(|[text, url]| Link { text, url })
        .collect()
}

/// When the new undated items of this fetch count as first seen. Usually now; but in a feed's
/// first fetch they may be of any age, so they go just below the oldest dated item of the
/// same fetch (in the feed's order) instead of burying every dated story above them.
fn undated_first_seen(tx: &Connection, feed_id: i64, items: &[Ingest], now: i64) -> Result<i64> {
    let had_articles = tx
        .prepare_cached("SELECT 1 FROM articles WHERE feed_id = ?1 LIMIT 1")?
        .exists([feed_id])?;
    if had_articles {
        return Ok(now);
    }
    let oldest = items
        .iter()
        .filter_map(|i| i.article.published)
        .map(|d| d.timestamp())
        .min();
    Ok(oldest.map_or(now, |o| o.saturating_sub(1).min(now)))
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Dir(dir.display().to_string(), e))?;
        }
        let vetted = identity::vet(path)?;
        let conn = Connection::open(path)?;
        let store = Store::with(conn);
        if vetted == identity::Vetted::New {
            // Set before anything is written: articles of 1-2 KB left a quarter of each 4 KB
            // page empty, a sixth of an 8 KB one, a twentieth of a 16 KB one.
            store.conn.pragma_update(None, "page_size", 16_384)?;
            // The mark goes in first, before WAL and tables: another process opening the file
            // meanwhile sees akhbar's database, never an unmarked one to refuse.
            store.mark_as_ours().map_err(|e| corrupt(path, e))?;
        }
        store.configure().map_err(|e| corrupt(path, e))?;
        store.migrate(path).map_err(|e| corrupt(path, e))?;
        if vetted == identity::Vetted::Legacy {
            // A cache from before the mark. On a read-only file it stays unmarked; its schema
            // still identifies it next time.
            match store.mark_as_ours() {
                Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                    if f.code == rusqlite::ErrorCode::ReadOnly => {}
                other => other.map_err(|e| corrupt(path, e))?,
            }
        }
        identity::remember(path);
        Ok(store)
    }

    fn mark_as_ours(&self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // SQLite stores the id as a signed 32-bit integer; the bits are what count.
        self.conn.pragma_update(
            None,
            "application_id",
            i32::from_be_bytes(identity::APPLICATION_ID.to_be_bytes()),
        )?;
        Ok(())
    }

    /// A connection for reading only (the reader's queries): opened as `open` does, then
    /// refused every write, so a change can only come through the `Writer`.
    pub fn open_reader(path: &Path) -> Result<Store> {
        let store = Store::open(path)?;
        store.conn.pragma_update(None, "query_only", "ON")?;
        Ok(store)
    }

    /// Open an existing database as it is: no migration, no pragmas, no checks (the repair
    /// tool reads a damaged copy with it). Read-write, because a WAL database cannot be read
    /// without its shared-memory file.
    pub fn open_unchecked(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Store::with(conn))
    }

    fn with(conn: Connection) -> Store {
        Store {
            conn,
            names: Default::default(),
        }
    }

    /// The underlying connection, for the repair tool's salvage reads.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A private in-memory database (tests, `--demo` uses a temporary file instead).
    pub fn open_in_memory() -> Result<Store> {
        let store = Store::with(Connection::open_in_memory()?);
        store.configure()?;
        store.migrate(Path::new(":memory:"))?;
        Ok(store)
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Reading the schema here detects a file that is not a database at all.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&self, path: &Path) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let known = schema::MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found: version,
                known,
            });
        }
        if version == known {
            return Ok(());
        }
        // Another process may be migrating the same file right now: take the write lock
        // first, then read the version again inside the transaction.
        loop {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            let Some(step) = schema::MIGRATIONS.get(current.max(0) as usize) else {
                tx.commit()?;
                break;
            };
            match step {
                schema::Step::Sql(sql) => tx.execute_batch(sql)?,
                schema::Step::Convert(before, convert, after) => {
                    tx.execute_batch(before)?;
                    convert(&tx)?;
                    tx.execute_batch(after)?;
                }
            }
            tx.pragma_update(None, "user_version", current + 1)?;
            tx.commit()?;
        }
        // A migration that rewrote a table (schema 6 moved the texts out of `articles`) leaves
        // the old pages free: give them back once, when they are over a quarter of the file
        // (2.2 s at 100,000 articles). Best effort: another process reading the file meanwhile
        // makes VACUUM fail, and the pages are then only reused by later writes.
        let pages: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        let free: i64 = self
            .conn
            .pragma_query_value(None, "freelist_count", |r| r.get(0))?;
        if free * 4 > pages && path != Path::new(":memory:") {
            let _ = self.conn.execute_batch("VACUUM");
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        Ok(())
    }

    /// A write transaction that takes the write lock at BEGIN. A deferred one that reads first
    /// would get SQLITE_BUSY at once (no waiting) when another process wrote in between.
    fn write_tx(&self) -> Result<rusqlite::Transaction<'_>> {
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows.join("\n"))
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    // ---- feeds ----

    /// Add feeds (existing URLs keep their state; a missing title/language is filled in).
    /// Returns how many were new.
    pub fn add_feeds(&mut self, feeds: &[FeedSource]) -> Result<usize> {
        let tx = self.write_tx()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare(
                "INSERT INTO feeds (url, title, language, tags, added) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (url) DO UPDATE SET
                    title = COALESCE(feeds.title, excluded.title),
                    language = COALESCE(feeds.language, excluded.language)",
            )?;
            let mut exists = tx.prepare("SELECT 1 FROM feeds WHERE url = ?1")?;
            for f in feeds {
                if !exists.exists([&f.url])? {
                    added += 1;
                }
                insert.execute(params![
                    f.url,
                    f.title,
                    f.language,
                    json_list(&f.tags),
                    now()
                ])?;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Remove a feed with its articles, their companies and their search rows.
    pub fn remove_feed(&mut self, url: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        {
            let mut articles = tx.prepare(
                "SELECT a.id, a.entities FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE f.url = ?1",
            )?;
            let mut rows = articles.query([url])?;
            let mut forget =
                tx.prepare("DELETE FROM article_companies WHERE company = ?1 AND article = ?2")?;
            let mut unindex = tx.prepare("DELETE FROM article_search WHERE rowid = ?1")?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let value: Option<Vec<u8>> = r.get(1)?;
                for company in value
                    .as_deref()
                    .map(entities::decode_companies)
                    .unwrap_or_default()
                {
                    forget.execute(params![company, id])?;
                }
                unindex.execute([id])?;
            }
        }
        let removed = tx.execute("DELETE FROM feeds WHERE url = ?1", [url])? > 0;
        tx.commit()?;
        Ok(removed)
    }

    pub fn feeds(&self) -> Result<Vec<FeedRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT f.id, f.url, f.title, f.language, f.tags, f.etag, f.last_modified,
                    f.last_error, f.last_error_at, f.failures, f.full_text, f.retry_after
             FROM feeds f ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FeedRow {
                id: r.get(0)?,
                url: r.get(1)?,
                title: r.get(2)?,
                language: r.get(3)?,
                tags: parse_list(&r.get::<_, String>(4)?),
                validators: Validators {
                    etag: r.get(5)?,
                    last_modified: r.get(6)?,
                },
                last_error: r.get(7)?,
                last_error_at: ts(r.get(8)?),
                failures: r.get(9)?,
                full_text: r.get(10)?,
                retry_after: ts(r.get(11)?),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn feed_by_url(&self, url: &str) -> Result<Option<FeedRow>> {
        Ok(self.feeds()?.into_iter().find(|f| f.url == url))
    }

    /// A fetch or parse failure: remembered on the feed, nothing else touched.
    /// `retry_after`: seconds the server asked us to wait (429/503 Retry-After).
    pub fn record_failure(
        &mut self,
        feed_id: i64,
        reason: &str,
        retry_after: Option<u64>,
    ) -> Result<()> {
        let t = now();
        let until = retry_after.map(|s| t.saturating_add(s.min(7 * 86_400) as i64));
        self.conn
            .prepare_cached(
                "UPDATE feeds SET last_checked = ?2, last_error = ?3, last_error_at = ?2,
                    failures = failures + 1, retry_after = ?4 WHERE id = ?1",
            )?
            .execute(params![feed_id, t, reason, until])?;
        Ok(())
    }

    /// A 304: the feed is fine and unchanged.
    pub fn record_not_modified(&mut self, feed_id: i64) -> Result<()> {
        let t = now();
        self.conn
            .prepare_cached(
                "UPDATE feeds SET last_checked = ?2, last_ok = ?2, last_error = NULL,
                    failures = 0, retry_after = NULL
                 WHERE id = ?1",
            )?
            .execute(params![feed_id, t])?;
        Ok(())
    }

    /// Content hashes of the feed's stored items, by guid (to skip unchanged items at ingest),
    /// and of the items retention removed (so they are not stored again as new).
    pub fn stored_hashes(&self, feed_id: i64) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT guid, content_hash FROM removed_items WHERE feed_id = ?1
             UNION ALL SELECT guid, content_hash FROM articles WHERE feed_id = ?1",
        )?;
        let rows = stmt.query_map([feed_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Write one successful fetch of a feed in one transaction: feed metadata, validators,
    /// articles (new ones inserted, changed ones updated in place keeping read/starred),
    /// their entities and search index. (A refresh goes through `Writer`, which puts many
    /// feeds in one transaction.)
    pub fn write_fetch(
        &mut self,
        feed_id: i64,
        meta: &FeedMeta,
        items: &[Ingest],
        entities_version: &str,
    ) -> Result<WriteStats> {
        let tx = self.write_tx()?;
        let stats = write_feed(&tx, &self.names, feed_id, meta, items, entities_version);
        match stats {
            Ok(stats) => {
                tx.commit()?;
                Ok(stats)
            }
            Err(e) => {
                drop(tx);
                self.names.borrow_mut().forget();
                Err(e)
            }
        }
    }

    // ---- articles ----

    pub fn article(&self, id: i64) -> Result<Option<Article>> {
        let found = self
            .conn
            .query_row(
                "SELECT a.id, f.url, f.title, a.title, a.link, a.published, a.read, a.starred,
                        COALESCE(a.language, f.language), a.author, a.categories,
                        COALESCE(t.summary, ''), COALESCE(t.content, ''), t.full_content, t.links
                 FROM articles a JOIN feeds f ON f.id = a.feed_id
                    LEFT JOIN article_texts t ON t.id = a.id
                 WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(Article {
                        row: ArticleRow {
                            id: r.get(0)?,
                            feed: r.get(1)?,
                            feed_title: r.get(2)?,
                            title: r.get(3)?,
                            link: r.get(4)?,
                            published: ts(r.get(5)?),
                            read: r.get(6)?,
                            starred: r.get(7)?,
                            companies: Vec::new(),
                            language: r.get(8)?,
                        },
                        author: r.get(9)?,
                        categories: parse_list(&r.get::<_, String>(10)?),
                        summary: r.get(11)?,
                        content: r.get(12)?,
                        full_content: r.get(13)?,
                        spans: Vec::new(),
                        links: parse_links(r.get::<_, Option<String>>(14)?.as_deref()),
                    })
                },
            )
            .optional()?;
        let Some(mut article) = found else {
            return Ok(None);
        };
        let value = self.entities_value(id)?;
        let mut names = self.names.borrow_mut();
        article.row.companies = company_names(&self.conn, &mut names, value.as_deref())?;
        let coded = value.as_deref().map(entities::decode).unwrap_or_default();
        article.spans = names.named(&self.conn, coded)?;
        Ok(Some(article))
    }

    fn entities_value(&self, id: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .prepare_cached("SELECT entities FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// The stored entities of an article, sorted by field and start.
    pub fn spans(&self, article_id: i64) -> Result<Vec<StoredSpan>> {
        let value = self.entities_value(article_id)?;
        let coded = value.as_deref().map(entities::decode).unwrap_or_default();
        self.names.borrow_mut().named(&self.conn, coded)
    }

    pub fn set_read(&mut self, id: i64, read: bool) -> Result<bool> {
        Ok(self.conn.execute(
            "UPDATE articles SET read = ?2 WHERE id = ?1",
            params![id, read],
        )? > 0)
    }

    pub fn set_starred(&mut self, id: i64, starred: bool) -> Result<bool> {
        Ok(self.conn.execute(
            "UPDATE articles SET starred = ?2 WHERE id = ?1",
            params![id, starred],
        )? > 0)
    }

    /// Store the full text fetched from the article's page, with its entities.
    pub fn set_full_content(&mut self, id: i64, text: &str, spans: &[Span]) -> Result<()> {
        let tx = self.write_tx()?;
        let done = (|| {
            tx.execute(
                "INSERT INTO article_texts (id, full_content) VALUES (?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET full_content = excluded.full_content",
                params![id, text],
            )?;
            let old: Option<Vec<u8>> = tx
                .query_row("SELECT entities FROM articles WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .flatten();
            let mut names = self.names.borrow_mut();
            // The feed's fields keep their entities; the page's are replaced.
            let mut coded: Vec<_> = old
                .as_deref()
                .map(entities::decode)
                .unwrap_or_default()
                .into_iter()
                .filter(|s| s.field != Field::FullContent)
                .collect();
            coded.extend(names.code(&tx, spans.iter().map(|s| (Field::FullContent, s)))?);
            entities::write(&tx, id, old.as_deref(), &mut coded)?;
            index_article(&tx, id)
        })();
        match done {
            Ok(()) => Ok(tx.commit()?),
            Err(e) => {
                drop(tx);
                self.names.borrow_mut().forget();
                Err(e)
            }
        }
    }

    pub fn feed_title(&self, feed_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT title FROM feeds WHERE id = ?1", [feed_id], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    }

    /// The newest `limit` articles of a feed that have a link but no full text yet.
    pub fn missing_full_text(&self, feed_id: i64, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id FROM articles a LEFT JOIN article_texts t ON t.id = a.id
             WHERE a.feed_id = ?1 AND t.full_content IS NULL AND a.link IS NOT NULL
             ORDER BY a.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![feed_id, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Rewrite the whole search index from the stored texts.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM article_search", [])?;
        let ids: Vec<i64> = tx
            .prepare("SELECT id FROM articles")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for id in ids {
            index_article(&tx, id)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Companies (organisations, counting their products) with the number of articles naming them.
    pub fn companies(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.name, c.n FROM
                (SELECT company, count(*) AS n FROM article_companies GROUP BY company) c
                JOIN entity_names n ON n.id = c.company
             ORDER BY c.n DESC, n.name",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn article_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    /// How many articles had their entities computed with another gazetteer version than
    /// `version`, counting no further than `at_most`.
    pub fn count_stale_entities(&self, version: &str, at_most: Option<usize>) -> Result<usize> {
        let limit = at_most.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM
                (SELECT 1 FROM articles WHERE entities_version IS NOT ?1 LIMIT ?2)",
            params![version, limit],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Ids and texts of the next `limit` articles after id `after` (in id order) whose entities
    /// were computed with another gazetteer version: a re-index reads one batch at a time, so
    /// it holds one batch of texts, not all of them.
    pub fn stale_entities(
        &self,
        version: &str,
        after: i64,
        limit: usize,
    ) -> Result<Vec<(i64, [String; 4])>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, COALESCE(t.summary, ''), COALESCE(t.content, ''),
                COALESCE(t.full_content, '')
             FROM articles a LEFT JOIN article_texts t ON t.id = a.id
             WHERE a.id > ?2 AND a.entities_version IS NOT ?1
             ORDER BY a.id LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![version, after, limit], |r| {
            Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Replace the entities of many articles in one transaction; returns how many were
    /// written. Unless `all`, an article that has `version` by now is left alone: a refresh
    /// wrote it (from newer text) since the batch was read. One removed since is left out too.
    pub fn replace_entities(
        &mut self,
        batch: &[(i64, Vec<(Field, Span)>)],
        version: &str,
        all: bool,
    ) -> Result<usize> {
        let tx = self.write_tx()?;
        let done = (|| {
            let mut names = self.names.borrow_mut();
            let mut written = 0;
            for (id, spans) in batch {
                let claimed = tx
                    .prepare_cached(
                        "UPDATE articles SET entities_version = ?2
                         WHERE id = ?1 AND (?3 OR entities_version IS NOT ?2)",
                    )?
                    .execute(params![id, version, all])?;
                if claimed == 0 {
                    continue;
                }
                replace_spans(&tx, &mut names, *id, spans)?;
                written += 1;
            }
            Ok(written)
        })();
        match done {
            Ok(written) => {
                tx.commit()?;
                Ok(written)
            }
            Err(e) => {
                drop(tx);
                self.names.borrow_mut().forget();
                Err(e)
            }
        }
    }
}

impl StoreError {
    /// Another connection held the database longer than the busy timeout: trying again later
    /// may succeed.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        ))
    }
}

/// Feed-level facts from one successful fetch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedMeta {
    pub title: Option<String>,
    pub link: Option<String>,
    pub language: Option<String>,
    pub validators: Validators,
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            )
    )
}

fn damage_hint(e: &rusqlite::Error) -> &'static str {
    if matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly)
    {
        return " (the database file or its folder is read-only; nothing was changed)";
    }
    if matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseBusy)
    {
        return " (another process holds it; try again when that is done: `akhbar doctor` names it)";
    }
    if matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull)
    {
        return " (the disk is full; what was stored before is intact)";
    }
    if is_damage(e) {
        "; the database file is damaged: `akhbar doctor --repair` moves it aside and saves \
         what can be read into a new one"
    } else {
        ""
    }
}

/// The names of the companies in a stored entities value, sorted.
fn company_names(
    conn: &Connection,
    names: &mut entities::Names,
    value: Option<&[u8]>,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in value.map(entities::decode_companies).unwrap_or_default() {
        out.extend(names.name(conn, id)?);
    }
    out.sort();
    Ok(out)
}

fn corrupt(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            StoreError::Corrupt {
                path: path.display().to_string(),
                reason: msg.unwrap_or_else(|| f.to_string()),
            }
        }
        // Opening for writing failed on permissions: say which path lacks which permission.
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ReadOnly =>
        {
            StoreError::ReadOnly {
                path: path.display().to_string(),
                why: access::cannot_write(path)
                    .unwrap_or_else(|| "the file or its folder is read-only".into()),
            }
        }
        other => other,
    }
}

/// One feed's fetch on `conn`, inside the caller's transaction: the feed's state, then each
/// item inserted, updated in place (read and starred kept) or, when its hash is the stored one,
/// left alone.
pub(crate) fn write_feed(
    conn: &Connection,
    names: &std::cell::RefCell<entities::Names>,
    feed_id: i64,
    meta: &FeedMeta,
    items: &[Ingest],
    entities_version: &str,
) -> Result<WriteStats> {
    let t = now();
    let mut stats = WriteStats::default();
    let changed = conn
        .prepare_cached(
            "UPDATE feeds SET title = CASE WHEN title_locked THEN title ELSE COALESCE(?2, title) END,
                site_link = COALESCE(?3, site_link),
                language = COALESCE(language, ?4), etag = ?5, last_modified = ?6,
                last_checked = ?7, last_ok = ?7, last_error = NULL, failures = 0,
                retry_after = NULL
             WHERE id = ?1",
        )?
        .execute(params![
            feed_id,
            meta.title,
            meta.link,
            meta.language,
            meta.validators.etag,
            meta.validators.last_modified,
            t
        ])?;
    if changed == 0 {
        // Removed while it was being fetched: nothing of it is kept.
        return Err(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows));
    }
    let mut find = conn.prepare_cached(
        "SELECT a.id, a.content_hash, a.entities,
            COALESCE((SELECT full_content IS NOT NULL FROM article_texts WHERE id = a.id), 0)
         FROM articles a WHERE a.feed_id = ?1 AND a.guid = ?2",
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO articles (feed_id, guid, title, link, published, author, categories,
            language, content_hash, fetched, updated, entities_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?11)",
    )?;
    let mut update = conn.prepare_cached(
        "UPDATE articles SET title = ?2, link = ?3, published = ?4, author = ?5,
            categories = ?6, language = ?7, content_hash = ?8, updated = ?9,
            entities_version = ?10
         WHERE id = ?1",
    )?;
    // The feed's texts, the page's (full_content) kept.
    let mut texts = conn.prepare_cached(
        "INSERT INTO article_texts (id, summary, content, links) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, content = excluded.content,
            links = excluded.links",
    )?;
    let first_seen = undated_first_seen(conn, feed_id, items, t)?;
    let mut insert_search =
        conn.prepare_cached("INSERT INTO article_search (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut names = names.borrow_mut();
    for item in items {
        let a = &item.article;
        type Found = (i64, String, Option<Vec<u8>>, bool);
        let existing: Option<Found> = find
            .query_row(params![feed_id, a.guid], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        if existing.is_none() && item.spans.is_none() {
            // Unchanged since retention removed it: not new.
            stats.unchanged += 1;
            continue;
        }
        let published = a.published.map(|d| d.timestamp());
        let categories = json_list(&a.categories);
        let links = links_json(&a.links);
        match existing {
            Some((_, ref h, _, _)) if *h == item.hash => {
                stats.unchanged += 1;
            }
            Some((id, _, old, has_full)) => {
                update.execute(params![
                    id,
                    a.title,
                    a.link,
                    published,
                    a.author,
                    categories,
                    a.language,
                    item.hash,
                    t,
                    entities_version,
                ])?;
                texts.execute(params![id, a.summary, a.content, links])?;
                stats.updated += 1;
                if let Some(spans) = &item.spans {
                    let mut coded = names.code(conn, spans.iter().map(|(f, s)| (*f, s)))?;
                    let with_full = spans.iter().any(|(f, _)| *f == Field::FullContent);
                    if !with_full {
                        // The page's text did not change: its entities stay.
                        let kept = old.as_deref().map(entities::decode).unwrap_or_default();
                        coded.extend(kept.into_iter().filter(|s| s.field == Field::FullContent));
                    }
                    entities::write(conn, id, old.as_deref(), &mut coded)?;
                }
                if has_full {
                    index_article(conn, id)?;
                } else {
                    conn.prepare_cached("DELETE FROM article_search WHERE rowid = ?1")?
                        .execute([id])?;
                    insert_search.execute(params![id, item.search[0], item.search[1]])?;
                }
            }
            None => {
                insert.execute(params![
                    feed_id,
                    a.guid,
                    a.title,
                    a.link,
                    published,
                    a.author,
                    categories,
                    a.language,
                    item.hash,
                    if a.published.is_some() { t } else { first_seen },
                    entities_version,
                    t,
                ])?;
                stats.new += 1;
                let id = conn.last_insert_rowid();
                texts.execute(params![id, a.summary, a.content, links])?;
                if let Some(spans) = &item.spans {
                    let mut coded = names.code(conn, spans.iter().map(|(f, s)| (*f, s)))?;
                    entities::write(conn, id, None, &mut coded)?;
                }
                // A new row: the index columns were made before the write, nothing to delete.
                insert_search.execute(params![id, item.search[0], item.search[1]])?;
            }
        }
    }
    Ok(stats)
}

/// Replace an article's entities: those of the feed's fields always, those of the page's text
/// only when `spans` has some (else they stay).
fn replace_spans(
    conn: &Connection,
    names: &mut entities::Names,
    id: i64,
    spans: &[(Field, Span)],
) -> Result<()> {
    let old: Option<Vec<u8>> = conn
        .prepare_cached("SELECT entities FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    let mut coded = names.code(conn, spans.iter().map(|(f, s)| (*f, s)))?;
    if !spans.iter().any(|(f, _)| *f == Field::FullContent) {
        let kept = old.as_deref().map(entities::decode).unwrap_or_default();
        coded.extend(kept.into_iter().filter(|s| s.field == Field::FullContent));
    }
    entities::write(conn, id, old.as_deref(), &mut coded)
}

/// The search index's title and body of an article. A summary that only repeats the title (many
/// feeds send the title as the description) is not indexed twice.
fn search_columns(title: &str, summary: &str, content: &str, full: Option<&str>) -> [String; 2] {
    let summary = if summary.trim() == title.trim() {
        ""
    } else {
        summary
    };
    let body = format!("{summary}\n{content}\n{}", full.unwrap_or_default());
    search::index_columns(title, &body)
}

/// (Re)write the search row of one article from its stored texts.
fn index_article(tx: &Connection, id: i64) -> Result<()> {
    let (title, summary, content, full): (String, String, String, Option<String>) = tx.query_row(
        "SELECT a.title, COALESCE(t.summary, ''), COALESCE(t.content, ''), t.full_content
         FROM articles a LEFT JOIN article_texts t ON t.id = a.id WHERE a.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    tx.prepare_cached("DELETE FROM article_search WHERE rowid = ?1")?
        .execute([id])?;
    let [t, b] = search_columns(&title, &summary, &content, full.as_deref());
    tx.prepare_cached("INSERT INTO article_search (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, t, b])?;
    Ok(())
}

#[cfg(test)]
mod error_tests {
    use super::StoreError;

    #[test]
    fn a_sqlite_error_is_said_once_with_its_hint() {
        let corrupt = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some("database disk image is malformed".into()),
        );
        let shown = format!("{:#}", anyhow::Error::from(StoreError::from(corrupt)));
        assert_eq!(shown.matches("malformed").count(), 1, "{shown}");
        assert!(shown.contains("akhbar doctor --repair"), "{shown}");
    }
}

/// A store in memory with one feed, for tests: (store, the feed's id).
#[cfg(test)]
#[allow(clippy::unwrap_used)] // a test's setup: a failure is the panic
pub(crate) fn in_memory_with_a_feed() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .add_feeds(&[crate::feed::FeedSource {
            url: "https://ait.example/feed".into(),
            title: None,
            language: None,
            tags: Vec::new(),
        }])
        .unwrap();
    let feed = store.feeds().unwrap()[0].id;
    (store, feed)
}

#[cfg(test)]
mod schema6_tests;
