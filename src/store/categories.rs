//! Categories: a tree of names (parent ids), each name stored once however many feeds it
//! holds, bounded in depth, name length and number; and the OPML import/export that fills
//! and reads it.
use super::Result;
use crate::feed::opml::{self, MAX_DEPTH, Opml, OpmlCategory, OpmlEntry};
use crate::text::clean_line;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// A longer category name is cut (at a grapheme boundary) to this many characters.
pub const MAX_CATEGORY_CHARS: usize = 200;
/// Categories one cache holds; past that, feeds go to the nearest existing category above.
pub const MAX_CATEGORIES: i64 = 1000;

/// The category `name` under `parent`, created when new. When the name is blank, `parent`
/// is already [`MAX_DEPTH`] deep or the cache holds [`MAX_CATEGORIES`], the answer is
/// `parent` itself: the feed is filed one level up rather than refused.
pub(super) fn child(conn: &Connection, parent: Option<i64>, name: &str) -> Result<Option<i64>> {
    let name = cut_name(&clean_line(name));
    if name.is_empty() {
        return Ok(parent);
    }
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM categories WHERE coalesce(parent_id, 0) = coalesce(?1, 0) \
             AND name = ?2",
        )?
        .query_row(params![parent, name], |r| r.get(0))
        .optional()?;
    if found.is_some() {
        return Ok(found);
    }
    let depth: i64 = match parent {
        None => 0,
        Some(p) => conn
            .prepare_cached("SELECT depth FROM categories WHERE id = ?1")?
            .query_row([p], |r| r.get(0))
            .optional()?
            .unwrap_or(i64::MAX),
    };
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM categories")?
        .query_row([], |r| r.get(0))?;
    if depth >= MAX_DEPTH as i64 || count >= MAX_CATEGORIES {
        return Ok(parent);
    }
    conn.prepare_cached("INSERT INTO categories (parent_id, name, depth) VALUES (?1, ?2, ?3)")?
        .execute(params![parent, name, depth + 1])?;
    Ok(Some(conn.last_insert_rowid()))
}

/// Deletes the categories that hold neither a feed nor a category, level by level from
/// the deepest, so that unsubscribing does not leave them counting against the cap.
pub(super) fn drop_empty(conn: &Connection) -> Result<()> {
    for _ in 0..=MAX_DEPTH {
        let n = conn
            .prepare_cached(
                "DELETE FROM categories WHERE id NOT IN \
                 (SELECT category_id FROM feeds WHERE category_id IS NOT NULL) \
                 AND id NOT IN (SELECT parent_id FROM categories WHERE parent_id IS NOT NULL)",
            )?
            .execute([])?;
        if n == 0 {
            break;
        }
    }
    Ok(())
}

/// The category a path string names ("Tin Việt Nam/VnExpress"), created as needed.
pub(super) fn resolve_path(conn: &Connection, path: Option<&str>) -> Result<Option<i64>> {
    let mut at = None;
    for name in opml::split_category_path(path.unwrap_or("")) {
        at = child(conn, at, &name)?;
    }
    Ok(at)
}

fn cut_name(name: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for g in name.graphemes(true) {
        chars += g.chars().count();
        if chars > MAX_CATEGORY_CHARS {
            break;
        }
        out.push_str(g);
    }
    out.trim_end().to_owned()
}

