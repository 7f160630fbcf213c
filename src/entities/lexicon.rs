//! Closed word lists, all in normalized form (see normalize.rs).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The hash of the word sets: they are looked up for nearly every word, so a word is hashed by
/// its length and its first and last eight bytes in a few instructions (FNV-1a took four a
/// byte); SipHash's protection against crafted keys buys nothing for a fixed lexicon.
#[derive(Default)]
pub(super) struct WordHash(u64);

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        // Fold the high half of a 128-bit product down: every input bit reaches the low bits
        // that pick the bucket.
        let m = u128::from(self.0) * 0x9E37_79B9_7F4A_7C15;
        (m as u64) ^ ((m >> 64) as u64)
    }

    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        // Two fixed-size loads that together cover every byte (overlapping in a short word): a
        // copy of a variable length would be a memcpy call, on every short word.
        let (head, tail) = if n >= 8 {
            let word = |at: usize| {
                let mut b = [0u8; 8];
                b.copy_from_slice(&bytes[at..at + 8]);
                u64::from_le_bytes(b)
            };
            (word(0), word(n - 8))
        } else if n >= 4 {
            let half = |at: usize| {
                let mut b = [0u8; 4];
                b.copy_from_slice(&bytes[at..at + 4]);
                u64::from(u32::from_le_bytes(b))
            };
            (half(0), half(n - 4) << 32)
        } else if n > 0 {
            let byte = |at: usize| u64::from(bytes[at]);
            (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, 0)
        } else {
            (0, 0)
        };
        self.0 = (self.0.rotate_left(23) ^ head ^ tail.rotate_left(29) ^ n as u64)
            .wrapping_mul(0x0100_0000_01b3);
    }

    /// A str ends its hash with a 0xFF byte (so that joined strings hash apart); a word key
    /// needs no such end, and through `write` it cost a second round on every look-up.
    fn write_u8(&mut self, i: u8) {
        self.0 ^= u64::from(i);
    }
}

pub(super) type WordHashBuild = BuildHasherDefault<WordHash>;

/// A 64-bit sketch of a small set of words (a bit for each word's length and last byte): a word
/// whose bit is clear is not in the set, known without hashing it. For the per-text name sets
/// looked up with every word of the text.
#[derive(Clone, Copy, Default)]
pub(super) struct WordSketch(u64);

impl WordSketch {
    fn bit(w: &str) -> u64 {
        let last = w.as_bytes().last().copied().unwrap_or(0);
        1 << ((w.len() * 7 + usize::from(last)) & 63)
    }

    pub(super) fn add(&mut self, w: &str) {
        self.0 |= Self::bit(w);
    }

    pub(super) fn may_hold(self, w: &str) -> bool {
        self.0 & Self::bit(w) != 0
    }
}

/// What a trigger word says about the name that follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    Org,
    Product,
    /// مدينة، محافظة، ولاية …: licenses a place name that is also a common word («ولاية الوادي»).
    Place,
}

