//! Organisations not in the gazetteer (docs/gazetteer.md "Institutions and companies"):
//! - institutions by their head noun: «وزارة الانتقال الرقمي وإصلاح الإدارة», «هيئة تنظيم
//!   الاتصالات», «غرفة تجارة وصناعة أبوظبي», «مصرف لبنان», «الهيئة الوطنية للاتصالات»;
//! - companies by a company word after their name: «دبي القابضة», «جلوري فينشرز»,
//!   «سامسونج الكترونيكس», «أورونج فرانس تلكوم»;
//! - other mentions of a name found once in the same text.

use super::lexicon::WordHashBuild;
use super::normalize::CLITIC_PREFIXES;
use super::people::class;
use super::scan::{Word, is_arabic_letter};
use super::wordtable::WordTable;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Heads that always start an institution's name when a name follows them.
pub(super) const STRONG_HEADS: &[&str] = &[
    "وزاره",
    "هيئه",
    "سلطه",
    "وكاله",
    "جامعه",
    "بورصه",
    "صندوق",
    "مصرف",
    "بنك",
    "غرفه",
    "مؤسسه",
    "منظمه",
    "معهد",
    "اكاديميه",
    "نقابه",
    "ديوان",
    "محكمه",
    "كليه",
];

/// Heads that are also everyday nouns («مركز البيانات», «سوق العمل»): they need a longer name
/// or a proper name after them.
pub(super) const WEAK_HEADS: &[&str] = &[
    "مركز",
    "سوق",
    "مجلس",
    "لجنه",
    "اتحاد",
    "جمعيه",
    "مجمع",
    "نادي",
    // «بريد الجزائر», «بريد المغرب»: the post named by its country («بريد إلكتروني» is not).
    "بريد",
];

/// Definite words that end an institution's name: roles, titles and time words after it
/// («ديوان التشريع والرأي السابق الدكتور …»).
fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "السابق"
            | "الاسبق"
            | "الحالي"
            | "الجديد"
            | "الجديده"
            | "المقبل"
            | "الماضي"
            | "الدكتور"
            | "المهندس"
            | "السيد"
            | "السيده"
            | "الرئيس"
            | "المدير"
            | "الوزير"
            | "الاول"
            | "الاولي"
            | "الثاني"
            | "الاخير"
            | "الداعم"
            | "الراعي"
            | "المسؤول"
            | "الذي"
            | "التي"
            | "الاعلي"
            | "الواقع"
            | "الواقعه"
            | "التابع"
            | "التابعه"
            | "المعنيه"
            | "المختصه"
            // Titles before a person's name: «رئيس ديوان المحاسبة القاضي محمد بدران».
            | "القاضي"
            | "النائب"
            | "اللواء"
            | "العميد"
            | "المستشار"
            | "المحامي"
    )
}

/// Whether word `k` is «الجديد(ة)» and the next a definite adjective joined by «و» («الجديدة
/// والمتجددة»), where «new» is part of the name; alone it ends one (`stop_word`).
fn paired_new(t: &str, words: &[Word], k: usize) -> bool {
    let next = words.get(k + 1).filter(|n| n.joined).map(|n| &t[n.s..n.e]);
    matches!(&t[words[k].s..words[k].e], "الجديد" | "الجديده")
        && next.is_some_and(|n| {
            n.strip_prefix('و').is_some_and(|a| {
                a.starts_with("ال")
                    && !stop_word(a)
                    && !DEFINITE_HEADS.contains(&a)
                    && stem_of(n).1.is_empty()
            })
        })
}

/// The end of a nisba pair whose first member is word `k`: «السلكية واللاسلكية», or with «و»
/// typed apart «السلكية و اللاسلكية»; `k` itself when no second nisba follows.
fn paired_nisba_end(t: &str, words: &[Word], k: usize) -> usize {
    let word = |j: usize| words.get(j).filter(|w| w.joined).map(|w| &t[w.s..w.e]);
    match (word(k + 1), word(k + 2)) {
        (Some("و"), Some(n)) if nisba(n) && !stop_word(n) => k + 2,
        (Some(n), _)
            if n.strip_prefix('و')
                .is_some_and(|r| nisba(r) && !stop_word(r)) =>
        {
            k + 1
        }
        _ => k,
    }
}

/// «بالمغرب», «لترحيل», «لهذا»: a word with a glued preposition ends a name.
fn glued(w: &str) -> bool {
    w.chars().count() >= 3 && matches!(w.chars().next(), Some('ب' | 'ل' | 'ك')) && !complement(w)
}

/// Nisba adjectives («الوطني», «القطري», «الأردنية») may follow a proper name in an
/// institution's name; other definite words may not («مصرف لبنان الداعم الأول»).
fn nisba(w: &str) -> bool {
    w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه"))
}

/// Council names of one word: «مجلس الوزراء», «مجلس النواب».
const COUNCILS: &[&str] = &[
    "الوزراء",
    "النواب",
    "الشوري",
    "الامه",
    "الشعب",
    "الشيوخ",
    "الامن",
    "المنافسه",
    "الدوله",
    "التعاون",
];

/// Definite heads: a name only with a «لل» complement or a fixed adjective («البنك الدولي»).
pub(super) const DEFINITE_HEADS: &[&str] = &[
    "الهيئه",
    "الوكاله",
    "البنك",
    "المجلس",
    "الصندوق",
    "المؤسسه",
    "الشركه",
    "المجموعه",
    "السلطه",
    "اللجنه",
    "الاتحاد",
    "المنظمه",
    "الجمعيه",
    "الغرفه",
    "المركز",
    "المصرف",
    "الديوان",
    // «الجامعة الوطنية لتكنولوجيات الاتصال»: a federation named by its line of work («الجامعة
    // العربية» alone needs the gazetteer).
    "الجامعه",
];

const FIXED_ADJECTIVES: &[&str] = &[
    "الدولي",
    "المركزي",
    "الاهلي",
    "العربي",
    "الاسلامي",
    "السيادي",
    "الاوروبي",
    "الافريقي",
    "الخليجي",
    "الاعلي",
];

/// «X القابضة», «X كابيتال»: words that end a company's name.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "القابضه",
    "كابيتال",
    "فينشرز",
    "بارتنرز",
    "تكنولوجيز",
    "نتوركس",
    "كورب",
    "كوربوريشن",
    "الكترونيكس",
    "تيليكوم",
    "تلكوم",
    "تيلكوم",
    "تليكوم",
    "موبايل",
    "ديجيتال",
    "سوليوشنز",
    "جروب",
    "غروب",
    "انترناشيونال",
    "لابز",
    "سيستمز",
    "هولدينج",
    "هولدنغ",
    "انفستمنتس",
    "فينتك",
    // Media: «صراحة نيوز», «نورث برس», «أكورا بريس», «العربية نت», «واشنطن بوست».
    "نيوز",
    "برس",
    "بريس",
    "نت",
    "تايمز",
    "بوست",
];

/// The last letters of the heads (`head_form`'s quick rejection).
pub(super) const HEAD_LAST_LETTERS: &[char] = &['د', 'ز', 'س', 'ع', 'ف', 'ق', 'ك', 'ن', 'ه', 'ي'];

