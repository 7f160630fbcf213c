//! `akhbar cleanup`: retention by hand — what [store] keep_days and max_per_feed (or the flags)
//! do not keep goes, starred articles stay — then VACUUM gives the space back.

use super::say;
use crate::i18n::tr;
use crate::library::{Error, Library};
use std::process::ExitCode;

pub(crate) fn run(
    lib: &Library,
    keep_days: Option<u64>,
    max_per_feed: Option<u64>,
) -> Result<ExitCode, Error> {
    lib.refuse_in_demo()?;
    let l = &lib.l10n;
    let mut retention = lib.retention();
    if let Some(d) = keep_days {
        retention.keep_days = d;
    }
    if let Some(m) = max_per_feed {
        retention.max_per_feed = m;
    }
    let mut store = lib.open_store()?;
    let (before, _) = store.space()?;
    let stats = store.cleanup(retention, chrono::Utc::now())?;
    store.vacuum()?;
    let (after, _) = store.space()?;
    if !retention.is_set() {
        say(lib, &tr!(l, "cleanup-no-bounds"));
    }
    let note = if stats.starred_kept > 0 {
        tr!(l, "cleanup-starred-note", count = stats.starred_kept)
    } else {
        String::new()
    };
    say(
        lib,
        &tr!(
            l,
            "cleanup-done",
            count = stats.removed,
            note = note,
            before = mib(before),
            after = mib(after)
        ),
    );
    Ok(ExitCode::SUCCESS)
}

/// Bytes as MiB with one decimal, for people.
pub(crate) fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}
