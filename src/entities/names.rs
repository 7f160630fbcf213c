//! Names: gazetteer aliases (Aho-Corasick over normalized text, validated at word edges and by
//! alias tier), Latin-script names inside Arabic text, and unknown names after trigger words.

use super::Kind;
use super::gazetteer::{Gazetteer, Tier};
use super::lexicon::{self, Trigger, not_a_name, trigger};
use super::lexicon::{WordHashBuild, WordSketch};
use super::normalize::{is_ignorable, normalize_str};
use super::orgs;
use super::people::People;
use super::scan::{
    char_at, char_before, clitic_before, is_arabic_letter, is_word_char, next_word, prev_word,
    stems,
};
use super::wordtable::WordTable;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::{HashMap, HashSet};

pub(crate) mod acronyms;
mod products;
use acronyms::*;
use products::*;

/// What an automaton pattern stands for.
#[derive(Clone, Debug)]
enum Pat {
    Alias {
        entity: usize,
        /// Weakest tier among the aliases with this normalized form.
        tier: Tier,
        /// Surfaces (marks removed, not folded) that make this match plain when the normalized form
        /// is shared with a weaker alias: «أبل» is Apple, «إبل» camels.
        exact_plain: Vec<String>,
        /// A Latin alias with capitals: an all-lowercase occurrence (a URL, an English word) is not it.
        cased: bool,
        /// The form of an «ال» alias after «ل»: «للرياض» (needs a ل clitic before it).
        lam: bool,
    },
    Scale,
    Trigger(Trigger),
}

/// The gazetteer candidates (a range of `out`, sorted by start) for overlap queries in
/// O(log n): Latin runs and trigger names must not double a gazetteer name.
struct GazIndex {
    range: std::ops::Range<usize>,
    longest: usize,
}

impl GazIndex {
    fn new(range: std::ops::Range<usize>, out: &[NameCand]) -> GazIndex {
        let longest = out[range.clone()]
            .iter()
            .map(|c| c.end - c.start)
            .max()
            .unwrap_or(0);
        GazIndex { range, longest }
    }

    /// Indices (into `out`) of gazetteer candidates overlapping `s..e`, by start.
    fn overlapping(&self, out: &[NameCand], s: usize, e: usize) -> Vec<usize> {
        let cands = &out[self.range.clone()];
        let from = cands.partition_point(|c| c.start + self.longest <= s);
        let to = cands.partition_point(|c| c.start < e);
        (from..to.max(from))
            .filter(|&k| cands[k].end > s)
            .map(|k| self.range.start + k)
            .collect()
    }
}

/// A gazetteer match before licensing.
struct Raw {
    start: usize,
    end: usize,
    entity: usize,
    tier: Tier,
    licensed: bool,
}

/// «الاتصالات السعودية وزين»: a weak alias joined by و to a licensed name of the same kind.
fn coordinated(t: &str, word_start: usize, kind: Kind, raws: &[Raw], g: &Gazetteer) -> bool {
    let gap = |end: usize| {
        end <= word_start
            && word_start - end <= 3
            && t[end..word_start]
                .chars()
                .all(|c| c == ' ' || c == '،' || c == ',')
    };
    raws.iter().rev().take(8).any(|r| {
        r.licensed
            && gap(r.end)
            && (g.entities[r.entity].kind == Kind::Place) == (kind == Kind::Place)
    })
}

/// «(زين، أمنية، وأورانج)», «زين وأورانج وأمنية»: in a list joined by commas or و, a weak alias
/// is licensed when another member of the same kind counted, before or after it. A list of weak
/// aliases alone licenses nothing («أمنية وزين» stay words).
fn license_lists(t: &str, raws: &mut [Raw], g: &Gazetteer) {
    let joined = |end: usize, start: usize| {
        if start <= end || start - end > 8 {
            return false;
        }
        let gap = &t[end..start];
        let (rest, and) = match gap.trim_end_matches(' ').strip_suffix('و') {
            Some(rest) => (rest, true),
            None => (gap, false),
        };
        rest.chars().all(|c| c == ' ' || c == '،' || c == ',') && (and || rest.contains(['،', ',']))
    };
    let mut order: Vec<usize> = (0..raws.len()).collect();
    order.sort_by_key(|&i| raws[i].start);
    // Walk forward then backward so a licence crosses the whole list either way.
    for pass in 0..2 {
        for k in 0..order.len() {
            let pos = if pass == 0 { k } else { order.len() - 1 - k };
            let i = order[pos];
            if raws[i].licensed {
                continue;
            }
            let kind = g.entities[raws[i].entity].kind;
            // Overlapping matches aside, a list's neighbours are next to each other by start.
            let near = &order[pos.saturating_sub(4)..(pos + 5).min(order.len())];
            let listed = near.iter().map(|&j| &raws[j]).any(|r| {
                r.licensed
                    && g.entities[r.entity].kind == kind
                    && (joined(r.end, raws[i].start) || joined(raws[i].end, r.start))
            });
            if listed {
                raws[i].licensed = true;
            }
        }
    }
}

/// A name candidate in normalized coordinates.
#[derive(Clone, Debug)]
pub struct NameCand {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub entity: Option<usize>,
    /// 3 gazetteer, 2 Latin run, 1 trigger + unknown word.
    pub prio: u8,
}

impl NameCand {
    /// A candidate no gazetteer entity stands behind (found by a rule), of priority `prio`.
    pub(crate) fn unknown(start: usize, end: usize, kind: Kind, prio: u8) -> NameCand {
        NameCand {
            start,
            end,
            kind,
            entity: None,
            prio,
        }
    }
}

pub struct Names {
    ac: AhoCorasick,
    pats: Vec<Pat>,
    people: People,
    /// One-word place names (normalized), to read nisba adjectives («الفلسطينية» ← فلسطين).
    places: HashSet<String, WordHashBuild>,
}