/// News words that end an outlet's name before a dash («شفق نيوز -», «أخبار اليوم -»);
/// read as `class::NEWS`.
pub(super) const NEWS_WORDS: &[&str] = &["اخبار", "الاخباريه", "الاخباري", "نيوز"];

/// Media nisbas after an outlet's name («موقع خبرني الإخباري»); read as `class::MEDIA_NISBA`.
pub(super) const MEDIA_NISBAS: &[&str] = &[
    "الاعلاميه",
    "الاخباريه",
    "الالكترونيه",
    "الاعلامي",
    "الاخباري",
    "الالكتروني",
];

/// A person's name starting at word `k` inside an institution's name: a royal title and a name
/// («الملك سعود»), or a name with a nasab chain («محمد بن راشد»), with any further «بن X»;
/// the index of its last word.
fn person_in_name(t: &str, words: &[Word], k: usize) -> Option<usize> {
    let word = |j: usize| &t[words[j].s..words[j].e];
    let name = |j: usize| {
        j < words.len()
            && words[j].joined
            && words[j].arabic
            && word(j).chars().count() >= 2
            && !closed_class(word(j))
            && !stop_word(word(j))
    };
    let nasab =
        |j: usize| j < words.len() && words[j].joined && matches!(word(j), "بن" | "ابن" | "بنت");
    let titled = matches!(
        word(k),
        "الملك" | "الامير" | "الاميره" | "الشيخ" | "الشيخه" | "السلطان"
    ) && name(k + 1)
        && !word(k + 1).starts_with("ال");
    let mut last = if titled {
        k + 1
    } else if name(k) && nasab(k + 1) && name(k + 2) {
        k + 2
    } else {
        return None;
    };
    while nasab(last + 1) && name(last + 2) {
        last += 2;
    }
    Some(last)
}

/// What the rules read about the names already found.
pub struct Known<'a> {
    /// The gazetteer name starting in the word that starts at this byte (after a clitic):
    /// (end, is a place).
    pub name_at: &'a dyn Fn(usize) -> Option<(usize, bool)>,
}

/// A head noun, maybe after a clitic: (offset of the span start in the word, head in its
/// dictionary form). «لوزارة» → (2, وزاره); «والهيئة» → (2, الهيئه); «للهيئة» → (2, الهيئه).
fn stem_of(w: &str) -> (usize, &'static str) {
    head_forms().get(w).copied().unwrap_or((0, ""))
}

/// Every form a head can take, for the word table's `class::HEAD` bit (words without it are
/// no head, so `institutions` asks `stem_of` only of the others).
pub(super) fn head_form_words() -> impl Iterator<Item = &'static str> {
    head_forms().keys().map(String::as_str)
}

