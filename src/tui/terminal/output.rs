//! One output stage per terminal class (docs/terminals.md, "Which terminal wants what"): a thin
//! wrapper around ratatui's crossterm backend that decides what bytes the changed cells
//! become, and what is sent when the terminal is taken over and given back.
//!
//! - cells (xterm, Alacritty, tmux, …): the cells as ratatui diffs them.
//! - VTE: `CSI 8 l` (explicit BiDi mode) before the alternate screen and before every full
//!   clear, so that every row is created explicit; cells as diffed.
//! - mlterm: its complex text layout off (OSC 5379) while akhbar has the terminal; cells as
//!   diffed.
//! - Konsole: its bidi off (OSC 50) while akhbar has the terminal; cells as diffed.
//! - kitty: every row that changed is rewritten whole, each Arabic word in logical order.
//!
//! With `bidi = off` nothing is asked of any terminal: no mode change, cells as diffed.

use crate::text::grapheme_width;
use crate::text::rowcode::{
    KONSOLE_BIDI_OFF, KONSOLE_BIDI_ON, MLTERM_CTL_OFF, MLTERM_CTL_ON, kitty_unmirror,
    kitty_words_in,
};
use crate::text::terminal::{BDSM_EXPLICIT, BDSM_IMPLICIT, BdsmState, TerminalKind};
use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType as TermClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// Alternate screen on, home, erase the screen, mouse reports on, cursor hidden.
fn screen_on() -> String {
    ansi(&[
        &EnterAlternateScreen,
        &MoveTo(0, 0),
        &Clear(TermClearType::All),
        &EnableMouseCapture,
        &Hide,
    ])
}

/// Mouse reports off, alternate screen off, cursor shown.
fn screen_off() -> String {
    ansi(&[&DisableMouseCapture, &LeaveAlternateScreen, &Show])
}

/// crossterm's commands as the bytes they write.
fn ansi(commands: &[&dyn AnsiCommand]) -> String {
    let mut out = String::new();
    for c in commands {
        c.write(&mut out);
    }
    out
}

/// A crossterm command, object-safe.
trait AnsiCommand {
    fn write(&self, out: &mut String);
}

impl<C: crossterm::Command> AnsiCommand for C {
    fn write(&self, out: &mut String) {
        // Writing into a String cannot fail.
        let _ = self.write_ansi(out);
    }
}

/// What the terminal is sent, decided once at take-over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) kind: TerminalKind,
    /// akhbar reorders (`bidi = app`) and tells the terminal not to; false: nothing is asked.
    pub(crate) app: bool,
    /// The BiDi mode the terminal said it was in before akhbar changed anything (DECRQM).
    pub(crate) found: Option<BdsmState>,
}

impl Plan {
    /// Taking the terminal: the mode that must precede the alternate screen (VTE: rows are
    /// created in the mode current then), the screen, then what must follow it.
    pub(crate) fn take_over(&self) -> String {
        format!(
            "{}{}{}",
            self.before_screen(),
            screen_on(),
            self.after_screen()
        )
    }

    /// Giving it back: what was found is restored — `CSI 8 h` only if the terminal said it
    /// was implicit, Konsole's bidi and mlterm's text layout on (their defaults; Konsole's
    /// current value cannot be asked).
    pub(crate) fn give_back(&self) -> String {
        format!("{}{}", screen_off(), self.bidi_back())
    }

    /// Switching `bidi` at run time (the `B` key): what tells the terminal. The screen is
    /// cleared and redrawn afterwards (for VTE, that is what makes the rows take the mode).
    pub(crate) fn switch(&self, app: bool) -> String {
        let plan = Plan { app: true, ..*self };
        if app {
            format!("{}{}", plan.before_screen(), plan.after_screen())
        } else {
            plan.bidi_back().to_string()
        }
    }

