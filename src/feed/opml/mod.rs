//! OPML 1.0/2.0 import (nested outlines become categories) and OPML 2.0 export.
//!
//! Categories are a tree, never a string split on "/": a category may be named
//! "Thời sự/Chính trị". Where one string must name a category (`feeds --json`,
//! `add --category`), it is the path of names, outer first, joined by "/", with "/" and "\"
//! inside a name written "\/" and "\\" ([`category_path`], [`split_category_path`]).
//!
//! Nesting is bounded: categories deeper than [`MAX_DEPTH`] are flattened into the one at
//! that depth, and neither reading nor writing recurses on the input's depth.
mod read;
mod write;

pub use read::{OpmlError, parse_opml};
pub use write::write_opml;

/// Levels of categories kept; outlines nested deeper count as part of the deepest kept one.
pub const MAX_DEPTH: usize = 16;

/// The subscriptions of an OPML document and the categories that hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opml {
    /// Each category's parent comes before it.
    pub categories: Vec<OpmlCategory>,
    /// In document order.
    pub entries: Vec<OpmlEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlCategory {
    pub name: String,
    /// Index into [`Opml::categories`], always lower than this one's.
    pub parent: Option<usize>,
}

/// One subscription of an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlEntry {
    pub title: String,
    pub xml_url: String,
    pub html_url: Option<String>,
    /// Index into [`Opml::categories`].
    pub category: Option<usize>,
}

impl Opml {
    /// Adds a category under `parent` (an index already present, else the top level).
    pub fn add_category(&mut self, parent: Option<usize>, name: &str) -> usize {
        let parent = parent.filter(|&p| p < self.categories.len());
        self.categories.push(OpmlCategory {
            name: name.to_owned(),
            parent,
        });
        self.categories.len() - 1
    }

    /// The parent of a category; a parent that does not come before it counts as none, so
    /// that walking up always ends.
    pub fn parent_of(&self, category: usize) -> Option<usize> {
        self.categories
            .get(category)
            .and_then(|c| c.parent)
            .filter(|&p| p < category)
    }

    /// The names from the top level down to `category`; of a hand-made tree deeper than
    /// [`MAX_DEPTH`], the top [`MAX_DEPTH`] (deeper levels are flattened into the last).
    pub fn names(&self, category: Option<usize>) -> Vec<&str> {
        let mut names = Vec::new();
        let mut at = category.filter(|&c| c < self.categories.len());
        // Parents come before their children, so the walk ends.
        while let Some(c) = at {
            names.push(self.categories[c].name.as_str());
            at = self.parent_of(c);
        }
        names.reverse();
        names.truncate(MAX_DEPTH);
        names
    }

    /// A category's path string ("Tin Việt Nam/VnExpress"), `None` at the top level.
    pub fn path(&self, category: Option<usize>) -> Option<String> {
        let names = self.names(category);
        (!names.is_empty()).then(|| category_path(names))
    }
}

/// Names, outer first, as one path: joined by "/", each "/" and "\" in a name escaped by a
/// "\".
pub fn category_path<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, name) in names.into_iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for c in name.chars() {
            if c == '/' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The names of a path written by [`category_path`], trimmed, blank ones left out. A "\"
/// before anything but "/" or "\" is kept as it is.
pub fn split_category_path(path: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('/' | '\\')) => {
                name.extend(chars.next());
            }
            '/' => names.push(std::mem::take(&mut name)),
            c => name.push(c),
        }
    }
    names.push(name);
    names
        .into_iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slash_inside_a_name_is_escaped_in_paths() {
        let names = ["Thời sự/Chính trị", "a\\b", "Tin \\/ lạ"];
        let path = category_path(names);
        assert_eq!(path, "Thời sự\\/Chính trị/a\\\\b/Tin \\\\\\/ lạ");
        assert_eq!(split_category_path(&path), names);
        assert_eq!(
            split_category_path("Tin Việt Nam/VnExpress"),
            ["Tin Việt Nam", "VnExpress"]
        );
        assert_eq!(split_category_path(" a // b /"), ["a", "b"]);
        assert_eq!(split_category_path("C:\\tin\\"), ["C:\\tin\\"]);
        assert!(split_category_path("").is_empty());
    }

    #[test]
    fn names_walk_up_a_bounded_chain() {
        let mut opml = Opml::default();
        let mut parent = None;
        for i in 0..40 {
            parent = Some(opml.add_category(parent, &i.to_string()));
        }
        let names = opml.names(parent);
        assert_eq!(names.len(), MAX_DEPTH);
        assert_eq!(names.last(), Some(&"15"));
        // A parent that points forward is ignored rather than followed in a loop.
        opml.categories[0].parent = Some(5);
        assert_eq!(opml.names(Some(0)), ["0"]);
    }
}
