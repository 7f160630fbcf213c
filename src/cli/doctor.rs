//! `akhbar doctor [--repair]`: the state of the database, config and paths, one line each with
//! its path; `--repair` rebuilds a damaged database and touches nothing else (not a database in
//! use, not a directory or other non-file, not another program's database).
//! Exit status: 0 when everything is healthy, 1 when something needs the user.

use super::say_all;
use crate::config::ConfigError;
use crate::i18n::{Localizer, tr};
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
    let l = &ctx.l10n;
    let path = ctx.db_path();
    let finding = diagnose(&path, l);
    let line = match &finding {
        Finding::Healthy(summary) => summary.clone(),
        Finding::Damaged { how, blocker } => match blocker {
            Some(b) => tr!(l, "doctor-damaged-blocked", how = how, blocker = b),
            None => tr!(l, "doctor-damaged", how = how),
        },
        Finding::Problem { line, .. } => line.clone(),
    };
    // One line per thing, its label padded so what was found lines up.
    let mut report: Vec<(String, String)> = Vec::new();
    report.push((
        tr!(l, "doctor-database"),
        format!("{}  {line}", path.display()),
    ));
    let mut healthy = matches!(finding, Finding::Healthy(_));
    let config = match (config_error, &ctx.config_path) {
        (Some(e), _) => {
            healthy = false;
            tr!(l, "doctor-config-error", error = e.to_string())
        }
        (None, Some(p)) => tr!(l, "doctor-config-ok", path = p.display().to_string()),
        (None, None) => tr!(
            l,
            "doctor-config-absent",
            path = crate::paths::default_config().display().to_string()
        ),
    };
    report.push((tr!(l, "doctor-config"), config));
    let user = crate::paths::user_gazetteer();
    let gazetteer = match ctx.recognizer() {
        Ok(rec) if user.exists() => tr!(
            l,
            "doctor-gazetteer-with",
            version = rec.version(),
            path = user.display().to_string()
        ),
        Ok(rec) => tr!(l, "doctor-gazetteer-version", version = rec.version()),
        Err(e) => {
            healthy = false;
            tr!(l, "doctor-gazetteer-error", error = format!("{e:#}"))
        }
    };
    report.push((tr!(l, "doctor-gazetteer"), gazetteer));
    report.push((
        tr!(l, "doctor-log"),
        crate::paths::state_dir()
            .join("akhbar.log")
            .display()
            .to_string(),
    ));
    let label_w = report
        .iter()
        .map(|(label, _)| crate::text::cell_width(label))
        .max()
        .unwrap_or(0)
        .max(10);
    let lines: Vec<String> = report
        .iter()
        .map(|(label, what)| {
            let pad = label_w - crate::text::cell_width(label);
            format!("{label}{} {what}", " ".repeat(pad))
        })
        .collect();
    show_all(ctx, &lines);
    let status = |healthy: bool| ExitCode::from(if healthy { 0 } else { 1 });
    match (finding, repair) {
        (Finding::Healthy(_), false) => Ok(status(healthy)),
        (Finding::Healthy(_), true) => {
            show(ctx, &tr!(l, "doctor-nothing-to-repair"));
            Ok(status(healthy))
        }
        (Finding::Damaged { blocker: None, .. }, false) => {
            show(ctx, &tr!(l, "doctor-run-repair"));
            Ok(status(false))
        }
        (
            Finding::Damaged {
                blocker: Some(_), ..
            },
            false,
        ) => {
            show(ctx, &tr!(l, "doctor-repair-later"));
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
            show(ctx, &tr!(l, "doctor-not-repaired", why = why));
            Ok(status(false))
        }
        (Finding::Problem { .. }, false) => Ok(status(false)),
        (Finding::Damaged { blocker: None, .. }, true) => repair_now(ctx, &path),
    }
}

fn repair_now(ctx: &Library, path: &Path) -> Result<ExitCode, Error> {
    let l = &ctx.l10n;
    let salvage = crate::store::repair::repair(path)?;
    show(
        ctx,
        &tr!(
            l,
            "doctor-repaired",
            feeds = tally(salvage.feeds, &tr!(l, "doctor-feeds"), l),
            articles = tally(salvage.articles, &tr!(l, "doctor-articles"), l),
            backup = salvage.backup.display().to_string()
        ),
    );
    if salvage.without_texts > 0 {
        show(
            ctx,
            &tr!(l, "doctor-texts-lost", count = salvage.without_texts),
        );
    }
    let mut store = ctx.open_store()?;
    let rec = ctx.recognizer()?;
    let n = crate::library::index::reindex_stale(&mut store, &rec, false)?;
    show(ctx, &tr!(l, "reindex-done", count = n));
    Ok(ExitCode::SUCCESS)
}

/// "all 3 feeds", "256 of 514 articles (258 lost: unreadable)", or bounds when the damage
/// hides the exact number.
fn tally(t: Tally, noun: &str, l: &Localizer) -> String {
    let (kept, lost) = (t.kept, t.lost);
    match t.unsure {
        Some(0) if lost == 0 => tr!(l, "doctor-tally-all", kept = kept, noun = noun),
        Some(0) => tr!(
            l,
            "doctor-tally-lost",
            kept = kept,
            total = kept + lost,
            noun = noun,
            lost = lost
        ),
        Some(unsure) => tr!(
            l,
            "doctor-tally-range",
            kept = kept,
            noun = noun,
            lost = lost,
            most = lost + unsure
        ),
        None if lost == 0 => tr!(l, "doctor-tally-unknown", kept = kept, noun = noun),
        None => tr!(
            l,
            "doctor-tally-at-least",
            kept = kept,
            noun = noun,
            lost = lost
        ),
    }
}

