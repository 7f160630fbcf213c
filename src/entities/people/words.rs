//! The person grammar's word classes: closed lists of function words, role nouns, titles,
//! speech verbs, nationalities and ordinary words, gathered in one table so that each word is
//! looked up once. Split out of people.rs.

use super::*;

/// What the person grammar asks of a word, one bit each: the closed classes below and the
/// lexicon's words that are no name, gathered in one table so that a word is looked up once
/// (the lists were `match`es, each compared with every entry of its length).
pub(crate) mod class {
    pub const FUNCTION: u16 = 1;
    /// A role noun, or «و» + one.
    pub const ROLE: u16 = 1 << 1;
    /// A title, or «و» + one of the common ones.
    pub const TITLE: u16 = 1 << 2;
    /// A speech verb, or «و» / «ف» + one.
    pub const SPEECH: u16 = 1 << 3;
    pub const NATIONALITY: u16 = 1 << 4;
    /// `common_word`: nationality adjectives and the other ordinary words.
    pub const COMMON: u16 = 1 << 5;
    /// Trigger, scale, currency, month and company words.
    pub const LEXICAL: u16 = 1 << 6;
    /// Ends a role phrase right before a name («المدير العام X»).
    pub const ROLE_TAIL: u16 = 1 << 7;
    /// A body a role belongs to, maybe with «ال» or «لل» («رئيس مجلس إدارة الشركة X»).
    pub const INSTITUTION: u16 = 1 << 8;
    /// Ends a company's name («القابضه», «موبايل», «كابيتال»: `orgs::COMPANY_WORDS`).
    pub const COMPANY: u16 = 1 << 9;
    /// Ends an outlet's dateline before a dash («شفق نيوز -»: `orgs::NEWS_WORDS`).
    pub const NEWS: u16 = 1 << 10;
    /// A media nisba after an outlet's name («الإخبارية»: `orgs::MEDIA_NISBAS`).
    pub const MEDIA_NISBA: u16 = 1 << 11;
    /// Opens a byline before its writer («كتب», «بقلم»: `BYLINE_CUES`).
    pub const BYLINE_CUE: u16 = 1 << 12;
    /// An institution's head, maybe after a clitic («لوزارة»: `orgs::stem_of` answers it).
    pub const HEAD: u16 = 1 << 13;
    /// A model word, maybe after clitics («طراز», «وبطرازها», «موديل»: `MODEL_WORDS`).
    pub const MODEL: u16 = 1 << 14;
    /// A Latin letter's name in Arabic letters («دي», «إتش»: `names::acronyms::letter_name`).
    pub const LETTER_NAME: u16 = 1 << 15;
    /// What keeps a word out of a name (`name_word`).
    pub const NOT_NAME: u16 = FUNCTION | ROLE | TITLE | SPEECH | COMMON | LEXICAL;
}

