//! Entities and figures in Arabic tech news (docs/gazetteer.md).
//!
//! One pass of normalization, one Aho-Corasick pass for gazetteer names, bare scale words and
//! trigger words, a scan for Latin names, and a scan for figures; overlaps are resolved by
//! length, then by evidence (gazetteer over Latin run over trigger guess over figure).

mod dates;
#[cfg(test)]
mod evaluation;
pub mod figures;
pub mod gazetteer;
mod gloss;
pub mod lexicon;
pub mod names;
pub mod normalize;
mod orgs;
mod people;
#[cfg(test)]
mod rules_tests;
pub mod scan;
mod wordtable;

use gazetteer::Gazetteer;
use names::{NameCand, Names};
use normalize::normalize_str;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use wordtable::WordTable;

/// The rules are the code of this module: hashing it into the version means any change to them
/// re-indexes stored articles, with nothing to remember to bump.
const RULES: [&str; 15] = [
    include_str!("people.rs"),
    include_str!("people/words.rs"),
    include_str!("gloss.rs"),
    include_str!("names/products.rs"),
    include_str!("names/acronyms.rs"),
    include_str!("orgs.rs"),
    include_str!("dates.rs"),
    include_str!("mod.rs"),
    include_str!("names.rs"),
    include_str!("figures.rs"),
    include_str!("lexicon.rs"),
    include_str!("normalize.rs"),
    include_str!("scan.rs"),
    include_str!("wordtable.rs"),
    include_str!("gazetteer.rs"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Org,
    Person,
    Place,
    Product,
    Money,
    Percent,
    Number,
    Date,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Org => "org",
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Product => "product",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Number => "number",
            Kind::Date => "date",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "org" => Kind::Org,
            "person" => Kind::Person,
            "place" => Kind::Place,
            "product" => Kind::Product,
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "number" => Kind::Number,
            "date" => Kind::Date,
            _ => return None,
        })
    }

    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Kind::Money | Kind::Percent | Kind::Number | Kind::Date
        )
    }
}

/// One entity or figure found in a text; offsets are UTF-8 byte offsets into that text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Gazetteer canonical English name ("Microsoft"); for a date, its ISO 8601 value
    /// (`2024-05-15`, `2024-05`, `2024`, or `--05-15` when the year is not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Canonical name of the parent entity (ChatGPT → "OpenAI").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Numeric value of a figure (3e11 for «300 مليار دولار»).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// The recognizer: gazetteer + figure rules, built once.
pub struct Recognizer {
    gaz: Gazetteer,
    /// The name matcher, built at the first `find`: what only resolves names (`list`,
    /// `companies`, the reader up to its first frame) skips building its automata, half of
    /// loading the recognizer.
    names: std::sync::OnceLock<Option<Names>>,
    /// Normalized alias, canonical name or id → entity.
    lookup: HashMap<String, usize>,
    version: String,
}

/// A candidate before overlap resolution, in normalized coordinates.
struct Cand {
    start: usize,
    end: usize,
    kind: Kind,
    entity: Option<usize>,
    value: Option<f64>,
    /// A date's ISO value, reported as its canonical form.
    iso: Option<String>,
    prio: u8,
}

impl Recognizer {
    /// The embedded gazetteer plus, if given and present, the user's extra file.
    pub fn load(user_file: Option<&Path>) -> anyhow::Result<Self> {
        let user_text = match user_file {
            Some(p) if p.exists() => Some(
                std::fs::read_to_string(p)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?,
            ),
            _ => None,
        };
        let user = user_file.zip(user_text.as_deref());
        let gaz = Gazetteer::load(user)?;
        let mut lookup = HashMap::new();
        for (i, e) in gaz.entities.iter().enumerate() {
            for key in std::iter::once(e.name.as_str())
                .chain(std::iter::once(e.id.as_str()))
                .chain(e.aliases.iter().map(|a| a.surface.as_str()))
            {
                lookup.entry(lookup_key(key)).or_insert(i);
            }
        }
        let rules = crate::hash::stable_hash(&RULES);
        let mut h = crate::hash::stable_hash(&[
            gazetteer::EMBEDDED,
            gazetteer::PLACES,
            people::GIVEN_NAMES,
            people::GIVEN_NAMES_DATA,
        ]);
        if let Some(u) = user.map(|(_, t)| t) {
            h ^= crate::hash::stable_hash(&[u]).rotate_left(1);
        }
        let version = format!("{:08x}-{h:016x}", rules >> 32);
        Ok(Recognizer {
            gaz,
            names: std::sync::OnceLock::new(),
            lookup,
            version,
        })
    }

