//! The store on real SQLite files: migrations, idempotent upserts, flags across refreshes,
//! failed writes leaving the previous data intact, search and the company filter.
#![allow(clippy::unwrap_used)]

use akhbar::entities::{Kind, Span};
use akhbar::feed::fetch::Validators;
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::{ArticleQuery, FeedMeta, Field, Ingest, Store, StoredSpan, Writer};

fn feed(url: &str) -> FeedSource {
    FeedSource {
        url: url.into(),
        title: Some("AIT News".into()),
        language: Some("ar".into()),
        tags: vec!["tech".into()],
    }
}

fn article(guid: &str, title: &str, content: &str) -> NewArticle {
    NewArticle {
        guid: guid.into(),
        title: title.into(),
        link: Some(format!("https://example.com/{guid}")),
        published: chrono::DateTime::from_timestamp(1_760_000_000 + guid.len() as i64, 0),
        content: content.into(),
        ..Default::default()
    }
}

fn span(
    kind: Kind,
    text: &str,
    within: &str,
    canonical: Option<&str>,
    parent: Option<&str>,
) -> Span {
    let start = within.find(text).unwrap();
    Span {
        kind,
        start,
        end: start + text.len(),
        text: text.into(),
        canonical: canonical.map(Into::into),
        parent: parent.map(Into::into),
        value: None,
    }
}

fn ingest(a: NewArticle, spans: Vec<(Field, Span)>) -> Ingest {
    let hash = content_hash(&a);
    Ingest::new(a, hash, Some(spans))
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/akhbar.db");
    let mut store = Store::open(&path).unwrap();
    store.add_feeds(&[feed("https://a.example/feed")]).unwrap();
    let id = store.feeds().unwrap()[0].id;
    (dir, path, store, id)
}

#[test]
fn migrations_run_on_an_empty_file_and_reopen_cleanly() {
    let (_dir, path, store, _) = setup();
    let v = store.schema_version().unwrap();
    assert!(v >= 2, "schema version {v}");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.schema_version().unwrap(), v);
    assert_eq!(again.feeds().unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.db");
    std::fs::write(&path, vec![b'x'; 8192]).unwrap();
    let err = Store::open(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("is not an akhbar database: not an SQLite database"),
        "{err}"
    );
    // And nothing was written over it.
    assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 8192]);
}

#[test]
fn upserts_are_idempotent_and_updates_happen_in_place() {
    let (_dir, _path, mut store, feed_id) = setup();
    let items = vec![
        ingest(article("1", "مايكروسوفت تستثمر", "نص"), vec![]),
        ingest(article("2", "OpenAI تطلق", "نص"), vec![]),
    ];
    let s = store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    assert_eq!((s.new, s.updated, s.unchanged), (2, 0, 0));
    let s = store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    assert_eq!((s.new, s.updated, s.unchanged), (0, 0, 2));
    assert_eq!(store.article_count().unwrap(), 2);

    let changed = vec![ingest(
        article("1", "مايكروسوفت تستثمر 10 مليارات", "نص"),
        vec![],
    )];
    let before = store.list_articles(&ArticleQuery::default()).unwrap();
    let id1 = before
        .iter()
        .find(|r| r.title.starts_with("مايكروسوفت"))
        .unwrap()
        .id;
    let s = store
        .write_fetch(feed_id, &FeedMeta::default(), &changed, "v1")
        .unwrap();
    assert_eq!((s.new, s.updated), (0, 1));
    assert_eq!(store.article_count().unwrap(), 2);
    assert_eq!(
        store.article(id1).unwrap().unwrap().row.title,
        "مايكروسوفت تستثمر 10 مليارات"
    );
}