/// Light form used for hamza-exact comparison: marks dropped, case folded, letters kept.
fn light(s: &str) -> String {
    s.chars()
        .filter(|c| !is_ignorable(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Names {
    pub fn build(g: &Gazetteer) -> anyhow::Result<Names> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut pats: Vec<Pat> = Vec::new();
        let mut places: HashSet<String, WordHashBuild> = HashSet::default();
        fn add(
            index: &mut HashMap<String, usize>,
            key: String,
            pat: Pat,
            strings: &mut Vec<String>,
            pats: &mut Vec<Pat>,
        ) {
            match index.get(&key) {
                None => {
                    index.insert(key.clone(), pats.len());
                    strings.push(key);
                    pats.push(pat);
                }
                Some(&i) => merge(&mut pats[i], pat),
            }
        }
        for (ei, e) in g.entities.iter().enumerate() {
            for a in &e.aliases {
                let n = collapse_spaces(&normalize_str(&a.surface));
                if n.is_empty() {
                    continue;
                }
                if e.kind == Kind::Place && !n.contains(' ') {
                    places.insert(n.clone());
                }
                let cased = a.surface.chars().any(|c| c.is_ascii_uppercase())
                    && !a.surface.chars().any(is_arabic_letter);
                let exact = if a.tier == Tier::Plain {
                    vec![light(&a.surface)]
                } else {
                    Vec::new()
                };
                let pat = |lam| Pat::Alias {
                    entity: ei,
                    tier: a.tier,
                    exact_plain: exact.clone(),
                    cased,
                    lam,
                };
                if let Some(rest) = n.strip_prefix("ال")
                    && rest.chars().count() >= 2
                {
                    add(
                        &mut index,
                        format!("ل{rest}"),
                        pat(true),
                        &mut strings,
                        &mut pats,
                    );
                }
                add(&mut index, n, pat(false), &mut strings, &mut pats);
            }
        }
        // Scale words: figures that start with a word («مليار دولار», «عشرة مليارات»).
        for w in [
            "الف",
            "الفي",
            "الاف",
            "مليون",
            "مليوني",
            "مليونان",
            "ملايين",
            "مليار",
            "ملياري",
            "ملياران",
            "مليارات",
            "تريليون",
            "تريليوني",
            "تريليونات",
            "مليارين",
            "مليونين",
            "الفين",
            "بليون",
            "بلايين",
            "ترليون",
            "ترليونات",
            "تريليونين",
        ] {
            debug_assert!(lexicon::scale(w).is_some());
            add(
                &mut index,
                w.to_string(),
                Pat::Scale,
                &mut strings,
                &mut pats,
            );
        }
        for (w, t) in lexicon::TRIGGERS {
            if !index.contains_key(*w) {
                add(
                    &mut index,
                    w.to_string(),
                    Pat::Trigger(*t),
                    &mut strings,
                    &mut pats,
                );
            }
        }
        // Contiguous NFA, dense to depth 6 (callgrind, three tuning parts): 4% fewer
        // instructions in `find` than the default depth for 15% more to build (80 M, +4 MB).
        // The DFA saves 10% more in `find` but takes 468 M instructions and 18 MB more to build
        // (docs/gazetteer.md "Speed").
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .dense_depth(6)
            .build(&strings)?;
        Ok(Names {
            ac,
            pats,
            people: People::load(),
            places,
        })
    }

    /// «الفلسطينية», «السورية», «المصرية»: a definite feminine nisba made from a place name the
    /// lexicon knows (فلسطين، سوريا، مصر).
    fn place_nisba(&self, w: &str) -> bool {
        let Some(stem) = w.strip_prefix("ال").and_then(|r| r.strip_suffix("يه")) else {
            return false;
        };
        stem.chars().count() >= 2
            && [
                stem.to_string(),
                format!("ال{stem}"),
                format!("{stem}يا"),
                format!("{stem}ا"),
            ]
            .iter()
            .any(|p| self.places.contains(p))
    }

    /// Gazetteer, Latin and trigger candidates, plus the bare scale words for the figures;
    /// `norm` is `orig` normalized, `table` its words.
    pub fn find(
        &self,
        g: &Gazetteer,
        orig: &str,
        norm: &super::normalize::Normalized,
        table: &WordTable,
        out: &mut Vec<NameCand>,
        bare: &mut Vec<(usize, usize)>,
    ) {
        let (t, offsets) = (norm.text.as_str(), norm.offsets.as_slice());
        let mut raws: Vec<Raw> = Vec::new();
        let mut triggers: Vec<(usize, Trigger)> = Vec::new();
        for m in self.ac.find_overlapping_iter(t) {
            let (s, e) = (m.start(), m.end());
            if char_at(t, e).is_some_and(is_word_char) {
                continue;
            }
            let Some(prefix) = clitic_before(t, s) else {
                continue;
            };
            match &self.pats[m.pattern().as_usize()] {
                Pat::Scale => bare.push((s, e)),
                // A definite trigger («الشركة», «للشركة») is followed by an adjective or a verb,
                // not a name; «العاصمة الرياض» is the exception.
                Pat::Trigger(tr)
                    if *tr == Trigger::Place
                        || !(t[s..e].starts_with("ال")
                            || prefix.ends_with("ال")
                            || prefix.ends_with("لل")) =>
                {
                    triggers.push((e, *tr))
                }
                Pat::Trigger(_) => {}
                Pat::Alias {
                    entity,
                    tier,
                    exact_plain,
                    cased,
                    lam,
                } => {
                    if *lam && !matches!(prefix, "ل" | "ول" | "فل") {
                        continue;
                    }
                    // The original surface is only needed for Latin case and hamza-exact checks.
                    let surface = || &orig[offsets[s]..offsets[e]];
                    if *cased && !surface().chars().any(|c| c.is_ascii_uppercase()) {
                        continue;
                    }
                    let tier = if *tier != Tier::Plain
                        && !exact_plain.is_empty()
                        && exact_plain.contains(&light(surface()))
                    {
                        Tier::Plain
                    } else {
                        *tier
                    };
                    if tier == Tier::Common && (prefix.contains('ب') || prefix.contains('ك')) {
                        continue;
                    }
                    // «الهاتف الجوّال»: an ordinary word with the article is the word, not the
                    // name (Jawwal), unless quotes set it apart.
                    if tier == Tier::Common
                        && prefix.ends_with("ال")
                        && !quoted(t, s - prefix.len(), e)
                    {
                        continue;
                    }
                    let word_start = s - prefix.len();
                    let kind = g.entities[*entity].kind;
                    let licensed = tier == Tier::Plain
                        || triggered(t, word_start).is_some_and(|tr| tr.licenses(kind))
                        || quoted(t, word_start, e)
                        || (prefix == "و" && coordinated(t, word_start, kind, &raws, g));
                    raws.push(Raw {
                        start: s,
                        end: e,
                        entity: *entity,
                        tier,
                        licensed,
                    });
                }
            }
        }
        license_lists(t, &mut raws, g);
        let anchored: HashSet<usize> = raws
            .iter()
            .filter(|r| r.licensed)
            .map(|r| r.entity)
            .collect();
        // A product is also licensed by a mention of its company («آبل ... سيري»).
        let licensed_by_parent =
            |e: usize| g.entities[e].parent.is_some_and(|p| anchored.contains(&p));
        let first_gaz = out.len();
        for r in raws {
            if r.tier == Tier::Plain
                || r.licensed
                || anchored.contains(&r.entity)
                || licensed_by_parent(r.entity)
            {
                out.push(NameCand {
                    start: r.start,
                    end: r.end,
                    kind: g.entities[r.entity].kind,
                    entity: Some(r.entity),
                    prio: 3,
                });
            }
        }
        let gaz_end = out.len();
        for c in &mut out[first_gaz..gaz_end] {
            if c.kind == Kind::Product {
                c.end = arabic_model_suffix(t, c.end);
            }
        }
        out[first_gaz..gaz_end].sort_by_key(|c| c.start);
        merge_local_subsidiaries(t, &mut out[first_gaz..gaz_end]);
        let gaz = GazIndex::new(first_gaz..gaz_end, out);
        let words = table.words.as_slice();
        {
            let name_at = |s: usize| {
                gaz.overlapping(out, s, s + 8)
                    .into_iter()
                    .map(|k| &out[k])
                    .find(|c| c.start == s && c.kind != Kind::Person)
                    .map(|c| (c.end, c.kind == Kind::Place))
            };
            let known = orgs::Known { name_at: &name_at };
            let mut found: Vec<NameCand> = Vec::new();
            for (start, end) in orgs::institutions(t, table, &known)
                .into_iter()
                .chain(orgs::company_words(t, table, &known))
            {
                // A company word after a known company keeps its canonical name.
                let entity = gaz
                    .overlapping(out, start, end)
                    .into_iter()
                    .find(|&k| out[k].start == start && out[k].kind == Kind::Org)
                    .and_then(|k| out[k].entity);
                found.push(NameCand {
                    start,
                    end,
                    kind: Kind::Org,
                    entity,
                    prio: 2,
                });
            }
            out.extend(found);
        }
        if mostly_arabic(t) {
            latin_runs(g, &self.people, orig, offsets, t, out, &gaz);
        }
        spelled_acronyms(t, words, &table.cls, out, &gaz);
        people_with_titles(t, out, &gaz);
        // Names of other kinds where a person run stops, sorted for binary search.
        let mut other: Vec<(usize, usize)> = out[first_gaz..]
            .iter()
            .filter(|c| c.kind != Kind::Person && c.start < c.end)
            .map(|c| (c.start, c.end))
            .collect();
        other.sort_unstable();
        let longest = other.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
        let blocked = |s: usize, e: usize| {
            let from = other.partition_point(|&(a, _)| a + longest <= s);
            other[from..]
                .iter()
                .take_while(|&&(a, _)| a < e)
                .any(|&(_, b)| b > s)
        };
        let people = self.people.find(orig, offsets, t, table, &blocked);
        out.extend(
            people
                .into_iter()
                .map(|(start, end)| NameCand::unknown(start, end, Kind::Person, 2)),
        );
        super::gloss::transliterated_glosses(t, out);
        let place_nisba = |w: &str| self.place_nisba(w);
        for &(at, tr) in &triggers {
            unknown_after_trigger(t, at, tr, out, &gaz, &place_nisba);
        }
        for &(at, tr) in &triggers {
            if tr == Trigger::Org {
                dual_list(t, at, out);
            } else if tr == Trigger::Product {
                described_product(t, at, out);
            }
        }
        quoted_companies(t, out, &gaz);
        named_products(t, out);
        coordinated_names(t, out);
        quoted_appositions(t, out);
        arabic_acronym_glosses(t, out, &gaz);
        datelines(t, out, &gaz);
        propagate_names(t, words, out, gaz_end);
        maker_models(t, out);
        capital_model_letters(orig, offsets, t, out);
        quoted_series_models(t, words, out);
        model_numbers(t, words, &table.cls, out);
        quoted_editions(t, out);
        app_names(t, out);
        digital_platforms(t, out);
        wallet_services(t, out);
        companies_named_like_products(t, out);
    }
}

/// «شركة اتحاد اتصالات “موبايلي”», «السوق المالية “تداول”»: a quoted name right after an
/// organisation's name is its other name (a brand, an acronym).
fn quoted_appositions(t: &str, out: &mut Vec<NameCand>) {
    let mut found = Vec::new();
    for c in out.iter().filter(|c| c.kind == Kind::Org) {
        let Some(after) = t[c.end..].strip_prefix(' ') else {
            continue;
        };
        let Some(open) = after
            .chars()
            .next()
            .filter(|q| matches!(q, '"' | '«' | '“'))
        else {
            continue;
        };
        let s = c.end + 1 + open.len_utf8();
        let Some(len) = t[s..].find(['"', '»', '”']).filter(|&l| l > 0 && l <= 40) else {
            continue;
        };
        let name = &t[s..s + len];
        if name.split(' ').count() <= 3
            && name == name.trim()
            && name
                .chars()
                .all(|ch| ch == ' ' || (is_word_char(ch) && !ch.is_ascii_digit()))
            && !out.iter().any(|o| o.start < s + len && s < o.end)
        {
            found.push(NameCand::unknown(s, s + len, Kind::Org, 1));
        }
    }
    out.extend(found);
}

/// «القامشلي – نورث برس», «بغداد اليوم- بغداد», «دبي (الاتحاد)», «الرياض – شركات مباشر:»: a
/// dateline opens a line with a place and the outlet, either way round; the side that is not
/// the place names the outlet.
fn datelines(t: &str, out: &mut Vec<NameCand>, gaz: &GazIndex) {
    // 1–3 words of letters, trimmed: (start, end) in `t`.
    let side = |s: usize, e: usize| -> Option<(usize, usize)> {
        let part = &t[s..e];
        let lead = part.len() - part.trim_start().len();
        let part = part.trim();
        let words = part.split(' ').count();
        (!part.is_empty()
            && words <= 3
            && part
                .chars()
                .all(|c| c == ' ' || (is_word_char(c) && !c.is_ascii_digit())))
        .then_some((s + lead, s + lead + part.len()))
    };
    let is_place = |out: &[NameCand], (s, e): (usize, usize)| {
        gaz.overlapping(out, s, e)
            .into_iter()
            .any(|k| out[k].start == s && out[k].end == e && out[k].kind == Kind::Place)
    };
    let mut found = Vec::new();
    let mut start = 0;
    for line in t.split('\n') {
        let line_start = start;
        start += line.len() + 1;
        // «A – B» (B up to «:», «)» or the line's end), or «A (B)», near the line's start.
        // Only the line's start is searched (a long paragraph is one line): a dash or
        // parenthesis starting before byte 80 ends by byte 83.
        let mut head_len = line.len().min(83);
        while !line.is_char_boundary(head_len) {
            head_len -= 1;
        }
        let head = &line[..head_len];
        let (a, b) = if let Some(d) = head.find(['–', '-']).filter(|&d| d < 80) {
            let dash_len = line[d..].chars().next().map_or(1, char::len_utf8);
            let inner = line[d + dash_len..].trim_start();
            let inner = inner.strip_prefix('(').unwrap_or(inner);
            let b_start = line.len() - inner.len();
            let b_len = inner.find([')', ':', '،']).unwrap_or(inner.len());
            if !(b_len == inner.len() || inner[b_len..].starts_with([')', ':'])) {
                continue;
            }
            (
                (line_start, line_start + d),
                (line_start + b_start, line_start + b_start + b_len),
            )
        } else if let Some(o) = head.find('(').filter(|&o| o < 80)
            && let Some(c) = line[o..].find(')')
        {
            let after = line[o + c + 1..].trim();
            if !after.is_empty() && !after.starts_with(':') {
                continue;
            }
            (
                (line_start, line_start + o),
                (line_start + o + 1, line_start + o + c),
            )
        } else {
            continue;
        };
        let (Some(a), Some(b)) = (side(a.0, a.1), side(b.0, b.1)) else {
            continue;
        };
        let outlet = if is_place(out, a) || &t[a.0..a.1] == "وكالات" {
            b
        } else if is_place(out, b) {
            a
        } else {
            continue;
        };
        // «الرياض - قال الوزير: …» is a sentence, not an outlet.
        let mut words = t[outlet.0..outlet.1].split(' ');
        let sentence = words.next().is_some_and(|w| {
            // «بيروت - متابعة منى حسن»: a byline names the reporter, not an outlet.
            matches!(
                w,
                "متابعه"
                    | "كتب"
                    | "كتبت"
                    | "اعداد"
                    | "بقلم"
                    | "ترجمه"
                    | "تحرير"
                    | "حوار"
                    | "تقرير"
            ) || super::people::function_word(w)
                || super::people::role_word(w)
                || super::people::title(w)
                || orgs::closed_class(w)
        }) || t[outlet.0..outlet.1]
            .split(' ')
            .any(super::people::speech_verb);
        let known = sentence
            || gaz
                .overlapping(out, outlet.0, outlet.1)
                .into_iter()
                .any(|k| out[k].start == outlet.0 && out[k].end == outlet.1);
        if !known && !is_place(out, outlet) {
            found.push(NameCand::unknown(outlet.0, outlet.1, Kind::Org, 1));
        }
    }
    out.extend(found);
}

/// «للاتصالات», «للخدمات المالية», «للتقنية»: a company's line of business (a «لل» plural, or
/// one of the trades companies name themselves after), not a purpose («للمستقبل», «للتغيير»).
fn line_of_business(w: &str) -> bool {
    w.strip_prefix("لل").is_some_and(|r| {
        (r.ends_with("ات") && r.chars().count() >= 4)
            || matches!(
                r,
                "تقنيه"
                    | "تكنولوجيا"
                    | "هاتف"
                    | "هواتف"
                    | "استثمار"
                    | "تجاره"
                    | "طاقه"
                    | "تطوير"
                    | "برمجيات"
                    | "تامين"
                    | "اعلام"
                    | "نقل"
                    | "انشاءات"
                    | "تمويل"
                    | "صناعه"
                    | "سياحه"
                    | "طيران"
                    | "بترول"
                    | "اتصال"
            )
    })
}

/// «بإدارة “أوراسكوم” للاتصالات», «"أمنية" للهواتف النقالة»: a quoted unknown name followed by
/// a company's «لل» line of business is a company (the quotes close the name before it).
fn quoted_companies(t: &str, out: &mut Vec<NameCand>, gaz: &GazIndex) {
    let mut found = Vec::new();
    for (open, close) in [('"', '"'), ('«', '»'), ('“', '”')] {
        let mut from = 0;
        while let Some(rel) = t[from..].find(open) {
            let s = from + rel + open.len_utf8();
            from = s;
            let Some(len) = t[s..].find(close).filter(|&l| l > 0 && l <= 60) else {
                continue;
            };
            let (e, name) = (s + len, &t[s..s + len]);
            let after = &t[e + close.len_utf8()..];
            let business = after
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !is_word_char(c)).next())
                .is_some_and(line_of_business);
            if business
                && !back_reference(name)
                && name.split(' ').count() <= 3
                && name.split(' ').all(|w| {
                    w.chars().count() >= 2
                        && w.chars().all(is_arabic_letter)
                        && trigger(w).is_none()
                        && !orgs::closed_class(w)
                })
                && gaz.overlapping(out, s, e).is_empty()
            {
                found.push(NameCand::unknown(s, e, Kind::Org, 1));
            }
            if open == close {
                from = e + close.len_utf8();
            }
        }
    }
    out.extend(found);
}

