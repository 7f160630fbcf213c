//! Full article text from the article's page: fetch with the shared client, decode (honouring
//! the page's charset), extract, recognise entities, store (through the writer, in the reader
//! and a refresh; directly, in `show --full`). The page is fetched once: a stored
//! full text is returned as is. On failure the article keeps its feed text.

use crate::entities::{Recognizer, Span};
use crate::feed::extract::{Extracted, extract_article};
use crate::feed::fetch::{FetchConfig, Fetcher};
use crate::store::{Article, Field, Store, Writer};
use anyhow::{Context, anyhow, bail};

/// An article's full text with its entities.
#[derive(Clone, Debug, PartialEq)]
pub struct FullText {
    /// Paragraphs separated by '\n'.
    pub text: String,
    pub spans: Vec<Span>,
    /// The page says it is right-to-left (unknown, so false, for a text stored earlier).
    pub rtl: bool,
    /// False when the text was already stored and no page was fetched.
    pub fetched: bool,
    /// The links inside the page's article (kept beside the feed's, for the link list).
    pub links: Vec<crate::feed::Link>,
}

/// Below this many characters a feed body is a teaser, whatever it ends with.
const TEASER_CHARS: usize = 400;
/// A single paragraph up to this long that ends in an ellipsis is a teaser too.
const TEASER_PARAGRAPH_CHARS: usize = 1000;

/// `full_text = auto`: does the feed carry only the start of the story?
pub fn is_teaser(content: &str, summary: &str) -> bool {
    let body = if content.trim().is_empty() {
        summary.trim()
    } else {
        content.trim()
    };
    let chars = body.chars().count();
    if chars < TEASER_CHARS {
        return true;
    }
    let single_paragraph = body.lines().filter(|l| !l.trim().is_empty()).count() == 1;
    let cut_off = ["…", "...", "[…]", "[...]", "(…)", "(...)"]
        .iter()
        .any(|end| body.ends_with(end));
    single_paragraph && cut_off && chars < TEASER_PARAGRAPH_CHARS
}

/// Fetch, extract, recognise and store the full text of article `id`.
pub async fn fetch_full(
    fetcher: &Fetcher,
    writer: &Writer,
    rec: &Recognizer,
    id: i64,
) -> anyhow::Result<FullText> {
    let article = writer.run(move |s| load(s, id)).await??;
    if let Some(stored) = stored_full_text(&article) {
        return Ok(stored);
    }
    let link = article_link(&article)?;
    let extracted = fetch_and_extract(fetcher, &link).await?;
    let full = recognise(rec, &extracted);
    writer
        .set_full_content(id, full.text.clone(), full.spans.clone())
        .await
        .context("cannot save the full text")?;
    let links = full.links.clone();
    writer
        .run(move |s| s.add_links(id, &links))
        .await
        .map_err(anyhow::Error::from)?
        .context("cannot save the article's links")?;
    Ok(full)
}

/// `akhbar show ID --full`: fetch and store the full text now, on a runtime of its own.
pub(crate) fn fetch_full_blocking(
    fetch: FetchConfig,
    rec: &Recognizer,
    store: &mut Store,
    id: i64,
) -> anyhow::Result<FullText> {
    let article = load(store, id)?;
    if let Some(stored) = stored_full_text(&article) {
        return Ok(stored);
    }
    let link = article_link(&article)?;
    let fetcher = Fetcher::new(fetch)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let extracted = runtime.block_on(fetch_and_extract(&fetcher, &link))?;
    let full = recognise(rec, &extracted);
    store
        .set_full_content(id, &full.text, &full.spans)
        .context("cannot save the full text")?;
    store
        .add_links(id, &full.links)
        .context("cannot save the article's links")?;
    Ok(full)
}

/// Fetch a page with the shared client (same limits as feeds) and extract its article.
pub async fn fetch_and_extract(fetcher: &Fetcher, url: &str) -> anyhow::Result<Extracted> {
    let (bytes, content_type, final_url) = fetcher
        .fetch_page(url)
        .await
        .map_err(|e| anyhow!("cannot fetch the page: {e}"))?;
    if let Some(ct) = content_type.as_deref()
        && !is_html(ct)
    {
        bail!("not a web page ({})", crate::text::sanitize(ct.trim()));
    }
    // Parsing a large page takes milliseconds: keep it off the async threads.
    tokio::task::spawn_blocking(move || {
        // The decoder honours the BOM, the HTTP charset, then the page's <meta charset>.
        let html = crate::feed::decode::decode(&bytes, content_type.as_deref());
        extract_article(&html, &final_url)
    })
    .await
    .map_err(|e| anyhow!("internal error: {e}"))?
    .map_err(|e| anyhow!("{e}"))
}

fn load(store: &Store, id: i64) -> anyhow::Result<Article> {
    store
        .article(id)
        .map_err(|e| anyhow!("{e}"))?
        .ok_or_else(|| anyhow!("no article with id {id}"))
}

fn article_link(article: &Article) -> anyhow::Result<String> {
    article
        .row
        .link
        .clone()
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
        .ok_or_else(|| anyhow!("the article has no web page to fetch"))
}

fn stored_full_text(article: &Article) -> Option<FullText> {
    let text = article
        .full_content
        .as_deref()
        .filter(|t| !t.trim().is_empty())?;
    let spans = article
        .spans_in(Field::FullContent)
        .filter_map(|s| {
            Some(Span {
                kind: s.kind,
                start: s.start,
                end: s.end,
                text: text.get(s.start..s.end)?.to_string(),
                canonical: s.canonical.clone(),
                parent: s.parent.clone(),
                value: s.value,
            })
        })
        .collect();
    Some(FullText {
        text: text.to_string(),
        spans,
        rtl: false,
        fetched: false,
        links: Vec::new(),
    })
}

fn recognise(rec: &Recognizer, extracted: &Extracted) -> FullText {
    let text = extracted.text();
    FullText {
        spans: rec.find(&text),
        text,
        rtl: extracted.rtl,
        fetched: true,
        links: extracted.links.clone(),
    }
}

fn is_html(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || mime == "text/plain"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers() {
        assert!(is_teaser("", ""));
        assert!(is_teaser("", "أعلنت سامسونج اليوم عن هاتفها الجديد…"));
        assert!(is_teaser("فقرة قصيرة من الخبر.", "ملخص طويل"));
        let long_cut = format!("{} […]", "كلمة ".repeat(120));
        assert!(is_teaser(&long_cut, ""));
        let long_para = format!("{}.", "كلمة ".repeat(120));
        assert!(!is_teaser(&long_para, ""));
        let article = format!("{}.\n{}…", "كلمة ".repeat(60), "كلمة ".repeat(60));
        assert!(
            !is_teaser(&article, ""),
            "two paragraphs are a story, not a teaser"
        );
        assert!(!is_teaser(&format!("{}…", "كلمة ".repeat(300)), ""));
    }

    #[test]
    fn only_pages_are_read() {
        assert!(is_html("text/html; charset=utf-8"));
        assert!(is_html("application/xhtml+xml"));
        assert!(!is_html("application/pdf"));
        assert!(!is_html("image/jpeg"));
    }
}