#[test]
fn read_and_starred_survive_refreshes_and_updates() {
    let (_dir, _path, mut store, feed_id) = setup();
    let items = vec![ingest(article("1", "عنوان", "نص"), vec![])];
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    let id = store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    assert!(store.set_read(id, true).unwrap());
    assert!(store.set_starred(id, true).unwrap());
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    let updated = vec![ingest(article("1", "عنوان جديد", "نص أطول"), vec![])];
    store
        .write_fetch(feed_id, &FeedMeta::default(), &updated, "v1")
        .unwrap();
    let a = store.article(id).unwrap().unwrap();
    assert!(a.row.read && a.row.starred);
    assert_eq!(a.row.title, "عنوان جديد");
    assert_eq!(
        store
            .list_articles(&ArticleQuery {
                unread: true,
                ..Default::default()
            })
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        store
            .list_articles(&ArticleQuery {
                starred: true,
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_failed_write_leaves_the_previous_data_intact() {
    let (_dir, path, mut store, feed_id) = setup();
    let first = vec![ingest(article("1", "الأول", "نص"), vec![])];
    store
        .write_fetch(
            feed_id,
            &FeedMeta {
                validators: Validators {
                    etag: Some("\"v1\"".into()),
                    last_modified: None,
                },
                ..Default::default()
            },
            &first,
            "v1",
        )
        .unwrap();
    // Another connection makes every insert of the item "poison" fail, as a full disk would.
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.guid = 'poison'
             BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END;",
        )
        .unwrap();
    let second = vec![
        ingest(article("2", "الثاني", "نص"), vec![]),
        ingest(article("poison", "السم", "نص"), vec![]),
    ];
    let meta = FeedMeta {
        validators: Validators {
            etag: Some("\"v2\"".into()),
            last_modified: None,
        },
        ..Default::default()
    };
    let err = store
        .write_fetch(feed_id, &meta, &second, "v1")
        .unwrap_err();
    assert!(err.to_string().contains("simulated write failure"), "{err}");
    // Nothing of the failed fetch is there: not the good item, not the new validators.
    let titles: Vec<String> = store
        .list_articles(&ArticleQuery::default())
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, vec!["الأول".to_string()]);
    assert_eq!(
        store.feeds().unwrap()[0].validators.etag.as_deref(),
        Some("\"v1\"")
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn failures_are_recorded_per_feed_and_cleared_by_success() {
    let (_dir, _path, mut store, feed_id) = setup();
    store.record_failure(feed_id, "HTTP 500", None).unwrap();
    store
        .record_failure(feed_id, "HTTP 429", Some(120))
        .unwrap();
    let f = &store.feeds().unwrap()[0];
    assert_eq!(f.failures, 2);
    assert_eq!(f.last_error.as_deref(), Some("HTTP 429"));
    assert!(f.retry_after.is_some_and(|t| t > chrono::Utc::now()));
    store.record_not_modified(feed_id).unwrap();
    let f = &store.feeds().unwrap()[0];
    assert_eq!(
        (f.failures, f.last_error.clone(), f.retry_after),
        (0, None, None)
    );
}

#[test]
fn company_filter_counts_products_and_companies_are_counted() {
    let (_dir, _path, mut store, feed_id) = setup();
    let t1 = "مايكروسوفت تستثمر في OpenAI";
    let t2 = "ChatGPT يصل إلى مليار مستخدم";
    let t3 = "سامسونج تطلق هاتفا";
    let items = vec![
        ingest(
            article("1", t1, ""),
            vec![
                (
                    Field::Title,
                    span(Kind::Org, "مايكروسوفت", t1, Some("Microsoft"), None),
                ),
                (
                    Field::Title,
                    span(Kind::Org, "OpenAI", t1, Some("OpenAI"), None),
                ),
            ],
        ),
        ingest(
            article("2", t2, ""),
            vec![(
                Field::Title,
                span(
                    Kind::Product,
                    "ChatGPT",
                    t2,
                    Some("ChatGPT"),
                    Some("OpenAI"),
                ),
            )],
        ),
        ingest(
            article("3", t3, ""),
            vec![(
                Field::Title,
                span(Kind::Org, "سامسونج", t3, Some("Samsung"), None),
            )],
        ),
    ];
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    let q = |c: &str| {
        store
            .list_articles(&ArticleQuery {
                company: Some(c.into()),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(q("Microsoft"), vec![t1.to_string()]);
    let mut openai = q("OpenAI");
    openai.sort();
    let mut want = vec![t1.to_string(), t2.to_string()];
    want.sort();
    assert_eq!(openai, want);
    let companies = store.companies().unwrap();
    assert_eq!(companies[0], ("OpenAI".to_string(), 2));
    assert!(companies.contains(&("Samsung".to_string(), 1)));
    let row = store.list_articles(&ArticleQuery::default()).unwrap();
    let r1 = row.iter().find(|r| r.title == t1).unwrap();
    assert_eq!(
        r1.companies,
        vec!["Microsoft".to_string(), "OpenAI".to_string()]
    );
    let a = store.article(r1.id).unwrap().unwrap();
    assert_eq!(a.spans.len(), 2);
    assert_eq!(&t1[a.spans[0].start..a.spans[0].end], "مايكروسوفت");
}

#[test]
fn arabic_search_folds_spellings_and_clitics() {
    let (_dir, _path, mut store, feed_id) = setup();
    let docs = [
        ("1", "إطلاق هاتف جديد", "خبر عن الإطلاق"),
        ("2", "مشروع للطاقة الشمسية", "محطة الطاقه"),
        ("3", "مستشفى ذكي", "يعمل بالذَّكَاءِ الاصطناعي"),
        ("4", "نمو ٣٥٪ في المبيعات", "الأرقام"),
        ("5", "تقرير", "أدوات للذكاء الاصطناعي والذكاء التوليدي"),
        ("6", "سامسونج تكشف", "هاتف قابل للطي"),
    ];
    let items: Vec<Ingest> = docs
        .iter()
        .map(|(g, t, c)| ingest(article(g, t, c), vec![]))
        .collect();
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v1")
        .unwrap();
    let find = |q: &str| {
        let mut ids: Vec<String> = store
            .list_articles(&ArticleQuery {
                search: Some(q.into()),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(find("اطلاق"), vec!["إطلاق هاتف جديد"]);
    assert_eq!(find("الطاقة"), vec!["مشروع للطاقة الشمسية"]);
    assert_eq!(find("مستشفي"), vec!["مستشفى ذكي"]);
    assert_eq!(find("الذكاء"), vec!["تقرير", "مستشفى ذكي"]);
    assert_eq!(find("35"), vec!["نمو ٣٥٪ في المبيعات"]);
    assert_eq!(find("سامسو*"), vec!["سامسونج تكشف"]);
    // «بالذَّكَاءِ الاصطناعي» is the phrase too, with a clitic and harakat.
    assert_eq!(find("\"الذكاء الاصطناعي\""), vec!["تقرير", "مستشفى ذكي"]);
    assert_eq!(find("\"الاصطناعي والذكاء\""), vec!["تقرير"]);
    assert_eq!(find("هاتف ذكاء"), Vec::<String>::new());
    // A word in no article: none of its forms is in the index, and nothing matches.
    assert_eq!(find("هاتف بطارية"), Vec::<String>::new());
    assert_eq!(find("بطارية"), Vec::<String>::new());
    assert_eq!(find("هاتف للطي"), vec!["سامسونج تكشف"]);
}

/// Every kind of span, with canonical names, parents and values, in every field.
fn every_kind(text: &str) -> Vec<(Field, Span)> {
    let at = |kind, start: usize, end: usize, canonical: Option<&str>, parent: Option<&str>| Span {
        kind,
        start,
        end,
        text: text[start..end].into(),
        canonical: canonical.map(Into::into),
        parent: parent.map(Into::into),
        value: None,
    };
    let mut money = at(Kind::Money, 10, 12, None, None);
    money.value = Some(3.0e11);
    let mut percent = at(Kind::Percent, 2, 6, None, None);
    percent.value = Some(0.35);
    vec![
        (Field::Title, at(Kind::Org, 0, 4, Some("Microsoft"), None)),
        (
            Field::Title,
            at(Kind::Product, 4, 8, Some("ChatGPT"), Some("OpenAI")),
        ),
        (
            Field::Summary,
            at(Kind::Person, 0, 6, Some("Sam Altman"), None),
        ),
        (Field::Content, at(Kind::Place, 0, 2, Some("Riyadh"), None)),
        (Field::Content, money),
        (Field::Content, percent),
        (Field::Content, at(Kind::Number, 14, 16, None, None)),
        (
            Field::Content,
            at(Kind::Date, 16, 20, Some("2026-05"), None),
        ),
    ]
}

#[test]
fn the_compact_entity_store_gives_back_every_span_as_written() {
    let (_dir, path, mut store, feed_id) = setup();
    let text = "abcdefghijklmnopqrstuvwxyz";
    let mut a = article("1", text, text);
    a.summary = text.into();
    let spans = every_kind(text);
    store
        .write_fetch(
            feed_id,
            &FeedMeta::default(),
            &[ingest(a, spans.clone())],
            "v1",
        )
        .unwrap();
    drop(store);
    // A new connection: nothing comes from a cache of names.
    let store = Store::open(&path).unwrap();
    let id = store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    let got = store.article(id).unwrap().unwrap();
    let mut want: Vec<StoredSpan> = spans
        .iter()
        .map(|(field, s)| StoredSpan {
            field: *field,
            kind: s.kind,
            canonical: s.canonical.clone(),
            parent: s.parent.clone(),
            start: s.start,
            end: s.end,
            value: s.value,
        })
        .collect();
    want.sort_by_key(|s| (s.field as u8, s.start, s.end));
    assert_eq!(got.spans, want);
    assert_eq!(got.row.companies, vec!["Microsoft", "OpenAI"]);
    // A page's text adds its spans and keeps the feed's; the feed's change keeps the page's.
    let page = "OpenAI page";
    let mut store = store;
    store
        .set_full_content(
            id,
            page,
            &[span(Kind::Org, "OpenAI", page, Some("OpenAI"), None)],
        )
        .unwrap();
    assert_eq!(store.spans(id).unwrap().len(), want.len() + 1);
    let mut changed = article("1", text, "another text");
    changed.summary = text.into();
    store
        .write_fetch(
            feed_id,
            &FeedMeta::default(),
            &[ingest(changed, vec![])],
            "v1",
        )
        .unwrap();
    let left = store.spans(id).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].field, Field::FullContent);
    assert_eq!(store.companies().unwrap(), vec![("OpenAI".to_string(), 1)]);
}

/// The schema of akhbar before the compact entity store (migrations 1 and 2), as it made files.
const OLD_SCHEMA: &str = r#"
    CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT,
        site_link TEXT, language TEXT, tags TEXT NOT NULL DEFAULT '[]', etag TEXT,
        last_modified TEXT, last_checked INTEGER, last_ok INTEGER, last_error TEXT,
        last_error_at INTEGER, failures INTEGER NOT NULL DEFAULT 0, retry_after INTEGER,
        full_text TEXT NOT NULL DEFAULT 'auto', added INTEGER NOT NULL);
    CREATE TABLE articles (id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE, guid TEXT NOT NULL,
        title TEXT NOT NULL, link TEXT, published INTEGER, author TEXT,
        categories TEXT NOT NULL DEFAULT '[]', summary TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '', full_content TEXT, language TEXT,
        content_hash TEXT NOT NULL, fetched INTEGER NOT NULL, updated INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0,
        entities_version TEXT, UNIQUE (feed_id, guid));
    CREATE INDEX articles_by_date ON articles (COALESCE(published, fetched) DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id);
    CREATE TABLE article_entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field INTEGER NOT NULL, kind TEXT NOT NULL, canonical TEXT, parent TEXT,
        start INTEGER NOT NULL, end INTEGER NOT NULL, value REAL);
    CREATE INDEX article_entities_by_article ON article_entities (article_id);
    CREATE INDEX article_entities_by_canonical ON article_entities (canonical)
        WHERE canonical IS NOT NULL;
    CREATE INDEX article_entities_by_parent ON article_entities (parent) WHERE parent IS NOT NULL;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE VIRTUAL TABLE article_search USING fts5 (title, body, content = '',
        contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
    PRAGMA user_version = 2;
"#;

#[test]
fn a_cache_made_by_the_old_schema_keeps_its_entities_read_flags_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let text = "abcdefghijklmnopqrstuvwxyz";
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "application_id", 0x616B_6862)
            .unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        c.execute_batch(OLD_SCHEMA).unwrap();
        c.execute(
            "INSERT INTO feeds (id, url, added) VALUES (1, 'https://ait.example/feed', 0)",
            [],
        )
        .unwrap();
        for (id, read) in [(1, 1), (2, 0)] {
            c.execute(
                "INSERT INTO articles (id, feed_id, guid, title, summary, content, content_hash,
                    fetched, updated, read, entities_version)
                 VALUES (?1, 1, ?1, ?2, ?2, ?2, 'h', ?1, ?1, ?3, 'v1')",
                rusqlite::params![id, text, read],
            )
            .unwrap();
            c.execute(
                "INSERT INTO article_search (rowid, title, body) VALUES (?1, 'مايكروسوفت', 'نص')",
                [id],
            )
            .unwrap();
        }
        // Article 1: every kind; article 2: the product only.
        let mut insert = c
            .prepare(
                "INSERT INTO article_entities (article_id, field, kind, canonical, parent, start,
                    end, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .unwrap();
        for (field, s) in every_kind(text) {
            insert
                .execute(rusqlite::params![
                    1,
                    field as i64,
                    s.kind.as_str(),
                    s.canonical,
                    s.parent,
                    s.start as i64,
                    s.end as i64,
                    s.value
                ])
                .unwrap();
        }
        insert
            .execute(rusqlite::params![
                2,
                0,
                "product",
                "ChatGPT",
                "OpenAI",
                4,
                8,
                None::<f64>
            ])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    // Every migration ran: 3 converted the entities, 4 added the workflow's tables, 5 the
    // search vocabulary, 6 moved the texts out of `articles`.
    assert_eq!(store.schema_version().unwrap(), 6);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let spans = store.spans(1).unwrap();
    assert_eq!(spans.len(), 8);
    let money = spans.iter().find(|s| s.kind == Kind::Money).unwrap();
    assert_eq!(
        (money.start, money.end, money.value),
        (10, 12, Some(3.0e11))
    );
    let product = spans.iter().find(|s| s.kind == Kind::Product).unwrap();
    assert_eq!(product.parent.as_deref(), Some("OpenAI"));
    assert_eq!(
        store.companies().unwrap(),
        vec![("OpenAI".to_string(), 2), ("Microsoft".to_string(), 1)]
    );
    let openai = store
        .list_articles(&ArticleQuery {
            company: Some("OpenAI".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(openai.len(), 2);
    let first = openai.iter().find(|r| r.id == 1).unwrap();
    assert!(first.read, "the read flag survives");
    assert_eq!(first.companies, vec!["Microsoft", "OpenAI"]);
    let found = store
        .list_articles(&ArticleQuery {
            search: Some("مايكروسوفت".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 2, "the search index is kept");
    let gone: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'article_entities%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(gone, 0, "the old table and its indexes are dropped");
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn the_writer_batches_feeds_and_a_failing_feed_loses_nothing_of_the_others() {
    let (_dir, path, mut store, first) = setup();
    store
        .add_feeds(&[
            feed("https://b.example/feed"),
            feed("https://c.example/feed"),
        ])
        .unwrap();
    let ids: Vec<i64> = store.feeds().unwrap().iter().map(|f| f.id).collect();
    let writer = Writer::spawn(store).unwrap();
    let rt = runtime();
    let items = |feed: i64, n: usize| -> Vec<Ingest> {
        (0..n)
            .map(|i| {
                let title = format!("مايكروسوفت {feed} {i}");
                ingest(
                    article(&format!("{feed}-{i}"), &title, "نص"),
                    vec![(
                        Field::Title,
                        span(Kind::Org, "مايكروسوفت", &title, Some("Microsoft"), None),
                    )],
                )
            })
            .collect()
    };
    // Three feeds at once, one of them a feed that no longer exists.
    let results = rt.block_on(async {
        let a = writer.write_fetch(first, FeedMeta::default(), items(first, 30), "v1".into());
        let gone = writer.write_fetch(9_999, FeedMeta::default(), items(9_999, 30), "v1".into());
        let c = writer.write_fetch(ids[2], FeedMeta::default(), items(ids[2], 30), "v1".into());
        let failed = writer.record_failure(ids[1], "HTTP 500".into(), None);
        tokio::join!(a, gone, c, failed)
    });
    assert_eq!(results.0.unwrap().new, 30);
    assert!(results.1.is_err(), "a removed feed's write fails");
    assert_eq!(results.2.unwrap().new, 30);
    results.3.unwrap();
    drop(writer);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.article_count().unwrap(), 60);
    assert_eq!(
        store.companies().unwrap(),
        vec![("Microsoft".to_string(), 60)]
    );
    let b = store
        .feed_by_url("https://b.example/feed")
        .unwrap()
        .unwrap();
    assert_eq!(b.last_error.as_deref(), Some("HTTP 500"));
}

#[test]
fn a_mark_made_while_a_fetch_is_being_written_is_kept() {
    let (_dir, path, mut store, feed_id) = setup();
    store
        .write_fetch(
            feed_id,
            &FeedMeta::default(),
            &[ingest(article("1", "خبر", "نص"), vec![])],
            "v1",
        )
        .unwrap();
    let id = store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    let writer = Writer::spawn(store).unwrap();
    let rt = runtime();
    rt.block_on(async {
        // The batch is open with the article changed in it when the reader marks it; the
        // same article changes again in the same batch after the mark.
        let first = writer.write_fetch(
            feed_id,
            FeedMeta::default(),
            vec![ingest(article("1", "خبر", "نص معدل"), vec![])],
            "v1".into(),
        );
        let (first, ()) = tokio::join!(first, async {
            let w = writer.clone();
            tokio::task::spawn_blocking(move || {
                w.run_blocking(move |s| s.set_read(id, true))
                    .unwrap()
                    .unwrap();
                w.run_blocking(move |s| s.set_starred(id, true))
                    .unwrap()
                    .unwrap();
            })
            .await
            .unwrap();
        });
        assert_eq!(first.unwrap().updated, 1);
        let again = writer
            .write_fetch(
                feed_id,
                FeedMeta::default(),
                vec![ingest(article("1", "خبر", "نص معدل مرة أخرى"), vec![])],
                "v1".into(),
            )
            .await
            .unwrap();
        assert_eq!(again.updated, 1);
    });
    drop(writer);
    let store = Store::open(&path).unwrap();
    let a = store.article(id).unwrap().unwrap();
    assert_eq!(a.content, "نص معدل مرة أخرى");
    assert!(a.row.read && a.row.starred, "the marks are kept");
}