/// Trigger words: they license strict aliases and introduce unknown names («شركة هيوماين»).
pub const TRIGGERS: &[(&str, Trigger)] = &[
    ("شركه", Trigger::Org),
    ("شركتا", Trigger::Org),
    ("شركتي", Trigger::Org),
    ("الشركه", Trigger::Org),
    ("الشركتان", Trigger::Org),
    ("الشركتين", Trigger::Org),
    ("شركات", Trigger::Org),
    ("مجموعه", Trigger::Org),
    ("مؤسسه", Trigger::Org),
    ("بنك", Trigger::Org),
    ("مصرف", Trigger::Org),
    ("صندوق", Trigger::Org),
    ("مختبر", Trigger::Org),
    ("مختبرات", Trigger::Org),
    ("هيئه", Trigger::Org),
    ("جامعه", Trigger::Org),
    ("مجموعتا", Trigger::Org),
    ("التنفيذي", Trigger::Org),
    ("مؤسس", Trigger::Org),
    ("عملاق", Trigger::Org),
    ("العملاق", Trigger::Org),
    ("منصه", Trigger::Product),
    ("منصتا", Trigger::Product),
    ("منصتي", Trigger::Product),
    ("تطبيق", Trigger::Product),
    ("تطبيقا", Trigger::Product),
    ("تطبيقي", Trigger::Product),
    // Maghrebi «تطبيقة» (an app).
    ("تطبيقه", Trigger::Product),
    ("خدمه", Trigger::Product),
    ("موقع", Trigger::Org),
    ("صحيفه", Trigger::Org),
    ("جريده", Trigger::Org),
    ("يوميه", Trigger::Org),
    ("فضائيه", Trigger::Org),
    ("قناه", Trigger::Org),
    ("وكاله", Trigger::Org),
    ("نشره", Trigger::Org),
    ("مجله", Trigger::Org),
    ("حزب", Trigger::Org),
    ("ائتلاف", Trigger::Org),
    ("بنكي", Trigger::Org),
    ("مجموعتي", Trigger::Org),
    ("طراز", Trigger::Product),
    ("طرازي", Trigger::Product),
    ("موديل", Trigger::Product),
    ("اصدار", Trigger::Product),
    ("متجر", Trigger::Product),
    ("هاتف", Trigger::Product),
    ("هواتف", Trigger::Product),
    ("نظام", Trigger::Product),
    ("مساعد", Trigger::Product),
    ("نموذج", Trigger::Product),
    ("نماذج", Trigger::Product),
    ("روبوت", Trigger::Product),
    ("برنامج", Trigger::Product),
    ("مشروع", Trigger::Product),
    ("جهاز", Trigger::Product),
    ("اجهزه", Trigger::Product),
    ("شريحه", Trigger::Product),
    ("شرائح", Trigger::Product),
    ("رقاقه", Trigger::Product),
    ("رقائق", Trigger::Product),
    ("معالج", Trigger::Product),
    ("معالجات", Trigger::Product),
    ("متصفح", Trigger::Product),
    ("منتج", Trigger::Product),
    ("ساعه", Trigger::Product),
    ("نظاره", Trigger::Product),
    ("سياره", Trigger::Product),
    ("محرك", Trigger::Product),
    ("لعبه", Trigger::Product),
    ("سلسله", Trigger::Product),
    ("حاسوب", Trigger::Product),
    ("حواسيب", Trigger::Product),
    ("خوادم", Trigger::Product),
    ("اداه", Trigger::Product),
    ("ادوات", Trigger::Product),
    // With a possessive pronoun a product word still introduces the name: «هاتفها “Mate XT”»,
    // «طرازها 208», «أحدث أجهزتها "P8"».
    ("هاتفها", Trigger::Product),
    ("هاتفه", Trigger::Product),
    ("طرازها", Trigger::Product),
    ("طرازه", Trigger::Product),
    ("جهازها", Trigger::Product),
    ("جهازه", Trigger::Product),
    ("اجهزتها", Trigger::Product),
    ("منصتها", Trigger::Product),
    ("منصته", Trigger::Product),
    ("تطبيقها", Trigger::Product),
    ("سيارتها", Trigger::Product),
    ("سيارته", Trigger::Product),
    ("نموذجها", Trigger::Product),
    ("نموذجه", Trigger::Product),
    ("معالجها", Trigger::Product),
    ("مدينه", Trigger::Place),
    ("مدينتي", Trigger::Place),
    ("مدن", Trigger::Place),
    ("محافظه", Trigger::Place),
    ("محافظتي", Trigger::Place),
    ("محافظات", Trigger::Place),
    ("ولايه", Trigger::Place),
    ("ولايتي", Trigger::Place),
    ("ولايات", Trigger::Place),
    ("اقليم", Trigger::Place),
    ("منطقه", Trigger::Place),
    ("بلده", Trigger::Place),
    ("قريه", Trigger::Place),
    ("حي", Trigger::Place),
    ("اماره", Trigger::Place),
    ("العاصمه", Trigger::Place),
    ("عاصمه", Trigger::Place),
];

