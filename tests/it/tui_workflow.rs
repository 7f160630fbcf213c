//! The reader's daily workflow through `update` and the synchronous runtime on a real SQLite
//! file: the full text shown as soon as it arrives, bulk marks and their undo, next/previous
//! unread, the starred view.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::tui::action::Msg;
use akhbar::tui::state::Focus;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn shown(state: &akhbar::tui::state::State) -> String {
    rows(&screen(state)).join("\n")
}

#[test]
fn the_full_text_shows_as_soon_as_it_arrives() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, code(KeyCode::Enter));
    let id = state.article.as_ref().unwrap().id();
    let full = "فقرة كاملة من صفحة الخبر لم تكن في الخلاصة";
    assert!(!shown(&state).contains(&visual(full)));
    rt.store.set_full_content(id, full, &[]).unwrap();
    rt.send(&mut state, Msg::FullText { id, result: Ok(()) });
    let open = state.article.as_ref().unwrap();
    assert_eq!(open.article.full_content.as_deref(), Some(full));
    assert!(
        shown(&state).contains(&visual(full)),
        "the pane shows the full text, not the teaser's layout:\n{}",
        shown(&state)
    );
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn unread_in_store(rt: &akhbar::tui::sync::SyncRuntime) -> usize {
    rt.store
        .list_articles(&akhbar::store::ArticleQuery {
            unread: true,
            ..Default::default()
        })
        .unwrap()
        .len()
}

#[test]
fn a_marks_what_the_filters_show_and_u_undoes_it() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let all = state.rows.len();
    assert_eq!(unread_in_store(&rt), all);
    // Narrow to one company, then mark everything shown.
    rt.send(&mut state, key('c'));
    for c in "openai".chars() {
        rt.send(&mut state, key(c));
    }
    rt.send(&mut state, code(KeyCode::Enter));
    let shown = state.rows.len();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    rt.send(&mut state, key('A'));
    assert!(state.rows.iter().all(|r| r.read));
    assert_eq!(unread_in_store(&rt), all - shown);
    let status = state.status.as_ref().unwrap().text.clone();
    assert!(
        status.contains(&format!("{shown} articles marked read")),
        "{status}"
    );
    assert!(status.contains("U: undo"), "{status}");
    rt.send(&mut state, key('U'));
    assert!(state.rows.iter().all(|r| !r.read));
    assert_eq!(unread_in_store(&rt), all);
    // Nothing left to undo.
    rt.send(&mut state, key('U'));
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("nothing to undo")
    );
}

#[test]
fn m_marks_the_selected_articles_feed_and_nothing_else() {
    let (mut state, mut rt, _d) = filled(120, 40);
    let feed = state.rows[0].feed.clone();
    let of_feed = state.rows.iter().filter(|r| r.feed == feed).count();
    rt.send(&mut state, key('M'));
    for r in &state.rows {
        assert_eq!(r.read, r.feed == feed, "{}", r.title);
    }
    assert_eq!(unread_in_store(&rt), state.rows.len() - of_feed);
    // With the unread view on, the feed's articles are gone from the list.
    rt.send(&mut state, key('u'));
    assert!(state.rows.iter().all(|r| r.feed != feed && !r.read));
}

#[test]
fn n_and_p_go_to_the_next_and_previous_unread_skipping_read_ones() {
    let (mut state, mut rt, _d) = filled(120, 40);
    // Read the second and third: n from the first (unread, previewed) opens it, then skips both.
    for i in [1, 2] {
        let id = state.rows[i].id;
        rt.store.set_read(id, true).unwrap();
        state.rows[i].read = true;
    }
    rt.send(&mut state, key('n'));
    assert_eq!((state.selected, state.focus), (0, Focus::Article));
    assert!(state.rows[0].read);
    rt.send(&mut state, key('n'));
    assert_eq!(state.selected, 3);
    assert!(state.rows[3].read);
    assert_eq!(
        state.article.as_ref().map(|a| a.id()),
        Some(state.rows[3].id)
    );
    rt.send(&mut state, key('p'));
    // Everything above is read now: p stays and says so.
    assert_eq!(state.selected, 3);
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("no unread article further up")
    );
    // J / K still step one article at a time.
    rt.send(&mut state, key('K'));
    assert_eq!(state.selected, 2);
}

#[test]
fn s_shows_the_starred_articles_only() {
    let (mut state, mut rt, _d) = filled(120, 40);
    rt.send(&mut state, key('j'));
    rt.send(&mut state, key('s'));
    let starred = state.rows[1].id;
    rt.send(&mut state, key('S'));
    assert_eq!(
        state.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [starred]
    );
    let screen = shown(&state);
    assert!(screen.contains("starred only"), "{screen}");
    rt.send(&mut state, key('S'));
    assert!(state.rows.len() > 1);
}

