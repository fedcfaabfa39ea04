//! Every dependency that ships in the binary (normal and build dependencies, every platform,
//! from `cargo metadata`) has a licence that lets docbao be distributed under MIT: an SPDX
//! expression that holds with permissive licences alone. Copyleft (GPL, LGPL, AGPL, ...)
//! fails unless an `OR` offers a permissive choice; an unknown licence fails until someone
//! reads it and adds it here. MPL-2.0 is allowed (see README: its copyleft covers the MPL
//! files themselves, which docbao uses unmodified).
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::process::Command;

/// Licences that put no condition on docbao's own code.
const PERMISSIVE: &[&str] = &[
    "0BSD",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BSL-1.0",
    "CC0-1.0",
    "CDLA-Permissive-2.0",
    "ISC",
    "MIT",
    "MIT-0",
    "MPL-2.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "WTFPL",
    "Zlib",
];

/// Whether an SPDX licence expression can be met with [`PERMISSIVE`] licences; `Err` when it
/// does not parse. The legacy `/` separator counts as `OR`; a `WITH` exception only adds
/// permissions, so it is judged by its licence.
fn permissive(expr: &str) -> Result<bool, String> {
    let spaced = expr
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    let ok = or_expr(&tokens, &mut pos)?;
    if pos != tokens.len() {
        return Err(format!("unexpected {:?} in {expr:?}", tokens[pos]));
    }
    Ok(ok)
}

fn or_expr(t: &[&str], pos: &mut usize) -> Result<bool, String> {
    let mut ok = and_expr(t, pos)?;
    while t.get(*pos) == Some(&"OR") {
        *pos += 1;
        ok |= and_expr(t, pos)?;
    }
    Ok(ok)
}

fn and_expr(t: &[&str], pos: &mut usize) -> Result<bool, String> {
    let mut ok = licence(t, pos)?;
    while t.get(*pos) == Some(&"AND") {
        *pos += 1;
        ok &= licence(t, pos)?;
    }
    Ok(ok)
}

fn licence(t: &[&str], pos: &mut usize) -> Result<bool, String> {
    let token = *t.get(*pos).ok_or("expression ends early")?;
    *pos += 1;
    let ok = match token {
        "(" => {
            let ok = or_expr(t, pos)?;
            if t.get(*pos) != Some(&")") {
                return Err("unbalanced parenthesis".into());
            }
            *pos += 1;
            ok
        }
        "AND" | "OR" | "WITH" | ")" => return Err(format!("unexpected {token:?}")),
        id => PERMISSIVE.contains(&id),
    };
    if t.get(*pos) == Some(&"WITH") {
        t.get(*pos + 1).ok_or("WITH without an exception")?;
        *pos += 2;
    }
    Ok(ok)
}

#[test]
fn the_licence_check_tells_copyleft_from_permissive() {
    for ok in [
        "MIT",
        "MIT OR Apache-2.0",
        "MIT/Apache-2.0",
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT",
        "(MIT OR Apache-2.0) AND Unicode-3.0",
        "MIT OR Apache-2.0 OR LGPL-2.1-or-later",
    ] {
        assert_eq!(permissive(ok), Ok(true), "{ok}");
    }
    for copyleft in [
        "GPL-3.0-only",
        "LGPL-2.1-or-later",
        "AGPL-3.0",
        "MIT AND GPL-2.0-or-later",
        "(MIT OR Apache-2.0) AND LGPL-3.0",
        "GPL-2.0 WITH Classpath-exception-2.0",
        "Some-Unknown-Licence",
    ] {
        assert_eq!(permissive(copyleft), Ok(false), "{copyleft}");
    }
    for broken in ["", "MIT OR", "(MIT", "MIT Apache-2.0", "AND MIT"] {
        assert!(permissive(broken).is_err(), "{broken:?}");
    }
}

/// The packages docbao links (normal and build edges from the root, every platform).
fn shipped_packages(meta: &Value) -> BTreeSet<String> {
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let root = meta["resolve"]["root"].as_str().unwrap();
    let mut seen = BTreeSet::new();
    let mut todo = vec![root];
    while let Some(id) = todo.pop() {
        if !seen.insert(id.to_owned()) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let shipped = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].as_str() != Some("dev"));
            if shipped {
                todo.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen
}

#[test]
fn every_shipped_dependency_is_permissively_licensed() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo metadata (offline: run `cargo fetch` first): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let shipped = shipped_packages(&meta);
    // Dev-only dependencies are left out, and every platform's dependencies are in.
    assert!(!shipped.iter().any(|id| id.contains("#insta@")));
    assert!(shipped.iter().any(|id| id.contains("#windows-sys@")));
    let mut bad = Vec::new();
    for p in meta["packages"].as_array().unwrap() {
        if !shipped.contains(p["id"].as_str().unwrap()) {
            continue;
        }
        let name = format!("{} {}", p["name"], p["version"]);
        match p["license"].as_str() {
            None => bad.push(format!("{name}: no SPDX licence (only a file)")),
            Some(expr) => match permissive(expr) {
                Ok(true) => {}
                Ok(false) => bad.push(format!("{name}: {expr}")),
                Err(e) => bad.push(format!("{name}: {expr}: {e}")),
            },
        }
    }
    assert!(
        bad.is_empty(),
        "dependencies whose licence is copyleft or not reviewed:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_licence_file_is_the_crates_licence() {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/LICENSE")).unwrap();
    assert!(text.starts_with("MIT License"), "{text}");
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT");
}
