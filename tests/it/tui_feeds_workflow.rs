//! The feeds view (F) through `update` and the synchronous runtime on a real SQLite file: feeds
//! grouped under their tags, errors shown whole, filtering by a feed, a tag or a view, managing
//! feeds and views from the reader; screens in English and Arabic at 120×40 and 80×24.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::store::feeds::FeedStats;
use akhbar::tui::action::{Effect, Msg};
use akhbar::tui::state::State;
use akhbar::tui::state::feeds::Entry;
use akhbar::tui::sync::SyncRuntime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn typed(state: &mut State, rt: &mut SyncRuntime, text: &str) {
    for c in text.chars() {
        rt.send(state, key(c));
    }
}

fn shown(state: &State) -> String {
    rows(&screen(state)).join("\n")
}

const AIT: &str = "https://feeds.example.net/ait.xml";
const TECHWD: &str = "https://feeds.example.net/techwd.xml";
const WIRE: &str = "https://feeds.example.net/wire.xml";
/// A whole error as a server gives it: long, with an escape sequence and a bidi override that
/// must never reach the terminal.
const WIRE_ERROR: &str = "HTTP 503 Service Unavailable from feeds.example.net after 3 \
    redirects: the upstream \u{1b}[31mcache\u{202e} answered with an empty body; the feed \
    will be tried again at the next refresh";

/// The sample store with tags — «تقنية» on two feeds, "ai" on one of them too, the wire
/// without a tag — and the wire's last fetch failed.
fn tagged(
    w: u16,
    h: u16,
    l10n: Option<std::sync::Arc<akhbar::i18n::Localizer>>,
) -> (State, SyncRuntime, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = store_at(&path, 1);
    let feeds = store.feeds().unwrap();
    let id = |url: &str| feeds.iter().find(|f| f.url == url).unwrap().id;
    store
        .set_feed_tags(id(AIT), &["تقنية".into(), "ai".into()])
        .unwrap();
    store.set_feed_tags(id(TECHWD), &["تقنية".into()]).unwrap();
    store.record_failure(id(WIRE), WIRE_ERROR, None).unwrap();
    drop(store);
    // Fetch times as of the test's clock (the store writes the real one).
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE feeds SET last_checked = ?1",
        [(now() - chrono::Duration::minutes(30)).timestamp()],
    )
    .unwrap();
    drop(conn);
    let store = akhbar::store::Store::open(&path).unwrap();
    let (mut state, mut rt) = reader_without_list(store, w, h);
    if let Some(l) = l10n {
        state.l10n = l;
    }
    rt.start(&mut state);
    (state, rt, dir)
}

fn feeds_of(state: &State) -> Vec<(String, Vec<String>)> {
    let view = state.feeds_view.as_ref().unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for e in &view.entries {
        match e {
            Entry::Tag { name, .. } => out.push((name.clone(), vec![])),
            Entry::Untagged { .. } => out.push(("-".into(), vec![])),
            Entry::Feed(i) => out.last_mut().unwrap().1.push(view.feeds[*i].url.clone()),
            _ => {}
        }
    }
    out
}

/// Put the cursor on the first row that `is` accepts.
fn select(state: &mut State, rt: &mut SyncRuntime, is: impl Fn(&Entry, &[FeedStats]) -> bool) {
    rt.send(state, key('g'));
    for _ in 0..40 {
        let view = state.feeds_view.as_ref().unwrap();
        if is(view.current().unwrap(), &view.feeds) {
            return;
        }
        rt.send(state, key('j'));
    }
    panic!(
        "no such row: {:?}",
        state.feeds_view.as_ref().unwrap().entries
    );
}

fn on_feed(url: &'static str) -> impl Fn(&Entry, &[FeedStats]) -> bool {
    move |e, feeds| matches!(e, Entry::Feed(i) if feeds[*i].url == url)
}