/// «اتباع «الهيئة» للإجراءات»: a body's head noun alone in quotes refers back to a body named
/// before («الهيئة», «الوزارة»), it is no company's name.
fn back_reference(name: &str) -> bool {
    orgs::DEFINITE_HEADS.contains(&name)
        || matches!(
            name,
            "الوزاره" | "الجامعه" | "الحكومه" | "الدوله" | "البورصه"
        )
}

/// «أورانج تونس», «زين الأردن»: a company right before a place is its local company; and
/// «آسيا سيل للاتصالات»: a «لل» complement right after a company belongs to its name.
fn merge_local_subsidiaries(t: &str, cands: &mut [NameCand]) {
    // «مصر للطيران», «البحرين للاتصالات», «تونس للاتصالات»: a place followed by a «لل» line of
    // business is a company («سافر إلى دبي للاستثمار» is a trip).
    // The gazetteer's own «مصر للبترول», «قطر للبترول» keep their entry (the company filter
    // reads its canonical name).
    let entries: Vec<(usize, usize, Option<usize>)> = cands
        .iter()
        .filter(|c| c.kind == Kind::Org && c.entity.is_some())
        .map(|c| (c.start, c.end, c.entity))
        .collect();
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Place) {
        let word_start = clitic_start(t, c.start);
        let prefix = &t[word_start..c.start];
        // The word before, walked back to once for the three tests below.
        let before = prev_word(t, word_start);
        let after_preposition = prefix.contains('ب')
            || prefix.contains('ف')
            || before.is_some_and(|(a, b)| {
                matches!(
                    &t[a..b],
                    "في" | "الي"
                        | "من"
                        | "عن"
                        | "علي"
                        | "حتي"
                        | "نحو"
                        | "داخل"
                        | "خارج"
                        | "عبر"
                        | "بين"
                        | "الى"
                )
            });
        // «معرض دبي للطيران», «منتدى الرياض للاستثمارات»: an event or an institution named
        // after the place. (Quotes around the place and the trade make them one name even
        // after a preposition or a head: «في «دبي للإنترنت»».)
        let after_head = before.is_some_and(|(a, b)| {
            let w = &t[a..b];
            stems(w).any(|o| {
                let st = &w[o..];
                event_word(st) || orgs::STRONG_HEADS.contains(&st) || orgs::WEAK_HEADS.contains(&st)
            })
        });
        if let Some((s, e)) = next_word(t, c.end)
            && s == c.end + 1
            && industry(&t[s..e])
            && ((!after_preposition && !after_head) || quoted(t, word_start, e))
        {
            c.kind = Kind::Org;
            c.end = e;
            c.entity = entries
                .iter()
                .find(|&&(a, b, _)| a == c.start && b == e)
                .and_then(|&(_, _, entity)| entity);
            // «البحرين للاتصالات السلكية واللاسلكية»: a pair of nisbas joined by «و» describes
            // the trade and belongs to the name (a nisba alone may be the company's
            // nationality: «زين الكويتية»).
            if let Some((a1, b1)) = next_word(t, e)
                && a1 == e + 1
                && let Some((a2, b2)) = next_word(t, b1)
                && a2 == b1 + 1
                && paired_nisbas(&t[a1..b1], &t[a2..b2])
            {
                c.end = b2;
            }
            // «لمدينة دبي للإنترنت», «مدينة دبي للإعلام»: a city named by a place and a trade
            // is a business zone, «مدينة» its name's first word.
            if let Some((a, b)) = before
                && b + 1 == word_start
                && let Some(o) = stems(&t[a..b]).find(|&o| &t[a + o..b] == "مدينه")
            {
                c.start = a + o;
            }
        }
    }
    // «الشركة المصرية للاتصالات», «للشركة الليبية القابضة»: a company named by a nisba is
    // named with the definite company word before it.
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Org) {
        let first = t[c.start..c.end].split(' ').next().unwrap_or_default();
        if !(first.starts_with("ال") && first.ends_with("يه"))
            || c.start != clitic_start(t, c.start)
        {
            continue;
        }
        if let Some((a, b)) = prev_word(t, c.start)
            && b + 1 == c.start
            && let Some(article) = ["الشركه", "الشركة", "لشركه"]
                .iter()
                .find_map(|h| t[a..b].ends_with(h).then(|| b - h.len()))
            && matches!(&t[a..article], "" | "و" | "ل" | "ول" | "ب" | "وب")
        {
            c.start = article;
        }
    }
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Org) {
        // «منصة سلة للتجارة الإلكترونية»: after a platform word the complement says what it does.
        if triggered(t, clitic_start(t, c.start)) == Some(Trigger::Product) {
            continue;
        }
        if let Some((s, e)) = next_word(t, c.end)
            && s == c.end + 1
            && t[s..e].starts_with("لل")
            && t[s..e].chars().count() >= 5
            // «البنك المركزي المصري للحصول على رخصة»: a purpose, not a line of business.
            && !next_word(t, e).is_some_and(|(a, b)| super::orgs::purpose_phrase(&t[s..e], &t[a..b]))
        {
            c.end = e;
            if let Some((s2, e2)) = next_word(t, e)
                && s2 == e + 1
                && t[s2..e2].starts_with("ال")
                && !company_descriptor(&t[s2..e2])
            {
                c.end = e2;
            }
        }
    }
    for k in 1..cands.len() {
        let (a, b) = cands.split_at_mut(k);
        let (prev, place) = (&mut a[k - 1], &mut b[0]);
        let place_word = &t[place.start..place.end];
        // «تابي السعودية» is the Saudi Tabby (an adjective), «أورانج تونس» Orange Tunisia.
        let adjective = place_word.starts_with("ال") && place_word.ends_with("يه");
        if prev.kind == Kind::Org
            && !adjective
            && place.kind == Kind::Place
            && place.start == prev.end + 1
            && &t[prev.end..place.start] == " "
        {
            prev.end = place.end;
            place.end = place.start; // emptied: dropped when candidates are collected
        }
    }
}

