//! Properties over random mixes of Arabic, Latin, digits, brackets, marks, spaces, controls and
//! escape sequences: the layout invariants hold, nothing panics, and the feed's cleaning and the
//! layout's sanitizing agree.

use akhbar::feed::clean;
use akhbar::text::{
    BidiMode, Direction, LayoutOptions, PreparedParagraph, PreparedText, StyleSpan, cell_width,
    is_invisible, sanitize,
};
use proptest::prelude::*;
use ratatui::style::{Color, Style};

const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ل",
    "ا",
    "أ",
    "إ",
    "آ",
    "ء",
    "ة",
    "ى",
    "ي",
    "و",
    "ـ",
    "ك",
    "م",
    "ن",
    "ه",
    "ع",
    "\u{064E}",
    "\u{0651}",
    "\u{0650}",
    "\u{0652}",
    "\u{0670}",
    "لا",
    "الله",
    "a",
    "Z",
    "OpenAI",
    "x",
    "é",
    "e\u{0301}",
    "0",
    "7",
    "٣",
    "٤",
    "۵",
    "%",
    "٪",
    "٫",
    "٬",
    ".",
    ",",
    ":",
    "-",
    "+",
    "$",
    "€",
    "/",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "<",
    ">",
    "؟",
    "،",
    "؛",
    "!",
    " ",
    " ",
    " ",
    "  ",
    "\u{A0}",
    "\t",
    "\n",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200B}",
    "\u{200D}",
    "\u{200C}",
    "\u{FEFF}",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\r",
    "\u{7F}",
    "\u{85}",
    "\u{9B}",
    "\u{1B}[31m",
    "\u{1B}]0;t\u{7}",
    "\u{1B}",
    "\u{1B}P",
    "\u{1B}\\",
    "\u{1B}(B",
    "\u{1B}#8",
    "\u{1B}]52;c;AAAA",
    "\u{9C}",
    "\u{9D}",
    "\u{90}",
    "\u{2028}",
    "\u{2029}",
    "\u{B}",
    "\u{C}",
    "\u{AD}",
    "\u{2060}",
    "\u{2061}",
    "\u{34F}",
    "\u{3164}",
    "\u{206A}",
    "\u{605}",
    "\u{8E2}",
    "\u{E0001}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat())
}

/// Anything an attacker may put in a feed: the pieces above, every C0 and C1 control, ESC
/// before any character, every bidi control, any character at all.
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(String::from),
            // A variation selector may make the character before it two cells wide (not in
            // PIECES: the layout properties assume one cell per grapheme).
            Just("\u{FE0F}".to_string()),
            "[\\x00-\\x1f\\x7f-\\u{9f}]",
            any::<char>().prop_map(|c| format!("\u{1B}{c}")),
            "[\u{200E}\u{200F}\u{061C}\u{202A}-\u{202E}\u{2066}-\u{2069}]",
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// What may never be stored or laid out: controls (but the line break), ESC, embeddings,
/// overrides and isolates.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop::sample::select(vec![
            Direction::Auto,
            Direction::Rtl,
            Direction::Ltr,
            Direction::RtlContent,
        ]),
        prop::sample::select(vec![BidiMode::App, BidiMode::Off]),
        any::<bool>(),
    )
        .prop_map(|(direction, bidi, shape)| LayoutOptions {
            direction,
            bidi,
            shape,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn layout_invariants(t in text(), opts in options(), width in 1u16..60) {
        crate::support::text::check_invariants(&t, &opts, width);
    }

    #[test]
    fn feed_cleaning_is_the_layout_sanitizer_plus_whitespace(t in hostile()) {
        let cleaned = clean::inline(&t);
        let sanitized = sanitize(&t);
        prop_assert_eq!(cleaned.as_ref(), sanitized.split_whitespace().collect::<Vec<_>>().join(" "));
        prop_assert!(!cleaned.chars().any(|c| is_dangerous(c) || c == '\n'), "{cleaned:?}");
        // Stored text goes through the layout unchanged: cleaning is a fixed point of both.
        prop_assert_eq!(sanitize(&cleaned), cleaned.as_ref());
        prop_assert_eq!(clean::inline(&cleaned), cleaned.as_ref());
        let unshaped = LayoutOptions { direction: Direction::Auto, bidi: BidiMode::App, shape: false };
        let laid_out = PreparedParagraph::new(&t, &[], Style::default(), &unshaped);
        prop_assert_eq!(laid_out.display_text().replace('\t', " "), sanitized.replace('\n', " "));
        let stored = PreparedParagraph::new(&cleaned, &[], Style::default(), &unshaped);
        prop_assert_eq!(stored.display_text(), cleaned.as_ref());
    }

    #[test]
    fn feed_paragraphs_are_cleaned_lines(t in hostile()) {
        let paragraphs = clean::paragraphs([t.as_str()]);
        let expected: Vec<String> = t
            .split('\n')
            .map(|l| clean::inline(l).into_owned())
            .filter(|l| !l.is_empty())
            .collect();
        prop_assert_eq!(&paragraphs, &expected.join("\n"));
        prop_assert!(!paragraphs.chars().any(is_dangerous), "{paragraphs:?}");
        prop_assert_eq!(sanitize(&paragraphs), paragraphs.clone());
    }

    #[test]
    fn sanitized_text_has_no_controls(t in text()) {
        let s = sanitize(&t);
        prop_assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        prop_assert!(!s.contains(char::from(0x1B)), "ESC kept");
        prop_assert_eq!(sanitize(&s), s.clone());
    }

    #[test]
    fn styled_multi_paragraph_text_never_panics(
        t in text(),
        opts in options(),
        width in 1u16..60,
        raw_spans in prop::collection::vec((0usize..200, 0usize..40), 0..6),
    ) {
        // Arbitrary byte ranges, even inside a character or past the end, must be harmless.
        let spans: Vec<StyleSpan> = raw_spans
            .iter()
            .map(|&(start, len)| StyleSpan { start, end: start + len, style: Style::default().fg(Color::Red) })
            .collect();
        let mut prepared = PreparedText::new(&t, &spans, Style::default(), &opts);
        let lines = prepared.wrapped(width).to_vec();
        for line in &lines {
            let s: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            prop_assert!(cell_width(&s) <= usize::from(width));
            prop_assert!(!s.chars().any(|c| c.is_control() || is_invisible(c)), "{s:?}");
        }
        let again = PreparedText::new(&t, &spans, Style::default(), &opts).lines(width);
        prop_assert_eq!(lines, again);
    }

    #[test]
    fn paragraph_of_one_width_is_stable(t in text(), opts in options(), width in 1u16..60) {
        let p = PreparedParagraph::new(&t, &[], Style::default(), &opts);
        prop_assert_eq!(p.lines(width), p.lines(width));
        prop_assert_eq!(p.line_ranges(width).len(), p.lines(width).len());
    }
}
