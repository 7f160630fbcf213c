//! Products named by their context: a maker and its model, apps and platforms by name, named
//! and described products, a product's local edition, and product names that name a company
//! after a company word. Split out of names.rs; the candidates join the rest there.

use super::*;

/// «لشركة جروك», «شركتي “ميتا” و”جروك”», «شركة واتساب»: after a company word a product's
/// name names a company (Groq, not Grok; WhatsApp the company) — an organisation with no
/// canonical entry, since the entry is the product's. So does the next member of a list the
/// company word opens.
/// An indefinite company word right before `s`, past spaces and an opening quote («شركة»,
/// «لشركة», «شركتي»); «قدمت الشركة Galaxy»: the definite word is the subject, not the name's head.
fn company_word_before(t: &str, s: usize) -> bool {
    let ws = t[..s].trim_end_matches([' ', '"', '“', '«', '”']).len();
    prev_word(t, ws).is_some_and(|(a, b)| {
        let w = &t[a..b];
        stems(w).any(|o| {
            matches!(&w[o..], "شركه" | "شركتي" | "شركتا")
                && !w[..o].ends_with("ال")
                && !w[..o].ends_with("لل")
        })
    })
}

pub(super) fn companies_named_like_products(t: &str, out: &mut [NameCand]) {
    let company_word = |s: usize| company_word_before(t, s);
    // Only known products are asked about (most texts have few), and a list's earlier member
    // only when a product follows it across «و».
    let products: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].kind == Kind::Product && out[k].entity.is_some())
        .collect();
    for k in products {
        let s = out[k].start;
        let listed = || {
            // «و”جروك”»: joined by و (and quotes) to a company that follows a company word.
            let before = t[..s].trim_end_matches([' ', '"', '“', '”', '«', '»']);
            let Some(before) = before.strip_suffix('و') else {
                return false;
            };
            let end = before
                .trim_end_matches([' ', '"', '“', '”', '«', '»', '،', ','])
                .len();
            out.iter().any(|o| {
                o.kind == Kind::Org && o.end == end && o.start < o.end && company_word(o.start)
            })
        };
        if company_word(s) || listed() {
            out[k].kind = Kind::Org;
            out[k].entity = None;
        }
    }
}

/// «سيريتل كاش», «إم تي إن كاش», «Jawwal Pay»: a company's name followed by a wallet word names
/// its payment service, a product; after a company word («شركة JAWWAL PAY») it stays the
/// company's name.
pub(super) fn wallet_services(t: &str, out: &mut [NameCand]) {
    const WALLET: [&str; 7] = ["كاش", "باي", "Pay", "PAY", "pay", "Cash", "CASH"];
    // A wallet the gazetteer knows («فودافون كاش») keeps its entry.
    let known: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == Kind::Product && c.start < c.end)
        .map(|c| (c.start, c.end))
        .collect();
    for c in out.iter_mut() {
        if c.kind != Kind::Org || c.start >= c.end {
            continue;
        }
        // «Jawwal Pay» already one Latin run; «سيريتل كاش» the company and the next word.
        let inside = t[c.start..c.end]
            .rsplit_once(' ')
            .is_some_and(|(_, w)| WALLET.contains(&w));
        let after = next_word(t, c.end)
            .filter(|&(s, e)| s == c.end + 1 && WALLET.contains(&&t[s..e]))
            .map(|(_, e)| e);
        // The wallet word first: few companies have one, and the other tests (every known
        // product, the word before) cost more.
        if (inside || after.is_some())
            && !known.iter().any(|&(s, _)| s == c.start)
            && !company_word_before(t, c.start)
        {
            c.kind = Kind::Product;
            c.entity = None;
            c.end = after.unwrap_or(c.end);
        }
    }
}