/// Where the word holding `pos` starts, before any clitic glued to the name.
fn clitic_start(t: &str, pos: usize) -> usize {
    pos - clitic_before(t, pos).map_or(0, str::len)
}

/// A name found once by a cue (a trigger, quotes, a head noun) marks its other mentions in the
/// same text: «شركة "ديفونا" … ديفونا».
fn propagate_names(t: &str, words: &[super::scan::Word], out: &mut Vec<NameCand>, from: usize) {
    let mut names: Vec<(String, Kind)> = out[from..]
        .iter()
        .filter(|c| matches!(c.kind, Kind::Org | Kind::Product) && c.entity.is_none())
        // A name that looks like an adjective or a plural is propagated only when quotes set it
        // apart («شركة “ألفا” … “ألفا”»): unquoted, its other mentions are likely the word.
        .filter(|c| {
            let n = &t[c.start..c.end];
            n.chars().count() >= 3 && (!not_a_name(n) || quoted(t, c.start, c.end))
        })
        .map(|c| (t[c.start..c.end].to_string(), c.kind))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return;
    }
    // Names by their first word (clitics stripped), so the text is walked once.
    // Looked up for every word of the text: WordHash, not SipHash.
    let mut by_first: HashMap<&str, Vec<(&str, Kind)>, WordHashBuild> = HashMap::default();
    let mut firsts = WordSketch::default();
    // Every clitic stem of a word ends where the word does: a word whose last byte ends no first
    // word is passed over without working out its stems (most words).
    let mut last_bytes = [false; 256];
    for (name, kind) in &names {
        let first = name.split(' ').next().unwrap_or(name);
        firsts.add(first);
        if let Some(&b) = first.as_bytes().last() {
            last_bytes[usize::from(b)] = true;
        }
        by_first
            .entry(first)
            .or_default()
            .push((name.as_str(), *kind));
    }
    let existing: HashSet<(usize, usize), WordHashBuild> =
        out.iter().map(|c| (c.start, c.end)).collect();
    let mut extra = Vec::new();
    for w in words {
        let word = &t[w.s..w.e];
        if !word
            .as_bytes()
            .last()
            .is_some_and(|&b| last_bytes[usize::from(b)])
        {
            continue;
        }
        for off in stems(word) {
            if !firsts.may_hold(&word[off..]) {
                continue;
            }
            let Some(list) = by_first.get(&word[off..]) else {
                continue;
            };
            let p = w.s + off;
            let Some(&(name, kind)) = list.iter().find(|(n, _)| t[p..].starts_with(n)) else {
                continue;
            };
            let end = p + name.len();
            if char_at(t, end).is_some_and(is_word_char)
                || clitic_before(t, p).is_none()
                || existing.contains(&(p, end))
            {
                continue;
            }
            extra.push(NameCand::unknown(p, end, kind, 1));
            break;
        }
    }
    out.extend(extra);
}

fn merge(into: &mut Pat, new: Pat) {
    if let (
        Pat::Alias {
            tier,
            exact_plain,
            cased,
            ..
        },
        Pat::Alias {
            tier: t2,
            exact_plain: x2,
            cased: c2,
            ..
        },
    ) = (into, new)
    {
        let weaker = |t: Tier| match t {
            Tier::Plain => 0,
            Tier::Strict => 1,
            Tier::Common => 2,
        };
        if weaker(t2) > weaker(*tier) {
            *tier = t2;
        }
        exact_plain.extend(x2);
        *cased &= c2;
    }
}

/// The trigger word right before the word that starts at `word_start`, if any.
pub fn triggered(t: &str, word_start: usize) -> Option<Trigger> {
    let (mut s, mut e) = prev_word(t, word_start)?;
    if &t[s..e] == "ل" {
        // «لـ فوري» after tatweel removal: the trigger is the word before the detached ل.
        (s, e) = prev_word(t, s)?;
    }
    let w = &t[s..e];
    // «للشركات العربية»: a definite trigger is followed by an adjective, not a name.
    stems(w)
        .filter(|&o| !w[..o].ends_with("ال") && !w[..o].ends_with("لل"))
        .find_map(|off| trigger(&w[off..]))
}

/// In quotes, or alone in parentheses like an agency tag «(واس)».
fn quoted(t: &str, s: usize, e: usize) -> bool {
    // Any opening quote with any closing one: real text mixes them («كورك”, “تداول ”).
    matches!(
        (char_before(t, s), char_at(t, e)),
        (Some('«' | '"' | '“'), Some('»' | '"' | '”'))
            | (Some('('), Some(')'))
            // The Algerian press quotes with two apostrophes: «''نجمة''».
            | (Some('\''), Some('\''))
    )
}

/// Latin names inside Arabic: more Arabic letters than Latin ones (a byte count over the first
/// 64 KiB, which is representative of an article and bounds the cost on huge inputs).
fn mostly_arabic(t: &str) -> bool {
    let head = &t.as_bytes()[..t.len().min(1 << 16)];
    // Branch-free counts (a loop the compiler vectorizes): `| 0x20` folds A–Z onto a–z.
    let (mut latin, mut arabic) = (0u32, 0u32);
    for &c in head {
        latin += u32::from((c | 0x20).wrapping_sub(b'a') < 26);
        arabic += u32::from(c.wrapping_sub(0xD8) < 4);
    }
    latin > 0 && arabic > latin
}

/// Latin words that are not names on their own.
fn latin_noise(w: &str) -> bool {
    const NOISE: &[&str] = &[
        "ai", "ceo", "cfo", "cto", "coo", "gpu", "gpus", "cpu", "npu", "api", "usb", "pdf", "html",
        "url", "rss", "sms", "vr", "ar", "xr", "iot", "it", "ev", "evs", "ipo", "tv", "pc", "nft",
        "llm", "llms", "saas", "faq", "ram", "ssd", "hdr", "oled", "lcd", "led", "5g", "4g", "wi",
        "fi", "wifi", "the", "and", "of", "a", "an", "in", "on", "for", "to", "by", "with", "is",
        "gb", "tb", "mb", "ghz", "mhz", "mp", "km", "kg", "nm", "mah", "inc", "ltd", "co", "hbm",
        "dram", "nand", "lte", "nfc", "gps", "esim", "sim", "ui", "ux", "sdk", "os", "apk", "vpn",
        "dns", "ip", "http", "https", "www", "ssl", "tls", "b2b", "b2c", "kpi", "roi", "gdp",
        "esg", "mr", "ml", "nlp", "agi", "asi", "rag", "tpu", "tpus", "hpc", "fps", "hz", "amoled",
        "lpddr5", "ddr5", "pcie", "eu", "us", "uk", "usa", "uae", "3g", "2g", "suv",
    ];
    NOISE.contains(&w)
}

