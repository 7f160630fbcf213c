//! The fault suite through the real binary: every hostile server and hostile content case in one
//! `akhbar fetch`, against servers on 127.0.0.1. Each feed ends within the timeout with a
//! one-line reason, the good feeds are stored, the exit code says some failed, nothing of the
//! hostile text reaches the output as a control sequence, and the database stays sound.
#![allow(clippy::unwrap_used)]

use crate::support::server;

use crate::support::{Env, json_lines, path_str, stderr, stdout};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT_S: u64 = 3;

fn rss(title: &str, items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>{title}</title><language>ar</language>{items}</channel></rss>"
    )
}

fn item(guid: &str, title: &str, link: &str, body: &str) -> String {
    format!(
        "<item><guid>{guid}</guid><title>{title}</title><link>{link}</link>\
         <description><![CDATA[{body}]]></description></item>"
    )
}

/// Hostile content, each a whole feed; `ext` is a URL that must never be fetched.
fn content(name: &str, ext: &str) -> Vec<u8> {
    let normal = "خبر عادي عن مايكروسوفت";
    match name {
        "laughs" => {
            let mut d = String::from("<!DOCTYPE rss [<!ENTITY a0 \"ha\">");
            for i in 1..10 {
                let p = i - 1;
                d.push_str(&format!("<!ENTITY a{i} \"&a{p};&a{p};&a{p};&a{p};&a{p};&a{p};&a{p};&a{p};&a{p};&a{p};\">"));
            }
            d.push_str("]>");
            rss("x", &item("l1", "&a9; ضحك", "https://ok.example/1", normal))
                .replacen("\n", &format!("\n{d}\n"), 1)
                .into_bytes()
        }
        "external" => rss(
            "x",
            &item("e1", "&ext; خارجي", "https://ok.example/2", normal),
        )
        .replacen(
            "\n",
            &format!("\n<!DOCTYPE rss [<!ENTITY ext SYSTEM \"{ext}\">]>\n"),
            1,
        )
        .into_bytes(),
        "nested" => {
            let deep = "<div>".repeat(100_000) + "عميق" + &"</div>".repeat(100_000);
            rss("x", &item("n1", "تداخل عميق", "https://ok.example/3", &deep)).into_bytes()
        }
        "long-title" => {
            let t = "عنوان طويل ".repeat(250_000); // 5 MB
            rss("x", &item("t1", &t, "https://ok.example/4", normal)).into_bytes()
        }
        "bad-utf8" => {
            let mut b = rss("x", &item("u1", "نص XXXX سليم", "https://ok.example/5", normal)).into_bytes();
            let at = b.windows(4).position(|w| w == b"XXXX").unwrap();
            b[at..at + 4].copy_from_slice(&[0xff, 0xfe, 0xc0, 0x80]);
            b
        }
        "controls" => rss(
            "\u{1b}]0;pwned\u{7}مصدر",
            &[
                item("c1", "\u{1b}[2Jعنوان \u{9b}31mأحمر\u{0}", "https://ok.example/6",
                     "<p>نص \u{1b}]8;;http://evil\u{1b}\\رابط\u{1b}]8;;\u{1b}\\ و\u{9d}0;x\u{9c}</p>"),
                item("c2", "\u{202e}معكوس بلا إغلاق", "https://ok.example/7",
                     "<p>\u{2067}عزل بلا إغلاق\u{200b}\u{feff} صفر العرض</p>"),
            ]
            .concat(),
        )
        .into_bytes(),
        "links" => rss(
            "x",
            &[
                item("k1", "رابط جافاسكربت", "javascript:alert(1)", normal),
                item("k2", "رابط بيانات", "data:text/html,<script>alert(1)</script>", normal),
                item("k3", "رابط ملف", "file:///etc/passwd", normal),
                item("k4", "رابط سليم", "https://ok.example/8", normal),
            ]
            .concat(),
        )
        .into_bytes(),
        "html" => rss(
            "x",
            &item(
                "h1",
                "صفحة خطرة",
                "https://ok.example/9",
                "<script>alert('x')</script><iframe src=\"https://evil.example\"></iframe>\
                 <p onclick=\"steal()\">فقرة <img src=x onerror=\"steal()\" alt=\"صورة\"></p>\
                 <style>p{color:red}</style>",
            ),
        )
        .into_bytes(),
        _ => Vec::new(),
    }
}

const CONTENT: &[&str] = &[
    "laughs",
    "external",
    "nested",
    "long-title",
    "bad-utf8",
    "controls",
    "links",
    "html",
];

/// (path on the fixture server, expected reason) for the server cases.
const SERVER_CASES: &[(&str, &str)] = &[
    ("/slow", "timed out"),
    ("/trickle", "timed out"),
    ("/huge", "too large"),
    ("/bomb", "too large"),
    ("/loop/0", "too many redirects"),
    ("/to-javascript", "redirect refused"),
    ("/to-file", "redirect refused"),
    ("/status/404", "HTTP 404"),
    ("/status/410", "HTTP 410"),
    ("/429", "HTTP 429"),
    ("/status/500", "HTTP 500"),
    ("/status/503", "HTTP 503"),
];

