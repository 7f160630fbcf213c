//! The subcommands' human output follows the interface's language (LANG, or --lang); their
//! `--json` output does not depend on it at all.
#![allow(clippy::unwrap_used)]

use crate::support::tui::{store_at, visual};
use crate::support::{Env, path_str, stderr, stdout};
use std::process::Output;

/// `akhbar ARGS` with LANG=ar_EG.UTF-8 (and shaping off, so `visual` finds the words).
fn arabic(env: &Env, args: &[&str]) -> Output {
    env.cmd()
        .env("LANG", "ar_EG.UTF-8")
        .args(["--shape", "off"])
        .args(args)
        .output()
        .unwrap()
}

fn english(env: &Env, args: &[&str]) -> Output {
    env.cmd()
        .args(["--shape", "off"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_output_is_the_same_in_every_language() {
    let env = Env::new();
    let db = env.db();
    drop(store_at(&db, 1));
    let feeds = env.write("feeds.txt", "http://127.0.0.1:9/unreachable.xml\n");
    let db = path_str(&db);
    for args in [
        vec!["--db", db, "list", "--json"],
        vec!["--db", db, "companies", "--json"],
        vec!["--db", db, "show", "1", "--json"],
        vec!["--db", db, "--feeds", path_str(&feeds), "fetch", "--json"],
    ] {
        let en = english(&env, &args);
        let ar = arabic(&env, &args);
        let ar_flag = english(&env, &[&["--lang", "ar"], &args[..]].concat());
        assert!(!stdout(&en).trim().is_empty(), "{args:?}: {}", stderr(&en));
        assert_eq!(stdout(&en), stdout(&ar), "{args:?}");
        assert_eq!(stdout(&en), stdout(&ar_flag), "{args:?}");
        assert_eq!(en.status.code(), ar.status.code(), "{args:?}");
    }
}

#[test]
fn human_output_follows_lang() {
    let env = Env::new();
    let db = env.db();
    drop(store_at(&db, 1));
    let feeds = env.write("feeds.txt", "http://127.0.0.1:9/unreachable.xml\n");
    let db = path_str(&db);

    let fetch = |run: fn(&Env, &[&str]) -> Output| {
        stdout(&run(
            &env,
            &["--db", db, "--feeds", path_str(&feeds), "fetch"],
        ))
    };
    let (ar, en) = (fetch(arabic), fetch(english));
    assert!(ar.contains(&visual("مصدر واحد")), "{ar}");
    assert!(ar.contains(&visual("فشل:")), "{ar}");
    assert!(en.contains("1 feed: 0 new articles, 1 failed"), "{en}");

    let doctor = |run: fn(&Env, &[&str]) -> Output| stdout(&run(&env, &["--db", db, "doctor"]));
    let (ar, en) = (doctor(arabic), doctor(english));
    assert!(ar.contains(&visual("قاعدة البيانات")), "{ar}");
    assert!(
        !ar.contains("database") && !ar.contains("integrity"),
        "{ar}"
    );
    // A path keeps its leading "/" on its left inside the right-to-left line.
    assert!(ar.contains(&format!(" {db}")), "{ar}");
    assert!(en.starts_with("database"), "{en}");

    let companies =
        |run: fn(&Env, &[&str]) -> Output| stdout(&run(&env, &["--db", db, "companies"]));
    let (ar, en) = (companies(arabic), companies(english));
    assert!(
        ar.contains("Microsoft") && en.contains("Microsoft"),
        "{ar}\n{en}"
    );
    assert_ne!(ar, en);

    let list =
        |run: fn(&Env, &[&str]) -> Output| run(&env, &["--db", db, "list", "--company", "nosuch"]);
    let (ar, en) = (list(arabic), list(english));
    // Errors too: in Arabic, laid out as the other lines ("akhbar:" at the right).
    let said = stderr(&ar);
    assert!(said.contains(&visual("شركة غير معروفة")), "{said}");
    assert!(said.trim_end().ends_with(":akhbar"), "{said}");
    assert_eq!(ar.status.code(), Some(2));
    assert!(stderr(&en).contains("unknown company"), "{}", stderr(&en));
    let ar = stdout(&arabic(&env, &["--db", db, "list"]));
    assert!(ar.contains(&visual("مايكروسوفت")), "{ar}");
}
