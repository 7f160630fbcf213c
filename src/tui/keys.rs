//! The keymap: the config's key bindings as a lookup from a key event to an action, and from
//! an action to its keys (for the help and the footer).

use crate::config::KeyBindings;
use crate::config::keys::{Action, Key};
use crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: HashMap<Action, Vec<Key>>,
}

impl Keymap {
    /// The bindings as parsed and checked by the config (no key does two things).
    pub fn new(bindings: &KeyBindings) -> Keymap {
        let mut map = Keymap::default();
        for (action, keys) in bindings {
            for key in keys {
                map.by_key.insert(*key, *action);
            }
            map.by_action.insert(*action, keys.clone());
        }
        // Ctrl-C always quits: a reader with a broken keymap must still be able to leave.
        let ctrl_c = Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            alt: false,
        };
        map.by_key.entry(ctrl_c).or_insert(Action::Quit);
        map
    }

    /// The embedded defaults (assets/config.default.toml).
    pub fn defaults() -> Keymap {
        Keymap::new(&crate::config::Config::defaults().keys)
    }

    pub(crate) fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::from_event(ev)).copied()
    }

    /// "j/↓" for the help and footer; "—" when unbound.
    pub(crate) fn keys_label(&self, action: Action) -> String {
        match self.by_action.get(&action) {
            Some(keys) if !keys.is_empty() => {
                keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
            }
            _ => "—".to_string(),
        }
    }

    /// The first key bound, for compact footer hints.
    pub(crate) fn first_label(&self, action: Action) -> String {
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
    use crossterm::event::KeyModifiers;

    #[test]
    fn defaults_bind_every_action() {
        let km = Keymap::defaults();
        for a in Action::ALL {
            assert_ne!(km.keys_label(*a), "—", "{} unbound", a.name());
        }
    }

    #[test]
    fn named_and_ctrl_keys_find_their_action() {
        let config = crate::config::Config::from_toml_over_defaults(
            "[keys]\nquit = [\"Ctrl-x\", \"Esc\", \"Q\"]\nback = [\"h\"]\n",
            "c.toml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let km = Keymap::new(&config.keys);
        let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&ev), Some(Action::Quit));
        let ev = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&ev), Some(Action::Quit));
        let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(km.action(&ev), None);
        // Ctrl-C quits even when no longer bound.
        let ev = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&ev), Some(Action::Quit));
    }
}
