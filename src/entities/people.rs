//! People not in the gazetteer: a grammar of Arabic and transliterated names (docs/gazetteer.md
//! "People").
//!
//! A name is a run of name words (letters only, not a function word, role, title or other
//! closed-class word) that starts with a cue:
//! - a given name from the lexicon (assets/given-names.txt); «عبد» + word is one given name;
//!   given names that are also ordinary words («كريم», «أمل») need one of the cues below;
//! - a title before it («المهندس», «د.», «الشيخ», «الإعلامية»);
//! - the end of a role phrase before it («رئيس مجلس إدارة الشركة أسعد البنوان»,
//!   «مساعد بشار الأسد»), or a role or comma + role after it («حازم متولي الرئيس التنفيذي»);
//! - a speech verb before it and a comma, colon or role after it («وقال رسلان ديرانية، …»).
//!
//! Nasab particles (بن، ابن، بنت، آل، أبو، ولد) join the words around them. A run has two to
//! four words (six with nasab), or one after a title. Every full name found then marks its
//! surname and its other mentions in the same text («زين العابدين بن علي … بن علي»).

use super::lexicon::{WordHashBuild, WordSketch};
use super::scan::{Word, is_arabic_letter};
use super::wordtable::WordTable;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

mod words;
pub(crate) use words::class;
use words::*;
pub(crate) use words::{arab_nationality, function_word, role_word, speech_verb, title};

type NameSet = HashSet<String, WordHashBuild>;

pub const GIVEN_NAMES: &str = include_str!("../../assets/given-names.txt");
/// Given names from data packages (scripts/gen_given_names.py); loaded with the hand-written
/// list, whose ambiguous names stay ambiguous.
pub const GIVEN_NAMES_DATA: &str = include_str!("../../assets/given-names-data.txt");

/// What the given-name lexicon says of a word (one look-up answers both questions).
mod lexeme {
    /// A given name, and no ordinary word.
    pub const GIVEN: u8 = 1;
    /// A given name that is also an ordinary word («كريم», «أمل») or two letters or fewer.
    pub const AMBIGUOUS: u8 = 2;
}

/// The given-name lexicons, normalized.
pub struct People {
    /// Given and ambiguous names (`lexeme`), in one map: most words are asked about both.
    names: HashMap<String, u8, WordHashBuild>,
    latin: NameSet,
    /// The given and ambiguous names that start with «ال».
    al_names: Vec<String>,
}

