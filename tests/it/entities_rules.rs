//! One test per recognizer rule: normalization, clitics, tiers and traps, Latin names, figures.
#![allow(clippy::unwrap_used)]

use akhbar::entities::normalize::{CLITIC_PREFIXES, normalize, normalize_str};
use akhbar::entities::{Kind, Recognizer, Span};
use std::sync::OnceLock;

fn rec() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(|| Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}")))
}

fn find(text: &str) -> Vec<Span> {
    rec().find(text)
}

/// The spans of one kind as (text, canonical).
fn names(text: &str, kind: Kind) -> Vec<(String, Option<String>)> {
    find(text)
        .into_iter()
        .filter(|s| s.kind == kind)
        .map(|s| (s.text, s.canonical))
        .collect()
}

fn canonicals(text: &str) -> Vec<String> {
    find(text).into_iter().filter_map(|s| s.canonical).collect()
}

/// The single figure in `text`: (kind, span text, value).
fn figure(text: &str) -> (Kind, String, f64) {
    let figs: Vec<Span> = find(text)
        .into_iter()
        .filter(|s| s.kind.is_figure())
        .collect();
    assert_eq!(figs.len(), 1, "{text}: {figs:?}");
    let f = &figs[0];
    (f.kind, f.text.clone(), f.value.unwrap_or(f64::NAN))
}

#[test]
fn normalization_offsets_round_trip() {
    let s = "أعلنـــت «مايكروسوفتُ»\u{200F} عن ٣٬٤٠٠ وظيفةً في Redmond";
    let n = normalize(s);
    assert_eq!(n.text, normalize_str(s));
    assert_eq!(n.offsets.len(), n.text.len() + 1);
    for w in n.offsets.windows(2) {
        assert!(w[0] <= w[1]);
    }
    for (i, _) in n.text.char_indices() {
        assert!(s.is_char_boundary(n.offsets[i]));
    }
    let spans = find(s);
    let ms = spans
        .iter()
        .find(|x| x.canonical.as_deref() == Some("Microsoft"))
        .unwrap();
    assert_eq!(ms.text, "مايكروسوفتُ", "harakat stay with the name");
    let num = spans.iter().find(|x| x.kind == Kind::Number).unwrap();
    assert_eq!((num.text.as_str(), num.value), ("٣٬٤٠٠", Some(3400.0)));
}

#[test]
fn normalization_folds_what_search_needs() {
    assert_eq!(normalize_str("إنفيديا"), normalize_str("انفيديا"));
    assert_eq!(normalize_str("مستشفى"), normalize_str("مستشفي"));
    assert_eq!(normalize_str("الشركة"), normalize_str("الشركه"));
    assert_eq!(normalize_str("Microsoft"), "microsoft");
    assert_eq!(normalize_str("٢٠٢٥ ۲۰۲۵ ٪ ٫"), "2025 2025 % .");
}

#[test]
fn each_clitic_is_stripped_from_the_span() {
    for c in CLITIC_PREFIXES {
        let text = format!("قال التقرير إن {c}مايكروسوفت تقدمت.");
        let spans = find(&text);
        let ms: Vec<&Span> = spans.iter().filter(|s| s.kind == Kind::Org).collect();
        assert_eq!(ms.len(), 1, "{c}: {spans:?}");
        assert_eq!(ms[0].text, "مايكروسوفت", "clitic {c}");
        assert_eq!(&text[ms[0].start..ms[0].end], "مايكروسوفت");
    }
    assert_eq!(
        names("منح التفوق لإنفيديا", Kind::Org),
        [("إنفيديا".into(), Some("Nvidia".into()))]
    );
    assert_eq!(names("يتيح لـ OpenAI المضي", Kind::Org)[0].0, "OpenAI");
    assert_eq!(names("يتيح لـOpenAI المضي", Kind::Org)[0].0, "OpenAI");
    assert_eq!(names("أعلنت مايكروسوفت وOpenAI", Kind::Org).len(), 2);
    assert_eq!(
        names("وللرياض خطط", Kind::Place)[0].1.as_deref(),
        Some("Riyadh")
    );
}

