//! Keys to actions, from the defaults and the config's `[keys]` table (see
//! [`super::action::Action`] for the names and the key syntax).
use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};

/// A key as the keymap compares it: SHIFT is dropped for characters ('Q' says it already).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                // ctrl-C arrives as 'c' or 'C' depending on the terminal.
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("[keys]: unknown action \"{0}\" (see the help screen, ?, for the names)")]
    UnknownAction(String),
    #[error("[keys].{action}: unknown key \"{key}\" (e.g. \"j\", \"ctrl-n\", \"pgdn\", \"f5\")")]
    UnknownKey { action: String, key: String },
    #[error(
        "[keys]: no key is left to quit (give \"quit\" or \"close\" a key, e.g. quit = [\"Q\"])"
    )]
    NoWayOut,
    #[error("[keys].{0}: ctrl-c always quits and cannot be bound to another action")]
    CtrlC(String),
}

/// Parses one key of the `[keys]` syntax.
pub fn parse_key(spec: &str) -> Option<Key> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = spec;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (m, n) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        if rest.len() == n {
            break; // "ctrl-" alone: let the name lookup fail
        }
        mods |= m;
        rest = &rest[n..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = if mods.contains(KeyModifiers::SHIFT) {
                c.to_ascii_uppercase()
            } else {
                c
            };
            mods.remove(KeyModifiers::SHIFT);
            if mods.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pgdown" | "pagedown" => KeyCode::PageDown,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            f if f.starts_with('f') => match f[1..].parse::<u8>() {
                Ok(n @ 1..=12) => KeyCode::F(n),
                _ => return None,
            },
            _ => return None,
        },
    };
    Some(Key { code, mods })
}

/// How a key is written on the help screen.
pub fn key_label(key: &Key) -> String {
    let mut s = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        s.push_str("Ctrl+");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        s.push_str("Alt+");
    }
    if key.mods.contains(KeyModifiers::SHIFT) {
        s.push_str("Shift+");
    }
    match key.code {
        KeyCode::Char(' ') => s.push_str("Space"),
        KeyCode::Char(c) => s.push(c),
        KeyCode::Up => s.push('↑'),
        KeyCode::Down => s.push('↓'),
        KeyCode::Left => s.push('←'),
        KeyCode::Right => s.push('→'),
        KeyCode::Home => s.push_str("Home"),
        KeyCode::End => s.push_str("End"),
        KeyCode::PageUp => s.push_str("PgUp"),
        KeyCode::PageDown => s.push_str("PgDn"),
        KeyCode::Enter => s.push_str("Enter"),
        KeyCode::Esc => s.push_str("Esc"),
        KeyCode::Tab => s.push_str("Tab"),
        KeyCode::BackTab => s.push_str("Shift+Tab"),
        KeyCode::Backspace => s.push_str("Backspace"),
        KeyCode::Delete => s.push_str("Del"),
        KeyCode::Insert => s.push_str("Ins"),
        KeyCode::F(n) => s.push_str(&format!("F{n}")),
        _ => s.push('?'),
    }
    s
}

/// The bindings in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    map: HashMap<Key, Action>,
    /// Per action, its keys in the order given (for the help screen).
    keys: BTreeMap<Action, Vec<Key>>,
}

impl Default for KeyMap {
    #[allow(
        clippy::expect_used,
        reason = "no user input: a test builds the default keys"
    )]
    fn default() -> Self {
        KeyMap::from_config(&BTreeMap::new()).expect("the default keys parse")
    }
}

