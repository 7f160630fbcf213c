//! `akhbar import`, `akhbar export`, `akhbar reindex`.

use super::say;
use crate::feed::FeedSource;
use crate::feed::opml::to_opml;
use crate::i18n::tr;
use crate::library::feeds::read_list;
use crate::library::{Error, Library};
use crate::store::FeedRow;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn import(lib: &Library, file: &Path) -> Result<ExitCode, Error> {
    let feeds = read_list(file, &lib.l10n)?;
    let mut store = lib.open_store()?;
    let added = store.add_feeds(&feeds)?;
    say(
        lib,
        &tr!(
            lib.l10n,
            "import-done",
            count = feeds.len(),
            file = file.display().to_string(),
            new = added,
            present = feeds.len() - added
        ),
    );
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(lib: &Library) -> Result<ExitCode, Error> {
    let mut store = lib.open_store()?;
    let rows = lib.feeds_for_run(&mut store)?;
    let sources: Vec<FeedSource> = rows.iter().map(FeedRow::source).collect();
    print!("{}", to_opml(&sources));
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn reindex(lib: &Library) -> Result<ExitCode, Error> {
    let mut store = lib.open_store()?;
    let rec = lib.recognizer()?;
    let n = crate::library::index::reindex_stale(&mut store, &rec, true)?;
    store.set_meta("entities_version", &rec.version())?;
    say(lib, &tr!(lib.l10n, "reindex-done", count = n));
    Ok(ExitCode::SUCCESS)
}
