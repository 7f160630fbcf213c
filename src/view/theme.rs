//! Colours: the config's [theme] table, with NO_COLOR honoured (then modifiers carry the marks).

use crate::entities::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;

/// Resolved styles for everything the reader colours.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub org: Style,
    pub person: Style,
    pub place: Style,
    pub product: Style,
    pub figure: Style,
    pub search: Style,
    pub selection: Style,
    pub accent: Style,
    pub error: Style,
    pub dim: Style,
    /// The entity under the `e` cursor.
    pub focus: Style,
    pub no_color: bool,
}

impl Theme {
    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Org => self.org,
            Kind::Person => self.person,
            Kind::Place => self.place,
            Kind::Product => self.product,
            Kind::Money | Kind::Percent | Kind::Number | Kind::Date => self.figure,
        }
    }

    /// The theme from the config table; `no_color` is the NO_COLOR convention (set and non-empty).
    pub fn from_config(table: &BTreeMap<String, String>, no_color: bool) -> Result<Theme, String> {
        let get = |name: &str| -> Result<Style, String> {
            match table.get(name) {
                Some(v) => parse_style(v).map_err(|e| format!("[theme] {name}: {e}")),
                None => Ok(Style::default()),
            }
        };
        const NAMES: &[&str] = &[
            "org",
            "person",
            "place",
            "product",
            "figure",
            "search",
            "selection",
            "accent",
            "error",
            "dim",
        ];
        if let Some(bad) = table.keys().find(|k| !NAMES.contains(&k.as_str())) {
            return Err(format!(
                "[theme] {bad}: no such colour name (names: {})",
                NAMES.join(", ")
            ));
        }
        let theme = Theme {
            org: get("org")?,
            person: get("person")?,
            place: get("place")?,
            product: get("product")?,
            figure: get("figure")?,
            search: get("search")?,
            selection: get("selection")?,
            accent: get("accent")?,
            error: get("error")?,
            dim: get("dim")?,
            focus: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            no_color: false,
        };
        Ok(if no_color {
            theme.without_colour()
        } else {
            theme
        })
    }

    pub fn defaults() -> Theme {
        Theme::from_config(&crate::config::Config::defaults().theme, false)
            .unwrap_or_else(|_| Theme::plain())
    }

    /// No colours: kinds told apart by bold, underline and italic.
    pub fn plain() -> Theme {
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

    fn without_colour(self) -> Theme {
        Theme::plain()
    }
}

/// "lightcyan", "#rrggbb", "123", "black on yellow", "bold red", "reversed".
pub fn parse_style(s: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = s.split_whitespace().peekable();
    let mut fg_set = false;
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        if lower == "on" {
            let bg = words
                .next()
                .ok_or_else(|| format!("{s:?}: \"on\" needs a colour after it"))?;
            style = style.bg(parse_colour(bg).ok_or_else(|| bad_colour(s, bg))?);
            continue;
        }
        if let Some(m) = modifier(&lower) {
            style = style.add_modifier(m);
            continue;
        }
        if fg_set {
            return Err(format!("{s:?}: two foreground colours"));
        }
        style = style.fg(parse_colour(w).ok_or_else(|| bad_colour(s, w))?);
        fg_set = true;
    }
    Ok(style)
}

fn bad_colour(whole: &str, word: &str) -> String {
    format!(
        "{whole:?}: {word:?} is not a colour (a name such as lightcyan, \"#rrggbb\", or 0-255; \
         modifiers: bold, dim, italic, underlined, reversed)"
    )
}

fn modifier(w: &str) -> Option<Modifier> {
    Some(match w {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underline" | "underlined" => Modifier::UNDERLINED,
        "reversed" | "reverse" => Modifier::REVERSED,
        _ => return None,
    })
}

fn parse_colour(w: &str) -> Option<Color> {
    if let Some(hex) = w.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    if let Ok(i) = w.parse::<u8>() {
        return Some(Color::Indexed(i));
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" | "default" => Color::Reset,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_indexes_and_backgrounds() {
        assert_eq!(
            parse_style("lightcyan"),
            Ok(Style::default().fg(Color::LightCyan))
        );
        assert_eq!(
            parse_style("#ff8000"),
            Ok(Style::default().fg(Color::Rgb(255, 128, 0)))
        );
        assert_eq!(
            parse_style("black on yellow"),
            Ok(Style::default().fg(Color::Black).bg(Color::Yellow))
        );
        assert_eq!(
            parse_style("bold 208"),
            Ok(Style::default()
                .fg(Color::Indexed(208))
                .add_modifier(Modifier::BOLD))
        );
        assert!(parse_style("lightcyna").is_err());
        assert!(parse_style("red on").is_err());
    }

    #[test]
    fn no_color_drops_colours_but_keeps_marks() {
        let t = Theme::from_config(&crate::config::Config::defaults().theme, true)
            .unwrap_or_else(|e| panic!("{e}"));
        for s in [t.org, t.person, t.place, t.product, t.figure] {
            assert_eq!(s.fg, None);
            assert!(!s.add_modifier.is_empty());
        }
        assert_ne!(t.org, t.person);
    }

    #[test]
    fn unknown_theme_name_is_reported() {
        let mut table = BTreeMap::new();
        table.insert("orgs".to_string(), "red".to_string());
        let e = Theme::from_config(&table, false).err().unwrap_or_default();
        assert!(e.contains("orgs"), "{e}");
    }
}