impl People {
    pub fn load() -> People {
        let mut given = NameSet::default();
        let mut ambiguous = NameSet::default();
        let mut p = People {
            names: HashMap::default(),
            latin: NameSet::default(),
            al_names: Vec::new(),
        };
        let mut section = "";
        for line in GIVEN_NAMES.lines().chain(GIVEN_NAMES_DATA.lines()) {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match s {
                    "arabic" | "foreign" => "given",
                    "ambiguous" => "ambiguous",
                    _ => "latin",
                };
                continue;
            }
            for w in line.split_whitespace() {
                let n = super::normalize::normalize_str(w);
                match section {
                    "given" => given.insert(n),
                    "ambiguous" => ambiguous.insert(n),
                    _ => p.latin.insert(n),
                };
            }
        }
        // A name that is also an ordinary word always needs a cue, and so does a name of two
        // letters or fewer (a Chinese syllable, a particle).
        let short: Vec<String> = given
            .iter()
            .filter(|g| g.chars().count() <= 2)
            .cloned()
            .collect();
        ambiguous.extend(short);
        for a in &ambiguous {
            given.remove(a);
        }
        p.al_names = given
            .iter()
            .chain(&ambiguous)
            .filter(|n| n.starts_with("ال"))
            .cloned()
            .collect();
        p.names = given
            .into_iter()
            .map(|n| (n, lexeme::GIVEN))
            .chain(ambiguous.into_iter().map(|n| (n, lexeme::AMBIGUOUS)))
            .collect();
        p
    }

    /// `lexeme::GIVEN`, `lexeme::AMBIGUOUS` or 0.
    fn lexeme(&self, w: &str) -> u8 {
        self.names.get(w).copied().unwrap_or(0)
    }

    /// A given name that is no ordinary word.
    fn given(&self, w: &str) -> bool {
        self.lexeme(w) == lexeme::GIVEN
    }

    /// A given name, ambiguous or not.
    fn named(&self, w: &str) -> bool {
        self.lexeme(w) != 0
    }

    /// A Latin given name («Elon», «Evan»): a Latin run starting with one is a person.
    pub fn latin_given(&self, lowercase_word: &str) -> bool {
        self.latin.contains(lowercase_word)
    }

    /// Person spans (normalized coordinates) in `t`, the normalized form of `orig` (`offsets`
    /// maps them). `blocked(s, e)` says a word is part of a name of another kind already found
    /// (a company, a place), where a person run stops.
    pub fn find(
        &self,
        orig: &str,
        offsets: &[usize],
        t: &str,
        table: &WordTable,
        blocked: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<(usize, usize)> {
        let words = table.words.as_slice();
        let c = Ctx {
            orig,
            offsets,
            t,
            words,
            blocked,
            cls: &table.cls,
        };
        let w = |i: usize| &t[words[i].s..words[i].e];
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // «بقلم رنا الصباغ، لارا دعمس، سامي شحرور»: a name right after a listed name.
            // (Only spaces before the word: no comma, so not listed.)
            let listed = !words[i].joined
                && found.last().is_some_and(|&(_, e)| {
                    let gap = t[e..words[i].s].trim();
                    // «لارا دعمس (OCCRP)، سامي شحرور»: an affiliation in parentheses between them.
                    let gap = match gap.strip_prefix('(').and_then(|g| g.split_once(')')) {
                        Some((inside, rest)) if inside.len() < 40 => rest.trim(),
                        _ => gap,
                    };
                    matches!(gap, "،" | ",")
                });
            match self.name_at(&c, i, listed) {
                Some((first, last)) => {
                    found.push((words[first].s + clitic_len(self, w(first)), words[last].e));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        self.propagate(t, words, &mut found, blocked);
        found.sort_unstable();
        found.dedup();
        found
    }

    /// A name starting at word `i` (possibly after a one-letter clitic): (first, last) words.
    fn name_at(&self, c: &Ctx, i: usize, listed: bool) -> Option<(usize, usize)> {
        let (t, words) = (c.t, c.words);
        let word = |k: usize| &t[words[k].s..words[k].e];
        if !words[i].arabic {
            return None;
        }
        let stem = &word(i)[clitic_len(self, word(i))..];
        let stem_class = if stem.len() == word(i).len() {
            c.cls[i]
        } else {
            class(stem)
        };
        let prev = if i > 0 && words[i].joined {
            c.cls[i - 1]
        } else {
            0
        };
        // A byline names its writer as surely as a title.
        let titled =
            prev & class::TITLE != 0 || dotted_title(t, words, i) || byline(t, words, c.cls, i);
        let spoken = prev & class::SPEECH != 0;
        // Few given names start like the article («الياس», «الكسندر»): most words need no
        // look-up.
        let lexical = !stem.starts_with("ال") || self.al_names.iter().any(|n| n == stem);
        let kind = if lexical { self.lexeme(stem) } else { 0 };
        let given = kind == lexeme::GIVEN || compound_given(stem, words, i, t);
        let ambiguous = kind == lexeme::AMBIGUOUS;
        // «الخبير البنكي معز بيوض»: after a title, a definite nisba followed by a given name
        // describes the person; the name starts after it.
        if titled
            && stem.starts_with("ال")
            && stem.ends_with('ي')
            && !given
            && self.given_after(c, i)
        {
            return None;
        }
        // «رئيس الاتحاد حسن الحويزي»: after a role, a definite word followed by a given name is
        // the body the role heads; the name starts after it.
        if !given
            && !titled
            && stem.starts_with("ال")
            && stem.len() == word(i).len()
            && i > 0
            && words[i].joined
            && c.cls[i - 1] & class::ROLE != 0
            && words
                .get(i + 1)
                .is_some_and(|n| n.joined && self.named(&t[n.s..n.e]))
        {
            return None;
        }
        // «تصريحات الحلايقة», «الحلايقة كشف»: a lone family name as the source of a statement.
        let quoted_surname = !(given || titled || spoken) && speech_surname(c, i, stem, stem_class);
        // The costlier cues only when the cheap ones say nothing.
        let lazy = !(given || titled || spoken || quoted_surname);
        let appositive = lazy && i > 0 && (listed || apposition(t, words, c.cls, i));
        let after_role =
            lazy && i > 0 && words[i].joined && self.role_phrase_ends(t, words, c.cls, i);
        // A listed given name that is also a role noun («رائد» pioneer) is the name.
        if quoted_surname {
            return Some((i, i));
        }
        if !(given || ambiguous || titled || spoken || after_role || appositive)
            || !(name_word_class(stem, stem_class)
                || ((given || ambiguous && titled) && stem.chars().all(is_arabic_letter)))
            || (c.blocked)(words[i].s, words[i].e)
        {
            return None;
        }
        // «شركة تاتش سالم», «الذي عرض معه»: after a company word comes the company's name, after
        // a relative pronoun a verb.
        if i > 0 && words[i].joined && !given {
            let p = word(i - 1);
            let company = super::scan::stems(p).any(|o| {
                company_noun(&p[o..]) && !p[..o].ends_with("ال") && !p[..o].ends_with("لل")
            });
            if company || matches!(p, "الذي" | "التي" | "الذين" | "اللذين" | "اللتين")
            {
                return None;
            }
        }
        // «ويحمل اسم “مايت اكس”»: a quoted name after a naming word names a thing.
        if i > 0
            && t[words[i - 1].e..words[i].s].contains(['"', '«', '“', '\''])
            && matches!(
                word(i - 1),
                "اسم"
                    | "باسم"
                    | "واسم"
                    | "اسمه"
                    | "اسمها"
                    | "تسميه"
                    | "بتسميه"
                    | "عنوان"
                    | "بعنوان"
            )
        {
            return None;
        }
        // Without a given name, the first word must look like one: no glued preposition or
        // conjunction, not a plural, not a verb.
        if !(given || ambiguous)
            && (glued_particle(stem)
                || stem.starts_with('و')
                || plural(stem)
                || c.verb_like(words[i])
                // «وأكدت أهمية الشراكة»: after a speech verb alone, an unknown word written with
                // ة is a noun (given names with ة, «أسامة», «فاطمة», are in the lexicon).
                // The same after a role or an apposition: «شركة ناشئة متخصصة».
                || (!titled && c.orig_last(words[i]) == Some('ة'))
                // «الأستاذ يلبس الثياب», «أكد … إقرار إستراتيجية»: a verb or a verbal noun
                // after the cue is what the person does or says, not a name.
                || verb_shaped(stem)
                || verbal_noun_ifal(stem)
                // «كتب المحلل تقريرا»: a common noun in the indefinite accusative is the
                // verb's object, not a name, even after a title.
                || stem.strip_suffix('ا').is_some_and(common_word)
                // «المدير العام لمتعامل الهاتف»: after a role alone, an unknown word with a glued
                // «ل» is a preposition and its noun («لبنى», «لؤي» are in the lexicon).
                || (!titled && !spoken && stem.starts_with('ل') && stem.chars().count() >= 4)
                // «عز العرب حسيبي، مديرا مؤقتا»: after a listed name alone, two accusatives
                // (a role in the indefinite accusative and its adjective) are no name.
                || (appositive
                    && !titled
                    && !spoken
                    && !after_role
                    && stem.ends_with('ا')
                    && words.get(i + 1).is_some_and(|n| {
                        n.joined && t[n.s..n.e].ends_with('ا') && !t[n.s..n.e].starts_with("ال")
                    })))
        {
            return None;
        }
        // The run: name words joined by spaces, nasab particles inside. Past the second word a
        // word joins only when it is itself a name (a given name, an «ال» surname) or when the
        // run visibly ends after it; a verb or a noun with a pronoun never joins.
        let mut last = i;
        let mut count = 1;
        let mut nasab = false;
        // «عبد الله بن محمد بن سعود آل ثاني»: a nasab chain may run to four generations.
        while last + 1 < words.len() && count < if nasab { 8 } else { 4 } {
            let k = last + 1;
            if !words[k].joined || !words[k].arabic || (c.blocked)(words[k].s, words[k].e) {
                break;
            }
            let wk = word(k);
            if nasab_particle(wk) {
                // A particle joins only when a name word follows it.
                // «بن علي»: «علي» written with ي is the name, not the preposition «على».
                let next_ok = k + 1 < words.len()
                    && words[k + 1].joined
                    && words[k + 1].arabic
                    && (name_word_class(word(k + 1), c.cls[k + 1])
                        || (word(k + 1) == "علي" && c.orig_last(words[k + 1]) == Some('ي')));
                if !next_ok {
                    break;
                }
                nasab = true;
                last = k + 1;
                count += 2;
                continue;
            }
            // «المدير التنفيذي للشركة، عمار المالك،»: in apposition, a given name and one
            // definite word closed by punctuation is a name even when the word is a role noun
            // («المالك» owner, «القاضي» judge) — a family name of that shape.
            let role_surname = count == 1
                && given
                && wk.starts_with("ال")
                && c.cls[k] & class::NOT_NAME == class::ROLE
                && words.get(k + 1).is_none_or(|n| !n.joined)
                && i > 0
                && (appositive || apposition(t, words, c.cls, i));
            if role_surname {
                last = k;
                count += 1;
                break;
            }
            // «يوسف علي موسليام»: «علي» written with ي (not ى) is a name, not «على».
            let ali = wk == "علي" && c.orig_last(words[k]) == Some('ي');
            let nisba_surname = count == 1
                && (given || titled)
                && c.cls[k] & class::NATIONALITY != 0
                && (c.closes_after(k)
                    || (k + 1 < words.len() && words[k + 1].joined && c.role(k + 1)));
            if nisba_surname {
                last = k;
                count += 1;
                break;
            }
            if !ali
                && (!name_word_class(wk, c.cls[k])
                    || self.another_name(wk)
                    || c.verb_like(words[k]))
            {
                break;
            }
            let named = self.named(wk);
            let closes = c.closes_after(k);
            // «سامي سميرات،»: a short surname in «ات» closing the run after a given name, even
            // one that is also a word, is the surname; a plural noun is seldom the last word.
            let surname_in_at = (given || ambiguous)
                && count == 1
                && !wk.starts_with("ال")
                && wk.chars().count() <= 6
                && closes;
            if !(named || given || titled || surname_in_at)
                && wk.chars().count() >= 5
                && wk.ends_with("ات")
            {
                break; // «المعلومات»: a plural noun ends the name
            }
            // «معز بيوض توضيحات»: a long plural ends it after a given name too (surnames in
            // «ات» are short: «بركات», «الزيات»).
            if !named && !wk.starts_with("ال") && wk.chars().count() >= 7 && wk.ends_with("ات")
            {
                break;
            }
            let accept = if count == 1 {
                named || !glued_particle(wk) || closes
            } else {
                // «برد»: a short word after a preposition letter is not a third name.
                // «إريك ماير بحضور»: nor is a preposition glued to a noun (Maghrebi surnames
                // start with «بو», «بن»: «بوتفليقة»).
                let short_glued = matches!(wk.chars().next(), Some('ب' | 'ل' | 'ك' | 'ف'))
                    && (wk.chars().count() <= 3 || !(wk.starts_with("بو") || wk.starts_with("بن")));
                named
                    || (wk.starts_with("ال") && c.cls[k] & class::COMMON == 0)
                    || (closes && !glued_particle(wk) && !short_glued && !verb_shaped(wk))
            };
            if !accept {
                break;
            }
            last = k;
            count += 1;
            // «عبدالله الثاني», «هارالد الخامس ملك …», «لاوون الرابع عشر»: a regnal number
            // (with «عشر») ends the name.
            if count >= 2 && regnal(wk) {
                if words
                    .get(k + 1)
                    .is_some_and(|n| n.joined && &t[n.s..n.e] == "عشر")
                {
                    last = k + 1;
                }
                break;
            }
        }
        let next = (last + 1 < words.len()).then(|| words[last + 1]);
        let role_after = next.is_some_and(|n| n.joined && c.role(last + 1))
            || comma_then_role(t, words, c.cls, last);
        let closed = c.closes_after(last);
        let strong = given || titled || nasab;
        // An appositive name is closed by punctuation: «…، أنور معروف، أنه».
        let appositive = appositive && words.get(last + 1).is_none_or(|n| !n.joined);
        // «ماجد بن رافد العرقوبي»: «بن» or «بنت» right after an ambiguous given name makes it
        // a name (not «ابن», also the noun «son», nor «أبو» and «آل», which open names alone).
        let son_of = nasab && matches!(words.get(i + 1).map(|n| &t[n.s..n.e]), Some("بن" | "بنت"));
        // «بدر الخرافي: استثمرنا …»: a headline opening with a name and a colon quotes that
        // person (a cue for given names that are also words; unknown words need another).
        let before = t[..words[i].s].trim_end_matches(' ');
        let headline = (before.is_empty() || before.ends_with('\n'))
            && t[words[last].e..].trim_start_matches(' ').starts_with(':')
            && last > i
            && (word(last).starts_with("ال") || self.named(word(last)));
        let cued = titled || spoken || after_role || role_after || appositive || son_of || headline;
        let ok = match count {
            1 => titled && (closed || role_after),
            _ => {
                (strong && (!ambiguous || cued || self.given(word(i + 1))))
                    || (ambiguous && cued)
                    || ((spoken || after_role || role_after || appositive)
                        && !stem.starts_with("ال")
                        && (closed || role_after))
            }
        };
        ok.then_some((i, last))
    }

    /// Whether the word after `i` (joined to it) is a given name.
    fn given_after(&self, c: &Ctx, i: usize) -> bool {
        c.words
            .get(i + 1)
            .is_some_and(|n| n.joined && self.given(&c.t[n.s..n.e]))
    }

    /// «ومحسن», «والدكتور»: a conjunction starting another name or phrase, where a run stops
    /// (a surname may start with و: «منتصر وايلي»).
    fn another_name(&self, w: &str) -> bool {
        !self.given(w)
            && w.strip_prefix('و')
                .is_some_and(|r| self.named(r) || r.starts_with("ال") || !name_word(r))
    }

    /// Whether the words before `i` end a role phrase: a role word within the eight words
    /// before, and right before `i` the institution or company it belongs to («رئيس مجلس
    /// إدارة الشركة …», «الرئيس التنفيذي للمجموعة …») or a role word itself («مساعد …»).
    fn role_phrase_ends(&self, t: &str, words: &[Word], cls: &[u16], i: usize) -> bool {
        let role = |k: usize| cls[k] & class::ROLE != 0;
        let prev = &t[words[i - 1].s..words[i - 1].e];
        if cls[i - 1] & (class::ROLE | class::ROLE_TAIL) != 0 {
            return true;
        }
        // An institution or company word, maybe with «ال» or «لل».
        let institution = cls[i - 1] & class::INSTITUTION != 0;
        if institution && (i.saturating_sub(9)..i - 1).any(role) {
            return true;
        }
        // «وزير الاتصالات جمال الجراح», «نقيب الصحافة عوني الكعكي», «محافظ مصرف ليبيا المركزي
        // الصديق الكبير»: a role and the portfolio or body it heads, closing on a definite word,
        // all joined.
        if !prev.starts_with("ال") && !prev.starts_with("وال") {
            return false;
        }
        let mut k = i - 1;
        while k > 0 && i - k <= 4 && words[k].joined {
            k -= 1;
            if role(k) {
                return true;
            }
            if cls[k] & class::FUNCTION != 0 || !words[k].arabic {
                return false;
            }
        }
        false
    }

    /// «جوزاف عون … الرئيس عون طلب»: a two-word run that starts with the surname of another
    /// name found in the text, followed by a word that is no name (not a given name, not a
    /// nasab particle), is that surname and a word after it: the run is cut to the surname.
    fn trim_at_surnames(&self, t: &str, found: &mut [(usize, usize)]) {
        let surnames: Vec<(&str, &str)> = found
            .iter()
            .filter_map(|&(s, e)| {
                let parts: Vec<&str> = t[s..e].split(' ').collect();
                let n = parts.len();
                // A nasab chain's surname is «بن X», not X («تركي بن سعود بن محمد»).
                let last = parts[n - 1];
                let ok = n >= 2
                    && !nasab_particle(parts[n - 2])
                    && name_word(last)
                    && last.chars().count() >= 3;
                ok.then_some((parts[0], last))
            })
            .collect();
        if surnames.is_empty() {
            return;
        }
        for span in found.iter_mut() {
            let text = &t[span.0..span.1];
            let Some((first, second)) = text.split_once(' ') else {
                continue;
            };
            let another = surnames.iter().any(|&(f, l)| l == first && f != first);
            // A given name that is no ordinary word starts a name of its own («سامي محمد» then
            // «محمد السويل»; «عون» is also "help"), and an «ال» word after the surname is more
            // likely a surname than a verb.
            if another
                && !second.contains(' ')
                && !second.starts_with("ال")
                && !self.given(first)
                && !nasab_particle(second)
                && !self.named(second)
            {
                span.1 = span.0 + first.len();
            }
        }
    }

    /// Surnames and repeated full names: every other mention of a name found in the text.
    fn propagate(
        &self,
        t: &str,
        words: &[Word],
        found: &mut Vec<(usize, usize)>,
        blocked: &dyn Fn(usize, usize) -> bool,
    ) {
        self.trim_at_surnames(t, found);
        let mut keys: HashSet<Vec<&str>, WordHashBuild> = HashSet::default();
        for &(s, e) in found.iter() {
            let parts: Vec<&str> = t[s..e].split(' ').collect();
            if parts.len() < 2 {
                continue;
            }
            keys.insert(parts.clone());
            // The surname: the last word, or «بن X» / «ال X» at the end of a nasab chain.
            let n = parts.len();
            if nasab_particle(parts[n - 2]) {
                keys.insert(parts[n - 2..].to_vec());
            } else if name_word(parts[n - 1]) && parts[n - 1].chars().count() >= 3 {
                keys.insert(vec![parts[n - 1]]);
            }
        }
        if keys.is_empty() {
            return;
        }
        // Keys by their first word: one look-up per word of the text (WordHash, not SipHash).
        let mut by_first: std::collections::HashMap<&str, Vec<&Vec<&str>>, WordHashBuild> =
            std::collections::HashMap::default();
        let mut firsts = WordSketch::default();
        for key in &keys {
            by_first.entry(key[0]).or_default().push(key);
            firsts.add(key[0]);
        }
        // The longest key that matches wins, whatever order the set gives its keys in.
        for ks in by_first.values_mut() {
            ks.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        }
        let mut extra = Vec::new();
        // `found` is sorted: one pointer walks it along the words.
        let mut f = 0;
        for i in 0..words.len() {
            while f < found.len() && found[f].1 <= words[i].s {
                f += 1;
            }
            let inside = f < found.len() && found[f].0 <= words[i].s;
            if inside || !words[i].arabic {
                continue;
            }
            let first = &t[words[i].s..words[i].e];
            // The word itself, or after a one-letter clitic: the keys starting with it.
            // The clitics are distinct letters, so at most one is glued: read the first char.
            let clitic = first
                .chars()
                .next()
                .filter(|c| matches!(c, 'و' | 'ل' | 'ب' | 'ف' | 'ك'))
                .map(char::len_utf8);
            let candidates = [Some(0), clitic]
                .into_iter()
                .flatten()
                .filter(|&c| firsts.may_hold(&first[c..]))
                .filter_map(|c| by_first.get(&first[c..]).map(|ks| (c, ks)));
            'keys: for (c, ks) in candidates {
                for key in ks {
                    let n = key.len();
                    if i + n > words.len() || (1..n).any(|k| !words[i + k].joined) {
                        continue;
                    }
                    let rest_ok = (1..n).all(|k| &t[words[i + k].s..words[i + k].e] == key[k]);
                    if rest_ok {
                        let (s, e) = (words[i].s + c, words[i + n - 1].e);
                        if !blocked(s, e) {
                            extra.push((s, e));
                        }
                        break 'keys;
                    }
                }
            }
        }
        found.extend(extra);
        found.sort_unstable();
        // Keep the longest of overlapping spans.
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for &(s, e) in found.iter() {
            match kept.last_mut() {
                Some(l) if s < l.1 => {
                    if e - s > l.1 - l.0 {
                        *l = (s, e);
                    }
                }
                _ => kept.push((s, e)),
            }
        }
        *found = kept;
    }
}

/// What the rules read: the text in both forms, its words, and the spans of other names.
struct Ctx<'a> {
    orig: &'a str,
    offsets: &'a [usize],
    t: &'a str,
    words: &'a [Word],
    blocked: &'a dyn Fn(usize, usize) -> bool,
    /// `class` of every word, asked of the same words by several cues.
    cls: &'a [u16],
}

