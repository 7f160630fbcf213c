//! `akhbar add URL [--title T] [--tag T]…`: subscribe to a feed (or the feed a site's page links
//! to), and fetch it once so its articles are there at once.

use super::say;
use crate::feed::fetch::Fetcher;
use crate::i18n::tr;
use crate::library::subscribe::{Subscription, subscribe};
use crate::library::{Error, Library};
use crate::refresh::{FeedStatus, Refresher};
use crate::store::Writer;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub(crate) struct AddArgs {
    /// The feed's address, or a page of the site (its <link rel="alternate"> is followed).
    #[arg(value_name = "URL")]
    pub(crate) url: String,
    /// The name to show for it (kept over the feed's own title).
    #[arg(long, value_name = "T")]
    pub(crate) title: Option<String>,
    /// A tag (`list --tag` filters by it); repeat for more.
    #[arg(long = "tag", value_name = "T")]
    pub(crate) tags: Vec<String>,
}

pub(crate) fn run(lib: &Library, args: &AddArgs) -> Result<ExitCode, Error> {
    lib.refuse_in_demo()?;
    let l = &lib.l10n;
    let store = lib.open_store()?;
    let refresher = Refresher::new(
        Fetcher::new(lib.config.fetch_config())?,
        Writer::spawn(store).map_err(anyhow::Error::from)?,
        Arc::new(lib.recognizer()?),
        &lib.config,
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let request = Subscription {
        url: args.url.clone(),
        title: args.title.clone(),
        tags: args.tags.clone(),
    };
    let done = runtime.block_on(subscribe(&refresher, request));
    let s = match done {
        Ok(s) => s,
        Err(e) if e.is_usage() => return Err(Error::Usage(e.message(l))),
        Err(e) => return Err(Error::Runtime(anyhow::anyhow!(e.message(l)))),
    };
    let name = crate::store::feeds::display_name(s.title.as_deref(), &s.url);
    let name = crate::text::sanitize(&name).replace('\n', " ");
    let name = super::placeable(lib, &name);
    if let Some(page) = &s.found_on {
        say(
            lib,
            &tr!(l, "add-found", page = page.as_str(), url = s.url.as_str()),
        );
        if !s.other_feeds.is_empty() {
            say(
                lib,
                &tr!(
                    l,
                    "add-other-feeds",
                    count = s.other_feeds.len(),
                    urls = s.other_feeds.join(" ")
                ),
            );
        }
    }
    if s.existed {
        say(
            lib,
            &tr!(
                l,
                "add-exists",
                id = s.id,
                name = name,
                url = s.url.as_str()
            ),
        );
        return Ok(ExitCode::SUCCESS);
    }
    match s.fetched.map(|r| r.status) {
        Some(FeedStatus::Ok { stats, .. }) => {
            say(
                lib,
                &tr!(
                    l,
                    "add-done",
                    id = s.id,
                    name = name,
                    count = stats.new + stats.updated + stats.unchanged
                ),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(FeedStatus::Error { error }) => {
            say(
                lib,
                &tr!(
                    l,
                    "add-done-fetch-failed",
                    id = s.id,
                    name = name,
                    reason = error
                ),
            );
            Ok(ExitCode::from(1))
        }
        Some(FeedStatus::NotModified) | None => {
            say(lib, &tr!(l, "add-done", id = s.id, name = name, count = 0));
            Ok(ExitCode::SUCCESS)
        }
    }
}
