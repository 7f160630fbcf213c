//! Full articles from real-shaped Arabic news pages, served on 127.0.0.1 and fetched with the
//! real client: exactly the article's paragraphs, the page's charset honoured, the page fetched
//! once, failures leaving the feed text in place.
#![allow(clippy::unwrap_used)]

use akhbar::entities::Recognizer;
use akhbar::feed::NewArticle;
use akhbar::feed::extract::extract_article;
use akhbar::feed::fetch::{FetchConfig, Fetcher};
use akhbar::fulltext::{fetch_and_extract, fetch_full};
use akhbar::store::{FeedMeta, Ingest, Store, Writer};
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const SAMSUNG: &str = include_str!("../fixtures/pages/samsung-hbm4.html");
const STC_1256: &[u8] = include_bytes!("../fixtures/pages/stc-windows-1256.html");

fn samsung_paragraphs() -> Vec<&'static str> {
    vec![
        "أعلنت شركة سامسونج للإلكترونيات الكورية الجنوبية، اليوم الثلاثاء، أنها بدأت شحن أولى دفعات ذاكرة النطاق الترددي العالي من الجيل الرابع HBM4 إلى شركة Nvidia الأمريكية، بموجب عقد تقدّر قيمته بنحو 4.2 مليار دولار يمتد حتى نهاية عام 2027.",
        "وقالت الشركة في بيان إن الرقائق الجديدة، المصنوعة بتقنية 10 نانومتر من الجيل السادس، توفر عرض نطاق يصل إلى 2 تيرابايت في الثانية لكل حزمة، بزيادة ٦٠٪ عن الجيل السابق HBM3E، مع خفض استهلاك الطاقة بنسبة 30 في المئة.",
        "[image: رقاقة ذاكرة HBM4 من سامسونج خلال عرضها في سيول]",
        "ويأتي الاتفاق بعد أشهر من اختبارات التأهيل التي أجرتها Nvidia على عينات سامسونج، إذ كانت منافستها المحلية SK hynix قد استحوذت على الحصة الأكبر من طلبيات الذاكرة المخصصة لمسرّعات الذكاء الاصطناعي خلال العامين الماضيين.",
        "سباق على رقائق مراكز البيانات",
        "وارتفع سهم سامسونج في بورصة سيول بنسبة 4.8% عقب الإعلان، ليصل إلى 78,400 وون، وهو أعلى مستوى له منذ يوليو 2024، فيما قدّر محللون في «كيوم للأوراق المالية» أن تضيف الصفقة نحو ٣٫٥ تريليون وون إلى أرباح قطاع أشباه الموصلات في العام المقبل.",
        "وقال جون يونغ هيون، رئيس قطاع الحلول الرقمية في سامسونج، إن الشركة «تستهدف مضاعفة طاقتها الإنتاجية من ذاكرة HBM بحلول منتصف 2027»، مشيرا إلى أن مصنع بيونغتيك سيتولى الجزء الأكبر من الإنتاج.",
        "ومن المنتظر أن تدخل الذاكرة الجديدة في منصة Nvidia المقبلة لمراكز البيانات، التي تعتمد عليها شركات مثل Microsoft وGoogle وأمازون في تدريب نماذج الذكاء الاصطناعي الضخمة.",
    ]
}

fn stc_paragraphs() -> Vec<&'static str> {
    vec![
        "وقعت مجموعة stc السعودية اتفاقية مع شركة هواوي الصينية لنشر شبكات الجيل الخامس المتقدم 5.5G في 12 مدينة بالمملكة، ضمن خطة استثمارية تبلغ قيمتها 3.5 مليار ريال على مدى ثلاث سنوات.",
        "وأوضحت المجموعة في بيان نشرته على موقع السوق المالية السعودية «تداول» أن المرحلة الأولى من المشروع تشمل الرياض وجدة والدمام، على أن تكتمل بحلول الربع الأخير من عام 2027.",
        "وقال الرئيس التنفيذي للمجموعة إن الشبكة الجديدة ستوفر سرعات تصل إلى 10 غيغابت في الثانية، وستدعم تطبيقات المدن الذكية والمصانع المؤتمتة ضمن مستهدفات رؤية 2030.",
        "وتستحوذ stc على نحو 65 في المئة من سوق الاتصالات المتنقلة في المملكة، فيما ارتفع سهمها 1.2% في تعاملات اليوم إلى 42.80 ريال.",
    ]
}

struct Server {
    base: String,
    samsung_hits: Arc<AtomicUsize>,
}