impl Ctx<'_> {
    fn role(&self, k: usize) -> bool {
        self.cls[k] & class::ROLE != 0
    }

    /// A verb or a noun carrying a pronoun: «ستقوم» (future), «كلفه», «نظيره» (written with
    /// final ه, not ة, in the original), «قولها».
    fn verb_like(&self, w: Word) -> bool {
        let word = &self.t[w.s..w.e];
        let letters = word.chars().count();
        let future = word.starts_with('س')
            && letters >= 4
            && matches!(word.chars().nth(1), Some('ي' | 'ت' | 'ن'));
        let last = self
            .orig
            .get(self.offsets[w.e - 1]..)
            .and_then(|r| r.chars().next());
        // «…الله» names end with ه too: «عبدالله», «العبدالله», «نصرالله».
        let pronoun = letters >= 4 && last == Some('ه') && !word.ends_with("الله");
        let pronoun2 =
            letters >= 5 && (word.ends_with("ها") || word.ends_with("هم") || word.ends_with("هما"));
        future || pronoun || pronoun2
    }

    /// The last character of a word as the original text writes it.
    fn orig_last(&self, w: Word) -> Option<char> {
        self.orig
            .get(self.offsets[w.e - 1]..)
            .and_then(|r| r.chars().next())
    }

    /// Whether a name may end after word `k`: punctuation, the end, or a closed-class word next.
    fn closes_after(&self, k: usize) -> bool {
        match self.words.get(k + 1) {
            None => true,
            Some(n) => {
                !n.joined || self.cls[k + 1] & (class::FUNCTION | class::ROLE | class::SPEECH) != 0
            }
        }
    }
}

