//! `full_text = "always"`: `akhbar fetch` stores whole articles from their pages (bounded, one
//! request per article); the default (`auto`) fetches no page at fetch time.
#![allow(clippy::unwrap_used)]

use crate::support::{Env, json_lines, path_str, stderr};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const PAGE: &str = include_str!("../fixtures/pages/samsung-hbm4.html");

struct Site {
    base: String,
    page_hits: Arc<AtomicUsize>,
    _rt: tokio::runtime::Runtime,
}

fn site() -> Site {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let feed_base = base.clone();
    let app = Router::new()
        .route(
            "/feed.xml",
            axum::routing::get(move || {
                let b = feed_base.clone();
                async move {
                    let items: String = (1..=2)
                        .map(|i| {
                            format!(
                                "<item><guid>p{i}</guid><title>سامسونج تبدأ إنتاج HBM4 ({i})</title>\
                                 <link>{b}/news/{i}</link><description>بدأت سامسونج…</description></item>"
                            )
                        })
                        .collect();
                    (
                        [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
                        format!(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
                             <title>تقنية</title><language>ar</language>{items}</channel></rss>"
                        ),
                    )
                }
            }),
        )
        .route(
            "/news/{n}",
            axum::routing::get(|Path(_n): Path<u32>, State(h): State<Arc<AtomicUsize>>| async move {
                h.fetch_add(1, Ordering::SeqCst);
                ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE)
            }),
        )
        .with_state(Arc::clone(&hits));
    rt.spawn(async move { axum::serve(listener, app).await });
    Site {
        base,
        page_hits: hits,
        _rt: rt,
    }
}

#[test]
fn always_fetches_pages_at_fetch_time_and_auto_does_not() {
    let site = site();
    let env = Env::new();
    let feed = format!("{}/feed.xml", site.base);
    let list = env.write("urls.txt", &feed);

    // Default (auto): no page requests during fetch.
    let db = env.path("auto.db");
    let o = env.run(&[
        "--db",
        path_str(&db),
        "--feeds",
        path_str(&list),
        "fetch",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(site.page_hits.load(Ordering::SeqCst), 0);

    // always: both pages fetched once, stored, and shown as the article's body.
    let cfg = env.write(
        "config.toml",
        format!("[full_text.feeds]\n\"{feed}\" = \"always\"\n"),
    );
    let db = env.path("always.db");
    let args = [
        "--config",
        path_str(&cfg),
        "--db",
        path_str(&db),
        "--feeds",
        path_str(&list),
    ];
    let o = env.run(&[&args[..], &["fetch", "--json"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let line = &json_lines(&o)[0];
    assert_eq!(line["full_texts"], 2, "{line}");
    assert_eq!(site.page_hits.load(Ordering::SeqCst), 2);
    let listed = json_lines(&env.run(&[&args[..], &["list", "--json"]].concat()));
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let shown =
        json_lines(&env.run(&[&args[..], &["show", &id, "--json", "--width", "60"]].concat()));
    assert_eq!(shown[0]["body_field"], "full_content", "{}", shown[0]);
    // A second fetch (not modified) asks for no page again.
    let o = env.run(&[&args[..], &["fetch", "--json"]].concat());
    assert!(o.status.success());
    assert_eq!(site.page_hits.load(Ordering::SeqCst), 2);
}