impl Trigger {
    /// Whether this trigger is evidence for a name of `kind`: place words for places, company and
    /// product words for the rest.
    pub fn licenses(self, kind: super::Kind) -> bool {
        (self == Trigger::Place) == (kind == super::Kind::Place)
    }
}

/// The trigger a word (clitics already stripped) is, if any.
pub fn trigger(word: &str) -> Option<Trigger> {
    static MAP: LazyLock<HashMap<&str, Trigger, WordHashBuild>> =
        LazyLock::new(|| word_map(TRIGGERS.iter().copied()));
    MAP.get(word).copied()
}

/// Words right after a trigger that are not names: adjectives, determiners, verbs, nouns.
pub fn not_a_name(word: &str) -> bool {
    word.starts_with("ال")
        || word.ends_with('ه')
        || word.ends_with("يه")
        || word.ends_with("ات")
        || word.ends_with("ين")
        || word.ends_with("ون")
        // «شركات تتجاوز مداخيلها»: an imperfect verb of the form تتفاعل.
        || (word.starts_with("تت") && word.chars().count() >= 5)
        || matches!(
            word,
            "كبري"
                | "قطاع"
                | "اخري"
                | "صغري"
                | "عملاقه"
                | "جديد"
                | "جديده"
                // Kinds of device or document, not names: «أجهزة مودم», «تطبيق دفتر شروط».
                | "مودم"
                | "راوتر"
                | "شاحن"
                | "دفتر"
                | "ذكي"
                | "مجاني"
                | "لغوي"
                | "محلي"
                | "عالمي"
                | "رائد"
                | "انباء"
                | "ناشئ"
                | "واحد"
                | "خاص"
                | "عام"
                | "كل"
                | "اي"
                | "اول"
                | "ثاني"
                | "اخر"
                | "تابع"
                | "مملوك"
                | "مقرها"
                | "تعمل"
                | "تقدم"
                | "تملك"
                | "تسعي"
                | "يعمل"
                | "يقدم"
                | "يتيح"
                | "تتيح"
                | "قد"
                | "لم"
                | "لن"
                | "لا"
                | "في"
                | "من"
                | "علي"
                | "عن"
                | "مع"
                | "او"
                | "ثم"
                | "هي"
                | "هو"
                | "التي"
                | "الذي"
                | "مثل"
                | "بقيمه"
                | "بحث"
                | "ذكاء"
                | "دفع"
                | "بيع"
                | "تواصل"
                | "توصيل"
                | "تشغيل"
                | "حوسبه"
                | "اتصالات"
                | "تقنيه"
                | "تكنولوجيا"
                | "امريكي"
                | "صيني"
                | "ياباني"
                | "كوري"
                | "اوروبي"
                | "سعودي"
                | "اماراتي"
                | "مصري"
                | "جوال"
                | "محمول"
                | "رقمي"
                | "مالي"
                | "صناعي"
                | "برمجي"
                | "سحابي"
                | "منافس"
                | "مشابه"
                | "بديل"
                | "رسمي"
                | "حكومي"
                | "وطني"
                | "اقليمي"
                | "ضخم"
                | "طموح"
                | "مستقل"
                | "مفتوح"
                | "متقدم"
                | "متطور"
                | "ذاتي"
                | "كهربائي"
                | "شهير"
                | "معروف"
                | "شبح"
                | "راس"
                | "تعتزم"
                | "مشترك"
                | "اتصال"
                | "ثالث"
                | "رابع"
                | "جديدا"
        )
}

