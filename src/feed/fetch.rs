//! HTTP: one shared client, limits, conditional GET.
//!
//! Every limit holds against a hostile server: the whole exchange (connect, headers, a body that
//! trickles forever) ends within `timeout`; the body is counted after decompression while it
//! streams, so a gzip bomb stops at `max_body_bytes` with bounded memory.

use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderMap};

#[derive(Clone, Debug)]
pub struct FetchConfig {
    pub timeout: Duration,
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "akhbar/{} (+https://crates.io/crates/akhbar)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// Conditional-GET validators remembered per feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a GET brought: nothing new (304), or a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchOutcome {
    NotModified,
    Body {
        bytes: Vec<u8>,
        content_type: Option<String>,
        validators: Validators,
        final_url: String,
    },
}

/// Why a fetch failed, as a one-line reason for people.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("HTTP {0}{reason}", reason = status_reason(*.0))]
    Status(u16),
    /// HTTP 429. `retry_after_secs` is the server's Retry-After (seconds or a date), capped at a
    /// day; the caller should not fetch the feed again before it has passed.
    #[error("HTTP 429 Too Many Requests{}", retry_after_text(*.retry_after_secs))]
    RateLimited { retry_after_secs: Option<u64> },
    /// HTTP 503 with a Retry-After: the server says when to come back.
    #[error("HTTP 503 Service Unavailable{}", retry_after_text(Some(*.retry_after_secs)))]
    Unavailable { retry_after_secs: u64 },
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("too large (over {0} bytes)")]
    TooLarge(u64),
    #[error("too many redirects")]
    Redirects,
    #[error("redirect refused: {0}")]
    RedirectRefused(String),
    #[error("DNS: {0}")]
    Dns(String),
    #[error("TLS: {0}")]
    Tls(String),
    #[error("connection: {0}")]
    Connect(String),
    #[error("bad URL: {0}")]
    BadUrl(String),
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// Seconds the server asked us to wait before trying again (429/503 Retry-After).
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            FetchError::RateLimited { retry_after_secs } => *retry_after_secs,
            FetchError::Unavailable { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }
}

fn status_reason(code: u16) -> String {
    reqwest::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

fn retry_after_text(secs: Option<u64>) -> String {
    secs.map(|s| format!(" (retry after {s} s)"))
        .unwrap_or_default()
}

/// A Retry-After longer than this is treated as this (a broken or hostile server must not
/// silence a feed for years).
const MAX_RETRY_AFTER_SECS: u64 = 24 * 60 * 60;

/// Retry-After is either delta-seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<u64> {
    let value = value.trim();
    let secs = if let Ok(n) = value.parse::<u64>() {
        n
    } else {
        let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
        let delta = when.timestamp() - chrono::Utc::now().timestamp();
        u64::try_from(delta.max(0)).ok()?
    };
    Some(secs.min(MAX_RETRY_AFTER_SECS))
}

/// The error our redirect policy returns; found again in the reqwest error's source chain.
#[derive(Debug)]
struct RefusedRedirect(String);

impl std::fmt::Display for RefusedRedirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for RefusedRedirect {}

#[derive(Debug)]
struct TooManyRedirects;

impl std::fmt::Display for TooManyRedirects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many redirects")
    }
}

impl StdError for TooManyRedirects {}

