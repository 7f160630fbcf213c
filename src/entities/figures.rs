//! Figures: money, percentages, counts and dates, with their numeric value.
//!
//! Works on normalized text, where every digit is ASCII and ٫ ٬ ٪ are `. , %`. A figure starts
//! at a number (or a bare scale word such as «مليار») and grows left over approximations
//! («نحو», «أكثر من»), «بين» of a range, a month or «عام», and right over a range's second
//! number, scale words, currencies and their nationality, percent signs and words.

use super::Kind;
use super::dates;
use super::lexicon::{
    approximation, bare_scale, currency_adjective, currency_word, figure_lead_word, number_word,
    scale,
};
use super::scan::{
    char_at, char_before, clitic_before, is_arabic_letter, is_space, is_word_char, next_word,
    prev_word, skip_spaces, word_end,
};

/// A figure found in normalized text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    /// A date's ISO 8601 value (`2024-05-15`, `2024-05`, `2024`, `--05-15`).
    pub iso: Option<String>,
}

/// A number as written: where it ends, its value, and whether it is a bare integer (a year?).
struct Number {
    end: usize,
    value: f64,
    plain_int: bool,
    digits: usize,
}

fn digit_run(b: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

fn parse_number(t: &str, i: usize) -> Option<Number> {
    let b = t.as_bytes();
    let j = digit_run(b, i);
    let mut text: String = t[i..j].to_string();
    let mut end = j;
    let mut plain_int = true;
    // «12.451.373»: two or more dot groups of three digits are thousands (one alone, «2.132»,
    // stays a decimal).
    let dot_group =
        |at: usize| b.get(at) == Some(&b'.') && at + 1 < b.len() && digit_run(b, at + 1) == at + 4;
    // «3.000 شركة»: one group of three zeros is thousands too (no decimal is written so).
    let zeros = dot_group(end) && &t[end + 1..end + 4] == "000" && !dot_group(end + 4);
    if zeros
        && !b
            .get(end + 4)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
    {
        text.push_str("000");
        return Some(Number {
            end: end + 4,
            value: text.parse::<f64>().ok()?,
            plain_int: false,
            digits: j - i,
        });
    }
    // «12.067,52», «1.234.567,8»: dot thousands before a decimal comma (the Maghrebi and
    // European way) — a dot group followed by a comma and digits is never a decimal.
    let decimal_comma =
        |at: usize| b.get(at) == Some(&b',') && b.get(at + 1).is_some_and(u8::is_ascii_digit);
    if dot_group(end) && (dot_group(end + 4) || decimal_comma(end + 4)) {
        while dot_group(end) {
            text.push_str(&t[end + 1..end + 4]);
            end += 4;
        }
        if decimal_comma(end) {
            let k = digit_run(b, end + 1);
            text.push('.');
            text.push_str(&t[end + 1..k]);
            end = k;
        }
        return Some(Number {
            end,
            value: text.parse::<f64>().ok()?,
            plain_int: false,
            digits: j - i,
        });
    }
    // «3,400», «1,250,000»: groups of exactly three digits.
    while b.get(end) == Some(&b',')
        && end + 1 < b.len()
        && digit_run(b, end + 1) == end + 4
        && b.get(end + 4) != Some(&b'.')
    {
        text.push_str(&t[end + 1..end + 4]);
        end += 4;
        plain_int = false;
    }
    if let Some(&sep) = b.get(end)
        && (sep == b'.' || sep == b',')
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        // «35.1», «42,1» (a comma not followed by exactly three digits is a decimal comma).
        let k = digit_run(b, end + 1);
        text.push('.');
        text.push_str(&t[end + 1..k]);
        end = k;
        plain_int = false;
    } else if t[end..].starts_with('ر') && b.get(end + 2).is_some_and(u8::is_ascii_digit) {
        // News-wire decimals: «6ر22» is 22.6 (fraction first in logical order).
        let k = digit_run(b, end + 2);
        if !char_at(t, k).is_some_and(is_word_char) {
            let frac = &t[i..j];
            text = format!("{}.{frac}", &t[end + 2..k]);
            end = k;
            plain_int = false;
        }
    }
    let value = text.parse::<f64>().ok()?;
    Some(Number {
        end,
        value,
        plain_int,
        digits: j - i,
    })
}

