//! Interface language.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    #[default]
    En,
}

impl Lang {
    /// `vi*` in LANG (or LC_ALL / LC_MESSAGES) gives Vietnamese, anything else English.
    pub fn from_locale(value: Option<&str>) -> Option<Lang> {
        let v = value?.trim();
        if v.is_empty() {
            return None;
        }
        Some(if v.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        })
    }
}

pub mod bulk;
pub mod reading;
pub mod strings;
pub use strings::{T, tr};