fn on_tag(tag: &'static str) -> impl Fn(&Entry, &[FeedStats]) -> bool {
    move |e, _| matches!(e, Entry::Tag { name, .. } if name == tag)
}

#[test]
fn f_lists_the_feeds_under_each_of_their_tags_with_counts_and_errors() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, key('F'));
    assert_eq!(
        feeds_of(&state),
        [
            ("ai".to_string(), vec![AIT.to_string()]),
            (
                "تقنية".to_string(),
                vec![AIT.to_string(), TECHWD.to_string()]
            ),
            ("-".to_string(), vec![WIRE.to_string()]),
        ],
        "a feed under each of its tags, sorted by name; the untagged last"
    );
    let view = state.feeds_view.as_ref().unwrap();
    assert!(matches!(
        view.entries[0],
        Entry::All {
            articles: 8,
            unread: 8
        }
    ));
    let tech = view
        .entries
        .iter()
        .find(|e| matches!(e, Entry::Tag { name, .. } if name == "تقنية"))
        .unwrap();
    assert!(
        matches!(
            tech,
            Entry::Tag {
                feeds: 2,
                articles: 6,
                unread: 6,
                ..
            }
        ),
        "{tech:?}"
    );
    let text = shown(&state);
    assert!(
        text.contains("All articles") && text.contains("8/8"),
        "{text}"
    );
    assert!(text.contains("No tag (1 feed)"), "{text}");
    assert!(text.contains("✗ fetch failed"), "{text}");
    // In red, the theme's error colour.
    let term = screen(&state);
    let buf = term.backend().buffer();
    let mark = buf.content().iter().find(|c| c.symbol() == "✗").unwrap();
    assert_eq!(mark.fg, ratatui::style::Color::LightRed);
    // The whole error shows for the feed under the cursor, sanitized.
    select(&mut state, &mut rt, on_feed(WIRE));
    let text = shown(&state);
    assert!(text.contains("last fetch failed: HTTP 503"), "{text}");
    assert!(
        text.contains("at the next refresh"),
        "the whole message:\n{text}"
    );
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    // Esc and q go back to the headlines.
    rt.send(&mut state, code(KeyCode::Esc));
    assert!(state.feeds_view.is_none());
    rt.send(&mut state, key('F'));
    rt.send(&mut state, key('q'));
    assert!(state.feeds_view.is_none() && !state.quit);
}

#[test]
fn the_feeds_view_in_english_and_arabic() {
    for (w, h) in [(120, 40), (80, 24)] {
        for (lang, l10n) in [("en", None), ("ar", Some(arabic()))] {
            let (mut state, mut rt, _d) = tagged(w, h, l10n);
            rt.send(&mut state, key('F'));
            select(&mut state, &mut rt, on_feed(WIRE));
            let term = screen(&state);
            let text = rows(&term).join("\n");
            // Names are laid out as the articles are: Arabic reads right.
            assert!(text.contains(&visual("وكالة الأنباء — تكنولوجيا")), "{text}");
            if lang == "ar" {
                assert!(text.contains(&visual("كل المقالات")), "{text}");
                assert!(text.contains(&visual("تعذّر آخر جلب")), "{text}");
            }
            insta::assert_snapshot!(format!("feeds_{lang}_{w}x{h}"), term.backend());
        }
    }
}

#[test]
fn enter_on_a_tag_or_a_feed_filters_the_headlines_with_the_other_filters() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    let all = state.rows.len();
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_tag("تقنية"));
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.feeds_view.is_none());
    assert_eq!(state.filters.tag.as_deref(), Some("تقنية"));
    assert_eq!(state.rows.len(), 6);
    assert!(state.rows.iter().all(|r| r.feed != WIRE));
    assert!(shown(&state).contains("tag:"), "{}", shown(&state));
    // With unread only: one read article of the tag leaves.
    let id = state.rows[0].id;
    rt.send(&mut state, key('m'));
    rt.send(&mut state, key('u'));
    assert_eq!(state.rows.len(), 5);
    assert!(state.rows.iter().all(|r| r.id != id));
    rt.send(&mut state, key('u'));
    // A feed replaces the tag.
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_feed(TECHWD));
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.filters.tag, None);
    assert!(state.rows.iter().all(|r| r.feed == TECHWD));
    assert_eq!(state.rows.len(), 3);
    let text = shown(&state);
    assert!(
        text.contains("feed:") && text.contains(&visual("عالم التقنية")),
        "{text}"
    );
    // C clears it, as it clears a company.
    rt.send(&mut state, key('C'));
    assert_eq!(state.rows.len(), all);
    assert_eq!(state.filters.feed, None);
}

