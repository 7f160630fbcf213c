//! Properties of `find` on arbitrary input: spans in bounds, on char boundaries, sorted,
//! non-overlapping, their text equal to the input at their offsets; never a panic.
#![allow(clippy::unwrap_used)]

use akhbar::entities::Recognizer;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rec() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(|| Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}")))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let spans = rec().find(text);
    let mut last_end = 0;
    for s in &spans {
        prop_assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(s.start >= last_end, "overlap or unsorted at {s:?}");
        prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
        last_end = s.end;
    }
    Ok(())
}

/// Pieces that exercise the rules: names, clitics, digits, marks, joiners, scale words.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("مايكروسوفت".to_string()),
        Just("لـ".to_string()),
        Just("وOpenAI".to_string()),
        Just("شركة".to_string()),
        Just("كريم".to_string()),
        Just("مليار".to_string()),
        Just("دولار".to_string()),
        Just("في المئة".to_string()),
        Just("٣٬٤٠٠".to_string()),
        Just("6ر22".to_string()),
        Just("%".to_string()),
        Just("عام".to_string()),
        Just("\u{200F}".to_string()),
        Just("\u{0651}".to_string()),
        Just("ـ".to_string()),
        Just("İ".to_string()),
        Just(" ".to_string()),
        "[0-9٠-٩,.٫٬]{1,6}",
        "[A-Za-z]{1,8}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_well_formed_on_news_like_text(parts in prop::collection::vec(piece(), 0..30)) {
        check(&parts.concat())?;
    }

    #[test]
    fn spans_are_well_formed_on_any_string(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }
}