/// A lone definite family name as the source of a statement, without a given name before it:
/// after a statement noun («تصريحات الحلايقة», «على لسان الحلايقة») and closed, or opening a
/// sentence right before a speech verb («الحلايقة كشف»). The word must be no known word of any
/// class, no institution, no nisba adjective («تصريحات الرسمية»), no plural («المسؤولين») and
/// not part of another name.
fn speech_surname(c: &Ctx, i: usize, stem: &str, bits: u16) -> bool {
    let (t, words) = (c.t, c.words);
    // Asked of most words: the rare neighbours first (a statement noun before, a speech verb
    // after), the word's own checks (a class look-up each) only then.
    let after_noun = i > 0
        && words[i].joined
        && matches!(&t[words[i - 1].s..words[i - 1].e], "تصريحات" | "لسان");
    let verb_after = words
        .get(i + 1)
        .is_some_and(|n| n.joined && c.cls[i + 1] & class::SPEECH != 0);
    if !(after_noun || verb_after)
        || stem.len() != c.t[words[i].s..words[i].e].len()
        || !stem.starts_with("ال")
        || stem.chars().count() < 5
        || !name_word_class(stem, bits)
        || bits & class::INSTITUTION != 0
        || stem.ends_with('ي')
        || stem.ends_with("يه")
        || plural(stem)
        || (c.blocked)(words[i].s, words[i].e)
    {
        return false;
    }
    let after_noun = after_noun && c.closes_after(i);
    // The verb must follow at once and the name open its sentence (or the text).
    let before = &t[..words[i].s];
    let kept = before.trim_end();
    let opens = kept.is_empty()
        || kept.ends_with(['.', '!', '؟', '?'])
        || before[kept.len()..].contains('\n');
    let before_verb = opens && verb_after;
    after_noun || before_verb
}

