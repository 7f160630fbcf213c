//! Right-to-left text for a cell grid: sanitize, shape, resolve levels, wrap, reorder, align.
//!
//! SKELETON API — the layout engine replaces the bodies; the signatures are the contract used by
//! the UI and the CLI.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Paragraph direction policy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Arabic content → RTL; otherwise first strong character.
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// Who reorders right-to-left text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// akhbar reorders (the terminal is asked to stay out of it).
    #[default]
    App,
    /// akhbar writes logical order; the terminal reorders.
    Terminal,
    /// logical order, nothing done.
    Off,
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

/// The one cell-width function: sum of widths per grapheme cluster.
pub fn cell_width(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| unicode_width::UnicodeWidthStr::width(g).max(1))
        .sum()
}

/// Drop C0/C1 controls and escape sequences (keeps `\n` and bidi formatting characters).
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !(c.is_control()))
        .collect()
}

/// One paragraph prepared once (levels, shaping, styles); wrapped per width on demand.
#[derive(Clone, Debug)]
pub struct PreparedParagraph {
    text: String,
    base: Style,
}

impl PreparedParagraph {
    pub fn new(text: &str, _spans: &[StyleSpan], base: Style, _opts: &LayoutOptions) -> Self {
        Self {
            text: sanitize(text),
            base,
        }
    }

    pub fn is_rtl(&self) -> bool {
        false
    }

    /// Visual lines for a pane `width` cells wide; RTL lines are padded to end at the last column.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let width = usize::from(width.max(1));
        let mut out = Vec::new();
        let mut cur = String::new();
        for g in self.text.graphemes(true) {
            if cell_width(&cur) + cell_width(g) > width {
                out.push(Line::from(Span::styled(
                    std::mem::take(&mut cur),
                    self.base,
                )));
            }
            cur.push_str(g);
        }
        out.push(Line::from(Span::styled(cur, self.base)));
        out
    }
}

/// A multi-paragraph text (paragraphs separated by '\n'), with a cache of the last width.
#[derive(Clone, Debug)]
pub struct PreparedText {
    pub paragraphs: Vec<PreparedParagraph>,
    cached: Option<(u16, Vec<Line<'static>>)>,
}

impl PreparedText {
    /// `spans` are byte ranges into `text` as a whole.
    pub fn new(text: &str, spans: &[StyleSpan], base: Style, opts: &LayoutOptions) -> Self {
        let paragraphs = text
            .split('\n')
            .filter(|p| !p.trim().is_empty())
            .map(|p| PreparedParagraph::new(p, spans, base, opts))
            .collect();
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

/// `shape = auto`: join letters ourselves unless the terminal is known to shape Arabic
/// (VTE, Konsole, mlterm, mintty do; xterm, Alacritty, foot, tmux, Windows Terminal do not).
pub fn shape_auto_for_env() -> bool {
    let var = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    let term_program = std::env::var("TERM_PROGRAM").unwrap_or_default();
    let term = std::env::var("TERM").unwrap_or_default();
    let shapes = var("VTE_VERSION")
        || var("KONSOLE_VERSION")
        || var("MLTERM")
        || term_program.eq_ignore_ascii_case("mintty")
        || term.starts_with("mlterm");
    !shapes
}