/// The last word of a Latin event's name (lowercased, as the text is normalized).
fn latin_event_word(w: &str) -> bool {
    matches!(
        w,
        "unpacked" | "event" | "summit" | "conference" | "expo" | "keynote" | "forum" | "festival"
    )
}

fn is_model_token(w: &str) -> bool {
    w.bytes().any(|c| c.is_ascii_digit())
        || matches!(
            w,
            "pro"
                | "max"
                | "ultra"
                | "plus"
                | "mini"
                | "air"
                | "lite"
                | "fold"
                | "flip"
                | "se"
                | "edge"
                | "neo"
                | "turbo"
                | "nano"
                | "flash"
                | "sonnet"
                | "opus"
                | "haiku"
        )
}

/// Runs of Latin words (joined by single spaces) that contain a capital: «OpenAI», «Mate 70 Pro».
fn latin_runs(
    g: &Gazetteer,
    people: &People,
    orig: &str,
    offsets: &[usize],
    t: &str,
    out: &mut Vec<NameCand>,
    gaz: &GazIndex,
) {
    let b = t.as_bytes();
    let word_char = |c: u8| c.is_ascii_alphanumeric();
    let inner = |c: u8| matches!(c, b'-' | b'.' | b'&' | b'+' | b'\'');
    let mut i = 0;
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() || (i > 0 && (word_char(b[i - 1]) || inner(b[i - 1]))) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut has_upper = false;
        let mut has_digit = false;
        let mut words = 0;
        // Where the second word starts, and whether the first is a lowercase word.
        let mut second = None;
        let mut first_plain = false;
        let mut p = i;
        loop {
            // One word: alnum with inner - . & + '
            let ws = p;
            while p < b.len()
                && (word_char(b[p]) || (inner(b[p]) && p + 1 < b.len() && word_char(b[p + 1])))
            {
                p += 1;
            }
            if p == ws {
                break;
            }
            let w = &t[ws..p];
            let upper = orig[offsets[ws]..offsets[p]]
                .bytes()
                .any(|c| c.is_ascii_uppercase());
            let digits = w.bytes().any(|c| c.is_ascii_digit());
            if words > 0 && !(upper || digits || is_model_token(w))
                || (words == 0 && latin_noise(w))
            {
                break;
            }
            // «Galaxy A»: a lone capital closing the run is a model series, not the article.
            let series = words > 0
                && w.len() == 1
                && upper
                && !(p + 1 < b.len() && b[p] == b' ' && word_char(b[p + 1]));
            if words > 0 && latin_noise(w) && !digits && !series {
                break;
            }
            if words == 0 {
                first_plain = !upper && !digits;
            } else if words == 1 {
                second = Some(ws);
            }
            has_upper |= upper;
            has_digit |= digits;
            words += 1;
            end = p;
            if p + 1 < b.len() && b[p] == b' ' && word_char(b[p + 1]) {
                p += 1;
            } else {
                break;
            }
        }
        i = end.max(start + 1);
        // «لشركة fintech Klivvr»: a lowercase English word before a capitalised name is a
        // common noun describing it, not the name's first word.
        let start = match second {
            Some(s2) if first_plain => {
                words -= 1;
                s2
            }
            _ => start,
        };
        let letters = t[start..end]
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .count();
        // «“P8”», «“e208”»: a quoted code of letters and digits is a model even with one letter
        // or no capital.
        let quoted_code = words == 1
            && has_digit
            && letters >= 1
            && quoted(t, start, end)
            // «قمة "G20"»: an event's code.
            && !char_before(t, start)
                .and_then(|q| prev_word(t, start - q.len_utf8()))
                .is_some_and(|(a, b)| stems(&t[a..b]).any(|o| event_word(&t[a + o..b])));
        if words > 0 && (has_upper && letters >= 2 || quoted_code) {
            runs.push((start, end, has_digit));
        }
    }
    for (s, e, has_digit) in runs {
        let mut inside = gaz.overlapping(out, s, e);
        // «Galaxy Unpacked», «A Galaxy Event»: a run ending in an event word names the event,
        // not the product inside it.
        if t[s..e].rsplit(' ').next().is_some_and(latin_event_word) {
            for &k in &inside {
                if out[k].kind == Kind::Product {
                    out[k].end = out[k].start;
                }
            }
            continue;
        }
        // «Gulf MENA Holdings»: a place abbreviation inside a longer Latin name is part of it.
        if !inside.is_empty()
            && inside
                .iter()
                .all(|&k| out[k].kind == Kind::Place && out[k].end - out[k].start < e - s)
        {
            for &k in &inside {
                out[k].end = out[k].start;
            }
            inside.clear();
        }
        // «لموقع Android Authority»: after a company or site word the whole run is the name.
        if let [k] = inside[..]
            && out[k].start == s
            && out[k].end < e
            && prev_trigger(t, s) == Some(Trigger::Org)
        {
            out[k].end = out[k].start;
            inside.clear();
        }
        if let Some(&k) = inside.first() {
            // A gazetteer product followed by model tokens grows over them: «iPhone 16 Pro».
            let c = &out[k];
            let is_product = c
                .entity
                .is_some_and(|x| g.entities[x].kind == Kind::Product);
            if inside.len() == 1 && c.start == s && is_product && c.end < e {
                // Model tokens or capitalised words: «iPhone 16 Pro», «Copilot Studio».
                out[k].end = e;
            } else if inside.len() == 1 && c.start == s && c.end < e && org_extension(g, c, t, e) {
                // «Aramco Digital», «Google.org»: a known company's name extended by a word
                // names its unit, which keeps the parent for the company filter.
                out[k].end = e;
            } else if let [o, p] = inside[..]
                && out[o].start == s
                && out[o].kind == Kind::Org
                && out[p].kind == Kind::Product
                && out[p].start == out[o].end + 1
                && out[p].end < e
            {
                // «Samsung Galaxy S26»: the product grows over the model (the company joins it
                // when candidates are resolved).
                out[p].end = e;
            }
            continue;
        }
        // «مؤتمر Digital Now 2025», «معرض GITEX»: an event, not an organisation or a product.
        if event_before(t, s) {
            continue;
        }
        // «Walk of Cairo»: a run before «of» and a capitalised word is the start of a longer
        // English name (a place, a title), not a name of its own.
        if t[e..].starts_with(" of ")
            && offsets
                .get(e + 4)
                .and_then(|&o| orig.get(o..))
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        let words: Vec<&str> = t[s..e].split(' ').collect();
        let person = !has_digit && (2..=3).contains(&words.len()) && people.latin_given(words[0]);
        let kind = match prev_trigger(t, s) {
            _ if person => Kind::Person,
            Some(Trigger::Org) => Kind::Org,
            Some(Trigger::Product) => Kind::Product,
            Some(Trigger::Place) => Kind::Place,
            None if has_digit => Kind::Product,
            None => Kind::Org,
        };
        out.push(NameCand::unknown(s, e, kind, 2));
    }
}

/// Whether the Latin run ending at `e` extends the known company `c` into a longer company
/// name: no digits after it (a model), and no product trigger before it («خدمة Google Maps»).
fn org_extension(g: &Gazetteer, c: &NameCand, t: &str, e: usize) -> bool {
    c.kind == Kind::Org
        && c.entity.is_some_and(|x| g.entities[x].kind == Kind::Org)
        && !t[c.end..e].bytes().any(|b| b.is_ascii_digit())
        && prev_trigger(t, c.start) != Some(Trigger::Product)
}

/// «آيفون 16 برو ماكس», «أندرويد 16»: a product name grows over a model number (at most three
/// digits, not a count: no scale word, currency or percent after it) and model words.
fn arabic_model_suffix(t: &str, end: usize) -> usize {
    let mut at = end;
    for _ in 0..4 {
        let Some((s, e)) = next_word(t, at).filter(|&(s, _)| s == at + 1) else {
            break;
        };
        let w = &t[s..e];
        let model_word = matches!(
            w,
            "برو"
                | "ماكس"
                | "الترا"
                | "بلس"
                | "ميني"
                | "اير"
                | "لايت"
                | "نوت"
                | "فولد"
                | "فليب"
                | "اس"
                | "اكس"
                | "ايدج"
        );
        // «S9», «A55»: a short Latin model code with a digit.
        let latin_code = w.len() <= 4
            && w.bytes().all(|b| b.is_ascii_alphanumeric())
            && w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().any(|b| b.is_ascii_alphabetic());
        let number = e - s <= 3 && w.bytes().all(|b| b.is_ascii_digit());
        if number {
            let after = next_word(t, e).map(|(a, b)| &t[a..b]);
            let counted = after.is_some_and(|w| {
                lexicon::scale(w).is_some()
                    || lexicon::currency_word(w)
                    || w == "في"
                    || w.starts_with("بال")
            });
            if counted
                || char_at(t, e) == Some('%')
                || char_at(t, e).is_some_and(|c| c == '.' || c == ',')
                    && t.as_bytes().get(e + 1).is_some_and(u8::is_ascii_digit)
            {
                break;
            }
        } else if !(model_word || latin_code) {
            break;
        }
        at = e;
    }
    at
}

