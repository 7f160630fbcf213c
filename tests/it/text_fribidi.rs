//! Oracle: GNU FriBidi (`fribidi` from Debian libfribidi-bin). For every fixture paragraph,
//! direction and width, FriBidi's levels for the whole paragraph, with rules L1 (line end),
//! L2 (by grapheme cluster, i.e. L3) and L4 applied to each of akhbar's lines, must give exactly
//! akhbar's visual line; shaped, the letter forms must be FriBidi's.

use crate::support::text::{line_text, paragraphs};
use akhbar::text::{BidiMode, Direction, LayoutOptions, PreparedParagraph, is_invisible};
use std::io::Write;
use std::process::{Command, Stdio};
use unicode_segmentation::UnicodeSegmentation;

/// Per paragraph: FriBidi's form of each logical character (shaped, and mirrored at odd levels:
/// the CLI mirrors even with --nomirror; U+FEFF where a ligature swallowed it) and its level.
struct Oracle {
    forms: Vec<char>,
    levels: Vec<u8>,
}

fn fribidi(paras: &[String], rtl: bool) -> Vec<Oracle> {
    let dir = if rtl { "--rtl" } else { "--ltr" };
    let mut child = Command::new("fribidi")
        .args(["--nobreak", "--nopad", "--ltov", "--levels", dir])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run `fribidi` ({e}): install it with `apt-get install libfribidi-bin`")
        });
    let input = paras.join("\n") + "\n";
    child
        .stdin
        .take()
        .unwrap_or_else(|| panic!("no stdin"))
        .write_all(input.as_bytes())
        .unwrap_or_else(|e| panic!("writing to fribidi: {e}"));
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("fribidi: {e}"));
    assert!(out.status.success(), "fribidi failed");
    let text = String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("fribidi output: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        paras.len() * 3,
        "unexpected fribidi output:\n{text}"
    );
    let nums = |l: &str| -> Vec<usize> {
        l.split_whitespace()
            .map(|n| n.parse().unwrap_or_else(|e| panic!("{n}: {e}")))
            .collect()
    };
    lines
        .chunks(3)
        .zip(paras)
        .map(|(chunk, para)| {
            let visual: Vec<char> = chunk[0].chars().collect();
            let ltov = nums(chunk[1]);
            let levels: Vec<u8> = nums(chunk[2]).into_iter().map(|l| l as u8).collect();
            assert_eq!(ltov.len(), para.chars().count(), "{para}");
            assert_eq!(levels.len(), ltov.len(), "{para}");
            Oracle {
                forms: ltov.iter().map(|&v| visual[v]).collect(),
                levels,
            }
        })
        .collect()
}

/// L2 over unit levels: logical indices left to right.
fn reorder(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let max = levels.iter().copied().max().unwrap_or(0);
    let lowest_odd = levels.iter().copied().min().unwrap_or(0) | 1;
    for level in (lowest_odd..=max).rev() {
        let mut i = 0;
        while i < order.len() {
            let start = i;
            while i < order.len() && levels[order[i]] >= level {
                i += 1;
            }
            order[start..i].reverse();
            i += 1;
        }
    }
    order
}

/// The visual line expected from FriBidi's levels for the logical `line` (char indices of the
/// laid-out text, mapped to the oracle's logical indices by `idx`).
fn expected_line(
    chars: &[char],
    line: std::ops::Range<usize>,
    idx: &[usize],
    oracle: &Oracle,
    shaped: bool,
    para_level: u8,
    width: usize,
) -> String {
    let text: String = chars[line.clone()].iter().collect();
    // Grapheme clusters with the level of their first character.
    let mut units: Vec<(String, u8, bool)> = Vec::new();
    let mut k = line.start;
    for g in text.graphemes(true) {
        let first = idx[k];
        let mut s = String::new();
        for (j, c) in g.chars().enumerate() {
            // FriBidi's glyph (shaped and mirrored) for the first character, except the
            // Arabic letters it shaped when akhbar does not shape.
            let fribidi_glyph = shaped || !('\u{0600}'..='\u{08FF}').contains(&c);
            s.push(if fribidi_glyph && j == 0 {
                oracle.forms[idx[k]]
            } else {
                c
            });
            k += 1;
        }
        let invisible = g.chars().all(is_invisible);
        units.push((s, oracle.levels[first], invisible));
    }
    // L1 at the end of the line: trailing whitespace and controls go to the paragraph level;
    // controls inside take the level before them so that they split nothing.
    for u in units.iter_mut().rev() {
        if u.0.trim().is_empty() || u.2 {
            u.1 = para_level;
        } else {
            break;
        }
    }
    for i in 1..units.len() {
        if units[i].2 {
            units[i].1 = units[i - 1].1;
        }
    }
    let levels: Vec<u8> = units.iter().map(|u| u.1).collect();
    let mut out = String::new();
    let mut used = 0;
    for i in reorder(&levels) {
        let (s, _, invisible) = &units[i];
        if *invisible {
            continue;
        }
        used += akhbar::text::cell_width(s);
        out.push_str(s);
    }
    if para_level == 1 {
        out = " ".repeat(width.saturating_sub(used)) + &out;
    }
    out
}

#[test]
fn lines_match_fribidi_levels_at_every_width() {
    let paras: Vec<String> = paragraphs()
        .iter()
        .map(|p| akhbar::text::sanitize(p))
        .collect();
    let mut checked = 0;
    for rtl in [true, false] {
        let oracles = fribidi(&paras, rtl);
        let direction = if rtl { Direction::Rtl } else { Direction::Ltr };
        for (para, oracle) in paras.iter().zip(&oracles) {
            for shape in [false, true] {
                let opts = LayoutOptions {
                    direction,
                    bidi: BidiMode::App,
                    shape,
                };
                let p = PreparedParagraph::new(para, &[], Default::default(), &opts);
                let chars: Vec<char> = p.display_text().chars().collect();
                // Logical index in the paragraph of each laid-out character: shaping drops the
                // characters FriBidi fills with U+FEFF.
                let idx: Vec<usize> = if shape {
                    (0..oracle.forms.len())
                        .filter(|&i| {
                            oracle.forms[i] != '\u{FEFF}' || para.chars().nth(i) == Some('\u{FEFF}')
                        })
                        .collect()
                } else {
                    (0..chars.len()).collect()
                };
                assert_eq!(
                    idx.len(),
                    chars.len(),
                    "{para}: shaped length differs from FriBidi's"
                );
                if shape {
                    for (k, &c) in chars.iter().enumerate() {
                        let want = oracle.forms[idx[k]];
                        let mirrored = oracle.levels[idx[k]] % 2 == 1
                            && unicode_bidi_mirroring::get_mirrored(c) == Some(want);
                        assert!(
                            c == want || mirrored,
                            "{para}: form of char {k}: akhbar {c:?}, fribidi {want:?}"
                        );
                    }
                }
                for width in 1..=100u16 {
                    let lines = p.lines(width);
                    let ranges = p.line_ranges(width);
                    let text = p.display_text();
                    for (line, r) in lines.iter().zip(ranges) {
                        let cr = text[..r.start].chars().count()..text[..r.end].chars().count();
                        let want = expected_line(
                            &chars,
                            cr,
                            &idx,
                            oracle,
                            shape,
                            u8::from(rtl),
                            width.into(),
                        );
                        assert_eq!(
                            line_text(line),
                            want,
                            "{para:?} width {width} shape {shape} rtl {rtl}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} lines checked");
}