/// Scale words: (word, multiplier, is dual form).
pub const SCALES: &[(&str, f64, bool)] = &[
    ("الف", 1e3, false),
    ("الاف", 1e3, false),
    ("الفا", 1e3, false),
    ("thousand", 1e3, false),
    ("الفي", 1e3, true),
    ("الفان", 1e3, true),
    ("الفين", 1e3, true),
    ("مليون", 1e6, false),
    ("ملايين", 1e6, false),
    ("مليونا", 1e6, false),
    ("million", 1e6, false),
    ("m", 1e6, false),
    ("مليوني", 1e6, true),
    ("مليونان", 1e6, true),
    ("مليونين", 1e6, true),
    ("مليار", 1e9, false),
    ("مليارات", 1e9, false),
    ("مليارا", 1e9, false),
    // «ملايير»: the Maghrebi plural of مليار.
    ("ملايير", 1e9, false),
    ("بليون", 1e9, false),
    ("بلايين", 1e9, false),
    ("بليونا", 1e9, false),
    ("billion", 1e9, false),
    ("bn", 1e9, false),
    ("ملياري", 1e9, true),
    ("ملياران", 1e9, true),
    ("مليارين", 1e9, true),
    ("بليوني", 1e9, true),
    ("بليونين", 1e9, true),
    ("تريليون", 1e12, false),
    ("تريليونات", 1e12, false),
    ("تريليونا", 1e12, false),
    ("ترليون", 1e12, false),
    ("ترليونات", 1e12, false),
    ("trillion", 1e12, false),
    ("tn", 1e12, false),
    ("تريليوني", 1e12, true),
    ("تريليونان", 1e12, true),
    ("تريليونين", 1e12, true),
    ("ترليوني", 1e12, true),
];

/// A word list as a set: the lists are asked about nearly every word, and one hash look-up
/// costs less than comparing with each word of a long list.
fn word_map<V: Copy>(
    items: impl Iterator<Item = (&'static str, V)>,
) -> HashMap<&'static str, V, WordHashBuild> {
    let mut m = HashMap::default();
    for (w, v) in items {
        // The first listed is the one a word is.
        m.entry(w).or_insert(v);
    }
    m
}

/// Scale words: (multiplier, is dual form).
pub fn scale(word: &str) -> Option<(f64, bool)> {
    static MAP: LazyLock<HashMap<&str, (f64, bool), WordHashBuild>> =
        LazyLock::new(|| word_map(SCALES.iter().map(|&(w, m, d)| (w, (m, d)))));
    MAP.get(word).copied()
}

/// Scale words that stand for a figure on their own («مليار دولار» = 1e9, «ملياري» = 2e9).
/// «ألف» alone is also a verb and a letter name, so it needs a currency after it.
pub fn bare_scale(word: &str) -> Option<(f64, bool)> {
    match word {
        "مليون" | "مليار" | "تريليون" | "مليوني" | "ملياري" | "تريليوني" | "مليونان"
        | "ملياران" | "الف" | "الفي" | "مليارين" | "مليونين" | "بليون" | "ترليون" | "الفين"
        | "تريليونين" => scale(word),
        _ => None,
    }
}

/// Currency words (Arabic and Latin codes).
pub const CURRENCIES: &[&str] = &[
    "دولار",
    "دولارا",
    "دولارات",
    "الدولارات",
    "يورو",
    "ريال",
    "ريالا",
    "ريالات",
    "درهم",
    "درهما",
    "دراهم",
    "جنيه",
    "جنيها",
    "جنيهات",
    "دينار",
    "دينارا",
    "دنانير",
    "يوان",
    "وون",
    "ين",
    "روبيه",
    "ليره",
    "ليرات",
    "روبل",
    "فرنك",
    "دج",
    "فلس",
    "قرش",
    "قرشا",
    "قروش",
    "فلسا",
    "فلوس",
    // The Maghreb's euro, centime (a hundredth of a dirham or dinar, how car prices are quoted
    // in Algeria and Morocco), the Tunisian millime and the Mauritanian ouguiya.
    "اورو",
    "سنتيم",
    "سنتيما",
    "سنتيمات",
    "مليم",
    "مليما",
    "اوقيه",
    // The shekel, Palestine's everyday currency, in both spellings.
    "شيكل",
    "شيكلا",
    "شيقل",
    "شيقلا",
    "شواكل",
    "usd",
    "eur",
    "sar",
    "aed",
    "egp",
    "kwd",
    "qar",
    "dollars",
];