/// The trigger before a name that may have a clitic glued to it («ومنصة Azure», «لـ OpenAI»).
fn prev_trigger(t: &str, s: usize) -> Option<Trigger> {
    let ws = match char_before(t, s) {
        Some(c) if super::scan::is_letter(c) => super::scan::letters_before(t, s, 12),
        _ => s,
    };
    // «تطبيقة ” Pay Direct”»: an opening quote between the trigger and the name.
    let ws = t[..ws]
        .trim_end_matches(' ')
        .strip_suffix(['"', '“', '«', '”'])
        .map_or(ws, str::len);
    triggered(t, ws)
}

/// «شركة هيوماين»: an unknown Arabic word right after a trigger is a name.
fn unknown_after_trigger(
    t: &str,
    at: usize,
    tr: Trigger,
    out: &mut Vec<NameCand>,
    gaz: &GazIndex,
    place_nisba: &dyn Fn(&str) -> bool,
) {
    let kind = match tr {
        Trigger::Org => Kind::Org,
        Trigger::Product => Kind::Product,
        // Only the words that always name a place: «منطقة حرة», «ولاية ثانية» do not.
        Trigger::Place => {
            let word = prev_word(t, at).map(|(s, e)| &t[s..e]);
            if !word.is_some_and(|w| {
                ["مدينه", "محافظه", "بلده", "قريه", "اقليم", "حي"]
                    .iter()
                    .any(|p| w.ends_with(p))
            }) {
                return;
            }
            Kind::Place
        }
    };
    // «برنامج "كلمة أخيرة"», «برنامج «بادر»»: a programme (a show, a scheme) is not a product.
    if prev_word(t, at).is_some_and(|(a, b)| stems(&t[a..b]).any(|o| &t[a + o..b] == "برنامج"))
    {
        return;
    }
    // «شركة السيارات الشهيرة «جنرال موتورز»»: a company word, up to three definite words
    // saying what kind of company, then the quoted name.
    let mut at = at;
    if kind == Kind::Org {
        let mut p = at;
        for _ in 0..3 {
            match next_word(t, p) {
                Some((s, e)) if s == p + 1 && t[s..e].starts_with("ال") => p = e,
                _ => break,
            }
        }
        let quote_at = |p: usize| {
            matches!(
                t[p..].strip_prefix(' ').and_then(|q| q.chars().next()),
                Some('"' | '«' | '“')
            )
        };
        if p != at && quote_at(p) {
            at = p;
        } else {
            // «شركة اتحاد اتصالات “موبايلي”»: indefinite words, then the quoted brand: the words
            // are the company's legal name, the brand a second name.
            let mut q = at;
            let mut n = 0;
            while n < 3
                && let Some((s, e)) = next_word(t, q)
                && s == q + 1
                && t[s..e].chars().all(is_arabic_letter)
                && t[s..e].chars().count() >= 3
                && !(n == 0 && t[s..e].starts_with("ال"))
                && trigger(&t[s..e]).is_none()
                && !orgs::closed_class(&t[s..e])
                && !super::people::function_word(&t[s..e])
            {
                q = e;
                n += 1;
                if quote_at(q) {
                    break;
                }
            }
            if n > 0 && quote_at(q) && gaz.overlapping(out, at + 1, q).is_empty() {
                out.push(NameCand::unknown(at + 1, q, kind, 1));
            }
            if n == 0 && definite_company(t, at, out, gaz, place_nisba) {
                return;
            }
        }
    }
    // «صندوق "سنابل"», «منصة «سلة»»: a quoted name after a trigger, whatever its shape.
    if let Some(q) = t[at..].strip_prefix(' ')
        && let Some(open) = q.chars().next()
        && let Some(close) = match open {
            '"' => Some('"'),
            '«' => Some('»'),
            '“' => Some('”'),
            '(' => Some(')'),
            _ => None,
        }
    {
        let s = at + 1 + open.len_utf8();
        if let Some(len) = t[s..].find(close).filter(|&l| l > 0 && l <= 60) {
            let name = &t[s..s + len];
            // «شركة (إيرثلينك)»: in parentheses a name, not a remark («شركة (المملوكة للدولة)»).
            let first = name.split(' ').next().unwrap_or_default();
            let remark = open == '('
                && (first.starts_with("ال")
                    || not_a_name(first)
                    || orgs::closed_class(first)
                    || super::people::function_word(first));
            // «سيارة “مغربية مائة في المائة”»: an indefinite nisba adjective opening the quote
            // describes the thing; a product's name does not start so.
            let described = kind == Kind::Product
                && name.contains(' ')
                && !first.starts_with("ال")
                && first.chars().count() >= 4
                && (first.ends_with("يه") || first.ends_with('ي'));
            if !remark
                && !described
                && name.split(' ').count() <= 4
                && !name.starts_with(' ')
                && !name.ends_with(' ')
                && name.chars().all(|c| c == ' ' || is_word_char(c))
                && !latin_noise(name)
                && gaz.overlapping(out, s, s + len).is_empty()
            {
                out.push(NameCand::unknown(s, s + len, kind, 1));
            }
        }
        return;
    }
    let Some((s, e)) = next_word(t, at) else {
        return;
    };
    if !gaz.overlapping(out, s, e).is_empty() {
        return;
    }
    // Only one space between, and the word must be Arabic letters only.
    if s != at + 1 || !t[s..e].chars().all(is_arabic_letter) {
        return;
    }
    let w = &t[s..e];
    let n = w.chars().count();
    // Newspapers, channels and parties are often definite: «يومية المجاهد», «حزب العدالة
    // والتنمية».
    let trigger_word = prev_word(t, at).map_or("", |(a, b)| &t[a..b]);
    let media = matches!(
        trigger_word,
        "صحيفه"
            | "جريده"
            | "يوميه"
            | "فضائيه"
            | "قناه"
            | "نشره"
            | "مجله"
            | "حزب"
            | "لحزب"
    );
    if media && w.starts_with("ال") && n >= 5 && !w.ends_with('ي') && !w.ends_with("يه") {
        let mut end = e;
        if let Some((s2, e2)) = next_word(t, e)
            && s2 == e + 1
            && t[s2..e2].starts_with("وال")
        {
            end = e2;
        }
        out.push(NameCand::unknown(s, end, kind, 1));
        return;
    }
    // «زبنائها»: a noun with a pronoun is not a name.
    if n >= 5 && ["ها", "هم", "كم"].iter().any(|p| w.ends_with(p)) {
        return;
    }
    let verb_like = matches!(w.chars().next(), Some('ي' | 'ت' | 'ن')) && n <= 5;
    // «هاتف بكاميرا»: a preposition glued to an ordinary word.
    let glued = matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && n >= 5;
    // «شركة النصر لصناعة السيارات», «شركة معاملات للخدمات المالية»: after «شركة» a word shaped
    // like a common noun is the name when a line of business follows it (not an adjective
    // agreeing with the company: «شركة ناشئة للخدمات المالية», «شركة رائدة لصناعة …»).
    if kind == Kind::Org
        && stems(trigger_word).any(|o| &trigger_word[o..] == "شركه")
        && !(n < 3 || verb_like || glued)
        && !w.ends_with('ه')
        && !w.ends_with('ي')
        && !orgs::closed_class(w)
        && !super::people::function_word(w)
        && !super::people::role_word(w)
        && let Some(end) = trade_after(t, e)
    {
        out.push(NameCand::unknown(s, end, kind, 1));
        return;
    }
    if n < 3 || verb_like || glued || not_a_name(w) || w.ends_with('ي') || w.ends_with('ت') {
        return;
    }
    // «تطبيقا صينيا», «جهازا ذكيا»: a nisba adjective in the indefinite accusative, like its
    // «ـي» form above, describes the noun and names nothing.
    if n >= 4 && w.ends_with("يا") {
        return;
    }
    // «نظام كابل بحري»: a name is definite, so an indefinite nisba adjective after the word
    // shows it is a common noun.
    if next_word(t, e).is_some_and(|(a, b)| {
        let adj = &t[a..b];
        a == e + 1
            && !adj.starts_with("ال")
            && adj.chars().count() >= 4
            && (adj.ends_with('ي') || adj.ends_with("يه"))
            && !super::people::function_word(adj)
    }) {
        return;
    }
    // «سيارة منذ إطلاقها», «مساعد وزير الخزانة»: prepositions and roles are never names.
    if trigger(w).is_some()
        || lexicon::scale(w).is_some()
        || orgs::closed_class(w)
        || super::people::function_word(w)
        || super::people::role_word(w)
    {
        return;
    }
    // «شركة سبيرو سباتس للمشروبات الغازية»: more unknown words, then a company's «لل» line of
    // business.
    let mut end = e;
    for _ in 0..2 {
        match next_word(t, end) {
            Some((s2, e2)) if s2 == end + 1 && unknown_name_word(&t[s2..e2]) => end = e2,
            _ => break,
        }
    }
    // «شركة إير باص الفرنسية», «شركة جنرال إلكتريك الأمريكية»: a transliterated word
    // shaped like a clitic or a nisba («باص») still belongs to the name when a nationality
    // adjective closes the name right after it.
    if kind == Kind::Org
        && let Some((s2, e2)) = next_word(t, end)
        && s2 == end + 1
        && let Some((s3, e3)) = next_word(t, e2)
        && s3 == e2 + 1
        && place_nisba(&t[s3..e3])
        && loose_name_word(&t[s2..e2])
    {
        end = e2;
    }
    if kind == Kind::Org
        && let Some((s2, e2)) = next_word(t, end)
        && s2 == end + 1
        && t[s2..e2].starts_with("لل")
        && t[s2..e2].chars().count() >= 5
    {
        end = e2;
        if let Some((s3, e3)) = next_word(t, end)
            && s3 == end + 1
            && t[s3..e3].starts_with("ال")
        {
            end = e3;
        }
    }
    if !gaz.overlapping(out, s, end).is_empty() {
        end = e;
    }
    out.push(NameCand::unknown(s, end, kind, 1));
}