#[test]
fn m_in_the_feeds_view_marks_the_selected_feed_read_in_the_database() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_feed(TECHWD));
    rt.send(&mut state, key('M'));
    let stats = rt.store.feed_stats().unwrap();
    let of = |url: &str| stats.iter().find(|f| f.url == url).unwrap().unread;
    assert_eq!((of(TECHWD), of(AIT), of(WIRE)), (0, 3, 2));
    // The view's counts follow.
    let view = state.feeds_view.as_ref().unwrap();
    assert!(matches!(view.entries[0], Entry::All { unread: 5, .. }));
    assert!(shown(&state).contains("0/3"), "{}", shown(&state));
}

#[test]
fn e_renames_the_selected_feed_and_refuses_an_empty_name() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_feed(TECHWD));
    rt.send(&mut state, key('E'));
    let prompt = state.prompt.as_ref().unwrap();
    assert_eq!(
        prompt.input.value(),
        "عالم التقنية",
        "prefilled with the name"
    );
    assert!(shown(&state).contains("New name:"));
    // Emptied: refused, the prompt stays, nothing changes.
    rt.send(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.prompt.is_some());
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("a feed needs a name")
    );
    let footer = rows(&screen(&state)).pop().unwrap();
    assert!(
        footer.contains("New name:") && footer.contains("a feed needs a name"),
        "the refusal shows beside the prompt: {footer}"
    );
    typed(&mut state, &mut rt, "Tech-WD عالم");
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.prompt.is_none());
    let stats = rt.store.feed_stats().unwrap();
    let f = stats.iter().find(|f| f.url == TECHWD).unwrap();
    assert_eq!(f.title.as_deref(), Some("Tech-WD عالم"));
    assert!(f.renamed);
    assert!(state.status.as_ref().unwrap().text.contains("renamed"));
    let view = state.feeds_view.as_ref().unwrap();
    assert_eq!(
        view.current_feed().unwrap().url,
        TECHWD,
        "the cursor stays on it"
    );
}

#[test]
fn d_removes_the_selected_feed_after_a_yes_naming_it_and_its_articles() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    // One of its articles starred: the question says it goes too.
    let starred = state.rows.iter().position(|r| r.feed == AIT).unwrap();
    state.selected = starred;
    rt.send(&mut state, key('s'));
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_feed(AIT));
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.filters.feed.as_deref(), Some(AIT));
    rt.send(&mut state, key('F'));
    rt.send(&mut state, key('d'));
    let text = shown(&state);
    let name = "البوابة العربية للأخبار التقنية";
    assert!(text.contains("and its 3 articles"), "{text}");
    assert!(text.contains("1 starred article goes too"), "{text}");
    assert!(text.contains(&visual(name)), "{text}");
    // n keeps it.
    rt.send(&mut state, key('n'));
    assert!(state.prompt.is_none());
    assert_eq!(rt.store.feeds().unwrap().len(), 3);
    rt.send(&mut state, key('d'));
    rt.send(&mut state, key('y'));
    let feeds = rt.store.feeds().unwrap();
    assert!(feeds.iter().all(|f| f.url != AIT), "{feeds:?}");
    assert_eq!(rt.store.article_count().unwrap(), 5);
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("and its 3 articles")
    );
    // The filter on it went with it; the view lists it no more.
    assert_eq!(state.filters.feed, None);
    assert_eq!(state.rows.len(), 5);
    assert_eq!(
        feeds_of(&state),
        [
            ("تقنية".to_string(), vec![TECHWD.to_string()]),
            ("-".to_string(), vec![WIRE.to_string()]),
        ]
    );
}