async fn serve() -> Server {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    let app = Router::new()
        .route(
            "/2026/10/samsung-hbm4",
            get(move || {
                let counter = Arc::clone(&counter);
                async move {
                    counter.fetch_add(1, Ordering::SeqCst);
                    (
                        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                        SAMSUNG,
                    )
                }
            }),
        )
        // Old sites declare windows-1256 only in the page's <meta>.
        .route(
            "/news/2210",
            get(|| async { ([(header::CONTENT_TYPE, "text/html")], STC_1256) }),
        )
        .route(
            "/news/2210-charset",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html; charset=windows-1256")],
                    STC_1256,
                )
            }),
        )
        .route(
            "/report.pdf",
            get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.7") }),
        )
        .route(
            "/gone",
            get(|| async { (StatusCode::NOT_FOUND, "not found").into_response() }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        base: format!("http://{addr}"),
        samsung_hits: hits,
    }
}

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: Duration::from_secs(10),
        ..FetchConfig::default()
    })
    .unwrap()
}

#[test]
fn the_article_and_nothing_else() {
    let e = extract_article(SAMSUNG, "https://tech.akhbar.invalid/2026/10/samsung-hbm4").unwrap();
    assert_eq!(e.paragraphs, samsung_paragraphs());
    assert_eq!(
        e.title,
        "سامسونج تبدأ شحن ذاكرة HBM4 إلى Nvidia بعقد قيمته 4.2 مليار دولار"
    );
    assert_eq!(e.byline.as_deref(), Some("ريم الحربي"));
    assert!(e.rtl);
    let text = e.text();
    for noise in [
        "شارك",
        "اقرأ أيضًا",
        "TSMC",
        "الوسوم",
        "مقالات ذات صلة",
        "التعليقات",
        "أبو فهد",
        "الأكثر قراءة",
        "النشرة",
        "إعلان ممول",
        "الرئيسية",
        "جميع الحقوق",
        "dataLayer",
        "gtag",
    ] {
        assert!(!text.contains(noise), "{noise:?} leaked into the article");
    }
}

/// Another common layout: `lang` without `dir`, a captioned image without alt, a "read also"
/// box and a video inside the body, and a list that belongs to the story (its items marked
/// as the feed walker marks them: one walker for feeds and pages).
#[test]
fn related_boxes_inside_the_body_are_dropped_and_lists_kept() {
    let html = include_str!("../fixtures/pages/meta-glasses-lang-only.html");
    let e = extract_article(html, "https://news.akhbar.invalid/technology/8800").unwrap();
    assert_eq!(
        e.paragraphs,
        vec![
            "[image: نظارات Ray-Ban Meta خلال عرضها في دبي]",
            "أطلقت شركة ميتا نظاراتها الذكية Ray-Ban Meta رسميا في الإمارات والسعودية، مع دعم للأوامر الصوتية باللغة العربية عبر المساعد Meta AI، وذلك بالشراكة مع مجموعة EssilorLuxottica المصنعة لنظارات Ray-Ban.",
            "ويبدأ سعر النظارات في الإمارات من 1,299 درهما، وفي السعودية من 1,349 ريالا، وتتوفر عبر متاجر النظارات الكبرى والمتاجر الإلكترونية بدءا من 10 نوفمبر 2026.",
            "وتتيح النظارات التقاط الصور ومقاطع الفيديو بدقة 3K، وإجراء المكالمات، وترجمة المحادثات بين العربية والإنجليزية بشكل فوري، إضافة إلى وصف ما يراه المستخدم عبر الكاميرا المدمجة.",
            "فيديو: كيف تعمل الترجمة الفورية في النظارات",
            "وأبرز ما تقدمه النسخة العربية من المساعد:",
            "• فهم الأوامر باللهجات الخليجية والمصرية والشامية.",
            "• قراءة الرسائل الواردة من واتساب وماسنجر بصوت عربي.",
            "• التعرف على المعالم والنصوص المكتوبة بالعربية.",
            "وقالت ميتا إن مبيعات النظارات عالميا تجاوزت ٢ مليون وحدة منذ إطلاق الجيل الثاني، وإن حصتها من سوق النظارات الذكية تبلغ نحو 73% وفق تقديرات شركة Counterpoint.",
        ]
    );
    assert_eq!(
        e.title,
        "ميتا تطلق نظارات Ray-Ban Meta الذكية بالعربية في الإمارات والسعودية"
    );
    assert!(e.rtl, "lang=\"ar-AE\" alone makes the page right-to-left");
}

#[tokio::test]
async fn fetched_pages_honour_their_charset() {
    let server = serve().await;
    let f = fetcher();
    let e = fetch_and_extract(&f, &format!("{}/2026/10/samsung-hbm4", server.base))
        .await
        .unwrap();
    assert_eq!(e.paragraphs, samsung_paragraphs());
    for path in ["/news/2210", "/news/2210-charset"] {
        let e = fetch_and_extract(&f, &format!("{}{path}", server.base))
            .await
            .unwrap_or_else(|err| panic!("{path}: {err}"));
        assert_eq!(e.paragraphs, stc_paragraphs(), "{path}");
        assert_eq!(
            e.title,
            "stc توقع اتفاقية مع هواوي لنشر شبكات الجيل الخامس المتقدم"
        );
        assert!(e.rtl, "{path}: the page says dir=\"rtl\"");
    }
}

