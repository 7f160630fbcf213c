//! How the real reader ends, in tmux: marks made while another process (this test) holds the
//! database are saved before it quits, and what cannot be saved is said; SIGTERM, SIGHUP and
//! SIGINT give the terminal back (no alternate screen, cursor shown, no mouse tracking, the tty
//! cooked, the bidi mode put back) and end it by the same signal; SIGTSTP, Ctrl-Z and an outside
//! SIGSTOP stop it with the terminal given back, and on `fg` keys work at once; a damaged
//! database shows its error whole.
#![allow(clippy::unwrap_used)]

use crate::support::tmux::{Tmux, descendant, kill};
use akhbar::store::{ArticleQuery, Store};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The terminal as akhbar found it: main screen, cursor shown, no mouse mode.
const GIVEN_BACK: &str = "alt=0 cursor=1 mouse=00000";

struct Reader {
    tmux: Tmux,
    _dir: tempfile::TempDir,
    db: PathBuf,
    /// What was written to the pane, from before akhbar started.
    bytes: PathBuf,
    /// akhbar's pid (0 when keys were typed ahead).
    pid: i32,
}

/// `akhbar` over `db` (filled by `prepare`) in a 100×30 pane; after it ends, the shell prints
/// "exit=STATUS" and waits. Everything written to the pane is recorded.
fn reader(name: &str, prepare: impl FnOnce(&Path)) -> Reader {
    reader_typed_ahead(name, prepare, &[])
}

/// `reader`, with `keys` typed into the pane before akhbar starts: they wait in the tty, as
/// keys typed while a program starts do.
fn reader_typed_ahead(name: &str, prepare: impl FnOnce(&Path), keys: &[&str]) -> Reader {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("akhbar.db");
    prepare(&db);
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[fetch]\nrefresh_on_start = false\nrefresh_minutes = 0\n[display]\nshape = \"off\"\n",
    )
    .unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let go = dir.path().join("go");
    let bytes = dir.path().join("bytes");
    // The shell waits until the recording is on, and reports how akhbar ended.
    let command = format!(
        "while [ ! -e '{go}' ]; do sleep 0.05; done; \
         env HOME='{home}' XDG_STATE_HOME='{home}/state' XDG_DATA_HOME='{home}/data' \
         LANG=C.UTF-8 TERM=xterm-256color '{bin}' --db '{db}' --config '{config}' \
         --feeds /dev/null; echo \"exit=$?\"; sleep 120",
        go = go.display(),
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = db.display(),
        config = config.display(),
    );
    let tmux = Tmux::start(name, 100, 30, &command);
    tmux.record(&bytes);
    if !keys.is_empty() {
        tmux.keys(keys);
        // Echoed by the tty (not yet raw): they are in its input queue before akhbar starts.
        tmux.wait_until("the keys typed ahead", |s| !s.trim().is_empty());
    }
    std::fs::write(&go, "").unwrap();
    // Typed-ahead keys may end akhbar before it could be looked for.
    let pid = match keys {
        [] => descendant(tmux.pane_pid(), "akhbar"),
        _ => 0,
    };
    Reader {
        tmux,
        _dir: dir,
        db,
        bytes,
        pid,
    }
}

fn filled(db: &Path) {
    drop(crate::support::tui::store_at(db, 1));
}

impl Reader {
    /// The first screen, with its headlines.
    fn ready(&self) {
        self.tmux.wait_until("the headlines", |s| {
            s.contains(" unread") && s.contains('●')
        });
    }

    /// The exit status the shell printed.
    fn exit(&self) -> String {
        // After the keys the tty echoed, when some were typed ahead.
        let status = |screen: &str| {
            screen
                .lines()
                .find_map(|l| Some(l.trim().split_once("exit=")?.1.to_string()))
                .filter(|s| !s.is_empty())
        };
        status(&self.tmux.wait_until("exit=", |s| status(s).is_some())).unwrap_or_default()
    }

    /// The terminal is as akhbar found it: the pane's modes, the tty cooked, and every mode
    /// akhbar set in the bytes it wrote is set back after its last setting.
    fn given_back(&self) {
        assert_eq!(self.tmux.modes(), GIVEN_BACK);
        let stty = self.tmux.stty();
        for word in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(
                stty.iter().any(|w| w == word),
                "stty shows -{word}: {stty:?}"
            );
        }
        let bytes = std::fs::read(&self.bytes).unwrap();
        // Bidi mode (terminal-wg BDSM) and the screen, cursor and mouse modes (DECSET).
        for (set, reset) in [
            (&b"\x1b[8l"[..], &b"\x1b[8h"[..]),
            (b"\x1b[?1049h", b"\x1b[?1049l"),
            (b"\x1b[?25l", b"\x1b[?25h"),
            (b"\x1b[?1000h", b"\x1b[?1000l"),
            (b"\x1b[?1006h", b"\x1b[?1006l"),
        ] {
            let Some(last_set) = rfind(&bytes, set) else {
                continue;
            };
            assert!(
                rfind(&bytes, reset).is_some_and(|at| at > last_set),
                "{:?} was never undone",
                String::from_utf8_lossy(set)
            );
        }
        assert!(
            rfind(&bytes, b"\x1b[?1049h").is_some(),
            "the recording has the take-over"
        );
    }

    fn article_marks(&self) -> Vec<(i64, bool, bool)> {
        Store::open(&self.db)
            .unwrap()
            .list_articles(&ArticleQuery::default())
            .unwrap()
            .into_iter()
            .filter(|r| r.read || r.starred)
            .map(|r| (r.id, r.read, r.starred))
            .collect()
    }
}