/// «مليار ونصف المليار», «ملياران و300 مليون», «12مليارا و40مليون»: what a figure with scale
/// `mult` ending at `at` adds (a half, or a smaller number with its scale), and where it ends.
fn compound_tail(t: &str, at: usize, mult: f64) -> (usize, f64) {
    let Some((s, e)) = next_word(t, at) else {
        return (at, 0.0);
    };
    let w = &t[s..e];
    // «ونصف», «و نصف», then maybe «المليار».
    let half_end = match w {
        "ونصف" => Some(e),
        "و" => next_word(t, e)
            .filter(|&(a, b)| &t[a..b] == "نصف")
            .map(|(_, b)| b),
        _ => None,
    };
    if let Some(mut end) = half_end {
        if let Some((a, b)) = next_word(t, end)
            && t[a..b]
                .strip_prefix("ال")
                .is_some_and(|r| scale(r).is_some_and(|(m, _)| m == mult))
        {
            end = b;
        }
        return (end, mult / 2.0);
    }
    // «و300 مليون», «و 300 مليون», «و40مليون».
    let digits_at = if w == "و" {
        skip_spaces(t, e)
    } else if let Some(rest) = w.strip_prefix('و')
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        s + 'و'.len_utf8()
    } else {
        return (at, 0.0);
    };
    let Some(n) = t
        .as_bytes()
        .get(digits_at)
        .filter(|b| b.is_ascii_digit())
        .and_then(|_| parse_number(t, digits_at))
    else {
        return (at, 0.0);
    };
    match next_word(t, n.end) {
        Some((a, b))
            if (a == n.end || a == n.end + 1)
                && scale(&t[a..b]).is_some_and(|(m, dual)| !dual && m < mult) =>
        {
            let (m, _) = scale(&t[a..b]).unwrap_or((1.0, false));
            (b, n.value * m)
        }
        _ => (at, 0.0),
    }
}

/// What follows a number: (end, kind, multiplier, amount added by a compound).
fn units(t: &str, at: usize) -> Option<(usize, Option<Kind>, f64, f64)> {
    let mut end = at;
    let mut mult = 1.0;
    let mut kind = None;
    // Glued suffixes: «2004م», «1446هـ», «10مليارات».
    let glued = word_end(t, at);
    if glued > at {
        let w = &t[at..glued];
        match w {
            "م" | "ه" => return Some((glued, Some(Kind::Date), 1.0, 0.0)),
            _ if scale(w).is_some() || currency_word(w) => {}
            _ => return None,
        }
    }
    let p = skip_spaces(t, end);
    if t[p..].starts_with('%') {
        return Some((p + 1, Some(Kind::Percent), 1.0, 0.0));
    }
    if let Some((s, e)) = next_word(t, end)
        && let Some((m, dual)) = scale(&t[s..e])
        && !dual
    {
        mult = m;
        end = e;
        // «13 ألف مليار دينار»: a larger scale right after multiplies (13e12).
        if let Some((s2, e2)) = next_word(t, end)
            && let Some((m2, false)) = scale(&t[s2..e2])
            && m2 > m
        {
            mult = m * m2;
            end = e2;
        }
    }
    let (tail_end, add) = if mult > 1.0 {
        compound_tail(t, end, mult)
    } else {
        (end, 0.0)
    };
    end = tail_end;
    let p = skip_spaces(t, end);
    if let Some(sym) = t[p..].chars().next()
        && matches!(sym, '$' | '€' | '£')
    {
        return Some((p + sym.len_utf8(), Some(Kind::Money), mult, add));
    }
    if let Some((s, e)) = next_word(t, end) {
        let w = &t[s..e];
        if currency_word(w) {
            end = e;
            kind = Some(Kind::Money);
            if let Some((s2, e2)) = next_word(t, end)
                && currency_adjective(&t[s2..e2])
            {
                end = e2;
            }
        } else if mult == 1.0 {
            if w == "في"
                && let Some((s2, e2)) = next_word(t, e)
                && matches!(&t[s2..e2], "المئه" | "المائه")
            {
                return Some((e2, Some(Kind::Percent), 1.0, 0.0));
            }
            if matches!(w, "بالمئه" | "بالمائه") {
                return Some((e, Some(Kind::Percent), 1.0, 0.0));
            }
        }
    }
    Some((end, kind, mult, add))
}

