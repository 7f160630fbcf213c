//! `akhbar doctor [--repair]`: the state of the database, config and paths, one line each with
//! its path; `--repair` rebuilds a damaged database and touches nothing else (not a database in
//! use, not a directory or other non-file, not another program's database).
//! Exit status: 0 when everything is healthy, 1 when something needs the user.

use super::out;
use crate::config::ConfigError;
use crate::library::{Error, Library};
use crate::store::access;
use crate::store::health::{self, Unchecked};
use crate::store::identity::{self, FileState};
use crate::store::repair::Tally;
use std::path::Path;
use std::process::ExitCode;

/// What `doctor` found at the database path.
enum Finding {
    /// Usable as it is: a summary.
    Healthy(String),
    /// akhbar's database, damaged: how; and why it cannot be repaired now, if it cannot.
    Damaged {
        how: String,
        blocker: Option<String>,
    },
    /// Anything else the user must deal with: the line to show, and why a repair would not
    /// help or is not ours to do.
    Problem { line: String, not_repaired: String },
}

pub(crate) fn run(
    ctx: &Library,
    repair: bool,
    config_error: Option<&ConfigError>,
) -> Result<ExitCode, Error> {
    let path = ctx.db_path();
    let finding = diagnose(&path);
    let line = match &finding {
        Finding::Healthy(summary) => summary.clone(),
        Finding::Damaged { how, blocker } => match blocker {
            Some(b) => format!("DAMAGED: {how}; {b}"),
            None => format!("DAMAGED: {how}"),
        },
        Finding::Problem { line, .. } => line.clone(),
    };
    show(&format!("database   {}  {line}", path.display()));
    let mut healthy = matches!(finding, Finding::Healthy(_));
    match (config_error, &ctx.config_path) {
        (Some(e), _) => {
            healthy = false;
            show(&format!("config     ERROR: {e}"));
        }
        (None, Some(p)) => show(&format!("config     {} (ok)", p.display())),
        (None, None) => show(&format!(
            "config     {} (not present: defaults used)",
            crate::paths::default_config().display()
        )),
    }
    let user = crate::paths::user_gazetteer();
    match ctx.recognizer() {
        Ok(rec) => show(&format!(
            "gazetteer  version {}{}",
            rec.version(),
            if user.exists() {
                format!(", with {}", user.display())
            } else {
                String::new()
            }
        )),
        Err(e) => {
            healthy = false;
            show(&format!("gazetteer  ERROR: {e:#}"));
        }
    }
    show(&format!(
        "log        {}",
        crate::paths::state_dir().join("akhbar.log").display()
    ));
    let status = |healthy: bool| ExitCode::from(if healthy { 0 } else { 1 });
    match (finding, repair) {
        (Finding::Healthy(_), false) => Ok(status(healthy)),
        (Finding::Healthy(_), true) => {
            show("nothing to repair");
            Ok(status(healthy))
        }
        (Finding::Damaged { blocker: None, .. }, false) => {
            show(
                "run `akhbar doctor --repair` to move the damaged file aside and save what can be read",
            );
            Ok(status(false))
        }
        (
            Finding::Damaged {
                blocker: Some(_), ..
            },
            false,
        ) => {
            show(
                "once that is resolved, `akhbar doctor --repair` moves the damaged file aside and saves what can be read",
            );
            Ok(status(false))
        }
        (
            Finding::Damaged {
                blocker: Some(why), ..
            }
            | Finding::Problem {
                not_repaired: why, ..
            },
            true,
        ) => {
            show(&format!("not repaired: {why}; nothing was changed"));
            Ok(status(false))
        }
        (Finding::Problem { .. }, false) => Ok(status(false)),
        (Finding::Damaged { blocker: None, .. }, true) => repair_now(ctx, &path),
    }
}

fn repair_now(ctx: &Library, path: &Path) -> Result<ExitCode, Error> {
    let salvage = crate::store::repair::repair(path)?;
    show(&format!(
        "repaired: kept {} and {}; the damaged file is kept as {}",
        tally(salvage.feeds, "feeds"),
        tally(salvage.articles, "articles"),
        salvage.backup.display()
    ));
    let mut store = ctx.open_store()?;
    let rec = ctx.recognizer()?;
    let n = crate::library::index::reindex_stale(&mut store, &rec, false)?;
    show(&format!("re-indexed the entities of {n} articles"));
    Ok(ExitCode::SUCCESS)
}