/// An imperfect verb of a three-letter root («تزعم», «يعمل») or a verbal noun of the «تفعيل»
/// shape («تصريح», «توقيع»): what follows a name as its verb or the verb's object, never a
/// third name word. Given names of these shapes («يوسف», «توفيق») are known names.
fn verb_shaped(w: &str) -> bool {
    // Arabic letters are two bytes each: four or five letters are eight or ten bytes.
    if !(w.len() == 8 || w.len() == 10) || !(w.starts_with('ي') || w.starts_with('ت')) {
        return false;
    }
    let mut letters = w.chars();
    let (first, fourth, fifth) = (letters.next(), letters.nth(2), letters.next());
    match fifth {
        None => !matches!(fourth, Some('ا' | 'ي' | 'ه' | 'ة') | None),
        Some(_) => first == Some('ت') && fourth == Some('ي') && letters.next().is_none(),
    }
}

/// Ordinal numbers that follow a monarch's or a pope's name.
fn regnal(w: &str) -> bool {
    matches!(
        w,
        "الاول"
            | "الثاني"
            | "الثالث"
            | "الرابع"
            | "الخامس"
            | "السادس"
            | "السابع"
            | "الثامن"
            | "التاسع"
            | "العاشر"
            | "الحادي"
    )
}

/// A verbal noun of the «إفعال» shape («إقرار», «إطلاق», «إعلان»; normalized with ا). Given
/// names of that shape («إيمان», «إسلام») are in the lexicon and never asked; a definite word
/// of five letters («الحاج») is not of the shape.
fn verbal_noun_ifal(w: &str) -> bool {
    let mut letters = w.chars();
    w.len() == 10
        && letters.next() == Some('ا')
        && letters.next() != Some('ل')
        && letters.nth(1) == Some('ا')
        && letters.next().is_some()
        && letters.next().is_none()
}

