//! The full article from its web page: boilerplate boxes are removed, readability (dom_smoothie)
//! finds the article, then the one HTML walker (`html`) turns what it kept into paragraphs of
//! plain text for the layout engine.

use super::Link;
use super::html::{is_boilerplate, node_text};
use dom_smoothie::{Config, Readability, ReadabilityError};

/// An article as extracted from its page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub title: String,
    pub byline: Option<String>,
    /// Plain text, in reading order; an image is a one-line `[image: alt]` paragraph.
    pub paragraphs: Vec<String>,
    /// The page declares a right-to-left direction or language.
    pub rtl: bool,
    /// The links inside the article, resolved against the page.
    pub links: Vec<Link>,
}

impl Extracted {
    /// The paragraphs as stored text: one paragraph a line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }
}

/// Why a page yielded no article, as a one-line reason for people.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("no article text found on the page")]
    NoArticle,
    #[error("page too large to read ({0} elements)")]
    TooLarge(usize),
}

/// Bounds the work on a pathological page; real article pages have a few thousand elements.
const MAX_ELEMENTS: usize = 60_000;

const RTL_LANGS: &[&str] = &["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"];

/// Extract the article of a page. `page_url` resolves relative links (it is used only when it is
/// an absolute http(s) URL).
pub fn extract_article(html: &str, page_url: &str) -> Result<Extracted, ExtractError> {
    let url = url::Url::parse(page_url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|_| page_url);
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        // Kept so the walk below can recognise boilerplate by class.
        keep_classes: true,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, url, Some(config)).map_err(|_| ExtractError::NoArticle)?;
    let page_rtl = page_declares_rtl(&readability);
    let headings: Vec<String> = readability
        .doc
        .select("h1")
        .nodes()
        .iter()
        .map(|h| clean(&h.text()))
        .collect();
    remove_boilerplate(&readability.doc);
    let article = readability.parse().map_err(|e| match e {
        ReadabilityError::TooManyElements(n, _) => ExtractError::TooLarge(n),
        _ => ExtractError::NoArticle,
    })?;
    let title = headline(clean(&article.title), &headings);
    let rtl = page_rtl
        || article.dir.as_deref().is_some_and(is_rtl_dir)
        || article.lang.as_deref().is_some_and(is_rtl_lang);
    let root = readability.doc.select_single("#readability-page-1");
    let Some(root) = root.nodes().first() else {
        return Err(ExtractError::NoArticle);
    };
    let (paragraphs, raw_links) = node_text(root, Some(&title));
    let base = url.and_then(|u| url::Url::parse(u).ok());
    let links = super::parse::vetted_links(base.as_ref(), raw_links);
    if !paragraphs.iter().any(|p| !p.starts_with("[image")) {
        return Err(ExtractError::NoArticle);
    }
    Ok(Extracted {
        title,
        byline: article
            .byline
            .as_deref()
            .map(clean)
            .filter(|b| !b.is_empty()),
        paragraphs,
        rtl,
        links,
    })
}

/// The `<title>` often carries the site's name too ("الموقع | العنوان"): when a page heading
/// is the title without it, the heading is the headline.
fn headline(title: String, headings: &[String]) -> String {
    headings
        .iter()
        .find(|h| h.chars().count() >= 10 && *h != &title && title.contains(h.as_str()))
        .cloned()
        .unwrap_or(title)
}

fn page_declares_rtl(r: &Readability) -> bool {
    let html = r.doc.html_root();
    let body = r.doc.body();
    [Some(html), body].into_iter().flatten().any(|n| {
        n.attr("dir").is_some_and(|d| is_rtl_dir(&d))
            || n.attr("lang").is_some_and(|l| is_rtl_lang(&l))
    })
}

fn is_rtl_dir(dir: &str) -> bool {
    dir.trim().eq_ignore_ascii_case("rtl")
}

fn is_rtl_lang(lang: &str) -> bool {
    let primary = lang.trim().split(['-', '_']).next().unwrap_or("");
    RTL_LANGS.iter().any(|l| primary.eq_ignore_ascii_case(l))
}

/// Whitespace collapsed, controls dropped.
fn clean(s: &str) -> String {
    super::clean::inline(s).into_owned()
}