#[test]
fn a_name_glued_to_a_non_clitic_is_not_a_name() {
    assert!(canonicals("قالت الشركة إنها أبلغت المستثمرين").is_empty());
    assert!(canonicals("زرنا معرض إكسبو للسيارات").is_empty());
    assert!(canonicals("تراجع الاهتمام بالميتافيرس").is_empty());
    assert!(canonicals("اشترى مشتريات من دلتا").is_empty());
    assert_eq!(canonicals("أبلغت أبل المستثمرين"), ["Apple"]);
}

#[test]
fn common_aliases_need_evidence() {
    assert!(canonicals("كان المعلم كريم مع طلابه").is_empty());
    assert_eq!(canonicals("استحوذت أوبر على شركة كريم"), ["Uber", "Careem"]);
    // Licensed by another mention in the same text.
    assert_eq!(
        canonicals("أعلنت شركة كريم عن خدمة جديدة. وقالت كريم إن الخدمة مجانية"),
        ["Careem", "Careem"]
    );
    assert!(canonicals("انتشرت الإبل في الصحراء").is_empty());
    assert!(canonicals("هذا بديل جيد").is_empty());
    assert_eq!(canonicals("أطلقت «ميتا» نظارات"), ["Meta"]);
    assert!(canonicals("وجدوا الطائر ميتا").is_empty());
}

#[test]
fn strict_aliases_need_a_trigger_or_another_mention() {
    assert!(canonicals("كان الماسك بالمظلة ينتظر").is_empty());
    assert_eq!(
        canonicals("قال إيلون ماسك إن ماسك لن يبيع"),
        ["Elon Musk", "Elon Musk"]
    );
    assert_eq!(canonicals("نموذج كلود الجديد"), ["Claude"]);
    assert!(canonicals("لوحة للرسام كلود مونيه").is_empty());
    assert_eq!(
        canonicals("أعلنت أنثروبيك أن كلود صار أسرع"),
        ["Anthropic", "Claude"]
    );
}

#[test]
fn latin_runs_and_trigger_names_are_found_without_canonical() {
    let spans = find("أطلقت الشركة مشروع Stargate وهاتف Mate 70 Pro");
    let latin: Vec<(&str, Kind)> = spans.iter().map(|s| (s.text.as_str(), s.kind)).collect();
    assert_eq!(
        latin,
        [("Stargate", Kind::Product), ("Mate 70 Pro", Kind::Product)]
    );
    let h = find("أعلنت شركة هيوماين وشركة سيركل عن شراكة");
    assert_eq!(h[0].canonical.as_deref(), Some("Humain"));
    assert_eq!(
        (h[1].text.as_str(), h[1].kind, h[1].canonical.as_deref()),
        ("سيركل", Kind::Org, None)
    );
    assert!(find("أعلنت شركة ناشئة وشركة أمريكية ومنصة جديدة").is_empty());
    assert_eq!(
        names("وقعت شركة Humane اتفاقا", Kind::Org),
        [("Humane".into(), None)]
    );
    assert_eq!(canonicals("منصة إكس"), ["X"]);
    let q = find("تمويل من صندوق \"سنابل\" وصندوق «رائد للاستثمار»");
    let got: Vec<(&str, Kind)> = q.iter().map(|s| (s.text.as_str(), s.kind)).collect();
    assert_eq!(got, [("سنابل", Kind::Org), ("رائد للاستثمار", Kind::Org)]);
    // English prose is left alone: only Latin names inside Arabic text count.
    assert!(find("The Company said on Monday").is_empty());
}

#[test]
fn products_carry_their_parent() {
    let s = find("استخدم ChatGPT وواتساب وأزور");
    let parents: Vec<Option<&str>> = s.iter().map(|x| x.parent.as_deref()).collect();
    assert_eq!(parents, [Some("OpenAI"), Some("Meta"), Some("Microsoft")]);
    assert_eq!(
        find("قال تيم كوك")[0].parent,
        None,
        "people carry no company"
    );
}

