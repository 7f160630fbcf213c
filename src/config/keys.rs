//! The `[keys]` table's vocabulary: the reader's actions (by the names the config uses) and key
//! names, both parsed by serde so a bad name is reported by toml with its place in the file.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

macro_rules! actions {
    ($($variant:ident = $name:literal : $help:literal),* $(,)?) => {
        /// A user action; every one can be bound to keys in the config's [keys] table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(try_from = "String")]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// One line for the help overlay.
            pub(crate) fn help(self) -> &'static str {
                match self { $(Action::$variant => $help),* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Down = "down": "next headline / scroll down",
    Up = "up": "previous headline / scroll up",
    Open = "open": "open the article (apply the entity under the cursor)",
    Back = "back": "back to the headlines / cancel",
    SwitchPane = "switch_pane": "switch pane",
    PageDown = "page_down": "page down",
    PageUp = "page_up": "page up",
    Top = "top": "top",
    Bottom = "bottom": "bottom",
    NextArticle = "next_article": "next article (marks it read)",
    PrevArticle = "prev_article": "previous article (marks it read)",
    PrevMatch = "prev_match": "previous search hit in the article (n: the next one)",
    CompanyPicker = "company_picker": "pick a company to filter by",
    ClearCompany = "clear_company": "clear the company filter",
    Search = "search": "search as you type (Enter keeps, Esc clears)",
    UnreadOnly = "unread_only": "unread only on/off",
    ToggleRead = "toggle_read": "mark read/unread",
    ToggleStar = "toggle_star": "star/unstar",
    FullArticle = "full_article": "fetch the full article from its page",
    OpenLink = "open_link": "open the link in the browser",
    CopyLink = "copy_link": "copy the link (OSC 52)",
    RefreshAll = "refresh_all": "refresh every feed",
    RefreshFeed = "refresh_feed": "refresh this article's feed",
    Entities = "entities": "step through the article's entities",
    CycleBidi = "cycle_bidi": "bidi mode: app → terminal → off",
    ToggleShape = "toggle_shape": "letter shaping on/off",
    DividerLeft = "divider_left": "move the divider left",
    DividerRight = "divider_right": "move the divider right",
    Help = "help": "this help",
    Quit = "quit": "quit",
}

impl TryFrom<String> for Action {
    type Error = String;

    fn try_from(name: String) -> Result<Action, String> {
        Action::from_name(&name).ok_or_else(|| {
            let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
            format!("no such action {name:?} (actions: {})", known.join(", "))
        })
    }
}

/// A key as bound: code plus Ctrl/Alt (Shift is part of the character for printable keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    pub(crate) code: KeyCode,
    pub(crate) ctrl: bool,
    pub(crate) alt: bool,
}

/// What the error for an unknown key name lists.
const KEY_NAMES: &str = "a-z, A-Z, digits, punctuation, Enter, Esc, Tab, BackTab, Space, \
Backspace, Up, Down, Left, Right, PageUp, PageDown, Home, End, Ctrl-x, Alt-x";

impl TryFrom<String> for Key {
    type Error = String;

    fn try_from(name: String) -> Result<Key, String> {
        Key::parse(&name)
            .ok_or_else(|| format!("unknown key name {name:?} (key names: {KEY_NAMES})"))
    }
}

impl Key {
    pub(crate) fn from_event(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            // Terminals report Shift-Tab either way.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// "Ctrl-c", "Enter", "G", ...; None for a name we do not know.
    pub(crate) fn parse(name: &str) -> Option<Key> {
        let (ctrl, alt, rest) = if let Some(r) = name.strip_prefix("Ctrl-") {
            (true, false, r)
        } else if let Some(r) = name.strip_prefix("Alt-") {
            (false, true, r)
        } else {
            (false, false, name)
        };
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Space" => KeyCode::Char(' '),
            "Backspace" => KeyCode::Backspace,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && !c.is_whitespace() => {
                        // Ctrl-C and Ctrl-c are the same key to a terminal.
                        KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
                    }
                    _ => return None,
                }
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the help shows it.
    pub(crate) fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "BackTab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        let k = |s: &str| Key::parse(s);
        assert_eq!(
            k("Ctrl-C"),
            Some(Key {
                code: KeyCode::Char('c'),
                ctrl: true,
                alt: false
            })
        );
        assert_eq!(k("Q").map(|k| k.code), Some(KeyCode::Char('Q')));
        assert_eq!(k("PageDown").map(|k| k.code), Some(KeyCode::PageDown));
        assert_eq!(k("Ctlr-c"), None);
        assert_eq!(k("ab"), None);
        assert_eq!(k(""), None);
    }

    #[test]
    fn every_action_has_its_own_name() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
        assert!(Action::try_from("jump".to_string()).is_err());
    }
}
