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
    scale, year_word,
};
use super::scan::{
    char_at, char_before, clitic_before, is_arabic_letter, is_space, is_word_char, next_word,
    prev_word, skip_spaces, stems, word_end,
};
use super::wordtable::WordTable;

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
    // «6.500 مركبة», «نحو 90.904 شركات»: one group of three digits before a counted noun is
    // thousands too — a count of vehicles or companies has no fraction. A scale, currency,
    // percent or unit after it («4.675 مليون», «0.540 دينار», «12.345 نقطة») keeps the decimal.
    if dot_group(end)
        && b[i] != b'0'
        && !b
            .get(end + 4)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
        && counted_noun_after(t, end + 4)
    {
        text.push_str(&t[end + 1..end + 4]);
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
    // «3,400», «1,250,000», «1,514.5»: groups of exactly three digits, before a decimal point
    // or a full stop too; only a dot group after them («1,234.567») makes the comma ambiguous.
    let dot_then_three =
        |at: usize| b.get(at) == Some(&b'.') && at + 1 < b.len() && digit_run(b, at + 1) == at + 4;
    while b.get(end) == Some(&b',')
        && end + 1 < b.len()
        && digit_run(b, end + 1) == end + 4
        && !dot_then_three(end + 4)
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

/// A plain Arabic noun right after `at` (one space) that counts things: not a scale, currency,
/// percent word, unit of measure or time, preposition or month.
fn counted_noun_after(t: &str, at: usize) -> bool {
    let Some((s, e)) = next_word(t, at).filter(|&(s, _)| s == at + 1) else {
        return false;
    };
    let w = &t[s..e];
    let unit = matches!(
        w,
        "كيلومتر"
            | "كيلومترا"
            | "كلم"
            | "كم"
            | "متر"
            | "مترا"
            | "امتار"
            | "ميل"
            | "اميال"
            | "طن"
            | "اطنان"
            | "لتر"
            | "لترا"
            | "غرام"
            | "كغ"
            | "كيلوغرام"
            | "هكتار"
            | "هكتارا"
            | "ميغاواط"
            | "ميجاواط"
            | "ميجاوات"
            | "جيجاوات"
            | "غيغاواط"
            | "كيلوواط"
            | "ميغابت"
            | "ميجابت"
            | "جيجابت"
            | "جيجابايت"
            | "غيغابايت"
            | "ميغابايت"
            | "بوصه"
            | "انش"
            | "قدم"
            | "درجه"
            | "نقطه"
            | "نقاط"
            | "مره"
            | "مرات"
            | "ضعف"
            | "اضعاف"
            | "ساعه"
            | "ساعات"
            | "دقيقه"
            | "دقائق"
            | "ثانيه"
            | "ثوان"
            | "يوم"
            | "ايام"
            | "يوما"
            | "شهر"
            | "اشهر"
            | "شهرا"
            | "سنه"
            | "سنوات"
            | "عام"
            | "اعوام"
            | "عاما"
            | "في"
            | "بالمئه"
            | "بالمائه"
            | "بالمىه"
            | "مقابل"
            | "من"
            | "الي"
            | "او"
    );
    w.chars().count() >= 3
        && w.chars().all(is_arabic_letter)
        && !unit
        && scale(w).is_none()
        && !currency_word(w)
        && !currency_adjective(w)
        && dates::month_name(w).is_none()
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
        Some((a, b)) if a == n.end || a == n.end + 1 => {
            // «738مليوندرهم»: the currency glued to the scale ends the scale word early.
            let b = scale_glued_to_currency(&t[a..b]).map_or(b, |len| a + len);
            match scale(&t[a..b]) {
                // «133 ملياراً و688 مليوناً و237 ألفاً و459 ليرة»: each smaller part may have
                // its own tail.
                Some((m, false)) if m < mult => {
                    let (end, more) = compound_tail(t, b, m);
                    (end, n.value * m + more)
                }
                // «… و237 ألفاً و459 ليرة»: a last part with no scale, before its currency,
                // is units (after a scale word only, so «2020 و2021» stay apart).
                None if currency_word(&t[a..b]) && n.value < mult => (n.end, n.value),
                _ => (at, 0.0),
            }
        }
        _ => (at, 0.0),
    }
}