    /// The name matcher, built on first use. Building fails only when the automata outgrow
    /// their limits (millions of names); then names go unmarked and the log says why.
    fn matcher(&self) -> Option<&Names> {
        self.names
            .get_or_init(|| match Names::build(&self.gaz) {
                Ok(names) => Some(names),
                Err(e) => {
                    tracing::error!("the gazetteer's names cannot be matched: {e:#}");
                    None
                }
            })
            .as_ref()
    }

    /// All spans in `text`, sorted by start, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let norm = normalize::normalize(text);
        let t = norm.text.as_str();
        let table = WordTable::new(t);
        let mut names: Vec<NameCand> = Vec::new();
        let mut bare = Vec::new();
        if let Some(matcher) = self.matcher() {
            matcher.find(&self.gaz, text, &norm, &table, &mut names, &mut bare);
        }
        let mut figs = Vec::new();
        figures::find(t, &table, &bare, &mut figs);
        let mut cands: Vec<Cand> = names
            .into_iter()
            .map(|n| Cand {
                start: n.start,
                end: n.end,
                kind: n.kind,
                entity: n.entity,
                value: None,
                iso: None,
                prio: n.prio,
            })
            .chain(figs.into_iter().map(|f| Cand {
                start: f.start,
                end: f.end,
                kind: f.kind,
                entity: None,
                value: f.value,
                iso: f.iso,
                prio: 0,
            }))
            .filter(|c| c.start < c.end && c.end <= t.len())
            .collect();
        cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let mut chosen: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            match chosen.last_mut() {
                Some(last) if c.start < last.end => {
                    let better = (c.end - c.start, c.prio) > (last.end - last.start, last.prio);
                    if better {
                        *last = c;
                    }
                }
                _ => chosen.push(c),
            }
        }
        drop_nationality_adjectives(t, &mut chosen);
        include_state_word(t, &mut chosen);
        merge_local_companies(t, &mut chosen, |e| {
            e.and_then(|e| self.gaz.entities[e].parent)
        });
        chosen
            .into_iter()
            .map(|c| {
                let (a, b) = norm.original_range(text, c.start, c.end);
                let entity = c.entity.map(|i| &self.gaz.entities[i]);
                Span {
                    kind: c.kind,
                    start: a,
                    end: b,
                    text: text[a..b].to_string(),
                    canonical: entity.map(|e| e.name.clone()).or(c.iso),
                    parent: entity
                        .and_then(|e| e.parent)
                        .map(|p| self.gaz.entities[p].name.clone()),
                    value: c.value,
                }
            })
            .collect()
    }

    /// Changes whenever the gazetteer (embedded or user) or the rules change; stored articles are
    /// re-indexed when it differs from the one they were indexed with.
    pub fn version(&self) -> String {
        self.version.clone()
    }

    /// Canonical name for an entity given by canonical name, id or any alias,
    /// case- and hamza-insensitively («مايكروسوفت», "microsoft" → "Microsoft").
    pub fn resolve(&self, query: &str) -> Option<String> {
        let i = *self.lookup.get(&lookup_key(query))?;
        Some(self.gaz.entities[i].name.clone())
    }

    /// The Arabic display name of a canonical entity (first Arabic alias), for the UI.
    pub fn arabic_name(&self, canonical: &str) -> Option<String> {
        let e = self
            .gaz
            .entities
            .iter()
            .find(|e| e.name == canonical)
            .or_else(|| {
                self.lookup
                    .get(&lookup_key(canonical))
                    .map(|&i| &self.gaz.entities[i])
            })?;
        e.aliases
            .iter()
            .find(|a| a.surface.chars().any(scan::is_arabic_letter))
            .map(|a| a.surface.clone())
    }

    /// Number of entities loaded (embedded + user).
    pub fn entity_count(&self) -> usize {
        self.gaz.entities.len()
    }
}

