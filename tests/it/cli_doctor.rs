//! `doctor` says precisely what state the database is in, and `doctor --repair` rebuilds only
//! a damaged akhbar database: never one in use, a directory or FIFO, another program's file or
//! one it may not write, and it counts the rows it could not save truly.
#![allow(clippy::unwrap_used)]

use crate::support::{Env, path_str, stderr, stdout};
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::{FeedMeta, Ingest, Store};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// The database's page size, from its header.
fn page_size(db: &Path) -> usize {
    let bytes = std::fs::read(db).unwrap();
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    }
}

/// A database with `n` articles, closed (so the WAL is folded into the main file). Their titles
/// are long, so that `articles` (without the texts since schema 6) spans many pages.
fn filled(env: &Env, n: usize) -> PathBuf {
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
                title: format!(
                    "خبر رقم {i} عن مايكروسوفت {}",
                    "والحوسبة السحابية ".repeat(40)
                ),
                content: "فقرة طويلة عن الذكاء الاصطناعي والحوسبة السحابية. ".repeat(20),
                ..Default::default()
            };
            {
                let hash = content_hash(&a);
                Ingest::new(a, hash, Some(vec![]))
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

/// Leaf pages of `btree` (table or index) with the rows on each, as SQLite's dbstat sees them.
fn leaves(db: &Path, btree: &str) -> Vec<(usize, usize)> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c
        .prepare("SELECT pageno, ncell FROM dbstat WHERE name = ?1 AND pagetype = 'leaf'")
        .unwrap();
    stmt.query_map([btree], |r| {
        Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Fill the given pages (numbered from 1) with garbage.
fn scribble(db: &Path, pages: &[usize]) {
    let page = page_size(db);
    let mut bytes = std::fs::read(db).unwrap();
    for &p in pages {
        bytes[(p - 1) * page..p * page].fill(0xA5);
    }
    std::fs::write(db, &bytes).unwrap();
}

fn backups(env: &Env) -> usize {
    std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .count()
}

/// The database line of `doctor`'s report.
fn db_line(o: &Output) -> String {
    stdout(o)
        .lines()
        .find(|l| l.starts_with("database"))
        .unwrap_or_default()
        .to_string()
}

/// "kept all 1 feeds and K of N articles (L lost: unreadable)" → (K, N, L).
fn kept_articles(o: &Output) -> (usize, usize, usize) {
    let out = stdout(o);
    let line = out.lines().find(|l| l.starts_with("repaired:")).unwrap();
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "articles").unwrap();
    assert_eq!(words[at - 2], "of", "{line}");
    let lost = words[at + 1].trim_start_matches('(').parse().unwrap_or(0);
    (
        words[at - 3].parse().unwrap(),
        words[at - 1].parse().unwrap(),
        lost,
    )
}

#[test]
fn a_healthy_database_passes_doctor() {
    let env = Env::new();
    let db = filled(&env, 20);
    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        db_line(&o),
        format!(
            "database   {}  ok: schema {}, 1 feed, 20 articles, integrity ok",
            db.display(),
            current_schema()
        )
    );
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("nothing to repair"), "{}", stdout(&o));
    assert_eq!(backups(&env), 0);
}

#[test]
fn a_truncated_database_is_detected_at_start_and_repaired_with_a_true_loss_count() {
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
    assert!(db_line(&o).contains("DAMAGED: truncated"), "{}", stdout(&o));

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("kept all 1 feeds"), "{}", stdout(&o));
    assert_eq!(backups(&env), 1, "the damaged file is kept aside");

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let kept = store.article_count().unwrap() as usize;
    assert!(kept > 0 && kept < 300, "kept {kept} of 300");
    // Every article not kept is counted as lost, and the total is the true one.
    assert_eq!(kept_articles(&o), (kept, 300, 300 - kept), "{}", stdout(&o));
    let listed = env.run(&["--db", path_str(&db), "list", "--json", "--starred"]);
    assert!(listed.status.success());
    assert_eq!(
        stdout(&listed).lines().count(),
        1,
        "the starred flag survives the repair"
    );
}

