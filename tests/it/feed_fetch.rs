//! Fetch + parse against a real server on 127.0.0.1 with the real reqwest client.
#![allow(clippy::unwrap_used)]

use crate::support::server;

use akhbar::feed::ParsedFeed;
use akhbar::feed::fetch::{FetchConfig, FetchError, FetchOutcome, Fetcher, Validators};
use akhbar::feed::parse::{ParseError, parse_feed};
use std::sync::Arc;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(2);
/// How long past its timeout a failing fetch may take (scheduling slack on a busy machine).
const SLACK: Duration = Duration::from_millis(1500);

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: TIMEOUT,
        max_body_bytes: 1024 * 1024,
        max_redirects: 5,
        ..Default::default()
    })
    .unwrap()
}

async fn body(f: &Fetcher, url: &str) -> (Vec<u8>, Option<String>, Validators, String) {
    match f.fetch(url, &Validators::default()).await {
        Ok(FetchOutcome::Body {
            bytes,
            content_type,
            validators,
            final_url,
        }) => (bytes, content_type, validators, final_url),
        other => panic!("{url}: {other:?}"),
    }
}

async fn feed(f: &Fetcher, url: &str) -> ParsedFeed {
    let (bytes, ct, _, _) = body(f, url).await;
    parse_feed(url, &bytes, ct.as_deref()).unwrap_or_else(|e| panic!("{url}: {e}"))
}

/// Fetch `url`, expecting an error; checks the time bound and prints the reason.
async fn failure(f: &Fetcher, url: &str) -> FetchError {
    let start = Instant::now();
    let got = f.fetch(url, &Validators::default()).await;
    let took = start.elapsed();
    assert!(took < TIMEOUT + SLACK, "{url} took {took:?}");
    let err = match got {
        Err(e) => e,
        Ok(o) => panic!("{url}: expected an error, got {o:?}"),
    };
    let reason = err.to_string();
    assert!(!reason.contains('\n') && !reason.is_empty(), "{reason:?}");
    println!("{url} -> {reason} ({took:?})");
    err
}

#[tokio::test]
async fn rss2_with_content_encoded() {
    let srv = server::start().await;
    let f = fetcher();
    let p = feed(&f, &srv.url("/rss2.xml")).await;
    assert_eq!(p.title.as_deref(), Some("البوابة العربية للأخبار التقنية"));
    assert_eq!(p.language.as_deref(), Some("ar"));
    assert_eq!(p.articles.len(), 3);
    let a = &p.articles[0];
    assert_eq!(a.title, "«OpenAI» تطلق نموذج GPT-5 بقدرات استدلال أعلى");
    assert_eq!(a.guid, "https://aitnews.example/?p=271828");
    assert_eq!(
        a.link.as_deref(),
        Some("https://aitnews.example/2025/08/07/openai-gpt-5/")
    );
    assert_eq!(a.author.as_deref(), Some("محمد الحاج"));
    assert_eq!(a.categories, ["ذكاء اصطناعي", "OpenAI"]);
    assert_eq!(a.summary, "أعلنت شركة OpenAI عن نموذجها الجديد GPT-5…");
    assert_eq!(a.language.as_deref(), Some("ar"));
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-08-07T17:05:00+00:00")
    );
    let paragraphs: Vec<&str> = a.content.split('\n').collect();
    assert_eq!(
        paragraphs,
        [
            "أعلنت شركة OpenAI اليوم عن إطلاق نموذج GPT-5، الذي تقول إنه يتفوق على سابقه في البرمجة والرياضيات بنسبة 40%.",
            "وقال سام ألتمان، الرئيس التنفيذي للشركة: \"هذا أذكى نموذج أطلقناه حتى الآن\".",
            "[image: شعار GPT-5]",
            "النموذج متاح لمستخدمي ChatGPT",
        ]
    );
    // Relative link resolved against the feed URL.
    let b = &p.articles[1];
    assert_eq!(
        b.link.as_deref(),
        Some(&*srv.url("/2025/09/09/apple-iphone-17/"))
    );
    assert_eq!(b.content, "");
    // No guid, no link: a stable hash id, equal on a second parse.
    let c = &p.articles[2];
    assert!(c.guid.starts_with("h:") && c.guid.len() == 18, "{}", c.guid);
    let again = feed(&f, &srv.url("/rss2.xml")).await;
    assert_eq!(again.articles[2].guid, c.guid);
    let seen = srv.seen("/rss2.xml");
    assert!(
        seen[0]
            .user_agent
            .as_deref()
            .unwrap_or("")
            .starts_with("akhbar/")
    );
}

