//! Search over 10,000 stored articles (target: two-word query under 20 ms median),
//! and listing the newest 50 (the start-up query).
#![allow(clippy::unwrap_used)]

use akhbar::feed::{FeedSource, NewArticle};
use akhbar::ingest::content_hash;
use akhbar::store::{ArticleQuery, FeedMeta, Ingest, Store};
use std::sync::{Mutex, OnceLock};

const SUBJECTS: &[&str] = &[
    "مايكروسوفت",
    "OpenAI",
    "جوجل",
    "سامسونج",
    "إنفيديا",
    "آبل",
    "هواوي",
];
const TOPICS: &[&str] = &[
    "تطلق نموذجا جديدا للذكاء الاصطناعي التوليدي",
    "تستثمر مليارات الدولارات في مراكز البيانات",
    "تكشف عن هاتف قابل للطي بسعر 1,999 دولارا",
    "توقع اتفاقا للطاقة المتجددة في السعودية",
    "تواجه تحقيقا من المفوضية الأوروبية",
];

fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<(tempfile::TempDir, Mutex<Store>)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
            for f in 0..20 {
                store
                    .add_feeds(&[FeedSource {
                        url: format!("https://feed{f}.example/rss"),
                        ..Default::default()
                    }])
                    .unwrap();
            }
            let feeds = store.feeds().unwrap();
            for (fi, feed) in feeds.iter().enumerate() {
                let items: Vec<Ingest> = (0..500)
                    .map(|i| {
                        let n = fi * 500 + i;
                        let title = format!(
                            "{} {} ({n})",
                            SUBJECTS[n % SUBJECTS.len()],
                            TOPICS[(n / 7) % TOPICS.len()]
                        );
                        let body = format!(
                            "{title}. وقالت الشركة في بيان إن الخطوة تأتي ضمن خطتها للتوسع في \
                             الشرق الأوسط، حيث ارتفع الطلب على الحوسبة السحابية بنسبة {}% \
                             خلال عام 2026. وأضاف البيان أن الاستثمار يبلغ نحو {} مليار دولار.\n\
                             وتسعى الشركات التقنية الكبرى إلى تعزيز قدراتها في مجال الذكاء \
                             الاصطناعي وسط منافسة متزايدة على الرقائق والطاقة.",
                            n % 40,
                            n % 90
                        )
                        .repeat(3);
                        let a = NewArticle {
                            guid: format!("g{n}"),
                            title,
                            content: body,
                            published: chrono::DateTime::from_timestamp(
                                1_760_000_000 + n as i64 * 60,
                                0,
                            ),
                            ..Default::default()
                        };
                        {
                            let hash = content_hash(&a);
                            Ingest::new(a, hash, Some(vec![]))
                        }
                    })
                    .collect();
                store
                    .write_fetch(feed.id, &FeedMeta::default(), &items, "bench")
                    .unwrap();
            }
            (dir, Mutex::new(store))
        })
        .1
}

fn query(search: Option<&str>, limit: Option<usize>) -> usize {
    let store = store().lock().unwrap();
    store
        .list_articles(&ArticleQuery {
            search: search.map(str::to_string),
            limit,
            ..Default::default()
        })
        .unwrap()
        .len()
}

#[divan::bench]
fn search_two_words_top_100() -> usize {
    query(Some("الطاقة السعودية"), Some(100))
}

#[divan::bench]
fn search_two_words_all_matches() -> usize {
    query(Some("الطاقة السعودية"), None)
}

#[divan::bench]
fn search_phrase() -> usize {
    query(Some("\"الذكاء الاصطناعي\" سامسونج"), Some(100))
}

#[divan::bench]
fn list_newest_50() -> usize {
    query(None, Some(50))
}

fn main() {
    assert_eq!(store().lock().unwrap().article_count().unwrap(), 10_000);
    divan::main();
}