#[test]
fn garbage_in_the_article_pages_loses_exactly_the_rows_on_them() {
    let env = Env::new();
    let db = filled(&env, 300);
    let table = leaves(&db, "articles");
    assert!(table.len() > 20, "{} leaves", table.len());
    // Five leaves spread over the table; what they held is what must be reported lost.
    let hit: Vec<(usize, usize)> = (1..=5).map(|i| table[i * table.len() / 6]).collect();
    let on_them: usize = hit.iter().map(|(_, n)| n).sum();
    scribble(&db, &hit.iter().map(|(p, _)| *p).collect::<Vec<_>>());

    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let line = db_line(&o);
    assert!(line.contains("DAMAGED: corrupt pages"), "{line}");
    for (p, _) in &hit {
        assert!(line.contains(&p.to_string()), "page {p} not named: {line}");
    }

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        kept_articles(&o),
        (300 - on_them, 300, on_them),
        "{}",
        stdout(&o)
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.article_count().unwrap() as usize, 300 - on_them);
}

#[test]
fn articles_whose_texts_are_unreadable_keep_their_headlines_and_are_counted() {
    let env = Env::new();
    let db = filled(&env, 300);
    let texts = leaves(&db, "article_texts");
    let hit = texts[texts.len() / 2];
    scribble(&db, &[hit.0]);

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("all 300 articles"), "{}", stdout(&o));
    let said = format!("{} articles were kept without their text", hit.1);
    assert!(stdout(&o).contains(&said), "{}", stdout(&o));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let empty = (1..=300)
        .filter(|&id| store.article(id).unwrap().unwrap().content.is_empty())
        .count();
    assert_eq!(empty, hit.1);
}

#[test]
fn garbage_in_middle_pages_of_any_kind_is_counted_truly() {
    let env = Env::new();
    let db = filled(&env, 300);
    let pages = std::fs::metadata(&db).unwrap().len() as usize / page_size(&db);
    // Five pages in the middle half, whatever they hold (table, index or search pages).
    let hit: Vec<usize> = (0..5).map(|i| pages / 4 + i * pages / 10).collect();
    scribble(&db, &hit);

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let kept = Store::open(&db).unwrap().article_count().unwrap() as usize;
    assert!(kept >= 250, "kept only {kept} of 300");
    assert_eq!(kept_articles(&o), (kept, 300, 300 - kept), "{}", stdout(&o));
}

/// Garbage on a leaf of the table and on every index (here each index is a single page): no
/// scan lists every row, so the ids the unreadable page may have held give a range.
fn without_indexes(env: &Env, leaf_at: impl Fn(usize) -> usize) -> (PathBuf, Output) {
    let db = filled(env, 300);
    let table = leaves(&db, "articles");
    let mut hit = vec![table[leaf_at(table.len())].0];
    for index in [
        "articles_by_feed",
        "articles_by_date",
        "articles_unread",
        "sqlite_autoindex_articles_1",
    ] {
        hit.extend(leaves(&db, index).iter().map(|(p, _)| *p));
    }
    scribble(&db, &hit);
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    (db, o)
}