/// «منصة مصر الرقمية», «تطبيق دبي الذكي»: after a platform or app word, a place and «الرقمي» or
/// «الذكي» name the platform (without the word, «مصر الرقمية» is the country's digital side).
pub(super) fn digital_platforms(t: &str, out: &mut [NameCand]) {
    for c in out.iter_mut() {
        if c.kind != Kind::Place || c.start >= c.end {
            continue;
        }
        if let Some((s, e)) = next_word(t, c.end).filter(|&(s, _)| s == c.end + 1)
            && matches!(&t[s..e], "الرقمي" | "الرقميه" | "الذكي" | "الذكيه")
            && prev_trigger(t, c.start) == Some(Trigger::Product)
        {
            c.kind = Kind::Product;
            c.entity = None;
            c.end = e;
        }
    }
}

/// An app word: «تطبيق», the Maghrebi «تطبيقة», and their plurals.
pub(super) fn app_word(w: &str) -> bool {
    stems(w).any(|o| {
        matches!(
            &w[o..],
            "تطبيق" | "تطبيقه" | "تطبيقا" | "تطبيقات" | "التطبيقات"
        )
    })
}

/// «تطبيق يسير», «تطبيقات … على غرار «يسير»، «وصلني»، «ركبة»»: a company's name right after an
/// app word, and every quoted name in a list that an app plural introduces («على غرار», «مثل»,
/// «منها»), name the app — a product; the article's other mentions of the same name follow.
pub(super) fn app_names(t: &str, out: &mut Vec<NameCand>) {
    let mut apps: Vec<(usize, usize)> = Vec::new();
    for c in out
        .iter()
        .filter(|c| c.kind == Kind::Org && c.start < c.end)
    {
        let ws = match char_before(t, c.start) {
            Some('"' | '“' | '«') => c.start - char_before(t, c.start).map_or(0, char::len_utf8),
            _ => c.start,
        };
        if prev_word(t, ws).is_some_and(|(a, b)| {
            let w = &t[a..b];
            app_word(w) && !w.ends_with("ات") && !w.starts_with("ال")
        }) {
            apps.push((c.start, c.end));
        }
    }
    // Lists: an app plural, at most eight words, an introducer, then quoted names joined by
    // commas or و.
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»');
    // A SIMD search for the plural (str::find walked the whole text at about 4 instructions a
    // byte); the matches do not overlap, as the loop's did.
    for off in memchr::memmem::find_iter(t.as_bytes(), "تطبيقات") {
        let from = off + "تطبيقات".len();
        let mut p = from;
        let mut intro = None;
        for _ in 0..10 {
            let Some((s, e)) = next_word(t, p) else { break };
            if t[p..s].contains(['.', '\n']) {
                break;
            }
            let w = &t[s..e];
            if matches!(w, "مثل" | "منها" | "ابرزها" | "اهمها") {
                intro = Some(e);
                break;
            }
            if w == "غرار" && prev_word(t, s).is_some_and(|(a, b)| &t[a..b] == "علي") {
                intro = Some(e);
                break;
            }
            p = e;
        }
        let Some(mut p) = intro else { continue };
        loop {
            let rest = &t[p..];
            let skip = rest.len() - rest.trim_start_matches([' ', '،', ',', 'و']).len();
            let s0 = p + skip;
            let Some(open) = t[s0..].chars().next().filter(|&c| quote(c)) else {
                break;
            };
            let s = s0 + open.len_utf8();
            let Some(len) = t[s..].find(quote).filter(|&l| l > 0 && l <= 30) else {
                break;
            };
            let name = &t[s..s + len];
            if name.split(' ').count() > 3 || !name.chars().all(|c| c == ' ' || is_word_char(c)) {
                break;
            }
            apps.push((s, s + len));
            p = s + len + t[s + len..].chars().next().map_or(0, char::len_utf8);
        }
    }
    if apps.is_empty() {
        return;
    }
    let names: Vec<&str> = {
        let mut v: Vec<&str> = apps.iter().map(|&(s, e)| &t[s..e]).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for c in out.iter_mut() {
        if c.kind == Kind::Org && c.start < c.end && names.contains(&&t[c.start..c.end]) {
            c.kind = Kind::Product;
        }
    }
    // «ركبة» quoted again in the title: the same name quoted elsewhere in the article.
    for name in &names {
        for (s, _) in t.match_indices(name) {
            let e = s + name.len();
            if !apps.contains(&(s, e))
                && char_before(t, s).is_some_and(quote)
                && char_at(t, e).is_some_and(quote)
                && !out.iter().any(|c| c.start < e && s < c.end)
            {
                apps.push((s, e));
            }
        }
    }
    for (s, e) in apps {
        if !out.iter().any(|c| c.start == s && c.end == e) {
            out.push(NameCand::unknown(s, e, Kind::Product, 2));
        }
    }
}

/// «مشروع "ستارغيت الإمارات"»: a product and a place quoted together name the product's local
/// edition, one product (a company and a place stay a local company: «"أورانج تونس"»).
pub(super) fn quoted_editions(t: &str, out: &mut [NameCand]) {
    let mut order: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].start < out[k].end && out[k].kind != Kind::Person)
        .collect();
    order.sort_by_key(|&k| (out[k].start, std::cmp::Reverse(out[k].end)));
    for pair in order.windows(2) {
        let (p, q) = (pair[0], pair[1]);
        if out[p].kind == Kind::Product
            && out[q].kind == Kind::Place
            && out[q].start == out[p].end + 1
            && &t[out[p].end..out[q].start] == " "
            && matches!(char_before(t, out[p].start), Some('"' | '“' | '«'))
            && matches!(char_at(t, out[q].end), Some('"' | '”' | '»'))
        {
            out[p].end = out[q].end;
            out[q].end = out[q].start;
        }
    }
}