/// Lines with nothing in them that could drive the terminal (schema names and process names
/// come from outside), in the interface's language and direction.
fn show_all(ctx: &Library, lines: &[String]) {
    let clean: Vec<String> = lines
        .iter()
        .map(|line| {
            crate::text::sanitize(line)
                .chars()
                .map(|c| if c == '\n' { ' ' } else { c })
                .filter(|c| !crate::text::is_bidi_control(*c))
                .collect()
        })
        .collect();
    say_all(ctx, &clean);
}

fn show(ctx: &Library, line: &str) {
    show_all(ctx, &[line.to_string()]);
}

fn diagnose(path: &Path, l: &Localizer) -> Finding {
    let not_ours = |line: String, why: String| Finding::Problem {
        line,
        not_repaired: why,
    };
    match identity::classify(path) {
        FileState::Missing => {
            return Finding::Healthy(tr!(l, "doctor-not-created"));
        }
        FileState::Empty => {
            return Finding::Healthy(tr!(l, "doctor-empty-file"));
        }
        FileState::NotAFile(kind) => {
            return not_ours(
                tr!(l, "doctor-not-a-file", kind = kind.to_string()),
                tr!(l, "doctor-not-a-file-why", kind = kind.to_string()),
            );
        }
        FileState::Unreadable(why) => {
            return not_ours(tr!(l, "doctor-unreadable", why = &why), why);
        }
        FileState::Foreign(what) => {
            return not_ours(
                tr!(l, "doctor-foreign", what = what.to_string()),
                tr!(l, "doctor-foreign-why"),
            );
        }
        FileState::Damaged(how) => {
            return Finding::Damaged {
                how,
                blocker: blocker(path, l),
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
            let mut summary = tr!(
                l,
                "doctor-summary",
                schema = found.schema.to_string(),
                feeds = found.feeds,
                articles = found.articles
            );
            summary = match (&holder, found.writer_active) {
                (Some(h), true) => tr!(
                    l,
                    "doctor-writing",
                    summary = summary,
                    holder = h.to_string()
                ),
                (Some(h), false) => tr!(
                    l,
                    "doctor-in-use",
                    summary = summary,
                    holder = h.to_string()
                ),
                (None, true) => tr!(l, "doctor-someone-writing", summary = summary),
                (None, false) => summary,
            };
            match read_only {
                None => Finding::Healthy(tr!(l, "doctor-ok", summary = summary)),
                Some(why) => Finding::Problem {
                    line: tr!(l, "doctor-read-only", why = &why, summary = summary),
                    not_repaired: tr!(l, "doctor-read-only-why", why = why),
                },
            }
        }
        Err(Unchecked::Locked) => {
            let who = holder.map_or_else(|| tr!(l, "doctor-another-process"), |h| h.to_string());
            Finding::Problem {
                line: tr!(l, "doctor-locked", who = &who),
                not_repaired: tr!(l, "doctor-locked-why", who = who),
            }
        }
        Err(Unchecked::Damaged(how)) => Finding::Damaged {
            how,
            blocker: holder
                .map(|h| tr!(l, "doctor-in-use-by", holder = h.to_string()))
                .or(read_only),
        },
        Err(Unchecked::Failed(e)) => Finding::Problem {
            line: tr!(l, "doctor-cannot-check", error = e.to_string()),
            not_repaired: tr!(l, "doctor-cannot-check-why", error = e.to_string()),
        },
    }
}

/// Why a damaged database cannot be repaired right now, if it cannot.
fn blocker(path: &Path, l: &Localizer) -> Option<String> {
    access::holder(path)
        .map(|h| tr!(l, "doctor-in-use-by", holder = h.to_string()))
        .or_else(|| access::cannot_write(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_say_exact_losses_and_lower_bounds_apart() {
        let t = |kept, lost, unsure| Tally { kept, lost, unsure };
        let en = Localizer::default();
        let tally = |t: Tally, noun: &str| tally(t, noun, &en);
        assert_eq!(tally(t(3, 0, Some(0)), "feeds"), "all 3 feeds");
        assert_eq!(
            tally(t(256, 258, Some(0)), "articles"),
            "256 of 514 articles (258 lost: unreadable)"
        );
        assert!(tally(t(10, 0, Some(2)), "articles").starts_with("10 articles (0 to 2 lost"));
        assert!(tally(t(10, 4, None), "articles").contains("at least 4 lost"));
        assert!(tally(t(10, 0, None), "articles").contains("an unknown number lost"));
        let ar = Localizer::new(
            crate::i18n::Locale {
                language: crate::i18n::Language::Arabic,
                region: None,
            },
            crate::i18n::Digits::Latin,
            crate::i18n::Zone::Utc,
        );
        let text = super::tally(t(256, 258, Some(0)), "المقالات", &ar);
        assert_eq!(text, "المقالات: 256 من 514 (فُقد 258: تتعذر قراءته)");
    }
}