/// Letters glued before a number must be a clitic («و30», «ب5»), and a Latin letter, hyphen or dot
/// glued before it makes it part of a model name («GPT-4», «S25»).
fn left_ok(t: &str, i: usize) -> bool {
    match char_before(t, i) {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some('-' | '.' | '_' | '/') => {
            let before = i - 1;
            !char_before(t, before).is_some_and(|c| c.is_ascii_alphanumeric())
        }
        Some(c) if is_arabic_letter(c) => {
            clitic_before(t, i).is_some_and(|p| !p.is_empty()) || glued_word(t, i).is_some()
        }
        Some(c) => !is_word_char(c),
    }
}

/// «بنحو500 مليون», «بين10 إلى15», «إلى70 ألف»: a figure's lead word or a preposition glued to
/// its digits (Arabic-Indic digits are often typed so). The glued word's start (after a clitic)
/// and whether it belongs to the figure's span (a lead word does, a preposition does not).
fn glued_word(t: &str, i: usize) -> Option<(usize, bool)> {
    let run = t[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_arabic_letter(c))
        .last()
        .map(|(k, _)| k)?;
    let w = &t[run..i];
    let (off, stem) = lead_stem(w);
    if matches!(stem, "نحو" | "حوالي" | "قرابه" | "زهاء" | "بين") {
        return Some((run + off, true));
    }
    matches!(w, "الي" | "حتي" | "في" | "من" | "بين").then_some((run, false))
}

/// Words before `pos`, nearest first, up to three, with their starts.
fn words_before(t: &str, pos: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(3);
    let mut p = pos;
    while out.len() < 3 {
        match prev_word(t, p) {
            Some((s, e)) => {
                out.push((s, &t[s..e]));
                p = s;
            }
            None => break,
        }
    }
    out
}

/// A word with one glued conjunction/preposition (و ب ل ف) removed when what remains is a word
/// that leads a figure: (offset of the stem, stem).
fn lead_stem(w: &str) -> (usize, &str) {
    for c in ["و", "ب", "ل", "ف"] {
        if let Some(rest) = w.strip_prefix(c)
            && figure_lead_word(rest)
        {
            return (c.len(), rest);
        }
    }
    (0, w)
}

/// Extend `start` left over approximation words; returns the new start.
fn approx_start(t: &str, start: usize) -> usize {
    let before = words_before(t, start);
    let words: Vec<&str> = before
        .iter()
        .enumerate()
        .map(|(i, (_, w))| {
            if i == 0 || i + 1 == before.len() {
                lead_stem(w).1
            } else {
                w
            }
        })
        .collect();
    // The farthest word of the approximation may carry a clitic; try each length.
    for n in (1..=words.len()).rev() {
        let mut ws: Vec<&str> = before[..n].iter().map(|(_, w)| *w).collect();
        let (off, stem) = lead_stem(ws[n - 1]);
        ws[n - 1] = stem;
        if approximation(&ws) == n {
            return before[n - 1].0 + off;
        }
    }
    start
}

