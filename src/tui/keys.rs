//! The keymap: the config's [keys] table (action = ["key", ...]) parsed into a lookup.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};

/// A key as bound: code plus Ctrl/Alt (Shift is part of the character for printable keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
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
    pub fn parse(name: &str) -> Option<Key> {
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
    pub fn label(&self) -> String {
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

/// Keys → actions, and actions → their keys (for the help and the footer).
#[derive(Clone, Debug, Default)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: HashMap<Action, Vec<Key>>,
}

const KEY_NAMES: &str = "a-z, A-Z, digits, punctuation, Enter, Esc, Tab, BackTab, Space, \
Backspace, Up, Down, Left, Right, PageUp, PageDown, Home, End, Ctrl-x, Alt-x";

impl Keymap {
    /// Parse the [keys] table. Errors name the action and the key, and say what is allowed.
    pub fn from_config(table: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (action_name, keys) in table {
            let action = Action::from_name(action_name).ok_or_else(|| {
                let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                format!(
                    "[keys] {action_name}: no such action (actions: {})",
                    known.join(", ")
                )
            })?;
            for name in keys {
                let key = Key::parse(name).ok_or_else(|| {
                    format!(
                        "[keys] {action_name}: unknown key name {name:?} (key names: {KEY_NAMES})"
                    )
                })?;
                if let Some(other) = map.by_key.insert(key, action)
                    && other != action
                {
                    return Err(format!(
                        "[keys] key {name:?} is bound to both {} and {action_name}",
                        other.name()
                    ));
                }
                map.by_action.entry(action).or_default().push(key);
            }
        }
        // Ctrl-C always quits: a reader with a broken keymap must still be able to leave.
        let ctrl_c = Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            alt: false,
        };
        map.by_key.entry(ctrl_c).or_insert(Action::Quit);
        Ok(map)
    }

    /// The embedded defaults (assets/config.default.toml).
    pub fn defaults() -> Keymap {
        Keymap::from_config(&crate::config::Config::defaults().keys).unwrap_or_default()
    }

    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::from_event(ev)).copied()
    }

    /// "j/↓" for the help and footer; "—" when unbound.
    pub fn keys_label(&self, action: Action) -> String {
        match self.by_action.get(&action) {
            Some(keys) if !keys.is_empty() => {
                keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
            }
            _ => "—".to_string(),
        }
    }

    /// The first key bound, for compact footer hints.
    pub fn first_label(&self, action: Action) -> String {
        self.by_action
            .get(&action)
            .and_then(|k| k.first())
            .map(Key::label)
            .unwrap_or_else(|| "—".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(action: &str, keys: &[&str]) -> BTreeMap<String, Vec<String>> {
        let mut t = BTreeMap::new();
        t.insert(
            action.to_string(),
            keys.iter().map(|k| k.to_string()).collect(),
        );
        t
    }

    #[test]
    fn defaults_bind_every_action() {
        let km = Keymap::defaults();
        for a in Action::ALL {
            assert_ne!(km.keys_label(*a), "—", "{} unbound", a.name());
        }
    }

    #[test]
    fn parses_named_and_ctrl_keys() {
        let km = Keymap::from_config(&table("quit", &["Ctrl-x", "Esc", "Q"]))
            .unwrap_or_else(|e| panic!("{e}"));
        let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&ev), Some(Action::Quit));
        let ev = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&ev), Some(Action::Quit));
        let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(km.action(&ev), None);
    }

    #[test]
    fn bad_key_name_is_reported_with_action_and_name() {
        let e = Keymap::from_config(&table("quit", &["Ctlr-c"]))
            .err()
            .unwrap_or_default();
        assert!(e.contains("quit") && e.contains("\"Ctlr-c\""), "{e}");
        let e = Keymap::from_config(&table("jump", &["j"]))
            .err()
            .unwrap_or_default();
        assert!(e.contains("no such action"), "{e}");
    }

    #[test]
    fn one_key_for_two_actions_is_an_error() {
        let mut t = table("up", &["k"]);
        t.insert("down".into(), vec!["k".into()]);
        assert!(Keymap::from_config(&t).is_err());
    }
}
