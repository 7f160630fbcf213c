//! Nesting bounded before parsing: html5ever (and quick-xml for feeds) checks element scopes by
//! scanning its stack of open elements, which is quadratic on 100,000 nested tags, so tags
//! nested deeper than a limit are dropped first (their text stays).

use std::borrow::Cow;

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