pub(crate) fn class(w: &str) -> u16 {
    static TABLE: LazyLock<HashMap<Box<str>, u16, WordHashBuild>> = LazyLock::new(|| {
        let mut t: HashMap<Box<str>, u16, WordHashBuild> = HashMap::default();
        let mut add = |w: String, bit: u16| *t.entry(w.into_boxed_str()).or_default() |= bit;
        for w in FUNCTION_WORDS {
            add(w.to_string(), class::FUNCTION);
        }
        for w in ROLE_WORDS {
            add(w.to_string(), class::ROLE);
            add(format!("و{w}"), class::ROLE);
        }
        for w in TITLES {
            add(w.to_string(), class::TITLE);
        }
        for w in CONJOINED_TITLES {
            add(format!("و{w}"), class::TITLE);
        }
        for w in SPEECH_VERBS {
            add(w.to_string(), class::SPEECH);
            add(format!("و{w}"), class::SPEECH);
            add(format!("ف{w}"), class::SPEECH);
        }
        for w in NATIONALITIES.iter().chain(ARAB_NATIONALITIES) {
            add(w.to_string(), class::NATIONALITY | class::COMMON);
        }
        for w in COMMON_WORDS {
            add(w.to_string(), class::COMMON);
        }
        for w in ROLE_TAILS {
            add(w.to_string(), class::ROLE_TAIL);
        }
        for w in INSTITUTIONS {
            add(w.to_string(), class::INSTITUTION);
            add(format!("ال{w}"), class::INSTITUTION);
            add(format!("لل{w}"), class::INSTITUTION);
        }
        let lexical = crate::entities::lexicon::TRIGGERS
            .iter()
            .map(|(w, _)| *w)
            .chain(crate::entities::lexicon::SCALES.iter().map(|(w, _, _)| *w))
            .chain(crate::entities::lexicon::CURRENCIES.iter().copied())
            .chain(crate::entities::lexicon::MONTHS.iter().map(|(w, _)| *w))
            .chain(crate::entities::lexicon::TWO_WORD_MONTHS)
            .chain(crate::entities::orgs::COMPANY_WORDS.iter().copied());
        for w in lexical {
            add(w.to_string(), class::LEXICAL);
        }
        let orgs_words = [
            (crate::entities::orgs::COMPANY_WORDS, class::COMPANY),
            (crate::entities::orgs::NEWS_WORDS, class::NEWS),
            (crate::entities::orgs::MEDIA_NISBAS, class::MEDIA_NISBA),
            (BYLINE_CUES, class::BYLINE_CUE),
        ];
        for (list, bit) in orgs_words {
            for w in list {
                add(w.to_string(), bit);
            }
        }
        for w in crate::entities::orgs::head_form_words() {
            add(w.to_string(), class::HEAD);
        }
        let acronyms = crate::entities::names::acronyms::LETTER_NAMES.iter();
        for w in acronyms.chain(&crate::entities::names::acronyms::WORD_LETTER_NAMES) {
            add(w.to_string(), class::LETTER_NAME);
        }
        // Every clitic + model word: `stems` reads a word as any clitic of the list + the rest.
        for m in MODEL_WORDS {
            add(m.to_string(), class::MODEL);
            for c in crate::entities::normalize::CLITIC_PREFIXES {
                add(format!("{c}{m}"), class::MODEL);
            }
        }
        t
    });
    TABLE.get(w).copied().unwrap_or(0)
}

/// Words that name a model when digits follow («طراز 3», «موديل 3»; products' `model_numbers`).
pub(crate) const MODEL_WORDS: [&str; 5] = ["طراز", "طرازها", "طرازه", "موديل", "اصدار"];

pub(crate) fn function_word(w: &str) -> bool {
    class(w) & class::FUNCTION != 0
}

/// Role nouns: a run before one is a name («حازم متولي الرئيس التنفيذي»), and one ends a role
/// phrase before a name.
pub(crate) fn role_word(w: &str) -> bool {
    class(w) & class::ROLE != 0
}

/// Titles before a name («المهندس حازم متولي», «الشيخ …», «الإعلامية لميس الحديدي»).
pub(crate) fn title(w: &str) -> bool {
    class(w) & class::TITLE != 0
}

/// «كتبت/ آية عبد الهادي», «بقلم: سامي», «إعداد - …»: a byline (written by, by the pen of, prepared
/// by), a slash, a colon or a dash, then the writer.
pub(super) fn byline(
    t: &str,
    words: &[crate::entities::scan::Word],
    cls: &[u16],
    i: usize,
) -> bool {
    i > 0
        && cls[i - 1] & class::BYLINE_CUE != 0
        && matches!(t[words[i - 1].e..words[i].s].trim(), "/" | ":" | "-")
}

/// Words opening a byline («كتب: …»).
const BYLINE_CUES: &[&str] = &["كتب", "كتبت", "بقلم", "اعداد"];

pub(crate) fn speech_verb(w: &str) -> bool {
    class(w) & class::SPEECH != 0
}