#[test]
fn quitting_waits_for_a_bulk_mark_on_its_way() {
    use akhbar::tui::action::{Action, Effect};
    use akhbar::tui::update::update;
    let (mut state, _rt, _d) = filled(120, 40);
    let fx = update(&mut state, Msg::Action(Action::MarkAllRead));
    let bulk = fx
        .iter()
        .find_map(|e| match e {
            Effect::SaveBulk(b) => Some(b.clone()),
            _ => None,
        })
        .unwrap();
    let fx = update(&mut state, Msg::Action(Action::Quit));
    assert!(!fx.contains(&Effect::Quit), "{fx:?}");
    let fx = update(
        &mut state,
        Msg::BulkSaved {
            bulk,
            result: Ok(vec![1, 2]),
        },
    );
    assert!(fx.contains(&Effect::Quit), "{fx:?}");
}

#[test]
fn the_cursor_stays_on_the_top_headline_until_the_reader_moves_it() {
    use akhbar::feed::NewArticle;
    use akhbar::refresh::{FeedResult, FeedStatus};
    use akhbar::store::{FeedMeta, Ingest, WriteStats};
    let (mut state, mut rt, _d) = filled(120, 40);
    let news = |rt: &mut akhbar::tui::sync::SyncRuntime, guid: &str, minutes: i64| {
        let feed = rt.store.find_feed(FEEDS[0].0).unwrap().unwrap().id;
        let a = NewArticle {
            guid: guid.into(),
            title: format!("خبر عاجل {guid}"),
            published: Some(now() + chrono::Duration::minutes(minutes)),
            content: "نص الخبر العاجل.".into(),
            ..Default::default()
        };
        let item = Ingest::new(
            a.clone(),
            akhbar::ingest::content_hash(&a),
            Some(Vec::new()),
        );
        rt.store
            .write_fetch(feed, &FeedMeta::default(), &[item], "v")
            .unwrap();
        FeedResult {
            feed: FEEDS[0].0.into(),
            title: None,
            status: FeedStatus::Ok {
                full_texts: 0,
                stats: WriteStats {
                    new: 1,
                    updated: 0,
                    unchanged: 0,
                },
            },
        }
    };
    // A refresh at start brings newer stories: the cursor stays on the top one.
    let done = news(&mut rt, "n1", 1);
    rt.send(&mut state, Msg::FeedDone(done));
    assert_eq!(state.selected, 0);
    assert_eq!(state.rows[0].title, "خبر عاجل n1");
    assert_eq!(
        state.article.as_ref().map(|a| a.id()),
        Some(state.rows[0].id)
    );
    // Once the reader has moved, the selected article stays selected as rows arrive above.
    rt.send(&mut state, key('j'));
    let id = state.rows[1].id;
    let done = news(&mut rt, "n2", 2);
    rt.send(&mut state, Msg::FeedDone(done));
    assert_eq!(state.rows[0].title, "خبر عاجل n2");
    assert_eq!(state.selected_row().map(|r| r.id), Some(id));
}

