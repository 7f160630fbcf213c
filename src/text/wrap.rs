//! Greedy wrapping in logical order: break at spaces, measure cells per
//! grapheme cluster, split a word longer than the line (a URL) at grapheme boundaries.

use std::ops::Range;

/// What wrapping needs to know of one grapheme cluster.
pub(crate) trait WrapUnit {
    fn width(&self) -> usize;
    /// A break space: the line may end here; dropped at a line end.
    fn is_space(&self) -> bool;
    /// Never shown (bidi marks, a lone joiner): glued to the word around it unless next to a
    /// break.
    fn is_hidden(&self) -> bool;
}

/// Unit ranges of the lines for `width` cells. A line starts and ends with a shown unit: the
/// spaces (and hidden units next to them) where a line breaks belong to no line.
/// Always at least one (possibly empty) line.
pub(crate) fn wrap<U: WrapUnit>(units: &[U], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The open line: unit range and cells used; `pending` = cells of spaces after it.
    let mut cur: Option<(Range<usize>, usize)> = None;
    let mut pending = 0;
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut word = 0;
        // The word ends where a run of spaces and hidden units holding a break begins.
        let mut blank = 0;
        while i < units.len() {
            if units[i].is_space() || units[i].is_hidden() {
                let mut j = i;
                let (mut breaks, mut cells) = (false, 0);
                while j < units.len() && (units[j].is_space() || units[j].is_hidden()) {
                    breaks |= units[j].is_space();
                    cells += units[j].width();
                    j += 1;
                }
                if breaks || j == units.len() || start == i {
                    blank = cells;
                    break;
                }
                i = j;
                continue;
            }
            word += units[i].width();
            i += 1;
        }
        let end = i;
        // Skip the blank run after the word.
        while i < units.len() && (units[i].is_space() || units[i].is_hidden()) {
            i += 1;
        }
        if end == start {
            pending += blank;
            continue;
        }
        match &mut cur {
            Some((range, used)) if *used + pending + word <= width => {
                range.end = end;
                *used += pending + word;
            }
            _ => {
                if let Some((range, _)) = cur.take() {
                    lines.push(range);
                }
                cur = Some(if word <= width {
                    (start..end, word)
                } else {
                    split_word(units, start..end, width, &mut lines)
                });
            }
        }
        pending = blank;
    }
    if let Some((range, _)) = cur {
        lines.push(range);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Pushes full lines of an over-long word; returns the rest as the open line.
fn split_word<U: WrapUnit>(
    units: &[U],
    word: Range<usize>,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (Range<usize>, usize) {
    let mut start = word.start;
    let mut used = 0;
    for i in word.clone() {
        let w = units[i].width();
        if used + w > width && used > 0 {
            lines.push(start..i);
            start = i;
            used = 0;
        }
        used += w;
    }
    (start..word.end, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct U(char);
    impl WrapUnit for U {
        fn width(&self) -> usize {
            usize::from(!self.is_hidden())
        }
        fn is_space(&self) -> bool {
            self.0 == ' '
        }
        fn is_hidden(&self) -> bool {
            self.0 == '^'
        }
    }

    fn lines(s: &str, w: usize) -> Vec<String> {
        let units: Vec<U> = s.chars().map(U).collect();
        wrap(&units, w)
            .into_iter()
            .map(|r| units[r].iter().map(|u| u.0).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(lines("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(lines("aa  bb", 4), ["aa", "bb"]);
        assert_eq!(lines("abcdefg h", 3), ["abc", "def", "g h"]);
        assert_eq!(lines("  ab", 4), ["ab"]);
        // Hidden units inside a word glue it; next to a break they belong to no line.
        assert_eq!(lines("ab^cd xy", 4), ["ab^cd", "xy"]);
        assert_eq!(lines("ab ^cd", 2), ["ab", "cd"]);
        assert_eq!(lines("^ ab", 4), ["ab"]);
        assert_eq!(lines("", 3), [""]);
    }
}
