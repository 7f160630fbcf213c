//! `akhbar list` and `akhbar companies`.

use super::out;
use crate::library::{Error, Library};
use crate::store::ArticleRow;
use crate::store::listing::{RowRef, RowSink};
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
    if args.json {
        let mut sink = JsonLines {
            lines: Vec::new(),
            feed: Default::default(),
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            gone: false,
        };
        store
            .visit_articles(&query, &mut sink)
            .map_err(anyhow::Error::from)?;
        use std::io::Write;
        let _ = sink.out.flush();
        return Ok(ExitCode::SUCCESS);
    }
    let rows = store.list_articles(&query).map_err(anyhow::Error::from)?;
    print_rows(lib, &rows);
    // The process ends here: freeing a list of every article, row by row, took a third of
    // `list` at 100,000 rows. The operating system takes the memory back at once.
    std::mem::forget(rows);
    Ok(ExitCode::SUCCESS)
}

/// `list --json`: each row becomes its JSON line as it is read from the store, kept in one
/// buffer until the list's order is known (a list sorted by relevance or date is ordered only
/// after the last row); nothing else of the row is copied.
struct JsonLines<W: std::io::Write> {
    lines: Vec<u8>,
    /// The last row's feed and feed title, and their fields as JSON: rows come feed by feed,
    /// so a feed's fields are escaped once rather than per row.
    feed: (String, Option<String>, Vec<u8>),
    out: W,
    gone: bool,
}

impl<W: std::io::Write> RowSink for JsonLines<W> {
    type Item = std::ops::Range<usize>;
    fn keep(&mut self, r: &RowRef<'_>) -> Self::Item {
        let start = self.lines.len();
        let (feed, title, json) = &mut self.feed;
        if feed != r.feed || title.as_deref() != r.feed_title {
            *feed = r.feed.to_string();
            *title = r.feed_title.map(str::to_string);
            json.clear();
            json_feed(json, r.feed, r.feed_title);
        }
        json_id(&mut self.lines, r.id);
        self.lines.extend_from_slice(json);
        json_rest(&mut self.lines, r);
        start..self.lines.len()
    }
    fn emit(&mut self, line: Self::Item) -> bool {
        if self.gone || self.out.write_all(&self.lines[line.clone()]).is_err() {
            self.gone = true; // the reader of our output has gone
            return false;
        }
        // Rows given in order as they are read: the buffer holds one line at a time.
        if line.end == self.lines.len() {
            self.lines.truncate(line.start);
        }
        true
    }
}

/// One row as a JSON object and a newline: `id, feed, feed_title, title, link, published
/// (RFC 3339), read, starred, companies`. Written field by field rather than through a derived
/// `Serialize`: with every article listed, serde's per-byte escaping and map machinery were a
/// third of the work, and nearly no title needs escaping ([`json_str`]). `JsonLines` writes
/// the same parts, keeping the feed's from row to row.
#[cfg(test)]
fn json_line(out: &mut Vec<u8>, r: &RowRef<'_>) {
    json_id(out, r.id);
    json_feed(out, r.feed, r.feed_title);
    json_rest(out, r);
}

fn json_id(out: &mut Vec<u8>, id: i64) {
    out.extend_from_slice(b"{\"id\":");
    // Writing into a Vec cannot fail; serde_json writes integers without allocating.
    let _ = serde_json::to_writer(&mut *out, &id);
}

fn json_feed(out: &mut Vec<u8>, feed: &str, title: Option<&str>) {
    out.extend_from_slice(b",\"feed\":");
    json_str(out, feed);
    out.extend_from_slice(b",\"feed_title\":");
    json_opt(out, title);
}

/// The fields after the feed's.
fn json_rest(out: &mut Vec<u8>, r: &RowRef<'_>) {
    out.extend_from_slice(b",\"title\":");
    json_str(out, r.title);
    out.extend_from_slice(b",\"link\":");
    json_opt(out, r.link);
    out.extend_from_slice(b",\"published\":");
    match r.published {
        Some(d) => json_date(out, d),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(if r.read {
        b",\"read\":true"
    } else {
        b",\"read\":false"
    });
    out.extend_from_slice(if r.starred {
        b",\"starred\":true"
    } else {
        b",\"starred\":false"
    });
    out.extend_from_slice(b",\"companies\":[");
    for (i, c) in r.companies.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, c);
    }
    out.extend_from_slice(b"]}\n");
}

/// A date as `to_rfc3339` writes it (`2026-11-08T17:58:00+00:00`), digit by digit when it has
/// whole seconds and a four-digit year (every feed's date): chrono's formatter and its string
/// were a tenth of a line.
fn json_date(out: &mut Vec<u8>, d: chrono::DateTime<chrono::Utc>) {
    use chrono::{Datelike, Timelike};
    let year = d.year();
    if d.nanosecond() != 0 || !(0..=9999).contains(&year) {
        json_str(out, &d.to_rfc3339());
        return;
    }
    let digits = |out: &mut Vec<u8>, v: u32, n: u32| {
        for p in (0..n).rev() {
            out.push(b'0' + (v / 10u32.pow(p) % 10) as u8);
        }
    };
    out.push(b'"');
    digits(out, year.unsigned_abs(), 4);
    out.push(b'-');
    digits(out, d.month(), 2);
    out.push(b'-');
    digits(out, d.day(), 2);
    out.push(b'T');
    digits(out, d.hour(), 2);
    out.push(b':');
    digits(out, d.minute(), 2);
    out.push(b':');
    digits(out, d.second(), 2);
    out.extend_from_slice(b"+00:00\"");
}

