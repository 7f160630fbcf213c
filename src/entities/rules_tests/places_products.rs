//! Places from the lexicon and products with their model numbers.

use super::*;

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
fn maker_and_model_round_ten() {
    // A company followed by a model code, a model number that counts nothing, or (after a
    // vehicle or device word) an unknown word is one product.
    for (text, want) in [
        ("ونفس الأمر لسيارة هيونداي i20 بمحرك بنزين", "هيونداي i20"),
        ("هاتف Vivo Y29 بسعر نحو 7999 جنيها.", "Vivo Y29"),
        ("هاتف Nokia 105 بسعر 850 جنيها.", "Nokia 105"),
        (
            "كانت سيارة هيونداي أكسنت المركبة في الجزائر تسوق بسعر أقل",
            "هيونداي أكسنت",
        ),
        ("وتنتج المصانع تويوتا 86، وهي سيارة رياضية", "تويوتا 86"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
    }
    // The model number is no figure.
    assert!(
        rec()
            .find("وتنتج المصانع تويوتا 86، وهي سيارة رياضية")
            .iter()
            .all(|s| !s.kind.is_figure())
    );
    // Counts, years, amounts and ordinary words after a company stay what they are.
    for text in [
        "باعت هواوي 5 ملايين هاتف هذا العام",
        "باعت هواوي 5 هواتف فقط",
        "قالت سامسونج 2024 عام جيد للشركة",
        "ارتفع سهم أبل 3% اليوم",
        "سيارة تويوتا الجديدة وسيارة تسلا كهربائية",
        "هاتف سامسونج بسعر مرتفع وسيارة كيا جديدة",
        "هاتف أبل يعمل جيدا",
        "هاتف سامسونج 5G الجديد",
    ] {
        assert!(of(text, Kind::Product).is_empty(), "{text}");
    }
}

#[test]
fn sudanese_moroccan_and_egyptian_places_round_ten() {
    for (text, want) in [
        ("عادت الشبكة إلى مدينة سنار في وسط السودان", "سنار"),
        ("أعيد تشغيل الشبكة في النيل الأبيض والمناقل والأبيض", "الأبيض"),
        ("وفي مناطق النيل الأبيض", "النيل الأبيض"),
        ("قرب المستشفى العسكري بمراكش وشيشاوة وتحناوت", "تحناوت"),
        ("والمستشفى العسكري بأسني", "أسني"),
        ("يقع المصنع بمنطقة برج العرب بالإسكندرية", "برج العرب"),
        ("تضررت منطقة الحوز كثيرا", "الحوز"),
        ("سيتم حجرهم في منطقة البحر الميت", "البحر الميت"),
        ("وتشمل التغطية تلمسان ومغنية ووادي سوف", "وادي سوف"),
        ("يمر الكابل في البحر الأبيض المتوسط", "البحر الأبيض المتوسط"),
        ("أطلقت في إقليم كوردستان خدمة جديدة", "كوردستان"),
    ] {
        let places = of(text, Kind::Place);
        assert!(places.contains(&want.to_string()), "{text}: {places:?}");
    }
    // Names that are ordinary words need a place word or another place beside them.
    for text in [
        "اختار اللون الأبيض للسيارة",
        "بثت قناة الجزيرة تقريرا",
        "قال أبو حمد إن الأمر انتهى",
        "جلسوا في الجنينة خلف البيت",
        "ثار بركان في إيطاليا",
    ] {
        let places = of(text, Kind::Place);
        assert!(
            places.iter().all(|p| p != "الأبيض"
                && p != "الجزيرة"
                && p != "أبو حمد"
                && p != "الجنينة"
                && p != "بركان"),
            "{text}: {places:?}"
        );
    }
}

#[test]
fn quoted_and_named_models_round_ten() {
    for (text, want) in [
        // A name after a naming word may be in parentheses or joined by a hyphen; a Latin run
        // with no entry is then the product, not a company.
        (
            "قال إن السيارة الجديدة التي حملت اسم (DIAL-E) تعد الأولى",
            "DIAL-E",
        ),
        (
            "وتحمل السيارة الجديدة اسم “روك-إي”، ويمكن أن تسير",
            "روك-إي",
        ),
        // A quoted code of letters and digits, even with one letter or no capital.
        (
            "كشفت الشركة في لندن عن أحدث أجهزتها \"P8\"، والذي يعتبر قفزة",
            "P8",
        ),
        ("يتم تصنيع “e208” الكهربائية في سلوفاكيا", "e208"),
        // A company and a word quoted together.
        (
            "يعتبر “داسيا سبرينك” أرخص السيارات الكهربائية",
            "داسيا سبرينك",
        ),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
    }
    // A company named in parentheses stays one; an event's code is no product; a naming word
    // or a participle after «هاتف هواوي» is no model.
    assert_eq!(
        of("وقعت شركة تحمل اسم (Acme Corp) اتفاقا", Kind::Org),
        ["Acme Corp"]
    );
    for text in [
        "انعقدت قمة \"G20\" في الرياض",
        "ويحمل هاتف هواوي اسم جديدا",
        "هاتف سامسونج مزود بكاميرا وسيارة تويوتا مصنوعة من الألمنيوم",
        "قالت الشركة إن \"أبل\" تراجعت",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn quoted_editions_round_ten() {
    // A product and a place quoted together are the product's local edition; a company and a
    // short word quoted together are its product.
    for (text, want) in [
        (
            "انطلق مشروع \"ستارغيت الإمارات\" بسعة كبيرة",
            "ستارغيت الإمارات",
        ),
        ("تدشين موقع آخر باسم “أمازون جو” مخصص للقارة", "أمازون جو"),
        ("يمكن تحميله من «غوغل بلاي» و«أبل ستور» مجانا", "أبل ستور"),
    ] {
        let products = of(text, Kind::Product);
        assert!(products.contains(&want.to_string()), "{text}: {products:?}");
    }
    // A company and a place quoted together stay a local company; unquoted, a product and a
    // place stay apart.
    assert_eq!(
        of("أطلقت \"أورانج تونس\" عرضا جديدا", Kind::Org),
        ["أورانج تونس"]
    );
    assert!(of("أطلقت \"أورانج تونس\" عرضا جديدا", Kind::Product).is_empty());
    let apart = "يستخدم ستارغيت الإمارات في التدريب";
    assert_eq!(of(apart, Kind::Product), ["ستارغيت"]);
    assert_eq!(of(apart, Kind::Place), ["الإمارات"]);
}

#[test]
fn apps_by_name_round_ten() {
    // A company's name right after an app word is the app.
    let text = "يمكن تحميل تطبيق يسير مجانا على الهاتف";
    assert_eq!(of(text, Kind::Product), ["يسير"]);
    assert!(of(text, Kind::Org).is_empty());
    // Quoted names listed after an app plural are apps, known or not, and so are their other
    // quoted mentions in the article.
    let text = "«ركبة» في خدمة المواطنين. انتشرت تطبيقات تأجير سيارات الأجرة على غرار «يسير» ،«وصلني»،«ركبة»، والتي لاقت رواجا.";
    assert_eq!(
        of(text, Kind::Product),
        ["ركبة", "يسير", "وصلني", "ركبة"],
        "{text}"
    );
    let text = "قالت الشركة إن تطبيقات مثل «واتساب» و«تليجرام» منتشرة";
    assert_eq!(of(text, Kind::Product), ["واتساب", "تليجرام"]);
    // A company elsewhere stays a company: after a company word, after a definite or plural
    // app word, or in a list no app word introduces.
    for text in [
        "استحوذت شركة كريم على حصة في السوق",
        "أعلنت التطبيقات أوبر عن خدمة",
        "طورت تطبيقات أوبر خدمة جديدة",
        "تعمل شركات مثل «أوبر» و«كريم» في المنطقة",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn descriptions_and_event_codes_are_not_products_round_ten() {
    // A quote opening with an indefinite nisba adjective after a product word describes it; the
    // spelled percent inside stays a figure.
    let text = "تمكن المغرب من صنع أول سيارة “مغربية مائة في المائة”، وهي سيارة كهربائية";
    assert!(
        of(text, Kind::Product).is_empty(),
        "{:?}",
        of(text, Kind::Product)
    );
    assert_eq!(of(text, Kind::Percent), ["مائة في المائة"]);
    // A Latin code in brackets after a seminar's or a fair's name is the event's.
    for text in [
        "خلال ندوة الإستثمار ( Tunisia 2020 ) التي ستنطلق غدا",
        "في مؤتمر ( GITEX 2024 ) بدبي",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
    // Names still are: a one-word quote, a quoted Latin model.
    assert_eq!(
        of("أطلقت الشركة تطبيق \"ذكي\" الجديد", Kind::Product),
        ["ذكي"]
    );
    assert_eq!(
        of("وأعلنت الشركة عن هاتف \"Galaxy S26\"", Kind::Product),
        ["Galaxy S26"]
    );
}

#[test]
fn digital_platforms_round_ten() {
    // After a platform or app word, a place and «الرقمية» or «الذكي» name the platform …
    for (text, want) in [
        (
            "بدأنا في بناء منصة مصر الرقمية التي توفر الخدمات",
            "مصر الرقمية",
        ),
        ("وأطلقت الحكومة تطبيق دبي الذكي للخدمات", "دبي الذكي"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
        assert!(of(text, Kind::Place).is_empty(), "{text}");
    }
    // … without one, the place is the country; another adjective is no name.
    let text = "تعد مراكز البيانات أحد مقومات مصر الرقمية";
    assert_eq!(of(text, Kind::Place), ["مصر"]);
    assert!(of(text, Kind::Product).is_empty());
    assert_eq!(
        of("وأطلقت منصة السعودية الجديدة", Kind::Place),
        ["السعودية"]
    );
}

#[test]
fn product_words_with_a_pronoun_round_ten() {
    // «هاتفها», «جهازها»: a product word with a possessive pronoun still introduces the name.
    for (text, want) in [
        ("أطلقت الشركة هاتفها “نوفا” في الأسواق", "نوفا"),
        ("كشفت أبل عن جهازها فيجن الجديد", "فيجن"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
    }
    // Verbs, adjectives and prepositions after it are no names.
    for text in [
        "قال إن هاتفه يعمل جيدا",
        "قال إن سيارته جديدة",
        "باعت الشركة جهازها في الأسواق",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn described_latin_products_round_ten() {
    // A product word (with its pronoun), describing words, then a quoted Latin name with no
    // entry: the product, not a company.
    let text = "أعلنت هواوي عن إطلاق هاتفها الذكي ثلاثي الطيات “Mate XT” خارج الصين";
    assert_eq!(of(text, Kind::Product), ["Mate XT"]);
    assert_eq!(of(text, Kind::Org), ["هواوي"]);
    // After a company word the quoted Latin name stays a company.
    assert_eq!(
        of(
            "تعمل الشركة مع شركة الاستشارات “Acme Group” منذ سنوات",
            Kind::Org
        ),
        ["Acme Group"]
    );
}

#[test]
fn model_numbers_after_model_words_round_ten() {
    // After «طراز», «طرازها», «موديل», «إصدار» a number closing the phrase is the model.
    for (text, want) in [
        (
            "تراهن على الإصدارات الكهربائية من طرازها 208. ومع ذلك",
            "208",
        ),
        ("اشترت الشركة طائرات طراز 737، وأخرى", "737"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
        assert!(figure_free(text), "{text}");
    }
    // A count, a year or an amount after it stays a figure.
    for text in [
        "وصل عدد الطائرات من هذا الطراز 30 طائرة",
        "أطلقت موديل 2024 من السيارة",
        "سيارة من طراز 5 أبواب",
        "وإصدار 2 مليون سهم",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

fn figure_free(text: &str) -> bool {
    rec().find(text).iter().all(|s| !s.kind.is_figure())
}

#[test]
fn companies_named_like_products_round_ten() {
    // After a company word a product's name names a company, with no canonical entry (the
    // entry is the product's); so does the next member of the list it opens.
    for (text, want) in [
        (
            "اجتمع مع الرئيس التنفيذي لشركة جروك، جوناثان روس",
            vec!["جروك"],
        ),
        (
            "التقى مسؤولين في شركتي “ميتا” و”جروك”. وقد ركزت",
            vec!["ميتا", "جروك"],
        ),
        ("استحوذت شركة واتساب على حصة", vec!["واتساب"]),
    ] {
        assert_eq!(of(text, Kind::Org), want, "{text}");
        assert!(of(text, Kind::Product).is_empty(), "{text}");
    }
    assert!(
        rec()
            .find("لشركة جروك")
            .iter()
            .all(|s| s.canonical.is_none())
    );
    // Elsewhere the product stays one, after a definite company word too (the subject), and
    // a company's product after it.
    assert_eq!(
        of("قدمت الشركة واتساب للمستخدمين", Kind::Product),
        ["واتساب"]
    );
    assert_eq!(of("وأطلق تطبيق جروك ميزة جديدة", Kind::Product), ["جروك"]);
    assert_eq!(
        of("أعلنت شركة أبل عن آيفون 16 الجديد", Kind::Product),
        ["آيفون 16"]
    );
}

#[test]
fn device_kinds_are_not_names_round_ten() {
    for text in [
        "وتوفير أجهزة مودم حديثة للمشتركين",
        "النزاع حول تطبيق دفتر شروط رخصة الجيل الثالث",
        "يباع الهاتف مع جهاز شاحن سريع",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
    // An unknown name after the same words still is one.
    assert_eq!(
        of("سجل المستخدمون عبر تطبيق توكلنا السعودي", Kind::Product),
        ["توكلنا"]
    );
}

#[test]
fn car_makers_from_the_gazetteer() {
    // The makers are companies (and the company filter's), their models products.
    for (text, want) in [
        ("أعلنت رينو عن خطة جديدة في المغرب", "Renault"),
        ("وقالت مرسيدس بنز إن مبيعاتها ارتفعت", "Mercedes-Benz"),
        ("افتتحت شركة نيسان مصنعا جديدا", "Nissan"),
        ("تستثمر فولكس فاجن في البطاريات", "Volkswagen"),
    ] {
        let orgs: Vec<Option<String>> = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Org)
            .map(|s| s.canonical)
            .collect();
        assert_eq!(orgs, [Some(want.to_string())], "{text}");
    }
    assert_eq!(
        of("اشترى سيارة رينو سامبول المستعملة", Kind::Product),
        ["رينو سامبول"]
    );
    // «نيسان» is also the Levantine April, «فورد» a surname: no company without evidence.
    for text in [
        "في 15 نيسان 2024 أعلنت الوزارة النتائج",
        "وصل الرئيس فورد إلى المؤتمر",
    ] {
        assert!(of(text, Kind::Org).is_empty(), "{text}");
    }
    assert!(
        rec()
            .find("في 15 نيسان 2024 أعلنت الوزارة النتائج")
            .iter()
            .any(|s| s.kind == Kind::Date && s.text.contains("نيسان"))
    );
}

#[test]
fn wallet_services_round_twelve() {
    // A company followed by a wallet word names its payment service.
    for (text, want) in [
        (
            "توقفت خدمات الدفع كـ”سيريتل كاش”، وغيرها من التطبيقات",
            "سيريتل كاش",
        ),
        ("عبر المحفظة الإلكترونية Jawwal Pay لكل عائلة", "Jawwal Pay"),
        ("ويمكن الدفع عبر فودافون كاش في المتاجر", "فودافون كاش"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // After a company word it is the company's name; without a wallet word the company stays.
    for (text, org) in [
        ("ومدير عام شركة JAWWAL PAY إبراهيم خماش", "JAWWAL PAY"),
        ("وقالت سيريتل إن الخدمة ستعود", "سيريتل"),
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
        assert_eq!(of(text, Kind::Org), [org], "{text}");
    }
}

#[test]
fn model_word_and_number_round_twelve() {
    // «موديل» and one or two digits name a model wherever the phrase goes on; a maker before
    // it joins it.
    for (text, want) in [
        (
            "أزيح الستار عن سيارة تيسلا موديل 3 وكشف عنها للعالم",
            "تيسلا موديل 3",
        ),
        ("قامت الشركة بالكشف عن موديل 3 في منشأتها", "موديل 3"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
        let figures: Vec<Span> = rec()
            .find(text)
            .into_iter()
            .filter(|s| s.kind.is_figure())
            .collect();
        assert!(figures.is_empty(), "{text}: {figures:?}");
    }
    // A year after «موديل», or a count, is no model.
    for text in [
        "وتباع السيارات موديل 2020 بأسعار أقل",
        "وبلغت مبيعات موديل 3 ملايين سيارة",
        "ارتفعت حصة الموديل 12 بالمئة",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn maker_and_two_word_model_round_thirteen() {
    // A maker, a model word and a word that only closes a car model's name are one product,
    // with a vehicle word before them or without one.
    for (text, want) in [
        (
            "وهو سيارة شيفروليه بولت إيفي، في معرض دبي الدولي",
            "شيفروليه بولت إيفي",
        ),
        (
            "يمكن لشفروليه بولت إيفي المسير لمسافة طويلة",
            "شفروليه بولت إيفي",
        ),
        (
            "وطرحت الشركة تويوتا كامري هايبرد في الأسواق",
            "تويوتا كامري هايبرد",
        ),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
        assert!(
            of(text, Kind::Org).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Org)
        );
    }
    // Without the closing word, and after a word that is no model's, the maker stays a company.
    for text in [
        "يمكن لشفروليه بيع سياراتها في المنطقة",
        "وقالت تويوتا إيفي إن المبيعات ارتفعت",
        "وأعلنت تويوتا بالإضافة إلى ذلك عن خطط جديدة",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn maker_and_model_without_vehicle_word_round_thirteen() {
    // When the text names a maker's model, another known maker followed by a word that can be a
    // model's names its model too, with no vehicle word.
    let text = "ونفس الأمر لهيونداي i10 التي ارتفع سعرها. وحتى كيا بيكانتو القاعدية \
                تعرض للبيع اليوم، ورونو سامبول بمحرك بنزين كانت عند الوكيل";
    assert_eq!(
        of(text, Kind::Product),
        ["هيونداي i10", "كيا بيكانتو", "رونو سامبول"],
        "{text}"
    );
    // No model named elsewhere: the maker and the next word stay apart; a verbal noun after a
    // company is its object, not a model.
    for text in [
        "وحتى كيا بيكانتو تعرض للبيع اليوم",
        "وقالت رونو سامبول إن المصنع سيغلق",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
    let text = "وطرحت هيونداي i10 في السوق، كما أعلنت كيا ارتفاع مبيعاتها وتويوتا تطوير مصنعها";
    assert_eq!(of(text, Kind::Product), ["هيونداي i10"], "{text}");
}

#[test]
fn capital_model_letters_round_thirteen() {
    // One or two capital Latin letters after an Arabic product name are its model, in Arabic
    // and in Latin script alike.
    for (text, want) in [
        (
            "من جهاز قد يحمل اسم «آيفون X» بمناسبة مرور عشر سنوات",
            "آيفون X",
        ),
        ("وقد كان شكل غالاكسي S مشابهاً جداً له", "غالاكسي S"),
        ("واشترى آيفون XR مستعملاً", "آيفون XR"),
        ("أعلنت أبل عن iPhone X في مؤتمرها", "iPhone X"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
    }
    // A lowercase letter, a longer Latin word and a known name after the product stay out.
    for (text, want) in [
        ("وظهر هاتف آيفون x في الصورة", "آيفون"),
        ("نشر صورة آيفون QRZ على المنصة", "آيفون"),
        ("حمل تطبيق آيفون Microsoft على الحاسوب", "آيفون"),
    ] {
        assert_eq!(of(text, Kind::Product), [want], "{text}");
    }
}

#[test]
fn quoted_models_after_series_word_round_thirteen() {
    // Quoted names after a series or edition word are models: a name with a model number, or
    // model words; «و» between the quotes or inside them lists the next.
    for (text, want) in [
        (
            "بيع مليون جهاز جديد من فئة \"مايت 30\" و\"مايت 30 برو\"، في غضون ساعات",
            vec!["مايت 30", "مايت 30 برو"],
        ),
        (
            "بيع مليون جهاز جديد من فئة «مايت 30» و«مايت 30 برو»، في غضون ساعات",
            vec!["مايت 30", "مايت 30 برو"],
        ),
        (
            "إضافة إلى نسخة \"برو وبرو ماكس\"، وعدد آخر من الأجهزة",
            vec!["برو", "برو ماكس"],
        ),
        (
            "ووصلت طائرات طراز \"بوينغ 737\" إلى المطار",
            vec!["بوينغ 737"],
        ),
    ] {
        assert_eq!(of(text, Kind::Product), want, "{text}");
    }
    // An award's category, a year, a newspaper's edition and a name with no model are no models.
    for text in [
        "فاز التطبيق في فئة \"أفضل تطبيق\" وفئة \"الابتكار 2024\"",
        "صدرت نسخة \"الأهرام\" المسائية أمس",
        "وصدرت نسخة \"مايت ون\" من الهاتف",
    ] {
        assert!(
            of(text, Kind::Product).is_empty(),
            "{text}: {:?}",
            of(text, Kind::Product)
        );
    }
}

#[test]
fn libyan_yemeni_omani_iraqi_mauritanian_and_egyptian_divisions_round_thirteen() {
    for (text, want) in [
        ("انقطعت الاتصالات في بني وليد وترهونة", "بني وليد"),
        ("وصلت الشبكة إلى سبها والجفرة والكفرة", "الجفرة"),
        ("وصلت الشبكة إلى سبها والجفرة والكفرة", "الكفرة"),
        ("افتتح مركز بيانات في سقطرى", "سقطرى"),
        ("توسعت الشركة في محافظة البريمي", "البريمي"),
        ("تغطي الشبكة شمال الباطنة ومسقط", "شمال الباطنة"),
        ("أطلق المشروع في تكريت وبعقوبة", "بعقوبة"),
        ("وصلت الألياف إلى ولاية الترارزة", "الترارزة"),
        ("يقع المقر في مدينة نصر بالقاهرة", "مدينة نصر"),
        ("افتتح فرعا في التجمع الخامس", "التجمع الخامس"),
        ("مصنع في مدينة السادس من أكتوبر", "السادس من أكتوبر"),
        ("وافتتح مكتبا في مدينة الشيخ زايد", "الشيخ زايد"),
    ] {
        let places = of(text, Kind::Place);
        assert!(places.contains(&want.to_string()), "{text}: {places:?}");
    }
    // Those that are ordinary words, a date or a man's name need a place word or another place.
    for (text, not) in [
        ("دفع الخمس من أرباحه", "الخمس"),
        ("زار الشيخ زايد المعرض عام 1990", "الشيخ زايد"),
        ("انطلقت الحملة في السادس من أكتوبر", "السادس من أكتوبر"),
        ("قال عمران خان إن الحكومة", "عمران"),
        ("قدم حجة قوية أمام اللجنة", "حجة"),
        ("ارتفعت أسعار العمارة والبناء", "العمارة"),
        ("أثار الموقف المعادي للشركة غضبا", "المعادي"),
    ] {
        let places = of(text, Kind::Place);
        assert!(places.iter().all(|p| p != not), "{text}: {places:?}");
    }
}