/// «هيونداي i20», «بيجو 208», «Nokia 105», «سيارة هيونداي أكسنت»: a company's name followed by a
/// model — a short Latin code with a digit, a model number that counts nothing, or after a vehicle
/// or device word an unknown Arabic word — names its product. The model becomes a product that
/// the company joins when candidates are resolved («مايكروسوفت تيمز»), and the number is no
/// figure.
pub(super) fn maker_models(t: &str, out: &mut Vec<NameCand>) {
    let mut found = Vec::new();
    // Models with no vehicle or device word before them, kept when the text names another
    // maker's model (below).
    let mut listed = Vec::new();
    for c in out
        .iter()
        .filter(|c| c.kind == Kind::Org && c.start < c.end)
    {
        let Some((s, e)) = next_word(t, c.end).filter(|&(s, _)| s == c.end + 1) else {
            continue;
        };
        let w = &t[s..e];
        let latin_maker = t[c.start..c.end].is_ascii();
        let code = w.len() <= 5
            && w.bytes().all(|b| b.is_ascii_alphanumeric())
            && w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().any(|b| b.is_ascii_alphabetic())
            && !latin_noise(w);
        let model = if code {
            true
        } else if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
            model_number(t, e, latin_maker)
        } else {
            // «سيارة هيونداي أكسنت», «“داسيا سبرينك”»: after a vehicle or device word, or
            // quoted together with the company.
            let quoted_pair = matches!(char_before(t, c.start), Some('"' | '“' | '«'))
                && matches!(char_at(t, e), Some('"' | '”' | '»'));
            // «هاتف سامسونج مزود بكاميرا»: a participle governing a preposition describes.
            let participle = w.starts_with('م')
                && next_word(t, e).is_some_and(|(a, b)| {
                    let n = &t[a..b];
                    n.starts_with(['ب', 'ل']) || matches!(n, "من" | "في" | "علي")
                });
            // «“أمازون جو”»: quoted with the company, a two-letter word is a model too.
            let short = quoted_pair && w.chars().count() == 2 && w.chars().all(is_arabic_letter);
            !latin_maker
                && (device_word_before(t, c.start) || quoted_pair)
                && (arabic_model_word(w) || short)
                && !participle
        };
        if model
            && !out
                .iter()
                .any(|o| o.kind != Kind::Org && o.start < e && s < o.end)
        {
            found.push(NameCand::unknown(
                s,
                arabic_model_suffix(t, e).max(e),
                Kind::Product,
                2,
            ));
            continue;
        }
        // «شيفروليه بولت إيفي», «لشفروليه بولت إيفي المسير»: a known maker, a word that can be
        // a model's, and a word that only ends a car model's name (EV, hybrid) — one product,
        // with or without a vehicle word. «وحتى كيا بيكانتو القاعدية»: a known maker and such a
        // word, when the text names another maker's model too (checked after the loop).
        let model_word = || arabic_model_word(w) || clitic_like_model(w);
        if latin_maker || c.entity.is_none() || !model_word() {
            continue;
        }
        let suffix = next_word(t, e)
            .filter(|&(a, _)| a == e + 1)
            .filter(|&(a, b)| vehicle_model_suffix(&t[a..b]));
        // «أعلنت كيا ارتفاع مبيعاتها», «تويوتا تطوير», «هواوي مشروع»: after a company that is a
        // sentence's subject, a verbal noun is its object, not a model.
        if suffix.is_none() && w.starts_with(['ا', 'ت', 'م']) {
            continue;
        }
        let end = suffix.map_or(e, |(_, b)| b);
        if out.iter().any(|o| o.start < end && s < o.end) {
            continue;
        }
        let cand = NameCand::unknown(s, arabic_model_suffix(t, end).max(end), Kind::Product, 2);
        if suffix.is_some() {
            found.push(cand);
        } else {
            listed.push(cand);
        }
    }
    // Another maker's model named in the text: found here, or a product right after a known
    // company («هيونداي i10» from a Latin run, «آيفون» after «أبل»).
    let models_named = !listed.is_empty()
        && (!found.is_empty() || {
            let org_ends: std::collections::HashSet<usize> = out
                .iter()
                .filter(|o| o.kind == Kind::Org && o.entity.is_some())
                .map(|o| o.end)
                .collect();
            out.iter().any(|p| {
                p.kind == Kind::Product && p.start > 0 && org_ends.contains(&(p.start - 1))
            })
        });
    out.extend(found);
    if models_named {
        out.extend(listed);
    }
}