#[test]
fn v_saves_the_filters_as_a_view_that_the_feeds_view_lists_and_applies() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    // Nothing filtered: nothing to save.
    rt.send(&mut state, key('V'));
    assert!(state.prompt.is_none());
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("no filter to save")
    );
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_tag("تقنية"));
    rt.send(&mut state, code(KeyCode::Enter));
    rt.send(&mut state, key('u'));
    rt.send(&mut state, key('V'));
    typed(&mut state, &mut rt, "تقنية غير مقروءة");
    rt.send(&mut state, code(KeyCode::Enter));
    let saved = rt.store.saved_views().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "تقنية غير مقروءة");
    assert_eq!(saved[0].filter.tag.as_deref(), Some("تقنية"));
    assert!(saved[0].filter.unread);
    // Cleared, then chosen again from the feeds view: the same filters.
    rt.send(&mut state, key('C'));
    rt.send(&mut state, key('u'));
    assert_eq!(state.rows.len(), 8);
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, |e, _| matches!(e, Entry::View(_)));
    rt.send(&mut state, code(KeyCode::Enter));
    assert_eq!(state.filters.tag.as_deref(), Some("تقنية"));
    assert!(state.filters.unread);
    assert_eq!(state.filters.view.as_deref(), Some("تقنية غير مقروءة"));
    assert_eq!(state.rows.len(), 6);
    assert!(shown(&state).contains("view:"));
    // d deletes it, after a yes.
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, |e, _| matches!(e, Entry::View(_)));
    rt.send(&mut state, key('d'));
    assert!(shown(&state).contains("Delete the saved view"));
    rt.send(&mut state, key('y'));
    assert!(rt.store.saved_views().unwrap().is_empty());
    assert_eq!(state.filters.view, None);
    let view = state.feeds_view.as_ref().unwrap();
    assert!(!view.entries.iter().any(|e| matches!(e, Entry::View(_))));
}

#[test]
fn a_view_of_the_config_is_listed_applied_and_not_deleted_from_the_reader() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    state.config_views = vec![akhbar::store::views::SavedView {
        name: "wire".into(),
        filter: akhbar::store::views::ViewFilter {
            feed: Some(WIRE.into()),
            ..Default::default()
        },
    }];
    rt.send(&mut state, key('F'));
    assert!(shown(&state).contains("[views] in the config"));
    select(&mut state, &mut rt, |e, _| matches!(e, Entry::View(_)));
    rt.send(&mut state, key('d'));
    assert!(state.prompt.is_none());
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("edit or remove it there")
    );
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.rows.iter().all(|r| r.feed == WIRE));
    assert_eq!(state.rows.len(), 2);
    // A name the config has cannot be saved over it (the prompt offers the view's name).
    rt.send(&mut state, key('V'));
    assert_eq!(state.prompt.as_ref().unwrap().input.value(), "wire");
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.prompt.is_some());
    assert!(rt.store.saved_views().unwrap().is_empty());
}

#[test]
fn a_asks_for_an_address_and_tags_and_hands_them_to_a_worker() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, key('F'));
    rt.send(&mut state, key('a'));
    assert!(shown(&state).contains("Add a feed"));
    typed(&mut state, &mut rt, "https://example.org/ تقنية #ai");
    rt.send(&mut state, code(KeyCode::Enter));
    assert!(state.prompt.is_none());
    assert_eq!(
        rt.outside.last(),
        Some(&Effect::AddFeed {
            url: "https://example.org/".into(),
            tags: vec!["تقنية".into(), "ai".into()],
        })
    );
    let status = state.status.as_ref().unwrap();
    assert!(
        status.text.contains("adding https://example.org/"),
        "{status:?}"
    );
}

