//! Institutions, companies and media outlets: head nouns, company cues, quotes, coordination.

use super::*;

#[test]
fn institutions_by_head_noun() {
    for (text, want) in [
        (
            "وأفاد بلاغ لوزارة الانتقال الرقمي وإصلاح الإدارة أن",
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
        ),
        (
            "غرّمت هيئة تنظيم الاتصالات القطري الشركة",
            "هيئة تنظيم الاتصالات القطري",
        ),
        (
            "وفق بيانات غرفة تجارة وصناعة أبوظبي الأخيرة",
            "غرفة تجارة وصناعة أبوظبي",
        ),
        ("قادها مصرف لبنان بمنح ميزات", "مصرف لبنان"),
        (
            "رئيس الهيئة الوطنية للاتصالات في تونس",
            "الهيئة الوطنية للاتصالات",
        ),
        ("وقع البنك الدولي قرضا جديدا", "البنك الدولي"),
        (
            "دراسة لسلطة ضبط البريد و الاتصالات صادرة",
            "سلطة ضبط البريد و الاتصالات",
        ),
        (
            "أدرجت في سوق الدوحة للأوراق المالية عام 1998",
            "سوق الدوحة للأوراق المالية",
        ),
        ("أصدر مجلس الوزراء قرارا", "مجلس الوزراء"),
    ] {
        let orgs = of(text, Kind::Org);
        assert!(orgs.contains(&want.to_string()), "{text}: {orgs:?}");
    }
}

#[test]
fn everyday_head_nouns_are_not_institutions() {
    for text in [
        "افتتحت الشركة مركز البيانات الجديد",
        "يواجه سوق العمل تحديات",
        "وافق مجلس الإدارة على التوزيعات",
        "أنشأت مركزا عالميا لهذا القطاع",
        "الشركة الهندية تطمح إلى التوسع",
        "سوق الهواتف الذكية يتراجع",
        "صندوق رأس المال الجريء يستثمر",
    ] {
        let orgs = of(text, Kind::Org);
        assert!(orgs.is_empty(), "{text}: {orgs:?}");
    }
}

#[test]
fn companies_without_quotes() {
    for (text, want) in [
        ("افتتحت شركة إيفريس فرعا لها", "إيفريس"),
        (
            "رئيس شركة سبيرو سباتس للمشروبات الغازية قال",
            "سبيرو سباتس للمشروبات الغازية",
        ),
        ("شراكة بين بالانتير ودبي القابضة لتسريع", "دبي القابضة"),
        ("شارك في الجولة جلوري فينشرز وآخرون", "جلوري فينشرز"),
        ("كشفت سامسونج الكترونيكس عن هاتف", "سامسونج الكترونيكس"),
        ("رئيس مجموعة أمريكانا مصر المالكة للمطاعم", "أمريكانا مصر"),
        ("تملك ديفونا الحصة الباقية من أورانج تونس", "أورانج تونس"),
        (
            "ناشدت شركة آسيا سيل للهاتف النقال الحكومة",
            "آسيا سيل للهاتف النقال",
        ),
    ] {
        let orgs = of(text, Kind::Org);
        assert!(orgs.contains(&want.to_string()), "{text}: {orgs:?}");
    }
    // Coordination: the second member of «بنكي X وY» is a bank too, and a place after a bank
    // word names the bank.
    let orgs = of("بقيادة بنكي مصر والأهلي وبنك أبو ظبي الوطني", Kind::Org);
    assert!(orgs.contains(&"الأهلي".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"بنك أبو ظبي الوطني".to_string()), "{orgs:?}");
    // Propagation: a name found once by a cue marks its other mentions.
    let orgs = of(
        "وقعت شركة \"ديفونا\" الاتفاق. وتملك ديفونا الأغلبية.",
        Kind::Org,
    );
    assert_eq!(orgs, ["ديفونا", "ديفونا"]);
}

#[test]
fn common_word_company_names_need_evidence() {
    assert!(of("زادت طلبات الشراء هذا العام", Kind::Org).is_empty());
    assert!(of("استحوذت شركة طلبات على منافس", Kind::Org).contains(&"طلبات".to_string()));
    assert!(of("عبرت عن أمنية قديمة", Kind::Org).is_empty());
    // «تابي السعودية» is the Saudi Tabby, not Tabby + a place.
    assert_eq!(of("أعلنت تابي السعودية عن جولة", Kind::Org), ["تابي"]);
}

