//! The `[keys]` table's vocabulary: the reader's actions (by the names the config uses) and key
//! names, both parsed by serde so a bad name is reported by toml with its place in the file.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// Each action's line in the help overlay is the message `action-NAME` in assets/i18n/*/reader.ftl
/// (checked by a test below).
macro_rules! actions {
    ($($variant:ident = $name:literal),* $(,)?) => {
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

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Down = "down",
    Up = "up",
    Open = "open",
    Back = "back",
    SwitchPane = "switch_pane",
    PageDown = "page_down",
    PageUp = "page_up",
    Top = "top",
    Bottom = "bottom",
    NextUnread = "next_unread",
    PrevUnread = "prev_unread",
    NextArticle = "next_article",
    PrevArticle = "prev_article",
    PrevMatch = "prev_match",
    CompanyPicker = "company_picker",
    ClearCompany = "clear_company",
    Search = "search",
    UnreadOnly = "unread_only",
    StarredOnly = "starred_only",
    ToggleRead = "toggle_read",
    ToggleStar = "toggle_star",
    MarkAllRead = "mark_all_read",
    MarkFeedRead = "mark_feed_read",
    UndoMarks = "undo_marks",
    FullArticle = "full_article",
    OpenLink = "open_link",
    CopyLink = "copy_link",
    LinkList = "link_list",
    RefreshAll = "refresh_all",
    RefreshFeed = "refresh_feed",
    Entities = "entities",
    CycleBidi = "cycle_bidi",
    ToggleShape = "toggle_shape",
    DividerLeft = "divider_left",
    DividerRight = "divider_right",
    FeedsView = "feeds_view",
    AddFeed = "add_feed",
    RenameFeed = "rename_feed",
    Remove = "remove",
    SaveView = "save_view",
    Help = "help",
    Quit = "quit",
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
    fn every_action_has_its_help_line_in_both_languages() {
        use crate::i18n::{Digits, Language, Locale, Localizer, Zone};
        for language in [Language::English, Language::Arabic] {
            let l = Localizer::new(
                Locale {
                    language,
                    region: None,
                },
                Digits::Latin,
                Zone::Utc,
            );
            for a in Action::ALL {
                let id = format!("action-{}", a.name());
                assert!(l.has_message(&id), "{language:?}: no {id}");
            }
        }
    }

    #[test]
    fn every_action_has_its_own_name() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
        assert!(Action::try_from("jump".to_string()).is_err());
    }
}
