//! Damaged databases: detected at start with a clear message, and `doctor --repair` keeps
//! what can be read.
#![allow(clippy::unwrap_used)]

use crate::support::{Env, path_str, stderr, stdout};
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::{FeedMeta, Ingest, Store};

/// A database with `n` articles, closed (so the WAL is folded into the main file).
fn filled(env: &Env, n: usize) -> std::path::PathBuf {
    let db = env.db();
    let mut store = Store::open(&db).unwrap();
    store
        .add_feeds(&[FeedSource {
            url: "https://ait.example/feed".into(),
            ..Default::default()
        }])
        .unwrap();
    let feed_id = store.feeds().unwrap()[0].id;
    let items: Vec<Ingest> = (0..n)
        .map(|i| {
            let a = NewArticle {
                guid: format!("g{i}"),
                title: format!("خبر رقم {i} عن مايكروسوفت"),
                content: "فقرة طويلة عن الذكاء الاصطناعي والحوسبة السحابية. ".repeat(20),
                ..Default::default()
            };
            Ingest {
                hash: content_hash(&a),
                article: a,
                spans: Some(vec![]),
            }
        })
        .collect();
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "v")
        .unwrap();
    store.set_starred(1, true).unwrap();
    drop(store);
    db
}

#[test]
fn a_healthy_database_passes_doctor() {
    let env = Env::new();
    let db = filled(&env, 20);
    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("20 articles, integrity ok"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_truncated_database_is_detected_at_start_and_repaired() {
    let env = Env::new();
    let db = filled(&env, 300);
    let len = std::fs::metadata(&db).unwrap().len();
    assert!(len > 100_000, "fixture too small: {len}");
    let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);

    let o = env.run(&["--db", path_str(&db), "list"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("truncated") && err.contains("akhbar doctor --repair"),
        "{err}"
    );

    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("DAMAGED"), "{}", stdout(&o));

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("repaired: kept 1 feeds"),
        "{}",
        stdout(&o)
    );
    let backups: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(backups.len(), 1, "the damaged file is kept aside");

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let kept = store.article_count().unwrap();
    assert!(kept > 0 && kept < 300, "kept {kept} of 300");
    let listed = env.run(&["--db", path_str(&db), "list", "--json", "--starred"]);
    assert!(listed.status.success());
    assert_eq!(
        stdout(&listed).lines().count(),
        1,
        "the starred flag survives the repair"
    );
}

#[test]
fn garbage_in_a_page_is_found_and_readable_rows_are_saved() {
    let env = Env::new();
    let db = filled(&env, 300);
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    // Scribble over a page in the middle of the article table's data.
    let at = (pages / 2) * page;
    for b in &mut bytes[at..at + page] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();

    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let kept = store.article_count().unwrap();
    assert!(kept >= 250, "kept only {kept} of 300");
}
