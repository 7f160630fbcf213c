//! Styles as the `[theme]` table writes them ("lightcyan", "#ff8000", "black on yellow",
//! "bold 208"), parsed by serde so toml reports a bad one with its place in the file.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// A style from the config.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub(crate) struct StyleSpec(pub Style);

impl TryFrom<String> for StyleSpec {
    type Error = String;

    fn try_from(s: String) -> Result<StyleSpec, String> {
        parse_style(&s).map(StyleSpec)
    }
}

impl From<StyleSpec> for Style {
    fn from(s: StyleSpec) -> Style {
        s.0
    }
}

/// "lightcyan", "#rrggbb", "123", "black on yellow", "bold red", "reversed".
pub(crate) fn parse_style(s: &str) -> Result<Style, String> {
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
    let within = if whole == word {
        String::new()
    } else {
        format!("{whole:?}: ")
    };
    format!(
        "{within}{word:?} is not a colour (a name such as lightcyan, \"#rrggbb\", or 0-255; \
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
}