/// «بنكي مصر والأهلي», «شركتي "X" و"Y"»: after a bank word a place names the bank, and after a
/// dual company or bank word the name joined by و is the second company.
fn dual_list(t: &str, at: usize, out: &mut Vec<NameCand>) {
    let Some((ws, we)) = prev_word(t, at) else {
        return;
    };
    let word = &t[ws..we];
    let stem = stems(word)
        .map(|o| &word[o..])
        .find(|s| matches!(*s, "بنك" | "بنكي" | "مصرف" | "شركتي" | "شركتا" | "مجموعتي"))
        .unwrap_or("");
    if stem.is_empty() {
        return;
    }
    let bank = stem.starts_with("بنك") || stem == "مصرف";
    let dual = stem != "بنك" && stem != "مصرف";
    let quote = |p: usize| matches!(char_at(t, p), Some('"' | '«' | '“' | '”'));
    // The character after the trigger word is usually a space, but may be a closing quote
    // («و«سيتي بنك»»): step over it whole, never into the middle of a multi-byte character.
    let Some(after_word) = char_at(t, at) else {
        return;
    };
    let mut p = at + after_word.len_utf8();
    if quote(p) {
        p += char_at(t, p).map_or(0, char::len_utf8);
    }
    let first = out.iter_mut().find(|c| c.start == p);
    let Some(first) = first else { return };
    if bank && first.kind == Kind::Place {
        first.kind = Kind::Org;
        first.entity = None;
    }
    if !dual || first.kind != Kind::Org {
        return;
    }
    let mut q = first.end;
    if quote(q) {
        q += char_at(t, q).map_or(0, char::len_utf8);
    }
    let rest = &t[q..];
    let Some(after) = rest.strip_prefix(" و") else {
        return;
    };
    let mut s = q + (rest.len() - after.len());
    let closing = if quote(s) {
        let open = char_at(t, s).unwrap_or('"');
        s += open.len_utf8();
        Some(if open == '«' {
            '»'
        } else if open == '“' {
            '”'
        } else {
            open
        })
    } else {
        None
    };
    if let Some(c) = out.iter_mut().find(|c| c.start == s) {
        if c.kind == Kind::Place {
            c.kind = Kind::Org;
            c.entity = None;
        }
        return;
    }
    let end = match closing {
        Some(close) => match t[s..].find(close) {
            Some(len) if len > 0 && len <= 60 => s + len,
            _ => return,
        },
        None => {
            let e = word_end_at(t, s);
            if e == s {
                return;
            }
            e
        }
    };
    out.push(NameCand::unknown(s, end, Kind::Org, 1));
}

fn word_end_at(t: &str, s: usize) -> usize {
    super::scan::word_end(t, s)
}

/// A word that may continue an unknown name after its first word: a transliteration, not a
/// dictionary-shaped word (no article, no feminine or nisba ending, not a closed-class word).
/// A word that may end a transliterated name before a nationality adjective: Arabic letters,
/// no article, no closed-class, trigger, role, scale or currency word, nothing shaped like a
/// plural or an adjective (`not_a_name`). Unlike `unknown_name_word`, a first letter like a
/// clitic and a final ي are allowed («باص», «بروبرتي»).
fn loose_name_word(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().all(is_arabic_letter)
        && !not_a_name(w)
        && trigger(w).is_none()
        && lexicon::scale(w).is_none()
        && !lexicon::currency_word(w)
        && !orgs::closed_class(w)
        && !super::people::function_word(w)
        && !super::people::role_word(w)
}

fn unknown_name_word(w: &str) -> bool {
    let n = w.chars().count();
    n >= 3
        && w.chars().all(is_arabic_letter)
        && !w.starts_with("ال")
        && !w.ends_with('ه')
        && !w.ends_with('ي')
        && !w.ends_with('ت')
        && !not_a_name(w)
        && trigger(w).is_none()
        && lexicon::scale(w).is_none()
        && !lexicon::currency_word(w)
        && !matches!(
            w.chars().next(),
            Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ي' | 'ت' | 'ن')
        )
        // «شركة سيرياتل أكبر شركات …»: an elative adjective ends the name.
        && !matches!(
            w,
            "اكبر" | "اصغر" | "اول" | "اكثر" | "اقل" | "احد" | "اهم" | "ابرز" | "افضل" | "احدث"
                | "اسرع" | "اضخم"
        )
        && !matches!(
            w,
            "عن" | "من"
                | "في"
                | "مع"
                | "منذ"
                | "بعد"
                | "قبل"
                | "خلال"
                | "عبر"
                | "حول"
                | "ضمن"
        )
}

/// «قال أحمد المطيري، الرئيس التنفيذي …»: two to four Arabic words between a speech verb and a
/// comma followed by a title are a person's name (not in the gazetteer: no canonical).
fn people_with_titles(t: &str, out: &mut Vec<NameCand>, gaz: &GazIndex) {
    let mut from = 0;
    while let Some(p) = t[from..].find('،').map(|p| from + p) {
        from = p + '،'.len_utf8();
        let titled = next_word(t, from).is_some_and(|(s, e)| title_word(&t[s..e]));
        if !titled {
            continue;
        }
        let mut words = Vec::with_capacity(4);
        let mut at = p;
        while words.len() < 5 {
            let Some((s, e)) = prev_word(t, at) else {
                break;
            };
            if !t[s..e].chars().all(is_arabic_letter) {
                break;
            }
            words.push((s, e));
            at = s;
        }
        // words[0] is nearest the comma; the verb is the farthest one taken.
        let Some(v) = words.iter().position(|&(s, e)| speech_verb(&t[s..e])) else {
            continue;
        };
        if !(2..=4).contains(&v) {
            continue;
        }
        let (first_s, first_e) = words[v - 1];
        let first = &t[first_s..first_e];
        if first.starts_with("ال") || trigger(first).is_some() || title_word(first) {
            continue;
        }
        let function_word = words[..v].iter().any(|&(s, e)| {
            matches!(
                &t[s..e],
                "من" | "في" | "عن" | "علي" | "الي" | "مع" | "ان" | "او"
            )
        });
        let (start, end) = (first_s, words[0].1);
        if function_word || !gaz.overlapping(out, start, end).is_empty() {
            continue;
        }
        out.push(NameCand::unknown(start, end, Kind::Person, 1));
    }
}

fn speech_verb(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    matches!(
        w,
        "قال"
            | "قالت"
            | "اكد"
            | "اكدت"
            | "اوضح"
            | "اوضحت"
            | "اضاف"
            | "اضافت"
            | "صرح"
            | "صرحت"
            | "ذكر"
            | "ذكرت"
            | "اشار"
            | "اشارت"
            | "بحسب"
            | "حسب"
            | "يقول"
            | "تقول"
            | "كشف"
            | "كشفت"
            | "اعلن"
            | "اعلنت"
            | "راي"
            | "رات"
            | "يري"
            | "تري"
            | "لفت"
            | "لفتت"
    )
}

fn title_word(w: &str) -> bool {
    matches!(
        w,
        "الرئيس"
            | "رئيس"
            | "رئيسه"
            | "الرئيسه"
            | "المدير"
            | "مدير"
            | "مديره"
            | "المديره"
            | "وزير"
            | "وزيره"
            | "نائب"
            | "الشريك"
            | "شريك"
            | "مؤسس"
            | "المؤسس"
            | "مؤسسه"
            | "المتحدث"
            | "المتحدثه"
            | "متحدث"
            | "الخبير"
            | "خبير"
            | "المحلل"
            | "محلل"
            | "الباحث"
            | "باحث"
            | "استاذ"
            | "الاستاذ"
            | "عضو"
            | "محافظ"
            | "سفير"
            | "الامين"
            | "كبير"
            | "كبيره"
            | "نائبه"
            | "رئيسا"
            | "مستشار"
            | "المستشار"
    )
}

/// Indefinite company words whose next words may be a definite name.
fn company_trigger(w: &str) -> bool {
    stems(w).any(|o| {
        matches!(&w[o..], "شركه" | "مجموعه" | "مؤسسه")
            && !w[..o].ends_with("ال")
            && !w[..o].ends_with("لل")
    })
}

