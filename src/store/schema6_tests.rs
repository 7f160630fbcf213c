//! Schema 6 on a file made by schema 5: the texts moved out of `articles`, nothing lost.
#![allow(clippy::unwrap_used)] // a test: a failure is the panic

use super::*;

/// A cache as schema 5 made it: the migrations up to 5, then rows written by that schema's
/// SQL (bodies, links and entities inline in `articles`).
fn schema5_file(path: &Path, articles: i64) {
    let c = Connection::open(path).unwrap();
    c.pragma_update(None, "page_size", 16_384).unwrap();
    c.pragma_update(
        None,
        "application_id",
        i32::from_be_bytes(identity::APPLICATION_ID.to_be_bytes()),
    )
    .unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    for step in &schema::MIGRATIONS[..5] {
        match step {
            schema::Step::Sql(sql) => c.execute_batch(sql).unwrap(),
            schema::Step::Convert(before, convert, after) => {
                c.execute_batch(before).unwrap();
                convert(&c).unwrap();
                c.execute_batch(after).unwrap();
            }
        }
    }
    c.pragma_update(None, "user_version", 5).unwrap();
    c.execute(
        "INSERT INTO feeds (id, url, title, added) VALUES (1, 'https://ait.example/feed', 'AIT', 0)",
        [],
    )
    .unwrap();
    let names = std::cell::RefCell::new(entities::Names::default());
    let body = "مايكروسوفت تستثمر في الحوسبة السحابية. ".repeat(60);
    for id in 1..=articles {
        let title = format!("مايكروسوفت {id}");
        let full = (id % 2 == 0).then(|| format!("النص الكامل {id}"));
        let links = (id % 3 == 0).then(|| format!(r#"[["رابط","https://ait.example/{id}"]]"#));
        c.execute(
            "INSERT INTO articles (id, feed_id, guid, title, link, published, author, categories,
                summary, content, full_content, language, content_hash, fetched, updated, read,
                starred, entities_version, links)
             VALUES (?1, 1, 'g' || ?1, ?2, 'https://ait.example/' || ?1, 1700000000 + ?1,
                'كاتب', '[\"تقنية\"]', 'ملخص ' || ?1, ?3, ?4, 'ar', 'h' || ?1, 1700000000,
                1700000000, ?1 % 2, ?1 % 5 = 0, 'v1', ?5)",
            params![id, title, body, full, links],
        )
        .unwrap();
        let span = Span {
            kind: Kind::Org,
            start: 0,
            end: "مايكروسوفت".len(),
            text: "مايكروسوفت".into(),
            canonical: Some("Microsoft".into()),
            parent: None,
            value: None,
        };
        let mut coded = names
            .borrow_mut()
            .code(&c, std::iter::once((Field::Title, &span)))
            .unwrap();
        entities::write(&c, id, None, &mut coded).unwrap();
        let [t, b] = search_columns(&title, "", &body, full.as_deref());
        c.execute(
            "INSERT INTO article_search (rowid, title, body) VALUES (?1, ?2, ?3)",
            params![id, t, b],
        )
        .unwrap();
    }
}

#[test]
fn a_schema_5_cache_keeps_its_texts_flags_entities_and_search_with_the_texts_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("five.db");
    let n = 300;
    schema5_file(&path, n);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 6);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let c = store.conn();
    let columns: Vec<String> = c
        .prepare("SELECT name FROM pragma_table_info('articles')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for gone in ["summary", "content", "full_content", "links"] {
        assert!(!columns.iter().any(|c| c == gone), "{gone} in {columns:?}");
    }
    let broken: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    // The old table's pages were given back.
    let free: i64 = c
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    assert_eq!(free, 0);

    for id in 1..=n {
        let a = store.article(id).unwrap().unwrap();
        assert_eq!(a.row.title, format!("مايكروسوفت {id}"));
        assert_eq!(a.row.feed_title.as_deref(), Some("AIT"));
        assert_eq!(a.summary, format!("ملخص {id}"));
        assert!(a.content.starts_with("مايكروسوفت تستثمر"), "{id}");
        assert_eq!(
            a.full_content,
            (id % 2 == 0).then(|| format!("النص الكامل {id}"))
        );
        assert_eq!(a.links.len(), usize::from(id % 3 == 0), "{id}");
        assert_eq!(a.row.read, id % 2 == 1, "{id}");
        assert_eq!(a.row.starred, id % 5 == 0, "{id}");
        assert_eq!(a.author.as_deref(), Some("كاتب"));
        assert_eq!(a.categories, vec!["تقنية".to_string()]);
        assert_eq!(a.row.companies, vec!["Microsoft".to_string()]);
        assert_eq!(a.spans.len(), 1);
    }
    let all = |q: ArticleQuery| store.list_articles(&q).unwrap().len() as i64;
    let search = |s: &str| ArticleQuery {
        search: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(all(search("الحوسبة السحابية")), n);
    assert_eq!(all(search("الكامل")), n / 2);
    assert_eq!(
        all(ArticleQuery {
            company: Some("Microsoft".into()),
            ..Default::default()
        }),
        n
    );
    let unread = store
        .list_articles(&ArticleQuery {
            unread: true,
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<i64> = unread.iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![300, 298, 296], "the newest unread first");
    assert_eq!(store.missing_full_text(1, 2).unwrap(), vec![299, 297]);
}

#[test]
fn texts_follow_their_article_through_writes_and_removals() {
    let (mut store, feed) = crate::store::in_memory_with_a_feed();
    let item = |summary: &str| {
        let article = NewArticle {
            guid: "g".into(),
            title: "عنوان".into(),
            summary: summary.into(),
            content: "المحتوى".into(),
            links: vec![Link {
                text: "رابط".into(),
                url: "https://ait.example/1".into(),
            }],
            ..Default::default()
        };
        Ingest {
            search: search_columns(&article.title, &article.summary, &article.content, None),
            article,
            hash: summary.into(),
            spans: Some(Vec::new()),
        }
    };
    store
        .write_fetch(feed, &FeedMeta::default(), &[item("أول")], "v1")
        .unwrap();
    let id = store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    store.set_full_content(id, "الصفحة كلها", &[]).unwrap();
    // Changed in the feed: the feed's texts replaced, the page's kept.
    store
        .write_fetch(feed, &FeedMeta::default(), &[item("ثان")], "v1")
        .unwrap();
    let a = store.article(id).unwrap().unwrap();
    assert_eq!(
        (a.summary.as_str(), a.full_content.as_deref()),
        ("ثان", Some("الصفحة كلها"))
    );
    assert_eq!(a.links.len(), 1);
    assert!(store.missing_full_text(feed, 5).unwrap().is_empty());
    store.remove_feed("https://ait.example/feed").unwrap();
    let left: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM article_texts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "the texts go with their article");
}
