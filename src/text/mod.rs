//! Right-to-left text for a cell grid: sanitize, shape, resolve levels, wrap, reorder, align.
//!
//! Per paragraph, never per line: sanitize → shape (logical order) → paragraph level → levels
//! (unicode-bidi, once) → wrap in logical order (cells per grapheme cluster) → per line L1/L2 by
//! grapheme cluster, mirroring at odd levels → RTL lines padded to end at the last column.
//! Two caches: [`PreparedParagraph`] holds the per-text work, [`PreparedText::wrapped`] the
//! lines of the last width.

pub mod bidi;
mod chars;
mod layout;
pub mod rowcode;
mod sanitize;
mod shape;
pub mod terminal;
mod width;
mod wrap;

pub use chars::{is_arabic_letter, is_bidi_control, is_ignorable, is_invisible, is_joiner};
pub use layout::PreparedParagraph;
pub use sanitize::sanitize;
pub(crate) use sanitize::{Keep, scan};
pub use width::{cell_width, grapheme_width};

use ratatui::style::Style;
use ratatui::text::Line;
use serde::{Deserialize, Serialize};

/// Paragraph direction policy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Mostly Arabic letters → RTL; otherwise the first strong character; Arabic-Indic digits
    /// alone → RTL. [`Direction::for_content`] turns it into `RtlContent` for Arabic feeds.
    #[default]
    Auto,
    Rtl,
    Ltr,
    /// Content in a right-to-left language (the feed or article says so): RTL — so «Apple تطلق
    /// iPhone 17» reads from the right — unless the paragraph has left-to-right letters and no
    /// right-to-left one (an English quote stays LTR, its full stop at its end). Never set by
    /// the user; chosen per article from its language.
    #[value(skip)]
    #[serde(skip)]
    RtlContent,
}

/// Who reorders right-to-left text.
///
/// A third value, `terminal` (logical order, the terminal reorders), was withdrawn: no measured
/// terminal showed akhbar's two panes right that way (docs/terminals.md); it is refused with a
/// message saying what to use instead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum BidiMode {
    /// akhbar reorders, and tells the terminal, in the way that terminal needs, not to.
    #[default]
    App,
    /// logical order, nothing asked of the terminal.
    Off,
}

/// Why `terminal` is no longer a bidi mode, and what to use.
pub const BIDI_TERMINAL_WITHDRAWN: &str = "bidi mode \"terminal\" was withdrawn: no terminal \
     lays akhbar's panes out right from logical order (docs/terminals.md). Use \"app\" (the \
     default): akhbar finds out which terminal it runs in and tells it not to reorder; if it \
     guesses wrong, name the terminal with [display] terminal = \"vte\" | \"mlterm\" | \
     \"konsole\" | \"kitty\" | \"cells\" or --terminal";

impl std::str::FromStr for BidiMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "app" => Ok(BidiMode::App),
            "off" => Ok(BidiMode::Off),
            "terminal" => Err(BIDI_TERMINAL_WITHDRAWN.to_string()),
            other => Err(format!("unknown bidi mode {other:?}: \"app\" or \"off\"")),
        }
    }
}

impl TryFrom<String> for BidiMode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// Arabic letter shaping (presentation forms) for terminals that do not join letters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ShapeMode {
    #[default]
    Auto,
    On,
    Off,
}

impl Direction {
    /// The policy for content in `language` (a feed's or article's language tag): `Auto`
    /// becomes `RtlContent` for right-to-left languages (`ar`, `ar-EG`, `fa`, `he`, …); forced
    /// directions stay as they are, and so does `Auto` for other or unknown languages (each
    /// paragraph then goes by its own letters).
    pub fn for_content(self, language: Option<&str>) -> Direction {
        let primary = language
            .and_then(|l| l.trim().split(['-', '_']).next())
            .map(str::to_ascii_lowercase);
        let rtl_language = primary.is_some_and(|p| {
            matches!(
                p.as_str(),
                "ar" | "ara"
                    | "fa"
                    | "per"
                    | "fas"
                    | "ur"
                    | "he"
                    | "iw"
                    | "yi"
                    | "ps"
                    | "ckb"
                    | "sd"
                    | "ug"
                    | "dv"
            )
        });
        match self {
            Direction::Auto if rtl_language => Direction::RtlContent,
            other => other,
        }
    }
}

impl LayoutOptions {
    /// These options for text in `language` (see [`Direction::for_content`]).
    pub fn for_content(&self, language: Option<&str>) -> LayoutOptions {
        LayoutOptions {
            direction: self.direction.for_content(language),
            ..*self
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    pub direction: Direction,
    pub bidi: BidiMode,
    /// Resolved shaping (ShapeMode::Auto already decided by the caller).
    pub shape: bool,
}

/// A style over a logical byte range of the text given to the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct StyleSpan {
    pub start: usize,
    pub end: usize,
    pub style: Style,
}

/// A multi-paragraph text (paragraphs separated by '\n'), with a cache of the last width.
#[derive(Clone, Debug)]
pub struct PreparedText {
    pub paragraphs: Vec<PreparedParagraph>,
    cached: Option<(u16, Vec<Line<'static>>)>,
}

impl PreparedText {
    /// `spans` are byte ranges into `text` as a whole. Blank paragraphs (also those made only
    /// of controls and escape sequences) are left out.
    pub fn new(text: &str, spans: &[StyleSpan], base: Style, opts: &LayoutOptions) -> Self {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for p in text.split('\n') {
            let range = at..at + p.len();
            at = range.end + 1;
            if p.trim().is_empty() {
                continue;
            }
            let local: Vec<StyleSpan> = spans
                .iter()
                .filter(|s| s.start < range.end && s.end > range.start)
                .map(|s| StyleSpan {
                    start: s.start.max(range.start) - range.start,
                    end: s.end.min(range.end) - range.start,
                    style: s.style,
                })
                .collect();
            let para = PreparedParagraph::new(p, &local, base, opts);
            if !para.is_blank() {
                paragraphs.push(para);
            }
        }
        Self {
            paragraphs,
            cached: None,
        }
    }

    /// All visual lines, a blank line between paragraphs.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push(Line::default());
            }
            out.extend(p.lines(width));
        }
        out
    }

    /// Like `lines`, cached for the last width asked (a resize recomputes only wrapping).
    pub fn wrapped(&mut self, width: u16) -> &[Line<'static>] {
        if self.cached.as_ref().map(|(w, _)| *w) != Some(width) {
            self.cached = Some((width, self.lines(width)));
        }
        match &self.cached {
            Some((_, lines)) => lines,
            None => &[],
        }
    }
}

/// A visual line as plain text, trailing spaces removed (for the CLI).
pub fn line_to_plain(line: &Line<'_>) -> String {
    let s: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    s.trim_end().to_string()
}
