//! Refreshing feeds: fetch concurrently (bounded); parse, recognise and make the search columns
//! off the async threads, leaving out unchanged items before any HTML work; write through the
//! one writer, which commits many feeds at once. Used by `akhbar fetch` and the reader.

use crate::entities::Recognizer;
use crate::feed::fetch::{FetchOutcome, Fetcher};
use crate::feed::parse::parse_feed_from;
use crate::ingest;
use crate::store::{FeedMeta, FeedRow, WriteStats, Writer};
use futures_util::StreamExt;
use futures_util::future::BoxFuture;
use futures_util::stream::FuturesUnordered;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FeedStatus {
    Ok {
        #[serde(flatten)]
        stats: WriteStats,
        /// Whole articles fetched from their pages (feeds with `full_text = "always"`).
        #[serde(skip_serializing_if = "is_zero")]
        full_texts: usize,
    },
    NotModified,
    Error {
        error: String,
    },
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The outcome of refreshing one feed.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FeedResult {
    pub feed: String,
    pub title: Option<String>,
    #[serde(flatten)]
    pub status: FeedStatus,
}

impl FeedResult {
    pub(crate) fn failed(&self) -> bool {
        matches!(self.status, FeedStatus::Error { .. })
    }
}

/// Shared handles a refresh needs.
#[derive(Clone)]
pub struct Refresher {
    pub(crate) fetcher: Fetcher,
    /// Every read and write of a refresh goes through it (no lock held on an async worker).
    pub(crate) writer: Writer,
    pub(crate) recognizer: Arc<Recognizer>,
    pub(crate) concurrency: usize,
    /// Which feeds get their articles' pages fetched at refresh time (`always`).
    pub(crate) full_text: crate::config::FullTextSection,
    /// Bounds page fetches across all feeds (`fetch.page_concurrency`).
    pub(crate) pages: Arc<tokio::sync::Semaphore>,
}

impl Refresher {
    /// The handles and limits for refreshing with `config`.
    pub(crate) fn new(
        fetcher: Fetcher,
        writer: Writer,
        recognizer: Arc<Recognizer>,
        config: &crate::config::Config,
    ) -> Refresher {
        Refresher {
            fetcher,
            writer,
            recognizer,
            concurrency: config.fetch.concurrency,
            full_text: config.full_text.clone(),
            pages: Arc::new(tokio::sync::Semaphore::new(config.fetch.page_concurrency)),
        }
    }

    /// Refresh `feeds`; `on_done` is called as each feed finishes (progress), in completion order.
    /// Results come back in the order of `feeds`.
    pub(crate) async fn refresh(
        &self,
        feeds: Vec<FeedRow>,
        mut on_done: impl FnMut(&FeedResult),
    ) -> Vec<FeedResult> {
        let n = feeds.len();
        let mut results: Vec<Option<FeedResult>> = vec![None; n];
        // Two stages: fetching and preparing (bounded), then waiting for the writer's commit.
        // A feed waiting for its batch to commit holds no fetch slot, so the batch can grow;
        // once every feed is handed over, the writer is told to commit what it holds.
        let mut feeds = feeds.into_iter().enumerate();
        let mut starting = FuturesUnordered::new();
        let mut waiting = FuturesUnordered::new();
        let mut flushed = false;
        loop {
            while starting.len() < self.concurrency.max(1) {
                let Some((i, feed)) = feeds.next() else {
                    break;
                };
                starting.push(async move { (i, self.start(feed).await) });
            }
            if starting.is_empty() && !flushed {
                self.writer.flush();
                flushed = true;
            }
            tokio::select! {
                Some((i, finish)) = starting.next() => {
                    waiting.push(async move { (i, finish.await) });
                }
                Some((i, result)) = waiting.next() => {
                    on_done(&result);
                    results[i] = Some(result);
                }
                else => break,
            }
        }
        results.into_iter().flatten().collect()
    }

    /// Fetch and prepare one feed and hand its writes over; the future returned waits for them
    /// and does what follows (pages of `always` feeds).
    async fn start(&self, feed: FeedRow) -> BoxFuture<'_, FeedResult> {
        if let Some(until) = feed.retry_after.filter(|t| *t > chrono::Utc::now()) {
            // The server asked us to wait (429/503 Retry-After): asking again now would only
            // prolong the ban.
            let local = until.with_timezone(&chrono::Local).format("%H:%M");
            return Box::pin(futures_util::future::ready(FeedResult {
                feed: feed.url,
                title: feed.title,
                status: FeedStatus::Error {
                    error: format!("not fetched: the server asked to wait until {local}"),
                },
            }));
        }
        let started = std::time::Instant::now();
        let outcome = self.fetcher.fetch(&feed.url, &feed.validators).await;
        tracing::debug!(feed = %feed.url, ms = started.elapsed().as_millis() as u64, "fetched");
        let written = self.store_outcome(&feed, outcome).await;
        Box::pin(async move {
            let (url, feed_id) = (feed.url.clone(), feed.id);
            let (mut status, parsed_title) = written.await;
            // A first fetch names the feed (the store keeps a title it has).
            let title = feed.title.clone().or(parsed_title);
            if let FeedStatus::Ok { stats, full_texts } = &mut status
                && stats.new > 0
                && self.full_text.for_feed(&url) == crate::config::FullTextMode::Always
            {
                *full_texts = self.fetch_pages(feed_id, stats.new).await;
            }
            if let FeedStatus::Error { error } = &status {
                tracing::warn!(feed = %url, %error, "feed failed");
            }
            FeedResult {
                feed: url,
                title,
                status,
            }
        })
    }

    /// Fetch the pages of the feed's newest `n` articles that have no full text yet; returns how
    /// many were stored. A page that fails leaves its article with the feed's text.
    async fn fetch_pages(&self, feed_id: i64, n: usize) -> usize {
        let ids = match self
            .writer
            .run(move |s| s.missing_full_text(feed_id, n))
            .await
        {
            Ok(Ok(ids)) => ids,
            Ok(Err(e)) | Err(e) => {
                tracing::warn!(feed = feed_id, "full text: {e}");
                return 0;
            }
        };
        futures_util::stream::iter(ids)
            .map(|id| async move {
                let _permit = self.pages.acquire().await.ok()?;
                match crate::fulltext::fetch_full(&self.fetcher, &self.writer, &self.recognizer, id)
                    .await
                {
                    Ok(_) => Some(()),
                    Err(e) => {
                        tracing::warn!(article = id, "full text: {e:#}");
                        None
                    }
                }
            })
            .buffer_unordered(self.pages.available_permits().max(1))
            .filter_map(|r| async move { r })
            .count()
            .await
    }

    /// Parse, recognise and make the search columns off the async threads, then hand the
    /// writes over; a failure is recorded on the feed. Never panics on feed data. The future
    /// returned waits for the writes, with the feed's title as parsed.
    async fn store_outcome(
        &self,
        feed: &FeedRow,
        outcome: Result<FetchOutcome, crate::feed::fetch::FetchError>,
    ) -> BoxFuture<'_, (FeedStatus, Option<String>)> {
        match outcome {
            Err(e) => {
                let failed = self.fail(feed, e.to_string(), e.retry_after_secs());
                Box::pin(async move { (failed.await, None) })
            }
            Ok(FetchOutcome::NotModified) => {
                let recorded = self.writer.record_not_modified(feed.id);
                Box::pin(async move {
                    match recorded.await {
                        Ok(()) => (FeedStatus::NotModified, None),
                        Err(e) => (
                            FeedStatus::Error {
                                error: e.to_string(),
                            },
                            None,
                        ),
                    }
                })
            }
            Ok(FetchOutcome::Body {
                bytes,
                content_type,
                validators,
                final_url,
            }) => {
                // Read inside the writer's open batch: no commit forced, no other connection.
                let stored = self.writer.stored_hashes(feed.id).await.unwrap_or_default();
                let (rec, row) = (Arc::clone(&self.recognizer), feed.clone());
                let prepared = tokio::task::spawn_blocking(move || {
                    // Relative links resolve against where the feed really came from.
                    let parsed = parse_feed_from(
                        &row.url,
                        &final_url,
                        &bytes,
                        content_type.as_deref(),
                        &stored,
                    )
                    .map_err(|e| e.to_string())?;
                    drop(bytes);
                    let mut articles = parsed.articles;
                    let language = row.language.clone().or(parsed.language.clone());
                    for a in &mut articles {
                        if a.language.is_none() {
                            a.language = language.clone();
                        }
                    }
                    let t = std::time::Instant::now();
                    let items = ingest::prepare(&rec, articles, parsed.hashes);
                    tracing::debug!(feed = %row.url, ms = t.elapsed().as_millis() as u64, "recognised");
                    let meta = FeedMeta {
                        title: parsed.title,
                        link: parsed.link,
                        language: parsed.language,
                        validators,
                    };
                    Ok::<_, String>((meta, items, parsed.unchanged))
                })
                .await;
                let (meta, items, unchanged) = match prepared {
                    Ok(Ok(p)) => p,
                    Ok(Err(parse_error)) => {
                        let failed = self.fail(feed, parse_error, None);
                        return Box::pin(async move { (failed.await, None) });
                    }
                    Err(e) => {
                        let error = format!("internal error: {e}");
                        return Box::pin(futures_util::future::ready((
                            FeedStatus::Error { error },
                            None,
                        )));
                    }
                };
                let title = meta.title.clone();
                let written =
                    self.writer
                        .write_fetch(feed.id, meta, items, self.recognizer.version());
                let feed = feed.clone();
                Box::pin(async move {
                    let status = match written.await {
                        Ok(mut stats) => {
                            stats.unchanged += unchanged;
                            FeedStatus::Ok {
                                stats,
                                full_texts: 0,
                            }
                        }
                        Err(e) => self.fail(&feed, format!("cannot save: {e}"), None).await,
                    };
                    (status, title)
                })
            }
        }
    }

    /// Record a failed feed (and when the server asked us to come back) and report it.
    fn fail(
        &self,
        feed: &FeedRow,
        error: String,
        retry_after: Option<u64>,
    ) -> impl Future<Output = FeedStatus> + Send + 'static {
        let recorded = self
            .writer
            .record_failure(feed.id, error.clone(), retry_after);
        let url = feed.url.clone();
        async move {
            if let Err(e) = recorded.await {
                tracing::error!(feed = %url, "cannot record failure: {e}");
            }
            FeedStatus::Error { error }
        }
    }
}