/// Words that close a car model's name after its first word: «بولت إيفي» (EV), «كامري
/// هايبرد». They name nothing alone.
fn vehicle_model_suffix(w: &str) -> bool {
    matches!(
        w,
        "ايفي" | "هايبرد" | "هايبريد" | "سبورت" | "كوبيه" | "كروس"
    )
}

/// «بيكانتو», «بولت»: a transliterated name that starts with a clitic's letter — a long vowel
/// after it, as foreign names have («بيكانتو», «لاندكروزر»), where «بسعر», «لتطوير», «بالإضافة»
/// have a consonant or the article.
fn clitic_like_model(w: &str) -> bool {
    let mut chars = w.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    w.chars().count() >= 4
        && matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
        && matches!(second, 'ي' | 'و' | 'ا')
        && !w[first.len_utf8()..].starts_with("ال")
        && loose_name_word(w)
        && !crate::entities::people::function_word(&w[first.len_utf8()..])
}

/// «آيفون X», «غالاكسي S», «آيفون XR»: one or two capital Latin letters right after an Arabic
/// product name are its model. Normalization lowercases Latin, so the capitals are read in the
/// original text (`orig`, with `offsets` from normalized to original bytes); a lowercase word
/// («آيفون x») or a known name after it is left alone.
pub(super) fn capital_model_letters(orig: &str, offsets: &[usize], t: &str, out: &mut [NameCand]) {
    let taken: Vec<(usize, usize)> = out.iter().map(|o| (o.start, o.end)).collect();
    for c in out
        .iter_mut()
        .filter(|c| c.kind == Kind::Product && c.start < c.end)
    {
        if !char_before(t, c.end).is_some_and(is_arabic_letter) {
            continue;
        }
        let Some((s, e)) = next_word(t, c.end).filter(|&(s, _)| s == c.end + 1) else {
            continue;
        };
        let letters = e - s <= 2 && t[s..e].bytes().all(|b| b.is_ascii_lowercase());
        let capitals = offsets
            .get(s)
            .zip(offsets.get(e))
            .and_then(|(&a, &b)| orig.get(a..b))
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_uppercase()));
        if letters && capitals && !taken.iter().any(|&(a, b)| a < e && s < b) {
            c.end = arabic_model_suffix(t, e).max(e);
        }
    }
}

