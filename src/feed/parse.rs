//! feed-rs → ParsedFeed, guarded so no input can panic the process.

use super::ParsedFeed;

/// Why a body is not a usable feed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("not a feed ({0})")]
    NotAFeed(String),
    #[error("malformed XML at line {line}: {reason}")]
    Malformed { line: usize, reason: String },
    #[error("empty body")]
    Empty,
}

/// Parse a fetched body (`bytes` as received) from `feed_url`.
pub fn parse_feed(
    feed_url: &str,
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<ParsedFeed, ParseError> {
    let _ = (feed_url, content_type);
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    Err(ParseError::NotAFeed("skeleton".into()))
}
