//! Generated realistic Arabic feeds served on 127.0.0.1 (for process and load tests).
#![allow(dead_code, clippy::unwrap_used)]

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Response, StatusCode, header};
use std::sync::Arc;
use std::time::Duration;

const SUBJECTS: &[&str] = &[
    "مايكروسوفت",
    "OpenAI",
    "جوجل",
    "سامسونج",
    "إنفيديا",
    "آبل",
    "هواوي",
    "أمازون",
    "ميتا",
    "أوراكل",
];
const VERBS: &[&str] = &[
    "تطلق",
    "تستثمر في",
    "تكشف عن",
    "تستحوذ على",
    "توقع اتفاقا مع",
];
const OBJECTS: &[&str] = &[
    "نموذجا جديدا للذكاء الاصطناعي",
    "مراكز بيانات في السعودية",
    "هاتفا قابلا للطي",
    "شريحة بدقة 2 نانومتر",
    "خدمة سحابية في الإمارات",
];

pub fn item_title(feed: usize, item: usize) -> String {
    format!(
        "{} {} {} ({}-{})",
        SUBJECTS[(feed + item) % SUBJECTS.len()],
        VERBS[item % VERBS.len()],
        OBJECTS[(feed * 7 + item) % OBJECTS.len()],
        feed,
        item
    )
}

pub fn rss(feed: usize, items: usize) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>مصدر تقني {feed}</title><link>https://feed{feed}.example/</link>\
         <language>ar</language>"
    );
    for i in 0..items {
        let title = item_title(feed, i);
        s.push_str(&format!(
            "<item><guid>f{feed}-i{i}</guid><title>{title}</title>\
             <link>https://feed{feed}.example/{i}</link>\
             <pubDate>Tue, 10 Nov 2026 08:{:02}:00 GMT</pubDate>\
             <content:encoded><![CDATA[<p>{title}. وقالت الشركة إن الاستثمار يبلغ {} مليار دولار، \
             بزيادة {}% عن العام الماضي، في خطوة تعزز حضورها في الرياض ودبي.</p>\
             <p>وأضاف التقرير أن الطلب على الحوسبة السحابية ارتفع بنحو ٣٥٪ خلال عام 2026.</p>]]>\
             </content:encoded></item>",
            i % 60,
            (i % 50) + 1,
            (i % 30) + 5
        ));
    }
    s.push_str("</channel></rss>");
    s
}

#[derive(Clone)]
struct Cfg {
    items: usize,
    delay: Duration,
}

async fn handler(
    Path(name): Path<String>,
    State(cfg): State<Arc<Cfg>>,
    h: HeaderMap,
) -> Response<axum::body::Body> {
    let n: usize = name.trim_end_matches(".xml").parse().unwrap_or(0);
    let etag = format!("\"feed-{n}\"");
    if h.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return Response::builder()
            .status(StatusCode::NOT_MODIFIED)
            .body(axum::body::Body::empty())
            .unwrap();
    }
    if !cfg.delay.is_zero() {
        tokio::time::sleep(cfg.delay).await;
    }
    Response::builder()
        .header(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")
        .header(header::ETAG, etag)
        .body(axum::body::Body::from(rss(n, cfg.items)))
        .unwrap()
}

pub struct FeedServer {
    pub base: String,
    _rt: tokio::runtime::Runtime,
}

impl FeedServer {
    /// Serves `/N.xml` for any N: `items` items each, after `delay`.
    pub fn start(items: usize, delay: Duration) -> FeedServer {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let app = Router::new()
            .route("/{name}", axum::routing::get(handler))
            .with_state(Arc::new(Cfg { items, delay }));
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        rt.spawn(async move { axum::serve(listener, app).await });
        FeedServer {
            base: format!("http://{addr}"),
            _rt: rt,
        }
    }

    pub fn urls(&self, n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{}/{i}.xml", self.base)).collect()
    }
}
