//! Entities and figures in Arabic tech news.
//!
//! SKELETON API — the recognizer replaces the bodies; the signatures are the contract used by
//! ingest, the store, the CLI and the UI.

pub mod normalize;

use serde::Serialize;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Org,
    Person,
    Place,
    Product,
    Money,
    Percent,
    Number,
    Date,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Org => "org",
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Product => "product",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Number => "number",
            Kind::Date => "date",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "org" => Kind::Org,
            "person" => Kind::Person,
            "place" => Kind::Place,
            "product" => Kind::Product,
            "money" => Kind::Money,
            "percent" => Kind::Percent,
            "number" => Kind::Number,
            "date" => Kind::Date,
            _ => return None,
        })
    }

    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Kind::Money | Kind::Percent | Kind::Number | Kind::Date
        )
    }
}

/// One entity or figure found in a text; offsets are UTF-8 byte offsets into that text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Gazetteer canonical English name ("Microsoft").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Canonical name of the parent entity (ChatGPT → "OpenAI").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Numeric value of a figure (3e11 for «300 مليار دولار»).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// The recognizer: gazetteer + figure rules, built once.
pub struct Recognizer {}

impl Recognizer {
    /// The embedded gazetteer plus, if given and present, the user's extra file.
    pub fn load(_user_file: Option<&Path>) -> anyhow::Result<Self> {
        Ok(Self {})
    }

    /// All spans in `text`, sorted by start, non-overlapping.
    pub fn find(&self, _text: &str) -> Vec<Span> {
        Vec::new()
    }

    /// Changes whenever the gazetteer (embedded or user) changes; stored articles are
    /// re-indexed when it differs from the one they were indexed with.
    pub fn version(&self) -> String {
        "skeleton".to_string()
    }

    /// Canonical name for a company given by canonical name or any alias,
    /// case- and hamza-insensitively («مايكروسوفت», "microsoft" → "Microsoft").
    pub fn resolve(&self, query: &str) -> Option<String> {
        let q = query.trim();
        (!q.is_empty()).then(|| q.to_string())
    }

    /// The Arabic display name of a canonical entity (first Arabic alias), for the UI.
    pub fn arabic_name(&self, _canonical: &str) -> Option<String> {
        None
    }
}
