//! One test per mechanism of the real-text rules (people, institutions and companies, places,
//! products, figures and dates), each with negative cases: ordinary words that look like names.
//! The sentences are made up to show one rule each; the real-text scores are in evaluation.rs.

use super::{Kind, Recognizer, Span};
use std::sync::OnceLock;

fn rec() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(|| Recognizer::load(None).unwrap_or_else(|e| panic!("{e:#}")))
}

fn of(text: &str, kind: Kind) -> Vec<String> {
    rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text)
        .collect()
}

fn figure(text: &str) -> Span {
    let figs: Vec<Span> = rec()
        .find(text)
        .into_iter()
        .filter(|s| s.kind.is_figure())
        .collect();
    assert_eq!(figs.len(), 1, "{text}: {figs:?}");
    figs.into_iter().next().unwrap_or_else(|| unreachable!())
}

mod figures;
mod orgs;
mod people;
mod places_products;