/// Ordinary words often found after a cue that are not names (and the nationality adjectives).
pub(super) fn common_word(w: &str) -> bool {
    class(w) & class::COMMON != 0
}

pub(super) const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لم",
    "لن",
    "لا",
    "ما",
    "هو",
    "هي",
    "هم",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "ضمن",
    "حول",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "منذ",
    "حتي",
    "بين",
    "لدي",
    "امام",
    "اثناء",
    "عبر",
    "وفق",
    "حسب",
    "بحسب",
    "نحو",
    "كل",
    "بعض",
    "غير",
    "دون",
    "مثل",
    "كما",
    "حيث",
    "اذا",
    "لكن",
    "بل",
    "ايضا",
    "اليوم",
    "امس",
    "غدا",
    "الان",
    "يوم",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "صباح",
    "مساء",
    "و",
    "بان",
    "لان",
    "انه",
    "انها",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "عام",
    "العام",
    "سنه",
    "قوله",
    "قولها",
    "وقال",
    "وقالت",
    "الا",
    "اما",
    "اي",
    "لدى",
    "ايه",
    "وفي",
    "ومن",
    "بالمناسبه",
    "اعداد",
    "بقلم",
    "وكان",
    "وكانت",
    "وهو",
    "وهي",
    "فيما",
    "بينما",
    "له",
    "لها",
    "لهم",
    "عليه",
    "عليها",
    "منه",
    "منها",
    "فيه",
    "فيها",
    "به",
    "بها",
    "فيهما",
    "منهما",
    "عليهما",
    "لهما",
    "بانه",
    "بانها",
    "لانه",
    "انهم",
    "انهما",
    "ربما",
    "لعل",
    "اذ",
    "اذن",
    "لذلك",
    "كذلك",
    "هناك",
    "هنا",
    "فقط",
    "جدا",
];

pub(super) const ROLE_WORDS: &[&str] = &[
    "الرئيس",
    "رئيس",
    "رئيسه",
    "الرئيسه",
    "المدير",
    "مدير",
    "مديره",
    "المديره",
    "وزير",
    "وزيره",
    "الوزير",
    "نقيب",
    "النقيب",
    "الوزيره",
    "نائب",
    "النائب",
    "نائبه",
    "مساعد",
    "المساعد",
    "مؤسس",
    "المؤسس",
    "مؤسسه",
    "مؤسسي",
    "الشريك",
    "شريك",
    "المتحدث",
    "المتحدثه",
    "متحدث",
    "الخبير",
    "خبير",
    "المحلل",
    "محلل",
    "الباحث",
    "باحث",
    "استاذ",
    "الاستاذ",
    "عضو",
    "العضو",
    "محافظ",
    "المحافظ",
    "سفير",
    "السفير",
    "الامين",
    "امين",
    "كبير",
    "كبيره",
    "مستشار",
    "المستشار",
    "رائد",
    "رائده",
    "المسؤول",
    "مسؤول",
    "المسؤوله",
    "مسؤوله",
    "قائد",
    "زعيم",
    "ممثل",
    "ممثله",
    "الناطق",
    "ناطق",
    "مراسل",
    "المراسل",
    "كاتبه",
    "كاتب",
    "المستثمر",
    "مستثمر",
    "صاحب",
    "صاحبه",
    "مالك",
    "المالك",
    "الرئيسي",
    "رؤساء",
    "مديري",
    "ابن",
    "ابنه",
    "زوج",
    "زوجه",
    "شقيق",
    "شقيقه",
    "صهر",
    "والد",
    "والده",
    "خال",
    "عم",
    "حفيد",
    "المخلوع",
    "السابق",
    "الاسبق",
    "المحامي",
    "الصحفي",
    "الصحفيه",
    "المهندس",
    "الدكتور",
    "مدرب",
    "المدرب",
    "اللاعب",
    "لاعب",
    "الفنان",
];

