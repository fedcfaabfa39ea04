//! Colours of the TUI, passed to `view::render` (not part of the state). Elements can be changed in the config's `[theme]` table:
//!
//! ```toml
//! [theme]
//! selected = "black on yellow"   # "FG", "FG on BG" or "on BG"
//! unread = "#ffaf00"             # colour names (red, lightblue, darkgray, …) or #rrggbb
//! ```
//!
//! Elements: `title`, `selected`, `unread`, `read`, `rating`, `full_text`, `source`, `time`,
//! `category`, `count`, `match`, `header`, `byline`, `link`, `status`, `online`, `offline`, `error`,
//! `message`, `key`, `border`, `dim`, `input`.
//! With `NO_COLOR` set (to anything non-empty) no colour is used; bold, reverse and
//! underline still mark the selection and headings.
use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;
use std::str::FromStr;

/// A line whose parts are named by the element they are drawn in (`None`: unstyled).
/// `app` builds such lines (the reader's header, help) without knowing the colours; the
/// view applies the theme.
pub type ElLine = Vec<(Option<El>, String)>;

/// The themable parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum El {
    Title,
    Selected,
    Unread,
    Read,
    Rating,
    FullText,
    Source,
    Time,
    Category,
    Count,
    Match,
    Header,
    Byline,
    Link,
    Status,
    Online,
    Offline,
    Error,
    Message,
    Key,
    Border,
    Dim,
    Input,
}

impl El {
    pub const ALL: [El; 23] = [
        El::Title,
        El::Selected,
        El::Unread,
        El::Read,
        El::Rating,
        El::FullText,
        El::Source,
        El::Time,
        El::Category,
        El::Count,
        El::Match,
        El::Header,
        El::Byline,
        El::Link,
        El::Status,
        El::Online,
        El::Offline,
        El::Error,
        El::Message,
        El::Key,
        El::Border,
        El::Dim,
        El::Input,
    ];

    pub fn name(self) -> &'static str {
        match self {
            El::Title => "title",
            El::Selected => "selected",
            El::Unread => "unread",
            El::Read => "read",
            El::Rating => "rating",
            El::FullText => "full_text",
            El::Source => "source",
            El::Time => "time",
            El::Category => "category",
            El::Count => "count",
            El::Match => "match",
            El::Header => "header",
            El::Byline => "byline",
            El::Link => "link",
            El::Status => "status",
            El::Online => "online",
            El::Offline => "offline",
            El::Error => "error",
            El::Message => "message",
            El::Key => "key",
            El::Border => "border",
            El::Dim => "dim",
            El::Input => "input",
        }
    }

    /// (foreground, background, modifiers) by default.
    fn default_style(self) -> (Option<Color>, Option<Color>, Modifier) {
        use Color::*;
        match self {
            El::Title => (Some(Black), Some(Cyan), Modifier::BOLD),
            El::Selected => (Some(Black), Some(LightYellow), Modifier::REVERSED),
            El::Unread => (Some(LightYellow), None, Modifier::BOLD),
            El::Read => (None, None, Modifier::empty()),
            El::Rating => (Some(Yellow), None, Modifier::empty()),
            El::FullText => (Some(Green), None, Modifier::empty()),
            El::Source => (Some(Cyan), None, Modifier::empty()),
            El::Time => (Some(DarkGray), None, Modifier::empty()),
            El::Category => (Some(Magenta), None, Modifier::BOLD),
            El::Count => (Some(DarkGray), None, Modifier::empty()),
            El::Match => (
                Some(LightYellow),
                None,
                Modifier::BOLD.union(Modifier::UNDERLINED),
            ),
            El::Header => (Some(LightCyan), None, Modifier::BOLD),
            El::Byline => (Some(Gray), None, Modifier::ITALIC),
            El::Link => (Some(Blue), None, Modifier::UNDERLINED),
            El::Status => (Some(White), Some(DarkGray), Modifier::empty()),
            El::Online => (Some(LightGreen), Some(DarkGray), Modifier::BOLD),
            El::Offline => (Some(LightRed), Some(DarkGray), Modifier::BOLD),
            El::Error => (Some(LightRed), Some(DarkGray), Modifier::empty()),
            El::Message => (Some(LightCyan), Some(DarkGray), Modifier::empty()),
            El::Key => (Some(Yellow), None, Modifier::BOLD),
            El::Border => (Some(DarkGray), None, Modifier::empty()),
            El::Dim => (Some(DarkGray), None, Modifier::empty()),
            El::Input => (None, None, Modifier::empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("[theme]: unknown element \"{0}\" (see the help screen, ?, for the names)")]
    UnknownElement(String),
    #[error("[theme].{element}: unknown colour \"{value}\" (a name like \"yellow\" or #rrggbb)")]
    BadColour { element: String, value: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    styles: BTreeMap<El, Style>,
}

impl Default for Theme {
    #[allow(
        clippy::expect_used,
        reason = "no user input: a test builds the default theme"
    )]
    fn default() -> Self {
        Theme::new(&BTreeMap::new(), false).expect("the default theme is valid")
    }
}