/// Every figure in the normalized text `t`, plus those starting at the bare scale words given
/// (from the name automaton): sorted, possibly overlapping names (resolved by the caller).
pub fn find(t: &str, bare: &[(usize, usize)], out: &mut Vec<Figure>) {
    let b = t.as_bytes();
    let mut bare = bare.iter().peekable();
    let mut i = 0;
    loop {
        let d = next_digit(b, i);
        // Figures that start with a scale word before the next digit.
        while let Some(&&(s, e)) = bare.peek() {
            if s >= d {
                break;
            }
            bare.next();
            if s >= i
                && let Some(f) = bare_figure(t, s, e)
            {
                i = i.max(f.end);
                out.push(f);
            }
        }
        if d >= b.len() {
            break;
        }
        if d < i {
            continue; // swallowed by a bare figure; look again from its end
        }
        if d > 0 && b[d - 1].is_ascii_digit() {
            i = digit_run(b, d);
            continue;
        }
        match figure_at(t, d) {
            Some(f) => {
                i = f.end.max(d + 1);
                out.push(f);
            }
            None => i = digit_run(b, d),
        }
    }
    spelled_percents(t, out);
    // Approximations and ranges extend figures to the left: keep them ordered by start.
    out.sort_by_key(|f| f.start);
    elliptic_money(t, out);
}

fn next_digit(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(b.len(), |p| from + p)
}

