//! Shared by the text tests: the paragraph fixtures and the layout invariants.
#![allow(dead_code)]

use akhbar::text::{
    BidiMode, LayoutOptions, PreparedParagraph, cell_width, is_ignorable, is_invisible,
    line_to_plain, sanitize,
};
use ratatui::text::Line;
use unicode_segmentation::UnicodeSegmentation;

/// The paragraphs of tests/fixtures/text/paragraphs.txt, escapes decoded.
pub fn paragraphs() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/text/paragraphs.txt"
    );
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
    // Ignorable characters (joiners, marks) and the dotted circle under a lone mark are not
    // compared; a tab is drawn as a space.
    let mut v: Vec<char> = s
        .chars()
        .filter(|c| !is_ignorable(*c) && *c != '\u{25CC}')
        .map(|c| if c == '\t' { ' ' } else { unmirror(c) })
        .collect();
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
        assert_eq!(
            display.replace('\t', " "),
            sanitize(text).replace('\n', " "),
            "{case}"
        );
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
            assert_eq!(
                w,
                usize::from(width),
                "{case}: RTL line must end at the last column: {visual:?}"
            );
        }
        // LTR and logical lines are not padded: the permutation check below would see the
        // extra spaces (a space inside an embedding may rightly come first, so no prefix check).
        let is_space = |g: Option<&str>| g.is_some_and(|g| g.trim_matches([' ', '\t']).is_empty());
        let mut gs = logical.graphemes(true);
        assert!(
            !is_space(gs.next()) && !is_space(gs.next_back()),
            "{case}: break space kept in {logical:?}"
        );
        // The visual line is a permutation of its logical characters (minus controls), with
        // brackets possibly mirrored.
        let pad = if app && p.is_rtl() {
            usize::from(width) - cell_width(logical)
        } else {
            0
        };
        assert!(
            visual.chars().take(pad).all(|c| c == ' '),
            "{case}: padding {visual:?}"
        );
        let content: String = visual.chars().skip(pad).collect();
        assert_eq!(sorted_chars(&content), sorted_chars(logical), "{case}");
        if !app {
            let plain: String = logical
                .graphemes(true)
                .filter(|g| !g.chars().all(is_ignorable))
                .map(|g| if g == "\t" { " " } else { g })
                .collect();
            let shown: String = visual.chars().filter(|c| *c != '\u{25CC}').collect();
            assert_eq!(shown, plain, "{case}: logical order expected");
        }
        assert_eq!(line_to_plain(line), visual.trim_end(), "{case}");
    }
    // The lines in logical order are the paragraph minus break spaces: what lies between
    // them (and before the first, after the last) is spaces only, and they never go backwards.
    let mut at = 0;
    for r in &ranges {
        assert!(r.start >= at, "{case}: lines overlap or go backwards");
        let gap = &display[at..r.start];
        assert!(
            gap.chars()
                .all(|c| c == ' ' || c == '\t' || is_ignorable(c)),
            "{case}: lost {gap:?}"
        );
        at = r.end;
    }
    let tail = &display[at..];
    assert!(
        tail.chars()
            .all(|c| c == ' ' || c == '\t' || is_ignorable(c)),
        "{case}: lost {tail:?}"
    );
}
