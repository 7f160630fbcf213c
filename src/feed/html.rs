//! HTML → plain text paragraphs: the one walker, for feed content and for the article that
//! readability found on a page.
//!
//! html5ever (through dom_query, which dom_smoothie already brings) parses; an explicit-stack walk
//! (no recursion, so no depth can overflow the stack) turns block elements into paragraphs.
//! One skip list says what is never read (scripts, styles, embedded and interactive content,
//! metadata, page furniture); hidden elements and boilerplate boxes (share bars, "read also",
//! ads — by class or id) are dropped too. Links keep their text; an image becomes its own
//! `[image: alt]` paragraph (its caption standing in for a missing alt; a bare image without
//! either is decoration and dropped).

use super::clean;
use super::depth::limit_depth;
use dom_query::{Document, NodeRef};

/// Deeper nesting is flattened before parsing: html5ever checks element scopes by scanning its
/// stack of open elements, which is quadratic on 100,000 nested tags.
const MAX_DEPTH: usize = 256;

/// Elements whose content is never read.
const SKIPPED: &[&str] = &[
    // Code and styles.
    "script", "style", "noscript", "template", // Embedded, media and drawing.
    "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "canvas", "audio",
    "video", "source", "track", "map", // Document metadata.
    "head", "title", "meta", "link", // Interactive.
    "form", "button", "input", "select", "textarea", "dialog", "menu",
    // Page furniture.
    "nav", "aside", "header", "footer",
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
    "ul",
    "ol",
    "li",
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
    "fieldset",
    "legend",
    "center",
    "body",
    "html",
    "hr",
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

/// Links kept per article, at most (a link farm keeps its first ones).
const MAX_LINKS: usize = 200;
/// A link's words, at most (characters).
const MAX_LINK_TEXT: usize = 200;

/// Paragraphs of plain text from feed content (entities decoded).
pub fn html_to_paragraphs(html: &str) -> Vec<String> {
    html_to_text(html).0
}

/// Paragraphs of plain text from feed content, and the links in it as (words, href as
/// written): the caller resolves and vets the addresses.
pub fn html_to_text(html: &str) -> (Vec<String>, Vec<(String, String)>) {
    if html.trim().is_empty() {
        return (Vec::new(), Vec::new());
    }
    let html = limit_depth(html, MAX_DEPTH, false);
    let doc = Document::fragment(html.as_ref());
    node_text(&doc.root(), None)
}

/// Paragraphs and links (words, href as written) of the text under `root`; a heading that only
/// repeats `title` is left out.
pub(crate) fn node_text(
    root: &NodeRef<'_>,
    title: Option<&str>,
) -> (Vec<String>, Vec<(String, String)>) {
    let mut walk = Walk {
        title,
        ..Walk::default()
    };
    walk.run(*root);
    walk.flush();
    let links = std::mem::take(&mut walk.links);
    (walk.finish(), links)
}

/// Whether a node is a boilerplate box by its class or id.
pub(crate) fn is_boilerplate(node: &NodeRef) -> bool {
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

/// A "read also" lead or an ad label standing alone (an image whose alt is an ad label is an
/// ad banner).
pub(crate) fn is_boilerplate_paragraph(p: &str) -> bool {
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

fn inline(s: &str) -> String {
    clean::inline(s).into_owned()
}

#[derive(Default)]
struct Walk<'t> {
    title: Option<&'t str>,
    paragraphs: Vec<String>,
    cur: String,
    space: bool,
    pre: usize,
    /// The alt text of the last image, so a caption repeating it is not shown twice.
    last_image_alt: Option<String>,
    /// (words, href) of each link met, in reading order.
    links: Vec<(String, String)>,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, pre: bool },
}

impl Walk<'_> {
    fn run(&mut self, root: NodeRef<'_>) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave { block, pre } => {
                    if pre {
                        self.pre -= 1;
                    }
                    if block {
                        self.flush();
                    }
                }
                Step::Enter(node) => {
                    if node.is_text() {
                        self.text(&node.text());
                        continue;
                    }
                    if !node.is_element() && !node.is_document() && !node.is_fragment() {
                        continue; // comments, doctypes, processing instructions
                    }
                    let name = node
                        .node_name()
                        .map(|n| n.to_ascii_lowercase())
                        .unwrap_or_default();
                    if SKIPPED.contains(&name.as_str())
                        || (node.is_element() && (is_boilerplate(&node) || is_hidden(&node)))
                    {
                        continue;
                    }
                    match name.as_str() {
                        "br" => {
                            self.flush();
                            continue;
                        }
                        "img" => {
                            self.image(&node);
                            continue;
                        }
                        "td" | "th" => self.space = true,
                        "a" => self.link(&node),
                        "h1" if self.title.is_some_and(|t| inline(&node.text()) == t) => {
                            continue;
                        }
                        "figcaption" => {
                            self.flush();
                            if self.last_image_alt.as_deref() == Some(inline(&node.text()).as_str())
                            {
                                continue;
                            }
                        }
                        _ => {}
                    }
                    let block = BLOCKS.contains(&name.as_str());
                    let pre = name == "pre";
                    if block {
                        self.flush();
                    }
                    if pre {
                        self.pre += 1;
                    }
                    if name == "li" {
                        self.word("•");
                        self.space = true;
                    }
                    stack.push(Step::Leave { block, pre });
                    let children: Vec<_> = node.children_it(true).map(Step::Enter).collect();
                    stack.extend(children);
                }
            }
        }
    }

    /// A link's words and address (kept apart: the text keeps only the words).
    fn link(&mut self, node: &NodeRef) {
        let Some(href) = node.attr("href") else {
            return;
        };
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') || self.links.len() >= MAX_LINKS {
            return;
        }
        let text = clean::truncate(&inline(&node.text()), MAX_LINK_TEXT).into_owned();
        self.links.push((text, href.to_string()));
    }

    /// Text, whitespace collapsed (inside `<pre>`, line breaks end paragraphs).
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' && self.pre > 0 {
                self.flush();
            } else if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.cur.is_empty() {
                    self.cur.push(' ');
                }
                self.space = false;
                self.cur.push(c);
            }
        }
    }

    fn word(&mut self, w: &str) {
        if !self.cur.is_empty() {
            self.space = true;
        }
        self.text(w);
    }

    /// An image is a paragraph of its own: its alt text, else its figure's caption; a bare
    /// image with neither is decoration (icons, tracking pixels), one in a figure is content.
    fn image(&mut self, node: &NodeRef) {
        self.flush();
        let mut alt = node.attr("alt").map(|a| inline(&a)).unwrap_or_default();
        let figure = node.ancestors_it(Some(3)).find(|a| {
            a.node_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("figure"))
        });
        if alt.is_empty()
            && let Some(figure) = &figure
        {
            alt = figure
                .descendants_it()
                .find(|d| {
                    d.node_name()
                        .is_some_and(|n| n.eq_ignore_ascii_case("figcaption"))
                })
                .map(|c| inline(&c.text()))
                .unwrap_or_default();
        }
        if alt.is_empty() {
            if figure.is_some() {
                self.paragraphs.push("[image]".to_string());
                self.last_image_alt = Some(alt);
            }
            return;
        }
        self.paragraphs.push(format!("[image: {alt}]"));
        self.last_image_alt = Some(alt);
    }

    fn flush(&mut self) {
        let p = inline(&self.cur);
        self.cur.clear();
        self.space = false;
        if p.is_empty() || p == "•" {
            return;
        }
        self.last_image_alt = None;
        self.paragraphs.push(p);
    }

    /// Boilerplate paragraphs dropped, and a paragraph repeating the one before.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let html = r#"<h2>Nvidia   تكشف</h2><p>رقاقة <b>Blackwell</b> &amp; <a href="https://x.test/">التفاصيل</a></p>
            <script>alert(1)</script><style>p{}</style><iframe src="https://evil.test"></iframe>
            <p onclick="steal()">نص<br>سطر ثان</p><img src="a.png" alt="صورة الرقاقة"><img src="b.png">
            <ul><li>أول</li><li>ثان</li></ul><p>   </p>"#;
        assert_eq!(
            html_to_paragraphs(html),
            vec![
                "Nvidia تكشف",
                "رقاقة Blackwell & التفاصيل",
                "نص",
                "سطر ثان",
                "[image: صورة الرقاقة]",
                "• أول",
                "• ثان",
            ]
        );
    }

    #[test]
    fn one_set_of_rules_for_feeds_and_pages() {
        // Boilerplate by class, hidden text, a caption repeating its image's alt, a bare image
        // (a tracking pixel), an image in a figure without words, a "read also" line and a
        // repeated paragraph.
        let html = r#"<p>نص</p><div class="share-bar">شارك</div><p style="display: none">مخفي</p>
            <figure><img src="a.jpg" alt="صورة"><figcaption>صورة</figcaption></figure>
            <img src="pixel.gif"><figure><img src="b.jpg"></figure>
            <nav>القائمة</nav><p>اقرأ أيضا: خبر آخر</p><p>تكملة</p><p>تكملة</p>"#;
        assert_eq!(
            html_to_paragraphs(html),
            ["نص", "[image: صورة]", "[image]", "تكملة"]
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 100_000;
        let html = format!("{}عمق{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(html_to_paragraphs(&html), vec!["عمق"]);
        let spans = format!("{}x", "<span><i>".repeat(n));
        assert_eq!(html_to_paragraphs(&spans), vec!["x"]);
    }
}