    fn before_screen(&self) -> &'static str {
        match (self.app, self.kind) {
            (true, TerminalKind::Vte) => BDSM_EXPLICIT,
            _ => "",
        }
    }

    fn after_screen(&self) -> &'static str {
        match (self.app, self.kind) {
            (true, TerminalKind::Konsole) => KONSOLE_BIDI_OFF,
            (true, TerminalKind::Mlterm) => MLTERM_CTL_OFF,
            _ => "",
        }
    }

    fn bidi_back(&self) -> &'static str {
        match (self.app, self.kind, self.found) {
            (true, TerminalKind::Vte, Some(BdsmState::Implicit)) => BDSM_IMPLICIT,
            (true, TerminalKind::Konsole, _) => KONSOLE_BIDI_ON,
            (true, TerminalKind::Mlterm, _) => MLTERM_CTL_ON,
            _ => "",
        }
    }

    /// Rows are rewritten whole (kitty) rather than cell by cell.
    fn whole_rows(&self) -> bool {
        self.app && self.kind == TerminalKind::Kitty
    }

    /// Packed into a byte, for [`super::restore`], which may run in a panic hook.
    pub(crate) fn pack(&self) -> u8 {
        let kind = match self.kind {
            TerminalKind::Cells => 0,
            TerminalKind::Vte => 1,
            TerminalKind::Mlterm => 2,
            TerminalKind::Konsole => 3,
            TerminalKind::Kitty => 4,
        };
        let found = match self.found {
            None => 0,
            Some(BdsmState::Implicit) => 1,
            Some(BdsmState::Explicit) => 2,
            Some(BdsmState::Unsupported) => 3,
        };
        kind | u8::from(self.app) << 3 | found << 4
    }

    pub(crate) fn unpack(b: u8) -> Plan {
        let kind = match b & 7 {
            1 => TerminalKind::Vte,
            2 => TerminalKind::Mlterm,
            3 => TerminalKind::Konsole,
            4 => TerminalKind::Kitty,
            _ => TerminalKind::Cells,
        };
        let found = match (b >> 4) & 3 {
            1 => Some(BdsmState::Implicit),
            2 => Some(BdsmState::Explicit),
            3 => Some(BdsmState::Unsupported),
            _ => None,
        };
        Plan {
            kind,
            app: b & 8 != 0,
            found,
        }
    }
}

/// ratatui's backend for one terminal class.
pub(crate) struct Output<W: Write> {
    backend: CrosstermBackend<W>,
    plan: Plan,
    /// The screen as written (kitty): a changed row is rewritten whole from it.
    shadow: Vec<Vec<Cell>>,
    /// Where ratatui last put the cursor: asking the terminal (DSR) would race the input.
    cursor: Position,
    /// The terminal's size, when not the real terminal's (tests).
    fixed_size: Option<Size>,
}

impl<W: Write> Output<W> {
    pub(crate) fn new(writer: W, plan: Plan) -> Self {
        Output {
            backend: CrosstermBackend::new(writer),
            plan,
            shadow: Vec::new(),
            cursor: Position::ORIGIN,
            fixed_size: None,
        }
    }

    pub(crate) fn plan(&self) -> Plan {
        self.plan
    }

    /// Take the terminal (after raw mode): see [`Plan::take_over`].
    pub(crate) fn take_over(&mut self) -> io::Result<()> {
        self.shadow.clear();
        self.backend.write_all(self.plan.take_over().as_bytes())?;
        Write::flush(&mut self.backend)
    }

    /// Switch between `bidi = app` and `off`; the caller clears and redraws.
    pub(crate) fn set_app(&mut self, app: bool) -> io::Result<()> {
        if app != self.plan.app {
            self.backend.write_all(self.plan.switch(app).as_bytes())?;
            self.plan.app = app;
        }
        Write::flush(&mut self.backend)
    }

