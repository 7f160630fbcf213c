//! `akhbar list` and `akhbar companies`.

use super::out;
use crate::library::{Error, Library};
use crate::store::ArticleRow;
use crate::store::views::ViewFilter;
use crate::text::{LayoutOptions, PreparedParagraph, cell_width, line_to_plain};
use chrono::Local;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct ListArgs {
    /// Only articles naming this company (canonical name or any alias, Arabic or Latin).
    #[arg(long, value_name = "NAME")]
    pub(crate) company: Option<String>,
    /// Only articles of this feed (its address, id or title).
    #[arg(long, value_name = "URL|ID")]
    pub(crate) feed: Option<String>,
    /// Only articles of the feeds with this tag.
    #[arg(long, value_name = "TAG")]
    pub(crate) tag: Option<String>,
    /// A saved view (`akhbar views`); the other filters narrow it further.
    #[arg(long, value_name = "NAME")]
    pub(crate) view: Option<String>,
    #[arg(long)]
    pub(crate) unread: bool,
    #[arg(long)]
    pub(crate) starred: bool,
    /// Arabic-aware search (hamza, taa marbuta, harakat and digits folded).
    #[arg(long, value_name = "QUERY")]
    pub(crate) search: Option<String>,
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(serde::Serialize)]
struct ListJson<'a> {
    id: i64,
    feed: &'a str,
    feed_title: Option<&'a str>,
    title: &'a str,
    link: Option<&'a str>,
    published: Option<String>,
    read: bool,
    starred: bool,
    companies: &'a [String],
}

pub(crate) fn run(lib: &Library, args: &ListArgs) -> Result<ExitCode, Error> {
    let (store, rec) = lib.open_store_current()?;
    // The view first, then each option given on the command line over it.
    let mut filter = match &args.view {
        Some(name) => lib.view(&store, name)?,
        None => ViewFilter::default(),
    };
    if args.company.is_some() {
        filter.company = args.company.clone();
    }
    if args.feed.is_some() {
        filter.feed = args.feed.clone();
    }
    if args.tag.is_some() {
        filter.tag = args.tag.clone();
    }
    if args.search.is_some() {
        filter.search = args.search.clone();
    }
    filter.unread |= args.unread;
    filter.starred |= args.starred;
    let mut query = lib.query_for(&filter, &rec, &store)?;
    query.limit = args.limit;
    let rows = store.list_articles(&query).map_err(anyhow::Error::from)?;
    if args.json {
        // One buffer for all the lines (a list can hold every article): a write per line cost
        // more than the query.
        use std::io::Write;
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        for r in &rows {
            let j = ListJson {
                id: r.id,
                feed: &r.feed,
                feed_title: r.feed_title.as_deref(),
                title: &r.title,
                link: r.link.as_deref(),
                published: r.published.map(|d| d.to_rfc3339()),
                read: r.read,
                starred: r.starred,
                companies: &r.companies,
            };
            if serde_json::to_writer(&mut stdout, &j).is_err() || stdout.write_all(b"\n").is_err() {
                break; // the reader of our output has gone
            }
        }
        let _ = stdout.flush();
    } else {
        print_rows(lib, &rows);
    }
    // The process ends here: freeing a list of every article, row by row, took a third of
    // `list --json` at 100,000 rows. The operating system takes the memory back at once.
    std::mem::forget(rows);
    Ok(ExitCode::SUCCESS)
}

/// Aligned columns: id, local date, markers, feed, title (laid out for the terminal).
fn print_rows(lib: &Library, rows: &[ArticleRow]) {
    let total = terminal_width().max(60);
    let id_w = rows
        .iter()
        .map(|r| r.id.to_string().len())
        .max()
        .unwrap_or(1);
    let feed_w = 18;
    let prefix_w = id_w + 2 + 16 + 2 + 2 + 2 + feed_w + 2;
    let title_w = (total.saturating_sub(prefix_w)).max(20) as u16;
    let opts = lib.layout_options();
    for r in rows {
        let date = r
            .published
            .map(|d| {
                let date = d.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string();
                lib.l10n.digits().apply(&date).into_owned()
            })
            .unwrap_or_else(|| "—".to_string());
        let marks = format!(
            "{}{}",
            if r.read { ' ' } else { '●' },
            if r.starred { '★' } else { ' ' }
        );
        let opts = opts.for_content(r.language.as_deref());
        let feed = visual_cell(r.feed_title.as_deref().unwrap_or(&r.feed), feed_w, &opts);
        let title = title_line(&r.title, title_w, &opts);
        let line = format!("{:>id_w$}  {date:<16}  {marks}  {feed}  {title}", r.id);
        if !out(line.trim_end()) {
            break;
        }
    }
}

/// First visual line of the title at `width` cells, with «…» when it goes on.
fn title_line(title: &str, width: u16, opts: &LayoutOptions) -> String {
    let p = PreparedParagraph::new(title, &[], Default::default(), opts);
    let lines = p.lines(width);
    let first = lines.first().map(line_to_plain).unwrap_or_default();
    if lines.len() > 1 {
        if p.is_rtl() {
            format!("…{}", first.trim_start())
        } else {
            format!("{first}…")
        }
    } else {
        first
    }
}

/// `text` as one visual line of exactly `w` cells (cut with «…» when longer), for a column.
pub(crate) fn visual_cell(text: &str, w: usize, opts: &LayoutOptions) -> String {
    let line = title_line(text, w.clamp(1, usize::from(u16::MAX)) as u16, opts);
    let line = line.trim();
    let fitted = if cell_width(line) > w {
        fit(line, w)
    } else {
        line.to_string()
    };
    let pad = w.saturating_sub(cell_width(&fitted));
    fitted + &" ".repeat(pad)
}

/// Pad or cut to exactly `w` cells.
fn fit(s: &str, w: usize) -> String {
    let mut outs = String::new();
    for c in s.chars() {
        if cell_width(&outs) + cell_width(c.encode_utf8(&mut [0; 4])) > w {
            break;
        }
        outs.push(c);
    }
    let pad = w.saturating_sub(cell_width(&outs));
    outs + &" ".repeat(pad)
}

pub(crate) fn terminal_width() -> usize {
    crossterm::terminal::size()
        .map(|(w, _)| usize::from(w))
        .ok()
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(100)
}

pub(crate) fn companies(lib: &Library, json: bool) -> Result<ExitCode, Error> {
    let (store, rec) = lib.open_store_current()?;
    let rows = store.companies().map_err(anyhow::Error::from)?;
    let w = rows.iter().map(|(n, _)| cell_width(n)).max().unwrap_or(0);
    let opts = lib.layout_options();
    for (name, count) in rows {
        let arabic = rec.arabic_name(&name);
        let line = if json {
            serde_json::json!({"name": name, "count": count, "arabic": arabic}).to_string()
        } else {
            // The Arabic name as one visual line, so it reads right on any terminal.
            let shown = arabic
                .as_deref()
                .map(|a| visual_cell(a, cell_width(a), &opts))
                .unwrap_or_default();
            let pad = w.saturating_sub(cell_width(&name));
            let count = lib.l10n.number(count);
            let count_pad = 6usize.saturating_sub(count.chars().count());
            format!(
                "{}{count}  {name}{}  {shown}",
                " ".repeat(count_pad),
                " ".repeat(pad)
            )
            .trim_end()
            .to_string()
        };
        if !out(&line) {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