#[test]
fn figure_digits_and_separators() {
    assert_eq!(
        figure("بلغ 3,400 موظف"),
        (Kind::Number, "3,400".into(), 3400.0)
    );
    assert_eq!(
        figure("بلغ ٣٬٤٠٠ موظف"),
        (Kind::Number, "٣٬٤٠٠".into(), 3400.0)
    );
    assert_eq!(figure("بلغ 35.1 نقطة"), (Kind::Number, "35.1".into(), 35.1));
    assert_eq!(figure("بلغ ٣٫٥ نقطة"), (Kind::Number, "٣٫٥".into(), 3.5));
    assert_eq!(figure("بلغ 42,1 نقطة"), (Kind::Number, "42,1".into(), 42.1));
    assert_eq!(
        figure("بنسبة 6ر22 في المئة"),
        (Kind::Percent, "6ر22 في المئة".into(), 22.6)
    );
    assert_eq!(
        figure("بلغ 1,250,000 مستخدم"),
        (Kind::Number, "1,250,000".into(), 1_250_000.0)
    );
}

#[test]
fn figure_percent_forms() {
    for (text, span) in [
        ("ارتفع 20% أمس", "20%"),
        ("ارتفع %20 أمس", "%20"),
        ("ارتفع ٢٠٪ أمس", "٢٠٪"),
        ("ارتفع 20 في المئة أمس", "20 في المئة"),
        ("ارتفع 20 في المائة أمس", "20 في المائة"),
        ("ارتفع 20 بالمئة أمس", "20 بالمئة"),
        ("ارتفع 20 بالمائة أمس", "20 بالمائة"),
    ] {
        assert_eq!(figure(text), (Kind::Percent, span.into(), 20.0), "{text}");
    }
}

#[test]
fn figure_scale_words_and_currencies() {
    let cases: &[(&str, Kind, &str, f64)] = &[
        ("استثمرت مليار دولار", Kind::Money, "مليار دولار", 1e9),
        ("باعت بملياري دولار", Kind::Money, "ملياري دولار", 2e9),
        (
            "أنفقت 10 مليارات دولار",
            Kind::Money,
            "10 مليارات دولار",
            1e10,
        ),
        ("بقيمة 300 مليار دولار", Kind::Money, "300 مليار دولار", 3e11),
        ("بلغت 5 ملايين يورو", Kind::Money, "5 ملايين يورو", 5e6),
        ("بلغت 3 آلاف ريال", Kind::Money, "3 آلاف ريال", 3e3),
        ("بلغت 2 تريليون ين", Kind::Money, "2 تريليون ين", 2e12),
        (
            "دفع 45 مليون ريال سعودي",
            Kind::Money,
            "45 مليون ريال سعودي",
            4.5e7,
        ),
        ("دفع 100 دولار أمريكي", Kind::Money, "100 دولار أمريكي", 100.0),
        ("دفع 70 درهما", Kind::Money, "70 درهما", 70.0),
        ("دفع 7 جنيهات", Kind::Money, "7 جنيهات", 7.0),
        ("دفع 9 دنانير", Kind::Money, "9 دنانير", 9.0),
        ("دفع 8 يوان", Kind::Money, "8 يوان", 8.0),
        ("دفع $20 شهريا", Kind::Money, "$20", 20.0),
        ("دفع 20$ شهريا", Kind::Money, "20$", 20.0),
        ("دفع €5 شهريا", Kind::Money, "€5", 5.0),
        ("دفع £5 شهريا", Kind::Money, "£5", 5.0),
        ("جمعت ثلاثة ملايين دولار", Kind::Money, "ثلاثة ملايين دولار", 3e6),
        ("يضم مليون مستخدم", Kind::Number, "مليون", 1e6),
        (
            "استثمرت مليار دولار ثم ١٠ مليارات أخرى",
            Kind::Money,
            "",
            0.0,
        ),
    ];
    for (text, kind, span, value) in cases {
        if span.is_empty() {
            let s = find(text);
            assert!(
                s.len() == 2 && s.iter().all(|x| x.kind == Kind::Money),
                "{text}: {s:?}"
            );
            continue;
        }
        assert_eq!(figure(text), (*kind, (*span).into(), *value), "{text}");
    }
}

