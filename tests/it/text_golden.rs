//! Golden cases: the fixture paragraphs at every width from 1 to 100, in every mode, keep the
//! layout invariants; and exact visual lines for the sentence of issue 3 (checked with FriBidi).

use crate::support::text::{check_invariants, line_text, paragraphs};
use akhbar::text::{
    BidiMode, Direction, LayoutOptions, PreparedParagraph, PreparedText, StyleSpan, line_to_plain,
};
use ratatui::style::{Color, Style};

#[test]
fn invariants_hold_at_every_width_in_every_mode() {
    let paras = paragraphs();
    assert!(paras.len() >= 16, "fixture paragraphs missing");
    for text in &paras {
        for bidi in [BidiMode::App, BidiMode::Off] {
            for shape in [false, true] {
                for direction in [
                    Direction::Auto,
                    Direction::Rtl,
                    Direction::Ltr,
                    Direction::RtlContent,
                ] {
                    let opts = LayoutOptions {
                        direction,
                        bidi,
                        shape,
                    };
                    for width in 1..=100 {
                        check_invariants(text, &opts, width);
                    }
                }
            }
        }
    }
}

fn opts(shape: bool) -> LayoutOptions {
    LayoutOptions {
        direction: Direction::Auto,
        bidi: BidiMode::App,
        shape,
    }
}

const ISSUE_SENTENCE: &str = "وفق الاتفاق السابق، حصلت مايكروسوفت على حقوق أدوات OpenAI عبر منصة Azure (عام 2019)، إضافة إلى 10 مليارات دولار و20% من الأرباح.";