/// A word starting with a glued preposition or conjunction («بموجب», «لشركة», «وأضاف»).
fn glued_particle(w: &str) -> bool {
    let Some(rest) = ["و", "ب", "ل", "ك", "ف"]
        .iter()
        .find_map(|c| w.strip_prefix(c))
    else {
        return false;
    };
    // «بديع», «لافيرتي» start like a particle; «بموجب», «لشركة», «والتي» are one.
    rest.starts_with("ال")
        || rest.starts_with('ل')
        || function_word(rest)
        || common_word(rest)
        || role_word(rest)
        || title(rest)
        || super::lexicon::trigger(rest).is_some()
        || matches!(
            w,
            "بموجب"
                | "بعد"
                | "لدي"
                | "لدينا"
                | "لديه"
                | "لديها"
                | "كذلك"
                | "فقط"
                | "بشكل"
                | "لكن"
        )
}

/// Plurals and collective nouns: «تسريبات», «مسؤولون», «محللين».
fn plural(w: &str) -> bool {
    w.chars().count() >= 5 && (w.ends_with("ات") || w.ends_with("ون") || w.ends_with("ين"))
}

/// The bytes of a one-letter conjunction or preposition glued to a given name («ولارا»).
fn clitic_len(p: &People, w: &str) -> usize {
    // Not «ل»: «لدينا» is "we have", not ل + Dina.
    for c in ["و", "ب"] {
        if let Some(rest) = w.strip_prefix(c)
            && rest.chars().count() >= 3
            && p.named(rest)
            && !p.given(w)
        {
            return c.len();
        }
    }
    0
}