pub(super) const TITLES: &[&str] = &[
    "السيد",
    "السيده",
    "المهندس",
    "المهندسه",
    "الدكتور",
    "الدكتوره",
    "معالي",
    "سعاده",
    "سمو",
    "الشيخ",
    "الشيخه",
    "الامير",
    "الاميره",
    "الملك",
    "الملكه",
    "الاعلامي",
    "الاعلاميه",
    "الاستاذ",
    "الاستاذه",
    "البروفيسور",
    "الفنان",
    "الفنانه",
    "المحامي",
    "المحاميه",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "النائبه",
    "الكاتب",
    "الكاتبه",
    "الصحفي",
    "الصحفيه",
    "المحلل",
    "الخبير",
    "الباحث",
    "الباحثه",
    "المسرب",
    "الملياردير",
    "الشاب",
    "الشابه",
    "البابا",
];

/// Titles that also count after «و» («والدكتور»).
pub(super) const CONJOINED_TITLES: &[&str] = &["السيد", "السيده", "المهندس", "الدكتور", "الشيخ"];

pub(super) const SPEECH_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اضاف",
    "اضافت",
    "صرح",
    "صرحت",
    "ذكر",
    "ذكرت",
    "اشار",
    "اشارت",
    "يقول",
    "تقول",
    "كشف",
    "كشفت",
    "اعلن",
    "اعلنت",
    "لفت",
    "لفتت",
    "اعتبر",
    "اعتبرت",
    "شدد",
    "شددت",
    "ابرز",
    "ابرزت",
    "استقبل",
    "استقبلت",
    "طالب",
    "طالبت",
    "اعرب",
    "اعربت",
    "يري",
    "تري",
    "راي",
    "رات",
    "افاد",
    "افادت",
    "نقل",
    "وصف",
    "وصفت",
    "حذر",
    "حذرت",
    "التقي",
    "التقت",
    "بقلم",
    "اعداد",
    "يؤكد",
    "تؤكد",
    "قالا",
];

/// Nationality adjectives: after a role they describe it («وزير الاتصالات المصري»); right after
/// a given name or a title and a name they are a surname («السيد صبيح المصري»).
pub(super) const NATIONALITIES: &[&str] = &[
    "الامريكي",
    "الايراني",
    "الفرنسي",
    "الصيني",
    "الهندي",
    "الكوري",
    "الياباني",
    "البريطاني",
    "الروسي",
    "التركي",
    "الارجنتيني",
    "الالماني",
    "الايطالي",
];

/// The Arab ones: an Arab body's own nationality may close its name (orgs.rs).
pub(super) const ARAB_NATIONALITIES: &[&str] = &[
    "السوري",
    "الاردني",
    "المصري",
    "السعودي",
    "الاماراتي",
    "القطري",
    "الكويتي",
    "الجزائري",
    "التونسي",
    "المغربي",
    "اللبناني",
    "العراقي",
    "العماني",
    "البحريني",
    "اليمني",
    "الليبي",
    "الفلسطيني",
    "السوداني",
    "الموريتاني",
];

/// «السعودي», «السعودية» (normalized «السعوديه»): an Arab nationality of either gender.
pub(crate) fn arab_nationality(w: &str) -> bool {
    let masculine = w.strip_suffix('ه').unwrap_or(w);
    ARAB_NATIONALITIES.contains(&masculine)
}

