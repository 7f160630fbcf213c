//! A full disk: the write fails with a message, and nothing already stored is lost.
#![allow(clippy::unwrap_used)]

use crate::support::feedgen::FeedServer;
use crate::support::{Env, json_lines, path_str, stderr};
use akhbar::store::Store;
use std::time::Duration;

#[test]
fn a_full_disk_fails_the_write_and_keeps_what_was_stored() {
    let server = FeedServer::start(150, Duration::ZERO);
    let env = Env::new();
    let urls = server.urls(25);
    let first = env.write("first.txt", urls[..5].join("\n"));
    let rest = env.write("rest.txt", urls[5..].join("\n"));
    let db = env.db();
    let o = env.run(&["--db", path_str(&db), "--feeds", path_str(&first), "fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = Store::open(&db).unwrap().article_count().unwrap();
    assert_eq!(before, 5 * 150);

    // The file-size limit makes every write past 256 KiB fail with EFBIG, as a full disk
    // would; SIGXFSZ is ignored so the write returns an error instead of killing the process.
    let script = format!(
        "ulimit -f 256; trap '' XFSZ; exec \"$0\" --db '{}' --feeds '{}' fetch --json",
        path_str(&db),
        path_str(&rest)
    );
    let o = std::process::Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_akhbar")])
        .env("HOME", env.dir.path())
        .env("XDG_STATE_HOME", env.path("state"))
        .env("XDG_CONFIG_HOME", env.path("config"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 20);
    let failed: Vec<&serde_json::Value> = lines.iter().filter(|l| l["status"] == "error").collect();
    assert!(!failed.is_empty(), "the limit never bit");
    for l in &failed {
        let e = l["error"].as_str().unwrap_or_default();
        assert!(e.starts_with("cannot save:"), "{e}");
    }

    // Without the limit: the database is sound, the earlier articles are all there, and a
    // fetch now completes what failed.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(store.article_count().unwrap() >= before);
    let o = env.run(&["--db", path_str(&db), "--feeds", path_str(&rest), "fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(store.article_count().unwrap(), 25 * 150);
}

/// A database the user may read but not write (a read-only file or mount): every feed's write
/// fails with a message, the articles stay readable and untouched. Tests run as root, for whom
/// file permissions do not bind, so the fetch runs as `nobody`.
#[test]
fn a_read_only_database_fails_the_write_and_keeps_what_was_stored() {
    use std::os::unix::fs::PermissionsExt;
    let server = FeedServer::start(20, Duration::ZERO);
    let env = Env::new();
    let urls = server.urls(4);
    let first = env.write("first.txt", urls[..2].join("\n"));
    let rest = env.write("rest.txt", urls[2..].join("\n"));
    let db = env.db();
    let o = env.run(&["--db", path_str(&db), "--feeds", path_str(&first), "fetch"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Add the other feeds now, so the read-only run only has articles to write.
    let o = env.run(&["--db", path_str(&db), "import", path_str(&rest)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = Store::open(&db).unwrap().article_count().unwrap();
    assert_eq!(before, 40);

    let dir = env.dir.path();
    let mut cmd = crate::support::cmd_bound_by_permissions(dir);
    // The temp dir must be reachable for `nobody`; the database and its directory read-only.
    for p in [dir.to_path_buf(), db.clone()] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    for side in ["-wal", "-shm"] {
        let p = format!("{}{side}", db.display());
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444));
    }
    let o = cmd
        .args(["--db", path_str(&db), "fetch", "--json"])
        .output()
        .unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    let err = stderr(&o);
    // Either the database cannot be opened for writing at all (a clear message, exit 1), or
    // each feed reports its failed write.
    assert_eq!(o.status.code(), Some(1), "stdout: {out}\nstderr: {err}");
    // The message names the path and the missing permission.
    let folder = format!("no write permission on the folder {}", dir.display());
    assert!(
        (err.contains(path_str(&db)) && err.contains(&folder)) || out.contains("cannot save"),
        "stdout: {out}\nstderr: {err}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(
        store.article_count().unwrap(),
        before,
        "nothing lost, nothing half-written"
    );
}
