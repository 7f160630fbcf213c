//! Managing the feed list: each feed with its counts and fetch state, finding a feed the way a
//! user names it (id, address or title), renaming, tags, and the links kept per article.

use super::{FeedRow, Result, Store, json_list, parse_links, parse_list, ts};
use crate::feed::Link;
use chrono::{DateTime, Utc};
use rusqlite::params;

/// A feed as the feed list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedStats {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub tags: Vec<String>,
    pub articles: i64,
    pub unread: i64,
    pub starred: i64,
    /// The last time it was fetched, successfully or not.
    pub last_fetch: Option<DateTime<Utc>>,
    /// The last fetch's error (None when it went well).
    pub last_error: Option<String>,
    /// The reader renamed it: its own title no longer replaces the name.
    pub renamed: bool,
}

impl FeedStats {
    /// The name to show: the title, else the address's host.
    pub fn name(&self) -> String {
        display_name(self.title.as_deref(), &self.url)
    }
}

/// A feed's title, else its address's host (without `www.`), else the address.
pub fn display_name(title: Option<&str>, url: &str) -> String {
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_string();
    }
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .unwrap_or_else(|| url.to_string())
}

impl Store {
    /// Every feed with its article, unread and starred counts, in the order they were added.
    pub fn feed_stats(&self) -> Result<Vec<FeedStats>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.url, f.title, f.tags, f.last_checked, f.last_error, f.title_locked,
                    count(a.id), COALESCE(sum(a.read = 0), 0), COALESCE(sum(a.starred), 0)
             FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id
             GROUP BY f.id ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FeedStats {
                id: r.get(0)?,
                url: r.get(1)?,
                title: r.get(2)?,
                tags: parse_list(&r.get::<_, String>(3)?),
                last_fetch: ts(r.get(4)?),
                last_error: r.get(5)?,
                renamed: r.get(6)?,
                articles: r.get(7)?,
                unread: r.get(8)?,
                starred: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The feed a user means by `key`: its id, its address (a trailing slash either way), or its
    /// title when only one feed has it.
    pub fn find_feed(&self, key: &str) -> Result<Option<FeedRow>> {
        let key = key.trim();
        let feeds = self.feeds()?;
        if let Ok(id) = key.parse::<i64>() {
            return Ok(feeds.into_iter().find(|f| f.id == id));
        }
        let bare = |u: &str| u.trim_end_matches('/').to_string();
        if let Some(f) = feeds
            .iter()
            .find(|f| f.url == key || bare(&f.url) == bare(key))
        {
            return Ok(Some(f.clone()));
        }
        let mut titled = feeds
            .into_iter()
            .filter(|f| f.title.as_deref().map(str::trim) == Some(key));
        Ok(match (titled.next(), titled.next()) {
            (Some(f), None) => Some(f),
            _ => None,
        })
    }

    /// Name a feed (kept over the feed's own title from then on); None gives the feed its own
    /// title back at the next fetch.
    pub fn rename_feed(&mut self, id: i64, title: Option<&str>) -> Result<bool> {
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        let changed = match title {
            Some(t) => self.conn.execute(
                "UPDATE feeds SET title = ?2, title_locked = 1 WHERE id = ?1",
                params![id, t],
            )?,
            None => self
                .conn
                .execute("UPDATE feeds SET title_locked = 0 WHERE id = ?1", [id])?,
        };
        Ok(changed > 0)
    }

    /// Replace a feed's tags (each once, in the order given).
    pub fn set_feed_tags(&mut self, id: i64, tags: &[String]) -> Result<bool> {
        let mut clean: Vec<String> = Vec::new();
        for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !clean.iter().any(|c| c == t) {
                clean.push(t.to_string());
            }
        }
        Ok(self.conn.execute(
            "UPDATE feeds SET tags = ?2 WHERE id = ?1",
            params![id, json_list(&clean)],
        )? > 0)
    }

    /// Every tag in use, sorted.
    pub fn feed_tags(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT json_each.value FROM feeds, json_each(feeds.tags) ORDER BY 1",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Remove the feeds whose address starts with `origin` (and their articles); how many went.
    /// (The bundled demo feeds an earlier version's offline fallback stored in a user's
    /// database.)
    pub fn remove_feeds_under(&mut self, origin: &str) -> Result<usize> {
        let urls: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT url FROM feeds WHERE substr(url, 1, ?2) = ?1")?;
            stmt.query_map(params![origin, origin.len() as i64], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?
        };
        let mut removed = 0;
        for url in urls {
            removed += usize::from(self.remove_feed(&url)?);
        }
        Ok(removed)
    }

    /// Keep `links` with the article's (a page's links after the feed's), each address once.
    pub fn add_links(&mut self, id: i64, links: &[Link]) -> Result<()> {
        if links.is_empty() {
            return Ok(());
        }
        let tx = self.write_tx()?;
        let stored: Option<String> = tx.query_row(
            "SELECT t.links FROM articles a LEFT JOIN article_texts t ON t.id = a.id
             WHERE a.id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let mut all = parse_links(stored.as_deref());
        for l in links {
            if !all.iter().any(|k| k.url == l.url) {
                all.push(l.clone());
            }
        }
        tx.execute(
            "INSERT INTO article_texts (id, links) VALUES (?1, ?2)
             ON CONFLICT (id) DO UPDATE SET links = excluded.links",
            params![id, super::links_json(&all)],
        )?;
        tx.commit()?;
        Ok(())
    }
}
