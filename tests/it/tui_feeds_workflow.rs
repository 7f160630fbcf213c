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
