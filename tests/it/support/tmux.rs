//! The real binary in a tmux pane: a server of its own per test (its own socket), keys sent,
//! the screen read back, and what the terminal was left in — the pane's modes as tmux tracks
//! them from the bytes written, the tty's line discipline from the outside (`stty -F`), and the
//! bytes themselves when recorded (`pipe-pane`).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    /// A detached `width`×`height` session running `command` (through `sh -c`).
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        // One server per call: tests running side by side may share a session name.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmux = Tmux {
            socket: format!("akhbar-{name}-{}-{n}", std::process::id()),
            session: name.to_string(),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.cmd(&["new-session", "-d", "-s", name, "-x", &w, "-y", &h, command]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux: {e}"))
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }

    /// Wait until the screen shows `what`.
    pub fn wait_for(&self, what: &str) -> String {
        self.wait_until(what, |s| s.contains(what))
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
    }

    pub fn text(&self, text: &str) {
        assert!(
            self.cmd(&["send-keys", "-t", &self.session, "-l", text])
                .status
                .success()
        );
    }

    /// A tmux format for the pane (`#{alternate_on}` …).
    pub fn format(&self, format: &str) -> String {
        let out = self.cmd(&["display", "-p", "-t", &self.session, format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Alternate screen, cursor shown, and every mouse mode, as "alt=0 cursor=1 mouse=00000".
    pub fn modes(&self) -> String {
        self.format(
            "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_standard_flag}\
             #{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}#{mouse_utf8_flag}",
        )
    }

    /// The pane's tty settings, one word each (`icanon`, `-echo`, …), read from outside.
    pub fn stty(&self) -> Vec<String> {
        let tty = self.format("#{pane_tty}");
        let out = Command::new("stty")
            .args(["-a", "-F", &tty])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split([' ', ';', '\n'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Record everything written to the pane from now on into `file`.
    pub fn record(&self, file: &Path) {
        let pipe = format!("cat >> '{}'", file.display());
        assert!(
            self.cmd(&["pipe-pane", "-o", "-t", &self.session, &pipe])
                .status
                .success()
        );
    }

    /// The pid of the pane's first process (the shell running the command).
    pub fn pane_pid(&self) -> i32 {
        self.format("#{pane_pid}").parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The pid of the process named `name` among the descendants of `ancestor`, waiting for it to
/// appear (up to 20 s).
pub fn descendant(ancestor: i32, name: &str) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(pid) = find_descendant(ancestor, name) {
            return pid;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {name} under process {ancestor}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn find_descendant(ancestor: i32, name: &str) -> Option<i32> {
    let mut parents = vec![ancestor];
    let procs: Vec<(i32, i32, String)> = std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // pid (comm) state ppid …: the name may hold spaces, so split after its ')'.
            let open = stat.find('(')?;
            let close = stat.rfind(')')?;
            let comm = stat[open + 1..close].to_string();
            let ppid = stat[close + 2..].split(' ').nth(1)?.parse().ok()?;
            Some((pid, ppid, comm))
        })
        .collect();
    while let Some(parent) = parents.pop() {
        for (pid, ppid, comm) in &procs {
            if *ppid == parent {
                if comm == name {
                    return Some(*pid);
                }
                parents.push(*pid);
            }
        }
    }
    None
}

/// Send `signal` to `pid`.
pub fn kill(pid: i32, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}