fn head_forms() -> &'static HashMap<String, (usize, &'static str), WordHashBuild> {
    // Every form a head can take (a head, or a clitic and a head or a definite head's noun),
    // with `head_form`'s answer, built once.
    static FORMS: LazyLock<HashMap<String, (usize, &'static str), WordHashBuild>> =
        LazyLock::new(|| {
            let mut forms = HashMap::default();
            for h in STRONG_HEADS.iter().chain(WEAK_HEADS).chain(DEFINITE_HEADS) {
                // After a clitic a definite head keeps only its noun («وال|هيئه», «لل|هيئه»).
                let noun = h.strip_prefix("ال").unwrap_or(h);
                let clitic_forms = CLITIC_PREFIXES.iter().map(|c| format!("{c}{noun}"));
                for form in std::iter::once(h.to_string()).chain(clitic_forms) {
                    let found = head_form(&form);
                    if !found.1.is_empty() {
                        forms.insert(form, found);
                    }
                }
            }
            forms
        });
    &FORMS
}

/// `stem_of` worked out from the lists (what its table holds).
fn head_form(w: &str) -> (usize, &'static str) {
    // Every head ends with one of these letters (a test checks): most words are rejected by
    // their last one.
    if !w
        .chars()
        .next_back()
        .is_some_and(|c| HEAD_LAST_LETTERS.contains(&c))
    {
        return (0, "");
    }
    let heads = |h: &str| {
        STRONG_HEADS
            .iter()
            .chain(WEAK_HEADS)
            .find(|&&x| x == h)
            .copied()
    };
    let definite_head = |rest: &str| {
        DEFINITE_HEADS
            .iter()
            .find(|x| x.strip_prefix("ال") == Some(rest))
            .copied()
    };
    if let Some(h) = heads(w).or_else(|| DEFINITE_HEADS.iter().find(|&&x| x == w).copied()) {
        return (0, h);
    }
    // Most words end with no head at all: one pass over the heads rejects them.
    if !STRONG_HEADS
        .iter()
        .chain(WEAK_HEADS)
        .any(|h| w.ends_with(h))
        && !DEFINITE_HEADS.iter().any(|h| w.ends_with(&h["ال".len()..]))
    {
        return (0, "");
    }
    for c in CLITIC_PREFIXES {
        let Some(rest) = w.strip_prefix(c) else {
            continue;
        };
        if c.ends_with("ال") || c.ends_with("لل") {
            if let Some(h) = definite_head(rest) {
                // The span starts at the article: «وال|هيئة» → «الهيئة», «ل|لهيئة» → «لهيئة».
                let article = if c.ends_with("ال") {
                    "ال".len()
                } else {
                    "ل".len()
                };
                return (c.len() - article, h);
            }
        } else if let Some(h) = heads(rest) {
            return (c.len(), h);
        }
    }
    (0, "")
}

fn definite(w: &str) -> bool {
    w.starts_with("ال") || w.strip_prefix('و').is_some_and(|r| r.starts_with("ال"))
}

fn complement(w: &str) -> bool {
    w.starts_with("لل") && w.chars().count() >= 5
}

/// «للحصول على», «للوصول إلى»: a «لل» verbal noun of getting or reaching with the preposition
/// its verb governs is a purpose, not a line of business («البنك المركزي للحصول على رخصة»;
/// but «حصلت الهيئة العامة للاستثمار على جائزة»).
fn purpose(t: &str, words: &[Word], k: usize) -> bool {
    words
        .get(k + 1)
        .filter(|n| n.joined)
        .is_some_and(|n| purpose_phrase(&t[words[k].s..words[k].e], &t[n.s..n.e]))
}

/// `purpose` on two words: the «لل» word and the word after it.
pub(super) fn purpose_phrase(w: &str, next: &str) -> bool {
    let governed = matches!(next, "علي" | "الي" | "مع" | "في")
        || (next.starts_with('ب') && next.chars().count() >= 3);
    governed
        && matches!(
            w.strip_prefix("لل").unwrap_or_default(),
            "حصول"
                | "وصول"
                | "تعرف"
                | "تغلب"
                | "قضاء"
                | "اطلاع"
                | "توصل"
                | "حفاظ"
                | "رد"
                | "مطالبه"
                | "تعاقد"
                | "تفاوض"
                | "مشاركه"
        )
}

/// «وكيل وزارة الخارجية للمعلومات والتقنية»: after a deputy's or adviser's title, a «لل»
/// complement is the portfolio of the role, not part of the body's name.
fn deputy_before(t: &str, words: &[Word], i: usize) -> bool {
    i > 0 && words[i].joined && {
        let w = &t[words[i - 1].s..words[i - 1].e];
        let deputy = |w: &str| {
            matches!(
                w,
                "وكيل" | "مساعد" | "نائب" | "مستشار" | "وكيله" | "مستشاره"
            )
        };
        // «نائب مدير جامعة الشارقة لشؤون المجتمع»: a deputy of the body's head.
        let deputy_of_head = i > 1
            && words[i - 1].joined
            && matches!(w, "مدير" | "رئيس" | "عميد" | "امين" | "محافظ")
            && {
                let d = &t[words[i - 2].s..words[i - 2].e];
                deputy(d) || d.strip_prefix('و').is_some_and(deputy)
            };
        deputy(w) || w.strip_prefix('و').is_some_and(deputy) || deputy_of_head
    }
}

/// «غرفة تجارة وصناعة أبوظبي», «غرفة دبي»: «غرفة» is a chamber before a trade or a place;
/// otherwise a room («غرفة العمليات», «غرفة الأخبار»).
fn chamber(t: &str, words: &[Word], i: usize, known: &Known) -> bool {
    let Some(next) = words.get(i + 1).filter(|w| w.joined) else {
        return false;
    };
    let w = &t[next.s..next.e];
    let w = w.strip_prefix("ال").unwrap_or(w);
    matches!(w, "تجاره" | "صناعه" | "ملاحه" | "زراعه" | "تجار")
        || (known.name_at)(next.s).is_some_and(|(_, place)| place)
}

/// Heads that are masculine nouns: a masculine nisba after their name agrees with them.
const MASCULINE_HEADS: &[&str] = &["صندوق", "مصرف", "بنك", "معهد", "ديوان", "مجلس", "اتحاد"];

/// «المصري», «السعودي», «الدولي» right after word `k`: a masculine nisba that is no time or
/// rank word («اجتماع مجلس الوزراء الأسبوعي» is the meeting's).
fn masculine_nisba_after(t: &str, words: &[Word], k: usize) -> bool {
    let Some(n) = words.get(k + 1).filter(|n| n.joined) else {
        return false;
    };
    let w = &t[n.s..n.e];
    w.starts_with("ال")
        && w.ends_with('ي')
        && w.chars().count() >= 5
        && !stop_word(w)
        && !matches!(
            w,
            "الاسبوعي"
                | "الشهري"
                | "السنوي"
                | "اليومي"
                | "الدوري"
                | "الرئيسي"
                | "التنفيذي"
                | "الاستثنائي"
                | "العادي"
                | "الحكومي"
                | "الماضي"
        )
}

/// «السعودية», «الأردنية» right after word `k`: a feminine Arab nationality (a foreign one
/// describes the body, «لجنة التجارة الفيدرالية الأمريكية», as it does a brand).
fn feminine_nationality_after(t: &str, words: &[Word], k: usize) -> bool {
    words.get(k + 1).filter(|n| n.joined).is_some_and(|n| {
        let w = &t[n.s..n.e];
        w.ends_with("يه") && super::people::arab_nationality(w)
    })
}

/// A definite noun that cannot be an adjective: a plural in «ات» («التصريحات») or a verbal
/// noun of the «التفعّل», «التفاعل», «التفعيل» shapes («التوصل», «التعاون», «التطوير»).
/// Adjectives in a name are nisbas, participles or feminine forms (`nisba`, «المتجددة»).
fn object_noun(w: &str) -> bool {
    let Some(rest) = w.strip_prefix("ال") else {
        return false;
    };
    let letters = rest.chars().count();
    let plural = letters >= 4 && rest.ends_with("ات");
    let verbal = rest.starts_with('ت')
        && (4..=5).contains(&letters)
        && !rest.ends_with('ي')
        && !rest.ends_with('ه');
    plural || verbal || derived_verbal_noun(rest)
}

/// A verbal noun of the «افتعال», «انفعال» and «استفعال» shapes without its article
/// («اجتماع», «انتقال», «استثمار»); a nisba or feminine form («الاجتماعية») is an adjective.
fn derived_verbal_noun(rest: &str) -> bool {
    let c: Vec<char> = rest.chars().collect();
    let shaped = match c.len() {
        6 => c[0] == 'ا' && (c[1] == 'ن' || matches!(c[2], 'ت' | 'ط' | 'د')) && c[4] == 'ا',
        7 => rest.starts_with("است") && c[5] == 'ا',
        _ => false,
    };
    shaped && !matches!(c.last(), Some('ي' | 'ه'))
}

/// «الناشئة», «المصغرة» right after word `k`: «المؤسسات الناشئة» (start-ups), «المؤسسات
/// الصغيرة والمتوسطة» name a sector, which can be a ministry's portfolio («وزارة اقتصاد المعرفة
/// والمؤسسات الناشئة»), not the bodies around it («والمؤسسات التابعة لها»).
fn size_adjective_after(t: &str, words: &[Word], k: usize) -> bool {
    words.get(k + 1).filter(|n| n.joined).is_some_and(|n| {
        matches!(
            &t[n.s..n.e],
            "الناشئه" | "المصغره" | "الصغيره" | "المتوسطه" | "الصغري" | "المتناهيه"
        )
    })
}

/// Whether word `j`, after a «لل» complement, is «و» + a definite noun that closes the name
/// («لقطاع البريد والاتصالات»): not a role, a kind of body, another head or a place, and no
/// definite word after it that is not a nisba («للاستثمار والمناطق الحرة» is left as it was).
fn coordinated_last_noun(t: &str, words: &[Word], j: usize, known: &Known) -> bool {
    let Some(w) = words.get(j).filter(|w| w.joined) else {
        return false;
    };
    let Some(bare) = t[w.s..w.e].strip_prefix('و') else {
        return false;
    };
    let next_open = words
        .get(j + 1)
        .filter(|n| n.joined)
        .is_some_and(|n| t[n.s..n.e].starts_with("ال") && !nisba(&t[n.s..n.e]));
    bare.starts_with("ال")
        && bare.chars().count() >= 5
        && !stop_word(bare)
        && !generic_bodies(bare)
        && !closed_class(bare)
        && stem_of(&t[w.s..w.e]).1.is_empty()
        && !(known.name_at)(w.s).is_some_and(|(_, place)| place)
        && !next_open
}

/// Where the name at `s..e` occurs elsewhere in `t` as words of their own (maybe after a
/// clitic) with no bank word before them.
fn mentions_alone(t: &str, s: usize, e: usize) -> Vec<usize> {
    let name = &t[s..e];
    t.match_indices(name)
        .map(|(p, _)| p)
        .filter(|&p| {
            let before = &t[..p];
            let mut word_start = before;
            if let Some(r) = word_start.strip_suffix(['ل', 'ب']) {
                word_start = r;
            }
            if let Some(r) = word_start.strip_suffix('و') {
                word_start = r;
            }
            let starts_word = word_start.is_empty() || !word_start.ends_with(is_arabic_letter);
            let ends_word = !t[p + name.len()..].starts_with(is_arabic_letter);
            let bank_before = ["بنك ", "مصرف ", "البنك ", "المصرف "]
                .iter()
                .any(|b| word_start.ends_with(b));
            p != s && starts_word && ends_word && !bank_before
        })
        .collect()
}

/// Plurals naming kinds of bodies («المؤسسات», «الشركات»): never a noun of one body's name.
fn generic_bodies(w: &str) -> bool {
    matches!(
        w,
        "المؤسسات"
            | "الشركات"
            | "الهيئات"
            | "الجهات"
            | "الوزارات"
            | "الدوائر"
            | "البنوك"
            | "المصارف"
            | "الدول"
            | "المنظمات"
            | "الجمعيات"
            | "الغرف"
            | "النقابات"
            | "الاتحادات"
            | "المجالس"
            | "اللجان"
            | "الجامعات"
            | "الوكالات"
    )
}

/// «يُمكّن», «يقدم»: a short word starting with ي is an imperfect verb, which ends a name.
fn imperfect_verb(w: &str) -> bool {
    w.starts_with('ي') && (3..=5).contains(&w.chars().count())
}

pub(super) fn closed_class(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "الي"
            | "علي"
            | "عن"
            | "مع"
            | "ان"
            | "او"
            | "ثم"
            | "قد"
            | "لم"
            | "لا"
            | "ما"
            | "هو"
            | "هي"
            | "التي"
            | "الذي"
            | "الذين"
            | "عبر"
            | "حول"
            | "خلال"
            | "بعد"
            | "قبل"
            | "منذ"
            | "بين"
            | "عند"
            | "اليوم"
            | "امس"
            | "يوم"
            | "كل"
            | "بعض"
            | "غير"
            | "نحو"
            | "حسب"
            | "بحسب"
            | "وفق"
            | "لدي"
            | "ضمن"
            | "حيث"
            | "كما"
            | "بان"
            | "انه"
            | "انها"
    )
}