    fn shadow_set(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shadow.len() <= y {
            self.shadow.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.shadow[y];
        if row.len() <= x {
            row.resize(x + 1, Cell::EMPTY);
        }
        row[x] = cell.clone();
    }

    /// Row `y` of the shadow as it is written: the cells a terminal shows (those covered by a
    /// wide cell left out), with the class's rewriting.
    fn row_cells(&self, y: usize) -> Vec<(u16, Cell)> {
        let Some(row) = self.shadow.get(y) else {
            return Vec::new();
        };
        let mut cells = Vec::with_capacity(row.len());
        let mut x = 0;
        while x < row.len() {
            let cell = &row[x];
            cells.push((x as u16, cell.clone()));
            x += grapheme_width(cell.symbol()).max(1);
        }
        if self.plan.kind == TerminalKind::Kitty {
            kitty_rewrite(&mut cells);
        }
        cells
    }
}

/// kitty: every word holding an Arabic letter written in logical order, each cell keeping its
/// style; the word stays in its cells.
fn kitty_rewrite(cells: &mut [(u16, Cell)]) {
    let symbols: Vec<String> = cells.iter().map(|(_, c)| c.symbol().to_string()).collect();
    let refs: Vec<&str> = symbols.iter().map(String::as_str).collect();
    for word in kitty_words_in(&refs) {
        let xs: Vec<u16> = cells[word.clone()].iter().map(|(x, _)| *x).collect();
        cells[word.clone()].reverse();
        for ((x, cell), at) in cells[word].iter_mut().zip(xs) {
            *x = at;
            let unmirrored = kitty_unmirror(cell.symbol()).into_owned();
            cell.set_symbol(&unmirrored);
        }
    }
}

impl<W: Write> Backend for Output<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if !self.plan.whole_rows() {
            return self.backend.draw(content);
        }
        let mut changed = BTreeSet::new();
        for (x, y, cell) in content {
            self.shadow_set(x, y, cell);
            changed.insert(y);
        }
        for y in changed {
            let cells = self.row_cells(usize::from(y));
            self.backend
                .draw(cells.iter().map(|(x, cell)| (*x, y, cell)))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.backend.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.backend.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.backend.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            self.shadow.clear();
            // VTE: the rows ED makes take the mode current then. Anything may have given the
            // terminal its implicit mode back meanwhile (a program run from akhbar, a reset):
            // setting it first costs four bytes.
            if self.plan.app && self.plan.kind == TerminalKind::Vte {
                self.backend.write_all(b"\x1b[H")?;
                self.backend.write_all(BDSM_EXPLICIT.as_bytes())?;
            }
        }
        self.backend.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => self.backend.size(),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        match self.fixed_size {
            Some(size) => Ok(WindowSize {
                columns_rows: size,
                pixels: Size::default(),
            }),
            None => self.backend.window_size(),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};
    use ratatui::text::Line;
    use ratatui::widgets::{Block, Borders, Paragraph};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Every byte written, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Capture(Rc<RefCell<Vec<u8>>>);

    impl Write for Capture {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Capture {
        /// What was written since the last call, as text.
        fn take(&self) -> String {
            String::from_utf8_lossy(&std::mem::take(&mut *self.0.borrow_mut())).into_owned()
        }
    }

    fn plan(kind: TerminalKind, app: bool, found: Option<BdsmState>) -> Plan {
        Plan { kind, app, found }
    }

    fn terminal(plan: Plan, w: u16, h: u16) -> (Terminal<Output<Capture>>, Capture) {
        let capture = Capture::default();
        let mut output = Output::new(capture.clone(), plan);
        output.fixed_size = Some(Size::new(w, h));
        let term = Terminal::new(output).unwrap_or_else(|e| panic!("{e}"));
        (term, capture)
    }

    /// Two panes as the reader draws them: visual-order text left, a border, text right.
    fn two_panes(term: &mut Terminal<Output<Capture>>, left: &str, right: &str) {
        term.draw(|f| {
            let area = f.area();
            let half = area.width / 2;
            f.render_widget(
                Paragraph::new(Line::from(left.to_string()))
                    .block(Block::default().borders(Borders::RIGHT)),
                Rect::new(0, 0, half, area.height),
            );
            f.render_widget(
                Paragraph::new(Line::from(right.to_string())),
                Rect::new(half, 0, area.width - half, area.height),
            );
        })
        .unwrap_or_else(|e| panic!("{e}"));
    }

    fn position(haystack: &str, needle: &str) -> usize {
        haystack
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {haystack:?}"))
    }

    #[test]
    fn vte_explicit_mode_comes_before_the_alternate_screen_and_every_clear() {
        let (mut term, out) = terminal(
            plan(TerminalKind::Vte, true, Some(BdsmState::Implicit)),
            20,
            3,
        );
        term.backend_mut()
            .take_over()
            .unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(position(&bytes, "\x1b[8l") < position(&bytes, "\x1b[?1049h"));
        assert!(position(&bytes, "\x1b[?1049h") < position(&bytes, "\x1b[2J"));
        // A resize clears: the mode goes first, with the cursor at home, then ED.
        term.backend_mut().fixed_size = Some(Size::new(30, 4));
        term.autoresize().unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(bytes.contains("\x1b[H\x1b[8l"), "{bytes:?}");
        assert!(position(&bytes, "\x1b[8l") < position(&bytes, "\x1b[2J"));
        // Drawing sends no mode: every row exists already, made explicit.
        two_panes(&mut term, "abc", "def");
        assert!(!out.take().contains("\x1b[8"));
        // Resume (after Ctrl-Z) takes over again: explicit before the alternate screen.
        term.backend_mut()
            .take_over()
            .unwrap_or_else(|e| panic!("{e}"));
        term.clear().unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(position(&bytes, "\x1b[8l") < position(&bytes, "\x1b[?1049h"));
        // Exit (`restore` writes this): implicit again, as found, after leaving the alternate
        // screen.
        let bytes = term.backend().plan().give_back();
        assert!(position(&bytes, "\x1b[?1049l") < position(&bytes, "\x1b[8h"));
    }

