//! Test data for the reader: a real SQLite store filled with Arabic tech-news articles and the
//! entity spans a recognizer would store for them (inserted here, so the screens do not depend
//! on the state of the recognizer).
#![allow(dead_code, clippy::unwrap_used)]

use akhbar::entities::{Kind, Recognizer, Span};
use akhbar::feed::fetch::Validators;
use akhbar::feed::{FeedSource, NewArticle};
use akhbar::store::{FeedMeta, Field, Ingest, Store};
use akhbar::tui::state::State;
use akhbar::tui::sync::SyncRuntime;
use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The clock of every screen in the tests.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 15, 12, 0, 0).unwrap()
}

/// A mention to mark: every occurrence of `needle` in the title and body.
pub struct Mark {
    pub needle: &'static str,
    pub kind: Kind,
    pub canonical: Option<&'static str>,
    pub parent: Option<&'static str>,
    pub value: Option<f64>,
}

const fn org(needle: &'static str, canonical: &'static str) -> Mark {
    Mark {
        needle,
        kind: Kind::Org,
        canonical: Some(canonical),
        parent: None,
        value: None,
    }
}
const fn product(needle: &'static str, canonical: &'static str, parent: &'static str) -> Mark {
    Mark {
        needle,
        kind: Kind::Product,
        canonical: Some(canonical),
        parent: Some(parent),
        value: None,
    }
}
const fn person(needle: &'static str, canonical: &'static str) -> Mark {
    Mark {
        needle,
        kind: Kind::Person,
        canonical: Some(canonical),
        parent: None,
        value: None,
    }
}
const fn place(needle: &'static str, canonical: &'static str) -> Mark {
    Mark {
        needle,
        kind: Kind::Place,
        canonical: Some(canonical),
        parent: None,
        value: None,
    }
}
const fn figure(needle: &'static str, kind: Kind, value: f64) -> Mark {
    Mark {
        needle,
        kind,
        canonical: None,
        parent: None,
        value: Some(value),
    }
}

pub struct Sample {
    pub feed: usize,
    pub title: &'static str,
    pub body: &'static str,
    pub author: Option<&'static str>,
    pub minutes_ago: i64,
    pub marks: &'static [Mark],
}

pub const FEEDS: &[(&str, &str)] = &[
    (
        "https://feeds.example.net/ait.xml",
        "البوابة العربية للأخبار التقنية",
    ),
    ("https://feeds.example.net/techwd.xml", "عالم التقنية"),
    (
        "https://feeds.example.net/wire.xml",
        "وكالة الأنباء — تكنولوجيا",
    ),
];

