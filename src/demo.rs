//! The bundled demo feeds (assets/demo/): `akhbar --demo`, and the offline fallback when no feed
//! can be reached and the cache is empty. They go through the same pipeline as fetched feeds
//! (parse, recognise, store), so the demo shows exactly what real feeds would.

use crate::entities::Recognizer;
use crate::feed::FeedSource;
use crate::feed::parse::parse_feed_from;
use crate::ingest;
use crate::store::{FeedMeta, Store};
use anyhow::{Context, anyhow};
use std::path::PathBuf;

/// Every demo feed lives under this origin; `.invalid` can never resolve, so nothing pretends
/// to be a real site and a refresh of a demo feed fails fast instead of reaching anyone.
pub const ORIGIN: &str = "https://demo.akhbar.invalid/";

/// One bundled feed document.
pub struct DemoFeed {
    pub url: &'static str,
    pub(crate) title: &'static str,
    pub(crate) content_type: &'static str,
    pub body: &'static str,
}

pub const FEEDS: &[DemoFeed] = &[
    DemoFeed {
        url: "https://demo.akhbar.invalid/ait.xml",
        title: "البوابة التقنية (تجريبي)",
        content_type: "application/rss+xml",
        body: include_str!("../assets/demo/ait.xml"),
    },
    DemoFeed {
        url: "https://demo.akhbar.invalid/techwd.xml",
        title: "عالم التقنية (تجريبي)",
        content_type: "application/atom+xml",
        body: include_str!("../assets/demo/techwd.xml"),
    },
    DemoFeed {
        url: "https://demo.akhbar.invalid/wire.xml",
        title: "وكالة الأنباء التجريبية — تكنولوجيا",
        content_type: "application/rss+xml",
        body: include_str!("../assets/demo/wire.xml"),
    },
];

/// Is `url` one of the bundled demo feeds (never to be fetched)?
pub fn is_demo_url(url: &str) -> bool {
    url.starts_with(ORIGIN)
}

/// The demo feeds as feed-list entries.
pub(crate) fn sources() -> Vec<FeedSource> {
    FEEDS
        .iter()
        .map(|f| FeedSource {
            url: f.url.to_string(),
            title: Some(f.title.to_string()),
            language: Some("ar".to_string()),
            tags: vec!["demo".to_string()],
        })
        .collect()
}

/// The demo in a database of its own, never the user's: `akhbar --demo`'s reader and the
/// reader's offline fallback.
pub struct TemporaryDemo {
    /// Holds the database file; removing it (on drop) removes the demo: keep it as long as
    /// the database is open.
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub store: Store,
    /// How many articles it holds (0: this build bundles none).
    pub articles: usize,
}

/// A temporary database holding every bundled demo feed.
pub fn open_temporary(rec: &Recognizer) -> anyhow::Result<TemporaryDemo> {
    let dir = tempfile::Builder::new()
        .prefix("akhbar-demo")
        .tempdir()
        .context("cannot make a temporary directory for the demo")?;
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path)?;
    let articles = load_into(&mut store, rec)?;
    Ok(TemporaryDemo {
        dir,
        path,
        store,
        articles,
    })
}

/// Load every bundled demo feed into `store`; returns how many articles were stored.
/// Loading again changes nothing (same ids, unchanged items skipped).
pub fn load_into(store: &mut Store, rec: &Recognizer) -> anyhow::Result<usize> {
    store
        .add_feeds(&sources())
        .context("cannot add the demo feeds")?;
    let version = rec.version();
    let mut stored = 0;
    for feed in FEEDS {
        let row = store
            .feed_by_url(feed.url)?
            .ok_or_else(|| anyhow!("demo feed {} was not added", feed.url))?;
        let hashes = store.stored_hashes(row.id)?;
        let parsed = parse_feed_from(
            feed.url,
            feed.url,
            feed.body.as_bytes(),
            Some(feed.content_type),
            &hashes,
        )
        .map_err(|e| anyhow!("demo feed {}: {e}", feed.url))?;
        let language = parsed.language.clone().or(Some("ar".to_string()));
        let mut articles = parsed.articles;
        for a in &mut articles {
            if a.language.is_none() {
                a.language = language.clone();
            }
        }
        let items = ingest::prepare(rec, articles, parsed.hashes);
        let meta = FeedMeta {
            title: parsed.title,
            link: parsed.link,
            language,
            validators: Default::default(),
        };
        let stats = store
            .write_fetch(row.id, &meta, &items, &version)
            .with_context(|| format!("cannot store demo feed {}", feed.url))?;
        stored += stats.new + stats.updated + stats.unchanged + parsed.unchanged;
    }
    Ok(stored)
}