pub fn currency_word(word: &str) -> bool {
    static SET: LazyLock<HashMap<&str, (), WordHashBuild>> =
        LazyLock::new(|| word_map(CURRENCIES.iter().map(|&w| (w, ()))));
    SET.contains_key(word)
}

/// Nationality adjectives that follow a currency («دولار أمريكي», «جنيه إسترليني»).
pub fn currency_adjective(word: &str) -> bool {
    let w = word.strip_suffix('ه').unwrap_or(word);
    let w = w.strip_suffix('ا').unwrap_or(w);
    matches!(
        w,
        "امريكي"
            | "اميركي"
            | "سعودي"
            | "اماراتي"
            | "مصري"
            | "كويتي"
            | "قطري"
            | "بحريني"
            | "عماني"
            | "اردني"
            | "صيني"
            | "ياباني"
            | "استرليني"
            | "اوروبي"
            | "هندي"
            | "تركي"
            | "مغربي"
            | "جزائري"
            | "تونسي"
            | "عراقي"
            | "ليبي"
            | "سوداني"
            | "لبناني"
            | "سوري"
            | "كندي"
            | "استرالي"
            | "روسي"
    )
}

/// Month names with the number of words they take (Egyptian/Gulf and Levantine, as `month_number`).
pub fn month(word: &str, next: Option<&str>) -> Option<usize> {
    month_number(word, next).map(|(_, n)| n)
}

/// A month name and its number (1–12), with the number of words it takes: Egyptian and Gulf
/// (يناير، يونيه …), Levantine (كانون الثاني، شباط، آب …), Algerian and Tunisian (جانفي، فيفري،
/// أفريل، ماي، جوان، جويلية، أوت …) and Moroccan (يوليوز، غشت، شتنبر، نونبر، دجنبر).
pub fn month_number(word: &str, next: Option<&str>) -> Option<(u8, usize)> {
    static MAP: LazyLock<HashMap<&str, u8, WordHashBuild>> =
        LazyLock::new(|| word_map(MONTHS.iter().copied()));
    if let Some(&m) = MAP.get(word) {
        return Some((m, 1));
    }
    if !TWO_WORD_MONTHS.contains(&word) {
        return None;
    }
    let second = match next {
        Some("الاول") => 0,
        Some("الثاني") => 1,
        _ => return None,
    };
    Some((
        if word == "كانون" {
            [12, 1][second]
        } else {
            [10, 11][second]
        },
        2,
    ))
}