/// «عبد العزيز», «عبد المجيد»: «عبد» + a definite word is one given name.
fn compound_given(stem: &str, words: &[Word], i: usize, t: &str) -> bool {
    let Some(next) = words.get(i + 1).filter(|w| w.joined) else {
        return false;
    };
    let next = &t[next.s..next.e];
    // «نور الدين», «عز العرب», «زين العابدين»: compounds whose first word alone is an ordinary
    // word («نور» light, «عز» glory) but which together are only names.
    (stem == "عبد" && next.starts_with("ال"))
        || (next == "الدين"
            && matches!(
                stem,
                "عز" | "نور"
                    | "سيف"
                    | "صلاح"
                    | "بدر"
                    | "علاء"
                    | "محيي"
                    | "محي"
                    | "شمس"
                    | "خير"
                    | "تقي"
                    | "جمال"
                    | "كمال"
                    | "عماد"
                    | "فخر"
                    | "زين"
                    | "نصر"
                    | "ضياء"
                    | "حسام"
                    | "شرف"
                    | "عصام"
                    | "نجم"
                    | "سعد"
                    | "بهاء"
                    | "جلال"
                    | "سراج"
                    | "نظام"
                    | "معين"
            ))
        || (stem == "عز" && next == "العرب")
        || (stem == "زين" && next == "العابدين")
}