/// «ر.ق», «د.إ», «ج.م»: a currency abbreviated with a dot (normalized), not followed by a
/// letter; its length.
fn currency_abbreviation(rest: &str) -> Option<usize> {
    const ABBREVIATIONS: [&str; 14] = [
        "ر.ق", "ر.س", "ر.ع", "د.ا", "د.ك", "د.ب", "د.ج", "د.ت", "د.م", "د.ل", "د.ع", "ج.م", "ل.س",
        "ل.ل",
    ];
    let a = ABBREVIATIONS.iter().find(|a| rest.starts_with(**a))?;
    (!char_at(rest, a.len()).is_some_and(is_word_char)).then_some(a.len())
}

/// «مليوندرهم»: a scale word with a currency word glued after it (a missing space, common in
/// some outlets' copy): the scale word's length.
fn scale_glued_to_currency(w: &str) -> Option<usize> {
    if scale(w).is_some() || currency_word(w) {
        return None;
    }
    w.char_indices()
        .skip(3)
        .map(|(k, _)| k)
        .find(|&k| scale(&w[..k]).is_some() && currency_word(&w[k..]))
}

/// What follows a number: (end, kind, multiplier, amount added by a compound).
fn units(t: &str, at: usize) -> Option<(usize, Option<Kind>, f64, f64)> {
    let mut end = at;
    let mut mult = 1.0;
    let mut kind = None;
    // Glued suffixes: «2004م», «1446هـ», «10مليارات».
    let mut glued = word_end(t, at);
    let split = scale_glued_to_currency(&t[at..glued]);
    if let Some(len) = split {
        glued = at + len;
    }
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
    if let Some((s, e)) =
        next_word(t, end).map(|(s, e)| (s, split.filter(|_| s == at).map_or(e, |len| at + len)))
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
    if let Some(len) = currency_abbreviation(&t[p..]) {
        return Some((p + len, Some(Kind::Money), mult, add));
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

/// Words before `pos`, nearest first, up to three, with their starts (an array: this runs for
/// every figure, and a `Vec` was an allocation each time).
fn words_before<'a>(t: &'a str, table: &WordTable, pos: usize) -> ([(usize, &'a str); 3], usize) {
    let mut out = [(0, ""); 3];
    let mut n = 0;
    let mut p = pos;
    while n < 3 {
        match table.prev_word(t, p) {
            Some((s, e)) => {
                out[n] = (s, &t[s..e]);
                n += 1;
                p = s;
            }
            None => break,
        }
    }
    (out, n)
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
fn approx_start(t: &str, table: &WordTable, start: usize) -> usize {
    let (before, len) = words_before(t, table, start);
    // The farthest word of the approximation may carry a clitic; try each length.
    for n in (1..=len).rev() {
        let mut ws = [""; 3];
        for (w, &(_, b)) in ws.iter_mut().zip(&before[..n]) {
            *w = b;
        }
        let (off, stem) = lead_stem(ws[n - 1]);
        ws[n - 1] = stem;
        if approximation(&ws[..n]) == n {
            return before[n - 1].0 + off;
        }
    }
    start
}

/// Every figure in the normalized text `t`, plus those starting at the bare scale words given
/// (from the name automaton): sorted, possibly overlapping names (resolved by the caller).
pub fn find(t: &str, table: &WordTable, bare: &[(usize, usize)], out: &mut Vec<Figure>) {
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
                && let Some(f) = bare_figure(t, table, s, e)
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
        if let Some(end) = clock_time(b, d) {
            i = end;
            continue;
        }
        match figure_at(t, table, d) {
            Some(f) => {
                i = f.end.max(d + 1);
                out.push(f);
            }
            None => i = digit_run(b, d),
        }
    }
    spelled_percents(t, table, out);
    // Approximations and ranges extend figures to the left: keep them ordered by start.
    out.sort_by_key(|f| f.start);
    elliptic_money(t, out);
    alternative_amounts(t, out);
}

/// «ما يقارب مليار أو 1.5 مليار درهم», «10 أو 15%»: two amounts joined by «أو» with the unit
/// written after the second are one figure, of the second's kind and valued as the first (as a
/// range is). A first end with no scale joins only a percent: «3 أو 4 ملايين» would need the
/// second's scale.
fn alternative_amounts(t: &str, figs: &mut Vec<Figure>) {
    let mut k = 0;
    while k + 1 < figs.len() {
        let (f, g) = (&figs[k], &figs[k + 1]);
        let joined = f.kind == Kind::Number
            && f.end <= g.start
            && &t[f.end..g.start] == " او "
            && match g.kind {
                Kind::Money => has_scale(t, f) && has_scale(t, g),
                Kind::Percent => !has_scale(t, f),
                _ => false,
            };
        if joined {
            let (end, kind) = (g.end, g.kind);
            figs[k].end = end;
            figs[k].kind = kind;
            figs.remove(k + 1);
        }
        k += 1;
    }
}

/// «09:03», «14:30:15»: a time of day (hours up to 24, two-digit minutes and seconds under 60)
/// is no figure; where it ends. A score or ratio with one digit after the colon («3:1») is not one.
fn clock_time(b: &[u8], d: usize) -> Option<usize> {
    let two = |at: usize| {
        (b.get(at) == Some(&b':') && digit_run(b, at + 1) == at + 3)
            .then(|| u32::from(b[at + 1] - b'0') * 10 + u32::from(b[at + 2] - b'0'))
            .filter(|&v| v < 60)
    };
    if d > 0 && matches!(b[d - 1], b':' | b'.' | b',') {
        return None;
    }
    let j = digit_run(b, d);
    let hour: u32 = std::str::from_utf8(&b[d..j]).ok()?.parse().ok()?;
    if j - d > 2 || hour > 24 {
        return None;
    }
    two(j)?;
    let end = if two(j + 3).is_some() { j + 6 } else { j + 3 };
    (!matches!(b.get(end), Some(b':' | b'0'..=b'9'))).then_some(end)
}

fn next_digit(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(b.len(), |p| from + p)
}

fn figure_at(t: &str, table: &WordTable, i: usize) -> Option<Figure> {
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
    if legal_identifier(t, i) {
        return None;
    }
    if let Some((end, iso)) = dates::numeric(t, i).or_else(|| dates::hyphenated(t, i)) {
        return Some(Figure {
            start: i,
            end,
            kind: Kind::Date,
            value: iso.get(..4).and_then(|y| y.parse().ok()),
            iso: Some(iso),
        });
    }
    let num = parse_number(t, i)?;
    if char_at(t, num.end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None; // «5G», «4o», «10GB»
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
    // «(35) مليار دولار»: a number in parentheses before its scale or currency.
    if char_before(t, i) == Some('(')
        && t[num.end..].starts_with(')')
        && let Some((e, k, m, a)) =
            units(t, num.end + 1).filter(|&(_, k, m, _)| k.is_some() || m != 1.0)
    {
        return finish(
            t,
            table,
            i - 1,
            &num,
            e,
            k.or(kind),
            m != 1.0,
            value * m + a,
        );
    }
    // A range: «13 إلى 16%», «بين 20 و30 مليار دولار», «20-30».
    let mut second = None;
    if let Some((s, e)) = range_second(t, num.end) {
        second = Some((s, e));
    }
    // «من 3 ملايين جهاز في عام 2024 إلى 10 ملايين جهاز»: a year named by «عام» is when, not the
    // first end of a range to a count.
    if let Some((s2, e2)) = second
        && is_year(&t[i..num.end])
        && !is_year(&t[s2..e2])
        && table
            .prev_word(t, i)
            .is_some_and(|(a, b)| year_word(&t[a..b]))
    {
        second = None;
    }
    if second.is_none()
        && let Some(f) = range_with_units_first(t, start, &num, kind)
    {
        return Some(f);
    }
    let (uend, ukind, mult, add) = units(t, second.map_or(num.end, |(_, e)| e))?;
    // «بين عامي 2013 و2015»: the year word between «بين» and the first year.
    let year_word_before = table.prev_word(t, i).filter(|&(s, e)| year_word(&t[s..e]));
    let between_at = year_word_before.map_or(i, |(s, _)| s);
    let between = table
        .prev_word(t, between_at)
        .is_some_and(|(s, e)| lead_stem(&t[s..e]).1 == "بين")
        || glued.is_some_and(|(s, _)| t[s..i].ends_with("بين"));
    let ranged = second.is_some() && (ukind.is_some() || mult != 1.0 || between);
    // «Digital Now 2025», «“طيبة سات 1”»: a bare number closing a Latin name or a short
    // quoted one is the name's (a number with a scale, currency or percent stays a figure).
    if ukind.is_none()
        && mult == 1.0
        && (after_latin_word(t, i) || closes_quoted_name(t, i, num.end))
    {
        return None;
    }
    if let Some((s2, e2)) = second
        && ukind.is_none()
        && mult == 1.0
        && let Some(mut f) = day_range(t, start, &num, s2, e2)
    {
        // «بين 25 و27 أغسطس»: «بين» belongs to a range.
        if let Some((ps, pe)) = table.prev_word(t, start)
            && lead_stem(&t[ps..pe]).1 == "بين"
        {
            f.start = ps + lead_stem(&t[ps..pe]).0;
        }
        return Some(f);
    }
    if second.is_some() && !ranged {
        let (e, k, m, a) = units(t, num.end)?;
        return finish(
            t,
            table,
            start,
            &num,
            e,
            k.or(kind),
            m != 1.0,
            value * m + a,
        );
    }
    if ranged {
        let end = uend;
        let from = if start == i { between_at } else { start };
        if let Some((ps, pe)) = table.prev_word(t, from)
            && lead_stem(&t[ps..pe]).1 == "بين"
        {
            start = ps + lead_stem(&t[ps..pe]).0;
        }
        // Two years with nothing after them are a span of dates; its value is the first.
        let years = ukind.is_none()
            && mult == 1.0
            && [(i, num.end), second.unwrap_or((i, num.end))]
                .iter()
                .all(|&(s, e)| is_year(&t[s..e]));
        if years {
            return Some(Figure {
                start,
                end,
                kind: Kind::Date,
                value: Some(value),
                iso: Some(dates::iso(Some(value as u32), None, None)),
            });
        }
        value *= mult;
        let kind = ukind.or(kind).unwrap_or(Kind::Number);
        let start = approx_start(t, table, start);
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
        table,
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
    table: &WordTable,
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
            (approx_start(t, table, start), None)
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
            start: approx_start(t, table, start),
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
        // «23 يونيو إلى 2 يوليوز 2024»: a range across months is one span, valued as its first
        // day (with the year written at its end).
        let (end, iso, value) = match dates::across_months(t, &d) {
            Some((end, iso, value)) => (end, iso, value),
            None => (d.end, d.iso, d.value),
        };
        return Some(Figure {
            start: d.start,
            end,
            kind: Kind::Date,
            value: Some(value),
            iso: Some(iso),
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
    let astart = approx_start(t, table, start);
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

/// The word before the number at `i` (a space between) is a Latin word: the number ends a name
/// or a model («Windows 11», «GITEX Global 2024»; the text is lowercased, so no capital to ask).
fn after_latin_word(t: &str, i: usize) -> bool {
    let Some((s, e)) = prev_word(t, i) else {
        return false;
    };
    let w = &t[s..e];
    e < i
        && t[e..i].bytes().all(|b| b == b' ')
        && w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_alphanumeric())
        && w.bytes().any(|b| b.is_ascii_alphabetic())
        // A quarter, a half or a fiscal year names a time, not a product: «Q1 2025», «FY 2024».
        && !matches!(w, "q1" | "q2" | "q3" | "q4" | "h1" | "h2" | "fy" | "since" | "in")
}

/// The number `i..end` is the last word of a short quoted name: a closing quote right after
/// it, and an opening one at most three words before with letters between («“طيبة سات 1”»).
fn closes_quoted_name(t: &str, i: usize, end: usize) -> bool {
    if !matches!(char_at(t, end), Some('”' | '»' | '"')) {
        return false;
    }
    let mut p = i;
    for _ in 0..3 {
        let Some((s, _)) = prev_word(t, p) else {
            return false;
        };
        if matches!(char_before(t, s), Some('“' | '«' | '"')) {
            return t[s..i].chars().any(is_arabic_letter)
                || t[s..i].chars().any(|c| c.is_ascii_alphabetic());
        }
        if t[s..p].contains(['”', '»', '"', '.', '،', ',']) {
            return false;
        }
        p = s;
    }
    false
}

/// «المرسوم 22-384», «القانون 18/04»: numbers joined by a hyphen or a slash after the name of a
/// legal text are its reference, not figures.
fn legal_identifier(t: &str, i: usize) -> bool {
    let joint = |c: char| matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}');
    let mut s = i;
    while let Some(c) = char_before(t, s).filter(|&c| c.is_ascii_digit() || joint(c)) {
        s -= c.len_utf8();
    }
    let mut e = i;
    while let Some(c) = char_at(t, e).filter(|&c| c.is_ascii_digit() || joint(c)) {
        e += c.len_utf8();
    }
    let chain = t[s..e].trim_matches(joint);
    // «قرار 2020-2021»: two years are a span of time, not a reference.
    if !chain.contains(joint)
        || chain.split(joint).any(str::is_empty)
        || chain.split(joint).all(is_year)
    {
        return false;
    }
    prev_word(t, s).is_some_and(|(a, b)| {
        let w = &t[a..b];
        stems(w).any(|o| {
            matches!(
                &w[o..],
                "مرسوم"
                    | "المرسوم"
                    | "قانون"
                    | "القانون"
                    | "قرار"
                    | "القرار"
                    | "ظهير"
                    | "الظهير"
                    | "منشور"
                    | "المنشور"
            )
        })
    })
}

/// Four digits that can be a year of the news (1900–2100).
fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The second number of a range after the first one ends at `at`: (start, end of its digits).
fn range_second(t: &str, at: usize) -> Option<(usize, usize)> {
    let p = skip_spaces(t, at);
    let after = match t[p..].strip_prefix('و') {
        // «و2015», «و 2015»
        Some(r) => skip_spaces(t, p + (t.len() - p - r.len())),
        None => dates::range_to(t, at)?,
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
fn bare_figure(t: &str, table: &WordTable, s: usize, e: usize) -> Option<Figure> {
    let w = &t[s..e];
    let (m, dual) = scale(w)?;
    // «التوسع المليوني», «الدعم المليوني»: with the article the dual's form is an adjective (of
    // millions), not two millions.
    if dual && t[..s].ends_with("ال") {
        return None;
    }
    let mut singular = bare_scale(w).is_some();
    let mut value = if dual { 2.0 * m } else { m };
    let mut start = s;
    if let Some((ps, pe)) = table.prev_word(t, s) {
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
        start: approx_start(t, table, start),
        end,
        kind: kind.unwrap_or(Kind::Number),
        value: Some(value),
        iso: None,
    })
}

/// «سبعة بالمئة», «عشرة في المائة»: a spelled number before a percent word.
fn spelled_percents(t: &str, table: &WordTable, out: &mut Vec<Figure>) {
    // Every word ends in «ئه»: the words of the table that do, instead of a search for each
    // (one ending inside a word would be dropped below). The hits are taken word by word, as
    // the searches for each word used to give them.
    const WORDS: [&str; 4] = ["بالمئه", "بالمائه", "في المئه", "في المائه"];
    let mut hits: Vec<(usize, usize)> = table
        .words
        .iter()
        .filter(|w| t[w.s..w.e].ends_with("ئه"))
        .filter_map(|w| {
            let end = w.e;
            let k = WORDS.iter().position(|w| t[..end].ends_with(w))?;
            Some((k, end - WORDS[k].len()))
        })
        .collect();
    hits.sort_unstable();
    for (k, p) in hits {
        let word = WORDS[k];
        let end = p + word.len();
        if char_at(t, end).is_some_and(is_word_char) || char_before(t, p).is_some_and(is_word_char)
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

#[cfg(test)]
mod tests {
    use super::{Figure, Kind, find};
    use crate::entities::normalize::normalize_str;

    /// The figures of `text` (normalized, as the recognizer gives it): (span, kind, ISO, value).
    fn figures(text: &str) -> Vec<(String, Kind, Option<String>, Option<f64>)> {
        let t = normalize_str(text);
        let mut out: Vec<Figure> = Vec::new();
        find(&t, &super::WordTable::new(&t), &[], &mut out);
        out.into_iter()
            .map(|f| (t[f.start..f.end].to_string(), f.kind, f.iso, f.value))
            .collect()
    }

    fn one(text: &str, span: &str, kind: Kind, iso: Option<&str>, value: f64) {
        assert_eq!(
            figures(text),
            vec![(
                normalize_str(span),
                kind,
                iso.map(str::to_string),
                Some(value)
            )],
            "{text}"
        );
    }

    #[test]
    fn a_date_with_min_am_before_its_year_is_one_span() {
        one(
            "وانتهت في 30 سبتمبر من عام 2023 المرحلة",
            "30 سبتمبر من عام 2023",
            Kind::Date,
            Some("2023-09-30"),
            2023.0,
        );
        one(
            "بدأ في شهر ديسمبر من عام 2018 العمل",
            "شهر ديسمبر من عام 2018",
            Kind::Date,
            Some("2018-12"),
            2018.0,
        );
        // «من» without a year word after it is not the date's.
        assert_eq!(
            figures("في 30 سبتمبر من 2023 شركة")
                .iter()
                .filter(|f| f.1 == Kind::Date)
                .count(),
            2
        );
    }

    #[test]
    fn the_first_of_a_month_by_its_ordinal() {
        one(
            "منذ أول سبتمبر 2011 تعمل",
            "أول سبتمبر 2011",
            Kind::Date,
            Some("2011-09-01"),
            2011.0,
        );
        one(
            "في الأول من جانفي 1996 صدر",
            "الأول من جانفي 1996",
            Kind::Date,
            Some("1996-01-01"),
            1996.0,
        );
        // «الأول» with no «من» is an adjective of what comes before («الربع الأول يناير»).
        one(
            "الربع الأول يناير 2020 كان",
            "يناير 2020",
            Kind::Date,
            Some("2020-01"),
            2020.0,
        );
    }

    #[test]
    fn two_years_between_are_one_date_span() {
        one(
            "نفذت بين عامي 2013 و 2015 مشاريع",
            "بين عامي 2013 و 2015",
            Kind::Date,
            Some("2013"),
            2013.0,
        );
        one(
            "ما بين 2013 و2015 نما",
            "بين 2013 و2015",
            Kind::Date,
            Some("2013"),
            2013.0,
        );
        // A range of amounts stays a number.
        one("بين 20 و 30 شركة", "بين 20 و 30", Kind::Number, None, 20.0);
        // Two years without «بين» are two dates.
        assert_eq!(figures("في عامي 2013 و 2015 نما").len(), 2);
    }

    #[test]
    fn a_bare_number_ending_a_latin_or_quoted_name_is_the_names() {
        for text in [
            "خلال مؤتمر Digital Now 2025 بالدار البيضاء",
            "يعمل بنظام Windows 11 الجديد",
            "أطلق قمر “طيبة سات 1” بنجاح",
            "تطبيق «توكلنا 2» الجديد",
        ] {
            assert_eq!(figures(text), vec![], "{text}");
        }
        // A quarter or a fiscal year before a year is a time: the year is a date.
        for text in ["أرباح Q1 2025 ارتفعت", "في FY 2024 حققت"] {
            assert_eq!(
                figures(text).iter().map(|f| f.1).collect::<Vec<_>>(),
                vec![Kind::Date],
                "{text}"
            );
        }
        // With a scale, a currency or a percent it is a figure; a long quotation ending with
        // a year is no name.
        one(
            "استثمرت Nvidia 5 مليارات دولار",
            "5 مليارات دولار",
            Kind::Money,
            None,
            5e9,
        );
        one(
            "وقال: “سنطلق الخدمة في جميع المدن خلال 2026”",
            "2026",
            Kind::Date,
            Some("2026"),
            2026.0,
        );
    }

    #[test]
    fn numeric_dates_and_abbreviated_currencies() {
        for (text, span, iso) in [
            ("وقعت في 28/6/2024 الاتفاقية", "28/6/2024", "2024-06-28"),
            ("بتاريخ 2024/6/28 صدر", "2024/6/28", "2024-06-28"),
            ("في 05-11-2023 تم", "05-11-2023", "2023-11-05"),
        ] {
            let y: f64 = iso[..4].parse().unwrap_or_default();
            one(text, span, Kind::Date, Some(iso), y);
        }
        // Not a day and a month, or no year: no date.
        for text in ["القرار 45/13/2024 صدر", "بنسبة 3/4 من", "رقم 12/2024 صدر"]
        {
            assert!(
                figures(text)
                    .iter()
                    .all(|f| f.1 != Kind::Date || f.0 != normalize_str(text)),
                "{text}: {:?}",
                figures(text)
            );
        }
        one(
            "تقام من 23 يونيو إلى 2 يوليوز بالرباط",
            "23 يونيو إلى 2 يوليوز",
            Kind::Date,
            Some("--06-23"),
            23.0,
        );
        one(
            "من 30 يونيو حتى 2 يوليو 2024 عقد",
            "30 يونيو حتى 2 يوليو 2024",
            Kind::Date,
            Some("2024-06-30"),
            2024.0,
        );
        // Two dates joined by «و» are two.
        assert_eq!(figures("في 3 مايو و5 يونيو وقعت").len(), 2);
        one("بلغ 500 ر.ق للسهم", "500 ر.ق", Kind::Money, None, 500.0);
        one("بقيمة 2 مليون د.إ", "2 مليون د.إ", Kind::Money, None, 2e6);
        // «ر.» followed by a word is not a currency.
        assert_eq!(figures("رقم 5 ر.قال")[0].1, Kind::Number);
    }

    #[test]
    fn a_number_in_parentheses_before_its_scale() {
        one(
            "بقيمة (35) مليار دولار أمريكي",
            "(35) مليار دولار أمريكي",
            Kind::Money,
            None,
            35e9,
        );
        one(
            "نحو (10.8) مليار دولار",
            "نحو (10.8) مليار دولار",
            Kind::Money,
            None,
            10.8e9,
        );
        // Digits glued to the words, and the currency glued to the scale.
        one(
            "بلغت 25مليارا و738مليوندرهم هذا العام",
            "25مليارا و738مليوندرهم",
            Kind::Money,
            None,
            25.738e9,
        );
        one("بقيمة 5مليوندرهم", "5مليوندرهم", Kind::Money, None, 5e6);
        // A number in parentheses alone stays a number without them.
        one("المادة (35) من القانون", "35", Kind::Number, None, 35.0);
    }
}
