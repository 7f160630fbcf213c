//! Closed word lists, all in normalized form (see normalize.rs).

use std::collections::HashMap;
use std::sync::LazyLock;

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
    // Asked for nearly every word by several rules: a hash instead of a scan of the list.
    static MAP: LazyLock<HashMap<&str, Trigger, super::people::FnvBuild>> = LazyLock::new(|| {
        let mut m = HashMap::default();
        for (w, t) in TRIGGERS {
            // The first listed is the one a word is.
            m.entry(*w).or_insert(*t);
        }
        m
    });
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

/// Scale words: (multiplier, is dual form).
pub fn scale(word: &str) -> Option<(f64, bool)> {
    Some(match word {
        "الف" | "الاف" | "الفا" | "thousand" => (1e3, false),
        "الفي" | "الفان" | "الفين" => (1e3, true),
        "مليون" | "ملايين" | "مليونا" | "million" | "m" => (1e6, false),
        "مليوني" | "مليونان" | "مليونين" => (1e6, true),
        // «ملايير»: the Maghrebi plural of مليار.
        "مليار" | "مليارات" | "مليارا" | "ملايير" | "بليون" | "بلايين" | "بليونا" | "billion"
        | "bn" => (1e9, false),
        "ملياري" | "ملياران" | "مليارين" | "بليوني" | "بليونين" => {
            (1e9, true)
        }
        "تريليون" | "تريليونات" | "تريليونا" | "ترليون" | "ترليونات" | "trillion" | "tn" => {
            (1e12, false)
        }
        "تريليوني" | "تريليونان" | "تريليونين" | "ترليوني" => {
            (1e12, true)
        }
        _ => return None,
    })
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

pub fn currency_word(word: &str) -> bool {
    matches!(
        word,
        "دولار"
            | "دولارا"
            | "دولارات"
            | "الدولارات"
            | "يورو"
            | "ريال"
            | "ريالا"
            | "ريالات"
            | "درهم"
            | "درهما"
            | "دراهم"
            | "جنيه"
            | "جنيها"
            | "جنيهات"
            | "دينار"
            | "دينارا"
            | "دنانير"
            | "يوان"
            | "وون"
            | "ين"
            | "روبيه"
            | "ليره"
            | "ليرات"
            | "روبل"
            | "فرنك"
            | "دج"
            | "فلس"
            | "قرش"
            | "قرشا"
            | "قروش"
            | "فلسا"
            | "فلوس"
            | "usd"
            | "eur"
            | "sar"
            | "aed"
            | "egp"
            | "kwd"
            | "qar"
            | "dollars"
    )
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
    let m = match word {
        "يناير" | "جانفي" => 1,
        "فبراير" | "فيفري" | "شباط" => 2,
        "مارس" | "اذار" => 3,
        "ابريل" | "افريل" | "نيسان" => 4,
        "مايو" | "ماي" | "ايار" => 5,
        "يونيو" | "يونيه" | "جوان" | "حزيران" => 6,
        "يوليو" | "يوليه" | "جويليه" | "جويلية" | "يوليوز" | "تموز" => {
            7
        }
        "اغسطس" | "اوت" | "غشت" | "اب" => 8,
        "سبتمبر" | "شتنبر" | "ايلول" => 9,
        "اكتوبر" => 10,
        "نوفمبر" | "نونبر" => 11,
        "ديسمبر" | "دجنبر" | "دسمبر" => 12,
        "كانون" | "تشرين" => {
            let second = match next {
                Some("الاول") => 0,
                Some("الثاني") => 1,
                _ => return None,
            };
            return Some((
                if word == "كانون" {
                    [12, 1][second]
                } else {
                    [10, 11][second]
                },
                2,
            ));
        }
        _ => return None,
    };
    Some((m, 1))
}

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
