//! `fetch`, `list`, `export`, `import` end to end through the binary, against a dozen
//! real-shaped Arabic feeds (some broken) served on 127.0.0.1.
#![allow(clippy::unwrap_used)]

use crate::support::{Env, json_lines, path_str, stderr, stdout};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Response, StatusCode, header};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Seen {
    /// path → If-None-Match values received, in order.
    if_none_match: Arc<Mutex<HashMap<String, Vec<Option<String>>>>>,
}

fn rss(title: &str, items: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>{title}</title><link>https://news.example/</link><language>ar</language>"
    );
    for (guid, t, body) in items {
        s.push_str(&format!(
            "<item><guid>{guid}</guid><title>{t}</title><link>https://news.example/{guid}</link>\
             <pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate>\
             <content:encoded><![CDATA[<p>{body}</p><p>فقرة ثانية.</p>]]></content:encoded></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn atom() -> String {
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\
     <title>تك ويد</title><id>urn:techwd</id><updated>2026-11-10T08:00:00Z</updated>\
     <entry><id>urn:techwd:1</id><title>سامسونج تكشف عن Galaxy S26</title>\
     <link href=\"https://techwd.example/1\"/><updated>2026-11-10T08:00:00Z</updated>\
     <content type=\"html\">&lt;p&gt;كشفت سامسونج عن هاتفها الجديد.&lt;/p&gt;</content></entry>\
     <entry><id>urn:techwd:2</id><title>إنفيديا تتجاوز 5 تريليونات دولار</title>\
     <link href=\"https://techwd.example/2\"/><updated>2026-11-09T08:00:00Z</updated>\
     <summary>بلغت القيمة السوقية لإنفيديا 5 تريليونات دولار.</summary></entry></feed>"
        .to_string()
}

fn json_feed() -> String {
    serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "يونلميت تك",
        "language": "ar",
        "items": [
            {"id": "j1", "url": "https://unlimit.example/j1", "title": "هواوي تطلق Mate 80",
             "content_html": "<p>أطلقت هواوي سلسلة Mate 80 في الصين.</p>",
             "date_published": "2026-11-08T10:00:00Z"}
        ]
    })
    .to_string()
}

fn rss1() -> String {
    "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
     xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://rss1.example/\">\
     <title>عرب هاردوير</title><link>https://rss1.example/</link><description>x</description></channel>\
     <item rdf:about=\"https://rss1.example/a\"><title>معالج AMD جديد</title>\
     <link>https://rss1.example/a</link><description>أعلنت AMD عن معالج جديد.</description></item>\
     </rdf:RDF>"
        .to_string()
}

const CP1256_TITLE: &str = "أوراكل توقع عقدا بقيمة 300 مليار دولار";
const ISO_TITLE: &str = "شركة جديدة في الرياض";

fn encoded(label: &str, title: &str) -> Vec<u8> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
    let xml = rss("مصدر", &[("e1", title, "نص الخبر")])
        .replace("encoding=\"UTF-8\"", &format!("encoding=\"{label}\""));
    let (bytes, _, unmappable) = enc.encode(&xml);
    assert!(!unmappable, "{label} cannot encode the fixture");
    bytes.into_owned()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Good feeds answer 304 to a matching If-None-Match.
async fn feed(
    Path(name): Path<String>,
    State(seen): State<Seen>,
    headers: HeaderMap,
) -> Response<Body> {
    let inm = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    seen.if_none_match
        .lock()
        .unwrap()
        .entry(name.clone())
        .or_default()
        .push(inm.clone());
    let etag = format!("\"{name}-v1\"");
    let ok = |ctype: &str, body: Vec<u8>| {
        if inm.as_deref() == Some(etag.as_str()) {
            return Response::builder()
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .unwrap();
        }
        Response::builder()
            .header(header::CONTENT_TYPE, ctype)
            .header(header::ETAG, &etag)
            .header(header::LAST_MODIFIED, "Tue, 10 Nov 2026 08:00:00 GMT")
            .body(Body::from(body))
            .unwrap()
    };
    let status = |code: u16, body: &str| {
        Response::builder()
            .status(code)
            .header(header::CONTENT_TYPE, "text/html")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    match name.as_str() {
        "ait.xml" => ok(
            "application/rss+xml; charset=utf-8",
            rss(
                "البوابة العربية للأخبار التقنية",
                &[
                    ("ait-1", "مايكروسوفت وOpenAI توقعان اتفاقا جديدا", "أعلنت مايكروسوفت عن اتفاق."),
                    ("ait-2", "جوجل تطلق Gemini 3", "أطلقت جوجل نموذجها الجديد."),
                    ("ait-3", "آبل تكشف iPhone 18", "كشفت آبل عن هاتفها."),
                ],
            )
            .into_bytes(),
        ),
        "techwd.xml" => ok("application/atom+xml", atom().into_bytes()),
        "unlimit.json" => ok("application/feed+json", json_feed().into_bytes()),
        "rss1.xml" => ok("application/rdf+xml", rss1().into_bytes()),
        "cp1256.xml" => ok("text/xml", encoded("windows-1256", CP1256_TITLE)),
        "iso.xml" => ok("text/xml", encoded("ISO-8859-6", ISO_TITLE)),
        "gz.xml" => {
            let body = gzip(rss("مضغوط", &[("gz-1", "خبر مضغوط عن stc", "نص")]).as_bytes());
            let mut r = ok("application/rss+xml", body);
            if r.status() == StatusCode::OK {
                r.headers_mut()
                    .insert(header::CONTENT_ENCODING, "gzip".parse().unwrap());
            }
            r
        }
        "missing.xml" => status(404, "not found"),
        "limited.xml" => Response::builder()
            .status(429)
            .header(header::RETRY_AFTER, "120")
            .body(Body::from("slow down"))
            .unwrap(),
        "error.xml" => status(500, "boom"),
        "broken.xml" => ok(
            "application/rss+xml",
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>x</title>\n<item><title>a</item>\n</channel></rss>".to_vec(),
        ),
        "page.html" => ok(
            "text/html; charset=utf-8",
            "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><title>x</title></head><body><p>ليست خلاصة</p></body></html>".as_bytes().to_vec(),
        ),
        "empty.xml" => ok("application/rss+xml", Vec::new()),
        _ => status(404, "no such fixture"),
    }
}

struct Server {
    base: String,
    seen: Seen,
    _rt: tokio::runtime::Runtime,
}

fn serve() -> Server {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let seen = Seen::default();
    let app = Router::new()
        .route("/{name}", axum::routing::get(feed))
        .with_state(seen.clone());
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move { axum::serve(listener, app).await });
    Server {
        base: format!("http://{addr}"),
        seen,
        _rt: rt,
    }
}