pub const SAMPLES: &[Sample] = &[
    Sample {
        feed: 0,
        title: "مايكروسوفت تستثمر 80 مليار دولار في مراكز بيانات الذكاء الاصطناعي خلال 2025",
        body: "أعلنت شركة مايكروسوفت أنها تعتزم إنفاق نحو 80 مليار دولار خلال السنة المالية 2025 على بناء مراكز بيانات قادرة على تدريب نماذج الذكاء الاصطناعي وتشغيلها.\nوقال براد سميث، نائب رئيس مجلس إدارة مايكروسوفت، إن أكثر من نصف هذا المبلغ سيُنفق داخل الولايات المتحدة، في حين تتوزع البقية على أسواق في أوروبا والشرق الأوسط.\nوتأتي الخطوة بعد أن ارتفعت إيرادات منصة Azure السحابية بنسبة 35% في الربع الأخير، مدفوعة بالطلب على خدمات OpenAI التي تستضيفها الشركة.",
        author: Some("فريق التحرير"),
        minutes_ago: 25,
        marks: &[
            org("مايكروسوفت", "Microsoft"),
            figure("80 مليار دولار", Kind::Money, 8e10),
            figure("2025", Kind::Date, 2025.0),
            person("براد سميث", "Brad Smith"),
            place("الولايات المتحدة", "United States"),
            product("Azure", "Azure", "Microsoft"),
            figure("35%", Kind::Percent, 35.0),
            org("OpenAI", "OpenAI"),
        ],
    },
    Sample {
        feed: 1,
        title: "OpenAI تطلق نموذج GPT-5 للمطورين وتخفض أسعار الواجهة البرمجية",
        body: "أطلقت OpenAI نموذجها الجديد GPT-5 لجميع المطورين عبر واجهتها البرمجية، مع خفض سعر المليون رمز بنسبة 50% مقارنة بالجيل السابق.\nوقال سام ألتمان، الرئيس التنفيذي للشركة، إن النموذج متاح أيضًا في ChatGPT لمشتركي الخطط المدفوعة.",
        author: None,
        minutes_ago: 95,
        marks: &[
            org("OpenAI", "OpenAI"),
            product("GPT-5", "GPT-5", "OpenAI"),
            figure("50%", Kind::Percent, 50.0),
            person("سام ألتمان", "Sam Altman"),
            product("ChatGPT", "ChatGPT", "OpenAI"),
        ],
    },
    Sample {
        feed: 2,
        title: "أمازون تعلن استثمار 5.3 مليار دولار لإنشاء منطقة سحابية في السعودية",
        body: "أعلنت أمازون ويب سيرفيسز عن خطة لاستثمار 5.3 مليار دولار في المملكة العربية السعودية لإنشاء منطقة بنية تحتية سحابية جديدة تبدأ العمل في عام 2026.\nوتضم المنطقة ثلاث مناطق توافر في البداية، وتستهدف الجهات الحكومية والشركات الناشئة في الرياض وجدة.",
        author: Some("الرياض — وكالات"),
        minutes_ago: 180,
        marks: &[
            org("أمازون", "Amazon"),
            figure("5.3 مليار دولار", Kind::Money, 5.3e9),
            place("السعودية", "Saudi Arabia"),
            place("المملكة العربية السعودية", "Saudi Arabia"),
            figure("عام 2026", Kind::Date, 2026.0),
            place("الرياض", "Riyadh"),
            place("جدة", "Jeddah"),
        ],
    },
    Sample {
        feed: 0,
        title: "مايكروسوفت وOpenAI توسعان شراكتهما في الحوسبة السحابية حتى 2030",
        body: "وقّعت مايكروسوفت وOpenAI اتفاقًا جديدًا يمدّد حق مايكروسوفت في استخدام نماذج OpenAI حتى عام 2030، ويمنح OpenAI قدرة حوسبة إضافية على Azure.\nوتملك مايكروسوفت حصة تقارب 27% في الذراع الربحية لـ OpenAI بعد إعادة هيكلتها.",
        author: None,
        minutes_ago: 60 * 26,
        marks: &[
            org("مايكروسوفت", "Microsoft"),
            org("OpenAI", "OpenAI"),
            figure("2030", Kind::Date, 2030.0),
            product("Azure", "Azure", "Microsoft"),
            figure("27%", Kind::Percent, 27.0),
        ],
    },
    Sample {
        feed: 1,
        title: "آبل تكشف عن iPhone 17 بسعر يبدأ من 799 دولارًا",
        body: "كشفت آبل خلال مؤتمرها السنوي في كوبرتينو عن هواتف iPhone 17 الجديدة، بسعر يبدأ من 799 دولارًا للطراز الأساسي.\nوقال تيم كوك إن الهواتف الجديدة تعمل بشريحة أسرع بنسبة 20% وتدعم ميزات الذكاء الاصطناعي باللغة العربية.",
        author: Some("محمد الأحمد"),
        minutes_ago: 60 * 50,
        marks: &[
            org("آبل", "Apple"),
            product("iPhone 17", "iPhone", "Apple"),
            figure("799 دولارًا", Kind::Money, 799.0),
            place("كوبرتينو", "Cupertino"),
            person("تيم كوك", "Tim Cook"),
            figure("20%", Kind::Percent, 20.0),
        ],
    },
    Sample {
        feed: 2,
        title: "هواوي تفتتح مركزًا للبحث والتطوير في دبي بتكلفة 100 مليون دولار",
        body: "افتتحت هواوي مركزًا إقليميًا للبحث والتطوير في دبي بتكلفة 100 مليون دولار، يعمل فيه نحو 300 مهندس.\nويركّز المركز على شبكات الجيل الخامس والحوسبة السحابية.",
        author: None,
        minutes_ago: 60 * 24 * 4,
        marks: &[
            org("هواوي", "Huawei"),
            place("دبي", "Dubai"),
            figure("100 مليون دولار", Kind::Money, 1e8),
            figure("300", Kind::Number, 300.0),
        ],
    },
    Sample {
        feed: 0,
        title: "ساتيا ناديلا: Copilot أصبح يُستخدم في 70% من شركات قائمة فورتشن 500",
        body: "قال ساتيا ناديلا، الرئيس التنفيذي لمايكروسوفت، إن مساعد Copilot بات مستخدمًا في 70% من شركات قائمة فورتشن 500.\nوأضاف أن عدد المستخدمين النشطين شهريًا تجاوز 100 مليون مستخدم.",
        author: None,
        minutes_ago: 60 * 24 * 9,
        marks: &[
            person("ساتيا ناديلا", "Satya Nadella"),
            product("Copilot", "Copilot", "Microsoft"),
            figure("70%", Kind::Percent, 70.0),
            org("مايكروسوفت", "Microsoft"),
            figure("100 مليون", Kind::Number, 1e8),
        ],
    },
    Sample {
        feed: 1,
        title: "جوجل تطلق Gemini باللغة العربية بلهجات خليجية ومصرية",
        body: "أطلقت جوجل دعم اللهجات الخليجية والمصرية في مساعدها Gemini، في خطوة تستهدف أكثر من 400 مليون متحدث بالعربية.",
        author: None,
        minutes_ago: 60 * 24 * 12,
        marks: &[
            org("جوجل", "Google"),
            product("Gemini", "Gemini", "Google"),
            figure("400 مليون", Kind::Number, 4e8),
        ],
    },
];

