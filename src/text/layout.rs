//! A paragraph prepared once (sanitized, shaped, levels, styles per grapheme cluster) and laid
//! out per width into visual ratatui lines built for the exact width.

use super::bidi::{self, BidiUnit};
use super::chars::is_ignorable;
use super::sanitize::sanitize_mapped;
use super::shape::shape_mapped;
use super::width::{grapheme_indices, grapheme_width, is_simple};
use super::wrap::{WrapUnit, wrap};
use super::{BidiMode, LayoutOptions, StyleSpan};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_bidi::BidiClass;
use unicode_width::UnicodeWidthChar;

/// One grapheme cluster of the prepared text.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    width: u8,
    level: u8,
    class: BidiClass,
    /// Index into `PreparedParagraph::styles`.
    style: u16,
    /// Never written to the terminal and no cell: default-ignorable and format characters
    /// (bidi marks, a lone ZWJ, …).
    hidden: bool,
    space: bool,
    /// Starts with a combining mark: shown on a dotted circle, or the terminal would put the
    /// mark on whatever cell comes before it.
    lone_mark: bool,
}

impl WrapUnit for Unit {
    fn width(&self) -> usize {
        usize::from(self.width)
    }
    fn is_space(&self) -> bool {
        self.space
    }
    fn is_hidden(&self) -> bool {
        self.hidden
    }
}

impl BidiUnit for Unit {
    fn level(&self) -> u8 {
        self.level
    }
    fn class(&self) -> BidiClass {
        self.class
    }
}

/// One paragraph prepared once (levels, shaping, styles); wrapped per width on demand.
#[derive(Clone, Debug)]
pub struct PreparedParagraph {
    text: String,
    units: Vec<Unit>,
    styles: Vec<Style>,
    base: Style,
    para_level: u8,
    reorder: bool,
}

impl PreparedParagraph {
    /// `spans` are byte ranges into `text`; later spans patch earlier ones where they overlap.
    pub fn new(text: &str, spans: &[StyleSpan], base: Style, opts: &LayoutOptions) -> Self {
        let (mut display, mut map) = sanitize_mapped(text);
        // One paragraph: a stray newline is just a space (and not a bidi paragraph break).
        if display.contains('\n') {
            display = display.replace('\n', " ");
        }
        if opts.shape
            && display
                .chars()
                .any(|c| ('\u{0600}'..='\u{08FF}').contains(&c))
        {
            (display, map) = shape_mapped(&display, &map);
        }
        let (styles, char_styles) = style_ids(&map, spans, base);
        let para_level = bidi::paragraph_level(&display, opts.direction);
        let reorder = opts.bidi == BidiMode::App;
        let info = reorder.then(|| bidi::paragraph_info(&display, para_level));
        let mut units = Vec::with_capacity(display.len());
        let mut char_idx = 0;
        for (start, g) in grapheme_indices(&display) {
            let first = g.chars().next().unwrap_or(' ');
            let (level, class) = match &info {
                Some(info) => (info.levels[start].number(), info.original_classes[start]),
                None => (para_level, BidiClass::L),
            };
            let style = char_styles.get(char_idx).copied().unwrap_or(0);
            let mut unit = Unit {
                start: start as u32,
                end: (start + g.len()) as u32,
                width: 1,
                level,
                class,
                style,
                hidden: false,
                lone_mark: false,
                space: first == ' ',
            };
            // Most clusters are one simple character: the defaults above are right for them.
            let simple = g.len() == first.len_utf8() && is_simple(first);
            if !simple {
                unit.width = grapheme_width(g).min(usize::from(u8::MAX)) as u8;
                unit.hidden = unit.width == 0;
                unit.lone_mark = g
                    .chars()
                    .find(|c| !is_ignorable(*c))
                    .is_some_and(|c| !is_simple(c) && UnicodeWidthChar::width(c) == Some(0));
                unit.space = is_break_space(first) && g.chars().skip(1).all(is_ignorable);
            }
            units.push(unit);
            char_idx += if simple { 1 } else { g.chars().count() };
        }
        Self {
            text: display,
            units,
            styles,
            base,
            para_level,
            reorder,
        }
    }

    /// Nothing to show: empty, spaces, or only controls and escape sequences.
    pub fn is_blank(&self) -> bool {
        self.units.iter().all(|u| u.hidden || u.space)
    }

    pub fn is_rtl(&self) -> bool {
        self.para_level % 2 == 1
    }

    /// The text as laid out, in logical order: sanitized and (if asked) shaped. Bidi controls
    /// are still in it; they are never written out.
    pub fn display_text(&self) -> &str {
        &self.text
    }