const GOOD: &[(&str, usize)] = &[
    ("ait.xml", 3),
    ("techwd.xml", 2),
    ("unlimit.json", 1),
    ("rss1.xml", 1),
    ("cp1256.xml", 1),
    ("iso.xml", 1),
    ("gz.xml", 1),
];
const BAD: &[(&str, &str)] = &[
    ("missing.xml", "HTTP 404"),
    ("error.xml", "HTTP 500"),
    ("broken.xml", "malformed XML at line"),
    ("page.html", "not a feed"),
    ("empty.xml", "empty"),
];

#[test]
fn fetch_list_export_end_to_end() {
    let server = serve();
    let env = Env::new();
    let urls: Vec<String> = GOOD
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(BAD.iter().map(|(n, _)| n.to_string()))
        .map(|n| format!("{}/{n}", server.base))
        .collect();
    let list = env.write("urls.txt", format!("# my feeds\n{}\n", urls.join("\n")));
    let db = env.db();
    let args = [
        "--db",
        path_str(&db),
        "--feeds",
        path_str(&list),
        "fetch",
        "--json",
    ];

    let first = env.run(&args);
    assert_eq!(first.status.code(), Some(1), "stderr: {}", stderr(&first));
    let lines = json_lines(&first);
    assert_eq!(lines.len(), 12, "{}", stdout(&first));
    let by_feed = |lines: &[serde_json::Value], name: &str| -> serde_json::Value {
        let url = format!("{}/{name}", server.base);
        lines
            .iter()
            .find(|l| l["feed"] == url.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("no line for {name}"))
    };
    let total: usize = GOOD.iter().map(|(_, n)| n).sum();
    for (name, n) in GOOD {
        let l = by_feed(&lines, name);
        assert_eq!(l["status"], "ok", "{name}: {l}");
        assert_eq!(l["new"], *n as u64, "{name}: {l}");
    }
    for (name, reason) in BAD {
        let l = by_feed(&lines, name);
        assert_eq!(l["status"], "error", "{name}: {l}");
        let error = l["error"].as_str().unwrap_or_default();
        assert!(error.contains(reason), "{name}: {error:?} lacks {reason:?}");
        assert!(!error.contains('\n'), "one-line reason: {error:?}");
    }

    let listed = json_lines(&env.run(&["--db", path_str(&db), "list", "--json"]));
    assert_eq!(listed.len(), total);
    for key in [
        "id",
        "feed",
        "title",
        "link",
        "published",
        "read",
        "starred",
        "companies",
    ] {
        assert!(
            listed[0].get(key).is_some(),
            "list --json lacks {key}: {}",
            listed[0]
        );
    }
    let titles: Vec<&str> = listed.iter().filter_map(|l| l["title"].as_str()).collect();
    assert!(titles.contains(&CP1256_TITLE), "{titles:?}");
    assert!(titles.contains(&ISO_TITLE), "{titles:?}");
    assert!(titles.contains(&"خبر مضغوط عن stc"), "{titles:?}");

    // Second run: conditional requests, nothing added.
    let second = env.run(&args);
    assert_eq!(second.status.code(), Some(1));
    let lines = json_lines(&second);
    for (name, _) in GOOD {
        assert_eq!(by_feed(&lines, name)["status"], "not_modified", "{name}");
        let seen = server.seen.if_none_match.lock().unwrap();
        let got = seen.get(*name).cloned().unwrap_or_default();
        assert_eq!(got.len(), 2, "{name}: {got:?}");
        assert_eq!(got[0], None, "{name}: first request is unconditional");
        assert_eq!(
            got[1].as_deref(),
            Some(format!("\"{name}-v1\"").as_str()),
            "{name}"
        );
    }
    let listed_again = json_lines(&env.run(&["--db", path_str(&db), "list", "--json"]));
    assert_eq!(listed_again.len(), total);

    // Plain output is for people: one line per feed and a summary.
    let plain = env.run(&["--db", path_str(&db), "--feeds", path_str(&list), "fetch"]);
    let text = stdout(&plain);
    assert!(
        text.contains("HTTP 404") && text.contains("not modified"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap_or_default()
            .starts_with("12 feeds:"),
        "{text}"
    );

    // export reflects the feed list; import of it into a new database gives the same list.
    let exported = env.run(&["--db", path_str(&db), "export"]);
    assert!(exported.status.success());
    let opml = stdout(&exported);
    for u in &urls {
        assert!(opml.contains(u.as_str()), "export lacks {u}");
    }
    let opml_file = env.write("out.opml", &opml);
    let db2 = env.path("second.db");
    let imported = env.run(&["--db", path_str(&db2), "import", path_str(&opml_file)]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("12 new"),
        "{}",
        stdout(&imported)
    );
    let again = stdout(&env.run(&["--db", path_str(&db2), "export"]));
    for u in &urls {
        assert!(again.contains(u.as_str()), "re-export lacks {u}");
    }
}

#[test]
fn usage_and_config_errors_exit_2() {
    let env = Env::new();
    let bad = env.run(&["fetch", "--no-such-flag"]);
    assert_eq!(bad.status.code(), Some(2));
    let cfg = env.write("config.toml", "[fetch]\ntimeout = \"soon\"\n");
    let o = env.run(&[
        "--config",
        path_str(&cfg),
        "--db",
        path_str(&env.db()),
        "fetch",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("config.toml:2") && err.contains("fetch.timeout"),
        "{err}"
    );
    let missing = env.run(&[
        "--db",
        path_str(&env.db()),
        "--feeds",
        "/nonexistent/list",
        "fetch",
    ]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn import_keeps_nested_outlines_as_tags() {
    let env = Env::new();
    let opml = env.write(
        "feeds.opml",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline text="تقنية">
    <outline text="البوابة العربية" type="rss" xmlUrl="https://ait.example/feed" language="ar"/>
    <outline text="Sub"><outline text="Deep" type="rss" xmlUrl="https://deep.example/feed"/></outline>
  </outline>
  <outline text="Top" type="rss" xmlUrl="https://top.example/feed" category="/news,/ai"/>
</body></opml>"#,
    );
    let db = env.db();
    let o = env.run(&["--db", path_str(&db), "import", path_str(&opml)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("imported 3 feeds"), "{}", stdout(&o));
    let store = akhbar::store::Store::open(&db).unwrap();
    let feeds = store.feeds().unwrap();
    let tags = |url: &str| {
        feeds
            .iter()
            .find(|f| f.url == url)
            .map(|f| f.tags.clone())
            .unwrap()
    };
    assert_eq!(tags("https://ait.example/feed"), vec!["تقنية".to_string()]);
    assert_eq!(
        tags("https://deep.example/feed"),
        vec!["تقنية".to_string(), "Sub".to_string()]
    );
    assert!(tags("https://top.example/feed").contains(&"ai".to_string()));
    assert_eq!(
        feeds
            .iter()
            .find(|f| f.url == "https://ait.example/feed")
            .unwrap()
            .language
            .as_deref(),
        Some("ar")
    );
}

#[test]
fn retry_after_is_honoured_between_runs() {
    let server = serve();
    let env = Env::new();
    let list = env.write(
        "urls.txt",
        format!("{}/limited.xml\n{}/ait.xml\n", server.base, server.base),
    );
    let db = env.db();
    let args = [
        "--db",
        path_str(&db),
        "--feeds",
        path_str(&list),
        "fetch",
        "--json",
    ];
    let first = json_lines(&env.run(&args));
    let limited = first
        .iter()
        .find(|l| {
            l["feed"]
                .as_str()
                .is_some_and(|f| f.ends_with("limited.xml"))
        })
        .unwrap();
    assert!(
        limited["error"]
            .as_str()
            .unwrap_or_default()
            .contains("429"),
        "{limited}"
    );
    let second = env.run(&args);
    assert_eq!(second.status.code(), Some(1));
    let lines = json_lines(&second);
    let limited = lines
        .iter()
        .find(|l| {
            l["feed"]
                .as_str()
                .is_some_and(|f| f.ends_with("limited.xml"))
        })
        .unwrap();
    let error = limited["error"].as_str().unwrap_or_default();
    assert!(error.contains("asked to wait until"), "{error}");
    let seen = server.seen.if_none_match.lock().unwrap();
    assert_eq!(
        seen.get("limited.xml").map(Vec::len),
        Some(1),
        "asked again too soon"
    );
    assert_eq!(
        seen.get("ait.xml").map(Vec::len),
        Some(2),
        "the other feed is fetched as usual"
    );
}
