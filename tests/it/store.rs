//! The store on real SQLite files: migrations, idempotent upserts, flags across refreshes,
//! failed writes leaving the previous data intact, search and the company filter.
#![allow(clippy::unwrap_used)]

use akhbar::entities::{Kind, Span};
use akhbar::feed::fetch::Validators;
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::{ArticleQuery, FeedMeta, Field, Ingest, Store};

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
    Ingest {
        hash: content_hash(&a),
        article: a,
        spans: Some(spans),
    }
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
    assert_eq!(find("هاتف للطي"), vec!["سامسونج تكشف"]);
}
