//! Feed lists: `--feeds FILE`, the default list, and the feeds a run works on.

use super::{Error, Library};
use crate::feed::FeedSource;
use crate::feed::opml::parse_feed_list;
use crate::i18n::{Localizer, tr};
use crate::store::{FeedRow, Store};
use std::path::Path;

/// The default feed list (real Arabic tech-news feeds).
pub(crate) const DEFAULT_FEEDS_OPML: &str = include_str!("../../assets/feeds.opml");

/// The feeds of an OPML file or a list of URLs; an unreadable or empty list is the user's to fix.
pub(crate) fn read_list(path: &Path, l10n: &Localizer) -> Result<Vec<FeedSource>, Error> {
    let shown = path.display().to_string();
    let text = std::fs::read(path).map_err(|e| {
        Error::Usage(tr!(
            l10n,
            "cannot-read",
            path = &shown,
            error = e.to_string()
        ))
    })?;
    let text = crate::feed::decode::decode(&text, None);
    let feeds =
        parse_feed_list(&text).map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
    if feeds.is_empty() {
        return Err(Error::Usage(tr!(l10n, "feeds-file-empty", path = shown)));
    }
    Ok(feeds)
}

impl Library {
    /// The feeds this run works on: those of `--feeds` (added to the database so their
    /// articles can be stored), else every stored feed, seeding the default list into an empty
    /// database.
    pub(crate) fn feeds_for_run(&self, store: &mut Store) -> Result<Vec<FeedRow>, Error> {
        if let Some(file) = &self.feeds_file {
            let wanted = read_list(file, &self.l10n)?;
            store.add_feeds(&wanted)?;
            let rows = store.feeds()?;
            return Ok(wanted
                .iter()
                .filter_map(|w| rows.iter().find(|r| r.url == w.url).cloned())
                .collect());
        }
        let mut rows = store.feeds()?;
        // The bundled demo feeds (loaded when offline) live only in the binary: never fetched.
        rows.retain(|f| !crate::demo::is_demo_url(&f.url));
        if rows.is_empty() {
            let defaults = parse_feed_list(DEFAULT_FEEDS_OPML)?;
            store.add_feeds(&defaults)?;
            rows = store.feeds()?;
            rows.retain(|f| !crate::demo::is_demo_url(&f.url));
        }
        Ok(rows)
    }
}
