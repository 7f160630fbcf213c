//! HTML → plain text paragraphs.
//!
//! html5ever (through dom_query, which dom_smoothie already brings) parses; an explicit-stack walk
//! (no recursion, so no depth can overflow the stack) turns block elements into paragraphs.
//! Scripts, styles, iframes, forms and media are dropped; links keep their text; images with alt
//! text become `[image: alt]`.

use super::clean;
use dom_query::{Document, NodeRef};
use std::borrow::Cow;

/// Deeper nesting is flattened before parsing: html5ever checks element scopes by scanning its
/// stack of open elements, which is quadratic on 100,000 nested tags.
const MAX_DEPTH: usize = 256;

/// Paragraphs of plain text (scripts and styles dropped, entities decoded).
pub fn html_to_paragraphs(html: &str) -> Vec<String> {
    if html.trim().is_empty() {
        return Vec::new();
    }
    let html = limit_depth(html, MAX_DEPTH, false);
    let doc = Document::fragment(html.as_ref());
    let mut walk = Walk::default();
    walk.run(doc.root());
    walk.flush();
    walk.paragraphs
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "iframe"
            | "frame"
            | "frameset"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "object"
            | "embed"
            | "applet"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "canvas"
            | "audio"
            | "video"
            | "source"
            | "track"
            | "map"
            | "dialog"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "center"
            | "form"
            | "body"
            | "html"
    )
}

#[derive(Default)]
struct Walk {
    paragraphs: Vec<String>,
    cur: String,
    space: bool,
    pre: usize,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, pre: bool },
}

impl Walk {
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
                    if is_skipped(&name) {
                        continue;
                    }
                    match name.as_str() {
                        "br" => {
                            self.flush();
                            continue;
                        }
                        "img" => {
                            let alt = node.attr("alt").map(|a| clean::inline(&a).into_owned());
                            if let Some(alt) = alt.filter(|a| !a.is_empty()) {
                                self.word(&format!("[image: {alt}]"));
                            }
                            continue;
                        }
                        "td" | "th" => self.space = true,
                        _ => {}
                    }
                    let block = is_block(&name);
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

    fn flush(&mut self) {
        let p = clean::inline(&self.cur).into_owned();
        self.cur.clear();
        self.space = false;
        if !p.is_empty() && p != "•" {
            self.paragraphs.push(p);
        }
    }
}

/// Elements whose content is raw text (a `<` inside does not start a tag).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Drop the tags nested deeper than `max` (their text stays). A rough tokenizer: exact enough to
/// bound a parser's work, and returns the input untouched when nothing is that deep. With `xml`,
/// CDATA sections are copied whole and no element is void or raw text.
pub(crate) fn limit_depth(html: &str, max: usize, xml: bool) -> Cow<'_, str> {
    if html.bytes().filter(|&b| b == b'<').count() < max {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut dropped = false;
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = html[i..].find('<').map(|p| i + p) else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..lt]);
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            out.push_str(&html[lt..end]);
            i = end;
            continue;
        }
        if xml && rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").map_or(html.len(), |e| lt + e + 3);
            out.push_str(&html[lt..end]);
            i = end;
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = lt + if closing { 2 } else { 1 };
        let name_len = html[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(html.len() - name_start);
        if name_len == 0 {
            // Not a tag ("a < b", "<!DOCTYPE", "<?"): keep the '<' as text.
            out.push('<');
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = html[name_start..]
            .find('>')
            .map_or(html.len(), |e| name_start + e + 1);
        let tag = &html[lt..tag_end];
        i = tag_end;
        if closing {
            // Only the innermost few are searched: keeps this linear on hostile input.
            let found = stack.iter().rev().take(64).position(|(n, _)| *n == name);
            if let Some(k) = found {
                let at = stack.len() - 1 - k;
                let emitted = stack[at].1;
                stack.truncate(at);
                if emitted {
                    out.push_str(tag);
                }
            } else if xml {
                out.push_str(tag);
            }
            continue;
        }
        let self_closing = tag.ends_with("/>") || (!xml && is_void(&name));
        if !xml && is_raw_text(&name) {
            // Copy through the matching end tag: nothing inside is markup.
            let end = find_end_tag(&html[i..], &name)
                .and_then(|e| html[i + e..].find('>').map(|g| i + e + g + 1))
                .unwrap_or(html.len());
            if stack.len() < max {
                out.push_str(tag);
                out.push_str(&html[i..end]);
            } else {
                dropped = true;
            }
            i = end;
            continue;
        }
        if self_closing {
            out.push_str(tag);
            continue;
        }
        let emit = stack.len() < max;
        if emit {
            out.push_str(tag);
        } else {
            dropped = true;
        }
        stack.push((name, emit));
    }
    if dropped {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Offset of `</name` (any case) in `s`, without copying `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = s[from..].find("</") {
        let at = from + p;
        let tag = bytes.get(at + 2..at + 2 + name.len())?;
        if tag.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
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
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 100_000;
        let html = format!("{}عمق{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(html_to_paragraphs(&html), vec!["عمق"]);
        let spans = format!("{}x", "<span><i>".repeat(n));
        assert_eq!(html_to_paragraphs(&spans), vec!["x"]);
    }

    #[test]
    fn limit_depth_keeps_shallow_documents() {
        let html = "<p>a</p>".repeat(300);
        assert_eq!(limit_depth(&html, 4, false), html);
        let deep = "<b>".repeat(10) + "t";
        assert_eq!(limit_depth(&deep, 3, false), "<b><b><b>t");
        let raw = format!(
            "{}<SCRIPT>a<b</Script>{}",
            "<i>".repeat(3),
            "<u>".repeat(300)
        );
        assert!(limit_depth(&raw, 5, false).starts_with("<i><i><i><SCRIPT>a<b</Script><u><u>"));
        let xml = "<a><b><![CDATA[<p><p><p><p>]]><c><d>t</d></c></b></a>";
        assert_eq!(
            limit_depth(xml, 3, true),
            "<a><b><![CDATA[<p><p><p><p>]]><c>t</c></b></a>"
        );
    }
}
