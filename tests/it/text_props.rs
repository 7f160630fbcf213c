//! Properties over random mixes of Arabic, Latin, digits, brackets, marks, spaces, controls and
//! escape sequences: the layout invariants hold and nothing panics.

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
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop::sample::select(vec![Direction::Auto, Direction::Rtl, Direction::Ltr]),
        prop::sample::select(vec![BidiMode::App, BidiMode::Terminal, BidiMode::Off]),
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