pub(super) const COMMON_WORDS: &[&str] = &[
    // «أكد عدم قانونية العمومية»: "the lack of", the object of a statement.
    "عدم",
    // «ابن خال رأس النظام»: the head of something, not a name.
    "راس",
    "مصدر",
    "مصادر",
    "مسؤولون",
    "محللون",
    "خبراء",
    "تقرير",
    "التقرير",
    "بيان",
    "البيان",
    "الشركه",
    "الحكومه",
    "الوزاره",
    "الهيئه",
    "المصدر",
    "الدراسه",
    "البلاد",
    "الدوله",
    "مجلس",
    "المجلس",
    "الاداره",
    "اداره",
    "الوزراء",
    "التنفيذي",
    "العام",
    "المنتدب",
    "التنفيذيه",
    "الجمهوريه",
    "الحكومي",
    "الاولي",
    "الاعمال",
    "الشركات",
    "المؤسسه",
    "المجموعه",
    "الوطني",
    "الوطنيه",
    "الدولي",
    "الدوليه",
    "العالمي",
    "العالميه",
    "الجديد",
    "الجديده",
    "الماضي",
    "المقبل",
    "الحالي",
    "الجاري",
    "المرتقب",
    "الشهير",
    "الشهيره",
    "الفلسطينيه",
    "الكروية",
    "الكرويه",
    "الاسطوره",
    "فريق",
    "عدد",
    "مجموعه",
    "شركه",
    "المالي",
    "الماليه",
    "للمالية",
    "للماليه",
    "لقطاع",
    "قطاع",
    "ادارة",
    "الجمعيه",
    "للذكاء",
    "الذكاء",
    "الاصطناعي",
    "الرقمي",
    "الدولة",
    "الرسمي",
    "الرسميه",
    "نسخه",
    "مليار",
    "مليون",
    "التحرير",
    "الامريكيه",
    "الانتقالي",
    "التونسيه",
    "المذكور",
    "المذكوره",
    "ذاته",
    "ذاتها",
    "نفسه",
    "نفسها",
    "الحاليه",
    "السابقه",
    "الاعلاميه",
    "للاتصالات",
    "الاتصالات",
    "التكنولوجيا",
    "الشرق",
    "جديد",
    "جديده",
    "كبير",
    "كبيره",
    "عالمي",
    "عالميه",
    "محلي",
    "محليه",
    "مرتقب",
    "مطلعه",
    "مطلع",
    "مؤخرا",
    "رسميا",
    "حاليا",
    "سابقا",
    "مرة",
    "مره",
    "للغايه",
];

/// Words that end a role phrase right before a name («الرئيس التنفيذي لـ… X» is handled by
/// the institution; «المدير العام X», «الوزير المنتدب X»).
pub(super) const ROLE_TAILS: &[&str] = &[
    "التنفيذي",
    "العام",
    "المنتدب",
    "الاول",
    "الاعلامي",
    "التنفيذيه",
];

/// Institutions and companies a role belongs to («رئيس مجلس إدارة الشركة …»).
pub(super) const INSTITUTIONS: &[&str] = &[
    "شركه",
    "مجموعه",
    "مؤسسه",
    "هيئه",
    "وزاره",
    "بنك",
    "جامعه",
    "منظمه",
    "حكومه",
    "وزراء",
    "جمهوريه",
    "اداره",
    "دوله",
    "نواب",
    "برلمان",
    "ديوان",
    "غرفه",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::normalize::{CLITIC_PREFIXES, normalize_str};
    use crate::entities::scan::stems;

    /// The `MODEL` bit answers what `stems` + `MODEL_WORDS` answered before it (model_numbers).
    #[test]
    fn model_bit_is_a_model_word_after_clitics() {
        let text = normalize_str(
            "أطلقت تيسلا موديل 3 وطرازها الجديد بطراز وإصدار وموديلات والطرازات طرازهم مطراز",
        );
        let mut forms: Vec<String> = text.split(' ').map(str::to_string).collect();
        for m in MODEL_WORDS {
            for c in CLITIC_PREFIXES {
                forms.push(format!("{c}{m}"));
                forms.push(format!("{c}{m}ات"));
            }
        }
        let mut models = 0;
        for w in &forms {
            let by_stems = stems(w).any(|o| MODEL_WORDS.contains(&&w[o..]));
            models += usize::from(by_stems);
            assert_eq!(class(w) & class::MODEL != 0, by_stems, "{w}");
        }
        assert!(models > 50, "{models}");
        assert_eq!(class("مطراز") & class::MODEL, 0);
    }
}
