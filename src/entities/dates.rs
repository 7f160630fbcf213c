//! Dates and their ISO 8601 values (docs/gazetteer.md "Figures"): «15 يوليو 2025» →
//! `2025-07-15`, «يوليو 2025» → `2025-07`, «عام 2019» → `2019`, «الـ12 من شهر أبريل» →
//! `--04-12` (no year). Every month system is read (lexicon::month_number), and a month named
//! twice is one date: «17 يناير/كانون الثاني», «31 يوليو تموز», «15 من مايو أيار».

use super::lexicon::{month_number, year_word};
use super::scan::{char_at, next_word, prev_word, skip_spaces};

/// A date: where it starts and ends, its ISO value, and its numeric value (the year, or the day
/// when there is no year, as before ISO values existed).
#[derive(Debug, PartialEq)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub iso: String,
    pub value: f64,
}

pub fn iso(year: Option<u32>, month: Option<u8>, day: Option<u32>) -> String {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, None, _) => String::new(),
    }
}

/// The month named by the word after `pos` (maybe with a glued و ب ف ل): (start, end, month).
fn month_after(t: &str, pos: usize) -> Option<(usize, usize, u8)> {
    let (s, e) = next_word(t, pos)?;
    let next = next_word(t, e);
    let second = next.map(|(a, b)| &t[a..b]);
    for clitic in ["", "و", "ب", "ف", "ل"] {
        let Some(w) = t[s..e].strip_prefix(clitic) else {
            continue;
        };
        if let Some((m, n)) = month_number(w, second) {
            let end = if n == 2 {
                next.map_or(e, |(_, b)| b)
            } else {
                e
            };
            return Some((s + clitic.len(), end, m));
        }
    }
    None
}

/// The month named by the words ending at `pos`: (start, month).
fn month_before(t: &str, pos: usize) -> Option<(usize, u8)> {
    let (s, e) = prev_word(t, pos)?;
    let w = &t[s..e];
    if let Some((ps, pe)) = prev_word(t, s)
        && let Some((m, 2)) = month_number(&t[ps..pe], Some(w))
    {
        return Some((ps, m));
    }
    for clitic in ["", "و", "ب", "ف", "ل"] {
        if let Some(stem) = w.strip_prefix(clitic)
            && let Some((m, 1)) = month_number(stem, None)
        {
            return Some((s + clitic.len(), m));
        }
    }
    None
}

/// «يناير/كانون الثاني», «يوليو تموز», «آب (أغسطس)»: the end of a second name for the month
/// that ends at `end`.
fn second_month(t: &str, end: usize) -> Option<usize> {
    let mut p = skip_spaces(t, end);
    let paren = t[p..].starts_with('(');
    if paren || t[p..].starts_with('/') {
        p = skip_spaces(t, p + 1);
    } else if p == end {
        return None;
    }
    let (s, e, _) = month_after(t, p)?;
    if s != p {
        return None;
    }
    let after = skip_spaces(t, e);
    Some(if paren && t[after..].starts_with(')') {
        after + 1
    } else {
        e
    })
}

/// A year after `pos`, maybe after «عام»/«سنة» (or «من عام») and with a glued «م»: (end, year).
fn year_after(t: &str, pos: usize) -> Option<(usize, u32)> {
    let mut p = skip_spaces(t, pos);
    let mut from = pos;
    // «30 سبتمبر من عام 2023»: «من» is the date's only with a year word after it.
    if let Some((s, e)) = next_word(t, pos)
        && &t[s..e] == "من"
        && next_word(t, e).is_some_and(|(a, b)| year_word(&t[a..b]))
    {
        from = e;
    }
    if let Some((s, e)) = next_word(t, from)
        && year_word(&t[s..e])
    {
        p = skip_spaces(t, e);
    }
    let b = t.as_bytes();
    let mut e = p;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    if e - p != 4 {
        return None;
    }
    let year: u32 = t[p..e].parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    match char_at(t, e) {
        Some('م') if !char_at(t, e + 'م'.len_utf8()).is_some_and(super::scan::is_word_char) => {
            Some((e + 'م'.len_utf8(), year))
        }
        Some(c) if super::scan::is_word_char(c) => None,
        _ => Some((e, year)),
    }
}