#[tokio::test]
async fn atom_json_and_rss1() {
    let srv = server::start().await;
    let f = fetcher();
    let atom = feed(&f, &srv.url("/atom.xml")).await;
    assert_eq!(atom.title.as_deref(), Some("عالم التقنية"));
    assert_eq!(atom.link.as_deref(), Some("https://tech-wd.example/"));
    let a = &atom.articles[0];
    assert_eq!(a.title, "مايكروسوفت تدمج Copilot في ويندوز 11 & أوفيس");
    assert_eq!(a.guid, "tag:tech-wd.example,2025:post-9001");
    assert_eq!(
        a.link.as_deref(),
        Some("https://tech-wd.example/microsoft-copilot-windows-11/")
    );
    assert_eq!(a.author.as_deref(), Some("سارة العتيبي"));
    assert_eq!(a.categories, ["مايكروسوفت"]);
    assert_eq!(
        a.content,
        "ما الجديد؟\nيصل التحديث إلى 500 مليون جهاز خلال أسابيع.\nويعمل Copilot محليًا على حواسيب Copilot+ PC."
    );
    assert_eq!(
        a.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-10-01T08:00:00+00:00")
    );
    assert_eq!(
        atom.articles[1].content,
        "أنحف هاتف قابل للطي من سامسونج بسماكة 8.9 ملم."
    );
    // Only the entry's updated date: used as published.
    assert!(atom.articles[1].published.is_some());

    let json = feed(&f, &srv.url("/feed.json")).await;
    assert_eq!(json.title.as_deref(), Some("عرب هاردوير"));
    let j = &json.articles[0];
    assert_eq!(j.guid, "ahw-2025-1107");
    assert_eq!(j.title, "AMD تطلق معالج Ryzen 9 9950X3D بذاكرة 3D V-Cache");
    assert_eq!(
        j.content,
        "يأتي المعالج بـ16 نواة و128 ميجابايت من الذاكرة المؤقتة.\nالسعر: 699 دولارًا."
    );
    assert_eq!(j.author.as_deref(), Some("أحمد منصور"));
    // javascript: link dropped, the rest of the item kept.
    let k = &json.articles[1];
    assert_eq!(k.link, None);
    assert_eq!(k.title, "إنتل تؤجل معالجات Nova Lake إلى 2026");
    assert_eq!(
        k.content,
        "قالت إنتل إن الجيل الجديد سيصل العام المقبل.\nوتواجه الشركة منافسة شديدة."
    );

    let rdf = feed(&f, &srv.url("/rss1.rdf")).await;
    assert_eq!(rdf.title.as_deref(), Some("أنلميت تك"));
    let r = &rdf.articles[0];
    assert_eq!(r.title, "جوجل تطلق Pixel 10 بمعالج Tensor G5");
    assert_eq!(
        r.link.as_deref(),
        Some("https://unlimit-tech.example/google-pixel-10/")
    );
    assert!(r.summary.contains("TSMC بدقة 3 نانومتر"), "{}", r.summary);
}

