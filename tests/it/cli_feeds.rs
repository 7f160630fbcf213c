//! Managing feeds through the binary: `add` (a feed, or a site's page that links to one),
//! `feeds [--json]`, `remove` (asks, or `--yes`), `import` from a file, an address or stdin,
//! `list --tag/--view`, `cleanup` — on a real SQLite file, against feeds served on 127.0.0.1.
#![allow(clippy::unwrap_used)]

use crate::support::{Env, json_lines, path_str, stderr, stdout};
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use std::io::Write;
use std::process::Stdio;

pub(crate) fn rss(title: &str, prefix: &str, n: usize) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>{title}</title><link>https://news.example/</link><language>ar</language>"
    );
    for i in 0..n {
        s.push_str(&format!(
            "<item><guid>{prefix}-{i}</guid><title>خبر {prefix} رقم {i}</title>\
             <link>https://news.example/{prefix}/{i}</link>\
             <pubDate>Tue, 10 Nov 2026 0{i}:00:00 GMT</pubDate>\
             <description><![CDATA[<p>نص الخبر مع <a href=\"/report/{i}\">التقرير</a>.</p>]]>\
             </description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

const SITE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head><title>البوابة</title>
<link rel="alternate" type="application/rss+xml" title="التعليقات" href="/comments.xml">
<link rel="alternate" type="application/rss+xml" title="البوابة العربية" href="/feed.xml">
</head><body><p>مرحبا</p></body></html>"#;

const PLAIN_PAGE: &str =
    "<!doctype html><html><head><title>x</title></head><body>لا خلاصة هنا</body></html>";

pub(crate) struct Server {
    base: String,
    _rt: tokio::runtime::Runtime,
}

impl Server {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

pub(crate) fn serve() -> Server {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let xml = |body: String| ([(header::CONTENT_TYPE, "application/rss+xml")], body);
    let html = |body: &'static str| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body);
    let list = format!("# feeds\n{base}/feed.xml\n{base}/second.xml\n");
    let app = Router::new()
        .route(
            "/feed.xml",
            get(move || async move { xml(rss("البوابة العربية", "ait", 3)) }),
        )
        .route(
            "/second.xml",
            get(move || async move { xml(rss("عالم التقنية", "tw", 2)) }),
        )
        .route(
            "/comments.xml",
            get(move || async move { xml(rss("تعليقات", "c", 1)) }),
        )
        .route("/site/", get(move || async move { html(SITE) }))
        .route("/plain/", get(move || async move { html(PLAIN_PAGE) }))
        .route("/list.txt", get(move || async move { list.clone() }))
        .route(
            "/broken.xml",
            get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "down").into_response() }),
        );
    rt.spawn(async move { axum::serve(listener, app).await });
    Server { base, _rt: rt }
}

fn feeds_json(env: &Env) -> Vec<serde_json::Value> {
    let o = env.run(&["--db", path_str(&env.db()), "feeds", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    json_lines(&o)
}

#[test]
fn add_a_site_by_its_page_then_list_and_remove_it() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let site = server.url("/site/");
    let o = env.run(&["--db", db, "add", &site, "--tag", "تقنية", "--tag", "عربي"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    // The page's main feed, not its comments feed; fetched at once.
    assert!(
        said.contains(&format!("links to the feed {}", server.url("/feed.xml"))),
        "{said}"
    );
    assert!(said.contains("3 articles"), "{said}");

    let feeds = feeds_json(&env);
    assert_eq!(feeds.len(), 1);
    let f = &feeds[0];
    assert_eq!(f["url"], server.url("/feed.xml"));
    assert_eq!(f["title"], "البوابة العربية");
    assert_eq!(f["tags"], serde_json::json!(["تقنية", "عربي"]));
    assert_eq!(
        (f["articles"].as_i64(), f["unread"].as_i64()),
        (Some(3), Some(3))
    );
    assert!(
        f["last_fetch"].as_str().is_some_and(|t| t.contains('T')),
        "{f}"
    );
    assert!(f["last_error"].is_null());
    let id = f["id"].as_i64().unwrap().to_string();

    // Adding it again (by the feed's own address, with a name) changes nothing but the name.
    let again = env.run(&[
        "--db",
        db,
        "add",
        &server.url("/feed.xml"),
        "--title",
        "البوابة",
    ]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("already subscribed"),
        "{}",
        stdout(&again)
    );
    assert_eq!(feeds_json(&env)[0]["title"], "البوابة");

    // The tag filters the list; the links inside an article were kept, resolved.
    let listed = env.run(&["--db", db, "list", "--tag", "عربي", "--json"]);
    assert_eq!(json_lines(&listed).len(), 3, "{}", stderr(&listed));
    let none = env.run(&["--db", db, "list", "--tag", "رياضة", "--json"]);
    assert!(json_lines(&none).is_empty());
    let store = akhbar::store::Store::open(std::path::Path::new(db)).unwrap();
    let first = store
        .list_articles(&akhbar::store::ArticleQuery::default())
        .unwrap()[0]
        .id;
    let links = store.article(first).unwrap().unwrap().links;
    assert!(
        links
            .iter()
            .any(|l| l.url.ends_with("/report/2") && l.text == "التقرير"),
        "{links:?}"
    );
    drop(store);

    // The human list names it with its counts.
    let table = env.run(&["--db", db, "feeds"]);
    let table = stdout(&table);
    assert!(table.contains("3/3") && table.contains("1 feed"), "{table}");

    // Not on a terminal, removing needs --yes; nothing goes without it.
    let refused = env.run(&["--db", db, "remove", &id]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(feeds_json(&env).len(), 1);
    let removed = env.run(&["--db", db, "remove", &id, "--yes"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert!(
        stdout(&removed).contains("3 articles"),
        "{}",
        stdout(&removed)
    );
    // The English line names the Arabic feed laid out on its own, as `feeds` shows it, not
    // in logical order (which a terminal without bidi shows backwards and unjoined).
    let opts = akhbar::text::LayoutOptions {
        direction: akhbar::text::Direction::Rtl,
        bidi: akhbar::text::BidiMode::App,
        shape: true,
    };
    let p = akhbar::text::PreparedParagraph::new("البوابة", &[], Default::default(), &opts);
    let shown = akhbar::text::line_to_plain(&p.lines(100)[0])
        .trim()
        .to_string();
    assert_ne!(shown, "البوابة");
    assert!(
        stdout(&removed).starts_with(&format!("removed {shown} ")),
        "{}",
        stdout(&removed)
    );
    assert!(table.contains(&shown), "{table}");
    assert!(feeds_json(&env).is_empty());
    let left = env.run(&["--db", db, "list", "--json"]);
    assert!(json_lines(&left).is_empty());
    let unknown = env.run(&["--db", db, "remove", "https://nowhere.example/", "--yes"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn add_refuses_what_is_not_a_feed_and_adds_nothing() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let bad = env.run(&["--db", db, "add", "file:///etc/passwd"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("not a web address"),
        "{}",
        stderr(&bad)
    );
    let page = env.run(&["--db", db, "add", &server.url("/plain/")]);
    assert_eq!(page.status.code(), Some(1));
    assert!(stderr(&page).contains("names no feed"), "{}", stderr(&page));
    let down = env.run(&["--db", db, "add", &server.url("/broken.xml")]);
    assert_eq!(down.status.code(), Some(1));
    assert!(stderr(&down).contains("HTTP 500"), "{}", stderr(&down));
    assert!(feeds_json(&env).is_empty());
}

#[test]
fn import_from_a_file_an_address_or_stdin_and_errors_per_feed() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let from_url = env.run(&["--db", db, "import", &server.url("/list.txt")]);
    assert!(from_url.status.success(), "{}", stderr(&from_url));
    assert!(
        stdout(&from_url).contains("imported 2 feeds"),
        "{}",
        stdout(&from_url)
    );

    let mut child = env
        .cmd()
        .args(["--db", db, "import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            format!(
                "{}\n{}\n",
                server.url("/feed.xml"),
                server.url("/broken.xml")
            )
            .as_bytes(),
        )
        .unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert!(from_stdin.status.success(), "{}", stderr(&from_stdin));
    assert!(
        stdout(&from_stdin).contains("1 new, 1 already present"),
        "{}",
        stdout(&from_stdin)
    );
    // A feed given where a list was expected: the error says to add it.
    let a_feed = env.run(&["--db", db, "import", &server.url("/feed.xml")]);
    assert_eq!(a_feed.status.code(), Some(2));
    assert!(
        stderr(&a_feed).contains("akhbar add"),
        "{}",
        stderr(&a_feed)
    );

    let fetched = env.run(&["--db", db, "fetch"]);
    assert_eq!(fetched.status.code(), Some(1), "{}", stderr(&fetched));
    let feeds = feeds_json(&env);
    assert_eq!(feeds.len(), 3);
    let broken = feeds
        .iter()
        .find(|f| f["url"] == server.url("/broken.xml"))
        .unwrap();
    assert!(
        broken["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("HTTP 500")),
        "{broken}"
    );
    assert_eq!(broken["articles"].as_i64(), Some(0));
    let table = stdout(&env.run(&["--db", db, "feeds"]));
    assert!(
        table.contains("FAILED: HTTP 500") && table.contains("1 failing"),
        "{table}"
    );
}

#[test]
fn views_from_the_config_and_cleanup_with_retention() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let cfg = env.write(
        "config.toml",
        "[views.\"عالم التقنية\"]\ntag = \"tw\"\nunread = true\n",
    );
    let cfg = path_str(&cfg);
    let o = env.run(&["--db", db, "add", &server.url("/feed.xml"), "--tag", "ait"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = env.run(&["--db", db, "add", &server.url("/second.xml"), "--tag", "tw"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let view = env.run(&[
        "--config",
        cfg,
        "--db",
        db,
        "list",
        "--view",
        "عالم التقنية",
        "--json",
    ]);
    assert!(view.status.success(), "{}", stderr(&view));
    let rows = json_lines(&view);
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r["title"].as_str().unwrap().contains("tw"))
    );
    let unknown = env.run(&["--config", cfg, "--db", db, "list", "--view", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("عالم التقنية"),
        "{}",
        stderr(&unknown)
    );
    let views = env.run(&["--config", cfg, "--db", db, "views", "--json"]);
    assert_eq!(json_lines(&views)[0]["name"], "عالم التقنية");

    // The items are from November 2026: a one-day bound removes them all but the starred one.
    let store = akhbar::store::Store::open(std::path::Path::new(db));
    let mut store = store.unwrap();
    let first = store
        .list_articles(&akhbar::store::ArticleQuery::default())
        .unwrap()[0]
        .id;
    store.set_starred(first, true).unwrap();
    drop(store);
    let cleaned = env.run(&["--db", db, "cleanup", "--keep-days", "1"]);
    assert!(cleaned.status.success(), "{}", stderr(&cleaned));
    assert!(
        stdout(&cleaned).contains("removed 4 articles (kept 1 starred)"),
        "{}",
        stdout(&cleaned)
    );
    let left = env.run(&["--db", db, "list", "--json"]);
    assert_eq!(json_lines(&left).len(), 1);
    // A fetch does not bring them back as new.
    let fetched = env.run(&["--db", db, "fetch", "--json"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    let left = env.run(&["--db", db, "list", "--json"]);
    assert_eq!(json_lines(&left).len(), 1);
}

#[test]
fn a_fetch_applies_the_configured_retention() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    // The served items are from November 2026; a one-day bound keeps none of them.
    let cfg = env.write("config.toml", "[store]\nkeep_days = 1\n");
    let cfg = path_str(&cfg);
    let listed = env.write("feeds.txt", format!("{}\n", server.url("/feed.xml")));
    let imported = env.run(&["--db", db, "import", path_str(&listed)]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let fetched = env.run(&["--config", cfg, "--db", db, "fetch"]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert!(
        stdout(&fetched).contains("retention: 3 old articles removed"),
        "{}",
        stdout(&fetched)
    );
    let left = env.run(&["--db", db, "list", "--json"]);
    assert!(json_lines(&left).is_empty());
    // Without the bound nothing is removed, and the removed items do not come back.
    let again = env.run(&["--db", db, "fetch", "--json"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let left = env.run(&["--db", db, "list", "--json"]);
    assert!(json_lines(&left).is_empty());
}

/// The `remove` question on a terminal, in Arabic: laid out right to left, so it ends at the
/// left; the `[y/N]` prompt starts the next line, where the answer is typed (it stood at the
/// far left of the question, with the cursor at the right). «n» keeps the feed, «y» removes it.
#[test]
fn the_arabic_remove_question_prompts_on_its_own_line() {
    let server = serve();
    let env = Env::new();
    let db = env.db();
    let db = path_str(&db);
    let o = env.run(&["--db", db, "add", &server.url("/feed.xml")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let id = feeds_json(&env)[0]["id"].as_i64().unwrap().to_string();
    let home = env.dir.path().display().to_string();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES HOME='{home}' XDG_CONFIG_HOME='{home}/config' \
         XDG_DATA_HOME='{home}/data' XDG_STATE_HOME='{home}/state' LANG=ar_EG.UTF-8 TZ=UTC \
         NO_COLOR=1 TERM=xterm-256color '{bin}' --db '{db}' remove {id}; sleep 60",
        bin = env!("CARGO_BIN_EXE_akhbar"),
    );
    for (answer, kept) in [("n", true), ("y", false)] {
        let tmux = crate::support::tmux::Tmux::start("remove-ar", 100, 10, &command);
        let screen = tmux.wait_for("[y/N]");
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        let at = lines.iter().position(|l| l.contains("[y/N]")).unwrap();
        assert_eq!(lines[at], "[y/N]", "{screen}");
        assert!(at > 0 && lines[at - 1].starts_with('؟'), "{screen}");
        tmux.text(answer);
        tmux.keys(&["Enter"]);
        tmux.wait_until("the answer's line", |s| s.lines().count() > at + 1);
        let start = std::time::Instant::now();
        while feeds_json(&env).len() != usize::from(kept)
            && start.elapsed() < std::time::Duration::from_secs(10)
        {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(feeds_json(&env).len(), usize::from(kept), "{answer}");
    }
}
