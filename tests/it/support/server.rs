//! A fixture and hostile HTTP server on 127.0.0.1 for the feed, fetch and CLI tests.
//!
//! `use crate::support::server;` then `let srv = server::start().await;` (inside a tokio runtime)
//! and `srv.url("/rss2.xml")`. Every route is listed in `ROUTES`.
#![allow(dead_code, clippy::unwrap_used)]

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::io::AsyncWriteExt;

pub const ETAG: &str = "\"rss2-v1\"";
pub const LAST_MODIFIED: &str = "Thu, 07 Aug 2025 17:05:00 GMT";

/// Route → what it does, for people reading test output.
pub const ROUTES: &[(&str, &str)] = &[
    (
        "/rss2.xml",
        "RSS 2.0 with content:encoded; ETag + Last-Modified, 304 when matched",
    ),
    ("/atom.xml", "Atom"),
    ("/feed.json", "JSON Feed 1.1"),
    ("/rss1.rdf", "RSS 1.0 (RDF)"),
    (
        "/windows-1256.xml",
        "RSS in windows-1256, declared in the XML declaration only",
    ),
    (
        "/iso-8859-6.xml",
        "RSS in ISO-8859-6, declared in the HTTP charset only",
    ),
    (
        "/gzip.xml",
        "rss2.xml gzip-compressed (Content-Encoding: gzip)",
    ),
    ("/status/{code}", "that status, a small HTML body"),
    ("/429", "429 with Retry-After: 120"),
    ("/503", "503 with Retry-After: 60"),
    ("/redirect/{n}", "n redirects, then rss2.xml"),
    ("/loop/{n}", "redirects forever"),
    ("/to-javascript", "302 to javascript:alert(1)"),
    ("/to-file", "302 to file:///etc/passwd"),
    ("/slow", "headers after 60 s"),
    ("/trickle", "200, then one byte every 200 ms forever"),
    ("/huge", "1 GiB body, streamed"),
    (
        "/bomb",
        "300 MiB of zeros gzip-compressed (about 300 KiB on the wire)",
    ),
    ("/html", "an HTML page served as text/html"),
    ("/malformed.xml", "RSS with a mismatched end tag on line 7"),
    ("/empty", "200 with an empty body"),
];

/// Requests the server saw: (path, If-None-Match, If-Modified-Since, User-Agent).
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub path: String,
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Clone, Default)]
struct Shared {
    seen: Arc<Mutex<Vec<Seen>>>,
}

pub struct Server {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Every request seen so far for `path`.
    pub fn seen(&self, path: &str) -> Vec<Seen> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

/// `name` re-encoded into `encoding` (the fixture is UTF-8 on disk); panics if any character
/// does not exist in that encoding, so the bytes are really in it.
pub fn encoded_fixture(name: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let text = fixture_text(name);
    let (bytes, _, unmappable) = encoding.encode(&text);
    assert!(
        !unmappable,
        "{name} has characters {} cannot encode",
        encoding.name()
    );
    bytes.into_owned()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// 300 MiB of zeros, gzip-compressed once per test binary. Compressing takes seconds on a
/// loaded machine: a test with a tight fetch timeout calls this first, so the first `/bomb`
/// request is not answered late.
pub fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..300 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap()
    })
}

fn xml(body: Vec<u8>, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

fn record(s: &Shared, path: String, headers: &HeaderMap) {
    let h = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    s.seen.lock().unwrap().push(Seen {
        path,
        if_none_match: h(header::IF_NONE_MATCH),
        if_modified_since: h(header::IF_MODIFIED_SINCE),
        user_agent: h(header::USER_AGENT),
    });
}

async fn rss2(State(s): State<Shared>, headers: HeaderMap) -> Response {
    record(&s, "/rss2.xml".into(), &headers);
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == ETAG.as_bytes());
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, ETAG)]).into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml; charset=utf-8"),
            (header::ETAG, ETAG),
            (header::LAST_MODIFIED, LAST_MODIFIED),
        ],
        fixture("rss2.xml"),
    )
        .into_response()
}

fn redirect(to: &str) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, HeaderValue::from_str(to).unwrap())],
    )
        .into_response()
}

fn stream_body<S>(s: S) -> Body
where
    S: futures_util::Stream<Item = Result<Bytes, Infallible>> + Send + 'static,
{
    Body::from_stream(s)
}