/// The path string of every category, by id, each built once from its parent's.
pub(super) fn paths(conn: &Connection) -> Result<HashMap<i64, Arc<str>>> {
    let mut stmt = conn.prepare_cached("SELECT id, parent_id, name FROM categories ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut paths: HashMap<i64, Arc<str>> = HashMap::new();
    for row in rows {
        let (id, parent, name) = row?;
        let own = opml::category_path([name.as_str()]);
        // A parent always has a lower id; one that does not is treated as the top level.
        let path = match parent.and_then(|p| paths.get(&p)) {
            Some(above) => format!("{above}/{own}"),
            None => own,
        };
        paths.insert(id, path.into());
    }
    Ok(paths)
}

/// The path string of one category.
pub(super) fn path_of(conn: &Connection, id: Option<i64>) -> Result<Option<Arc<str>>> {
    let mut names = Vec::new();
    let mut at = id;
    let mut stmt = conn.prepare_cached("SELECT parent_id, name FROM categories WHERE id = ?1")?;
    // Bounded even if a hand-edited file made a loop.
    while let Some(id) = at.filter(|_| names.len() < MAX_DEPTH * 2) {
        let Some((parent, name)) = stmt
            .query_row([id], |r| {
                Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
        else {
            break;
        };
        names.push(name);
        at = parent;
    }
    names.reverse();
    Ok((!names.is_empty()).then(|| opml::category_path(names.iter().map(String::as_str)).into()))
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub known: usize,
}

/// The store id of an OPML category, resolving the unresolved ones above it first (each
/// once, so the whole import stays linear).
pub(super) fn resolve(
    conn: &Connection,
    opml: &Opml,
    ids: &mut [Option<Option<i64>>],
    category: Option<usize>,
) -> Result<Option<i64>> {
    let mut chain = Vec::new();
    let mut at = category.filter(|&c| c < ids.len());
    let mut above = None;
    while let Some(c) = at {
        if let Some(id) = ids[c] {
            above = id;
            break;
        }
        chain.push(c);
        at = opml.parent_of(c);
    }
    for &c in chain.iter().rev() {
        above = child(conn, above, &opml.categories[c].name)?;
        ids[c] = Some(above);
    }
    Ok(above)
}

/// Every http(s) subscription with its category, in the store's order, for `export`.
pub(super) fn export(conn: &Connection) -> Result<Opml> {
    let mut opml = Opml::default();
    let mut index: HashMap<i64, usize> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, parent_id, name FROM categories ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (id, parent, name) = row?;
        index.insert(id, opml.categories.len());
        opml.categories.push(OpmlCategory {
            name,
            parent: parent.and_then(|p| index.get(&p).copied()),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT url, coalesce(title, url), site_url, category_id FROM feeds \
         WHERE url LIKE 'http%' ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OpmlEntry {
            xml_url: r.get(0)?,
            title: r.get(1)?,
            html_url: r.get(2)?,
            category: r
                .get::<_, Option<i64>>(3)?
                .and_then(|c| index.get(&c).copied()),
        })
    })?;
    for row in rows {
        opml.entries.push(row?);
    }
    Ok(opml)
}

#[cfg(test)]
mod tests {
    use crate::feed::opml::{Opml, OpmlEntry};
    use crate::store::Store;

    fn entry(opml: &mut Opml, url: &str, category: Option<usize>) {
        opml.entries.push(OpmlEntry {
            title: format!("Báo {url}"),
            xml_url: url.into(),
            html_url: None,
            category,
        });
    }

    #[test]
    fn a_category_is_stored_once_for_all_its_feeds() {
        let mut store = Store::open_in_memory().unwrap();
        let mut opml = Opml::default();
        let big = opml.add_category(None, &"Thời sự ".repeat(1000));
        for i in 0..300 {
            entry(&mut opml, &format!("http://127.0.0.1/{i}"), Some(big));
        }
        let done = store.import_opml(&opml).unwrap();
        assert_eq!((done.added, done.known), (300, 0));
        let stored: i64 = store
            .conn
            .query_row("SELECT sum(length(name)) FROM categories", [], |r| r.get(0))
            .unwrap();
        assert!(stored <= super::MAX_CATEGORY_CHARS as i64, "{stored}");
        let feeds = store.feeds().unwrap();
        assert!(feeds.iter().all(|f| {
            f.category
                .as_deref()
                .unwrap()
                .starts_with("Thời sự Thời sự")
        }));
        assert_eq!(store.import_opml(&opml).unwrap().known, 300);
    }

    #[test]
    fn depth_and_count_are_capped_by_filing_one_level_up() {
        let mut store = Store::open_in_memory().unwrap();
        let mut opml = Opml::default();
        let mut parent = None;
        for i in 0..40 {
            parent = Some(opml.add_category(parent, &format!("c{i}")));
        }
        entry(&mut opml, "http://127.0.0.1/deep", parent);
        for i in 0..1100 {
            let c = opml.add_category(None, &format!("top{i}"));
            entry(&mut opml, &format!("http://127.0.0.1/top{i}"), Some(c));
        }
        store.import_opml(&opml).unwrap();
        let feeds = store.feeds().unwrap();
        let deep = feeds.iter().find(|f| f.url.ends_with("/deep")).unwrap();
        let names: Vec<&str> = deep.category.as_deref().unwrap().split('/').collect();
        assert_eq!(names.len(), crate::feed::opml::MAX_DEPTH);
        assert_eq!(names.last(), Some(&"c15"));
        let count: i64 = store
            .conn
            .query_row("SELECT count(*) FROM categories", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, super::MAX_CATEGORIES);
        let last = feeds.iter().find(|f| f.url.ends_with("/top1099")).unwrap();
        assert_eq!(last.category, None);
        assert_eq!(store.feed(deep.id).unwrap().category, deep.category);
        // Unsubscribing empties categories, which then no longer count.
        store.remove_feed(deep.id).unwrap();
        let count: i64 = store
            .conn
            .query_row("SELECT count(*) FROM categories", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, super::MAX_CATEGORIES - 16);
    }

    #[test]
    fn a_path_with_an_escaped_slash_names_one_category() {
        let mut store = Store::open_in_memory().unwrap();
        let (id, _) = store
            .add_feed("http://127.0.0.1/a", None, Some("Tin/Thời sự\\/Chính trị"))
            .unwrap();
        let opml = store.opml().unwrap();
        assert_eq!(
            opml.names(opml.entries[0].category),
            ["Tin", "Thời sự/Chính trị"]
        );
        assert_eq!(
            store.feed(id).unwrap().category.as_deref(),
            Some("Tin/Thời sự\\/Chính trị")
        );
    }
}
