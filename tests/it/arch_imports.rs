//! The import graph of `src/`: no cycle between files, and no arrow from a lower layer to a
//! higher one (architecture.md: main -> runtime/commands -> app, view -> layout, store,
//! article, feed, net -> text, i18n). Read from the source: every `crate::…` and
//! `super::…` path outside test modules and comments is an arrow to the file that defines
//! the module it names.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules from the top down: an arrow may only point to a lower rank. A new
/// module must be given its place here.
const RANKS: &[(&str, u8)] = &[
    ("runtime", 9),
    ("commands", 8),
    ("refresh", 7),
    ("sync", 7),
    ("tui", 7),
    ("cli", 7),
    ("view", 6),
    ("app", 5),
    ("layout", 4),
    ("picture", 4),
    ("theme", 4),
    ("article", 3),
    ("store", 3),
    ("net", 2),
    ("config", 2),
    ("feed", 1),
    ("arrival", 1),
    ("files", 1),
    ("text", 0),
    ("i18n", 0),
    ("assets", 0),
];

type Module = Vec<String>;

/// Every module file: its path as a module (`src/app/reader.rs` -> app::reader).
fn modules(dir: &Path, prefix: &Module, out: &mut BTreeMap<Module, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut p = prefix.clone();
            p.push(name);
            modules(&path, &p, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut m = prefix.clone();
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                m.push(name);
            }
            let text = std::fs::read_to_string(&path).unwrap();
            out.insert(m, code_only(&text));
        }
    }
}

/// The text without its test module (at the end, by the crate's habit) and comments.
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths after each `crate::` and `super::` (a `{…}` group gives one per item).
fn paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let mut out = Vec::new();
    for (start, root) in [("crate::", true), ("super::", false)] {
        for (i, _) in code.match_indices(start) {
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[i + start.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',') {
                    let segs = segments(item.trim());
                    if !segs.is_empty() {
                        out.push((root, segs));
                    }
                }
            } else {
                out.push((root, segments(rest)));
            }
        }
    }
    out
}

fn segments(s: &str) -> Vec<String> {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(s.len());
    s[..end]
        .split("::")
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Arrows between module files; a module's own facade (its mod.rs re-exports, a child
/// using its parent's names) is structure, not an arrow.
fn arrows(mods: &BTreeMap<Module, String>) -> BTreeSet<(Module, Module)> {
    let mut out = BTreeSet::new();
    for (m, code) in mods {
        for (from_crate, segs) in paths(code) {
            let mut full: Module = if from_crate {
                Vec::new()
            } else {
                m[..m.len().saturating_sub(1)].to_vec()
            };
            full.extend(segs);
            let target = (0..=full.len())
                .rev()
                .map(|k| full[..k].to_vec())
                .find(|p| mods.contains_key(p));
            let Some(t) = target else { continue };
            let related = t.starts_with(m) || m.starts_with(&t);
            if !related {
                out.insert((m.clone(), t));
            }
        }
    }
    out
}

fn src() -> BTreeMap<Module, String> {
    let mut mods = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &Vec::new(),
        &mut mods,
    );
    mods
}

#[test]
fn no_arrow_points_up_a_layer() {
    let mods = src();
    let rank = |m: &Module| {
        let top = m.first().map(String::as_str).unwrap_or("main");
        RANKS
            .iter()
            .find(|(n, _)| *n == top)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("{top} has no place in RANKS"))
    };
    let mut up = Vec::new();
    for (a, b) in arrows(&mods) {
        if a.is_empty() || b.is_empty() || a[0] == b[0] {
            continue;
        }
        if rank(&a) <= rank(&b) {
            up.push(format!("{} -> {}", a.join("::"), b.join("::")));
        }
    }
    assert!(up.is_empty(), "arrows up or sideways: {up:#?}");
    // The rule the TUI core was untangled for, said on its own.
    assert!(
        arrows(&mods)
            .iter()
            .all(|(a, b)| a[0] != "app" || b[0] != "view")
    );
}

#[test]
fn no_import_cycle_between_files() {
    let mods = src();
    let arrows = arrows(&mods);
    let mut next: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in &arrows {
        next.entry(a).or_default().push(b);
    }
    // Depth-first search; a grey node met again closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Grey,
        Black,
    }
    let mut marks: BTreeMap<&Module, Mark> = BTreeMap::new();
    for start in mods.keys() {
        if marks.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&Module, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Grey);
        while let Some((m, i)) = stack.pop() {
            let outs = next.get(m).map(Vec::as_slice).unwrap_or_default();
            if let Some(&t) = outs.get(i) {
                stack.push((m, i + 1));
                match marks.get(t) {
                    Some(Mark::Grey) => {
                        let path: Vec<String> = stack
                            .iter()
                            .map(|(m, _)| m.join("::"))
                            .chain([t.join("::")])
                            .collect();
                        panic!("an import cycle: {}", path.join(" -> "));
                    }
                    Some(Mark::Black) => {}
                    None => {
                        marks.insert(t, Mark::Grey);
                        stack.push((t, 0));
                    }
                }
            } else {
                marks.insert(m, Mark::Black);
            }
        }
    }
}

/// The checker sees what it must: the arrow that was the knot (keys <-> update) would be
/// found, and a `{…}` group counts each item.
#[test]
fn the_checker_reads_groups_and_super() {
    let mut mods = BTreeMap::new();
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Module>();
    mods.insert(m("app"), String::new());
    mods.insert(m("app::keys"), "use super::{update, state::Pane};".into());
    mods.insert(
        m("app::update"),
        "fn f() { crate::app::keys::on_key(); }".into(),
    );
    mods.insert(m("app::state"), String::new());
    let a = arrows(&mods);
    assert!(a.contains(&(m("app::keys"), m("app::update"))));
    assert!(a.contains(&(m("app::keys"), m("app::state"))));
    assert!(a.contains(&(m("app::update"), m("app::keys"))));
}