/// The number after `claim` in the repair line.
fn number_after(o: &Output, claim: &str) -> usize {
    let out = stdout(o);
    let line = out.lines().find(|l| l.starts_with("repaired:")).unwrap();
    let at = line
        .find(claim)
        .unwrap_or_else(|| panic!("{claim:?} not in {line}"));
    line[at + claim.len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn when_no_scan_can_list_every_row_the_loss_is_a_range_that_holds_the_truth() {
    let env = Env::new();
    let (db, o) = without_indexes(&env, |n| n / 2);
    let kept = Store::open(&db).unwrap().article_count().unwrap() as usize;
    let lost = 300 - kept;
    assert!(lost > 0);
    let from = number_after(&o, &format!("and {kept} articles ("));
    let to = number_after(&o, &format!("and {kept} articles ({from} to "));
    assert!(
        from <= lost && lost <= to,
        "said {from} to {to}, lost {lost}"
    );
}

#[test]
fn when_even_the_last_id_is_unreadable_the_loss_is_not_claimed_exactly() {
    let env = Env::new();
    let (db, o) = without_indexes(&env, |n| n - 1);
    let kept = Store::open(&db).unwrap().article_count().unwrap() as usize;
    assert!(kept < 300);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("and {kept} articles (an unknown number lost"))
            || number_after(&o, &format!("and {kept} articles (at least ")) <= 300 - kept,
        "{out}"
    );
}

#[test]
fn a_damaged_header_is_told_from_a_foreign_file_and_repaired() {
    let env = Env::new();
    let db = filled(&env, 50);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&db, &bytes).unwrap();

    let o = env.run(&["--db", path_str(&db), "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("header is damaged"), "{}", stderr(&o));
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("kept all 1 feeds and all 50 articles"),
        "{}",
        stdout(&o)
    );
}

/// The database held by this test process, so the binary sees another process's locks.
fn hold(db: &Path, sql: &str) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch(sql).unwrap();
    c
}

#[test]
fn a_database_another_process_is_writing_is_healthy_and_never_moved() {
    let env = Env::new();
    let db = filled(&env, 20);
    let holder = hold(
        &db,
        "BEGIN EXCLUSIVE; UPDATE articles SET read = 1 WHERE id = 2;",
    );
    let me = format!("process {}", std::process::id());

    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let line = db_line(&o);
    let healthy = format!("ok: schema {}, 1 feed, 20 articles", current_schema());
    assert!(line.contains(&healthy), "{line}");
    assert!(
        line.contains(&format!("{me} (")) && line.contains("is writing to it"),
        "{line}"
    );
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert!(stdout(&o).contains("nothing to repair"), "{}", stdout(&o));
    assert!(db.exists());
    assert_eq!(backups(&env), 0);

    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(
        store.article(2).unwrap().unwrap().row.read,
        "the holder's write landed"
    );
}

