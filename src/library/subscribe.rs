//! Subscribing: from the address of a feed or of a site's page to a stored feed with its
//! articles — the page's `<link rel="alternate">` is followed, the feed is checked before it is
//! added, then fetched once like any refresh. `akhbar add` and the reader's `a` both use it.

use crate::feed::FeedSource;
use crate::feed::discover::discover_feeds;
use crate::feed::fetch::{FetchOutcome, Validators};
use crate::feed::parse::parse_feed_from;
use crate::i18n::{Localizer, tr};
use crate::refresh::{FeedResult, Refresher};

/// What to subscribe to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Subscription {
    /// A feed's or a site's address (`https://` is assumed when no scheme is written).
    pub(crate) url: String,
    /// The name to give it (kept over the feed's own).
    pub(crate) title: Option<String>,
    pub(crate) tags: Vec<String>,
}

/// The feed subscribed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscribed {
    pub(crate) id: i64,
    pub(crate) url: String,
    pub(crate) title: Option<String>,
    /// The page it was found on, when the address given was a page.
    pub(crate) found_on: Option<String>,
    /// Other feeds the page named (the first was taken).
    pub(crate) other_feeds: Vec<String>,
    /// It was there already (its name and tags were updated if new ones were given).
    pub(crate) existed: bool,
    /// Its first fetch (None when it existed).
    pub(crate) fetched: Option<FeedResult>,
}

/// Why nothing was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubscribeError {
    /// Not an http(s) address.
    BadUrl(String),
    Unreachable {
        url: String,
        reason: String,
    },
    NotAFeed {
        url: String,
        reason: String,
    },
    /// A web page that names no feed.
    NoFeedOnPage(String),
    Store(String),
}

impl SubscribeError {
    /// Whether the user has to change what they asked (a bad address), rather than try again.
    pub(crate) fn is_usage(&self) -> bool {
        matches!(self, SubscribeError::BadUrl(_))
    }

    pub(crate) fn message(&self, l: &Localizer) -> String {
        let safe = |s: &str| crate::text::sanitize(s).replace('\n', " ");
        match self {
            SubscribeError::BadUrl(url) => tr!(l, "add-bad-url", url = safe(url)),
            SubscribeError::Unreachable { url, reason } => {
                tr!(l, "add-unreachable", url = safe(url), reason = safe(reason))
            }
            SubscribeError::NotAFeed { url, reason } => {
                tr!(l, "add-not-a-feed", url = safe(url), reason = safe(reason))
            }
            SubscribeError::NoFeedOnPage(url) => tr!(l, "add-no-feed-on-page", url = safe(url)),
            SubscribeError::Store(e) => tr!(l, "add-store-failed", reason = safe(e)),
        }
    }
}

/// The address as the user meant it: trimmed, `https://` when no scheme is given; only http(s).
pub(crate) fn normalize_url(raw: &str) -> Result<String, SubscribeError> {
    let raw = raw.trim();
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    match url::Url::parse(&with_scheme) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            Ok(u.to_string())
        }
        _ => Err(SubscribeError::BadUrl(raw.to_string())),
    }
}

/// Subscribe through `refresher` (its fetcher, writer and recognizer).
pub(crate) async fn subscribe(
    refresher: &Refresher,
    request: Subscription,
) -> Result<Subscribed, SubscribeError> {
    let url = normalize_url(&request.url)?;
    if let Some(existing) = existing(refresher, &url, &request).await? {
        return Ok(existing);
    }
    let (feed_url, found_on, other_feeds, language) = find_feed(refresher, &url).await?;
    if found_on.is_some()
        && let Some(mut existing) = existing(refresher, &feed_url, &request).await?
    {
        existing.found_on = found_on;
        return Ok(existing);
    }
    let source = FeedSource {
        url: feed_url.clone(),
        title: None,
        language,
        tags: request.tags.clone(),
    };
    let title = request.title.clone();
    let row = refresher
        .writer
        .run(move |s| {
            s.add_feeds(std::slice::from_ref(&source))?;
            let row = s.find_feed(&source.url)?;
            if let (Some(row), Some(title)) = (&row, &title) {
                s.rename_feed(row.id, Some(title))?;
            }
            s.find_feed(&source.url)
        })
        .await
        .and_then(|r| r)
        .map_err(|e| SubscribeError::Store(e.to_string()))?
        .ok_or_else(|| SubscribeError::Store(format!("{feed_url} was not added")))?;
    let id = row.id;
    let fetched = refresher
        .refresh(vec![row], |_| {})
        .await
        .into_iter()
        .next();
    let title = fetched
        .as_ref()
        .and_then(|r| r.title.clone())
        .or(request.title);
    Ok(Subscribed {
        id,
        url: feed_url,
        title,
        found_on,
        other_feeds,
        existed: false,
        fetched,
    })
}

