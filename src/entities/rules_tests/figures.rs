//! Figures and dates: values, spans, month systems, ranges.

use super::*;

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
fn figures_round_ten() {
    // The Maghreb's currencies: centimes, the euro as «أورو», the millime and the ouguiya.
    for (text, span, value) in [
        ("يبلغ سعرها عشرة ملايين سنتيم فقط", "عشرة ملايين سنتيم", 1e7),
        (
            "باستثمار يبلغ 100 مليون أورو حسب المدير",
            "100 مليون أورو",
            1e8,
        ),
        ("غرامة قدرها 85 مليون أوقية", "85 مليون أوقية", 8.5e7),
    ] {
        let f = figure(text);
        assert_eq!(
            (f.kind, f.text.as_str(), f.value),
            (Kind::Money, span, Some(value))
        );
    }
    // A year named by «عام» is when, not the first end of a range to a count …
    let text = "قفز الإنتاج من 3 ملايين جهاز في عام 2024 إلى 10 ملايين جهاز";
    let spans: Vec<String> = rec().find(text).into_iter().map(|s| s.text).collect();
    assert_eq!(spans, ["3 ملايين", "عام 2024", "10 ملايين"]);
    // … while two years stay one span of dates.
    let f = figure("بين عامي 2013 و2015 نما القطاع");
    assert_eq!(
        (f.kind, f.text.as_str()),
        (Kind::Date, "بين عامي 2013 و2015")
    );
    // «المليوني» with the article is an adjective; «مليوني» alone is two millions.
    assert!(figure_spans("لدعم التوسع المليوني للمستخدمين").is_empty());
    assert_eq!(figure("باعت مليوني هاتف").value, Some(2e6));
    // A legal text's reference is no figure; a count with a dash elsewhere still is one.
    assert!(figure_spans("يخضع تصنيع السيارات للمرسوم 22‑384 الذي يفرض الإدماج").is_empty());
    assert!(figure_spans("صدر القانون 18/04 المتعلق بالبريد").is_empty());
    assert_eq!(figure("تعمل 20-30 شركة في القطاع").value, Some(20.0));
    // A day, a month's name and a year joined by hyphens are one date.
    let f = figure("الخرطوم 05-فبراير-2024 أكدت مصادر");
    assert_eq!(
        (f.kind, f.text.as_str(), f.canonical.as_deref()),
        (Kind::Date, "05-فبراير-2024", Some("2024-02-05"))
    );
    assert!(
        figure_spans("فريق 05-النصر-2024")
            .iter()
            .all(|s| s != "05-النصر-2024")
    );
}

fn figure_spans(text: &str) -> Vec<String> {
    rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind.is_figure())
        .map(|s| s.text)
        .collect()
}

#[test]
fn dot_thousands_before_counted_nouns_round_ten() {
    // One dot group of three digits before a counted noun is thousands …
    for (text, value) in [
        ("وشمل ذلك تحليل بيانات 6.500 مركبة يوميا", 6500.0),
        ("قدر عدد الشركات بنحو 90.904 شركات حتى الآن", 90904.0),
    ] {
        assert_eq!(figure(text).value, Some(value), "{text}");
    }
    // … but a scale, a currency (dinars have millimes), a percent or a unit keeps the decimal,
    // and so does a leading zero.
    for (text, value) in [
        ("تراجعت الواردات إلى 4.675 مليون دولار", 4.675e6),
        ("بلغ ربح السهم 0.540 دينار", 0.54),
        ("سعر الكيلو 12.500 دينار تونسي", 12.5),
        ("ارتفع المؤشر 12.345 نقطة", 12.345),
        ("بلغت النسبة 2.125 في المئة", 2.125),
        ("قطعت السيارة 1.250 كيلومترا", 1.25),
        ("بلغ المعدل 0.125 مركبة لكل فرد", 0.125),
    ] {
        assert_eq!(figure(text).value, Some(value), "{text}");
    }
}