/// Institutions named by a head noun, as (start, end) in normalized text.
pub fn institutions(t: &str, table: &WordTable, known: &Known) -> Vec<(usize, usize)> {
    let words = table.words.as_slice();
    let word = |k: usize| &t[words[k].s..words[k].e];
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words are no head: the table says so without a look-up.
        if table.cls[i] & class::HEAD == 0 {
            i += 1;
            continue;
        }
        let (off, head) = stem_of(word(i));
        if head.is_empty() {
            i += 1;
            continue;
        }
        let strong = STRONG_HEADS.contains(&head);
        let weak = WEAK_HEADS.contains(&head);
        let def = DEFINITE_HEADS.contains(&head);
        if !(strong || weak || def) || !words[i].arabic {
            i += 1;
            continue;
        }
        let joined = |k: usize| k < words.len() && words[k].joined;
        if head == "غرفه" && !chamber(t, words, i, known) {
            i += 1;
            continue;
        }
        // «مجلس إدارة البنك المركزي», «مجلس أمناء الجامعة»: a board is named by the body it
        // governs; the body's name starts after it.
        if head == "مجلس" && joined(i + 1) && matches!(word(i + 1), "اداره" | "امناء")
        {
            i += 2;
            continue;
        }
        // «الجمعية العمومية للشركة»: a company's general assembly is one of its organs, not a
        // body of its own (as a committee of a body is not: docs/gazetteer.md, conventions);
        // «الجمعية العامة للأمم المتحدة» is one.
        if matches!(head, "جمعيه" | "الجمعيه")
            && joined(i + 1)
            && (word(i + 1) == "العموميه"
                || word(i + 1) == "العامه"
                    && joined(i + 2)
                    && matches!(
                        word(i + 2),
                        "للشركه" | "للبنك" | "للمصرف" | "للمساهمين" | "للمجموعه"
                    ))
        {
            i += 2;
            continue;
        }
        // «وكالة نوفا الإيطالية للأنباء»: a news agency's descriptor and its name.
        if head == "وكاله" && joined(i + 1) && !definite(word(i + 1)) && word(i + 1) != "انباء"
        {
            let name_end = (i + 1..(i + 4).min(words.len()))
                .take_while(|&k| joined(k))
                .find(|&k| matches!(word(k), "للانباء" | "الاخباريه"));
            if let Some(k) = name_end {
                let mut last = i + 1;
                while last + 1 < k && !definite(word(last + 1)) {
                    last += 1;
                }
                if (i + 1..=last).all(|j| words[j].arabic && !closed_class(word(j))) {
                    out.push((words[i + 1].s, words[last].e));
                    i = k + 1;
                    continue;
                }
            }
        }
        let mut k = i + 1;
        let mut last = i;
        let mut closed = false;
        let mut proper = false;
        let mut parts = 0;
        let mut fixed = false;
        let mut comp = false;
        // Indefinite words of the chain, and whether one looks like an adjective («خيرية»).
        let mut indefinite = 0;
        let mut adjective = false;
        // The first and last words of the first place the gazetteer knows inside the chain.
        let mut place_at = None;
        while k < words.len() && words[k].joined && parts < 8 {
            let w = word(k);
            if w == "و" {
                k += 1;
                continue;
            }
            // «وزارة البريد و تكنولوجيات الإعلام»: «و» typed apart from its word (common in
            // Maghrebi text) coordinates it as the attached one does.
            let and_apart = k > i + 1 && word(k - 1) == "و";
            if let Some((end, place)) = (known.name_at)(words[k].s) {
                if k == i + 1 && !place && !def {
                    // «بنك مصر» style names the gazetteer knows: its own span is the name.
                    break;
                }
                // A place or company name inside: «مصرف لبنان», «غرفة تجارة وصناعة أبوظبي».
                if def && !place {
                    break;
                }
                let mut j = k;
                while j + 1 < words.len() && words[j + 1].s < end {
                    j += 1;
                }
                if place && place_at.is_none() {
                    place_at = Some((k, j));
                }
                last = j;
                k = j + 1;
                closed = true;
                proper = true;
                parts += 1;
                continue;
            }
            // «صندوق محمد بن راشد للابتكار», «جامعة الملك سعود», «كلية الأمير محمد بن سلمان
            // للإدارة»: a person's name (a nasab chain, or a royal title and a name) names the
            // body like a proper name does (only right after the head or its indefinite words:
            // «مجلس الإدارة محمد بن راشد» is a board and a man).
            if !closed
                && !def
                && let Some(end) = person_in_name(t, words, k)
            {
                last = end;
                k = end + 1;
                closed = true;
                proper = true;
                parts += 1;
                continue;
            }
            // «لزخرفة المعادن»: a ل complement followed by a definite word.
            let short_complement = w.starts_with('ل')
                && !w.starts_with("لل")
                && w.chars().count() >= 4
                && super::lexicon::trigger(&w['ل'.len_utf8()..]).is_none()
                && (closed || def)
                && k + 1 < words.len()
                && words[k + 1].joined
                && definite(word(k + 1));
            // «الشركة القابضة لكهرباء مصر»: after a legal adjective, a ل complement closed by a
            // place the lexicon knows (not after any name: «البنك المركزي لتحول مصر»).
            let place_complement = k > i + 1
                && matches!(word(k - 1), "القابضه" | "العامه" | "الوطنيه")
                && w.starts_with('ل')
                && !w.starts_with("لل")
                && w.chars().count() >= 4
                // «البنك الدولي لحكومة مصر» gives to a state, it is not the bank's name.
                && !matches!(&w['ل'.len_utf8()..], "حكومه" | "دوله" | "شعب" | "سكان" | "مواطني")
                && (closed || def)
                && k + 1 < words.len()
                && words[k + 1].joined
                && (known.name_at)(words[k + 1].s).is_some_and(|(_, place)| place);
            // «هيئة تنمية واستخدام الطاقة الجديدة والمتجددة»: «new» paired with a second
            // adjective by «و» describes the name's last noun, not the body.
            if closed && paired_new(t, words, k) {
                last = k + 1;
                parts += 2;
                k += 2;
                continue;
            }
            if !w.chars().all(is_arabic_letter)
                || closed_class(w)
                || w == "راس"
                || w.chars().count() < 2
                || stop_word(w)
                // «وزارة الإتصالات والوزير»: «و» + a role or title starts a second phrase.
                || (k > i + 1 && w.strip_prefix('و').is_some_and(stop_word))
                || (glued(w) && !short_complement && !place_complement)
                || (proper && !nisba(w) && !complement(w) && !short_complement && !place_complement)
            {
                break;
            }
            // «بنك قناة السويس», «هيئة قناة السويس»: a canal named by its place is part of the
            // name, not a channel.
            let named_by_place = w == "قناه"
                && k == i + 1
                && k + 1 < words.len()
                && words[k + 1].joined
                && (known.name_at)(words[k + 1].s).is_some_and(|(_, place)| place);
            if super::lexicon::trigger(w).is_some() && !definite(w) && !named_by_place {
                break;
            }
            if complement(w) && purpose(t, words, k) {
                break;
            }
            if place_complement {
                let end = (known.name_at)(words[k + 1].s).map_or(words[k + 1].e, |(e, _)| e);
                let mut j = k + 1;
                while j + 1 < words.len() && words[j + 1].s < end {
                    j += 1;
                }
                last = j;
                comp = true;
                break;
            }
            // «المصرف المركزي لتوزيع السيولة»: a name complete with its fixed adjective, then ل
            // + a verbal noun, is a purpose («to distribute»), not the body's line of work.
            if short_complement
                && FIXED_ADJECTIVES.contains(&word(k - 1))
                && object_noun(&format!("ال{}", &w['ل'.len_utf8()..]))
            {
                break;
            }
            if (complement(w) || short_complement) && deputy_before(t, words, i) && closed {
                break;
            }
            if complement(w) || short_complement {
                if !(closed || def) {
                    break;
                }
                // «للاتصالات», «للأوراق المالية»: the complement and one definite word after it.
                last = k;
                comp = true;
                if k + 1 < words.len()
                    && words[k + 1].joined
                    && definite(word(k + 1))
                    // «للاستثمار والى», «للاستثمار والرئيس التنفيذي»: «و» + a preposition or a
                    // role starts a second phrase.
                    && !word(k + 1)
                        .strip_prefix('و')
                        .is_some_and(|b| closed_class(b) || stop_word(b) || generic_bodies(b))
                {
                    last = k + 1;
                    // «للاتصالات السلكية واللاسلكية»: a nisba pair joined by «و».
                    if nisba(word(last)) {
                        last = paired_nisba_end(t, words, last);
                    }
                }
                // «للاتصالات وتقنية المعلومات», then a nisba («الكويتية»).
                let j = last + 1;
                if j + 1 < words.len()
                    && words[j].joined
                    && words[j + 1].joined
                    && word(j).starts_with('و')
                    && !definite(word(j))
                    // «للاستثمار والى الهيئة»: «و» + a preposition joins a clause, not a noun.
                    && !word(j).strip_prefix('و').is_some_and(closed_class)
                    && definite(word(j + 1))
                    // «و الرئيس التنفيذي», «و الشركات»: with «و» typed apart, a role or a kind
                    // of body after it is a second phrase.
                    && !stop_word(word(j + 1))
                    && !generic_bodies(word(j + 1))
                    // «… للفضاء ووكالة الإمارات للفضاء»: a second institution is a second name.
                    && stem_of(word(j)).1.is_empty()
                {
                    last = j + 1;
                } else if coordinated_last_noun(t, words, j, known) {
                    // «لقطاع البريد والاتصالات»: a definite noun joined by «و» closes the name
                    // (a word ending in ي after it is a person's: «… والاتصالات المنجي»).
                    last = j;
                    break;
                }
                if last + 1 < words.len() && words[last + 1].joined && nisba(word(last + 1)) {
                    last += 1;
                    // «للبريد والاتصالات السلكية و اللاسلكية»: a second nisba joined by «و».
                    last = paired_nisba_end(t, words, last);
                }
                break;
            }
            // «وزارة المالية والبنك المركزي»: a second institution is a second name.
            let bare = w.strip_prefix('و').unwrap_or(w);
            if parts > 0 && (DEFINITE_HEADS.contains(&bare) || STRONG_HEADS.contains(&bare)) {
                break;
            }
            if definite(w) {
                // «تابعت وزارة الاتصالات التصريحات», «أعلنت وزارة … المعلومات التوصل»: after a
                // definite word, a definite plural or verbal noun is no adjective of the name
                // but the next phrase (the verb's object).
                if closed && last == k - 1 && definite(word(k - 1)) && object_noun(w) {
                    break;
                }
                // «وزارة الاتصالات والمؤسسات التابعة لها»: «and the institutions …» after a
                // name is a second phrase, not a second noun of the name («والمواصلات» is).
                if closed
                    && (w.strip_prefix('و').is_some_and(generic_bodies)
                        || (and_apart && generic_bodies(w)))
                    && !size_adjective_after(t, words, k)
                {
                    break;
                }
                if def && parts == 0 {
                    fixed = FIXED_ADJECTIVES.contains(&w);
                    // «الهيئة المنظمة للاتصالات»: a participle, then the complement.
                    let participle = w.starts_with("الم")
                        && k + 1 < words.len()
                        && words[k + 1].joined
                        && complement(word(k + 1));
                    if !(fixed
                        || participle
                        || w.ends_with('ي')
                        || w.ends_with("يه")
                        || matches!(w, "العامه" | "العام" | "العليا" | "القابضه"))
                    {
                        break;
                    }
                }
                closed = true;
                last = k;
                parts += 1;
                k += 1;
                continue;
            }
            // An indefinite word: part of the construct chain before it closes, the end after,
            // unless it starts a coordinated construct closing again («… الرقمي وإصلاح الإدارة»).
            if closed
                && (w.starts_with('و') || and_apart)
                && !def
                && !w.strip_prefix('و').is_some_and(closed_class)
                && k + 1 < words.len()
                && words[k + 1].joined
                && definite(word(k + 1))
                && !stop_word(word(k + 1))
                // «وزارة الاتصالات وأعضاء الهيئة»: not when it closes on another head.
                && !DEFINITE_HEADS.contains(&word(k + 1))
                // «وزارة البريد وبريد الجزائر»: nor on a place, which names a second body.
                && !(known.name_at)(words[k + 1].s).is_some_and(|(_, place)| place)
            {
                last = k + 1;
                parts += 2;
                k += 2;
                continue;
            }
            if closed || def || w.starts_with('و') && parts == 0 || imperfect_verb(w) {
                break;
            }
            last = k;
            parts += 1;
            indefinite += 1;
            if w.ends_with('ي') || w.ends_with("يه") {
                adjective = true;
            }
            k += 1;
        }
        // «مجلس الشعب», «مجلس المنافسة»: a known council is the head and its one word (in
        // «جلسة مجلس الشعب الأسبوعية» the adjective belongs to the session).
        let one_word_council = head == "مجلس"
            && i + 1 < words.len()
            && words[i + 1].joined
            && COUNCILS.contains(&word(i + 1));
        if one_word_council {
            last = i + 1;
            // «مجلس الوزراء المصري»: a masculine nisba agrees with the council (a feminine one
            // with the session before it).
            if masculine_nisba_after(t, words, last) {
                last += 1;
            }
        }
        let ok = if def {
            // «المصرف التجاري الوطني», «المصرف الوطني العراقي»: a bank named by two masculine
            // nisbas (not a rank or a kind: «البنك الحكومي الرئيسي»).
            let two_nisbas = matches!(head, "البنك" | "المصرف")
                && last >= i + 2
                && masculine_nisba_after(t, words, i)
                && masculine_nisba_after(t, words, i + 1);
            parts >= 1 && (comp || fixed || two_nisbas)
        } else if strong {
            closed
        } else {
            // «جمعية الذكاء الاصطناعي للأشياء», «جمعية حوكمة الذكاء الاصطناعي»: an association or
            // federation with a line of work or a construct chain is named by it (a centre, a
            // market or a council is not: «مركز البيانات», «سوق العمل»).
            let association = matches!(head, "جمعيه" | "اتحاد")
                && !adjective
                && (comp || (parts >= 2 && indefinite <= 1));
            closed && (proper || one_word_council || association)
        };
        // A name the gazetteer knows from its head on («لجنة التجارة الفيدرالية») keeps its span.
        let known_head = (known.name_at)(words[i].s + off).filter(|&(_, place)| !place);
        // «مؤسسة نقديات تونس»: one indefinite word and the place closing the name make a local
        // company's name («نقديات تونس», like «أورانج تونس»); «مؤسسة» only describes it
        // (an institution is named by a construct chain: «مؤسسة موانئ دبي العالمية»).
        let local_company = head == "مؤسسه"
            && indefinite == 1
            && place_at == Some((i + 2, last))
            && !definite(word(i + 1));
        // «وبنك الأهلي المتحد … اندماجه مع الأهلي المتحد»: «بنك» before a definite name that
        // also stands alone in the text is a descriptor (conventions: «بنكي [مصر] و[الأهلي]»).
        // «مصرف المغرب» is the bank of a place, which stands alone as the place.
        let alone = if matches!(head, "بنك" | "مصرف")
            && last > i
            && word(i + 1).starts_with("ال")
            && place_at.is_none()
        {
            mentions_alone(t, words[i + 1].s, words[last].e)
        } else {
            Vec::new()
        };
        if ok && known_head.is_none() && !alone.is_empty() {
            // Its bare mentions are the bank too (a definite name is not propagated unquoted).
            let len = words[last].e - words[i + 1].s;
            out.push((words[i + 1].s, words[last].e));
            out.extend(alone.into_iter().map(|p| (p, p + len)));
            i = last + 1;
        } else if ok && known_head.is_none() && local_company {
            out.push((words[i + 1].s, words[last].e));
            i = last + 1;
        } else if ok && known_head.is_none() {
            out.push((words[i].s + off, words[last].e));
            i = last + 1;
        } else if let Some((end, _)) = known_head
            && let Some(k) = (i..words.len()).find(|&k| words[k].e == end)
            && (MASCULINE_HEADS.contains(&head) && masculine_nisba_after(t, words, k)
                || head.ends_with('ه') && feminine_nationality_after(t, words, k))
        {
            // «صندوق الاستثمارات العامة السعودي», «هيئة الاتصالات وتقنية المعلومات السعودية»:
            // a known institution and its nisba (for a feminine head, a nationality: «الجديدة»
            // or «الرسمية» may describe what follows).
            out.push((words[i].s + off, words[k + 1].e));
            i = k + 2;
        } else {
            i += 1;
        }
    }
    out
}