fn figure_at(t: &str, i: usize) -> Option<Figure> {
    if !left_ok(t, i) {
        return None;
    }
    // «الجيل الـ3», «الجيل الرابع»: a generation of a network is part of its name.
    let before = t[..i].trim_end_matches(' ');
    if before.ends_with("الجيل ال") || before.ends_with("الجيل") {
        return None;
    }
    // «كوفيد-19», «رؤية 2030», «المغرب الرقمي 2030»: a number closing the name of a disease, a
    // vision or a plan is part of the name.
    let before = before.trim_end_matches('-');
    if before.ends_with("كوفيد") || before.ends_with("رؤيه") || before.ends_with("الرقمي")
    {
        return None;
    }
    let num = parse_number(t, i)?;
    if char_at(t, num.end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None; // «5G», «4o», «10GB»
    }
    // «مؤتمر LEAP 2025», «معرض GITEX 2024», «Expo 2020»: a year closing a Latin name is the
    // name's (not «Q1 2025», not a Latin month).
    if num.plain_int
        && num.digits == 4
        && let Some((ps, pe)) = prev_word(t, i)
        && latin_name_word(&t[ps..pe])
    {
        return None;
    }
    let glued = glued_word(t, i).filter(|&(_, lead)| lead);
    let mut start = glued.map_or(i, |(s, _)| s);
    let mut value = num.value;
    let mut kind = None;
    // Currency sign or percent sign before the number: «$100», «%20».
    if let Some(c) = char_before(t, i) {
        let sym_at = if is_space(c) { i - c.len_utf8() } else { i };
        match char_before(t, sym_at) {
            Some(s @ ('$' | '€' | '£')) => {
                start = sym_at - s.len_utf8();
                kind = Some(Kind::Money);
            }
            Some('%') if !char_before(t, sym_at - 1).is_some_and(|c| c.is_ascii_digit()) => {
                start = sym_at - 1;
                kind = Some(Kind::Percent);
            }
            _ => {}
        }
    }
    // A range: «13 إلى 16%», «بين 20 و30 مليار دولار», «20-30».
    let mut second = None;
    if let Some((s, e)) = range_second(t, num.end) {
        second = Some((s, e));
    }
    if second.is_none()
        && let Some(f) = range_with_units_first(t, start, &num, kind)
    {
        return Some(f);
    }
    let (uend, ukind, mult, add) = units(t, second.map_or(num.end, |(_, e)| e))?;
    let ranged = second.is_some()
        && (ukind.is_some()
            || mult != 1.0
            || prev_word(t, i).is_some_and(|(s, e)| lead_stem(&t[s..e]).1 == "بين")
            || glued.is_some_and(|(s, _)| t[s..i].ends_with("بين")));
    if let Some((s2, e2)) = second
        && ukind.is_none()
        && mult == 1.0
        && let Some(mut f) = day_range(t, start, &num, s2, e2)
    {
        // «بين 25 و27 أغسطس»: «بين» belongs to a range.
        if let Some((ps, pe)) = prev_word(t, start)
            && lead_stem(&t[ps..pe]).1 == "بين"
        {
            f.start = ps + lead_stem(&t[ps..pe]).0;
        }
        return Some(f);
    }
    if let Some((s2, e2)) = second
        && let Some(f) = year_range(t, start, &num, s2, e2)
    {
        return Some(f);
    }
    if second.is_some() && !ranged {
        let (e, k, m, a) = units(t, num.end)?;
        return finish(t, start, &num, e, k.or(kind), m != 1.0, value * m + a);
    }
    if ranged {
        let end = uend;
        if let Some((ps, pe)) = prev_word(t, start)
            && lead_stem(&t[ps..pe]).1 == "بين"
        {
            start = ps + lead_stem(&t[ps..pe]).0;
        }
        value *= mult;
        let kind = ukind.or(kind).unwrap_or(Kind::Number);
        let start = approx_start(t, start);
        return Some(Figure {
            start,
            end,
            kind,
            value: Some(value),
            iso: None,
        });
    }
    finish(
        t,
        start,
        &num,
        uend,
        ukind.or(kind),
        mult != 1.0,
        value * mult + add,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    t: &str,
    start: usize,
    num: &Number,
    end: usize,
    kind: Option<Kind>,
    scaled: bool,
    value: f64,
) -> Option<Figure> {
    let year_like = num.plain_int && num.digits == 4 && (1900.0..=2100.0).contains(&value);
    if let Some(k) = kind {
        let (start, iso) = if k == Kind::Date {
            // «2004م» is a Gregorian year; «1446هـ» a Hijri one, with no ISO value.
            let gregorian = t[..end].ends_with('م') && year_like;
            match dates::year_back(t, start, value as u32).filter(|_| gregorian) {
                Some((s, iso)) => (s, Some(iso)),
                None => (
                    start,
                    gregorian.then(|| dates::iso(Some(value as u32), None, None)),
                ),
            }
        } else {
            (approx_start(t, start), None)
        };
        return Some(Figure {
            start,
            end,
            kind: k,
            value: Some(value),
            iso,
        });
    }
    if scaled {
        return Some(Figure {
            start: approx_start(t, start),
            end,
            kind: Kind::Number,
            value: Some(value),
            iso: None,
        });
    }
    // Day + month (+ year): «15 يوليو 2025», «12 من شهر أبريل».
    if num.plain_int
        && num.digits <= 2
        && let Some(d) = dates::day_first(t, start, num.end, value)
    {
        return Some(Figure {
            start: d.start,
            end: d.end,
            kind: Kind::Date,
            value: Some(d.value),
            iso: Some(d.iso),
        });
    }
    if year_like && let Some((ds, iso)) = dates::year_back(t, start, value as u32) {
        return Some(Figure {
            start: ds,
            end,
            kind: Kind::Date,
            value: Some(value),
            iso: Some(iso),
        });
    }
    let astart = approx_start(t, start);
    let kind = if year_like && astart == start {
        Kind::Date
    } else {
        Kind::Number
    };
    Some(Figure {
        start: astart,
        end,
        kind,
        value: Some(value),
        iso: (kind == Kind::Date).then(|| dates::iso(Some(value as u32), None, None)),
    })
}

/// The second number of a range after the first one ends at `at`: (start, end of its digits).
fn range_second(t: &str, at: usize) -> Option<(usize, usize)> {
    let p = skip_spaces(t, at);
    let rest = &t[p..];
    let after = if let Some(r) = rest.strip_prefix('و') {
        // «و2015», «و 2015».
        skip_spaces(t, p + (rest.len() - r.len()))
    } else if let Some(r) = rest
        .strip_prefix("الي")
        .or_else(|| rest.strip_prefix("حتي"))
    {
        // «إلى15»: digits may be glued to it, letters may not («إليها»).
        if char_at(r, 0).is_some_and(|c| is_word_char(c) && !c.is_ascii_digit()) {
            return None;
        }
        skip_spaces(t, p + (rest.len() - r.len()))
    } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) {
        skip_spaces(t, p + (rest.len() - r.len()))
    } else {
        return None;
    };
    let b = t.as_bytes();
    if !b.get(after).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let n = parse_number(t, after)?;
    Some((after, n.end))
}