/// Remove boilerplate blocks from the whole page before readability scores it, so an ad or
/// share bar inside the article body does not survive (readability turns such a `div` into a
/// `p` and loses its class). Never removes a block that holds the article.
fn remove_boilerplate(doc: &dom_query::Document) {
    let body_chars = doc.body().map(|b| b.text().chars().count()).unwrap_or(0);
    let candidates = doc.select("[class], [id]");
    for node in candidates.nodes() {
        let Some(name) = node.node_name() else {
            continue;
        };
        if matches!(name.as_ref(), "html" | "body" | "main" | "article") || !is_boilerplate(node) {
            continue;
        }
        let holds_article = node.descendants_it().any(|d| {
            d.node_name()
                .is_some_and(|n| matches!(n.as_ref(), "article" | "main"))
        });
        if holds_article || node.text().chars().count() * 2 > body_chars {
            continue;
        }
        node.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::html::is_boilerplate_paragraph;

    fn page(body: &str) -> String {
        format!(
            "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><title>عنوان الخبر - موقع</title>\
             </head><body>{body}</body></html>"
        )
    }

    const LONG: &str = "أعلنت الشركة اليوم عن نتائجها الفصلية التي تجاوزت توقعات المحللين في \
        الأسواق، إذ ارتفعت الإيرادات بنسبة 12% على أساس سنوي لتصل إلى 3.5 مليار دولار، \
        مدفوعة بنمو الطلب على خدمات الحوسبة السحابية والذكاء الاصطناعي في المنطقة.";

    #[test]
    fn images_links_and_whitespace() {
        let html = page(&format!(
            "<article><p>{LONG}</p><p>  نص   مع <a href=\"/x\">رابط داخلي</a>\n وتكملة {LONG}</p>\
             <figure><img src=\"/a.jpg\" alt=\"صورة  المقر\"><figcaption>صورة المقر</figcaption>\
             </figure><p>{LONG}</p></article>"
        ));
        let e =
            extract_article(&html, "https://example.invalid/a").unwrap_or_else(|e| panic!("{e}"));
        assert!(e.rtl);
        assert_eq!(e.paragraphs.len(), 4, "{:#?}", e.paragraphs);
        assert!(e.paragraphs[1].starts_with("نص مع رابط داخلي وتكملة "));
        assert_eq!(e.paragraphs[2], "[image: صورة المقر]");
    }

    #[test]
    fn an_image_without_alt_takes_its_caption() {
        let html = page(&format!(
            "<article><p>{LONG}</p><figure><img src=\"/b.jpg\"><figcaption>  مقر الشركة \
             في الرياض </figcaption></figure><figure><img src=\"/c.jpg\"></figure><p>{LONG}</p>\
             </article>"
        ));
        let e =
            extract_article(&html, "https://example.invalid/b").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            e.paragraphs[1..3],
            ["[image: مقر الشركة في الرياض]", "[image]"]
        );
        assert_eq!(e.paragraphs.len(), 4, "{:#?}", e.paragraphs);
    }

    #[test]
    fn read_also_and_share_boxes_are_dropped() {
        let html = page(&format!(
            "<article><p>{LONG}</p><div class=\"share-bar\"><a href=\"#\">شارك على X</a></div>\
             <p><strong>اقرأ أيضًا:</strong> <a href=\"/y\">خبر آخر</a></p><p>{LONG} ثانية</p>\
             </article>"
        ));
        let e = extract_article(&html, "not a url").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            e.paragraphs,
            vec![
                LONG.split_whitespace().collect::<Vec<_>>().join(" "),
                format!(
                    "{} ثانية",
                    LONG.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            ]
        );
    }

    #[test]
    fn ad_labels_but_not_announcements() {
        assert!(is_boilerplate_paragraph("إعلان"));
        assert!(is_boilerplate_paragraph("Advertisement:"));
        assert!(is_boilerplate_paragraph("[image: إعلان ممول]"));
        assert!(!is_boilerplate_paragraph(
            "إعلان مايكروسوفت عن الشراكة جاء بعد أشهر من المفاوضات."
        ));
        assert!(is_boilerplate_paragraph("اقرأ أيضًا: خبر آخر"));
    }

    #[test]
    fn control_characters_never_survive() {
        let html = page(&format!(
            "<article><p>{LONG}\u{1b}[31m أحمر\u{7}</p></article>"
        ));
        let e =
            extract_article(&html, "https://example.invalid/").unwrap_or_else(|e| panic!("{e}"));
        assert!(e.text().chars().all(|c| c == '\n' || !c.is_control()));
        // The whole escape sequence goes, not only its ESC.
        assert!(
            e.text().contains(" أحمر") && !e.text().contains("[31m"),
            "{}",
            e.text()
        );
    }

    #[test]
    fn ltr_pages_and_empty_pages() {
        let html = format!(
            "<html lang=\"en\"><body><article><p>{}</p></article></body></html>",
            "Plain English text about a product launch, long enough to count as an article. "
                .repeat(8)
        );
        let e =
            extract_article(&html, "https://example.invalid/").unwrap_or_else(|e| panic!("{e}"));
        assert!(!e.rtl);
        assert_eq!(
            extract_article(
                "<html><body><nav>قائمة</nav></body></html>",
                "https://x.invalid/"
            ),
            Err(ExtractError::NoArticle)
        );
    }

    #[test]
    fn rtl_language_tags() {
        assert!(is_rtl_lang("ar"));
        assert!(is_rtl_lang("ar-SA"));
        assert!(is_rtl_lang("AR_eg"));
        assert!(!is_rtl_lang("en-US"));
        assert!(!is_rtl_lang("arn"));
    }
}