#[test]
fn figure_approximations_and_ranges() {
    for (text, span, value) in [
        ("يبلغ نحو 20 مليون", "نحو 20 مليون", 2e7),
        ("يبلغ حوالي 20 مليون", "حوالي 20 مليون", 2e7),
        ("يبلغ أكثر من 20 مليون", "أكثر من 20 مليون", 2e7),
        ("يبلغ أقل من 20 مليون", "أقل من 20 مليون", 2e7),
        ("يبلغ قرابة 20 مليون", "قرابة 20 مليون", 2e7),
        ("يقدر بنحو 20 مليون", "نحو 20 مليون", 2e7),
    ] {
        assert_eq!(figure(text), (Kind::Number, span.into(), value), "{text}");
    }
    assert_eq!(
        figure("صفقة بين 20 و30 مليار دولار"),
        (Kind::Money, "بين 20 و30 مليار دولار".into(), 2e10)
    );
    assert_eq!(
        figure("نمو 13 إلى 16%"),
        (Kind::Percent, "13 إلى 16%".into(), 13.0)
    );
}

#[test]
fn figure_dates() {
    for (text, span, value) in [
        ("استثمرت عام 2019 فقط", "عام 2019", 2019.0),
        ("تأسست 2004م في دبي", "2004م", 2004.0),
        ("وقعت في يوليو 2025 اتفاقا", "يوليو 2025", 2025.0),
        ("وقعت في 15 يوليو 2025 اتفاقا", "15 يوليو 2025", 2025.0),
        (
            "يبدأ في كانون الثاني 2026 رسميا",
            "كانون الثاني 2026",
            2026.0,
        ),
        ("رؤية حتى ٢٠٣٠ طموحة", "٢٠٣٠", 2030.0),
        ("في مطلع 2023 بدأ", "2023", 2023.0),
    ] {
        assert_eq!(figure(text), (Kind::Date, span.into(), value), "{text}");
    }
    assert_eq!(
        figure("وظفت نحو 2000 مهندس"),
        (Kind::Number, "نحو 2000".into(), 2000.0)
    );
}

#[test]
fn model_numbers_are_not_figures() {
    for text in ["أطلقت GPT-4 أمس", "شبكات 5G سريعة", "هاتف S25 الجديد"]
    {
        assert!(
            find(text).iter().all(|s| !s.kind.is_figure()),
            "{text}: {:?}",
            find(text)
        );
    }
}

#[test]
fn resolve_and_arabic_name() {
    let r = rec();
    for q in [
        "مايكروسوفت",
        "microsoft",
        "MICROSOFT",
        "ميكروسوفت",
        "Microsoft",
    ] {
        assert_eq!(r.resolve(q).as_deref(), Some("Microsoft"), "{q}");
    }
    assert_eq!(r.resolve("إنفيديا").as_deref(), Some("Nvidia"));
    assert_eq!(r.resolve("انفيديا").as_deref(), Some("Nvidia"));
    assert_eq!(r.resolve("chatgpt").as_deref(), Some("ChatGPT"));
    assert_eq!(r.resolve("شركة لا وجود لها"), None);
    assert_eq!(r.arabic_name("Microsoft").as_deref(), Some("مايكروسوفت"));
    assert_eq!(r.arabic_name("Nobody"), None);
}

#[test]
fn version_changes_with_the_user_gazetteer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazetteer.toml");
    let base = Recognizer::load(None).unwrap().version();
    assert_eq!(
        base,
        Recognizer::load(Some(&path)).unwrap().version(),
        "missing file = none"
    );
    std::fs::write(
        &path,
        "[[entity]]\nid = \"acme\"\nkind = \"org\"\nname = \"Acme\"\naliases = [\"أكمي\"]\n",
    )
    .unwrap();
    let with = Recognizer::load(Some(&path)).unwrap();
    assert_ne!(with.version(), base);
    assert_eq!(canonicals_with(&with, "أعلنت أكمي أرباحها"), ["Acme"]);
    std::fs::write(
        &path,
        "[[entity]]\nid = \"acme\"\nkind = \"firm\"\nname = \"Acme\"\n",
    )
    .unwrap();
    let err = Recognizer::load(Some(&path))
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(
        err.contains("gazetteer.toml:1") && err.contains("kind"),
        "{err}"
    );
}