#[tokio::test]
async fn legacy_arabic_encodings() {
    let srv = server::start().await;
    let f = fetcher();
    let (bytes, ct, _, _) = body(&f, &srv.url("/windows-1256.xml")).await;
    // Really windows-1256 on the wire: not valid UTF-8.
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(ct.as_deref(), Some("application/rss+xml"));
    let p = parse_feed("https://skynewsarabia.example/rss", &bytes, ct.as_deref()).unwrap();
    assert_eq!(p.title.as_deref(), Some("سكاي نيوز عربية - تكنولوجيا"));
    assert_eq!(
        p.articles[0].title,
        "«ميتا» تختبر نظارات Orion للواقع المعزز"
    );
    assert_eq!(
        p.articles[0].summary,
        "قالت شركة ميتا إن النظارات تزن 98 غرامًا فقط، وتعمل مع سوار عصبي."
    );

    let (bytes, ct, _, _) = body(&f, &srv.url("/iso-8859-6.xml")).await;
    assert!(std::str::from_utf8(&bytes).is_err());
    let p = parse_feed("https://arabic.cnn.example/rss", &bytes, ct.as_deref()).unwrap();
    assert_eq!(
        p.articles[0].title,
        "تسلا تبدأ تشغيل خدمة سيارات الأجرة الذاتية في أوستن"
    );
    assert!(
        p.articles[0]
            .summary
            .contains("بعشر سيارات من طراز Model Y، بسعر ثابت 4.20 دولار")
    );
}

#[tokio::test]
async fn gzip_response_is_decompressed() {
    let srv = server::start().await;
    let p = feed(&fetcher(), &srv.url("/gzip.xml")).await;
    assert_eq!(p.articles.len(), 3);
    assert_eq!(
        p.articles[1].title,
        "أبل تكشف عن iPhone 17 بشريحة A19 Pro وسعر يبدأ من 799 دولارًا"
    );
}

#[tokio::test]
async fn conditional_get_gives_not_modified() {
    let srv = server::start().await;
    let f = fetcher();
    let url = srv.url("/rss2.xml");
    let (_, _, validators, _) = body(&f, &url).await;
    assert_eq!(validators.etag.as_deref(), Some(server::ETAG));
    assert_eq!(
        validators.last_modified.as_deref(),
        Some(server::LAST_MODIFIED)
    );
    let second = f.fetch(&url, &validators).await.unwrap();
    assert_eq!(second, FetchOutcome::NotModified);
    let seen = srv.seen("/rss2.xml");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].if_none_match, None);
    assert_eq!(seen[1].if_none_match.as_deref(), Some(server::ETAG));
    assert_eq!(
        seen[1].if_modified_since.as_deref(),
        Some(server::LAST_MODIFIED)
    );
}

#[tokio::test]
async fn http_statuses() {
    let srv = server::start().await;
    let f = fetcher();
    for code in [404u16, 410, 500, 503] {
        let e = failure(&f, &srv.url(&format!("/status/{code}"))).await;
        assert_eq!(e, FetchError::Status(code));
    }
    assert_eq!(
        failure(&f, &srv.url("/status/404")).await.to_string(),
        "HTTP 404 Not Found"
    );
    let e = failure(&f, &srv.url("/429")).await;
    assert_eq!(
        e,
        FetchError::RateLimited {
            retry_after_secs: Some(120)
        }
    );
    assert_eq!(e.retry_after_secs(), Some(120));
    let e = failure(&f, &srv.url("/503")).await;
    assert_eq!(
        e,
        FetchError::Unavailable {
            retry_after_secs: 60
        }
    );
    assert_eq!(
        e.to_string(),
        "HTTP 503 Service Unavailable (retry after 60 s)"
    );
}

#[tokio::test]
async fn redirects() {
    let srv = server::start().await;
    let f = fetcher();
    let (_, _, _, final_url) = body(&f, &srv.url("/redirect/3")).await;
    assert_eq!(final_url, srv.url("/rss2.xml"));
    assert_eq!(
        failure(&f, &srv.url("/loop/0")).await,
        FetchError::Redirects
    );
    // Six hops is one more than allowed.
    assert_eq!(
        failure(&f, &srv.url("/redirect/5")).await,
        FetchError::Redirects
    );
    for (path, scheme) in [("/to-javascript", "javascript"), ("/to-file", "file")] {
        let e = failure(&f, &srv.url(path)).await;
        assert_eq!(
            e,
            FetchError::RedirectRefused(format!("to a {scheme}: URL"))
        );
    }
}

