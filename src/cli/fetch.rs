//! `akhbar fetch`: refresh every feed, report per feed, exit 0 (all fine) or 1 (some failed).

use super::{out, say, say_all};
use crate::feed::fetch::Fetcher;
use crate::i18n::tr;
use crate::library::{Error, Library};
use crate::refresh::{FeedResult, FeedStatus, Refresher};
use crate::store::Writer;
use std::process::ExitCode;
use std::sync::Arc;

pub(crate) fn run(lib: &Library, json: bool, timeout: Option<u64>) -> Result<ExitCode, Error> {
    lib.refuse_in_demo()?;
    let mut fetch_config = lib.config.fetch_config();
    if let Some(t) = timeout {
        if t == 0 {
            return Err(Error::Usage(tr!(lib.l10n, "usage-timeout")));
        }
        fetch_config.timeout = std::time::Duration::from_secs(t);
    }
    // The entities version is settled before articles are written with it, so the first
    // `list` after a fetch has nothing to rescan.
    let (mut store, recognizer) = lib.open_store_current()?;
    let feeds = lib.feeds_for_run(&mut store)?;
    let recognizer = Arc::new(recognizer);
    let writer = Writer::spawn(store).map_err(anyhow::Error::from)?;
    let refresher = Refresher::new(
        Fetcher::new(fetch_config)?,
        writer.clone(),
        recognizer,
        &lib.config,
    );
    // Parsing and recognition are CPU work: more blocking threads than cores would only hold
    // more parsed feeds in memory at once.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .max_blocking_threads(cores)
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)?;
    let results = runtime.block_on(refresher.refresh(feeds, |r| {
        if json {
            out(&serde_json::to_string(r).unwrap_or_default());
        }
    }));
    if !json {
        print_table(lib, &results);
    }
    let retention = lib.retention();
    if retention.is_set() {
        // Retention runs after every fetch when it is set; the space comes back once a
        // quarter of the file is free.
        let cleaned = writer.run_blocking(move |s| -> crate::store::Result<_> {
            let stats = s.cleanup(retention, chrono::Utc::now())?;
            let (size, free) = s.space()?;
            if free * 4 > size {
                s.vacuum()?;
            }
            Ok(stats)
        });
        match cleaned.and_then(|r| r) {
            Ok(stats) if stats.removed > 0 && !json => {
                say(
                    lib,
                    &crate::i18n::tr!(lib.l10n, "fetch-cleaned", count = stats.removed),
                );
            }
            Ok(_) => {}
            Err(e) => tracing::warn!("cleanup after fetch: {e}"),
        }
    }
    let failed = results.iter().filter(|r| r.failed()).count();
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_table(lib: &Library, results: &[FeedResult]) {
    let l = &lib.l10n;
    let width = results
        .iter()
        .map(|r| r.feed.chars().count())
        .max()
        .unwrap_or(0);
    let (mut new, mut failed) = (0, 0);
    let mut lines = Vec::with_capacity(results.len() + 1);
    for r in results {
        let what = match &r.status {
            FeedStatus::Ok { stats, full_texts } => {
                new += stats.new;
                let pages = if *full_texts > 0 {
                    tr!(l, "fetch-pages", count = *full_texts)
                } else {
                    String::new()
                };
                tr!(
                    l,
                    "fetch-ok",
                    new = stats.new,
                    updated = stats.updated,
                    unchanged = stats.unchanged,
                    pages = pages
                )
            }
            FeedStatus::NotModified => tr!(l, "fetch-not-modified"),
            FeedStatus::Error { error } => {
                failed += 1;
                tr!(l, "fetch-failed", error = error)
            }
        };
        lines.push(format!("{:<width$}  {what}", r.feed));
    }
    lines.push(tr!(
        l,
        "fetch-summary",
        feeds = results.len(),
        new = new,
        failed = failed
    ));
    say_all(lib, &lines);
}
