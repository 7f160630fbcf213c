//! A full disk: the write fails with a message, and nothing already stored is lost.
#![allow(clippy::unwrap_used)]

mod common;

use akhbar::store::Store;
use common::feedgen::FeedServer;
use common::{Env, json_lines, path_str, stderr};
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