    #[test]
    fn only_what_was_found_is_restored() {
        for found in [
            None,
            Some(BdsmState::Explicit),
            Some(BdsmState::Unsupported),
        ] {
            let back = plan(TerminalKind::Vte, true, found).give_back();
            assert!(!back.contains("\x1b[8"), "{found:?}: {back:?}");
            assert!(back.contains("\x1b[?1049l"));
        }
        let back = plan(TerminalKind::Vte, true, Some(BdsmState::Implicit)).give_back();
        assert!(back.ends_with("\x1b[8h"));
        // Classes that were not changed get nothing back either.
        for kind in [TerminalKind::Cells, TerminalKind::Kitty] {
            let p = plan(kind, true, Some(BdsmState::Implicit));
            assert_eq!(p.give_back(), screen_off(), "{kind:?}");
            assert_eq!(p.take_over(), screen_on(), "{kind:?}");
        }
    }

    #[test]
    fn konsole_bidi_goes_off_at_take_over_and_on_at_restore() {
        let p = plan(TerminalKind::Konsole, true, None);
        let on = p.take_over();
        assert!(position(&on, "\x1b[?1049h") < position(&on, KONSOLE_BIDI_OFF));
        assert!(!on.contains(KONSOLE_BIDI_ON));
        let back = p.give_back();
        assert!(back.ends_with(KONSOLE_BIDI_ON) && !back.contains(KONSOLE_BIDI_OFF));
        // The `B` key: off gives Konsole its bidi back, app takes it again.
        assert_eq!(p.switch(false), KONSOLE_BIDI_ON);
        assert_eq!(p.switch(true), KONSOLE_BIDI_OFF);
    }

    #[test]
    fn bidi_off_sends_no_mode_change_to_any_terminal() {
        for kind in [
            TerminalKind::Cells,
            TerminalKind::Vte,
            TerminalKind::Mlterm,
            TerminalKind::Konsole,
            TerminalKind::Kitty,
        ] {
            let p = plan(kind, false, Some(BdsmState::Implicit));
            let (mut term, out) = terminal(p, 20, 3);
            term.backend_mut()
                .take_over()
                .unwrap_or_else(|e| panic!("{e}"));
            two_panes(&mut term, "\u{FEB7}\u{FEAE}", "abc");
            term.backend_mut().fixed_size = Some(Size::new(24, 5));
            term.autoresize().unwrap_or_else(|e| panic!("{e}"));
            two_panes(&mut term, "\u{FEB7}\u{FEAE}", "abc");
            let bytes = out.take() + &p.give_back();
            for mode in ["\x1b[8", "\x1b]50", "\x1b]5379", "\u{202D}", "\u{202C}"] {
                assert!(!bytes.contains(mode), "{kind:?} sent {mode:?}: {bytes:?}");
            }
        }
    }

    #[test]
    fn the_b_key_switches_vte_and_the_clear_makes_the_rows_take_it() {
        let p = plan(TerminalKind::Vte, true, Some(BdsmState::Implicit));
        let (mut term, out) = terminal(p, 20, 3);
        term.backend_mut()
            .set_app(false)
            .unwrap_or_else(|e| panic!("{e}"));
        term.clear().unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(
            bytes.starts_with("\x1b[8h") && !bytes.contains("\x1b[8l"),
            "{bytes:?}"
        );
        term.backend_mut()
            .set_app(true)
            .unwrap_or_else(|e| panic!("{e}"));
        term.clear().unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(
            position(&bytes, "\x1b[8l") < position(&bytes, "\x1b[2J"),
            "{bytes:?}"
        );
        // Found explicit (or not said): going off changes nothing in the terminal.
        let p = plan(TerminalKind::Vte, true, Some(BdsmState::Explicit));
        let (mut term, out) = terminal(p, 20, 3);
        term.backend_mut()
            .set_app(false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!out.take().contains("\x1b[8"));
    }

