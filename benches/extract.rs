//! Full-article extraction of a ~200 KB Arabic news page (target: under 20 ms median).
//!
//! The page is the test fixture grown the way real ones are: a mega-menu, a long comment
//! thread and an inline script state blob around the same article.
#![allow(clippy::unwrap_used)]

use akhbar::feed::extract::extract_article;

const FIXTURE: &str = include_str!("../tests/fixtures/pages/samsung-hbm4.html");
const URL: &str = "https://tech.akhbar.invalid/2026/10/samsung-hbm4";
const TARGET_BYTES: usize = 200 * 1024;

fn main() {
    divan::main();
}

fn page_200kb() -> String {
    let mut menu = String::new();
    let mut comments = String::new();
    let mut script = String::from("<script>window.__STATE__={\"items\":[");
    let mut i = 0;
    while FIXTURE.len() + menu.len() + comments.len() + script.len() < TARGET_BYTES {
        menu.push_str(&format!(
            "<li><a href=\"/category/section-{i}\">قسم الأخبار التقنية رقم {i}</a></li>\n"
        ));
        comments.push_str(&format!(
            "<li class=\"comment\"><div class=\"comment-author\">قارئ {i}</div>\
             <p>تعليق رقم {i}: هل ستصل هذه الذاكرة إلى بطاقات الرسوميات للمستخدمين قريبا؟</p></li>\n"
        ));
        script.push_str(&format!(
            "{{\"id\":{i},\"title\":\"خبر مقترح {i}\",\"url\":\"/2026/10/story-{i}\"}},"
        ));
        i += 1;
    }
    script.push_str("{}]};</script>");
    FIXTURE
        .replacen("</ul>\n  </nav>", &format!("{menu}</ul>\n  </nav>"), 1)
        .replacen(
            "<ol class=\"comment-list\">",
            &format!("<ol class=\"comment-list\">{comments}"),
            1,
        )
        .replacen("</body>", &format!("{script}</body>"), 1)
}

#[divan::bench]
fn extract_200kb_page(bencher: divan::Bencher) {
    let page = page_200kb();
    assert!(page.len() >= TARGET_BYTES, "page is {} bytes", page.len());
    let paragraphs = extract_article(&page, URL).unwrap().paragraphs;
    assert_eq!(paragraphs.len(), 8, "the benchmark page must still extract");
    bencher
        .counter(divan::counter::BytesCount::new(page.len()))
        .bench(|| extract_article(divan::black_box(&page), URL));
}