fn colour(s: &str) -> Option<Color> {
    let s = s.trim();
    if s.starts_with('#') && s.len() != 7 {
        return None;
    }
    Color::from_str(s).ok()
}

impl Theme {
    /// The defaults with `[theme]` applied; `no_color` drops every colour.
    pub fn new(user: &BTreeMap<String, String>, no_color: bool) -> Result<Theme, ThemeError> {
        let mut parts: BTreeMap<El, (Option<Color>, Option<Color>, Modifier)> =
            El::ALL.iter().map(|e| (*e, e.default_style())).collect();
        for (name, value) in user {
            let el = El::ALL
                .into_iter()
                .find(|e| e.name() == name)
                .ok_or_else(|| ThemeError::UnknownElement(name.clone()))?;
            let bad = || ThemeError::BadColour {
                element: name.clone(),
                value: value.clone(),
            };
            let (fg, bg) = match value.split_once(" on ") {
                Some((f, b)) => (Some(f), Some(b)),
                None => match value.trim().strip_prefix("on ") {
                    Some(b) => (None, Some(b)),
                    None => (Some(value.as_str()), None),
                },
            };
            let entry = parts.entry(el).or_insert_with(|| el.default_style());
            if let Some(f) = fg.filter(|f| !f.trim().is_empty()) {
                entry.0 = Some(colour(f).ok_or_else(bad)?);
            }
            if let Some(b) = bg {
                entry.1 = Some(colour(b).ok_or_else(bad)?);
            }
            // A user colour replaces the reverse video used for selection.
            if el == El::Selected {
                entry.2.remove(Modifier::REVERSED);
            }
        }
        let styles = parts
            .into_iter()
            .map(|(el, (fg, bg, m))| {
                let mut st = Style::default().add_modifier(m);
                if no_color {
                    if el == El::Title || el == El::Status {
                        st = st.add_modifier(Modifier::REVERSED);
                    }
                    if el == El::Selected {
                        st = st.add_modifier(Modifier::REVERSED);
                    }
                } else {
                    if let Some(fg) = fg {
                        st = st.fg(fg);
                    }
                    if let Some(bg) = bg {
                        st = st.bg(bg);
                    }
                    if el == El::Selected && m.contains(Modifier::REVERSED) {
                        // Reverse video of the default colours reads everywhere.
                        st = Style::default().add_modifier(Modifier::REVERSED);
                    }
                }
                (el, st)
            })
            .collect();
        Ok(Theme { styles })
    }

    pub fn get(&self, el: El) -> Style {
        self.styles.get(&el).copied().unwrap_or_default()
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color_from_env(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_colours_apply() {
        let mut m = BTreeMap::new();
        m.insert("unread".to_string(), "#ff8000".to_string());
        m.insert("selected".to_string(), "black on yellow".to_string());
        let t = Theme::new(&m, false).unwrap();
        assert_eq!(t.get(El::Unread).fg, Some(Color::Rgb(255, 128, 0)));
        assert_eq!(t.get(El::Selected).bg, Some(Color::Yellow));
    }

    #[test]
    fn bad_names_are_clear_errors() {
        let mut m = BTreeMap::new();
        m.insert("sky".to_string(), "blue".to_string());
        assert!(
            Theme::new(&m, false)
                .unwrap_err()
                .to_string()
                .contains("unknown element \"sky\"")
        );
        let mut m = BTreeMap::new();
        m.insert("unread".to_string(), "blurple".to_string());
        let e = Theme::new(&m, false).unwrap_err().to_string();
        assert!(e.contains("unknown colour \"blurple\""), "{e}");
    }

    #[test]
    fn no_color_keeps_only_modifiers() {
        let t = Theme::new(&BTreeMap::new(), true).unwrap();
        for el in El::ALL {
            assert_eq!(t.get(el).fg, None);
            assert_eq!(t.get(el).bg, None);
        }
        assert!(
            t.get(El::Selected)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(no_color_from_env(Some(std::ffi::OsStr::new("1"))));
        assert!(!no_color_from_env(Some(std::ffi::OsStr::new(""))));
    }
}
