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
    let bytes = std::fs::read(path).map_err(|e| {
        Error::Usage(tr!(
            l10n,
            "cannot-read",
            path = &shown,
            error = e.to_string()
        ))
    })?;
    parse_list(&bytes, None, &shown, l10n)
}

/// A feed list's bytes (OPML or one URL a line), named `name` in errors.
fn parse_list(
    bytes: &[u8],
    content_type: Option<&str>,
    name: &str,
    l10n: &Localizer,
) -> Result<Vec<FeedSource>, Error> {
    let text = crate::feed::decode::decode(bytes, content_type);
    let feeds = parse_feed_list(&text).map_err(|e| {
        // A feed where a list was expected: say what to do with it.
        if crate::feed::parse::parse_feed(name, bytes, content_type).is_ok() {
            Error::Usage(tr!(l10n, "import-is-a-feed", source = name))
        } else {
            Error::Usage(format!("{name}: {e}"))
        }
    })?;
    if feeds.is_empty() {
        return Err(Error::Usage(tr!(l10n, "feeds-file-empty", path = name)));
    }
    Ok(feeds)
}

impl Library {
    /// A feed list from a file, an http(s) address, or `-` (stdin).
    pub(crate) fn read_feed_list(&self, source: &str) -> Result<Vec<FeedSource>, Error> {
        if source == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|e| {
                Error::Usage(tr!(
                    self.l10n,
                    "cannot-read",
                    path = "stdin",
                    error = e.to_string()
                ))
            })?;
            return parse_list(&bytes, None, "stdin", &self.l10n);
        }
        let is_web = url::Url::parse(source).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
        if !is_web {
            return read_list(Path::new(source), &self.l10n);
        }
        let fetcher = crate::feed::fetch::Fetcher::new(self.config.fetch_config())?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)?;
        let (bytes, content_type, _) =
            runtime.block_on(fetcher.fetch_page(source)).map_err(|e| {
                Error::Runtime(anyhow::anyhow!(tr!(
                    self.l10n,
                    "import-cannot-fetch",
                    source = source,
                    error = e.to_string()
                )))
            })?;
        parse_list(&bytes, content_type.as_deref(), source, &self.l10n)
    }

    /// `--demo` works over the bundled articles, in memory: there is nothing to change.
    pub(crate) fn refuse_in_demo(&self) -> Result<(), Error> {
        if self.demo {
            return Err(Error::Usage(tr!(self.l10n, "demo-read-only")));
        }
        Ok(())
    }

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