/// The header's unread count.
fn unread(screen: &str) -> usize {
    let header = screen.lines().next().unwrap_or_default();
    let words: Vec<&str> = header.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "unread").unwrap();
    words[at - 1].parse().unwrap()
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// This test process holds the database's write lock, as a cron `akhbar fetch` would.
fn hold(db: &Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("BEGIN IMMEDIATE").unwrap();
    c
}

fn busy_line(marks: usize) -> String {
    let s = if marks == 1 { "" } else { "s" };
    format!(
        "saving {marks} mark{s} — the database is busy (process {}",
        std::process::id()
    )
}

#[test]
fn marks_made_while_another_process_holds_the_database_are_saved_before_quitting() {
    let _alone = crate::support::heavy();
    let r = reader("held", filled);
    r.ready();
    let holder = hold(&r.db);
    r.tmux.keys(&["m", "s"]);
    r.tmux.wait_for("★");
    r.tmux.keys(&["q"]);
    // Still there, saying what it waits for and who holds the database.
    let screen = r.tmux.wait_for(&busy_line(2));
    assert!(screen.contains("q: quit without saving"), "{screen}");
    assert_eq!(r.tmux.format("#{alternate_on}"), "1");
    std::thread::sleep(Duration::from_secs(2));
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    assert_eq!(r.exit(), "0");
    let marks = r.article_marks();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert!(marks[0].1 && marks[0].2, "read and starred: {marks:?}");
    r.given_back();
}

#[test]
fn quitting_again_while_the_database_is_held_says_what_was_not_saved() {
    let _alone = crate::support::heavy();
    let r = reader("abandon", filled);
    r.ready();
    let holder = hold(&r.db);
    r.tmux.keys(&["s"]);
    r.tmux.wait_for("★");
    r.tmux.keys(&["q"]);
    r.tmux.wait_for(&busy_line(1));
    r.tmux.keys(&["q"]);
    assert_eq!(r.exit(), "1");
    let screen = r.tmux.screen();
    let text = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("akhbar: 1 mark was not saved: starred: article ")
            && text.contains("still waiting for the database at the end"),
        "{screen}"
    );
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    assert!(r.article_marks().is_empty());
    r.given_back();
}

#[test]
fn term_hup_and_int_save_the_marks_give_the_terminal_back_and_end_by_the_signal() {
    let _alone = crate::support::heavy();
    for (signal, status) in [("TERM", "143"), ("HUP", "129"), ("INT", "130")] {
        let r = reader(&signal.to_lowercase(), filled);
        r.ready();
        // The database held: the mark waits, and so does the end.
        let holder = hold(&r.db);
        let before = unread(&r.tmux.screen());
        r.tmux.keys(&["m"]);
        r.tmux
            .wait_until("the mark on screen", |s| unread(s) == before - 1);
        kill(r.pid, signal);
        if signal != "HUP" {
            r.tmux.wait_for(&busy_line(1));
        } else {
            // After a hangup nothing is drawn: it waits without a word.
            std::thread::sleep(Duration::from_millis(800));
            assert!(!r.tmux.screen().contains("exit="), "{signal}: did not wait");
        }
        holder.execute_batch("COMMIT").unwrap();
        drop(holder);
        assert_eq!(r.exit(), status, "{signal}");
        assert_eq!(r.article_marks().len(), 1, "{signal}: the mark was saved");
        r.given_back();
    }
}