/// The feed at `url` if it is stored already, its name and tags updated when new ones are given.
async fn existing(
    refresher: &Refresher,
    url: &str,
    request: &Subscription,
) -> Result<Option<Subscribed>, SubscribeError> {
    let (url, title, tags) = (url.to_string(), request.title.clone(), request.tags.clone());
    let found = refresher
        .writer
        .run(move |s| -> crate::store::Result<_> {
            let Some(row) = s
                .find_feed(&url)?
                .filter(|r| r.url.trim_end_matches('/') == url.trim_end_matches('/'))
            else {
                return Ok(None);
            };
            if let Some(title) = &title {
                s.rename_feed(row.id, Some(title))?;
            }
            if !tags.is_empty() {
                let mut all = row.tags.clone();
                all.extend(tags);
                s.set_feed_tags(row.id, &all)?;
            }
            s.find_feed(&row.url)
        })
        .await
        .and_then(|r| r)
        .map_err(|e| SubscribeError::Store(e.to_string()))?;
    Ok(found.map(|row| Subscribed {
        id: row.id,
        url: row.url,
        title: row.title,
        found_on: None,
        other_feeds: Vec::new(),
        existed: true,
        fetched: None,
    }))
}

/// The feed `url` names: itself when it is one, else the first feed its page links to that
/// parses. (feed address, the page it was found on, the page's other feeds, its language)
async fn find_feed(
    refresher: &Refresher,
    url: &str,
) -> Result<(String, Option<String>, Vec<String>, Option<String>), SubscribeError> {
    let (bytes, content_type, final_url) = get(refresher, url).await?;
    let none = std::collections::HashMap::new();
    let parsed = parse_feed_from(url, &final_url, &bytes, content_type.as_deref(), &none);
    let reason = match parsed {
        Ok(feed) => return Ok((url.to_string(), None, Vec::new(), feed.language)),
        Err(e) => e.to_string(),
    };
    let html = crate::feed::decode::decode(&bytes, content_type.as_deref());
    if !looks_like_html(&html) {
        return Err(SubscribeError::NotAFeed {
            url: url.to_string(),
            reason,
        });
    }
    let candidates = discover_feeds(&html, &final_url);
    if candidates.is_empty() {
        return Err(SubscribeError::NoFeedOnPage(url.to_string()));
    }
    let mut last_error = None;
    for (i, candidate) in candidates.iter().enumerate() {
        match get(refresher, &candidate.url).await {
            Ok((bytes, ct, final_url)) => {
                match parse_feed_from(&candidate.url, &final_url, &bytes, ct.as_deref(), &none) {
                    Ok(feed) => {
                        let others = candidates
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != i)
                            .map(|(_, c)| c.url.clone())
                            .collect();
                        return Ok((
                            candidate.url.clone(),
                            Some(url.to_string()),
                            others,
                            feed.language,
                        ));
                    }
                    Err(e) => {
                        last_error = Some(SubscribeError::NotAFeed {
                            url: candidate.url.clone(),
                            reason: e.to_string(),
                        })
                    }
                }
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| SubscribeError::NoFeedOnPage(url.to_string())))
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
}

/// GET with the feed client's limits: (body, Content-Type, final address).
async fn get(
    refresher: &Refresher,
    url: &str,
) -> Result<(Vec<u8>, Option<String>, String), SubscribeError> {
    match refresher.fetcher.fetch(url, &Validators::default()).await {
        Ok(FetchOutcome::Body {
            bytes,
            content_type,
            final_url,
            ..
        }) => Ok((bytes, content_type, final_url)),
        Ok(FetchOutcome::NotModified) => Err(SubscribeError::Unreachable {
            url: url.to_string(),
            reason: "HTTP 304".into(),
        }),
        Err(e) => Err(SubscribeError::Unreachable {
            url: url.to_string(),
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_get_a_scheme_and_only_web_ones_pass() {
        assert_eq!(
            normalize_url(" aitnews.com/feed "),
            Ok("https://aitnews.com/feed".to_string())
        );
        assert_eq!(
            normalize_url("http://x.example/rss"),
            Ok("http://x.example/rss".to_string())
        );
        assert!(normalize_url("file:///etc/passwd").is_err());
        assert!(normalize_url("javascript:alert(1)").is_err());
        assert!(normalize_url("").is_err());
    }
}