#[test]
fn issue_sentence_at_40_columns_unshaped() {
    let p = PreparedParagraph::new(ISSUE_SENTENCE, &[], Style::default(), &opts(false));
    assert!(p.is_rtl());
    let lines: Vec<String> = p.lines(40).iter().map(line_text).collect();
    // Read right to left: each line starts at its right end; «(عام 2019)» keeps its brackets
    // around the year, «20%» and «OpenAI» read left to right inside the Arabic.
    let expected = [
        " ىلع تفوسوركيام تلصح ،قباسلا قافتالا قفو",
        "   ماع) Azure ةصنم ربع OpenAI تاودأ قوقح",
        "  %20و رالود تارايلم 10 ىلإ ةفاضإ ،(2019",
        "                             .حابرألا نم",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn issue_sentence_at_40_columns_shaped() {
    let p = PreparedParagraph::new(ISSUE_SENTENCE, &[], Style::default(), &opts(true));
    let lines: Vec<String> = p.lines(40).iter().map(line_to_plain).collect();
    let expected = [
        "  ﻰﻠﻋ ﺖﻓﻮﺳﻭﺮﻜﻳﺎﻣ ﺖﻠﺼﺣ ،ﻖﺑﺎﺴﻟﺍ ﻕﺎﻔﺗﻻﺍ ﻖﻓﻭ",
        "   ﻡﺎﻋ) Azure ﺔﺼﻨﻣ ﺮﺒﻋ OpenAI ﺕﺍﻭﺩﺃ ﻕﻮﻘﺣ",
        "ﻦﻣ %20ﻭ ﺭﻻﻭﺩ ﺕﺍﺭﺎﻴﻠﻣ 10 ﻰﻟﺇ ﺔﻓﺎﺿﺇ ،(2019",
        "                                 .ﺡﺎﺑﺭﻷﺍ",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn harakat_stay_on_their_letter() {
    let p = PreparedParagraph::new("كَتَبَ", &[], Style::default(), &opts(false));
    let line = line_to_plain(&p.lines(10)[0]);
    assert_eq!(line.trim_start(), "بَتَكَ");
}

#[test]
fn direction_policy() {
    let rtl = |s: &str, d: Direction| {
        PreparedParagraph::new(
            s,
            &[],
            Style::default(),
            &LayoutOptions {
                direction: d,
                ..opts(false)
            },
        )
        .is_rtl()
    };
    assert!(rtl("OpenAI تطلق نموذجا جديدا", Direction::Auto));
    assert!(!rtl("The company said شكرا", Direction::Auto));
    assert!(rtl("١٢٣ - ٤٥٦", Direction::Auto));
    assert!(!rtl("123 - 456", Direction::Auto));
    assert!(rtl("Hello", Direction::Rtl));
    assert!(!rtl("مرحبا", Direction::Ltr));
    assert_eq!(
        Direction::Auto.for_content(Some("ar-EG")),
        Direction::RtlContent
    );
    assert_eq!(
        Direction::Auto.for_content(Some("AR")),
        Direction::RtlContent
    );
    // Arabic content: a Latin name first does not make it left to right.
    let content = Direction::Auto.for_content(Some("ar"));
    assert!(rtl("Apple تطلق iPhone 17 Pro Max في السعودية", content));
    assert!(!rtl(
        "Apple تطلق iPhone 17 Pro Max في السعودية",
        Direction::Auto
    ));
    assert_eq!(Direction::Auto.for_content(Some("en-US")), Direction::Auto);
    assert_eq!(Direction::Auto.for_content(None), Direction::Auto);
    assert_eq!(Direction::Ltr.for_content(Some("ar")), Direction::Ltr);
}

#[test]
fn styles_follow_their_characters_through_reordering_and_wrapping() {
    let text = "\u{1B}[1mخبر\u{1B}[0m: أعلنت مايكروسوفت وOpenAI اتفاقا جديدا";
    let word = |w: &str| {
        let start = text.find(w).unwrap_or_else(|| panic!("{w} not in text"));
        start..start + w.len()
    };
    let (ms, oa) = (word("مايكروسوفت"), word("OpenAI"));
    let red = Style::default().fg(Color::Red);
    let blue = Style::default().fg(Color::Blue);
    let spans = [
        StyleSpan {
            start: ms.start,
            end: ms.end,
            style: red,
        },
        StyleSpan {
            start: oa.start,
            end: oa.end,
            style: blue,
        },
    ];
    for shape in [false, true] {
        for width in [12, 20, 80] {
            let p = PreparedParagraph::new(text, &spans, Style::default(), &opts(shape));
            let mut red_text = String::new();
            let mut blue_text = String::new();
            for line in p.lines(width) {
                for span in &line.spans {
                    if span.style == red {
                        red_text.push_str(&span.content);
                    } else if span.style == blue {
                        blue_text.push_str(&span.content);
                    }
                }
            }
            assert_eq!(blue_text, "OpenAI", "width {width} shape {shape}");
            let expected: String = if shape {
                red_text.clone()
            } else {
                "مايكروسوفت".chars().rev().collect()
            };
            assert_eq!(red_text, expected, "width {width}");
            assert_eq!(red_text.chars().count(), 10, "width {width} shape {shape}");
        }
    }
}

#[test]
fn prepared_text_spans_are_global_and_paragraphs_separated() {
    let text = "الفقرة الأولى\n\n\u{1B}[0m\u{200F}\nOpenAI في الفقرة الثانية";
    let start = text.find("OpenAI").unwrap_or_else(|| panic!("no OpenAI"));
    let bold = Style::default().fg(Color::Yellow);
    let spans = [StyleSpan {
        start,
        end: start + 6,
        style: bold,
    }];
    let mut t = PreparedText::new(text, &spans, Style::default(), &opts(false));
    assert_eq!(t.paragraphs.len(), 2);
    let lines = t.wrapped(30).to_vec();
    assert_eq!(lines.len(), 3);
    assert_eq!(line_to_plain(&lines[1]), "");
    let styled: Vec<&str> = lines[2]
        .spans
        .iter()
        .filter(|s| s.style == bold)
        .map(|s| s.content.as_ref())
        .collect();
    assert_eq!(styled, ["OpenAI"]);
    assert_eq!(t.wrapped(30), lines.as_slice());
    assert_eq!(t.wrapped(10).len(), t.lines(10).len());
}