/// A figure that starts with a scale word: «مليار دولار» = 1e9, «ملياري دولار» = 2e9,
/// «عشرة مليارات» = 1e10 (plural scale words need a number word before them).
fn bare_figure(t: &str, s: usize, e: usize) -> Option<Figure> {
    let w = &t[s..e];
    let (m, dual) = scale(w)?;
    let mut singular = bare_scale(w).is_some();
    let mut value = if dual { 2.0 * m } else { m };
    let mut start = s;
    if let Some((ps, pe)) = prev_word(t, s) {
        let pw = &t[ps..pe];
        if pw.bytes().all(|c| c.is_ascii_digit()) {
            return None; // «10 مليارات» belongs to the number
        }
        // «نصف مليار» = 5e8.
        if let Some(off) = ["نصف", "بنصف", "ونصف"]
            .iter()
            .find(|h| pw == **h)
            .map(|h| h.len() - "نصف".len())
            && !dual
        {
            value = m / 2.0;
            start = ps + off;
            singular = true;
        }
        // «ومائة مليار», «بمائة مليار درهم»: a conjunction or preposition glued to the number.
        let (off, stem) = match pw
            .strip_prefix('و')
            .or_else(|| pw.strip_prefix('ب'))
            .or_else(|| pw.strip_prefix('ل'))
        {
            Some(rest) if number_word(rest).is_some() => (pw.len() - rest.len(), rest),
            _ => (0, pw),
        };
        if let Some(n) = number_word(stem)
            && !dual
        {
            value = n * m;
            start = ps + off;
        }
    }
    if start == s && !singular {
        return None;
    }
    let (tail, add) = compound_tail(t, e, m);
    value += add;
    let (end, kind, _, _) = units(t, tail)?;
    match kind {
        Some(Kind::Money) => {}
        Some(_) => return None,
        None if m == 1e3 && start == s && !dual => return None, // «ألف» alone is also a verb
        None => {}
    }
    Some(Figure {
        start: approx_start(t, start),
        end,
        kind: kind.unwrap_or(Kind::Number),
        value: Some(value),
        iso: None,
    })
}

/// «سبعة بالمئة», «عشرة في المائة»: a spelled number before a percent word.
fn spelled_percents(t: &str, out: &mut Vec<Figure>) {
    // Both «المئة» and «المائة» end in «ئه»: most texts have neither.
    if !t.contains("ئه") {
        return;
    }
    for word in ["بالمئه", "بالمائه", "في المئه", "في المائه"] {
        let mut from = 0;
        while let Some(p) = t[from..].find(word).map(|p| from + p) {
            from = p + word.len();
            let end = p + word.len();
            if char_at(t, end).is_some_and(is_word_char)
                || char_before(t, p).is_some_and(is_word_char)
            {
                continue;
            }
            let Some((s, e)) = prev_word(t, p) else {
                continue;
            };
            let w = &t[s..e];
            let (off, n) = match number_word(w) {
                Some(n) => (0, n),
                None => match w.strip_prefix('و').and_then(number_word) {
                    Some(n) => ('و'.len_utf8(), n),
                    None => continue,
                },
            };
            if out.iter().any(|f| f.start < end && s < f.end) {
                continue;
            }
            out.push(Figure {
                start: s + off,
                end,
                kind: Kind::Percent,
                value: Some(n),
                iso: None,
            });
        }
    }
}

/// «ثم 10 مليارات أخرى» after money: the currency is understood, so it is money too.
fn elliptic_money(t: &str, figs: &mut [Figure]) {
    let mut last_money: Option<usize> = None;
    for f in figs.iter_mut() {
        if f.kind == Kind::Money {
            last_money = Some(f.end);
            continue;
        }
        if f.kind != Kind::Number || !has_scale(t, f) {
            continue;
        }
        let follows =
            next_word(t, f.end).is_some_and(|(s, e)| matches!(&t[s..e], "اخري" | "اضافيه"));
        if follows && last_money.is_some_and(|m| f.start - m.min(f.start) < 400) {
            f.kind = Kind::Money;
        }
    }
}

