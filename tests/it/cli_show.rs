//! `akhbar show` lays an article out as the reader's pane does — one composer — so at the
//! pane's width it prints the pane's lines: title, feed · author · date, link, body, and the
//! closing line naming the companies and figures.
#![allow(clippy::unwrap_used)]

use crate::support::tui::{reader_without_list, store_at, visual};
use crate::support::{Env, path_str, stderr, stdout};
use akhbar::text::line_to_plain;

#[test]
fn show_prints_what_the_readers_article_pane_shows() {
    let env = Env::new();
    let db = env.db();
    let store = store_at(&db, 1);
    // The samples carry their own entity spans: tell `show` they are current, or it would
    // recognise the articles again and name other figures.
    let version = akhbar::entities::Recognizer::load(None).unwrap().version();
    store.set_meta("entities_version", &version).unwrap();
    // `show` dates on the real clock (the year shows when it is not this one): so does the pane.
    let (mut state, mut rt) = reader_without_list(store, 120, 40);
    rt.send(
        &mut state,
        akhbar::tui::action::Msg::Tick(chrono::Utc::now()),
    );
    rt.start(&mut state);
    let open = state
        .article
        .as_ref()
        .expect("the first article is previewed");
    let layout = open.layout.as_ref().unwrap();
    let pane: Vec<String> = layout
        .lines
        .iter()
        .map(|l| line_to_plain(l).trim_end().to_string())
        .collect();
    let id = open.id().to_string();
    let width = layout.key.width.to_string();
    let o = env.run(&[
        "--db",
        path_str(&db),
        "--bidi",
        "app",
        "--shape",
        "off",
        "show",
        &id,
        "--width",
        &width,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(shown, pane);
    // The sections a reader expects: the date with its year (not this one) and time, the
    // closing line of companies, in the interface's language.
    let text = shown.join("\n");
    assert!(text.contains("2025") && text.contains("11:35"), "{text}");
    assert!(text.contains("Companies:"), "{text}");
    let ar = env.run(&[
        "--db",
        path_str(&db),
        "--lang",
        "ar",
        "--bidi",
        "app",
        "--shape",
        "off",
        "show",
        &id,
        "--width",
        &width,
    ]);
    assert!(ar.status.success(), "{}", stderr(&ar));
    let ar = stdout(&ar);
    assert!(ar.contains(&visual("الشركات:")), "{ar}");
    assert!(
        ar.contains(&visual("تموز")) || ar.contains(&visual("يوليو")),
        "{ar}"
    );
    assert!(!ar.contains("Companies"), "{ar}");
}