/// Descriptions of a company that follow its name («فوري للتكنولوجيا المدرجة»), and time words.
fn company_descriptor(w: &str) -> bool {
    matches!(
        w,
        "المدرجه"
            | "المملوكه"
            | "المتخصصه"
            | "الرائده"
            | "العامله"
            | "الناشئه"
            | "الماضي"
            | "المقبل"
            | "الجاري"
            | "الحالي"
            | "اليوم"
            | "الاسبوع"
            | "العام"
            | "الشهر"
    )
}

/// «شركة الزيتونة للاتصالات», «شركة الاتصالات الفلسطينية», «مجموعة الاتصالات المتنقلة
/// السعودية»: after an indefinite company word, definite words closed by a «لل» line of
/// business or by a nisba of a known place are the company's name, unless a name follows
/// («شركة التقنية الأمريكية أبل» describes Apple).
fn definite_company(
    t: &str,
    at: usize,
    out: &mut Vec<NameCand>,
    gaz: &GazIndex,
    place_nisba: &dyn Fn(&str) -> bool,
) -> bool {
    if !prev_word(t, at).is_some_and(|(a, b)| company_trigger(&t[a..b])) {
        return false;
    }
    let word_ok = |w: &str| {
        w.starts_with("ال")
            && w.chars().count() >= 5
            && w.chars().all(is_arabic_letter)
            && !orgs::closed_class(w)
            && trigger(w).is_none()
            && !company_descriptor(w)
    };
    let Some((s1, e1)) = next_word(t, at).filter(|&(s, e)| s == at + 1 && word_ok(&t[s..e])) else {
        return false;
    };
    let mut end = None;
    let mut p = e1;
    for _ in 0..2 {
        let Some((s, e)) = next_word(t, p).filter(|&(s, _)| s == p + 1) else {
            break;
        };
        let w = &t[s..e];
        if line_of_business(w) {
            let mut e = e;
            if let Some((s2, e2)) = next_word(t, e)
                && s2 == e + 1
                && t[s2..e2].starts_with("ال")
                && !company_descriptor(&t[s2..e2])
            {
                e = e2;
            }
            end = Some(e);
            break;
        }
        if place_nisba(w) {
            // A name right after: the words describe it.
            let followed = next_word(t, e).is_some_and(|(s2, e2)| {
                s2 == e + 1
                    && (!gaz.overlapping(out, s2, e2).is_empty()
                        || !t[s2..e2].chars().all(is_arabic_letter))
            }) || matches!(
                t[e..].strip_prefix(' ').and_then(|r| r.chars().next()),
                Some('"' | '«' | '“' | '(')
            );
            if !followed {
                end = Some(e);
            }
            break;
        }
        if !word_ok(w) || place_nisba(&t[s1..e1]) {
            break;
        }
        p = e;
    }
    let Some(end) = end else {
        return false;
    };
    if !gaz.overlapping(out, s1, end).is_empty() {
        return false;
    }
    out.push(NameCand::unknown(s1, end, Kind::Org, 1));
    true
}

/// «(موبيليس وجازي وأوريدو)», «شركات "بيلي غيفورد" (Baillie Gifford) و"كواتو مانجمنت"»: a
/// quoted name joined to an organisation or product by و or a comma is one of the same kind,
/// and so is a lone word between two organisations joined by و.
fn coordinated_names(t: &str, out: &mut Vec<NameCand>) {
    let mut names: Vec<(usize, usize, Kind)> = out
        .iter()
        .filter(|c| matches!(c.kind, Kind::Org | Kind::Product) && c.start < c.end)
        .map(|c| (c.start, c.end, c.kind))
        .collect();
    names.sort_unstable();
    let taken = |out: &[NameCand], s: usize, e: usize| {
        out.iter()
            .any(|c| c.start < e && s < c.end && c.start < c.end)
    };
    let mut found = Vec::new();
    // Lone words between two organisations: «موبيليس وجازي وأوريدو».
    for pair in names.windows(2) {
        let ((_, a_end, a_kind), (b_start, _, b_kind)) = (pair[0], pair[1]);
        if a_kind != Kind::Org || b_kind != Kind::Org || b_start <= a_end {
            continue;
        }
        let Some(mid) = t[a_end..b_start]
            .strip_prefix(" و")
            .and_then(|m| m.strip_suffix(" و"))
        else {
            continue;
        };
        let n = mid.chars().count();
        if n >= 3
            && mid.chars().all(is_arabic_letter)
            && !mid.starts_with("ال")
            && !not_a_name(mid)
            && !orgs::closed_class(mid)
            && !super::people::function_word(mid)
            && trigger(mid).is_none()
        {
            let s = a_end + " و".len();
            found.push((s, s + mid.len(), Kind::Org));
        }
    }
    // Quoted names after a name: follow the chain.
    let mut queue: Vec<(usize, Kind)> = names.iter().map(|&(_, e, k)| (e, k)).collect();
    while let Some((mut p, kind)) = queue.pop() {
        if matches!(char_at(t, p), Some('"' | '»' | '”')) {
            p += char_at(t, p).map_or(0, char::len_utf8);
        }
        // A Latin gloss in parentheses: «"كواتو مانجمنت" (Coatue Management)».
        if let Some(rest) = t[p..].strip_prefix(" (")
            && let Some(len) = rest.find(')').filter(|&l| l <= 60)
            && rest[..len].chars().all(|c| c.is_ascii() && c != '(')
        {
            p += 2 + len + 1;
        }
        let rest = &t[p..];
        let Some(after) = [" و", "، و", "، ", " ،و", "،و"]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
        else {
            continue;
        };
        let open_at = p + (rest.len() - after.len());
        let Some(open) = after.chars().next() else {
            continue;
        };
        if !matches!(open, '"' | '«' | '“') {
            continue;
        }
        let s = open_at + open.len_utf8();
        let Some(len) = t[s..].find(['"', '»', '”']).filter(|&l| l > 0 && l <= 60) else {
            continue;
        };
        let name = &t[s..s + len];
        if name.split(' ').count() <= 4
            && !name.starts_with(' ')
            && !name.ends_with(' ')
            && name.chars().all(|c| c == ' ' || is_word_char(c))
            && !latin_noise(name)
            && !taken(out, s, s + len)
            && !found.iter().any(|&(a, b, _)| a < s + len && s < b)
        {
            found.push((s, s + len, kind));
            queue.push((s + len, kind));
        }
    }
    out.extend(
        found
            .into_iter()
            .map(|(start, end, kind)| NameCand::unknown(start, end, kind, 1)),
    );
}

/// «السلكية واللاسلكية», «المالية والمصرفية»: a definite nisba and a second one after «و».
fn paired_nisbas(a: &str, b: &str) -> bool {
    let nisba = |w: &str| w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه"));
    nisba(a) && b.strip_prefix('و').is_some_and(nisba)
}

/// The industries a place-named company is in («مصر للطيران», «البحرين للاتصالات»): narrower
/// than a company's line of business, since after a place «للاستثمار» is often a purpose.
fn industry(w: &str) -> bool {
    w.strip_prefix("لل").is_some_and(|r| {
        (r.ends_with("ات") && r.chars().count() >= 5 && r != "مشاركات")
            || matches!(
                r,
                "طيران"
                    | "بترول"
                    | "تامين"
                    | "اتصال"
                    | "هاتف"
                    | "كهرباء"
                    | "تقنيه"
                    | "انترنت"
            )
    })
}

/// «لصناعة السيارات», «للخدمات المالية» right after `e`: a line of business (a company's «لل»
/// trade, or ل + an industry's verbal noun) and one definite word after it; where it ends.
fn trade_after(t: &str, e: usize) -> Option<usize> {
    let (s1, e1) = next_word(t, e).filter(|&(s1, _)| s1 == e + 1)?;
    let w = &t[s1..e1];
    let trade = line_of_business(w)
        || matches!(
            w,
            "لصناعه" | "لتصنيع" | "لتجاره" | "لانتاج" | "لتكنولوجيا" | "لتقنيه"
        );
    if !trade {
        return None;
    }
    Some(match next_word(t, e1) {
        Some((s2, e2)) if s2 == e1 + 1 && t[s2..e2].starts_with("ال") => e2,
        _ => e1,
    })
}

/// Events named like companies: «معرض دبي للطيران», «مؤتمر Digital Now».
/// An event word right before `s`, or — past an opening bracket or quote — one or two words
/// before it («ندوة الإستثمار ( Tunisia 2020 )»).
fn event_before(t: &str, s: usize) -> bool {
    let trimmed = t[..s].trim_end_matches(' ');
    let (mut p, words) = match trimmed.strip_suffix(['(', '«', '“', '"']) {
        Some(r) => (r.len(), 2),
        None => (s, 1),
    };
    for _ in 0..words {
        let Some((a, b)) = prev_word(t, p) else {
            return false;
        };
        let w = &t[a..b];
        if stems(w).any(|o| event_word(&w[o..])) {
            return true;
        }
        p = a;
    }
    false
}

pub(super) fn event_word(w: &str) -> bool {
    matches!(
        w,
        "معرض"
            | "مؤتمر"
            | "منتدي"
            | "قمه"
            | "جائزه"
            | "مهرجان"
            | "اسبوع"
            | "ملتقي"
            | "بطوله"
            | "مبادره"
            | "استراتيجيه"
            | "رؤيه"
            | "برنامج"
            | "ندوه"
    )
}