/// Arabic display names for the companies in the samples.
pub fn arabic_name(canonical: &str) -> Option<String> {
    Some(
        match canonical {
            "Microsoft" => "مايكروسوفت",
            "OpenAI" => "أوبن إيه آي",
            "Amazon" => "أمازون",
            "Apple" => "آبل",
            "Huawei" => "هواوي",
            "Google" => "جوجل",
            _ => return None,
        }
        .to_string(),
    )
}

fn spans_in(text: &str, marks: &[Mark]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for m in marks {
        for (start, found) in text.match_indices(m.needle) {
            let end = start + found.len();
            // Keep the longest mention where two overlap («السعودية» inside «المملكة العربية السعودية»).
            if out
                .iter()
                .any(|s| s.start < end && start < s.end && s.end - s.start >= end - start)
            {
                continue;
            }
            out.retain(|s| !(s.start < end && start < s.end));
            out.push(Span {
                kind: m.kind,
                start,
                end,
                text: found.to_string(),
                canonical: m.canonical.map(str::to_string),
                parent: m.parent.map(str::to_string),
                value: m.value,
            });
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Fill `store` with the samples (`copies` times each, newest first).
pub fn fill(store: &mut Store, copies: usize) {
    let sources: Vec<FeedSource> = FEEDS
        .iter()
        .map(|(url, title)| FeedSource {
            url: url.to_string(),
            title: Some(title.to_string()),
            language: Some("ar".into()),
            tags: vec![],
        })
        .collect();
    store.add_feeds(&sources).unwrap();
    let feeds = store.feeds().unwrap();
    for (fi, (url, title)) in FEEDS.iter().enumerate() {
        let feed_id = feeds.iter().find(|f| f.url == *url).unwrap().id;
        let mut items = Vec::new();
        for copy in 0..copies {
            for (i, s) in SAMPLES.iter().enumerate().filter(|(_, s)| s.feed == fi) {
                let guid = format!("{url}#{i}-{copy}");
                let published =
                    now() - chrono::Duration::minutes(s.minutes_ago + copy as i64 * 600);
                let article = NewArticle {
                    guid: guid.clone(),
                    title: s.title.to_string(),
                    link: Some(format!("https://news.example.net/{fi}/{i}/{copy}")),
                    published: Some(published),
                    author: s.author.map(str::to_string),
                    categories: vec!["تقنية".into()],
                    summary: s.body.lines().next().unwrap_or("").to_string(),
                    content: s.body.to_string(),
                    language: Some("ar".into()),
                    links: Vec::new(),
                };
                let mut spans: Vec<(Field, Span)> = Vec::new();
                spans.extend(
                    spans_in(s.title, s.marks)
                        .into_iter()
                        .map(|sp| (Field::Title, sp)),
                );
                spans.extend(
                    spans_in(&article.summary, s.marks)
                        .into_iter()
                        .map(|sp| (Field::Summary, sp)),
                );
                spans.extend(
                    spans_in(s.body, s.marks)
                        .into_iter()
                        .map(|sp| (Field::Content, sp)),
                );
                items.push(Ingest::new(article, guid, Some(spans)));
            }
        }
        let meta = FeedMeta {
            title: Some(title.to_string()),
            link: None,
            language: Some("ar".into()),
            validators: Validators::default(),
        };
        store.write_fetch(feed_id, &meta, &items, "test").unwrap();
    }
}

/// A store at `path` filled with the samples.
pub fn store_at(path: &std::path::Path, copies: usize) -> Store {
    let mut store = Store::open(path).unwrap();
    fill(&mut store, copies);
    store
}

/// A reader over `store` at `width`×`height`, with the first list loaded.
pub fn reader(store: Store, width: u16, height: u16) -> (State, SyncRuntime) {
    let (mut state, mut rt) = reader_without_list(store, width, height);
    rt.start(&mut state);
    (state, rt)
}

/// A reader `width`×`height` over a fresh store of the sample articles (kept alive by the dir).
pub fn filled(
    width: u16,
    height: u16,
) -> (
    akhbar::tui::state::State,
    akhbar::tui::sync::SyncRuntime,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let store = store_at(&dir.path().join("t.db"), 1);
    let (state, rt) = reader(store, width, height);
    (state, rt, dir)
}

/// The Arabic interface: Arabic-Indic digits, dates on UTC (as `auto` gives for `ar_EG`).
pub fn arabic() -> std::sync::Arc<akhbar::i18n::Localizer> {
    use akhbar::i18n::{Digits, Language, Locale, Localizer, Zone};
    let locale = Locale {
        language: Language::Arabic,
        region: Some("EG".into()),
    };
    std::sync::Arc::new(Localizer::new(locale, Digits::ArabicIndic, Zone::Utc))
}

/// `filled`, with the interface in `l10n`'s language.
pub fn filled_in(
    width: u16,
    height: u16,
    l10n: std::sync::Arc<akhbar::i18n::Localizer>,
) -> (State, SyncRuntime, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = store_at(&dir.path().join("t.db"), 1);
    let (mut state, mut rt) = reader_without_list(store, width, height);
    state.l10n = l10n;
    rt.start(&mut state);
    (state, rt, dir)
}

/// A reader over `store`, nothing asked of the store yet.
pub fn reader_without_list(store: Store, width: u16, height: u16) -> (State, SyncRuntime) {
    let mut state = State::new(
        akhbar::tui::keys::Keymap::defaults(),
        akhbar::view::theme::Theme::defaults(),
        akhbar::text::LayoutOptions {
            direction: akhbar::text::Direction::Auto,
            bidi: akhbar::text::BidiMode::App,
            shape: false,
        },
        now(),
    );
    state.size = (width, height);
    let mut rt = SyncRuntime::new(store, Recognizer::load(None).unwrap());
    rt.names = Box::new(arabic_name);
    (state, rt)
}

/// How `logical` shows on screen in an RTL paragraph (bidi = app, no shaping): for finding a
/// phrase in a screen dump.
pub fn visual(logical: &str) -> String {
    let opts = akhbar::text::LayoutOptions {
        direction: akhbar::text::Direction::Rtl,
        bidi: akhbar::text::BidiMode::App,
        shape: false,
    };
    let p = akhbar::text::PreparedParagraph::new(logical, &[], Default::default(), &opts);
    p.lines(1000)
        .iter()
        .map(akhbar::text::line_to_plain)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The screen as text.
pub fn screen(state: &State) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(state.size.0, state.size.1)).unwrap();
    term.draw(|f| akhbar::tui::ui::draw(f, state)).unwrap();
    term
}

/// The screen's rows as strings (for assertions that read it).
pub fn rows(term: &Terminal<TestBackend>) -> Vec<String> {
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// Links as an article's HTML gives them: Arabic words, English words, and words carrying
/// an escape sequence and a bidi override (which must never reach the terminal).
pub fn sample_links() -> Vec<akhbar::feed::Link> {
    let link = |text: &str, url: &str| akhbar::feed::Link {
        text: text.into(),
        url: url.into(),
    };
    vec![
        link(
            "بيان مايكروسوفت الرسمي",
            "https://news.microsoft.com/ar-xm/2025/",
        ),
        link(
            "Azure pricing",
            "https://azure.microsoft.com/en-us/pricing/",
        ),
        link(
            "evil\u{1b}[31m red \u{202e}txt.exe",
            "https://example.com/a?b=1",
        ),
    ]
}

/// Keep `links` with the first headline's article and show it again (previews come from the
/// store, so the reader sees them as it would after a fetch).
pub fn give_links(state: &mut State, rt: &mut SyncRuntime, links: &[akhbar::feed::Link]) {
    use akhbar::tui::action::Msg;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let id = state.rows[0].id;
    rt.store.add_links(id, links).unwrap();
    for c in ['j', 'k'] {
        rt.send(
            state,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    assert_eq!(
        state.article.as_ref().map(|a| a.article.links.len()),
        Some(links.len())
    );
}
