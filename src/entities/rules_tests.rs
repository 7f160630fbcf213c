//! One test per mechanism of the real-text rules (people, institutions and companies, places,
//! products, figures and dates), each with negative cases: ordinary words that look like names.
//! The sentences are made up to show one rule each; the real-text scores are in evaluation.rs.

use super::{Kind, Recognizer, Span};
use std::sync::OnceLock;

fn rec() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(|| Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}")))
}

fn of(text: &str, kind: Kind) -> Vec<String> {
    rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text)
        .collect()
}

fn figure(text: &str) -> Span {
    let figs: Vec<Span> = rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind.is_figure())
        .collect();
    assert_eq!(figs.len(), 1, "{text}: {figs:?}");
    figs.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn people_by_given_name_title_role_and_speech() {
    for (text, want) in [
        (
            "قال وليد الشريف، الرئيس التنفيذي للشركة، إن النتائج جيدة",
            "وليد الشريف",
        ),
        (
            "أكد المهندس نوفان العجارمة أن الرخصة صدرت",
            "نوفان العجارمة",
        ),
        ("وأوضحت الإعلامية لميس الحديدي أن السوق تغير", "لميس الحديدي"),
        ("وقال حازم متولى الرئيس التنفيذى للشركة إن", "حازم متولى"),
        ("قال مارتن فيشر إن الشركة ستتوسع", "مارتن فيشر"),
        ("وأكدت كلير دوبوا أن الصفقة اكتملت", "كلير دوبوا"),
        (
            "التقى الشيخ سعود بن عبدالله آل ثاني بالوفد",
            "سعود بن عبدالله ال ثاني",
        ),
        (
            "وقال رئيس مجلس إدارة الشركة فاروق مصطفى رسول قوله",
            "فاروق مصطفى رسول",
        ),
        (
            "وقال وزير الاتصالات، أنور معروف، إن المشروع انطلق",
            "أنور معروف",
        ),
        (
            "وقال يوسف علي موسليام، رئيس المجموعة، إن",
            "يوسف علي موسليام",
        ),
    ] {
        let people = of(text, Kind::Person);
        let want = want.replace("ال ثاني", "آل ثاني");
        assert!(people.contains(&want), "{text}: {people:?}");
    }
}

#[test]
fn people_surnames_and_lists_propagate() {
    let text = "قال زين العابدين بن علي إن البلاد تتغير. وأضاف بن علي أن الاستثمار مستمر.";
    assert!(of(text, Kind::Person).contains(&"بن علي".to_string()));
    let text = "قال المهندس جمال السادات إن القرض وقع. وأضاف السادات أن الشركة تتوسع.";
    assert_eq!(of(text, Kind::Person), ["جمال السادات", "السادات"]);
    let text = "بقلم رنا الصباغ (OCCRP)، سامي شحرور، كرم شعار";
    assert_eq!(
        of(text, Kind::Person),
        ["رنا الصباغ", "سامي شحرور", "كرم شعار"]
    );
}

#[test]
fn ordinary_words_are_not_people() {
    for text in [
        "قال مصدر مطلع إن الصفقة تأجلت",
        "وأكد التقرير السنوي الرئيس أن الأرباح زادت",
        "لدينا خطط توسعية قوية في المملكة",
        "كشفت تسريبات جديدة عن الموعد",
        "وأفاد نفس المتحدث بأنه بموجب الاتفاق",
        "رامي مخلوف ابن خال الرئيس",
        "حصل الطالب كريم على جائزة وكان كريما معه",
        "وقال أحمد إنه سيعود",
        "طالب فيهما بفتح تحقيق",
        "يوم الأحد قال مسؤولون إن",
    ] {
        let people = of(text, Kind::Person);
        assert!(
            people.iter().all(|p| !p.contains("خال")
                && !p.contains("مصدر")
                && !p.contains("التقرير")
                && !p.contains("خطط")
                && !p.contains("تسريبات")
                && !p.contains("بموجب")
                && p != "كريم"
                && p != "أحمد"
                && !p.contains("فيهما")
                && !p.contains("مسؤولون")),
            "{text}: {people:?}"
        );
    }
}

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
fn places_from_the_lexicon() {
    for (text, want) in [
        ("افتتح الفرع في المنطقة الصناعية بتطوان", "تطوان"),
        ("ستغطي موبيليس ولايات عنابة و باتنة و الأغواط", "الأغواط"),
        ("وقعت الاتفاقية في سوهاج", "سوهاج"),
        ("تعمل الشركة في إربد والزرقاء", "إربد"),
        ("مصانع في فيتنام والهند ولوكسمبورغ", "لوكسمبورغ"),
        ("وصل الوفد إلى نواكشوط", "نواكشوط"),
        ("ستغطي ولاية الوادي", "الوادي"),
    ] {
        let places = of(text, Kind::Place);
        assert!(places.contains(&want.to_string()), "{text}: {places:?}");
    }
    // A place name that is an ordinary word needs a place word or a listed place.
    assert!(of("نزلوا إلى الوادي للتنزه", Kind::Place).is_empty());
    assert!(of("يحتاج الخبر إلى تأكيد", Kind::Place).is_empty());
}

#[test]
fn products_and_model_numbers() {
    let products = of(
        "أطلق في الربع الأول هاتفه جلاكسي S9 ثم جلاكسي نوت 9",
        Kind::Product,
    );
    assert_eq!(products, ["جلاكسي S9", "جلاكسي نوت 9"]);
    // A company and its product are one product, Arabic or Latin.
    assert_eq!(
        of("تستخدم الشركة مايكروسوفت تيمز في العمل", Kind::Product),
        ["مايكروسوفت تيمز"]
    );
    let launch = "وأطلقت الشركة الكورية اليوم في سيول هاتفها Samsung Galaxy S26 Ultra الجديد";
    assert_eq!(of(launch, Kind::Product), ["Samsung Galaxy S26 Ultra"]);
    assert!(of(launch, Kind::Org).is_empty());
    // … but not a company next to another company's product.
    assert_eq!(of("قالت هواوي آيفون لا ينافس", Kind::Product), ["آيفون"]);
    // A Latin name after a site or company word is an organisation.
    assert_eq!(
        of("بحسب تقرير لموقع Android Authority المتخصص", Kind::Org),
        ["Android Authority"]
    );
    // Network generations are not figures or products.
    let spans = rec().find("إطلاق خدمة «3G» وشبكة الجيل ال 3 +");
    assert!(
        spans
            .iter()
            .all(|s| !s.kind.is_figure() && s.kind != Kind::Product),
        "{spans:?}"
    );
}