fn no_controls(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

#[test]
fn hostile_servers_and_content_through_the_binary() {
    let _alone = crate::support::heavy();
    let rt = tokio::runtime::Runtime::new().unwrap();
    // Made before the clock starts: compressing it must not count against the fetch timeout.
    server::bomb();
    let srv = rt.block_on(server::start());
    let resetting = rt.block_on(server::start_resetting());
    let silent = rt.block_on(server::start_silent());
    // Content server, with a counter on the external entity's target.
    let ext_hits = Arc::new(AtomicUsize::new(0));
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let cbase = format!("http://{}", listener.local_addr().unwrap());
    let ext = format!("{cbase}/ext");
    let ext_for_app = ext.clone();
    let app = Router::new()
        .route(
            "/c/{name}",
            axum::routing::get(move |Path(name): Path<String>| {
                let ext = ext_for_app.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                        content(&name, &ext),
                    )
                }
            }),
        )
        .route(
            "/ext",
            axum::routing::get(|State(h): State<Arc<AtomicUsize>>| async move {
                h.fetch_add(1, Ordering::SeqCst);
                "secret"
            }),
        )
        .with_state(Arc::clone(&ext_hits));
    rt.spawn(async move { axum::serve(listener, app).await });

    let port = srv.addr.port();
    let mut urls: Vec<(String, Option<&str>)> = SERVER_CASES
        .iter()
        .map(|(p, why)| (srv.url(p), Some(*why)))
        .collect();
    urls.push((resetting, Some("reset")));
    urls.push((silent, Some("timed out")));
    urls.push((format!("https://127.0.0.1:{port}/rss2.xml"), Some("TLS")));
    for good in ["/rss2.xml", "/atom.xml", "/windows-1256.xml"] {
        urls.push((srv.url(good), None));
    }
    for c in CONTENT {
        urls.push((format!("{cbase}/c/{c}"), None));
    }

    let env = Env::new();
    let list = env.write(
        "urls.txt",
        urls.iter()
            .map(|(u, _)| u.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    // Every feed at once, so the whole run is bounded by one timeout.
    let cfg = env.write(
        "config.toml",
        "[fetch]\nconcurrency = 64\nmax_body_mib = 8\n",
    );
    let db = env.db();
    let base = ["--config", path_str(&cfg), "--db", path_str(&db)];
    let started = Instant::now();
    let timeout = TIMEOUT_S.to_string();
    let o = env.run(
        &[
            &base[..],
            &[
                "--feeds",
                path_str(&list),
                "fetch",
                "--json",
                "--timeout",
                &timeout,
            ],
        ]
        .concat(),
    );
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    assert!(
        took < Duration::from_secs(TIMEOUT_S + 5),
        "the run took {took:?} with a {TIMEOUT_S} s timeout"
    );
    let lines = json_lines(&o);
    assert_eq!(lines.len(), urls.len(), "{}", stdout(&o));
    for (url, why) in &urls {
        let l = lines.iter().find(|l| l["feed"] == url.as_str()).unwrap();
        match why {
            Some(reason) => {
                assert_eq!(l["status"], "error", "{url}: {l}");
                let e = l["error"].as_str().unwrap_or_default();
                assert!(e.contains(reason), "{url}: {e:?} lacks {reason:?}");
                assert!(!e.contains('\n') && no_controls(e), "{url}: {e:?}");
            }
            None => assert_eq!(l["status"], "ok", "{url}: {l}"),
        }
    }
    assert_eq!(
        ext_hits.load(Ordering::SeqCst),
        0,
        "an external entity was fetched"
    );

    // Every hostile item is kept, cleaned.
    let listed = json_lines(&env.run(&[&base[..], &["list", "--json"]].concat()));
    let titles: Vec<&str> = listed.iter().filter_map(|l| l["title"].as_str()).collect();
    for want in [
        "ضحك",
        "خارجي",
        "تداخل عميق",
        "عنوان طويل",
        "سليم",
        "أحمر",
        "معكوس بلا إغلاق",
        "رابط سليم",
        "صفحة خطرة",
    ] {
        assert!(
            titles.iter().any(|t| t.contains(want)),
            "no item titled …{want}… in {titles:?}"
        );
    }
    for l in &listed {
        let title = l["title"].as_str().unwrap_or_default();
        // Stored text keeps (balanced) bidi marks for the layout's analysis; no C0/C1 at all.
        assert!(!title.chars().any(char::is_control), "{title:?}");
        assert!(
            title.chars().count() <= 1001,
            "title not capped (1,000 and an ellipsis)"
        );
        if let Some(link) = l["link"].as_str() {
            assert!(
                link.starts_with("http://") || link.starts_with("https://"),
                "{link}"
            );
        }
    }
    for bad in ["رابط جافاسكربت", "رابط بيانات", "رابط ملف"] {
        let l = listed.iter().find(|l| l["title"] == bad).unwrap();
        assert!(l["link"].is_null(), "{bad}: {l}");
    }
    // What the reader would print of each article carries no control sequence and no bidi
    // control either (the layout uses them and drops them).
    for l in &listed {
        let id = l["id"].as_i64().unwrap().to_string();
        let shown = env.run(&[&base[..], &["show", &id, "--width", "60"]].concat());
        assert!(shown.status.success(), "show {id}: {}", stderr(&shown));
        let text = stdout(&shown);
        assert!(no_controls(&text), "show {id} printed a control: {text:?}");
        assert!(
            !text.contains("steal()") && !text.contains("alert("),
            "{text}"
        );
    }
    let store = akhbar::store::Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
