//! HTTP: one shared client, limits, conditional GET.

use std::time::Duration;

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
    #[error("HTTP {0}")]
    Status(u16),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("too large (over {0} bytes)")]
    TooLarge(u64),
    #[error("too many redirects")]
    Redirects,
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

/// The shared HTTP client.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::limited(config.max_redirects))
            .build()?;
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
        let mut req = self.client.get(url);
        if let Some(etag) = &validators.etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| FetchError::Other(e.to_string()))?;
        if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified);
        }
        if !resp.status().is_success() {
            return Err(FetchError::Status(resp.status().as_u16()));
        }
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let final_url = resp.url().to_string();
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| FetchError::Other(e.to_string()))?
            .to_vec();
        Ok(FetchOutcome::Body {
            bytes,
            content_type,
            validators,
            final_url,
        })
    }
}
