//! Oracle: GNU FriBidi (`fribidi` from Debian libfribidi-bin). For every fixture paragraph,
//! direction and width, FriBidi's levels for the whole paragraph, with rules L1 (line end),
//! L2 (by grapheme cluster, i.e. L3) and L4 applied to each of akhbar's lines, must give exactly
//! akhbar's visual line; shaped, the letter forms must be FriBidi's.

use crate::support::text::{line_text, paragraphs};
use akhbar::text::{BidiMode, Direction, LayoutOptions, PreparedParagraph, is_ignorable};
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
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    // Written from a thread: a long input would fill the output pipe before it is all written.
    let writer = std::thread::spawn(move || {
        stdin
            .write_all(input.as_bytes())
            .unwrap_or_else(|e| panic!("writing to fribidi: {e}"));
    });
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("fribidi: {e}"));
    writer
        .join()
        .unwrap_or_else(|_| panic!("writing to fribidi failed"));
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

/// The logical text akhbar lays out for `p` (sanitized, unshaped).
fn laid_out_text(p: &str) -> String {
    let opts = LayoutOptions {
        direction: Direction::Auto,
        bidi: BidiMode::App,
        shape: false,
    };
    PreparedParagraph::new(p, &[], Default::default(), &opts)
        .display_text()
        .to_string()
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
    // Units that rule X9 removes (BN: ZWJ, ZWNJ, …), unlike the strong marks LRM, RLM, ALM.
    let mut removed: Vec<bool> = Vec::new();
    let mut k = line.start;
    for g in text.graphemes(true) {
        let first = idx[k];
        let mut s = String::new();
        for (j, c) in g.chars().enumerate() {
            // FriBidi's glyph (shaped and mirrored) for the first character, except the
            // Arabic letters it shaped when akhbar does not shape.
            let fribidi_glyph = shaped || !('\u{0600}'..='\u{08FF}').contains(&c);
            let glyph = if fribidi_glyph && j == 0 {
                oracle.forms[idx[k]]
            } else {
                c
            };
            // akhbar draws a tab as a space.
            s.push(if glyph == '\t' { ' ' } else { glyph });
            k += 1;
        }
        let invisible = g.chars().all(is_ignorable);
        removed.push(invisible && !g.contains(['\u{200E}', '\u{200F}', '\u{061C}']));
        units.push((s, oracle.levels[first], invisible));
    }
    // L1 at the end of the line: trailing whitespace and controls go to the paragraph level;
    // removed controls inside take the level before them so that they split nothing.
    for u in units.iter_mut().rev() {
        if u.0.trim().is_empty() || u.2 {
            u.1 = para_level;
        } else {
            break;
        }
    }
    for i in 1..units.len() {
        if removed[i] {
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
    // FriBidi gets the text akhbar lays out: sanitized, tabs kept.
    let paras: Vec<String> = paragraphs().iter().map(|p| laid_out_text(p)).collect();
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

fn read_ucd(name: &str) -> String {
    let path = format!("/usr/share/unicode/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {path} ({e}): install it with `apt-get install unicode-data`")
    })
}

fn hex(h: &str) -> u32 {
    u32::from_str_radix(h.trim(), 16).unwrap_or_else(|e| panic!("{h}: {e}"))
}

/// The characters of a UCD property file (`range ; value # comment` lines) whose value passes.
fn ucd_chars(name: &str, value: impl Fn(&str) -> bool) -> Vec<char> {
    let mut out = Vec::new();
    for line in read_ucd(name).lines() {
        let data = line.split('#').next().unwrap_or("");
        let mut fields = data.split(';');
        let (Some(range), Some(v)) = (fields.next(), fields.next()) else {
            continue;
        };
        if value(v.trim()) {
            let (first, last) = range.split_once("..").unwrap_or((range, range));
            out.extend((hex(first)..=hex(last)).filter_map(char::from_u32));
        }
    }
    out
}

/// Every default-ignorable (DerivedCoreProperties.txt) and format (gc=Cf, UnicodeData.txt)
/// character, from Debian's `unicode-data`.
fn ignorable_and_format_chars() -> Vec<char> {
    let mut out = ucd_chars("DerivedCoreProperties.txt", |p| {
        p == "Default_Ignorable_Code_Point"
    });
    for line in read_ucd("UnicodeData.txt").lines() {
        let fields: Vec<&str> = line.split(';').collect();
        if fields.get(2) == Some(&"Cf") {
            out.extend(char::from_u32(hex(fields[0])));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Issue 11: no default-ignorable or format character is ever drawn as a dotted circle or takes
/// a cell, and none breaks Arabic joining where FriBidi (given the text akhbar lays out) joins.
#[test]
fn ignorable_and_format_characters_take_no_cell_and_join_as_fribidi_joins() {
    let chars = ignorable_and_format_chars();
    assert!(chars.len() > 4000, "only {} characters", chars.len());
    let opts = |shape| LayoutOptions {
        direction: Direction::Rtl,
        bidi: BidiMode::App,
        shape,
    };
    // FriBidi 1.0.8 knows Unicode 10: newer characters are compared by the layout checks only.
    let known: std::collections::HashSet<char> = ucd_chars("DerivedAge.txt", |age| {
        let major: u32 = age
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(99);
        major <= 10
    })
    .into_iter()
    .collect();
    let mut paras = Vec::new();
    let mut compared = 0;
    for &c in &chars {
        for p in [
            format!("ب{c}ا"),
            format!("ل{c}ا"),
            format!("ب{c}ب"),
            format!("x{c}y"),
            format!("{c}بت"),
        ] {
            let letters = p.chars().filter(|&ch| ch != c).count();
            for shape in [false, true] {
                let laid = PreparedParagraph::new(&p, &[], Default::default(), &opts(shape));
                let lines = laid.lines(20);
                let visual = line_text(&lines[0]);
                assert!(!visual.contains('\u{25CC}'), "{p:?}: dotted circle");
                let cells = akhbar::text::cell_width(visual.trim_start());
                assert_eq!(lines.len(), 1, "{p:?}");
                if !shape {
                    assert_eq!(cells, letters, "{p:?}: {visual:?}");
                }
            }
            if known.contains(&c) {
                paras.push(laid_out_text(&p));
            }
        }
        compared += usize::from(known.contains(&c));
    }
    // FriBidi's forms for the text akhbar lays out; akhbar's shaped text must have the same.
    let oracles = fribidi(&paras, true);
    let mut joined = 0;
    for (para, oracle) in paras.iter().zip(&oracles) {
        let shaped = PreparedParagraph::new(para, &[], Default::default(), &opts(true));
        let ours: Vec<char> = shaped.display_text().chars().collect();
        // FriBidi leaves U+FEFF where a lam-alef ligature swallowed the alef.
        let theirs: Vec<char> = oracle
            .forms
            .iter()
            .zip(para.chars())
            .filter(|&(&f, c)| f != '\u{FEFF}' || c == '\u{FEFF}')
            .map(|(&f, _)| f)
            .collect();
        assert_eq!(ours, theirs, "{para:?}");
        joined += usize::from(ours.contains(&'\u{FE91}'));
    }
    // The transparent characters that stay in the text (CGJ, variation selectors, …) and ZWJ
    // joined their letters; the rest were dropped, so the letters met and joined too.
    assert!(joined >= compared, "only {joined} paragraphs joined");
}
