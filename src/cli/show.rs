//! `akhbar show ID`: one article, laid out as the reader shows it.

use super::out;
use crate::entities::Recognizer;
use crate::i18n::{Localizer, tr};
use crate::library::{Error, Library};
use crate::store::{Article, Field};
use crate::text::{LayoutOptions, line_to_plain};
use crate::view::article::{Interface, prepare};
use crate::view::theme::Theme;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct ShowArgs {
    /// Article id (from `akhbar list`).
    pub(crate) id: i64,
    /// Width in cells (default: the terminal's).
    #[arg(long, value_name = "N")]
    pub(crate) width: Option<u16>,
    /// Fetch the whole article from its page first.
    #[arg(long)]
    pub(crate) full: bool,
    #[arg(long)]
    pub(crate) json: bool,
}

/// The visual lines of an article at `width`, as the reader's pane shows them (one composer).
fn article_lines(
    article: &Article,
    width: u16,
    opts: &LayoutOptions,
    rec: &Recognizer,
    l10n: &Localizer,
) -> Vec<String> {
    let names = |c: &str| rec.arabic_name(c);
    let interface = Interface {
        l10n,
        now: chrono::Utc::now(),
    };
    let mut prepared = prepare(
        article,
        &Theme::plain(),
        opts,
        None,
        None,
        &names,
        interface,
    );
    let (lines, _) = prepared.lines(width);
    lines.iter().map(line_to_plain).collect()
}

pub(crate) fn run(lib: &Library, args: &ShowArgs) -> Result<ExitCode, Error> {
    let width = args
        .width
        .unwrap_or_else(|| super::list::terminal_width().min(u16::MAX as usize) as u16);
    if width == 0 {
        return Err(Error::Usage(tr!(lib.l10n, "usage-width")));
    }
    let (mut store, rec) = lib.open_store_current()?;
    if args.full {
        crate::fulltext::fetch_full_blocking(lib.config.fetch_config(), &rec, &mut store, args.id)?;
    }
    let Some(article) = store.article(args.id).map_err(anyhow::Error::from)? else {
        return Err(Error::Usage(tr!(lib.l10n, "show-no-article", id = args.id)));
    };
    let opts = lib.layout_options();
    // JSON is language-neutral: its lines are the English interface's, on UTC.
    let l10n = if args.json {
        Localizer::shared_default()
    } else {
        std::sync::Arc::clone(&lib.l10n)
    };
    let lines = article_lines(&article, width, &opts, &rec, &l10n);
    if args.json {
        let (body, field) = article.body();
        let entities: Vec<serde_json::Value> = article
            .spans
            .iter()
            .map(|s| {
                serde_json::json!({
                    "field": match s.field {
                        Field::Title => "title",
                        Field::Summary => "summary",
                        Field::Content => "content",
                        Field::FullContent => "full_content",
                    },
                    "kind": s.kind.as_str(),
                    "start": s.start,
                    "end": s.end,
                    "canonical": s.canonical,
                    "parent": s.parent,
                    "value": s.value,
                })
            })
            .collect();
        let j = serde_json::json!({
            "id": article.row.id,
            "feed": article.row.feed,
            "feed_title": article.row.feed_title,
            "title": article.row.title,
            "link": article.row.link,
            "published": article.row.published.map(|d| d.to_rfc3339()),
            "author": article.author,
            "categories": article.categories,
            "read": article.row.read,
            "starred": article.row.starred,
            "companies": article.row.companies,
            "summary": article.summary,
            "body": body,
            "body_field": if field == Field::FullContent { "full_content" } else if field == Field::Content { "content" } else { "summary" },
            "entities": entities,
            "width": width,
            "lines": lines,
        });
        out(&j.to_string());
    } else {
        for l in &lines {
            if !out(l) {
                break;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