/// «من طرازها 208.», «طائرات طراز 737،»: after a model word a number that counts nothing and
/// closes the phrase is the model's name, not a figure.
pub(super) fn model_numbers(
    t: &str,
    words: &[crate::entities::scan::Word],
    cls: &[u16],
    out: &mut Vec<NameCand>,
) {
    let mut found = Vec::new();
    // The word table's class bit: a model word, maybe after clitics («وطراز», «بطرازها»).
    for (w, _) in words
        .iter()
        .zip(cls)
        .filter(|&(w, &c)| w.arabic && c & crate::entities::people::class::MODEL != 0)
    {
        let word = &t[w.s..w.e];
        let Some((s, e)) = next_word(t, w.e).filter(|&(s, _)| s == w.e + 1) else {
            continue;
        };
        let digits = t[s..e].bytes().all(|b| b.is_ascii_digit());
        // «تيسلا موديل 3 وكشف», «عن موديل 3 في منشأتها»: «موديل» and one or two digits name a
        // model wherever the phrase goes on, unless something is counted («موديل 3 ملايين»).
        let model_word_at = stems(word).find(|&o| &word[o..] == "موديل");
        let named_model = model_word_at.is_some() && digits && e - s <= 2 && !counted_after(t, e);
        if e - s <= 3
            && digits
            && (named_model || model_number(t, e, false))
            && !out.iter().any(|c| c.start < e && s < c.end)
        {
            found.push(NameCand::unknown(
                model_word_at.filter(|_| named_model).map_or(s, |o| w.s + o),
                e,
                Kind::Product,
                2,
            ));
        }
    }
    out.extend(found);
}

/// A number of at most three digits after a company is a model when nothing is counted: after an
/// Arabic name it must close the phrase («بيجو 208، بيجو 301»), since «هواوي 5 هواتف» counts
/// phones; after a Latin name the script change ends it («Nokia 105 بسعر»), unless a scale,
/// currency or percent follows.
pub(super) fn model_number(t: &str, e: usize, latin_maker: bool) -> bool {
    let digit_after = |i: usize| t.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    match char_at(t, e) {
        None | Some('\n' | '،' | '؛' | ';' | ':' | ')' | '»' | '”' | '"') => true,
        Some('.' | ',') => !digit_after(e + 1),
        Some(' ') if latin_maker => {
            arabic_model_suffix(t, e - 1) >= e - 1 && {
                let after = next_word(t, e).map(|(a, b)| &t[a..b]);
                !after.is_some_and(|w| {
                    lexicon::scale(w).is_some()
                        || lexicon::currency_word(w)
                        || w == "في"
                        || w.starts_with("بال")
                })
            }
        }
        _ => false,
    }
}

