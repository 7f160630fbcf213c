//! `akhbar import`, `akhbar export`, `akhbar reindex`.

use super::say;
use crate::feed::FeedSource;
use crate::feed::opml::to_opml;
use crate::i18n::tr;
use crate::library::{Error, Library};
use crate::store::FeedRow;
use std::process::ExitCode;

/// `akhbar import FILE|URL|-`: the feeds of an OPML document or a list of URLs, from a file,
/// an http(s) address, or stdin.
pub(crate) fn import(lib: &Library, source: &str) -> Result<ExitCode, Error> {
    lib.refuse_in_demo()?;
    let feeds = lib.read_feed_list(source)?;
    let mut store = lib.open_store()?;
    let added = store.add_feeds(&feeds)?;
    say(
        lib,
        &tr!(
            lib.l10n,
            "import-done",
            count = feeds.len(),
            file = source,
            new = added,
            present = feeds.len() - added
        ),
    );
    if added > 0 {
        say(lib, &tr!(lib.l10n, "import-next"));
    }
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