/// The shared HTTP client.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> anyhow::Result<Self> {
        Self::build(config, None)
    }

    /// Like `new`, resolving host names with `resolver` (tests use it to fail DNS offline).
    pub fn with_resolver(
        config: FetchConfig,
        resolver: Arc<dyn reqwest::dns::Resolve>,
    ) -> anyhow::Result<Self> {
        Self::build(config, Some(resolver))
    }

    fn build(
        config: FetchConfig,
        resolver: Option<Arc<dyn reqwest::dns::Resolve>>,
    ) -> anyhow::Result<Self> {
        let max = config.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let scheme = attempt.url().scheme().to_string();
            if scheme != "http" && scheme != "https" {
                return attempt.error(RefusedRedirect(format!("to a {scheme}: URL")));
            }
            if attempt.previous().len() > max {
                return attempt.error(TooManyRedirects);
            }
            attempt.follow()
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .redirect(policy)
            .gzip(true)
            .brotli(true)
            .deflate(true);
        if let Some(r) = resolver {
            builder = builder.dns_resolver(r);
        }
        let client = builder.build()?;
        Ok(Self { client, config })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// GET `url`, sending the validators; the body is capped while streaming.
    pub async fn fetch(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<FetchOutcome, FetchError> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            header::HeaderValue::from_static(
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            ),
        );
        if let Some(v) = validators.etag.as_deref().and_then(header_value) {
            headers.insert(header::IF_NONE_MATCH, v);
        }
        if let Some(v) = validators.last_modified.as_deref().and_then(header_value) {
            headers.insert(header::IF_MODIFIED_SINCE, v);
        }
        self.get(url, headers).await
    }

    /// GET an article page (full-text extraction) with the same limits:
    /// (body, Content-Type, final URL after redirects).
    pub async fn fetch_page(
        &self,
        url: &str,
    ) -> Result<(Vec<u8>, Option<String>, String), FetchError> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            header::HeaderValue::from_static("text/html, application/xhtml+xml;q=0.9, */*;q=0.5"),
        );
        match self.get(url, headers).await? {
            FetchOutcome::Body {
                bytes,
                content_type,
                final_url,
                ..
            } => Ok((bytes, content_type, final_url)),
            // Not asked for conditionally; a 304 anyway means the server sent nothing usable.
            FetchOutcome::NotModified => Err(FetchError::Status(304)),
        }
    }

    async fn get(&self, url: &str, headers: HeaderMap) -> Result<FetchOutcome, FetchError> {
        let parsed = url::Url::parse(url).map_err(|e| FetchError::BadUrl(format!("{url}: {e}")))?;
        if parsed.scheme() != "http" && parsed.scheme() != "https" {
            return Err(FetchError::BadUrl(format!(
                "{}: only http and https are fetched",
                parsed.scheme()
            )));
        }
        let timeout = self.config.timeout;
        // reqwest's own timeout covers the body too; this outer one is the guarantee.
        match tokio::time::timeout(timeout, self.get_inner(parsed, headers)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout(timeout.as_secs().max(1))),
        }
    }

    async fn get_inner(
        &self,
        url: url::Url,
        headers: HeaderMap,
    ) -> Result<FetchOutcome, FetchError> {
        let mut resp = self
            .client
            .get(url)
            .headers(headers)
            .send()
            .await
            .map_err(|e| self.classify(&e))?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified);
        }
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            let retry_after_secs = resp
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after);
            return Err(FetchError::RateLimited { retry_after_secs });
        }
        if status == reqwest::StatusCode::SERVICE_UNAVAILABLE
            && let Some(retry_after_secs) = resp
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_retry_after)
        {
            return Err(FetchError::Unavailable { retry_after_secs });
        }
        if status.is_redirection() {
            // A redirect reqwest did not follow: its Location is not a URL it can request.
            let location = resp
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|l| resp.url().join(l).ok());
            return Err(match location {
                Some(to) if !matches!(to.scheme(), "http" | "https") => {
                    FetchError::RedirectRefused(format!("to a {}: URL", to.scheme()))
                }
                _ => FetchError::RedirectRefused(format!(
                    "HTTP {} without a usable Location",
                    status.as_u16()
                )),
            });
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let text_header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v: &header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = text_header(header::CONTENT_TYPE);
        let validators = Validators {
            etag: text_header(header::ETAG),
            last_modified: text_header(header::LAST_MODIFIED),
        };
        let final_url = resp.url().to_string();
        let cap = self.config.max_body_bytes;
        // content_length is the decoded length (None while decompressing), so it is only a hint.
        if resp.content_length().is_some_and(|n| n > cap) {
            return Err(FetchError::TooLarge(cap));
        }
        let hint = resp.content_length().unwrap_or(64 * 1024).min(cap);
        let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.classify(&e))? {
            if bytes.len() as u64 + chunk.len() as u64 > cap {
                return Err(FetchError::TooLarge(cap));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(FetchOutcome::Body {
            bytes,
            content_type,
            validators,
            final_url,
        })
    }

    /// One-line reason for a reqwest error, from its kind and its source chain
    /// (hyper, io, rustls errors underneath).
    fn classify(&self, e: &reqwest::Error) -> FetchError {
        let secs = self.config.timeout.as_secs().max(1);
        let mut sources: Vec<&(dyn StdError + 'static)> = Vec::new();
        let mut next = e.source();
        while let Some(err) = next {
            sources.push(err);
            next = err.source();
        }
        let chain = || sources.iter().copied();
        if let Some(r) = chain().find_map(|err| err.downcast_ref::<RefusedRedirect>()) {
            return FetchError::RedirectRefused(r.0.clone());
        }
        if chain().any(|err| err.is::<TooManyRedirects>()) {
            return FetchError::Redirects;
        }
        if e.is_timeout() {
            return FetchError::Timeout(secs);
        }
        let innermost = chain().last().map(|err| err.to_string());
        let detail = innermost.clone().unwrap_or_else(|| e.to_string());
        if e.is_dns() {
            return FetchError::Dns(one_line(&detail));
        }
        let tls_like = |s: &str| {
            let s = s.to_ascii_lowercase();
            [
                "tls",
                "certificate",
                "handshake",
                "corrupt message",
                "peer sent",
            ]
            .iter()
            .any(|k| s.contains(k))
        };
        if chain().any(|err| tls_like(&err.to_string()) || tls_like(&format!("{err:?}"))) {
            return FetchError::Tls(one_line(&detail));
        }
        for err in chain() {
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                use std::io::ErrorKind as K;
                let what = match io.kind() {
                    K::ConnectionRefused => "refused",
                    K::ConnectionReset => "reset by the server",
                    K::ConnectionAborted => "aborted",
                    K::UnexpectedEof => "closed before the end of the body",
                    K::TimedOut => return FetchError::Timeout(secs),
                    _ => continue,
                };
                return FetchError::Connect(what.to_string());
            }
        }
        if e.is_connect() {
            return FetchError::Connect(one_line(&detail));
        }
        if e.is_body() || e.is_decode() {
            return FetchError::Connect(format!("body cut short: {}", one_line(&detail)));
        }
        FetchError::Other(one_line(&e.to_string()))
    }
}

fn header_value(s: &str) -> Option<header::HeaderValue> {
    header::HeaderValue::from_str(s).ok()
}

/// Error texts end up in one status line: no newlines, no control characters, bounded length.
fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(120));
        assert_eq!(parse_retry_after(" 7 "), Some(7));
        assert_eq!(parse_retry_after("99999999"), Some(MAX_RETRY_AFTER_SECS));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        let later = chrono::Utc::now() + chrono::Duration::seconds(600);
        let secs = parse_retry_after(&later.to_rfc2822()).unwrap_or(0);
        assert!((590..=600).contains(&secs), "{secs}");
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn reasons_are_one_line() {
        assert_eq!(FetchError::Status(404).to_string(), "HTTP 404 Not Found");
        assert_eq!(
            FetchError::RateLimited {
                retry_after_secs: Some(30)
            }
            .to_string(),
            "HTTP 429 Too Many Requests (retry after 30 s)"
        );
        assert_eq!(one_line("a\nb\x1b[2J  c"), "a b [2J c");
    }
}