/// «تابي السعودية»: a place name shaped like a nisba adjective right after a company or product
/// is the adjective ("the Saudi Tabby"), not the place; so it is after a definite feminine noun
/// («الجمعية السعودية», «الاستثمارات السعودية», «المنطقة الشرقية»).
fn drop_nationality_adjectives(t: &str, chosen: &mut Vec<Cand>) {
    let mut prev: Option<(usize, Kind)> = None;
    chosen.retain(|c| {
        let word = &t[c.start..c.end];
        let nisba = c.kind == Kind::Place
            && word.starts_with("ال")
            && word.ends_with("يه")
            && !word.contains(' ');
        // Asked only of a nisba-shaped place (a backward walk each).
        let after_noun = || {
            scan::prev_word(t, c.start).is_some_and(|(s, e)| {
                let noun = &t[s..e];
                e + 1 == c.start
                    && &t[e..c.start] == " "
                    && noun.starts_with("ال")
                    && (noun.ends_with('ه') || noun.ends_with("ات"))
                    && prev.is_none_or(|(end, _)| end <= s)
            })
        };
        let adjective = nisba
            && (after_noun()
                || prev.is_some_and(|(end, kind)| {
                    // «صحيفة "سبق" السعودية»: also after the quote closing the name.
                    matches!(kind, Kind::Org | Kind::Product)
                        && end < c.start
                        && t[end..c.start]
                            .chars()
                            .all(|ch| matches!(ch, ' ' | '"' | '”' | '»' | '\''))
                        && t[end..c.start].contains(' ')
                }));
        prev = Some((c.end, c.kind));
        !adjective
    });
}

/// «دولة الإمارات العربية المتحدة», «دولة قطر»: the word «دولة» is part of a country's name
/// (docs/gazetteer.md, annotation conventions), after any clitic («ودولة», «لدولة»).
fn include_state_word(t: &str, chosen: &mut [Cand]) {
    for i in 0..chosen.len() {
        let c = &chosen[i];
        if c.kind != Kind::Place || c.start < "دوله ".len() {
            continue;
        }
        let head = c.start - "دوله ".len();
        if !t.is_char_boundary(head) || &t[head..c.start] != "دوله " {
            continue;
        }
        let word_start = scan::prev_word(t, c.start).map_or(head, |(s, _)| s);
        let clitic = &t[word_start..head];
        let free = i == 0 || chosen[i - 1].end <= word_start;
        if free && matches!(clitic, "" | "و" | "ل" | "ب" | "ف" | "ول" | "وب") {
            chosen[i].start = head;
        }
    }
}

/// «أمريكانا مصر», «أورانج تونس»: a company right before a country or city name is its local
/// company, one name (a nisba-shaped place, «تابي السعودية», is an adjective instead); a
/// company right before one of its products is part of the product's name.
fn merge_local_companies(
    t: &str,
    chosen: &mut Vec<Cand>,
    parent: impl Fn(Option<usize>) -> Option<usize>,
) {
    let mut i = 0;
    while i + 1 < chosen.len() {
        let (a, b) = (&chosen[i], &chosen[i + 1]);
        let place = &t[b.start..b.end];
        // «بنك الإمارات دبي الوطني- مصر»: a hyphen glued to either side joins them too, but
        // not on a line's opening words («شفق نيوز- بغداد» is a dateline) nor spaced on both
        // sides (a title's dash).
        let gap = &t[a.end..b.start];
        let before = t[..a.start].trim_end_matches(' ');
        let opens_line = before.is_empty() || before.ends_with('\n');
        if a.kind == Kind::Org
            && b.kind == Kind::Place
            && (gap == " " || (matches!(gap, "-" | "- " | " -") && !opens_line))
            && !(place.starts_with("ال") && place.ends_with("يه"))
            && !place.contains(' ')
        {
            chosen[i].end = chosen[i + 1].end;
            chosen.remove(i + 1);
        } else if a.kind == Kind::Org
            && b.kind == Kind::Product
            && &t[a.end..b.start] == " "
            && (a.entity.is_none() || b.entity.is_none() || a.entity == parent(b.entity))
        {
            // «مايكروسوفت تيمز», «Samsung Galaxy S26»: a company and its product are one product.
            let (start, entity) = (a.start, b.entity);
            chosen[i + 1].start = start;
            chosen[i + 1].entity = entity;
            chosen.remove(i);
            continue;
        }
        i += 1;
    }
}

fn lookup_key(s: &str) -> String {
    normalize_str(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod rules_hash_tests {
    use super::RULES;

    /// Every source file of the recognizer is hashed into its version (a split that leaves one
    /// out lets a rule change there go without re-indexing stored articles): the tests and the
    /// evaluation excepted.
    #[test]
    fn every_rule_file_is_hashed_into_the_version() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/entities");
        let mut dirs = vec![root.clone()];
        let mut missing = Vec::new();
        let mut seen = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let rel = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if path.is_dir() {
                    if rel != "rules_tests" {
                        dirs.push(path);
                    }
                    continue;
                }
                if !rel.ends_with(".rs") || rel == "evaluation.rs" {
                    continue;
                }
                seen += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                if !RULES.contains(&text.as_str()) {
                    missing.push(rel);
                }
            }
        }
        assert!(
            seen >= RULES.len(),
            "only {seen} files found under {root:?}"
        );
        assert!(missing.is_empty(), "not in RULES: {missing:?}");
    }
}