fn json_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: copied as it is when nothing in it needs escaping, else escaped by
/// serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Whether JSON must escape a byte of `s` (a control character, `"` or `\\`), eight bytes at
/// a time: a byte-by-byte fold was over half of writing a line.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Some byte of `x` is below `n` (n ≤ 128), or is zero: exact for "any".
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let any = |x: u64| {
        below(x, 0x20) | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')))
            != 0
    };
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        if any(u64::from_ne_bytes([
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
        ])) {
            return true;
        }
    }
    // The last bytes as one more word, padded with spaces (byte by byte they cost as much as
    // the rest of a short name).
    let mut last = [b' '; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    any(u64::from_ne_bytes(last))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The same row as serde_json writes it from a derived `Serialize`, field for field.
    fn by_serde(r: &RowRef<'_>) -> String {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            id: i64,
            feed: &'a str,
            feed_title: Option<&'a str>,
            title: &'a str,
            link: Option<&'a str>,
            published: Option<String>,
            read: bool,
            starred: bool,
            companies: &'a [&'a str],
        }
        let row = Row {
            id: r.id,
            feed: r.feed,
            feed_title: r.feed_title,
            title: r.title,
            link: r.link,
            published: r.published.map(|d| d.to_rfc3339()),
            read: r.read,
            starred: r.starred,
            companies: r.companies,
        };
        serde_json::to_string(&row).unwrap_or_default() + "\n"
    }

    #[test]
    fn the_escape_check_finds_every_byte_json_escapes_wherever_it_lies() {
        let plain = "أبل iPhone 17 بسعر 999 دولاراً /'~\u{7f}é📈";
        for len in 0..40 {
            let base: Vec<u8> = plain.bytes().cycle().take(len).collect();
            assert!(!needs_escape(&base), "{len}");
            for at in 0..len {
                for b in (0u8..0x20).chain([b'"', b'\\']) {
                    let mut s = base.clone();
                    s[at] = b;
                    assert!(needs_escape(&s), "byte {b} at {at} of {len}");
                }
                for b in [0x20u8, b'!', b'#', b'[', b']', b'|', 0x80, 0xa2, 0xdc, 0xff] {
                    let mut s = base.clone();
                    s[at] = b;
                    assert!(!needs_escape(&s), "byte {b} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn dates_are_written_as_rfc3339_writes_them() {
        let stamps = [
            -62_135_596_800, // 0001-01-01
            -86_401,
            0,
            951_782_400, // 2000-02-29
            1_733_130_059,
            1_798_761_599,   // 2026-12-31T23:59:59
            253_402_300_799, // 9999-12-31T23:59:59
            253_402_300_800, // year 10000
            -62_198_755_200, // year -1
        ];
        for &t in &stamps {
            for nanos in [0, 1, 500_000_000] {
                let Some(d) = chrono::Utc.timestamp_opt(t, nanos).single() else {
                    continue;
                };
                let mut out = Vec::new();
                json_date(&mut out, d);
                let want = serde_json::to_string(&d.to_rfc3339()).unwrap_or_default();
                assert_eq!(String::from_utf8_lossy(&out), want, "{t} {nanos}");
            }
        }
    }

    #[test]
    fn json_lines_are_what_serde_json_writes_for_every_kind_of_text() {
        let texts = [
            "",
            "أبل تطلق iPhone 17 بسعر 999 دولاراً",
            "quote \" and backslash \\ and slash /",
            "tab\there, newline\nthere, bell\u{7}, escape\u{1b}[31m, nul\u{0}",
            "bidi \u{202e}override\u{202c} and marks \u{200f}\u{200e}, line sep \u{2028}",
            "del \u{7f}, emoji 📈, ZWJ \u{200d}, Persian ی",
        ];
        let date = chrono::Utc.timestamp_opt(1_733_130_000, 0).single();
        // The sink that `list --json` uses, which keeps a feed's fields from row to row.
        let mut sink = JsonLines {
            lines: Vec::new(),
            feed: Default::default(),
            out: Vec::new(),
            gone: false,
        };
        let mut want = String::new();
        for (i, t) in texts.iter().enumerate() {
            for (title, feed_title, link) in [
                (*t, Some(*t), Some(*t)),
                ("عنوان", None, None),
                (*t, None, Some("https://example.com/a?b=\"c\"")),
            ] {
                let companies = [*t, "Apple", "إنفيديا"];
                let row = RowRef {
                    id: i as i64 * 1_000_003 - 7,
                    feed: t,
                    feed_title,
                    title,
                    link,
                    published: if i % 2 == 0 { date } else { None },
                    read: i % 2 == 1,
                    starred: i % 3 == 0,
                    language: Some("ar"),
                    companies: &companies[..i % 4],
                };
                let mut out = Vec::new();
                json_line(&mut out, &row);
                assert_eq!(String::from_utf8_lossy(&out), by_serde(&row), "text {i}");
                let line = sink.keep(&row);
                assert!(sink.emit(line));
                want.push_str(&by_serde(&row));
            }
        }
        assert_eq!(String::from_utf8_lossy(&sink.out), want);
    }
}
