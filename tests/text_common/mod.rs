//! Shared by the text tests: the paragraph fixtures and the layout invariants.
#![allow(dead_code)]

use akhbar::text::{
    BidiMode, LayoutOptions, PreparedParagraph, cell_width, is_invisible, line_to_plain, sanitize,
};
use ratatui::text::Line;

/// The paragraphs of tests/fixtures/text/paragraphs.txt, escapes decoded.
pub fn paragraphs() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text/paragraphs.txt");
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    raw.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(unescape)
        .collect()
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix("\\e") {
            out.push('\u{1B}');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("\\u{") {
            let end = r.find('}').unwrap_or_else(|| panic!("bad escape in {s}"));
            let cp = u32::from_str_radix(&r[..end], 16).unwrap_or_else(|e| panic!("{s}: {e}"));
            out.push(char::from_u32(cp).unwrap_or_else(|| panic!("bad code point in {s}")));
            rest = &r[end + 1..];
        } else {
            out.push('\\');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The whole visual line, padding included.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// A bracket and its mirror compare equal.
fn unmirror(c: char) -> char {
    match unicode_bidi_mirroring::get_mirrored(c) {
        Some(m) => c.min(m),
        None => c,
    }
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().filter(|c| !is_invisible(*c)).map(unmirror).collect();
    v.sort_unstable();
    v
}

/// Every invariant of a laid-out paragraph at `width`; panics with the case on failure.
pub fn check_invariants(text: &str, opts: &LayoutOptions, width: u16) {
    let p = PreparedParagraph::new(text, &[], Default::default(), opts);
    let lines = p.lines(width);
    let ranges = p.line_ranges(width);
    let display = p.display_text();
    let case = format!("{text:?} width {width} {opts:?}");
    assert_eq!(lines.len(), ranges.len(), "{case}");
    assert!(!lines.is_empty(), "{case}");
    if !opts.shape {
        assert_eq!(display, sanitize(text).replace('\n', " "), "{case}");
    }
    let app = opts.bidi == BidiMode::App;
    for (line, range) in lines.iter().zip(&ranges) {
        let visual = line_text(line);
        let logical = &display[range.clone()];
        let w = cell_width(&visual);
        // Every grapheme of the fixtures and generators fits in one cell.
        assert!(w <= usize::from(width), "{case}: too wide: {visual:?}");
        assert!(
            !visual.chars().any(|c| c.is_control() || is_invisible(c)),
            "{case}: control or bidi character in {visual:?}"
        );
        if app && p.is_rtl() {
            assert_eq!(w, usize::from(width), "{case}: RTL line must end at the last column: {visual:?}");
        } else {
            assert!(!visual.starts_with(' '), "{case}: LTR/logical line padded: {visual:?}");
        }
        assert!(!logical.starts_with(' ') && !logical.ends_with(' '), "{case}: break space kept in {logical:?}");
        // The visual line is a permutation of its logical characters (minus controls), with
        // brackets possibly mirrored.
        assert_eq!(sorted_chars(visual.trim_start()), sorted_chars(logical), "{case}");
        if !app {
            let plain: String = logical.chars().filter(|c| !is_invisible(*c)).collect();
            assert_eq!(visual, plain, "{case}: logical order expected");
        }
        assert_eq!(line_to_plain(line), visual.trim_end(), "{case}");
    }
    // The lines in logical order are the paragraph minus break spaces: what lies between
    // them (and before the first, after the last) is spaces only, and they never go backwards.
    let mut at = 0;
    for r in &ranges {
        assert!(r.start >= at, "{case}: lines overlap or go backwards");
        let gap = &display[at..r.start];
        assert!(gap.chars().all(|c| c == ' '), "{case}: lost {gap:?}");
        at = r.end;
    }
    let tail = &display[at..];
    assert!(tail.chars().all(|c| c == ' '), "{case}: lost {tail:?}");
}