/// A date starting with the day number at `start..at`: «15 يوليو 2025», «12 من شهر أبريل»,
/// «17 يناير/كانون الثاني». «الـ» glued before the day belongs to the date.
pub fn day_first(t: &str, start: usize, at: usize, day: f64) -> Option<Date> {
    if !(1.0..=31.0).contains(&day) || day.fract() != 0.0 {
        return None;
    }
    let mut p = at;
    if let Some((s, e)) = next_word(t, p)
        && &t[s..e] == "من"
    {
        p = e;
    }
    if let Some((s, e)) = next_word(t, p)
        && &t[s..e] == "شهر"
    {
        p = e;
    }
    let (_, me, m) = month_after(t, p)?;
    let mut end = second_month(t, me).unwrap_or(me);
    let year = year_after(t, end).map(|(e, y)| {
        end = e;
        y
    });
    let start = if t[..start].ends_with("ال")
        && !super::scan::char_before(t, start - "ال".len()).is_some_and(super::scan::is_letter)
    {
        start - "ال".len()
    } else {
        start
    };
    Some(Date {
        start,
        end,
        iso: iso(year, Some(m), Some(day as u32)),
        value: year.map_or(day, f64::from),
    })
}

/// The start and ISO value of a date ending with the year at `start` (value `year`): a month
/// («يوليو 2025», «كانون الثاني 2026», «يناير كانون الثاني عام 2023»), a day before it, or
/// «عام». None when nothing before the year says "date".
pub fn year_back(t: &str, start: usize, year: u32) -> Option<(usize, String)> {
    let mut s = start;
    let mut said = false;
    if let Some((ws, we)) = prev_word(t, s) {
        let w = &t[ws..we];
        let stem = ["و", "ب", "ل", "ف"].iter().find_map(|c| {
            w.strip_prefix(c)
                .filter(|r| year_word(r))
                .map(|r| (w.len() - r.len(), r))
        });
        if year_word(w) {
            s = ws;
            said = true;
        } else if let Some((off, _)) = stem {
            s = ws + off;
            said = true;
        }
    }
    // «شهر ديسمبر من عام 2018»: the month before «من عام».
    let month = month_before(t, s).or_else(|| {
        let (ps, _) = prev_word(t, s).filter(|&(a, b)| said && &t[a..b] == "من")?;
        month_before(t, ps)
    });
    let Some((ms, m)) = month else {
        return said.then(|| (s, iso(Some(year), None, None)));
    };
    s = ms;
    // A month named twice: «يناير/كانون الثاني 2009», «يناير كانون الثاني عام 2023».
    let before = t[..s].trim_end_matches([' ', '/']);
    if before.len() < s
        && let Some((ms2, m2)) = month_before(t, before.len())
        && second_month(t, before.len()).is_some_and(|e| e >= s)
    {
        s = ms2;
        let _ = m2;
    }
    if let Some((ps, pe)) = prev_word(t, s)
        && &t[ps..pe] == "شهر"
    {
        s = ps;
    }
    let mut day = None;
    let mut ds = s;
    if let Some((ps, pe)) = prev_word(t, s)
        && &t[ps..pe] == "من"
    {
        ds = ps;
    }
    if let Some((ps, pe)) = prev_word(t, ds)
        && pe - ps <= 2
        && t[ps..pe].bytes().all(|c| c.is_ascii_digit())
        && let Ok(d) = t[ps..pe].parse::<u32>()
        && (1..=31).contains(&d)
    {
        day = Some(d);
        s = ps;
    } else if let Some((ps, pe)) = prev_word(t, ds)
        && matches!(&t[ps..pe], "اول" | "الاول")
        && (ds < s || &t[ps..pe] == "اول")
    {
        // «أول سبتمبر 2011», «الأول من جانفي 1996»: the first day («الأول» needs «من»).
        day = Some(1);
        s = ps;
    }
    Some((s, iso(Some(year), Some(m), day)))
}