impl KeyMap {
    /// The defaults with the config's `[keys]` applied.
    pub fn from_config(user: &BTreeMap<String, Vec<String>>) -> Result<KeyMap, KeymapError> {
        let mut keys: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for a in Action::ALL {
            let parsed = a
                .default_keys()
                .iter()
                .filter_map(|k| parse_key(k))
                .collect();
            keys.insert(a, parsed);
        }
        let mut user_keys: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (name, specs) in user {
            let action =
                Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            let mut parsed = Vec::new();
            for spec in specs {
                let key = parse_key(spec).ok_or_else(|| KeymapError::UnknownKey {
                    action: name.clone(),
                    key: spec.clone(),
                })?;
                parsed.push(key);
            }
            user_keys.insert(action, parsed);
        }
        // A key the user bound is no longer a default of another action.
        let taken: Vec<Key> = user_keys.values().flatten().copied().collect();
        for list in keys.values_mut() {
            list.retain(|k| !taken.contains(k));
        }
        let ctrl_c = Key {
            code: KeyCode::Char('c'),
            mods: KeyModifiers::CONTROL,
        };
        if let Some((a, _)) = user_keys
            .iter()
            .find(|(a, ks)| **a != Action::Quit && ks.contains(&ctrl_c))
        {
            return Err(KeymapError::CtrlC(a.name().to_owned()));
        }
        keys.extend(user_keys);
        let mut map = HashMap::new();
        for (a, list) in &keys {
            for k in list {
                map.insert(*k, *a);
            }
        }
        // Ctrl+C quits anyway, but a reader that only a chord nobody sees on the help
        // screen ends is a trap: some key the user chose must quit (Q) or close (q).
        let quits = |k: &Key| *k != ctrl_c;
        let way_out = map
            .iter()
            .any(|(k, a)| matches!(a, Action::Quit | Action::Close) && quits(k));
        if !way_out {
            return Err(KeymapError::NoWayOut);
        }
        Ok(KeyMap { map, keys })
    }

    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.map.get(&Key::from_event(ev)).copied()
    }

    /// The keys of `action`, written for the help screen ("j, ↓").
    pub fn labels(&self, action: Action) -> String {
        self.keys
            .get(&action)
            .map(|ks| ks.iter().map(key_label).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_follow_the_interface_table() {
        let km = KeyMap::default();
        assert_eq!(
            km.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('C'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            km.action(&ev(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(Action::PageDown)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('4'), KeyModifiers::NONE)),
            Some(Action::Rate(4))
        );
        assert_eq!(km.labels(Action::MoveDown), "j, ↓");
    }

    #[test]
    fn rebinding_moves_the_key() {
        let mut user = BTreeMap::new();
        user.insert(
            "quit".to_string(),
            vec!["q".to_string(), "ctrl-x".to_string()],
        );
        let km = KeyMap::from_config(&user).unwrap();
        assert_eq!(
            km.action(&ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('x'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('Q'), KeyModifiers::NONE)), None);
        assert_eq!(km.labels(Action::Close), "");
    }

    #[test]
    fn unknown_names_are_clear_errors() {
        let mut user = BTreeMap::new();
        user.insert("fly".to_string(), vec!["x".to_string()]);
        let err = KeyMap::from_config(&user).unwrap_err();
        assert!(err.to_string().contains("unknown action \"fly\""));
        let mut user = BTreeMap::new();
        user.insert("quit".to_string(), vec!["hyper-x".to_string()]);
        let err = KeyMap::from_config(&user).unwrap_err();
        assert!(err.to_string().contains("unknown key \"hyper-x\""), "{err}");
        assert_eq!(parse_key("f13"), None);
        assert_eq!(parse_key("ctrl-"), None);
        assert_eq!(parse_key("F5").map(|k| k.code), Some(KeyCode::F(5)));
    }

    fn config(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(a, ks)| (a.to_string(), ks.iter().map(|k| k.to_string()).collect()))
            .collect()
    }

    #[test]
    fn a_config_without_a_way_out_is_refused() {
        let trap = config(&[("quit", &[]), ("close", &[]), ("back", &[])]);
        let err = KeyMap::from_config(&trap).unwrap_err();
        assert_eq!(err, KeymapError::NoWayOut);
        assert!(err.to_string().contains("no key is left to quit"), "{err}");
        // Taking Q and q for other actions is the same trap.
        let stolen = config(&[("quit", &[]), ("help", &["Q"]), ("search", &["q"])]);
        assert_eq!(KeyMap::from_config(&stolen), Err(KeymapError::NoWayOut));
        // Only ctrl-c left is not a way out either.
        let chord = config(&[("quit", &["ctrl-c"]), ("close", &[])]);
        assert_eq!(KeyMap::from_config(&chord), Err(KeymapError::NoWayOut));
        // One key that closes is enough.
        let close_only = config(&[("quit", &[]), ("close", &["x"])]);
        assert!(KeyMap::from_config(&close_only).is_ok());
    }

    #[test]
    fn ctrl_c_cannot_be_taken() {
        let err = KeyMap::from_config(&config(&[("refresh", &["ctrl-c"])])).unwrap_err();
        assert_eq!(err, KeymapError::CtrlC("refresh".into()));
        assert!(KeyMap::from_config(&config(&[("quit", &["ctrl-c", "x"])])).is_ok());
    }
}