/// «من فئة "مايت 30" و"مايت 30 برو"», «نسخة "برو و برو ماكس"»: quoted names after a series or
/// edition word are models when each is a name and a model number or code («مايت 30») or model
/// words only («برو ماكس»); «و» between quotes or inside them lists the next. An award's category
/// («في فئة "أفضل تطبيق"») has neither and stays out.
pub(super) fn quoted_series_models(
    t: &str,
    words: &[crate::entities::scan::Word],
    out: &mut Vec<NameCand>,
) {
    const SERIES: [&str; 6] = ["فئه", "سلسله", "طراز", "اصدار", "نسخه", "موديل"];
    let mut found = Vec::new();
    for w in words.iter().filter(|w| w.arabic) {
        // Few words are followed by a quote: a test of the next bytes first (a space, then «"»
        // or the lead byte of «“» or «»»), then the word.
        let b = t.as_bytes();
        let q = if b.get(w.e) == Some(&b' ') {
            w.e + 1
        } else {
            w.e
        };
        if !matches!(b.get(q), Some(b'"' | 0xE2 | 0xC2)) {
            continue;
        }
        let word = &t[w.s..w.e];
        if !SERIES.iter().any(|m| word.ends_with(m))
            || !stems(word).any(|o| SERIES.contains(&&word[o..]))
        {
            continue;
        }
        let mut at = w.e;
        // Each quoted name in turn: «"X"», then «و"Y"» or « و "Y"».
        loop {
            let rest = &t[at..];
            let lead = if at == w.e {
                rest.len() - rest.trim_start_matches(' ').len()
            } else {
                let r = rest.trim_start_matches(' ');
                let Some(r2) = r.strip_prefix('و') else {
                    break;
                };
                rest.len() - r2.trim_start_matches(' ').len()
            };
            let q = at + lead;
            let Some(open) = char_at(t, q).filter(|c| matches!(c, '"' | '“' | '«')) else {
                break;
            };
            let s = q + open.len_utf8();
            let Some(len) = t[s..].find(['"', '”', '»']).filter(|&l| l > 0 && l <= 40) else {
                break;
            };
            let name = &t[s..s + len];
            if name.trim() != name || !name.chars().all(|c| c == ' ' || is_word_char(c)) {
                break;
            }
            // A model: model words only («برو ماكس»), or a name and a model number, code or
            // words («مايت 30 برو»). The suffix reader starts after a space: give it one.
            let model_like = |ps: usize, pe: usize| {
                let part = &t[ps..pe];
                let first_end = part.find(' ').map_or(pe, |i| ps + i);
                part.split(' ').count() <= 4
                    && (arabic_model_suffix(&format!(" {part}"), 0) > part.len()
                        || first_end < pe
                            && arabic_model_word(&t[ps..first_end])
                            && arabic_model_suffix(t, first_end) >= pe)
            };
            // «برو وبرو ماكس», «برو و برو ماكس»: a «و» inside the quotes lists two models.
            let mut parts = vec![(s, s + len)];
            if !model_like(s, s + len) {
                parts.clear();
                let mut from = s;
                for piece in name.split(" و") {
                    let ps = from + piece.len() - piece.trim_start_matches(' ').len();
                    parts.push((ps, from + piece.len()));
                    from += piece.len() + " و".len();
                }
            }
            if parts.iter().all(|&(ps, pe)| ps < pe && model_like(ps, pe)) {
                for (ps, pe) in parts {
                    found.extend(named_product(out, ps, pe, true, 2));
                }
            }
            at = s + len + char_at(t, s + len).map_or(1, char::len_utf8);
        }
    }
    out.extend(found);
}

/// Whether the number ending at `e` counts something: a scale, currency or percent after it, a
/// decimal part or a «بال» word («3 بالمئة»).
fn counted_after(t: &str, e: usize) -> bool {
    let digit_after = |i: usize| t.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    match char_at(t, e) {
        Some('%') => true,
        Some('.' | ',') => digit_after(e + 1),
        _ => next_word(t, e).is_some_and(|(a, b)| {
            let w = &t[a..b];
            lexicon::scale(w).is_some() || lexicon::currency_word(w) || w.starts_with("بال")
        }),
    }
}

/// A vehicle or device word right before the company: «سيارة هيونداي», «بسيارة», «هاتف».
pub(super) fn device_word_before(t: &str, s: usize) -> bool {
    prev_word(t, s).is_some_and(|(a, b)| {
        let w = &t[a..b];
        stems(w).any(|o| matches!(&w[o..], "سياره" | "هاتف" | "جهاز" | "طراز" | "موديل"))
    })
}