#[test]
fn a_refresh_that_reaches_a_feed_takes_the_offline_demo_back_to_the_users_database() {
    use akhbar::refresh::{FeedResult, FeedStatus};
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, Msg::DemoLoaded(Ok(15)));
    assert!(state.demo);
    rt.send(&mut state, key('r'));
    assert_eq!(rt.outside.last(), Some(&Effect::Refresh(None)));
    let failed = FeedResult {
        feed: AIT.into(),
        title: None,
        status: FeedStatus::Error {
            error: "connection refused".into(),
        },
    };
    rt.send(&mut state, Msg::RefreshFinished(vec![failed]));
    assert_ne!(rt.outside.last(), Some(&Effect::LeaveDemo));
    assert!(state.demo);
    let ok = FeedResult {
        feed: AIT.into(),
        title: None,
        status: FeedStatus::NotModified,
    };
    rt.send(&mut state, Msg::RefreshFinished(vec![ok]));
    assert_eq!(rt.outside.last(), Some(&Effect::LeaveDemo));
    rt.send(&mut state, Msg::DemoLeft(Ok(())));
    assert!(!state.demo && !state.offline_demo);
    assert!(state.status.as_ref().unwrap().text.contains("back online"));
    assert!(!shown(&state).contains("demo"));
}

/// Issue 15's "done when", through the real binary in tmux over a loopback server, with the
/// SQLite file checked after each step: add a feed from the reader (`a`, a site's page with a
/// tag), fetch, open the feeds view, filter by the tag (and save that as a view), mark the feed
/// read, star one article, open the starred view, remove the feed.
#[test]
fn the_feeds_workflow_in_the_real_reader() {
    use crate::support::{Env, json_lines, path_str, stderr};
    let _alone = crate::support::heavy();
    let server = crate::cli_feeds::serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
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
    let feeds = || json_lines(&env.run(&["--db", db, "feeds", "--json"]));
    let listed = |args: &[&str]| {
        let mut all = vec!["--db", db, "list", "--json"];
        all.extend_from_slice(args);
        json_lines(&env.run(&all))
    };
    let ait = server.url("/feed.xml");
    let of_ait = |feeds: &[serde_json::Value]| feeds.iter().find(|f| f["url"] == ait).cloned();
    let tmux = crate::support::tmux::Tmux::start("feeds", 120, 40, &command);
    tmux.wait_for("2 articles · 2 unread");

    // Add from the feeds view: the site's page names the feed; its tag comes after the
    // address. The cursor lands on the new feed, its address in the detail pane.
    tmux.keys(&["F"]);
    tmux.wait_for("All articles");
    tmux.keys(&["a"]);
    tmux.wait_for("Add a feed");
    tmux.text(&format!("{} تقنية", server.url("/site/")));
    tmux.keys(&["Enter"]);
    tmux.wait_for("added a feed, 3 new articles: «");
    let screen = tmux.wait_for(&format!("{}  fetched", ait));
    assert!(screen.contains("5/5"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("5 articles · 5 unread");
    let f = of_ait(&feeds()).expect("the feed is in the database");
    assert_eq!(f["tags"], serde_json::json!(["تقنية"]));
    assert_eq!(
        (f["articles"].as_i64(), f["unread"].as_i64()),
        (Some(3), Some(3))
    );

    // Fetch: every feed again (nothing new; both answered).
    tmux.keys(&["r"]);
    tmux.wait_for("2 feeds refreshed");
    assert!(
        feeds().iter().all(|f| f["last_error"].is_null()),
        "{:?}",
        feeds()
    );
    assert_eq!(listed(&[]).len(), 5);

    // The feeds view: both tags with their feeds and counts.
    tmux.keys(&["F"]);
    let screen = tmux.wait_for("All articles");
    assert!(screen.contains("tw (1 feed)"), "{screen}");
    assert!(screen.contains("5/5") && screen.contains("3/3"), "{screen}");
    // Rows: all, tw, its feed, تقنية, its feed.
    tmux.keys(&["j", "j", "j", "Enter"]);
    let screen = tmux.wait_until("the tag's three articles", |s| {
        s.contains("tag:") && s.contains("3 of 5")
    });
    assert!(
        !screen.contains("All articles"),
        "back to the headlines:\n{screen}"
    );
    assert_eq!(listed(&["--tag", "تقنية"]).len(), 3);
    // Saved as a view: `akhbar views` and `list --view` see it.
    tmux.keys(&["V"]);
    tmux.wait_for("Save the filters as the view:");
    tmux.text("tech");
    tmux.keys(&["Enter"]);
    tmux.wait_for("saved the view «tech»");
    let views = json_lines(&env.run(&["--db", db, "views", "--json"]));
    assert_eq!(views.len(), 1, "{views:?}");
    assert_eq!(
        (views[0]["name"].as_str(), views[0]["origin"].as_str()),
        (Some("tech"), Some("saved"))
    );
    assert_eq!(listed(&["--view", "tech"]).len(), 3);

    // Mark the feed read from the feeds view (the cursor opens on the view chosen; the feed
    // is the last row).
    tmux.keys(&["F"]);
    tmux.wait_for("All articles");
    tmux.keys(&["G", "M"]);
    tmux.wait_for("3 articles marked read");
    tmux.wait_for("0/3");
    let f = of_ait(&feeds()).unwrap();
    assert_eq!(f["unread"].as_i64(), Some(0));
    assert_eq!(listed(&["--unread"]).len(), 2);

    // Star one article of it, then the starred view.
    tmux.keys(&["Escape"]);
    tmux.wait_until("the headlines", |s| !s.contains("All articles"));
    tmux.keys(&["s"]);
    tmux.wait_for("★");
    let starred = listed(&["--starred"]);
    assert_eq!(starred.len(), 1);
    assert_eq!(starred[0]["feed"], ait.as_str());
    tmux.keys(&["C", "S"]);
    tmux.wait_until("the starred view", |s| {
        s.contains("starred only") && s.contains("1 of 5")
    });

    // Remove the feed: the question names it, its articles and the starred one.
    tmux.keys(&["S", "F"]);
    tmux.wait_for("All articles");
    tmux.keys(&["G", "d"]);
    let asked = tmux.wait_for("y/n");
    assert!(asked.contains("and its 3 articles"), "{asked}");
    assert!(asked.contains("1 starred article goes too"), "{asked}");
    assert_eq!(feeds().len(), 2, "nothing removed before the yes");
    tmux.keys(&["y"]);
    tmux.wait_for("and its 3 articles");
    tmux.wait_until("the feed gone from the view", |s| {
        !s.contains("3/3") && !s.contains("0/3")
    });
    let left = feeds();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["url"], server.url("/second.xml").as_str());
    assert_eq!(listed(&[]).len(), 2);
    assert!(listed(&["--starred"]).is_empty());
    tmux.keys(&["q", "q"]);
    tmux.wait_for("exit=0");
}

/// Offline over an empty database the demo shows; once the feed's server answers, `r` takes the
/// reader back to the user's database and feeds, without a restart, and says so.
#[test]
fn r_in_the_offline_demo_goes_back_to_the_users_feeds_once_they_answer() {
    use crate::support::{Env, json_lines, path_str};
    let _alone = crate::support::heavy();
    let env = Env::new();
    let db = env.db();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let list = env.write("feeds.txt", format!("http://127.0.0.1:{port}/feed.xml\n"));
    let config = env.write(
        "reader.toml",
        "[fetch]\nrefresh_minutes = 0\n[display]\nshape = \"off\"\n",
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
    let tmux = crate::support::tmux::Tmux::start("back", 120, 40, &command);
    tmux.wait_for("offline: showing the bundled demo feeds");
    tmux.wait_for("15 articles");
    // The feed's server comes up on the address that failed.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind(("127.0.0.1", port)))
        .unwrap();
    let feed = crate::cli_feeds::rss("البوابة العربية", "ait", 3);
    let app = axum::Router::new().route(
        "/feed.xml",
        axum::routing::get(move || {
            let feed = feed.clone();
            async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/rss+xml")],
                    feed,
                )
            }
        }),
    );
    rt.spawn(async move { axum::serve(listener, app).await });
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("back online: showing your own feeds");
    let screen = if screen.contains("3 articles · 3 unread") {
        screen
    } else {
        tmux.wait_for("3 articles · 3 unread")
    };
    assert!(!screen.contains("demo"), "{screen}");
    // A mark now goes to the user's database.
    tmux.keys(&["s"]);
    tmux.wait_for("★");
    let starred = json_lines(&env.run(&["--db", path_str(&db), "list", "--starred", "--json"]));
    assert_eq!(starred.len(), 1);
    let all = json_lines(&env.run(&["--db", path_str(&db), "list", "--json"]));
    assert_eq!(all.len(), 3);
    assert!(
        all.iter()
            .all(|a| !akhbar::demo::is_demo_url(a["feed"].as_str().unwrap()))
    );
    tmux.keys(&["q"]);
    tmux.wait_for("exit=0");
}

