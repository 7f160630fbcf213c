//! Colours: the config's [theme] table, with NO_COLOR honoured (then modifiers carry the marks).

use crate::config::ThemeSection;
use crate::entities::Kind;
use ratatui::style::{Modifier, Style};

/// Resolved styles for everything the reader colours.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub org: Style,
    pub(crate) person: Style,
    pub(crate) place: Style,
    pub(crate) product: Style,
    pub figure: Style,
    pub(crate) search: Style,
    pub(crate) selection: Style,
    pub(crate) accent: Style,
    pub(crate) error: Style,
    pub(crate) dim: Style,
    /// The entity under the `e` cursor.
    pub(crate) focus: Style,
    pub(crate) no_color: bool,
}

impl Theme {
    pub(crate) fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Org => self.org,
            Kind::Person => self.person,
            Kind::Place => self.place,
            Kind::Product => self.product,
            Kind::Money | Kind::Percent | Kind::Number | Kind::Date => self.figure,
        }
    }

    /// The theme of the config's [theme] table; `no_color` is the NO_COLOR convention (set and
    /// non-empty): then modifiers alone tell the kinds apart.
    pub(crate) fn from_config(t: &ThemeSection, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        Theme {
            org: t.org,
            person: t.person,
            place: t.place,
            product: t.product,
            figure: t.figure,
            search: t.search,
            selection: t.selection,
            accent: t.accent,
            error: t.error,
            dim: t.dim,
            focus: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            no_color: false,
        }
    }

    /// The theme of the embedded default config.
    pub fn defaults() -> Theme {
        Theme::from_config(&crate::config::Config::defaults().theme, false)
    }

    /// No colours: kinds told apart by bold, underline and italic.
    pub(crate) fn plain() -> Theme {
        let m = |m: Modifier| Style::default().add_modifier(m);
        Theme {
            org: m(Modifier::BOLD),
            person: m(Modifier::UNDERLINED),
            place: m(Modifier::UNDERLINED | Modifier::ITALIC),
            product: m(Modifier::BOLD | Modifier::ITALIC),
            figure: m(Modifier::BOLD | Modifier::UNDERLINED),
            search: m(Modifier::REVERSED),
            selection: m(Modifier::REVERSED),
            accent: m(Modifier::BOLD),
            error: m(Modifier::BOLD),
            dim: m(Modifier::DIM),
            focus: m(Modifier::REVERSED | Modifier::BOLD),
            no_color: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_drops_colours_but_keeps_marks() {
        let t = Theme::from_config(&crate::config::Config::defaults().theme, true);
        for s in [t.org, t.person, t.place, t.product, t.figure] {
            assert_eq!(s.fg, None);
            assert!(!s.add_modifier.is_empty());
        }
        assert_ne!(t.org, t.person);
    }
}