/// «هلا أخبار – ناقشت …», «الوقائع الإخبارية :منذ …»: a line opening with one to three words
/// that end with a news word, then a dash or a colon, is the outlet's dateline (no place
/// needed); as (start, end).
fn dateline_outlets(t: &str, words: &[Word], cls: &[u16]) -> Vec<(usize, usize)> {
    let word = |k: usize| &t[words[k].s..words[k].e];
    let mut out = Vec::new();
    for k in 0..words.len() {
        if cls[k] & class::NEWS == 0 {
            continue;
        }
        if !t[words[k].e..]
            .trim_start_matches(' ')
            .starts_with(['–', '-', ':'])
        {
            continue;
        }
        let mut first = k;
        while first > 0 && k - first < 2 && words[first].joined {
            first -= 1;
        }
        let line_start = t[..words[first].s].trim_end_matches(' ');
        let opens_line = line_start.is_empty() || line_start.ends_with('\n');
        if first == k
            || !opens_line
            || (first..=k).any(|j| !words[j].arabic || !dateline_word(word(j)))
        {
            continue;
        }
        out.push((words[first].s, words[k].e));
    }
    out
}

/// «آخر أخبار –», «وتابع أهم أخبار»: a sentence's words, not an outlet's name.
fn dateline_word(w: &str) -> bool {
    let sentence_word = closed_class(w)
        || glued(w)
        || (w.starts_with('و') && w.chars().count() > 3)
        || super::people::speech_verb(w)
        || matches!(w, "اخر" | "اهم" | "ابرز" | "احدث" | "كل" | "جميع" | "تابع");
    !sentence_word
}