    /// The lines for `width` cells as byte ranges into [`Self::display_text`] (logical order,
    /// break spaces at line ends left out).
    pub fn line_ranges(&self, width: u16) -> Vec<Range<usize>> {
        wrap(&self.units, usize::from(width))
            .into_iter()
            .map(|r| self.byte_range(r))
            .collect()
    }

    fn byte_range(&self, r: Range<usize>) -> Range<usize> {
        match (self.units.get(r.start), r.end.checked_sub(1)) {
            (Some(first), Some(last)) if r.start < r.end => {
                first.start as usize..self.units[last].end as usize
            }
            _ => 0..0,
        }
    }

    /// Visual lines for a pane `width` cells wide; RTL lines are padded to end at the last column.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let width = usize::from(width.max(1));
        wrap(&self.units, width)
            .into_iter()
            .map(|r| self.visual_line(&self.units[r], width))
            .collect()
    }

    fn visual_line(&self, units: &[Unit], width: usize) -> Line<'static> {
        let (order, levels) = if self.reorder {
            let levels = bidi::line_levels(units, self.para_level);
            (bidi::visual_order(&levels), levels)
        } else {
            ((0..units.len()).collect(), Vec::new())
        };
        let used: usize = units.iter().filter(|u| !u.hidden).map(|u| u.width()).sum();
        let mut spans: Vec<Span<'static>> = Vec::new();
        if self.reorder && self.is_rtl() && used < width {
            spans.push(Span::styled(" ".repeat(width - used), self.base));
        }
        let mut run = String::new();
        let mut run_style = None;
        for &i in &order {
            let u = &units[i];
            if u.hidden {
                continue;
            }
            if run_style != Some(u.style) {
                if let Some(id) = run_style {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        self.styles[usize::from(id)],
                    ));
                }
                run_style = Some(u.style);
            }
            let g = &self.text[u.start as usize..u.end as usize];
            let odd = levels.get(i).is_some_and(|l| l % 2 == 1);
            if u.lone_mark {
                run.push('\u{25CC}');
            }
            // A tab keeps its bidi class (segment separator: rule L1 puts it, and the spaces
            // before it, at the paragraph level) and is drawn as one space.
            if g == "\t" {
                run.push(' ');
                continue;
            }
            let mut chars = g.chars();
            match chars.next().filter(|_| odd).and_then(mirror) {
                Some(m) => {
                    run.push(m);
                    run.push_str(chars.as_str());
                }
                None => run.push_str(g),
            }
        }
        if let Some(id) = run_style {
            spans.push(Span::styled(run, self.styles[usize::from(id)]));
        }
        Line::from(spans)
    }
}

/// Spaces where a line may break (not the no-break ones), and the tab.
fn is_break_space(c: char) -> bool {
    c == '\t'
        || c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}') && !c.is_control()
}

/// The interned styles (0 = base) and the style of every character, found from the source
/// offset of each character (`map`, non-decreasing) by one sweep over the span boundaries.
fn style_ids(map: &[usize], spans: &[StyleSpan], base: Style) -> (Vec<Style>, Vec<u16>) {
    let mut styles = vec![base];
    if spans.is_empty() {
        return (styles, vec![0; map.len()]);
    }
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    // Style id of each segment [bounds[k], bounds[k+1]).
    let seg_ids: Vec<u16> = bounds
        .iter()
        .map(|&at| {
            let style = spans
                .iter()
                .filter(|s| s.start <= at && at < s.end)
                .fold(base, |acc, s| acc.patch(s.style));
            intern(&mut styles, style)
        })
        .collect();
    let mut k = 0;
    let ids = map
        .iter()
        .map(|&at| {
            while k < bounds.len() && bounds[k] <= at {
                k += 1;
            }
            // `k` boundaries are at or before `at`: the segment is k-1.
            k.checked_sub(1).map_or(0, |seg| seg_ids[seg])
        })
        .collect();
    (styles, ids)
}

fn intern(styles: &mut Vec<Style>, style: Style) -> u16 {
    match styles.iter().position(|s| *s == style) {
        Some(i) => i as u16,
        None if styles.len() < usize::from(u16::MAX) => {
            styles.push(style);
            (styles.len() - 1) as u16
        }
        None => 0,
    }
}

/// Rule L4's mirrored glyph; letters and digits (most of the text) skip the table lookup.
fn mirror(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric()
        || matches!(c, ' ' | '\u{0600}'..='\u{06FF}' | '\u{FE70}'..='\u{FEFF}')
    {
        return None;
    }
    unicode_bidi_mirroring::get_mirrored(c)
}
