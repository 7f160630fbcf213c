//! Processes: `kill -9` in the middle of a large fetch loses nothing committed and leaves a sound
//! database; two akhbar processes on one database both work.
#![allow(clippy::unwrap_used)]

use crate::support::feedgen::FeedServer;
use crate::support::{Env, path_str, stderr};
use akhbar::store::{ArticleQuery, Store};
use std::collections::HashSet;
use std::time::{Duration, Instant};

fn read_ids(db: &std::path::Path) -> HashSet<i64> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.busy_timeout(Duration::from_secs(10)).unwrap();
    let mut stmt = c.prepare("SELECT id FROM articles").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn kill_9_during_a_large_fetch_keeps_every_committed_article() {
    let _alone = crate::support::heavy();
    // 60 feeds × 300 items, each answer delayed so the fetch is still going when we kill it.
    let server = FeedServer::start(300, Duration::from_millis(150));
    let env = Env::new();
    let list = env.write("urls.txt", server.urls(60).join("\n"));
    let db = env.db();
    // Create the schema first so the reader below never races the migration.
    drop(Store::open(&db).unwrap());
    let mut child = env
        .cmd()
        .args(["--db", path_str(&db), "--feeds", path_str(&list), "fetch"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let committed = loop {
        let ids = read_ids(&db);
        if ids.len() >= 1200 {
            break ids;
        }
        assert!(Instant::now() < deadline, "fetch made no progress");
        assert!(
            child.try_wait().unwrap().is_none(),
            "fetch ended before the kill"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        committed.len() < 60 * 300,
        "the kill came too late to test anything"
    );

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let after = read_ids(&db);
    assert!(
        committed.is_subset(&after),
        "articles committed before the kill were lost"
    );
    // Each feed's articles are all there or none: one transaction per feed.
    let c = rusqlite::Connection::open(&db).unwrap();
    let partial: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT feed_id, count(*) n FROM articles GROUP BY feed_id
             HAVING n != 300)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(partial, 0, "a feed was half written");

    // And the next fetch completes the job without duplicates.
    let o = env.run(&["--db", path_str(&db), "--feeds", path_str(&list), "fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(store.article_count().unwrap(), 60 * 300);
}

#[test]
fn two_processes_share_one_database() {
    let _alone = crate::support::heavy();
    let server = FeedServer::start(200, Duration::from_millis(5));
    let env = Env::new();
    let db = env.db();
    let a = env.write("a.txt", server.urls(30)[..20].join("\n"));
    let b = env.write("b.txt", server.urls(30)[10..].join("\n"));
    drop(Store::open(&db).unwrap());
    let spawn = |list: &std::path::Path| {
        env.cmd()
            .args([
                "--db",
                path_str(&db),
                "--feeds",
                path_str(list),
                "fetch",
                "--json",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let pa = spawn(&a);
    let pb = spawn(&b);
    // Meanwhile a reader (the TUI) marks articles read through its own connection.
    let mut reader = Store::open(&db).unwrap();
    let mut marked = HashSet::new();
    let until = Instant::now() + Duration::from_secs(3);
    while Instant::now() < until {
        for row in reader
            .list_articles(&ArticleQuery {
                limit: Some(20),
                unread: true,
                ..Default::default()
            })
            .unwrap()
        {
            reader.set_read(row.id, true).unwrap();
            marked.insert(row.id);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let oa = pa.wait_with_output().unwrap();
    let ob = pb.wait_with_output().unwrap();
    assert!(oa.status.success(), "first fetch: {}", stderr(&oa));
    assert!(ob.status.success(), "second fetch: {}", stderr(&ob));
    assert_eq!(reader.integrity_check().unwrap(), "ok");
    assert_eq!(
        reader.article_count().unwrap(),
        30 * 200,
        "no duplicates, nothing missing"
    );
    for id in marked {
        assert!(
            reader.article(id).unwrap().unwrap().row.read,
            "read flag of {id} lost"
        );
    }
}