#[test]
fn company_names_around_quotes() {
    for (text, want) in [
        // A quoted name and its line of business.
        ("أقامت شركة ألفا بإدارة “أوراسكوم” للاتصالات حفلا", "أوراسكوم"),
        // A company word, what kind of company, then the quoted name.
        (
            "أطلقت شركة السيارات الشهيرة «جنرال موتورز» سيارة",
            "جنرال موتورز",
        ),
        // The legal name before the quoted brand.
        ("سجلت شركة اتحاد اتصالات “موبايلي” خسائر", "اتحاد اتصالات"),
        // A nisba and a company word.
        ("أطلقت الوطنية موبايل خدماتها في غزة", "الوطنية موبايل"),
        // A name found in quotes marks its other quoted mentions, even shaped like an adjective.
        ("أقامت شركة “ألفا” حفلا، وقال رئيس “ألفا” إن", "ألفا"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    assert_eq!(
        of("أقامت شركة “ألفا” حفلا، وقال رئيس “ألفا” إن", Kind::Org).len(),
        2
    );
    for text in [
        "رفعت الحملة شعار “معا” للتغيير",
        "وقال إن “الرؤية” للمستقبل واضحة",
        "بيعت 17 ألف سيارة منذ إطلاقها في كانون الثاني",
        "ونائب مساعد وزير الخزانة الأمريكية",
    ] {
        let found: Vec<String> = of(text, Kind::Org)
            .into_iter()
            .chain(of(text, Kind::Product))
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn boards_agencies_associations_and_quoted_second_names() {
    for (text, want) in [
        (
            "اعتمد مجلس إدارة البنك المركزي المصري القواعد",
            "البنك المركزي المصري",
        ),
        ("قالت وكالة نوفا الإيطالية للأنباء إن القرار", "نوفا"),
        (
            "مذكرة تفاهم مع جمعية الذكاء الاصطناعي للأشياء في الكويت",
            "جمعية الذكاء الاصطناعي للأشياء",
        ),
        (
            "أمضت جمعية حوكمة الذكاء الاصطناعي مذكرة",
            "جمعية حوكمة الذكاء الاصطناعي",
        ),
        (
            "الرئيس الجديد للشركة الليبية القابضة للاتصالات قام",
            // After «لل» the span starts at the article's «ل», as for «للهيئة».
            "لشركة الليبية القابضة للاتصالات",
        ),
        ("في بيان على موقع السوق المالية “تداول” أمس", "تداول"),
        // Mixed quotes still set a name apart.
        ("منافستيها “اسياسيل” و«كورك” بقيمة", "كورك"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    for text in [
        "اجتمع مجلس الإدارة أمس",
        "تعمل وكالة أنباء محلية على التغطية",
        "جمعية خيرية توزع المساعدات",
        "حسب جمعية الصحفيين",
        "وقال إن مركز البيانات للتخزين جاهز",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // «رائد» is a role noun («رائد أعمال») and a given name after a title.
    assert_eq!(
        of("وحضر الأستاذ رائد الفالح، وعدد من المسؤولين", Kind::Person),
        vec!["رائد الفالح"]
    );
}

/// `stem_of` rejects a word by its last letter: every head must end with one of those listed.

#[test]
fn head_last_letters_cover_every_head() {
    use crate::entities::orgs::{DEFINITE_HEADS, HEAD_LAST_LETTERS, STRONG_HEADS, WEAK_HEADS};
    for h in STRONG_HEADS.iter().chain(WEAK_HEADS).chain(DEFINITE_HEADS) {
        let last = h.chars().next_back().unwrap_or(' ');
        assert!(HEAD_LAST_LETTERS.contains(&last), "{h}");
    }
}

/// A bank word right before a closing quote («و«سيتى بنك»») once sliced into the middle of the
/// quote's bytes and panicked; the dual list after it still works.

#[test]
fn definite_company_names_after_a_company_word() {
    for (text, want) in [
        (
            "أعلنت شركة الزيتونة للاتصالات عن توقيع اتفاقية",
            "الزيتونة للاتصالات",
        ),
        (
            "كشفت شركة الاتصالات الفلسطينية عن أرباحها",
            "الاتصالات الفلسطينية",
        ),
        ("وقعت مجموعة الاتصالات السورية عقدا", "الاتصالات السورية"),
    ] {
        assert!(of(text, Kind::Org).contains(&want.to_string()), "{text}");
    }
    for text in [
        "قالت شركة التقنية الأمريكية أبل إن",
        "أعلنت شركة الاتصالات الكبرى في البلاد",
        "قالت الشركة الوطنية إن",
        "أطلقت شركة الطيران الوطنية رحلات",
    ] {
        let orgs = of(text, Kind::Org);
        assert!(
            orgs.iter()
                .all(|o| !o.contains("التقنية") && !o.contains("الكبرى") && !o.contains("الطيران")),
            "{text}: {orgs:?}"
        );
    }
}

/// Round three: a place and an industry is a company («مصر للطيران»), not after a
/// preposition, an event word or an institution's head.

#[test]
fn parenthesized_and_coordinated_names() {
    let orgs = of(
        "ضبط مدير موقع شركة (إيرثلينك) متلبسا، ووزعت إيرثلينك الإنترنت",
        Kind::Org,
    );
    assert_eq!(orgs, vec!["إيرثلينك", "إيرثلينك"]);
    assert!(of("شركة (المملوكة للدولة) أعلنت", Kind::Org).is_empty());
    let orgs = of(
        "المناقصة التي شارك فيها المتعاملون الثلاثة (موبيليس وجازي وأوريدو).",
        Kind::Org,
    );
    assert!(orgs.contains(&"جازي".to_string()), "{orgs:?}");
    let orgs = of(
        "وقال إن شركات \"دراغونير إنفستمنت\" (Dragoneer Investment) و\"كواتو مانجمنت\" و\"فرانكلين تيمبلتون\" شاركت",
        Kind::Org,
    );
    assert_eq!(orgs.len(), 4, "{orgs:?}");
    // Not a list of companies: a lone word after one company, a quote after a sentence.
    let orgs = of("تعاقدت موبيليس وشركاؤها مع \"الجامعة\"", Kind::Org);
    assert!(!orgs.iter().any(|o| o.contains("شركاؤها")), "{orgs:?}");
    // «للشركات العربية»: the adjective is not Al Arabiya.
    assert!(of("ليصبح محورا جاذبا للشركات العربية والعالمية", Kind::Org).is_empty());
}

/// Round three: institutions by a definite head, a participle and its complement («الهيئة
/// المنظمة للاتصالات»), «الديوان», a club named by a place, a canal in a bank's name; a
/// dependent body after a ministry («والمؤسسات التابعة لها») is not part of its name.

#[test]
fn institutions_round_three() {
    for (text, want) in [
        (
            "وتعيين الهيئة المنظّمة للاتّصالات بعد شغور",
            "الهيئة المنظّمة للاتّصالات",
        ),
        (
            "تم إنشاء الديوان الوطني للاتصالات رسميًا",
            "الديوان الوطني للاتصالات",
        ),
        (
            "المنتدى المنظم من طرف نادي قادة المغرب أمس",
            "نادي قادة المغرب",
        ),
        (
            "مثل بنك تنمية الصادرات، وبنك قناة السويس، وغيرها",
            "بنك قناة السويس",
        ),
    ] {
        assert!(of(text, Kind::Org).contains(&want.to_string()), "{text}");
    }
    let orgs = of(
        "إعادة انتظام عمل مديريات وزارة الاتّصالات والمؤسسات التابعة لها",
        Kind::Org,
    );
    assert!(orgs.iter().all(|o| !o.contains("التابعة")), "{orgs:?}");
    assert!(of("تعمل الهيئة المنظمة في البلاد", Kind::Org).is_empty());
    assert!(of("شاهد الجمهور قناة السويس أمس", Kind::Org).is_empty());
}

/// Round three: bylines, programmes, events, verbs and descriptors are not names; a nasab
/// chain runs to four generations.

#[test]
fn nisba_companies_and_apostrophe_quotes() {
    assert_eq!(
        of("أعلنت الشركة المصرية للاتصالات عن توقيع مذكرة", Kind::Org),
        vec!["الشركة المصرية للاتصالات"]
    );
    assert_eq!(
        of("الرئيس التنفيذي للشركة المصرية للاتصالات قال", Kind::Org),
        vec!["لشركة المصرية للاتصالات"]
    );
    assert_eq!(
        of("قالت المصرية للاتصالات إن", Kind::Org),
        vec!["المصرية للاتصالات"]
    );
    assert_eq!(
        of("وصل عدد عملاء ''نجمة'' بالجزائر", Kind::Org),
        vec!["نجمة"]
    );
    assert!(of("رأى نجمة في السماء", Kind::Org).is_empty());
}

/// Round three: «دولة» is part of a country's name, after a clitic too; «الدولة» and «وزير
/// الدولة» are not.

#[test]
fn regional_organisations_and_outlets_from_the_lexicon() {
    // Regional companies, banks, exchanges and outlets that real news names with no cue.
    for (text, want) in [
        ("وأعلنت هنقرستيشن عن توسعها في الرياض", "HungerStation"),
        ("ونقلت نداء الوطن عن مصادر مطلعة", "Nidaa Al Watan"),
        ("وذكرت صحيفة المال أن الصفقة اكتملت", "Al Mal"),
        ("وحصلت سوناطراك على تمويل جديد", "Sonatrach"),
        ("وارتفع سهم بنك مسقط في التداولات", "Bank Muscat"),
        (
            "وتراجع مؤشر بورصة الدار البيضاء أمس",
            "Casablanca Stock Exchange",
        ),
        ("وأطلقت جيديا خدمة جديدة للتجار", "Geidea"),
        ("وقالت إم بي سي مصر إن البرنامج يعود", "MBC Masr"),
        ("بحسب ما نشرته إندبندنت عربية", "Independent Arabia"),
        ("وأعلنت “ترابط جيتواي” عن جولة تمويل", "Tarabut"),
        // Legal names and local spellings of known companies.
        ("ووقعت اتحاد اتصالات اتفاقية مع", "Mobily"),
        ("شركة التعدين العربية السعودية تعلن أرباحها", "Ma'aden"),
        ("وتدير شبكة ميك 1 في لبنان", "Alfa (Lebanon)"),
    ] {
        let found: Vec<Option<String>> = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Org)
            .map(|s| s.canonical)
            .collect();
        assert!(
            found.iter().any(|c| c.as_deref() == Some(want)),
            "{text}: {found:?}"
        );
    }
    // Names that are ordinary words need a cue: the words alone are not organisations.
    for text in [
        "تمويل إعادة إعمار المدينة بعد الحرب",
        "ويبدو أن السوق تتجه إلى التعافي",
        "ينتظر القطاع مستقبل مشرق في السنوات المقبلة",
        "أعلنت روسيا اليوم فرض رسوم جديدة",
        "نمشي خطوة خطوة نحو التحول الرقمي",
        "وهو جهد يسير مقارنة بالنتائج",
        "زيادة رأس المال إلى مليار ريال",
        "أسعار الطماطم ارتفعت في الأسواق",
        "وقال إن “الرؤية” للمستقبل واضحة",
        "تعافت البورصة بعد خسائر الأسبوع",
        // Names that are descriptions too need a company word, not any trigger.
        "أطلقت منصة تداول جديدة للعملات الرقمية",
        "واشترك في خدمة برايم الجديدة",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
    }
    // Inside an institution's name a company's descriptive legal name is not the company.
    let text = "تعمل وزارة الاتصالات التونسية على الخطة";
    let orgs: Vec<(String, Option<String>)> = rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind == Kind::Org)
        .map(|s| (s.text, s.canonical))
        .collect();
    assert_eq!(orgs, [("وزارة الاتصالات التونسية".to_string(), None)]);
}

#[test]
fn institution_ends_before_a_purpose_round_five() {
    // «للحصول على»: a «لل» word governing a preposition is a purpose, not a line of business.
    for (text, want) in [
        ("تقدم البنك المركزي للحصول على رخصة جديدة", "البنك المركزي"),
        ("لجأت وزارة المالية للوصول إلى اتفاق", "وزارة المالية"),
        // A name the gazetteer knows, too.
        (
            "تقدم مصرفه للبنك المركزي المصري للحصول على رخصة",
            "لبنك المركزي المصري",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    for (text, want) in [
        (
            "توجهت هيئة تنظيم قطاع الاتصالات للمطالبة بعدم منح تراخيص",
            "هيئة تنظيم قطاع الاتصالات",
        ),
        // After a deputy's title the complement is the role's portfolio.
        (
            "وحضر وكيل وزارة التخطيط للشؤون الاقتصادية الاجتماع",
            "وزارة التخطيط",
        ),
        ("وقال مساعد وزارة المالية للشؤون الفنية إن", "وزارة المالية"),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    // A line of business still belongs to the name, even before a preposition.
    for (text, want) in [
        (
            "وقال رئيس الهيئة الوطنية للاتصالات في بيان",
            "الهيئة الوطنية للاتصالات",
        ),
        (
            "تعاونت الشركة المصرية للاتصالات مع جامعة",
            "الشركة المصرية للاتصالات",
        ),
        (
            "حصلت الهيئة العامة للاستثمار على جائزة",
            "الهيئة العامة للاستثمار",
        ),
        (
            "أعلن صندوق محمد بن راشد للابتكار عن أعضاء جدد",
            "صندوق محمد بن راشد للابتكار",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
}

#[test]
fn imperfect_verb_ends_an_institution_round_five() {
    // «بنك يُمكّن الحريف»: a bank that does something, not a bank's name.
    for text in [
        "عبر تطبيق خاص بكل بنك يُمكّن الحريف من شحن محفظته",
        "كل مصرف يقدم الخدمة للعملاء",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
    }
    let text = "أعلن بنك الاستثمار القومي عن نتائجه";
    assert_eq!(of(text, Kind::Org), ["بنك الاستثمار القومي"], "{text}");
}

#[test]
fn company_word_closes_a_name_opened_by_a_company_word_round_five() {
    for (text, want) in [
        (
            "وقعت شركة مواد الإعمار القابضة اتفاقا",
            "مواد الإعمار القابضة",
        ),
        (
            "استحوذت مجموعة النخبة الذهبية القابضة على",
            "النخبة الذهبية القابضة",
        ),
        (
            "ووقعت شركة الرمال كابيتال للاستثمار العقد",
            "الرمال كابيتال للاستثمار",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    // Not across a preposition, and a purpose after it is not its business.
    let text = "قالت شركة تابعة لدبي القابضة إن";
    assert!(
        !of(text, Kind::Org).iter().any(|o| o.contains("تابعة")),
        "{:?}",
        of(text, Kind::Org)
    );
    let text = "وقعت شركة النخبة القابضة للحصول على تمويل";
    assert_eq!(of(text, Kind::Org), ["النخبة القابضة"], "{text}");
}

#[test]
fn trigger_with_a_pronoun_is_no_gloss_round_five() {
    // «شركته (xAI)»: «his company», not an Arabic spelling of the Latin name.
    let text = "كشف ماسك أن شركته (xAI) تعمل على مركز بيانات";
    assert!(
        !of(text, Kind::Org).contains(&"شركته".to_string()),
        "{:?}",
        of(text, Kind::Org)
    );
    let text = "أطلقت كوانتوم نيكسوس (Quantum Nexus) منصة";
    assert!(
        of(text, Kind::Org).contains(&"كوانتوم نيكسوس".to_string()),
        "{:?}",
        of(text, Kind::Org)
    );
}

#[test]
fn masculine_nisba_after_a_council_or_known_fund_round_five() {
    for (text, want) in [
        (
            "بحضور رئيس مجلس الوزراء المصري المهندس",
            "مجلس الوزراء المصري",
        ),
        (
            "المملوكة لصندوق الاستثمارات العامة السعودي، على إنشاء",
            "صندوق الاستثمارات العامة السعودي",
        ),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Time and rank adjectives, and feminine ones, belong to what comes before.
    for (text, want) in [
        ("خلال اجتماع مجلس الوزراء الأسبوعي أمس", "مجلس الوزراء"),
        ("خلال جلسة مجلس الشعب الأسبوعية", "مجلس الشعب"),
        (
            "قرر صندوق الاستثمارات العامة الأسبوعي",
            "صندوق الاستثمارات العامة",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
}

#[test]
fn quoted_company_after_a_described_company_round_five() {
    for (text, want) in [
        (
            "وأدرجت البورصة الشركة التونسية \"النقل للسيارات\" يوم الخميس",
            "النقل للسيارات",
        ),
        (
            "الرئيس المدير العام للشركة التونسية \"النقل لتوزيع السيارات\"، أعلن",
            "النقل لتوزيع السيارات",
        ),
        (
            "تعاقدت مع المجموعة الصينية «بي واي دي» لبناء مصنع",
            "بي واي دي",
        ),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // A quoted phrase after other words, or a long quotation, is no company.
    for text in [
        "وقالت الشركة التونسية \"إننا نتوقع نموا كبيرا في السوق هذا العام\"",
        "ووصفت الصحيفة الشركة بأنها \"رائدة\" في مجالها",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn weak_brands_licensed_by_a_list_round_six() {
    for (text, want) in [
        (
            "سارعت شركات الاتصالات الثلاث (زين، أمنية، وأورانج) لمساندة الجهود",
            &["زين", "أمنية", "أورانج"][..],
        ),
        (
            "بحضور ممثلين عن شركات الاتصالات زين وأورانج وأمنية",
            &["زين", "أورانج", "أمنية"][..],
        ),
        ("وتنافس أمنية، أورانج على السوق", &["أمنية", "أورانج"][..]),
    ] {
        let orgs = of(text, Kind::Org);
        for w in want {
            assert!(orgs.contains(&w.to_string()), "{text}: {orgs:?}");
        }
    }
    // Weak names alone, a place beside them, or a space with no comma or و, license nothing.
    for (text, word) in [
        ("كانت أمنية وزين أن ينجح المشروع", "أمنية"),
        ("زار الوفد الأردن وأمنية الجميع أن ينجح", "أمنية"),
        ("قالت أورانج أمنية الشركة أن تتوسع", "أمنية"),
    ] {
        assert!(
            !of(text, Kind::Org).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn hyphenated_local_companies_round_six() {
    for (text, want) in [
        (
            "وقال الرئيس التنفيذي لبنك الإمارات دبي الوطني- مصر إن المصرف تقدم بطلب",
            "بنك الإمارات دبي الوطني- مصر",
        ),
        ("وأعلنت أورانج-تونس عن عرض جديد", "أورانج-تونس"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // An outlet's dateline and a dash spaced on both sides keep the place apart.
    for (text, place) in [
        ("شفق نيوز- بغداد\nأعلنت الوزارة عن خطة", "بغداد"),
        ("وقالت أورانج - تونس هي السوق الأهم", "تونس"),
    ] {
        assert!(
            of(text, Kind::Place).contains(&place.to_string()),
            "{text}: {:?}",
            rec().find(text)
        );
    }
}

#[test]
fn maghrebi_app_word_round_six() {
    for (text, want) in [
        (
            "من المنتظر أن تدخل تطبيقة ” Pay Direct” حيز الاستغلال",
            "Pay Direct",
        ),
        ("وأطلقت الشركة تطبيقة \"دفعتي\" للدفع عبر الهاتف", "دفعتي"),
        ("وتتيح تطبيقة Flouci الدفع بالدينار", "Flouci"),
        ("وتتيح تطبيق ” Pay Direct” الدفع", "Pay Direct"),
    ] {
        assert!(
            of(text, Kind::Product).contains(&want.to_string()),
            "{text}: {:?}",
            rec().find(text)
        );
    }
    // The word itself, or an adjective after it, is no name.
    for text in [
        "وأطلقت الشركة تطبيقة جديدة للدفع عبر الهاتف",
        "وقال صاحب التطبيقة إن الخدمات مبتكرة",
    ] {
        assert!(
            rec().find(text).is_empty(),
            "{text}: {:?}",
            rec().find(text)
        );
    }
}

#[test]
fn quoted_name_before_a_latin_org_round_six() {
    for (text, want) in [
        (
            "وهي “قطر الوطني الأهلي” (QNB)، و”المؤسسة العربية المصرفية” (ABC)",
            &["قطر الوطني الأهلي", "المؤسسة العربية المصرفية"][..],
        ),
        ("وأعلن «بيت التمويل» (KFH) نتائجه", &["بيت التمويل"][..]),
    ] {
        let orgs = of(text, Kind::Org);
        for w in want {
            assert!(orgs.contains(&w.to_string()), "{text}: {orgs:?}");
        }
    }
    // An event's name, a long quotation, or quotes with words between them and the Latin name.
    for (text, not) in [
        (
            "في قمة \"مبادرة مستقبل الاستثمار\" (FII) لهذا العام",
            "مبادرة مستقبل الاستثمار",
        ),
        (
            "وقال \"إن السوق تنمو بسرعة كبيرة هذا العام\" (Reuters)",
            "إن السوق تنمو بسرعة كبيرة هذا العام",
        ),
        ("ووصف \"الصفقة\" بأنها مهمة (Reuters)", "الصفقة"),
    ] {
        assert!(
            !of(text, Kind::Org).contains(&not.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn outlet_quoted_after_an_interview_round_six() {
    for (text, want) in [
        (
            "وأكد صاحب التطبيقة في تصريح لـ “افريكان مانجر” أن الخدمات مبتكرة",
            "افريكان مانجر",
        ),
        ("وقال في مقابلة مع «صدى البلد» إن البنك", "صدى البلد"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // A quotation after the statement word, or a quote after another word, is no outlet.
    for text in [
        "وقال في تصريح \"إن السوق تنمو\" أمس",
        "وأشار في حديثه إلى “التحول الرقمي” في القطاع",
        "وعاد إلى “التحول الرقمي” في القطاع",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn enclosed_company_with_a_verb_shaped_first_word_round_six() {
    for (text, want) in [
        ("ومن ثم (ترك تيلكوم) و(فودافون) بنسبة 6%", "ترك تيلكوم"),
        ("وقعت \"تنمية القابضة\" عقدا جديدا", "تنمية القابضة"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Unenclosed, or enclosed with more after the company word, the verb stays a verb.
    for (text, not) in [
        ("وقال إن الحكومة ترك تيلكوم تعمل وحدها", "ترك تيلكوم"),
        ("وقال (ترك تيلكوم الجديدة) عبارة", "ترك تيلكوم"),
    ] {
        assert!(
            !of(text, Kind::Org).contains(&not.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn accusative_nisba_after_a_trigger_round_seven() {
    for (text, word) in [
        ("إلى جانب 58 تطبيقا صينيا آخرين بسبب مخاوف", "صينيا"),
        ("أطلقت الشركة تطبيقا مجانيا للطلاب", "مجانيا"),
    ] {
        assert!(
            !of(text, Kind::Product).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
    // An unknown name after the trigger is still a name.
    let text = "أطلقت الشركة تطبيق توكلنا الجديد";
    assert!(
        of(text, Kind::Product).contains(&"توكلنا".to_string()),
        "{text}: {:?}",
        of(text, Kind::Product)
    );
}

#[test]
fn common_noun_with_an_indefinite_adjective_round_seven() {
    for (text, word) in [
        ("توقيع مذكرة لبناء أول نظام كابل بحري ثنائي مباشر", "كابل"),
        ("أطلقت الشركة تطبيق حجز مجاني للمرضى", "حجز"),
    ] {
        assert!(
            !of(text, Kind::Product).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
    // A definite adjective after the name leaves it a name.
    let text = "أطلقت الشركة تطبيق توكلنا السعودي الجديد";
    assert!(
        of(text, Kind::Product).contains(&"توكلنا".to_string()),
        "{text}: {:?}",
        of(text, Kind::Product)
    );
}

#[test]
fn known_latin_company_extended_by_a_word_round_eight() {
    for (text, name) in [
        ("أعلنت Aramco Digital عن شراكة جديدة", "Aramco Digital"),
        ("قدمت مؤسسة Google.org منحة للجامعة", "Google.org"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&name.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // A model number or a product trigger leaves the company alone.
    for text in [
        "عرضت Aramco 2030 في المعرض",
        "أطلقت الشركة خدمة Google Wallet في المنطقة",
    ] {
        assert!(
            !of(text, Kind::Org).iter().any(|o| o.contains(' ')),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn paired_new_adjective_in_an_institution_round_eight() {
    let text = "وقعت هيئة تنمية واستخدام الطاقة الجديدة والمتجددة عقدا مع الشركة.";
    assert!(
        of(text, Kind::Org).contains(&"هيئة تنمية واستخدام الطاقة الجديدة والمتجددة".to_string()),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    // «New» alone, or before a second institution, still ends the name.
    for (text, name) in [
        (
            "أعلنت هيئة تنمية صناعة تقنية المعلومات الجديدة عن خطة.",
            "هيئة تنمية صناعة تقنية المعلومات",
        ),
        ("اجتمع مجلس إدارة البنك الجديد والوزارة أمس.", "البنك"),
    ] {
        let orgs = of(text, Kind::Org);
        assert!(
            !orgs.iter().any(|o| o.contains("الجديد")),
            "{text}: {orgs:?} ({name})"
        );
    }
}

#[test]
fn institution_names_end_before_the_verbs_object_round_nine() {
    // After a definite word, a definite plural or verbal noun starts the next phrase.
    for (text, name) in [
        (
            "تابعت وزارة الاتصالات التصريحات التي أدلى بها النائب",
            "وزارة الاتصالات",
        ),
        (
            "أعلنت وزارة الاتصالات وتقانة المعلومات التوصل إلى تسوية نهائية",
            "وزارة الاتصالات وتقانة المعلومات",
        ),
        (
            "ناقشت هيئة الأوراق المالية التطورات الأخيرة في السوق",
            "هيئة الأوراق المالية",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
    // The first definite word after the head, plurals joined by «و», nisbas and participles
    // stay in the name.
    for (text, name) in [
        ("أصدرت وزارة الاتصالات قرارا جديدا", "وزارة الاتصالات"),
        (
            "وقعت هيئة الطرق والمواصلات اتفاقية مع الشركة",
            "هيئة الطرق والمواصلات",
        ),
        (
            "قالت وزارة الاتصالات السلكية واللاسلكية إن الخدمة عادت",
            "وزارة الاتصالات السلكية واللاسلكية",
        ),
        (
            "أعلنت وزارة الطاقة المتجددة عن خطة",
            "وزارة الطاقة المتجددة",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
}

#[test]
fn quoted_place_and_trade_and_business_cities_round_nine() {
    // Quotes around a place and a trade make one company even after a preposition; «مدينة»
    // before a place and a trade is a business zone's first word.
    for (text, name) in [
        (
            "استقطبت الشركات الناشئة في «دبي للإنترنت» استثمارات كبيرة",
            "دبي للإنترنت",
        ),
        (
            "قال المدير التنفيذي لمدينة دبي للإنترنت إن الاستثمارات زادت",
            "مدينة دبي للإنترنت",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
        assert!(of(text, Kind::Place).is_empty(), "{text}");
    }
    // Unquoted after a preposition, or a city with no trade after it, the place stays a place.
    for text in [
        "يسافر الوفد إلى دبي للاتصالات مع الشركاء",
        "أقيم الحفل في مدينة دبي للمرة الأولى",
    ] {
        assert_eq!(of(text, Kind::Place), ["دبي"], "{text}");
        assert!(of(text, Kind::Org).is_empty(), "{text}");
    }
}

#[test]
fn latin_acronyms_spelled_in_arabic_letters_round_nine() {
    for (text, name) in [
        ("أعلنت مجموعة أو إل إكس دمج عملياتها", "أو إل إكس"),
        ("وقالت إم.تي.إن إنها ستتخارج من السوق", "إم.تي.إن"),
        // A local company after the acronym is one name with it.
        (
            "أن شركة دي إتش إل البحرين تعتمد على الشباب",
            "دي إتش إل البحرين",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
    // Letter names that are also words («أن», «أو», «في», «أي»), or two letters alone, are no
    // acronym.
    for text in [
        "وقال إنه يرى أن أي أن في الأمر خطأ",
        "سواء أن أو في أي وقت",
        "واتصل بي في المساء",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn transliterated_company_closed_by_nationality_round_nine() {
    let text = "تم الاتفاق مع شركة إير باص الفرنسية على تنفيذه";
    assert_eq!(of(text, Kind::Org), ["إير باص"], "{text}");
    // A role, a closed-class word or a plural before the nationality is not the name's.
    for (text, word) in [
        ("أعلنت شركة ألستوم مدير الفرنسية خطة", "مدير"),
        ("أعلنت شركة ألستوم منذ الفرنسية خطة", "منذ"),
        ("أعلنت شركة ألستوم مبيعات الفرنسية خطة", "مبيعات"),
    ] {
        let orgs = of(text, Kind::Org);
        assert!(!orgs.iter().any(|o| o.contains(word)), "{text}: {orgs:?}");
    }
}

#[test]
fn a_word_and_a_place_after_muassasa_round_nine() {
    // One indefinite word and a known place after «مؤسسة» are a local company's name (the
    // descriptor apart); its other mentions follow.
    let text = "أطلقت مؤسسة نقديات تونس أول موقع للدفع. ويؤكد المسؤولون في نقديات تونس أنه آمن.";
    assert_eq!(
        of(text, Kind::Org),
        ["نقديات تونس", "نقديات تونس"],
        "{text}"
    );
    assert!(of(text, Kind::Place).is_empty(), "{text}");
    // A nisba after the place, or a definite word before it, is an institution's chain.
    for text in [
        "وقعت مؤسسة نقديات تونس الرقمية اتفاقية جديدة",
        "وقعت مؤسسة الاتصالات الأردنية اتفاقية جديدة",
    ] {
        let orgs = of(text, Kind::Org);
        assert!(
            orgs.iter().all(|o| o.starts_with("مؤسسة")),
            "{text}: {orgs:?}"
        );
    }
}

#[test]
fn paired_trade_nisbas_and_arabic_acronym_glosses_round_nine() {
    let text = "نية شركة البحرين للاتصالات السلكية واللاسلكية مقاضاته";
    assert!(
        of(text, Kind::Org).contains(&"البحرين للاتصالات السلكية واللاسلكية".to_string()),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    // A nisba alone after the trade may be the company's nationality: not taken.
    let text = "أعلنت البحرين للاتصالات البحرينية نتائجها";
    assert!(
        !of(text, Kind::Org).iter().any(|o| o.contains("البحرينية")),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    let text = "أسستها النرويج ومنظمة الأمم المتحدة للطفولة (يونيسف) معا";
    assert!(
        of(text, Kind::Org).contains(&"يونيسف".to_string()),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    // A remark, a definite word or a place in parentheses is no second name.
    for text in [
        "قالت وزارة الاتصالات (سابقا) إن الخدمة عادت",
        "قالت وزارة الاتصالات (الأردنية) إن الخدمة عادت",
        "قالت شركة زين (الكويت) إن الخدمة عادت",
    ] {
        let orgs = of(text, Kind::Org);
        assert_eq!(orgs.len(), 1, "{text}: {orgs:?}");
    }
}

#[test]
fn and_the_institutions_after_a_name_round_nine() {
    let text = "تم تنظيم عمل مديريات وزارة الاتصالات والمؤسسات التابعة لها";
    assert_eq!(of(text, Kind::Org), ["وزارة الاتصالات"], "{text}");
    // Other nouns joined by «و» stay in the name.
    for (text, name) in [
        (
            "أعلنت وزارة الخارجية والمغتربين عن خطة",
            "وزارة الخارجية والمغتربين",
        ),
        (
            "وقعت هيئة الطرق والمواصلات اتفاقية مع الشركة",
            "هيئة الطرق والمواصلات",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
}

#[test]
fn and_typed_apart_in_an_institution_round_eleven() {
    // «و» typed apart from its word coordinates a name's nouns as the attached one does, and a
    // pair of nisbas after a line of work stays in the name.
    for (text, name) in [
        (
            "اتفاقية بين وزارة البريد و تكنولوجيات الإعلام و الاتصال وشركاء آخرين",
            "وزارة البريد و تكنولوجيات الإعلام و الاتصال",
        ),
        (
            "وقعت سلطة الضبط للبريد و الاتصالات السلكية و اللاسلكية على الاتفاقية",
            "سلطة الضبط للبريد و الاتصالات السلكية و اللاسلكية",
        ),
        (
            "وقعت سلطة الضبط للبريد والاتصالات السلكية واللاسلكية على الاتفاقية",
            "سلطة الضبط للبريد والاتصالات السلكية واللاسلكية",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
    // A post named by its country is a body; a coordinated noun closed by a place after a
    // finished name starts a second one.
    assert_eq!(
        of("بين وزارة البريد و الاتصال وبريد الجزائر", Kind::Org),
        ["وزارة البريد و الاتصال", "بريد الجزائر"]
    );
    assert_eq!(
        of("يستفيد بريد المغرب من الدعم", Kind::Org),
        ["بريد المغرب"]
    );
    assert!(of("أرسل بريد إلكتروني إلى الوزارة", Kind::Org).is_empty());
    assert!(of("وصل بريد الأمس متأخرا", Kind::Org).is_empty());
    // Not a second phrase after the name: «and the companies», a verb, a person's role.
    for (text, name) in [
        (
            "اجتمعت وزارة الاتصالات و الشركات العاملة في القطاع",
            "وزارة الاتصالات",
        ),
        ("أعلنت وزارة الاتصالات و أكدت أن الخدمة عادت", "وزارة الاتصالات"),
        (
            "وقعت هيئة الاتصالات للخدمات الرقمية و الرئيس التنفيذي للشركة الاتفاقية",
            "هيئة الاتصالات للخدمات الرقمية",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
}

#[test]
fn nationality_after_a_known_institution_round_eleven() {
    // A known institution with a feminine head keeps the nationality after it; a quoted
    // outlet's nationality is an adjective, not the country.
    assert_eq!(
        of(
            "أصدرت هيئة الاتصالات وتقنية المعلومات السعودية قرارا",
            Kind::Org
        ),
        ["هيئة الاتصالات وتقنية المعلومات السعودية"]
    );
    let text = "وبحسب صحيفة \"سبق\" السعودية، فإن الغرامات كبيرة";
    assert!(of(text, Kind::Place).is_empty(), "{text}");
    // Other adjectives after a known institution describe what follows; the country stays a
    // place where it is no adjective.
    assert_eq!(
        of(
            "أصدرت هيئة الاتصالات وتقنية المعلومات الجديدة قرارا",
            Kind::Org
        ),
        ["هيئة الاتصالات وتقنية المعلومات"]
    );
    assert_eq!(
        of("فتحت لجنة التجارة الفيدرالية الأمريكية تحقيقا", Kind::Org),
        ["لجنة التجارة الفيدرالية"]
    );
    let text = "قالت \"سبق\" إن السعودية تخطط لمشروع";
    assert_eq!(of(text, Kind::Place), ["السعودية"], "{text}");
}

#[test]
fn one_word_outlet_before_a_dash_round_eleven() {
    // A line opening with one word and a dash is an outlet's dateline.
    for (text, name) in [
        ("مرايا – قال رئيس الهيئة إن القرار نهائي", "مرايا"),
        ("البلاد - زينب العكري\nقلص البنك عدد فروعه", "البلاد"),
        ("خبر أول.\nحابي – أعلنت الشركة المصرية عن نتائجها", "حابي"),
    ] {
        assert_eq!(of(text, Kind::Org), [name], "{text}");
    }
    // A byline or section word, a known place, a sentence's first word, a colon, a dash
    // inside a line: no outlet.
    for text in [
        "متابعة - قال الوزير إن الخدمة عادت",
        "كتب - أحمد علي عن السوق",
        "دبي - أعلنت الشركة عن نتائجها",
        "وقال - في بيان - إن الخدمة عادت",
        "الموسوي: لبنان لم يعد أمام خطر",
        "قال الوزير إن مرايا - وهي قرية - بلا خدمة",
        "اليوم - يحتفل الأردنيون بالمناسبة",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn titles_and_deputies_around_an_institution_round_eleven() {
    // A judge's or an officer's title after a body starts a person; a deputy of the body's
    // head has a portfolio («لشؤون …»), which is not the body's line of work.
    for (text, name) in [
        (
            "وحضر رئيس ديوان المحاسبة القاضي محمد بدران الجلسة",
            "ديوان المحاسبة",
        ),
        (
            "والدكتور صلاح الحاج، نائب مدير جامعة الشارقة لشؤون المجتمع، والدكتور عباس",
            "جامعة الشارقة",
        ),
    ] {
        assert!(
            of(text, Kind::Org).contains(&name.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // A body's own line of work still belongs to it, also after its head's title.
    for (text, name) in [
        (
            "قال مدير الهيئة العامة للاستثمار إن الطلبات زادت",
            "الهيئة العامة للاستثمار",
        ),
        (
            "صرح رئيس جامعة الملك عبدالله للعلوم والتقنية بأن",
            "جامعة الملك عبدالله للعلوم والتقنية",
        ),
    ] {
        assert!(
            of(text, Kind::Org).contains(&name.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn press_spelled_with_ya_round_eleven() {
    // «بريس» (Maghrebi outlets: «أكورا بريس», «هبة بريس») closes an outlet's name like «برس».
    assert_eq!(
        of(
            "خلال ندوة صحافية حضرها موقع أكورا بريس، قال المدير",
            Kind::Org
        ),
        ["أكورا بريس"]
    );
    assert_eq!(of("نقلت هبة بريس عن مصدر", Kind::Org), ["هبة بريس"]);
    // Not a word of a sentence before it.
    assert!(of("قال إن بريس جديدة", Kind::Org).is_empty());
}

#[test]
fn quoted_head_noun_refers_back_round_eleven() {
    // A body's head noun alone in quotes before a «لل» word refers back to a body, while a
    // quoted name before a line of business is still a company.
    let text = "فإنه سيجري اتباع «الهيئة» للاجراءات المترتبة على الموافقة";
    assert!(
        of(text, Kind::Org).is_empty(),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    let text = "وقالت «الشركة» للاتصالات إن الخدمة عادت";
    assert!(
        of(text, Kind::Org).is_empty(),
        "{text}: {:?}",
        of(text, Kind::Org)
    );
    assert_eq!(of("وقعت «أمنية» للاتصالات اتفاقية", Kind::Org), ["أمنية"]);
}

#[test]
fn definite_federation_with_a_line_of_work_round_eleven() {
    // «الجامعة» with an adjective and a line of work is a federation's name (Tunisian usage).
    let text = "ممثلون عن الجامعة الوطنية لتكنولوجيات الاتصال والغرف المهنية";
    assert_eq!(
        of(text, Kind::Org),
        ["الجامعة الوطنية لتكنولوجيات الاتصال"],
        "{text}"
    );
    // A university named before, or with an adjective only: no new name.
    for text in [
        "وأكد مدير الجامعة أن المذكرة مهمة",
        "تخرج من الجامعة الأردنية عام 2001",
        "قالت الجامعة في بيان إن الدوام مستمر",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn outlet_between_media_descriptor_and_nisba_round_eleven() {
    for (text, name) in [
        ("وصرح النجار لشبكة رووداو الإعلامية، الجمعة، بأنه", "رووداو"),
        ("ونقل موقع خبرني الإخباري عن مصدر", "خبرني"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&name.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // A definite word, a place, a word of a sentence: no outlet.
    for text in [
        "تطوير الشبكة الوطنية الإعلامية في البلاد",
        "أطلقت قناة دبي الإعلامية برنامجا",
        "بناء منصة رقمية إلكترونية للطلبة",
        "عبر موقع في الإلكترونية",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}

#[test]
fn organisations_from_name_suggestion_index_round_thirteen() {
    // Organisations of the Arab League states from OpenStreetMap's name-suggestion-index
    // (scripts/gen_nsi.py): found with no cue, with their canonical names; a local company
    // counts for its brand.
    for (text, name, canonical, parent) in [
        (
            "وأعلن البريد بنك عن خدمة جديدة",
            "البريد بنك",
            "Al Barid Bank",
            None,
        ),
        (
            "وحقق سهام بنك أرباحا قياسية",
            "سهام بنك",
            "Saham Bank",
            None,
        ),
        (
            "وقال مسؤول في بريد الجزائر إن الخدمة متاحة",
            "بريد الجزائر",
            "Algérie Poste",
            None,
        ),
        (
            "سجلت زين السعودية أرباحا في الربع الأول",
            "زين السعودية",
            "Zain Saudi Arabia",
            Some("Zain"),
        ),
        (
            "باعت توتال إنيرجيز حصتها في الحقل",
            "توتال إنيرجيز",
            "TotalEnergies",
            None,
        ),
    ] {
        let orgs: Vec<Span> = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Org)
            .collect();
        assert_eq!(orgs.len(), 1, "{text}: {orgs:?}");
        assert_eq!(orgs[0].text, name, "{text}");
        assert_eq!(orgs[0].canonical.as_deref(), Some(canonical), "{text}");
        assert_eq!(orgs[0].parent.as_deref(), parent, "{text}");
    }
    // Ordinary words among those names need a cue; the country keeps «الإمارات»; a pickup
    // truck is no restaurant chain.
    for text in [
        "تشكل شعاب مرجان البحر الأحمر موطنا للأسماك",
        "وارتفعت أسعار سيارات البيك آب المستعملة",
        "وقع اتفاق بين الإمارات والسعودية",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    assert_eq!(of("افتتحت شركة مرجان متجرا جديدا", Kind::Org), ["مرجان"]);
}

#[test]
fn institution_names_end_before_a_new_phrase_round_fourteen() {
    for (text, want) in [
        // «و» + a role or title starts a second phrase.
        ("بحضور وزارة الاتصالات والوزير المفوض", "وزارة الاتصالات"),
        // «و» + a preposition joins a clause.
        (
            "طلب من الهيئة العامة للاستثمار والى مدير عام الشركة",
            "الهيئة العامة للاستثمار",
        ),
        // A definite verbal noun of the «افتعال» shape is the verb's object, not an adjective.
        (
            "عقد المصرف المركزي الاجتماع أكد الحضور فيه",
            "المصرف المركزي",
        ),
        // ل + a verbal noun after a fixed adjective is a purpose.
        (
            "بتنفيذ خطة المصرف المركزي لتوزيع السيولة على الفروع",
            "المصرف المركزي",
        ),
        (
            "وافق مصرف ليبيا المركزي لتوزيع السيولة",
            "مصرف ليبيا المركزي",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    // Nouns of the name stay: «و» + a noun, a verbal noun right after the head, ل + a
    // verbal noun after an adjective that is not fixed, a nisba of the «افتعال» shape.
    for (text, want) in [
        (
            "أعلنت وزارة الاتصالات والمواصلات عن خطة",
            "وزارة الاتصالات والمواصلات",
        ),
        (
            "أفاد بلاغ لوزارة الانتقال الرقمي وإصلاح الإدارة أن",
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
        ),
        (
            "قالت الهيئة العامة لتنظيم الاتصالات إن",
            "الهيئة العامة لتنظيم الاتصالات",
        ),
        (
            "أعلنت المؤسسة العامة للتأمينات الاجتماعية عن",
            "المؤسسة العامة للتأمينات الاجتماعية",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
}

#[test]
fn institution_names_run_to_their_end_round_fourteen() {
    for (text, want) in [
        // A fixed pair of nisbas joined by «و» after a line of work.
        (
            "إلى جانب الهيئة القومية للاتصالات السلكية واللاسلكية، وهي هيئة حكومية",
            "الهيئة القومية للاتصالات السلكية واللاسلكية",
        ),
        // A definite noun joined by «و» closing the name.
        (
            "قال رئيس الجامعة العامة لقطاع البريد والاتصالات، إن",
            "الجامعة العامة لقطاع البريد والاتصالات",
        ),
        (
            "قال رئيس الجامعة العامة لقطاع البريد والاتصالات المنجي الحامدي إن",
            "الجامعة العامة لقطاع البريد والاتصالات",
        ),
        // A sector of enterprises named with its size is a ministry's portfolio.
        (
            "عن رهان وزارة اقتصاد المعرفة والمؤسسات الناشئة والمؤسسات المصغرة، من أجل",
            "وزارة اقتصاد المعرفة والمؤسسات الناشئة والمؤسسات المصغرة",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    // The bodies around a ministry, a role after the line of work and a second head stay out;
    // a noun with a definite word after it is left as before.
    for (text, want) in [
        ("التقى وزارة الاتصالات والمؤسسات التابعة لها", "وزارة الاتصالات"),
        (
            "قال رئيس الهيئة العامة للاستثمار والرئيس التنفيذي للشركة",
            "الهيئة العامة للاستثمار",
        ),
        (
            "تعاونت الهيئة العامة لقطاع البريد والاتصالات والهيئة الوطنية للأمن",
            "الهيئة العامة لقطاع البريد والاتصالات",
        ),
    ] {
        let orgs = of(text, Kind::Org);
        assert_eq!(
            orgs.first().map(String::as_str),
            Some(want),
            "{text}: {orgs:?}"
        );
    }
}

#[test]
fn place_and_trade_entries_keep_their_canonical_name_round_fourteen() {
    for (text, canonical) in [
        ("وقعت مصر للبترول اتفاقا جديدا", "Misr Petroleum"),
        ("أعلنت قطر للبترول عن أرباحها", "QatarEnergy"),
        ("وأعلنت مصر للطيران عن رحلات جديدة", "EgyptAir"),
    ] {
        let orgs: Vec<Span> = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Org)
            .collect();
        assert_eq!(orgs.len(), 1, "{text}: {orgs:?}");
        assert_eq!(orgs[0].canonical.as_deref(), Some(canonical), "{text}");
    }
    // A place and a trade the gazetteer does not list is still a company, with no entry.
    let orgs: Vec<Span> = rec()
        .find("وقعت البحرين للاتصالات اتفاقا")
        .into_iter()
        .filter(|s| s.kind == Kind::Org)
        .collect();
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!(orgs[0].text, "البحرين للاتصالات");
}

#[test]
fn weekdays_english_nouns_and_assemblies_are_no_organisations_round_fourteen() {
    // A weekday opening a date line, a lowercase English noun before a Latin name, a Latin
    // word before «of» and a capitalised word, a company's general assembly.
    for (text, want) in [
        ("السبت - 24 سبتمبر 2022\nقالت الشركة إن", vec![]),
        (
            "الرئيس التنفيذي لشركة fintech Klivvr والمؤسس المشارك",
            vec!["Klivvr"],
        ),
        ("افتتح الوزير محطة شحن في Walk of Cairo بمدينة", vec![]),
        ("تنعقد الجمعية العمومية للشركة الأربعاء المقبل", vec![]),
        ("وافقت الجمعية العامة للمساهمين على توزيع الأرباح", vec![]),
    ] {
        assert_eq!(of(text, Kind::Org), want, "{text}");
    }
    // A one-word outlet before a dash, a Latin name of two capitalised words with no «of»
    // after it, a body named «الجمعية العامة».
    for (text, want) in [
        ("مرايا – قال وزير الاتصالات إن", "مرايا"),
        ("الرئيس التنفيذي لشركة Deep Root والمؤسس", "Deep Root"),
        (
            "صوتت الجمعية العامة للأمم المتحدة على القرار",
            "الجمعية العامة للأمم المتحدة",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
}

#[test]
fn banks_named_by_descriptors_round_fourteen() {
    for (text, want) in [
        // Two masculine nisbas after a definite bank word.
        (
            "ضخ المصرف التجاري الوطني 17 مليون دينار في فروعه",
            vec!["المصرف التجاري الوطني"],
        ),
        (
            "أعلن المصرف الوطني العراقي عن خدمة جديدة",
            vec!["المصرف الوطني العراقي"],
        ),
        // «بنك» before a definite name that also stands alone is a descriptor.
        (
            "نفى بنك الأهلي المتحد (أهلي متحد)، وكان الأهلي المتحد قد أعلن",
            vec!["الأهلي المتحد", "الأهلي المتحد"],
        ),
    ] {
        assert_eq!(of(text, Kind::Org), want, "{text}");
    }
    // A bank word and a rank or a kind, a bank whose name never stands alone.
    for (text, want) in [
        ("قال البنك الحكومي الرئيسي إن", vec![]),
        (
            "نفى بنك الأهلي المتحد (أهلي متحد) ما نشر",
            vec!["بنك الأهلي المتحد"],
        ),
        ("قال مصرف المغرب إن فروعه في المغرب", vec!["مصرف المغرب"]),
    ] {
        assert_eq!(of(text, Kind::Org), want, "{text}");
    }
}

#[test]
fn line_of_business_licenses_a_company_name_round_fourteen() {
    for (text, want) in [
        (
            "من خلال شركة النصر لصناعة السيارات، التي تعد",
            "النصر لصناعة السيارات",
        ),
        (
            "قال مدير عام شركة معاملات للخدمات المالية، وبحضور",
            "معاملات للخدمات المالية",
        ),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
    // An adjective agreeing with «شركة», a word with no line of business after it, a
    // common noun after a plural company word.
    for text in [
        "أسست شركة ناشئة للخدمات المالية في القاهرة",
        "تعد شركة رائدة لصناعة السيارات في المنطقة",
        "قالت شركة النصر إن المبيعات",
        "دخلت شركات كثيرة لصناعة السيارات السوق",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
}