#[tokio::test]
async fn slow_and_trickling_servers_time_out() {
    let srv = server::start().await;
    let f = fetcher();
    let secs = TIMEOUT.as_secs();
    assert_eq!(
        failure(&f, &srv.url("/slow")).await,
        FetchError::Timeout(secs)
    );
    assert_eq!(
        failure(&f, &srv.url("/trickle")).await,
        FetchError::Timeout(secs)
    );
    let silent = server::start_silent().await;
    assert_eq!(failure(&f, &silent).await, FetchError::Timeout(secs));
}

#[tokio::test]
async fn bodies_over_the_cap_stop_at_it() {
    server::bomb(); // made before the 2 s fetch timeout can run
    let srv = server::start().await;
    let f = fetcher();
    let cap = f.config().max_body_bytes;
    assert_eq!(
        failure(&f, &srv.url("/huge")).await,
        FetchError::TooLarge(cap)
    );
    assert_eq!(
        failure(&f, &srv.url("/bomb")).await,
        FetchError::TooLarge(cap)
    );
    // The page fetcher has the same limits.
    let e = f.fetch_page(&srv.url("/huge")).await.unwrap_err();
    assert_eq!(e, FetchError::TooLarge(cap));
}

#[tokio::test]
async fn connection_failures() {
    let f = fetcher();
    let reset = server::start_resetting().await;
    let e = failure(&f, &reset).await;
    assert!(matches!(e, FetchError::Connect(_)), "{e:?}");

    // A port nobody listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let e = failure(&f, &format!("http://{closed}/feed")).await;
    assert_eq!(e, FetchError::Connect("refused".into()));

    // TLS to a plain HTTP server.
    let srv = server::start().await;
    let e = failure(&f, &format!("https://{}/rss2.xml", srv.addr)).await;
    assert!(matches!(e, FetchError::Tls(_)), "{e:?}");

    let e = failure(&f, "gopher://example.test/").await;
    assert!(matches!(e, FetchError::BadUrl(_)), "{e:?}");
}

/// Resolves nothing, like a name that does not exist; keeps the test off the network.
struct NoSuchHost;

impl reqwest::dns::Resolve for NoSuchHost {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            Err(Box::new(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no such host: {host}"),
            )) as Box<dyn std::error::Error + Send + Sync>)
        })
    }
}

#[tokio::test]
async fn dns_failure() {
    let f = Fetcher::with_resolver(
        FetchConfig {
            timeout: TIMEOUT,
            ..Default::default()
        },
        Arc::new(NoSuchHost),
    )
    .unwrap();
    let e = failure(&f, "http://feeds.aitnews.invalid/rss").await;
    assert_eq!(
        e,
        FetchError::Dns("no such host: feeds.aitnews.invalid".into())
    );
}

#[tokio::test]
async fn bodies_that_are_not_feeds() {
    let srv = server::start().await;
    let f = fetcher();
    let parse = |url: String| {
        let f = f.clone();
        async move {
            let (bytes, ct, _, _) = body(&f, &url).await;
            let e = parse_feed(&url, &bytes, ct.as_deref()).unwrap_err();
            println!("{url} -> {e}");
            e
        }
    };
    assert_eq!(
        parse(srv.url("/html")).await,
        ParseError::NotAFeed("an HTML page".into())
    );
    let e = parse(srv.url("/malformed.xml")).await;
    assert!(matches!(e, ParseError::Malformed { line: 7, .. }), "{e:?}");
    assert!(
        e.to_string().starts_with("malformed XML at line 7: "),
        "{e}"
    );
    assert_eq!(parse(srv.url("/empty")).await, ParseError::Empty);
    // A 404 page never reaches the parser.
    assert_eq!(
        failure(&f, &srv.url("/status/404")).await,
        FetchError::Status(404)
    );
}