/// «أحداث اليوم -» alone on the first line, the story below: two or three words and a dash
/// with nothing after them on the text's opening line name the outlet, as a place dateline
/// would. «اليوم» may close the name («بغداد اليوم»); a line that is one name the gazetteer
/// knows (a place) is that name, not an outlet.
fn bare_dateline_outlet(t: &str, words: &[Word], known: &Known) -> Option<(usize, usize)> {
    let last = (0..words.len().min(3))
        .take_while(|&k| k == 0 || words[k].joined)
        .last()?;
    let rest = t[words[last].e..].trim_start_matches(' ');
    let after_dash = rest.strip_prefix(['–', '-'])?.trim_start_matches(' ');
    let story = after_dash.strip_prefix('\n')?;
    let word = |k: usize| &t[words[k].s..words[k].e];
    let plain = (0..=last)
        .all(|k| words[k].arabic && (dateline_word(word(k)) || (k == last && word(k) == "اليوم")));
    let one_known = (known.name_at)(words[0].s).is_some_and(|(end, _)| end >= words[last].e);
    let opens = t[..words[0].s].trim().is_empty();
    (last > 0 && plain && !one_known && opens && !story.trim().is_empty())
        .then(|| (words[0].s, words[last].e))
}

/// «مرايا – قال …», «البلاد - زينب العكري»: a line opening with one word, then a dash and
/// more of the line, is an outlet's dateline, as a place's would be; not a place or name the
/// gazetteer knows, nor a byline or section word («متابعة», «وكالات», «كتب»). Two words need a
/// news word (`dateline_outlets`; «أحداث اليوم - …» may be a sentence's subject). A colon is
/// left alone: «الموسوي: …» quotes a person.
fn dash_dateline_outlets(t: &str, words: &[Word], known: &Known) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        // A word joined to the one before it does not open its line (most words: no trim).
        if w.joined {
            continue;
        }
        let before = t[..w.s].trim_end_matches(' ');
        if !(before.is_empty() || before.ends_with('\n')) {
            continue;
        }
        let rest = t[w.e..].trim_start_matches(' ');
        let Some(story) = rest.strip_prefix(['–', '-']) else {
            continue;
        };
        let story = story.split('\n').next().unwrap_or_default();
        let text = &t[w.s..w.e];
        let plain = w.arabic
            && text.chars().count() >= 3
            && dateline_word(text)
            && !byline_word(text)
            && !nisba(text);
        let known_name = (known.name_at)(words[k].s).is_some();
        if plain && !known_name && story.chars().any(is_arabic_letter) {
            out.push((w.s, w.e));
        }
    }
    out
}

