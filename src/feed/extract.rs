//! The full article from its web page: readability (dom_smoothie) finds the article, then a walk
//! over what it kept turns it into paragraphs of plain text for the layout engine.

use dom_query::NodeRef;
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

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button",
    "input", "select", "textarea", "nav", "aside", "footer", "header", "svg", "canvas", "video",
    "audio", "map", "dialog", "menu",
];

/// Elements that end a paragraph before and after their content.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "address",
    "details",
    "summary",
    "center",
];

/// Class/id words of boilerplate that readability sometimes leaves in or next to the article
/// (share bars, "related"/"read also" boxes, ads, newsletter prompts, tag lists, the headline
/// block with its kicker, byline and date — title and byline are returned apart), matched
/// against the '-'/'_'-separated parts of each class and id.
const BOILERPLATE_WORDS: &[&str] = &[
    "header",
    "meta",
    "byline",
    "dateline",
    "date",
    "timestamp",
    "kicker",
    "category",
    "categories",
    "breaking",
    "print",
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "tags",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "outbrain",
    "taboola",
    "dfp",
    "adsense",
];

/// Class/id fragments of boilerplate written as one word.
const BOILERPLATE_FRAGMENTS: &[&str] = &[
    "readalso",
    "read-also",
    "readmore",
    "read-more",
    "morenews",
    "more-news",
    "mostread",
    "most-read",
    "sharebar",
    "adslot",
    "advert",
    "author-box",
    "authorbox",
];

/// Paragraphs that are only an ad label.
const AD_LABELS: &[&str] = &[
    "إعلان",
    "اعلان",
    "إعلانات",
    "مساحة إعلانية",
    "محتوى مدفوع",
    "advertisement",
    "sponsored",
];

/// Paragraph openings of "read also" links and share prompts inside article bodies.
const BOILERPLATE_LEADS: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ أيضًا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضًا",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "اقرأ المزيد",
    "شاهد أيضا",
    "شاهد أيضًا",
    "شاهد أيضاً",
    "read also",
    "read more",
    "related:",
];

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
    let mut walk = Walk {
        title: &title,
        ..Walk::default()
    };
    walk.node(root);
    walk.flush();
    let paragraphs = walk.finish();
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
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::text::sanitize(&joined)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Walk<'t> {
    title: &'t str,
    current: String,
    paragraphs: Vec<String>,
    /// The alt text of the last image mark, so a caption repeating it is not shown twice.
    last_image_alt: Option<String>,
}

impl Walk<'_> {
    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.current.push_str(&node.text());
            return;
        }
        if !node.is_element() {
            // Comments, doctypes: nothing to read. The document/fragment root has children.
            if node.is_document() || node.is_fragment() {
                self.children(node);
            }
            return;
        }
        let Some(name) = node.node_name() else {
            return;
        };
        let name = name.to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) || is_boilerplate(node) || is_hidden(node) {
            return;
        }
        match name.as_str() {
            "img" => self.image(node),
            "br" | "hr" => self.flush(),
            "td" | "th" => {
                self.current.push(' ');
                self.children(node);
                self.current.push(' ');
            }
            "h1" if clean(&node.text()) == self.title => {}
            "figcaption" => {
                self.flush();
                let caption = clean(&node.text());
                if self.last_image_alt.as_deref() != Some(caption.as_str()) {
                    self.children(node);
                }
                self.flush();
            }
            n if BLOCKS.contains(&n) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.node(&child);
        }
    }

    fn image(&mut self, node: &NodeRef) {
        self.flush();
        let mut alt = node.attr("alt").map(|a| clean(&a)).unwrap_or_default();
        if alt.is_empty() {
            // An image without alt text is described by its figure's caption, if any.
            alt = figure_caption(node).unwrap_or_default();
        }
        self.paragraphs.push(if alt.is_empty() {
            "[image]".to_string()
        } else {
            format!("[image: {alt}]")
        });
        self.last_image_alt = Some(alt);
    }

    fn flush(&mut self) {
        let p = clean(&self.current);
        self.current.clear();
        if p.is_empty() {
            return;
        }
        self.last_image_alt = None;
        self.paragraphs.push(p);
    }

    fn finish(self) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.paragraphs.len());
        for p in self.paragraphs {
            if is_boilerplate_paragraph(&p) || out.last() == Some(&p) {
                continue;
            }
            out.push(p);
        }
        out
    }
}

fn figure_caption(img: &NodeRef) -> Option<String> {
    let figure = img
        .ancestors_it(Some(3))
        .find(|a| a.node_name().is_some_and(|n| n.as_ref() == "figure"))?;
    let caption = figure
        .descendants_it()
        .find(|d| d.node_name().is_some_and(|n| n.as_ref() == "figcaption"))?;
    Some(clean(&caption.text())).filter(|c| !c.is_empty())
}

fn is_boilerplate(node: &NodeRef) -> bool {
    node.class().is_some_and(|v| has_boilerplate_token(&v))
        || node.id_attr().is_some_and(|v| has_boilerplate_token(&v))
}

fn has_boilerplate_token(v: &str) -> bool {
    v.to_ascii_lowercase()
        .split_ascii_whitespace()
        .any(|token| {
            token
                .split(['-', '_'])
                .any(|part| BOILERPLATE_WORDS.contains(&part))
                || BOILERPLATE_FRAGMENTS.iter().any(|f| token.contains(f))
        })
}

fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn is_boilerplate_paragraph(p: &str) -> bool {
    let lower = p.to_lowercase();
    if BOILERPLATE_LEADS.iter().any(|lead| lower.starts_with(lead)) {
        return true;
    }
    // «إعلان» is also "announcement": a paragraph is an ad label only when it is nothing else,
    // while an image whose alt starts with it is an ad banner.
    let is_label = |t: &str| AD_LABELS.contains(&t.trim_end_matches([':', '：', ' ']));
    match lower
        .strip_prefix("[image: ")
        .and_then(|l| l.strip_suffix(']'))
    {
        Some(alt) => {
            is_label(alt)
                || AD_LABELS.iter().any(|ad| {
                    alt.starts_with(&format!("{ad} ")) || alt.starts_with(&format!("{ad}:"))
                })
        }
        None => is_label(&lower),
    }
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