#[tokio::test]
async fn failures_are_one_line_reasons() {
    let server = serve().await;
    let f = fetcher();
    let gone = fetch_and_extract(&f, &format!("{}/gone", server.base))
        .await
        .unwrap_err()
        .to_string();
    assert!(gone.contains("HTTP 404"), "{gone}");
    let pdf = fetch_and_extract(&f, &format!("{}/report.pdf", server.base))
        .await
        .unwrap_err()
        .to_string();
    assert!(pdf.contains("not a web page (application/pdf)"), "{pdf}");
    let refused = fetch_and_extract(&f, "http://127.0.0.1:9/closed-port")
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.starts_with("cannot fetch the page"), "{refused}");
    for err in [gone, pdf, refused] {
        assert!(!err.contains('\n'), "{err:?} is not one line");
    }
}

/// A store with one feed and one teaser article linking to `link`; returns it and the id.
fn store_with_article(dir: &tempfile::TempDir, link: &str) -> (Store, i64) {
    let mut store = Store::open(&dir.path().join("akhbar.db")).unwrap();
    let feed_url = "https://aitnews.example/feed/";
    store
        .add_feeds(&[akhbar::feed::FeedSource {
            url: feed_url.into(),
            title: Some("البوابة التقنية".into()),
            language: Some("ar".into()),
            tags: vec![],
        }])
        .unwrap();
    let feed_id = store.feed_by_url(feed_url).unwrap().unwrap().id;
    let article = NewArticle {
        guid: link.into(),
        title: "سامسونج تبدأ شحن ذاكرة HBM4 إلى Nvidia".into(),
        link: Some(link.into()),
        summary: "أعلنت سامسونج أنها بدأت شحن ذاكرة HBM4 إلى Nvidia…".into(),
        content: "أعلنت سامسونج أنها بدأت شحن ذاكرة HBM4 إلى Nvidia…".into(),
        language: Some("ar".into()),
        ..NewArticle::default()
    };
    let items = vec![{
        let hash = akhbar::ingest::content_hash(&article);
        Ingest::new(article, hash, Some(vec![]))
    }];
    store
        .write_fetch(feed_id, &FeedMeta::default(), &items, "test")
        .unwrap();
    let id = store.list_articles(&Default::default()).unwrap()[0].id;
    (store, id)
}

#[tokio::test]
async fn full_text_is_stored_and_the_page_fetched_once() {
    let server = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let link = format!("{}/2026/10/samsung-hbm4", server.base);
    let (store, id) = store_with_article(&dir, &link);
    let writer = Writer::spawn(store).unwrap();
    let rec = Recognizer::load(None).unwrap();
    let f = fetcher();

    let first = fetch_full(&f, &writer, &rec, id).await.unwrap();
    assert!(first.fetched);
    assert!(first.rtl);
    assert_eq!(first.text, samsung_paragraphs().join("\n"));
    let stored = writer.run(move |s| s.article(id)).await.unwrap();
    let stored = stored.unwrap().unwrap();
    assert_eq!(stored.full_content.as_deref(), Some(first.text.as_str()));
    assert!(
        stored.content.ends_with('…'),
        "the feed text is kept alongside"
    );

    let second = fetch_full(&f, &writer, &rec, id).await.unwrap();
    assert!(!second.fetched);
    assert_eq!(second.text, first.text);
    assert_eq!(second.spans, first.spans);
    assert_eq!(server.samsung_hits.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_failed_fetch_keeps_the_feed_text() {
    let server = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = store_with_article(&dir, &format!("{}/gone", server.base));
    let writer = Writer::spawn(store).unwrap();
    let rec = Recognizer::load(None).unwrap();
    let err = fetch_full(&fetcher(), &writer, &rec, id)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("HTTP 404"), "{err}");
    let article = writer.run(move |s| s.article(id)).await.unwrap();
    let article = article.unwrap().unwrap();
    assert_eq!(article.full_content, None);
    assert!(article.body().0.starts_with("أعلنت سامسونج"));
    let err = fetch_full(&fetcher(), &writer, &rec, id + 1000)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("no article"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_full_fetches_through_the_binary() {
    let server = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let link = format!("{}/2026/10/samsung-hbm4", server.base);
    let (store, id) = store_with_article(&dir, &link);
    drop(store);
    let home = dir.path().to_path_buf();
    let db = dir.path().join("akhbar.db");
    let run = move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_akhbar"))
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env_remove("AKHBAR_CONFIG")
            .arg("--db")
            .arg(&db)
            .args(["show", &id.to_string(), "--full", "--json", "--width", "80"])
            .output()
            .unwrap()
    };
    let out = tokio::task::spawn_blocking(run.clone()).await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["body_field"], "full_content");
    assert_eq!(json["body"], samsung_paragraphs().join("\n"));
    // A second `show --full` reads the stored text: the page is fetched once.
    let again = tokio::task::spawn_blocking(run).await.unwrap();
    assert!(again.status.success());
    assert_eq!(server.samsung_hits.load(Ordering::SeqCst), 1);
}
