//! The one support module of the integration tests: run the real binary with its XDG dirs
//! inside a temp dir (here); generated feeds (`feedgen`), the fixture and hostile HTTP server
//! (`server`), the reader's test data and screens (`tui`), the real reader in tmux (`tmux`), the
//! layout fixtures and invariants (`text`).
#![allow(dead_code, clippy::unwrap_used)]

pub mod feedgen;
pub mod server;
pub mod text;
pub mod tmux;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("akhbar.db")
    }

    /// `akhbar ARGS` with HOME and the XDG dirs inside the temp dir (no user files touched).
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_akhbar"));
        let home = self.dir.path();
        c.env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env_remove("AKHBAR_DB")
            .env_remove("AKHBAR_CONFIG")
            .env("NO_COLOR", "1");
        english_utc(&mut c);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Held by the tests that drive the binary through heavy work under a timeout (each had a test
/// binary of its own before they shared one): run side by side on a loaded machine, they
/// starved each other into timeouts that were not what they test.
pub fn heavy() -> std::sync::MutexGuard<'static, ()> {
    static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    // A failed test poisons it; the next one still runs alone.
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The binary as a user whom file permissions bind: `nobody` when the tests run as root (root
/// ignores them; setpriv is in util-linux), else the current user. It runs from a copy in `dir`,
/// since the build folder may be out of `nobody`'s reach (a checkout under /root); `dir` is made
/// reachable (0755 — callers tighten it afterwards if they mean to).
pub fn cmd_bound_by_permissions(dir: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut c = if is_root {
        let bin = dir.join("akhbar-bin");
        if !bin.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_akhbar"), &bin).unwrap();
            std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(bin);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_akhbar"))
    };
    c.env("HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent/state")
        .env("XDG_CONFIG_HOME", "/nonexistent/config")
        .env_remove("AKHBAR_DB")
        .env_remove("AKHBAR_CONFIG")
        .env("NO_COLOR", "1");
    english_utc(&mut c);
    c
}

/// The interface in English on UTC, whatever the machine's locale and zone; a test that wants
/// Arabic sets LANG (or passes --lang) after this.
pub fn english_utc(c: &mut Command) {
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC");
}
