//! Refreshing feeds: fetch concurrently (bounded), parse and recognise off the async threads,
//! write each feed in one transaction. Used by `akhbar fetch` and the TUI.

use crate::entities::Recognizer;
use crate::feed::fetch::{FetchOutcome, Fetcher};
use crate::feed::parse::parse_feed_from;
use crate::ingest;
use crate::store::{FeedMeta, FeedRow, Store, WriteStats};
use futures_util::StreamExt;
use std::sync::{Arc, Mutex};

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
    pub fn failed(&self) -> bool {
        matches!(self.status, FeedStatus::Error { .. })
    }
}

/// Shared handles a refresh needs.
#[derive(Clone)]
pub struct Refresher {
    pub fetcher: Fetcher,
    pub store: Arc<Mutex<Store>>,
    pub recognizer: Arc<Recognizer>,
    pub concurrency: usize,
    /// Which feeds get their articles' pages fetched at refresh time (`always`).
    pub full_text: crate::config::FullTextSection,
    /// Bounds page fetches across all feeds (`fetch.page_concurrency`).
    pub pages: Arc<tokio::sync::Semaphore>,
}

impl Refresher {
    /// The handles and limits for refreshing with `config`.
    pub fn new(
        fetcher: Fetcher,
        store: Arc<Mutex<Store>>,
        recognizer: Arc<Recognizer>,
        config: &crate::config::Config,
    ) -> Refresher {
        Refresher {
            fetcher,
            store,
            recognizer,
            concurrency: config.fetch.concurrency,
            full_text: config.full_text.clone(),
            pages: Arc::new(tokio::sync::Semaphore::new(config.fetch.page_concurrency)),
        }
    }

    /// Refresh `feeds`; `on_done` is called as each feed finishes (progress), in completion order.
    /// Results come back in the order of `feeds`.
    pub async fn refresh(
        &self,
        feeds: Vec<FeedRow>,
        mut on_done: impl FnMut(&FeedResult),
    ) -> Vec<FeedResult> {
        let n = feeds.len();
        let mut results: Vec<Option<FeedResult>> = vec![None; n];
        let mut stream = futures_util::stream::iter(feeds.into_iter().enumerate())
            .map(|(i, feed)| async move { (i, self.refresh_one(feed).await) })
            .buffer_unordered(self.concurrency.max(1));
        while let Some((i, result)) = stream.next().await {
            on_done(&result);
            results[i] = Some(result);
        }
        results.into_iter().flatten().collect()
    }

    async fn refresh_one(&self, feed: FeedRow) -> FeedResult {
        if let Some(until) = feed.retry_after.filter(|t| *t > chrono::Utc::now()) {
            // The server asked us to wait (429/503 Retry-After): asking again now would only
            // prolong the ban.
            let local = until.with_timezone(&chrono::Local).format("%H:%M");
            return FeedResult {
                feed: feed.url,
                title: feed.title,
                status: FeedStatus::Error {
                    error: format!("not fetched: the server asked to wait until {local}"),
                },
            };
        }
        let started = std::time::Instant::now();
        let outcome = self.fetcher.fetch(&feed.url, &feed.validators).await;
        tracing::debug!(feed = %feed.url, ms = started.elapsed().as_millis() as u64, "fetched");
        let this = self.clone();
        let url = feed.url.clone();
        let mut title = feed.title.clone();
        let feed_id = feed.id;
        let mut status =
            match tokio::task::spawn_blocking(move || this.store_outcome(&feed, outcome)).await {
                Ok(status) => status,
                Err(e) => FeedStatus::Error {
                    error: format!("internal error: {e}"),
                },
            };
        if title.is_none()
            && let Ok(store) = self.store.lock()
        {
            // A first fetch names the feed.
            title = store.feed_title(feed_id).ok().flatten();
        }
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
    }

    /// Fetch the pages of the feed's newest `n` articles that have no full text yet; returns how
    /// many were stored. A page that fails leaves its article with the feed's text.
    async fn fetch_pages(&self, feed_id: i64, n: usize) -> usize {
        let ids = match self.store.lock() {
            Ok(store) => store.missing_full_text(feed_id, n).unwrap_or_default(),
            Err(_) => return 0,
        };
        futures_util::stream::iter(ids)
            .map(|id| async move {
                let _permit = self.pages.acquire().await.ok()?;
                match crate::fulltext::fetch_full(&self.fetcher, &self.store, &self.recognizer, id)
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

    /// Blocking part: parse, recognise, write. Never panics on feed data.
    fn store_outcome(
        &self,
        feed: &FeedRow,
        outcome: Result<FetchOutcome, crate::feed::fetch::FetchError>,
    ) -> FeedStatus {
        let fail = |this: &Self, error: String, retry_after: Option<u64>| {
            if let Ok(mut store) = this.store.lock()
                && let Err(e) = store.record_failure(feed.id, &error, retry_after)
            {
                tracing::error!(feed = %feed.url, "cannot record failure: {e}");
            }
            FeedStatus::Error { error }
        };
        match outcome {
            Err(e) => fail(self, e.to_string(), e.retry_after_secs()),
            Ok(FetchOutcome::NotModified) => {
                if let Ok(mut store) = self.store.lock()
                    && let Err(e) = store.record_not_modified(feed.id)
                {
                    return FeedStatus::Error {
                        error: e.to_string(),
                    };
                }
                FeedStatus::NotModified
            }
            Ok(FetchOutcome::Body {
                bytes,
                content_type,
                validators,
                final_url,
            }) => {
                // Relative links resolve against where the feed really came from.
                let parsed =
                    match parse_feed_from(&feed.url, &final_url, &bytes, content_type.as_deref()) {
                        Ok(p) => p,
                        Err(e) => return fail(self, e.to_string(), None),
                    };
                drop(bytes);
                let stored = match self.store.lock() {
                    Ok(store) => store.stored_hashes(feed.id).unwrap_or_default(),
                    Err(_) => Default::default(),
                };
                let mut articles = parsed.articles;
                let language = feed.language.clone().or(parsed.language.clone());
                for a in &mut articles {
                    if a.language.is_none() {
                        a.language = language.clone();
                    }
                }
                let t = std::time::Instant::now();
                let items = ingest::prepare(&self.recognizer, &stored, articles);
                tracing::debug!(feed = %feed.url, ms = t.elapsed().as_millis() as u64, "recognised");
                let meta = FeedMeta {
                    title: parsed.title,
                    link: parsed.link,
                    language: parsed.language,
                    validators,
                };
                let version = self.recognizer.version();
                let t = std::time::Instant::now();
                let written = match self.store.lock() {
                    Ok(mut store) => {
                        let waited = t.elapsed().as_millis() as u64;
                        let r = store.write_fetch(feed.id, &meta, &items, &version);
                        tracing::debug!(
                            feed = %feed.url,
                            waited,
                            ms = t.elapsed().as_millis() as u64,
                            "written"
                        );
                        r
                    }
                    Err(_) => {
                        return FeedStatus::Error {
                            error: "internal error: store lock poisoned".into(),
                        };
                    }
                };
                match written {
                    Ok(stats) => FeedStatus::Ok {
                        stats,
                        full_texts: 0,
                    },
                    Err(e) => fail(self, format!("cannot save: {e}"), None),
                }
            }
        }
    }
}