    #[test]
    fn mlterm_text_layout_goes_off_at_take_over_and_on_at_restore_and_cells_are_diffed() {
        let p = plan(TerminalKind::Mlterm, true, Some(BdsmState::Unsupported));
        let on = p.take_over();
        assert!(position(&on, "\x1b[?1049h") < position(&on, MLTERM_CTL_OFF));
        let back = p.give_back();
        assert!(back.ends_with(MLTERM_CTL_ON) && !back.contains(MLTERM_CTL_OFF));
        assert_eq!(p.switch(false), MLTERM_CTL_ON);
        assert_eq!(p.switch(true), MLTERM_CTL_OFF);
        // No override marks: each would take a cell of mlterm's line. A changed cell is
        // written alone, as for xterm.
        let (mut term, out) = terminal(p, 12, 2);
        two_panes(&mut term, "\u{FEAE}\u{FEB7} ab", "cd \u{FEAE}\u{FEB7}");
        let bytes = out.take();
        assert!(bytes.contains("\u{FEAE}\u{FEB7}"), "{bytes:?}");
        two_panes(&mut term, "\u{FEAE}\u{FEB7} ax", "cd \u{FEAE}\u{FEB7}");
        let bytes = out.take();
        assert!(bytes.contains('x') && !bytes.contains("cd"), "{bytes:?}");
        for mark in ["\u{200E}", "\u{202D}", "\u{202C}"] {
            assert!(!bytes.contains(mark), "{bytes:?}");
        }
    }

    #[test]
    fn kitty_rows_are_rewritten_whole_with_arabic_words_in_logical_order() {
        let p = plan(TerminalKind::Kitty, true, Some(BdsmState::Unsupported));
        let (mut term, out) = terminal(p, 16, 1);
        // «في شركة» laid out (visual order: «ﺔﻛﺮﺷ ﻲﻓ»), then a Latin name.
        let visual = "\u{FE94}\u{FEDB}\u{FEAE}\u{FEB7} \u{FEF2}\u{FED3} Uber";
        term.draw(|f| {
            f.buffer_mut()
                .set_string(0, 0, visual, Style::default().fg(Color::Cyan));
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(
            bytes.contains("\u{FEB7}\u{FEAE}\u{FEDB}\u{FE94} \u{FED3}\u{FEF2} Uber"),
            "{bytes:?}"
        );
        // A change in the last word rewrites the row from its start, the first word too.
        term.draw(|f| {
            f.buffer_mut()
                .set_string(0, 0, visual.replace("Uber", "Ubex"), Style::default());
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let bytes = out.take();
        assert!(bytes.starts_with("\x1b[1;1H"), "{bytes:?}");
        assert!(
            bytes.contains("\u{FEB7}\u{FEAE}\u{FEDB}\u{FE94}"),
            "{bytes:?}"
        );
    }

    #[test]
    fn cells_vte_mlterm_and_konsole_draw_only_what_changed() {
        for kind in [
            TerminalKind::Cells,
            TerminalKind::Vte,
            TerminalKind::Mlterm,
            TerminalKind::Konsole,
        ] {
            let (mut term, out) = terminal(plan(kind, true, None), 12, 2);
            two_panes(&mut term, "abcd", "efgh");
            out.take();
            two_panes(&mut term, "abcx", "efgh");
            let bytes = out.take();
            assert!(
                bytes.contains('x') && !bytes.contains("efgh"),
                "{kind:?}: {bytes:?}"
            );
        }
    }

    #[test]
    fn the_plan_survives_packing() {
        for kind in [
            TerminalKind::Cells,
            TerminalKind::Vte,
            TerminalKind::Mlterm,
            TerminalKind::Konsole,
            TerminalKind::Kitty,
        ] {
            for app in [false, true] {
                for found in [
                    None,
                    Some(BdsmState::Implicit),
                    Some(BdsmState::Explicit),
                    Some(BdsmState::Unsupported),
                ] {
                    let p = plan(kind, app, found);
                    assert_eq!(Plan::unpack(p.pack()), p);
                }
            }
        }
    }
}