#[test]
fn shekel_amounts_round_twelve() {
    // The shekel is a currency in both spellings, after digits, a scale or a dual.
    for (text, span, value) in [
        (
            "تم الاتفاق على صرف مليوني شيقل لعائلات فلسطينية",
            "مليوني شيقل",
            2e6,
        ),
        ("بلغت قيمة الفاتورة 350 شيكلا شهريا", "350 شيكلا", 350.0),
        ("خصصت الوزارة 12 مليون شيكل للمشروع", "12 مليون شيكل", 12e6),
    ] {
        let f = figure(text);
        assert_eq!(
            (f.kind, f.text.as_str(), f.value),
            (Kind::Money, span, Some(value)),
            "{text}"
        );
    }
    // «شكل» (a form) is no currency.
    let f = figure("ظهرت 3 أشكال جديدة بشكل كبير");
    assert_eq!(f.kind, Kind::Number, "{f:?}");
}

#[test]
fn alternative_amounts_round_twelve() {
    // Two amounts joined by «أو», the unit after the second: one figure valued as the first.
    for (text, kind, span, value) in [
        (
            "وتبلغ كلفة المشروع ما يقارب مليار أو 1.5 مليار درهم حسب التقديرات",
            Kind::Money,
            "ما يقارب مليار أو 1.5 مليار درهم",
            1e9,
        ),
        (
            "وقد ترتفع الأسعار 10 أو 15% خلال العام",
            Kind::Percent,
            "10 أو 15%",
            10.0,
        ),
    ] {
        let f = figure(text);
        assert_eq!(
            (f.kind, f.text.as_str(), f.value),
            (kind, span, Some(value)),
            "{text}"
        );
    }
    // A counted noun between, or a count before a sum, keeps two figures.
    for text in [
        "باع الصندوق مليون سهم أو 1.5 مليار درهم من أصوله",
        "اشترى 3 أو 4 ملايين دولار من السندات",
    ] {
        assert_eq!(
            figure_spans(text).len(),
            2,
            "{text}: {:?}",
            figure_spans(text)
        );
    }
}

#[test]
fn compound_chains_round_twelve() {
    // A compound of several parts joined by «و», down to units before the currency, is one
    // figure.
    let text = "سددت المبلغ وقدره أكثر من 133 ملياراً و688 مليوناً و237 ألفاً و459 ليرة سورية.";
    let f = figure(text);
    assert_eq!(
        (f.kind, f.text.as_str(), f.value),
        (
            Kind::Money,
            "أكثر من 133 ملياراً و688 مليوناً و237 ألفاً و459 ليرة سورية",
            Some(133_688_237_459.0)
        ),
        "{text}"
    );
    // Units with no currency after them, or a larger part after a smaller, stay apart.
    for text in ["باع 5 ملايين و300 سيارة", "بلغت الأرباح 3 آلاف و2 مليون دولار"]
    {
        assert_eq!(
            figure_spans(text).len(),
            2,
            "{text}: {:?}",
            figure_spans(text)
        );
    }
}

#[test]
fn comma_thousands_before_a_decimal_or_a_full_stop_round_twelve() {
    // Comma thousands keep their groups before a decimal point or a sentence's full stop.
    for (text, value) in [
        ("بعدما كانت تحتسب وفق السعر الرسمي 1,514.5 ليرة", 1514.5),
        ("وبلغ عدد المشتركين 12,500.", 12500.0),
        ("وبلغ عدد المشتركين 1,250,000.", 1_250_000.0),
    ] {
        assert_eq!(figure(text).value, Some(value), "{text}");
    }
    // A comma not followed by exactly three digits is still a decimal comma.
    assert_eq!(figure("ارتفع المؤشر 42,15 نقطة").value, Some(42.15));
}

#[test]
fn clock_times_round_twelve() {
    // A time of day is no figure; the date beside it still is.
    assert!(figure_spans("بدأ البث عند الساعة 09:03 صباحا").is_empty());
    assert!(figure_spans("انتهى الاجتماع 14:30:15 بتوقيت دمشق").is_empty());
    assert_eq!(
        figure_spans("24-11-2025 09:03 AM"),
        ["24-11-2025"],
        "{:?}",
        figure_spans("24-11-2025 09:03 AM")
    );
    // A score, a three-digit ratio or hours past 24 are not times.
    for text in [
        "فاز الفريق 3:1 على منافسه",
        "بنسبة 25:75 بين الطرفين",
        "بلغت 30:45 دقيقة",
    ] {
        assert!(!figure_spans(text).is_empty(), "{text}");
    }
}