/// A date in digits at `i`: day/month/year as the Arab press writes it («28/6/2024»,
/// «05-11-2023») or year/month/day («2024/6/28»); one separator, «/» or «-» (a dot is a
/// thousands separator). (end, ISO value).
pub fn numeric(t: &str, i: usize) -> Option<(usize, String)> {
    let b = t.as_bytes();
    let run = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let e1 = run(i);
    let sep = *b.get(e1).filter(|c| matches!(c, b'/' | b'-'))?;
    let e2 = run(e1 + 1);
    if b.get(e2) != Some(&sep) {
        return None;
    }
    let e3 = run(e2 + 1);
    if e2 == e1 + 1 || e3 == e2 + 1 || b.get(e3).is_some_and(|c| c.is_ascii_digit() || *c == sep) {
        return None;
    }
    let (a, m, c) = (&t[i..e1], &t[e1 + 1..e2], &t[e2 + 1..e3]);
    let (year, day) = match (a.len(), c.len()) {
        (4, 1..=2) => (a, c),
        (1..=2, 4) => (c, a),
        _ => return None,
    };
    let (year, month, day) = (
        year.parse::<u32>().ok()?,
        m.parse::<u8>().ok()?,
        day.parse::<u32>().ok()?,
    );
    let valid = (1900..=2100).contains(&year)
        && m.len() <= 2
        && (1..=12).contains(&month)
        && (1..=31).contains(&day);
    valid.then(|| (e3, iso(Some(year), Some(month), Some(day))))
}

/// The month a one-word month name is (1–12).
pub fn month_name(w: &str) -> Option<u8> {
    month_number(w, None).map(|(m, _)| m)
}

/// «05-فبراير-2024»: a day, a month's name and a year joined by hyphens (a dateline style of the
/// Sudanese and Egyptian press). (end, ISO value).
pub fn hyphenated(t: &str, i: usize) -> Option<(usize, String)> {
    let b = t.as_bytes();
    let run = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let e1 = run(i);
    if !(1..=2).contains(&(e1 - i)) || b.get(e1) != Some(&b'-') {
        return None;
    }
    let ms = e1 + 1;
    let me = ms + t[ms..].find('-')?;
    let (m, 1) = month_number(&t[ms..me], None)? else {
        return None;
    };
    let e3 = run(me + 1);
    if e3 - (me + 1) != 4 || b.get(e3).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let year = t[me + 1..e3].parse::<u32>().ok()?;
    let day = t[i..e1].parse::<u32>().ok()?;
    ((1900..=2100).contains(&year) && (1..=31).contains(&day))
        .then(|| (e3, iso(Some(year), Some(m), Some(day))))
}

/// After the first end of a range at `at`: «إلى», «حتى» or a dash, and the spaces after it;
/// where the second end starts. Digits may be glued to the word («إلى15»), letters may not
/// («إليها»).
pub fn range_to(t: &str, at: usize) -> Option<usize> {
    let p = skip_spaces(t, at);
    let rest = &t[p..];
    let r = if let Some(r) = rest
        .strip_prefix("الي")
        .or_else(|| rest.strip_prefix("حتي"))
    {
        if char_at(r, 0).is_some_and(|c| super::scan::is_word_char(c) && !c.is_ascii_digit()) {
            return None;
        }
        r
    } else {
        rest.strip_prefix('-').or_else(|| rest.strip_prefix('–'))?
    };
    Some(skip_spaces(t, p + (rest.len() - r.len())))
}

/// A range of days across months after the day-first date `d`: «إلى», «حتى» or a dash, then
/// another day-first date. (end, ISO value of the first day — with the second's year when the
/// first has none — and the numeric value as `day_first` gives it.)
pub fn across_months(t: &str, d: &Date) -> Option<(usize, String, f64)> {
    let after = range_to(t, d.end)?;
    let b = t.as_bytes();
    let digits = b[after..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: f64 = t[after..after + digits].parse().ok()?;
    let second = day_first(t, after, after + digits, day)?;
    let first_year = d.iso.len() >= 10 && !d.iso.starts_with("--");
    if first_year {
        return Some((second.end, d.iso.clone(), d.value));
    }
    // The first has no year: take the second's, if it has one («--06-30» + «2024-07-02»).
    let iso = match second
        .iso
        .strip_suffix(&second.iso[second.iso.len().saturating_sub(6)..])
    {
        Some(year) if !year.is_empty() && !year.starts_with('-') => {
            format!("{year}{}", &d.iso[1..])
        }
        _ => d.iso.clone(),
    };
    let value = if iso.starts_with("--") {
        d.value
    } else {
        second.value
    };
    Some((second.end, iso, value))
}