#[test]
fn figure_values_for_halves_duals_compounds_and_words() {
    for (text, kind, span, value) in [
        ("باع نصف مليار سهم", Kind::Number, "نصف مليار", 5e8),
        (
            "استثمرت مليار ونصف المليار دولار",
            Kind::Money,
            "مليار ونصف المليار دولار",
            1.5e9,
        ),
        ("ربح مليارين هذا العام", Kind::Number, "مليارين", 2e9),
        (
            "بلغت ملياران و300 مليون جنيه",
            Kind::Money,
            "ملياران و300 مليون جنيه",
            2.3e9,
        ),
        (
            "بلغت 12مليارا و40مليون ريال",
            Kind::Money,
            "12مليارا و40مليون ريال",
            12.04e9,
        ),
        ("أنفقت سبعة بلايين دولار", Kind::Money, "سبعة بلايين دولار", 7e9),
        (
            "بين 3 و4 مليارات دولار",
            Kind::Money,
            "بين 3 و4 مليارات دولار",
            3e9,
        ),
        (
            "تدفع سبعة بالمئة من الإيرادات",
            Kind::Percent,
            "سبعة بالمئة",
            7.0,
        ),
        (
            "بلغ عدد المشتركين 12.451.373 مشترك",
            Kind::Number,
            "12.451.373",
            12_451_373.0,
        ),
        ("رقم أعمال 64 مليار دج", Kind::Money, "64 مليار دج", 64e9),
        ("ربحية 232 فلسا للسهم", Kind::Money, "232 فلسا", 232.0),
        (
            "إيرادات 4.10 ترليون دينار عراقي",
            Kind::Money,
            "4.10 ترليون دينار عراقي",
            4.1e12,
        ),
        (
            "استثمار ما يزيد على ثلاثمائة مليون ريال",
            Kind::Money,
            "ما يزيد على ثلاثمائة مليون ريال",
            3e8,
        ),
    ] {
        let f = figure(text);
        assert_eq!((f.kind, f.text.as_str()), (kind, span), "{text}");
        let v = f.value.unwrap_or(f64::NAN);
        assert!((v - value).abs() <= value * 1e-9, "{text}: {v}");
    }
}

#[test]
fn dates_in_every_month_system_with_iso_values() {
    for (text, span, iso) in [
        (
            "وقعت في 15 يوليو 2025 بالرياض",
            "15 يوليو 2025",
            "2025-07-15",
        ),
        ("تونس 26 جوان 2009 (وات)", "26 جوان 2009", "2009-06-26"),
        ("في 27 أفريل 2018 وقع الاتفاق", "27 أفريل 2018", "2018-04-27"),
        ("صدر في 3 دجنبر 2021", "3 دجنبر 2021", "2021-12-03"),
        ("في كانون الثاني 2026 بدأ", "كانون الثاني 2026", "2026-01"),
        (
            "الثلاثاء 17 يناير/كانون الثاني وقع",
            "17 يناير/كانون الثاني",
            "--01-17",
        ),
        ("الكويت 31 يوليو تموز (رويترز)", "31 يوليو تموز", "--07-31"),
        ("في الـ12 من شهر أبريل", "الـ12 من شهر أبريل", "--04-12"),
        (
            "يوم 15 من مايو أيار 2024",
            "15 من مايو أيار 2024",
            "2024-05-15",
        ),
        (
            "في يناير كانون الثاني عام 2023 أطلقت",
            "يناير كانون الثاني عام 2023",
            "2023-01",
        ),
        ("في شباط/فبراير 2015 عين", "شباط/فبراير 2015", "2015-02"),
        ("تأسست عام 2019 في دبي", "عام 2019", "2019"),
        ("منذ 2004م تعمل", "2004م", "2004"),
        ("تحصلت في شهر جوان 2009 على", "شهر جوان 2009", "2009-06"),
    ] {
        let f = figure(text);
        assert_eq!(
            (f.kind, f.text.as_str(), f.canonical.as_deref()),
            (Kind::Date, span, Some(iso)),
            "{text}"
        );
    }
    // A month alone, or a month word used as a verb, is not a date.
    assert!(
        rec()
            .find("مارس الفريق ضغوطا كبيرة")
            .iter()
            .all(|s| !s.kind.is_figure())
    );
    assert!(
        rec()
            .find("في مارس الماضي")
            .iter()
            .all(|s| s.kind != Kind::Date)
    );
}

