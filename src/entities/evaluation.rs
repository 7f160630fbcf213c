//! Span-by-span scoring of the recognizer on annotated passages (docs/gazetteer.md
//! "Evaluation"). `cargo test --lib entities::evaluation -- --nocapture` prints precision,
//! recall and F1 per kind and the share of exact figure values, for the real-news tuning and
//! held-out parts (tests/fixtures/entities-real) and the team-written set
//! (tests/fixtures/entities); the tests assert floors under the recorded figures.

use super::{Kind, Recognizer, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// An annotated span: `[[kind|text]]`, `[[kind=canonical|text]]` or `[[kind=value|text]]`.
#[derive(Debug)]
pub(crate) struct Gold {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Canonical name (names), number or ISO date (figures), when given.
    pub extra: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Passage {
    pub label: String,
    pub source: Option<String>,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// The markup of one passage → its text and gold spans (byte offsets into the text).
pub(crate) fn parse_markup(label: &str, src: &str) -> Result<Passage, String> {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .ok_or_else(|| format!("{label}: unclosed [[ in {after}"))?;
        let inner = &after[..close];
        let (head, surface) = inner
            .split_once('|')
            .ok_or_else(|| format!("{label}: no | in [[{inner}]]"))?;
        let (kind, extra) = match head.split_once('=') {
            Some((k, e)) => (k, Some(e.to_string())),
            None => (head, None),
        };
        let kind = Kind::parse(kind).ok_or_else(|| format!("{label}: bad kind {kind}"))?;
        if surface.is_empty() || surface.trim() != surface {
            return Err(format!("{label}: span «{surface}» is empty or padded"));
        }
        if kind.is_figure() && extra.is_none() {
            return Err(format!("{label}: figure «{surface}» has no value"));
        }
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
    Ok(Passage {
        label: label.to_string(),
        source: None,
        text,
        gold,
    })
}

/// A file of passages: `## label`, an optional `@ source-url` line, then the text lines (joined
/// with newlines); other `#` lines and blank lines are comments.
pub(crate) fn parse_file(src: &str) -> Result<Vec<Passage>, String> {
    let mut out = Vec::new();
    let mut label: Option<String> = None;
    let mut source = None;
    let mut body: Vec<&str> = Vec::new();
    let mut flush = |label: &Option<String>, source: &mut Option<String>, body: &mut Vec<&str>| {
        if let Some(l) = label {
            let mut p = parse_markup(l, &body.join("\n"))?;
            p.source = source.take();
            out.push(p);
        }
        body.clear();
        Ok::<(), String>(())
    };
    for line in src.lines() {
        if let Some(l) = line.strip_prefix("## ") {
            flush(&label, &mut source, &mut body)?;
            label = Some(l.trim().to_string());
        } else if let Some(u) = line.strip_prefix("@ ") {
            source = Some(u.trim().to_string());
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else {
            body.push(line);
        }
    }
    flush(&label, &mut source, &mut body)?;
    Ok(out)
}

/// The kinds scored separately; the four figure kinds are also scored together.
const NAME_KINDS: [Kind; 4] = [Kind::Org, Kind::Person, Kind::Place, Kind::Product];

#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn prf(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// The scores of one set of passages.
#[derive(Default, Debug)]
pub(crate) struct Report {
    pub per_kind: BTreeMap<Kind, Counts>,
    /// Gold figures found with the right kind and span / of those, with the exact value.
    pub figures_found: usize,
    pub values_exact: usize,
    pub figures_gold: usize,
    pub errors: Vec<String>,
}

impl Report {
    pub fn kind(&self, k: Kind) -> Counts {
        self.per_kind.get(&k).copied().unwrap_or_default()
    }

    pub fn figures(&self) -> Counts {
        let mut c = Counts::default();
        for (k, v) in &self.per_kind {
            if k.is_figure() {
                c.add(*v);
            }
        }
        c
    }

    pub fn f1(&self, k: Kind) -> f64 {
        self.kind(k).prf().2
    }

    /// Gold figures whose kind, span and value (number or ISO date) are all exact.
    pub fn value_accuracy(&self) -> f64 {
        if self.figures_gold == 0 {
            1.0
        } else {
            self.values_exact as f64 / self.figures_gold as f64
        }
    }

    pub fn table(&self, title: &str) -> String {
        let mut s = format!(
            "{title}\n| kind | tp | fp | fn | P | R | F1 |\n|---|---|---|---|---|---|---|\n"
        );
        let mut row = |name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {p:.2} | {r:.2} | {f:.2} |",
                c.tp, c.fp, c.fn_
            );
        };
        for k in NAME_KINDS {
            row(k.as_str(), self.kind(k));
        }
        row("figure", self.figures());
        let _ = writeln!(
            s,
            "figure values exact: {} of {} ({:.0}%; {} found with the right span)",
            self.values_exact,
            self.figures_gold,
            100.0 * self.value_accuracy(),
            self.figures_found
        );
        s
    }
}

/// Whether a found figure's value is the annotated one: a number (relative error < 1e-9), or
/// for dates an ISO date (`2024-05-15`, `--05-15`, `2024-05`) compared with the span's
/// canonical form; a bare year (the team-written set's convention) is compared with the value.
fn value_matches(g: &Gold, s: &Span) -> bool {
    let Some(e) = &g.extra else { return true };
    if g.kind == Kind::Date && e.contains('-') {
        return s.canonical.as_deref() == Some(e.as_str());
    }
    match e.parse::<f64>() {
        Ok(want) => s
            .value
            .is_some_and(|v| (v - want).abs() <= want.abs() * 1e-9),
        Err(_) => false,
    }
}

fn name_matches(g: &Gold, s: &Span) -> bool {
    match &g.extra {
        Some(e) => s.canonical.as_deref() == Some(e.as_str()),
        None => true,
    }
}

/// Score `rec` on `passages`. A name counts when kind and span are exact (and the canonical
/// name, when annotated); a figure when kind and span are exact, its value being scored apart.
pub(crate) fn evaluate(rec: &Recognizer, passages: &[Passage]) -> Report {
    let mut rep = Report::default();
    for p in passages {
        let found = rec.find(&p.text);
        let mut used = vec![false; found.len()];
        for g in &p.gold {
            let hit = found.iter().enumerate().position(|(i, s)| {
                !used[i]
                    && s.kind == g.kind
                    && s.start == g.start
                    && s.end == g.end
                    && (g.kind.is_figure() || name_matches(g, s))
            });
            let c = rep.per_kind.entry(g.kind).or_default();
            match hit {
                Some(i) => {
                    used[i] = true;
                    c.tp += 1;
                    if g.kind.is_figure() {
                        rep.figures_found += 1;
                        if value_matches(g, &found[i]) {
                            rep.values_exact += 1;
                        } else {
                            rep.errors.push(format!(
                                "[{}] value {:?} «{}» want {:?}, got value={:?} canonical={:?}",
                                p.label,
                                g.kind,
                                g.text,
                                g.extra,
                                found[i].value,
                                found[i].canonical
                            ));
                        }
                    }
                }
                None => {
                    c.fn_ += 1;
                    rep.errors
                        .push(format!("[{}] missed {:?} «{}»", p.label, g.kind, g.text));
                }
            }
            if g.kind.is_figure() {
                rep.figures_gold += 1;
            }
        }
        for (s, u) in found.iter().zip(&used) {
            if !u {
                rep.per_kind.entry(s.kind).or_default().fp += 1;
                rep.errors.push(format!(
                    "[{}] spurious {:?} «{}» canonical={:?} value={:?}",
                    p.label, s.kind, s.text, s.canonical, s.value
                ));
            }
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    const TUNING: &str = include_str!("../../tests/fixtures/entities-real/tuning.txt");
    const HELD_OUT: &str = include_str!("../../tests/fixtures/entities-real/heldout.txt");
    const TUNING2: &str = include_str!("../../tests/fixtures/entities-real/tuning2.txt");
    const HELD_OUT2: &str = include_str!("../../tests/fixtures/entities-real/heldout2.txt");
    const TUNING3: &str = include_str!("../../tests/fixtures/entities-real/tuning3.txt");
    const TUNING4: &str = include_str!("../../tests/fixtures/entities-real/tuning4.txt");
    const TUNING5: &str = include_str!("../../tests/fixtures/entities-real/tuning5.txt");
    const TUNING6: &str = include_str!("../../tests/fixtures/entities-real/tuning6.txt");
    const TUNING7: &str = include_str!("../../tests/fixtures/entities-real/tuning7.txt");
    const TUNING8: &str = include_str!("../../tests/fixtures/entities-real/tuning8.txt");
    const TUNING9: &str = include_str!("../../tests/fixtures/entities-real/tuning9.txt");
    const TEAM: &str = include_str!("../../tests/fixtures/entities/passages.txt");

    fn load(src: &str) -> Vec<Passage> {
        parse_file(src).unwrap_or_else(|e| panic!("{e}"))
    }

    fn rec() -> Recognizer {
        Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}"))
    }

    #[test]
    fn markup_keeps_offsets_and_rejects_bad_spans() {
        let p = parse_markup("t", "قالت [[org=Apple|أبل]] إن [[percent=5|5%]]")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.text, "قالت أبل إن 5%");
        assert_eq!(&p.text[p.gold[0].start..p.gold[0].end], "أبل");
        assert_eq!(&p.text[p.gold[1].start..p.gold[1].end], "5%");
        assert!(
            parse_markup("t", "[[percent|5%]]").is_err(),
            "figure without value"
        );
        assert!(parse_markup("t", "[[org| أبل]]").is_err(), "padded span");
        assert!(parse_markup("t", "[[org|أبل").is_err(), "unclosed");
        assert!(parse_markup("t", "[[firm|أبل]]").is_err(), "unknown kind");
    }

    /// The real-news set is what the issue asks for: ≥ 60 passages, ≥ 30 outlets, every
    /// passage with its source, a held-out part of ≥ 30, all four regions in every part. The
    /// second round (tuning2, heldout2) adds ≥ 70 passages from ≥ 25 outlets not in the first;
    /// the third (tuning3) ≥ 40 from ≥ 25 outlets in none of the others, and so does the fourth
    /// (tuning4).
    #[test]
    fn real_news_set_is_large_varied_and_sourced() {
        let parts = [
            load(TUNING),
            load(HELD_OUT),
            load(TUNING2),
            load(HELD_OUT2),
            load(TUNING3),
            load(TUNING4),
            load(TUNING5),
            load(TUNING7),
        ];
        let [t, h, t2, h2, t3, t4, t5, t7] = &parts;
        assert!(
            t.len() + h.len() >= 60 && h.len() >= 30,
            "{} + {}",
            t.len(),
            h.len()
        );
        assert!(
            t2.len() >= 40 && h2.len() >= 30,
            "{} + {}",
            t2.len(),
            h2.len()
        );
        let outlet = |p: &Passage| {
            p.label
                .split_whitespace()
                .nth(1)
                .unwrap_or_default()
                .to_string()
        };
        let mut outlets = std::collections::BTreeSet::new();
        let mut sources = std::collections::BTreeSet::new();
        for p in parts.iter().flatten() {
            let src = p.source.as_deref().unwrap_or_default();
            assert!(src.starts_with("http"), "{}: no source URL", p.label);
            assert!(sources.insert(src), "{}: source used twice", p.label);
            outlets.insert(outlet(p));
            assert!(!p.gold.is_empty() || p.text.len() > 100, "{}", p.label);
        }
        assert!(outlets.len() >= 30, "{} outlets", outlets.len());
        let first: std::collections::BTreeSet<_> = t.iter().chain(h).map(outlet).collect();
        let new_in_t2: std::collections::BTreeSet<_> = t2
            .iter()
            .map(outlet)
            .filter(|o| !first.contains(o))
            .collect();
        assert!(new_in_t2.len() >= 25, "{} new outlets", new_in_t2.len());
        let earlier: std::collections::BTreeSet<_> =
            t.iter().chain(h).chain(t2).chain(h2).map(outlet).collect();
        let new_in_t3: std::collections::BTreeSet<_> = t3
            .iter()
            .map(outlet)
            .filter(|o| !earlier.contains(o))
            .collect();
        assert!(t3.len() >= 40, "{} passages in tuning3", t3.len());
        assert!(new_in_t3.len() >= 25, "{} new outlets", new_in_t3.len());
        let before_t4: std::collections::BTreeSet<_> =
            earlier.into_iter().chain(t3.iter().map(outlet)).collect();
        let new_in_t4: std::collections::BTreeSet<_> = t4
            .iter()
            .map(outlet)
            .filter(|o| !before_t4.contains(o))
            .collect();
        assert!(t4.len() >= 40, "{} passages in tuning4", t4.len());
        assert!(new_in_t4.len() >= 30, "{} new outlets", new_in_t4.len());
        // The fifth part (round nine) measures the Gulf, the Levant, Iraq and Yemen only, from
        // outlets in none of the earlier parts.
        let before_t5: std::collections::BTreeSet<_> =
            before_t4.into_iter().chain(t4.iter().map(outlet)).collect();
        let new_in_t5: std::collections::BTreeSet<_> = t5
            .iter()
            .map(outlet)
            .filter(|o| !before_t5.contains(o))
            .collect();
        assert!(t5.len() >= 30, "{} passages in tuning5", t5.len());
        assert!(new_in_t5.len() >= 25, "{} new outlets", new_in_t5.len());
        for p in t5 {
            assert!(
                p.label.ends_with("gulf") || p.label.ends_with("levant"),
                "{}",
                p.label
            );
        }
        // Round ten's part: Egypt, Sudan, Libya and the Maghreb only, from outlets in none of
        // the first five tuning files, every source new.
        let t6 = load(TUNING6);
        let before_t6: std::collections::BTreeSet<_> = before_t5
            .iter()
            .cloned()
            .chain(t5.iter().map(outlet))
            .collect();
        let new_in_t6: std::collections::BTreeSet<_> = t6
            .iter()
            .map(outlet)
            .filter(|o| !before_t6.contains(o))
            .collect();
        assert!(t6.len() >= 30, "{} passages in tuning6", t6.len());
        assert!(new_in_t6.len() >= 25, "{} new outlets", new_in_t6.len());
        for p in &t6 {
            let src = p.source.as_deref().unwrap_or_default();
            assert!(src.starts_with("http"), "{}: no source URL", p.label);
            assert!(sources.insert(src), "{}: source used twice", p.label);
            assert!(
                p.label.ends_with("egypt") || p.label.ends_with("maghreb"),
                "{}: outside the part's regions",
                p.label
            );
        }
        // The seventh part (round eleven) measures every region again, from outlets in none of
        // the earlier parts, chosen for the organisations they name.
        let before_t7: std::collections::BTreeSet<_> =
            before_t6.into_iter().chain(t6.iter().map(outlet)).collect();
        let new_in_t7: std::collections::BTreeSet<_> = t7
            .iter()
            .map(outlet)
            .filter(|o| !before_t7.contains(o))
            .collect();
        assert!(t7.len() >= 30, "{} passages in tuning7", t7.len());
        assert!(new_in_t7.len() >= 25, "{} new outlets", new_in_t7.len());
        for part in parts[..6].iter().chain([t7]) {
            for region in ["gulf", "egypt", "levant", "maghreb"] {
                assert!(part.iter().any(|p| p.label.ends_with(region)), "{region}");
            }
        }
        // Round twelve's part: the Gulf, the Levant and Iraq only, chosen for products and
        // figures, from outlets in none of the earlier parts, every source new.
        let t8 = load(TUNING8);
        let before_t8: std::collections::BTreeSet<_> =
            before_t7.into_iter().chain(t7.iter().map(outlet)).collect();
        let new_in_t8: std::collections::BTreeSet<_> = t8
            .iter()
            .map(outlet)
            .filter(|o| !before_t8.contains(o))
            .collect();
        assert!(t8.len() >= 30, "{} passages in tuning8", t8.len());
        assert!(new_in_t8.len() >= 25, "{} new outlets", new_in_t8.len());
        for p in &t8 {
            let src = p.source.as_deref().unwrap_or_default();
            assert!(src.starts_with("http"), "{}: no source URL", p.label);
            assert!(sources.insert(src), "{}: source used twice", p.label);
            assert!(
                p.label.ends_with("gulf") || p.label.ends_with("levant"),
                "{}: outside the part's regions",
                p.label
            );
        }
        // Round thirteen's part: every region (at least three passages from each of the four),
        // chosen for the organisations it names, from outlets in none of the earlier parts.
        let t9 = load(TUNING9);
        let before_t9: std::collections::BTreeSet<_> =
            before_t8.into_iter().chain(t8.iter().map(outlet)).collect();
        let new_in_t9: std::collections::BTreeSet<_> = t9
            .iter()
            .map(outlet)
            .filter(|o| !before_t9.contains(o))
            .collect();
        assert!(t9.len() >= 30, "{} passages in tuning9", t9.len());
        assert!(new_in_t9.len() >= 30, "{} new outlets", new_in_t9.len());
        for p in &t9 {
            let src = p.source.as_deref().unwrap_or_default();
            assert!(src.starts_with("http"), "{}: no source URL", p.label);
            assert!(sources.insert(src), "{}: source used twice", p.label);
        }
        for region in ["gulf", "egypt", "levant", "maghreb"] {
            let n = t9.iter().filter(|p| p.label.ends_with(region)).count();
            assert!(n >= 3, "{n} passages from {region} in tuning9");
        }
    }

    /// Prints the tables (and, for the tuning parts and the team-written set, every miss) and
    /// asserts floors a little under the figures recorded in docs/gazetteer.md.
    #[test]
    fn scores_on_real_news_and_team_set() {
        let rec = rec();
        let tuning = evaluate(&rec, &load(TUNING));
        let tuning2 = evaluate(&rec, &load(TUNING2));
        let tuning3 = evaluate(&rec, &load(TUNING3));
        let tuning4 = evaluate(&rec, &load(TUNING4));
        let tuning5 = evaluate(&rec, &load(TUNING5));
        let tuning6 = evaluate(&rec, &load(TUNING6));
        let tuning7 = evaluate(&rec, &load(TUNING7));
        let tuning8 = evaluate(&rec, &load(TUNING8));
        let tuning9 = evaluate(&rec, &load(TUNING9));
        let held_out = evaluate(&rec, &load(HELD_OUT));
        let held_out2 = evaluate(&rec, &load(HELD_OUT2));
        let team = evaluate(&rec, &load(TEAM));
        println!("{}", tuning.table("real news, tuning part"));
        println!("{}", tuning2.table("real news, second tuning part"));
        println!("{}", tuning3.table("real news, third tuning part"));
        println!("{}", tuning4.table("real news, fourth tuning part"));
        println!("{}", tuning5.table("real news, fifth tuning part"));
        println!("{}", tuning6.table("real news, sixth tuning part"));
        println!("{}", tuning7.table("real news, seventh tuning part"));
        println!("{}", tuning8.table("real news, eighth tuning part"));
        println!("{}", tuning9.table("real news, ninth tuning part"));
        println!("{}", held_out.table("real news, held-out part"));
        println!("{}", held_out2.table("real news, second held-out part"));
        println!("{}", team.table("team-written set"));
        for e in tuning
            .errors
            .iter()
            .chain(&tuning2.errors)
            .chain(&tuning3.errors)
            .chain(&tuning4.errors)
            .chain(&tuning5.errors)
            .chain(&tuning6.errors)
            .chain(&tuning7.errors)
            .chain(&tuning8.errors)
            .chain(&tuning9.errors)
            .chain(&team.errors)
        {
            println!("{e}");
        }
        // The held-out misses stay unread unless asked for: rules are not written from them.
        if std::env::var_os("ENTITIES_EVAL_SHOW_HELDOUT").is_some() {
            for e in held_out.errors.iter().chain(&held_out2.errors) {
                println!("{e}");
            }
        }
        let floors: [(&str, &Report, [f64; 6]); 12] = [
            // org, person, place, product, figure F1; share of exact figure values.
            ("tuning", &tuning, [0.88, 0.94, 0.95, 0.90, 0.97, 0.95]),
            ("tuning2", &tuning2, [0.90, 0.90, 0.93, 0.60, 0.95, 0.95]),
            ("tuning3", &tuning3, [0.87, 0.85, 0.88, 0.60, 0.91, 0.93]),
            ("tuning4", &tuning4, [0.85, 0.89, 0.88, 0.70, 0.92, 0.93]),
            // Round nine's fresh part (scored 0.80 / 0.69 / 0.96 / 0.00 / 0.99 before its rules).
            ("tuning5", &tuning5, [0.85, 0.83, 0.95, 0.0, 0.95, 0.95]),
            ("tuning6", &tuning6, [0.65, 0.65, 0.88, 0.88, 0.96, 0.95]),
            // Round eleven's fresh part (scored 0.77 / 0.73 / 0.81 / 0.57 / 0.95 before its rules).
            ("tuning7", &tuning7, [0.84, 0.70, 0.82, 0.5, 0.93, 0.90]),
            // Round twelve's fresh part (scored 0.84 / 0.92 / 0.96 / 0.68 / 0.91 before its rules).
            ("tuning8", &tuning8, [0.80, 0.88, 0.92, 0.74, 0.92, 0.94]),
            // Round thirteen's fresh part (scored 0.80 / 0.83 / 0.89 / 0.53 / 0.95 before any
            // rule changed, values 127 of 134).
            ("tuning9", &tuning9, [0.75, 0.78, 0.85, 0.45, 0.92, 0.92]),
            ("held-out", &held_out, [0.75, 0.78, 0.88, 0.65, 0.95, 0.95]),
            (
                "held-out2",
                &held_out2,
                [0.74, 0.83, 0.91, 0.80, 0.92, 0.93],
            ),
            ("team", &team, [0.95, 0.90, 0.95, 0.95, 0.97, 0.95]),
        ];
        for (name, rep, [org, person, place, product, figure, values]) in floors {
            for (k, min) in [
                (Kind::Org, org),
                (Kind::Person, person),
                (Kind::Place, place),
                (Kind::Product, product),
            ] {
                assert!(
                    rep.f1(k) >= min,
                    "{name}: {k:?} F1 {:.3} < {min}",
                    rep.f1(k)
                );
            }
            let fig = rep.figures().prf().2;
            assert!(fig >= figure, "{name}: figure F1 {fig:.3} < {figure}");
            let v = rep.value_accuracy();
            assert!(v >= values, "{name}: values exact {v:.3} < {values}");
        }
    }
}
