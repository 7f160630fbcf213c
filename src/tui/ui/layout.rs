//! Screen geometry, shared by drawing, `update` (page sizes, layout widths) and the mouse.

use crate::tui::state::{Focus, State};
use ratatui::layout::Rect;

/// Below this width the panes stack (or the article takes the screen).
pub(crate) const SIDE_BY_SIDE_MIN_WIDTH: u16 = 80;
/// Below this body height a narrow screen shows one pane at a time.
pub(crate) const STACK_MIN_BODY_HEIGHT: u16 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    pub(crate) header: Rect,
    pub headlines: Option<Rect>,
    pub article: Option<Rect>,
    /// A column (side by side) or a row (stacked) between the panes.
    pub(crate) divider: Option<Rect>,
    pub(crate) footer: Rect,
    pub stacked: bool,
}

pub(crate) fn panes(area: Rect, state: &State) -> Panes {
    let header = Rect {
        height: area.height.min(1),
        ..area
    };
    let footer_height = super::footer::height(state, area.width, area.height);
    let footer = Rect {
        y: area.y + area.height.saturating_sub(footer_height),
        height: footer_height,
        ..area
    };
    let body = Rect {
        y: area.y + header.height,
        height: area.height.saturating_sub(header.height + footer.height),
        ..area
    };
    let mut p = Panes {
        header,
        headlines: None,
        article: None,
        divider: None,
        footer,
        stacked: false,
    };
    if body.height == 0 {
        return p;
    }
    if state.rows.is_empty() && state.article.is_none() {
        // Nothing to read: the whole body explains what to do.
        p.headlines = Some(body);
    } else if body.width >= SIDE_BY_SIDE_MIN_WIDTH {
        let hw = (u32::from(body.width) * u32::from(state.split) / 100) as u16;
        let hw = hw.clamp(10, body.width.saturating_sub(11));
        let aw = body.width - hw - 1;
        let (left_w, right_w) = if state.mirrored() { (aw, hw) } else { (hw, aw) };
        let left = Rect {
            width: left_w,
            ..body
        };
        let divider = Rect {
            x: body.x + left_w,
            width: 1,
            ..body
        };
        let right = Rect {
            x: body.x + left_w + 1,
            width: right_w,
            ..body
        };
        p.divider = Some(divider);
        if state.mirrored() {
            p.article = Some(left);
            p.headlines = Some(right);
        } else {
            p.headlines = Some(left);
            p.article = Some(right);
        }
    } else if body.height >= STACK_MIN_BODY_HEIGHT {
        let hh = (body.height / 3).max(3);
        p.stacked = true;
        p.headlines = Some(Rect { height: hh, ..body });
        p.divider = Some(Rect {
            y: body.y + hh,
            height: 1,
            ..body
        });
        p.article = Some(Rect {
            y: body.y + hh + 1,
            height: body.height - hh - 1,
            ..body
        });
    } else if state.focus == Focus::Article && state.article.is_some() {
        p.article = Some(body);
    } else {
        p.headlines = Some(body);
    }
    p
}

/// Columns the article text is laid out for (one cell of margin each side).
pub(crate) fn article_text_width(pane: Rect) -> u16 {
    pane.width.saturating_sub(2).max(1)
}

impl Panes {
    pub fn of(state: &State) -> Panes {
        panes(Rect::new(0, 0, state.size.0, state.size.1), state)
    }

    pub(crate) fn article_width(&self) -> Option<u16> {
        self.article.map(article_text_width)
    }

    pub(crate) fn headline_rows(&self) -> usize {
        self.headlines.map(|r| usize::from(r.height)).unwrap_or(0)
    }

    pub(crate) fn article_rows(&self) -> usize {
        self.article.map(|r| usize::from(r.height)).unwrap_or(0)
    }
}
