//! Versioned migrations. Each entry runs once, in order, inside one transaction; the version is
//! kept in `PRAGMA user_version`. A step is SQL, or SQL then a conversion in Rust.

pub(crate) enum Step {
    Sql(&'static str),
    /// SQL, then `convert` on the same transaction, then the second SQL.
    Convert(
        &'static str,
        fn(&rusqlite::Connection) -> super::Result<()>,
        &'static str,
    ),
}

pub(crate) const MIGRATIONS: &[Step] = &[
    // 1: feeds, articles, entities.
    Step::Sql(
        r#"
    CREATE TABLE feeds (
        id              INTEGER PRIMARY KEY,
        url             TEXT NOT NULL UNIQUE,
        title           TEXT,
        site_link       TEXT,
        language        TEXT,
        tags            TEXT NOT NULL DEFAULT '[]',
        etag            TEXT,
        last_modified   TEXT,
        last_checked    INTEGER,
        last_ok         INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER,
        failures        INTEGER NOT NULL DEFAULT 0,
        retry_after     INTEGER,
        full_text       TEXT NOT NULL DEFAULT 'auto',
        added           INTEGER NOT NULL
    );
    CREATE TABLE articles (
        id              INTEGER PRIMARY KEY,
        feed_id         INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid            TEXT NOT NULL,
        title           TEXT NOT NULL,
        link            TEXT,
        published       INTEGER,
        author          TEXT,
        categories      TEXT NOT NULL DEFAULT '[]',
        summary         TEXT NOT NULL DEFAULT '',
        content         TEXT NOT NULL DEFAULT '',
        full_content    TEXT,
        language        TEXT,
        content_hash    TEXT NOT NULL,
        fetched         INTEGER NOT NULL,
        updated         INTEGER NOT NULL,
        read            INTEGER NOT NULL DEFAULT 0,
        starred         INTEGER NOT NULL DEFAULT 0,
        entities_version TEXT,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_by_date ON articles (COALESCE(published, fetched) DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id);
    CREATE TABLE article_entities (
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field       INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        canonical   TEXT,
        parent      TEXT,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        value       REAL
    );
    CREATE INDEX article_entities_by_article ON article_entities (article_id);
    CREATE INDEX article_entities_by_canonical ON article_entities (canonical) WHERE canonical IS NOT NULL;
    CREATE INDEX article_entities_by_parent ON article_entities (parent) WHERE parent IS NOT NULL;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    "#,
    ),
    // 2: search over a normalized copy (the entities' normalization), shown from the original;
    // contentless: the text is in `articles`, the index needs only the tokens.
    Step::Sql(
        r#"
    CREATE VIRTUAL TABLE article_search USING fts5 (
        title, body, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
    );
    "#,
    ),
    // 3: the compact entity store (store/entities.rs): names once, spans in one value per
    // article, (company, article) pairs for filters and counts; unread articles indexed (the
    // header's count); the old entity rows converted, then dropped.
    Step::Convert(
        r#"
    CREATE TABLE entity_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE article_companies (
        company INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (company, article)
    ) WITHOUT ROWID;
    ALTER TABLE articles ADD COLUMN entities BLOB;
    CREATE INDEX articles_unread ON articles (feed_id) WHERE read = 0;
    "#,
        super::entities::convert_rows,
        r#"
    DROP TABLE article_entities;
    "#,
    ),
    // 4: the daily workflow. A feed renamed by its reader keeps that name over the feed's own
    // (`title_locked`); an article keeps the links of its HTML (JSON [[text, url], …]); saved
    // views; and what retention removed, so an item the feed still carries is not stored again
    // as new (its hash is what `stored_hashes` compares).
    Step::Sql(
        r#"
    ALTER TABLE feeds ADD COLUMN title_locked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN links TEXT;
    CREATE TABLE saved_views (
        name        TEXT PRIMARY KEY,
        filter      TEXT NOT NULL,
        created     INTEGER NOT NULL
    );
    CREATE TABLE removed_items (
        feed_id         INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid            TEXT NOT NULL,
        content_hash    TEXT NOT NULL,
        removed         INTEGER NOT NULL,
        PRIMARY KEY (feed_id, guid)
    ) WITHOUT ROWID;
    "#,
    ),
    // 5: the search index's vocabulary, read before a search so the MATCH expression holds only
    // the forms of each word that occur (a word's clitic forms are two dozen; most never do).
    Step::Sql(
        r#"
    CREATE VIRTUAL TABLE article_search_vocab USING fts5vocab(article_search, 'row');
    "#,
    ),
    // 6: the texts apart from what lists read. A list of every article (a search hitting all
    // 100,000) looks each row up by id; with the bodies inline those rows filled 173 MB of
    // pages, now 40 MB. The list's columns come first in the row. `articles` is rebuilt (SQLite
    // cannot drop columns without rewriting the table anyway); it is renamed first so that no
    // foreign key follows the old table and dropping it deletes nothing else. And unread
    // articles indexed by date: the reader's unread list sorted every unread row through a
    // temporary b-tree to show the newest 300. The search vocabulary of 5 goes: counting a
    // form's documents cost more than asking the index for its first row (store/listing.rs).
    Step::Sql(
        r#"
    ALTER TABLE articles RENAME TO articles_old;
    DROP INDEX articles_by_date;
    DROP INDEX articles_by_feed;
    DROP INDEX articles_unread;
    CREATE TABLE articles (
        id              INTEGER PRIMARY KEY,
        feed_id         INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        title           TEXT NOT NULL,
        link            TEXT,
        published       INTEGER,
        fetched         INTEGER NOT NULL,
        read            INTEGER NOT NULL DEFAULT 0,
        starred         INTEGER NOT NULL DEFAULT 0,
        language        TEXT,
        entities        BLOB,
        guid            TEXT NOT NULL,
        author          TEXT,
        categories      TEXT NOT NULL DEFAULT '[]',
        content_hash    TEXT NOT NULL,
        updated         INTEGER NOT NULL,
        entities_version TEXT,
        UNIQUE (feed_id, guid)
    );
    INSERT INTO articles (id, feed_id, title, link, published, fetched, read, starred, language,
        entities, guid, author, categories, content_hash, updated, entities_version)
    SELECT id, feed_id, title, link, published, fetched, read, starred, language,
        entities, guid, author, categories, content_hash, updated, entities_version
    FROM articles_old;
    CREATE TABLE article_texts (
        id              INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        summary         TEXT NOT NULL DEFAULT '',
        content         TEXT NOT NULL DEFAULT '',
        full_content    TEXT,
        links           TEXT
    );
    INSERT INTO article_texts (id, summary, content, full_content, links)
    SELECT id, summary, content, full_content, links FROM articles_old;
    DROP TABLE articles_old;
    DROP TABLE article_search_vocab;
    CREATE INDEX articles_by_date ON articles (COALESCE(published, fetched) DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id);
    CREATE INDEX articles_unread ON articles (feed_id) WHERE read = 0;
    CREATE INDEX articles_unread_by_date ON articles (COALESCE(published, fetched) DESC)
        WHERE read = 0;
    "#,
    ),
];