/// Round two of issue 12 (tests/fixtures/entities-real/tuning2.txt): one test per mechanism,
/// each with the ordinary phrases that must not match.
#[test]
fn institutions_named_after_a_person_and_known_councils() {
    for (text, want) in [
        (
            "أعلن صندوق محمد بن راشد للابتكار عن أعضاء جدد",
            "صندوق محمد بن راشد للابتكار",
        ),
        ("وقعت جامعة الملك سعود اتفاقية", "جامعة الملك سعود"),
        (
            "شراكة مع مركز محمد بن راشد للفضاء ووكالة الإمارات للفضاء",
            "مركز محمد بن راشد للفضاء",
        ),
        ("خلال جلسة مجلس الشعب الأسبوعية", "مجلس الشعب"),
        ("وكذا مجلس المنافسة للفت انتباهه", "مجلس المنافسة"),
    ] {
        assert!(of(text, Kind::Org).contains(&want.to_string()), "{text}");
        assert!(of(text, Kind::Person).is_empty(), "{text}");
    }
    // A board and a man, not an institution named after him.
    let text = "وقال رئيس مجلس الإدارة محمد بن راشد إن الأرباح ارتفعت";
    assert!(
        of(text, Kind::Org).iter().all(|o| !o.contains("محمد")),
        "{text}"
    );
    assert_eq!(of("اجتمع مجلس الإدارة أمس", Kind::Org), Vec::<String>::new());
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
fn people_after_a_role_and_its_portfolio() {
    for (text, want) in [
        (
            "برعاية وزير الإتصالات جمال الجراح، وحضور نقيب الصحافة عوني الكعكي، والوفد",
            vec!["جمال الجراح", "عوني الكعكي"],
        ),
        (
            "بين محافظ مصرف ليبيا المركزي الصديق الكبير ، ونائب الوزير",
            vec!["الصديق الكبير"],
        ),
        (
            "عقد الدكتور عبد الله بو حبيب لقاءات",
            vec!["عبد الله بو حبيب"],
        ),
        (
            "والمدير العام لشركة أورانج تونس Thierry Millet .",
            vec!["Thierry Millet"],
        ),
    ] {
        assert_eq!(of(text, Kind::Person), want, "{text}");
    }
    for text in [
        "قال وزير الاتصالات المصري إن المشروع انطلق",
        "أكد وزير المالية خلال الاجتماع أن الموازنة تحسنت",
        "وأكدت أهمية الشراكة.",
        "الرئيس المدير العام لمتعامل الهاتف النقال “موبيليس”، أكد",
        "جرى التباحث بحضور نائب مساعد وزير الخزانة إريك ماير بحضور نائب السفير",
    ] {
        let people = of(text, Kind::Person);
        assert!(
            people.iter().all(|p| !p.contains("أهمية")
                && !p.contains("النقال")
                && !p.contains("بحضور")
                && !p.contains("خلال")
                && !p.contains("المصري")),
            "{text}: {people:?}"
        );
    }
}

#[test]
fn places_with_maghrebi_spellings_and_nisba_adjectives() {
    for (text, want) in [
        (
            "فروعها في التشاد والتوغو والكوت ديفوار",
            vec!["التشاد", "التوغو", "الكوت ديفوار"],
        ),
        ("سكان إفريقيا جنوب الصحراء", vec!["إفريقيا جنوب الصحراء"]),
        ("مقرها في السعودية", vec!["السعودية"]),
        ("خطة الجهاز لدعم محافظات البحر الأحمر", vec!["البحر الأحمر"]),
    ] {
        assert_eq!(of(text, Kind::Place), want, "{text}");
    }
    for text in [
        "من جانب الجمعية السعودية وقع الرئيس",
        "تصبح مصر مركزا عالميا للداتا سنتر",
        "وبحسب تقرير نشرته جريدة “ديلي ميل” البريطانية",
        "ارتفعت الاستثمارات السعودية",
        "مياه البحر الأحمر دافئة",
    ] {
        let places = of(text, Kind::Place);
        assert!(places.iter().all(|p| p == "مصر"), "{text}: {places:?}");
    }
    assert_eq!(
        of("وبحسب تقرير نشرته جريدة “ديلي ميل” البريطانية", Kind::Org),
        vec!["ديلي ميل"]
    );
    // An ordinary word with the article is the word: «الجوّال» is not Jawwal.
    assert!(of("خدمات الجيل الخامس للهاتف الجوّال", Kind::Org).is_empty());
    // «اليوم السابع» is a newspaper only with evidence.
    assert!(of("في اليوم السابع لإضراب الموظفين", Kind::Org).is_empty());
}

#[test]
fn maghrebi_scale_plural_and_more_approximations() {
    let f = figure("حققت رقم معاملات بحوالي 9ملايير و683 مليون درهم");
    assert_eq!(
        (f.text.as_str(), f.value),
        ("حوالي 9ملايير و683 مليون درهم", Some(9.683e9))
    );
    let f = figure("بلغ رقم المعاملات ما يربو عن 27.49 مليار درهم");
    assert_eq!(
        (f.text.as_str(), f.value),
        ("ما يربو عن 27.49 مليار درهم", Some(2.749e10))
    );
}

#[test]
fn outlets_in_datelines_and_by_media_words() {
    for (text, want) in [
        ("القامشلي – نورث برس\nتعتزم الوزارة فرض شروط", "نورث برس"),
        ("بغداد اليوم- بغداد\nأكدت الهيئة", "بغداد اليوم"),
        ("دبي (الاتحاد)\nأعلن الصندوق", "الاتحاد"),
        ("وكالات - السوسنة\nكشفت شركة لبنانية", "السوسنة"),
        ("الرياض – شركات مباشر: وقعت المملكة", "شركات مباشر"),
        ("صراحة نيوز – قالت الهيئة إن", "صراحة نيوز"),
        ("وذكرت قناة العربية أنه جزء من حملة", "العربية"),
        ("واطلعت عليه “العربية نت”، فإن", "العربية نت"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    for text in [
        "الرياض - قال الوزير: إن السوق تحسنت",
        "أكد الوزير - في كلمته - أن السوق تحسنت",
        "دبي - ارتفاع أرباح الشركات الكبرى بنسبة كبيرة",
        "تعلم اللغة العربية في المدارس",
        "في ظل الحياة اليومية للمستخدمين",
    ] {
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // The European Union, not the newspaper «الاتحاد».
    let eu = rec().find("قرر الاتحاد الأوروبي فرض غرامة");
    assert!(
        eu.iter()
            .all(|s| s.canonical.as_deref() != Some("Al Ittihad")),
        "{eu:?}"
    );
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
    use super::orgs::{DEFINITE_HEADS, HEAD_LAST_LETTERS, STRONG_HEADS, WEAK_HEADS};
    for h in STRONG_HEADS.iter().chain(WEAK_HEADS).chain(DEFINITE_HEADS) {
        let last = h.chars().next_back().unwrap_or(' ');
        assert!(HEAD_LAST_LETTERS.contains(&last), "{h}");
    }
}

/// A bank word right before a closing quote («و«سيتى بنك»») once sliced into the middle of the
/// quote's bytes and panicked; the dual list after it still works.
#[test]
fn bank_word_before_a_closing_quote_does_not_panic() {
    let text = "قررت تعيين بنكي «هيرميس» و«سيتى بنك» مستشارًا ماليًّا";
    let orgs = of(text, Kind::Org);
    assert!(orgs.contains(&"هيرميس".to_string()), "{orgs:?}");
    for text in ["«بنك»", "بنك»", "“مصرف”، و«شركتي»"] {
        let _ = rec().find(text);
    }
}

/// Round three: a nationality adjective right after a title and a name, or a given name, is a
/// surname; after a company word comes the company, after a relative pronoun a verb, and a
/// preposition with a pronoun («معه») is never part of a name.
#[test]
fn people_round_three() {
    for (text, want) in [
        ("وأكد السيد صبيح المصري، رئيس مجلس الإدارة", "صبيح المصري"),
        ("وقال محمد التونسي رئيس الجمعية إن", "محمد التونسي"),
    ] {
        assert_eq!(of(text, Kind::Person), vec![want.to_string()], "{text}");
    }
    for text in [
        "ورئيس مجلس إدارة شركة تاتش سالم ، وشركاء",
        "استقبل الرئيس الوزير الذي عرض معه الأوضاع العامة في البلاد",
        "قال وزير الاتصالات المصري إن المشروع انطلق",
    ] {
        let people = of(text, Kind::Person);
        assert!(
            people
                .iter()
                .all(|p| !p.contains("تاتش") && !p.contains("معه") && !p.contains("المصري")),
            "{text}: {people:?}"
        );
    }
}

/// Round three: definite company names after an indefinite company word, closed by a line of
/// business or a nisba of a known place, unless a name follows (then the words describe it).
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
fn place_and_industry_companies() {
    for (text, want) in [
        ("وتدير تونس للاتصالات أكثر من 500 ألف خط", "تونس للاتصالات"),
        ("أعلنت مصر للطيران عن رحلات جديدة", "مصر للطيران"),
    ] {
        assert!(of(text, Kind::Org).contains(&want.to_string()), "{text}");
    }
    for (text, place) in [
        ("سافر الوفد إلى دبي للاتصالات مع الشركاء", "دبي"),
        ("افتتح معرض دبي للطيران أبوابه", "دبي"),
        ("انطلق منتدى الرياض للاستثمارات", "الرياض"),
    ] {
        assert!(of(text, Kind::Place).contains(&place.to_string()), "{text}");
    }
}

/// Round three: a name in parentheses after a trigger; coordinated names of the same kind (a
/// quoted list, a lone word between two companies); a definite trigger licenses nothing.
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
fn round_three_non_names_and_long_nasab() {
    assert!(of("بيروت - متابعة منى حسن\nاستقبل الرئيس", Kind::Org).is_empty());
    assert!(of("خلال حواره ببرنامج \"كلمة أخيرة\" المذاع", Kind::Product).is_empty());
    assert!(
        of(
            "خلال الجلسة الختامية لمؤتمر Digital Now 2025 بالدار البيضاء",
            Kind::Org
        )
        .is_empty()
    );
    assert!(
        of(
            "خلال الجلسة الختامية لمؤتمر Digital Now 2025 بالدار البيضاء",
            Kind::Product
        )
        .is_empty()
    );
    assert!(
        of(
            "مع استهداف تطوير عشر شركات تتجاوز مداخيلها 5 ملايين",
            Kind::Org
        )
        .is_empty()
    );
    assert!(
        of("وإيرثلنك هي شركة قطاع خاص", Kind::Org)
            .iter()
            .all(|o| o != "قطاع")
    );
    assert_eq!(
        of(
            "بعض المحللين يرون أن أسهم شركة فوري للتكنولوجيا المدرجة حديثاً",
            Kind::Org
        ),
        vec!["فوري للتكنولوجيا"]
    );
    assert_eq!(
        of(
            "أشار الشيخ عبد الله بن محمد بن سعود آل ثاني، رئيس مجلس الإدارة",
            Kind::Person
        ),
        vec!["عبد الله بن محمد بن سعود آل ثاني"]
    );
    // A product word still finds products: «تطبيق "سند"».
    assert_eq!(
        of("أطلقت الوزارة تطبيق \"سند\" للخدمات", Kind::Product),
        vec!["سند"]
    );
}

/// Round three figures: piasters, «3.000» as thousands, a spelled hundred with a glued
/// preposition; numbers closing a name («كوفيد-19», «رؤية 2030») are not figures, years after
/// a preposition still are.
#[test]
fn figures_round_three() {
    let f = figure("بقيمة اسمية قدرها 50 قرش للسهم");
    assert_eq!(
        (f.kind, f.value, f.text.as_str()),
        (Kind::Money, Some(50.0), "50 قرش")
    );
    let f = figure("رفع عدد الشركات إلى 3.000 شركة");
    assert_eq!(f.value, Some(3000.0));
    assert_eq!(figure("بلغ المؤشر 3.250 نقطة").value, Some(3.25));
    let f = figure("والمساهمة بمائة مليار درهم في الناتج");
    assert_eq!((f.kind, f.value), (Kind::Money, Some(1e11)));
    assert_eq!(f.text, "مائة مليار درهم");
    for text in [
        "المصابين بكوفيد-19 في المدينة",
        "في إطار رؤية 2030 للمملكة",
        "استراتيجية المغرب الرقمي 2030 الجديدة",
    ] {
        assert!(
            rec().find(text).iter().all(|s| !s.kind.is_figure()),
            "{text}"
        );
    }
    assert_eq!(figure("في أفق 2030 المقبل").kind, Kind::Date);
}

/// Round three: a company named by a nisba keeps the definite company word before it; two
/// apostrophes quote like quotation marks.
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
fn state_word_in_country_names() {
    assert_eq!(
        of("تضع دولة الإمارات العربية المتحدة هدفاً طموحاً", Kind::Place),
        vec!["دولة الإمارات العربية المتحدة"]
    );
    assert_eq!(of("ولدولة قطر حصة", Kind::Place), vec!["دولة قطر"]);
    assert_eq!(
        of("قال وزير الدولة الإماراتي إن الإمارات تتقدم", Kind::Place),
        vec!["الإمارات"]
    );
}

#[test]
fn people_by_given_names_from_the_data_lexicon() {
    // Given names from assets/given-names-data.txt (Wikidata, arabnamer): regional Arabic,
    // Amazigh, Persian and transliterated European names start a name with no other cue.
    for (text, want) in [
        ("وحضر اللقاء لقمان الزعبي.", "لقمان الزعبي"),
        ("ويرأس الوفد ثريا العبيدي.", "ثريا العبيدي"),
        ("واستقبل الوزير ماسينيسا آيت علي.", "ماسينيسا آيت علي"),
        ("ويشارك في الجلسة فولكر شميدت.", "فولكر شميدت"),
        ("وحضر العرض أرتورو غارسيا.", "أرتورو غارسيا"),
        ("ومثّل إيران خسرو نوري.", "خسرو نوري"),
        ("وأعلنت سيلفيا مارتينيز أن النتائج جيدة.", "سيلفيا مارتينيز"),
        // A data name that is an ordinary word too needs a cue: here a speech verb.
        ("وقال ساري حنفي، مدير المركز، إن", "ساري حنفي"),
        // Hand-written spellings of the Levantine and Maghrebi press and of other languages.
        ("وطلب الرئيس جوزاف عون من الحكومة", "جوزاف عون"),
        ("وأشار هاكان فيدان إلى أن", "هاكان فيدان"),
    ] {
        assert_eq!(of(text, Kind::Person), [want], "{text}");
    }
    // The same words, and the hand list's ambiguous names, without a cue are not people; nor are
    // ordinary words that a name with a clitic or a transliteration would spell.
    for text in [
        "القرار ساري المفعول منذ أمس",
        "وبدأنا مبكرا في التحضير",
        "فإلى جانب ذلك أطلقت الشركة خدمتها",
        "هذه أكبر عملية استحواذ في المنطقة",
        "انتشر فيروس كورونا المستجد في العالم",
        "أمل كبير في نجاح المشروع",
        "كريم جدا مع العملاء",
        "سعيد جدا بالنتائج المحققة",
        "جمال التصميم لافت",
        "نور الشمس يكفي لتشغيل الألواح",
        "والقانون نافذ بعد نشره",
        // «ألان» (Alain) would be «الآن» (now) once normalized; «آن» (Anne) would be «أن».
        "الآن استخدام التطبيق متاح للجميع",
        "وأكد أن الشركة ماضية في خطتها",
        // A quoted name after a naming word names a thing, whatever its first word.
        "يعمل الهاتف الجديد ويحمل إسم “مايت اكس”.",
        "أطلقت الشركة منصة تحمل اسم «سيلفيا نت».",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
    }
    // A data name joins no verb after a full name («يولى» is not a name word).
    assert_eq!(
        of(
            "وكان عبد الفتاح السيسي يولى اهتماما بالتحول الرقمي",
            Kind::Person
        ),
        ["عبد الفتاح السيسي"]
    );
}

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
fn transliterated_names_before_a_latin_gloss() {
    for (text, want) in [
        (
            "وقعت الحكومة اتفاقية مع كوانتوم نيكسوس (Quantum Nexus) لتطوير الخدمات",
            "كوانتوم نيكسوس",
        ),
        ("واستحوذت سيلفر ليك (Silver Lake) على حصة", "سيلفر ليك"),
        ("تعمل مع لكوانتوم (Quantum) منذ عام", "كوانتوم"),
        // The legal form is not spoken: «بلو ستار» glosses «Blue Star Holding».
        ("واشترت بلو ستار (Blue Star Holding) الأرض", "بلو ستار"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Words that do not sound like the gloss, or are ordinary words, are not names.
    for text in [
        "وأعلنت الشركة (Reuters) أمس",
        "وقال مصدر في الهيئة (TRA) إن",
        "وتستخدم المنصة تقنية التعلم العميق (Deep Learning) في التحليل",
        "بحسب تقرير كبير (Kraken Research) الجديد",
    ] {
        let arabic: Vec<String> = of(text, Kind::Org)
            .into_iter()
            .filter(|o| !o.is_ascii())
            .collect();
        assert!(arabic.is_empty(), "{text}: {arabic:?}");
    }
}

#[test]
fn a_surname_of_another_name_ends_a_run_before_a_word() {
    let text = "والتقى رئيس الجمهورية العماد جوزاف عون، وزير الاتصالات. وأوضحت الوزارة أن \
                الرئيس عون طلب ذلك من الوزير شارل الحاج.";
    let people = of(text, Kind::Person);
    assert_eq!(people, ["جوزاف عون", "عون", "شارل الحاج"], "{text}");
    // Not when the surname is a given name itself, nor for a nasab chain's last name.
    let text = "وقعه الأمير تركي بن سعود بن محمد، وحضر الدكتور محمد السويل رئيس المدينة";
    assert!(
        of(text, Kind::Person).contains(&"محمد السويل".to_string()),
        "{:?}",
        of(text, Kind::Person)
    );
    let text = "قال سامي محمد، المدير، إن الدكتور محمد السويل حضر الاجتماع";
    assert!(
        of(text, Kind::Person).contains(&"محمد السويل".to_string()),
        "{:?}",
        of(text, Kind::Person)
    );
    // Not when a name follows the surname: a nasab particle or a given name.
    let text = "وقال أحمد محمد، المدير العام، إن ولي العهد الأمير محمد بن سلمان دعم المشروع";
    assert!(
        of(text, Kind::Person)
            .iter()
            .any(|p| p.ends_with("محمد بن سلمان")),
        "{:?}",
        of(text, Kind::Person)
    );
    let text = "وقال أحمد محمد، المدير العام، إن الشيخ محمد سلطان، رئيس الغرفة، حضر";
    assert!(
        of(text, Kind::Person).contains(&"محمد سلطان".to_string()),
        "{:?}",
        of(text, Kind::Person)
    );
}

#[test]
fn compound_given_names_with_al_din() {
    for (text, want) in [
        ("وجرى تعيين عز العرب حسيبي، مديرا مؤقتا", "عز العرب حسيبي"),
        ("وأكد نور الدين بوكروح أن الشبكة", "نور الدين بوكروح"),
        ("بدل عز الدين المنتصر الذي أقيل أمس", "عز الدين المنتصر"),
    ] {
        assert_eq!(of(text, Kind::Person), [want], "{text}");
    }
    // The first words alone are ordinary words, and «الدين» after others is religion or debt.
    for text in [
        "نور الشمس يكفي لتشغيل الألواح",
        "ارتفع الدين العام إلى مستوى قياسي",
        "قال إن خدمة الدين الخارجي تضاعفت",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
    }
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
fn chamber_needs_a_trade_or_a_place_round_five() {
    for (text, want) in [
        (
            "وقالت غرفة تجارة وصناعة الشارقة إن",
            "غرفة تجارة وصناعة الشارقة",
        ),
        ("أعلنت غرفة دبي عن مبادرة", "غرفة دبي"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // «غرفة» is also a room.
    for text in [
        "ربطت الشركة المراكز مع غرفة العمليات الرئيسية للانتخابات",
        "دخل الوزير غرفة الأخبار المركزية",
        "تدار الشبكة من غرفة التحكم الوطنية",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
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
fn legal_adjective_and_place_complement_round_five() {
    let text = "وقعت الشركة القابضة لكهرباء مصر العقد";
    assert_eq!(
        of(text, Kind::Org),
        ["الشركة القابضة لكهرباء مصر"],
        "{text}"
    );
    // Not after other names: the complement is what the body does for the place.
    for (text, want) in [
        (
            "يأتي دعم البنك المركزي لتحول مصر إلى مجتمع رقمي",
            "البنك المركزي",
        ),
        ("قدم البنك الدولي لحكومة مصر قرضا", "البنك الدولي"),
    ] {
        assert_eq!(of(text, Kind::Org), [want], "{text}");
    }
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
fn figures_round_five() {
    // Dot thousands with a decimal comma (the Maghrebi and European way).
    let f = figure("ارتفع المؤشر إلى 12.067,52 نقطة");
    assert_eq!((f.text.as_str(), f.value), ("12.067,52", Some(12067.52)));
    let f = figure("بلغت الرسملة 1.234.567,8 درهم");
    assert_eq!(f.value, Some(1234567.8));
    // The ordinary forms are unchanged.
    assert_eq!(figure("بنسبة 0,09% فقط").value, Some(0.09));
    assert_eq!(figure("بلغ 2.132 نقطة").value, Some(2.132));
    // A larger scale after a smaller one multiplies: «ألف مليار».
    let f = figure("بإجمالي قدره 13 ألف مليار دينار");
    assert_eq!((f.kind, f.value), (Kind::Money, Some(13e12)));
    // A range whose first end carries its scale and currency.
    let f = figure("توقعا أرباحا ما بين 565 مليون ريال و592 مليونا");
    assert_eq!(
        (f.text.as_str(), f.kind, f.value),
        ("بين 565 مليون ريال و592 مليونا", Kind::Money, Some(565e6))
    );
    // Two figures joined by «و» without «بين» stay two.
    let n = rec()
        .find("بلغت الإيرادات 565 مليون ريال و592 مليون دولار")
        .into_iter()
        .filter(|s| s.kind.is_figure())
        .count();
    assert_eq!(n, 2);
}

#[test]
fn day_ranges_round_five() {
    for (text, span, iso) in [
        (
            "يعقد في الدار البيضاء خلال الفترة من 4 إلى 6 يونيو 2014.",
            "4 إلى 6 يونيو 2014",
            "2014-06-04",
        ),
        (
            "المنعقدة بجدة بين 25 و27 أغسطس",
            "بين 25 و27 أغسطس",
            "--08-25",
        ),
    ] {
        let f = figure(text);
        assert_eq!(
            (f.kind, f.text.as_str(), f.canonical.as_deref()),
            (Kind::Date, span, Some(iso)),
            "{text}"
        );
    }
    // Numbers that are not days stay numbers: no month after, or not a rising pair.
    let f = figure("بين 4 و6 شركات ناشئة");
    assert_eq!(f.kind, Kind::Number);
    let n: Vec<Span> = rec()
        .find("خسر 25 إلى 7 أغسطس")
        .into_iter()
        .filter(|s| s.kind == Kind::Date && s.text.starts_with("25"))
        .collect();
    assert!(n.is_empty(), "{n:?}");
}

#[test]
fn people_round_five() {
    for (text, want) in [
        // A descriptive nisba after a title belongs to the title.
        ("قدّم الخبير البنكي معز بيوض توضيحات بشأن الدفع", "معز بيوض"),
        ("قال الإعلامي المصري عمرو أديب إن", "عمرو أديب"),
        // A long plural ends a name even after a given name; short «ات» surnames stay, and
        // so do surnames with the article («السادات»).
        ("قال أحمد بركات إن السوق تتغير", "أحمد بركات"),
        ("قال محمد عرفات تصريحات مهمة", "محمد عرفات"),
    ] {
        assert_eq!(of(text, Kind::Person), [want], "{text}");
    }
    // «رأس النظام» is a role: the head of the regime.
    for text in [
        "الشركات تحت إدارة رجل أعمال ابن خال رأس النظام، وقد وضعت",
        "قال ابن عم رأس المجلس إن",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
    }
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
fn year_ranges_round_five() {
    let f = figure("ارتفعت المبيعات بين عامي 2013 و 2015 بشكل كبير");
    assert_eq!(
        (f.kind, f.text.as_str(), f.canonical.as_deref()),
        (Kind::Date, "بين عامي 2013 و 2015", Some("2013"))
    );
    // Two years without the dual are two dates; a year and an amount are not a range.
    let n = rec()
        .find("في 2013 و2015 تغيرت السوق")
        .into_iter()
        .filter(|s| s.kind == Kind::Date)
        .count();
    assert_eq!(n, 2);
    let f = figure("بين 20 و 30 مليون دولار");
    assert_eq!((f.kind, f.value), (Kind::Money, Some(20e6)));
}

#[test]
fn dateline_outlets_with_a_news_word_round_five() {
    for (text, want) in [
        ("هلا أخبار – ناقشت لجنة الأزمة الترتيبات", "هلا أخبار"),
        (
            "خبر أول.\nالوقائع الاخبارية :منذ أن أعلنت الحكومة",
            "الوقائع الاخبارية",
        ),
        ("صدى نيوز - أعلنت الشركة", "صدى نيوز"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Not inside a sentence, not without the dash, not «آخر الأخبار».
    for text in [
        "وتابع آخر أخبار – السوق",
        "قرأ الناس أهم أخبار اليوم في الصحف",
        "أهم أخبار السوق اليوم",
        "في أخبار - السوق",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
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
fn digits_glued_to_lead_words_round_five() {
    // Arabic-Indic digits typed right after the word before them.
    for (text, span, value) in [
        (
            "بتكلفة تقدر بنحو٥٠٠ مليون دولار من أجل",
            "نحو٥٠٠ مليون دولار",
            5e8,
        ),
        ("لإقامة ما بين١٠ إلى١٥ منطقة صناعية", "بين١٠ إلى١٥", 10.0),
        ("فرص عمل تصل إلى٧٠ ألف وظيفة", "٧٠ ألف", 7e4),
    ] {
        let f = figure(text);
        assert_eq!((f.text.as_str(), f.value), (span, Some(value)), "{text}");
    }
    // Other words glued to digits stay out («رقم٥» is a label, «GPT-4» a model).
    for text in ["انظر الجدول رقم٥ في التقرير", "أطلقت نموذج GPT-4 الجديد"]
    {
        let n = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind.is_figure())
            .count();
        assert_eq!(n, 0, "{text}");
    }
}

#[test]
fn year_closing_a_latin_name_round_five() {
    for text in [
        "أعلنت المملكة خلال فعاليات مؤتمر LEAP 2025 في الرياض",
        "شاركت الشركة في معرض GITEX 2024 بدبي",
    ] {
        let n = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind.is_figure())
            .count();
        assert_eq!(n, 0, "{text}");
    }
    // An Arabic word before a year keeps the date.
    let n = rec()
        .find("أطلقت الشركة المنتج في عام 2025")
        .into_iter()
        .filter(|s| s.kind == Kind::Date)
        .count();
    assert_eq!(n, 1);
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
fn bare_dateline_outlets_round_six() {
    for (text, want) in [
        ("أحداث اليوم -\nشاركت الشركة في مشروع الربط", "أحداث اليوم"),
        ("صدى الشمال –\nأعلنت الهيئة عن خطة جديدة", "صدى الشمال"),
    ] {
        assert!(
            of(text, Kind::Org).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Not inside the text, not with words after the dash, not one word, not a known place,
    // not a sentence's words.
    for text in [
        "خبر أول.\nأحداث اليوم -\nشاركت الشركة في المشروع",
        "أحداث اليوم - شاركت الشركة في المشروع",
        "عاجل -\nشاركت الشركة في المشروع",
        "المنطقة الشرقية -\nشاركت الشركة في المشروع",
        "آخر الأخبار -\nشاركت الشركة في المشروع",
        "أحداث اليوم -",
    ] {
        assert_eq!(of(text, Kind::Org), Vec::<String>::new(), "{text}");
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
fn foreign_names_shaped_as_duals_need_a_cue_round_six() {
    // «ملفين» two files, «بنكين» two banks: no Melvin, no «نكين».
    for text in [
        "وقال إن لديه علم بملفين قيد الدرس لشركتين أجنبيتين",
        "تقدمت خمسة بنوك تشمل بنكين حكوميين وهما الأهلي ومصر",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
    }
    // With a cue the name still counts.
    let text = "وقال الرئيس التنفيذي ملفين جونز إن الشركة ستتوسع";
    assert!(
        of(text, Kind::Person).contains(&"ملفين جونز".to_string()),
        "{text}: {:?}",
        of(text, Kind::Person)
    );
}

#[test]
fn bylines_cue_a_writer_round_six() {
    for (text, want) in [
        (
            "كتبت/ آية عبد الهادي\nالمحفظة الإلكترونية أداة مالية",
            "آية عبد الهادي",
        ),
        ("كتب: وليد الشريف\nأعلنت الشركة عن نتائجها", "وليد الشريف"),
        (
            "بقلم / منار سالم\nتتجه البنوك إلى التحول الرقمي",
            "منار سالم",
        ),
    ] {
        assert!(
            of(text, Kind::Person).contains(&want.to_string()),
            "{text}: {:?}",
            rec().find(text)
        );
    }
    // The verb in a sentence, or a thing written, is no byline.
    for text in [
        "وكتبت الصحيفة أن أمنية المستثمرين أن تستقر الأسواق",
        "كتبت الصحيفة: أمنية المستثمرين أن تستقر الأسواق",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn son_of_cues_an_ambiguous_given_name_round_six() {
    for (text, want) in [
        (
            "فيما مثل \"مدن\" ماجد بن رافد العرقوبي.",
            "ماجد بن رافد العرقوبي",
        ),
        ("وحضر الاجتماع ماجد بن رافد.", "ماجد بن رافد"),
        ("وحضرت الحفل أمل بنت سعيد الهاشمي.", "أمل بنت سعيد الهاشمي"),
    ] {
        assert!(
            of(text, Kind::Person).contains(&want.to_string()),
            "{text}: {:?}",
            of(text, Kind::Person)
        );
    }
    // Without «بن» the ambiguous name needs another cue; «ابن» is also the noun «son».
    for text in [
        "وحضر الاجتماع ماجد العرقوبي.",
        "وكان الأمل ابن اللحظة في السوق",
    ] {
        assert_eq!(of(text, Kind::Person), Vec::<String>::new(), "{text}");
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
fn latin_events_are_not_products_round_seven() {
    for (text, word) in [
        (
            "تستعد الشركة لإقامة حدثها السنوي Galaxy Unpacked يوم 25 فبراير",
            "Galaxy",
        ),
        ("إلى جانب كلمة A Galaxy Event في إشارة مباشرة", "Galaxy"),
    ] {
        let products = of(text, Kind::Product);
        assert!(
            !products.iter().any(|p| p.contains(word)),
            "{text}: {products:?}"
        );
    }
    // The product alone, or grown over its model, stays a product.
    for (text, want) in [
        (
            "أطلقت سامسونج هاتف Galaxy S26 Ultra الجديد",
            "Galaxy S26 Ultra",
        ),
        ("أعلنت الشركة عن هاتف Galaxy الجديد", "Galaxy"),
    ] {
        let products = of(text, Kind::Product);
        assert!(products.contains(&want.to_string()), "{text}: {products:?}");
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
fn accusative_common_noun_after_a_title_round_seven() {
    for (text, word) in [
        ("كتب المحلل تقريرا عن السوق", "تقريرا"),
        ("أصدر الوزير بيانا حول الخطة", "بيانا"),
    ] {
        assert!(
            !of(text, Kind::Person).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Person)
        );
    }
    // A surname after a title that ends in alif is still a name.
    let text = "وقال الدكتور رضا حجازي إن الخطة جاهزة";
    assert!(
        of(text, Kind::Person).contains(&"رضا حجازي".to_string()),
        "{text}: {:?}",
        of(text, Kind::Person)
    );
}

#[test]
fn quoted_names_of_products_round_seven() {
    for (text, want) in [
        (
            "يعمل هاتف “هواوي” الجديد، بتقنية الجيل الخامس، ويحمل إسم “مايت اكس”. وقال مسؤول",
            "مايت اكس",
        ),
        (
            "وأطلق على التطبيق المجاني اسم \"سي رادار\" (رادار كورونا) ويمكن تحميله",
            "سي رادار",
        ),
    ] {
        let products = of(text, Kind::Product);
        assert!(products.contains(&want.to_string()), "{text}: {products:?}");
    }
    // A company, a project, a phone operator or another sentence names no product.
    for (text, word) in [
        (
            "ظهر ترخيص لمشغل ثالث للهاتف المحمول باسم “وفا تيل” في البلاد",
            "وفا تيل",
        ),
        ("تأسيس مشروع مشترك يحمل اسم «آيثر» بين الشركتين", "آيثر"),
        (
            "أطلقت الشركة هاتفا جديدا. وأسست صندوقا باسم «نماء» للاستثمار",
            "نماء",
        ),
    ] {
        assert!(
            !of(text, Kind::Product).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn described_products_round_seven() {
    let text = "سوف تستخدم في توسيع نطاق تطبيق مشاركة الفيديوهات القصيرة (جوش). ويشار إلى أن (جوش) هو من بين البدائل";
    let products = of(text, Kind::Product);
    assert_eq!(products, ["جوش", "جوش"], "{text}");
    // A remark, a definite phrase or a number in parentheses names nothing.
    for (text, word) in [
        (
            "أطلقت الشركة تطبيق حجز المواعيد (المجاني) للمرضى",
            "المجاني",
        ),
        ("تقدم الشركة خدمة دعم العملاء (24 ساعة) يوميا", "24 ساعة"),
        ("أطلقت الوزارة منصة تسجيل (في الرياض) أمس", "في الرياض"),
        ("مضيفا أن الطلب على شرائح بلاكويل \"جنوني\".", "جنوني"),
    ] {
        assert!(
            !of(text, Kind::Product).contains(&word.to_string()),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn model_series_letter_round_seven() {
    let text = "فالبعض يشير إلى أن القادم سيكون هاتف من عائلة Galaxy A.";
    assert_eq!(of(text, Kind::Product), ["Galaxy A"], "{text}");
    // The article inside a run, or a lowercase «a», is no model letter.
    for text in [
        "قدمت الشركة Galaxy a جديدا",
        "عرضت سامسونج Galaxy A Series الجديدة",
    ] {
        let products = of(text, Kind::Product);
        assert!(
            products.len() == 1 && products.iter().all(|p| p.ends_with("Galaxy")),
            "{text}: {products:?}"
        );
    }
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
fn lone_surname_as_a_statement_source_round_eight() {
    for text in [
        "ورد الوزير على تصريحات المعايطة حول الرخصة الجديدة.",
        "نشرت المعلومات على لسان الحلايقة، ثم نفتها الحكومة.",
        "الطراونة قال إن الشركة ستدفع الرسوم.",
        "وقّعت الشركة العقد. المعايطة أكد أن العمل يبدأ غدا.",
    ] {
        let people = of(text, Kind::Person);
        assert_eq!(people.len(), 1, "{text}: {people:?}");
        assert!(people[0].starts_with("ال"), "{text}: {people:?}");
    }
    // Adjectives, institutions, common words, and a cue word in mid-sentence give no person.
    for text in [
        "رحب الخبراء بتصريحات الرسمية حول الرخصة.",
        "لم تصدر تصريحات الحكومة حول الرخصة.",
        "وقال إن الشركة الجديدة قالت إنها ستدفع.",
        "لم تصدر تصريحات الجهات المعنية حتى الآن.",
        "أشارت إلى تصريحات المسؤولين حول الرخصة.",
    ] {
        assert!(
            of(text, Kind::Person).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Person)
        );
    }
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