#[test]
fn a_database_held_exclusively_is_locked_not_damaged_and_left_alone() {
    let env = Env::new();
    let db = filled(&env, 20);
    let before = std::fs::read(&db).unwrap();
    let holder = hold(
        &db,
        "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM feeds;",
    );
    let me = format!("process {}", std::process::id());

    let o = env.run(&["--db", path_str(&db), "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let line = db_line(&o);
    assert!(line.contains(&format!("LOCKED: {me}")), "{line}");
    assert!(!line.contains("DAMAGED"), "{line}");
    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(&format!("not repaired: it is locked by {me}")),
        "{}",
        stdout(&o)
    );
    drop(holder);
    assert_eq!(backups(&env), 0);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was changed");
}

#[test]
fn a_damaged_database_in_use_is_not_repaired_under_its_user() {
    let env = Env::new();
    let db = filled(&env, 300);
    let table = leaves(&db, "articles");
    let leaf = table[table.len() / 3].0;
    scribble(&db, &[leaf]);
    let before = std::fs::read(&db).unwrap();
    // An idle reader, as a reader left open in another terminal would be.
    let holder = hold(&db, "SELECT count(*) FROM feeds;");

    let o = env.run(&["--db", path_str(&db), "doctor", "--repair"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let me = format!("it is in use by process {}", std::process::id());
    assert!(
        db_line(&o).contains("DAMAGED: corrupt pages"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains(&format!("not repaired: {me}")),
        "{}",
        stdout(&o)
    );
    drop(holder);
    assert_eq!(backups(&env), 0);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_directory_is_not_a_database_and_is_never_moved() {
    let env = Env::new();
    let dir = env.path("akhbar.db");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep"), "x").unwrap();
    for args in [&["doctor"][..], &["doctor", "--repair"], &["list"]] {
        let o = env.run(&[&["--db", path_str(&dir)], args].concat());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
        let said = format!("{}{}", stdout(&o), stderr(&o));
        assert!(said.contains("is a directory"), "{args:?}: {said}");
    }
    assert!(dir.join("keep").exists());
    assert_eq!(backups(&env), 0);
}

#[test]
fn a_fifo_is_refused_at_once_instead_of_hanging() {
    let env = Env::new();
    let fifo = env.path("akhbar.db");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for args in [
        &["list"][..],
        &["fetch"],
        &["doctor"],
        &["doctor", "--repair"],
    ] {
        let mut child = env
            .cmd()
            .args([&["--db", path_str(&fifo)], args].concat())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                child.kill().unwrap();
                panic!("{args:?} hangs on a FIFO");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let said = format!("{}{}", stdout(&o), stderr(&o));
        assert!(said.contains("is a FIFO (named pipe)"), "{args:?}: {said}");
    }
    assert_eq!(backups(&env), 0);
}

#[test]
fn a_read_only_folder_is_named_with_the_missing_permission() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let healthy = filled(&env, 20);
    let damaged = env.path("damaged.db");
    std::fs::copy(&healthy, &damaged).unwrap();
    let damaged_before = {
        let table = leaves(&damaged, "articles");
        let leaf = table[table.len() / 2].0;
        scribble(&damaged, &[leaf]);
        std::fs::read(&damaged).unwrap()
    };
    let dir = env.dir.path();
    let run = |args: &[&str]| {
        let mut cmd = crate::support::cmd_bound_by_permissions(dir);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let o = cmd.args(args).output().unwrap();
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        o
    };
    let missing = format!("no write permission on the folder {}", dir.display());

    let o = run(&["--db", path_str(&healthy), "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let line = db_line(&o);
    assert!(line.contains(&format!("READ-ONLY: {missing}")), "{line}");
    assert!(line.contains("20 articles, integrity ok"), "{line}");

    let o = run(&["--db", path_str(&damaged), "doctor", "--repair"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(db_line(&o).contains("DAMAGED"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains(&format!("not repaired: {missing}; nothing was changed")),
        "{}",
        stdout(&o)
    );
    assert_eq!(backups(&env), 0);
    assert_eq!(std::fs::read(&damaged).unwrap(), damaged_before);
}

/// Files that are not akhbar's: another program's SQLite database (rollback or WAL journal,
/// with or without an application id) and a file that is not SQLite at all.
fn foreign_files(env: &Env) -> Vec<PathBuf> {
    let plain = env.path("places.sqlite");
    let c = rusqlite::Connection::open(&plain).unwrap();
    c.execute_batch(
        "CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('https://a.example');",
    )
    .unwrap();
    drop(c);
    let wal = env.path("wal.sqlite");
    let c = rusqlite::Connection::open(&wal).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA application_id = 1234; PRAGMA user_version = 1;
         CREATE TABLE feeds (x); CREATE TABLE articles (y); CREATE TABLE meta (z);",
    )
    .unwrap();
    drop(c);
    let text = env.write("notes.db", "قائمة المهام\n".repeat(500));
    vec![plain, wal, text]
}

#[test]
fn files_that_are_not_akhbars_are_refused_and_left_byte_for_byte_unchanged() {
    let env = Env::new();
    let list = env.write("list.txt", "https://ait.example/feed\n");
    for file in foreign_files(&env) {
        let before = std::fs::read(&file).unwrap();
        let db = path_str(&file);
        for args in [
            &["list"][..],
            &["fetch"],
            &["import", path_str(&list)],
            &["export"],
            &["doctor"],
            &["doctor", "--repair"],
        ] {
            let o = env.run(&[&["--db", db], args].concat());
            assert_eq!(o.status.code(), Some(1), "{db} {args:?}");
            let said = format!("{}{}", stdout(&o), stderr(&o));
            assert!(
                said.contains("is not an akhbar database") || said.contains("NOT AKHBAR'S"),
                "{db} {args:?}: {said}"
            );
            assert_eq!(
                std::fs::read(&file).unwrap(),
                before,
                "{db} changed by {args:?}"
            );
            for side in ["-wal", "-shm", "-journal"] {
                let p = format!("{db}{side}");
                assert!(!Path::new(&p).exists(), "{args:?} left {p}");
            }
        }
        let o = env.run(&["--db", db, "doctor", "--repair"]);
        assert!(
            stdout(&o).contains("not repaired: it is not an akhbar database; nothing was changed"),
            "{}",
            stdout(&o)
        );
    }
    assert_eq!(backups(&env), 0);
}

fn application_id(db: &Path) -> u32 {
    let c = rusqlite::Connection::open(db).unwrap();
    let id: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    u32::from_be_bytes(id.to_be_bytes())
}

#[test]
fn an_empty_file_becomes_an_akhbar_database_and_an_old_cache_gets_the_mark() {
    let env = Env::new();
    let empty = env.write("empty.db", "");
    let o = env.run(&["--db", path_str(&empty), "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(application_id(&empty), u32::from_be_bytes(*b"akhb"));

    // A cache from before the mark: akhbar's schema, application id 0.
    let old = filled(&env, 5);
    rusqlite::Connection::open(&old)
        .unwrap()
        .pragma_update(None, "application_id", 0)
        .unwrap();
    let o = env.run(&["--db", path_str(&old), "doctor"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = env.run(&["--db", path_str(&old), "list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 5);
    assert_eq!(application_id(&old), u32::from_be_bytes(*b"akhb"));
}

#[test]
fn doctor_with_a_bad_config_still_reports_the_database_and_paths() {
    let env = Env::new();
    let db = filled(&env, 3);
    let config = env.write("config.toml", "[fetch]\nconcurrency = \"many\"\n");
    let o = env.run(&[
        "--db",
        path_str(&db),
        "--config",
        path_str(&config),
        "doctor",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(db_line(&o).contains("3 articles, integrity ok"), "{out}");
    let config_line = out.lines().find(|l| l.starts_with("config")).unwrap();
    assert!(
        config_line.contains("ERROR") && config_line.contains(path_str(&config)),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("log")), "{out}");
    // Other commands still stop on it, as a usage error.
    let o = env.run(&["--db", path_str(&db), "--config", path_str(&config), "list"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_process_writing_is_named_not_a_reader_that_only_has_the_file_open() {
    use crate::support::tmux::{Tmux, descendant};
    let env = Env::new();
    let db = filled(&env, 20);
    let home = env.dir.path().join("reader-home");
    let command = format!(
        "env HOME='{home}' XDG_STATE_HOME='{home}/state' XDG_CONFIG_HOME='{home}/config' \
         LANG=C.UTF-8 TERM=xterm-256color '{bin}' --db '{db}' --feeds /dev/null; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = db.display(),
    );
    let tmux = Tmux::start("doctor-reader", 100, 30, &command);
    tmux.wait_for("20 articles");
    let reader = descendant(tmux.pane_pid(), "akhbar");
    let _holder = hold(
        &db,
        "BEGIN IMMEDIATE; UPDATE articles SET read = 1 WHERE id = 3;",
    );
    let me = format!("process {} (", std::process::id());

    let line = db_line(&env.run(&["--db", path_str(&db), "doctor"]));
    assert!(
        line.contains(&me) && line.contains("is writing to it"),
        "{line}"
    );
    assert!(!line.contains(&format!("process {reader} (")), "{line}");
    tmux.cmd(&["kill-server"]);
}

/// The schema version this build creates (each migration step adds one).
fn current_schema() -> i64 {
    akhbar::store::Store::open_in_memory()
        .unwrap()
        .schema_version()
        .unwrap()
}