#[test]
fn a_long_error_is_read_whole_under_the_list() {
    let (mut state, mut rt, _d) = tagged(80, 24, None);
    let id = rt
        .store
        .feeds()
        .unwrap()
        .into_iter()
        .find(|f| f.url == WIRE)
        .unwrap()
        .id;
    let long = format!(
        "TLS handshake failed: {} the end of the error",
        "certificate chain invalid; ".repeat(16)
    );
    rt.store.record_failure(id, &long, None).unwrap();
    rt.send(&mut state, key('F'));
    select(&mut state, &mut rt, on_feed(WIRE));
    let text = shown(&state);
    assert!(text.contains("the end of the error"), "{text}");
    assert!(
        text.contains("All articles"),
        "the list keeps its place:\n{text}"
    );
}

#[test]
fn keys_for_the_headlines_go_back_to_them_and_article_keys_do_nothing_here() {
    let (mut state, mut rt, _d) = tagged(120, 40, None);
    rt.send(&mut state, key('F'));
    rt.send(&mut state, key('o'));
    assert!(state.feeds_view.is_some());
    assert!(rt.outside.is_empty(), "{:?}", rt.outside);
    rt.send(&mut state, key('/'));
    assert!(state.feeds_view.is_none() && state.search_input.is_some());
}

#[test]
fn a_long_feed_list_scrolls_only_as_far_as_the_cursor_needs() {
    let (mut state, mut rt, _d) = tagged(80, 24, None);
    let many: Vec<akhbar::feed::FeedSource> = (0..40)
        .map(|i| akhbar::feed::FeedSource {
            url: format!("https://feeds.example.org/{i:02}.xml"),
            title: Some(format!("مصدر {i:02}")),
            language: None,
            tags: vec![],
        })
        .collect();
    rt.store.add_feeds(&many).unwrap();
    rt.send(&mut state, key('F'));
    rt.send(&mut state, key('G'));
    let list_top = |state: &State| rows(&screen(state))[2].clone();
    let bottom_top = list_top(&state);
    assert!(
        !bottom_top.contains("All articles"),
        "scrolled: {bottom_top}"
    );
    // Up a few rows: the cursor moves, the list stays.
    for _ in 0..3 {
        rt.send(&mut state, key('k'));
    }
    assert_eq!(list_top(&state), bottom_top);
    // Back to the top: the list follows.
    rt.send(&mut state, key('g'));
    assert!(list_top(&state).contains("All articles"));
}
