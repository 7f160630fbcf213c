//! Unicode conformance: akhbar's line reordering (L1 and L2 over unicode-bidi's levels) gives
//! the visual order of every case of BidiCharacterTest.txt (Debian `unicode-data`).

use akhbar::text::bidi::visual_char_order;

const PATH: &str = "/usr/share/unicode/BidiCharacterTest.txt";

#[test]
fn every_bidi_character_test_case_reorders_as_specified() {
    let data = std::fs::read_to_string(PATH).unwrap_or_else(|e| {
        panic!("cannot read {PATH} ({e}): install it with `apt-get install unicode-data`")
    });
    let mut cases = 0;
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        assert!(fields.len() >= 5, "line {}: {line}", n + 1);
        let text: String = fields[0]
            .split_whitespace()
            .map(|h| {
                u32::from_str_radix(h, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("line {}: bad code point {h}", n + 1))
            })
            .collect();
        let rtl = match fields[1] {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        };
        let expected: Vec<usize> = fields[4]
            .split_whitespace()
            .map(|i| i.parse().unwrap_or_else(|e| panic!("line {}: {e}", n + 1)))
            .collect();
        let got = visual_char_order(&text, rtl);
        if got != expected {
            failures.push(format!("line {}: {line}\n  got {got:?}", n + 1));
        }
        cases += 1;
    }
    assert!(cases > 90_000, "only {cases} cases in {PATH}");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