/// One-word month names and their numbers.
pub const MONTHS: &[(&str, u8)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويليه", 7),
    ("جويلية", 7),
    ("يوليوز", 7),
    ("تموز", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("غشت", 8),
    ("اب", 8),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("ايلول", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("دسمبر", 12),
];

/// Levantine months named by two words: «كانون الثاني», «تشرين الأول».
pub const TWO_WORD_MONTHS: [&str; 2] = ["كانون", "تشرين"];

/// Words before a year that make it a date and belong in the span («عام 2019»).
pub fn year_word(word: &str) -> bool {
    matches!(word, "عام" | "العام" | "سنه" | "السنه" | "عامي")
}

/// Approximation words kept inside a figure's span, read backwards from the figure: the words
/// before it (nearest first). Returns how many of them belong to the approximation.
pub fn approximation(before: &[&str]) -> usize {
    match before {
        ["نحو" | "حوالي" | "قرابه" | "زهاء", ..] => 1,
        ["من", "اكثر" | "اقل" | "ازيد", ..] => 2,
        ["يقارب" | "يناهز" | "يفوق", "ما", ..] => 2,
        // «ما يزيد عن», «ما يربو على» (more than).
        ["عن" | "علي", "يزيد" | "يقل" | "يربو", "ما", ..] => 3,
        _ => 0,
    }
}

/// Words that may carry a glued conjunction or preposition before a figure («بنحو», «وأكثر»).
pub fn figure_lead_word(word: &str) -> bool {
    matches!(
        word,
        "نحو"
            | "حوالي"
            | "قرابه"
            | "زهاء"
            | "اكثر"
            | "اقل"
            | "ازيد"
            | "ما"
            | "بين"
            | "عام"
            | "العام"
            | "سنه"
            | "السنه"
    )
}

/// Number words that multiply a scale word («ثلاثة ملايين», «عشرة مليارات», «مئة مليون»).
pub fn number_word(word: &str) -> Option<f64> {
    Some(match word {
        "ثلاث" | "ثلاثه" => 3.0,
        "اربع" | "اربعه" => 4.0,
        "خمس" | "خمسه" => 5.0,
        "ست" | "سته" => 6.0,
        "سبع" | "سبعه" => 7.0,
        "ثماني" | "ثمانيه" => 8.0,
        "تسع" | "تسعه" => 9.0,
        "عشر" | "عشره" => 10.0,
        "مئه" | "مائه" => 100.0,
        "مئتي" | "مائتي" | "مئتا" | "مائتا" => 200.0,
        "ثلاثمائه" | "ثلاثمئه" => 300.0,
        "اربعمائه" | "اربعمئه" => 400.0,
        "خمسمائه" | "خمسمئه" => 500.0,
        "ستمائه" | "ستمئه" => 600.0,
        "سبعمائه" | "سبعمئه" => 700.0,
        "ثمانمائه" | "ثمانمئه" => 800.0,
        "تسعمائه" | "تسعمئه" => 900.0,
        "اثنان" | "اثنين" | "اثنا" | "اثني" => 2.0,
        "احدي" | "احد" => 1.0,
        "عشرين" | "عشرون" => 20.0,
        "ثلاثين" | "ثلاثون" => 30.0,
        "اربعين" | "اربعون" => 40.0,
        "خمسين" | "خمسون" => 50.0,
        "ستين" | "ستون" => 60.0,
        "سبعين" | "سبعون" => 70.0,
        "ثمانين" | "ثمانون" => 80.0,
        "تسعين" | "تسعون" => 90.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_and_sketch() {
        assert_eq!(scale("مليارين"), Some((1e9, true)));
        assert_eq!(scale("bn"), Some((1e9, false)));
        assert_eq!(scale("مليارات"), Some((1e9, false)));
        assert_eq!(scale("ملي"), None);
        assert_eq!(month_number("ماي", None), Some((5, 1)));
        assert_eq!(month_number("كانون", Some("الثاني")), Some((1, 2)));
        assert_eq!(month_number("تشرين", Some("الاول")), Some((10, 2)));
        assert_eq!(month_number("كانون", None), None);
        assert!(currency_word("دولار") && currency_word("usd") && !currency_word("دول"));
        assert_eq!(trigger("شركه"), Some(Trigger::Org));
        let mut sketch = WordSketch::default();
        for w in ["محمد", "الجابر", "ab", ""] {
            sketch.add(w);
        }
        for w in ["محمد", "الجابر", "ab", ""] {
            assert!(sketch.may_hold(w), "{w}");
        }
        // Words differing only in the middle hash apart too (first and last eight bytes).
        let hash = |w: &str| {
            let mut h = WordHash::default();
            h.write(w.as_bytes());
            h.finish()
        };
        assert_ne!(hash("الاتصالات"), hash("الاتصالاث"));
        assert_ne!(hash("ab"), hash("ba"));
        assert_ne!(hash("abc"), hash("acc"));
        assert_ne!(hash("abcde"), hash("abdde"));
        assert_ne!(hash("محمد"), hash("احمد"));
    }
}