fn canonicals_with(r: &Recognizer, text: &str) -> Vec<String> {
    r.find(text)
        .into_iter()
        .filter_map(|s| s.canonical)
        .collect()
}

#[test]
fn seed_article_finds_everything_the_issue_names() {
    let text = include_str!("../fixtures/entities/seed-article-microsoft-openai.txt");
    let spans = find(text);
    let count = |c: &str| {
        spans
            .iter()
            .filter(|s| s.canonical.as_deref() == Some(c))
            .count()
    };
    assert_eq!(count("Microsoft"), text.matches("مايكروسوفت").count());
    assert_eq!(count("OpenAI"), text.matches("OpenAI").count());
    for c in [
        "Oracle",
        "Google",
        "Azure",
        "ChatGPT",
        "Stargate",
        "Bret Taylor",
        "California",
        "Delaware",
    ] {
        assert!(count(c) >= 1, "{c}");
    }
    let values: Vec<f64> = spans.iter().filter_map(|s| s.value).collect();
    for v in [1e9, 1e10, 3e11, 1e11, 20.0, 5e11, 2019.0, 2023.0] {
        assert!(values.contains(&v), "{v} in {values:?}");
    }
}

#[test]
fn arabic_product_names_grow_over_model_numbers_not_counts() {
    let spans = find("اشترى آيفون 16 برو ماكس ويستخدم يوتيوب 2 مليار شخص");
    let got: Vec<(&str, Kind)> = spans.iter().map(|s| (s.text.as_str(), s.kind)).collect();
    assert_eq!(
        got,
        [
            ("آيفون 16 برو ماكس", Kind::Product),
            ("يوتيوب", Kind::Product),
            ("2 مليار", Kind::Number)
        ]
    );
}

#[test]
fn a_name_between_a_speech_verb_and_a_title_is_a_person() {
    let s = find("وقال أحمد المطيري، الرئيس التنفيذي للشركة، إن النمو قوي");
    assert_eq!(
        (s[0].text.as_str(), s[0].kind, s[0].canonical.as_deref()),
        ("أحمد المطيري", Kind::Person, None)
    );
    assert!(find("وقال المتحدث باسم الشركة، الذي رفض ذكر اسمه، إن").is_empty());
    assert!(find("وبحسب مذكرة من الإدارة، رئيس المجلس").is_empty());
}

/// `akhbar entities --json` streams paragraph by paragraph: offsets stay those of the whole
/// input, across paragraphs and through stdin, and every span's text is the input at them.
#[test]
fn entities_command_streams_with_whole_input_offsets() {
    let env = crate::support::Env::new();
    let para = "قال المهندس حازم متولي، الرئيس التنفيذي لشركة اتصالات مصر، إن الاستثمارات بلغت نحو 37 مليار جنيه في 15 يوليو 2025.\n\n";
    let text = para.repeat(200);
    let file = env.write("news.txt", &text);
    let out = env.run(&["entities", "--json", crate::support::path_str(&file)]);
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    let spans = crate::support::json_lines(&out);
    assert_eq!(
        spans.len(),
        200 * 4,
        "person, org, money and date in each paragraph"
    );
    for s in &spans {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap(), "{s}");
    }
    let last = spans.last().unwrap();
    assert_eq!(last["kind"], "date");
    assert_eq!(last["canonical"], "2025-07-15");
    assert!(last["start"].as_u64().unwrap() as usize > text.len() - para.len());
    // The same through stdin, marked for a human reader.
    let mut child = env
        .cmd()
        .arg("entities")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(para.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let marked = crate::support::stdout(&out);
    assert!(marked.contains("[حازم متولي](person)"), "{marked}");
    assert!(
        marked.contains("[15 يوليو 2025](date: 2025-07-15)"),
        "{marked}"
    );
}