#[test]
fn a_stop_gives_the_terminal_back_and_fg_takes_it_again_with_keys_working_at_once() {
    let _alone = crate::support::heavy();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("akhbar.db");
    filled(&db);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[fetch]\nrefresh_on_start = false\n").unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    // An interactive shell with job control, as a user has.
    let tmux = Tmux::start(
        "stop",
        100,
        30,
        "env PS1='$ ' TERM=xterm-256color bash --norc --noprofile -i",
    );
    tmux.wait_until("the prompt", |s| s.trim_end().ends_with('$'));
    tmux.text(&format!(
        "HOME='{home}' XDG_STATE_HOME='{home}/state' LANG=C.UTF-8 '{bin}' --db '{db}' \
         --config '{config}' --feeds /dev/null",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
        db = db.display(),
        config = config.display(),
    ));
    tmux.keys(&["Enter"]);
    let pid = descendant(tmux.pane_pid(), "akhbar");
    let reading = |what: &str| {
        tmux.wait_until(what, |s| s.contains(" unread") && s.contains('●'));
        assert_eq!(tmux.format("#{alternate_on}"), "1", "{what}");
        // Raw mode as akhbar sets it (the shell's own line editing keeps signals on).
        let stty = tmux.stty();
        for word in ["-icanon", "-echo", "-isig"] {
            assert!(stty.iter().any(|w| w == word), "{what}: not raw: {stty:?}");
        }
        // A key acts at once, without Enter: the help opens and closes.
        tmux.keys(&["?"]);
        tmux.wait_for("any other key closes");
        tmux.keys(&["Escape"]);
        tmux.wait_until("help closed", |s| !s.contains("any other key closes"));
    };
    // The tty's settings while stopped are the shell's (it puts back its own when a job
    // stops); the screen modes are what akhbar left.
    let stopped = |what: &str, times: usize| {
        tmux.wait_until(what, |s| s.matches("Stopped").count() >= times);
        assert_eq!(tmux.modes(), GIVEN_BACK, "{what}");
    };
    reading("the reader");

    kill(pid, "TSTP");
    stopped("stopped by SIGTSTP", 1);
    tmux.text("fg");
    tmux.keys(&["Enter"]);
    reading("back after SIGTSTP");

    tmux.keys(&["C-z"]);
    stopped("stopped by Ctrl-Z", 2);
    tmux.text("fg");
    tmux.keys(&["Enter"]);
    reading("back after Ctrl-Z");

    // A stop akhbar never sees (SIGSTOP): bash puts the tty back in cooked mode; SIGCONT on
    // `fg` takes it again.
    kill(pid, "STOP");
    tmux.wait_for("Stopped");
    assert_eq!(tmux.format("#{alternate_on}"), "1", "akhbar never knew");
    tmux.text("fg");
    tmux.keys(&["Enter"]);
    let start = Instant::now();
    while tmux.format("#{alternate_on}") != "1" && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    reading("back after SIGSTOP");

    tmux.keys(&["q"]);
    tmux.wait_until("the prompt", |s| s.trim_end().ends_with('$'));
    assert_eq!(tmux.modes(), GIVEN_BACK);
    tmux.text("echo \"exit=$?\"");
    tmux.keys(&["Enter"]);
    tmux.wait_for("exit=0");
}

/// Fill every third page of the middle half of the file with garbage.
fn scribble(db: &Path) {
    // Every page of the articles table: the reader opens the file, then fails to list.
    let pages: Vec<usize> = {
        let c = rusqlite::Connection::open(db).unwrap();
        let mut stmt = c
            .prepare("SELECT pageno FROM dbstat WHERE name = 'articles'")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .map(|p| p.unwrap() as usize)
            .collect()
    };
    assert!(!pages.is_empty());
    let mut bytes = std::fs::read(db).unwrap();
    let page = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    };
    for p in pages {
        bytes[(p - 1) * page..p * page].fill(0xA5);
    }
    std::fs::write(db, &bytes).unwrap();
}

#[test]
fn a_damaged_database_shows_its_whole_error_and_points_to_doctor() {
    let _alone = crate::support::heavy();
    let r = reader("damaged", |db| {
        let store = crate::support::tui::store_at(db, 1);
        // Indexed by this gazetteer: the reader reads no article before listing them.
        let version = akhbar::entities::Recognizer::load(None).unwrap().version();
        store.set_meta("entities_version", &version).unwrap();
        drop(store);
        scribble(db);
    });
    let screen = r
        .tmux
        .wait_for("The headlines cannot be read from the database:");
    // The error is wrapped, not cut: read as one text, it is all there.
    let text = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for part in [
        "database disk image is malformed",
        "the database file is damaged: `akhbar doctor --repair` moves it aside and saves what \
         can be read into a new one",
        "`akhbar doctor` checks it and says what to do (q quits first)",
    ] {
        assert!(text.contains(part), "{part:?} not on screen:\n{screen}");
    }
    assert!(
        screen.lines().next().unwrap().contains("database error"),
        "{screen}"
    );
    assert!(!screen.contains("loading"), "{screen}");
    r.tmux.keys(&["q"]);
    assert_eq!(r.exit(), "0");
    r.given_back();
}

#[test]
fn keys_typed_while_the_reader_starts_act_on_the_first_list() {
    let _alone = crate::support::heavy();
    // `j s j j m q` typed before akhbar has read anything: the star lands on the second
    // headline, the read mark on the fourth, and q ends the reader after saving them.
    let r = reader_typed_ahead("typeahead", filled, &["j", "s", "j", "j", "m", "q"]);
    assert_eq!(r.exit(), "0");
    let listed = Store::open(&r.db)
        .unwrap()
        .list_articles(&ArticleQuery::default())
        .unwrap();
    let (second, fourth) = (listed[1].id, listed[3].id);
    let mut marks = r.article_marks();
    marks.sort();
    let mut want = vec![(second, false, true), (fourth, true, false)];
    want.sort();
    assert_eq!(marks, want);
    r.given_back();
}