fn router() -> Router<Shared> {
    Router::new()
        .route("/rss2.xml", get(rss2))
        .route(
            "/atom.xml",
            get(|| async { xml(fixture("atom.xml"), "application/atom+xml") }),
        )
        .route(
            "/feed.json",
            get(|| async { xml(fixture("feed.json"), "application/feed+json") }),
        )
        .route(
            "/rss1.rdf",
            get(|| async { xml(fixture("rss1.rdf"), "application/rdf+xml") }),
        )
        .route(
            "/windows-1256.xml",
            get(|| async {
                xml(
                    encoded_fixture("legacy-1256.xml", encoding_rs::WINDOWS_1256),
                    "application/rss+xml",
                )
            }),
        )
        .route(
            "/iso-8859-6.xml",
            get(|| async {
                xml(
                    encoded_fixture("legacy-8859-6.xml", encoding_rs::ISO_8859_6),
                    "text/xml; charset=ISO-8859-6",
                )
            }),
        )
        .route(
            "/gzip.xml",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "application/rss+xml"),
                        (header::CONTENT_ENCODING, "gzip"),
                    ],
                    gzip(&fixture("rss2.xml")),
                )
                    .into_response()
            }),
        )
        .route(
            "/status/{code}",
            get(|Path(code): Path<u16>| async move {
                let status = StatusCode::from_u16(code).unwrap_or(StatusCode::IM_A_TEAPOT);
                (
                    status,
                    [(header::CONTENT_TYPE, "text/html")],
                    "<h1>error</h1>",
                )
                    .into_response()
            }),
        )
        .route(
            "/503",
            get(|| async {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, "60")],
                    "maintenance",
                )
                    .into_response()
            }),
        )
        .route(
            "/429",
            get(|| async {
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(header::RETRY_AFTER, "120")],
                    "slow down",
                )
                    .into_response()
            }),
        )
        .route(
            "/redirect/{n}",
            get(|Path(n): Path<u32>| async move {
                if n == 0 {
                    redirect("/rss2.xml")
                } else {
                    redirect(&format!("/redirect/{}", n - 1))
                }
            }),
        )
        .route(
            "/loop/{n}",
            get(|Path(n): Path<u32>| async move { redirect(&format!("/loop/{}", (n + 1) % 2)) }),
        )
        .route(
            "/to-javascript",
            get(|| async { redirect("javascript:alert(1)") }),
        )
        .route("/to-file", get(|| async { redirect("file:///etc/passwd") }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(60)).await;
                xml(fixture("rss2.xml"), "application/rss+xml")
            }),
        )
        .route(
            "/trickle",
            get(|| async {
                let s = futures_util::stream::unfold(0u64, |n| async move {
                    if n > 0 {
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                    Some((Ok(Bytes::from_static(b" ")), n + 1))
                });
                (
                    [(header::CONTENT_TYPE, "application/rss+xml")],
                    stream_body(s),
                )
                    .into_response()
            }),
        )
        .route(
            "/huge",
            get(|| async {
                let chunk = Bytes::from(vec![b'x'; 64 * 1024]);
                let s = futures_util::stream::iter((0..16 * 1024).map(move |_| Ok(chunk.clone())));
                (
                    [(header::CONTENT_TYPE, "application/rss+xml")],
                    stream_body(s),
                )
                    .into_response()
            }),
        )
        .route(
            "/bomb",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "application/rss+xml"),
                        (header::CONTENT_ENCODING, "gzip"),
                    ],
                    bomb(),
                )
                    .into_response()
            }),
        )
        .route(
            "/html",
            get(|| async { xml(fixture("page.html"), "text/html; charset=utf-8") }),
        )
        .route(
            "/malformed.xml",
            get(|| async { xml(fixture("malformed.xml"), "application/rss+xml") }),
        )
        .route(
            "/empty",
            get(|| async { xml(Vec::new(), "application/rss+xml") }),
        )
}

/// Start the fixture server on 127.0.0.1:0.
pub async fn start() -> Server {
    let shared = Shared::default();
    let seen = shared.seen.clone();
    let app = router().with_state(shared);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Server { addr, seen }
}

/// A raw TCP server that sends headers promising 100,000 bytes, 1,000 of them, then resets the
/// connection (RST, SO_LINGER 0). Returns its URL.
pub async fn start_resetting() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = tokio::io::AsyncReadExt::read(&mut sock, &mut buf).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\
                            Content-Length: 100000\r\n\r\n";
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&[b'<'; 1000]).await;
                let _ = sock.flush().await;
                tokio::time::sleep(Duration::from_millis(50)).await;
                let _ = sock.set_zero_linger();
                drop(sock);
            });
        }
    });
    format!("http://{addr}/feed.xml")
}

/// A TCP port that accepts and never says a word.
pub async fn start_silent() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            held.push(sock);
        }
    });
    format!("http://{addr}/feed.xml")
}
