//! Bytes → UTF-8: BOM, then the HTTP charset, then the XML declaration (or an HTML page's
//! `<meta charset>`); UTF-8 when none says otherwise. Invalid sequences become U+FFFD and the
//! rest is kept.

use encoding_rs::{Encoding, UTF_8};

/// How far into the body a declaration is looked for (the XML declaration must come first; a
/// `<meta charset>` comes early in `<head>`; HTML5 says 1024 bytes, pages are sloppier).
const SNIFF_BYTES: usize = 4096;

/// Decode a feed or page body to UTF-8 text.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = detect(bytes, content_type);
    // decode() strips a BOM matching the encoding and replaces malformed sequences.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The encoding of `bytes`: BOM, then the HTTP charset, then the document's own declaration.
pub(crate) fn detect(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let declared = || {
        xml_declared(head)
            .and_then(label)
            .or_else(|| meta_charset(head).and_then(label))
    };
    if let Some(enc) = content_type
        .and_then(charset_param)
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
    {
        // Servers often send "charset=utf-8" for everything; when the bytes are not UTF-8 and
        // the document names another encoding, the document is right.
        if enc == UTF_8
            && std::str::from_utf8(bytes).is_err()
            && let Some(doc) = declared().filter(|d| *d != UTF_8)
        {
            return doc;
        }
        return enc;
    }
    // UTF-16 without a BOM: "<?" as two-byte units.
    if bytes.starts_with(b"<\0?\0") {
        return encoding_rs::UTF_16LE;
    }
    if bytes.starts_with(b"\0<\0?") {
        return encoding_rs::UTF_16BE;
    }
    declared().unwrap_or(UTF_8)
}

/// encoding_rs maps a declared UTF-16 to UTF-8 for HTML (the bytes were already ASCII-readable,
/// so they cannot be UTF-16 without a BOM); do the same and skip unknown labels.
fn label(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).map(|e| e.output_encoding())
}

/// `charset` parameter of a Content-Type header value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// `encoding` of an XML declaration at the start of the document (after blank lines).
fn xml_declared(head: &[u8]) -> Option<&str> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &head[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = rest.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&rest[..end]).ok()?;
    attr_value(decl, "encoding")
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&str> {
    // Only ASCII matters here; anything else would not be a charset name anyway.
    let ascii_end = head
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(head.len());
    let text = std::str::from_utf8(&head[..ascii_end]).ok()?;
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let tag_start = from + i;
        let tag_end = lower[tag_start..]
            .find('>')
            .map_or(lower.len(), |e| tag_start + e);
        let tag = &text[tag_start..tag_end];
        let tag_lower = &lower[tag_start..tag_end];
        if let Some(pos) = tag_lower.find("charset=") {
            let value = &tag[pos + "charset=".len()..];
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if end > 0 {
                return Some(&value[..end]);
            }
        }
        from = tag_end;
    }
    None
}

/// Value of `name="…"` or `name='…'` inside a declaration.
fn attr_value<'a>(decl: &'a str, name: &str) -> Option<&'a str> {
    let mut search = decl;
    loop {
        let i = search.find(name)?;
        let after = search[i + name.len()..].trim_start();
        if let Some(after) = after.strip_prefix('=') {
            let after = after.trim_start();
            let quote = after.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &after[1..];
                return body.find(quote).map(|end| &body[..end]);
            }
            return None;
        }
        search = &search[i + name.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "أبل تطلق آيفون 17 بشريحة A19";

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(
            decode(&bytes, Some("text/xml; charset=windows-1256")),
            ARABIC
        );
        // encoding_rs cannot encode to UTF-16; build it by hand.
        let mut utf16 = vec![0xFF, 0xFE];
        for u in ARABIC.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None), ARABIC);
        let mut be = Vec::new();
        for u in "<?xml?>خبر".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, None), "<?xml?>خبر");
    }

    #[test]
    fn http_charset_then_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
        assert_eq!(
            decode(&bytes, Some("text/xml; charset=\"windows-1256\"")),
            ARABIC
        );
        let mut doc = b"\n\n<?xml version='1.0' encoding='ISO-8859-6'?><rss>".to_vec();
        let (body, _, _) = encoding_rs::ISO_8859_6.encode("تقنية");
        doc.extend_from_slice(&body);
        assert!(decode(&doc, Some("application/rss+xml")).ends_with("<rss>تقنية"));
        let html = [
            b"<html><head><meta charset=windows-1256>".as_slice(),
            &bytes,
        ]
        .concat();
        assert!(decode(&html, None).ends_with(ARABIC));
    }

    #[test]
    fn a_wrong_utf8_header_loses_to_the_declaration() {
        let (body, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
        let doc = [
            b"<?xml version=\"1.0\" encoding=\"windows-1256\"?>".as_slice(),
            &body,
        ]
        .concat();
        assert!(decode(&doc, Some("text/xml; charset=UTF-8")).ends_with(ARABIC));
        // A header naming a real non-UTF-8 charset still wins.
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("café");
        let doc = [
            b"<?xml version=\"1.0\" encoding=\"windows-1256\"?>".as_slice(),
            &latin,
        ]
        .concat();
        assert!(decode(&doc, Some("text/xml; charset=windows-1252")).ends_with("café"));
    }

    #[test]
    fn invalid_utf8_is_replaced_not_dropped() {
        let bytes = [b"abc".as_slice(), &[0xFF, 0xFE, 0x80], "عربي".as_bytes()].concat();
        assert_eq!(
            decode(&bytes, Some("text/xml; charset=utf-8")),
            "abc\u{FFFD}\u{FFFD}\u{FFFD}عربي"
        );
    }
}