/// "all 3 feeds", "256 of 514 articles (258 lost: unreadable)", or bounds when the damage
/// hides the exact number.
fn tally(t: Tally, noun: &str) -> String {
    let (kept, lost) = (t.kept, t.lost);
    match t.unsure {
        Some(0) if lost == 0 => format!("all {kept} {noun}"),
        Some(0) => format!("{kept} of {} {noun} ({lost} lost: unreadable)", kept + lost),
        Some(unsure) => format!(
            "{kept} {noun} ({lost} to {} lost: unreadable; the damage hides which ids were in use)",
            lost + unsure
        ),
        None if lost == 0 => {
            format!("{kept} {noun} (an unknown number lost: unreadable; the damage hides how many)")
        }
        None => {
            format!("{kept} {noun} (at least {lost} lost: unreadable; the damage hides how many)")
        }
    }
}

/// One line, with nothing in it that could drive the terminal (schema names and process names
/// come from outside).
fn show(line: &str) {
    let clean: String = crate::text::sanitize(line)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .filter(|c| !crate::text::is_bidi_control(*c))
        .collect();
    out(&clean);
}

fn diagnose(path: &Path) -> Finding {
    let not_ours = |line: String, why: &str| Finding::Problem {
        line,
        not_repaired: why.to_string(),
    };
    match identity::classify(path) {
        FileState::Missing => {
            return Finding::Healthy("not created yet (made on first use)".into());
        }
        FileState::Empty => {
            return Finding::Healthy("empty file (becomes a new database on first use)".into());
        }
        FileState::NotAFile(kind) => {
            return not_ours(
                format!("NOT A FILE: it is {kind}; --db must name a database file"),
                &format!("it is {kind}, not a database file"),
            );
        }
        FileState::Unreadable(why) => {
            return not_ours(format!("UNREADABLE: {why}"), &why);
        }
        FileState::Foreign(what) => {
            return not_ours(
                format!("NOT AKHBAR'S: {what}; akhbar leaves it as it is"),
                "it is not an akhbar database",
            );
        }
        FileState::Damaged(how) => {
            return Finding::Damaged {
                how,
                blocker: blocker(path),
            };
        }
        FileState::Ours { .. } => {}
    }
    // akhbar's: who else uses it, may it be written, is it sound. The probes open and close
    // descriptors, so they run before this process opens a connection to the file.
    // The writer first: a reader that merely has the file open must not be named as writing.
    let holder = access::write_lock_holder(path).or_else(|| access::holder(path));
    let read_only = access::cannot_write(path);
    match health::check(path, read_only.is_some()) {
        Ok(found) => {
            let mut summary = format!(
                "schema {}, {} feeds, {} articles, integrity ok",
                found.schema, found.feeds, found.articles
            );
            match (&holder, found.writer_active) {
                (Some(h), true) => summary.push_str(&format!("; {h} is writing to it")),
                (Some(h), false) => summary.push_str(&format!("; in use by {h}")),
                (None, true) => summary.push_str("; another process is writing to it"),
                (None, false) => {}
            }
            match read_only {
                None => Finding::Healthy(format!("ok: {summary}")),
                Some(why) => Finding::Problem {
                    line: format!("READ-ONLY: {why}; {summary}"),
                    not_repaired: format!("the database is sound, only read-only ({why})"),
                },
            }
        }
        Err(Unchecked::Locked) => {
            let who = holder.map_or_else(|| "another process".to_string(), |h| h.to_string());
            Finding::Problem {
                line: format!(
                    "LOCKED: {who} holds it exclusively, so it could not be checked; \
                     try again when that is done"
                ),
                not_repaired: format!("it is locked by {who}"),
            }
        }
        Err(Unchecked::Damaged(how)) => Finding::Damaged {
            how,
            blocker: holder.map(|h| format!("it is in use by {h}")).or(read_only),
        },
        Err(Unchecked::Failed(e)) => Finding::Problem {
            line: format!("CANNOT CHECK: {e}"),
            not_repaired: format!("it could not be checked ({e})"),
        },
    }
}

/// Why a damaged database cannot be repaired right now, if it cannot.
fn blocker(path: &Path) -> Option<String> {
    access::holder(path)
        .map(|h| format!("it is in use by {h}"))
        .or_else(|| access::cannot_write(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_say_exact_losses_and_lower_bounds_apart() {
        let t = |kept, lost, unsure| Tally { kept, lost, unsure };
        assert_eq!(tally(t(3, 0, Some(0)), "feeds"), "all 3 feeds");
        assert_eq!(
            tally(t(256, 258, Some(0)), "articles"),
            "256 of 514 articles (258 lost: unreadable)"
        );
        assert!(tally(t(10, 0, Some(2)), "articles").starts_with("10 articles (0 to 2 lost"));
        assert!(tally(t(10, 4, None), "articles").contains("at least 4 lost"));
        assert!(tally(t(10, 0, None), "articles").contains("an unknown number lost"));
    }
}