/// An Arabic word that can be a model's name after «سيارة هيونداي»: not an adjective, verb,
/// preposition, number word or a word starting like a clitic preposition.
pub(super) fn arabic_model_word(w: &str) -> bool {
    let n = w.chars().count();
    let verb_like = matches!(w.chars().next(), Some('ي' | 'ت' | 'ن')) && n <= 5;
    n >= 3
        && w.chars().all(is_arabic_letter)
        && !verb_like
        // The article, feminine and nisba endings, «جديد» and the like.
        && !not_a_name(w)
        // «بسعر», «لكل»: short words behind a clitic preposition are too often ordinary words.
        && !matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
        && trigger(w).is_none()
        && lexicon::scale(w).is_none()
        && !lexicon::currency_word(w)
        && !orgs::closed_class(w)
        && !crate::entities::people::function_word(w)
        && !crate::entities::people::role_word(w)
        // «ويحمل هاتف هواوي اسم …»: the naming word introduces the name.
        && !matches!(w, "اسم" | "اسمه" | "سعر" | "سعره" | "عنوان")
}

/// «تطبيق مشاركة الفيديوهات القصيرة (جوش)»: a product word, up to four words saying what
/// it does, then a name in parentheses or quotes: the name is the product's.
pub(super) fn described_product(t: &str, at: usize, out: &mut Vec<NameCand>) {
    if prev_word(t, at).is_some_and(|(a, b)| stems(&t[a..b]).any(|o| !thing_word(&t[a + o..b]))) {
        return;
    }
    let mut p = at;
    for n in 0..4 {
        match next_word(t, p) {
            Some((s, e))
                if s == p + 1
                    && t[s..e].chars().all(is_arabic_letter)
                    // «مشترك يحمل اسم»: a verb ends the description.
                    && !(t[s..e].starts_with(['ي', 'ت']) && t[s..e].chars().count() <= 5)
                    // «شرائح بلاكويل "جنوني"»: a known name is the product, the quote a remark.
                    && !out.iter().any(|c| c.start < e && s < c.end)
                    && trigger(&t[s..e]).is_none()
                    && !orgs::closed_class(&t[s..e])
                    && !crate::entities::people::function_word(&t[s..e]) =>
            {
                p = e
            }
            _ if n == 0 => return,
            _ => break,
        }
    }
    let Some(open) = t[p..].strip_prefix(' ').and_then(|q| q.chars().next()) else {
        return;
    };
    let close = match open {
        '(' => ')',
        '«' => '»',
        '“' => '”',
        '"' => '"',
        _ => return,
    };
    let s = p + 1 + open.len_utf8();
    let Some(len) = t[s..].find(close).filter(|&l| l > 0 && l <= 40) else {
        return;
    };
    let name = &t[s..s + len];
    let first = name.split(' ').next().unwrap_or_default();
    if name.split(' ').count() > 3
        || !name.chars().next().is_some_and(char::is_alphabetic)
        || !name.chars().all(|c| c == ' ' || is_word_char(c))
        || name.ends_with(' ')
        || first.starts_with("ال")
        || not_a_name(first)
        || latin_noise(name)
    {
        return;
    }
    // «هاتفها الذكي ثلاثي الطيات “Mate XT”»: a Latin run with no entry, read as a company for
    // want of a trigger right before it, is the described product.
    if let Some(c) = named_product(out, s, s + len, name.is_ascii(), 1) {
        out.push(c);
    }
}

/// The name at `s..e` is a product: a company candidate with no entry spanning exactly it (when
/// `retag`) becomes the product; with no candidate over it, the new one is returned.
fn named_product(
    out: &mut [NameCand],
    s: usize,
    e: usize,
    retag: bool,
    prio: u8,
) -> Option<NameCand> {
    let mut over = (0..out.len()).filter(|&k| out[k].start < e && s < out[k].end);
    let Some(k) = over.next() else {
        return Some(NameCand::unknown(s, e, Kind::Product, prio));
    };
    let only = over.next().is_none();
    if retag
        && only
        && (out[k].start, out[k].end) == (s, e)
        && out[k].entity.is_none()
        && out[k].kind == Kind::Org
    {
        out[k].kind = Kind::Product;
    }
    None
}