/// «لشبكة رووداو الإعلامية», «موقع خبرني الإخباري»: one word between a media descriptor and a
/// media nisba is the outlet's name (the descriptor and the nisba are not: conventions, «وكالة
/// [نوفا] الإيطالية للأنباء»); not a word the gazetteer knows as a place, not a definite word
/// («قناة الجزيرة الإخبارية» is found as a known name).
fn media_described_outlets(
    t: &str,
    words: &[Word],
    cls: &[u16],
    known: &Known,
) -> Vec<(usize, usize)> {
    let word = |k: usize| &t[words[k].s..words[k].e];
    let descriptor = |w: &str| {
        let bare = CLITIC_PREFIXES
            .iter()
            .filter(|c| !c.ends_with("ال"))
            .find_map(|c| w.strip_prefix(c).filter(|r| r.chars().count() >= 3))
            .unwrap_or(w);
        matches!(
            bare,
            "شبكه" | "قناه" | "صحيفه" | "موقع" | "منصه" | "اذاعه" | "مجله" | "جريده"
        ) || matches!(
            w,
            "شبكه" | "قناه" | "صحيفه" | "موقع" | "منصه" | "اذاعه" | "مجله" | "جريده"
        )
    };
    let mut out = Vec::new();
    for k in 1..words.len().saturating_sub(1) {
        let name = word(k);
        // The rare nisba first: most words are rejected before the descriptor is looked at.
        if cls[k + 1] & class::MEDIA_NISBA != 0
            && descriptor(word(k - 1))
            && words[k].joined
            && words[k + 1].joined
            && words[k].arabic
            && name.chars().count() >= 3
            && !definite(name)
            && !closed_class(name)
            && dateline_word(name)
            && !(known.name_at)(words[k].s).is_some_and(|(_, place)| place)
        {
            out.push((words[k].s, words[k].e));
        }
    }
    out
}

/// Words opening a byline or a section, not an outlet: «متابعة -», «كتب -», «عاجل -».
fn byline_word(w: &str) -> bool {
    matches!(
        w,
        "متابعه"
            | "وكالات"
            | "كتب"
            | "كتبت"
            | "خاص"
            | "تقرير"
            | "بقلم"
            | "ترجمه"
            | "اعداد"
            | "عاجل"
            | "المصدر"
            | "حوار"
            | "تحقيق"
            | "تحرير"
            | "مراسلنا"
            | "محرر"
            | "المحرر"
            | "اقتصاد"
            | "محليات"
            | "سياسه"
            | "رياضه"
            | "تكنولوجيا"
            | "تقنيه"
            | "اخبار"
            | "صور"
            | "فيديو"
            | "القاهره"
            | "اليوم"
            | "امس"
            // «السبت - 24 سبتمبر 2022»: a weekday opens a date line.
            | "السبت"
            | "الاحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الخميس"
            | "الجمعه"
    )
}

/// «الشركة التونسية "النقل للسيارات"», «للمجموعة الصينية «بي واي دي»»: a quoted name right
/// after a definite company word and its nationality is the company; as (start, end).
fn described_quoted_companies(t: &str, words: &[Word]) -> Vec<(usize, usize)> {
    const OPEN: [char; 4] = ['"', '“', '«', '”'];
    const CLOSE: [char; 4] = ['"', '”', '»', '“'];
    let word = |k: usize| &t[words[k].s..words[k].e];
    let mut out = Vec::new();
    for k in 2..words.len() {
        // Only an opening quote (and spaces) between the nationality and the name; a joined
        // word has only spaces there (most words: no trim).
        if words[k].joined {
            continue;
        }
        let company = matches!(
            word(k - 2),
            "الشركه"
                | "المجموعه"
                | "للشركه"
                | "للمجموعه"
                | "والشركه"
                | "والمجموعه"
                | "بالشركه"
        );
        if !company || !words[k - 1].joined || !nisba(word(k - 1)) || !word(k - 1).ends_with("يه")
        {
            continue;
        }
        let gap = t[words[k - 1].e..words[k].s].trim();
        if gap.chars().count() != 1 || !gap.starts_with(OPEN) {
            continue;
        }
        // The name runs to the closing quote, at most four words on.
        let mut last = k;
        while last + 1 < words.len() && last - k < 3 && words[last + 1].joined {
            last += 1;
        }
        let after = words
            .get(last + 1)
            .map_or(&t[words[last].e..], |n| &t[words[last].e..n.s]);
        if after.trim_start().starts_with(CLOSE) {
            out.push((words[k].s, words[last].e));
        }
    }
    out
}

