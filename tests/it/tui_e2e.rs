//! End to end: the real binary in tmux, over a cache holding Arabic articles, refreshing from a
//! feed server on 127.0.0.1; keys are pressed and the screen is read back with capture-pane.
#![allow(clippy::unwrap_used)]

use axum::Router;
use axum::http::header;
use axum::routing::get;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const FEED: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار محلية</title><language>ar</language>
<item><title>مايكروسوفت تفتتح مركز بيانات جديدًا في قطر</title><link>https://news.example.net/qatar</link>
<guid>qatar-1</guid><pubDate>Sun, 01 Jun 2025 10:00:00 GMT</pubDate>
<description>أعلنت مايكروسوفت افتتاح مركز بيانات جديد في الدوحة.</description></item>
</channel></rss>"#;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux: {e}"))
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Wait until the screen shows `what` (the reader works in the background).
    fn wait_for(&self, what: &str) -> String {
        self.wait_until(what, |s| s.contains(what))
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("screen never showed {what}:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
    }

    fn text(&self, text: &str) {
        assert!(
            self.cmd(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn serve(hits: Arc<AtomicUsize>) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let app = Router::new().route(
                "/feed.xml",
                get(move || {
                    let hits = Arc::clone(&hits);
                    async move {
                        hits.fetch_add(1, Ordering::SeqCst);
                        (
                            [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                            FEED,
                        )
                    }
                }),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{}/feed.xml", rx.recv().unwrap())
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn pick_a_company_open_an_article_and_quit_in_tmux() {
    let _alone = crate::support::heavy();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("akhbar.db");
    drop(crate::support::tui::store_at(&db, 1));
    let hits = Arc::new(AtomicUsize::new(0));
    let url = serve(Arc::clone(&hits));
    let feeds = dir.path().join("feeds.txt");
    write(&feeds, &format!("{url}\n"));
    let config = dir.path().join("config.toml");
    // Unshaped, so the screen can be compared with the engine's visual order of a phrase.
    write(
        &config,
        "[fetch]\nrefresh_on_start = true\ntimeout = 5\n[display]\nshape = \"off\"\n",
    );
    let status = dir.path().join("exit-status");
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    // The shell here only records the exit status for the test; akhbar itself runs no shell.
    let run = format!(
        "env HOME='{home}' XDG_STATE_HOME='{home}/state' XDG_DATA_HOME='{home}/data' \
         LANG=C.UTF-8 TERM=xterm-256color '{bin}' --db '{db}' --config '{config}' --feeds '{feeds}'; \
         echo $? > '{status}'",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = db.display(),
        config = config.display(),
        feeds = feeds.display(),
        status = status.display(),
    );
    let tmux = Tmux {
        socket: format!("akhbar-e2e-{}", std::process::id()),
    };
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        &run,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let v = crate::support::tui::visual;
    let first = tmux.wait_for(&v("OpenAI تطلق"));
    assert!(first.contains(" articles · "), "{first}");
    // The background refresh reached the local server.
    let start = Instant::now();
    while hits.load(Ordering::SeqCst) == 0 && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        hits.load(Ordering::SeqCst) >= 1,
        "the feed server was never asked"
    );

    tmux.keys(&["c"]);
    tmux.wait_for("company");
    tmux.text("microsoft");
    let picker = tmux.wait_for("> microsoft");
    assert!(
        picker.contains("Microsoft") && !picker.contains("Amazon"),
        "{picker}"
    );
    tmux.keys(&["Enter"]);
    // The header names the filter at once; the narrowed list follows from the store.
    let filtered = tmux.wait_until("only Microsoft's headlines", |s| {
        s.contains("company: ") && !s.contains(&v("أمازون تعلن")) && !s.contains(&v("OpenAI تطلق"))
    });
    // The header names the company in Arabic.
    let header = filtered.lines().next().unwrap_or_default();
    assert!(header.contains(&v("مايكروسوفت")), "{filtered}");
    assert!(
        filtered.contains(&v("مايكروسوفت وOpenAI توسعان")),
        "{filtered}"
    );
    tmux.keys(&["j"]);
    tmux.keys(&["Enter"]);
    // The second Microsoft headline is open in the article pane.
    let article = tmux.wait_for(&v("وقّعت مايكروسوفت وOpenAI اتفاقًا"));
    assert!(
        article.contains("https://news.example.net/0/3/0"),
        "{article}"
    );
    tmux.keys(&["q"]);
    let start = Instant::now();
    while !status.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let code = std::fs::read_to_string(&status).unwrap_or_default();
    assert_eq!(code.trim(), "0", "akhbar exited with {code:?}");
    // Read state was saved as the article was opened.
    let store = akhbar::store::Store::open(&db).unwrap();
    let read = store
        .list_articles(&akhbar::store::ArticleQuery::default())
        .unwrap()
        .into_iter()
        .filter(|r| r.read)
        .count();
    assert_eq!(read, 1);
}

#[test]
fn a_panic_gives_the_terminal_back_and_says_where_the_log_is() {
    let _alone = crate::support::heavy();
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    // The shell reports, after akhbar ends, its exit code and the tty's line discipline.
    let run = format!(
        "env HOME='{home}' XDG_STATE_HOME='{home}/state' LANG=C.UTF-8 TERM=xterm-256color \
         AKHBAR_TEST_PANIC=1 '{bin}' --demo; echo \"exit=$?\"; \
         stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; \
         echo; sleep 60",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
    );
    let tmux = Tmux {
        socket: format!("akhbar-panic-{}", std::process::id()),
    };
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        &run,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = tmux.wait_for("exit=");
    assert!(screen.contains("akhbar crashed; the log is in"), "{screen}");
    assert!(screen.contains("/state/akhbar/akhbar.log"), "{screen}");
    assert!(!screen.contains("exit=0"), "{screen}");
    let modes = tmux.wait_until("the stty line", |s| s.contains("icanon"));
    assert!(
        modes.contains(" icanon") || modes.contains("\nicanon"),
        "raw mode left on: {modes}"
    );
    assert!(
        !modes.contains("-icanon") && !modes.contains("-echo"),
        "{modes}"
    );
    let flags = tmux.cmd(&[
        "display",
        "-p",
        "-t",
        "e2e",
        "#{alternate_on} #{cursor_flag}",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&flags.stdout).trim(),
        "0 1",
        "alternate screen left and cursor shown"
    );
    let log = std::fs::read_to_string(home.join("state/akhbar/akhbar.log")).unwrap_or_default();
    assert!(
        log.contains("AKHBAR_TEST_PANIC"),
        "the panic is in the log: {log}"
    );
}