/// The daily routine through the real binary: subscribe from the command line, then in the
/// reader mark a whole feed read, star a story and look at the starred view; the marks are in
/// the database afterwards, and removing the feed takes its articles.
#[test]
fn the_daily_routine_in_the_real_reader() {
    use crate::support::{Env, json_lines, path_str, stderr};
    let _alone = crate::support::heavy();
    let server = crate::cli_feeds::serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let added = env.run(&["--db", db, "add", &server.url("/site/"), "--tag", "تقنية"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let added = env.run(&["--db", db, "add", &server.url("/second.xml"), "--tag", "tw"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let config = env.write(
        "reader.toml",
        "[fetch]\nrefresh_on_start = false\nrefresh_minutes = 0\n[display]\nshape = \"off\"\n",
    );
    let home = env.dir.path();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES HOME='{home}' XDG_STATE_HOME='{home}/state' \
         XDG_DATA_HOME='{home}/data' LANG=C.UTF-8 TZ=UTC TERM=xterm-256color \
         '{bin}' --db '{db}' --config '{config}'; echo \"exit=$?\"; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        config = config.display(),
    );
    let tmux = crate::support::tmux::Tmux::start("daily", 120, 40, &command);
    tmux.wait_for("5 articles · 5 unread");
    // The top story is the newest of «البوابة العربية» (3 articles): M marks that feed read.
    tmux.keys(&["M"]);
    tmux.wait_for("3 articles marked read · U: undo");
    tmux.wait_for("5 articles · 2 unread");
    tmux.keys(&["s"]);
    tmux.keys(&["S"]);
    // The header says "starred only" at once; the counts follow with the list.
    tmux.wait_until("the starred view", |s| {
        s.contains("starred only") && s.contains("1 of 5")
    });
    tmux.keys(&["S"]);
    tmux.wait_until("the whole list again", |s| !s.contains("starred only"));
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");

    let feeds = json_lines(&env.run(&["--db", db, "feeds", "--json"]));
    let ait = feeds
        .iter()
        .find(|f| f["url"] == server.url("/feed.xml"))
        .unwrap();
    assert_eq!(
        (ait["unread"].as_i64(), ait["starred"].as_i64()),
        (Some(0), Some(1))
    );
    let starred = json_lines(&env.run(&["--db", db, "list", "--starred", "--json"]));
    assert_eq!(starred.len(), 1);
    let removed = env.run(&["--db", db, "remove", &server.url("/feed.xml"), "--yes"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    let left = json_lines(&env.run(&["--db", db, "list", "--json"]));
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|a| a["feed"] == server.url("/second.xml")));
}

/// The reader in tmux over `db`, its one feed on a closed port of 127.0.0.1: every fetch fails.
fn offline_reader(env: &crate::support::Env, db: &std::path::Path) -> crate::support::tmux::Tmux {
    use crate::support::path_str;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let list = env.write("feeds.txt", format!("http://127.0.0.1:{port}/feed.xml\n"));
    let config = env.write("reader.toml", "[display]\nshape = \"off\"\n");
    let home = env.dir.path();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES HOME='{home}' XDG_STATE_HOME='{home}/state' \
         XDG_DATA_HOME='{home}/data' LANG=C.UTF-8 TZ=UTC TERM=xterm-256color \
         '{bin}' --db '{db}' --config '{config}' --feeds '{list}'; echo \"exit=$?\"; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = path_str(db),
        config = config.display(),
        list = list.display(),
    );
    crate::support::tmux::Tmux::start("offline", 120, 40, &command)
}

/// Offline with an empty database, the reader shows the bundled demo feeds from a temporary
/// database: nothing of them is ever written to the user's, during the session or after.
#[test]
fn offline_over_an_empty_database_the_demo_never_enters_it() {
    let _alone = crate::support::heavy();
    let env = crate::support::Env::new();
    let db = env.db();
    let tmux = offline_reader(&env, &db);
    tmux.wait_for("offline: showing the bundled demo feeds");
    let screen = tmux.wait_for("15 articles");
    assert!(screen.contains("demo"), "the header says demo:\n{screen}");
    // A star in the demo stays in the demo.
    tmux.keys(&["s"]);
    tmux.wait_for("★");
    let in_the_users = || {
        let store = akhbar::store::Store::open(&db).unwrap();
        let feeds = store.feeds().unwrap();
        assert!(
            feeds.iter().all(|f| !akhbar::demo::is_demo_url(&f.url)),
            "{feeds:?}"
        );
        assert_eq!(feeds.len(), 1, "the user's own feed only");
        assert_eq!(store.article_count().unwrap(), 0);
    };
    in_the_users();
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");
    in_the_users();
}

/// Offline with articles stored, the reader shows them, and says which feed failed and why.
#[test]
fn offline_with_articles_stored_the_reader_shows_them() {
    let _alone = crate::support::heavy();
    let env = crate::support::Env::new();
    let db = env.db();
    drop(crate::support::tui::store_at(&db, 1));
    let stored = crate::support::tui::SAMPLES.len();
    let tmux = offline_reader(&env, &db);
    let screen = tmux.wait_until("the error and the user's articles", |s| {
        s.contains("1 of 1") && s.contains(&format!("{stored} articles"))
    });
    assert!(!screen.contains("demo"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");
    let store = akhbar::store::Store::open(&db).unwrap();
    assert_eq!(store.article_count().unwrap(), stored as i64);
}

#[test]
fn left_and_right_go_toward_the_pane_on_that_side() {
    let (mut state, mut rt, _d) = filled(120, 40);
    // Arabic headlines: the headlines on the right, the article on the left.
    assert!(state.mirrored());
    rt.send(&mut state, code(KeyCode::Left));
    assert_eq!(state.focus, Focus::Article);
    assert!(state.rows[0].read, "opening marks read");
    rt.send(&mut state, code(KeyCode::Right));
    assert_eq!(state.focus, Focus::Headlines);
}

/// `[store] keep_days` applies after the reader's own refresh too, and the list follows.
#[test]
fn the_readers_refresh_applies_the_configured_retention() {
    use crate::support::{Env, json_lines, path_str};
    let _alone = crate::support::heavy();
    let server = crate::cli_feeds::serve();
    let env = Env::new();
    let db = env.db();
    let list = env.write(
        "feeds.txt",
        format!(
            "{}\n{}\n",
            server.url("/feed.xml"),
            server.url("/second.xml")
        ),
    );
    // Everything served is from November 2026: a one-day bound keeps nothing.
    let config = env.write(
        "reader.toml",
        "[store]\nkeep_days = 1\n[fetch]\nrefresh_minutes = 0\n[display]\nshape = \"off\"\n",
    );
    let home = env.dir.path();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES HOME='{home}' XDG_STATE_HOME='{home}/state' \
         XDG_DATA_HOME='{home}/data' LANG=C.UTF-8 TZ=UTC TERM=xterm-256color \
         '{bin}' --db '{db}' --config '{config}' --feeds '{list}'; echo \"exit=$?\"; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = path_str(&db),
        config = config.display(),
        list = list.display(),
    );
    let tmux = crate::support::tmux::Tmux::start("retention", 120, 40, &command);
    tmux.wait_for("2 feeds refreshed");
    tmux.wait_for("No articles in the cache yet.");
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");
    let left = env.run(&["--db", path_str(&db), "list", "--json"]);
    assert!(json_lines(&left).is_empty());
}