fn has_scale(t: &str, f: &Figure) -> bool {
    t[f.start..f.end]
        .split(|c: char| !is_word_char(c))
        .any(|w| scale(w).is_some())
}

/// «بين 565 مليون ريال و592 مليونا»: after «بين», a first end written with its scale and
/// currency and a second one after «و»; one figure with the first end's value.
fn range_with_units_first(
    t: &str,
    start: usize,
    num: &Number,
    kind: Option<Kind>,
) -> Option<Figure> {
    let (ps, pe) = prev_word(t, start)?;
    let (off, stem) = lead_stem(&t[ps..pe]);
    if stem != "بين" {
        return None;
    }
    let (e1, k1, m1, a1) = units(t, num.end)?;
    if e1 == num.end {
        return None;
    }
    let (s2, e2) = range_second(t, e1)?;
    if !t[e1..s2].contains('و') {
        return None;
    }
    let (end, k2, _, _) = units(t, e2)?;
    Some(Figure {
        start: ps + off,
        end,
        kind: k1.or(k2).or(kind).unwrap_or(Kind::Number),
        value: Some(num.value * m1 + a1),
        iso: None,
    })
}

/// «من 4 إلى 6 يونيو 2014», «25 و27 أغسطس»: two days sharing the month (and year) written
/// after the second are one date span, valued as the first day.
fn day_range(t: &str, start: usize, first: &Number, s2: usize, e2: usize) -> Option<Figure> {
    if !first.plain_int || first.digits > 2 || !(1.0..=31.0).contains(&first.value) {
        return None;
    }
    let second = parse_number(t, s2)?;
    if !second.plain_int || second.digits > 2 || second.value <= first.value {
        return None;
    }
    let d = dates::day_first(t, s2, e2, second.value)?;
    // The ISO value ends with the day: swap in the first one.
    let iso = format!("{}{:02}", &d.iso[..d.iso.len() - 2], first.value as u32);
    let value = if d.value == second.value {
        first.value
    } else {
        d.value
    };
    Some(Figure {
        start,
        end: d.end,
        kind: Kind::Date,
        value: Some(value),
        iso: Some(iso),
    })
}

/// «بين عامي 2013 و2015», «خلال عامي 2023 و 2024»: two years after the dual «عامي» are one
/// date span, valued as the first.
fn year_range(t: &str, start: usize, first: &Number, s2: usize, e2: usize) -> Option<Figure> {
    let year = |n: &Number| n.plain_int && n.digits == 4 && (1900.0..=2100.0).contains(&n.value);
    let second = parse_number(t, s2)?;
    if !year(first) || !year(&second) || second.end != e2 {
        return None;
    }
    let (ws, we) = prev_word(t, start)?;
    let (off, stem) = lead_stem(&t[ws..we]);
    if !matches!(stem, "عامي" | "سنتي") {
        return None;
    }
    let mut from = ws + off;
    if let Some((ps, pe)) = prev_word(t, ws)
        && lead_stem(&t[ps..pe]).1 == "بين"
    {
        from = ps + lead_stem(&t[ps..pe]).0;
    }
    Some(Figure {
        start: from,
        end: e2,
        kind: Kind::Date,
        value: Some(first.value),
        iso: Some(dates::iso(Some(first.value as u32), None, None)),
    })
}

/// A Latin word of three letters or more (case is folded by now) that is not a month or an
/// English function word («LEAP», «Expo»; not «March», «since»).
fn latin_name_word(w: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = w.to_ascii_lowercase();
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && !MONTHS.iter().any(|m| w.starts_with(m))
        && !matches!(
            w.as_str(),
            "the" | "and" | "for" | "from" | "since" | "until" | "year" | "fiscal" | "end"
        )
}
