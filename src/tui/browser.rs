//! Opening a link: `$BROWSER` (a `:`-separated list, `%s` for the address) when it is set, then
//! `[ui] browser`, then the desktop's opener — each tried in turn until one works: the
//! environment of this run first, as the issue asks (and as `man`, `git` and `xdg-open` do), the
//! config after it. No shell sees the address: a command is split on spaces and the address is
//! one argument.

use std::process::{Command, Stdio};

/// One way to open a link: where it comes from (for the message) and the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Launcher {
    pub(crate) source: &'static str,
    pub(crate) argv: Vec<String>,
}

/// A command line for `link`: `placeholder` replaced by it, or the link added at the end.
fn command_line(command: &str, placeholder: &str, link: &str) -> Option<Vec<String>> {
    let mut argv: Vec<String> = command.split_whitespace().map(str::to_string).collect();
    if argv.is_empty() {
        return None;
    }
    if argv.iter().any(|a| a.contains(placeholder)) {
        for a in &mut argv {
            *a = a.replace(placeholder, link);
        }
    } else {
        argv.push(link.to_string());
    }
    Some(argv)
}

/// The commands to try for `link`, in order (the desktop's opener is tried after them).
pub(crate) fn launchers(configured: &str, env_browser: Option<&str>, link: &str) -> Vec<Launcher> {
    let mut out = Vec::new();
    for command in env_browser.unwrap_or_default().split(':') {
        if let Some(argv) = command_line(command, "%s", link) {
            out.push(Launcher {
                source: "$BROWSER",
                argv,
            });
        }
    }
    if let Some(argv) = command_line(configured, "%u", link) {
        out.push(Launcher {
            source: "[ui] browser",
            argv,
        });
    }
    out
}

/// Run one launcher to its end (a browser handing the link to a running one ends at once; one
/// that keeps running has worked).
fn run(l: &Launcher) -> Result<(), String> {
    let (program, args) = l.argv.split_first().ok_or("empty command")?;
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("{program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program}: {status}"))
    }
}

/// Open `link` with the first launcher that works, else the desktop's `opener`; every
/// failure, named by where the command came from, when none does.
pub(crate) fn open_link(
    link: &str,
    configured: &str,
    env_browser: Option<&str>,
    opener: impl FnOnce(&str) -> std::io::Result<()>,
) -> Result<(), Vec<String>> {
    let mut failures = Vec::new();
    for l in launchers(configured, env_browser, link) {
        match run(&l) {
            Ok(()) => return Ok(()),
            Err(e) => failures.push(format!("{} ({e})", l.source)),
        }
    }
    match opener(link) {
        Ok(()) => Ok(()),
        Err(e) => {
            failures.push(format!("the desktop's opener ({e})"));
            Err(failures)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://aitnews.example/a?x=1&y=«خبر»";

    #[test]
    fn each_browser_of_the_list_then_the_config_with_the_link_as_one_argument() {
        let got = launchers(
            "firefox --new-tab %u",
            Some("w3m:chromium --incognito %s"),
            LINK,
        );
        let argv: Vec<Vec<&str>> = got
            .iter()
            .map(|l| l.argv.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            argv,
            [
                vec!["w3m", LINK],
                vec!["chromium", "--incognito", LINK],
                vec!["firefox", "--new-tab", LINK],
            ]
        );
        assert_eq!(got[0].source, "$BROWSER");
        assert_eq!(got[2].source, "[ui] browser");
        assert!(launchers("", None, LINK).is_empty());
        assert!(launchers("  ", Some("::"), LINK).is_empty());
    }

    #[test]
    fn a_failing_browser_falls_through_and_every_failure_is_told() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let seen = dir.path().join("seen");
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
        let env = format!("/nonexistent/browser:{} %s", script.display());
        let opened = open_link(LINK, "", Some(&env), |_| {
            panic!("the desktop's opener is the last resort")
        });
        assert_eq!(opened, Ok(()));
        assert_eq!(std::fs::read_to_string(&seen).ok().as_deref(), Some(LINK));

        let none = open_link(LINK, "/bin/false", Some("/nonexistent/b"), |_| {
            Err(std::io::Error::other("no desktop"))
        });
        let failures = none.expect_err("nothing could open it");
        assert_eq!(failures.len(), 3, "{failures:?}");
        assert!(failures[0].starts_with("$BROWSER (/nonexistent/b: "));
        assert!(failures[1].starts_with("[ui] browser (/bin/false: exit status: 1)"));
        assert_eq!(failures[2], "the desktop's opener (no desktop)");
    }
}
