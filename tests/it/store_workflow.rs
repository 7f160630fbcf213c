//! The daily workflow's store on real SQLite files: filters that combine (feed, tag, company,
//! unread, a search that names an entity), marks in bulk and their undo, the feed list, saved
//! views, retention, undated items ordered by first seen, and the links kept per article.
#![allow(clippy::unwrap_used)]

use akhbar::entities::{Kind, Span};
use akhbar::feed::{FeedSource, Link, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::retention::Retention;
use akhbar::store::views::ViewFilter;
use akhbar::store::{ArticleQuery, FeedMeta, Field, Ingest, Store};
use chrono::{Duration, Utc};

const A: &str = "https://a.example/feed";
const B: &str = "https://b.example/feed";

fn source(url: &str, tags: &[&str]) -> FeedSource {
    FeedSource {
        url: url.into(),
        title: None,
        language: Some("ar".into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

fn item(guid: &str, title: &str, hours_ago: Option<i64>) -> NewArticle {
    NewArticle {
        guid: guid.into(),
        title: title.into(),
        link: Some(format!("https://news.example/{guid}")),
        published: hours_ago.map(|h| Utc::now() - Duration::hours(h)),
        content: format!("{title}. نص الخبر."),
        ..Default::default()
    }
}

/// An item naming `canonical` as `written` in its title.
fn naming(a: NewArticle, written: &str, canonical: &str) -> Ingest {
    let start = a.title.find(written).unwrap();
    let span = Span {
        kind: Kind::Org,
        start,
        end: start + written.len(),
        text: written.into(),
        canonical: Some(canonical.into()),
        parent: None,
        value: None,
    };
    Ingest::new(
        a.clone(),
        content_hash(&a),
        Some(vec![(Field::Title, span)]),
    )
}

fn plain(a: NewArticle) -> Ingest {
    Ingest::new(a.clone(), content_hash(&a), Some(Vec::new()))
}

fn meta(title: &str) -> FeedMeta {
    FeedMeta {
        title: Some(title.into()),
        ..Default::default()
    }
}

/// Two feeds: A (tag «تقنية», two articles, one naming Nvidia as «إنفيديا») and B (tags
/// «تقنية», «اقتصاد»; one article naming Microsoft).
fn setup() -> (tempfile::TempDir, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("akhbar.db")).unwrap();
    store
        .add_feeds(&[source(A, &["تقنية"]), source(B, &["تقنية", "اقتصاد"])])
        .unwrap();
    let a = store.find_feed(A).unwrap().unwrap().id;
    let b = store.find_feed(B).unwrap().unwrap().id;
    store
        .write_fetch(
            a,
            &meta("البوابة العربية"),
            &[
                naming(
                    item("a1", "إنفيديا تتجاوز خمسة تريليونات", Some(1)),
                    "إنفيديا",
                    "Nvidia",
                ),
                plain(item("a2", "هاتف جديد في الأسواق", Some(2))),
            ],
            "v1",
        )
        .unwrap();
    store
        .write_fetch(
            b,
            &meta("أرقام"),
            &[naming(
                item("b1", "مايكروسوفت تستثمر في الإمارات", Some(3)),
                "مايكروسوفت",
                "Microsoft",
            )],
            "v1",
        )
        .unwrap();
    (dir, store, a, b)
}

fn titles(store: &Store, q: &ArticleQuery) -> Vec<String> {
    store
        .list_articles(q)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn feed_tag_company_unread_and_search_combine() {
    let (_dir, mut store, _, _) = setup();
    let tag = |t: &str| ArticleQuery {
        tag: Some(t.into()),
        ..Default::default()
    };
    assert_eq!(titles(&store, &tag("تقنية")).len(), 3);
    assert_eq!(
        titles(&store, &tag("اقتصاد")),
        ["مايكروسوفت تستثمر في الإمارات"]
    );
    assert!(titles(&store, &tag("رياضة")).is_empty());
    // The header's counts take the same filters as the list.
    assert_eq!(store.count_articles(&tag("تقنية")).unwrap(), (3, 3));
    assert_eq!(store.count_articles(&tag("رياضة")).unwrap(), (0, 0));
    let feed_a = ArticleQuery {
        feed: Some(A.into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&store, &feed_a),
        ["إنفيديا تتجاوز خمسة تريليونات", "هاتف جديد في الأسواق"]
    );
    // Tag and company together: the Microsoft article is under «تقنية» too, Nvidia's not in B.
    let both = ArticleQuery {
        tag: Some("اقتصاد".into()),
        company: Some("Nvidia".into()),
        ..Default::default()
    };
    assert!(titles(&store, &both).is_empty());
    // A search in Latin letters finds the article that spells the company in Arabic, through
    // its entity; the words alone would not.
    let words_only = ArticleQuery {
        search: Some("Nvidia".into()),
        ..Default::default()
    };
    assert!(titles(&store, &words_only).is_empty());
    let by_entity = ArticleQuery {
        search: Some("Nvidia".into()),
        search_entity: Some("Nvidia".into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&store, &by_entity),
        ["إنفيديا تتجاوز خمسة تريليونات"]
    );
    // …and still combines with unread.
    let id = store.list_articles(&by_entity).unwrap()[0].id;
    store.set_read(id, true).unwrap();
    let unread = ArticleQuery {
        unread: true,
        ..by_entity
    };
    assert!(titles(&store, &unread).is_empty());
}

#[test]
fn marking_what_a_query_shows_and_undoing_it() {
    let (_dir, mut store, _, _) = setup();
    let q = ArticleQuery {
        tag: Some("تقنية".into()),
        feed: Some(A.into()),
        limit: Some(1),
        ..Default::default()
    };
    // The limit is the screen's, not the mark's: the whole feed is marked.
    let changed = store.mark_read_matching(&q).unwrap();
    assert_eq!(changed.len(), 2);
    let unread = ArticleQuery {
        unread: true,
        ..Default::default()
    };
    assert_eq!(titles(&store, &unread), ["مايكروسوفت تستثمر في الإمارات"]);
    // Marking again changes nothing, so there is nothing to undo twice.
    assert!(store.mark_read_matching(&q).unwrap().is_empty());
    assert_eq!(store.set_read_many(&changed, false).unwrap(), 2);
    assert_eq!(titles(&store, &unread).len(), 3);
}

#[test]
fn the_feed_list_counts_finds_renames_and_removes() {
    let (_dir, mut store, a, b) = setup();
    let first = store.list_articles(&ArticleQuery::default()).unwrap()[0].id;
    store.set_read(first, true).unwrap();
    store.set_starred(first, true).unwrap();
    let stats = store.feed_stats().unwrap();
    assert_eq!(stats.len(), 2);
    assert_eq!((stats[0].id, stats[0].articles, stats[0].unread), (a, 2, 1));
    assert_eq!(stats[0].starred, 1);
    assert_eq!(stats[0].name(), "البوابة العربية");
    assert_eq!(stats[1].tags, ["تقنية", "اقتصاد"]);
    assert_eq!(store.feed_tags().unwrap(), ["اقتصاد", "تقنية"]);

    assert_eq!(store.find_feed(&b.to_string()).unwrap().unwrap().url, B);
    assert_eq!(
        store
            .find_feed("https://b.example/feed/")
            .unwrap()
            .unwrap()
            .id,
        b
    );
    assert_eq!(store.find_feed("أرقام").unwrap().unwrap().id, b);
    assert!(store.find_feed("لا يوجد").unwrap().is_none());

    // A name given by the user stays over the feed's own title at the next fetch.
    assert!(store.rename_feed(b, Some("أرقام الاقتصاد")).unwrap());
    store.write_fetch(b, &meta("Arqaam"), &[], "v1").unwrap();
    assert_eq!(
        store.find_feed(B).unwrap().unwrap().title.as_deref(),
        Some("أرقام الاقتصاد")
    );
    store.rename_feed(b, None).unwrap();
    store.write_fetch(b, &meta("Arqaam"), &[], "v1").unwrap();
    assert_eq!(
        store.find_feed(B).unwrap().unwrap().title.as_deref(),
        Some("Arqaam")
    );

    // Removing a feed takes its articles and their search rows.
    assert!(store.remove_feed(A).unwrap());
    let all = ArticleQuery::default();
    assert_eq!(titles(&store, &all), ["مايكروسوفت تستثمر في الإمارات"]);
    let search = ArticleQuery {
        search: Some("هاتف".into()),
        ..Default::default()
    };
    assert!(titles(&store, &search).is_empty());
    store.rebuild_search_index().unwrap();
    assert!(titles(&store, &search).is_empty());
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn demo_feeds_left_by_an_older_version_are_removed() {
    let (_dir, mut store, _, _) = setup();
    store
        .add_feeds(&[source("https://demo.akhbar.invalid/aitnews.xml", &[])])
        .unwrap();
    assert_eq!(
        store
            .remove_feeds_under("https://demo.akhbar.invalid/")
            .unwrap(),
        1
    );
    assert_eq!(store.feeds().unwrap().len(), 2);
    assert_eq!(
        store
            .remove_feeds_under("https://demo.akhbar.invalid/")
            .unwrap(),
        0
    );
}

#[test]
fn views_are_saved_replaced_and_deleted() {
    let (_dir, mut store, _, _) = setup();
    let filter = ViewFilter {
        company: Some("إنفيديا".into()),
        unread: true,
        ..Default::default()
    };
    store.save_view("إنفيديا", &filter).unwrap();
    store
        .save_view(
            "اقتصاد",
            &ViewFilter {
                tag: Some("اقتصاد".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let views = store.saved_views().unwrap();
    assert_eq!(views.len(), 2);
    // By name: «إنفيديا» (إ) sorts before «اقتصاد» (ا).
    assert_eq!(views[0].name, "إنفيديا");
    assert_eq!(views[0].filter, filter);
    store.save_view("إنفيديا", &ViewFilter::default()).unwrap();
    assert!(store.saved_views().unwrap()[0].filter.is_empty());
    assert!(store.delete_view("اقتصاد").unwrap());
    assert!(!store.delete_view("اقتصاد").unwrap());
    assert_eq!(store.saved_views().unwrap().len(), 1);
}

#[test]
fn retention_keeps_starred_and_does_not_bring_removed_items_back() {
    let (_dir, mut store, a, _) = setup();
    let old = item("a0", "خبر قديم جدا", Some(24 * 40));
    let old_starred = item("a9", "خبر قديم محفوظ", Some(24 * 50));
    store
        .write_fetch(
            a,
            &meta("البوابة العربية"),
            &[plain(old.clone()), plain(old_starred)],
            "v1",
        )
        .unwrap();
    let starred = store
        .list_articles(&ArticleQuery {
            search: Some("محفوظ".into()),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    store.set_starred(starred, true).unwrap();
    let now = Utc::now();
    let kept_all = store.cleanup(Retention::default(), now).unwrap();
    assert_eq!(kept_all.removed, 0);

    let stats = store
        .cleanup(
            Retention {
                keep_days: 30,
                max_per_feed: 0,
            },
            now,
        )
        .unwrap();
    assert_eq!((stats.removed, stats.starred_kept), (1, 1));
    let a_titles = titles(
        &store,
        &ArticleQuery {
            feed: Some(A.into()),
            ..Default::default()
        },
    );
    assert_eq!(
        a_titles,
        [
            "إنفيديا تتجاوز خمسة تريليونات",
            "هاتف جديد في الأسواق",
            "خبر قديم محفوظ"
        ]
    );
    // The feed still carries the removed item: ingest finds its hash and it is not new again.
    let hashes = store.stored_hashes(a).unwrap();
    assert_eq!(hashes.get("a0"), Some(&content_hash(&old)));
    let again = Ingest::new(old.clone(), content_hash(&old), None);
    let written = store
        .write_fetch(a, &meta("البوابة العربية"), &[again], "v1")
        .unwrap();
    assert_eq!((written.new, written.unchanged), (0, 1));

    // At most one per feed: the newest stays, and the starred one.
    let stats = store
        .cleanup(
            Retention {
                keep_days: 0,
                max_per_feed: 1,
            },
            now,
        )
        .unwrap();
    assert_eq!((stats.removed, stats.starred_kept), (1, 1));
    let left = titles(&store, &ArticleQuery::default());
    assert_eq!(
        left,
        [
            "إنفيديا تتجاوز خمسة تريليونات",
            "مايكروسوفت تستثمر في الإمارات",
            "خبر قديم محفوظ"
        ]
    );
    let (size, _) = store.space().unwrap();
    store.vacuum().unwrap();
    let (after, free) = store.space().unwrap();
    assert!(after <= size && free == 0, "{size} → {after}, {free} free");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn undated_items_of_a_first_fetch_go_below_the_dated_ones_and_later_ones_are_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("akhbar.db")).unwrap();
    store.add_feeds(&[source(A, &[])]).unwrap();
    let a = store.find_feed(A).unwrap().unwrap().id;
    store
        .write_fetch(
            a,
            &meta("أ"),
            &[
                plain(item("u1", "خبر بلا تاريخ", None)),
                plain(item("d1", "خبر الأمس", Some(24))),
                plain(item("d2", "خبر اليوم", Some(1))),
            ],
            "v1",
        )
        .unwrap();
    let all = ArticleQuery::default();
    assert_eq!(
        titles(&store, &all),
        ["خبر اليوم", "خبر الأمس", "خبر بلا تاريخ"]
    );
    // An undated item first seen in a later fetch is news: it goes on top.
    store
        .write_fetch(
            a,
            &meta("أ"),
            &[plain(item("u2", "خبر جديد بلا تاريخ", None))],
            "v1",
        )
        .unwrap();
    assert_eq!(titles(&store, &all)[0], "خبر جديد بلا تاريخ");
}

#[test]
fn an_articles_links_are_kept_and_a_pages_added_once() {
    let (_dir, mut store, a, _) = setup();
    let mut with_links = item("l1", "خبر فيه روابط", Some(1));
    with_links.links = vec![Link {
        text: "التقرير".into(),
        url: "https://report.example/1".into(),
    }];
    store
        .write_fetch(a, &meta("البوابة العربية"), &[plain(with_links)], "v1")
        .unwrap();
    let id = store
        .list_articles(&ArticleQuery {
            search: Some("روابط".into()),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    store
        .add_links(
            id,
            &[
                Link {
                    text: "التقرير مرة أخرى".into(),
                    url: "https://report.example/1".into(),
                },
                Link {
                    text: "المصدر".into(),
                    url: "https://source.example/".into(),
                },
            ],
        )
        .unwrap();
    let links = store.article(id).unwrap().unwrap().links;
    let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://report.example/1", "https://source.example/"]
    );
    assert_eq!(links[0].text, "التقرير");
}
