//! `akhbar feeds [--json]`: every feed with its counts, tags and the last fetch's outcome.

use super::list::visual_cell;
use super::{out, say};
use crate::i18n::tr;
use crate::library::{Error, Library};
use crate::text::cell_width;
use std::process::ExitCode;

#[derive(serde::Serialize)]
struct FeedJson<'a> {
    id: i64,
    url: &'a str,
    title: Option<&'a str>,
    tags: &'a [String],
    articles: i64,
    unread: i64,
    starred: i64,
    last_fetch: Option<String>,
    last_error: Option<&'a str>,
}

pub(crate) fn run(lib: &Library, json: bool) -> Result<ExitCode, Error> {
    let l = &lib.l10n;
    let store = lib.open_store()?;
    let feeds = store.feed_stats()?;
    if json {
        for f in &feeds {
            let j = FeedJson {
                id: f.id,
                url: &f.url,
                title: f.title.as_deref(),
                tags: &f.tags,
                articles: f.articles,
                unread: f.unread,
                starred: f.starred,
                last_fetch: f.last_fetch.map(|d| d.to_rfc3339()),
                last_error: f.last_error.as_deref(),
            };
            if !out(&serde_json::to_string(&j).unwrap_or_default()) {
                break;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if feeds.is_empty() {
        say(lib, &tr!(l, "feeds-none"));
        return Ok(ExitCode::SUCCESS);
    }
    let opts = lib.layout_options();
    let id_w = feeds
        .iter()
        .map(|f| f.id.to_string().len())
        .max()
        .unwrap_or(1);
    let counts: Vec<String> = feeds
        .iter()
        .map(|f| format!("{}/{}", l.number(f.unread), l.number(f.articles)))
        .collect();
    let count_w = counts.iter().map(|c| cell_width(c)).max().unwrap_or(1);
    let name_w = 28;
    let now = chrono::Utc::now();
    for (f, count) in feeds.iter().zip(&counts) {
        let name = visual_cell(&f.name(), name_w, &opts);
        let tags = if f.tags.is_empty() {
            String::new()
        } else {
            format!("[{}]", crate::text::sanitize(&f.tags.join(", ")))
        };
        let state = match (&f.last_error, f.last_fetch) {
            (Some(e), _) => tr!(
                l,
                "feeds-failed",
                reason = crate::text::sanitize(e).replace('\n', " ")
            ),
            (None, Some(at)) => tr!(l, "feeds-fetched", when = l.age(at, now)),
            (None, None) => tr!(l, "feeds-never"),
        };
        // Each column laid out on its own, as the name is (Arabic reads right to left in it).
        let state = visual_cell(&state, cell_width(&state).max(1), &opts);
        let tags = visual_cell(&tags, cell_width(&tags), &opts);
        let line = format!(
            "{:>id_w$}  {count:>count_w$}  {name}  {}  {tags}",
            f.id, state
        );
        if !out(line.trim_end()) {
            break;
        }
    }
    let unread: i64 = feeds.iter().map(|f| f.unread).sum();
    let failing = feeds.iter().filter(|f| f.last_error.is_some()).count();
    let note = if failing > 0 {
        tr!(l, "feeds-failing-note", count = failing)
    } else {
        String::new()
    };
    say(
        lib,
        &tr!(
            l,
            "feeds-summary",
            count = feeds.len(),
            unread = unread,
            note = note
        ),
    );
    Ok(ExitCode::SUCCESS)
}