/// «في تصريح لـ “افريكان مانجر”», «في حديث مع «الشرق»»: a quoted name right after a statement
/// or an interview given to someone is the outlet that took it; as (start, end).
fn interview_outlets(t: &str, words: &[Word]) -> Vec<(usize, usize)> {
    const OPEN: [char; 4] = ['"', '“', '«', '”'];
    const CLOSE: [char; 4] = ['"', '”', '»', '“'];
    let word = |k: usize| &t[words[k].s..words[k].e];
    let mut out = Vec::new();
    for k in 2..words.len() {
        // The rare words first, the gap (a trim) only after them.
        if !words[k - 1].joined || !matches!(word(k - 1), "ل" | "مع") {
            continue;
        }
        let interview = matches!(
            word(k - 2),
            "تصريح" | "تصريحات" | "حديث" | "مقابله" | "حوار" | "لقاء"
        );
        let gap = t[words[k - 1].e..words[k].s].trim();
        if !interview || gap.chars().count() != 1 || !gap.starts_with(OPEN) {
            continue;
        }
        let mut last = k;
        while last + 1 < words.len() && last - k < 3 && words[last + 1].joined {
            last += 1;
        }
        let after = words
            .get(last + 1)
            .map_or(&t[words[last].e..], |n| &t[words[last].e..n.s]);
        if after.trim_start().starts_with(CLOSE) && (k..=last).all(|j| words[j].arabic) {
            out.push((words[k].s, words[last].e));
        }
    }
    out
}

/// Company names ending with a company word, as (start, end); the name before the word is one to
/// three words (or a gazetteer name) not broken by punctuation. Outlets opening a dateline
/// with a news word (`dateline_outlets`) and quoted names after «الشركة» and a nationality
/// (`described_quoted_companies`) are among them.
pub fn company_words(t: &str, table: &WordTable, known: &Known) -> Vec<(usize, usize)> {
    let (words, cls) = (table.words.as_slice(), table.cls.as_slice());
    let word = |k: usize| &t[words[k].s..words[k].e];
    let mut out = dateline_outlets(t, words, cls);
    out.extend(bare_dateline_outlet(t, words, known));
    out.extend(dash_dateline_outlets(t, words, known));
    out.extend(media_described_outlets(t, words, cls, known));
    out.extend(interview_outlets(t, words));
    out.extend(described_quoted_companies(t, words));
    for k in 1..words.len() {
        if !words[k].joined || cls[k] & class::COMPANY == 0 {
            continue;
        }
        if let Some(first) = after_company_trigger(t, words, k) {
            out.push((words[first].s, line_of_business_end(t, words, k)));
            continue;
        }
        // «(ترك تيلكوم)»: parentheses or quotes around the whole name say it is one, so a
        // first word shaped like a verb is the name's.
        let closed = t[words[k].e..]
            .trim_start_matches(' ')
            .starts_with([')', '"', '”', '»', '“']);
        let opened = |j: usize| {
            t[..words[j].s]
                .trim_end_matches(' ')
                .ends_with(['(', '"', '“', '«', '”'])
        };
        let mut first = k;
        while first > 0 && k - first < 3 && words[first].joined {
            let w = word(first - 1);
            let (_, stem) = stem_of(w);
            let letters = w.chars().count();
            let verb_like = letters <= 5
                && matches!(w.chars().next(), Some('ي' | 'ت' | 'ن'))
                && !(closed && opened(first - 1));
            if closed_class(w)
                || verb_like
                || glued(w)
                || super::lexicon::currency_word(w)
                || super::lexicon::scale(w).is_some()
                || super::lexicon::trigger(stem).is_some()
                || super::lexicon::trigger(w).is_some()
                || w.chars().all(|c| c.is_ascii_digit())
            {
                break;
            }
            // «الوطنية موبايل»: a definite word is a name's only when the gazetteer knows it, or
            // when it is a nisba standing alone before the company word.
            let lone_nisba = first == k && nisba(w);
            if w.starts_with("ال") && (known.name_at)(words[first - 1].s).is_none() && !lone_nisba
            {
                break;
            }
            first -= 1;
            if lone_nisba {
                break;
            }
            if !words[first].joined {
                break;
            }
        }
        if first < k {
            // «الشركة الليبية القابضة»: the definite company word before a nisba is the name's.
            if first > 0
                && words[first].joined
                && nisba(word(first))
                && matches!(word(first - 1), "الشركه" | "المجموعه")
            {
                first -= 1;
            }
            // «ودبي القابضة»: the conjunction is not part of the name.
            let w = word(first);
            let skip = if w.starts_with('و') && w.chars().count() > 3 {
                'و'.len_utf8()
            } else {
                0
            };
            out.push((words[first].s + skip, line_of_business_end(t, words, k)));
        }
    }
    out
}

/// «… القابضة للاتصالات»: a «لل» line of business after the company word at `k` is the name's;
/// where the name ends.
fn line_of_business_end(t: &str, words: &[Word], k: usize) -> usize {
    let next = k + 1;
    if next < words.len()
        && words[next].joined
        && complement(&t[words[next].s..words[next].e])
        && &t[words[next].s..words[next].e] != "للانباء"
        && !purpose(t, words, next)
    {
        words[next].e
    } else {
        words[k].e
    }
}

/// «شركة مواد الإعمار القابضة»: after an indefinite company word, one to three plain words
/// (definite ones too) up to the company word at `k` are the name; the first of them.
fn after_company_trigger(t: &str, words: &[Word], k: usize) -> Option<usize> {
    let word = |j: usize| &t[words[j].s..words[j].e];
    for first in (k.saturating_sub(3)..k).rev() {
        if first == 0 || !words[first].joined {
            return None;
        }
        let w = word(first);
        if !words[first].arabic || closed_class(w) || glued(w) || stop_word(w) {
            return None;
        }
        let before = word(first - 1);
        let before = before.strip_prefix('و').unwrap_or(before);
        let before = before.strip_prefix('ل').unwrap_or(before);
        if matches!(before, "شركه" | "مجموعه") {
            return Some(first);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::normalize::normalize_str;

    /// `stem_of`'s table holds every form the rules give a head to: for the forms it was built
    /// from, and every word of the fixtures, it answers as `head_form` does.
    #[test]
    fn head_table_answers_as_the_rules() {
        let fixtures = [
            include_str!("../../tests/fixtures/entities-real/tuning.txt"),
            include_str!("../../tests/fixtures/entities-real/tuning2.txt"),
            include_str!("../../tests/fixtures/entities-real/tuning3.txt"),
            include_str!("../../tests/fixtures/entities/passages.txt"),
        ]
        .map(normalize_str)
        .join(" ");
        let mut forms: Vec<String> = fixtures
            .split(|c: char| !crate::entities::scan::is_word_char(c))
            .map(str::to_string)
            .collect();
        for h in STRONG_HEADS.iter().chain(WEAK_HEADS).chain(DEFINITE_HEADS) {
            forms.push(h.to_string());
            for c in CLITIC_PREFIXES {
                forms.push(format!("{c}{h}"));
                forms.push(format!("{c}{}", h.strip_prefix("ال").unwrap_or(h)));
            }
        }
        let mut heads = 0;
        for w in &forms {
            assert_eq!(stem_of(w), head_form(w), "{w}");
            heads += usize::from(!stem_of(w).1.is_empty());
            assert_eq!(class(w) & class::HEAD != 0, !stem_of(w).1.is_empty(), "{w}");
        }
        assert!(heads > 500, "{heads}");
        assert_eq!(stem_of("والهيئه"), (2, "الهيئه"));
        assert_eq!(stem_of("لوزاره"), (2, "وزاره"));
        let company = |w: &str| class(w) & class::COMPANY != 0;
        assert!(company("القابضه") && !company("الشركه"));
    }
}
