//! Precision, recall and F1 per kind over the annotated passages in tests/fixtures/entities.
#![allow(clippy::unwrap_used)]

use akhbar::entities::{Kind, Recognizer, Span};
use std::collections::BTreeMap;

#[derive(Debug)]
struct Gold {
    kind: Kind,
    start: usize,
    end: usize,
    text: String,
    /// Canonical name (names) or value (figures), when the annotation gives one.
    extra: Option<String>,
}

struct Passage {
    label: String,
    text: String,
    gold: Vec<Gold>,
}

fn parse_markup(label: &str, src: &str) -> Passage {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .unwrap_or_else(|| panic!("{label}: unclosed [[ in {after}"));
        let inner = &after[..close];
        let (head, surface) = inner
            .split_once('|')
            .unwrap_or_else(|| panic!("{label}: no | in [[{inner}]]"));
        let (kind, extra) = match head.split_once('=') {
            Some((k, e)) => (k, Some(e.to_string())),
            None => (head, None),
        };
        let kind = Kind::parse(kind).unwrap_or_else(|| panic!("{label}: bad kind {kind}"));
        let start = text.len();
        text.push_str(surface);
        gold.push(Gold {
            kind,
            start,
            end: text.len(),
            text: surface.to_string(),
            extra,
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Passage {
        label: label.to_string(),
        text,
        gold,
    }
}

fn passages() -> Vec<Passage> {
    let src = include_str!("../fixtures/entities/passages.txt");
    let mut out = Vec::new();
    let mut label = None;
    let mut body: Vec<&str> = Vec::new();
    let flush = |label: &Option<String>, body: &mut Vec<&str>, out: &mut Vec<Passage>| {
        if let Some(l) = label {
            out.push(parse_markup(l, &body.join("\n")));
        }
        body.clear();
    };
    for line in src.lines() {
        if let Some(l) = line.strip_prefix("## ") {
            flush(&label, &mut body, &mut out);
            label = Some(l.to_string());
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else {
            body.push(line);
        }
    }
    flush(&label, &mut body, &mut out);
    out
}

fn matches(g: &Gold, s: &Span) -> bool {
    if g.kind != s.kind || g.start != s.start || g.end != s.end {
        return false;
    }
    match &g.extra {
        None => !g.kind.is_figure() || s.value.is_some(),
        Some(e) if g.kind.is_figure() => {
            let want: f64 = e.parse().unwrap_or_else(|_| panic!("bad value {e}"));
            s.value
                .is_some_and(|v| (v - want).abs() <= want.abs() * 1e-9)
        }
        Some(e) => s.canonical.as_deref() == Some(e.as_str()),
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

#[test]
fn evaluation_set_meets_the_thresholds() {
    let rec = Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
    let ps = passages();
    assert!(ps.len() >= 40, "only {} passages", ps.len());
    let mut per: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    for p in &ps {
        let found = rec.find(&p.text);
        let mut used = vec![false; found.len()];
        for g in &p.gold {
            let c = per.entry(g.kind.as_str()).or_default();
            match found.iter().position(|s| matches(g, s)) {
                Some(i) => {
                    used[i] = true;
                    c.tp += 1;
                }
                None => {
                    c.fn_ += 1;
                    errors.push(format!(
                        "[{}] missed {:?} «{}» {:?}",
                        p.label, g.kind, g.text, g.extra
                    ));
                }
            }
        }
        for (s, u) in found.iter().zip(&used) {
            if !u {
                per.entry(s.kind.as_str()).or_default().fp += 1;
                errors.push(format!(
                    "[{}] spurious {:?} «{}» canonical={:?} value={:?}",
                    p.label, s.kind, s.text, s.canonical, s.value
                ));
            }
        }
    }
    let mut figures = Counts::default();
    for k in ["money", "percent", "number", "date"] {
        let c = per.get(k).copied().unwrap_or_default();
        figures.tp += c.tp;
        figures.fp += c.fp;
        figures.fn_ += c.fn_;
    }
    println!(
        "{:<8} {:>4} {:>4} {:>4} {:>7} {:>7} {:>7}",
        "kind", "tp", "fp", "fn", "P", "R", "F1"
    );
    let rows: Vec<(&str, Counts)> = per
        .iter()
        .map(|(k, c)| (*k, *c))
        .chain(std::iter::once(("figures", figures)))
        .collect();
    for (k, c) in &rows {
        let (p, r, f) = c.prf();
        println!(
            "{k:<8} {:>4} {:>4} {:>4} {p:>7.3} {r:>7.3} {f:>7.3}",
            c.tp, c.fp, c.fn_
        );
    }
    for e in &errors {
        println!("{e}");
    }
    let f1 = |k: &str| {
        rows.iter()
            .find(|(n, _)| *n == k)
            .map_or(1.0, |(_, c)| c.prf().2)
    };
    for (k, min) in [
        ("org", 0.95),
        ("figures", 0.95),
        ("person", 0.90),
        ("place", 0.90),
    ] {
        assert!(f1(k) >= min, "{k} F1 {:.3} below {min}", f1(k));
    }
}

#[test]
fn markup_parser_keeps_offsets() {
    let p = parse_markup("t", "قالت [[org=Apple|أبل]] إن [[percent=5|5%]]");
    assert_eq!(p.text, "قالت أبل إن 5%");
    assert_eq!(&p.text[p.gold[0].start..p.gold[0].end], "أبل");
    assert_eq!(&p.text[p.gold[1].start..p.gold[1].end], "5%");
}