/// «وزير تكنولوجيا الاتصال، أنور معروف،»: a name right after a comma that closes a role phrase
/// (a role word among the ten words before the comma).
fn apposition(t: &str, words: &[Word], cls: &[u16], i: usize) -> bool {
    // Only spaces before the word (most words): no comma.
    if words[i].joined {
        return false;
    }
    let gap = t[words[i - 1].e..words[i].s].trim();
    (gap == "،" || gap == "," || gap == "»،" || gap == "»,")
        && (i.saturating_sub(10)..i).any(|k| cls[k] & class::ROLE != 0)
        && !(i.saturating_sub(3)..i).any(|k| !words[k + 1].joined && k + 1 < i)
}

/// «د. الجابر»: the abbreviated doctor title, a lone «د» followed by a dot.
fn dotted_title(t: &str, words: &[Word], i: usize) -> bool {
    i > 0
        && !words[i].joined
        && &t[words[i - 1].s..words[i - 1].e] == "د"
        && t[words[i - 1].e..words[i].s].trim() == "."
}

/// «X، الرئيس التنفيذي»: a comma and a role right after the run ending at word `last`; or a
/// statement's signature, the run alone on its line and the next line opening with a role
/// («عمر عبدالرزاق\nالمتحدث باسم وزارة الاتصالات»).
fn comma_then_role(t: &str, words: &[Word], cls: &[u16], last: usize) -> bool {
    let Some(n) = words.get(last + 1).filter(|n| !n.joined) else {
        return false;
    };
    let between = &t[words[last].e..n.s];
    let gap = between.trim();
    let signature = gap.is_empty() && between.contains('\n');
    (signature || gap == "،" || gap == "," || gap == "-" || gap == "–")
        && cls[last + 1] & class::ROLE != 0
}

fn nasab_particle(w: &str) -> bool {
    // «بو» is the Levantine and Maghrebi «أبو» («عبد الله بو حبيب»).
    matches!(w, "بن" | "ابن" | "بنت" | "ال" | "ابو" | "بو" | "ولد")
}

/// Indefinite nouns for a company or platform: the word after them is its name, not a person's.
fn company_noun(w: &str) -> bool {
    matches!(
        w,
        "شركه"
            | "شركتي"
            | "شركتا"
            | "شركات"
            | "مجموعه"
            | "منصه"
            | "تطبيق"
            | "موقع"
            | "بنك"
            | "مصرف"
    )
}

/// «معه», «عليها», «منهم»: a preposition carrying a pronoun.
fn preposition_with_pronoun(w: &str) -> bool {
    ["هما", "هم", "ها", "ه", "كم", "نا"].iter().any(|suffix| {
        w.strip_suffix(suffix)
            .is_some_and(|rest| rest.chars().count() >= 2 && function_word(rest))
    })
}

/// A word that may be part of a name: Arabic, two letters or more, not a closed-class word.
fn name_word(w: &str) -> bool {
    name_word_class(w, class(w))
}

/// `name_word` of a word whose `class` is known.
fn name_word_class(w: &str, bits: u16) -> bool {
    // Function, role and title words, speech verbs, ordinary words; trigger, scale, currency
    // and month words; company words («الوطنية موبايل محمد»: a company word ends a company's
    // name, not a person's).
    bits & class::NOT_NAME == 0
        && w.chars().count() >= 2
        && w.chars().all(is_arabic_letter)
        && !preposition_with_pronoun(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class table gives each list's words, with the clitics each list allows.
    #[test]
    fn class_table_keeps_each_lists_words_and_clitics() {
        assert!(role_word("الرئيس") && role_word("والرئيس") && !role_word("فالرئيس"));
        assert!(title("الشيخ") && title("والشيخ") && title("الامير") && !title("والامير"));
        assert!(speech_verb("قال") && speech_verb("وقال") && speech_verb("فقال"));
        assert!(!speech_verb("بقال"));
        assert!(function_word("في") && !function_word("وفيه"));
        assert!(common_word("المصري") && common_word("مصادر") && !common_word("محمد"));
        // The lexicon's words are no name words: trigger, scale, currency, month, company word.
        for w in ["شركه", "مليار", "دولار", "ابريل", "كانون", "القابضه"]
        {
            assert!(!name_word(w), "{w}");
        }
        assert!(name_word("محمد") && name_word("الجابر"));
        assert!(!name_word("معه") && !name_word("م") && !name_word("abc"));
    }
}