/// Product words that name a thing: a project or a programme («مشروع», «برنامج») is not one.
pub(super) fn thing_word(w: &str) -> bool {
    !matches!(w, "مشروع" | "برنامج")
}

/// «يعمل هاتف “هواوي” الجديد … ويحمل اسم “مايت اكس”», «أطلق على التطبيق المجاني اسم "سي
/// رادار"»: a quoted name after a naming word is the name of the thing the sentence is about —
/// a product when the nearest trigger word before it, definite or not, is a product word.
pub(super) fn named_products(t: &str, out: &mut Vec<NameCand>) {
    let mut found = Vec::new();
    for (q, open) in openers(t) {
        let Some((a, b)) = prev_word(t, q).filter(|&(_, b)| t[b..q].trim().is_empty()) else {
            continue;
        };
        let naming = &t[a..b];
        if !stems(naming)
            .any(|o| matches!(&naming[o..], "اسم" | "اسمه" | "اسمها" | "تسميه" | "عنوان"))
        {
            continue;
        }
        let s = q + open.len_utf8();
        let close = match open {
            '«' => '»',
            '“' => '”',
            '(' => ')',
            _ => '"',
        };
        let closes: &[char] = if open == '(' {
            &[')']
        } else {
            &[close, '"', '”']
        };
        let Some(len) = t[s..].find(closes).filter(|&l| l > 0 && l <= 40) else {
            continue;
        };
        let name = &t[s..s + len];
        // «“روك-إي”»: a hyphen inside a name joins its parts.
        let inner_hyphen = |i: usize, c: char| {
            c == '-' && name[..i].ends_with(is_word_char) && name[i + 1..].starts_with(is_word_char)
        };
        if name.split(' ').count() > 4
            || name.starts_with(' ')
            || name.ends_with(' ')
            || !name
                .char_indices()
                .all(|(i, c)| c == ' ' || is_word_char(c) || inner_hyphen(i, c))
            || thing_before(&t[..a]) != Some(Kind::Product)
        {
            continue;
        }
        // «حملت اسم (DIAL-E)»: a Latin run with no entry, read as a company for want of a
        // trigger, is the product the sentence names.
        found.extend(named_product(out, s, s + len, true, 2));
    }
    out.extend(found);
}

/// The quotes and parentheses that may open a name, in text order: (byte offset, char). Found
/// from the last byte of each opener (`"`, `(`, « ends in 0xAB, “ in 0x9C) with a SIMD search,
/// since decoding every char of the text cost 15 instructions a byte for a few hundred openers.
fn openers(t: &str) -> Vec<(usize, char)> {
    let b = t.as_bytes();
    let mut found: Vec<(usize, char)> = memchr::memchr3_iter(b'"', b'(', 0xAB, b)
        .filter_map(|i| match b[i] {
            b'"' => Some((i, '"')),
            b'(' => Some((i, '(')),
            _ => (i >= 1 && b[i - 1] == 0xC2).then(|| (i - 1, '«')),
        })
        .collect();
    found.extend(
        memchr::memchr_iter(0x9C, b)
            .filter(|&i| i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80)
            .map(|i| (i - 2, '“')),
    );
    found.sort_unstable_by_key(|&(i, _)| i);
    found
}

/// The kind the nearest trigger word in the same sentence names, looking back at most twelve
/// words: a product word («هاتف», «التطبيق») gives a product; a company word, a project or a
/// programme, or a trigger after «لل» («للهاتف المحمول»: for phones) gives nothing.
pub(super) fn thing_before(before: &str) -> Option<Kind> {
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or_default();
    for w in sentence
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(12)
    {
        let Some((o, tr)) = stems(w).find_map(|o| trigger(&w[o..]).map(|tr| (o, tr))) else {
            continue;
        };
        let product = tr == Trigger::Product && !w[..o].ends_with("لل") && thing_word(&w[o..]);
        return product.then_some(Kind::Product);
    }
    None
}
